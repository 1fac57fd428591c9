// Shapes stored objects into what Graph returns: the selected or default properties (null or []
// for unset ones), @odata.type on polymorphic collections, the "limited" id-only form of objects
// the caller may not read, the basic profile for User.ReadBasic.All callers, and $expand.
import type { GraphObject, Tenant } from '../tenant/types.ts';
import { canReadType, demandOtherUser, isSelf, type Caller } from './caller.ts';
import { roleDefinitions } from './derived.ts';
import type { ExpandItem } from './odata/query-options.ts';
import * as rel from './relations.ts';
import { USER_BASIC_PROPERTIES, defaultProperties, entityProperty, type EntityTypeName } from './schema.ts';

export interface RenderContext {
  tenant: Tenant;
  caller: Caller;
  beta: boolean;
  /** Only the basic user profile may be shown for users other than the caller. */
  basicOnly: boolean;
}

/** Graph caps expanded collections at 20 objects. */
const EXPAND_LIMIT = 20;

function shortType(odataType: string | undefined): EntityTypeName | undefined {
  return odataType ? (odataType.replace('#microsoft.graph.', '') as EntityTypeName) : undefined;
}

export function project(ctx: RenderContext, o: GraphObject, type: EntityTypeName, select: string[] | undefined): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  let names = select ?? defaultProperties(type, o).filter((k) => entityProperty(type, k, ctx.beta) !== undefined);
  if (type === 'user' && ctx.basicOnly && !isSelf(ctx.caller, o.id)) names = names.filter((n) => USER_BASIC_PROPERTIES.has(n));
  for (const name of names) {
    const p = entityProperty(type, name, ctx.beta);
    if (select && !p) continue; // a $select name of another directoryObject type
    const v = o[name];
    out[name] = v === undefined ? (p?.collection ? [] : null) : v;
  }
  if (!('id' in out) && select === undefined && typeof o.id === 'string') out.id = o.id;
  return out;
}

/** An item of a directoryObject collection: typed, full or limited to id. */
export function projectPolymorphic(ctx: RenderContext, o: GraphObject, select: string[] | undefined): Record<string, unknown> {
  const odataType = ctx.tenant.typeOf(o.id) ?? '#microsoft.graph.directoryObject';
  const type = shortType(odataType)!;
  if (!canReadType(ctx.caller, odataType)) return { '@odata.type': odataType, id: o.id };
  const body = project(ctx, o, type, select);
  if (!('id' in body)) body.id = o.id;
  return { '@odata.type': odataType, ...body };
}

function expandOne(ctx: RenderContext, type: EntityTypeName, o: GraphObject, e: ExpandItem): unknown {
  const { tenant } = ctx;
  const list = (items: GraphObject[]) => items.slice(0, EXPAND_LIMIT).map((x) => projectPolymorphic(ctx, x, e.select));
  switch (`${type}.${e.name}`) {
    case 'user.manager': {
      const m = rel.manager(tenant, o.id);
      if (!m) return undefined;
      demandOtherUser(ctx.caller);
      return projectPolymorphic(ctx, m, e.select);
    }
    case 'user.directReports':
      demandOtherUser(ctx.caller);
      return list(rel.directReports(tenant, o.id));
    case 'user.memberOf':
    case 'group.memberOf':
    case 'servicePrincipal.memberOf':
      return list(rel.memberOf(tenant, o.id));
    case 'group.members':
    case 'directoryRole.members':
      demandOtherUser(ctx.caller);
      return list(rel.members(tenant, o.id));
    case 'group.owners':
    case 'application.owners':
    case 'servicePrincipal.owners':
      demandOtherUser(ctx.caller);
      return list(rel.owners(tenant, o.id));
    case 'servicePrincipal.appRoleAssignments':
      return tenant.data.appRoleAssignments.filter((a) => a.principalId === o.id).slice(0, EXPAND_LIMIT).map((a) => project(ctx, a, 'appRoleAssignment', e.select));
    case 'servicePrincipal.appRoleAssignedTo':
      return tenant.data.appRoleAssignments.filter((a) => a.resourceId === o.id).slice(0, EXPAND_LIMIT).map((a) => project(ctx, a, 'appRoleAssignment', e.select));
    case 'unifiedRoleAssignment.principal': {
      const p = tenant.byId.get(String(o.principalId));
      if (!p) return null;
      if (tenant.typeOf(p.id) === '#microsoft.graph.user' && !isSelf(ctx.caller, p.id)) demandOtherUser(ctx.caller);
      return projectPolymorphic(ctx, p, e.select);
    }
    case 'unifiedRoleAssignment.roleDefinition': {
      const def = roleDefinitions(tenant).find((d) => d.id === o.roleDefinitionId);
      return def ? project(ctx, def, 'unifiedRoleDefinition', e.select) : null;
    }
    default:
      return undefined;
  }
}

export function withExpand(ctx: RenderContext, type: EntityTypeName, o: GraphObject, body: Record<string, unknown>, expand: ExpandItem[] | undefined): Record<string, unknown> {
  if (!expand) return body;
  for (const e of expand) {
    const v = expandOne(ctx, type, o, e);
    if (v !== undefined) body[e.name] = v;
  }
  return body;
}
