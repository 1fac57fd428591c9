// App registrations (applications) and their service principals, with owners, secrets and
// certificates that expire at every distance from now (expired, this week, this quarter, years
// out), the Graph permissions they ask for, and the consent or app-role grants they hold.
import type { GraphObject } from './types.ts';
import type { Random } from './random.ts';
import type { DirectoryContext } from './people.ts';
import { GRAPH_APP_ID, buildServicePrincipal, graphRoleId, graphScopeId } from './microsoft-apps.ts';
import { DAY, MINUTE, iso } from './time.ts';

export interface CredentialSpec {
  kind: 'secret' | 'certificate';
  /** Days from now to expiry: negative means already expired. */
  endDays: number;
  /** Validity at creation, in days. */
  lifetimeDays?: number;
  displayName?: string;
}

const ALPHANUMERIC = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

export function passwordCredential(c: CredentialSpec, ctx: DirectoryContext, rng: Random): Record<string, unknown> {
  const end = ctx.now + c.endDays * DAY + rng.int(0, 23 * 60) * MINUTE;
  const start = end - (c.lifetimeDays ?? 365) * DAY;
  let hint = '';
  for (let i = 0; i < 3; i++) hint += ALPHANUMERIC[rng.int(0, ALPHANUMERIC.length - 1)];
  return { customKeyIdentifier: null, displayName: c.displayName ?? null, endDateTime: iso(end), hint, keyId: rng.guid(), secretText: null, startDateTime: iso(start) };
}

export function keyCredential(c: CredentialSpec, ctx: DirectoryContext, rng: Random, subject: string): Record<string, unknown> {
  const end = ctx.now + c.endDays * DAY + rng.int(0, 23 * 60) * MINUTE;
  const start = end - (c.lifetimeDays ?? 730) * DAY;
  return {
    // Graph returns the certificate thumbprint here (base64); the key itself only on $select=keyCredentials.
    customKeyIdentifier: Buffer.from(rng.bytes(20)).toString('base64'),
    displayName: c.displayName ?? `CN=${subject}`,
    endDateTime: iso(end),
    key: null,
    keyId: rng.guid(),
    startDateTime: iso(start),
    type: 'AsymmetricX509Cert',
    usage: 'Verify',
  };
}

export interface ApplicationSpec {
  id: string;
  appId: string;
  displayName: string;
  description?: string | null;
  signInAudience: 'AzureADMyOrg' | 'AzureADMultipleOrgs' | 'AzureADandPersonalMicrosoftAccount';
  createdDaysAgo: number;
  credentials: CredentialSpec[];
  /** Delegated Graph scopes it asks for. */
  graphScopes: string[];
  /** Graph application permissions it asks for. */
  graphRoles?: string[];
  kind: 'web' | 'spa' | 'public' | 'daemon';
  homepage?: string;
  exposesApi?: boolean;
  notes?: string | null;
  /** Apps registered before the custom domain was verified show the initial domain. */
  publisherDomain?: string;
}

export function buildApplication(a: ApplicationSpec, ctx: DirectoryContext, rng: Random): GraphObject {
  const host = `${a.displayName.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '')}.${ctx.domain}`;
  const redirect = a.kind === 'web' ? [`https://${host}/signin-oidc`] : [];
  const resourceAccess = [...a.graphScopes.map((s) => ({ id: graphScopeId(s), type: 'Scope' })), ...(a.graphRoles ?? []).map((r) => ({ id: graphRoleId(r), type: 'Role' }))];
  return {
    id: a.id,
    deletedDateTime: null,
    appId: a.appId,
    applicationTemplateId: null,
    disabledByMicrosoftStatus: null,
    createdDateTime: iso(ctx.now - a.createdDaysAgo * DAY - rng.int(0, 600) * MINUTE),
    displayName: a.displayName,
    description: a.description ?? null,
    groupMembershipClaims: null,
    identifierUris: a.exposesApi ? [`api://${a.appId}`] : [],
    isDeviceOnlyAuthSupported: null,
    isFallbackPublicClient: a.kind === 'public' ? true : null,
    notes: a.notes ?? null,
    publisherDomain: a.publisherDomain ?? ctx.domain,
    serviceManagementReference: null,
    signInAudience: a.signInAudience,
    tags: [],
    tokenEncryptionKeyId: null,
    defaultRedirectUri: null,
    addIns: [],
    api: {
      acceptMappedClaims: null,
      knownClientApplications: [],
      requestedAccessTokenVersion: a.signInAudience === 'AzureADandPersonalMicrosoftAccount' ? 2 : null,
      oauth2PermissionScopes: a.exposesApi
        ? [
            {
              adminConsentDescription: `Allow the application to access ${a.displayName} on behalf of the signed-in user.`,
              adminConsentDisplayName: `Access ${a.displayName}`,
              id: rng.guid(),
              isEnabled: true,
              type: 'User',
              userConsentDescription: `Allow the application to access ${a.displayName} on your behalf.`,
              userConsentDisplayName: `Access ${a.displayName}`,
              value: 'user_impersonation',
            },
          ]
        : [],
      preAuthorizedApplications: [],
    },
    appRoles: [],
    info: { logoUrl: null, marketingUrl: null, privacyStatementUrl: null, supportUrl: null, termsOfServiceUrl: null },
    keyCredentials: a.credentials.filter((c) => c.kind === 'certificate').map((c) => keyCredential(c, ctx, rng, host)),
    optionalClaims: null,
    parentalControlSettings: { countriesBlockedForMinors: [], legalAgeGroupRule: 'Allow' },
    passwordCredentials: a.credentials.filter((c) => c.kind === 'secret').map((c) => passwordCredential(c, ctx, rng)),
    publicClient: { redirectUris: a.kind === 'public' ? ['msauth.com.contoso.app://auth', 'http://localhost'] : [] },
    requiredResourceAccess: resourceAccess.length ? [{ resourceAppId: GRAPH_APP_ID, resourceAccess }] : [],
    spa: { redirectUris: a.kind === 'spa' ? [`https://${host}/`] : [] },
    verifiedPublisher: { displayName: null, verifiedPublisherId: null, addedDateTime: null },
    web: {
      homePageUrl: a.homepage ?? (a.kind === 'web' ? `https://${host}/` : null),
      logoutUrl: null,
      redirectUris: redirect,
      implicitGrantSettings: { enableAccessTokenIssuance: false, enableIdTokenIssuance: false },
      redirectUriSettings: redirect.map((uri) => ({ uri, index: null })),
    },
  };
}

/** The enterprise-app side of an app registered in this tenant. */
export function servicePrincipalFor(app: GraphObject, ctx: DirectoryContext, spId: string, appRoleAssignmentRequired = false): GraphObject {
  const web = app.web as { homePageUrl: string | null; redirectUris: string[] };
  return buildServicePrincipal({
    id: spId,
    appId: app.appId as string,
    displayName: app.displayName as string,
    appOwnerOrganizationId: ctx.tenantId,
    appDescription: (app.description as string | null) ?? null,
    servicePrincipalNames: [...(app.identifierUris as string[]), app.appId as string],
    oauth2PermissionScopes: (app.api as { oauth2PermissionScopes: unknown[] }).oauth2PermissionScopes,
    appRoles: app.appRoles as unknown[],
    appRoleAssignmentRequired,
    homepage: web.homePageUrl,
    replyUrls: web.redirectUris,
    signInAudience: app.signInAudience as string,
    tags: ['WindowsAzureActiveDirectoryIntegratedApp'],
  });
}

const TEAMS = ['Finance', 'HR', 'Sales', 'Marketing', 'IT', 'Engineering', 'Retail', 'Support', 'Legal', 'Operations', 'Data', 'Security'];
const SUBJECTS = [
  'Expense', 'Timesheet', 'Payroll', 'Inventory', 'CRM Sync', 'Data Lake', 'Intranet', 'Onboarding', 'Procurement', 'Forecasting', 'Ticketing',
  'Asset Tracker', 'Contract Review', 'Store Ops', 'Badge Access', 'Learning', 'Travel Booking', 'Survey', 'Reporting', 'Backup', 'Mailer',
  'Scheduler', 'Invoice', 'Catalog', 'Pricing', 'Analytics', 'Audit', 'Archive', 'Telemetry', 'Chatbot', 'Document Signing', 'Kiosk',
];
const SUFFIXES = ['Portal', 'API', 'Service', 'Connector', 'Bot', 'Dashboard', 'Automation', 'Sync', 'Web', 'Mobile', 'Function', 'Worker'];
const ENVIRONMENTS = ['', '', '', ' (Dev)', ' (Test)', ' - Staging', ' Prod'];
const SECRET_NAMES = ['CI/CD pipeline', 'Production', 'Created by Terraform', 'rotation', 'Key Vault sync', 'local dev', null];

/** Expiry in days from now: expired, within a week, within a quarter, or later. */
function credentialEndDays(rng: Random): number {
  return rng.weighted([
    [rng.int(-400, -1), 8],
    [rng.int(0, 7), 5],
    [rng.int(8, 90), 15],
    [rng.int(91, 730), 72],
  ]);
}

function randomCredentials(rng: Random): CredentialSpec[] {
  const count = rng.weighted([
    [0, 15],
    [1, 60],
    [2, 20],
    [3, 5],
  ]);
  return Array.from({ length: count }, () => ({
    kind: rng.chance(0.25) ? 'certificate' : 'secret',
    endDays: credentialEndDays(rng),
    lifetimeDays: rng.pick([180, 365, 730]),
    displayName: rng.pick(SECRET_NAMES) ?? undefined,
  }));
}

export interface GeneratedApp {
  application: GraphObject;
  servicePrincipal: GraphObject;
  graphRoles: string[];
  /** Delegated scopes an admin consented to for everyone. */
  adminConsent: string[];
}

/** `count` in-house app registrations with service principals. */
export function generateApps(count: number, ctx: DirectoryContext, rng: Random): GeneratedApp[] {
  const out: GeneratedApp[] = [];
  for (let i = 0; i < count; i++) {
    const name = `${rng.chance(0.5) ? `${ctx.orgName} ` : `${rng.pick(TEAMS)} `}${rng.pick(SUBJECTS)} ${rng.pick(SUFFIXES)}${rng.pick(ENVIRONMENTS)}`;
    const kind = rng.weighted<ApplicationSpec['kind']>([
      ['web', 50],
      ['daemon', 25],
      ['spa', 15],
      ['public', 10],
    ]);
    const graphScopes = kind === 'daemon' ? [] : rng.chance(0.3) ? ['User.Read', 'User.ReadBasic.All'] : ['User.Read'];
    const graphRoles = kind === 'daemon' ? rng.sample(['User.Read.All', 'Group.Read.All', 'Directory.Read.All', 'Sites.Read.All', 'Mail.Send'], rng.int(1, 2)) : [];
    const application = buildApplication(
      {
        id: rng.guid(),
        appId: rng.guid(),
        displayName: name,
        signInAudience: rng.weighted([
          ['AzureADMyOrg', 85],
          ['AzureADMultipleOrgs', 12],
          ['AzureADandPersonalMicrosoftAccount', 3],
        ]),
        createdDaysAgo: rng.int(1, 1800),
        publisherDomain: rng.chance(0.25) ? ctx.initialDomain : ctx.domain,
        credentials: kind === 'spa' || kind === 'public' ? [] : randomCredentials(rng),
        graphScopes,
        graphRoles,
        kind,
        exposesApi: kind === 'web' && rng.chance(0.3),
      },
      ctx,
      rng,
    );
    const servicePrincipal = servicePrincipalFor(application, ctx, rng.guid(), kind === 'web' && rng.chance(0.15));
    out.push({ application, servicePrincipal, graphRoles: rng.chance(0.85) ? graphRoles : [], adminConsent: graphScopes.length && rng.chance(0.6) ? graphScopes : [] });
  }
  return out;
}
