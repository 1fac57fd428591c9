// On the wire: token checks, headers, error bodies, methods, unknown paths, faults, request log.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newSigningKey, signJwt } from '../../../devtenant/shared/jwt.ts';
import { JSON_CONTENT_TYPE } from '../../../devtenant/graph/wire.ts';
import { TID, U, rawRequest, startEmulator, type Emulator } from './fixture.ts';
import { hostileStrings } from './hostile.ts';
import { refused, type Collection } from './support.ts';

let em: Emulator;

beforeAll(async () => {
  em = await startEmulator();
});
afterAll(() => em.close());

const bearer = (t: string) => ({ Authorization: `Bearer ${t}` });

describe('access tokens', () => {
  const cases: [string, () => Record<string, string>, string][] = [
    ['no Authorization header', () => ({}), 'Access token is empty.'],
    ['an empty bearer', () => ({ Authorization: 'Bearer ' }), 'Access token is empty.'],
    ['a token that is not a JWT', () => bearer('not-a-jwt'), 'CompactToken parsing failed with error code: 80049217'],
    ['a non-bearer scheme', () => ({ Authorization: 'Basic dXNlcjpwdw==' }), 'CompactToken parsing failed with error code: 80049217'],
    ['a token signed by an unknown key', () => bearer(signJwt({ aud: 'https://graph.microsoft.com', tid: TID, oid: U.alice, scp: 'User.Read', exp: Math.floor(Date.now() / 1000) + 600 }, newSigningKey())), 'Access token validation failure. Invalid signature.'],
    ['a token for another audience', () => bearer(em.token(U.alice, { aud: 'api://botid-17766803-da67-4b3a-867c-4fd0dde150b2' })), 'Access token validation failure. Invalid audience.'],
    ['a token from another tenant', () => bearer(em.token(U.alice, { tid: '11111111-1111-4111-8111-111111111111' })), 'Access token validation failure. Invalid issuer.'],
    ['an expired token', () => bearer(em.token(U.alice, { exp: Math.floor(Date.now() / 1000) - 3600 })), 'Lifetime validation failed, the token is expired.'],
  ];
  it.each(cases)('refuses %s with 401 InvalidAuthenticationToken', async (_name, headers, message) => {
    const r = await rawRequest(em, '/v1.0/me', { headers: headers() });
    expect(r.status).toBe(401);
    expect((r.json() as { error: { code: string; message: string } }).error).toMatchObject({ code: 'InvalidAuthenticationToken', message });
    expect(r.headers['www-authenticate']).toContain('Bearer');
  });

  it('accepts the Graph app id as audience too', async () => {
    const r = await rawRequest(em, '/v1.0/me', { headers: bearer(em.token(U.alice, { aud: '00000003-0000-0000-c000-000000000000' })) });
    expect(r.status).toBe(200);
  });
});

describe('headers and bodies', () => {
  it('answers with request-id, client-request-id (echoed), Date and the OData JSON content type', async () => {
    const r = await rawRequest(em, '/v1.0/users?$top=1', { headers: { ...bearer(em.token(U.alice)), 'client-request-id': 'my-id-123' } });
    expect(r.status).toBe(200);
    expect(r.headers['content-type']).toBe(JSON_CONTENT_TYPE);
    expect(r.headers['client-request-id']).toBe('my-id-123');
    expect(r.headers['request-id']).toMatch(/^[0-9a-f-]{36}$/);
    expect(new Date(String(r.headers.date)).getTime()).not.toBeNaN();
    const made = await rawRequest(em, '/v1.0/me', { headers: bearer(em.token(U.alice)) });
    expect(made.headers['client-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('refuses writes with 405 and unknown paths, versions and ids as Graph does', async () => {
    const h = { ...bearer(em.token(U.alice)), 'Content-Type': 'application/json' };
    for (const method of ['POST', 'PATCH', 'DELETE', 'PUT']) {
      const r = await rawRequest(em, `/v1.0/users/${U.alice}`, { method, headers: h, body: '{}' });
      expect([r.status, (r.json() as { error: { code: string; message: string } }).error]).toEqual([405, expect.objectContaining({ code: 'Request_BadRequest', message: 'Specified HTTP method is not allowed for the request target.' })]);
    }
    const get = (p: string) => rawRequest(em, p, { headers: h });
    expect((await get('/v1.0/directory/syncErrors')).json()).toMatchObject({ error: { code: 'BadRequest', message: "Resource not found for the segment 'syncErrors'." } });
    expect((await get('/v1.0/usrs')).json()).toMatchObject({ error: { code: 'BadRequest', message: "Resource not found for the segment 'usrs'." } });
    expect((await get('/v2.0/users')).status).toBe(400);
    const missing = await get('/v1.0/groups/00000000-0000-0000-0000-000000000000');
    expect([missing.status, missing.json()]).toEqual([404, { error: expect.objectContaining({ code: 'Request_ResourceNotFound', message: "Resource '00000000-0000-0000-0000-000000000000' does not exist or one of its queried reference-property objects are not present." }) }]);
    expect((await get('/v1.0/users/%E0%A4%A')).status).toBe(400);
    expect((await get('/v1.0/users?$filter=%E0%A4%A')).status).toBe(400);
    expect((await get('/v1.0/users?$filter=a eq 1&$filter=b eq 2'.replace(/ /g, '%20'))).json()).toMatchObject({ error: { code: 'BadRequest' } });
  });

  it('returns /$count as a bare integer in text/plain', async () => {
    const r = await rawRequest(em, '/v1.0/groups/$count', { headers: { ...bearer(em.token(U.alice)), ConsistencyLevel: 'eventual' } });
    expect([r.status, r.headers['content-type'], r.text]).toEqual([200, 'text/plain', '4']);
  });
});

describe('faults', () => {
  it('throttles with 429, Retry-After and the documented body', async () => {
    em.faults.set([{ service: 'graph', match: '/v1\\.0/users', status: 429, retryAfter: 7, times: 1 }]);
    const r = await rawRequest(em, '/v1.0/users', { headers: bearer(em.token(U.alice)) });
    expect(r.status).toBe(429);
    expect(r.headers['retry-after']).toBe('7');
    expect(r.json()).toEqual({ error: { code: 'TooManyRequests', message: 'Please retry again later.', innerError: expect.objectContaining({ code: '429', status: '429', message: 'Please retry after', 'request-id': r.headers['request-id'] }) } });
    const next = await rawRequest(em, '/v1.0/users', { headers: bearer(em.token(U.alice)) });
    expect(next.status).toBe(200);
    em.faults.clear();
  });

  it('fails with 503 + Retry-After, and adds latency without changing the answer', async () => {
    em.faults.set([{ service: 'graph', match: 'domains', status: 503, retryAfter: 2, times: 1 }, { service: 'graph', match: 'organization', latencyMs: 30 }]);
    const sdk = em.client(em.token(U.alice));
    const e = await refused(sdk.api('/domains').get(), 503, 'serviceNotAvailable');
    expect(e.headers?.get('retry-after')).toBe('2');
    expect(((await sdk.api('/organization').get()) as Collection).value).toHaveLength(1);
    em.faults.clear();
  });

  it('hangs without answering, survives the client giving up, and records it', async () => {
    em.faults.set([{ service: 'graph', match: 'hang-me', hang: true }]);
    const mark = em.log.mark();
    await expect(rawRequest(em, '/v1.0/users?x=hang-me', { headers: bearer(em.token(U.alice)), timeoutMs: 300 })).rejects.toThrow('timeout');
    em.faults.clear();
    const after = await rawRequest(em, '/v1.0/me', { headers: bearer(em.token(U.alice)) });
    expect(after.status).toBe(200);
    await expect.poll(() => em.log.since(mark).find((e) => e.url.includes('hang-me'))?.status).toBe(0);
  });
});

describe('request log', () => {
  it('records every request with user, client-request-id and the parsed query', async () => {
    const mark = em.log.mark();
    await rawRequest(em, "/v1.0/users?$filter=displayName%20eq%20'Bob%20Kelly'&$select=id&$top=5", { headers: { ...bearer(em.token(U.alice)), 'client-request-id': 'log-1' } });
    await rawRequest(em, '/v1.0/users?$filter=displayName%20eq%20', { headers: bearer(em.token(U.alice)) });
    const [ok, bad] = em.log.since(mark, 'graph');
    expect(ok).toMatchObject({ service: 'graph', method: 'GET', status: 200, userOid: U.alice, clientRequestId: 'log-1', odata: { select: ['id'], top: 5, filter: { kind: 'compare', op: 'eq', right: { value: 'Bob Kelly' } } } });
    expect(bad).toMatchObject({ status: 400, odata: { error: "Invalid filter clause: Syntax error at position 16 in 'displayName eq '." } });
    expect(bad!.odata!.filter).toBeUndefined();
  });

  it('never lets an escaped literal become a clause: 300 hostile strings over HTTPS each reach Graph as one comparison', async () => {
    const sdk = em.client(em.token(U.alice));
    const mark = em.log.mark();
    const strings = hostileStrings(300, 99);
    for (const s of strings) {
      const r: Collection = await sdk.api('/users').filter(encodeURIComponent(`displayName eq '${s.replace(/'/g, "''")}'`)).select('id').get();
      expect(r.value).toEqual([]);
    }
    const logged = em.log.since(mark, 'graph');
    expect(logged).toHaveLength(strings.length);
    logged.forEach((e, i) => expect(e.odata?.filter).toEqual({ kind: 'compare', op: 'eq', left: { kind: 'property', path: ['displayName'] }, right: { kind: 'literal', type: 'string', value: strings[i] } }));
  });
});
