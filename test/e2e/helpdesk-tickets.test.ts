// Issue (helpdesk): escalate → ticket card in the helpdesk channel → assign → resolve → reopen,
// through the dev tenant and Azurite. The requester hears of each change in their 1:1 chat; the
// channel card (agent view) and the requester's copy (requester view) are updated for everyone,
// and the refresh gives each person their own view. Setting the helpdesk channel needs an admin.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SentActivity } from '../../devtenant/channel/outbox.ts';
import { parseCard } from '../support/cards.ts';
import { startWorld, type World } from '../support/sandbox.ts';
import { action, actionsOf, askPrivately, cardsOf, eventually, hasVerb, responseCard, signIn, text, ticket, userId } from './helpdesk-support.ts';

let world: World;
const LEE = 'lee@contoso.com';
const DIEGO = 'diego@contoso.com';
const ISAIAH = 'isaiah@contoso.com';
const MEGAN = 'megan@contoso.com';

beforeAll(async () => {
  world = await startWorld({ name: 'helpdesk-tickets' });
  await signIn(world, DIEGO, 'am I synced?', /Directory sync|synced/i);
  await signIn(world, MEGAN, 'am I synced?', /Directory sync|synced/i);
});
afterAll(async () => {
  if (process.env.HELPDESK_DEBUG) console.log(world.bot.logs().filter((r) => String(r.event).startsWith('helpdesk') || r.level === 'warn' || r.level === 'error').map((r) => JSON.stringify(r)).join('\n'));
  await world?.close();
});

const helpdesk = () => world.dt.channel.teamChannel('Helpdesk', 'Helpdesk', { as: DIEGO });
const inHelpdeskChannel = (s: SentActivity) => s.conversationId.startsWith(helpdesk().id);

describe('the helpdesk channel', () => {
  it('is refused to someone without an admin role (Megan is Global Reader), politely', async () => {
    const turn = await helpdesk().send('this is the helpdesk channel', { as: MEGAN });
    expect(text(turn.cards)).toMatch(/Only an admin can choose the helpdesk channel/);
    expect(parseCard(turn.cards[0])).toEqual([]);
  });

  it('is set by an admin (Diego is Helpdesk Administrator) saying so in the channel', async () => {
    const turn = await helpdesk().send('this is the helpdesk channel', { as: DIEGO });
    expect(text(turn.cards)).toMatch(/This is now the helpdesk channel/);
  });
});

describe('a ticket from escalation to reopening', () => {
  let triage: SentActivity;
  let ticketId = '';
  let posted: SentActivity;
  const leeChat = () => world.dt.channel.personal(LEE);
  const leeSince = { mark: 0 };
  const notices = () => world.dt.channel.sent({ conversationId: leeChat().id, since: leeSince.mark }).filter((s) => /Your ticket/.test(text(s.activity)));

  it('Lee asks why SharePoint does not open: the triage card names the missing license and offers escalation', async () => {
    triage = await signIn(world, LEE, "I can't open SharePoint", /Likeliest cause|No problem found/);
    const card = cardsOf(triage.activity)[0]!;
    expect(text(card)).toMatch(/No license for SharePoint Online/);
    expect(hasVerb(card, 'triage.escalate')).toBe(true);
  });

  it('Escalate opens a ticket: the requester sees it at once, and it is posted in the helpdesk channel with the findings', async () => {
    const escalate = action(cardsOf(triage.activity)[0], 'triage.escalate');
    leeSince.mark = world.dt.channel.mark();
    const turn = await leeChat().action(triage.id, 'triage.escalate', escalate.data);
    const card = responseCard(turn);
    expect(parseCard(card)).toEqual([]);
    expect(text(card)).toMatch(/TD-[0-9A-F]{6}/);
    expect(hasVerb(card, 'ticket.claim')).toBe(false);
    ticketId = String(escalate.data!.triageId);
    posted = await world.dt.channel.waitFor((s) => inHelpdeskChannel(s) && text(s.activity).includes(ticketId), 20_000);
    const channelCard = cardsOf(posted.activity)[0]!;
    expect(parseCard(channelCard)).toEqual([]);
    expect(text(channelCard)).toMatch(/No license for SharePoint Online/);
    expect(text(channelCard)).toMatch(/Lee Gu/);
    expect(hasVerb(channelCard, 'ticket.claim')).toBe(true);
    const refresh = (channelCard.refresh as { action: { verb: string }; userIds: string[] });
    expect(refresh.action.verb).toBe('ticket.refresh');
    expect(refresh.userIds).toEqual([triage.activity.recipient && (triage.activity.recipient as { id: string }).id].filter(Boolean));
    const t = await ticket(world, ticketId);
    expect(t.post.state).toBe('posted');
    expect(t.post.activityId).toBe(posted.id);
  });

  const channelCard = () => cardsOf(world.dt.channel.sent().find((x) => x.id === posted.id && inHelpdeskChannel(x))!.activity)[0]!;
  const requesterCopy = () => cardsOf(world.dt.channel.sent({ conversationId: leeChat().id }).find((x) => x.id === triage.id)!.activity)[0]!;
  const thread = () => posted.conversationId.split(';messageid=')[1]!;
  const press = (verb: string, as: string, inputs: Record<string, unknown> = {}) => {
    const a = action(channelCard(), verb);
    return helpdesk().action(posted.id, verb, { ...a.data, ...inputs }, { as, thread: thread() });
  };
  const waitNotice = (n: number, pattern: RegExp) => eventually(`notice ${n}`, async () => notices(), (list) => list.length >= n && pattern.test(text(list[n - 1]!.activity)));

  it('Assign to me: Diego takes it, the channel card and the requester’s copy say so, and Lee is told in his 1:1 chat', async () => {
    const turn = await press('ticket.claim', DIEGO);
    const card = responseCard(turn);
    expect(text(card)).toMatch(/In progress · Diego Siciliani/);
    expect(hasVerb(card, 'ticket.claim')).toBe(false); // it is his already
    expect(hasVerb(card, 'ticket.resolve')).toBe(true);
    await waitNotice(1, /Diego Siciliani is now working on it/);
    await eventually('channel card', async () => channelCard(), (c) => /In progress · Diego Siciliani/.test(text(c)));
    await eventually('requester copy', async () => requesterCopy(), (c) => /In progress · Diego Siciliani/.test(text(c)));
    expect(hasVerb(requesterCopy(), 'ticket.claim')).toBe(false);
    expect(hasVerb(requesterCopy(), 'ticket.resolve')).toBe(false);
    const refresh = channelCard().refresh as { userIds: string[] };
    expect(refresh.userIds).toHaveLength(2);
    const t = await ticket(world, ticketId);
    expect(t.status).toBe('assigned');
    expect(t.assignee?.oid).toBe(userId(world, DIEGO));
    expect(t.audit.map((e) => e.action)).toEqual(['opened', 'posted', 'claimed']);
  });

  it('the refresh gives each person their own view and changes nothing', async () => {
    const before = await ticket(world, ticketId);
    const asLee = responseCard(await leeChat().invoke('adaptiveCard/action', { action: { type: 'Action.Execute', verb: 'ticket.refresh', data: { ticketId } }, trigger: 'automatic' }, { replyToId: triage.id }));
    expect(hasVerb(asLee, 'ticket.resolve')).toBe(false);
    expect(hasVerb(asLee, 'ticket.claim')).toBe(false);
    expect(text(asLee)).toMatch(/In the helpdesk channel/);
    const asDiego = responseCard(await helpdesk().invoke('adaptiveCard/action', { action: { type: 'Action.Execute', verb: 'ticket.refresh', data: { ticketId } }, trigger: 'automatic' }, { as: DIEGO, replyToId: posted.id, thread: thread() }));
    expect(hasVerb(asDiego, 'ticket.resolve')).toBe(true);
    expect(hasVerb(asDiego, 'ticket.claim')).toBe(false);
    const asIsaiah = responseCard(await helpdesk().invoke('adaptiveCard/action', { action: { type: 'Action.Execute', verb: 'ticket.refresh', data: { ticketId } }, trigger: 'automatic' }, { as: ISAIAH, replyToId: posted.id, thread: thread() }));
    expect(hasVerb(asIsaiah, 'ticket.claim')).toBe(true);
    const after = await ticket(world, ticketId);
    expect(after.version).toBe(before.version);
    expect(after.audit).toEqual(before.audit);
  });

  it('Assign to …: the choices are the helpdesk team’s members; Diego hands it to Isaiah', async () => {
    const assign = actionsOf(channelCard()).find((a) => a.title === 'Assign to…')!;
    const choices = (JSON.parse(text(assign.card)) as { body: { choices: { title: string; value: string }[] }[] }).body[0]!.choices;
    // The team's members and owners, as the tenant has them, except the current assignee (Diego).
    const rel = world.dt.tenant.data.relationships;
    const group = world.dt.tenant.data.groups.find((g) => g.displayName === 'Helpdesk')!.id;
    const team = new Set([...(rel.members[group] ?? []), ...(rel.owners[group] ?? [])]);
    team.delete(userId(world, DIEGO));
    const expected = [...team].map((id) => String(world.dt.tenant.byId.get(id)!.displayName)).sort();
    expect(expected).toContain('Isaiah Langer');
    expect(choices.map((c) => c.title).sort()).toEqual(expected);
    const card = responseCard(await press('ticket.assign', DIEGO, { assignee: userId(world, ISAIAH) }));
    expect(text(card)).toMatch(/In progress · Isaiah Langer/);
    await waitNotice(2, /Diego Siciliani assigned it to Isaiah Langer/);
    await eventually('channel card', async () => channelCard(), (c) => /In progress · Isaiah Langer/.test(text(c)));
  });

  it('someone outside the helpdesk team is not offered, and cannot be chosen', async () => {
    const card = responseCard(await press('ticket.assign', DIEGO, { assignee: userId(world, LEE) }));
    expect(text(card)).toMatch(/not in the helpdesk team/);
    expect((await ticket(world, ticketId)).assignee?.oid).toBe(userId(world, ISAIAH));
  });

  it('Resolve with a note: the requester reads the note (escaped) and can reopen from their copy', async () => {
    const note = 'Assigned *Microsoft 365 E3* — try again <at>now</at>';
    const card = responseCard(await press('ticket.resolve', ISAIAH, { note }));
    expect(text(card)).toMatch(/Resolved by Isaiah Langer/);
    expect(hasVerb(card, 'ticket.reopen')).toBe(true);
    const notice = await waitNotice(3, /Isaiah Langer resolved it/);
    expect(text(notice[2]!.activity)).toContain('\\\\*Microsoft 365 E3\\\\*');
    // In what Teams renders as markdown the mention tag arrives escaped (plain fallbacks keep it literal).
    expect(text(cardsOf(notice[2]!.activity)[0]!.body)).not.toContain('<at>now');
    await eventually('requester copy', async () => requesterCopy(), (c) => /Resolved by Isaiah Langer/.test(text(c)) && hasVerb(c, 'ticket.reopen'));
    expect(parseCard(requesterCopy())).toEqual([]);
  });

  it('Reopen by an agent: the requester is told; the ticket goes back to its assignee', async () => {
    const card = responseCard(await press('ticket.reopen', DIEGO, { note: 'Lee still sees an error' }));
    expect(text(card)).toMatch(/In progress · Isaiah Langer/);
    await waitNotice(4, /Diego Siciliani reopened it/);
    await eventually('channel card', async () => channelCard(), (c) => /In progress · Isaiah Langer/.test(text(c)));
    const t = await ticket(world, ticketId);
    expect(t.audit.map((e) => e.action)).toEqual(['opened', 'posted', 'claimed', 'assigned', 'resolved', 'reopened']);
    expect(t.progress.notified).toBe(t.audit.length);
    expect(t.progress.cardsVersion).toBe(t.version);
  });

  it('Reopen by the requester, after another resolve: cards follow, and he is not told of his own click', async () => {
    responseCard(await press('ticket.resolve', ISAIAH));
    await waitNotice(5, /Isaiah Langer resolved it/);
    await eventually('requester copy', async () => requesterCopy(), (c) => hasVerb(c, 'ticket.reopen'));
    const reopen = action(requesterCopy(), 'ticket.reopen');
    const card = responseCard(await leeChat().action(triage.id, 'ticket.reopen', { ...reopen.data, note: 'still broken' }));
    expect(text(card)).toMatch(/In progress · Isaiah Langer/);
    await eventually('channel card', async () => channelCard(), (c) => /Lee Gu reopened it/.test(text(c)));
    const t = await eventually('delivered', () => ticket(world, ticketId), (x) => x.progress.cardsVersion === x.version && x.progress.notified === x.audit.length);
    expect(t.status).toBe('assigned');
    expect(notices()).toHaveLength(5);
  });

  it('an agent clicking an old card is shown what changed instead of undoing it', async () => {
    const t = await ticket(world, ticketId);
    const stale = await helpdesk().action(posted.id, 'ticket.resolve', { ticketId, version: t.version - 1 }, { as: DIEGO, thread: thread() });
    expect(text(responseCard(stale))).toMatch(/changed before your click: Lee Gu reopened it/);
    expect((await ticket(world, ticketId)).status).toBe('assigned');
  });

  it('someone who is neither an agent nor the requester cannot change the ticket', async () => {
    const card = responseCard(await world.dt.channel.personal(MEGAN).action(posted.id, 'ticket.resolve', { ticketId, version: (await ticket(world, ticketId)).version }, { as: 'adele@contoso.com' }));
    expect(text(card)).toMatch(/Only the helpdesk team/);
  });

  it('card data that does not fit gets a 400, a ticket that does not exist a 404', async () => {
    expect((await press('ticket.claim', DIEGO, { ticketId: 'not-a-guid' })).status).toBe(400);
    expect((await press('ticket.claim', DIEGO, { ticketId: '00000000-0000-4000-8000-000000000000' })).status).toBe(404);
    expect((await press('ticket.claim', DIEGO, { version: 'latest' })).status).toBe(400);
  });
});

describe('ticket lists', () => {
  it('agents see the queue; the requester sees his own tickets', async () => {
    const agent = await askPrivately(world, world.dt.channel.personal(DIEGO), 'open tickets', /Open tickets/);
    expect(text(agent.activity)).toMatch(/Lee Gu can’t use SharePoint Online/);
    const mine = await askPrivately(world, world.dt.channel.personal(LEE), 'my tickets', /My tickets/);
    expect(text(mine.activity)).toMatch(/TD-[0-9A-F]{6}/);
    expect(text(mine.activity)).toMatch(/You see the tickets you opened/);
  });

  it('in the helpdesk channel, the queue is posted for the team', async () => {
    const turn = await helpdesk().send('unassigned tickets', { as: DIEGO });
    expect(text(turn.cards)).toMatch(/Unassigned tickets/);
    expect(turn.sent.every((s) => inHelpdeskChannel(s))).toBe(true);
  });
});
