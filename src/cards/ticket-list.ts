// The ticket.list card: the queue (or the asker's own tickets) as a paged table — the oldest
// waiting ticket on top — with counts per status and buttons for the other views.
import type { ViewOptions } from '../catalog.ts';
import type { TicketListView } from '../helpdesk/ticket-list.ts';
import type { TicketFilter } from '../language/intents.ts';
import { card, execute, facts, heading, status, subtle, text, type Action } from './elements.ts';
import { md } from './escape.ts';
import { ago, count } from './format.ts';
import { guard, type Rendered } from './guard.ts';
import { pagedTable } from './list.ts';
import { problemSummary, unescape } from './triage.ts';

const TITLES: Record<TicketFilter, [string, string]> = {
  open: ['Open tickets', 'No open tickets: the queue is empty.'],
  unassigned: ['Unassigned tickets', 'Every open ticket has someone working on it.'],
  mine: ['My tickets', 'Nothing here.'],
  all: ['All tickets', 'No tickets yet.'],
};

const STATUS_WORDS = { open: 'Open', assigned: 'In progress', resolved: 'Resolved' } as const;

const minutesBetween = (iso: string, asOf: string) => Math.max(0, Math.round((Date.parse(asOf) - Date.parse(iso)) / 60_000));

const SWITCH: { filter: TicketFilter; title: string; question: string }[] = [
  { filter: 'unassigned', title: 'Unassigned', question: 'unassigned tickets' },
  { filter: 'mine', title: 'Mine', question: 'my tickets' },
  { filter: 'open', title: 'Open', question: 'open tickets' },
  { filter: 'all', title: 'All', question: 'all tickets' },
];

export function renderTicketList(vm: TicketListView, view: ViewOptions): Rendered {
  if (vm.kind === 'elsewhere') {
    const t = 'Helpdesk tickets live in the bot: ask me “open tickets” in Teams.';
    return guard(card([heading('Tickets'), text(t)]), t);
  }
  const [title, empty] = TITLES[vm.filter];
  const heading_ = vm.scope === 'own' && vm.filter !== 'mine' ? `${title} you opened` : vm.scope === 'helpdesk' && vm.filter === 'mine' ? 'Tickets assigned to me' : title;
  const rows = vm.rows.map((r) => [
    md(r.number),
    problemSummary({ name: r.subject, self: false }, r.target),
    md(r.requester),
    r.assignee ? md(r.assignee) : '—',
    ago(minutesBetween(r.createdAt, vm.asOf)),
    `${STATUS_WORDS[r.status]}${r.post === 'posted' ? '' : r.post === 'failed' ? ' (not posted)' : ' (posting)'}`,
  ]);
  const table = pagedTable({ headers: ['Ticket', 'Problem', 'Requester', 'Assigned to', 'Waiting', 'Status'], rows, widths: [2, 5, 3, 3, 2, 2], empty }, view);
  const c = vm.counts;
  const body = [
    heading(`${heading_} (${count(vm.rows.length)})`),
    c.open ? status(`${count(c.open)} waiting for someone to take ${c.open === 1 ? 'it' : 'them'}`, 'warning') : status('No ticket is waiting to be taken', 'good'),
    facts([
      ['Open', count(c.open)],
      ['In progress', count(c.assigned)],
      ['Resolved', count(c.resolved)],
    ]),
    ...table.elements,
    ...(vm.scope === 'own' ? [subtle('You see the tickets you opened; the helpdesk team sees all of them.')] : [text('Take or assign a ticket from its card in the helpdesk channel.', { isSubtle: true, size: 'Small' })]),
  ];
  const actions: Action[] = [...table.actions, ...SWITCH.filter((s) => s.filter !== vm.filter && (vm.scope === 'helpdesk' || s.filter !== 'unassigned')).map((s) => execute(s.title, 'ask', { question: s.question }))];
  const fallback = unescape(`${heading_}: ${vm.rows.length}. ${vm.rows.slice(0, 10).map((r) => `${r.number} ${STATUS_WORDS[r.status]}`).join('; ')}`);
  return guard(card(body, actions.slice(0, 6)), fallback, table.pages);
}
