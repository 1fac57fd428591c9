// With a bot app id configured, POST /api/messages refuses every token the channel would not have
// sent — with 401, never 500 — and runs no turn; a token signed by the channel's keys gets 200.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newSigningKey } from '../../devtenant/shared/jwt.ts';
import { newKeysDir, rawChannel, type RawChannel } from '../support/raw-channel.ts';
import { startWorld, type World } from '../support/sandbox.ts';
import { flushFigures, tally } from '../support/figures.ts';

let world: World;
let raw: RawChannel;
const keysDir = newKeysDir();

beforeAll(async () => {
  world = await startWorld({ name: 'inbound-auth', devtenant: { keysDir } });
  raw = rawChannel(world, keysDir);
});
afterAll(async () => {
  flushFigures();
  await world?.close();
});

const activity = (o: Record<string, unknown> = {}) => raw.activity({ text: 'who is synced?', ...o });
const token = (...args: Parameters<RawChannel['token']>) => raw.token(...args);
const post = async (body: unknown, auth?: string) => {
  const r = await raw.post(body, auth ?? null);
  tally('inbound auth', r.status === 401 || r.status === 200 ? 'ok' : 'failed');
  return { status: r.status, sent: Array.from({ length: r.sent }), graphOrEntra: Array.from({ length: r.graphOrEntra }) };
};

describe('inbound Bot Framework authentication', () => {
  const forged: [string, () => { body: unknown; auth?: string }][] = [
    ['no token', () => ({ body: activity() })],
    ['wrong audience (a token for another bot)', () => ({ body: activity(), auth: `Bearer ${token({ aud: randomUUID() })}` })],
    ['wrong issuer', () => ({ body: activity(), auth: `Bearer ${token({ iss: 'https://api.botframework.com.evil.example' })}` })],
    ['bad signature', () => ({ body: activity(), auth: `Bearer ${token({}, { ...newSigningKey(raw.key.kid) })}` })],
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
    await new Promise((ok) => setTimeout(ok, 100));
  });
});
