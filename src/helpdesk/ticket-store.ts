// Tickets in shared storage (Azure Blob Storage; Azurite on a developer machine). A change is a
// function of the record as it is now: it is applied to a fresh read and written back with that
// read's eTag; when another writer got there first (any instance), the change is re-applied to
// the newer record — or refused, if it no longer makes sense. So of twenty agents claiming one
// ticket at once, exactly one write lands and the other nineteen learn who won.
import { isETagConflict, readItem, type Stores } from '../store/storage.ts';
import { TICKET_PREFIX, ticketKey, type Ticket } from './ticket.ts';

/** What a change function returns: the new record, or why not (the record is left alone). */
export type Outcome<R> = { write: Ticket; result?: R } | { skip: R };

export type Stored = Ticket & { eTag: string };

/** Conflicts retried before giving up (each one means another writer landed first). */
const MAX_CONFLICTS = 50;
/** Records read at once when listing. */
const READ_CHUNK = 50;
/** The most tickets a listing reads: the store is scanned, so its cost grows with the number of tickets. */
export const LIST_MAX = 2000;

const pause = (ms: number) => new Promise((ok) => setTimeout(ok, ms));

export class TicketStore {
  constructor(private readonly stores: Stores) {}

  /** Writes a new ticket; false when one with this id already exists (a second click on Escalate). */
  create(t: Ticket): Promise<boolean> {
    return this.stores.create(ticketKey(t.id), t);
  }

  async get(id: string): Promise<Stored | undefined> {
    return (await readItem<Ticket>(this.stores.storage, ticketKey(id))) as Stored | undefined;
  }

  /**
   * Reads, applies `change`, writes with the read's eTag; on a conflict, again with the newer
   * record. Returns the record as written (or as found, when the change skipped) and the change's result.
   */
  async update<R>(id: string, change: (t: Ticket) => Outcome<R>): Promise<{ ticket: Ticket; result?: R; written: boolean } | undefined> {
    for (let attempt = 0; ; attempt++) {
      const current = await this.get(id);
      if (!current) return undefined;
      const { eTag, ...record } = current;
      const out = change(record);
      if ('skip' in out) return { ticket: record, result: out.skip, written: false };
      try {
        await this.stores.storage.write({ [ticketKey(id)]: { ...out.write, eTag } });
        return { ticket: out.write, ...(out.result !== undefined ? { result: out.result } : {}), written: true };
      } catch (err) {
        if (!isETagConflict(err) || attempt >= MAX_CONFLICTS) throw err;
        // Someone else wrote first: back off a little (with jitter, so twenty writers spread out).
        await pause(Math.floor(Math.random() * Math.min(200, 10 * (attempt + 1))));
      }
    }
  }

  /** Every ticket id in the store (at most LIST_MAX). */
  async ids(): Promise<string[]> {
    const keys = await this.stores.list(TICKET_PREFIX, LIST_MAX);
    return keys.map((k) => k.slice(TICKET_PREFIX.length)).filter((id) => /^[0-9a-f-]{36}$/i.test(id));
  }

  /** Every ticket (at most LIST_MAX), read in chunks. */
  async all(): Promise<Ticket[]> {
    const ids = await this.ids();
    const out: Ticket[] = [];
    for (let i = 0; i < ids.length; i += READ_CHUNK) {
      const keys = ids.slice(i, i + READ_CHUNK).map(ticketKey);
      const items = await this.stores.storage.read(keys);
      for (const k of keys) {
        const item = items[k] as Stored | undefined;
        if (!item) continue;
        const { eTag: _e, ...t } = item;
        out.push(t);
      }
    }
    return out;
  }
}
