// Lookups over the extracted v1.0 schema: property types by entity or complex type, resolved the
// way Graph resolves names in $select and $filter (case-insensitively), plus the default property
// sets Graph returns when there is no $select.
import { COMPLEX_PROPERTIES, ENTITY_NAVIGATION, ENTITY_PROPERTIES } from './schema-data.ts';

export interface PropType {
  /** Canonical property name (as the schema spells it). */
  name: string;
  /** Edm primitive without 'Edm.', 'enum', or a complex type name. */
  type: string;
  collection: boolean;
  complex: boolean;
}

type Table = Map<string, PropType>;

function parseTable(spec: string): Table {
  const table: Table = new Map();
  for (const pair of spec.split(' ')) {
    if (!pair) continue;
    const [name, raw] = pair.split(':') as [string, string];
    const collection = raw.endsWith('[]');
    const type = collection ? raw.slice(0, -2) : raw;
    table.set(name.toLowerCase(), { name, type, collection, complex: type in COMPLEX_PROPERTIES });
  }
  return table;
}

const entityTables = new Map<string, Table>();
const complexTables = new Map<string, Table>();
const navTables = new Map<string, Table>();

function table(cache: Map<string, Table>, source: Record<string, string>, name: string): Table | undefined {
  let t = cache.get(name);
  if (!t) {
    const spec = source[name];
    if (spec === undefined) return undefined;
    t = parseTable(spec);
    cache.set(name, t);
  }
  return t;
}

/** The entity types the emulator serves; 'directoryObject' stands for the polymorphic relationship collections. */
export type EntityTypeName =
  | 'user'
  | 'group'
  | 'application'
  | 'servicePrincipal'
  | 'organization'
  | 'domain'
  | 'subscribedSku'
  | 'directoryRole'
  | 'oAuth2PermissionGrant'
  | 'appRoleAssignment'
  | 'licenseDetails'
  | 'unifiedRoleAssignment'
  | 'unifiedRoleDefinition'
  | 'onPremisesDirectorySynchronization'
  | 'authorizationPolicy'
  | 'orgContact'
  | 'device'
  | 'directoryObject';

/** What a directoryObject collection may hold; $select on it may name any of their properties. */
export const DIRECTORY_OBJECT_TYPES: EntityTypeName[] = ['user', 'group', 'servicePrincipal', 'application', 'directoryRole', 'orgContact', 'device'];

/** The beta organization adds the one property the bot reads from beta. */
const BETA_ORGANIZATION_EXTRA: PropType = { name: 'onPremisesLastPasswordSyncDateTime', type: 'DateTimeOffset', collection: false, complex: false };

export function entityProperty(type: EntityTypeName, name: string, beta = false): PropType | undefined {
  const key = name.toLowerCase();
  if (type === 'directoryObject') {
    if (key === 'id') return { name: 'id', type: 'String', collection: false, complex: false };
    for (const t of DIRECTORY_OBJECT_TYPES) {
      const p = table(entityTables, ENTITY_PROPERTIES, t)?.get(key);
      if (p) return p;
    }
    return undefined;
  }
  if (beta && type === 'organization' && key === BETA_ORGANIZATION_EXTRA.name.toLowerCase()) return BETA_ORGANIZATION_EXTRA;
  return table(entityTables, ENTITY_PROPERTIES, type)?.get(key);
}

export function complexProperty(complexType: string, name: string): PropType | undefined {
  return table(complexTables, COMPLEX_PROPERTIES, complexType)?.get(name.toLowerCase());
}

export function isComplexType(name: string): boolean {
  return name in COMPLEX_PROPERTIES;
}

export function navigationProperty(type: EntityTypeName, name: string): PropType | undefined {
  if (type === 'directoryObject') return undefined;
  return table(navTables, ENTITY_NAVIGATION, type)?.get(name.toLowerCase());
}

/** 'microsoft.graph.user', as Graph names types in error messages and @odata.type. */
export function qualified(type: EntityTypeName): string {
  return `microsoft.graph.${type}`;
}

/** The resource name Graph's directory errors use ("… of resource 'User'"). */
export function resourceLabel(type: EntityTypeName): string {
  if (type === 'oAuth2PermissionGrant') return 'OAuth2PermissionGrant';
  return type[0]!.toUpperCase() + type.slice(1);
}

/** UL: "By default, only a limited set of properties are returned". */
export const USER_DEFAULT_PROPERTIES = ['businessPhones', 'displayName', 'givenName', 'jobTitle', 'mail', 'mobilePhone', 'officeLocation', 'preferredLanguage', 'surname', 'userPrincipalName', 'id'];

/** What User.ReadBasic.All may read of other users (the "basic profile"). */
export const USER_BASIC_PROPERTIES = new Set(['id', 'displayName', 'givenName', 'surname', 'mail', 'userPrincipalName']);

/** Group properties documented as "Returned only on $select" (group resource). */
const GROUP_SELECT_ONLY = new Set(['allowExternalSenders', 'autoSubscribeNewMembers', 'hideFromAddressLists', 'hideFromOutlookClients', 'isSubscribedByMail', 'unseenCount', 'hasMembersWithLicenseErrors', 'assignedLicenses', 'licenseProcessingState', 'isArchived', 'membershipRuleProcessingState']);

/**
 * The properties returned without $select. Users return the documented eleven; other types return
 * what the tenant file holds (Graph returns nearly all of them), minus the documented select-only ones.
 */
export function defaultProperties(type: EntityTypeName, o: Record<string, unknown>): string[] {
  if (type === 'user') return USER_DEFAULT_PROPERTIES;
  const keys = Object.keys(o).filter((k) => !k.startsWith('@'));
  if (type === 'group') return keys.filter((k) => !GROUP_SELECT_ONLY.has(k));
  return keys;
}
