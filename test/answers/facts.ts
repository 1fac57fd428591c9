// What the sample tenant says, computed from its own data (never hard-coded), for the answer tests
// to compare against; and the round trips an answer made, from the dev tenant's request log.
import type { DevTenant } from '../../devtenant/index.ts';
import { RequestLog } from '../../devtenant/shared/request-log.ts';
import type { GraphObject } from '../../devtenant/tenant/types.ts';
import type { Entities, Intent, Parsed } from '../../src/language/intents.ts';

export const ask = (intent: Intent, entities: Entities = {}): Parsed => ({ intent, entities, confidence: 1 });

export function user(dt: DevTenant, upn: string): GraphObject {
  const u = dt.tenant.userByUpn.get(upn.toLowerCase());
  if (!u) throw new Error(`${upn} is not in the sample tenant`);
  return u;
}

export const users = (dt: DevTenant) => dt.tenant.data.users;
export const groups = (dt: DevTenant) => dt.tenant.data.groups;
export const str = (v: unknown) => (typeof v === 'string' ? v : '');
export const lower = (v: unknown) => str(v).toLowerCase();
export const byName = (a: string, b: string) => a.localeCompare(b, 'en', { sensitivity: 'base' });

/** Ids of the groups (or roles) `id` is a direct member of. */
export function directContainers(dt: DevTenant, id: string, type: 'group' | 'directoryRole'): string[] {
  return (dt.tenant.memberOf.get(id) ?? []).filter((c) => dt.tenant.typeOf(c) === `#microsoft.graph.${type}`);
}

/** Ids of every group `id` belongs to, directly or through nested groups. */
export function transitiveGroups(dt: DevTenant, id: string): Set<string> {
  const seen = new Set<string>();
  const queue = [...(dt.tenant.memberOf.get(id) ?? [])];
  while (queue.length) {
    const c = queue.shift()!;
    if (seen.has(c) || dt.tenant.typeOf(c) !== '#microsoft.graph.group') continue;
    seen.add(c);
    queue.push(...(dt.tenant.memberOf.get(c) ?? []));
  }
  return seen;
}

/** Users in a group directly or through nested groups. */
export function transitiveUsers(dt: DevTenant, groupId: string): Set<string> {
  const seen = new Set<string>();
  const people = new Set<string>();
  const queue = [...(dt.tenant.data.relationships.members[groupId] ?? [])];
  while (queue.length) {
    const m = queue.shift()!;
    if (seen.has(m)) continue;
    seen.add(m);
    const t = dt.tenant.typeOf(m);
    if (t === '#microsoft.graph.user') people.add(m);
    if (t === '#microsoft.graph.group') queue.push(...(dt.tenant.data.relationships.members[m] ?? []));
  }
  return people;
}

/** Graph round trips since `mark` (a $batch is one; its parts are not). */
export function roundTrips(dt: DevTenant, mark: number): number {
  return RequestLog.roundTrips(dt.log.since(mark, 'graph'));
}

/** The URLs of every Graph request since `mark`, $batch parts included (decoded, for readable failures). */
export function urls(dt: DevTenant, mark: number): string[] {
  return dt.log.since(mark, 'graph').map((e) => decodeURIComponent(e.url));
}
