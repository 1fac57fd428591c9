// Every intent through the real endpoint and the dev tenant, asked the way the help card suggests:
// in a personal chat, and by @mention in a team channel — where an answer not every member may
// read goes to the asker privately and the thread gets only a note.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { capabilities } from '../../src/catalog.ts';
import { parseCard } from '../support/cards.ts';
import { startWorld, type World } from '../support/sandbox.ts';

let world: World;
const ADMIN = 'patti@contoso.com';

beforeAll(async () => {
  // This test asks every question in a few seconds; the default limit (30 a minute) would stop it.
  world = await startWorld({ name: 'intents', env: { QUESTIONS_PER_MINUTE: '600' } });
  const chat = world.dt.channel.personal(ADMIN);
  const asked = await chat.send('sync status');
  const since = world.dt.channel.mark();
  await chat.tokenExchange(asked, { copies: 1 });
  await world.dt.channel.waitFor((s) => s.seq >= since && s.conversationId === (chat.conversation as { id: string }).id, 20_000);
});
afterAll(async () => world?.close());

const graphAnswers = capabilities().filter((c) => c.intent !== 'ticket.list');
const cardsOf = (activities: { activity: Record<string, unknown> }[]) => activities.flatMap((s) => ((s.activity.attachments as { contentType: string; content: Record<string, unknown> }[] | undefined) ?? []).filter((a) => a.contentType === 'application/vnd.microsoft.card.adaptive').map((a) => a.content));
const FAILED = /didn't answer|can't read that|went wrong|couldn't ask/;

describe('every intent, in a personal chat', () => {
  it.each(graphAnswers.map((c) => [c.intent, c.examples[0]!] as const))('%s: “%s” gets a valid answer card', async (_intent, question) => {
    const turn = await world.dt.channel.personal(ADMIN).send(question);
    expect(turn.status).toBe(200);
    expect(turn.cards.length).toBeGreaterThanOrEqual(1);
    const card = turn.cards.at(-1)!;
    expect(parseCard(card)).toEqual([]);
    expect(JSON.stringify(card)).not.toMatch(FAILED);
    expect(Buffer.byteLength(JSON.stringify(card))).toBeLessThanOrEqual(28 * 1024);
  });
});

describe('every intent, by @mention in a team channel', () => {
  it.each(graphAnswers.map((c) => [c.intent, c.audience, c.examples[0]!] as const))('%s (%s): the answer goes where its audience allows', async (_intent, audience, question) => {
    const turn = await world.dt.channel.teamChannel('IT Help', 'General', { as: ADMIN }).send(question, { as: ADMIN });
    const inThread = turn.sent.filter((s) => s.conversationId.startsWith('19:'));
    const privately = turn.sent.filter((s) => !s.conversationId.startsWith('19:'));
    if (audience === 'members') {
      expect(privately).toEqual([]);
      const card = cardsOf(inThread).at(-1)!;
      expect(parseCard(card)).toEqual([]);
      expect(JSON.stringify(card)).not.toMatch(FAILED);
    } else {
      const answer = cardsOf(privately).at(-1)!;
      expect(answer).toBeDefined();
      expect(parseCard(answer)).toEqual([]);
      expect(JSON.stringify(answer)).not.toMatch(FAILED);
      // The thread learns only that an answer was sent privately.
      expect(JSON.stringify(inThread)).toMatch(/private chat/);
      expect(JSON.stringify(cardsOf(inThread))).not.toEqual(JSON.stringify([answer]));
      expect(cardsOf(inThread).every((c) => JSON.stringify(c).length < 1500)).toBe(true);
    }
  });
});
