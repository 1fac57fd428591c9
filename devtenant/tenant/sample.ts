// Builds the sample tenant "Contoso" (devtenant/fixtures/contoso): the generator with a fixed seed,
// then the named people, groups, roles, apps and licence situations that the tests and the Agents
// Playground rely on. Deterministic for a given "now", which devtenant.json records as
// referenceDateTime (loadTenant shifts every date by the time since), so the test suite can
// rebuild it and compare with the committed files.
//
//   npx tsx devtenant/tenant/sample.ts [--now 2026-01-15T12:00:00Z] [--out DIR]
import { resolve } from 'node:path';
import type { GraphObject, TenantData } from './types.ts';
import { CONTOSO_TENANT_ID, generateTenantParts, writeTenant } from './generate.ts';
import { buildGroup } from './groups.ts';
import { buildDirectoryRole, buildDomain, buildOrganization, type DomainSpec } from './directory.ts';
import { LICENSED_PARTS, buildSubscribedSkus } from './licenses.ts';
import { principalGrant } from './consent.ts';
import { TENANT_DESK_CONSENTED_SCOPE, TENANT_DESK_SP_ID } from './tenant-desk.ts';
import { PERSONAS, addPersonas } from './sample-people.ts';
import { addSampleApps } from './sample-apps.ts';
import { DAY, MINUTE, iso } from './time.ts';

export const SAMPLE_SEED = 18;
export const SAMPLE_FIXED_IDS = {
  itHelp: '4f162635-3f11-49cc-9d48-daa4520e3f8b',
  helpdesk: '2f3d24ee-1403-4d44-a86d-12bc5927770d',
  dropboxUsers: 'e863dff1-bbf7-4eef-852a-eef35fb8c768',
  salesforceUsers: '0a7284ee-09a8-4913-9be9-5c40c7e88dc5',
} as const;

/** Members who have not consented to Tenant Desk yet (so one tenant shows both cases). */
export const NOT_CONSENTED = ['henrietta', 'pradeep'] as const;

const CONTOSO_DOMAINS: DomainSpec[] = [
  { name: 'contoso.onmicrosoft.com', authenticationType: 'Managed', isInitial: true, supportedServices: ['Email', 'OfficeCommunicationsOnline'] },
  { name: 'contoso.com', authenticationType: 'Managed', isDefault: true, supportedServices: ['Email', 'OfficeCommunicationsOnline', 'Intune'] },
  { name: 'fabrikam.com', authenticationType: 'Federated', supportedServices: ['Email', 'OfficeCommunicationsOnline'] },
  { name: 'contoso.co.uk', authenticationType: 'Managed', supportedServices: ['Email'] },
  { name: 'contosoretail.com', authenticationType: 'Managed', supportedServices: ['Email'] },
  { name: 'contoso-labs.com', authenticationType: 'Managed', isVerified: false },
];

export function buildSample(now: Date, seed = SAMPLE_SEED): TenantData {
  const t = generateTenantParts({ users: 300, apps: 30, seed, now, tenantId: CONTOSO_TENANT_ID, domains: CONTOSO_DOMAINS, tenantDeskConsent: 'none', lastSyncMinutesAgo: 20 });
  const { data, ctx, rng } = t;
  const people = addPersonas(t);
  const rel = data.relationships;
  const id = (alias: string): string => people.get(alias)!.id;

  // Teams for the Agents Playground and the helpdesk, and two groups whose names collide with apps.
  const sampleGroups: [GraphObject, string[], string[]][] = [
    [buildGroup({ id: SAMPLE_FIXED_IDS.itHelp, displayName: 'IT Help', description: 'Ask IT anything. Tenant Desk lives here.', mailNickname: 'ithelp', kind: 'm365', team: true, visibility: 'Private', createdDaysAgo: 400 }, ctx, rng), ['patti', 'megan', 'diego', 'isaiah', 'adele', 'alex', 'lidia', 'joni', 'miriam'], ['patti']],
    [buildGroup({ id: SAMPLE_FIXED_IDS.helpdesk, displayName: 'Helpdesk', description: 'Helpdesk agents', mailNickname: 'helpdesk', kind: 'm365', team: true, visibility: 'Private', createdDaysAgo: 380 }, ctx, rng), ['diego', 'isaiah', 'megan'], ['patti']],
    [buildGroup({ id: SAMPLE_FIXED_IDS.dropboxUsers, displayName: 'Dropbox Users', description: 'Licensed for Dropbox Business', mailNickname: 'dropbox-users', kind: 'security', createdDaysAgo: 600 }, ctx, rng), ['adele', 'christie', 'alex'], ['joni']],
    [buildGroup({ id: SAMPLE_FIXED_IDS.salesforceUsers, displayName: 'Salesforce Users', description: 'Salesforce access (synced from AD)', mailNickname: 'salesforce-users', kind: 'security', synced: true, createdDaysAgo: 1300 }, ctx, rng), ['nadia'], []],
  ];
  const enabledMembers = data.users.filter((u) => u.userType === 'Member' && u.accountEnabled === true && !PERSONAS.some((p) => p.spec.id === u.id));
  for (const [group, aliases, owners] of sampleGroups) {
    data.groups.push(group);
    rel.members[group.id] = aliases.map(id);
    if (owners.length) rel.owners[group.id] = owners.map(id);
  }
  rel.members[SAMPLE_FIXED_IDS.dropboxUsers]!.push(...rng.sample(enabledMembers, 9).map((u) => u.id));
  const sales = t.workforce.departments.get('Sales') ?? [];
  rel.members[SAMPLE_FIXED_IDS.salesforceUsers]!.push(...sales.filter((s) => data.users.find((u) => u.id === s)?.onPremisesSyncEnabled === true));

  // Roles: the personas' roles replace whoever the generator picked for those roles.
  const roleHolders = new Map<string, string[]>();
  for (const p of PERSONAS) for (const r of p.roles ?? []) roleHolders.set(r, [...(roleHolders.get(r) ?? []), p.spec.id]);
  if (!t.roles.has('Directory Readers')) {
    const role = buildDirectoryRole('Directory Readers', rng);
    t.roles.set('Directory Readers', role);
    data.directoryRoles.push(role);
    rel.members[role.id] = [];
  }
  const breakGlass = data.users.find((u) => u.mailNickname === 'breakglass')!;
  for (const [name, holders] of roleHolders) {
    const role = t.roles.get(name)!;
    rel.members[role.id] = name === 'Global Administrator' ? [...holders, breakGlass.id] : holders;
  }

  // A few synced objects that stopped syncing days ago, beyond what the generator rolled.
  const stale = (u: GraphObject): boolean => u.onPremisesSyncEnabled === true && Date.parse(u.onPremisesLastSyncDateTime as string) < ctx.now - DAY;
  const candidates = enabledMembers.filter((u) => u.onPremisesSyncEnabled === true && !stale(u));
  for (const u of rng.sample(candidates, Math.max(0, 3 - data.users.filter(stale).length))) u.onPremisesLastSyncDateTime = iso(ctx.now - rng.int(3, 12) * DAY);

  // Two more synced objects quarantined on a proxy address another user already has.
  const [victimA, culpritA, victimB, culpritB] = rng.sample(
    enabledMembers.filter((u) => u.onPremisesSyncEnabled === true && (u.onPremisesProvisioningErrors as unknown[]).length === 0 && typeof u.mail === 'string'),
    4,
  );
  for (const [victim, culprit] of [[victimA, culpritA], [victimB, culpritB]] as const) {
    culprit!.onPremisesProvisioningErrors = [{ category: 'PropertyConflict', occurredDateTime: iso(ctx.now - rng.int(1, 30) * DAY), propertyCausingError: 'ProxyAddress', value: `smtp:${victim!.mail as string}` }];
  }

  const groupsByName = new Map(data.groups.map((g) => [g.displayName as string, g]));
  addSampleApps(t, people, groupsByName);

  // Tenant Desk: each member consented for themselves, except the two new joiners.
  const graphSpId = t.microsoft.graph;
  const notConsented = new Set(NOT_CONSENTED.map(id));
  for (const u of data.users) {
    if (u.userType === 'Member' && !notConsented.has(u.id)) data.oauth2PermissionGrants.push(principalGrant(TENANT_DESK_SP_ID, graphSpId, u.id, TENANT_DESK_CONSENTED_SCOPE));
  }

  // Licences: E5 nearly gone, Visio over-assigned, Power BI Pro in its grace period, Project suspended.
  data.subscribedSkus = buildSubscribedSkus(ctx.tenantId, ctx.orgName, data.users, LICENSED_PARTS, rng, {
    SPE_E5: (c) => ({ enabled: c + 2 }),
    VISIOCLIENT: (c) => ({ enabled: Math.max(1, c - 2) }),
    POWER_BI_PRO: (c) => ({ enabled: 0, warning: c + 5, capabilityStatus: 'Warning' }),
    PROJECTPROFESSIONAL: (c) => ({ enabled: 0, suspended: Math.max(c, 5), capabilityStatus: 'Suspended' }),
  });

  // Sync ran 20 minutes ago; password hash sync reported 2 minutes ago (a beta-only property).
  const org = buildOrganization(ctx, CONTOSO_DOMAINS, ctx.lastSyncMinutesAgo);
  org.onPremisesLastPasswordSyncDateTime = iso(ctx.now - 2 * MINUTE);
  data.organization = [org];
  data.domains = CONTOSO_DOMAINS.map(buildDomain);
  data.settings.restrictedUsers = ['alex@contoso.com'];
  return data;
}

function argument(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  const nowArg = argument('--now');
  // Whole hours keep the committed dates tidy; any instant works.
  const now = nowArg ? new Date(nowArg) : new Date(Math.floor(Date.now() / 3_600_000) * 3_600_000);
  if (Number.isNaN(now.getTime())) throw new Error(`--now ${nowArg} is not a date`);
  const out = resolve(argument('--out') ?? resolve(import.meta.dirname, '..', 'fixtures', 'contoso'));
  const data = buildSample(now);
  writeTenant(data, out, { pretty: true });
  console.log(`${out}: ${data.users.length} users, ${data.groups.length} groups, ${data.applications.length} applications, ${data.servicePrincipals.length} service principals (reference ${iso(now.getTime())})`);
}
