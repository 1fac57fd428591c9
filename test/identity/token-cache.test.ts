import { describe, expect, it } from 'vitest';
import { decrypt, encrypt } from '../../src/identity/token-cache.ts';

const key = Buffer.alloc(32, 3);

describe('token cache encryption', () => {
  it('round-trips and hides the plaintext', () => {
    const sealed = encrypt(key, '{"AccessToken":{"secret":"abc"}}', 'oid-1');
    expect(sealed).not.toContain('secret');
    expect(decrypt(key, sealed, 'oid-1')).toBe('{"AccessToken":{"secret":"abc"}}');
  });

  it('refuses another key, another person, and tampering', () => {
    const sealed = encrypt(key, 'payload', 'oid-1');
    expect(() => decrypt(Buffer.alloc(32, 4), sealed, 'oid-1')).toThrow();
    expect(() => decrypt(key, sealed, 'oid-2')).toThrow();
    const parts = sealed.split('.');
    parts[3] = Buffer.from('tampered').toString('base64');
    expect(() => decrypt(key, parts.join('.'), 'oid-1')).toThrow();
  });
});
