// Finishing a ticket's delivery: post its card in the helpdesk channel, bring the channel card and
// the requester's copy up to the ticket's version, tell the requester what changed. The record
// says what is left (ticket.ts workLeft), so the same routine serves the request that made a change
// and the reconciler after a crash. A lease in the record (taken and renewed with eTag-checked
// writes) keeps two instances from doing one ticket's work at once; a process killed mid-way
// leaves the lease to run out, and the work is picked up again.
//
// Delivery is at least once: a process killed after Teams accepted a post or a message but before
// the record says so repeats that post or message when the work is picked up again.
import { cardActivity } from '../app/delivery.ts';
import { renderTicket, type Banner, type Viewer } from '../cards/ticket.ts';
import { renderTicketNotice } from '../cards/ticket-notices.ts';
import type { Logger } from '../log.ts';
import type { HelpdeskChannel, HelpdeskTeam } from './channel.ts';
import { connectorStatus, type TeamsPort } from './teams.ts';
import type { TicketStore } from './ticket-store.ts';
import { appendAudit, hasWork, leasedByOther, tellsRequester, workLeft, type AuditEntry, type Party, type Ticket } from './ticket.ts';

/** How long one instance may hold a ticket's delivery before another may take it over. */
export const LEASE_MS = 15_000;
/** Quick retries of a failed post (after the first attempt), then it is reported and retried slowly. */
export const POST_RETRY_MS = [1000, 3000];
export const FAILED_POST_RETRY_MS = 60_000;
/** Passes over one ticket in one run (each finishes one step); more means changes keep arriving. */
const MAX_PASSES = 12;

/** The bot itself, in audit entries about delivery. */
export const TENANT_DESK: Party = { oid: 'tenant-desk', name: 'Tenant Desk' };

export interface DeliveryDeps {
  store: TicketStore;
  teams: TeamsPort;
  team: HelpdeskTeam;
  channel: () => Promise<HelpdeskChannel | undefined>;
  /** This process (lease owner). */
  instance: string;
  log: Logger;
  now?: () => Date;
  sleep?: (ms: number) => Promise<void>;
}

export type RunResult = 'done' | 'nothing' | 'busy' | 'missing' | 'retry-later';

/** A Connector failure worth retrying soon (throttled, unavailable, no answer). */
const transient = (status: number) => status === 0 || status === 408 || status === 429 || status >= 500;

function describeFailure(err: unknown): string {
  const s = connectorStatus(err);
  if (s === 403) return 'Teams refused: is Tenant Desk installed in the helpdesk team?';
  if (s === 404) return 'Teams does not know the helpdesk channel: was it deleted, or is Tenant Desk not installed in its team?';
  if (s === 429) return 'Teams is throttling the bot';
  if (s === 0) return 'Teams did not answer';
  return `Teams answered ${s}`;
}

export class TicketDelivery {
  private readonly now: () => Date;
  private readonly sleep: (ms: number) => Promise<void>;

  constructor(private readonly d: DeliveryDeps) {
    this.now = d.now ?? (() => new Date());
    this.sleep = d.sleep ?? ((ms) => new Promise((ok) => setTimeout(ok, ms)));
  }

  private lease() {
    return { by: this.d.instance, until: new Date(this.now().getTime() + LEASE_MS).toISOString() };
  }

  /** Renders a view of the ticket for a card. */
  async view(t: Ticket, viewer: Viewer, viewerOid?: string, banner?: Banner): Promise<ReturnType<typeof renderTicket>> {
    let agents: Party[] = [];
    if (viewer === 'agent') {
      try {
        agents = await this.d.team.members(t.serviceUrl);
      } catch (err) {
        this.d.log.warn('helpdesk.members_failed', { err });
      }
    }
    return renderTicket({ ticket: t, viewer, ...(viewerOid ? { viewerOid } : {}), agents, asOf: this.now().toISOString(), ...(banner ? { banner } : {}) });
  }

  /** Tickets this process is delivering now, and those changed again meanwhile. */
  private readonly running = new Set<string>();
  private readonly again = new Set<string>();

  /**
   * Does everything the ticket still needs. One run per ticket per process at a time: a call while
   * one runs makes that one go round again (the lease keeps other processes out).
   */
  async run(id: string): Promise<RunResult> {
    if (this.running.has(id)) {
      this.again.add(id);
      return 'done';
    }
    this.running.add(id);
    try {
      let result: RunResult;
      do {
        this.again.delete(id);
        result = await this.runOnce(id);
      } while (this.again.has(id) && result !== 'missing');
      return result;
    } finally {
      this.running.delete(id);
      this.again.delete(id);
    }
  }

  private async runOnce(id: string): Promise<RunResult> {
    const claimed = await this.d.store.update<RunResult>(id, (t) => {
      const now = this.now();
      if (!hasWork(t, now)) return { skip: 'nothing' };
      if (leasedByOther(t, this.d.instance, now)) return { skip: 'busy' };
      return { write: { ...t, lease: this.lease() } };
    });
    if (!claimed) return 'missing';
    if (!claimed.written) return claimed.result ?? 'nothing';
    let t = claimed.ticket;
    for (let pass = 0; pass < MAX_PASSES; pass++) {
      const w = workLeft(t, this.now());
      let next: Ticket | 'retry-later';
      if (w.post) next = await this.post(t);
      else if (w.cards) next = await this.cards(t);
      else if (w.notices) next = await this.notices(t);
      else {
        // Nothing left in what this process saw: let go — unless someone changed it meanwhile.
        const released = await this.d.store.update<'more'>(id, (cur) => (hasWork(cur, this.now()) ? { skip: 'more' } : { write: withoutLease(cur) }));
        if (!released || released.written) return 'done';
        t = released.ticket;
        continue;
      }
      if (next === 'retry-later') {
        await this.d.store.update(id, (cur) => (cur.lease?.by === this.d.instance ? { write: withoutLease(cur) } : { skip: undefined }));
        return 'retry-later';
      }
      t = next;
    }
    this.d.log.warn('helpdesk.delivery_passes_exhausted', { ticket: id });
    return 'retry-later';
  }

  /** Writes `change` to the current record, renewing the lease. */
  private async save(id: string, change: (t: Ticket) => Ticket): Promise<Ticket> {
    const res = await this.d.store.update(id, (cur) => ({ write: { ...change(cur), lease: this.lease() } }));
    if (!res) throw new Error(`ticket ${id} disappeared`);
    return res.ticket;
  }

  private async post(t: Ticket): Promise<Ticket> {
    const channel = await this.d.channel();
    if (!channel) return this.postFailed(t, 'no helpdesk channel is set up yet', false);
    let posted: { threadId: string; activityId: string };
    try {
      const rendered = await this.view(t, 'agent');
      this.d.log.info('helpdesk.posting', { ticket: t.id, attempt: t.post.attempts + 1 });
      posted = await this.d.teams.postToChannel(t.serviceUrl, channel.channelId, cardActivity(rendered));
    } catch (err) {
      this.d.log.warn('helpdesk.post_failed', { ticket: t.id, attempt: t.post.attempts + 1, status: connectorStatus(err), err });
      const attempts = t.post.attempts + 1;
      const wait = POST_RETRY_MS[attempts - 1];
      if (wait !== undefined) {
        const saved = await this.save(t.id, (cur) => ({ ...cur, post: { ...cur.post, state: 'pending', attempts, nextAttemptAt: new Date(this.now().getTime() + wait).toISOString(), error: describeFailure(err) } }));
        await this.sleep(wait);
        return saved;
      }
      return this.postFailed({ ...t, post: { ...t.post, attempts } }, describeFailure(err), true);
    }
    this.d.log.info('helpdesk.posted', { ticket: t.id, thread: posted.threadId });
    let duplicate = false;
    const saved = await this.save(t.id, (cur) => {
      // Another instance posted it while this one was stuck past its lease: keep theirs.
      duplicate = cur.post.state === 'posted' && cur.post.activityId !== posted.activityId;
      if (duplicate) return cur;
      const at = this.now().toISOString();
      const entry: AuditEntry = { at, by: TENANT_DESK, action: 'posted' };
      const { nextAttemptAt: _n, error: _e, ...post } = cur.post;
      return { ...cur, post: { ...post, state: 'posted', attempts: cur.post.attempts + 1, channelId: channel.channelId, threadId: posted.threadId, activityId: posted.activityId }, ...appendAudit(cur, entry) };
    });
    if (duplicate) {
      this.d.log.warn('helpdesk.duplicate_post_removed', { ticket: t.id });
      await this.d.teams.remove(t.serviceUrl, posted.threadId, posted.activityId).catch((err: unknown) => this.d.log.warn('helpdesk.duplicate_post_kept', { ticket: t.id, err }));
    }
    return saved;
  }

  /** Records a post that could not be made; the requester hears it once, not at every retry. */
  private postFailed(t: Ticket, reason: string, counted: boolean): Promise<Ticket> {
    return this.save(t.id, (cur) => {
      const at = this.now().toISOString();
      const lastDelivery = [...cur.audit].reverse().find((e) => e.action === 'posted' || e.action === 'post-failed');
      const tell = lastDelivery?.action !== 'post-failed';
      return {
        ...cur,
        post: { ...cur.post, state: 'failed', attempts: counted ? Math.max(cur.post.attempts, t.post.attempts) : cur.post.attempts, error: reason, nextAttemptAt: new Date(this.now().getTime() + FAILED_POST_RETRY_MS).toISOString() },
        ...(tell ? appendAudit(cur, { at, by: TENANT_DESK, action: 'post-failed', note: reason }) : {}),
      };
    });
  }

  private async cards(t: Ticket): Promise<Ticket | 'retry-later'> {
    const version = t.version;
    try {
      if (t.post.state === 'posted' && t.post.threadId && t.post.activityId) {
        await this.update(t, t.post.threadId, t.post.activityId, await this.view(t, 'agent'));
      }
      if (t.requesterCopy) await this.update(t, t.requesterCopy.conversationId, t.requesterCopy.activityId, await this.view(t, 'requester'));
    } catch (err) {
      if (transient(connectorStatus(err))) {
        this.d.log.warn('helpdesk.card_update_deferred', { ticket: t.id, status: connectorStatus(err), err });
        return 'retry-later';
      }
      this.d.log.warn('helpdesk.card_update_failed', { ticket: t.id, status: connectorStatus(err), err });
    }
    return this.save(t.id, (cur) => ({ ...cur, progress: { ...cur.progress, cardsVersion: Math.max(cur.progress.cardsVersion, version) } }));
  }

  private async update(t: Ticket, conversationId: string, activityId: string, rendered: ReturnType<typeof renderTicket>): Promise<void> {
    await this.d.teams.update(t.serviceUrl, conversationId, activityId, cardActivity(rendered));
  }

  /** Tells the requester each change they have not heard of, recording progress after each message. */
  private async notices(t: Ticket): Promise<Ticket | 'retry-later'> {
    const total = t.auditTrimmed + t.audit.length;
    let cur = t;
    for (let i = Math.max(t.progress.notified, t.auditTrimmed); i < total; i++) {
      const e = t.audit[i - t.auditTrimmed]!;
      if (t.requester.accountId && tellsRequester(t, e)) {
        try {
          await this.d.teams.tell(t.serviceUrl, { accountId: t.requester.accountId, ...(t.requesterChat ? { chatId: t.requesterChat } : {}) }, cardActivity(renderTicketNotice(t, e)));
          this.d.log.info('helpdesk.requester_told', { ticket: t.id, action: e.action });
        } catch (err) {
          if (transient(connectorStatus(err))) {
            this.d.log.warn('helpdesk.notice_deferred', { ticket: t.id, status: connectorStatus(err), err });
            return 'retry-later';
          }
          this.d.log.warn('helpdesk.notice_failed', { ticket: t.id, status: connectorStatus(err), err });
        }
      }
      const told = i + 1;
      cur = await this.save(t.id, (c) => ({ ...c, progress: { ...c.progress, notified: Math.max(c.progress.notified, told) } }));
    }
    return cur;
  }
}

export function withoutLease(t: Ticket): Ticket {
  const { lease: _l, ...rest } = t;
  return rest;
}
