// The Graph client holding up: throttling is waited out, a hanging Graph becomes a clear
// "didn't answer in time" card inside the turn's budget, and a person whom Graph refuses gets
// the permission card — with none of the data Graph withheld.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { parseCard } from '../support/cards.ts';
import { startWorld, type World } from '../support/sandbox.ts';

let world: World;
async function signIn(upn: string): Promise<void> {
  const chat = world.dt.channel.personal(upn);
  const asked = await chat.send('help me sign in: who is synced?');
  if (!asked.oauthCard) return;
  const since = world.dt.channel.mark();
  await chat.tokenExchange(asked, { copies: 1 });
  await world.dt.channel.waitFor((s) => s.seq >= since && s.conversationId === chat.conversation.id, 20_000);
}

beforeAll(async () => {
  // A short turn budget so the hang case finishes quickly; still far below Teams' 15 s.
  world = await startWorld({ name: 'graph-resilience', env: { TURN_DEADLINE_MS: '4000', GRAPH_TIMEOUT_MS: '1500', GRAPH_MAX_RETRY_AFTER_SECONDS: '2' } });
  await signIn('patti@contoso.com');
  await signIn('alex@contoso.com');
});
afterAll(async () => world?.close());
beforeEach(() => world.dt.faults.clear());

describe('Graph faults and refusals', () => {
  it('waits out 429s with Retry-After 1 and still answers', async () => {
    world.dt.faults.set([{ service: 'graph', status: 429, retryAfter: 1, times: 2 }]);
    const mark = world.dt.log.mark();
    const turn = await world.dt.channel.personal('patti@contoso.com').send('who is synced?');
    expect(JSON.stringify(turn.cards)).toContain('Who is synced');
    const graph = world.dt.log.since(mark, 'graph').filter((r) => r.batchSeq === undefined);
    expect(graph.filter((r) => r.status === 429).length).toBeGreaterThanOrEqual(1);
    expect(graph.at(-1)!.status).toBe(200);
  });

  it('answers "Graph didn\'t answer in time" when Graph hangs, within the turn', async () => {
    world.dt.faults.set([{ service: 'graph', hang: true }]);
    const turn = await world.dt.channel.personal('patti@contoso.com').send('who is synced?');
    expect(turn.status).toBe(200);
    const card = JSON.stringify(turn.cards[0]);
    expect(card).toContain("didn't answer in time");
    expect(card).toMatch(/client-request-id/);
    expect(parseCard(turn.cards[0])).toEqual([]);
    const done = world.bot.logs().filter((r) => r.event === 'turn.done').at(-1)!;
    expect(Number(done.ms)).toBeLessThan(15_000); // Bot Service gives a turn about 15 s
  });

  it('gives a member who may not read other users the permission card, with no user data', async () => {
    const turn = await world.dt.channel.personal('alex@contoso.com').send('who is synced?');
    const card = JSON.stringify(turn.cards[0]);
    expect(card).toContain("Your account can't read that");
    expect(card).toMatch(/other people/);
    for (const u of world.dt.tenant.data.users.slice(0, 50)) {
      if (u.userPrincipalName === 'alex@contoso.com') continue;
      expect(card).not.toContain(String(u.userPrincipalName));
    }
    expect(card).not.toMatch(/\d+ people are synced|synced from on-premises AD<\/|cloud-only members/);
  });

  it('answers sync status without the GA-only part for a non-admin, saying who can read it', async () => {
    await signIn('adele@contoso.com');
    const turn = await world.dt.channel.personal('adele@contoso.com').send('sync status');
    const card = JSON.stringify(turn.cards[0]);
    expect(card).toContain('Directory sync');
    expect(card).toMatch(/only a Global Administrator may read/);
  });
});
