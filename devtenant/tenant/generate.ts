// Generates a tenant of any size in the dev tenant's folder format: people with managers, licenses
// and sync state, groups, admin roles, app registrations with expiring credentials, consent, and
// the Microsoft and Tenant Desk service principals every tenant needs. Deterministic for a seed.
//
//   generateTenant({ users: 100_000, apps: 5_000, seed: 7 })  →  TenantData
//   writeTenant(data, dir)                                     →  a folder loadTenant reads
import type { GraphObject, TenantData } from './types.ts';
import { Random } from './random.ts';
import { buildMember, type DirectoryContext } from './people.ts';
import { NameRegistry, generateWorkforce, type Workforce } from './workforce.ts';
import { generateGroups } from './groups.ts';
import { generateApps } from './apps.ts';
import { LICENSED_PARTS, buildSubscribedSkus } from './licenses.ts';
import {
  GRAPH_COMMAND_LINE_TOOLS_APP_ID,
  GRAPH_EXPLORER_APP_ID,
  graphRoleId,
  microsoftServicePrincipals,
  type MicrosoftSpIds,
} from './microsoft-apps.ts';
import { TENANT_DESK_APP_ID, TENANT_DESK_CONSENTED_SCOPE, TENANT_DESK_SANDBOX_SECRET, tenantDeskApplication, tenantDeskServicePrincipal } from './tenant-desk.ts';
import { allPrincipalsGrant, appRoleAssignment, principalGrant } from './consent.ts';
import { buildAuthorizationPolicy, buildDirectoryRole, buildDomain, buildOnPremisesSynchronization, buildOrganization, defaultDomains, type DomainSpec } from './directory.ts';
import { DAY, iso } from './time.ts';

export { writeTenant, type WriteOptions } from './write.ts';

export const CONTOSO_TENANT_ID = 'db0a0aea-81ad-4375-b1ad-fc8ed0c1fee2';

export interface GenerateOptions {
  /** Number of users, guests included. */
  users: number;
  /** Number of app registrations, Tenant Desk included. */
  apps: number;
  seed?: number;
  /** The moment the data describes ("synced 20 minutes ago" is relative to it). Defaults to now. */
  now?: Date;
  /** Identity of the tenant; defaults to Contoso's, so a generated tenant drops in for the sample. */
  tenantId?: string;
  orgName?: string;
  domain?: string;
  initialDomain?: string;
  domains?: DomainSpec[];
  /**
   * How the members consented to Tenant Desk: one admin grant for everyone (default), or none,
   * for a caller that records per-user grants itself (the sample tenant).
   */
  tenantDeskConsent?: 'AllPrincipals' | 'none';
  /** Minutes since Entra Connect's last sync cycle; random (2–28) by default. */
  lastSyncMinutesAgo?: number;
}

/** The generator's result plus what a caller needs to keep building on it (the sample tenant does). */
export interface GeneratedTenant {
  data: TenantData;
  ctx: DirectoryContext;
  rng: Random;
  names: NameRegistry;
  workforce: Workforce;
  microsoft: MicrosoftSpIds;
  /** Role display name → directoryRole object. */
  roles: Map<string, GraphObject>;
}

const ROLE_COUNTS: readonly (readonly [string, (members: number) => number])[] = [
  ['Global Administrator', () => 2],
  ['Global Reader', (m) => Math.min(5, 1 + Math.floor(m / 5000))],
  ['User Administrator', (m) => Math.min(10, 1 + Math.floor(m / 2000))],
  ['Helpdesk Administrator', (m) => Math.min(40, 2 + Math.floor(m / 500))],
  ['Exchange Administrator', () => 1],
  ['SharePoint Administrator', () => 1],
  ['Teams Administrator', () => 1],
  ['Security Administrator', () => 2],
  ['Security Reader', () => 2],
  ['Application Administrator', () => 2],
  ['License Administrator', () => 1],
  ['Hybrid Identity Administrator', () => 1],
  ['Reports Reader', () => 1],
  ['Privileged Role Administrator', () => 1],
];

export function directoryContext(opts: GenerateOptions, rng: Random): DirectoryContext {
  const domain = opts.domain ?? 'contoso.com';
  const orgName = opts.orgName ?? 'Contoso';
  return {
    tenantId: opts.tenantId ?? CONTOSO_TENANT_ID,
    orgName,
    domain,
    initialDomain: opts.initialDomain ?? `${orgName.toLowerCase().replace(/[^a-z0-9]/g, '')}.onmicrosoft.com`,
    adDomain: `corp.${domain}`,
    netbios: orgName.toUpperCase().replace(/[^A-Z0-9]/g, '').slice(0, 15),
    domainSid: `S-1-5-21-${rng.u32()}-${rng.u32()}-${rng.u32()}`,
    now: (opts.now ?? new Date()).getTime(),
    nextRid: 1104,
    lastSyncMinutesAgo: opts.lastSyncMinutesAgo ?? rng.int(2, 28),
  };
}

export function generateTenant(opts: GenerateOptions): TenantData {
  return generateTenantParts(opts).data;
}

export function generateTenantParts(opts: GenerateOptions): GeneratedTenant {
  if (!Number.isInteger(opts.users) || opts.users < 1) throw new Error('users must be a positive integer');
  if (!Number.isInteger(opts.apps) || opts.apps < 1) throw new Error('apps must be a positive integer (Tenant Desk is one)');
  const rng = new Random(opts.seed ?? 1);
  const ctx = directoryContext(opts, rng);
  const names = new NameRegistry();

  const guests = Math.round(opts.users * 0.07);
  const workforce = generateWorkforce(Math.max(0, opts.users - guests - 1), guests, ctx, rng, names);
  // The emergency-access account every tenant should have: cloud-only, unlicensed, Global Administrator.
  const breakGlass = buildMember(
    {
      id: rng.guid(),
      givenName: 'Emergency',
      surname: 'Access',
      alias: 'breakglass',
      userPrincipalName: `breakglass@${ctx.initialDomain}`,
      mail: null,
      proxyAddresses: [],
      department: null,
      jobTitle: null,
      office: null,
      synced: false,
      createdDaysAgo: 1900,
      passwordAgeDays: 300,
      lastSignInDaysAgo: 41,
      employeeType: null,
      companyName: null,
      passwordPolicies: 'DisablePasswordExpiration',
    },
    ctx,
    rng,
  );
  const users = [...workforce.users, breakGlass];
  const members = users.filter((u) => u.userType === 'Member');
  const enabledMembers = members.filter((u) => u.accountEnabled === true && u.id !== breakGlass.id);
  const synced = new Set(members.filter((u) => u.onPremisesSyncEnabled === true).map((u) => u.id));

  const microsoft: MicrosoftSpIds = {
    graph: rng.guid(),
    exchange: rng.guid(),
    sharePoint: rng.guid(),
    teams: rng.guid(),
    teamsWeb: rng.guid(),
    teamsServices: rng.guid(),
    azureAdGraph: rng.guid(),
    graphCommandLineTools: rng.guid(),
    graphExplorer: rng.guid(),
  };
  const microsoftSps = microsoftServicePrincipals(microsoft);
  const graphSp = microsoftSps[0]!;

  const grouped = generateGroups(workforce.departments, members, synced, ctx, rng);

  // Directory roles, held by IT staff (and the emergency-access account).
  const enabledIds = new Set(enabledMembers.map((u) => u.id));
  const itStaff = (workforce.departments.get('IT') ?? []).filter((id) => enabledIds.has(id));
  const adminPool = itStaff.length >= 3 ? itStaff : enabledMembers.map((u) => u.id);
  const roles = new Map<string, GraphObject>();
  const roleMembers: Record<string, string[]> = {};
  for (const [name, count] of ROLE_COUNTS) {
    const role = buildDirectoryRole(name, rng);
    roles.set(name, role);
    const holders = rng.sample(adminPool, count(members.length));
    roleMembers[role.id] = name === 'Global Administrator' ? [breakGlass.id, ...holders] : holders;
  }

  // Apps: Tenant Desk plus in-house registrations, owned by IT and Engineering people.
  const deskApp = tenantDeskApplication(ctx);
  const deskSp = tenantDeskServicePrincipal(ctx);
  const inHouse = generateApps(opts.apps - 1, ctx, rng);
  const ownerPool = [...itStaff, ...(workforce.departments.get('Engineering') ?? [])];
  const owners: Record<string, string[]> = { ...grouped.owners };
  const deskOwners = rng.sample(adminPool, 1);
  owners[deskApp.id] = deskOwners;
  owners[deskSp.id] = deskOwners;
  for (const a of inHouse) {
    if (ownerPool.length === 0 || rng.chance(0.1)) continue; // orphaned registrations exist in every tenant
    const who = rng.sample(ownerPool, rng.int(1, 2));
    owners[a.application.id] = who;
    owners[a.servicePrincipal.id] = who;
  }

  const appRoleAssignments: GraphObject[] = [];
  const grants: GraphObject[] = [];
  if ((opts.tenantDeskConsent ?? 'AllPrincipals') === 'AllPrincipals') grants.push(allPrincipalsGrant(deskSp.id, graphSp.id, TENANT_DESK_CONSENTED_SCOPE));
  const groupObjects = grouped.groups;
  for (const a of inHouse) {
    const created = Date.parse(a.application.createdDateTime as string) + DAY;
    for (const role of a.graphRoles) {
      appRoleAssignments.push(appRoleAssignment({ principal: a.servicePrincipal, principalType: 'ServicePrincipal', resource: graphSp, appRoleId: graphRoleId(role), createdMs: created }, rng));
    }
    if (a.adminConsent.length) grants.push(allPrincipalsGrant(a.servicePrincipal.id, graphSp.id, a.adminConsent.join(' ')));
    if (a.servicePrincipal.appRoleAssignmentRequired === true) {
      for (const g of rng.sample(groupObjects, rng.int(1, 2))) appRoleAssignments.push(appRoleAssignment({ principal: g, principalType: 'Group', resource: a.servicePrincipal, createdMs: created }, rng));
      for (const u of rng.sample(enabledMembers, rng.int(0, 5))) appRoleAssignments.push(appRoleAssignment({ principal: u, principalType: 'User', resource: a.servicePrincipal, createdMs: created }, rng));
    }
  }
  // Admins who ran Graph PowerShell or Graph Explorer consented for themselves.
  const cliSp = microsoftSps.find((s) => s.appId === GRAPH_COMMAND_LINE_TOOLS_APP_ID)!;
  const explorerSp = microsoftSps.find((s) => s.appId === GRAPH_EXPLORER_APP_ID)!;
  for (const id of rng.sample(adminPool, 3)) grants.push(principalGrant(cliSp.id, graphSp.id, id, 'User.Read.All Group.Read.All Directory.Read.All openid profile offline_access'));
  for (const u of rng.sample(enabledMembers, Math.min(5, enabledMembers.length))) grants.push(principalGrant(explorerSp.id, graphSp.id, u.id, 'openid profile User.Read offline_access'));

  const domains = opts.domains ?? defaultDomains(ctx);
  const data: TenantData = {
    organization: [buildOrganization(ctx, domains, ctx.lastSyncMinutesAgo)],
    users,
    groups: groupObjects,
    applications: [deskApp, ...inHouse.map((a) => a.application)],
    servicePrincipals: [...microsoftSps, deskSp, ...inHouse.map((a) => a.servicePrincipal)],
    subscribedSkus: buildSubscribedSkus(ctx.tenantId, ctx.orgName, users, LICENSED_PARTS, rng),
    domains: domains.map(buildDomain),
    directoryRoles: [...roles.values()],
    oauth2PermissionGrants: grants,
    appRoleAssignments,
    onPremisesSynchronization: [buildOnPremisesSynchronization(ctx, { passwordSyncEnabled: true, passwordWritebackEnabled: false })],
    relationships: { members: { ...grouped.members, ...roleMembers }, owners, managers: workforce.managers },
    settings: { referenceDateTime: iso(ctx.now), clientSecrets: { [TENANT_DESK_APP_ID]: TENANT_DESK_SANDBOX_SECRET }, restrictedUsers: [] },
    authorizationPolicy: buildAuthorizationPolicy(),
  };
  return { data, ctx, rng, names, workforce, microsoft, roles };
}
