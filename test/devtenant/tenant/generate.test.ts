import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { generateTenant, writeTenant } from '../../../devtenant/tenant/generate.ts';
import { loadTenant } from '../../../devtenant/tenant/load.ts';
import { TENANT_DESK_APP_ID, TENANT_DESK_CONSENTED_SCOPE, TENANT_DESK_SP_ID } from '../../../devtenant/tenant/tenant-desk.ts';
import type { GraphObject, TenantData } from '../../../devtenant/tenant/types.ts';

const NOW = new Date('2025-09-01T08:00:00Z');
const DAY = 86_400_000;
const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

function tempDir(): string {
  const d = mkdtempSync(join(tmpdir(), 'devtenant-gen-'));
  dirs.push(d);
  return d;
}

describe('generateTenant', () => {
  const data = generateTenant({ users: 3000, apps: 120, seed: 11, now: NOW });
  const members = data.users.filter((u) => u.userType === 'Member');

  it('is deterministic for a seed, and different for another seed', () => {
    const again = generateTenant({ users: 3000, apps: 120, seed: 11, now: NOW });
    expect(JSON.stringify(again)).toBe(JSON.stringify(data));
    const other = generateTenant({ users: 3000, apps: 120, seed: 12, now: NOW });
    expect(other.users[5]!.id).not.toBe(data.users[5]!.id);
  });

  it('makes exactly the users and app registrations asked for, Tenant Desk included', () => {
    expect(data.users).toHaveLength(3000);
    expect(data.applications).toHaveLength(120);
    expect(data.applications.filter((a) => a.appId === TENANT_DESK_APP_ID)).toHaveLength(1);
    expect(data.servicePrincipals.length).toBeGreaterThan(120);
    for (const a of data.applications) expect(data.servicePrincipals.some((s) => s.appId === a.appId)).toBe(true);
    expect(() => generateTenant({ users: 0, apps: 1 })).toThrow(/users/);
    expect(() => generateTenant({ users: 10, apps: 0 })).toThrow(/apps/);
  });

  it('keeps ids, UPNs and mail unique', () => {
    const ids = [...data.users, ...data.groups, ...data.applications, ...data.servicePrincipals, ...data.directoryRoles].map((o) => o.id);
    expect(new Set(ids).size).toBe(ids.length);
    const upns = data.users.map((u) => (u.userPrincipalName as string).toLowerCase());
    expect(new Set(upns).size).toBe(upns.length);
    const mails = data.users.map((u) => u.mail).filter((m): m is string => typeof m === 'string');
    expect(new Set(mails).size).toBe(mails.length);
    expect(new Set(data.oauth2PermissionGrants.map((g) => g.id)).size).toBe(data.oauth2PermissionGrants.length);
  });

  it('has a realistic population: two thirds synced, guests, leavers, stale sync, conflicts', () => {
    const synced = members.filter((u) => u.onPremisesSyncEnabled === true);
    expect(synced.length / members.length).toBeGreaterThan(0.6);
    expect(synced.length / members.length).toBeLessThan(0.75);
    for (const u of synced) expect(u).toMatchObject({ onPremisesDomainName: 'corp.contoso.com', passwordPolicies: 'DisablePasswordExpiration' });
    expect(synced.every((u) => typeof u.onPremisesImmutableId === 'string' && typeof u.onPremisesSamAccountName === 'string' && (u.onPremisesDistinguishedName as string).startsWith('CN='))).toBe(true);
    const guests = data.users.filter((u) => u.userType === 'Guest');
    expect(guests.length / data.users.length).toBeCloseTo(0.07, 2);
    expect(new Set(guests.map((g) => g.externalUserState))).toEqual(new Set(['Accepted', 'PendingAcceptance']));
    expect(members.filter((u) => u.accountEnabled === false).length).toBeGreaterThan(20);
    const lastSync = Date.parse(data.organization[0]!.onPremisesLastSyncDateTime as string);
    expect(synced.every((u) => Date.parse(u.onPremisesLastSyncDateTime as string) <= lastSync)).toBe(true);
    expect(synced.some((u) => NOW.getTime() - Date.parse(u.onPremisesLastSyncDateTime as string) > 2 * DAY)).toBe(true);
    expect(members.some((u) => (u.onPremisesProvisioningErrors as unknown[]).length > 0)).toBe(true);
    expect(new Set(members.map((u) => u.department)).size).toBeGreaterThanOrEqual(10);
    expect(members.filter((u) => u.signInActivity).length / members.length).toBeGreaterThan(0.8);
  });

  it('builds one org chart: every manager chain ends at the CEO', () => {
    const byId = new Map(data.users.map((u) => [u.id, u]));
    const ceo = members.find((u) => u.jobTitle === 'Chief Executive Officer')!;
    for (const u of members) {
      if (u.id === ceo.id || u.mailNickname === 'breakglass') continue;
      let at: string | undefined = u.id;
      let steps = 0;
      while (at && at !== ceo.id && steps++ < 20) at = data.relationships.managers[at];
      expect(at, u.displayName as string).toBe(ceo.id);
    }
    const managerIds = new Set(Object.values(data.relationships.managers));
    for (const id of managerIds) expect(byId.get(id)?.userType).toBe('Member');
    expect(Math.max(...[...managerIds].map((m) => Object.values(data.relationships.managers).filter((x) => x === m).length))).toBeLessThanOrEqual(15);
  });

  it('counts license consumption from the users and sells a few more than it uses', () => {
    for (const s of data.subscribedSkus) {
      const consumed = data.users.filter((u) => (u.assignedLicenses as { skuId: string }[]).some((l) => l.skuId === s.skuId)).length;
      expect(s.consumedUnits, s.skuPartNumber as string).toBe(consumed);
      expect((s.prepaidUnits as { enabled: number }).enabled).toBeGreaterThanOrEqual(consumed);
    }
  });

  it('gives apps credentials at every distance from expiry, owners, and consent', () => {
    const ends = data.applications.flatMap((a) => [...(a.passwordCredentials as { endDateTime: string }[]), ...(a.keyCredentials as { endDateTime: string }[])]).map((c) => (Date.parse(c.endDateTime) - NOW.getTime()) / DAY);
    expect(ends.filter((d) => d < 0).length).toBeGreaterThan(3);
    expect(ends.filter((d) => d >= 0 && d <= 7).length).toBeGreaterThan(0);
    expect(ends.filter((d) => d > 7 && d <= 90).length).toBeGreaterThan(3);
    const owned = data.applications.filter((a) => data.relationships.owners[a.id]?.length);
    expect(owned.length / data.applications.length).toBeGreaterThan(0.8);
    expect(owned.length).toBeLessThan(data.applications.length);
    expect(data.oauth2PermissionGrants).toContainEqual(expect.objectContaining({ clientId: TENANT_DESK_SP_ID, consentType: 'AllPrincipals', scope: TENANT_DESK_CONSENTED_SCOPE }));
    expect(data.appRoleAssignments.some((a) => a.principalType === 'ServicePrincipal')).toBe(true);
    expect(data.settings.clientSecrets[TENANT_DESK_APP_ID]).toBe('sandbox-only~TenantDesk-7f3c9a1e2b');
  });

  it('has groups of every kind, nested groups, and roles held by people', () => {
    const kinds = (g: GraphObject): string => `${(g.groupTypes as string[]).join('+') || 'none'}/${g.securityEnabled}/${g.mailEnabled}/${g.onPremisesSyncEnabled ?? 'cloud'}`;
    expect(new Set(data.groups.map(kinds))).toEqual(new Set(['Unified/false/true/cloud', 'none/true/false/true', 'none/true/false/cloud', 'DynamicMembership/true/false/cloud', 'none/false/true/cloud']));
    const groupIds = new Set(data.groups.map((g) => g.id));
    expect(Object.values(data.relationships.members).some((m) => m.some((id) => groupIds.has(id)))).toBe(true);
    const ga = data.directoryRoles.find((r) => r.displayName === 'Global Administrator')!;
    expect(ga.roleTemplateId).toBe('62e90394-69f5-4237-9190-012177145e10');
    expect(data.relationships.members[ga.id]!.length).toBeGreaterThanOrEqual(2);
  });

  it('writes a folder that loadTenant reads back unchanged', () => {
    const dir = tempDir();
    writeTenant(data, dir);
    const t = loadTenant(dir, { now: NOW });
    const strip = (d: TenantData): unknown => JSON.parse(JSON.stringify(d));
    expect(strip(t.data)).toEqual(strip(data));
    expect(t.userByUpn.size).toBe(3000);
  });
});

/** Generates and writes in its own scope, so the generated copy can be collected before loading. */
function generateAndWrite(dir: string): { generated: number; written: number; groups: number } {
  let t0 = performance.now();
  const data = generateTenant({ users: 100_000, apps: 5_000, seed: 7, now: NOW });
  const generated = performance.now() - t0;
  expect(data.users).toHaveLength(100_000);
  expect(data.applications).toHaveLength(5_000);
  t0 = performance.now();
  writeTenant(data, dir);
  return { generated, written: performance.now() - t0, groups: data.groups.length };
}

describe('generateTenant at scale', () => {
  it('makes, writes and loads 100,000 users and 5,000 apps', { timeout: 600_000 }, () => {
    const dir = tempDir();
    const { generated, written, groups } = generateAndWrite(dir);
    const t0 = performance.now();
    const tenant = loadTenant(dir, { now: NOW });
    const loaded = performance.now() - t0;
    console.log(`100,000 users / 5,000 apps: generate ${Math.round(generated)} ms, write ${Math.round(written)} ms, load ${Math.round(loaded)} ms`);
    expect(tenant.userByUpn.size).toBe(100_000);
    expect(tenant.applicationByAppId.size).toBe(5_000);
    expect(tenant.data.groups).toHaveLength(groups);
    expect(tenant.directReports.size).toBeGreaterThan(10_000);
  });
});
