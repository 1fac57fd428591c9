// Tenant Desk's own registration in the tenant: the application (Teams SSO: app ID URI,
// access_as_user scope pre-authorized for the Teams clients; the Graph scopes it asks for) and its
// service principal. Every tenant the dev tenant serves has it, so the bot can sign in anywhere.
import type { GraphObject } from './types.ts';
import { GRAPH_APP_ID, TEAMS_DESKTOP_APP_ID, TEAMS_WEB_APP_ID, buildServicePrincipal, graphScopeId } from './microsoft-apps.ts';
import type { DirectoryContext } from './people.ts';
import { DAY, iso } from './time.ts';
import { REQUESTED_SCOPES } from '../../src/identity/scopes.ts';

export const TENANT_DESK_APP_ID = '17766803-da67-4b3a-867c-4fd0dde150b2';
export const TENANT_DESK_APP_ID_URI = `api://botid-${TENANT_DESK_APP_ID}`;
/** Sandbox only: the Entra emulator accepts it from devtenant.json clientSecrets. Not a real secret. */
export const TENANT_DESK_SANDBOX_SECRET = 'sandbox-only~TenantDesk-7f3c9a1e2b';
/** Fixed object ids, so fixtures and tests can name them. */
export const TENANT_DESK_APPLICATION_ID = '5c1f7a3e-2d84-4b6e-9a0f-3e7c8d21b945';
export const TENANT_DESK_SP_ID = '8b3e6d10-4c2a-4f7e-b1d9-0a6e5f24c378';
export const ACCESS_AS_USER_SCOPE_ID = 'c9a4d2e7-61b0-4e38-8f5a-2d7b9e0c1a46';

/**
 * The delegated Graph scopes the bot requests in its one OBO request — the bot's own list, so the
 * sample tenant's consent grants cover exactly what it asks (a test fails if the committed sample
 * tenant drifts from it).
 */
export const TENANT_DESK_GRAPH_SCOPES: readonly string[] = REQUESTED_SCOPES;

/** The scope string a consent grant to Graph records for Tenant Desk (space-separated, as Entra stores it). */
export const TENANT_DESK_CONSENTED_SCOPE = TENANT_DESK_GRAPH_SCOPES.join(' ');

export function tenantDeskApplication(ctx: DirectoryContext, ownerCreatedDaysAgo = 45): GraphObject {
  const created = ctx.now - ownerCreatedDaysAgo * DAY;
  return {
    id: TENANT_DESK_APPLICATION_ID,
    deletedDateTime: null,
    appId: TENANT_DESK_APP_ID,
    applicationTemplateId: null,
    disabledByMicrosoftStatus: null,
    createdDateTime: iso(created),
    displayName: 'Tenant Desk',
    description: 'Teams bot that answers questions about the Microsoft 365 tenant and its directory, as the person who asks.',
    groupMembershipClaims: null,
    identifierUris: [TENANT_DESK_APP_ID_URI],
    isDeviceOnlyAuthSupported: null,
    isFallbackPublicClient: null,
    notes: null,
    publisherDomain: ctx.domain,
    serviceManagementReference: null,
    signInAudience: 'AzureADMyOrg',
    tags: [],
    tokenEncryptionKeyId: null,
    defaultRedirectUri: null,
    addIns: [],
    api: {
      acceptMappedClaims: null,
      knownClientApplications: [],
      requestedAccessTokenVersion: 2,
      oauth2PermissionScopes: [
        {
          adminConsentDescription: 'Lets Teams call Tenant Desk as the signed-in user.',
          adminConsentDisplayName: 'Teams can access Tenant Desk as the user',
          id: ACCESS_AS_USER_SCOPE_ID,
          isEnabled: true,
          type: 'User',
          userConsentDescription: 'Lets Teams call Tenant Desk as you.',
          userConsentDisplayName: 'Teams can access Tenant Desk as you',
          value: 'access_as_user',
        },
      ],
      preAuthorizedApplications: [
        { appId: TEAMS_DESKTOP_APP_ID, delegatedPermissionIds: [ACCESS_AS_USER_SCOPE_ID] },
        { appId: TEAMS_WEB_APP_ID, delegatedPermissionIds: [ACCESS_AS_USER_SCOPE_ID] },
      ],
    },
    appRoles: [],
    info: { logoUrl: null, marketingUrl: null, privacyStatementUrl: null, supportUrl: null, termsOfServiceUrl: null },
    keyCredentials: [],
    optionalClaims: null,
    parentalControlSettings: { countriesBlockedForMinors: [], legalAgeGroupRule: 'Allow' },
    // The secret itself lives only in devtenant.json; Graph shows its metadata and a three-letter hint.
    passwordCredentials: [
      {
        customKeyIdentifier: null,
        displayName: 'Sandbox bot secret',
        endDateTime: iso(created + 730 * DAY),
        hint: TENANT_DESK_SANDBOX_SECRET.slice(0, 3),
        keyId: 'e2b7c6f1-9a3d-4c58-8e10-5f4a2b9d7c63',
        secretText: null,
        startDateTime: iso(created),
      },
    ],
    publicClient: { redirectUris: [] },
    requiredResourceAccess: [
      {
        resourceAppId: GRAPH_APP_ID,
        resourceAccess: [...TENANT_DESK_GRAPH_SCOPES, 'openid', 'profile', 'offline_access'].map((v) => ({ id: graphScopeId(v), type: 'Scope' })),
      },
    ],
    spa: { redirectUris: [] },
    verifiedPublisher: { displayName: null, verifiedPublisherId: null, addedDateTime: null },
    web: {
      homePageUrl: null,
      logoutUrl: null,
      // Bot Framework's token service, which the bot's OAuth connection uses in production.
      redirectUris: ['https://token.botframework.com/.auth/web/redirect'],
      implicitGrantSettings: { enableAccessTokenIssuance: false, enableIdTokenIssuance: false },
      redirectUriSettings: [{ uri: 'https://token.botframework.com/.auth/web/redirect', index: null }],
    },
  };
}

export function tenantDeskServicePrincipal(ctx: DirectoryContext): GraphObject {
  const app = tenantDeskApplication(ctx);
  return buildServicePrincipal({
    id: TENANT_DESK_SP_ID,
    appId: TENANT_DESK_APP_ID,
    displayName: 'Tenant Desk',
    appOwnerOrganizationId: ctx.tenantId,
    appDescription: app.description as string,
    servicePrincipalNames: [TENANT_DESK_APP_ID_URI, TENANT_DESK_APP_ID],
    oauth2PermissionScopes: (app.api as { oauth2PermissionScopes: unknown[] }).oauth2PermissionScopes,
    replyUrls: ['https://token.botframework.com/.auth/web/redirect'],
    signInAudience: 'AzureADMyOrg',
    tags: ['WindowsAzureActiveDirectoryIntegratedApp'],
  });
}
