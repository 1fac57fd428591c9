// Microsoft first-party service principals every tenant has (Graph, Exchange, SharePoint, Teams …),
// with Graph's delegated permissions (oauth2PermissionScopes) and application permissions (appRoles).
// Permission ids are Microsoft's published ones (merill/microsoft-info GraphDelegateRoles.csv and
// GraphAppRoles, learn.microsoft.com permissions reference), except LicenseAssignment.Read.All,
// whose ids this project could not find in a citable source: those two are derived from the name.
import type { GraphObject } from './types.ts';
import { nameGuid } from './random.ts';

export const MICROSOFT_TENANT_ID = 'f8cdef31-a31e-4b4a-93e4-5f571e91255a';
export const GRAPH_APP_ID = '00000003-0000-0000-c000-000000000000';

interface GraphPermission {
  value: string;
  /** Delegated permission id, with its consent type and admin-facing text. */
  scope?: { id: string; type: 'User' | 'Admin'; name: string; description: string };
  /** Application permission (app role) id and text. */
  role?: { id: string; name: string; description: string };
}

const derived = (kind: string, value: string): string => nameGuid(`microsoft.graph.${kind}:${value}`);

export const GRAPH_PERMISSIONS: readonly GraphPermission[] = [
  { value: 'User.Read', scope: { id: 'e1fe6dd8-ba31-4d61-89e7-88639da4683d', type: 'User', name: 'Sign in and read user profile', description: 'Allows users to sign-in to the app, and allows the app to read the profile of signed-in users. It also allows the app to read basic company information of signed-in users.' } },
  { value: 'User.ReadBasic.All', scope: { id: 'b340eb25-3456-403f-be2f-af7a0d370277', type: 'User', name: "Read all users' basic profiles", description: 'Allows the app to read a basic set of profile properties of other users in your organization on behalf of the signed-in user.' } },
  {
    value: 'User.Read.All',
    scope: { id: 'a154be20-db9c-4678-8ab7-66f6cc099a59', type: 'Admin', name: "Read all users' full profiles", description: 'Allows the app to read the full set of profile properties, reports, and managers of other users in your organization, on behalf of the signed-in user.' },
    role: { id: 'df021288-bdef-4463-88db-98f22de89214', name: "Read all users' full profiles", description: 'Allows the app to read user profiles without a signed in user.' },
  },
  {
    value: 'Group.Read.All',
    scope: { id: '5f8c59db-677d-491f-a6b8-5f174b11ec1d', type: 'Admin', name: 'Read all groups', description: 'Allows the app to list groups, and to read their properties and all group memberships on behalf of the signed-in user.' },
    role: { id: '5b567255-7703-4780-807c-7be8301ae99b', name: 'Read all groups', description: 'Allows the app to read group properties and memberships, and read conversations for all groups, without a signed-in user.' },
  },
  {
    value: 'GroupMember.Read.All',
    scope: { id: 'bc024368-1153-4739-b217-4326f2e966d0', type: 'Admin', name: 'Read group memberships', description: 'Allows the app to list groups, read basic group properties and read membership of all groups the signed-in user has access to.' },
    role: { id: '98830695-27a2-44f7-8c18-0c3ebc9698f6', name: 'Read all group memberships', description: 'Allows the app to read memberships and basic group properties for all groups without a signed-in user.' },
  },
  {
    value: 'Application.Read.All',
    scope: { id: 'c79f8feb-a9db-4090-85f9-90d820caa0eb', type: 'Admin', name: 'Read applications', description: 'Allows the app to read applications and service principals on behalf of the signed-in user.' },
    role: { id: '9a5d68dd-52b0-4cc2-bd40-abcf44ac3a30', name: 'Read all applications', description: 'Allows the app to read all applications and service principals without a signed-in user.' },
  },
  {
    value: 'Directory.Read.All',
    scope: { id: '06da0dbc-49e2-44d2-8312-53f166ab848a', type: 'Admin', name: 'Read directory data', description: "Allows the app to read data in your organization's directory, such as users, groups and apps." },
    role: { id: '7ab1d382-f21e-4acd-a863-ba3e13f7da61', name: 'Read directory data', description: "Allows the app to read data in your organization's directory, such as users, groups and apps, without a signed-in user." },
  },
  {
    value: 'LicenseAssignment.Read.All',
    scope: { id: derived('scope', 'LicenseAssignment.Read.All'), type: 'Admin', name: 'Read all license assignments', description: 'Allows an app to read license assignments for users and groups, on behalf of the signed-in user.' },
    role: { id: derived('role', 'LicenseAssignment.Read.All'), name: 'Read all license assignments', description: 'Allows an app to read license assignments for users and groups, without a signed-in user.' },
  },
  {
    value: 'RoleManagement.Read.Directory',
    scope: { id: '741c54c3-0c1e-44a1-818b-3f97ab4e8c83', type: 'Admin', name: 'Read directory RBAC settings', description: "Allows the app to read the role-based access control (RBAC) settings for your company's directory, on behalf of the signed-in user." },
    role: { id: '483bed4a-2ad3-4361-a73b-c83ccdbdc53c', name: 'Read all directory RBAC settings', description: "Allows the app to read the role-based access control (RBAC) settings for your company's directory, without a signed-in user." },
  },
  {
    value: 'Domain.Read.All',
    scope: { id: '2f9ee017-59c1-4f1d-9472-bd5529a7b311', type: 'Admin', name: 'Read domains.', description: 'Allows the app to read all domain properties on behalf of the signed-in user.' },
    role: { id: 'dbb9058a-0e50-45d7-ae91-66909b5d4664', name: 'Read domains', description: 'Allows the app to read all domain properties without a signed-in user.' },
  },
  {
    value: 'OnPremDirectorySynchronization.Read.All',
    scope: { id: 'f6609722-4100-44eb-b747-e6ca0536989d', type: 'Admin', name: 'Read all on-premises directory synchronization information', description: 'Allows the app to read all on-premises directory synchronization information for the organization, on behalf of the signed-in user.' },
    role: { id: 'bb70e231-92dc-4729-aff5-697b3f04be95', name: 'Read all on-premises directory synchronization information', description: 'Allows the app to read all on-premises directory synchronization information for the organization, without a signed-in user.' },
  },
  {
    value: 'AuditLog.Read.All',
    scope: { id: 'e4c9e354-4dc5-45b8-9e7c-e1393b0b1a20', type: 'Admin', name: 'Read audit log data', description: 'Allows the app to read and query your audit log activities, on behalf of the signed-in user.' },
    role: { id: 'b0afded3-3588-46d8-8b3d-9842eff778da', name: 'Read all audit log data', description: 'Allows the app to read and query your audit log activities, without a signed-in user.' },
  },
  {
    value: 'Organization.Read.All',
    scope: { id: '4908d5b9-3fb2-4b1e-9336-1888b7937185', type: 'Admin', name: 'Read organization information', description: 'Allows the app to read the organization and related resources, on behalf of the signed-in user.' },
    role: { id: '498476ce-e0fe-48b0-b801-37ba7e2685c6', name: 'Read organization information', description: 'Allows the app to read the organization and related resources, without a signed-in user.' },
  },
  {
    value: 'Mail.Read',
    scope: { id: '570282fd-fa5c-430d-a7fd-fc8dc98a9dca', type: 'User', name: 'Read user mail', description: "Allows the app to read the signed-in user's mailbox." },
    role: { id: '810c84a8-4a9e-49e6-bf7d-12d183f40d01', name: 'Read mail in all mailboxes', description: 'Allows the app to read mail in all mailboxes without a signed-in user.' },
  },
  {
    value: 'Mail.Send',
    scope: { id: 'e383f46e-2787-4529-855e-0e479a3ffac0', type: 'User', name: 'Send mail as a user', description: 'Allows the app to send mail as users in the organization.' },
    role: { id: 'b633e1c5-b582-4048-a93e-9f11b44c7e96', name: 'Send mail as any user', description: 'Allows the app to send mail as any user without a signed-in user.' },
  },
  {
    value: 'Files.Read.All',
    scope: { id: 'df85f4d6-205c-4ac5-a5ea-6bf408dba283', type: 'User', name: 'Read all files that user can access', description: 'Allows the app to read all files the signed-in user can access.' },
    role: { id: '01d4889c-1287-42c6-ac1f-5d1e02578ef6', name: 'Read files in all site collections', description: 'Allows the app to read all files in all site collections without a signed in user.' },
  },
  {
    value: 'Sites.Read.All',
    scope: { id: '205e70e5-aba6-4c52-a976-6d2d46c48043', type: 'User', name: 'Read items in all site collections', description: 'Allows the application to read documents and list items in all site collections on behalf of the signed-in user.' },
    role: { id: '332a536c-c7ef-4017-ab91-336970924f0d', name: 'Read items in all site collections', description: 'Allows the app to read documents and list items in all site collections without a signed in user.' },
  },
  { value: 'offline_access', scope: { id: '7427e0e9-2fba-42fe-b0c0-848c9e6a8182', type: 'User', name: 'Maintain access to data you have given it access to', description: 'Allows the app to see and update the data you gave it access to, even when users are not currently using the app.' } },
  { value: 'openid', scope: { id: '37f7f235-527c-4136-accd-4a02d197296e', type: 'User', name: 'Sign users in', description: 'Allows users to sign in to the app with their work or school accounts and allows the app to see basic user profile information.' } },
  { value: 'profile', scope: { id: '14dad69e-099b-42c9-810b-d002981feec1', type: 'User', name: "View users' basic profile", description: "Allows the app to see your users' basic profile (e.g., name, picture, user name, email address)" } },
  { value: 'email', scope: { id: '64a6cdd6-aab1-4aaf-94b8-3cc8405e90d0', type: 'User', name: "View users' email address", description: "Allows the app to read your users' primary email address" } },
];

const byValue = new Map(GRAPH_PERMISSIONS.map((p) => [p.value, p]));

/** Graph's delegated permission id for a scope value (User.Read → e1fe6dd8-…). */
export function graphScopeId(value: string): string {
  const id = byValue.get(value)?.scope?.id;
  if (!id) throw new Error(`no delegated Graph permission ${value} in microsoft-apps.ts`);
  return id;
}

/** Graph's application permission (app role) id (Mail.Read → 810c84a8-…). */
export function graphRoleId(value: string): string {
  const id = byValue.get(value)?.role?.id;
  if (!id) throw new Error(`no Graph application permission ${value} in microsoft-apps.ts`);
  return id;
}

export function graphRoleValue(id: string): string | undefined {
  return GRAPH_PERMISSIONS.find((p) => p.role?.id === id)?.value;
}

const EMPTY_PUBLISHER = { displayName: null, verifiedPublisherId: null, addedDateTime: null };

export interface ServicePrincipalSpec {
  id: string;
  appId: string;
  displayName: string;
  appOwnerOrganizationId: string | null;
  servicePrincipalNames?: string[];
  appRoles?: unknown[];
  oauth2PermissionScopes?: unknown[];
  appRoleAssignmentRequired?: boolean;
  tags?: string[];
  homepage?: string | null;
  replyUrls?: string[];
  signInAudience?: string;
  verifiedPublisher?: { displayName: string | null; verifiedPublisherId: string | null; addedDateTime: string | null };
  preferredSingleSignOnMode?: string | null;
  notificationEmailAddresses?: string[];
  appDescription?: string | null;
  info?: Record<string, string | null>;
  keyCredentials?: unknown[];
  passwordCredentials?: unknown[];
  accountEnabled?: boolean;
  description?: string | null;
  notes?: string | null;
}

/** A servicePrincipal with every v1.0 property, defaults as Entra fills them. */
export function buildServicePrincipal(s: ServicePrincipalSpec): GraphObject {
  return {
    id: s.id,
    deletedDateTime: null,
    accountEnabled: s.accountEnabled ?? true,
    alternativeNames: [],
    appDescription: s.appDescription ?? null,
    appDisplayName: s.displayName,
    appId: s.appId,
    applicationTemplateId: null,
    appOwnerOrganizationId: s.appOwnerOrganizationId,
    appRoleAssignmentRequired: s.appRoleAssignmentRequired ?? false,
    description: s.description ?? null,
    disabledByMicrosoftStatus: null,
    displayName: s.displayName,
    homepage: s.homepage ?? null,
    loginUrl: null,
    logoutUrl: null,
    notes: s.notes ?? null,
    notificationEmailAddresses: s.notificationEmailAddresses ?? [],
    preferredSingleSignOnMode: s.preferredSingleSignOnMode ?? null,
    preferredTokenSigningKeyThumbprint: null,
    replyUrls: s.replyUrls ?? [],
    servicePrincipalNames: s.servicePrincipalNames ?? [s.appId],
    servicePrincipalType: 'Application',
    signInAudience: s.signInAudience ?? 'AzureADMultipleOrgs',
    tags: s.tags ?? [],
    tokenEncryptionKeyId: null,
    samlSingleSignOnSettings: null,
    addIns: [],
    appRoles: s.appRoles ?? [],
    info: s.info ?? { logoUrl: null, marketingUrl: null, privacyStatementUrl: null, supportUrl: null, termsOfServiceUrl: null },
    keyCredentials: s.keyCredentials ?? [],
    oauth2PermissionScopes: s.oauth2PermissionScopes ?? [],
    passwordCredentials: s.passwordCredentials ?? [],
    resourceSpecificApplicationPermissions: [],
    verifiedPublisher: s.verifiedPublisher ?? EMPTY_PUBLISHER,
  };
}

function graphScopes(): unknown[] {
  return GRAPH_PERMISSIONS.filter((p) => p.scope).map((p) => ({
    adminConsentDescription: p.scope!.description,
    adminConsentDisplayName: p.scope!.name,
    id: p.scope!.id,
    isEnabled: true,
    type: p.scope!.type,
    userConsentDescription: p.scope!.description.replace('the signed-in user', 'you'),
    userConsentDisplayName: p.scope!.name,
    value: p.value,
  }));
}

function graphRoles(): unknown[] {
  return GRAPH_PERMISSIONS.filter((p) => p.role).map((p) => ({
    allowedMemberTypes: ['Application'],
    description: p.role!.description,
    displayName: p.role!.name,
    id: p.role!.id,
    isEnabled: true,
    origin: 'Application',
    value: p.value,
  }));
}

/** Object ids of the first-party service principals in this tenant. */
export interface MicrosoftSpIds {
  graph: string;
  exchange: string;
  sharePoint: string;
  teams: string;
  teamsWeb: string;
  teamsServices: string;
  azureAdGraph: string;
  graphCommandLineTools: string;
  graphExplorer: string;
}

export const TEAMS_DESKTOP_APP_ID = '1fec8e78-bce4-4aaf-ab1b-5451cc387264';
export const TEAMS_WEB_APP_ID = '5e3ce6c0-2b1f-4285-8d4b-75ee78787346';
export const GRAPH_COMMAND_LINE_TOOLS_APP_ID = '14d82eec-204b-4c2f-b7e8-296a70dab67e';
export const GRAPH_EXPLORER_APP_ID = 'de8bc8b5-d9f9-48b1-a8ad-b748da725064';

export function microsoftServicePrincipals(ids: MicrosoftSpIds): GraphObject[] {
  const ms = MICROSOFT_TENANT_ID;
  return [
    buildServicePrincipal({
      id: ids.graph,
      appId: GRAPH_APP_ID,
      displayName: 'Microsoft Graph',
      appOwnerOrganizationId: ms,
      servicePrincipalNames: ['https://graph.microsoft.com', 'https://canary.graph.microsoft.com', 'https://graph.microsoft.us', 'https://dod-graph.microsoft.us', 'https://ags.windows.net', `${GRAPH_APP_ID}/ags.windows.net`, GRAPH_APP_ID],
      appRoles: graphRoles(),
      oauth2PermissionScopes: graphScopes(),
    }),
    buildServicePrincipal({
      id: ids.exchange,
      appId: '00000002-0000-0ff1-ce00-000000000000',
      displayName: 'Office 365 Exchange Online',
      appOwnerOrganizationId: ms,
      servicePrincipalNames: ['https://outlook.office365.com/', 'https://outlook.office.com', '00000002-0000-0ff1-ce00-000000000000/outlook.office.com', '00000002-0000-0ff1-ce00-000000000000'],
    }),
    buildServicePrincipal({
      id: ids.sharePoint,
      appId: '00000003-0000-0ff1-ce00-000000000000',
      displayName: 'Office 365 SharePoint Online',
      appOwnerOrganizationId: ms,
      servicePrincipalNames: ['00000003-0000-0ff1-ce00-000000000000/*.sharepoint.com', 'https://microsoft.sharepoint-df.com', '00000003-0000-0ff1-ce00-000000000000'],
    }),
    buildServicePrincipal({ id: ids.teams, appId: TEAMS_DESKTOP_APP_ID, displayName: 'Microsoft Teams', appOwnerOrganizationId: ms }),
    buildServicePrincipal({ id: ids.teamsWeb, appId: TEAMS_WEB_APP_ID, displayName: 'Microsoft Teams Web Client', appOwnerOrganizationId: ms }),
    buildServicePrincipal({ id: ids.teamsServices, appId: 'cc15fd57-2c6c-4117-a88c-83b1d56b4bbe', displayName: 'Microsoft Teams Services', appOwnerOrganizationId: ms }),
    buildServicePrincipal({
      id: ids.azureAdGraph,
      appId: '00000002-0000-0000-c000-000000000000',
      displayName: 'Windows Azure Active Directory',
      appOwnerOrganizationId: ms,
      servicePrincipalNames: ['https://graph.windows.net', '00000002-0000-0000-c000-000000000000/graph.windows.net', '00000002-0000-0000-c000-000000000000'],
    }),
    buildServicePrincipal({ id: ids.graphCommandLineTools, appId: GRAPH_COMMAND_LINE_TOOLS_APP_ID, displayName: 'Microsoft Graph Command Line Tools', appOwnerOrganizationId: ms }),
    buildServicePrincipal({ id: ids.graphExplorer, appId: GRAPH_EXPLORER_APP_ID, displayName: 'Graph Explorer', appOwnerOrganizationId: ms }),
  ];
}
