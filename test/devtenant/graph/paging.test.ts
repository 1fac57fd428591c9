// Server-driven paging: @odata.nextLink with an opaque $skiptoken, followed by the SDK's PageIterator.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PageIterator, type Client } from '@microsoft/microsoft-graph-client';
import { page } from '../../../devtenant/graph/paging.ts';
import type { GraphObject } from '../../../devtenant/tenant/types.ts';
import { U, rawRequest, startEmulator, type Emulator } from './fixture.ts';
import { needsAdvanced, refused, type Collection } from './support.ts';

let em: Emulator;
let sdk: Client;

beforeAll(async () => {
  em = await startEmulator();
  sdk = em.client(em.token(U.alice));
});
afterAll(() => em.close());

async function iterate(first: Collection, headers?: Record<string, string>): Promise<Record<string, unknown>[]> {
  const seen: Record<string, unknown>[] = [];
  const it = new PageIterator(sdk, first, (item: Record<string, unknown>) => {
    seen.push(item);
    return true;
  }, headers ? { headers } : undefined);
  await it.iterate();
  return seen;
}

describe('paging', () => {
  it('pages users with $top and a full nextLink on this server that repeats the query', async () => {
    const mark = em.log.mark();
    const first: Collection = await sdk.api('/users').select('id,displayName').top(3).get();
    expect(first.value).toHaveLength(3);
    expect(first['@odata.nextLink']).toMatch(new RegExp(`^${em.baseUrl.replace(/[.]/g, '\\.')}/v1\\.0/users\\?\\$select=id,displayName&\\$top=3&\\$skiptoken=[A-Za-z0-9_-]+$`));
    const all = await iterate(first);
    expect(all.map((u) => u.id)).toEqual(em.tenant.data.users.map((u) => u.id));
    expect(em.log.since(mark, 'graph')).toHaveLength(4);
  });

  it('pages a sorted query in order without repeating or skipping anyone', async () => {
    const first: Collection = await sdk.api('/users').orderby('displayName').select('displayName').top(2).get();
    const all = await iterate(first);
    const expected = em.tenant.data.users.map((u) => String(u.displayName)).sort((a, b) => a.localeCompare(b, 'en', { sensitivity: 'base' }));
    expect(all.map((u) => u.displayName)).toEqual(expected);
  });

  it('gives @odata.count on the first page only, and needs ConsistencyLevel re-sent on every page', async () => {
    const first: Collection = await sdk.api('/users').header('ConsistencyLevel', 'eventual').filter("userType ne 'Guest'").count(true).top(4).get();
    expect(first['@odata.count']).toBe(10);
    const second: Collection = await sdk.api(first['@odata.nextLink']!).header('ConsistencyLevel', 'eventual').get();
    expect(second['@odata.count']).toBeUndefined();
    expect(second.value).toHaveLength(4);
    await refused(sdk.api(first['@odata.nextLink']!).get(), 400, 'Request_UnsupportedQuery', needsAdvanced('ne'));
    const all = await iterate(first, { ConsistencyLevel: 'eventual' });
    expect(all).toHaveLength(10);
  });

  it('refuses a tampered skiptoken or one issued for another query', async () => {
    const first: Collection = await sdk.api('/users').top(2).get();
    const link = new URL(first['@odata.nextLink']!);
    const token = link.searchParams.get('$skiptoken')!;
    const auth = { Authorization: `Bearer ${em.token(U.alice)}` };
    const forged = await rawRequest(em, `/v1.0/users?$top=2&$skiptoken=${token.slice(0, -3)}xyz`, { headers: auth });
    expect([forged.status, (forged.json() as { error: { code: string } }).error.code]).toEqual([400, 'Directory_ExpiredPageToken']);
    const other = await rawRequest(em, `/v1.0/groups?$top=2&$skiptoken=${token}`, { headers: auth });
    expect(other.status).toBe(400);
    const ok = await rawRequest(em, `/v1.0/users?$top=2&$skiptoken=${token}`, { headers: auth });
    expect(ok.status).toBe(200);
  });

  it('does not page directory roles', async () => {
    const r: Collection = await sdk.api('/directoryRoles').get();
    expect([r.value.length, r['@odata.nextLink']]).toEqual([4, undefined]);
  });
});

describe('page(): one scan per page', () => {
  function rng(seed: number) {
    return () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
  }

  it('returns, page after page, exactly the fully sorted list (with ties and nulls) for any page size', () => {
    const r = rng(3);
    const items: GraphObject[] = Array.from({ length: 500 }, (_, i) => ({ id: `id-${String(i).padStart(4, '0')}`, displayName: r() < 0.1 ? null : `Name ${Math.floor(r() * 60)}`, n: i }));
    const match = (o: GraphObject) => (o.n as number) % 7 !== 0;
    for (const desc of [false, true]) {
      const expected = items
        .filter(match)
        .sort((a, b) => {
          const ka = a.displayName === null ? null : String(a.displayName);
          const kb = b.displayName === null ? null : String(b.displayName);
          const c = ka === kb ? 0 : ka === null ? -1 : kb === null ? 1 : ka.localeCompare(kb, 'en', { sensitivity: 'base' });
          const d = desc ? -c : c;
          return d !== 0 ? d : a.id < b.id ? -1 : 1;
        })
        .map((o) => o.id);
      for (const size of [1, 7, 100, 999]) {
        const got: string[] = [];
        let cursor;
        let pages = 0;
        do {
          const p = page(items, match, size, cursor, pages === 0, { property: 'displayName', desc });
          if (pages === 0) expect(p.total).toBe(expected.length);
          got.push(...p.items.map((o) => o.id));
          cursor = p.next;
          pages++;
        } while (cursor);
        expect(got).toEqual(expected);
        expect(pages).toBe(Math.max(1, Math.ceil(expected.length / size)));
      }
    }
  });
});
