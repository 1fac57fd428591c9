// An optional part of an answer: its value, or why it could not be read (rule 3 — a refused extra
// detail degrades the answer instead of failing it, and the card says who could read it).
import { explainDenial } from '../graph/denials.ts';
import type { BatchResult } from '../graph/types.ts';

export type Readable<T> =
  | { readable: true; value: T }
  | { readable: false; reason: 'denied' | 'unavailable'; what: string; roles: string[] };

/** Reads an optional batch part; `url` names the request for the denial table. */
export function readable<T>(part: BatchResult | undefined, url: string, map: (body: unknown) => T): Readable<T> {
  return part?.ok ? { readable: true, value: map(part.body) } : unreadable(part, url);
}

/** Why a part could not be read: refused (403, with who could read it) or Graph failed otherwise. */
export function unreadable(part: BatchResult | undefined, url: string): Extract<Readable<never>, { readable: false }> {
  const denial = explainDenial(url);
  return { readable: false, reason: part?.status === 403 ? 'denied' : 'unavailable', what: denial.what, roles: denial.roles };
}
