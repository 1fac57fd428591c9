// ticket.list — "open tickets", "my tickets", "unassigned tickets", "all tickets": the bot's own
// ticket store, not Graph. Helpdesk agents see the queue; anyone else sees the tickets they opened.
// Plain data in (the tickets, who asks, whether they are an agent), plain data out.
import type { TicketFilter } from '../language/intents.ts';
import type { Target } from './workloads.ts';
import type { PostState, Ticket, TicketStatus } from './ticket.ts';

export interface TicketRow {
  id: string;
  number: string;
  status: TicketStatus;
  subject: string;
  target: Target;
  requester: string;
  assignee?: string;
  createdAt: string;
  updatedAt: string;
  post: PostState;
}

export interface TicketList {
  kind: 'tickets';
  asOf: string;
  filter: TicketFilter;
  /** 'helpdesk': the asker is a helpdesk agent and sees the queue; 'own': the tickets they opened. */
  scope: 'helpdesk' | 'own';
  rows: TicketRow[];
  /** Counts over the same scope, whatever the filter. */
  counts: Record<TicketStatus, number>;
}

function wanted(t: Ticket, filter: TicketFilter, scope: TicketList['scope'], me: string): boolean {
  if (scope === 'own' && t.requester.oid !== me) return false;
  switch (filter) {
    case 'open':
      return t.status !== 'resolved';
    case 'unassigned':
      return t.status === 'open';
    case 'mine':
      return scope === 'own' ? true : t.assignee?.oid === me;
    case 'all':
      return true;
  }
}

const ORDER: Record<TicketStatus, number> = { open: 0, assigned: 1, resolved: 2 };

/** Unresolved first, the longest waiting on top; then resolved, the latest first. */
function byQueue(a: Ticket, b: Ticket): number {
  if (ORDER[a.status] !== ORDER[b.status]) return ORDER[a.status] - ORDER[b.status];
  if (a.status === 'resolved') return b.updatedAt.localeCompare(a.updatedAt);
  return a.createdAt.localeCompare(b.createdAt);
}

export function ticketList(tickets: readonly Ticket[], opts: { filter: TicketFilter; asker: string; agent: boolean; now: Date }): TicketList {
  const scope: TicketList['scope'] = opts.agent ? 'helpdesk' : 'own';
  const visible = tickets.filter((t) => scope === 'helpdesk' || t.requester.oid === opts.asker);
  const counts: Record<TicketStatus, number> = { open: 0, assigned: 0, resolved: 0 };
  for (const t of visible) counts[t.status]++;
  const rows = visible
    .filter((t) => wanted(t, opts.filter, scope, opts.asker))
    .sort(byQueue)
    .map((t) => ({
      id: t.id,
      number: t.number,
      status: t.status,
      subject: t.subject.name,
      target: t.target,
      requester: t.requester.name,
      ...(t.assignee ? { assignee: t.assignee.name } : {}),
      createdAt: t.createdAt,
      updatedAt: t.updatedAt,
      post: t.post.state,
    }));
  return { kind: 'tickets', asOf: opts.now.toISOString(), filter: opts.filter, scope, rows, counts };
}

/** What ticket.list is outside Teams (the CLI): the tickets live in the bot's store, which only the bot reads. */
export interface TicketsElsewhere {
  kind: 'elsewhere';
  asOf: string;
}

export type TicketListView = TicketList | TicketsElsewhere;

/**
 * The catalog's answer for ticket.list. In Teams the bot answers it from its ticket store before
 * any catalog answer runs (helpdesk/commands.ts); anywhere else there is no store to read.
 */
export async function ticketsOutsideTeams(_q: unknown, ctx: { now: Date }): Promise<TicketsElsewhere> {
  return { kind: 'elsewhere', asOf: ctx.now.toISOString() };
}
