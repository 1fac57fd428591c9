// Malformed activities: whatever arrives, the answer is a 4xx or a polite reply — never a 500,
// never a crash — and the process keeps serving.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { flushFigures, tally } from '../support/figures.ts';
import { newKeysDir, rawChannel, type RawChannel } from '../support/raw-channel.ts';
import { startWorld, type World } from '../support/sandbox.ts';

let world: World;
let raw: RawChannel;
const keysDir = newKeysDir();

beforeAll(async () => {
  world = await startWorld({ name: 'malformed', devtenant: { keysDir } });
  raw = rawChannel(world, keysDir);
});
afterAll(async () => {
  flushFigures();
  await world?.close();
});

const cases: [string, () => unknown, (r: { status: number; sent: number }) => void][] = [
  ['invalid JSON', () => '{"type":"message",', (r) => expect(r.status).toBe(400)],
  ['a JSON array', () => '[1,2,3]', (r) => expect(r.status).toBe(400)],
  ['a JSON string', () => '"hello"', (r) => expect(r.status).toBe(400)],
  ['an empty object', () => ({}), (r) => expect(r.status).toBe(400)],
  ['no type', () => raw.activity({ type: undefined }), (r) => expect(r.status).toBe(400)],
  ['no conversation', () => raw.activity({ conversation: undefined }), (r) => expect([200, 400]).toContain(r.status)],
  ['no from', () => raw.activity({ from: undefined }), (r) => expect([200, 400]).toContain(r.status)],
  ['a wrong type for text', () => raw.activity({ text: { nested: true } }), (r) => expect([200, 400]).toContain(r.status)],
  ['1 MB of text', () => raw.activity({ text: 'who is synced? '.repeat(70_000) }), (r) => { expect(r.status).toBe(200); expect(r.sent).toBe(1); }],
  ['3 MB of text (over the body limit)', () => raw.activity({ text: 'x'.repeat(3 * 1024 * 1024) }), (r) => expect(r.status).toBe(413)],
  ['an attachment and no text', () => raw.activity({ text: undefined, attachments: [{ contentType: 'image/png', contentUrl: 'https://example.com/x.png' }] }), (r) => { expect(r.status).toBe(200); expect(r.sent).toBe(1); }],
  ['an unknown activity type', () => raw.activity({ type: 'somethingNew' }), (r) => expect(r.status).toBe(200)],
  ['an unknown invoke', () => raw.activity({ type: 'invoke', name: 'composeExtension/fetchTask', value: {} }), (r) => expect(r.status).toBe(400)],
  ['an invoke with no name', () => raw.activity({ type: 'invoke', value: {} }), (r) => expect(r.status).toBe(400)],
  ['a card action with an unknown verb', () => raw.activity({ type: 'invoke', name: 'adaptiveCard/action', value: { action: { type: 'Action.Execute', verb: 'deleteEverything', data: {} } } }), (r) => expect(r.status).toBe(400)],
  ['a card action that is not Action.Execute', () => raw.activity({ type: 'invoke', name: 'adaptiveCard/action', value: { action: { type: 'Action.Submit' } } }), (r) => expect(r.status).toBe(400)],
  ['a page action with forged data', () => raw.activity({ type: 'invoke', name: 'adaptiveCard/action', value: { action: { type: 'Action.Execute', verb: 'page', data: { answerId: '../../tokencache/x', page: -1 } } } }), (r) => expect(r.status).toBe(400)],
  ['a page action for a list that does not exist', () => raw.activity({ type: 'invoke', name: 'adaptiveCard/action', value: { action: { type: 'Action.Execute', verb: 'page', data: { answerId: '11111111-1111-4111-8111-111111111111', page: 1 } } } }), (r) => expect(r.status).toBe(200)],
  ['a choice with a forged intent', () => raw.activity({ type: 'invoke', name: 'adaptiveCard/action', value: { action: { type: 'Action.Execute', verb: 'choose', data: { intent: 'app.delete', entities: {} } } } }), (r) => expect(r.status).toBe(400)],
  ['a choice with forged entities', () => raw.activity({ type: 'invoke', name: 'adaptiveCard/action', value: { action: { type: 'Action.Execute', verb: 'choose', data: { intent: 'user.lookup', entities: { user: { $ne: 1 }, evil: 'x' } } } } }), (r) => expect(r.status).toBe(400)],
  ['an ask with no question', () => raw.activity({ type: 'invoke', name: 'adaptiveCard/action', value: { action: { type: 'Action.Execute', verb: 'ask', data: { question: 42 } } } }), (r) => expect(r.status).toBe(400)],
  ['a tokenExchange with a garbage token', () => raw.activity({ type: 'invoke', name: 'signin/tokenExchange', value: { id: 'x', connectionName: '', token: 'not.a.jwt' } }), (r) => expect(r.status).toBe(412)],
  ['a conversationUpdate with no members', () => raw.activity({ type: 'conversationUpdate', membersAdded: undefined }), (r) => expect(r.status).toBe(200)],
];

describe('malformed activities', () => {
  it.each(cases)('%s: a 4xx or a polite reply, never a 500', async (_name, body, check) => {
    const r = await raw.post(body());
    expect(r.status).not.toBeGreaterThanOrEqual(500);
    check(r);
    tally('malformed activities', r.status < 500 ? 'answered without a 5xx' : 'failed');
  });

  it('keeps serving: /healthz is up and a real question is answered', async () => {
    const health = await fetch(`${world.bot.url}/healthz`);
    expect(health.status).toBe(200);
    const turn = await world.dt.channel.personal('adele@contoso.com').send('help');
    expect(turn.cards).toHaveLength(1);
    expect(world.bot.child.exitCode).toBeNull();
    expect(world.bot.logs().filter((l) => l.event === 'process.unhandled_rejection')).toEqual([]);
  });
});
