// Channels, where silent SSO does not work: someone who signed in before is recognised from the
// token cache and answered in the thread (for an intent every member may see); someone who has
// not gets a private message to sign in, and the answer there. Private answers stay private.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCard } from '../support/cards.ts';
import { startWorld, type World } from '../support/sandbox.ts';

let world: World;
beforeAll(async () => {
  world = await startWorld({ name: 'channel' });
  // Patti signs in once, in her personal chat.
  const chat = world.dt.channel.personal('patti@contoso.com');
  const asked = await chat.send('who is synced?');
  await chat.tokenExchange(asked, { copies: 1 });
  await world.dt.channel.waitFor((s) => JSON.stringify(s.activity).includes('Who is synced'), 20_000);
});
afterAll(async () => world?.close());

describe('in a team channel', () => {
  it('answers a signed-in person in the thread, for an answer every member may read', async () => {
    const channel = world.dt.channel.teamChannel('IT Help', 'General', { as: 'patti@contoso.com' });
    const turn = await channel.send('who is synced?', { as: 'patti@contoso.com' });
    expect(turn.delivered).toBe(true);
    expect(turn.oauthCard).toBeUndefined();
    expect(turn.cards).toHaveLength(1);
    expect(JSON.stringify(turn.cards[0])).toContain('Who is synced');
    expect(turn.sent.every((s) => s.conversationId.startsWith((turn.activity.conversation as { id: string }).id.split(';')[0]!))).toBe(true);
    expect(parseCard(turn.cards[0])).toEqual([]);
  });

  it('sends a private answer to the asker and only a note to the thread', async () => {
    const channel = world.dt.channel.teamChannel('IT Help', 'General', { as: 'patti@contoso.com' });
    const turn = await channel.send('sync status', { as: 'patti@contoso.com' });
    const thread = turn.sent.filter((s) => s.conversationId.startsWith('19:'));
    const privately = turn.sent.filter((s) => !s.conversationId.startsWith('19:'));
    expect(JSON.stringify(thread)).toContain('private chat');
    expect(JSON.stringify(thread)).not.toContain('Sync status');
    expect(privately).toHaveLength(1);
    expect(JSON.stringify(privately[0]!.activity)).toContain('Sync status');
  });

  it('asks someone who never signed in, privately, and answers there', async () => {
    const channel = world.dt.channel.teamChannel('IT Help', 'General', { as: 'megan@contoso.com' });
    const turn = await channel.send('who is synced?', { as: 'megan@contoso.com' });
    expect(turn.oauthCard).toBeDefined();
    const privateMessage = turn.sent.find((s) => !s.conversationId.startsWith('19:'))!;
    expect(privateMessage).toBeDefined();
    expect(JSON.stringify(privateMessage.activity)).toContain('application/vnd.microsoft.card.oauth');
    expect(JSON.stringify(turn.sent.filter((s) => s.conversationId.startsWith('19:')))).toMatch(/private message to sign in/);
    const personal = world.dt.channel.personal('megan@contoso.com');
    const since = world.dt.channel.mark();
    const ex = await personal.tokenExchange(turn.oauthCard!, { copies: 2 });
    expect(ex.map((r) => r.status)).toEqual([200, 200]);
    const answer = await world.dt.channel.waitFor((s) => s.seq >= since && JSON.stringify(s.activity).includes('Who is synced'), 20_000);
    expect(answer.conversationId).toBe(privateMessage.conversationId);
  });

  it('does not see channel posts without an @mention, as in Teams', async () => {
    const channel = world.dt.channel.teamChannel('IT Help', 'General', { as: 'patti@contoso.com' });
    const turn = await channel.send('who is synced?', { as: 'patti@contoso.com', mention: false });
    expect(turn.delivered).toBe(false);
  });
});
