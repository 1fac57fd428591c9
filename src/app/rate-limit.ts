// A token bucket per person: a burst of questions is fine, a flood is not — one person sending
// fifty messages a second must not slow everyone else down. Flooding gets one friendly message
// per window, not one per message (that would be a flood of its own).
import { Lru } from '../lru.ts';

interface Bucket {
  tokens: number;
  updated: number;
  lastNotice: number;
}

/** Buckets for the 100,000 most recently active people (~100 bytes each). */
const BOUND = 100_000;

export type RateDecision = { allowed: true } | { allowed: false; notify: boolean; retryAfterSeconds: number };

export class RateLimiter {
  private readonly buckets = new Lru<string, Bucket>(BOUND);
  private readonly perMs: number;
  private readonly burst: number;

  constructor(perMinute: number, private readonly noticeEveryMs = 15_000) {
    this.perMs = perMinute / 60_000;
    this.burst = Math.max(3, Math.ceil(perMinute / 3));
  }

  take(who: string, now = Date.now()): RateDecision {
    const b = this.buckets.get(who) ?? { tokens: this.burst, updated: now, lastNotice: 0 };
    b.tokens = Math.min(this.burst, b.tokens + (now - b.updated) * this.perMs);
    b.updated = now;
    if (b.tokens >= 1) {
      b.tokens -= 1;
      this.buckets.set(who, b);
      return { allowed: true };
    }
    const notify = now - b.lastNotice >= this.noticeEveryMs;
    if (notify) b.lastNotice = now;
    this.buckets.set(who, b);
    return { allowed: false, notify, retryAfterSeconds: Math.max(1, Math.ceil((1 - b.tokens) / this.perMs / 1000)) };
  }
}
