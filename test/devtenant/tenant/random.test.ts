import { describe, expect, it } from 'vitest';
import { Random, nameGuid } from '../../../devtenant/tenant/random.ts';

describe('Random', () => {
  it('repeats its sequence for a seed and differs between seeds', () => {
    const a = new Random(42);
    const b = new Random(42);
    const c = new Random(43);
    const seqA = Array.from({ length: 20 }, () => a.u32());
    expect(Array.from({ length: 20 }, () => b.u32())).toEqual(seqA);
    expect(Array.from({ length: 20 }, () => c.u32())).not.toEqual(seqA);
  });

  it('makes well-formed, distinct version-4 GUIDs', () => {
    const r = new Random(1);
    const ids = Array.from({ length: 20_000 }, () => r.guid());
    for (const id of ids.slice(0, 500)) expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('stays in range and samples without repeats', () => {
    const r = new Random(9);
    const ints = Array.from({ length: 2000 }, () => r.int(3, 7));
    expect(Math.min(...ints)).toBe(3);
    expect(Math.max(...ints)).toBe(7);
    const pool = Array.from({ length: 1000 }, (_, i) => i);
    for (const n of [5, 400, 1000, 2000]) {
      const s = r.sample(pool, n);
      expect(s).toHaveLength(Math.min(n, pool.length));
      expect(new Set(s).size).toBe(s.length);
    }
    const picks = Array.from({ length: 3000 }, () => r.weighted([['a', 1], ['b', 3]] as const));
    const share = picks.filter((p) => p === 'b').length / picks.length;
    expect(share).toBeGreaterThan(0.7);
    expect(share).toBeLessThan(0.8);
  });
});

describe('nameGuid', () => {
  it('derives the same version-5 style GUID from the same name, every time', () => {
    expect(nameGuid('SHAREPOINTENTERPRISE')).toBe(nameGuid('SHAREPOINTENTERPRISE'));
    expect(nameGuid('SHAREPOINTENTERPRISE')).not.toBe(nameGuid('SHAREPOINTSTANDARD'));
    expect(nameGuid('x')).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});
