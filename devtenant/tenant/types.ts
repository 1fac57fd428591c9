// The dev tenant's data: folders of Graph-shaped JSON (see devtenant/README.md for the format).
// Each collection file is an array of objects exactly as Graph v1.0 returns them, so an export of
// a real tenant can be dropped in. Relationships (members, owners, managers) live in their own
// file because Graph returns them from separate navigation requests, not as properties.

/** One Graph resource object as v1.0 returns it (`id` always present). */
export type GraphObject = { id: string } & Record<string, unknown>;

/** The collection files of a tenant folder, by file name without `.json`. */
export const COLLECTIONS = [
  'organization',
  'users',
  'groups',
  'applications',
  'servicePrincipals',
  'subscribedSkus',
  'domains',
  'directoryRoles',
  'oauth2PermissionGrants',
  'appRoleAssignments',
  'onPremisesSynchronization',
] as const;
export type CollectionName = (typeof COLLECTIONS)[number];

export interface Relationships {
  /** group id or directoryRole id → ids of its direct members (users, groups, servicePrincipals). */
  members: Record<string, string[]>;
  /** application id or servicePrincipal id → ids of its owners (users or servicePrincipals). */
  owners: Record<string, string[]>;
  /** user id → id of the user's manager. */
  managers: Record<string, string>;
}

/**
 * Dev-tenant-only settings (devtenant.json): what a real tenant keeps outside Graph's reach.
 * Nothing here is served by the Graph emulator.
 */
export interface DevTenantSettings {
  /** Client secrets the Entra emulator accepts, by application (client) id. Real Entra never reveals them. */
  clientSecrets: Record<string, string>;
  /**
   * Members to whom `authorizationPolicy.defaultUserRolePermissions.allowedToReadOtherUsers = false`
   * applies. Entra applies that policy to the whole default user role; the sample tenant names
   * one member so that one tenant can show both behaviours.
   */
  restrictedUsers: string[];
  /**
   * When the data was written (ISO 8601). If present, loadTenant moves every DateTimeOffset value
   * forward by (now − referenceDateTime), so "synced 20 minutes ago" stays true. Real exports omit it.
   */
  referenceDateTime?: string;
}

export type TenantData = { [K in CollectionName]: GraphObject[] } & {
  relationships: Relationships;
  settings: DevTenantSettings;
  /** policies/authorizationPolicy as Graph returns it (optional file authorizationPolicy.json). */
  authorizationPolicy?: GraphObject;
};

/** A loaded tenant: the data plus the lookups every server needs. Objects are shared, never copied. */
export interface Tenant {
  dir: string;
  data: TenantData;
  /** The tenant (directory) id: organization[0].id. */
  tenantId: string;
  /** Any directory object by id (users, groups, applications, servicePrincipals, directoryRoles). */
  byId: Map<string, GraphObject>;
  /** Users by lower-cased userPrincipalName. */
  userByUpn: Map<string, GraphObject>;
  /** Applications and service principals by appId. */
  applicationByAppId: Map<string, GraphObject>;
  servicePrincipalByAppId: Map<string, GraphObject>;
  /** Reverse of relationships.members: member id → ids of the groups and roles it belongs to directly. */
  memberOf: Map<string, string[]>;
  /** Reverse of relationships.managers: manager id → direct report ids. */
  directReports: Map<string, string[]>;
  /** The @odata.type of a directory object by id ('#microsoft.graph.user', …). */
  typeOf(id: string): string | undefined;
}
