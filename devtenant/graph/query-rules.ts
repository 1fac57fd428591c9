// Which $filter, $orderby and $search uses Graph supports on directory objects, and which of them
// need an advanced query (ConsistencyLevel: eventual + $count=true). One table, read top to bottom.
//
// Sources: graph reference §0–§3 (AQ capture 2025-08-29, UL, UR) first; where it is silent, the AQ
// "filter-directory-objects" table and the resource pages' "Supports $filter (…)" notes.
//
// Filter notation: 'default ops | advanced-only ops'. Ops: eq in ge le gt lt startsWith endsWith null.
//  - `ne` and `not` are allowed wherever `eq` is, and always need an advanced query (AQ).
//  - `null` means `eq null` / `ne null`.
//  - Keys are paths: 'displayName'; 'signInActivity/lastSignInDateTime' (inside a complex value);
//    'assignedLicenses/any/skuId' (inside any(); 'proxyAddresses/any' for a string collection);
//    'assignedLicenses/$count' (ops on the count).
//  - A property or op that is not listed is not supported at all → Request_UnsupportedQuery.
import type { EntityTypeName } from './schema.ts';

export type Level = 'default' | 'advanced';

const EXTENSION_ATTRIBUTES = Object.fromEntries(Array.from({ length: 15 }, (_, i) => [`onPremisesExtensionAttributes/extensionAttribute${i + 1}`, '| eq in ge le']));

const FILTER: Partial<Record<EntityTypeName, Record<string, string>>> = {
  user: {
    id: 'eq in',
    accountEnabled: 'eq in | ge le',
    ageGroup: 'eq in',
    'assignedLicenses/any/skuId': 'eq',
    'assignedLicenses/$count': '| eq ne',
    'assignedPlans/any/capabilityStatus': 'eq',
    'assignedPlans/any/service': 'eq',
    'assignedPlans/any/servicePlanId': 'eq',
    'businessPhones/any': 'eq',
    city: 'eq in ge le startsWith | null',
    companyName: '| eq in ge le startsWith null',
    consentProvidedForMinor: 'eq in',
    country: 'eq in ge le startsWith | null',
    createdDateTime: 'eq ge le | in',
    creationType: 'eq in',
    department: 'eq in ge le startsWith | null',
    displayName: 'eq in startsWith | null',
    employeeHireDate: '| eq in ge le',
    employeeId: 'eq startsWith | in null',
    employeeType: '| eq in ge le startsWith',
    externalUserState: 'eq in',
    givenName: 'eq in ge le startsWith | null',
    'identities/any/issuer': 'eq',
    'identities/any/issuerAssignedId': 'eq',
    'imAddresses/any': 'eq ge le startsWith',
    isResourceAccount: 'eq',
    jobTitle: 'eq in ge le startsWith | null',
    lastPasswordChangeDateTime: 'eq in ge le',
    mail: 'eq in ge le startsWith | endsWith null',
    mailNickname: 'eq in ge le startsWith | null',
    mobilePhone: '| eq in ge le startsWith null',
    officeLocation: '| eq in ge le startsWith null',
    ...EXTENSION_ATTRIBUTES,
    onPremisesImmutableId: 'eq in | ge le',
    onPremisesLastSyncDateTime: 'ge le | eq in',
    'onPremisesProvisioningErrors/any/category': 'eq',
    'onPremisesProvisioningErrors/any/propertyCausingError': 'eq',
    'onPremisesProvisioningErrors/$count': '| eq ne',
    onPremisesSamAccountName: '| eq in ge le startsWith',
    onPremisesSecurityIdentifier: 'eq in | null',
    onPremisesSyncEnabled: 'eq in | ge le null',
    onPremisesUserPrincipalName: 'eq in ge le startsWith',
    'otherMails/any': 'eq ge le startsWith | endsWith',
    passwordPolicies: '| eq null',
    postalCode: '| eq in ge le startsWith null',
    preferredLanguage: '| eq in ge le startsWith null',
    'proxyAddresses/any': 'eq ge le startsWith | endsWith',
    'proxyAddresses/$count': '| eq ne',
    showInAddressList: '| eq in ge le',
    'signInActivity/lastSignInDateTime': 'eq ge le',
    'signInActivity/lastNonInteractiveSignInDateTime': 'eq ge le',
    'signInActivity/lastSuccessfulSignInDateTime': 'eq ge le',
    state: 'eq in ge le startsWith | null',
    streetAddress: '| eq in ge le startsWith null',
    surname: 'eq in ge le startsWith | null',
    usageLocation: 'eq in ge le startsWith',
    userPrincipalName: 'eq in ge le startsWith | endsWith',
    userType: 'eq in | null',
  },
  group: {
    id: 'eq in',
    'assignedLicenses/any/skuId': 'eq',
    classification: 'eq in ge le startsWith',
    description: 'eq ge le startsWith',
    displayName: 'eq in ge le startsWith | null',
    expirationDateTime: 'eq in ge le',
    'groupTypes/any': 'eq',
    isAssignableToRole: 'eq',
    mail: 'eq in ge le startsWith | endsWith null',
    mailEnabled: 'eq',
    mailNickname: 'eq in ge le startsWith | null',
    membershipRule: 'eq',
    membershipRuleProcessingState: 'eq',
    onPremisesLastSyncDateTime: 'eq in ge le',
    'onPremisesProvisioningErrors/any/category': 'eq',
    'onPremisesProvisioningErrors/any/propertyCausingError': 'eq',
    'onPremisesProvisioningErrors/$count': '| eq ne',
    onPremisesSamAccountName: 'eq in ge le startsWith',
    onPremisesSecurityIdentifier: 'eq in | null',
    onPremisesSyncEnabled: 'eq in | null',
    'proxyAddresses/any': 'eq startsWith | endsWith',
    'proxyAddresses/$count': '| eq ne',
    renewedDateTime: 'eq in ge le',
    'resourceProvisioningOptions/any': 'eq',
    securityEnabled: 'eq in',
    visibility: 'eq in',
  },
  application: {
    id: 'eq in',
    appId: 'eq in startsWith',
    createdDateTime: 'ge le | eq in',
    description: '| eq ge le startsWith null',
    displayName: 'eq in startsWith | null',
    'identifierUris/any': 'eq startsWith',
    notes: '| eq ge le startsWith null',
    publisherDomain: 'eq in startsWith',
    'requiredResourceAccess/any/resourceAppId': '| eq',
    signInAudience: 'eq in',
    'tags/any': 'eq startsWith',
    uniqueName: 'eq in startsWith',
  },
  servicePrincipal: {
    id: 'eq in',
    accountEnabled: 'eq in',
    'alternativeNames/any': 'eq ge le startsWith',
    appId: 'eq in startsWith',
    appOwnerOrganizationId: '| eq ge le',
    appRoleAssignmentRequired: '| eq',
    description: '| eq ge le startsWith',
    displayName: 'eq in ge le startsWith | null',
    'servicePrincipalNames/any': 'eq ge le startsWith',
    servicePrincipalType: 'eq in',
    'tags/any': 'eq ge le startsWith',
  },
  directoryRole: {
    id: 'eq in',
    displayName: 'eq | startsWith',
    roleTemplateId: 'eq',
  },
  oAuth2PermissionGrant: {
    id: 'eq',
    clientId: 'eq',
    consentType: 'eq',
    principalId: 'eq',
    resourceId: 'eq',
  },
  appRoleAssignment: {
    principalId: 'eq',
    resourceId: 'eq',
    appRoleId: '| eq',
    principalDisplayName: '| eq startsWith',
    principalType: '| eq',
    resourceDisplayName: '| eq startsWith',
    createdDateTime: '| ge le',
  },
  // Polymorphic relationship collections (memberOf, members, owners …) without a cast segment.
  directoryObject: {
    id: 'eq in',
    displayName: 'eq in startsWith | null',
  },
  // roleManagement is not a directory object: no advanced queries, eq only.
  unifiedRoleAssignment: {
    id: 'eq',
    principalId: 'eq',
    roleDefinitionId: 'eq',
    directoryScopeId: 'eq',
    appScopeId: 'eq',
  },
  unifiedRoleDefinition: {
    id: 'eq',
    displayName: 'eq startsWith',
    isBuiltIn: 'eq',
    templateId: 'eq',
  },
};

/** $orderby (AQ "Support for sorting"): only these properties; one property per request. */
const ORDERBY: Partial<Record<EntityTypeName, Record<string, Level>>> = {
  user: { displayName: 'default', userPrincipalName: 'default', createdDateTime: 'advanced' },
  group: { displayName: 'default' },
  application: { displayName: 'advanced', createdDateTime: 'advanced' },
  servicePrincipal: { displayName: 'advanced', createdDateTime: 'advanced' },
  directoryObject: { displayName: 'advanced' },
};

/** $search: the properties a "property:text" clause may name. */
const SEARCH: Partial<Record<EntityTypeName, string[]>> = {
  user: ['displayName', 'givenName', 'surname', 'mail', 'mailNickname', 'userPrincipalName', 'proxyAddresses', 'otherMails', 'jobTitle', 'employeeId'],
  group: ['displayName', 'description', 'mail', 'mailNickname', 'proxyAddresses'],
  application: ['displayName', 'description', 'appId'],
  servicePrincipal: ['displayName', 'description', 'appId'],
  directoryObject: ['displayName', 'description', 'mail', 'userPrincipalName'],
};

/** Entity types whose collections are directory objects: advanced queries and $count apply. */
export const DIRECTORY_TYPES = new Set<EntityTypeName>(['user', 'group', 'application', 'servicePrincipal', 'directoryRole', 'oAuth2PermissionGrant', 'appRoleAssignment', 'orgContact', 'device', 'directoryObject']);

export type FilterOp = 'eq' | 'ne' | 'in' | 'ge' | 'le' | 'gt' | 'lt' | 'startsWith' | 'endsWith' | 'null';

type ParsedRule = Partial<Record<Exclude<FilterOp, 'ne'>, Level>>;
const parsed = new Map<string, ParsedRule | null>();

function ruleFor(type: EntityTypeName, key: string): ParsedRule | undefined {
  const cacheKey = `${type}|${key}`;
  let rule = parsed.get(cacheKey);
  if (rule === undefined) {
    const spec = FILTER[type]?.[key];
    if (spec === undefined) rule = null;
    else {
      const [d = '', a = ''] = spec.split('|');
      rule = {};
      for (const op of d.trim().split(/\s+/).filter(Boolean)) rule[op as keyof ParsedRule] = 'default';
      for (const op of a.trim().split(/\s+/).filter(Boolean)) rule[op as keyof ParsedRule] = 'advanced';
    }
    parsed.set(cacheKey, rule);
  }
  return rule ?? undefined;
}

/**
 * How Graph treats one use of a property in $filter: undefined when unsupported.
 * gt/lt follow ge/le; ne follows eq and is always advanced.
 */
export function filterSupport(type: EntityTypeName, key: string, op: FilterOp): Level | undefined {
  const rule = ruleFor(type, key);
  if (!rule) return undefined;
  if (op === 'ne') return rule.eq ? 'advanced' : undefined;
  if (op === 'gt') return rule.ge;
  if (op === 'lt') return rule.le;
  return rule[op];
}

export function hasFilterRules(type: EntityTypeName): boolean {
  return FILTER[type] !== undefined;
}

export function orderbySupport(type: EntityTypeName, property: string): Level | undefined {
  return ORDERBY[type]?.[property];
}

export function searchable(type: EntityTypeName, property: string): string | undefined {
  return SEARCH[type]?.find((p) => p.toLowerCase() === property.toLowerCase());
}
