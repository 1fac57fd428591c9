// Groups as Graph returns them: Microsoft 365 groups (groupTypes ['Unified'], usually with a team),
// security groups synced from AD, cloud security groups, a dynamic group, a distribution list,
// nesting ("All Staff" holds the department groups), and project teams.
import type { GraphObject } from './types.ts';
import type { Random } from './random.ts';
import type { DirectoryContext } from './people.ts';
import { DAY, MINUTE, iso } from './time.ts';

export interface GroupSpec {
  id: string;
  displayName: string;
  description: string | null;
  mailNickname: string;
  kind: 'm365' | 'security' | 'mailSecurity' | 'distribution' | 'dynamic';
  team?: boolean;
  visibility?: 'Public' | 'Private' | null;
  synced?: boolean;
  createdDaysAgo: number;
  membershipRule?: string;
  isAssignableToRole?: boolean;
}

export function buildGroup(g: GroupSpec, ctx: DirectoryContext, rng: Random): GraphObject {
  const mailEnabled = g.kind === 'm365' || g.kind === 'mailSecurity' || g.kind === 'distribution';
  const mail = mailEnabled ? `${g.mailNickname}@${ctx.domain}` : null;
  const created = ctx.now - g.createdDaysAgo * DAY - rng.int(0, 600) * MINUTE;
  const synced = g.synced === true;
  return {
    id: g.id,
    deletedDateTime: null,
    classification: null,
    createdDateTime: iso(created),
    description: g.description,
    displayName: g.displayName,
    expirationDateTime: null,
    groupTypes: g.kind === 'm365' ? ['Unified'] : g.kind === 'dynamic' ? ['DynamicMembership'] : [],
    isAssignableToRole: g.isAssignableToRole ?? null,
    mail,
    mailEnabled,
    mailNickname: g.mailNickname,
    membershipRule: g.membershipRule ?? null,
    membershipRuleProcessingState: g.membershipRule ? 'On' : null,
    onPremisesDomainName: synced ? ctx.adDomain : null,
    onPremisesLastSyncDateTime: synced ? iso(ctx.now - ctx.lastSyncMinutesAgo * MINUTE - rng.int(1, 90) * 1000) : null,
    onPremisesNetBiosName: synced ? ctx.netbios : null,
    onPremisesSamAccountName: synced ? g.displayName : null,
    onPremisesSecurityIdentifier: synced ? `${ctx.domainSid}-${ctx.nextRid++}` : null,
    onPremisesSyncEnabled: synced ? true : null,
    onPremisesProvisioningErrors: [],
    preferredDataLocation: null,
    preferredLanguage: null,
    proxyAddresses: mail ? [`SMTP:${mail}`, `smtp:${g.mailNickname}@${ctx.initialDomain}`] : [],
    renewedDateTime: iso(created),
    resourceBehaviorOptions: [],
    resourceProvisioningOptions: g.team ? ['Team'] : [],
    securityEnabled: g.kind !== 'm365' && g.kind !== 'distribution',
    securityIdentifier: `S-1-12-1-${rng.u32()}-${rng.u32()}-${rng.u32()}-${rng.u32()}`,
    serviceProvisioningErrors: [],
    theme: null,
    visibility: g.kind === 'm365' ? (g.visibility ?? 'Public') : null,
  };
}

const PROJECT_CODENAMES = [
  'Aurora', 'Falcon', 'Zephyr', 'Nimbus', 'Atlas', 'Orion', 'Cascade', 'Sequoia', 'Tundra', 'Mistral', 'Quasar', 'Juniper',
  'Meridian', 'Sapphire', 'Horizon', 'Lighthouse', 'Granite', 'Harbor', 'Ember', 'Polaris', 'Willow', 'Summit', 'Monsoon', 'Kestrel',
];

export interface GeneratedGroups {
  groups: GraphObject[];
  members: Record<string, string[]>;
  owners: Record<string, string[]>;
}

/**
 * Department groups (a Microsoft 365 team and a synced security group each), org-wide groups, and
 * project teams scaled to the head count. `syncedUsers` says who can be in an AD-synced group.
 */
export function generateGroups(
  departments: Map<string, string[]>,
  allMembers: readonly GraphObject[],
  syncedUsers: ReadonlySet<string>,
  ctx: DirectoryContext,
  rng: Random,
): GeneratedGroups {
  const groups: GraphObject[] = [];
  const members: Record<string, string[]> = {};
  const owners: Record<string, string[]> = {};
  const add = (spec: Omit<GroupSpec, 'id'>, memberIds: string[], ownerIds: string[] = []): GraphObject => {
    const g = buildGroup({ id: rng.guid(), ...spec }, ctx, rng);
    groups.push(g);
    members[g.id] = memberIds;
    if (ownerIds.length) owners[g.id] = ownerIds;
    return g;
  };
  const slug = (s: string): string => s.toLowerCase().replace(/&/g, 'and').replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');

  const departmentSecurityGroups: string[] = [];
  for (const [name, ids] of departments) {
    if (name === 'Executive') continue;
    add({ displayName: name, description: `Everyone in ${name}`, mailNickname: slug(name), kind: 'm365', team: true, visibility: 'Private', createdDaysAgo: rng.int(400, 1800) }, ids, ids.slice(0, 1));
    const sg = add(
      { displayName: `SG-${name.replace(/ /g, '')}`, description: `${name} department (synced from AD)`, mailNickname: `SG-${slug(name)}`, kind: 'security', synced: true, createdDaysAgo: rng.int(1200, 2200) },
      ids.filter((id) => syncedUsers.has(id)),
    );
    departmentSecurityGroups.push(sg.id);
  }
  const enabledMembers = allMembers.filter((u) => u.userType === 'Member' && u.accountEnabled === true);
  const memberIds = enabledMembers.map((u) => u.id);
  add({ displayName: 'All Staff', description: 'All department groups (nested)', mailNickname: 'all-staff', kind: 'security', createdDaysAgo: 1500 }, departmentSecurityGroups);
  // Teams caps org-wide teams at 10,000 members; larger tenants do not have one.
  if (memberIds.length <= 10_000) add({ displayName: `All ${ctx.orgName}`, description: 'Org-wide team', mailNickname: `all${slug(ctx.orgName)}`, kind: 'm365', team: true, visibility: 'Public', createdDaysAgo: 2000 }, memberIds);
  add({ displayName: 'VPN Users', description: 'Allowed to connect to the corporate VPN', mailNickname: 'vpn-users', kind: 'security', createdDaysAgo: 1100 }, rng.sample(memberIds, Math.ceil(memberIds.length * 0.3)));
  add(
    { displayName: 'Contractors', description: 'All contractors (dynamic)', mailNickname: 'contractors', kind: 'dynamic', createdDaysAgo: 700, membershipRule: '(user.employeeType -eq "Contractor")' },
    enabledMembers.filter((u) => u.employeeType === 'Contractor').map((u) => u.id),
  );
  add({ displayName: `${ctx.orgName} Announcements`, description: 'Company-wide announcements', mailNickname: 'announcements', kind: 'distribution', createdDaysAgo: 2100 }, memberIds.slice(0, Math.min(memberIds.length, 50)));
  const projects = Math.max(3, Math.floor(memberIds.length / 100));
  for (let i = 0; i < projects; i++) {
    const codename = PROJECT_CODENAMES[i % PROJECT_CODENAMES.length]!;
    const round = Math.floor(i / PROJECT_CODENAMES.length);
    const name = `Project ${codename}${round ? ` ${round + 1}` : ''}`;
    const team = rng.sample(memberIds, rng.int(3, 25));
    add({ displayName: name, description: null, mailNickname: slug(name), kind: 'm365', team: rng.chance(0.7), visibility: rng.chance(0.5) ? 'Private' : 'Public', createdDaysAgo: rng.int(5, 900) }, team, team.slice(0, 2));
  }
  return { groups, members, owners };
}
