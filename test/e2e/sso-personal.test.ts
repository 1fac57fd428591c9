// Issue: acting as the asker — a new user's first question in a personal chat: OAuthCard →
// tokenExchange sent twice as Teams does → exactly one OBO exchange → the answer; the next
// questions make no token request (the dev tenant's log shows it).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCard } from '../support/cards.ts';
import { startWorld, type World } from '../support/sandbox.ts';

let world: World;
beforeAll(async () => {
  world = await startWorld({ name: 'sso-personal' });
});
afterAll(async () => world?.close());

const entraOf = (mark: number) => world.dt.log.since(mark, 'entra');
const cardText = (c: unknown) => JSON.stringify(c);

describe('Teams SSO in a personal chat', () => {
  it('answers help without asking anyone to sign in', async () => {
    const chat = world.dt.channel.personal('adele@contoso.com');
    const turn = await chat.send('help');
    expect(turn.status).toBe(200);
    expect(turn.oauthCard).toBeUndefined();
    expect(turn.cards).toHaveLength(1);
    expect(cardText(turn.cards[0])).toContain('What I can answer');
    expect(parseCard(turn.cards[0])).toEqual([]);
  });

  it('signs a new person in with one OBO exchange despite duplicate tokenExchange invokes, then answers the waiting question', async () => {
    const chat = world.dt.channel.personal('adele@contoso.com');
    const mark = world.dt.log.mark();
    const asked = await chat.send('who is synced?');
    expect(asked.oauthCard?.tokenExchangeResource?.uri).toBe(`api://botid-${world.env.BOT_ID}`);
    expect(asked.oauthCard?.buttons?.[0]?.type).toBe('signin');
    const since = world.dt.channel.mark();
    const results = await chat.tokenExchange(asked, { copies: 2 });
    expect(results.map((r) => r.status)).toEqual([200, 200]);
    const obo = entraOf(mark).filter((r) => r.kind === 'urn:ietf:params:oauth:grant-type:jwt-bearer');
    expect(obo).toHaveLength(1);
    const answer = await world.dt.channel.waitFor((s) => s.seq >= since && JSON.stringify(s.activity).includes('Who is synced'), 20_000);
    const card = (answer.activity.attachments as { content: unknown }[])[0]!.content;
    expect(parseCard(card)).toEqual([]);
    expect(cardText(card)).toMatch(/synced from on-premises AD/);
  });

  it('answers the next questions without any token request', async () => {
    const chat = world.dt.channel.personal('adele@contoso.com');
    const mark = world.dt.log.mark();
    const again = await chat.send('who is synced?');
    const status = await chat.send('sync status');
    expect(again.oauthCard).toBeUndefined();
    expect(cardText(again.cards[0])).toContain('Who is synced');
    expect(cardText(status.cards[0])).toContain('Sync status');
    expect(entraOf(mark)).toHaveLength(0);
  });
});
