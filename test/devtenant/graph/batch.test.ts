// JSON $batch through the SDK's BatchRequestContent/BatchResponseContent and raw POSTs.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { BatchRequestContent, BatchResponseContent, type Client } from '@microsoft/microsoft-graph-client';
import { RequestLog } from '../../../devtenant/shared/request-log.ts';
import { SKU, U, rawRequest, startEmulator, type Emulator } from './fixture.ts';
import { refused } from './support.ts';

let em: Emulator;
let sdk: Client;

beforeAll(async () => {
  em = await startEmulator();
  sdk = em.client(em.token(U.alice));
});
afterEach(() => em.faults.clear());
afterAll(() => em.close());

interface Part {
  id: string;
  status: number;
  headers: Record<string, string>;
  body?: unknown;
}

async function batch(requests: unknown[], token = em.token(U.alice)): Promise<{ status: number; parts: Part[]; json: unknown }> {
  const r = await rawRequest(em, '/v1.0/$batch', { method: 'POST', headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' }, body: JSON.stringify({ requests }) });
  const json = r.json() as { responses?: Part[] };
  return { status: r.status, parts: json.responses ?? [], json };
}

const byId = (parts: Part[]) => Object.fromEntries(parts.map((p) => [p.id, p]));

describe('$batch', () => {
  it('runs GETs from the SDK BatchRequestContent, ConsistencyLevel per request, and answers them by id', async () => {
    const url = (p: string) => `${em.baseUrl}${p}`;
    const content = new BatchRequestContent([
      { id: 'me', request: new Request(url('/me?$select=id,displayName'), { method: 'GET' }) },
      { id: 'synced', request: new Request(url('/users/$count?$filter=onPremisesSyncEnabled%20eq%20true'), { method: 'GET', headers: { ConsistencyLevel: 'eventual' } }) },
      { id: 'e5', request: new Request(url(`/users?$filter=assignedLicenses/any(x:x/skuId%20eq%20${SKU.E5})&$select=displayName`), { method: 'GET' }) },
      { id: 'org', request: new Request(url('/organization?$select=displayName'), { method: 'GET' }) },
    ]);
    const body = await content.getContent();
    const response = new BatchResponseContent(await sdk.api('/$batch').post(body));
    const me = response.getResponseById('me');
    expect(me.status).toBe(200);
    expect(await me.json()).toMatchObject({ id: U.alice, displayName: 'Alice Wong' });
    expect(await response.getResponseById('synced').text()).toBe('3');
    expect(((await response.getResponseById('e5').json()) as { value: { displayName: string }[] }).value.map((u) => u.displayName).sort()).toEqual(['Adele Admin', 'Bob Kelly']);
    expect(response.getResponseById('org').status).toBe(200);
  });

  it('returns responses in a different order than requested', async () => {
    const requests = ['a', 'b', 'c', 'd', 'e'].map((id) => ({ id, method: 'GET', url: '/organization?$select=id' }));
    const { status, parts } = await batch(requests);
    expect(status).toBe(200);
    expect(parts.map((p) => p.id).sort()).toEqual(['a', 'b', 'c', 'd', 'e']);
    expect(parts.map((p) => p.id)).not.toEqual(['a', 'b', 'c', 'd', 'e']);
  });

  it('accepts urls with and without a leading slash; part errors stay in their part', async () => {
    const { status, parts } = await batch([
      { id: '1', method: 'GET', url: 'me?$select=id' },
      { id: '2', method: 'GET', url: '/me?$select=id' },
      { id: '3', method: 'GET', url: '/users?$filter=accountEnabled ne true'.replace(/ /g, '%20') },
      { id: '4', method: 'PATCH', url: '/me', headers: { 'Content-Type': 'application/json' }, body: { jobTitle: 'x' } },
      { id: '5', method: 'GET', url: '/users?$filter=accountEnabled%20ne%20true&$count=true', headers: { ConsistencyLevel: 'eventual' } },
      { id: '6', method: 'GET', url: 'https://graph.microsoft.com/v1.0/me' },
    ]);
    const p = byId(parts);
    expect(status).toBe(200);
    expect([p['1']!.status, p['2']!.status]).toEqual([200, 200]);
    expect(p['3']).toMatchObject({ status: 400, body: { error: { code: 'Request_UnsupportedQuery' } } });
    expect(p['4']).toMatchObject({ status: 405, body: { error: { code: 'Request_BadRequest', message: 'Specified HTTP method is not allowed for the request target.' } } });
    expect(p['5']).toMatchObject({ status: 200, body: { '@odata.count': 1 } });
    expect(p['6']!.status).toBe(400);
    expect(p['1']!.headers['Content-Type']).toContain('application/json');
  });

  it('answers 424 for requests whose dependency failed, and runs those whose dependency succeeded', async () => {
    const { parts } = await batch([
      { id: '1', method: 'GET', url: '/users/nobody@contoso.com' },
      { id: '2', method: 'GET', url: '/me', dependsOn: ['1'] },
      { id: '3', method: 'GET', url: '/organization' },
      { id: '4', method: 'GET', url: '/domains', dependsOn: ['3'] },
      { id: '5', method: 'GET', url: '/me', dependsOn: ['2'] },
    ]);
    const p = byId(parts);
    expect([p['1']!.status, p['2']!.status, p['3']!.status, p['4']!.status, p['5']!.status]).toEqual([404, 424, 200, 200, 424]);
  });

  it('throttles one part with 429 and Retry-After in its headers while the others succeed', async () => {
    em.faults.set([{ service: 'graph', match: 'subscribedSkus', status: 429, retryAfter: 5 }]);
    const { parts } = await batch([
      { id: 'skus', method: 'GET', url: '/subscribedSkus' },
      { id: 'me', method: 'GET', url: '/me' },
    ]);
    const p = byId(parts);
    expect(p.skus).toMatchObject({ status: 429, headers: { 'Retry-After': '5' }, body: { error: { code: 'TooManyRequests' } } });
    expect(p.me!.status).toBe(200);
  });

  it('refuses malformed batches as a whole', async () => {
    const many = Array.from({ length: 21 }, (_, i) => ({ id: String(i), method: 'GET', url: '/me' }));
    const big = await batch(many);
    expect([big.status, (big.json as { error: { code: string } }).error.code]).toEqual([400, 'Request_BadRequest']);
    const dup = await batch([
      { id: '1', method: 'GET', url: '/me' },
      { id: '1', method: 'GET', url: '/organization' },
    ]);
    expect([dup.status, dup.parts]).toEqual([400, []]);
    expect((await batch([{ id: '1', method: 'GET', url: '/me', dependsOn: ['2'] }, { id: '2', method: 'GET', url: '/me' }])).status).toBe(400);
    expect((await batch([{ id: '1', method: 'GET' }])).status).toBe(400);
    expect((await batch([])).status).toBe(400);
    const notJson = await rawRequest(em, '/v1.0/$batch', { method: 'POST', headers: { Authorization: `Bearer ${em.token(U.alice)}` }, body: '{"requests": [' });
    expect(notJson.status).toBe(400);
    await refused(sdk.api('/$batch').get(), 405, 'Request_BadRequest');
    const noToken = await rawRequest(em, '/v1.0/$batch', { method: 'POST', body: JSON.stringify({ requests: [{ id: '1', method: 'GET', url: '/me' }] }) });
    expect(noToken.status).toBe(401);
  });

  it('applies permissions per part', async () => {
    const { parts } = await batch(
      [
        { id: 'me', method: 'GET', url: '/me' },
        { id: 'users', method: 'GET', url: '/users' },
      ],
      em.token(U.guest),
    );
    const p = byId(parts);
    expect([p.me!.status, p.users!.status]).toEqual([200, 403]);
  });

  it('is logged as one round trip, each part with the batch seq', async () => {
    const mark = em.log.mark();
    await batch([
      { id: '1', method: 'GET', url: '/me' },
      { id: '2', method: 'GET', url: '/users?$top=1' },
      { id: '3', method: 'GET', url: '/users?$filter=bad%20filter' },
    ]);
    const entries = em.log.since(mark, 'graph');
    expect(RequestLog.roundTrips(entries)).toBe(1);
    const outer = entries.find((e) => e.batchSeq === undefined)!;
    expect(outer).toMatchObject({ method: 'POST', url: '/v1.0/$batch', status: 200 });
    const parts = entries.filter((e) => e.batchSeq === outer.seq);
    expect(parts.map((e) => e.url).sort()).toEqual(['/me', '/users?$filter=bad%20filter', '/users?$top=1']);
    expect(parts.find((e) => e.url.includes('bad'))).toMatchObject({ status: 400, odata: { error: expect.stringContaining('Syntax error') } });
  });

  it('hangs the whole batch when a part hangs, and keeps serving', async () => {
    em.faults.set([{ service: 'graph', match: 'organization', hang: true }]);
    const slow = rawRequest(em, '/v1.0/$batch', {
      method: 'POST',
      headers: { Authorization: `Bearer ${em.token(U.alice)}` },
      body: JSON.stringify({ requests: [{ id: '1', method: 'GET', url: '/organization' }, { id: '2', method: 'GET', url: '/me' }] }),
      timeoutMs: 300,
    });
    await expect(slow).rejects.toThrow('timeout');
    em.faults.clear();
    expect((await batch([{ id: '1', method: 'GET', url: '/organization' }])).parts[0]!.status).toBe(200);
  });
});
