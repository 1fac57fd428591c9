// Talking to the bot below the driver: any body, any token. The dev tenant keeps its channel keys in
// a folder the test chooses, so tests can sign tokens exactly as the channel does — or almost.
import { randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadOrCreateKeys } from '../../devtenant/entra/keystore.ts';
import { signJwt, type SigningKey } from '../../devtenant/shared/jwt.ts';
import type { World } from './sandbox.ts';

export const newKeysDir = () => mkdtempSync(join(tmpdir(), 'td-keys-'));

export interface RawChannel {
  key: SigningKey;
  activity(overrides?: Record<string, unknown>, upn?: string): Record<string, unknown>;
  token(claims?: Record<string, unknown>, key?: SigningKey, header?: Record<string, unknown>): string;
  /** POSTs a body (an object, or a string sent as it is) and reports what the bot did. */
  post(body: unknown, authorization?: string | null): Promise<{ status: number; text: string; sent: number; graphOrEntra: number }>;
}

export function rawChannel(world: World, keysDir: string): RawChannel {
  const key = loadOrCreateKeys(keysDir, 'channel')[0]!;
  const token: RawChannel['token'] = (claims = {}, k = key, header = {}) => {
    const now = Math.floor(Date.now() / 1000);
    return signJwt({ iss: world.env.BF_TOKEN_ISSUER, aud: world.env.BOT_ID, serviceurl: world.dt.urls.serviceUrl, nbf: now - 10, exp: now + 600, ...claims }, k, header);
  };
  return {
    key,
    token,
    activity(overrides = {}, upn = 'adele@contoso.com') {
      const user = world.dt.tenant.userByUpn.get(upn)!;
      return {
        type: 'message',
        id: `f:${randomUUID()}`,
        timestamp: new Date().toISOString(),
        channelId: 'msteams',
        serviceUrl: world.dt.urls.serviceUrl,
        from: { id: `29:${user.id}`, name: String(user.displayName), aadObjectId: user.id },
        recipient: { id: `28:${world.env.BOT_ID}`, name: 'Tenant Desk' },
        conversation: { id: (world.dt.channel.personal(upn).conversation as { id: string }).id, conversationType: 'personal', tenantId: world.env.BOT_TENANT_ID },
        channelData: { tenant: { id: world.env.BOT_TENANT_ID } },
        text: 'help',
        ...overrides,
      };
    },
    async post(body, authorization = `Bearer ${token()}`) {
      const mark = world.dt.channel.mark();
      const logMark = world.dt.log.mark();
      const res = await fetch(`${world.bot.url}/api/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(authorization ? { authorization } : {}) },
        body: typeof body === 'string' ? body : JSON.stringify(body),
      });
      const text = await res.text();
      await new Promise((ok) => setTimeout(ok, 150)); // anything the turn would still send
      return { status: res.status, text, sent: world.dt.channel.sent({ since: mark }).length, graphOrEntra: world.dt.log.since(logMark).filter((r) => r.service !== 'channel').length };
    },
  };
}
