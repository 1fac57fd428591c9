import { describe, expect, it } from 'vitest';
import type { TriageDiagnosis } from '../../src/answers/triage.ts';
import { ticketList, ticketsOutsideTeams } from '../../src/helpdesk/ticket-list.ts';
import { applyChange, isRefusal, openTicket, type Change, type Party, type Ticket } from '../../src/helpdesk/ticket.ts';

const now = new Date('2026-11-22T03:00:00.000Z');
const diego: Party = { oid: 'diego', name: 'Diego Siciliani' };
const people: Party[] = ['lee', 'adele', 'nestor', 'johanna'].map((oid) => ({ oid, name: oid }));

function make(i: number, requester: Party, changes: Change[] = []): Ticket {
  const vm = { kind: 'diagnosis', asOf: now.toISOString(), askedBy: { oid: requester.oid }, self: true, person: { id: requester.oid, name: requester.name, upn: '' }, target: { kind: 'sign-in' }, findings: [], facts: {} } as unknown as TriageDiagnosis;
  let t = openTicket({ id: `0000000${i}-0000-4000-8000-000000000000`, vm, requester, serviceUrl: 's', now: new Date(now.getTime() - (10 - i) * 3_600_000) });
  for (const c of changes) {
    const next = applyChange(t, c, t.version, now);
    if (isRefusal(next)) throw new Error('refused');
    t = next;
  }
  return t;
}

const tickets = [
  make(0, people[0]!, [{ kind: 'claim', by: diego }]),
  make(1, people[1]!),
  make(2, people[0]!, [{ kind: 'resolve', by: diego }]),
  make(3, people[2]!),
  make(4, people[3]!, [{ kind: 'assign', by: diego, to: { oid: 'isaiah', name: 'Isaiah' } }]),
];

const ids = (l: ReturnType<typeof ticketList>) => l.rows.map((r) => r.id[7]);

describe('ticket lists', () => {
  it('agents: open = not resolved, the longest waiting first; unassigned; mine = assigned to me; all', () => {
    const opts = { asker: 'diego', agent: true, now };
    expect(ids(ticketList(tickets, { ...opts, filter: 'open' }))).toEqual(['1', '3', '0', '4']);
    expect(ids(ticketList(tickets, { ...opts, filter: 'unassigned' }))).toEqual(['1', '3']);
    expect(ids(ticketList(tickets, { ...opts, filter: 'mine' }))).toEqual(['0']);
    expect(ids(ticketList(tickets, { ...opts, filter: 'all' }))).toEqual(['1', '3', '0', '4', '2']);
    expect(ticketList(tickets, { ...opts, filter: 'open' })).toMatchObject({ scope: 'helpdesk', counts: { open: 2, assigned: 2, resolved: 1 } });
  });

  it('anyone else sees only the tickets they opened, whatever they ask for', () => {
    const l = ticketList(tickets, { asker: 'lee', agent: false, now, filter: 'all' });
    expect(l.scope).toBe('own');
    expect(ids(l)).toEqual(['0', '2']);
    expect(l.counts).toEqual({ open: 0, assigned: 1, resolved: 1 });
    expect(ids(ticketList(tickets, { asker: 'lee', agent: false, now, filter: 'mine' }))).toEqual(['0', '2']);
    expect(ids(ticketList(tickets, { asker: 'lee', agent: false, now, filter: 'open' }))).toEqual(['0']);
    expect(ticketList(tickets, { asker: 'nobody', agent: false, now, filter: 'all' }).rows).toEqual([]);
  });

  it('rows carry what the card shows', () => {
    const row = ticketList(tickets, { asker: 'diego', agent: true, now, filter: 'mine' }).rows[0]!;
    expect(row).toEqual({ id: tickets[0]!.id, number: tickets[0]!.number, status: 'assigned', subject: 'lee', target: { kind: 'sign-in' }, requester: 'lee', assignee: 'Diego Siciliani', createdAt: tickets[0]!.createdAt, updatedAt: now.toISOString(), post: 'pending' });
  });

  it('outside Teams there is no store to list', async () => {
    expect(await ticketsOutsideTeams({}, { now })).toEqual({ kind: 'elsewhere', asOf: now.toISOString() });
  });
});
