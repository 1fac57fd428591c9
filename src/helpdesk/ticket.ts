// A helpdesk ticket: one record that holds everything about it — the diagnosis it was opened
// with, who asked, who works on it, an audit trail, and its own delivery state (is the channel card
// posted? which version do the cards show? which changes has the requester been told about?).
// Every change is one eTag-checked write of the whole record (ticket-store.ts), so a process killed
// between any two steps leaves a record that says exactly what is left to do (reconciler.ts).
// Card buttons carry only the ticket id and the version they were rendered from.
import { createHash } from 'node:crypto';
import type { TriageDiagnosis } from '../answers/triage.ts';
import type { Ranked, TriageFacts } from './findings.ts';
import type { Target } from './workloads.ts';

export type TicketStatus = 'open' | 'assigned' | 'resolved';

export interface Party {
  /** Entra object id. */
  oid: string;
  name: string;
  /** Teams account id (29:…): card refresh targets and 1:1 chats use it. */
  accountId?: string;
}

export type AuditAction = 'opened' | 'claimed' | 'assigned' | 'resolved' | 'reopened' | 'posted' | 'post-failed';

export interface AuditEntry {
  at: string;
  by: Party;
  action: AuditAction;
  /** For assigned: to whom. */
  to?: Party;
  note?: string;
}

export type PostState = 'pending' | 'posted' | 'failed';

export interface Posting {
  state: PostState;
  attempts: number;
  /** When the next attempt is due (a failed post is retried later, and at once when a channel is set). */
  nextAttemptAt?: string;
  /** Why the last attempt failed, in plain words. */
  error?: string;
  /** Where the card went: the channel, the thread (conversation id) and the card's activity id. */
  channelId?: string;
  threadId?: string;
  activityId?: string;
}

export interface Ticket {
  id: string;
  /** Short, human-friendly: TD-3F9A2C. */
  number: string;
  /** Bumped by every change people make (not by delivery bookkeeping). */
  version: number;
  status: TicketStatus;
  createdAt: string;
  updatedAt: string;
  requester: Party;
  /** The person diagnosed (the requester themselves when `self`). */
  subject: { id: string; name: string; upn: string; self: boolean };
  target: Target;
  findings: Ranked[];
  facts: TriageFacts;
  diagnosedAt: string;
  assignee?: Party;
  resolution?: { note?: string; by: Party; at: string };
  audit: AuditEntry[];
  /** Entries trimmed from the front of `audit` (it keeps the last AUDIT_KEPT). */
  auditTrimmed: number;
  /** The Bot Framework service URL of the tenant's region (from the escalation). */
  serviceUrl: string;
  post: Posting;
  /** The requester's copy: the message whose Escalate button opened the ticket. */
  requesterCopy?: { conversationId: string; activityId: string };
  /** The requester's 1:1 chat with the bot, when the escalation came from it (notices go there directly). */
  requesterChat?: string;
  /** Delivery progress: the version both cards show, and how many audit entries (absolute count) the requester was told about. */
  progress: { cardsVersion: number; notified: number };
  /** Who is doing this ticket's delivery work right now (a lease, so two instances never do it twice at once). */
  lease?: { by: string; until: string };
}

export const AUDIT_KEPT = 100;
/** Longest resolution / reopen note kept. */
export const NOTE_MAX = 500;

export const ticketKey = (id: string) => `tickets/${id}`;
export const TICKET_PREFIX = 'tickets/';

export function ticketNumber(id: string): string {
  return `TD-${createHash('sha256').update(id).digest('hex').slice(0, 6).toUpperCase()}`;
}

function cleanNote(note: string | undefined): string | undefined {
  const n = (note ?? '').replace(/\s+/g, ' ').trim();
  return n ? n.slice(0, NOTE_MAX) : undefined;
}

/** A new ticket from a diagnosis, waiting to be posted. */
export function openTicket(opts: { id: string; vm: TriageDiagnosis; requester: Party; serviceUrl: string; requesterCopy?: { conversationId: string; activityId: string }; requesterChat?: string; now: Date }): Ticket {
  const at = opts.now.toISOString();
  return {
    id: opts.id,
    number: ticketNumber(opts.id),
    version: 1,
    status: 'open',
    createdAt: at,
    updatedAt: at,
    requester: opts.requester,
    subject: { id: opts.vm.person.id, name: opts.vm.person.name, upn: opts.vm.person.upn, self: opts.vm.self },
    target: opts.vm.target,
    findings: opts.vm.findings,
    facts: opts.vm.facts,
    diagnosedAt: opts.vm.asOf,
    audit: [{ at, by: opts.requester, action: 'opened' }],
    auditTrimmed: 0,
    serviceUrl: opts.serviceUrl,
    post: { state: 'pending', attempts: 0 },
    ...(opts.requesterCopy ? { requesterCopy: opts.requesterCopy } : {}),
    ...(opts.requesterChat ? { requesterChat: opts.requesterChat } : {}),
    // The requester sees their copy turn into the ticket in the invoke response: nothing to tell yet.
    progress: { cardsVersion: 0, notified: 1 },
  };
}

export type Change =
  | { kind: 'claim'; by: Party }
  | { kind: 'assign'; by: Party; to: Party }
  | { kind: 'resolve'; by: Party; note?: string }
  | { kind: 'reopen'; by: Party; note?: string };

/** Why a change was not made: the card says so, with who changed the ticket last. */
export type Refusal = { reason: 'stale'; last?: AuditEntry } | { reason: 'already'; last?: AuditEntry } | { reason: 'not-allowed'; message: string };

/** The audit trail with `entry` added, keeping the last AUDIT_KEPT entries (and counting those dropped). */
export function appendAudit(t: Ticket, entry: AuditEntry): Pick<Ticket, 'audit' | 'auditTrimmed'> {
  const audit = [...t.audit, entry];
  const drop = Math.max(0, audit.length - AUDIT_KEPT);
  return { audit: audit.slice(drop), auditTrimmed: t.auditTrimmed + drop };
}

/** The last change people made (not delivery bookkeeping). */
export function lastChange(t: Ticket): AuditEntry | undefined {
  return [...t.audit].reverse().find((e) => e.action !== 'posted' && e.action !== 'post-failed');
}

/** Whether the ticket already is what the change would make it (a double click, a retried invoke). */
function alreadyDone(t: Ticket, c: Change): boolean {
  switch (c.kind) {
    case 'claim':
      return t.status === 'assigned' && t.assignee?.oid === c.by.oid;
    case 'assign':
      return t.status === 'assigned' && t.assignee?.oid === c.to.oid;
    case 'resolve':
      return t.status === 'resolved';
    case 'reopen':
      return t.status !== 'resolved';
  }
}

/**
 * Applies a change made from a card rendered at `version`. A card older than the ticket is refused
 * (the person is shown what changed) unless the change is already in place, which is answered as
 * done — so two agents claiming at once get exactly one winner, and the other hears who won.
 */
export function applyChange(t: Ticket, c: Change, version: number, now: Date): Ticket | Refusal {
  if (alreadyDone(t, c)) return { reason: 'already', ...(lastChange(t) ? { last: lastChange(t)! } : {}) };
  if (version !== t.version) return { reason: 'stale', ...(lastChange(t) ? { last: lastChange(t)! } : {}) };
  const at = now.toISOString();
  const base = { ...t, version: t.version + 1, updatedAt: at };
  switch (c.kind) {
    case 'claim':
      if (t.status === 'resolved') return { reason: 'not-allowed', message: 'This ticket is resolved. Reopen it first.' };
      return { ...base, status: 'assigned', assignee: c.by, ...appendAudit(t, { at, by: c.by, action: 'claimed' }) };
    case 'assign':
      if (t.status === 'resolved') return { reason: 'not-allowed', message: 'This ticket is resolved. Reopen it first.' };
      return { ...base, status: 'assigned', assignee: c.to, ...appendAudit(t, { at, by: c.by, action: 'assigned', to: c.to }) };
    case 'resolve': {
      const note = cleanNote(c.note);
      return { ...base, status: 'resolved', resolution: { by: c.by, at, ...(note ? { note } : {}) }, ...appendAudit(t, { at, by: c.by, action: 'resolved', ...(note ? { note } : {}) }) };
    }
    case 'reopen': {
      const note = cleanNote(c.note);
      const { resolution: _gone, ...rest } = base;
      return { ...rest, status: t.assignee ? 'assigned' : 'open', ...appendAudit(t, { at, by: c.by, action: 'reopened', ...(note ? { note } : {}) }) };
    }
  }
}

export const isRefusal = (x: Ticket | Refusal): x is Refusal => 'reason' in x;

/** The absolute index of audit entry `i` of the kept list. */
export const auditIndex = (t: Ticket, i: number) => t.auditTrimmed + i;

/** Audit entries the requester should hear about and has not yet (absolute positions ≥ progress.notified). */
export function pendingNotices(t: Ticket): AuditEntry[] {
  const total = t.auditTrimmed + t.audit.length;
  const from = Math.max(t.progress.notified, t.auditTrimmed);
  if (from >= total) return [];
  return t.audit.slice(from - t.auditTrimmed).filter((e) => tellsRequester(t, e));
}

/** The requester hears of what others did (and of delivery trouble), not of their own clicks. */
export function tellsRequester(t: Ticket, e: AuditEntry): boolean {
  if (e.action === 'opened') return false;
  if (e.action === 'post-failed') return true;
  if (e.action === 'posted') return t.audit.some((x) => x.action === 'post-failed');
  return e.by.oid !== t.requester.oid;
}

/** What delivery work the record says is left. */
export function workLeft(t: Ticket, now: Date): { post: boolean; cards: boolean; notices: boolean } {
  const due = !t.post.nextAttemptAt || Date.parse(t.post.nextAttemptAt) <= now.getTime();
  return {
    post: (t.post.state === 'pending' || t.post.state === 'failed') && due,
    cards: t.progress.cardsVersion < t.version,
    notices: t.progress.notified < t.auditTrimmed + t.audit.length,
  };
}

export const hasWork = (t: Ticket, now: Date) => {
  const w = workLeft(t, now);
  return w.post || w.cards || w.notices;
};

/** A lease held by someone else that has not run out. */
export const leasedByOther = (t: Ticket, me: string, now: Date) => Boolean(t.lease && t.lease.by !== me && Date.parse(t.lease.until) > now.getTime());
