import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadTenant, sampleTenantDir } from '../../../devtenant/tenant/load.ts';
import { NOT_CONSENTED, SAMPLE_FIXED_IDS, buildSample } from '../../../devtenant/tenant/sample.ts';
import { PERSONAS } from '../../../devtenant/tenant/sample-people.ts';
import { sku, servicePlanId } from '../../../devtenant/tenant/licenses.ts';
import { graphRoleId } from '../../../devtenant/tenant/microsoft-apps.ts';
import { TENANT_DESK_APP_ID_URI, TENANT_DESK_CONSENTED_SCOPE, TENANT_DESK_SP_ID } from '../../../devtenant/tenant/tenant-desk.ts';
import { COLLECTIONS, type GraphObject } from '../../../devtenant/tenant/types.ts';
import { roleByName } from '../../../src/knowledge/roles.ts';

const raw = (name: string): unknown => JSON.parse(readFileSync(join(sampleTenantDir, `${name}.json`), 'utf8'));
const settings = raw('devtenant') as { referenceDateTime: string };
const reference = new Date(settings.referenceDateTime);
// Loaded at its own reference time, the data reads exactly as written.
const tenant = loadTenant('contoso', { now: reference });
const { data } = tenant;
const DAY = 86_400_000;
const user = (upn: string): GraphObject => {
  const u = tenant.userByUpn.get(upn);
  if (!u) throw new Error(`no ${upn}`);
  return u;
};
const ageDays = (iso: unknown): number => (reference.getTime() - Date.parse(iso as string)) / DAY;
const rolesOf = (id: string): string[] => data.directoryRoles.filter((r) => data.relationships.members[r.id]?.includes(id)).map((r) => r.displayName as string);
const groupMembers = (name: string): string[] => data.relationships.members[data.groups.find((g) => g.displayName === name)!.id]!;
const sp = (name: string): GraphObject => data.servicePrincipals.find((s) => s.displayName === name)!;
const graphSp = sp('Microsoft Graph');
const skuOf = (part: string): GraphObject => data.subscribedSkus.find((s) => s.skuPartNumber === part)!;
/** The service plans a user's licenses switch on (disabledPlans taken out). */
const plansOf = (u: GraphObject): string[] =>
  (u.assignedLicenses as { skuId: string; disabledPlans: string[] }[]).flatMap((l) => {
    const plans = (data.subscribedSkus.find((s) => s.skuId === l.skuId)?.servicePlans ?? []) as { servicePlanId: string; servicePlanName: string }[];
    return plans.filter((p) => !l.disabledPlans.includes(p.servicePlanId)).map((p) => p.servicePlanName);
  });

describe('the committed sample tenant', () => {
  it('is exactly what devtenant/tenant/sample.ts builds for its referenceDateTime (rerun it after changing the generator)', () => {
    const rebuilt = buildSample(reference);
    for (const c of COLLECTIONS) expect(raw(c), `${c}.json`).toEqual(JSON.parse(JSON.stringify(rebuilt[c])));
    expect(raw('relationships')).toEqual(JSON.parse(JSON.stringify(rebuilt.relationships)));
    expect(raw('devtenant')).toEqual(rebuilt.settings);
    expect(raw('authorizationPolicy')).toEqual(rebuilt.authorizationPolicy);
  });

  it('is Contoso with its domains, a federated one and an unverified one', () => {
    const org = data.organization[0]!;
    expect(org).toMatchObject({ id: 'db0a0aea-81ad-4375-b1ad-fc8ed0c1fee2', displayName: 'Contoso', onPremisesSyncEnabled: true });
    expect(ageDays(org.onPremisesLastSyncDateTime) * 24 * 60).toBeCloseTo(20, 5);
    expect(ageDays(org.onPremisesLastPasswordSyncDateTime) * 24 * 60).toBeCloseTo(2, 5);
    const domains = Object.fromEntries(data.domains.map((d) => [d.id, d]));
    expect(domains['contoso.onmicrosoft.com']).toMatchObject({ isInitial: true, isDefault: false, authenticationType: 'Managed' });
    expect(domains['contoso.com']).toMatchObject({ isDefault: true, authenticationType: 'Managed', isVerified: true });
    expect(domains['fabrikam.com']).toMatchObject({ authenticationType: 'Federated', isVerified: true });
    expect(data.domains.filter((d) => d.isVerified === false)).toHaveLength(1);
    expect((org.verifiedDomains as { name: string }[]).map((d) => d.name)).not.toContain('contoso-labs.com');
    expect(data.onPremisesSynchronization[0]!.features).toMatchObject({ passwordSyncEnabled: true, passwordWritebackEnabled: false });
  });

  it('has about 300 members, two thirds synced, with cloud-only, disabled, stale and guest accounts', () => {
    const members = data.users.filter((u) => u.userType === 'Member');
    const guests = data.users.filter((u) => u.userType === 'Guest');
    expect(members.length).toBeGreaterThanOrEqual(280);
    expect(members.length).toBeLessThanOrEqual(320);
    const synced = members.filter((u) => u.onPremisesSyncEnabled === true);
    expect(synced.length / members.length).toBeGreaterThan(0.6);
    expect(synced.length / members.length).toBeLessThan(0.75);
    expect(members.filter((u) => u.onPremisesSyncEnabled === null).length).toBe(members.length - synced.length);
    expect(synced.filter((u) => ageDays(u.onPremisesLastSyncDateTime) < 1 / 24).length).toBeGreaterThan(synced.length / 2);
    expect(synced.filter((u) => ageDays(u.onPremisesLastSyncDateTime) > 2).length).toBeGreaterThanOrEqual(3);
    expect(members.filter((u) => u.accountEnabled === false).length).toBeGreaterThanOrEqual(3);
    expect(guests.length).toBeGreaterThanOrEqual(10);
    expect(guests.every((g) => (g.userPrincipalName as string).includes('#EXT#@contoso.onmicrosoft.com'))).toBe(true);
    expect(guests.filter((g) => g.externalUserState === 'PendingAcceptance').length).toBeGreaterThanOrEqual(2);
    const errors = data.users.filter((u) => (u.onPremisesProvisioningErrors as unknown[]).length > 0);
    expect(errors.length).toBeGreaterThanOrEqual(4);
    const causes = new Set(errors.flatMap((u) => (u.onPremisesProvisioningErrors as { propertyCausingError: string }[]).map((e) => e.propertyCausingError)));
    expect([...causes].sort()).toEqual(['ProxyAddress', 'UserPrincipalName']);
  });

  it('gives every member a manager except the CEO and the emergency-access account', () => {
    const unmanaged = data.users.filter((u) => u.userType === 'Member' && !data.relationships.managers[u.id]).map((u) => u.jobTitle ?? u.userPrincipalName);
    expect(unmanaged.sort()).toEqual(['Chief Executive Officer', 'breakglass@contoso.onmicrosoft.com']);
  });
});

describe('personas', () => {
  it('exist with their fixed ids and UPNs', () => {
    for (const p of PERSONAS) {
      const expectedUpn = p.spec.userPrincipalName ?? `${p.spec.alias}@contoso.com`;
      expect(tenant.byId.get(p.spec.id)?.userPrincipalName, p.spec.alias).toBe(expectedUpn);
    }
    expect(user('patti@contoso.com').id).toBe('a1654470-4298-4ead-982e-41568d51deaa');
  });

  it('hold their directory roles (real role template ids)', () => {
    for (const r of data.directoryRoles) expect(roleByName(r.displayName as string)?.templateId).toBe(r.roleTemplateId);
    expect(rolesOf(user('patti@contoso.com').id)).toContain('Global Administrator');
    expect(rolesOf(user('megan@contoso.com').id).sort()).toEqual(['Global Reader', 'Reports Reader']);
    expect(rolesOf(user('diego@contoso.com').id).sort()).toEqual(['Directory Readers', 'Helpdesk Administrator']);
    expect(rolesOf(user('isaiah@contoso.com').id)).toEqual(['Helpdesk Administrator']);
    expect(rolesOf(user('miriam@contoso.com').id)).toEqual(['License Administrator']);
    expect(rolesOf(user('joni@contoso.com').id)).toEqual(['Application Administrator']);
    expect(rolesOf(user('lidia@contoso.com').id)).toEqual(['Hybrid Identity Administrator']);
    for (const upn of ['adele@contoso.com', 'alex@contoso.com', 'lee@contoso.com', 'johanna@contoso.com']) expect(rolesOf(user(upn).id), upn).toEqual([]);
  });

  it('Adele is the healthy account: enabled, synced recently, E3 with SharePoint, no errors, fresh password', () => {
    const adele = user('adele@contoso.com');
    expect(adele).toMatchObject({ accountEnabled: true, onPremisesSyncEnabled: true, onPremisesProvisioningErrors: [], jobTitle: 'Retail Manager' });
    expect(ageDays(adele.onPremisesLastSyncDateTime)).toBeLessThan(1 / 24);
    expect(ageDays(adele.lastPasswordChangeDateTime)).toBeLessThan(90);
    expect((adele.assignedLicenses as { skuId: string }[]).map((l) => l.skuId)).toEqual([sku('SPE_E3').skuId]);
    expect(plansOf(adele)).toContain('SHAREPOINTENTERPRISE');
  });

  it('Alex may not read other users; Grady is disabled; Lynne has an old on-premises password', () => {
    expect(data.settings.restrictedUsers).toEqual(['alex@contoso.com']);
    expect(data.authorizationPolicy!.defaultUserRolePermissions).toMatchObject({ allowedToReadOtherUsers: true });
    expect(user('grady@contoso.com')).toMatchObject({ accountEnabled: false, onPremisesSyncEnabled: true });
    const lynne = user('lynne@contoso.com');
    expect(lynne.onPremisesSyncEnabled).toBe(true);
    expect(ageDays(lynne.lastPasswordChangeDateTime)).toBeGreaterThan(90);
  });

  it('Lee is cloud-only and licensed only with a SKU that has no SharePoint plan', () => {
    const lee = user('lee@contoso.com');
    expect(lee.onPremisesSyncEnabled).toBeNull();
    expect((lee.assignedLicenses as { skuId: string }[]).map((l) => l.skuId)).toEqual([sku('EXCHANGESTANDARD').skuId]);
    expect(plansOf(lee)).toContain('EXCHANGE_S_STANDARD');
    expect(plansOf(lee).filter((p) => p.startsWith('SHAREPOINT'))).toEqual([]);
    expect((skuOf('EXCHANGESTANDARD').servicePlans as { servicePlanName: string }[]).some((p) => p.servicePlanName.startsWith('SHAREPOINT'))).toBe(false);
  });

  it('Johanna is licensed but not assigned to Salesforce, which requires assignment', () => {
    const salesforce = sp('Salesforce');
    expect(salesforce).toMatchObject({ appRoleAssignmentRequired: true, servicePrincipalType: 'Application', tags: ['WindowsAzureActiveDirectoryIntegratedApp'] });
    expect(salesforce.appOwnerOrganizationId).not.toBe(tenant.tenantId);
    const johanna = user('johanna@contoso.com');
    const assigned = data.appRoleAssignments.filter((a) => a.resourceId === salesforce.id);
    const principals = new Set(assigned.map((a) => a.principalId as string));
    const viaGroups = assigned.filter((a) => a.principalType === 'Group').flatMap((a) => data.relationships.members[a.principalId as string]!);
    expect(principals.has(user('christie@contoso.com').id)).toBe(true);
    expect(viaGroups).toContain(user('nadia@contoso.com').id);
    expect(principals.has(johanna.id) || viaGroups.includes(johanna.id)).toBe(false);
    expect(johanna.assignedLicenses).not.toEqual([]);
  });

  it("Nestor's proxy address conflicts with Nadia's", () => {
    const [error] = user('nestor@contoso.com').onPremisesProvisioningErrors as { category: string; propertyCausingError: string; value: string }[];
    expect(error).toMatchObject({ category: 'PropertyConflict', propertyCausingError: 'ProxyAddress', value: 'smtp:nwilke@contoso.com' });
    expect(user('nadia@contoso.com').proxyAddresses).toContain('smtp:nwilke@contoso.com');
    expect(user('nestor@contoso.com').proxyAddresses).not.toContain('smtp:nwilke@contoso.com');
  });
});

describe('apps and consent', () => {
  it('has about 40 app registrations, each with a service principal, credentials at every distance from expiry', () => {
    expect(data.applications.length).toBeGreaterThanOrEqual(35);
    expect(data.applications.length).toBeLessThanOrEqual(45);
    for (const a of data.applications) expect(tenant.servicePrincipalByAppId.get(a.appId as string), a.displayName as string).toBeDefined();
    const ends = data.applications.flatMap((a) => [...(a.passwordCredentials as { endDateTime: string }[]), ...(a.keyCredentials as { endDateTime: string }[])]).map((c) => -ageDays(c.endDateTime));
    expect(ends.some((d) => d < 0)).toBe(true);
    expect(ends.some((d) => d >= 0 && d <= 7)).toBe(true);
    expect(ends.some((d) => d > 7 && d <= 90)).toBe(true);
    expect(ends.some((d) => d > 365)).toBe(true);
    const hr = data.applications.find((a) => a.displayName === 'Contoso HR Portal')!;
    expect(data.relationships.owners[hr.id]).toEqual([user('joni@contoso.com').id]);
  });

  it('registers Tenant Desk for Teams SSO, and every member but the two new joiners consented to it', () => {
    const desk = data.applications.find((a) => a.displayName === 'Tenant Desk')!;
    expect(desk.identifierUris).toEqual([TENANT_DESK_APP_ID_URI]);
    const api = desk.api as { oauth2PermissionScopes: { value: string; id: string }[]; preAuthorizedApplications: { appId: string; delegatedPermissionIds: string[] }[] };
    expect(api.oauth2PermissionScopes.map((s) => s.value)).toEqual(['access_as_user']);
    expect(api.preAuthorizedApplications.map((p) => p.appId).sort()).toEqual(['1fec8e78-bce4-4aaf-ab1b-5451cc387264', '5e3ce6c0-2b1f-4285-8d4b-75ee78787346']);
    const grants = data.oauth2PermissionGrants.filter((g) => g.clientId === TENANT_DESK_SP_ID);
    expect(grants.every((g) => g.consentType === 'Principal' && g.resourceId === graphSp.id && g.scope === TENANT_DESK_CONSENTED_SCOPE)).toBe(true);
    const consented = new Set(grants.map((g) => g.principalId));
    const members = data.users.filter((u) => u.userType === 'Member');
    const missing = members.filter((u) => !consented.has(u.id)).map((u) => u.mailNickname);
    expect(missing.sort()).toEqual([...NOT_CONSENTED].sort());
    expect(grants).toHaveLength(members.length - NOT_CONSENTED.length);
  });

  it('Graph offers the scopes the bot asks for, plus mail and files permissions', () => {
    const scopes = (graphSp.oauth2PermissionScopes as { value: string }[]).map((s) => s.value);
    for (const s of [...TENANT_DESK_CONSENTED_SCOPE.split(' '), 'Mail.Read', 'Files.Read.All', 'Mail.Send', 'Sites.Read.All', 'openid', 'profile', 'offline_access']) expect(scopes).toContain(s);
    expect((graphSp.appRoles as { value: string; id: string }[]).find((r) => r.value === 'Mail.Read')!.id).toBe('810c84a8-4a9e-49e6-bf7d-12d183f40d01');
  });

  it('shows risky consent: an unverified PDF tool reads everyone\'s mail and files, an archiver holds Mail.Read as an application', () => {
    const quickPdf = sp('QuickPDF Converter Pro');
    expect(quickPdf.verifiedPublisher).toEqual({ displayName: null, verifiedPublisherId: null, addedDateTime: null });
    expect(data.oauth2PermissionGrants.find((g) => g.clientId === quickPdf.id)).toMatchObject({ consentType: 'AllPrincipals', principalId: null, resourceId: graphSp.id, scope: 'Mail.Read Files.Read.All offline_access' });
    const mailRead = data.appRoleAssignments.filter((a) => a.resourceId === graphSp.id && a.appRoleId === graphRoleId('Mail.Read'));
    expect(mailRead.map((a) => a.principalDisplayName)).toEqual(['Contoso Mail Archiver']);
  });

  it('"Dropbox" names both an enterprise app and a group', () => {
    expect(sp('Dropbox Business').appOwnerOrganizationId).not.toBe(tenant.tenantId);
    expect(groupMembers('Dropbox Users').length).toBeGreaterThan(3);
  });

  it('has the IT Help and Helpdesk teams for the Agents Playground', () => {
    const itHelp = data.groups.find((g) => g.id === SAMPLE_FIXED_IDS.itHelp)!;
    expect(itHelp).toMatchObject({ displayName: 'IT Help', groupTypes: ['Unified'], resourceProvisioningOptions: ['Team'] });
    const upns = (name: string): string[] => groupMembers(name).map((id) => tenant.byId.get(id)!.userPrincipalName as string);
    expect(upns('IT Help')).toEqual(expect.arrayContaining(['patti@contoso.com', 'megan@contoso.com', 'diego@contoso.com', 'isaiah@contoso.com', 'adele@contoso.com', 'alex@contoso.com']));
    expect(upns('Helpdesk').sort()).toEqual(['diego@contoso.com', 'isaiah@contoso.com', 'megan@contoso.com']);
  });
});

describe('licenses', () => {
  it('counts consumedUnits from the users, with E5 nearly gone and Visio over-assigned', () => {
    for (const s of data.subscribedSkus) {
      const holders = data.users.filter((u) => (u.assignedLicenses as { skuId: string }[]).some((l) => l.skuId === s.skuId));
      expect(s.consumedUnits, s.skuPartNumber as string).toBe(holders.length);
      expect(s.id).toBe(`${tenant.tenantId}_${s.skuId}`);
    }
    const e5 = skuOf('SPE_E5');
    expect((e5.prepaidUnits as { enabled: number }).enabled - (e5.consumedUnits as number)).toBe(2);
    const visio = skuOf('VISIOCLIENT');
    expect(visio.consumedUnits as number).toBeGreaterThan((visio.prepaidUnits as { enabled: number }).enabled);
    expect(skuOf('POWER_BI_PRO')).toMatchObject({ capabilityStatus: 'Warning' });
    expect((skuOf('POWER_BI_PRO').prepaidUnits as { warning: number }).warning).toBeGreaterThan(0);
    for (const part of ['SPE_E3', 'STANDARDPACK', 'EMS', 'FLOW_FREE']) expect(skuOf(part).skuId).toBe(sku(part).skuId);
  });

  it('lists the plans from the licensing table with ids derived from their names', () => {
    const e3 = skuOf('SPE_E3').servicePlans as { servicePlanId: string; servicePlanName: string; provisioningStatus: string; appliesTo: string }[];
    expect(e3.map((p) => p.servicePlanName)).toEqual(sku('SPE_E3').servicePlans);
    expect(e3.find((p) => p.servicePlanName === 'SHAREPOINTENTERPRISE')).toEqual({ servicePlanId: servicePlanId('SHAREPOINTENTERPRISE'), servicePlanName: 'SHAREPOINTENTERPRISE', provisioningStatus: 'Success', appliesTo: 'User' });
  });
});
