// The URL space: turns /v1.0/… path segments into what they address (a collection or one entity,
// its type, its @odata.context, which query options it takes, who may read it). Unknown segments
// and ids fail exactly as Graph fails them.
import type { GraphObject, Tenant } from '../tenant/types.ts';
import { allowed, demand, demandOtherUser, isSelf, type Caller } from './caller.ts';
import { licenseDetailsOf, roleAssignments, roleDefinitions } from './derived.ts';
import type { Operation } from './permissions.ts';
import * as rel from './relations.ts';
import { USER_BASIC_PROPERTIES, entityProperty, navigationProperty, type EntityTypeName } from './schema.ts';
import { GraphFailure, fail } from './wire.ts';

export interface Options {
  filter: boolean;
  search: boolean;
  orderby: boolean;
  expand: boolean;
}

export interface Resolved {
  kind: 'collection' | 'entity';
  type: EntityTypeName;
  items?: readonly GraphObject[];
  object?: GraphObject;
  /** After '$metadata#': 'users', "users('…')/licenseDetails", 'directoryObjects'. */
  context: string;
  /** Directory objects: advanced-query rules and $count apply. */
  directory: boolean;
  /** A relationship of a directory object: $filter/$orderby there need an advanced query (AQ). */
  relationship: boolean;
  /** An OData cast segment was used (AQ: casts combined with other parameters are advanced). */
  cast: boolean;
  /** Items carry @odata.type. */
  polymorphic: boolean;
  pageable: boolean;
  countSegment: boolean;
  options: Options;
  beta: boolean;
  /** Checks permissions given every property the request names; returns true when only the basic user profile may be shown. */
  authorize: (caller: Caller, names: Set<string>) => { basicOnly: boolean };
}

interface Segment {
  name: string;
  key?: string;
  altKey?: { name: string; value: string };
  raw: string;
}

const NONE: Options = { filter: false, search: false, orderby: false, expand: false };
const ALL: Options = { filter: true, search: true, orderby: true, expand: true };
const FILTER_ONLY: Options = { filter: true, search: false, orderby: false, expand: false };

export function parseSegment(raw: string): Segment {
  // Keys may hold almost anything (UPNs with '@', '#EXT#', apostrophes); only parentheses delimit a key.
  const m = /^([^()]+)(?:\((.*)\))?$/s.exec(raw);
  if (!m) throw fail.segment(raw);
  const seg: Segment = { name: m[1]!, raw };
  const key = m[2];
  if (key !== undefined) {
    const quoted = /^'((?:[^']|'')*)'$/.exec(key);
    const alt = /^([A-Za-z]+)='((?:[^']|'')*)'$/.exec(key);
    if (quoted) seg.key = quoted[1]!.replace(/''/g, "'");
    else if (alt) seg.altKey = { name: alt[1]!, value: alt[2]!.replace(/''/g, "'") };
    else if (/^[0-9a-fA-F-]{36}$/.test(key)) seg.key = key;
    else throw fail.segment(raw);
  }
  return seg;
}

const CAST_TYPES: Record<string, EntityTypeName> = {
  'microsoft.graph.user': 'user',
  'microsoft.graph.group': 'group',
  'microsoft.graph.serviceprincipal': 'servicePrincipal',
  'microsoft.graph.application': 'application',
  'microsoft.graph.directoryrole': 'directoryRole',
  'microsoft.graph.device': 'device',
  'microsoft.graph.orgcontact': 'orgContact',
};

const COLLECTION_OF: Partial<Record<EntityTypeName, string>> = { user: 'users', group: 'groups', servicePrincipal: 'servicePrincipals', application: 'applications', directoryRole: 'directoryRoles', device: 'devices', orgContact: 'contacts' };

/** The "users may see" rule for user data: restricted members see only themselves, basic scopes see the basic profile. */
function userGate(caller: Caller, subject: GraphObject | undefined, names: Set<string>, selfOp: Operation = 'userSelf', otherOp: Operation = 'users'): { basicOnly: boolean } {
  if (names.has('signInActivity')) demand(caller, 'signInActivity');
  if (subject && isSelf(caller, subject.id)) {
    demand(caller, selfOp);
    return { basicOnly: false };
  }
  demandOtherUser(caller);
  demand(caller, otherOp);
  if (allowed(caller, 'usersFull')) return { basicOnly: false };
  for (const n of names) if (!USER_BASIC_PROPERTIES.has(n)) throw fail.denied();
  return { basicOnly: true };
}

function plain(op: Operation) {
  return (caller: Caller) => {
    demand(caller, op);
    return { basicOnly: false };
  };
}

function listingOthers(op: Operation) {
  return (caller: Caller) => {
    demandOtherUser(caller);
    demand(caller, op);
    return { basicOnly: !allowed(caller, 'usersFull') };
  };
}

function base(kind: 'collection' | 'entity', type: EntityTypeName, context: string, beta: boolean): Resolved {
  const directory = ['user', 'group', 'application', 'servicePrincipal', 'directoryRole', 'oAuth2PermissionGrant', 'appRoleAssignment'].includes(type);
  return {
    kind,
    type,
    context,
    directory,
    relationship: false,
    cast: false,
    polymorphic: false,
    pageable: kind === 'collection',
    countSegment: false,
    options: kind === 'collection' ? ALL : { ...NONE, expand: true },
    beta,
    authorize: () => ({ basicOnly: false }),
  };
}

function entityOf(r: Resolved, object: GraphObject, context: string): Resolved {
  return { ...r, kind: 'entity', object, items: undefined, context, pageable: false, options: { ...NONE, expand: r.options.expand } };
}

export function resolve(segments: string[], tenant: Tenant, caller: Caller, beta: boolean): Resolved {
  const segs = segments.map(parseSegment);
  const [first, ...rest] = segs;
  if (!first) throw fail.badRequest('Invalid request URL: no resource was addressed.');
  if (beta && first.name !== 'organization') throw fail.segment(first.raw);
  const d = tenant.data;
  switch (first.name) {
    case 'organization': {
      const r = { ...base('collection', 'organization', 'organization', beta), items: d.organization, pageable: false, options: NONE, authorize: plain('organization') };
      return keyed(r, first, rest, (id) => d.organization.find((o) => o.id === id), 'organization');
    }
    case 'me': {
      if (first.key !== undefined || first.altKey) throw fail.segment(first.raw);
      if (caller.kind !== 'delegated') throw fail.badRequest('/me request is only valid with delegated authentication flow.');
      if (!caller.user) throw fail.notFound(caller.oid);
      return userPath(tenant, caller.user, rest, beta);
    }
    case 'users': {
      if (first.altKey) throw fail.segment(first.raw);
      if (first.key === undefined && rest.length === 0) {
        return { ...base('collection', 'user', 'users', beta), items: d.users, authorize: (c, names) => denyGuests(c, () => userGate(c, undefined, names)) };
      }
      if (first.key === undefined && rest[0]?.name === '$count') {
        if (rest.length > 1) throw fail.segment(rest[1]!.raw);
        return { ...base('collection', 'user', 'users', beta), items: d.users, countSegment: true, authorize: (c, names) => denyGuests(c, () => userGate(c, undefined, names)) };
      }
      const key = first.key ?? rest[0]!.name;
      const tail = first.key !== undefined ? rest : rest.slice(1);
      return userPath(tenant, findUser(tenant, key), tail, beta);
    }
    case 'groups':
      return directoryCollection(tenant, first, rest, 'group', d.groups, beta, plain('groups'), (g, tail) => groupPath(tenant, g, tail, beta));
    case 'applications':
      return directoryCollection(tenant, first, rest, 'application', d.applications, beta, plain('applications'), (a, tail) => appPath(tenant, a, tail, beta), {
        name: 'appId',
        find: (v) => tenant.applicationByAppId.get(v),
      });
    case 'servicePrincipals':
      return directoryCollection(tenant, first, rest, 'servicePrincipal', d.servicePrincipals, beta, plain('applications'), (s, tail) => spPath(tenant, s, tail, beta), {
        name: 'appId',
        find: (v) => tenant.servicePrincipalByAppId.get(v),
      });
    case 'directoryRoles':
      return directoryCollection(tenant, first, rest, 'directoryRole', d.directoryRoles, beta, plain('directoryRoles'), (r, tail) => rolePath(tenant, r, tail, beta),
        { name: 'roleTemplateId', find: (v) => d.directoryRoles.find((r) => typeof r.roleTemplateId === 'string' && r.roleTemplateId.toLowerCase() === v.toLowerCase()) },
        { pageable: false },
      );
    case 'oauth2PermissionGrants': {
      const r = { ...base('collection', 'oAuth2PermissionGrant', 'oauth2PermissionGrants', beta), items: d.oauth2PermissionGrants, options: FILTER_ONLY, authorize: plain('oauth2PermissionGrants') };
      return keyed(r, first, rest, (id) => d.oauth2PermissionGrants.find((g) => g.id === id), 'oauth2PermissionGrants');
    }
    case 'subscribedSkus': {
      const r = { ...base('collection', 'subscribedSku', 'subscribedSkus', beta), items: d.subscribedSkus, pageable: false, options: NONE, authorize: plain('subscribedSkus') };
      return keyed(r, first, rest, (id) => d.subscribedSkus.find((s) => s.id === id), 'subscribedSkus');
    }
    case 'domains': {
      const r = { ...base('collection', 'domain', 'domains', beta), items: d.domains, pageable: false, options: NONE, authorize: plain('domains') };
      return keyed(r, first, rest, (id) => d.domains.find((s) => s.id.toLowerCase() === id.toLowerCase()), 'domains');
    }
    case 'roleManagement':
      return roleManagementPath(tenant, first, rest, beta);
    case 'directory': {
      if (first.key !== undefined || first.altKey || rest[0]?.name !== 'onPremisesSynchronization') throw fail.segment(rest[0]?.raw ?? first.raw);
      const sync = rest[0]!;
      const r = { ...base('collection', 'onPremisesDirectorySynchronization', 'directory/onPremisesSynchronization', beta), items: d.onPremisesSynchronization, pageable: false, options: NONE, authorize: plain('onPremisesSynchronization') };
      return keyed(r, sync, rest.slice(1), (id) => d.onPremisesSynchronization.find((s) => s.id === id), 'directory/onPremisesSynchronization');
    }
    case 'policies': {
      if (first.key !== undefined || rest[0]?.name !== 'authorizationPolicy' || rest.length > 1) throw fail.segment(rest[0]?.raw ?? first.raw);
      const policy = d.authorizationPolicy;
      if (!policy) throw fail.notFound('authorizationPolicy');
      const r = base('entity', 'authorizationPolicy', 'policies/authorizationPolicy', beta);
      return { ...r, object: policy, options: NONE, authorize: plain('authorizationPolicy') };
    }
    default:
      throw fail.segment(first.raw);
  }
}

function denyGuests(caller: Caller, next: () => { basicOnly: boolean }): { basicOnly: boolean } {
  // UL: "Guests can't call this API."
  if (caller.kind === 'delegated' && caller.guest) throw fail.denied();
  return next();
}

function findUser(tenant: Tenant, key: string): GraphObject {
  const byId = tenant.byId.get(key);
  const user = byId && tenant.typeOf(key) === '#microsoft.graph.user' ? byId : tenant.userByUpn.get(key.toLowerCase());
  if (!user) throw fail.notFound(key);
  return user;
}

/** A collection addressed by key (…/{id}) or not at all; anything after a key is not served here. */
function keyed(r: Resolved, seg: Segment, rest: Segment[], find: (id: string) => GraphObject | undefined, context: string): Resolved {
  if (seg.altKey) throw fail.segment(seg.raw);
  const key = seg.key ?? (rest[0] && rest[0].name !== '$count' ? rest[0].name : undefined);
  const tail = seg.key !== undefined ? rest : rest.slice(1);
  if (key === undefined) {
    if (rest.length > 0) throw fail.segment(rest[0]!.raw);
    return r;
  }
  if (tail.length > 0) throw fail.segment(tail[0]!.raw);
  const o = find(key);
  if (!o) throw fail.notFound(key);
  return entityOf(r, o, `${context}/$entity`);
}

function directoryCollection(
  tenant: Tenant,
  first: Segment,
  rest: Segment[],
  type: EntityTypeName,
  items: readonly GraphObject[],
  beta: boolean,
  authorize: Resolved['authorize'],
  path: (o: GraphObject, tail: Segment[]) => Resolved,
  alt?: { name: string; find: (value: string) => GraphObject | undefined },
  extra: Partial<Resolved> = {},
): Resolved {
  const collection = COLLECTION_OF[type]!;
  const r: Resolved = { ...base('collection', type, collection, beta), items, authorize, ...extra };
  if (first.altKey) {
    if (!alt || first.altKey.name !== alt.name) throw fail.segment(first.raw);
    const o = alt.find(first.altKey.value);
    if (!o) throw fail.notFound(first.altKey.value);
    return path(o, rest);
  }
  if (first.key === undefined && rest.length === 0) return r;
  if (first.key === undefined && rest[0]!.name === '$count') {
    if (rest.length > 1) throw fail.segment(rest[1]!.raw);
    return { ...r, countSegment: true };
  }
  const key = first.key ?? rest[0]!.name;
  const tail = first.key !== undefined ? rest : rest.slice(1);
  const o = tenant.byId.get(key);
  if (!o || tenant.typeOf(key) !== `#microsoft.graph.${type}`) throw fail.notFound(key);
  return path(o, tail);
}

function entity(type: EntityTypeName, o: GraphObject, beta: boolean, authorize: Resolved['authorize']): Resolved {
  return { ...base('entity', type, `${COLLECTION_OF[type]}/$entity`, beta), object: o, authorize };
}

/** A directoryObject relationship collection, with an optional cast segment and /$count. */
function relationship(items: GraphObject[], tenant: Tenant, tail: Segment[], beta: boolean, authorize: Resolved['authorize'], pageable = true): Resolved {
  let type: EntityTypeName = 'directoryObject';
  let list = items;
  let cast = false;
  let i = 0;
  const castName = tail[0]?.name.toLowerCase();
  if (castName && castName.startsWith('microsoft.graph.')) {
    const t = CAST_TYPES[castName];
    if (!t) throw fail.segment(tail[0]!.raw);
    type = t;
    list = items.filter((o) => tenant.typeOf(o.id) === `#microsoft.graph.${t}`);
    cast = true;
    i = 1;
  }
  let countSegment = false;
  if (tail[i]?.name === '$count') {
    countSegment = true;
    i++;
  }
  if (tail[i]) throw fail.segment(tail[i]!.raw);
  return {
    kind: 'collection',
    type,
    items: list,
    context: cast ? COLLECTION_OF[type]! : 'directoryObjects',
    directory: true,
    relationship: true,
    cast,
    polymorphic: !cast,
    pageable,
    countSegment,
    options: ALL,
    beta,
    authorize,
  };
}

function unknownNav(type: EntityTypeName, seg: Segment): never {
  if (navigationProperty(type, seg.name) || entityProperty(type, seg.name)) {
    throw new GraphFailure(501, 'NotImplemented', `The dev tenant's Graph does not serve '${seg.name}' on ${type}.`);
  }
  throw fail.segment(seg.raw);
}

function userPath(tenant: Tenant, user: GraphObject, tail: Segment[], beta: boolean): Resolved {
  const [nav, ...more] = tail;
  if (!nav) return entity('user', user, beta, (c, names) => userGate(c, user, names));
  if (nav.key !== undefined || nav.altKey) throw fail.segment(nav.raw);
  const self = (c: Caller) => isSelf(c, user.id);
  switch (nav.name) {
    case 'manager': {
      if (more.length) throw fail.segment(more[0]!.raw);
      const m = rel.manager(tenant, user.id);
      if (!m) throw fail.notFound('manager');
      const r = entity('user', m, beta, (c, names) => {
        userGate(c, user, new Set(), 'userSelf', 'users');
        return userGate(c, m, names);
      });
      return { ...r, type: tenant.typeOf(m.id) === '#microsoft.graph.user' ? 'user' : 'directoryObject', polymorphic: true, context: 'directoryObjects/$entity' };
    }
    case 'memberOf':
    case 'transitiveMemberOf': {
      const items = nav.name === 'memberOf' ? rel.memberOf(tenant, user.id) : rel.transitiveMemberOf(tenant, user.id);
      return relationship(items, tenant, more, beta, (c) => {
        if (self(c)) demand(c, 'memberOfSelf');
        else {
          demandOtherUser(c);
          demand(c, 'memberOf');
        }
        return { basicOnly: !allowed(c, 'usersFull') };
      });
    }
    case 'directReports':
      return relationship(rel.directReports(tenant, user.id), tenant, more, beta, (c) => {
        demandOtherUser(c);
        demand(c, self(c) ? 'userSelf' : 'users');
        return { basicOnly: !allowed(c, 'usersFull') };
      });
    case 'licenseDetails': {
      const details = licenseDetailsOf(tenant, user);
      const r: Resolved = {
        ...base('collection', 'licenseDetails', `users('${user.id}')/licenseDetails`, beta),
        items: details,
        options: NONE,
        authorize: (c) => {
          if (self(c)) demand(c, 'licenseDetailsSelf');
          else {
            demandOtherUser(c);
            demand(c, 'licenseDetails');
          }
          return { basicOnly: false };
        },
      };
      return keyed(r, { name: 'licenseDetails', raw: nav.raw }, more, (id) => details.find((x) => x.id === id), `users('${user.id}')/licenseDetails`);
    }
    case 'appRoleAssignments': {
      if (more.length) throw fail.segment(more[0]!.raw);
      // Graph: "also returns app role assignments granted to groups that the user is a direct member of"
      // (user-list-approleassignments). The reverse, servicePrincipals/{id}/appRoleAssignedTo, lists direct principals only.
      const groups = new Set((tenant.memberOf.get(user.id) ?? []).filter((id) => tenant.typeOf(id) === '#microsoft.graph.group'));
      const items = tenant.data.appRoleAssignments.filter((a) => a.principalId === user.id || groups.has(String(a.principalId)));
      return {
        ...base('collection', 'appRoleAssignment', `users('${user.id}')/appRoleAssignments`, beta),
        items,
        relationship: true,
        authorize: (c) => {
          if (self(c)) demand(c, 'appRoleAssignmentsSelf');
          else {
            demandOtherUser(c);
            demand(c, 'appRoleAssignments');
          }
          return { basicOnly: false };
        },
      };
    }
    default:
      return unknownNav('user', nav);
  }
}

function groupPath(tenant: Tenant, group: GraphObject, tail: Segment[], beta: boolean): Resolved {
  const [nav, ...more] = tail;
  if (!nav) return entity('group', group, beta, plain('groups'));
  if (nav.key !== undefined || nav.altKey) throw fail.segment(nav.raw);
  switch (nav.name) {
    case 'members':
      return relationship(rel.members(tenant, group.id), tenant, more, beta, listingOthers('groupMembers'));
    case 'transitiveMembers':
      return relationship(rel.transitiveMembers(tenant, group.id), tenant, more, beta, listingOthers('groupMembers'));
    case 'owners':
      return relationship(rel.owners(tenant, group.id), tenant, more, beta, listingOthers('groupMembers'));
    case 'memberOf':
      return relationship(rel.memberOf(tenant, group.id), tenant, more, beta, plain('groups'));
    case 'transitiveMemberOf':
      return relationship(rel.transitiveMemberOf(tenant, group.id), tenant, more, beta, plain('groups'));
    default:
      return unknownNav('group', nav);
  }
}

function appPath(tenant: Tenant, app: GraphObject, tail: Segment[], beta: boolean): Resolved {
  const [nav, ...more] = tail;
  if (!nav) return entity('application', app, beta, plain('applications'));
  if (nav.key !== undefined || nav.altKey) throw fail.segment(nav.raw);
  if (nav.name === 'owners') return relationship(rel.owners(tenant, app.id), tenant, more, beta, listingOthers('applications'));
  return unknownNav('application', nav);
}

function spPath(tenant: Tenant, sp: GraphObject, tail: Segment[], beta: boolean): Resolved {
  const [nav, ...more] = tail;
  if (!nav) return entity('servicePrincipal', sp, beta, plain('applications'));
  if (nav.key !== undefined || nav.altKey) throw fail.segment(nav.raw);
  const assignments = (items: GraphObject[], name: string): Resolved => {
    if (more.length) throw fail.segment(more[0]!.raw);
    return { ...base('collection', 'appRoleAssignment', `servicePrincipals('${sp.id}')/${name}`, beta), items, relationship: true, authorize: plain('applications') };
  };
  switch (nav.name) {
    case 'owners':
      return relationship(rel.owners(tenant, sp.id), tenant, more, beta, listingOthers('applications'));
    case 'memberOf':
      return relationship(rel.memberOf(tenant, sp.id), tenant, more, beta, plain('applications'));
    case 'appRoleAssignments':
      return assignments(tenant.data.appRoleAssignments.filter((a) => a.principalId === sp.id), 'appRoleAssignments');
    case 'appRoleAssignedTo':
      return assignments(tenant.data.appRoleAssignments.filter((a) => a.resourceId === sp.id), 'appRoleAssignedTo');
    case 'oauth2PermissionGrants': {
      if (more.length) throw fail.segment(more[0]!.raw);
      const items = tenant.data.oauth2PermissionGrants.filter((g) => g.clientId === sp.id);
      return { ...base('collection', 'oAuth2PermissionGrant', `servicePrincipals('${sp.id}')/oauth2PermissionGrants`, beta), items, relationship: true, options: FILTER_ONLY, authorize: plain('oauth2PermissionGrants') };
    }
    default:
      return unknownNav('servicePrincipal', nav);
  }
}

function rolePath(tenant: Tenant, role: GraphObject, tail: Segment[], beta: boolean): Resolved {
  const [nav, ...more] = tail;
  if (!nav) return entity('directoryRole', role, beta, plain('directoryRoles'));
  if (nav.key !== undefined || nav.altKey) throw fail.segment(nav.raw);
  if (nav.name === 'members') {
    return relationship(rel.members(tenant, role.id), tenant, more, beta, listingOthers('directoryRoles'), false);
  }
  return unknownNav('directoryRole', nav);
}

function roleManagementPath(tenant: Tenant, first: Segment, rest: Segment[], beta: boolean): Resolved {
  if (first.key !== undefined || rest[0]?.name !== 'directory') throw fail.segment(rest[0]?.raw ?? first.raw);
  const what = rest[1];
  if (!what) throw new GraphFailure(501, 'NotImplemented', "The dev tenant's Graph does not serve roleManagement/directory itself.");
  const opts: Options = { filter: true, search: false, orderby: false, expand: true };
  if (what.name === 'roleAssignments') {
    const items = roleAssignments(tenant);
    const r: Resolved = { ...base('collection', 'unifiedRoleAssignment', 'roleManagement/directory/roleAssignments', beta), items, options: opts, authorize: plain('directoryRoles') };
    return keyed(r, what, rest.slice(2), (id) => items.find((a) => a.id === id), 'roleManagement/directory/roleAssignments');
  }
  if (what.name === 'roleDefinitions') {
    const items = roleDefinitions(tenant);
    const r: Resolved = { ...base('collection', 'unifiedRoleDefinition', 'roleManagement/directory/roleDefinitions', beta), items, options: { ...opts, expand: false }, authorize: plain('directoryRoles') };
    return keyed(r, what, rest.slice(2), (id) => items.find((a) => a.id === id), 'roleManagement/directory/roleDefinitions');
  }
  throw fail.segment(what.raw);
}

