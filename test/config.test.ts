import { writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, isMicrosoftAuthority, loadConfig, secretsOf } from '../src/config.ts';
import { TEST_CACHE_KEY, TEST_SECRET, validEnv } from './support/env.ts';

function failure(env: Record<string, string | undefined>): ConfigError {
  try {
    loadConfig(env);
  } catch (err) {
    if (err instanceof ConfigError) return err;
    throw err;
  }
  throw new Error('expected a ConfigError');
}

describe('loadConfig', () => {
  it('reads a complete environment and fills Microsoft defaults', () => {
    const c = loadConfig(validEnv());
    expect(c.bot.appIdUri).toBe('api://botid-17766803-da67-4b3a-867c-4fd0dde150b2');
    expect(c.authorityHost).toBe('https://login.microsoftonline.com');
    expect(c.graphBaseUrl).toBe('https://graph.microsoft.com');
    expect(c.botFramework.tokenIssuer).toBe('https://api.botframework.com');
    expect(c.botFramework.loginUrl).toBe('https://login.microsoftonline.com/db0a0aea-81ad-4375-b1ad-fc8ed0c1fee2');
    expect(c.tokenCacheKey).toHaveLength(32);
    expect(c.limits.invokeDeadlineMs).toBeLessThan(5000);
  });

  it.each([
    ['BOT_ID', { BOT_ID: undefined }, /BOT_ID: is required/],
    ['BOT_ID', { BOT_ID: 'not-a-guid' }, /BOT_ID: must be a GUID/],
    ['BOT_TENANT_ID', { BOT_TENANT_ID: '' }, /BOT_TENANT_ID: is required/],
    ['AAD_AUTHORITY_HOST', { AAD_AUTHORITY_HOST: 'http://localhost:7443' }, /must use https/],
    ['GRAPH_BASE_URL', { GRAPH_BASE_URL: 'graph' }, /absolute URL/],
    ['PORT', { PORT: '70000' }, /between 0 and 65535/],
    ['LOG_LEVEL', { LOG_LEVEL: 'loud' }, /one of debug, info, warn, error/],
    ['ADMIN_CHANNEL_IDS', { ADMIN_CHANNEL_IDS: '19:abc@thread.tacv2, general' }, /19:…@thread.tacv2/],
    ['STORAGE_CONTAINER', { STORAGE_CONTAINER: 'Bad_Name' }, /blob container name/],
    ['TRUSTED_CA_FILE', { TRUSTED_CA_FILE: '/nonexistent/ca.pem' }, /no file/],
  ])('names %s when it is bad', (variable, overrides, message) => {
    const err = failure(validEnv(overrides));
    expect(err.variable).toBe(variable);
    expect(err.message.startsWith(`${variable}: `)).toBe(true);
    expect(err.message).toMatch(message);
  });

  it('never echoes a secret, even a malformed one', () => {
    const badKey = failure(validEnv({ TOKEN_CACHE_KEY: 'c2hvcnQ=' }));
    expect(badKey.variable).toBe('TOKEN_CACHE_KEY');
    expect(badKey.message).not.toContain('c2hvcnQ=');
    const badStorage = failure(validEnv({ STORAGE_CONNECTION_STRING: 'SuperSecretValue123' }));
    expect(badStorage.message).not.toContain('SuperSecretValue123');
    const missing = failure(validEnv({ BOT_PASSWORD: undefined }));
    expect(missing.message).toMatch(/BOT_PASSWORD: is required \(a secret/);
  });

  it('refuses the sandbox SSO shortcut against a Microsoft authority', () => {
    const err = failure(validEnv({ SANDBOX_SSO_TOKEN_URL: 'http://localhost:7445/_dev/sso-token' }));
    expect(err.variable).toBe('SANDBOX_SSO_TOKEN_URL');
    expect(err.message).toMatch(/login\.microsoftonline\.com/);
    const ok = loadConfig(validEnv({ SANDBOX_SSO_TOKEN_URL: 'http://localhost:7445/_dev/sso-token', AAD_AUTHORITY_HOST: 'https://localhost:7443' }));
    expect(ok.sandboxSsoTokenUrl).toBe('http://localhost:7445/_dev/sso-token');
  });

  it('recognises Microsoft authority hosts, including subdomains, and nothing else', () => {
    expect(isMicrosoftAuthority('https://login.microsoftonline.com')).toBe(true);
    expect(isMicrosoftAuthority('https://login.microsoftonline.us/x')).toBe(true);
    expect(isMicrosoftAuthority('https://localhost:7443')).toBe(false);
    expect(isMicrosoftAuthority('https://login.microsoftonline.com.evil.example')).toBe(false);
  });

  it('accepts a PEM trusted CA file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'td-ca-'));
    const file = join(dir, 'ca.pem');
    writeFileSync(file, '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n');
    expect(loadConfig(validEnv({ TRUSTED_CA_FILE: file })).trustedCaFile).toBe(file);
  });

  it('lists every secret for the log redactor', () => {
    const c = loadConfig(validEnv({ STORAGE_CONNECTION_STRING: 'DefaultEndpointsProtocol=http;AccountName=a;AccountKey=S3cretKeyValue==;BlobEndpoint=http://x' }));
    const secrets = secretsOf(c);
    expect(secrets).toContain(TEST_SECRET);
    expect(secrets).toContain(TEST_CACHE_KEY);
    expect(secrets).toContain('S3cretKeyValue==');
  });
});
