// Retries what Graph asks to be retried — 429, 503 and 504 — honouring Retry-After with a cap,
// and gives every attempt its own timeout, all inside the turn's deadline. A wait that would not
// fit in what is left of the deadline is not started: the person gets "try again" in time instead.
import type { Context, Middleware } from '@microsoft/microsoft-graph-client';
import { connectionFailure, isStaleSocket } from '../https-agent.ts';
import type { Deadline } from './deadline.ts';

export interface RetryPolicy {
  maxRetries: number;
  maxRetryAfterSeconds: number;
  attemptTimeoutMs: number;
}

export interface AttemptInfo {
  /** The request's URL as sent (host included). */
  url: string;
  method: string;
  attempt: number;
  /** Graph's request-id header, when Graph answered. */
  requestId?: string;
  status: number;
  durationMs: number;
  retryAfterMs?: number;
  timedOut?: boolean;
  /** A connection failure that was retried (ECONNRESET on a reused socket, …). */
  networkError?: string;
}

const RETRYABLE = new Set([429, 503, 504]);
/** Retry-After in ms: delta-seconds or an HTTP date; undefined when absent or unusable. */
export function retryAfterMs(value: string | null, now = Date.now()): number | undefined {
  if (!value) return undefined;
  if (/^\s*\d+(\.\d+)?\s*$/.test(value)) return Math.round(Number(value) * 1000);
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

function backoffMs(attempt: number): number {
  return Math.min(4000, 250 * 2 ** (attempt - 1)) + Math.floor(Math.random() * 100);
}

export class TimeoutError extends Error {
  constructor(readonly timeoutMs: number) {
    super(`no answer within ${timeoutMs} ms`);
    this.name = 'TimeoutError';
  }
}

export class RetryHandler implements Middleware {
  private next?: Middleware;

  constructor(
    private readonly policy: RetryPolicy,
    private readonly deadline: Deadline,
    private readonly onAttempt: (info: AttemptInfo) => void = () => {},
  ) {}

  setNext(next: Middleware): void {
    this.next = next;
  }

  async execute(context: Context): Promise<void> {
    const url = typeof context.request === 'string' ? context.request : context.request.url;
    const method = context.options?.method ?? 'GET';
    for (let attempt = 1; ; attempt++) {
      const budget = Math.min(this.policy.attemptTimeoutMs, this.deadline.remaining());
      if (budget <= 0) throw new TimeoutError(0);
      const started = Date.now();
      const signal = AbortSignal.any([AbortSignal.timeout(budget), this.deadline.signal]);
      context.options = { ...(context.options ?? {}), signal };
      let timedOut = false;
      try {
        await this.next!.execute(context);
      } catch (err) {
        if (!signal.aborted) {
          // Every request the bot sends reads only (GETs, $batch of GETs): sending it again changes nothing.
          const code = connectionFailure(err);
          if (!code || attempt > this.policy.maxRetries || this.deadline.remaining() < 200) throw err;
          this.onAttempt({ url, method, attempt, status: 0, durationMs: Date.now() - started, networkError: code });
          if (!isStaleSocket(code)) await new Promise((ok) => setTimeout(ok, Math.min(backoffMs(attempt), this.deadline.remaining() / 2)));
          continue;
        }
        timedOut = true;
      }
      const durationMs = Date.now() - started;
      if (timedOut) {
        this.onAttempt({ url, method, attempt, status: 0, durationMs, timedOut: true });
        // One more try only if a whole attempt still fits; a hanging Graph rarely answers the second time faster.
        if (attempt <= this.policy.maxRetries && this.deadline.remaining() >= this.policy.attemptTimeoutMs) continue;
        throw new TimeoutError(budget);
      }
      const status = context.response?.status ?? 0;
      const wait = retryAfterMs(context.response?.headers.get('retry-after') ?? null);
      const requestId = context.response?.headers.get('request-id') ?? undefined;
      this.onAttempt({ url, method, attempt, status, durationMs, ...(requestId ? { requestId } : {}), ...(wait !== undefined ? { retryAfterMs: wait } : {}) });
      if (!RETRYABLE.has(status) || attempt > this.policy.maxRetries) return;
      const delay = Math.min(wait ?? backoffMs(attempt), this.policy.maxRetryAfterSeconds * 1000);
      if (wait !== undefined && wait > this.policy.maxRetryAfterSeconds * 1000) return; // Graph asked for longer than we may wait
      if (delay + 200 >= this.deadline.remaining()) return; // would not finish in time: answer now with the failure
      await new Promise((ok) => setTimeout(ok, delay));
    }
  }
}
