// Small helpers for reading $batch results in answers.
import type { BatchResult } from '../graph/types.ts';

/** The body of a part that must succeed; its GraphError otherwise (the bot turns it into a card). */
export function must<T>(result: BatchResult | undefined): T {
  if (!result) throw new Error('a batch part is missing');
  if (!result.ok) throw result.error;
  return result.body as T;
}

/** The body of an optional part, or undefined with the reason it failed. */
export function may<T>(result: BatchResult | undefined): { body?: T; status?: number; code?: string } {
  if (!result) return {};
  if (result.ok) return { body: result.body as T };
  return { status: result.status, code: result.error.code };
}

export type Health = 'healthy' | 'warning' | 'error' | 'off' | 'unknown';

/** Sync freshness: Entra Connect runs every 30 minutes; warn after 3 hours (six missed cycles), error after 24. */
export const SYNC_WARN_MINUTES = 180;
export const SYNC_ERROR_MINUTES = 24 * 60;

export function minutesSince(iso: string | null | undefined, now: Date): number | undefined {
  if (!iso) return undefined;
  const t = Date.parse(iso);
  return Number.isNaN(t) ? undefined : Math.max(0, Math.round((now.getTime() - t) / 60_000));
}

export function freshness(ageMinutes: number | undefined): Health {
  if (ageMinutes === undefined) return 'unknown';
  return ageMinutes > SYNC_ERROR_MINUTES ? 'error' : ageMinutes > SYNC_WARN_MINUTES ? 'warning' : 'healthy';
}
