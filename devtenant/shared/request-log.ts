// Every request the dev tenant serves, in order. Tests and benchmarks read it to count Graph round
// trips per answer and token requests per user; it is bounded so a long benchmark cannot grow it.

export type Service = 'graph' | 'entra' | 'channel';

export interface LoggedRequest {
  seq: number;
  service: Service;
  method: string;
  /** Path and query as received (for $batch parts: the part's url). */
  url: string;
  status: number;
  startedAt: number;
  durationMs: number;
  /** Response body size in bytes. */
  bytes: number;
  /** For a request inside a $batch: the seq of the batch request that carried it. */
  batchSeq?: number;
  /** The `oid` of the token's user, when the request carried a user's token. */
  userOid?: string;
  /** What the request was for, where it matters (Entra: the grant type). */
  kind?: string;
  clientRequestId?: string;
  /**
   * Graph only: the OData query as the emulator parsed it (`filter` is the $filter syntax tree as
   * plain JSON), or `error` when the query was refused — so tests can prove which clauses reached Graph.
   */
  odata?: { filter?: unknown; search?: unknown; select?: string[]; top?: number; orderby?: string; count?: boolean; error?: string };
}

export class RequestLog {
  private items: LoggedRequest[] = [];
  private nextSeq = 1;
  constructor(private readonly max = 200_000) {}

  /** Records a request; returns its seq (give it to $batch parts as batchSeq). */
  add(entry: Omit<LoggedRequest, 'seq'>): number {
    const seq = this.nextSeq++;
    this.items.push({ ...entry, seq });
    if (this.items.length > this.max) this.items.splice(0, this.items.length - this.max);
    return seq;
  }

  /** The seq the next request will get: take it before an action, pass it to `since` after. */
  mark(): number {
    return this.nextSeq;
  }

  since(mark: number, service?: Service): LoggedRequest[] {
    // Entries are in seq order: start at the first at or after `mark` (callers look at recent ones).
    let lo = 0;
    let hi = this.items.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.items[mid]!.seq < mark) lo = mid + 1;
      else hi = mid;
    }
    const recent = this.items.slice(lo);
    return service ? recent.filter((r) => r.service === service) : recent;
  }

  all(service?: Service): LoggedRequest[] {
    return this.since(0, service);
  }

  clear(): void {
    this.items = [];
  }

  /** Round trips: HTTP requests that reached Graph (a $batch is one; its parts are not). */
  static roundTrips(entries: LoggedRequest[]): number {
    return entries.filter((e) => e.service === 'graph' && e.batchSeq === undefined).length;
  }
}
