// A small tenant built in code for the Entra and channel tests: each test file gets its own copy,
// so consent changes in one file cannot leak into another.
import { indexTenant } from '../../../devtenant/tenant/load.ts';
import type { Tenant, TenantData } from '../../../devtenant/tenant/types.ts';
import { GRAPH_APP_ID, TENANT_DESK_BOT_ID, TENANT_DESK_SCOPES } from '../../../devtenant/entra/well-known.ts';

export const TID = 'db0a0aea-81ad-4375-b1ad-fc8ed0c1fee2';
export const BOT_ID = TENANT_DESK_BOT_ID;
export const BOT_SECRET = 'sandbox-only~TenantDesk-7f3c9a1e2b';
export const HELPER_ID = '6b1f4d52-0a47-4b8e-9f0e-2f8d3c1a9e77';
export const HELPER_SECRET = 'helper-secret';

export const ids = {
  adele: '1e0bd9a4-5d47-4cbb-8b1a-3c1c0c7d2a01',
  henrietta: '1e0bd9a4-5d47-4cbb-8b1a-3c1c0c7d2a02',
  patti: '1e0bd9a4-5d47-4cbb-8b1a-3c1c0c7d2a03',
  megan: '1e0bd9a4-5d47-4cbb-8b1a-3c1c0c7d2a04',
  lee: '1e0bd9a4-5d47-4cbb-8b1a-3c1c0c7d2a05',
  botSp: '2a0bd9a4-5d47-4cbb-8b1a-3c1c0c7d2b01',
  graphSp: '2a0bd9a4-5d47-4cbb-8b1a-3c1c0c7d2b02',
  helperSp: '2a0bd9a4-5d47-4cbb-8b1a-3c1c0c7d2b03',
  itHelp: '3a0bd9a4-5d47-4cbb-8b1a-3c1c0c7d2c01',
  globalAdminRole: '4a0bd9a4-5d47-4cbb-8b1a-3c1c0c7d2d01',
  userReadAllRole: 'df021288-bdef-4463-88db-98f22de89214',
};

const user = (id: string, upn: string, displayName: string, extra: Record<string, unknown> = {}) => {
  const [givenName, surname] = displayName.split(' ');
  return { id, userPrincipalName: upn, displayName, givenName, surname, mail: upn, userType: 'Member', accountEnabled: true, ...extra };
};

export function smallTenant(): Tenant {
  const data: TenantData = {
    organization: [{ id: TID, displayName: 'Contoso', verifiedDomains: [{ name: 'contoso.com', isDefault: true }, { name: 'contoso.onmicrosoft.com', isInitial: true }] }],
    domains: [{ id: 'contoso.com', isVerified: true }, { id: 'contoso.onmicrosoft.com', isVerified: true }],
    users: [
      user(ids.adele, 'adele@contoso.com', 'Adele Vance'),
      user(ids.henrietta, 'henrietta@contoso.com', 'Henrietta Mueller'),
      user(ids.patti, 'patti@contoso.com', 'Patti Fernandez'),
      user(ids.megan, 'megan@contoso.com', 'Megan Bowen'),
      user(ids.lee, 'lee@contoso.com', 'Lee Gu', { accountEnabled: false }),
    ],
    groups: [{ id: ids.itHelp, displayName: 'IT Help', mailNickname: 'ithelp', resourceProvisioningOptions: ['Team'], groupTypes: ['Unified'] }],
    applications: [
      { id: 'a0000000-0000-0000-0000-000000000001', appId: BOT_ID, displayName: 'Tenant Desk', identifierUris: [`api://botid-${BOT_ID}`], web: { redirectUris: ['https://localhost/auth-end.html'] }, spa: { redirectUris: [] } },
      { id: 'a0000000-0000-0000-0000-000000000002', appId: HELPER_ID, displayName: 'Directory Reporter', identifierUris: [], web: { redirectUris: ['https://reporter.contoso.com/callback'] } },
    ],
    servicePrincipals: [
      { id: ids.botSp, appId: BOT_ID, displayName: 'Tenant Desk' },
      { id: ids.helperSp, appId: HELPER_ID, displayName: 'Directory Reporter' },
      {
        id: ids.graphSp,
        appId: GRAPH_APP_ID,
        displayName: 'Microsoft Graph',
        appRoles: [{ id: ids.userReadAllRole, value: 'User.Read.All', allowedMemberTypes: ['Application'] }],
        oauth2PermissionScopes: [...TENANT_DESK_SCOPES, 'Mail.Read'].map((value, i) => ({ id: `5a0bd9a4-0000-0000-0000-00000000000${i}`, value, type: 'Admin', userConsentDisplayName: `Consent text for ${value}` })),
      },
    ],
    subscribedSkus: [],
    directoryRoles: [{ id: ids.globalAdminRole, displayName: 'Global Administrator', roleTemplateId: '62e90394-69f5-4237-9190-012177145e10' }],
    oauth2PermissionGrants: [
      { id: 'grant-adele', clientId: ids.botSp, consentType: 'Principal', principalId: ids.adele, resourceId: ids.graphSp, scope: TENANT_DESK_SCOPES.join(' ') },
      { id: 'grant-patti', clientId: ids.botSp, consentType: 'Principal', principalId: ids.patti, resourceId: ids.graphSp, scope: ` ${TENANT_DESK_SCOPES.join(' ')} ` },
      { id: 'grant-megan-partial', clientId: ids.botSp, consentType: 'Principal', principalId: ids.megan, resourceId: ids.graphSp, scope: 'User.Read' },
    ],
    appRoleAssignments: [{ id: 'ara-1', appRoleId: ids.userReadAllRole, principalId: ids.helperSp, principalType: 'ServicePrincipal', resourceId: ids.graphSp }],
    onPremisesSynchronization: [],
    relationships: { members: { [ids.itHelp]: [ids.adele, ids.patti, ids.megan], [ids.globalAdminRole]: [ids.patti] }, owners: {}, managers: {} },
    settings: { clientSecrets: { [BOT_ID]: BOT_SECRET, [HELPER_ID]: HELPER_SECRET }, restrictedUsers: [] },
  };
  return indexTenant('(in memory)', data);
}
