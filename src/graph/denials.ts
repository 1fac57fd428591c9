// When Graph refuses (403 Authorization_RequestDenied), people need to hear what their account
// could not read and who could — not an error code. One table, by the Graph request that failed;
// role lists follow the Graph permission docs for delegated calls (../shared/reference/graph.md).

export interface Denial {
  /** What could not be read, in plain words ("the directory sync configuration"). */
  what: string;
  /** Built-in roles that may read it. */
  roles: string[];
}

const TABLE: { match: RegExp; denial: Denial }[] = [
  { match: /^\/directory\/onPremisesSynchronization/i, denial: { what: 'the directory sync configuration (password hash sync and writeback settings)', roles: ['Global Administrator'] } },
  { match: /signInActivity/i, denial: { what: 'sign-in activity', roles: ['Global Reader', 'Reports Reader', 'Security Reader', 'Security Administrator', 'Global Administrator'] } },
  { match: /^\/oauth2PermissionGrants|\/oauth2PermissionGrants/i, denial: { what: 'the permissions people and admins have granted to apps (consent grants)', roles: ['Global Reader', 'Directory Readers', 'Cloud Application Administrator', 'Application Administrator'] } },
  { match: /^\/users\/[^/?]+\/licenseDetails/i, denial: { what: "another person's license details", roles: ['Directory Readers', 'License Administrator', 'User Administrator', 'Global Reader'] } },
  { match: /^\/(users|me)\b.*\/(memberOf|transitiveMemberOf)/i, denial: { what: 'group memberships', roles: ['Directory Readers', 'Groups Administrator', 'Global Reader'] } },
  { match: /^\/groups\b/i, denial: { what: 'groups and their members', roles: ['Directory Readers', 'Groups Administrator', 'Global Reader'] } },
  { match: /^\/users\b/i, denial: { what: "other people's accounts", roles: ['Directory Readers', 'User Administrator', 'Global Reader'] } },
  { match: /^\/(applications|servicePrincipals)\b/i, denial: { what: 'app registrations and enterprise apps', roles: ['Directory Readers', 'Application Administrator', 'Cloud Application Administrator', 'Global Reader'] } },
  { match: /^\/(directoryRoles|roleManagement)\b/i, denial: { what: 'directory roles and who holds them', roles: ['Directory Readers', 'Privileged Role Administrator', 'Global Reader'] } },
  { match: /^\/subscribedSkus\b/i, denial: { what: "the organization's licenses", roles: ['Directory Readers', 'License Administrator', 'Global Reader'] } },
  { match: /^\/domains\b/i, denial: { what: 'the domains', roles: ['Directory Readers', 'Domain Name Administrator', 'Global Reader'] } },
  { match: /^\/organization\b/i, denial: { what: 'the organization details', roles: ['Directory Readers', 'Global Reader'] } },
];

export function explainDenial(url: string): Denial {
  const path = url.replace(/^https?:\/\/[^/]+\/(v1\.0|beta)/, '');
  return TABLE.find((t) => t.match.test(path))?.denial ?? { what: 'this part of the directory', roles: ['Global Reader'] };
}
