// The ticket card, in two views of one record. Agents (the helpdesk team) see the diagnosis and
// buttons: Assign to me, Assign to … (a member of the helpdesk team), Resolve with a note, Reopen.
// The requester sees where their ticket stands, without agent buttons (Reopen once it is resolved).
// Every button carries only the ticket id and the version it was drawn from; the card refreshes
// itself (Universal Actions `refresh`, verb ticket.refresh) for the requester and the assignee.
import type { AuditEntry, Party, Ticket } from '../helpdesk/ticket.ts';
import { card, columns, container, execute, facts, heading, openUrl, status, subtle, text, type Action, type Card, type Element, type Tone } from './elements.ts';
import { md, plain } from './escape.ts';
import { ago, utc } from './format.ts';
import { guard, type Rendered } from './guard.ts';
import { links } from './links.ts';
import { findingLines, problemSummary, unescape, type Who } from './triage.ts';

export const TICKET_VERBS = {
  refresh: 'ticket.refresh',
  claim: 'ticket.claim',
  assign: 'ticket.assign',
  resolve: 'ticket.resolve',
  reopen: 'ticket.reopen',
} as const;

/** Input ids on the card: their values arrive merged into the action's data. */
export const INPUTS = { assignee: 'assignee', note: 'note' } as const;

/** People offered by "Assign to …" (the filtered ChoiceSet lets agents type to find one). */
export const MAX_CHOICES = 60;

export type Viewer = 'agent' | 'requester' | 'other';

/** Why the card is shown with a note on top: the change asked for was not made, or was made. */
export type Banner =
  | { kind: 'stale'; last?: AuditEntry }
  | { kind: 'already'; last?: AuditEntry }
  | { kind: 'not-allowed'; message: string }
  | { kind: 'done'; message: string };

export interface TicketView {
  ticket: Ticket;
  viewer: Viewer;
  /** The viewer's object id (to offer "Assign to me" only to someone else). */
  viewerOid?: string;
  /** Helpdesk team members for "Assign to …" (agent view). */
  agents: Party[];
  banner?: Banner;
  asOf: string;
}

const STATUS: Record<Ticket['status'], { tone: Tone; label: (t: Ticket) => string }> = {
  open: { tone: 'warning', label: () => 'Open · waiting for someone to take it' },
  assigned: { tone: 'accent', label: (t) => `In progress · ${md(t.assignee?.name ?? 'someone')}` },
  resolved: { tone: 'good', label: (t) => `Resolved${t.resolution ? ` by ${md(t.resolution.by.name)}` : ''}` },
};

const minutesBetween = (iso: string | undefined, asOf: string) => (iso ? Math.max(0, Math.round((Date.parse(asOf) - Date.parse(iso)) / 60_000)) : undefined);

export function whoOf(t: Ticket): Who {
  return { name: t.subject.name, self: false };
}

/** "Lee Gu can't use SharePoint Online" (escaped), from the ticket's diagnosis. */
export function ticketTitle(t: Ticket): string {
  return problemSummary(whoOf(t), t.target);
}

/** One history line (escaped). */
export function auditLine(e: AuditEntry): string {
  const by = md(e.by.name);
  const note = e.note ? `: “${md(e.note)}”` : '';
  switch (e.action) {
    case 'opened':
      return `${by} opened the ticket`;
    case 'claimed':
      return `${by} took it`;
    case 'assigned':
      return `${by} assigned it to ${md(e.to?.name ?? 'someone')}`;
    case 'resolved':
      return `${by} resolved it${note}`;
    case 'reopened':
      return `${by} reopened it${note}`;
    case 'posted':
      return 'Posted in the helpdesk channel';
    case 'post-failed':
      return `Could not post it in the helpdesk channel${e.note ? ` (${md(e.note)})` : ''}`;
  }
}

function bannerElement(b: Banner, asOf: string): Element {
  switch (b.kind) {
    case 'stale':
      return status(b.last ? `This ticket changed before your click: ${auditLine(b.last)} ${ago(minutesBetween(b.last.at, asOf))}. Here it is as it is now.` : 'This ticket changed before your click. Here it is as it is now.', 'warning');
    case 'already':
      return status(b.last ? `Already done: ${auditLine(b.last)} ${ago(minutesBetween(b.last.at, asOf))}.` : 'Already done.', 'accent');
    case 'not-allowed':
      return status(md(b.message), 'attention');
    case 'done':
      return status(md(b.message), 'good');
  }
}

function deliveryFact(t: Ticket): string {
  if (t.post.state === 'posted') return 'In the helpdesk channel';
  if (t.post.state === 'failed') return `**Not in the helpdesk channel yet**${t.post.error ? ` (${md(t.post.error)})` : ''}: I keep trying`;
  return 'Being sent to the helpdesk channel…';
}

const data = (t: Ticket) => ({ ticketId: t.id, version: t.version });

function subCard(body: Element[], actions: Action[]): Card {
  return { type: 'AdaptiveCard', $schema: 'http://adaptivecards.io/schemas/adaptive-card.json', version: '1.5', body, actions };
}

function noteInput(placeholder: string): Element {
  return { type: 'Input.Text', id: INPUTS.note, placeholder, isMultiline: true, maxLength: 500, label: 'Note (optional)' };
}

function agentActions(v: TicketView): Action[] {
  const t = v.ticket;
  const out: Action[] = [];
  if (t.status === 'resolved') {
    out.push({ type: 'Action.ShowCard', title: 'Reopen…', card: subCard([noteInput('What is still not working?')], [execute('Reopen', TICKET_VERBS.reopen, data(t))]) });
    return out;
  }
  // The channel card is drawn for no one in particular; a refreshed card knows who looks at it.
  if (!v.viewerOid || t.assignee?.oid !== v.viewerOid) out.push(execute('Assign to me', TICKET_VERBS.claim, data(t), { style: 'positive' }));
  const others = v.agents.filter((a) => a.oid !== t.assignee?.oid);
  if (others.length) {
    // Names in a ChoiceSet are plain text; a big team is cut to what a card can carry.
    const choices = others.slice(0, MAX_CHOICES).map((a) => ({ title: plain(a.name, 60), value: a.oid }));
    out.push({
      type: 'Action.ShowCard',
      title: 'Assign to…',
      card: subCard([{ type: 'Input.ChoiceSet', id: INPUTS.assignee, label: 'Helpdesk member', style: 'filtered', isRequired: true, errorMessage: 'Pick someone from the helpdesk team.', choices }], [execute('Assign', TICKET_VERBS.assign, data(t))]),
    });
  }
  out.push({ type: 'Action.ShowCard', title: 'Resolve…', card: subCard([noteInput('What fixed it? The requester sees this.')], [execute('Resolve', TICKET_VERBS.resolve, data(t), { style: 'positive' })]) });
  return out;
}

function historyElements(t: Ticket, asOf: string, last: number): Element[] {
  return t.audit.slice(-last).map((e) => subtle(`${utc(e.at).slice(5, 16)} · ${auditLine(e)} · ${ago(minutesBetween(e.at, asOf))}`));
}

export function renderTicket(v: TicketView): Rendered {
  const t = v.ticket;
  const s = STATUS[t.status];
  const aboutSomeoneElse = t.subject.id !== t.requester.oid;
  const body: Element[] = [];
  if (v.banner) body.push(bannerElement(v.banner, v.asOf));
  body.push(
    columns([{ items: [heading(ticketTitle(t))] }, { width: 'auto', items: [text(md(t.number), { isSubtle: true, weight: 'Bolder', horizontalAlignment: 'Right' })] }]),
    status(s.label(t), s.tone),
    facts([
      ['Requester', md(t.requester.name)],
      ...(aboutSomeoneElse ? ([['About', `${md(t.subject.name)}${t.subject.upn ? ` (${md(t.subject.upn)})` : ''}`]] as [string, string][]) : []),
      ['Assigned to', t.assignee ? md(t.assignee.name) : 'Nobody yet'],
      ['Opened', `${ago(minutesBetween(t.createdAt, v.asOf))} (${utc(t.createdAt)})`],
      ['Last change', ago(minutesBetween(t.updatedAt, v.asOf))],
      ...(v.viewer === 'agent' ? [] : ([['Helpdesk', deliveryFact(t)]] as [string, string][])),
    ]),
  );
  if (t.status === 'resolved' && t.resolution) {
    body.push(container([text(`**Resolution**${t.resolution.note ? `: ${md(t.resolution.note)}` : ': no note'}`)], { style: 'good', spacing: 'Medium' }));
  }
  body.push(container([text(`**Diagnosis** (${ago(minutesBetween(t.diagnosedAt, v.asOf))})`), ...findingLines(t.findings, whoOf(t), t.diagnosedAt, v.viewer === 'agent' ? 3 : 2)], { separator: true, spacing: 'Medium' }));
  const shownHistory = 3;
  body.push(container([text('**Latest**'), ...historyElements(t, v.asOf, shownHistory)], { separator: true, spacing: 'Medium' }));

  const actions: Action[] = v.viewer === 'agent' ? agentActions(v) : t.status === 'resolved' && v.viewer === 'requester' ? [{ type: 'Action.ShowCard', title: 'Still not working? Reopen', card: subCard([noteInput('What is still not working?')], [execute('Reopen', TICKET_VERBS.reopen, data(t))]) }] : [];
  const total = t.auditTrimmed + t.audit.length;
  if (total > shownHistory) {
    actions.push({ type: 'Action.ShowCard', title: `History (${total})`, card: subCard([...(t.auditTrimmed ? [subtle(`${t.auditTrimmed} older entries not shown.`)] : []), ...historyElements(t, v.asOf, 25)], []) });
  }
  if (v.viewer === 'agent') actions.push(openUrl('Open in Entra', links.user(t.subject.id)));

  const refreshFor = [t.requester.accountId, t.assignee?.accountId].filter((x): x is string => Boolean(x));
  const extra = { refresh: { action: { type: 'Action.Execute', title: 'Refresh', verb: TICKET_VERBS.refresh, data: { ticketId: t.id } }, userIds: [...new Set(refreshFor)] } };
  const fallback = unescape(`${t.number}: ${ticketTitle(t)}. ${s.label(t)}. Requester ${md(t.requester.name)}.${t.assignee ? ` Assigned to ${md(t.assignee.name)}.` : ''}${t.resolution?.note ? ` Resolution: ${md(t.resolution.note)}` : ''}`);
  return guard(card(body, actions, extra), fallback);
}
