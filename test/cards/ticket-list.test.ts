import { describe, expect, it } from 'vitest';
import { renderTicketList } from '../../src/cards/ticket-list.ts';
import type { TicketList, TicketRow } from '../../src/helpdesk/ticket-list.ts';
import { actions, checkCard, HOSTILE_NAMES, showsEscaped } from './support.ts';

const asOf = '2026-11-22T03:00:00.000Z';
const ANSWER = '3f2a1b0c-9d8e-4f7a-8b6c-5d4e3f2a1b0c';

function row(i: number, over: Partial<TicketRow> = {}): TicketRow {
  return {
    id: `0000000${i % 10}-0000-4000-8000-000000000000`,
    number: `TD-${String(i).padStart(6, '0')}`,
    status: i % 3 === 0 ? 'open' : i % 3 === 1 ? 'assigned' : 'resolved',
    subject: `Person ${i}`,
    target: { kind: 'workload', workload: 'sharepoint', asked: 'SharePoint' },
    requester: `Person ${i}`,
    ...(i % 3 ? { assignee: 'Diego Siciliani' } : {}),
    createdAt: new Date(Date.parse(asOf) - i * 3_600_000).toISOString(),
    updatedAt: asOf,
    post: 'posted',
    ...over,
  };
}

const list = (rows: TicketRow[], over: Partial<TicketList> = {}): TicketList => ({ kind: 'tickets', asOf, filter: 'open', scope: 'helpdesk', rows, counts: { open: 4, assigned: 3, resolved: 2 }, ...over });

describe('the ticket list card', () => {
  it('a table with the queue, counts per status, and buttons for the other views', () => {
    const r = renderTicketList(list([row(0), row(1, { post: 'failed' })]), { page: 0, answerId: ANSWER });
    checkCard(r);
    const body = JSON.stringify(r.card.body);
    expect(body).toMatch(/Open tickets \(2\)/);
    expect(body).toMatch(/4 waiting for someone to take them/);
    expect(body).toMatch(/Person 0 can’t use SharePoint Online/);
    expect(body).toMatch(/In progress \(not posted\)/);
    expect(actions(r).filter((a) => a.verb === 'ask').map((a) => a.data)).toEqual([{ question: 'unassigned tickets' }, { question: 'my tickets' }, { question: 'all tickets' }]);
  });

  it('pages a long queue (10 a page) through the stored answer', () => {
    const rows = Array.from({ length: 500 }, (_, i) => row(i, { subject: HOSTILE_NAMES[i % HOSTILE_NAMES.length]!, requester: HOSTILE_NAMES[(i + 1) % HOSTILE_NAMES.length]! }));
    const first = renderTicketList(list(rows), { page: 0, answerId: ANSWER });
    checkCard(first);
    expect(showsEscaped(first)).toBe(true);
    expect(first.pages).toBe(50);
    expect(actions(first).find((a) => a.title === 'Next')?.data).toEqual({ answerId: ANSWER, page: 1 });
    const middle = renderTicketList(list(rows), { page: 7, answerId: ANSWER });
    checkCard(middle);
    expect(actions(middle).map((a) => a.title)).toEqual(expect.arrayContaining(['Previous', 'Next']));
  });

  it('someone outside the helpdesk sees their own tickets, and is told so', () => {
    const r = renderTicketList(list([row(0)], { scope: 'own', filter: 'open' }), { page: 0 });
    checkCard(r);
    expect(JSON.stringify(r.card.body)).toMatch(/Open tickets you opened/);
    expect(JSON.stringify(r.card.body)).toMatch(/You see the tickets you opened/);
    expect(actions(r).some((a) => JSON.stringify(a.data) === JSON.stringify({ question: 'unassigned tickets' }))).toBe(false);
  });

  it('empty views say so', () => {
    const r = renderTicketList(list([], { filter: 'unassigned', counts: { open: 0, assigned: 1, resolved: 0 } }), { page: 0 });
    checkCard(r);
    expect(JSON.stringify(r.card.body)).toMatch(/Every open ticket has someone working on it/);
    expect(JSON.stringify(r.card.body)).toMatch(/No ticket is waiting to be taken/);
  });

  it('outside Teams (the CLI) it says where tickets live', () => {
    const r = renderTicketList({ kind: 'elsewhere', asOf }, { page: 0 });
    checkCard(r);
    expect(r.text).toMatch(/ask me “open tickets” in Teams/);
  });
});
