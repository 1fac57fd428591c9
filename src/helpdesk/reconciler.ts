// Finishes what a stopped or killed process left: at start-up and then periodically, every ticket
// whose record says work is left (a post pending or due again, cards behind the ticket's version,
// changes the requester has not heard of) is delivered. A ticket another instance is working on
// (its lease has not run out) is looked at again when the lease ends.
//
// A scan reads every ticket (TicketStore.all, at most LIST_MAX): its cost grows with the number of
// tickets, which is why it runs at start-up and every SCAN_MS, not per request — the request that
// changes a ticket delivers it at once.
import type { Background } from '../app/background.ts';
import type { Logger } from '../log.ts';
import type { TicketDelivery } from './delivery.ts';
import type { TicketStore } from './ticket-store.ts';
import { hasWork, type Ticket } from './ticket.ts';

export const SCAN_MS = 30_000;
/** A little after a lease or retry time, so the other side's clock is past it too. */
const MARGIN_MS = 250;
/** Tickets delivered at the same time by one scan. */
const CONCURRENCY = 4;

export class Reconciler {
  private readonly timers = new Map<string, { at: number; timer: NodeJS.Timeout }>();
  private interval: NodeJS.Timeout | undefined;
  private scanning: Promise<void> | undefined;
  private stopped = false;

  constructor(
    private readonly store: TicketStore,
    private readonly delivery: TicketDelivery,
    private readonly background: Background,
    private readonly log: Logger,
    private readonly now: () => Date = () => new Date(),
  ) {}

  start(): void {
    this.stopped = false;
    this.kick('start');
    this.interval = setInterval(() => this.kick('periodic'), SCAN_MS);
    this.interval.unref();
  }

  stop(): void {
    this.stopped = true;
    if (this.interval) clearInterval(this.interval);
    for (const { timer } of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
  }

  /** Scans soon (at start, periodically, when a helpdesk channel is set). */
  kick(reason: string): void {
    if (this.stopped || this.scanning) return;
    this.background.run('helpdesk-scan', async () => {
      this.scanning = this.scan(reason);
      try {
        await this.scanning;
      } finally {
        this.scanning = undefined;
      }
    });
  }

  /** Delivers one ticket now (after a change), in the background. */
  deliver(id: string): void {
    if (this.stopped) return;
    this.background.run('helpdesk-deliver', async () => {
      const result = await this.delivery.run(id);
      if (result === 'busy' || result === 'retry-later') await this.recheck(id);
    });
  }

  private async scan(reason: string): Promise<void> {
    const tickets = await this.store.all();
    const now = this.now();
    const due = tickets.filter((t) => hasWork(t, now));
    for (const t of tickets) this.planLater(t, now);
    if (due.length) this.log.info('helpdesk.reconcile', { reason, tickets: tickets.length, due: due.length });
    for (let i = 0; i < due.length; i += CONCURRENCY) {
      await Promise.all(
        due.slice(i, i + CONCURRENCY).map(async (t) => {
          try {
            const result = await this.delivery.run(t.id);
            if (result === 'busy' || result === 'retry-later') await this.recheck(t.id);
          } catch (err) {
            this.log.warn('helpdesk.reconcile_failed', { ticket: t.id, err });
            this.at(t.id, this.now().getTime() + 5000);
          }
        }),
      );
    }
  }

  /** Looks at the ticket again when its lease or its next post attempt is due. */
  private async recheck(id: string): Promise<void> {
    const t = await this.store.get(id);
    if (!t) return;
    const now = this.now();
    if (t.lease && Date.parse(t.lease.until) > now.getTime()) this.at(id, Date.parse(t.lease.until) + MARGIN_MS);
    else if (hasWork(t, now)) this.at(id, now.getTime() + 5000);
    else this.planLater(t, now);
  }

  private planLater(t: Ticket, now: Date): void {
    if ((t.post.state === 'failed' || t.post.state === 'pending') && t.post.nextAttemptAt && Date.parse(t.post.nextAttemptAt) > now.getTime()) this.at(t.id, Date.parse(t.post.nextAttemptAt) + MARGIN_MS);
    if (t.lease && Date.parse(t.lease.until) > now.getTime() && hasWork(t, new Date(Date.parse(t.lease.until)))) this.at(t.id, Date.parse(t.lease.until) + MARGIN_MS);
  }

  private at(id: string, when: number): void {
    if (this.stopped) return;
    const known = this.timers.get(id);
    if (known && known.at <= when) return;
    if (known) clearTimeout(known.timer);
    const timer = setTimeout(() => {
      this.timers.delete(id);
      this.deliver(id);
    }, Math.max(0, when - this.now().getTime()));
    timer.unref();
    this.timers.set(id, { at: when, timer });
  }
}
