import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDevTenant, type DevTenant } from '../../devtenant/index.ts';
import type { GraphObject } from '../../devtenant/tenant/types.ts';
import { appLookup, mergeMatches, nearMatches, type AppLookup } from '../../src/answers/app-lookup.ts';
import { MICROSOFT_TENANTS } from '../../src/answers/publisher.ts';
import { capabilityFor } from '../../src/catalog.ts';
import { actAs } from '../support/graph-as.ts';
import { checkCard } from '../cards/support.ts';
import { ask, byName, lower, roundTrips, str } from './facts.ts';

const NOW = new Date();
let dt: DevTenant;
beforeAll(async () => {
  dt = await startDevTenant({ tenant: 'contoso', keysDir: false, now: NOW });
});
afterAll(async () => dt?.close());

const apps = () => dt.tenant.data.applications;
const sps = () => dt.tenant.data.servicePrincipals;
const appNamed = (n: string) => apps().find((a) => a.displayName === n);
const spNamed = (n: string) => sps().find((s) => s.displayName === n);
const ownerNames = (id: string) => (dt.tenant.data.relationships.owners[id] ?? []).map((o) => str(dt.tenant.byId.get(o)?.displayName)).sort(byName);

interface Cred {
  endDateTime: string;
}
const creds = (o: GraphObject) => [...((o.passwordCredentials as Cred[] | null) ?? []), ...((o.keyCredentials as Cred[] | null) ?? [])];
const expiredCount = (o: GraphObject) => creds(o).filter((c) => Date.parse(c.endDateTime) <= NOW.getTime()).length;

async function lookup(upn: string, app?: string): Promise<{ vm: AppLookup; trips: number; stats: number }> {
  const p = (await actAs(dt, upn, NOW)).fresh();
  const mark = dt.log.mark();
  const vm = await appLookup(ask('app.lookup', app === undefined ? {} : { app }), p);
  return { vm, trips: roundTrips(dt, mark), stats: p.graph.stats.roundTrips };
}

describe('app.lookup', () => {
  it('"is Salesforce registered?": an enterprise app from a verified third-party publisher, assignment required, in one $batch', async () => {
    const sf = spNamed('Salesforce')!;
    expect(appNamed('Salesforce')).toBeUndefined();
    const { vm, trips, stats } = await lookup('adele@contoso.com', 'Salesforce');
    expect(vm.by).toBe('name');
    expect(vm.matches).toHaveLength(1);
    const m = vm.matches[0]!;
    expect(m).toMatchObject({ appId: sf.appId, name: 'Salesforce', kind: 'enterprise' });
    expect(m.registration).toBeUndefined();
    const e = m.enterpriseApp!;
    expect(e.id).toBe(sf.id);
    expect(e.assignmentRequired).toBe(sf.appRoleAssignmentRequired === true);
    expect(e.publisher.origin).toBe('other');
    expect(e.publisher.tenantId).toBe(sf.appOwnerOrganizationId);
    expect(e.publisher.verified).toBe((sf.verifiedPublisher as { displayName: string }).displayName);
    expect((e.owners ?? []).map((o) => o.name).sort(byName)).toEqual(ownerNames(sf.id));
    expect(vm.near).toEqual([]);
    expect(trips).toBe(1);
    expect(stats).toBe(1);
    // The real answer renders as a valid card.
    checkCard(capabilityFor('app.lookup')!.render(vm, { page: 0, answerId: '00000000-0000-4000-8000-000000000000' }));
    // The batch held the exact lookups and the near-match queries, and nothing else.
    const parts = dt.log.since(0, 'graph').filter((e) => e.batchSeq !== undefined).slice(-6);
    expect(parts.filter((p) => decodeURIComponent(p.url).includes("displayName eq 'Salesforce'"))).toHaveLength(2);
    expect(parts.filter((p) => decodeURIComponent(p.url).includes('$search='))).toHaveLength(2);
  });

  it('a registration with its enterprise app: "both", with owners, dates, audience and expired credentials flagged', async () => {
    const app = appNamed('Expense Tracker')!;
    const sp = sps().find((s) => s.appId === app.appId)!;
    const { vm, trips } = await lookup('adele@contoso.com', 'Expense Tracker');
    expect(vm.matches).toHaveLength(1);
    const m = vm.matches[0]!;
    expect(m.kind).toBe('both');
    expect(m.registration!.id).toBe(app.id);
    expect(m.enterpriseApp!.id).toBe(sp.id);
    expect(m.registration!.createdDateTime).toBe(app.createdDateTime);
    expect(m.registration!.signInAudience).toBe(app.signInAudience);
    expect(m.registration!.publisher).toMatchObject({ origin: 'this-tenant', domain: app.publisherDomain });
    expect(m.registration!.owners!.map((o) => o.name).sort(byName)).toEqual(ownerNames(app.id));
    expect(m.registration!.credentials.count).toBe(creds(app).length);
    expect(m.registration!.credentials.expired).toBe(expiredCount(app));
    expect(m.registration!.credentials.expired).toBeGreaterThan(0);
    expect(m.registration!.credentials.next!.expired).toBe(true);
    expect(trips).toBe(1);
  });

  it('an app nobody owns says so: no owners, not "unknown"', async () => {
    const app = appNamed('Legacy Timesheets')!;
    expect(ownerNames(app.id)).toEqual([]);
    const { vm } = await lookup('adele@contoso.com', 'Legacy Timesheets');
    expect(vm.matches[0]!.registration!.owners).toEqual([]);
    expect(vm.ownersHidden).toBeUndefined();
  });

  it('by appId (Microsoft Graph): the alternate keys, a Microsoft enterprise app with no registration here, one round trip', async () => {
    const graph = sps().find((s) => s.appId === '00000003-0000-0000-c000-000000000000')!;
    const { vm, trips } = await lookup('adele@contoso.com', '00000003-0000-0000-c000-000000000000');
    expect(vm.by).toBe('appId');
    expect(vm.matches).toHaveLength(1);
    expect(vm.matches[0]).toMatchObject({ kind: 'enterprise', name: graph.displayName });
    expect(MICROSOFT_TENANTS.has(str(graph.appOwnerOrganizationId))).toBe(true);
    expect(vm.matches[0]!.enterpriseApp!.publisher.origin).toBe('microsoft');
    expect(trips).toBe(1);
    const urls = dt.log.since(0, 'graph').slice(-3).map((e) => decodeURIComponent(e.url));
    expect(urls.some((u) => u.startsWith("/applications(appId='00000003-0000-0000-c000-000000000000')"))).toBe(true);
    expect(urls.some((u) => u.startsWith("/servicePrincipals(appId='00000003-0000-0000-c000-000000000000')"))).toBe(true);
  });

  it("by appId (Tenant Desk): registered here and its enterprise app", async () => {
    const { vm } = await lookup('adele@contoso.com', '17766803-da67-4b3a-867c-4fd0dde150b2');
    expect(vm.matches.map((m) => [m.kind, m.name])).toEqual([['both', 'Tenant Desk']]);
  });

  it('"app Dropbox": no exact match, and the same $batch offers "Dropbox Business"', async () => {
    const expected = [...apps(), ...sps()].filter((o) => lower(o.displayName).startsWith('dropbox')).map((o) => str(o.displayName));
    expect(expected.length).toBeGreaterThan(0);
    const { vm, trips } = await lookup('adele@contoso.com', 'Dropbox');
    expect(vm.matches).toEqual([]);
    expect(vm.near.map((n) => n.name)).toEqual(expect.arrayContaining(expected));
    expect(vm.near[0]!.name.toLowerCase().startsWith('dropbox')).toBe(true);
    expect(trips).toBe(1);
  });

  it('a misspelling still finds the app ("Salesforse" → Salesforce)', async () => {
    const { vm, trips } = await lookup('adele@contoso.com', 'Salesforse');
    expect(vm.matches).toEqual([]);
    expect(vm.near[0]).toMatchObject({ name: 'Salesforce', kind: 'enterprise' });
    expect(trips).toBe(1);
  });

  it('an appId that is nowhere: not found, no suggestions, one round trip', async () => {
    const { vm, trips } = await lookup('adele@contoso.com', 'aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee');
    expect(vm).toMatchObject({ by: 'appId', matches: [], near: [] });
    expect(trips).toBe(1);
  });

  it('hostile names reach Graph escaped: quotes, parentheses, ampersands and hashes are a name, not syntax', async () => {
    const { vm, trips } = await lookup('adele@contoso.com', `O'Brien "HR" (test) & co #1 %20 or displayName eq 'x'`);
    expect(vm.matches).toEqual([]);
    expect(trips).toBe(1);
    const refused = dt.log.since(0, 'graph').slice(-7).filter((e) => e.status >= 400);
    expect(refused).toEqual([]);
  });

  it('a member who may not read other people: the app is still answered, owners said to be hidden (a second round trip)', async () => {
    const app = appNamed('Expense Tracker')!;
    const { vm, trips } = await lookup('alex@contoso.com', 'Expense Tracker');
    expect(vm.matches[0]!.kind).toBe('both');
    expect(vm.matches[0]!.registration!.id).toBe(app.id);
    expect(vm.matches[0]!.registration!.owners).toBeUndefined();
    expect(vm.ownersHidden?.roles.length).toBeGreaterThan(0);
    expect(trips).toBe(2);
  });

  it('no app named: asks which, without calling Graph', async () => {
    const { vm, trips } = await lookup('adele@contoso.com');
    expect(vm).toMatchObject({ by: 'none', matches: [] });
    expect(trips).toBe(0);
  });

  it('several registrations with one name are listed side by side; a registration and an enterprise app of one appId are one app', () => {
    const ctx = { tenantId: dt.tenant.tenantId, now: NOW } as Parameters<typeof mergeMatches>[2];
    const a1 = { id: 'r1', appId: 'a-1', displayName: 'Payroll' };
    const a2 = { id: 'r2', appId: 'a-2', displayName: 'Payroll' };
    const s1 = { id: 's1', appId: 'a-1', displayName: 'Payroll', appOwnerOrganizationId: dt.tenant.tenantId };
    const list = mergeMatches([a1, a2], [s1], ctx, false);
    expect(list.map((m) => [m.appId, m.kind])).toEqual([
      ['a-1', 'both'],
      ['a-2', 'registration'],
    ]);
  });

  it('near matches drop names that are nothing alike and count an app once', () => {
    const near = nearMatches('Dropbox', [{ id: '1', appId: 'x', displayName: 'Dropbox Sync' }], [
      { id: '2', appId: 'x', displayName: 'Dropbox Sync' },
      { id: '3', appId: 'y', displayName: 'Contoso Procurement' },
    ]);
    expect(near).toEqual([{ appId: 'x', name: 'Dropbox Sync', kind: 'both' }]);
  });

  it('is in the catalog for everyone: members may read apps themselves', () => {
    expect(capabilityFor('app.lookup')?.audience).toBe('members');
  });
});
