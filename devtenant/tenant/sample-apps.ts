// The sample tenant's named applications: Contoso's own registrations (with secrets and
// certificates expired, expiring this week, this quarter, and far out), gallery and third-party
// enterprise apps (service principals owned by other tenants), and the consent that makes
// "which apps can read our mail?" worth asking.
import type { GraphObject } from './types.ts';
import { buildApplication, servicePrincipalFor, type ApplicationSpec } from './apps.ts';
import { buildServicePrincipal, graphRoleId } from './microsoft-apps.ts';
import { allPrincipalsGrant, appRoleAssignment, principalGrant } from './consent.ts';
import { nameGuid } from './random.ts';
import type { GeneratedTenant } from './generate.ts';
import { DAY, iso } from './time.ts';

const sampleId = (kind: string, name: string): string => nameGuid(`contoso-sample:${kind}:${name}`);

interface InHouseApp {
  spec: Omit<ApplicationSpec, 'id' | 'appId'>;
  owners: string[];
  /** Graph application permissions granted (admin consent). */
  graphRoles?: string[];
  /** Delegated Graph scopes an admin consented to for everyone. */
  adminConsent?: string[];
  assignmentRequired?: boolean;
}

const IN_HOUSE: readonly InHouseApp[] = [
  {
    spec: { displayName: 'Contoso HR Portal', description: 'Employee self-service for HR requests.', signInAudience: 'AzureADMyOrg', createdDaysAgo: 900, kind: 'web', graphScopes: ['User.Read'], graphRoles: ['User.Read.All'], credentials: [{ kind: 'secret', endDays: 5, lifetimeDays: 365, displayName: 'Production' }] },
    owners: ['joni'],
    graphRoles: ['User.Read.All'],
    adminConsent: ['User.Read'],
  },
  {
    spec: { displayName: 'Expense Tracker', signInAudience: 'AzureADMyOrg', createdDaysAgo: 700, kind: 'web', graphScopes: ['User.Read'], credentials: [{ kind: 'secret', endDays: -12, lifetimeDays: 365, displayName: 'prod' }] },
    owners: ['joni'],
    adminConsent: ['User.Read'],
  },
  {
    spec: { displayName: 'Contoso Mail Archiver', description: 'Copies mailboxes to the compliance archive every night.', signInAudience: 'AzureADMyOrg', createdDaysAgo: 1200, kind: 'daemon', graphScopes: [], graphRoles: ['Mail.Read'], credentials: [{ kind: 'certificate', endDays: 45, lifetimeDays: 730 }] },
    owners: ['lidia'],
    graphRoles: ['Mail.Read'],
  },
  {
    spec: { displayName: 'Field Service Mobile', signInAudience: 'AzureADMyOrg', createdDaysAgo: 500, kind: 'public', graphScopes: ['User.Read'], credentials: [] },
    owners: ['joni'],
    adminConsent: ['User.Read'],
  },
  {
    spec: { displayName: 'Contoso Intranet', signInAudience: 'AzureADMyOrg', createdDaysAgo: 1600, kind: 'web', graphScopes: ['User.Read', 'User.ReadBasic.All'], credentials: [{ kind: 'secret', endDays: 540, lifetimeDays: 730, displayName: 'Key Vault sync' }], exposesApi: true },
    owners: ['patti'],
    adminConsent: ['User.Read', 'User.ReadBasic.All'],
  },
  {
    spec: {
      displayName: 'Inventory Sync Service',
      signInAudience: 'AzureADMyOrg',
      createdDaysAgo: 800,
      kind: 'daemon',
      graphScopes: [],
      graphRoles: ['Sites.Read.All'],
      credentials: [
        { kind: 'secret', endDays: 3, lifetimeDays: 180, displayName: 'rotation' },
        { kind: 'secret', endDays: -20, lifetimeDays: 180, displayName: 'rotation (old)' },
      ],
    },
    owners: ['johanna'],
    graphRoles: ['Sites.Read.All'],
  },
  {
    spec: { displayName: 'Power BI Embedded Reports', signInAudience: 'AzureADMyOrg', createdDaysAgo: 1000, kind: 'web', graphScopes: ['User.Read'], credentials: [{ kind: 'certificate', endDays: -30, lifetimeDays: 365 }] },
    owners: ['miriam'],
    adminConsent: ['User.Read'],
  },
  {
    spec: { displayName: 'Contoso Partner Portal', signInAudience: 'AzureADMultipleOrgs', createdDaysAgo: 650, kind: 'web', graphScopes: ['User.Read'], credentials: [{ kind: 'secret', endDays: 80, lifetimeDays: 365, displayName: 'Production' }], exposesApi: true },
    owners: ['johanna', 'joni'],
    assignmentRequired: true,
  },
  {
    spec: { displayName: 'Onboarding Automation', signInAudience: 'AzureADMyOrg', createdDaysAgo: 300, kind: 'daemon', graphScopes: [], graphRoles: ['User.Read.All', 'Group.Read.All'], credentials: [{ kind: 'secret', endDays: 60, lifetimeDays: 180, displayName: 'Created by Terraform' }] },
    owners: ['lidia'],
    graphRoles: ['User.Read.All', 'Group.Read.All'],
  },
  {
    spec: { displayName: 'Legacy Timesheets', signInAudience: 'AzureADMyOrg', createdDaysAgo: 2100, kind: 'web', graphScopes: ['User.Read'], credentials: [{ kind: 'secret', endDays: -400, lifetimeDays: 730 }], notes: 'Replaced by Workday. Decommission?' },
    owners: [],
    adminConsent: ['User.Read'],
  },
  {
    spec: { displayName: 'Contoso Customer Feedback', signInAudience: 'AzureADandPersonalMicrosoftAccount', createdDaysAgo: 120, kind: 'spa', graphScopes: ['User.Read'], credentials: [] },
    owners: ['johanna'],
  },
];

interface GalleryApp {
  name: string;
  publisher: string | null;
  homepage: string;
  assignmentRequired: boolean;
  sso?: 'saml' | null;
  appRoles?: string[];
}

/** Enterprise apps only (no registration here): apps other companies publish. Their appIds are fictional. */
export const GALLERY: readonly GalleryApp[] = [
  { name: 'Salesforce', publisher: 'Salesforce, Inc.', homepage: 'https://www.salesforce.com/', assignmentRequired: true, sso: 'saml', appRoles: ['Standard User', 'System Administrator'] },
  { name: 'Dropbox Business', publisher: 'Dropbox, Inc.', homepage: 'https://www.dropbox.com/business', assignmentRequired: true, sso: 'saml' },
  { name: 'ServiceNow', publisher: 'ServiceNow, Inc.', homepage: 'https://www.servicenow.com/', assignmentRequired: true, sso: 'saml', appRoles: ['ITIL User', 'Admin'] },
  { name: 'Workday', publisher: 'Workday, Inc.', homepage: 'https://www.workday.com/', assignmentRequired: true, sso: 'saml' },
  { name: 'Zoom', publisher: 'Zoom Video Communications, Inc.', homepage: 'https://zoom.us/', assignmentRequired: false },
  { name: 'Slack', publisher: 'Slack Technologies, LLC', homepage: 'https://slack.com/', assignmentRequired: false },
  { name: 'Adobe Acrobat', publisher: 'Adobe Inc.', homepage: 'https://acrobat.adobe.com/', assignmentRequired: false },
  { name: 'DocuSign', publisher: 'DocuSign, Inc.', homepage: 'https://www.docusign.com/', assignmentRequired: false },
  { name: 'QuickPDF Converter Pro', publisher: null, homepage: 'https://quickpdf-converter.example/', assignmentRequired: false },
];

export interface SampleApps {
  spByName: Map<string, GraphObject>;
}

/** Adds the named apps, their owners, assignments and grants to the generated tenant. */
export function addSampleApps(t: GeneratedTenant, people: Map<string, GraphObject>, groupsByName: Map<string, GraphObject>): SampleApps {
  const { data, ctx, rng } = t;
  const graphSp = data.servicePrincipals.find((s) => s.id === t.microsoft.graph)!;
  const spByName = new Map<string, GraphObject>();
  const ownerIds = (aliases: readonly string[]): string[] => aliases.map((a) => people.get(a)!.id);

  for (const a of IN_HOUSE) {
    const app = buildApplication({ ...a.spec, id: sampleId('application', a.spec.displayName), appId: sampleId('appId', a.spec.displayName) }, ctx, rng);
    const sp = servicePrincipalFor(app, ctx, sampleId('servicePrincipal', a.spec.displayName), a.assignmentRequired ?? false);
    data.applications.push(app);
    data.servicePrincipals.push(sp);
    spByName.set(a.spec.displayName, sp);
    if (a.owners.length) {
      data.relationships.owners[app.id] = ownerIds(a.owners);
      data.relationships.owners[sp.id] = ownerIds(a.owners);
    }
    const consented = Date.parse(app.createdDateTime as string) + DAY;
    for (const role of a.graphRoles ?? []) data.appRoleAssignments.push(appRoleAssignment({ principal: sp, principalType: 'ServicePrincipal', resource: graphSp, appRoleId: graphRoleId(role), createdMs: consented }, rng));
    if (a.adminConsent?.length) data.oauth2PermissionGrants.push(allPrincipalsGrant(sp.id, graphSp.id, a.adminConsent.join(' ')));
  }

  for (const g of GALLERY) {
    const publisherAdded = ctx.now - rng.int(400, 1500) * DAY;
    const sp = buildServicePrincipal({
      id: sampleId('servicePrincipal', g.name),
      appId: sampleId('appId', g.name),
      displayName: g.name,
      appOwnerOrganizationId: sampleId('tenant', g.publisher ?? g.name),
      appRoleAssignmentRequired: g.assignmentRequired,
      homepage: g.homepage,
      replyUrls: [`${g.homepage.replace(/\/$/, '')}/sso/callback`],
      preferredSingleSignOnMode: g.sso ?? null,
      tags: ['WindowsAzureActiveDirectoryIntegratedApp'],
      verifiedPublisher: g.publisher
        ? { displayName: g.publisher, verifiedPublisherId: String(1_000_000 + rng.int(0, 8_999_999)), addedDateTime: iso(publisherAdded) }
        : { displayName: null, verifiedPublisherId: null, addedDateTime: null },
      appRoles: (g.appRoles ?? []).map((name) => ({
        allowedMemberTypes: ['User'],
        description: name,
        displayName: name,
        id: sampleId(`appRole:${g.name}`, name),
        isEnabled: true,
        origin: 'ServicePrincipal',
        value: null,
      })),
      info: { logoUrl: null, marketingUrl: g.homepage, privacyStatementUrl: null, supportUrl: null, termsOfServiceUrl: null },
    });
    data.servicePrincipals.push(sp);
    spByName.set(g.name, sp);
  }

  const assign = (appName: string, principal: GraphObject, principalType: 'User' | 'Group', role?: string): void => {
    const resource = spByName.get(appName)!;
    const appRoleId = role ? sampleId(`appRole:${appName}`, role) : undefined;
    data.appRoleAssignments.push(appRoleAssignment({ principal, principalType, resource, appRoleId, createdMs: ctx.now - rng.int(30, 600) * DAY }, rng));
  };
  // Salesforce requires assignment: the Salesforce Users group and Christie directly; Johanna is in neither.
  assign('Salesforce', groupsByName.get('Salesforce Users')!, 'Group', 'Standard User');
  assign('Salesforce', people.get('christie')!, 'User', 'Standard User');
  assign('Salesforce', people.get('patti')!, 'User', 'System Administrator');
  assign('Dropbox Business', groupsByName.get('Dropbox Users')!, 'Group');
  assign('ServiceNow', groupsByName.get('IT Help')!, 'Group', 'ITIL User');
  assign('ServiceNow', people.get('diego')!, 'User', 'Admin');
  assign('Workday', groupsByName.get(`All ${ctx.orgName}`)!, 'Group');
  assign('Contoso Partner Portal', groupsByName.get('Sales')!, 'Group');

  // Consent: an admin approved Slack and (unwisely) QuickPDF for everyone; people consented to Zoom and Adobe themselves.
  const scope = (...s: string[]): string => s.join(' ');
  data.oauth2PermissionGrants.push(allPrincipalsGrant(spByName.get('Slack')!.id, graphSp.id, scope('User.Read', 'openid', 'profile', 'email')));
  data.oauth2PermissionGrants.push(allPrincipalsGrant(spByName.get('QuickPDF Converter Pro')!.id, graphSp.id, scope('Mail.Read', 'Files.Read.All', 'offline_access')));
  const members = data.users.filter((u) => u.userType === 'Member' && u.accountEnabled === true);
  for (const u of rng.sample(members, 14)) data.oauth2PermissionGrants.push(principalGrant(spByName.get('Zoom')!.id, graphSp.id, u.id, scope('openid', 'profile', 'email', 'offline_access', 'User.Read')));
  for (const u of rng.sample(members, 6)) data.oauth2PermissionGrants.push(principalGrant(spByName.get('Adobe Acrobat')!.id, graphSp.id, u.id, scope('openid', 'profile', 'User.Read', 'Files.Read.All')));
  return { spByName };
}
