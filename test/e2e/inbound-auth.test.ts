// With a bot app id configured, POST /api/messages refuses every token the channel would not have
// sent — with 401, never 500 — and runs no turn; a token signed by the channel's keys gets 200.
import { randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadOrCreateKeys } from '../../devtenant/entra/keystore.ts';
import { newSigningKey, signJwt, type SigningKey } from '../../devtenant/shared/jwt.ts';
import { startWorld, type World } from '../support/sandbox.ts';

let world: World;
let channelKey: SigningKey;
const keysDir = mkdtempSync(join(tmpdir(), 'td-keys-'));

beforeAll(async () => {
  world = await startWorld({ name: 'inbound-auth', devtenant: { keysDir } });
  channelKey = loadOrCreateKeys(keysDir, 'channel')[0]!;
});
afterAll(async () => world?.close());

function activity(overrides: Record<string, unknown> = {}) {
  const user = world.dt.tenant.userByUpn.get('adele@contoso.com')!;
  return {
    type: 'message',
    id: `f:${randomUUID()}`,
    timestamp: new Date().toISOString(),
    channelId: 'msteams',
    serviceUrl: world.dt.urls.serviceUrl,
    from: { id: `29:${user.id}`, name: 'Adele Vance', aadObjectId: user.id },
    recipient: { id: `28:${world.env.BOT_ID}`, name: 'Tenant Desk' },
    conversation: { id: (world.dt.channel.personal('adele@contoso.com').conversation as { id: string }).id, conversationType: 'personal', tenantId: world.env.BOT_TENANT_ID },
    channelData: { tenant: { id: world.env.BOT_TENANT_ID } },
    text: 'who is synced?',
    ...overrides,
  };
}

function token(claims: Record<string, unknown> = {}, key: SigningKey = channelKey, header: Record<string, unknown> = {}) {
  const now = Math.floor(Date.now() / 1000);
  return signJwt({ iss: world.env.BF_TOKEN_ISSUER, aud: world.env.BOT_ID, serviceurl: world.dt.urls.serviceUrl, nbf: now - 10, exp: now + 600, ...claims }, key, header);
}

async function post(body: unknown, authorization?: string) {
  const mark = world.dt.channel.mark();
  const logMark = world.dt.log.mark();
  const res = await fetch(`${world.bot.url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json', ...(authorization ? { authorization } : {}) }, body: JSON.stringify(body) });
  await new Promise((ok) => setTimeout(ok, 200)); // anything the turn would have sent
  const sent = world.dt.channel.sent({ since: mark });
  const graphOrEntra = world.dt.log.since(logMark).filter((r) => r.service !== 'channel');
  return { status: res.status, sent, graphOrEntra };
}

describe('inbound Bot Framework authentication', () => {
  const forged: [string, () => { body: unknown; auth?: string }][] = [
    ['no token', () => ({ body: activity() })],
    ['wrong audience (a token for another bot)', () => ({ body: activity(), auth: `Bearer ${token({ aud: randomUUID() })}` })],
    ['wrong issuer', () => ({ body: activity(), auth: `Bearer ${token({ iss: 'https://api.botframework.com.evil.example' })}` })],
    ['bad signature', () => ({ body: activity(), auth: `Bearer ${token({}, { ...newSigningKey(channelKey.kid) })}` })],
    ['expired', () => ({ body: activity(), auth: `Bearer ${token({ nbf: Math.floor(Date.now() / 1000) - 7200, exp: Math.floor(Date.now() / 1000) - 3600 })}` })],
    ['unknown key id', () => ({ body: activity(), auth: `Bearer ${token({}, newSigningKey())}` })],
    ['serviceurl claim not matching the activity', () => ({ body: activity(), auth: `Bearer ${token({ serviceurl: 'https://smba.trafficmanager.net/evil/' })}` })],
    ['endorsement not matching the channel', () => ({ body: activity({ channelId: 'webchat' }), auth: `Bearer ${token()}` })],
    ['not a JWT at all', () => ({ body: activity(), auth: 'Bearer not-a-token' })],
  ];

  it.each(forged)('refuses %s with 401 and runs no turn', async (_name, make) => {
    const { body, auth } = make();
    const r = await post(body, auth);
    expect(r.status).toBe(401);
    expect(r.sent).toEqual([]);
    expect(r.graphOrEntra).toEqual([]);
  });

  it('accepts a token signed by the channel keys it trusts (200, and the turn runs)', async () => {
    const r = await post(activity({ text: 'help' }), `Bearer ${token()}`);
    expect(r.status).toBe(200);
    expect(r.sent.length).toBeGreaterThan(0);
  });

  it('runs no turn and makes no Graph call for an activity from another tenant', async () => {
    const other = randomUUID();
    const r = await post(activity({ conversation: { id: `a:${randomUUID()}`, conversationType: 'personal', tenantId: other }, channelData: { tenant: { id: other } } }), `Bearer ${token()}`);
    expect(r.status).toBe(200);
    expect(r.sent).toEqual([]);
    expect(r.graphOrEntra).toEqual([]);
    expect(world.bot.logs().some((l) => l.event === 'turn.refused.tenant')).toBe(true);
  });
});
