// Everything the bot sent through the Connector: posts, replies, updates (the earlier versions kept)
// and deletes. Tests read it and wait on it; the driver's turns are slices of it.

export type Activity = Record<string, unknown>;

export interface SentActivity {
  seq: number;
  /** The id the channel gave the activity. */
  id: string;
  /** The conversation the bot addressed (for a channel thread: `…;messageid=…`). */
  conversationId: string;
  replyToId?: string;
  /** The activity as it now stands (after updates). */
  activity: Activity;
  /** Earlier versions, oldest first. */
  history: Activity[];
  deleted: boolean;
  /** How the bot sent it: a post, a reply, or the first message of a conversation it created. */
  via: 'send' | 'reply' | 'createConversation';
}

type Waiter = { pred: (s: SentActivity) => boolean; ok: (s: SentActivity) => void };

/** A conversation the bot created with POST v3/conversations (a 1:1, or a new channel thread). */
export interface CreatedConversation {
  /** Outbox position when it was created (comparable with SentActivity.seq). */
  seq: number;
  conversationId: string;
  /** The object ids of the members it was created with (empty for a channel thread). */
  memberOids: string[];
  /** The channel id, for a new channel thread. */
  channelId?: string;
}

/** Activities kept: enough for any test, bounded so a 20,000-turn benchmark does not grow without end. */
const MAX_ITEMS = 20_000;

export class Outbox {
  private readonly items: SentActivity[] = [];
  private nextSeq = 1;
  private waiters: Waiter[] = [];
  private readonly created: CreatedConversation[] = [];

  mark(): number {
    return this.nextSeq;
  }

  add(conversationId: string, id: string, activity: Activity, via: SentActivity['via'], replyToId?: string): SentActivity {
    const item: SentActivity = { seq: this.nextSeq++, id, conversationId, activity, history: [], deleted: false, via, ...(replyToId ? { replyToId } : {}) };
    this.items.push(item);
    if (this.items.length > MAX_ITEMS) this.items.splice(0, this.items.length - MAX_ITEMS);
    this.notify(item);
    return item;
  }

  recordCreated(c: Omit<CreatedConversation, 'seq'>): void {
    this.created.push({ ...c, seq: this.nextSeq });
  }

  createdConversations(since = 0): CreatedConversation[] {
    return this.created.filter((c) => c.seq >= since);
  }

  find(conversationId: string, id: string): SentActivity | undefined {
    return this.items.find((s) => s.id === id && s.conversationId === conversationId) ?? this.items.find((s) => s.id === id);
  }

  update(item: SentActivity, activity: Activity): void {
    item.history.push(item.activity);
    item.activity = activity;
    this.notify(item);
  }

  remove(item: SentActivity): void {
    item.deleted = true;
    this.notify(item);
  }

  list(filter: { conversationId?: string; since?: number } = {}): SentActivity[] {
    // Items are in seq order: start at the first one at or after `since` (a turn looks only at its own).
    let lo = 0;
    let hi = this.items.length;
    while (filter.since !== undefined && lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.items[mid]!.seq < filter.since) lo = mid + 1;
      else hi = mid;
    }
    return this.items.slice(lo).filter((s) => filter.conversationId === undefined || s.conversationId === filter.conversationId || s.conversationId.startsWith(`${filter.conversationId};messageid=`));
  }

  /** Resolves with the first sent activity (already there, or sent, updated or deleted later) that matches. */
  waitFor(pred: (s: SentActivity) => boolean, timeoutMs = 10_000): Promise<SentActivity> {
    const hit = this.items.find(pred);
    if (hit) return Promise.resolve(hit);
    return new Promise((ok, fail) => {
      const waiter: Waiter = {
        pred,
        ok: (s) => {
          clearTimeout(timer);
          ok(s);
        },
      };
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((w) => w !== waiter);
        fail(new Error(`the bot sent nothing matching within ${timeoutMs} ms`));
      }, timeoutMs);
      this.waiters.push(waiter);
    });
  }

  private notify(item: SentActivity): void {
    const ready = this.waiters.filter((w) => w.pred(item));
    this.waiters = this.waiters.filter((w) => !ready.includes(w));
    for (const w of ready) w.ok(item);
  }
}
