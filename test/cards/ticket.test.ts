import { describe, expect, it } from 'vitest';
import type { TriageDiagnosis } from '../../src/answers/triage.ts';
import { auditLine, MAX_CHOICES, renderTicket, TICKET_VERBS, type TicketView } from '../../src/cards/ticket.ts';
import type { Ranked } from '../../src/helpdesk/findings.ts';
import { applyChange, AUDIT_KEPT, isRefusal, openTicket, type Party, type Ticket } from '../../src/helpdesk/ticket.ts';
import { actions, checkCard, HOSTILE, HOSTILE_NAMES, showsEscaped } from './support.ts';

const now = new Date('2026-11-22T03:00:00.000Z');
const later = (min: number) => new Date(now.getTime() + min * 60_000);
const ID = '0b6f3c1e-2d4a-4f8b-9c1d-3e5f7a9b1c2d';

const lee: Party = { oid: 'f4c7afec-3bca-4a33-b59a-6a54e95a7b27', name: 'Lee Gu', accountId: '29:lee' };
const diego: Party = { oid: '1e9e0151-6522-4f62-871b-b6094052450f', name: 'Diego Siciliani', accountId: '29:diego' };
const isaiah: Party = { oid: '8d46538d-59b4-41f3-b8c4-10e2f7d606f6', name: 'Isaiah Langer', accountId: '29:isaiah' };

function diagnosis(name = 'Lee Gu', findings: Ranked[] = [{ code: 'no-license', workload: 'sharepoint', held: ['Exchange Online (Plan 1)'], available: [{ skuId: 's', name: 'Microsoft 365 E3', free: 24 }], weight: 92, severity: 'problem' }]): TriageDiagnosis {
  return {
    kind: 'diagnosis',
    asOf: now.toISOString(),
    askedBy: { oid: lee.oid },
    self: true,
    person: { id: lee.oid, name, upn: 'lee@contoso.com' },
    target: { kind: 'workload', workload: 'sharepoint', asked: 'SharePoint' },
    findings,
    facts: { enabled: true, userType: 'Member', synced: false, passwordNeverExpires: false, licenses: { readable: true, value: [] }, signIn: { readable: true, value: null }, provisioningErrors: [] },
  };
}

function ticket(over: Partial<Ticket> = {}): Ticket {
  return { ...openTicket({ id: ID, vm: diagnosis(), requester: lee, serviceUrl: 'https://smba.example/amer/', requesterCopy: { conversationId: 'a:1', activityId: '1' }, now }), ...over };
}

function change(t: Ticket, c: Parameters<typeof applyChange>[1], at: Date): Ticket {
  const next = applyChange(t, c, t.version, at);
  if (isRefusal(next)) throw new Error(JSON.stringify(next));
  return next;
}

const view = (t: Ticket, over: Partial<TicketView> = {}): TicketView => ({ ticket: t, viewer: 'agent', agents: [diego, isaiah], asOf: later(90).toISOString(), ...over });
const verbs = (v: TicketView) => actions(renderTicket(v)).map((a) => a.verb).filter(Boolean);

describe('the ticket card', () => {
  it('agent view of a new ticket: status, requester, age, diagnosis; take, assign, resolve; refresh for the requester', () => {
    const r = renderTicket(view(ticket()));
    checkCard(r);
    const body = JSON.stringify(r.card.body);
    expect(body).toMatch(/Lee Gu can’t use SharePoint Online/);
    expect(body).toMatch(/● Open · waiting for someone to take it/);
    expect(body).toMatch(/"title":"Requester","value":"Lee Gu"/);
    expect(body).toMatch(/"title":"Opened","value":"2 hours ago/);
    expect(body).toMatch(/No license for SharePoint Online/);
    expect(verbs(view(ticket()))).toEqual([TICKET_VERBS.claim, TICKET_VERBS.assign, TICKET_VERBS.resolve, TICKET_VERBS.refresh]);
    expect(r.card.refresh).toEqual({ action: { type: 'Action.Execute', title: 'Refresh', verb: TICKET_VERBS.refresh, data: { ticketId: ID } }, userIds: ['29:lee'] });
    // Buttons carry the id and the version only.
    for (const a of actions(r).filter((x) => x.verb && x.verb !== TICKET_VERBS.refresh)) expect(a.data).toEqual({ ticketId: ID, version: 1 });
  });

  it('Assign to … offers the helpdesk team, without the current assignee', () => {
    const t = change(ticket(), { kind: 'claim', by: diego }, later(5));
    const r = renderTicket(view(t, { viewerOid: diego.oid }));
    const assign = JSON.stringify(r.card.actions);
    expect(assign).toMatch(/"Input.ChoiceSet"/);
    expect(assign).toContain(`"value":"${isaiah.oid}"`);
    expect(assign).not.toContain(`"value":"${diego.oid}"`);
    // The assignee is not offered "Assign to me"; someone else is.
    expect(verbs(view(t, { viewerOid: diego.oid }))).not.toContain(TICKET_VERBS.claim);
    expect(verbs(view(t, { viewerOid: isaiah.oid }))).toContain(TICKET_VERBS.claim);
    expect(r.card.refresh).toMatchObject({ userIds: ['29:lee', '29:diego'] });
  });

  it('requester view: where the ticket stands, no agent buttons; Reopen once resolved', () => {
    const open = ticket();
    expect(verbs(view(open, { viewer: 'requester' }))).toEqual([TICKET_VERBS.refresh]);
    expect(JSON.stringify(renderTicket(view(open, { viewer: 'requester' })).card.body)).toMatch(/Being sent to the helpdesk channel/);
    const resolved = change(change(open, { kind: 'claim', by: diego }, later(5)), { kind: 'resolve', by: diego, note: 'Assigned E3' }, later(30));
    const r = renderTicket(view(resolved, { viewer: 'requester' }));
    checkCard(r);
    expect(JSON.stringify(r.card.body)).toMatch(/Resolution\*\*: Assigned E3/);
    expect(verbs(view(resolved, { viewer: 'requester' }))).toEqual([TICKET_VERBS.reopen, TICKET_VERBS.refresh]);
    expect(verbs(view(resolved, { viewer: 'other' }))).toEqual([TICKET_VERBS.refresh]);
    expect(verbs(view(resolved))).toEqual([TICKET_VERBS.reopen, TICKET_VERBS.refresh]);
  });

  it('a post that failed is shown to the requester with the reason', () => {
    const t = ticket({ post: { state: 'failed', attempts: 3, error: 'Teams answered 503' } });
    expect(JSON.stringify(renderTicket(view(t, { viewer: 'requester' })).card.body)).toMatch(/Not in the helpdesk channel yet\*\* \(Teams answered 503\)/);
  });

  it('banners say what happened to a click', () => {
    const t = change(ticket(), { kind: 'claim', by: diego }, later(5));
    const last = t.audit.at(-1)!;
    const stale = JSON.stringify(renderTicket(view(t, { banner: { kind: 'stale', last } })).card.body);
    expect(stale).toMatch(/changed before your click: Diego Siciliani took it 1 hour ago/);
    expect(JSON.stringify(renderTicket(view(t, { banner: { kind: 'already', last } })).card.body)).toMatch(/Already done: Diego Siciliani took it/);
    expect(JSON.stringify(renderTicket(view(t, { banner: { kind: 'not-allowed', message: 'Only the helpdesk team can take, assign and resolve tickets.' } })).card.body)).toMatch(/Only the helpdesk team/);
  });

  it('history: the last three entries on the card, the rest behind a button', () => {
    let t = ticket();
    t = change(t, { kind: 'claim', by: diego }, later(1));
    t = change(t, { kind: 'assign', by: diego, to: isaiah }, later(2));
    t = change(t, { kind: 'resolve', by: isaiah }, later(3));
    t = change(t, { kind: 'reopen', by: lee, note: 'still broken' }, later(4));
    const r = renderTicket(view(t));
    const latest = JSON.stringify(r.card.body);
    expect(latest).toMatch(/Lee Gu reopened it: “still broken”/);
    expect(latest).not.toMatch(/Lee Gu opened the ticket/);
    const history = actions(r).find((a) => a.title.startsWith('History'))!;
    expect(history.title).toBe('History (5)');
    expect(JSON.stringify(history)).toMatch(/Lee Gu opened the ticket/);
  });

  it('a long history stays within 28 KB and says older entries are not shown', () => {
    let t = ticket();
    for (let i = 0; i < AUDIT_KEPT + 20; i++) t = change(t, i % 2 ? { kind: 'reopen', by: lee, note: HOSTILE.long } : { kind: 'resolve', by: diego, note: HOSTILE.long }, later(i + 1));
    expect(t.audit).toHaveLength(AUDIT_KEPT);
    expect(t.auditTrimmed).toBe(21);
    const r = renderTicket(view(t));
    checkCard(r);
    expect(actions(r).find((a) => a.title.startsWith('History'))!.title).toBe(`History (${AUDIT_KEPT + 21})`);
  });

  it('hostile names and notes stay literal in every view', () => {
    for (const name of HOSTILE_NAMES) {
      const who: Party = { oid: 'e7daa374-dc78-40d8-8aff-d8dd65551baa', name, accountId: '29:x' };
      let t = { ...ticket(), requester: who, subject: { id: 'x', name, upn: name, self: false } };
      t = change(t, { kind: 'assign', by: who, to: { ...who, oid: isaiah.oid } }, later(1));
      t = change(t, { kind: 'resolve', by: who, note: `${name} ${HOSTILE.markdown} ${HOSTILE.link} ${HOSTILE.mention}` }, later(2));
      for (const viewer of ['agent', 'requester', 'other'] as const) {
        const r = renderTicket(view(t, { viewer, agents: [who, diego] }));
        checkCard(r);
        expect(showsEscaped(r)).toBe(true);
      }
    }
  });

  it('a big helpdesk team: Assign to … offers the first 60, and the card still fits', () => {
    const agents: Party[] = Array.from({ length: 200 }, (_, i) => ({ oid: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`, name: `${HOSTILE.long} ${i}`, accountId: `29:${i}` }));
    const r = renderTicket(view(ticket(), { agents }));
    checkCard(r);
    const assign = actions(r).find((a) => a.title === 'Assign to…') as unknown as { card: { body: { choices: unknown[] }[] } };
    expect(assign.card.body[0]!.choices).toHaveLength(MAX_CHOICES);
  });

  it('every audit action has a line', () => {
    for (const action of ['opened', 'claimed', 'assigned', 'resolved', 'reopened', 'posted', 'post-failed'] as const) {
      expect(auditLine({ at: now.toISOString(), by: lee, action, to: diego, note: 'n' }).length).toBeGreaterThan(5);
    }
  });
});
