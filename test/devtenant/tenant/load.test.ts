import { describe, expect, it } from 'vitest';
import { loadTenant, resolveTenantDir, sampleTenantDir } from '../../../devtenant/tenant/load.ts';
import { CONTOSO_TENANT_ID } from '../../../devtenant/tenant/generate.ts';
import { TENANT_DESK_APP_ID, TENANT_DESK_APPLICATION_ID, TENANT_DESK_SP_ID } from '../../../devtenant/tenant/tenant-desk.ts';
import { GRAPH_APP_ID } from '../../../devtenant/tenant/microsoft-apps.ts';
import { SAMPLE_FIXED_IDS } from '../../../devtenant/tenant/sample.ts';

const tenant = loadTenant('contoso');
const upn = (u: string): string => tenant.userByUpn.get(u)!.id;

describe('loadTenant on the sample tenant', () => {
  it('resolves "contoso" to the shipped folder and reads the tenant id', () => {
    expect(resolveTenantDir('contoso')).toBe(sampleTenantDir);
    expect(tenant.tenantId).toBe(CONTOSO_TENANT_ID);
    expect(tenant.data.settings.clientSecrets[TENANT_DESK_APP_ID]).toBe('sandbox-only~TenantDesk-7f3c9a1e2b');
  });

  it('indexes users by lower-cased UPN, guests included', () => {
    expect(tenant.userByUpn.get('patti@contoso.com')!.displayName).toBe('Patti Fernandez');
    expect(tenant.userByUpn.get('ben.walters_fabrikam.com#ext#@contoso.onmicrosoft.com')!.userType).toBe('Guest');
    expect(tenant.userByUpn.size).toBe(tenant.data.users.length);
  });

  it('indexes applications and service principals by appId', () => {
    expect(tenant.applicationByAppId.get(TENANT_DESK_APP_ID)!.id).toBe(TENANT_DESK_APPLICATION_ID);
    expect(tenant.servicePrincipalByAppId.get(TENANT_DESK_APP_ID)!.id).toBe(TENANT_DESK_SP_ID);
    expect(tenant.servicePrincipalByAppId.get(GRAPH_APP_ID)!.displayName).toBe('Microsoft Graph');
    expect(tenant.applicationByAppId.get(GRAPH_APP_ID)).toBeUndefined();
  });

  it('knows every directory object by id with its type, and every relationship points at one', () => {
    expect(tenant.typeOf(upn('adele@contoso.com'))).toBe('#microsoft.graph.user');
    expect(tenant.typeOf(SAMPLE_FIXED_IDS.itHelp)).toBe('#microsoft.graph.group');
    expect(tenant.typeOf(TENANT_DESK_SP_ID)).toBe('#microsoft.graph.servicePrincipal');
    expect(tenant.typeOf(TENANT_DESK_APPLICATION_ID)).toBe('#microsoft.graph.application');
    const { members, owners, managers } = tenant.data.relationships;
    const dangling = [
      ...Object.entries(members).flatMap(([k, v]) => [k, ...v]),
      ...Object.entries(owners).flatMap(([k, v]) => [k, ...v]),
      ...Object.entries(managers).flat(),
    ].filter((id) => !tenant.byId.has(id));
    expect(dangling).toEqual([]);
  });

  it('reverses memberships and management chains', () => {
    const patti = upn('patti@contoso.com');
    const roleNames = tenant.memberOf.get(patti)!.map((id) => tenant.byId.get(id)!.displayName);
    expect(roleNames).toEqual(expect.arrayContaining(['Global Administrator', 'IT Help', 'IT']));
    const reports = tenant.directReports.get(patti)!.map((id) => tenant.byId.get(id)!.userPrincipalName);
    expect(reports).toEqual(expect.arrayContaining(['megan@contoso.com', 'diego@contoso.com', 'isaiah@contoso.com', 'miriam@contoso.com', 'joni@contoso.com', 'lidia@contoso.com']));
    // Nested groups: the department security groups are members of All Staff.
    const allStaff = tenant.data.groups.find((g) => g.displayName === 'All Staff')!;
    expect(tenant.data.relationships.members[allStaff.id]!.every((id) => tenant.typeOf(id) === '#microsoft.graph.group')).toBe(true);
  });

  it('rejects a folder without organization.json', () => {
    expect(() => loadTenant('/nonexistent/tenant')).toThrow(/not a tenant folder/);
  });
});
