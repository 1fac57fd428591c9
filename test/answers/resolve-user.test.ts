import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDevTenant, type DevTenant } from '../../devtenant/index.ts';
import { url, userPath } from '../../src/graph/odata.ts';
import { GraphError } from '../../src/graph/types.ts';
import { finder, userQuery, withUser } from '../../src/answers/resolve-user.ts';
import { actAs } from '../support/graph-as.ts';
import { byName, lower, roundTrips, str, user, users } from './facts.ts';

let dt: DevTenant;
beforeAll(async () => {
  dt = await startDevTenant({ tenant: 'contoso', keysDir: false });
});
afterAll(async () => dt?.close());

const idOnly = (key: string) => [{ url: url(userPath(key), { select: ['id'] }) }];

describe('userQuery', () => {
  it('reads me, keys and names', () => {
    expect(userQuery(undefined)).toEqual({ kind: 'me' });
    expect(userQuery(' ME ')).toEqual({ kind: 'me' });
    expect(userQuery('megan@contoso.com')).toEqual({ kind: 'key', key: 'megan@contoso.com' });
    expect(userQuery('D9889342-C33E-420E-8231-53B0822A869D')).toEqual({ kind: 'key', key: 'D9889342-C33E-420E-8231-53B0822A869D' });
    expect(userQuery('Megan Bowen')).toEqual({ kind: 'name', name: 'Megan Bowen' });
  });
});

describe('withUser', () => {
  it("'me' is the asker, with the details in the same batch", async () => {
    const p = (await actAs(dt, 'adele@contoso.com')).fresh();
    const mark = dt.log.mark();
    const r = await withUser(p, 'me', idOnly);
    expect(r.resolution).toMatchObject({ status: 'found', self: true, via: 'me', user: { id: user(dt, 'adele@contoso.com').id, upn: 'adele@contoso.com' } });
    expect((r.details?.[0] as { body: { id: string } }).body.id).toBe(user(dt, 'adele@contoso.com').id);
    expect(r.roundTrips).toBe(1);
    expect(roundTrips(dt, mark)).toBe(1);
    expect(p.graph.stats.roundTrips).toBe(1);
  });

  it('a UPN is addressed directly: one round trip', async () => {
    const p = (await actAs(dt, 'adele@contoso.com')).fresh();
    const mark = dt.log.mark();
    const r = await withUser(p, 'Megan@Contoso.com', idOnly);
    expect(r.resolution).toMatchObject({ status: 'found', via: 'key', self: false, user: { name: 'Megan Bowen', upn: 'megan@contoso.com' } });
    expect(roundTrips(dt, mark)).toBe(1);
  });

  it('an email that is not a UPN is found by mail, then the details by id (two round trips)', async () => {
    const guest = users(dt).find((u) => u.userType === 'Guest' && lower(u.mail) !== lower(u.userPrincipalName) && str(u.mail))!;
    const p = (await actAs(dt, 'patti@contoso.com')).fresh();
    const mark = dt.log.mark();
    const r = await withUser(p, str(guest.mail), idOnly);
    expect(r.resolution).toMatchObject({ status: 'found', via: 'mail', user: { id: guest.id, guest: true } });
    expect((r.details?.[0] as { ok: boolean; body: { id: string } }).body.id).toBe(guest.id);
    expect(r.roundTrips).toBe(2);
    expect(roundTrips(dt, mark)).toBe(2);
  });

  it('a guest UPN with #EXT# reaches Graph intact', async () => {
    const guest = users(dt).find((u) => str(u.userPrincipalName).includes('#EXT#'))!;
    const p = (await actAs(dt, 'patti@contoso.com')).fresh();
    const r = await withUser(p, str(guest.userPrincipalName), idOnly);
    expect(r.resolution).toMatchObject({ status: 'found', via: 'key', user: { id: guest.id } });
  });

  it('a display name: found by name, the details need a second round trip', async () => {
    const p = (await actAs(dt, 'adele@contoso.com')).fresh();
    const mark = dt.log.mark();
    const r = await withUser(p, 'megan bowen', idOnly);
    expect(r.resolution).toMatchObject({ status: 'found', via: 'name', user: { upn: 'megan@contoso.com' } });
    expect(r.roundTrips).toBe(2);
    expect(roundTrips(dt, mark)).toBe(2);
  });

  it('the words in another order are found by $search', async () => {
    const p = (await actAs(dt, 'adele@contoso.com')).fresh();
    const r = await withUser(p, 'Bowen Megan', idOnly);
    expect(r.resolution).toMatchObject({ status: 'found', user: { upn: 'megan@contoso.com' } });
  });

  it('an apostrophe in a name is escaped, not a syntax error', async () => {
    const obrien = users(dt).find((u) => str(u.displayName).includes("'"))!;
    const p = (await actAs(dt, 'adele@contoso.com')).fresh();
    const r = await withUser(p, str(obrien.displayName), idOnly);
    expect(r.resolution.status === 'found' || r.resolution.status === 'ambiguous').toBe(true);
    const ids = r.resolution.status === 'found' ? [r.resolution.user.id] : r.resolution.status === 'ambiguous' ? r.resolution.candidates.map((c) => c.id) : [];
    expect(ids).toContain(obrien.id);
  });

  it('several people by a first name: which one, in one round trip', async () => {
    const first = 'megan';
    const expected = users(dt)
      .filter((u) => [u.displayName, u.givenName, u.surname, u.userPrincipalName].some((v) => lower(v).startsWith(first)))
      .map((u) => str(u.displayName))
      .sort(byName);
    expect(expected.length).toBeGreaterThan(1);
    const p = (await actAs(dt, 'adele@contoso.com')).fresh();
    const mark = dt.log.mark();
    const r = await withUser(p, 'Megan', idOnly);
    expect(r.resolution.status).toBe('ambiguous');
    if (r.resolution.status !== 'ambiguous') return;
    expect(r.resolution.candidates.map((c) => c.name)).toEqual(expected);
    expect(r.details).toBeUndefined();
    expect(roundTrips(dt, mark)).toBe(1);
  });

  it('two people with the same display name: which one', async () => {
    const counts = new Map<string, number>();
    for (const u of users(dt)) counts.set(str(u.displayName), (counts.get(str(u.displayName)) ?? 0) + 1);
    const [dup, n] = [...counts].find(([, c]) => c > 1)!;
    const p = (await actAs(dt, 'adele@contoso.com')).fresh();
    const r = await withUser(p, dup, idOnly);
    expect(r.resolution).toMatchObject({ status: 'ambiguous', query: dup });
    if (r.resolution.status === 'ambiguous') expect(r.resolution.candidates.filter((c) => c.name === dup)).toHaveLength(n);
  });

  it('nobody by that name: not found, with looser near matches', async () => {
    // A real first name with a family name nobody has: nothing matches the whole name.
    const given = str(user(dt, 'megan@contoso.com').givenName);
    const name = `${given} Zzyzx`;
    const expected = users(dt)
      .filter((u) => [given.toLowerCase(), 'zzyzx'].some((w) => lower(u.givenName).startsWith(w) || lower(u.surname).startsWith(w)) || lower(u.displayName).startsWith(name.slice(0, 3).toLowerCase()))
      .map((u) => u.id)
      .sort();
    const p = (await actAs(dt, 'adele@contoso.com')).fresh();
    const r = await withUser(p, name, idOnly);
    expect(r.resolution.status).toBe('notFound');
    if (r.resolution.status !== 'notFound') return;
    expect(r.resolution.query).toBe(name);
    // Graph returns the first page of matches in its own order: every suggestion is a near match, and as many as fit.
    expect(expected.length).toBeGreaterThan(0);
    for (const s of r.resolution.suggestions) expect(expected).toContain(s.id);
    expect(r.resolution.suggestions.length).toBe(Math.min(10, expected.length));
  });

  it('an unknown UPN: not found, with people whose UPN or name starts the same', async () => {
    const expected = users(dt).filter((u) => ['userPrincipalName', 'displayName', 'mail'].some((k) => lower(u[k]).startsWith('meg'))).map((u) => u.id).sort();
    const p = (await actAs(dt, 'adele@contoso.com')).fresh();
    const mark = dt.log.mark();
    const r = await withUser(p, 'meg@contoso.com', idOnly);
    expect(r.resolution.status).toBe('notFound');
    if (r.resolution.status === 'notFound') expect(r.resolution.suggestions.map((s) => s.id).sort()).toEqual(expected);
    expect(roundTrips(dt, mark)).toBe(1);
  });

  it('someone who may not read other users gets Graph’s 403, not a made-up answer', async () => {
    const p = (await actAs(dt, 'alex@contoso.com')).fresh();
    await expect(withUser(p, 'Megan Bowen', idOnly)).rejects.toMatchObject({ status: 403, code: 'Authorization_RequestDenied' });
    await expect(withUser(p, 'megan@contoso.com', idOnly)).rejects.toBeInstanceOf(GraphError);
    const me = await withUser(p, 'me', idOnly);
    expect(me.resolution).toMatchObject({ status: 'found', self: true });
  });
});

describe('finder', () => {
  it('a display name yields no direct key, so answers cannot batch details with it', async () => {
    const p = (await actAs(dt, 'adele@contoso.com')).fresh();
    expect(finder('Megan Bowen', p).key).toBeUndefined();
    expect(finder('megan@contoso.com', p).key).toBe('megan@contoso.com');
    expect(finder('me', p).key).toBe(p.asker.oid);
  });
});
