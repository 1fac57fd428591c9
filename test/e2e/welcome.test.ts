// Installing the app: a welcome card in a personal chat, a group chat and a team, and the request
// ids of Graph's answers in the logs (what Microsoft support asks for).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCard } from '../support/cards.ts';
import { startWorld, type World } from '../support/sandbox.ts';
import { signIn } from '../support/sign-in.ts';

let world: World;
beforeAll(async () => {
  world = await startWorld({ name: 'welcome' });
});
afterAll(async () => world?.close());

describe('installation', () => {
  it.each([
    ['a personal chat', () => world.dt.channel.personal('adele@contoso.com')],
    ['a group chat', () => world.dt.channel.groupChat(['adele@contoso.com', 'megan@contoso.com', 'lee@contoso.com'])],
    ['a team', () => world.dt.channel.teamChannel('IT Help', 'General', { as: 'patti@contoso.com' })],
  ])('in %s, the bot says hello with what it can do', async (_where, chatOf) => {
    const turns = await chatOf().install();
    const cards = turns.flatMap((t) => t.cards);
    expect(cards).toHaveLength(1); // once, though Teams sends conversationUpdate and installationUpdate
    expect(JSON.stringify(cards[0])).toMatch(/Hi, I'm Tenant Desk/);
    expect(parseCard(cards[0])).toEqual([]);
    expect(turns.every((t) => t.status < 300)).toBe(true);
  });
});

describe('logs', () => {
  it("carry Graph's request ids for every answer", async () => {
    await signIn(world.dt, 'adele@contoso.com');
    await world.dt.channel.personal('adele@contoso.com').send('what licenses do we have?');
    const sent = world.bot.logs().filter((l) => l.event === 'answer.sent').at(-1)!;
    expect(sent.graphRequestIds).toEqual(expect.arrayContaining([expect.stringMatching(/^[0-9a-f-]{36}$/)]));
    expect(sent.activityId).toBeTruthy();
    expect(sent.conversationType).toBe('personal');
  });
});
