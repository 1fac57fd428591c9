import { randomUUID } from 'node:crypto';
import { describe, expect, inject, it } from 'vitest';
import { createStores, isETagConflict } from '../../src/store/storage.ts';

const stores = () => createStores(inject('storageConnectionString'), `t-${randomUUID().slice(0, 8)}`);

describe('stores over Azurite', () => {
  it('round-trips non-ASCII text (names, emoji, right-to-left) exactly', async () => {
    const s = stores();
    const note = 'Zoë Ærøskøbing — 👩‍💻 שלום عربى \u0000 "quotes"';
    await s.storage.write({ k: { note } });
    const read = (await s.storage.read(['k'])).k as { note: string; eTag: string };
    expect(read.note).toBe(note);
    expect(read.eTag).toBeTruthy();
  });

  it('rejects a write with a stale eTag, and only that', async () => {
    const s = stores();
    await s.storage.write({ t: { v: 1 } });
    const { eTag } = (await s.storage.read(['t'])).t as { eTag: string };
    await s.storage.write({ t: { v: 2, eTag } });
    const err = await s.storage.write({ t: { v: 3, eTag } }).catch((e: unknown) => e);
    expect(isETagConflict(err)).toBe(true);
    expect(((await s.storage.read(['t'])).t as { v: number }).v).toBe(2);
  });

  it('createOnce lets exactly one of many concurrent callers win', async () => {
    const s = stores();
    const results = await Promise.all(Array.from({ length: 20 }, (_, i) => s.createOnce('claim', { by: i })));
    expect(results.filter(Boolean)).toHaveLength(1);
    const winner = results.indexOf(true);
    expect(await s.readOnce<{ by: number }>('claim')).toEqual({ by: winner });
    await s.writeOnce('claim', { by: 'outcome' });
    expect(await s.readOnce('claim')).toEqual({ by: 'outcome' });
    expect(await s.readOnce('absent')).toBeUndefined();
    await s.close();
  });

  it('never hands back a torn record while it is being overwritten', async () => {
    const s = stores();
    await s.createOnce('race', { state: 'pending' });
    const writes = Array.from({ length: 30 }, (_, i) => s.writeOnce('race', { state: 'done', filler: 'x'.repeat(i * 50) }));
    const reads = Array.from({ length: 60 }, () => s.readOnce<{ state: string }>('race'));
    const results = await Promise.all([...writes, ...reads]);
    for (const r of results.slice(30)) expect(['pending', 'done']).toContain((r as { state: string }).state);
  });
});
