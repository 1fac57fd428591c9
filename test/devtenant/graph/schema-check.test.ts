// The Graph emulator's schema self-check: every JSON body it serves is held against the v1.0 type it
// rendered; a property outside the schema is reported (with the request and the type), the one
// beta-only organization property is excused under /beta only, and the shipped sample tenant served
// through many request shapes — lists, $select, $expand, $batch, /beta — reports nothing.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { httpCall, postJson, type HttpResult } from '../../../devtenant/channel/http-client.ts';
import { TENANT_DESK_BOT_ID, TENANT_DESK_SCOPES } from '../../../devtenant/entra/well-known.ts';
import { schemaProblems, type SchemaChecked, type SchemaViolation } from '../../../devtenant/graph/schema-check.ts';
import { startDevTenant, type DevTenant } from '../../../devtenant/index.ts';
import { signJwt } from '../../../devtenant/shared/jwt.ts';
import { loadTenant } from '../../../devtenant/tenant/load.ts';
import type { GraphObject, Tenant } from '../../../devtenant/tenant/types.ts';

const PATTI = 'a1654470-4298-4ead-982e-41568d51deaa';

/** A delegated Graph token for a user, signed with the dev tenant's Entra keys as Entra signs it. */
function tokenFor(dt: DevTenant, oid: string, extraScopes: string[] = []): string {
  const user = dt.tenant.byId.get(oid)!;
  const now = Math.floor(Date.now() / 1000);
  return signJwt(
    {
      aud: 'https://graph.microsoft.com',
      iss: `https://sts.windows.net/${dt.tenant.tenantId}/`,
      tid: dt.tenant.tenantId,
      oid,
      sub: `sub-${oid}`,
      upn: user.userPrincipalName,
      name: user.displayName,
      scp: [...TENANT_DESK_SCOPES, ...extraScopes].join(' '),
      appid: TENANT_DESK_BOT_ID,
      idtyp: 'user',
      ver: '1.0',
      iat: now,
      nbf: now,
      exp: now + 3600,
      uti: randomUUID(),
    },
    dt.entra.keys()[0]!,
  );
}

interface Recorder {
  violations: SchemaViolation[];
  checked: SchemaChecked[];
}

async function start(tenant: Tenant): Promise<{ dt: DevTenant; seen: Recorder; get: (path: string, headers?: Record<string, string>) => Promise<HttpResult>; batch: (requests: unknown[]) => Promise<HttpResult> }> {
  const seen: Recorder = { violations: [], checked: [] };
  const dt = await startDevTenant({ tenant, keysDir: false, schemaCheck: { onViolation: (v) => seen.violations.push(v), onChecked: (c) => seen.checked.push(c) } });
  const auth = { Authorization: `Bearer ${tokenFor(dt, PATTI)}` };
  return {
    dt,
    seen,
    get: (path, headers = {}) => httpCall(`${dt.urls.graph}${path}`, { headers: { ...auth, ...headers }, ca: dt.ca }),
    batch: (requests) => postJson(`${dt.urls.graph}/v1.0/$batch`, { requests }, auth, dt.ca),
  };
}

function firstWith(list: GraphObject[], test: (o: GraphObject) => boolean, what: string): GraphObject {
  const o = list.find(test);
  if (!o) throw new Error(`the sample tenant has no ${what}`);
  return o;
}

describe('schemaProblems', () => {
  it('checks an entity, and each item of a collection with its wrapper', () => {
    expect(schemaProblems({ type: 'user', collection: false, beta: false }, { '@odata.context': 'x', id: '1', favouriteColour: 'teal' })).toEqual({
      problems: ['user.favouriteColour: not a property of microsoft.graph.user'],
      objects: 1,
    });
    expect(schemaProblems({ type: 'directoryObject', collection: true, beta: false }, { '@odata.context': 'x', '@odata.nextLink': 'y', value: [{ '@odata.type': '#microsoft.graph.group', id: '1', mailEnabled: true }, { '@odata.type': '#microsoft.graph.user', id: '2', shoeSize: 44 }] })).toEqual({
      problems: ['directoryObject[1].shoeSize: not a property of microsoft.graph.user'],
      objects: 2,
    });
    expect(schemaProblems({ type: 'user', collection: true, beta: false }, { value: [], total: 3 }).problems).toEqual(['Collection(user).total: not part of a collection response']);
    expect(schemaProblems({ type: 'user', collection: true, beta: false }, { value: {} }).problems).toEqual(['Collection(user): expected a value array']);
  });

  it('takes no inherited object member for a property, and looks inside collections of strings', () => {
    expect(schemaProblems({ type: 'user', collection: false, beta: false }, { id: '1', constructor: 'x', businessPhones: ['+1 425 555 0100', { number: '1' }] }).problems).toEqual([
      'user.constructor: not a property of microsoft.graph.user',
      'user.businessPhones[1]: expected a Edm.String value, got an object',
    ]);
  });

  it('excuses organization.onPremisesLastPasswordSyncDateTime under /beta only, and nothing else', () => {
    const org = { id: 'o', displayName: 'Contoso', onPremisesLastPasswordSyncDateTime: '2026-01-01T00:00:00Z' };
    expect(schemaProblems({ type: 'organization', collection: false, beta: true }, org).problems).toEqual([]);
    expect(schemaProblems({ type: 'organization', collection: true, beta: true }, { value: [org] }).problems).toEqual([]);
    expect(schemaProblems({ type: 'organization', collection: true, beta: false }, { value: [org] }).problems).toEqual([
      'organization[0].onPremisesLastPasswordSyncDateTime: not a property of microsoft.graph.organization',
    ]);
    expect(schemaProblems({ type: 'organization', collection: false, beta: true }, { ...org, onPremisesLastPasswordHashSyncDateTime: 'x' }).problems).toEqual([
      'organization.onPremisesLastPasswordHashSyncDateTime: not a property of microsoft.graph.organization',
    ]);
    expect(schemaProblems({ type: 'user', collection: false, beta: true }, { id: 'u', onPremisesLastPasswordSyncDateTime: 'x' }).problems).toEqual([
      'user.onPremisesLastPasswordSyncDateTime: not a property of microsoft.graph.user',
    ]);
  });
});

describe('the Graph emulator with a made-up property in its data', () => {
  let em: Awaited<ReturnType<typeof start>>;
  let user: GraphObject;
  let org: GraphObject;

  beforeAll(async () => {
    const tenant = loadTenant('contoso');
    // Values of real properties come from the tenant files as they are; a misspelt name inside a
    // complex value (the mistake a fixture or a generator makes) is served unchanged.
    user = firstWith(tenant.data.users, (u) => Array.isArray(u.assignedLicenses) && u.assignedLicenses.length > 0, 'licensed user');
    (user.assignedLicenses as Record<string, unknown>[])[0]!.servicePlans = [];
    org = tenant.data.organization[0]!;
    (org.verifiedDomains as Record<string, unknown>[])[0]!.isPrimaryDomain = true;
    em = await start(tenant);
  });
  afterAll(async () => {
    await em?.dt.close();
  });

  it('reports it with the request URL and the rendered type', async () => {
    const path = `/v1.0/users/${user.id}?$select=id,assignedLicenses`;
    const res = await em.get(path);
    expect(res.status).toBe(200);
    expect((res.body as { assignedLicenses: Record<string, unknown>[] }).assignedLicenses[0]).toHaveProperty('servicePlans');
    expect(em.seen.violations).toContainEqual({ url: path, type: 'user', problems: ['user.assignedLicenses[0].servicePlans: not a property of microsoft.graph.assignedLicense'] });
  });

  it('reports each item of a collection and each $batch part on its own', async () => {
    const list = await em.get(`/v1.0/users?$select=id,assignedLicenses&$filter=id eq '${user.id}'`);
    expect(list.status).toBe(200);
    const res = await em.batch([
      { id: 'a', method: 'GET', url: `/users/${user.id}?$select=assignedLicenses` },
      { id: 'b', method: 'GET', url: '/domains' },
    ]);
    expect(res.status).toBe(200);
    const violated = em.seen.violations.map((v) => ({ url: decodeURIComponent(v.url), type: v.type, batchPart: v.batchPart, problems: v.problems }));
    expect(violated).toContainEqual({ url: `/v1.0/users?$select=id,assignedLicenses&$filter=id eq '${user.id}'`, type: 'Collection(user)', batchPart: undefined, problems: ['user[0].assignedLicenses[0].servicePlans: not a property of microsoft.graph.assignedLicense'] });
    expect(violated).toContainEqual({ url: `/v1.0/users/${user.id}?$select=assignedLicenses`, type: 'user', batchPart: 'a', problems: ['user.assignedLicenses[0].servicePlans: not a property of microsoft.graph.assignedLicense'] });
    expect(em.seen.checked.some((c) => c.batchPart === 'b' && c.type === 'Collection(domain)')).toBe(true);
    expect(em.seen.violations.some((v) => v.batchPart === 'b')).toBe(false);
  });

  it('does not excuse a made-up property under /beta/organization', async () => {
    const res = await em.get('/beta/organization');
    expect(res.status).toBe(200);
    const served = (res.body as { value: Record<string, unknown>[] }).value[0]!;
    expect(served).toHaveProperty('onPremisesLastPasswordSyncDateTime');
    expect(em.seen.violations.filter((v) => v.url === '/beta/organization')).toEqual([
      { url: '/beta/organization', type: 'Collection(organization)', problems: ['organization[0].verifiedDomains[0].isPrimaryDomain: not a property of microsoft.graph.verifiedDomain'] },
    ]);
  });
});

describe('the Graph emulator over the shipped sample tenant', () => {
  let em: Awaited<ReturnType<typeof start>>;

  beforeAll(async () => {
    em = await start(loadTenant('contoso'));
  });
  afterAll(async () => {
    await em?.dt.close();
  });

  it('serves many request shapes without a single property outside the schema', async () => {
    const d = em.dt.tenant.data;
    const rel = d.relationships;
    const group = firstWith(d.groups, (g) => (rel.owners[g.id]?.length ?? 0) > 0 && (rel.members[g.id]?.length ?? 0) > 0, 'group with owners and members');
    const app = firstWith(d.applications, (a) => (rel.owners[a.id]?.length ?? 0) > 0, 'application with owners');
    const sp = firstWith(d.servicePrincipals, (s) => d.appRoleAssignments.some((a) => a.resourceId === s.id), 'service principal with assignments');
    const role = firstWith(d.directoryRoles, (r) => (rel.members[r.id]?.length ?? 0) > 0, 'directory role with members');
    const eventual = { ConsistencyLevel: 'eventual' };
    // The bot does not read the authorization policy; Graph wants Policy.Read.All for it.
    const policyReader = { Authorization: `Bearer ${tokenFor(em.dt, PATTI, ['Policy.Read.All'])}` };
    const requests: [string, string, Record<string, string>?][] = [
      ['/v1.0/users', 'Collection(user)'],
      ['/v1.0/users?$top=500&$select=id,displayName,accountEnabled,assignedLicenses,onPremisesSyncEnabled,onPremisesProvisioningErrors,signInActivity,identities,userType,externalUserState', 'Collection(user)'],
      ['/v1.0/users?$expand=manager($select=id,displayName)&$top=50', 'Collection(user)'],
      [`/v1.0/users/${PATTI}?$expand=manager`, 'user'],
      [`/v1.0/users/${PATTI}?$expand=directReports,memberOf`, 'user'],
      ['/v1.0/me?$select=id,displayName,mail,jobTitle', 'user'],
      [`/v1.0/users/${PATTI}/manager`, 'user'],
      [`/v1.0/users/${PATTI}/memberOf`, 'Collection(directoryObject)'],
      [`/v1.0/users/${PATTI}/transitiveMemberOf/microsoft.graph.group?$count=true`, 'Collection(group)', eventual],
      [`/v1.0/users/${PATTI}/licenseDetails`, 'Collection(licenseDetails)'],
      [`/v1.0/users/${PATTI}/appRoleAssignments`, 'Collection(appRoleAssignment)'],
      ['/v1.0/groups?$select=id,displayName,groupTypes,securityEnabled,mailEnabled,membershipRule,onPremisesSyncEnabled&$top=999', 'Collection(group)'],
      ['/v1.0/groups?$expand=owners&$top=20', 'Collection(group)'],
      [`/v1.0/groups/${group.id}?$expand=members($select=id,displayName)`, 'group'],
      [`/v1.0/groups/${group.id}/owners`, 'Collection(directoryObject)'],
      [`/v1.0/groups/${group.id}/transitiveMembers?$count=true`, 'Collection(directoryObject)', eventual],
      ['/v1.0/applications?$top=999', 'Collection(application)'],
      [`/v1.0/applications/${app.id}?$expand=owners`, 'application'],
      [`/v1.0/applications/${app.id}/owners`, 'Collection(directoryObject)'],
      ['/v1.0/servicePrincipals?$top=999', 'Collection(servicePrincipal)'],
      [`/v1.0/servicePrincipals/${sp.id}?$expand=appRoleAssignedTo`, 'servicePrincipal'],
      [`/v1.0/servicePrincipals/${sp.id}/appRoleAssignedTo`, 'Collection(appRoleAssignment)'],
      [`/v1.0/servicePrincipals/${sp.id}/oauth2PermissionGrants`, 'Collection(oAuth2PermissionGrant)'],
      ['/v1.0/oauth2PermissionGrants', 'Collection(oAuth2PermissionGrant)'],
      ['/v1.0/directoryRoles', 'Collection(directoryRole)'],
      [`/v1.0/directoryRoles/${role.id}/members`, 'Collection(directoryObject)'],
      [`/v1.0/directoryRoles/${role.id}?$expand=members`, 'directoryRole'],
      ['/v1.0/roleManagement/directory/roleAssignments?$expand=principal', 'Collection(unifiedRoleAssignment)'],
      ['/v1.0/roleManagement/directory/roleAssignments?$expand=roleDefinition', 'Collection(unifiedRoleAssignment)'],
      ['/v1.0/roleManagement/directory/roleDefinitions', 'Collection(unifiedRoleDefinition)'],
      ['/v1.0/subscribedSkus', 'Collection(subscribedSku)'],
      ['/v1.0/domains', 'Collection(domain)'],
      ['/v1.0/organization', 'Collection(organization)'],
      ['/beta/organization?$select=id,onPremisesLastPasswordSyncDateTime,onPremisesLastSyncDateTime', 'Collection(organization)'],
      ['/beta/organization', 'Collection(organization)'],
      ['/v1.0/directory/onPremisesSynchronization', 'Collection(onPremisesDirectorySynchronization)'],
      ['/v1.0/policies/authorizationPolicy', 'authorizationPolicy', policyReader],
    ];
    for (const [path, type, headers] of requests) {
      const res = await em.get(path, headers);
      expect({ path, status: res.status }).toEqual({ path, status: 200 });
      expect(em.seen.checked.filter((c) => c.url === path).map((c) => c.type), path).toEqual([type]);
    }
    const beta = await em.get('/beta/organization');
    expect((beta.body as { value: Record<string, unknown>[] }).value[0]).toHaveProperty('onPremisesLastPasswordSyncDateTime');

    const parts = [
      { id: '1', method: 'GET', url: `/users/${PATTI}?$select=id,displayName,assignedLicenses` },
      { id: '2', method: 'GET', url: `/users/${PATTI}/licenseDetails` },
      { id: '3', method: 'GET', url: `/groups/${group.id}/members?$count=true`, headers: eventual },
      { id: '4', method: 'GET', url: '/roleManagement/directory/roleAssignments?$expand=principal' },
      { id: '5', method: 'GET', url: '/subscribedSkus' },
    ];
    const batch = await em.batch(parts);
    expect(batch.status).toBe(200);
    expect((batch.body as { responses: { status: number }[] }).responses.map((r) => r.status)).toEqual([200, 200, 200, 200, 200]);
    expect(em.seen.checked.filter((c) => c.batchPart !== undefined).map((c) => c.batchPart).sort()).toEqual(['1', '2', '3', '4', '5']);

    expect(em.seen.checked.reduce((n, c) => n + c.objects, 0)).toBeGreaterThan(500);
    expect(em.seen.violations).toEqual([]);
  });

  it('checks neither error bodies nor /$count text', async () => {
    const before = em.seen.checked.length;
    expect((await em.get('/v1.0/users/$count', { ConsistencyLevel: 'eventual' })).status).toBe(200);
    expect((await em.get('/v1.0/users/00000000-0000-0000-0000-00000000dead')).status).toBe(404);
    expect((await em.get('/v1.0/users?$select=favouriteColour')).status).toBe(400);
    expect(em.seen.checked.length).toBe(before);
    expect(em.seen.violations).toEqual([]);
  });
});
