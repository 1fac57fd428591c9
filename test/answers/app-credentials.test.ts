import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDevTenant, type DevTenant } from '../../devtenant/index.ts';
import { indexTenant } from '../../devtenant/tenant/load.ts';
import { generateTenant } from '../../devtenant/tenant/generate.ts';
import type { GraphObject } from '../../devtenant/tenant/types.ts';
import { appCredentials, dueOf, DEFAULT_DAYS, ROWS_KEPT, type AppCredentials } from '../../src/answers/app-credentials.ts';
import { credentialsOf, daysFrom } from '../../src/answers/credentials.ts';
import { capabilityFor } from '../../src/catalog.ts';
import { actAs } from '../support/graph-as.ts';
import { checkCard } from '../cards/support.ts';
import { ask, roundTrips } from './facts.ts';

const NOW = new Date();
const DAY = 86_400_000;
let dt: DevTenant;
beforeAll(async () => {
  dt = await startDevTenant({ tenant: 'contoso', keysDir: false, now: NOW });
});
afterAll(async () => dt?.close());

interface Cred {
  keyId: string;
  endDateTime: string;
}

/** Every credential the question is about, from the tenant's own data. */
function expected(days: number, tenant: DevTenant = dt): { keyId: string; end: number; expired: boolean }[] {
  const owners = [...tenant.tenant.data.applications, ...tenant.tenant.data.servicePrincipals.filter((s) => s.servicePrincipalType === 'Application')];
  const all = owners.flatMap((o: GraphObject) => [...((o.passwordCredentials as Cred[] | null) ?? []), ...((o.keyCredentials as Cred[] | null) ?? [])]);
  return all
    .map((c) => ({ keyId: c.keyId, end: Date.parse(c.endDateTime), expired: Date.parse(c.endDateTime) <= NOW.getTime() }))
    .filter((c) => c.expired || c.end <= NOW.getTime() + days * DAY);
}

async function run(upn: string, days?: number): Promise<{ vm: AppCredentials; trips: number }> {
  const p = (await actAs(dt, upn, NOW)).fresh();
  const mark = dt.log.mark();
  const vm = await appCredentials(ask('app.credentials', days === undefined ? {} : { days }), p);
  return { vm, trips: roundTrips(dt, mark) };
}

describe('app.credentials', () => {
  it('"which app secrets expire in 30 days?": every one due, soonest first, then the expired, most recent first', async () => {
    const want = expected(30);
    const { vm, trips } = await run('adele@contoso.com', 30);
    expect(new Set(vm.rows.map((r) => r.keyId))).toEqual(new Set(want.map((w) => w.keyId)));
    expect(vm.expiring).toBe(want.filter((w) => !w.expired).length);
    expect(vm.expired).toBe(want.filter((w) => w.expired).length);
    expect(vm.expiring).toBeGreaterThan(0);
    expect(vm.expired).toBeGreaterThan(0);
    const valid = vm.rows.filter((r) => !r.expired).map((r) => Date.parse(r.endDateTime));
    const gone = vm.rows.filter((r) => r.expired).map((r) => Date.parse(r.endDateTime));
    expect(valid).toEqual([...valid].sort((a, b) => a - b));
    expect(gone).toEqual([...gone].sort((a, b) => b - a));
    expect(vm.rows.findIndex((r) => r.expired)).toBe(vm.expiring);
    // The real answer renders as a valid card.
    checkCard(capabilityFor('app.credentials')!.render(vm, { page: 0, answerId: '00000000-0000-4000-8000-000000000000' }));
    for (const r of vm.rows) expect(r.days).toBe(r.expired ? -Math.floor((NOW.getTime() - Date.parse(r.endDateTime)) / DAY) || 0 : Math.floor((Date.parse(r.endDateTime) - NOW.getTime()) / DAY));
    expect(vm.scanned.applications).toBe(dt.tenant.data.applications.length);
    expect(vm.scanned.servicePrincipals).toBe(dt.tenant.data.servicePrincipals.filter((s) => s.servicePrincipalType === 'Application').length);
    // Both lists fit in one page each: two requests, read side by side, no $batch possible for paging.
    expect(trips).toBe(2);
    const urls = dt.log.since(0, 'graph').slice(-2).map((e) => decodeURIComponent(e.url));
    expect(urls.every((u) => u.includes('$top=999') && u.includes('$select=id,appId,displayName,passwordCredentials,keyCredentials'))).toBe(true);
  });

  it('"secrets expiring this week" (7 days): fewer rows, the same expired ones', async () => {
    const want = expected(7);
    const { vm } = await run('adele@contoso.com', 7);
    expect(vm.days).toBe(7);
    expect(new Set(vm.rows.map((r) => r.keyId))).toEqual(new Set(want.map((w) => w.keyId)));
    expect(vm.expiring).toBeLessThan(expected(30).filter((w) => !w.expired).length);
  });

  it('"expired certificates" (days 0): already expired only', async () => {
    const { vm } = await run('adele@contoso.com', 0);
    expect(vm.expiring).toBe(0);
    expect(vm.rows.every((r) => r.expired)).toBe(true);
    expect(vm.expired).toBe(expected(0).length);
  });

  it('no period named: the next 30 days', async () => {
    const { vm } = await run('adele@contoso.com');
    expect(vm.days).toBe(DEFAULT_DAYS);
    expect(vm.rows.length).toBe(expected(DEFAULT_DAYS).length);
  });

  it('an expired secret whose app already has a newer one says it was replaced', async () => {
    const { vm } = await run('adele@contoso.com', 30);
    for (const r of vm.rows.filter((x) => x.expired)) {
      const o = dt.tenant.byId.get(r.objectId)!;
      const valid = [...((o.passwordCredentials as Cred[] | null) ?? []), ...((o.keyCredentials as Cred[] | null) ?? [])].filter((c) => Date.parse(c.endDateTime) > NOW.getTime());
      expect(r.replacedUntil !== undefined).toBe(valid.length > 0);
    }
    expect(vm.rows.some((r) => r.expired && r.replacedUntil)).toBe(true);
  });

  it('a SAML signing certificate (Sign and Verify entries of one certificate) is one row of the enterprise app', () => {
    const end = new Date(NOW.getTime() + 10 * DAY).toISOString();
    const sp = {
      id: 'sp-1',
      appId: 'app-1',
      displayName: 'Gallery SAML app',
      keyCredentials: [
        { keyId: 'k1', customKeyIdentifier: 'THUMB', endDateTime: end, type: 'AsymmetricX509Cert', usage: 'Sign' },
        { keyId: 'k2', customKeyIdentifier: 'THUMB', endDateTime: end, type: 'AsymmetricX509Cert', usage: 'Verify' },
      ],
      passwordCredentials: [],
    };
    const rows = dueOf(sp, 'servicePrincipal', 30, NOW);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ kind: 'certificate', owner: 'servicePrincipal', objectId: 'sp-1', days: 10, expired: false });
    expect(dueOf(sp, 'servicePrincipal', 5, NOW)).toEqual([]);
  });

  it('days are whole days; "expired a few hours ago" is 0 days, never -0', () => {
    expect(daysFrom(new Date(NOW.getTime() - 5 * 3600_000).toISOString(), NOW)).toEqual({ days: 0, expired: true });
    expect(Object.is(daysFrom(new Date(NOW.getTime() - 5 * 3600_000).toISOString(), NOW)!.days, -0)).toBe(false);
    expect(daysFrom(new Date(NOW.getTime() + 36 * 3600_000).toISOString(), NOW)).toEqual({ days: 1, expired: false });
    expect(daysFrom(new Date(NOW.getTime() - 49 * 3600_000).toISOString(), NOW)).toEqual({ days: -2, expired: true });
    expect(daysFrom('not a date', NOW)).toBeUndefined();
    expect(credentialsOf({ passwordCredentials: [{ keyId: 'x', endDateTime: null }] }, NOW)).toEqual([]);
  });

  it('is private: credentials go to the asker alone', () => {
    expect(capabilityFor('app.credentials')?.audience).toBe('private');
  });
});

describe('app.credentials in a tenant with more apps than a page', () => {
  let big: DevTenant;
  let upn: string;
  beforeAll(async () => {
    const data = generateTenant({ users: 40, apps: 1_100, seed: 11, now: NOW });
    upn = String(data.users.find((u) => u.userType === 'Member' && u.accountEnabled !== false)!.userPrincipalName);
    big = await startDevTenant({ tenant: indexTenant('generated', data), keysDir: false, now: NOW });
  });
  afterAll(async () => big?.close());

  it('pages both lists to the end: the round trips grow with the number of apps, one per 999', async () => {
    const p = (await actAs(big, upn, NOW)).fresh();
    const mark = big.log.mark();
    const vm = await appCredentials(ask('app.credentials', { days: 30 }), p);
    const appsN = big.tenant.data.applications.length;
    const spsN = big.tenant.data.servicePrincipals.filter((s) => s.servicePrincipalType === 'Application').length;
    expect(vm.scanned).toEqual({ applications: appsN, servicePrincipals: spsN, truncated: false });
    expect(roundTrips(big, mark)).toBe(Math.ceil(appsN / 999) + Math.ceil(spsN / 999));
    expect(Math.ceil(appsN / 999)).toBeGreaterThan(1);
    const want = expected(30, big);
    expect(vm.expiring).toBe(want.filter((w) => !w.expired).length);
    expect(vm.expired).toBe(want.filter((w) => w.expired).length);
    expect(vm.rows.length).toBe(Math.min(want.length, ROWS_KEPT));
  });
});
