// Issue (helpdesk) 3 and 4: two bot instances on one Azurite take twenty concurrent claims of one
// ticket — exactly one wins and everyone else is told who did; a bot killed (SIGKILL) between any
// two steps loses no ticket and no change, and every card still works after the restart.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SentActivity } from '../../devtenant/channel/outbox.ts';
import type { BotProcess } from '../../scripts/bot-process.ts';
import { startWorld, type World } from '../support/sandbox.ts';
import { action, cardsOf, eventually, responseCard, signIn, text, ticket, ticketsOf, userId } from './helpdesk-support.ts';

let world: World;
let second: BotProcess;
const PATTI = 'patti@contoso.com';
/** The IT Help team: its members are the helpdesk agents in this world. */
const AGENTS = ['patti@contoso.com', 'megan@contoso.com', 'diego@contoso.com', 'isaiah@contoso.com', 'lidia@contoso.com', 'joni@contoso.com', 'miriam@contoso.com'];

beforeAll(async () => {
  world = await startWorld({ name: 'helpdesk-resilience' });
  await signIn(world, PATTI, 'am I synced?', /synced/i);
  const turn = await world.dt.channel.teamChannel('IT Help', 'General', { as: PATTI }).send('this is the helpdesk channel', { as: PATTI });
  expect(text(turn.cards)).toMatch(/This is now the helpdesk channel/);
});
afterAll(async () => {
  if (process.env.HELPDESK_DEBUG) console.log(world.bot.logs().filter((r) => String(r.event).startsWith('helpdesk') || r.level === 'warn' || r.level === 'error').map((r) => JSON.stringify(r).slice(0, 400)).join('\n'));
  await world?.close();
});

const channel = () => world.dt.channel.teamChannel('IT Help', 'General', { as: PATTI });
const inChannel = (s: SentActivity) => s.conversationId.startsWith(`${channel().id};messageid=`);

/** A person escalates their own diagnosis; returns the ticket id, their triage message and the channel post. */
async function escalate(upn: string, question: string): Promise<{ id: string; triage: SentActivity; posted: SentActivity }> {
  const chat = world.dt.channel.personal(upn);
  const since = world.dt.channel.mark();
  const asked = await chat.send(question);
  if (asked.oauthCard) await chat.tokenExchange(asked, { copies: 1 });
  const triage = await world.dt.channel.waitFor((s) => s.seq >= since && s.conversationId === chat.id && /Likeliest cause|No problem found/.test(text(s.activity)), 30_000);
  const esc = action(cardsOf(triage.activity)[0], 'triage.escalate');
  const id = String(esc.data!.triageId);
  responseCard(await chat.action(triage.id, 'triage.escalate', esc.data));
  const posted = await world.dt.channel.waitFor((s) => inChannel(s) && text(s.activity).includes(id), 60_000);
  return { id, triage, posted };
}

const postsOf = (id: string) => world.dt.channel.sent().filter((s) => inChannel(s) && text(s.activity).includes(id));
const thread = (posted: SentActivity) => posted.conversationId.split(';messageid=')[1]!;
const cardNow = (posted: SentActivity) => cardsOf(world.dt.channel.sent().find((s) => s.id === posted.id)!.activity)[0]!;
const noticesTo = (upn: string) => world.dt.channel.sent({ conversationId: world.dt.channel.personal(upn).id }).filter((s) => /Your ticket/.test(text(s.activity)));

describe('two instances, twenty concurrent claims', () => {
  it('exactly one claim wins; every other agent is told who took it', async () => {
    second = await world.startAnotherBot();
    const { id, posted } = await escalate('adele@contoso.com', "I can't sign in");
    const claim = action(cardNow(posted), 'ticket.claim');
    const bots = [world.bot.url, second.url].map((u) => `${u}/api/messages`);
    const claims: Promise<Awaited<ReturnType<ReturnType<typeof channel>['action']>>>[] = [];
    for (let i = 0; i < 20; i++) {
      // The driver reads its endpoint when an invoke starts: alternate the two instances.
      world.dt.channel.setBot(bots[i % 2]!);
      claims.push(channel().action(posted.id, 'ticket.claim', claim.data, { as: AGENTS[i % AGENTS.length]!, thread: thread(posted) }));
    }
    const turns = await Promise.all(claims);
    world.dt.channel.setBot(bots[0]!);
    const cards = turns.map((t) => text(responseCard(t)));

    const t = await ticket(world, id);
    expect(t.audit.filter((e) => e.action === 'claimed')).toHaveLength(1);
    expect(t.version).toBe(2);
    const winner = t.assignee!;
    expect(AGENTS.map((a) => userId(world, a))).toContain(winner.oid);
    // One response is the winning write; the winner's other clicks are "already done", everyone else's "changed before your click".
    const plain = cards.filter((c) => !/changed before your click|Already done/.test(c));
    expect(plain).toHaveLength(1);
    for (const c of cards) expect(c).toContain(`In progress · ${winner.name}`);
    for (const c of cards.filter((x) => /changed before your click/.test(x))) expect(c).toContain(`${winner.name} took it`);
    // Both instances answered claims.
    for (const b of [world.bot, second]) expect(b.logs().some((r) => r.event === 'helpdesk.changed' || r.event === 'helpdesk.change_refused')).toBe(true);
    // The requester hears of it once, and the channel card shows the winner.
    await eventually('notice', async () => noticesTo('adele@contoso.com'), (n) => n.length === 1 && text(n[0]!.activity).includes(winner.name));
    await eventually('channel card', async () => cardNow(posted), (c) => text(c).includes(`In progress · ${winner.name}`));
    await new Promise((r) => setTimeout(r, 1000));
    expect(noticesTo('adele@contoso.com')).toHaveLength(1);
    expect(postsOf(id)).toHaveLength(1);
  });

  it('the second instance stops; the first carries on alone', async () => {
    expect(await second.stop('SIGTERM')).toBe(0);
  });
});

describe('SIGKILL between any two steps loses nothing', () => {
  it('killed after the ticket is written, while its card is being posted: the restarted bot posts it, once', async () => {
    // The channel post hangs (Teams never answers); the 1:1 notices are not affected.
    world.dt.faults.add({ service: 'channel', match: '/v3/conversations$', hang: true });
    const chat = world.dt.channel.personal('lee@contoso.com');
    const since = world.dt.channel.mark();
    const asked = await chat.send("I can't open SharePoint");
    if (asked.oauthCard) await chat.tokenExchange(asked, { copies: 1 });
    const triage = await world.dt.channel.waitFor((s) => s.seq >= since && s.conversationId === chat.id && /Likeliest cause/.test(text(s.activity)), 30_000);
    const esc = action(cardsOf(triage.activity)[0], 'triage.escalate');
    const id = String(esc.data!.triageId);
    responseCard(await chat.action(triage.id, 'triage.escalate', esc.data));
    await world.bot.waitForLog((r) => r.event === 'helpdesk.posting' && r.ticket === id);
    expect((await ticket(world, id)).post.state).toBe('pending');

    await world.restartBot('SIGKILL');
    world.dt.faults.clear();
    const posted = await world.dt.channel.waitFor((s) => inChannel(s) && text(s.activity).includes(id), 60_000);
    const t = await eventually('posted record', () => ticket(world, id), (x) => x.post.state === 'posted' && !x.lease);
    expect(t.post.activityId).toBe(posted.id);
    expect(postsOf(id)).toHaveLength(1);
    // The requester's copy follows too, and its buttons work after the restart.
    await eventually('requester copy', async () => cardsOf(world.dt.channel.sent({ conversationId: chat.id }).find((s) => s.id === triage.id)!.activity)[0]!, (c) => /In the helpdesk channel/.test(text(c)));
  }, 120_000);

  it('killed after a claim is written, while the cards are being updated: the restarted bot updates them and tells the requester', async () => {
    const { id, posted } = await escalate('johanna@contoso.com', "I can't open Salesforce");
    // Card updates (PUT …/activities/{id}) hang; everything else works.
    world.dt.faults.add({ service: 'channel', match: '/activities/\\d+$', hang: true });
    const claim = action(cardNow(posted), 'ticket.claim');
    const card = responseCard(await channel().action(posted.id, 'ticket.claim', claim.data, { as: 'diego@contoso.com', thread: thread(posted) }));
    expect(text(card)).toMatch(/In progress · Diego Siciliani/);
    await world.bot.waitForLog((r) => r.event === 'helpdesk.changed' && r.ticket === id);
    const before = await ticket(world, id);
    expect(before.status).toBe('assigned');
    expect(before.progress.cardsVersion).toBeLessThan(before.version);

    await world.restartBot('SIGKILL');
    world.dt.faults.clear();
    await eventually('channel card', async () => cardNow(posted), (c) => /In progress · Diego Siciliani/.test(text(c)), 60_000);
    await eventually('notice', async () => noticesTo('johanna@contoso.com'), (n) => n.some((x) => /Diego Siciliani is now working on it/.test(text(x.activity))), 60_000);
    const after = await eventually('delivered', () => ticket(world, id), (x) => x.progress.cardsVersion === x.version && x.progress.notified === x.audit.length && !x.lease);
    expect(after.audit.filter((e) => e.action === 'claimed')).toHaveLength(1);
    // The card drawn before the crash still works: its button carries only the id and a version.
    const resolved = responseCard(await channel().action(posted.id, 'ticket.resolve', { ...action(cardNow(posted), 'ticket.resolve').data, note: 'Assigned to Salesforce' }, { as: 'diego@contoso.com', thread: thread(posted) }));
    expect(text(resolved)).toMatch(/Resolved by Diego Siciliani/);
  }, 120_000);

  it('a scripted run with a SIGKILL in the middle: every ticket ends as scripted, every change delivered', async () => {
    const a = await escalate('nestor@contoso.com', "I can't sign in");
    const b = await escalate('christie@contoso.com', "I can't open Salesforce");
    const runs = [a, b];
    // What each agent sees: after a click, Teams shows them the card the invoke answered with.
    const seen = new Map<string, Record<string, unknown>>();
    const press = async (r: typeof a, verb: string, as: string, extra: Record<string, unknown> = {}) => {
      const card = seen.get(`${r.id}|${as}`) ?? cardNow(r.posted);
      const answer = responseCard(await channel().action(r.posted.id, verb, { ...action(card, verb).data, ...extra }, { as, thread: thread(r.posted) }));
      expect(text(answer)).not.toMatch(/changed before your click/);
      seen.set(`${r.id}|${as}`, answer);
      return answer;
    };
    await press(a, 'ticket.claim', 'isaiah@contoso.com');
    // No waiting for delivery: the kill lands while it is in flight.
    await press(a, 'ticket.resolve', 'isaiah@contoso.com', { note: 'Removed the duplicate proxy address' });
    await world.restartBot('SIGKILL');
    await eventually('resolved card', async () => cardNow(a.posted), (c) => /Resolved by Isaiah Langer/.test(text(c)), 60_000);
    await press(a, 'ticket.reopen', 'diego@contoso.com');
    for (const r of runs.slice(1)) await press(r, 'ticket.claim', 'megan@contoso.com');
    const store = ticketsOf(world);
    const all = await eventually('all delivered', () => store.all(), (ts) => ts.every((t) => t.post.state === 'posted' && t.progress.cardsVersion === t.version && t.progress.notified === t.audit.length && !t.lease), 60_000);
    const ta = all.find((t) => t.id === a.id)!;
    expect(ta.audit.map((e) => e.action)).toEqual(['opened', 'posted', 'claimed', 'resolved', 'reopened']);
    expect(ta.status).toBe('assigned');
    const told = noticesTo('nestor@contoso.com').map((s) => text(s.activity));
    for (const what of [/Isaiah Langer is now working on it/, /Isaiah Langer resolved it/, /Diego Siciliani reopened it/]) expect(told.some((x) => what.test(x)), String(what)).toBe(true);
    expect(text(cardNow(a.posted))).toMatch(/In progress · Isaiah Langer/);
  }, 180_000);
});
