import { describe, expect, it } from 'vitest';
import { RateLimiter } from '../../src/app/rate-limit.ts';

describe('RateLimiter', () => {
  it('allows a burst, then refuses, telling the person once per window', () => {
    const r = new RateLimiter(30, 15_000); // burst of 10
    const t0 = 1_000_000;
    const allowed = Array.from({ length: 50 }, () => r.take('flood', t0)).filter((d) => d.allowed).length;
    expect(allowed).toBe(10);
    const refused = Array.from({ length: 5 }, () => r.take('flood', t0 + 100));
    expect(refused.every((d) => !d.allowed)).toBe(true);
    // 50 + 5 refused messages, but only the first refusal in the window notifies.
    expect(refused.filter((d) => !d.allowed && d.notify)).toHaveLength(0);
  });

  it('keeps people independent and refills over time', () => {
    const r = new RateLimiter(60);
    const t0 = 5_000_000;
    for (let i = 0; i < 100; i++) r.take('flood', t0);
    expect(r.take('someone-else', t0).allowed).toBe(true);
    expect(r.take('flood', t0).allowed).toBe(false);
    expect(r.take('flood', t0 + 2_000).allowed).toBe(true); // 1 per second at 60/min
  });
});
