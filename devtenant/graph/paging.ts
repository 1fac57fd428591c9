// Server-driven paging: one scan per page, never a copy of the tenant. Unsorted pages resume at
// the index where the previous page stopped; sorted pages resume after the last (key, id) seen
// and keep only the best N candidates in a heap, so no page sorts the whole collection.
// The $skiptoken is opaque to clients and bound to the query it was issued for.
import { createHash } from 'node:crypto';
import type { GraphObject } from '../tenant/types.ts';
import { GraphFailure } from './wire.ts';

type Key = string | number | boolean | null;
type Cursor = { kind: 'index'; next: number } | { kind: 'key'; key: Key; id: string };

interface TokenBody {
  v: 1;
  h: string;
  c: Cursor;
}

export function queryHash(pathAndRest: string): string {
  return createHash('sha256').update(pathAndRest).digest('base64url').slice(0, 16);
}

export function encodeToken(hash: string, cursor: Cursor): string {
  return Buffer.from(JSON.stringify({ v: 1, h: hash, c: cursor } satisfies TokenBody)).toString('base64url');
}

const expired = () => new GraphFailure(400, 'Directory_ExpiredPageToken', 'The specified page token value has expired and can no longer be included in your request.');

export function decodeToken(token: string, hash: string): Cursor {
  let body: TokenBody;
  try {
    body = JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as TokenBody;
  } catch {
    throw expired();
  }
  if (!body || body.v !== 1 || body.h !== hash || typeof body.c !== 'object' || body.c === null) throw expired();
  const c = body.c;
  if (c.kind === 'index' && Number.isInteger(c.next) && c.next >= 0) return c;
  if (c.kind === 'key' && typeof c.id === 'string' && (c.key === null || ['string', 'number', 'boolean'].includes(typeof c.key))) return c;
  throw expired();
}

export interface PageResult {
  items: GraphObject[];
  /** Matches in the whole collection, when asked for. */
  total?: number;
  next?: Cursor;
}

function sortKey(v: unknown): Key {
  if (v === undefined || v === null) return null;
  if (typeof v === 'string') return v.toLowerCase();
  if (typeof v === 'number' || typeof v === 'boolean') return v;
  return JSON.stringify(v);
}

/** Directory sorting is linguistic ('Seán' sorts with 'Sean'), not by code unit. */
const collator = new Intl.Collator('en', { sensitivity: 'base', ignorePunctuation: false });

function compareKeys(a: Key, b: Key): number {
  if (a === b) return 0;
  if (a === null) return -1;
  if (b === null) return 1;
  if (typeof a === 'string' && typeof b === 'string') return collator.compare(a, b);
  return a < b ? -1 : a > b ? 1 : 0;
}

export function page(
  items: readonly GraphObject[],
  match: ((o: GraphObject) => boolean) | undefined,
  size: number,
  cursor: Cursor | undefined,
  countAll: boolean,
  orderby?: { property: string; desc: boolean },
): PageResult {
  if (!orderby) return unsortedPage(items, match, size, cursor, countAll);
  const dir = orderby.desc ? -1 : 1;
  const cmp = (a: GraphObject, b: GraphObject) => {
    const c = compareKeys(sortKey(a[orderby.property]), sortKey(b[orderby.property])) * dir;
    return c !== 0 ? c : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
  };
  const after =
    cursor && cursor.kind === 'key'
      ? (o: GraphObject) => {
          const c = compareKeys(sortKey(o[orderby.property]), cursor.key) * dir;
          return c > 0 || (c === 0 && o.id > cursor.id);
        }
      : undefined;
  // Max-heap (by cmp) of the smallest size+1 candidates: the extra one tells whether a next page exists.
  const heap: GraphObject[] = [];
  const limit = size + 1;
  let total = 0;
  for (const o of items) {
    if (match && !match(o)) continue;
    total++;
    if (after && !after(o)) continue;
    if (heap.length < limit) {
      heap.push(o);
      siftUp(heap, heap.length - 1, cmp);
    } else if (cmp(o, heap[0]!) < 0) {
      heap[0] = o;
      siftDown(heap, 0, cmp);
    }
  }
  heap.sort(cmp);
  const result: PageResult = { items: heap.slice(0, size) };
  if (countAll) result.total = total;
  if (heap.length > size) {
    const last = result.items[result.items.length - 1]!;
    result.next = { kind: 'key', key: sortKey(last[orderby.property]), id: last.id };
  }
  return result;
}

function unsortedPage(items: readonly GraphObject[], match: ((o: GraphObject) => boolean) | undefined, size: number, cursor: Cursor | undefined, countAll: boolean): PageResult {
  const start = cursor && cursor.kind === 'index' ? cursor.next : 0;
  const out: GraphObject[] = [];
  let next: number | undefined;
  let total = 0;
  if (countAll) for (let i = 0; i < start; i++) if (!match || match(items[i]!)) total++;
  for (let i = start; i < items.length; i++) {
    const o = items[i]!;
    if (match && !match(o)) continue;
    total++;
    if (out.length < size) out.push(o);
    else {
      if (next === undefined) next = i;
      if (!countAll) break;
    }
  }
  const result: PageResult = { items: out };
  if (countAll) result.total = total;
  if (next !== undefined) result.next = { kind: 'index', next };
  return result;
}

type Cmp = (a: GraphObject, b: GraphObject) => number;

function siftUp(h: GraphObject[], i: number, cmp: Cmp): void {
  while (i > 0) {
    const p = (i - 1) >> 1;
    if (cmp(h[i]!, h[p]!) <= 0) return;
    [h[i], h[p]] = [h[p]!, h[i]!];
    i = p;
  }
}

function siftDown(h: GraphObject[], i: number, cmp: Cmp): void {
  for (;;) {
    const l = 2 * i + 1;
    const r = l + 1;
    let m = i;
    if (l < h.length && cmp(h[l]!, h[m]!) > 0) m = l;
    if (r < h.length && cmp(h[r]!, h[m]!) > 0) m = r;
    if (m === i) return;
    [h[i], h[m]] = [h[m]!, h[i]!];
    i = m;
  }
}
