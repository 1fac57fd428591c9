import { describe, expect, it, inject } from 'vitest';

describe('test harness', () => {
  it('provides an Azurite that answers', async () => {
    const cs = inject('storageConnectionString');
    const endpoint = /BlobEndpoint=([^;]+)/.exec(cs)![1]!;
    const res = await fetch(`${endpoint}?comp=list`);
    // Unsigned list is refused, which proves a real blob service answered.
    expect([200, 403]).toContain(res.status);
  });
});
