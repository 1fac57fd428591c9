// The requests of the graph reference (§0–§3), sent with the real Graph SDK over HTTPS: each must
// return what Graph would, or Graph's documented refusal.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Client } from '@microsoft/microsoft-graph-client';
import { APP_ID, G, ROLE_TEMPLATE, S, SKU, TID, U, startEmulator, type Emulator } from './fixture.ts';
import { ADVANCED_ENDSWITH, SEARCH_NEEDS_HEADER, enc, names, needsAdvanced, refused, type Collection } from './support.ts';

let em: Emulator;
let alice: Client;
let admin: Client;

beforeAll(async () => {
  em = await startEmulator();
  alice = em.client(em.token(U.alice));
  admin = em.client(em.token(U.admin));
});
afterAll(() => em.close());

const eventual = (c: Client, path: string) => c.api(path).header('ConsistencyLevel', 'eventual');

describe('§1.1 who is synced', () => {
  it('lists synced users with the on-premises properties selected (default query)', async () => {
    const select = 'id,displayName,userPrincipalName,onPremisesSyncEnabled,onPremisesLastSyncDateTime,onPremisesImmutableId,onPremisesSamAccountName,onPremisesDomainName,onPremisesUserPrincipalName';
    const r: Collection = await alice.api('/users').filter('onPremisesSyncEnabled eq true').select(select).top(999).get();
    expect(names(r)).toEqual(['Alice Wong', 'Carol Diaz', 'Erin Conflict']);
    expect(r['@odata.context']).toBe(`${em.baseUrl}/v1.0/$metadata#users(${select})`);
    expect(Object.keys(r.value[0]!)).toEqual(select.split(','));
    expect(r.value.find((u) => u.displayName === 'Alice Wong')).toMatchObject({ onPremisesSamAccountName: 'awong', onPremisesDomainName: 'corp.contoso.com', onPremisesImmutableId: 'aW1tdXRhYmxlLWFsaWNl' });
    expect(r.value.find((u) => u.displayName === 'Carol Diaz')).toMatchObject({ onPremisesSamAccountName: null });
  });

  it('counts synced users with /$count (text/plain, needs ConsistencyLevel)', async () => {
    expect(await eventual(alice, '/users/$count').filter('onPremisesSyncEnabled eq true').get()).toBe('3');
    await refused(alice.api('/users/$count').filter('onPremisesSyncEnabled eq true').get(), 400, 'Request_BadRequest', '$count is not currently supported.');
  });

  it('finds cloud-only users (eq null) and "not synced" (ne, not) only as advanced queries', async () => {
    await refused(alice.api('/users').filter('onPremisesSyncEnabled eq null').get(), 400, 'Request_UnsupportedQuery', needsAdvanced('eq'));
    await refused(alice.api('/users').filter('onPremisesSyncEnabled ne true').get(), 400, 'Request_UnsupportedQuery', needsAdvanced('ne'));
    await refused(eventual(alice, '/users').filter('not(onPremisesSyncEnabled eq true)').get(), 400, 'Request_UnsupportedQuery', needsAdvanced('not'));
    const cloud: Collection = await eventual(alice, '/users').filter('onPremisesSyncEnabled eq null').count(true).get();
    expect(cloud['@odata.count']).toBe(7);
    const notSynced: Collection = await eventual(alice, '/users').filter('not(onPremisesSyncEnabled eq true)').count(true).get();
    expect(notSynced['@odata.count']).toBe(8);
    expect(names(notSynced)).toContain("Seán O'Brien");
  });

  it('filters onPremisesLastSyncDateTime ge/le and onPremisesImmutableId eq by default; onPremisesSamAccountName needs advanced', async () => {
    const recent: Collection = await alice.api('/users').filter('onPremisesLastSyncDateTime ge 2026-05-01T00:00:00Z').get();
    expect(names(recent)).toEqual(['Alice Wong', 'Erin Conflict']);
    const byImmutable: Collection = await alice.api('/users').filter("onPremisesImmutableId eq 'aW1tdXRhYmxlLWFsaWNl'").get();
    expect(names(byImmutable)).toEqual(['Alice Wong']);
    await refused(alice.api('/users').filter("onPremisesSamAccountName eq 'awong'").get(), 400, 'Request_UnsupportedQuery', needsAdvanced('eq'));
    const sam: Collection = await eventual(alice, '/users').filter("startswith(onPremisesSamAccountName,'aw')").count(true).get();
    expect(names(sam)).toEqual(['Alice Wong']);
  });
});

describe('§1.2 tenant sync status', () => {
  it('reads organization with $select', async () => {
    const r: Collection = await alice.api('/organization').select('id,displayName,onPremisesSyncEnabled,onPremisesLastSyncDateTime,verifiedDomains').get();
    expect(r.value).toHaveLength(1);
    expect(r.value[0]).toEqual({
      id: TID,
      displayName: 'Contoso',
      onPremisesSyncEnabled: true,
      onPremisesLastSyncDateTime: '2026-05-03T08:00:00Z',
      verifiedDomains: expect.arrayContaining([expect.objectContaining({ name: 'contoso.com', isDefault: true })]),
    });
  });

  it('serves onPremisesLastPasswordSyncDateTime only from /beta/organization', async () => {
    const beta: Collection = await alice.api('/organization').version('beta').select('onPremisesLastPasswordSyncDateTime,onPremisesLastSyncDateTime,onPremisesSyncEnabled').get();
    expect(beta['@odata.context']).toBe(`${em.baseUrl}/beta/$metadata#organization(onPremisesLastPasswordSyncDateTime,onPremisesLastSyncDateTime,onPremisesSyncEnabled)`);
    expect(beta.value[0]).toEqual({ onPremisesLastPasswordSyncDateTime: '2026-05-03T08:02:00Z', onPremisesLastSyncDateTime: '2026-05-03T08:00:00Z', onPremisesSyncEnabled: true });
    const v1: Collection = await alice.api('/organization').get();
    expect(v1.value[0]).not.toHaveProperty('onPremisesLastPasswordSyncDateTime');
    await refused(
      alice.api('/organization').select('onPremisesLastPasswordSyncDateTime').get(),
      400,
      'Request_BadRequest',
      "Parsing OData Select and Expand failed: Could not find a property named 'onPremisesLastPasswordSyncDateTime' on type 'microsoft.graph.organization'.",
    );
    await refused(alice.api('/users').version('beta').get(), 400, 'BadRequest', "Resource not found for the segment 'users'.");
  });

  it('reads directory/onPremisesSynchronization as a Global Administrator', async () => {
    const r: Collection = await admin.api('/directory/onPremisesSynchronization').get();
    expect(r.value[0]).toMatchObject({ id: TID, features: { passwordSyncEnabled: true }, configuration: { accidentalDeletionPrevention: { alertThreshold: 500 } } });
  });
});

describe('§1.3 sync errors', () => {
  it('finds objects with a provisioning error of a category (any lambda, default)', async () => {
    const r: Collection = await alice.api('/users').filter("onPremisesProvisioningErrors/any(o:o/category eq 'PropertyConflict')").select('id,userPrincipalName,onPremisesProvisioningErrors').get();
    expect(r.value).toEqual([{ id: U.erin, userPrincipalName: 'erin@contoso.com', onPremisesProvisioningErrors: [expect.objectContaining({ category: 'PropertyConflict', propertyCausingError: 'ProxyAddresses' })] }]);
    const groups: Collection = await alice.api('/groups').filter("onPremisesProvisioningErrors/any(o:o/propertyCausingError eq 'ProxyAddresses')").get();
    expect(groups.value).toEqual([]);
  });

  it('finds every object with any error through /$count ne 0 (advanced)', async () => {
    await refused(alice.api('/users').filter('onPremisesProvisioningErrors/$count ne 0').get(), 400, 'Request_UnsupportedQuery', needsAdvanced('$count'));
    const r: Collection = await eventual(alice, '/users').filter('onPremisesProvisioningErrors/$count ne 0').count(true).get();
    expect([r['@odata.count'], names(r)]).toEqual([1, ['Erin Conflict']]);
  });

  it('refuses the undocumented empty any()', async () => {
    await refused(eventual(alice, '/users').filter('onPremisesProvisioningErrors/any()').count(true).get(), 400, 'Request_UnsupportedQuery');
  });
});

describe('§1.4 one user', () => {
  const select = 'id,userPrincipalName,accountEnabled,userType,onPremisesSyncEnabled,onPremisesLastSyncDateTime,onPremisesImmutableId,onPremisesProvisioningErrors,lastPasswordChangeDateTime,passwordPolicies,assignedLicenses,signInActivity';

  it('reads a user by UPN with signInActivity for a Global Administrator', async () => {
    const u = await admin.api('/users/alice@contoso.com').select(select).get();
    expect(u['@odata.context']).toBe(`${em.baseUrl}/v1.0/$metadata#users(${select})/$entity`);
    expect(u).toMatchObject({ id: U.alice, accountEnabled: true, onPremisesSyncEnabled: true, signInActivity: { lastSignInDateTime: '2026-04-20T10:00:00Z' }, passwordPolicies: null });
  });

  it("reads a UPN starting with '$' through users('%24…') and a guest UPN with #EXT# percent-encoded", async () => {
    const svc = await alice.api(`/users('${enc('$svc@contoso.com')}')`).select('id,accountEnabled').get();
    expect(svc).toMatchObject({ id: U.svc, accountEnabled: false });
    const guest = await alice.api(`/users/${enc('gina_fabrikam.com#EXT#@contoso.onmicrosoft.com')}`).get();
    expect(guest.id).toBe(U.guest);
    await refused(alice.api('/users/nobody@contoso.com').get(), 404, 'Request_ResourceNotFound', "Resource 'nobody@contoso.com' does not exist or one of its queried reference-property objects are not present.");
  });

  it('reads the manager, with $expand too', async () => {
    const m = await alice.api('/me/manager').get();
    expect(m).toMatchObject({ '@odata.type': '#microsoft.graph.user', id: U.bob, displayName: 'Bob Kelly' });
    const withManager = await alice.api('/users/alice@contoso.com').select('id,displayName').expand('manager($select=displayName,userPrincipalName,id,mail)').get();
    expect(withManager.manager).toEqual({ '@odata.type': '#microsoft.graph.user', displayName: 'Bob Kelly', userPrincipalName: 'bob@contoso.com', id: U.bob, mail: 'bob@contoso.com' });
  });
});

describe('§1.5 is app X registered', () => {
  it('finds applications by displayName eq and startswith', async () => {
    const eq: Collection = await alice.api('/applications').filter("displayName eq 'Contoso HR'").select('id,appId,displayName,signInAudience,createdDateTime,publisherDomain').get();
    expect(eq.value).toEqual([{ id: expect.any(String), appId: APP_ID.hr, displayName: 'Contoso HR', signInAudience: 'AzureADMyOrg', createdDateTime: '2023-02-01T00:00:00Z', publisherDomain: 'contoso.com' }]);
    const sw: Collection = await alice.api('/applications').filter("startswith(displayName,'Contoso')").select('displayName').get();
    expect(names(sw)).toEqual(['Contoso Expenses', 'Contoso HR']);
  });

  it('addresses applications and servicePrincipals by appId, and lists owners', async () => {
    const app = await alice.api(`/applications(appId='${APP_ID.hr}')`).get();
    expect(app).toMatchObject({ appId: APP_ID.hr, displayName: 'Contoso HR' });
    expect(app['@odata.context']).toBe(`${em.baseUrl}/v1.0/$metadata#applications/$entity`);
    const owners: Collection = await alice.api(`/applications(appId='${APP_ID.hr}')/owners`).get();
    expect(owners.value.map((o) => [o['@odata.type'], o.id])).toEqual([['#microsoft.graph.user', U.alice]]);
    const sp = await alice.api(`/servicePrincipals(appId='${APP_ID.graph}')`).get();
    expect(sp.id).toBe(S.graph);
    const byFilter: Collection = await alice.api('/servicePrincipals').filter(`appId eq '${APP_ID.expenses}'`).get();
    expect(byFilter.value.map((s) => s.id)).toEqual([S.expenses]);
    await refused(alice.api(`/applications(appId='${APP_ID.graph}')`).get(), 404, 'Request_ResourceNotFound');
  });

  it('searches applications (header required) and keeps advanced-only filters advanced', async () => {
    const r: Collection = await eventual(alice, '/applications').search('"displayName:Contoso"').get();
    expect(names(r)).toEqual(['Contoso Expenses', 'Contoso HR']);
    await refused(alice.api('/applications').search('"displayName:Contoso"').get(), 400, 'Request_UnsupportedQuery', SEARCH_NEEDS_HEADER);
    await refused(alice.api('/applications').filter(`requiredResourceAccess/any(r:r/resourceAppId eq '${APP_ID.graph}')`).get(), 400, 'Request_UnsupportedQuery', needsAdvanced('eq'));
    await refused(alice.api('/servicePrincipals').filter(`appOwnerOrganizationId eq ${TID}`).get(), 400, 'Request_UnsupportedQuery', needsAdvanced('eq'));
    const own: Collection = await eventual(alice, '/servicePrincipals').filter(`appOwnerOrganizationId eq ${TID}`).count(true).get();
    expect(own['@odata.count']).toBe(3);
    const disabled: Collection = await alice.api('/servicePrincipals').filter('accountEnabled eq false').get();
    expect(names(disabled)).toEqual(['Contoso Expenses']);
  });
});

describe('§1.6 app credentials', () => {
  it('returns credentials on $select, but refuses to filter on them', async () => {
    const r: Collection = await alice.api('/applications').select('id,appId,displayName,passwordCredentials,keyCredentials').top(999).get();
    expect(r.value.find((a) => a.appId === APP_ID.hr)!.passwordCredentials).toEqual([expect.objectContaining({ endDateTime: '2026-06-01T00:00:00Z', displayName: 'prod' })]);
    await refused(
      eventual(alice, '/applications').filter('passwordCredentials/any(p:p/endDateTime le 2026-07-01T00:00:00Z)').count(true).get(),
      400,
      'Request_UnsupportedQuery',
      "Unsupported or invalid query filter clause specified for property 'passwordCredentials' of resource 'Application'.",
    );
    // graph.md lists preferredTokenSigningKeyEndDateTime ge/le as a default filter, but v1.0's
    // servicePrincipal has no such property (CSDL), so v1.0 refuses it as an unknown property.
    await refused(
      alice.api('/servicePrincipals').filter('preferredTokenSigningKeyEndDateTime ge 2026-01-01T00:00:00Z').get(),
      400,
      'BadRequest',
      "Invalid filter clause: Could not find a property named 'preferredTokenSigningKeyEndDateTime' on type 'microsoft.graph.servicePrincipal'.",
    );
  });
});

describe('§1.7 consent grants and app role assignments', () => {
  it('lists delegated grants by clientId and through the service principal', async () => {
    const r: Collection = await admin.api('/oauth2PermissionGrants').filter(`clientId eq '${S.bot}'`).get();
    expect(r.value).toEqual([expect.objectContaining({ consentType: 'AllPrincipals', resourceId: S.graph, scope: 'User.Read User.Read.All Directory.Read.All' })]);
    const viaSp: Collection = await admin.api(`/servicePrincipals/${S.bot}/oauth2PermissionGrants`).get();
    expect(viaSp.value.map((g) => g.id)).toEqual(['grant-bot-graph']);
  });

  it('lists app role assignments granted to and held by a service principal', async () => {
    const to: Collection = await alice.api(`/servicePrincipals(appId='${APP_ID.graph}')/appRoleAssignedTo`).get();
    expect(to.value).toEqual([expect.objectContaining({ principalId: S.hr, resourceId: S.graph, principalType: 'ServicePrincipal' })]);
    const held: Collection = await alice.api(`/servicePrincipals/${S.hr}/appRoleAssignments`).get();
    expect(held.value.map((a) => a.resourceDisplayName)).toEqual(['Microsoft Graph']);
  });
});

describe('§1.8 licenses', () => {
  it('lists subscribedSkus with $select and refuses $filter there', async () => {
    const r: Collection = await alice.api('/subscribedSkus').select('skuId,skuPartNumber,capabilityStatus,consumedUnits,prepaidUnits,servicePlans,appliesTo').get();
    expect(r.value.map((s) => [s.skuPartNumber, s.consumedUnits, (s.prepaidUnits as { enabled: number }).enabled])).toEqual([
      ['SPE_E3', 4, 10],
      ['SPE_E5', 2, 5],
    ]);
    await refused(alice.api('/subscribedSkus').filter("skuPartNumber eq 'SPE_E5'").get(), 400, 'Request_UnsupportedQuery');
  });

  it('finds license holders with an unquoted GUID in any(), and the unlicensed with $count eq 0 (advanced)', async () => {
    const e5: Collection = await alice.api('/users').filter(`assignedLicenses/any(x:x/skuId eq ${SKU.E5})`).select('id,displayName,userPrincipalName').get();
    expect(names(e5)).toEqual(['Adele Admin', 'Bob Kelly']);
    await refused(alice.api('/users').filter(`assignedLicenses/any(x:x/skuId eq '${SKU.E5}')`).get(), 400, 'BadRequest', /incompatible types/);
    const none: Collection = await eventual(alice, '/users').filter('assignedLicenses/$count eq 0').count(true).get();
    expect(names(none)).toEqual(['Erin Conflict', 'Frank Miller', 'Gina Guest', 'Service Account', "Seán O'Brien"]);
  });

  it('derives licenseDetails from assignedLicenses and the SKU service plans', async () => {
    const mine: Collection = await alice.api('/me/licenseDetails').get();
    expect(mine['@odata.context']).toBe(`${em.baseUrl}/v1.0/$metadata#users('${U.alice}')/licenseDetails`);
    expect(mine.value).toEqual([
      {
        id: expect.any(String),
        skuId: SKU.E3,
        skuPartNumber: 'SPE_E3',
        servicePlans: [
          expect.objectContaining({ servicePlanName: 'EXCHANGE_S_ENTERPRISE', provisioningStatus: 'Success' }),
          expect.objectContaining({ servicePlanName: 'TEAMS1', provisioningStatus: 'Disabled' }),
        ],
      },
    ]);
  });
});

describe('§1.9 global admins', () => {
  it('lists role assignments by roleDefinitionId with the principal expanded', async () => {
    const r: Collection = await alice.api('/roleManagement/directory/roleAssignments').filter(`roleDefinitionId eq '${ROLE_TEMPLATE.globalAdmin}'`).expand('principal').get();
    expect(r.value).toEqual([
      expect.objectContaining({ principalId: U.admin, roleDefinitionId: ROLE_TEMPLATE.globalAdmin, directoryScopeId: '/', principal: expect.objectContaining({ '@odata.type': '#microsoft.graph.user', displayName: 'Adele Admin' }) }),
    ]);
    const byPrincipal: Collection = await alice.api('/roleManagement/directory/roleAssignments').filter(`principalId eq '${G.helpdesk}'`).get();
    expect(byPrincipal.value.map((a) => a.roleDefinitionId)).toEqual([ROLE_TEMPLATE.userAdmin]);
    const defs: Collection = await alice.api('/roleManagement/directory/roleDefinitions').filter("displayName eq 'Global Reader'").get();
    expect(defs.value).toEqual([expect.objectContaining({ id: ROLE_TEMPLATE.globalReader, isBuiltIn: true })]);
  });

  it('lists members of a directory role by template id; startsWith on roles is advanced', async () => {
    const r: Collection = await alice.api(`/directoryRoles(roleTemplateId='${ROLE_TEMPLATE.globalAdmin}')/members`).get();
    expect(r.value.map((m) => [m['@odata.type'], m.displayName])).toEqual([['#microsoft.graph.user', 'Adele Admin']]);
    expect(r['@odata.nextLink']).toBeUndefined();
    const byName: Collection = await alice.api('/directoryRoles').filter("displayName eq 'Global Reader'").get();
    expect(byName.value.map((x) => x.roleTemplateId)).toEqual([ROLE_TEMPLATE.globalReader]);
    await refused(alice.api('/directoryRoles').filter("startswith(displayName,'Global')").get(), 400, 'Request_UnsupportedQuery', needsAdvanced('startsWith'));
  });
});

describe('§1.10 domains and §1.11 guests', () => {
  it('lists domains with $select', async () => {
    const r: Collection = await alice.api('/domains').select('id,authenticationType,isVerified,isDefault,isInitial,isRoot,supportedServices').get();
    expect(r.value.map((d) => [d.id, d.authenticationType])).toEqual([
      ['contoso.onmicrosoft.com', 'Managed'],
      ['contoso.com', 'Federated'],
    ]);
    const one = await alice.api('/domains/contoso.com').get();
    expect(one.isDefault).toBe(true);
  });

  it('lists guests; adding $orderby or $count makes it advanced', async () => {
    const r: Collection = await alice.api('/users').filter("userType eq 'Guest'").select('id,displayName,mail,userPrincipalName,externalUserState,createdDateTime').get();
    expect(r.value).toEqual([{ id: U.guest, displayName: 'Gina Guest', mail: 'gina@fabrikam.com', userPrincipalName: 'gina_fabrikam.com#EXT#@contoso.onmicrosoft.com', externalUserState: 'Accepted', createdDateTime: '2025-06-01T09:00:00Z' }]);
    await refused(alice.api('/users').filter("userType eq 'Guest'").orderby('displayName').get(), 400, 'Request_UnsupportedQuery', 'Sorting not supported for current query.');
    const sorted: Collection = await eventual(alice, '/users').filter("userType eq 'Member'").orderby('displayName desc').count(true).get();
    expect(sorted.value.map((u) => u.displayName)).toEqual(['Service Account', "Seán O'Brien", 'Grady Reader', 'Frank Miller', 'Erin Conflict', 'Dave Restricted', 'Carol Diaz', 'Bob Kelly', 'Alice Wong', 'Adele Admin']);
    expect(sorted['@odata.count']).toBe(10);
  });
});

describe('§0 cross-cutting rules', () => {
  it('returns only the eleven default properties of users without $select', async () => {
    const r: Collection = await alice.api('/users').top(1).get();
    expect(Object.keys(r.value[0]!).sort()).toEqual(['businessPhones', 'displayName', 'givenName', 'id', 'jobTitle', 'mail', 'mobilePhone', 'officeLocation', 'preferredLanguage', 'surname', 'userPrincipalName']);
  });

  it('silently ignores $count=true without ConsistencyLevel', async () => {
    const r: Collection = await alice.api('/users').count(true).get();
    expect(r['@odata.count']).toBeUndefined();
    expect(r.value).toHaveLength(11);
  });

  it('refuses endsWith without the advanced parameters, with the documented message, and runs it with them', async () => {
    await refused(alice.api('/users').filter("endswith(mail,'@outlook.com')").get(), 400, 'Request_UnsupportedQuery', ADVANCED_ENDSWITH);
    const r: Collection = await eventual(alice, '/users').filter("endswith(mail,'@outlook.com')").count(true).get();
    expect(names(r)).toEqual(['Frank Miller']);
    const proxy: Collection = await eventual(alice, '/users').filter("proxyAddresses/any(p:endsWith(p,'CONTOSO.com'))").count(true).select('id,displayName,proxyaddresses').get();
    expect(proxy['@odata.count']).toBe(9);
    expect(proxy.value[0]).toHaveProperty('proxyAddresses');
    await refused(eventual(alice, '/users').filter("endswith(displayName,'Wong')").count(true).get(), 400, 'Request_UnsupportedQuery', "Unsupported or invalid query filter clause specified for property 'displayName' of resource 'User'.");
  });

  it('refuses properties that are not indexed even in advanced queries', async () => {
    await refused(eventual(alice, '/groups').filter('createdDateTime ge 2021-11-01').count(true).get(), 400, 'Request_UnsupportedQuery', "Unsupported or invalid query filter clause specified for property 'createdDateTime' of resource 'Group'.");
    await refused(alice.api('/users').filter("contains(displayName,'li')").get(), 400, 'Request_UnsupportedQuery', "Unsupported or invalid query filter clause specified for property 'displayName' of resource 'User'.");
  });

  it('runs ne/not examples of the AQ page', async () => {
    const r: Collection = await eventual(alice, '/users').filter("companyName ne null and NOT(companyName eq 'Microsoft')").count(true).get();
    expect(r['@odata.count']).toBe(0);
    const r2: Collection = await eventual(alice, '/users').filter("NOT startsWith(displayName, 'A')").count(true).get();
    expect(r2['@odata.count']).toBe(9);
    const r3: Collection = await eventual(alice, '/users').filter("startsWith(displayName, 'Bo') OR startsWith(displayName, 'Ca')").count(true).get();
    expect(names(r3)).toEqual(['Bob Kelly', 'Carol Diaz']);
    const inList: Collection = await alice.api('/users').filter("department in ('Support', 'R&D')".replace('&', '%26')).get();
    expect(names(inList)).toEqual(['Carol Diaz', "Seán O'Brien"]);
  });

  it('sorts where AQ allows, refuses elsewhere', async () => {
    const users: Collection = await alice.api('/users').orderby('userPrincipalName').select('userPrincipalName').top(3).get();
    expect(users.value.map((u) => u.userPrincipalName)).toEqual(['$svc@contoso.com', 'adele@contoso.com', 'alice@contoso.com']);
    await refused(alice.api('/groups').orderby('mail').get(), 400, 'Request_UnsupportedQuery', "Unsupported sort property 'mail' for 'Group'.");
    await refused(alice.api('/users').orderby('createdDateTime').get(), 400, 'Request_UnsupportedQuery', "Unsupported sort property 'createdDateTime' for 'User'.");
    await refused(alice.api('/applications').orderby('displayName').get(), 400, 'Request_UnsupportedQuery', "Unsupported sort property 'displayName' for 'Application'.");
    const apps: Collection = await eventual(alice, '/applications').orderby('displayName').filter("startswith( displayName, 'Box')").count(true).get();
    expect(names(apps)).toEqual(['Box Sync']);
    const byDate: Collection = await eventual(alice, '/users').orderby('createdDateTime').count(true).select('displayName').top(1).get();
    expect(byDate.value[0]!.displayName).toBe('Bob Kelly');
  });

  it('refuses $expand in advanced queries', async () => {
    await refused(eventual(alice, '/users').expand('manager').count(true).get(), 400, 'Request_UnsupportedQuery');
  });

  it('validates $top and $select', async () => {
    await refused(alice.api('/users').top(1000).get(), 400, 'Request_BadRequest', "Invalid page size specified: '1000'. Must be between 1 and 999 inclusive.");
    await refused(admin.api('/users').select('id,signInActivity').top(501).get(), 400, 'Request_BadRequest', "Invalid page size specified: '501'. Must be between 1 and 500 inclusive.");
    const ok: Collection = await admin.api('/users').select('id,signInActivity').top(500).get();
    expect(ok.value).toHaveLength(11);
    await refused(alice.api('/users').select('id,nickname').get(), 400, 'Request_BadRequest', "Parsing OData Select and Expand failed: Could not find a property named 'nickname' on type 'microsoft.graph.user'.");
    await refused(alice.api('/users').query({ $skip: '5' }).get(), 400, 'Request_BadRequest', "'$skip' is not supported by the service.");
  });

  it('casts transitive memberships to groups (advanced with $count)', async () => {
    const carol = em.client(em.token(U.carol));
    const r: Collection = await eventual(carol, '/me/transitiveMemberOf/microsoft.graph.group').count(true).get();
    expect(r['@odata.context']).toBe(`${em.baseUrl}/v1.0/$metadata#groups`);
    expect(names(r)).toEqual(['Helpdesk Admins', 'Sales', 'Sales EU']);
    expect(r['@odata.count']).toBe(3);
    const all: Collection = await carol.api('/me/transitiveMemberOf').get();
    expect(all.value.map((o) => o['@odata.type']).sort()).toEqual(['#microsoft.graph.directoryRole', '#microsoft.graph.directoryRole', '#microsoft.graph.group', '#microsoft.graph.group', '#microsoft.graph.group']);
    const groupMembers: Collection = await alice.api(`/groups/${G.sales}/transitiveMembers`).get();
    expect(groupMembers.value.map((o) => o.id).sort()).toEqual([U.alice, U.bob, U.carol, G.salesEu, S.hr].sort());
  });

  it("matches a literal with doubled quotes exactly (O'Brien)", async () => {
    const r: Collection = await alice.api('/users').filter(enc("displayName eq 'Seán O''Brien'")).get();
    expect(r.value.map((u) => u.userPrincipalName)).toEqual(["sean.o'brien@contoso.com"]);
    await refused(alice.api('/users').filter(enc("displayName eq 'Seán O'Brien'")).get(), 400, 'BadRequest', /^Invalid filter clause: Syntax error at position 24 in 'displayName eq 'Seán O'Brien''\.$/);
  });
});
