// Each person's MSAL token cache (access and refresh tokens, account) lives in storage, encrypted
// with AES-256-GCM under TOKEN_CACHE_KEY, one record per person. So a restart or another instance
// recognises a signed-in person without asking them to sign in again. The person's object id is
// bound into the ciphertext (GCM additional data): a record copied under another key will not open.
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import type { ICachePlugin, TokenCacheContext } from '@azure/msal-node';
import type { Storage } from 'botbuilder';

const VERSION = 'v1';

export function encrypt(key: Buffer, plain: string, boundTo: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from(boundTo));
  const data = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return [VERSION, iv.toString('base64'), cipher.getAuthTag().toString('base64'), data.toString('base64')].join('.');
}

export function decrypt(key: Buffer, sealed: string, boundTo: string): string {
  const [version, iv, tag, data] = sealed.split('.');
  if (version !== VERSION || !iv || !tag || data === undefined) throw new Error('token cache record has an unknown format');
  const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64'));
  decipher.setAAD(Buffer.from(boundTo));
  decipher.setAuthTag(Buffer.from(tag, 'base64'));
  return Buffer.concat([decipher.update(Buffer.from(data, 'base64')), decipher.final()]).toString('utf8');
}

const keyFor = (oid: string) => `tokencache/${oid}`;

/** The MSAL cache plugin for one person: load before MSAL reads, save when MSAL changed something. */
export class UserTokenCache implements ICachePlugin {
  constructor(
    private readonly storage: Storage,
    private readonly key: Buffer,
    private readonly oid: string,
    private readonly onUnreadable: (err: unknown) => void = () => {},
  ) {}

  async beforeCacheAccess(context: TokenCacheContext): Promise<void> {
    const items = await this.storage.read([keyFor(this.oid)]);
    const sealed = (items[keyFor(this.oid)] as { sealed?: string } | undefined)?.sealed;
    if (!sealed) return;
    try {
      context.tokenCache.deserialize(decrypt(this.key, sealed, this.oid));
    } catch (err) {
      // A rotated TOKEN_CACHE_KEY or a damaged record: the person signs in again, nothing worse.
      this.onUnreadable(err);
    }
  }

  async afterCacheAccess(context: TokenCacheContext): Promise<void> {
    if (!context.cacheHasChanged) return;
    const sealed = encrypt(this.key, context.tokenCache.serialize(), this.oid);
    await this.storage.write({ [keyFor(this.oid)]: { sealed, eTag: '*' } });
  }
}

export async function forgetUserTokens(storage: Storage, oid: string): Promise<void> {
  await storage.delete([keyFor(oid)]);
}
