// A small Graph-shaped tenant built in code, the Graph emulator serving it over HTTPS, and tokens
// minted the way the Entra emulator mints them. Shared by the Graph emulator's tests.
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { randomUUID } from 'node:crypto';
import type { Client } from '@microsoft/microsoft-graph-client';
import { createGraphHandler } from '../../../devtenant/graph/server.ts';
import { Faults } from '../../../devtenant/shared/faults.ts';
import { newSigningKey, signJwt, type SigningKey } from '../../../devtenant/shared/jwt.ts';
import { RequestLog } from '../../../devtenant/shared/request-log.ts';
import { schemaHooks } from '../../../devtenant/schema-report.ts';
import { indexTenant } from '../../../devtenant/tenant/load.ts';
import type { GraphObject, Tenant, TenantData } from '../../../devtenant/tenant/types.ts';
import { ensureTls } from '../../../devtenant/tls.ts';
import { graphClient } from '../../support/graph-sdk.ts';

export const TID = 'db0a0aea-81ad-4375-b1ad-fc8ed0c1fee2';
export const BOT_APP_ID = '17766803-da67-4b3a-867c-4fd0dde150b2';
export const BOT_SCOPES =
  'User.Read User.Read.All GroupMember.Read.All Application.Read.All Directory.Read.All LicenseAssignment.Read.All RoleManagement.Read.Directory Domain.Read.All OnPremDirectorySynchronization.Read.All AuditLog.Read.All openid profile offline_access';

export const SKU = { E3: '05e9a617-0261-4cee-bb44-138d3ef5d965', E5: '06ebc4ee-1bb5-47dd-8120-11324bc54e06' };
export const PLAN = { exchange: 'efb87545-963c-4e0d-99df-69c6916d9eb0', teams: '57ff2da0-773e-42df-b2af-ffb7a2317929', sharepoint: '5dbe027f-2339-4123-9542-606e4d348a72' };
export const ROLE_TEMPLATE = {
  globalAdmin: '62e90394-69f5-4237-9190-012177145e10',
  globalReader: 'f2ef992c-3afb-46b9-b7cf-a126ee74c451',
  directoryReaders: '88d8e3e3-8f55-4a1e-953a-9b9898b8876b',
  userAdmin: 'fe930be7-5e62-47db-91af-98c3a49a38b1',
};

/** Stable ids: 'u1' → '00000000-0000-4000-8000-0000000000u1' style, readable in failures. */
export const id = (n: number, kind = 1) => `${String(kind).padStart(8, '0')}-0000-4000-8000-${String(n).padStart(12, '0')}`;

export const U = {
  admin: id(1),
  reader: id(2),
  alice: id(3),
  bob: id(4),
  carol: id(5),
  dave: id(6),
  guest: id(7),
  sean: id(8),
  svc: id(9),
  erin: id(10),
  frank: id(11),
};
export const G = { sales: id(1, 2), salesEu: id(2, 2), helpdesk: id(3, 2), engineering: id(4, 2) };
export const A = { hr: id(1, 3), expenses: id(2, 3), box: id(3, 3) };
export const S = { hr: id(1, 4), graph: id(2, 4), bot: id(3, 4), expenses: id(4, 4) };
export const R = { ga: id(1, 5), gr: id(2, 5), dr: id(3, 5), ua: id(4, 5) };
export const APP_ID = { hr: 'a0000000-0000-4000-8000-000000000001', expenses: 'a0000000-0000-4000-8000-000000000002', box: 'a0000000-0000-4000-8000-000000000003', graph: '00000003-0000-0000-c000-000000000000' };

function user(o: Partial<GraphObject> & { id: string; displayName: string; userPrincipalName: string }): GraphObject {
  const [given, ...rest] = o.displayName.split(' ');
  return {
    businessPhones: [],
    givenName: given,
    surname: rest.join(' ') || null,
    jobTitle: null,
    mail: o.userPrincipalName.includes('#EXT#') ? null : o.userPrincipalName,
    mobilePhone: null,
    officeLocation: null,
    preferredLanguage: 'en-US',
    accountEnabled: true,
    userType: 'Member',
    assignedLicenses: [],
    proxyAddresses: [`SMTP:${o.userPrincipalName}`],
    createdDateTime: '2022-01-10T09:00:00Z',
    ...o,
  };
}

export function sampleData(): TenantData {
  const users: GraphObject[] = [
    user({ id: U.admin, displayName: 'Adele Admin', userPrincipalName: 'adele@contoso.com', jobTitle: 'IT Director', assignedLicenses: [{ skuId: SKU.E5, disabledPlans: [] }], signInActivity: { lastSignInDateTime: '2026-05-01T10:00:00Z', lastNonInteractiveSignInDateTime: '2026-05-02T10:00:00Z' } }),
    user({ id: U.reader, displayName: 'Grady Reader', userPrincipalName: 'grady@contoso.com', assignedLicenses: [{ skuId: SKU.E3, disabledPlans: [] }] }),
    user({
      id: U.alice,
      displayName: 'Alice Wong',
      userPrincipalName: 'alice@contoso.com',
      jobTitle: 'Account Manager',
      department: 'Sales',
      city: 'Seattle',
      onPremisesSyncEnabled: true,
      onPremisesLastSyncDateTime: '2026-05-03T08:00:00Z',
      onPremisesImmutableId: 'aW1tdXRhYmxlLWFsaWNl',
      onPremisesSamAccountName: 'awong',
      onPremisesDomainName: 'corp.contoso.com',
      onPremisesUserPrincipalName: 'awong@corp.contoso.com',
      assignedLicenses: [{ skuId: SKU.E3, disabledPlans: [PLAN.teams] }],
      proxyAddresses: ['SMTP:alice@contoso.com', 'smtp:alice.wong@contoso.com'],
      otherMails: ['alice@outlook.com'],
      signInActivity: { lastSignInDateTime: '2026-04-20T10:00:00Z' },
    }),
    user({ id: U.bob, displayName: 'Bob Kelly', userPrincipalName: 'bob@contoso.com', jobTitle: 'Sales Director', department: 'Sales', city: 'Redmond', assignedLicenses: [{ skuId: SKU.E5, disabledPlans: [] }], createdDateTime: '2021-03-01T09:00:00Z' }),
    user({ id: U.carol, displayName: 'Carol Diaz', userPrincipalName: 'carol@contoso.com', department: 'Support', onPremisesSyncEnabled: true, onPremisesLastSyncDateTime: '2026-01-03T08:00:00Z', assignedLicenses: [{ skuId: SKU.E3, disabledPlans: [] }] }),
    user({ id: U.dave, displayName: 'Dave Restricted', userPrincipalName: 'dave@contoso.com', assignedLicenses: [{ skuId: SKU.E3, disabledPlans: [] }] }),
    user({ id: U.guest, displayName: 'Gina Guest', userPrincipalName: 'gina_fabrikam.com#EXT#@contoso.onmicrosoft.com', userType: 'Guest', externalUserState: 'Accepted', mail: 'gina@fabrikam.com', createdDateTime: '2025-06-01T09:00:00Z' }),
    user({ id: U.sean, displayName: "Seán O'Brien", userPrincipalName: "sean.o'brien@contoso.com", department: 'R&D', onPremisesSyncEnabled: false }),
    user({ id: U.svc, displayName: 'Service Account', userPrincipalName: '$svc@contoso.com', accountEnabled: false, mail: null, proxyAddresses: [] }),
    user({
      id: U.erin,
      displayName: 'Erin Conflict',
      userPrincipalName: 'erin@contoso.com',
      onPremisesSyncEnabled: true,
      onPremisesLastSyncDateTime: '2026-05-03T08:00:00Z',
      onPremisesProvisioningErrors: [{ category: 'PropertyConflict', propertyCausingError: 'ProxyAddresses', value: 'smtp:alice@contoso.com', occurredDateTime: '2026-05-01T00:00:00Z' }],
    }),
    user({ id: U.frank, displayName: 'Frank Miller', userPrincipalName: 'frank@contoso.com', mail: 'frank@outlook.com', companyName: 'Microsoft', department: 'Sales' }),
  ];
  const groups: GraphObject[] = [
    { id: G.sales, displayName: 'Sales', description: 'Everyone in sales', mail: 'sales@contoso.com', mailEnabled: true, securityEnabled: false, groupTypes: ['Unified'], mailNickname: 'sales', visibility: 'Public', createdDateTime: '2020-01-01T00:00:00Z', proxyAddresses: ['SMTP:sales@contoso.com'] },
    { id: G.salesEu, displayName: 'Sales EU', description: 'Sales in Europe', mail: null, mailEnabled: false, securityEnabled: true, groupTypes: [], mailNickname: 'saleseu', onPremisesSyncEnabled: true, proxyAddresses: [] },
    { id: G.helpdesk, displayName: 'Helpdesk Admins', description: 'Role-assignable', mailEnabled: false, securityEnabled: true, groupTypes: [], mailNickname: 'helpdesk', isAssignableToRole: true, proxyAddresses: [] },
    { id: G.engineering, displayName: 'Engineering', description: 'Builders', mailEnabled: false, securityEnabled: true, groupTypes: [], mailNickname: 'eng', proxyAddresses: [] },
  ];
  const applications: GraphObject[] = [
    { id: A.hr, appId: APP_ID.hr, displayName: 'Contoso HR', signInAudience: 'AzureADMyOrg', createdDateTime: '2023-02-01T00:00:00Z', publisherDomain: 'contoso.com', tags: ['hr'], identifierUris: ['api://contoso-hr'], passwordCredentials: [{ keyId: id(1, 9), displayName: 'prod', endDateTime: '2026-06-01T00:00:00Z', startDateTime: '2024-06-01T00:00:00Z', hint: 'abc', customKeyIdentifier: null, secretText: null }], keyCredentials: [] },
    { id: A.expenses, appId: APP_ID.expenses, displayName: 'Contoso Expenses', signInAudience: 'AzureADMultipleOrgs', createdDateTime: '2024-07-01T00:00:00Z', publisherDomain: 'contoso.com', tags: [], identifierUris: [], passwordCredentials: [], keyCredentials: [] },
    { id: A.box, appId: APP_ID.box, displayName: 'Box Sync', signInAudience: 'AzureADMyOrg', createdDateTime: '2022-07-01T00:00:00Z', publisherDomain: 'box.com', tags: [], identifierUris: [], passwordCredentials: [], keyCredentials: [] },
  ];
  const servicePrincipals: GraphObject[] = [
    { id: S.hr, appId: APP_ID.hr, displayName: 'Contoso HR', servicePrincipalType: 'Application', accountEnabled: true, appOwnerOrganizationId: TID, servicePrincipalNames: [APP_ID.hr, 'api://contoso-hr'], tags: [], appRoleAssignmentRequired: false },
    { id: S.graph, appId: APP_ID.graph, displayName: 'Microsoft Graph', servicePrincipalType: 'Application', accountEnabled: true, appOwnerOrganizationId: 'f8cdef31-a31e-4b4a-93e4-5f571e91255a', servicePrincipalNames: [APP_ID.graph, 'https://graph.microsoft.com'], tags: [], appRoleAssignmentRequired: false },
    { id: S.bot, appId: BOT_APP_ID, displayName: 'Tenant Desk', servicePrincipalType: 'Application', accountEnabled: true, appOwnerOrganizationId: TID, servicePrincipalNames: [BOT_APP_ID], tags: ['WindowsAzureActiveDirectoryIntegratedApp'], appRoleAssignmentRequired: false },
    { id: S.expenses, appId: APP_ID.expenses, displayName: 'Contoso Expenses', servicePrincipalType: 'Application', accountEnabled: false, appOwnerOrganizationId: TID, servicePrincipalNames: [APP_ID.expenses], tags: [], appRoleAssignmentRequired: true },
  ];
  const directoryRoles: GraphObject[] = [
    { id: R.ga, displayName: 'Global Administrator', description: 'Can manage all aspects', roleTemplateId: ROLE_TEMPLATE.globalAdmin },
    { id: R.gr, displayName: 'Global Reader', description: 'Can read everything', roleTemplateId: ROLE_TEMPLATE.globalReader },
    { id: R.dr, displayName: 'Directory Readers', description: 'Can read basic directory information', roleTemplateId: ROLE_TEMPLATE.directoryReaders },
    { id: R.ua, displayName: 'User Administrator', description: 'Can manage users', roleTemplateId: ROLE_TEMPLATE.userAdmin },
  ];
  return {
    organization: [
      {
        id: TID,
        displayName: 'Contoso',
        onPremisesSyncEnabled: true,
        onPremisesLastSyncDateTime: '2026-05-03T08:00:00Z',
        onPremisesLastPasswordSyncDateTime: '2026-05-03T08:02:00Z',
        verifiedDomains: [
          { name: 'contoso.onmicrosoft.com', isDefault: false, isInitial: true, type: 'Managed', capabilities: 'Email, OfficeCommunicationsOnline' },
          { name: 'contoso.com', isDefault: true, isInitial: false, type: 'Federated', capabilities: 'Email' },
        ],
        tenantType: 'AAD',
      },
    ],
    users,
    groups,
    applications,
    servicePrincipals,
    subscribedSkus: [
      { id: `${TID}_${SKU.E3}`, skuId: SKU.E3, skuPartNumber: 'SPE_E3', capabilityStatus: 'Enabled', consumedUnits: 4, appliesTo: 'User', prepaidUnits: { enabled: 10, lockedOut: 0, suspended: 0, warning: 0 }, servicePlans: [{ servicePlanId: PLAN.exchange, servicePlanName: 'EXCHANGE_S_ENTERPRISE', provisioningStatus: 'Success', appliesTo: 'User' }, { servicePlanId: PLAN.teams, servicePlanName: 'TEAMS1', provisioningStatus: 'Success', appliesTo: 'User' }] },
      { id: `${TID}_${SKU.E5}`, skuId: SKU.E5, skuPartNumber: 'SPE_E5', capabilityStatus: 'Enabled', consumedUnits: 2, appliesTo: 'User', prepaidUnits: { enabled: 5, lockedOut: 0, suspended: 0, warning: 0 }, servicePlans: [{ servicePlanId: PLAN.sharepoint, servicePlanName: 'SHAREPOINTENTERPRISE', provisioningStatus: 'Success', appliesTo: 'User' }] },
    ],
    domains: [
      { id: 'contoso.onmicrosoft.com', authenticationType: 'Managed', isDefault: false, isInitial: true, isRoot: true, isVerified: true, supportedServices: ['Email'] },
      { id: 'contoso.com', authenticationType: 'Federated', isDefault: true, isInitial: false, isRoot: true, isVerified: true, supportedServices: ['Email', 'OfficeCommunicationsOnline'] },
    ],
    directoryRoles,
    oauth2PermissionGrants: [{ id: 'grant-bot-graph', clientId: S.bot, consentType: 'AllPrincipals', principalId: null, resourceId: S.graph, scope: 'User.Read User.Read.All Directory.Read.All' }],
    appRoleAssignments: [{ id: 'ara-hr-graph', appRoleId: 'df021288-bdef-4463-88db-98f22de89214', createdDateTime: '2024-01-01T00:00:00Z', principalDisplayName: 'Contoso HR', principalId: S.hr, principalType: 'ServicePrincipal', resourceDisplayName: 'Microsoft Graph', resourceId: S.graph }],
    onPremisesSynchronization: [{ id: TID, configuration: { accidentalDeletionPrevention: { synchronizationPreventionType: 'enabledForCount', alertThreshold: 500 } }, features: { passwordSyncEnabled: true, passwordWritebackEnabled: false } }],
    relationships: {
      members: {
        [G.sales]: [U.alice, U.bob, G.salesEu, S.hr],
        [G.salesEu]: [U.carol],
        [G.helpdesk]: [U.carol],
        [G.engineering]: [U.sean, U.svc],
        [R.ga]: [U.admin],
        [R.gr]: [U.reader],
        [R.dr]: [U.carol],
        [R.ua]: [G.helpdesk],
      },
      owners: { [A.hr]: [U.alice], [S.hr]: [U.alice], [G.sales]: [U.bob] },
      managers: { [U.alice]: U.bob, [U.carol]: U.bob, [U.bob]: U.admin },
    },
    settings: { clientSecrets: {}, restrictedUsers: [U.dave] },
    authorizationPolicy: { id: 'authorizationPolicy', displayName: 'Authorization Policy', defaultUserRolePermissions: { allowedToReadOtherUsers: true } },
  };
}

export function sampleTenant(data: TenantData = sampleData()): Tenant {
  return indexTenant('(in memory)', data);
}

export interface Emulator {
  baseUrl: string;
  ca: string;
  key: SigningKey;
  log: RequestLog;
  faults: Faults;
  tenant: Tenant;
  /** A delegated Graph token for a user (default: the bot's scopes). */
  token(oid: string, claims?: Record<string, unknown>): string;
  /** An app-only token with these application roles. */
  appToken(roles: string[], claims?: Record<string, unknown>): string;
  /** The real Graph SDK with the given token. */
  client(token: string, timeoutMs?: number): Client;
  close(): Promise<void>;
}

export async function startEmulator(tenant: Tenant = sampleTenant(), opts: { now?: () => Date } = {}): Promise<Emulator> {
  const tls = ensureTls();
  const key = newSigningKey();
  const log = new RequestLog();
  const faults = new Faults();
  let baseUrl = '';
  // The test run's schema self-check (DEVTENANT_SCHEMA_CHECK=1) covers this emulator as it covers startDevTenant's.
  const schema = schemaHooks(undefined);
  const checks = schema ? { onSchemaViolation: schema.onSchemaViolation, ...(schema.onSchemaChecked ? { onSchemaChecked: schema.onSchemaChecked } : {}) } : {};
  const server: Server = createServer({ cert: tls.cert, key: tls.key }, createGraphHandler({ tenant, keys: () => [key], baseUrl: () => baseUrl, faults, log, ...(opts.now ? { now: opts.now } : {}), ...checks }));
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  baseUrl = `https://localhost:${(server.address() as AddressInfo).port}`;
  const nowSec = () => Math.floor(Date.now() / 1000);
  const token = (oid: string, claims: Record<string, unknown> = {}) => {
    const u = tenant.byId.get(oid);
    return signJwt(
      {
        aud: 'https://graph.microsoft.com',
        iss: `https://sts.windows.net/${tenant.tenantId}/`,
        tid: tenant.tenantId,
        oid,
        sub: `sub-${oid}`,
        upn: u?.userPrincipalName,
        name: u?.displayName,
        scp: BOT_SCOPES,
        appid: BOT_APP_ID,
        idtyp: 'user',
        ver: '1.0',
        iat: nowSec(),
        nbf: nowSec(),
        exp: nowSec() + 3600,
        uti: randomUUID(),
        ...claims,
      },
      key,
    );
  };
  const appToken = (roles: string[], claims: Record<string, unknown> = {}) =>
    signJwt({ aud: 'https://graph.microsoft.com', iss: `https://sts.windows.net/${tenant.tenantId}/`, tid: tenant.tenantId, oid: S.bot, sub: S.bot, roles, appid: BOT_APP_ID, idtyp: 'app', ver: '1.0', iat: nowSec(), nbf: nowSec(), exp: nowSec() + 3600, uti: randomUUID(), ...claims }, key);
  return {
    baseUrl,
    ca: tls.ca,
    key,
    log,
    faults,
    tenant,
    token,
    appToken,
    client: (t, timeoutMs) => graphClient({ baseUrl, ca: tls.ca, accessToken: () => t, ...(timeoutMs ? { timeoutMs } : {}) }),
    close: () =>
      new Promise<void>((ok) => {
        server.closeAllConnections();
        server.close(() => {
          schema?.flush();
          ok();
        });
      }),
  };
}

/** A raw HTTPS request (no SDK), for wire-level assertions. */
export async function rawRequest(
  em: Emulator,
  path: string,
  init: { method?: string; headers?: Record<string, string>; body?: string; timeoutMs?: number } = {},
): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; text: string; json: () => unknown }> {
  const { request } = await import('node:https');
  return new Promise((ok, fail) => {
    const headers = { ...(init.headers ?? {}), ...(init.body !== undefined ? { 'Content-Length': String(Buffer.byteLength(init.body)) } : {}) };
    const req = request(`${em.baseUrl}${path}`, { method: init.method ?? 'GET', headers, ca: em.ca }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        ok({ status: res.statusCode ?? 0, headers: res.headers, text, json: () => JSON.parse(text) as unknown });
      });
    });
    if (init.timeoutMs) req.setTimeout(init.timeoutMs, () => req.destroy(new Error('timeout')));
    req.on('error', fail);
    if (init.body !== undefined) req.write(init.body);
    req.end();
  });
}
