// Decides whether Graph would run a request's query options against a resource, and how:
// applies the advanced-query rules (query-rules.ts) with the exact refusals Graph gives, resolves
// names to the schema, and returns a plan the executor follows without further checks.
import { compileFilter } from './odata/compile-filter.ts';
import type { ExpandItem, QueryOptions } from './odata/query-options.ts';
import { compileSearch, searchProperties } from './odata/search.ts';
import { filterSupport, hasFilterRules, orderbySupport, searchable } from './query-rules.ts';
import type { Resolved } from './resources.ts';
import { entityProperty, navigationProperty, qualified, resourceLabel, type EntityTypeName } from './schema.ts';
import { fail } from './wire.ts';

export interface Plan {
  /** Filter and search combined; absent when every item matches. */
  match?: (o: Record<string, unknown>) => boolean;
  /** Explicit $select, canonical names (navigation properties dropped). */
  select?: string[];
  pageSize: number;
  /** Add @odata.count (advanced queries only; otherwise $count=true is silently ignored). */
  count: boolean;
  orderby?: { property: string; desc: boolean };
  expand?: ExpandItem[];
  /** Every property the request names, for permission decisions. */
  names: Set<string>;
  advanced: boolean;
}

/** The navigation properties the emulator can expand, by type. */
const EXPANDABLE: Partial<Record<EntityTypeName, string[]>> = {
  user: ['manager', 'memberOf', 'directReports'],
  group: ['members', 'owners', 'memberOf'],
  application: ['owners'],
  servicePrincipal: ['owners', 'appRoleAssignments', 'appRoleAssignedTo', 'memberOf'],
  directoryRole: ['members'],
  unifiedRoleAssignment: ['principal', 'roleDefinition'],
};

const NOT_A_COLLECTION =
  'The query specified in the URI is not valid. The requested resource is not a collection. Query options $filter, $orderby, $count, $skip, and $top can be applied only on collections.';

function canonicalSelect(r: Resolved, names: string[]): string[] {
  const out: string[] = [];
  for (const n of names) {
    if (n === '*') continue;
    const p = entityProperty(r.type, n, r.beta);
    if (p) {
      if (!out.includes(p.name)) out.push(p.name);
      continue;
    }
    if (r.type !== 'directoryObject' && navigationProperty(r.type, n)) continue;
    throw fail.requestBadRequest(`Parsing OData Select and Expand failed: Could not find a property named '${n}' on type '${qualified(r.type)}'.`);
  }
  return out;
}

export function planQuery(r: Resolved, q: QueryOptions, eventual: boolean): Plan {
  const label = resourceLabel(r.type);
  const plan: Plan = { pageSize: 100, count: false, names: new Set(), advanced: false };
  if (r.kind === 'entity' && (q.filter || q.orderby || q.top !== undefined || q.count !== undefined || q.search)) throw fail.badRequest(NOT_A_COLLECTION);

  if (r.countSegment && !eventual) throw fail.requestBadRequest('$count is not currently supported.');
  plan.advanced = r.directory && eventual && (q.count === true || q.search !== undefined || r.countSegment);
  plan.count = plan.advanced && q.count === true && !r.countSegment;
  const needs: string[] = [];
  const predicates: ((o: Record<string, unknown>) => boolean)[] = [];

  if (q.search) {
    if (!r.options.search) throw fail.unsupported(`The $search query parameter is not supported on '${r.context}'.`);
    if (!eventual) throw fail.unsupported("Request with $search query parameter only works through MSGraph with a special request header: 'ConsistencyLevel: eventual'");
    for (const p of searchProperties(q.search)) {
      const name = searchable(r.type, p);
      if (!name) throw fail.unsupportedProperty(p, label);
      plan.names.add(name);
    }
    predicates.push(compileSearch(q.search));
  }

  if (q.filter) {
    if (!r.options.filter || !hasFilterRules(r.type)) throw fail.unsupported(`The $filter query parameter is not supported on '${r.context}'.`);
    const compiled = compileFilter(q.filter, r.type);
    const props = new Set(compiled.uses.map((u) => u.property));
    for (const p of props) plan.names.add(p);
    for (const u of compiled.uses) {
      if (u.op === 'contains') throw fail.unsupportedProperty(u.property, label);
      const level = filterSupport(r.type, u.key, u.op);
      if (!level) throw fail.unsupportedProperty(u.property, label);
      if (level === 'advanced') needs.push(u.op === 'null' ? 'eq' : u.key.endsWith('/$count') ? '$count' : u.op);
    }
    if (compiled.usesEmptyAny) throw fail.unsupportedProperty([...props][0] ?? '', label);
    if (compiled.usesNot) needs.push('not');
    if (compiled.usesAll) needs.push('all');
    // UR: signInActivity filters work "but not together with other filterable properties".
    if (props.has('signInActivity') && props.size > 1) throw fail.unsupportedProperty('signInActivity', label);
    if (r.relationship && needs.length === 0) needs.push(compiled.uses[0]?.op ?? 'eq');
    predicates.push(compiled.test);
  }
  if (r.cast && (q.filter || q.search || q.orderby) && needs.length === 0) needs.push('cast');
  if (needs.length > 0 && !plan.advanced) {
    if (!r.directory) throw fail.unsupportedProperty([...plan.names][0] ?? '', label);
    throw fail.needsAdvanced(needs[0]!);
  }

  if (q.orderby) {
    if (!r.options.orderby) throw fail.unsupported('Sorting not supported for current query.');
    const p = entityProperty(r.type, q.orderby.property);
    if (!p) throw fail.badRequest(`Invalid $orderby clause: Could not find a property named '${q.orderby.property}' on type '${qualified(r.type)}'.`);
    const level = orderbySupport(r.type, p.name);
    if (!level || (level === 'advanced' && !plan.advanced)) throw fail.unsupported(`Unsupported sort property '${p.name}' for '${label}'.`);
    if ((q.filter || r.relationship) && !plan.advanced) throw fail.unsupported('Sorting not supported for current query.');
    plan.orderby = { property: p.name, desc: q.orderby.desc };
    plan.names.add(p.name);
  }

  if (q.expand) {
    if (!r.options.expand) throw fail.requestBadRequest(`$expand is not supported on '${r.context}'.`);
    if (plan.advanced) throw fail.unsupported('$expand is not supported together with advanced query parameters (ConsistencyLevel: eventual with $count or $search).');
    plan.expand = q.expand.map((e) => {
      const nav = r.type === 'directoryObject' ? undefined : navigationProperty(r.type, e.name);
      if (!nav) throw fail.requestBadRequest(`Parsing OData Select and Expand failed: Could not find a property named '${e.name}' on type '${qualified(r.type)}'.`);
      if (!EXPANDABLE[r.type]?.includes(nav.name)) throw fail.requestBadRequest(`Expanding '${nav.name}' on ${r.type} is not supported by the dev tenant's Graph.`);
      return e.select ? { name: nav.name, select: e.select } : { name: nav.name };
    });
  }

  if (q.select) {
    plan.select = canonicalSelect(r, q.select);
    for (const n of plan.select) plan.names.add(n);
  }

  if (r.pageable && q.top !== undefined) {
    const max = r.type === 'user' && plan.names.has('signInActivity') ? 500 : 999;
    if (q.top < 1 || q.top > max) throw fail.requestBadRequest(`Invalid page size specified: '${q.top}'. Must be between 1 and ${max} inclusive.`);
    plan.pageSize = q.top;
  }
  if (predicates.length === 1) plan.match = predicates[0]!;
  else if (predicates.length === 2) {
    const [a, b] = predicates as [(o: Record<string, unknown>) => boolean, (o: Record<string, unknown>) => boolean];
    plan.match = (o) => a(o) && b(o);
  }
  return plan;
}
