// Who may read what: one table, from the graph reference (§0 DUP, §1 per question, PERM pages).
// A delegated call needs one of `delegated` in the token's scp AND, where `roles` is given, the
// signed-in user must hold one of those directory roles. An app-only call needs one of
// `application` in the token's roles (no user-role limits); an empty list means Graph does not
// support app-only access there.

/** Built-in directory role template ids (the fixed, published ids). */
export const ROLE = {
  globalAdministrator: '62e90394-69f5-4237-9190-012177145e10',
  globalReader: 'f2ef992c-3afb-46b9-b7cf-a126ee74c451',
  reportsReader: '4a5d8f65-41da-4de4-8968-e035b65339cf',
  securityAdministrator: '194ae4cb-b126-40b2-bd5b-6091b380977d',
  securityOperator: '5f2222b1-57c3-48ba-8ad5-d4759f1fde6f',
  securityReader: '5d6b6bb7-de71-4623-b4af-96380a352509',
  directoryReaders: '88d8e3e3-8f55-4a1e-953a-9b9898b8876b',
  directoryWriters: '9360feb5-f418-4baa-8175-e2a00bac4301',
  licenseAdministrator: '4d6ac14f-3453-41d0-bef9-a3e0c569773a',
  userAdministrator: 'fe930be7-5e62-47db-91af-98c3a49a38b1',
  applicationAdministrator: '9b895d92-2cd3-44c7-9d02-a6ac2d5ea5c3',
  applicationDeveloper: 'cf1c38e5-3621-4004-a7cb-879624dced7c',
  cloudApplicationAdministrator: '158c047a-c907-4556-b7ef-446551a6b5f7',
  privilegedRoleAdministrator: 'e8611ab8-c189-46e8-94e1-60213ab1f814',
} as const;

export interface Requirement {
  delegated: string[];
  application: string[];
  roles?: string[];
}

const DIRECTORY_READ = ['Directory.Read.All', 'Directory.ReadWrite.All', 'Directory.AccessAsUser.All'];
const USERS_BASIC = ['User.ReadBasic.All', 'User.Read.All', 'User.ReadWrite.All', ...DIRECTORY_READ];
const USERS_FULL = ['User.Read.All', 'User.ReadWrite.All', ...DIRECTORY_READ];
const USERS_APP = ['User.Read.All', 'User.ReadWrite.All', 'Directory.Read.All', 'Directory.ReadWrite.All'];
const SELF = ['User.Read', 'User.ReadWrite', ...USERS_BASIC];
const GROUPS = ['GroupMember.Read.All', 'Group.Read.All', 'Group.ReadWrite.All', ...DIRECTORY_READ];
const APPS = ['Application.Read.All', 'Application.ReadWrite.All', ...DIRECTORY_READ];
const ROLES_READ = ['RoleManagement.Read.Directory', 'RoleManagement.Read.All', 'RoleManagement.ReadWrite.Directory', ...DIRECTORY_READ];
const app = (list: string[]) => list.filter((s) => s !== 'Directory.AccessAsUser.All' && s !== 'User.Read' && s !== 'User.ReadWrite');

export const PERMISSIONS = {
  /** organization, beta organization (PERM/organization-get: least User.Read). */
  organization: { delegated: ['User.Read', 'Organization.Read.All', 'Organization.ReadWrite.All', ...DIRECTORY_READ], application: ['Organization.Read.All', 'Organization.ReadWrite.All', 'Directory.Read.All', 'Directory.ReadWrite.All'] },
  /** /me and /users/{own id}: every property of oneself. */
  userSelf: { delegated: SELF, application: USERS_APP },
  /** /users, /users/{other}: the basic profile. */
  users: { delegated: USERS_BASIC, application: USERS_APP },
  /** Non-basic properties (onPremises*, accountEnabled, assignedLicenses …) of other users (UL). */
  usersFull: { delegated: USERS_FULL, application: USERS_APP },
  /** UR: AuditLog.Read.All, and for delegated calls one of the reporting/security roles. */
  signInActivity: {
    delegated: ['AuditLog.Read.All'],
    application: ['AuditLog.Read.All'],
    roles: [ROLE.globalAdministrator, ROLE.globalReader, ROLE.reportsReader, ROLE.securityAdministrator, ROLE.securityOperator, ROLE.securityReader],
  },
  /** Own licenseDetails: any member. */
  licenseDetailsSelf: { delegated: ['User.Read', 'LicenseAssignment.Read.All', ...USERS_BASIC], application: ['LicenseAssignment.Read.All', ...USERS_APP] },
  /** Another user's licenseDetails: a role with microsoft.directory/users/licenseDetails/read. */
  licenseDetails: {
    delegated: ['LicenseAssignment.Read.All', 'LicenseAssignment.ReadWrite.All', ...DIRECTORY_READ],
    application: ['LicenseAssignment.Read.All', 'Directory.Read.All', 'Directory.ReadWrite.All'],
    roles: [ROLE.directoryReaders, ROLE.directoryWriters, ROLE.licenseAdministrator, ROLE.userAdministrator, ROLE.globalReader, ROLE.globalAdministrator],
  },
  /** memberOf / transitiveMemberOf of oneself; items the caller cannot read come back as id + @odata.type. */
  memberOfSelf: { delegated: [...SELF, ...GROUPS], application: app([...USERS_APP, ...GROUPS]) },
  memberOf: { delegated: [...USERS_BASIC, ...GROUPS], application: app([...USERS_APP, ...GROUPS]) },
  appRoleAssignmentsSelf: { delegated: [...SELF, ...APPS], application: app([...USERS_APP, ...APPS]) },
  appRoleAssignments: { delegated: [...USERS_FULL, ...APPS], application: app([...USERS_APP, ...APPS]) },
  groups: { delegated: GROUPS, application: app(GROUPS) },
  groupMembers: { delegated: GROUPS, application: app(GROUPS) },
  applications: { delegated: APPS, application: app(APPS) },
  /** §1.7: Directory.Read.All and, delegated, one of these roles. */
  oauth2PermissionGrants: {
    delegated: ['Directory.Read.All', 'DelegatedPermissionGrant.ReadWrite.All', 'Directory.ReadWrite.All', 'Directory.AccessAsUser.All'],
    application: ['Directory.Read.All', 'DelegatedPermissionGrant.ReadWrite.All', 'Directory.ReadWrite.All'],
    roles: [
      ROLE.globalAdministrator,
      ROLE.globalReader,
      ROLE.directoryReaders,
      ROLE.applicationAdministrator,
      ROLE.applicationDeveloper,
      ROLE.cloudApplicationAdministrator,
      ROLE.directoryWriters,
      ROLE.userAdministrator,
      ROLE.privilegedRoleAdministrator,
    ],
  },
  subscribedSkus: { delegated: ['LicenseAssignment.Read.All', 'Organization.Read.All', ...DIRECTORY_READ], application: ['LicenseAssignment.Read.All', 'Organization.Read.All', 'Directory.Read.All', 'Directory.ReadWrite.All'] },
  domains: { delegated: ['Domain.Read.All', 'Domain.ReadWrite.All', ...DIRECTORY_READ], application: ['Domain.Read.All', 'Domain.ReadWrite.All', 'Directory.Read.All', 'Directory.ReadWrite.All'] },
  directoryRoles: { delegated: ROLES_READ, application: app(ROLES_READ) },
  /** §1.2: "Global Administrator is the only role supported"; application permissions not supported. */
  onPremisesSynchronization: { delegated: ['OnPremDirectorySynchronization.Read.All', 'OnPremDirectorySynchronization.ReadWrite.All'], application: [], roles: [ROLE.globalAdministrator] },
  authorizationPolicy: { delegated: ['Policy.Read.All', 'Policy.ReadWrite.Authorization'], application: ['Policy.Read.All', 'Policy.ReadWrite.Authorization'] },
} satisfies Record<string, Requirement>;

export type Operation = keyof typeof PERMISSIONS;

/**
 * What it takes to see an object of a type inside a directoryObject collection (memberOf, members,
 * owners …). Without it, Graph still lists the object, but only with @odata.type and id.
 */
export const TYPE_READ: Record<string, Requirement> = {
  user: { delegated: USERS_BASIC, application: USERS_APP },
  group: { delegated: GROUPS, application: app(GROUPS) },
  servicePrincipal: { delegated: APPS, application: app(APPS) },
  application: { delegated: APPS, application: app(APPS) },
  directoryRole: { delegated: ROLES_READ, application: app(ROLES_READ) },
  device: { delegated: ['Device.Read.All', ...DIRECTORY_READ], application: ['Device.Read.All', 'Directory.Read.All'] },
  orgContact: { delegated: ['OrgContact.Read.All', ...DIRECTORY_READ], application: ['OrgContact.Read.All', 'Directory.Read.All'] },
};
