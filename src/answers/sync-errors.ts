// sync.errors — "any sync errors?", "who has provisioning errors?". Entra Connect puts an object it
// could not provision in the cloud into quarantine and records why in onPremisesProvisioningErrors
// (category, the property causing it, the conflicting value, when). Users and groups with any
// error are found server-side (`onPremisesProvisioningErrors/$count ne 0`, an advanced query,
// graph reference §1.3) with their counts: one $batch, whatever the tenant's size.
// For the conflicts on the first page, a second batch asks who already holds the conflicting
// address or UPN — it needs the values the first one returned; at most HOLDER_PARTS parts, so the
// cost stays two round trips however many errors there are.
import { literal, or, url } from '../graph/odata.ts';
import type { GraphRequest } from '../graph/types.ts';
import type { Parsed } from '../language/intents.ts';
import type { AnswerContext } from './context.ts';
import { freshness, may, minutesSince, must, type Health } from './results.ts';

/** Objects listed (and kept for paging); the counts say how many there are in all. */
export const ERROR_OBJECTS_SHOWN = 100;
/** Holder look-ups in the second batch: one part per conflict, so this many conflicts get a "held by". */
export const HOLDER_PARTS = 20;

export interface ProvisioningError {
  /** 'PropertyConflict' is the one category Entra documents today. */
  category: string;
  /** 'ProxyAddress', 'UserPrincipalName', … */
  property: string;
  value: string;
  occurred?: string;
}

export interface Holder {
  kind: 'user' | 'group';
  id: string;
  name: string;
  upn?: string;
}

export interface SyncErrorRow {
  kind: 'user' | 'group';
  id: string;
  name: string;
  /** UPN of a user, mail of a group. */
  address?: string;
  error: ProvisioningError;
  /**
   * Who holds the conflicting value in the cloud: an object, null when looked up and nobody else
   * holds it now (the next sync should clear the error), undefined when not looked up.
   */
  heldBy?: Holder | null;
}

export interface SyncErrors {
  asOf: string;
  /** Directory sync state, when the organization could be read. */
  sync?: { enabled: boolean; lastSync?: string; ageMinutes?: number; health: Health };
  /** Objects with at least one error (Graph's counts). */
  users: number;
  groups: number;
  /** One row per error of the objects shown, users first, each by name. */
  rows: SyncErrorRow[];
  /** True when more objects have errors than are listed. */
  truncated: boolean;
}

interface GraphObjectWithErrors {
  id: string;
  displayName?: string | null;
  userPrincipalName?: string | null;
  mail?: string | null;
  onPremisesProvisioningErrors?: { category?: string | null; occurredDateTime?: string | null; propertyCausingError?: string | null; value?: string | null }[] | null;
}

const WITH_ERRORS = 'onPremisesProvisioningErrors/$count ne 0';

function errorList(collection: '/users' | '/groups', select: string[]): GraphRequest {
  return { url: url(collection, { filter: WITH_ERRORS, select: ['id', 'displayName', ...select, 'onPremisesProvisioningErrors'], orderby: 'displayName', count: true, top: ERROR_OBJECTS_SHOWN }), eventual: true };
}

function rowsOf(kind: 'user' | 'group', items: GraphObjectWithErrors[]): SyncErrorRow[] {
  return items.flatMap((o) =>
    (o.onPremisesProvisioningErrors ?? []).map((e): SyncErrorRow => {
      const address = kind === 'user' ? o.userPrincipalName : o.mail;
      return {
        kind,
        id: o.id,
        name: o.displayName || address || o.id,
        ...(address ? { address } : {}),
        error: { category: e.category ?? 'Unknown', property: e.propertyCausingError ?? 'Unknown', value: e.value ?? '', ...(e.occurredDateTime ? { occurred: e.occurredDateTime } : {}) },
      };
    }),
  );
}

/** The address without its smtp:/SMTP: prefix (the prefix only marks primary vs. secondary). */
const bareAddress = (v: string) => v.replace(/^smtp:/i, '');

/** Who holds `value` now: the request(s) that find it, by the property in conflict. */
function holderRequests(row: SyncErrorRow): { users?: GraphRequest; groups?: GraphRequest } {
  const v = row.error.value;
  if (!v) return {};
  if (row.error.property === 'UserPrincipalName') {
    return { users: { url: url('/users', { filter: `userPrincipalName eq ${literal(v)}`, select: ['id', 'displayName', 'userPrincipalName'], top: 5 }) } };
  }
  if (row.error.property === 'ProxyAddress') {
    // Both spellings: SMTP: marks the primary address, smtp: a secondary one; either conflicts.
    const a = bareAddress(v);
    const filter = or(`proxyAddresses/any(p:p eq ${literal(`SMTP:${a}`)})`, `proxyAddresses/any(p:p eq ${literal(`smtp:${a}`)})`);
    return {
      users: { url: url('/users', { filter, select: ['id', 'displayName', 'userPrincipalName'], top: 5 }) },
      groups: { url: url('/groups', { filter, select: ['id', 'displayName', 'mail'], top: 5 }) },
    };
  }
  return {};
}

async function findHolders(ctx: AnswerContext, rows: SyncErrorRow[]): Promise<void> {
  const plan: { row: SyncErrorRow; users?: number; groups?: number }[] = [];
  const requests: GraphRequest[] = [];
  for (const row of rows) {
    const r = holderRequests(row);
    const need = (r.users ? 1 : 0) + (r.groups ? 1 : 0);
    if (!need) continue;
    if (requests.length + need > HOLDER_PARTS) break;
    const entry: { row: SyncErrorRow; users?: number; groups?: number } = { row };
    if (r.users) entry.users = requests.push(r.users) - 1;
    if (r.groups) entry.groups = requests.push(r.groups) - 1;
    plan.push(entry);
  }
  if (!requests.length) return;
  const results = await ctx.graph.batch(requests);
  for (const { row, users, groups } of plan) {
    const u = users !== undefined ? may<{ value: GraphObjectWithErrors[] }>(results[users]) : undefined;
    const g = groups !== undefined ? may<{ value: GraphObjectWithErrors[] }>(results[groups]) : undefined;
    // A part that failed leaves "held by" unknown rather than claiming nobody holds it.
    if ((u && !u.body) || (g && !g.body)) continue;
    const others = (list: GraphObjectWithErrors[] | undefined) => (list ?? []).filter((o) => o.id !== row.id);
    const user = others(u?.body?.value)[0];
    const group = others(g?.body?.value)[0];
    row.heldBy = user
      ? { kind: 'user', id: user.id, name: user.displayName || user.userPrincipalName || user.id, ...(user.userPrincipalName ? { upn: user.userPrincipalName } : {}) }
      : group
        ? { kind: 'group', id: group.id, name: group.displayName || group.mail || group.id }
        : null;
  }
}

export async function syncErrors(_q: Parsed, ctx: AnswerContext): Promise<SyncErrors> {
  const [usersPart, groupsPart, orgPart] = await ctx.graph.batch([
    errorList('/users', ['userPrincipalName']),
    errorList('/groups', ['mail']),
    { url: url('/organization', { select: ['id', 'onPremisesSyncEnabled', 'onPremisesLastSyncDateTime'] }) },
  ]);
  const users = must<{ value: GraphObjectWithErrors[]; '@odata.count'?: number }>(usersPart);
  const groups = must<{ value: GraphObjectWithErrors[]; '@odata.count'?: number }>(groupsPart);
  const org = may<{ value: { onPremisesSyncEnabled?: boolean | null; onPremisesLastSyncDateTime?: string | null }[] }>(orgPart).body?.value?.[0];
  const userCount = users['@odata.count'] ?? users.value.length;
  const groupCount = groups['@odata.count'] ?? groups.value.length;
  const rows = [...rowsOf('user', users.value), ...rowsOf('group', groups.value)];
  await findHolders(ctx, rows);
  let sync: SyncErrors['sync'];
  if (org) {
    const enabled = org.onPremisesSyncEnabled === true;
    const age = minutesSince(org.onPremisesLastSyncDateTime, ctx.now);
    sync = { enabled, ...(org.onPremisesLastSyncDateTime ? { lastSync: org.onPremisesLastSyncDateTime } : {}), ...(age !== undefined ? { ageMinutes: age } : {}), health: enabled ? freshness(age) : 'off' };
  }
  return {
    asOf: ctx.now.toISOString(),
    ...(sync ? { sync } : {}),
    users: userCount,
    groups: groupCount,
    rows,
    truncated: users.value.length < userCount || groups.value.length < groupCount,
  };
}
