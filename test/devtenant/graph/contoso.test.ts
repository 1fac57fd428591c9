// The shipped sample tenant (devtenant/fixtures/contoso) served by the emulator. Expectations are
// computed from the tenant files, so the sample can grow without breaking these checks.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Client } from '@microsoft/microsoft-graph-client';
import { loadTenant } from '../../../devtenant/tenant/load.ts';
import type { GraphObject, Tenant } from '../../../devtenant/tenant/types.ts';
import { startEmulator, type Emulator } from './fixture.ts';
import { refused, type Collection } from './support.ts';

const GLOBAL_ADMIN = '62e90394-69f5-4237-9190-012177145e10';
const GLOBAL_READER = 'f2ef992c-3afb-46b9-b7cf-a126ee74c451';

let tenant: Tenant;
let em: Emulator;

function holders(template: string): GraphObject[] {
  const role = tenant.data.directoryRoles.find((r) => r.roleTemplateId === template);
  return (tenant.data.relationships.members[role?.id ?? ''] ?? []).map((id) => tenant.byId.get(id)!).filter((o) => tenant.typeOf(o.id) === '#microsoft.graph.user');
}

function heldTemplates(userId: string): Set<string> {
  const out = new Set<string>();
  for (const r of tenant.data.directoryRoles) if ((tenant.data.relationships.members[r.id] ?? []).includes(userId)) out.add(String(r.roleTemplateId));
  return out;
}

let admin: Client;
let member: Client;
let memberUser: GraphObject;

beforeAll(async () => {
  tenant = loadTenant('contoso');
  em = await startEmulator(tenant);
  admin = em.client(em.token(holders(GLOBAL_ADMIN)[0]!.id));
  const restricted = new Set(tenant.data.settings.restrictedUsers.map((u) => u.toLowerCase()));
  memberUser = tenant.data.users.find(
    (u) => u.userType === 'Member' && heldTemplates(u.id).size === 0 && !restricted.has(u.id) && !restricted.has(String(u.userPrincipalName).toLowerCase()) && u.accountEnabled !== false,
  )!;
  member = em.client(em.token(memberUser.id));
});
afterAll(() => em.close());

async function all(client: Client, first: Collection, headers?: Record<string, string>): Promise<Record<string, unknown>[]> {
  const items = [...first.value];
  let link = first['@odata.nextLink'];
  while (link) {
    let req = client.api(link);
    if (headers) req = req.headers(headers);
    const page: Collection = await req.get();
    items.push(...page.value);
    link = page['@odata.nextLink'];
  }
  return items;
}

describe('the Contoso sample tenant', () => {
  it('is the fixed tenant with its organization, and the beta-only password sync time', async () => {
    expect(tenant.tenantId).toBe('db0a0aea-81ad-4375-b1ad-fc8ed0c1fee2');
    const org: Collection = await member.api('/organization').get();
    expect(org.value[0]).toMatchObject({ id: tenant.tenantId, displayName: tenant.data.organization[0]!.displayName });
    expect(org.value[0]).not.toHaveProperty('onPremisesLastPasswordSyncDateTime');
    const beta: Collection = await member.api('/organization').version('beta').select('onPremisesLastPasswordSyncDateTime').get();
    expect(beta.value[0]!.onPremisesLastPasswordSyncDateTime).toBe(tenant.data.organization[0]!.onPremisesLastPasswordSyncDateTime ?? null);
  });

  it('counts synced users and guests as the files say', async () => {
    const synced = tenant.data.users.filter((u) => u.onPremisesSyncEnabled === true).length;
    expect(await member.api('/users/$count').header('ConsistencyLevel', 'eventual').filter('onPremisesSyncEnabled eq true').get()).toBe(String(synced));
    const guests: Collection = await member.api('/users').filter("userType eq 'Guest'").select('id').top(999).get();
    expect(guests.value.map((g) => g.id).sort()).toEqual(tenant.data.users.filter((u) => u.userType === 'Guest').map((u) => u.id).sort());
  });

  it('pages every user exactly once', async () => {
    const first: Collection = await member.api('/users').select('id').top(100).get();
    const ids = (await all(member, first)).map((u) => u.id);
    expect(ids).toHaveLength(tenant.data.users.length);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('names the global admins through roleManagement, with principals expanded', async () => {
    const r: Collection = await member.api('/roleManagement/directory/roleAssignments').filter(`roleDefinitionId eq '${GLOBAL_ADMIN}'`).expand('principal').get();
    expect(r.value.map((a) => (a.principal as { userPrincipalName?: string }).userPrincipalName).sort()).toEqual(holders(GLOBAL_ADMIN).map((u) => u.userPrincipalName).sort());
  });

  it('shows sign-in activity to a Global Reader but not to a member', async () => {
    const reader = em.client(em.token(holders(GLOBAL_READER)[0]!.id));
    const withActivity = tenant.data.users.find((u) => u.signInActivity)!;
    const r = await reader.api(`/users/${withActivity.id}`).select('id,signInActivity').get();
    expect(r.signInActivity).toEqual(withActivity.signInActivity);
    await refused(member.api(`/users/${withActivity.id}`).select('id,signInActivity').get(), 403, 'Authorization_RequestDenied');
  });

  it('keeps the restricted member to themselves', async () => {
    const key = tenant.data.settings.restrictedUsers[0]!;
    const user = tenant.byId.get(key) ?? tenant.userByUpn.get(key.toLowerCase())!;
    const restricted = em.client(em.token(user.id));
    await refused(restricted.api('/users').get(), 403, 'Authorization_RequestDenied');
    expect((await restricted.api('/me').get()).id).toBe(user.id);
  });

  it('serves every collection the bot reads, to a Global Administrator, without error', async () => {
    const paths = ['/users', '/groups', '/applications', '/servicePrincipals', '/subscribedSkus', '/domains', '/directoryRoles', '/oauth2PermissionGrants', '/roleManagement/directory/roleAssignments', '/roleManagement/directory/roleDefinitions', '/directory/onPremisesSynchronization'];
    for (const p of paths) {
      const r = await admin.api(p).get();
      expect(r['@odata.context'], p).toContain('/v1.0/$metadata#');
    }
    // The bot does not request Policy.Read.All, so Graph would refuse it the authorization policy.
    await refused(admin.api('/policies/authorizationPolicy').get(), 403, 'Authorization_RequestDenied');
    const policy = await em.client(em.token(holders(GLOBAL_ADMIN)[0]!.id, { scp: 'Policy.Read.All' })).api('/policies/authorizationPolicy').get();
    expect(policy.id).toBe(tenant.data.authorizationPolicy?.id);
    const skus: Collection = await admin.api('/subscribedSkus').get();
    expect(skus.value).toHaveLength(tenant.data.subscribedSkus.length);
  });

  it('derives licenseDetails and memberships for every user without error', async () => {
    for (const u of tenant.data.users.slice(0, 60)) {
      const details: Collection = await admin.api(`/users/${u.id}/licenseDetails`).get();
      expect(details.value.map((d) => d.skuId)).toEqual(((u.assignedLicenses as { skuId: string }[]) ?? []).map((l) => l.skuId));
      const groups: Collection = await admin.api(`/users/${u.id}/transitiveMemberOf`).get();
      expect(groups.value.every((g) => typeof g['@odata.type'] === 'string')).toBe(true);
    }
  });
});
