// Directory relationships as Graph navigates them, computed from relationships.json through the
// tenant's indexes: direct and transitive membership, owners, manager, reports.
import type { GraphObject, Tenant } from '../tenant/types.ts';

function objects(tenant: Tenant, ids: Iterable<string>): GraphObject[] {
  const out: GraphObject[] = [];
  for (const id of ids) {
    const o = tenant.byId.get(id);
    if (o) out.push(o);
  }
  return out;
}

export function memberOf(tenant: Tenant, id: string): GraphObject[] {
  return objects(tenant, tenant.memberOf.get(id) ?? []);
}

/** Groups and roles the object belongs to directly or through nested groups, each once. */
export function transitiveMemberOf(tenant: Tenant, id: string): GraphObject[] {
  const seen = new Set<string>();
  const queue = [...(tenant.memberOf.get(id) ?? [])];
  while (queue.length) {
    const c = queue.shift()!;
    if (seen.has(c)) continue;
    seen.add(c);
    if (tenant.typeOf(c) === '#microsoft.graph.group') queue.push(...(tenant.memberOf.get(c) ?? []));
  }
  seen.delete(id);
  return objects(tenant, seen);
}

export function members(tenant: Tenant, id: string): GraphObject[] {
  return objects(tenant, tenant.data.relationships.members[id] ?? []);
}

/** Members of the group and of every nested group (nested groups themselves included), each once. */
export function transitiveMembers(tenant: Tenant, id: string): GraphObject[] {
  const seen = new Set<string>();
  const queue = [...(tenant.data.relationships.members[id] ?? [])];
  while (queue.length) {
    const m = queue.shift()!;
    if (seen.has(m) || m === id) continue;
    seen.add(m);
    if (tenant.typeOf(m) === '#microsoft.graph.group') queue.push(...(tenant.data.relationships.members[m] ?? []));
  }
  return objects(tenant, seen);
}

export function owners(tenant: Tenant, id: string): GraphObject[] {
  return objects(tenant, tenant.data.relationships.owners[id] ?? []);
}

export function manager(tenant: Tenant, id: string): GraphObject | undefined {
  const m = tenant.data.relationships.managers[id];
  return m ? tenant.byId.get(m) : undefined;
}

export function directReports(tenant: Tenant, id: string): GraphObject[] {
  return objects(tenant, tenant.directReports.get(id) ?? []);
}
