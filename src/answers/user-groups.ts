// user.groups — "what groups is alice in?", "what groups am I in?". The groups a person belongs to,
// directly or through nested groups, each with its kind (Microsoft 365, security, distribution)
// and whether it is synced from on-premises; the directory roles they hold are listed apart.
// Graph: transitiveMemberOf cast to groups (sorted, counted: an advanced query) gives every group;
// memberOf's ids tell which of them are direct — the rest come through a nested group. Both, and
// the roles, go in the batch that resolves the person (resolve-user.ts): one round trip when the
// person is named directly, two when found by display name (the memberships need the id).
import { url, userPath } from '../graph/odata.ts';
import type { GraphRequest } from '../graph/types.ts';
import type { Parsed } from '../language/intents.ts';
import type { AnswerContext } from './context.ts';
import { GROUP_KIND_SELECT, groupKind, isDynamic, isSynced, type GraphGroupKind, type GroupKind } from './group-kind.ts';
import { readable, type Readable } from './readable.ts';
import { userChoice, withUser, type UserCandidate, type UserChoice } from './resolve-user.ts';
import { must } from './results.ts';

/** Groups listed (and kept for paging); the count says how many there are in all. */
export const GROUPS_SHOWN = 100;
/** Direct memberships read to mark the listed groups "direct" (Graph's largest page). */
export const DIRECT_IDS_READ = 999;

export interface MemberGroup {
  id: string;
  name: string;
  kind: GroupKind;
  synced: boolean;
  dynamic: boolean;
  /** Direct member; false: through a nested group; undefined: could not tell (more direct groups than read). */
  direct?: boolean;
}

export interface HeldRole {
  id: string;
  name: string;
  templateId?: string;
}

export type UserGroups =
  | {
      kind: 'groups';
      asOf: string;
      self: boolean;
      user: UserCandidate;
      /** Groups in all, direct and nested (Graph's count). */
      total: number;
      /** Direct group memberships (Graph's count). */
      directCount: number;
      groups: MemberGroup[];
      roles: Readable<HeldRole[]>;
    }
  | UserChoice;

interface GraphGroup extends GraphGroupKind {
  id: string;
  displayName?: string | null;
}

export function membershipRequests(key: string): GraphRequest[] {
  const path = userPath(key);
  return [
    { url: url(`${path}/transitiveMemberOf/microsoft.graph.group`, { select: ['id', 'displayName', ...GROUP_KIND_SELECT], orderby: 'displayName', count: true, top: GROUPS_SHOWN }), eventual: true },
    { url: url(`${path}/memberOf/microsoft.graph.group`, { select: ['id'], count: true, top: DIRECT_IDS_READ }), eventual: true },
    { url: url(`${path}/transitiveMemberOf/microsoft.graph.directoryRole`, { select: ['id', 'displayName', 'roleTemplateId'], count: true }), eventual: true },
  ];
}

export async function userGroups(q: Parsed, ctx: AnswerContext): Promise<UserGroups> {
  const asOf = ctx.now.toISOString();
  const { resolution, details } = await withUser(ctx, q.entities.user, membershipRequests);
  if (resolution.status !== 'found') return userChoice(resolution, 'user.groups', asOf);
  const [allPart, directPart, rolesPart] = details!;
  const all = must<{ value: GraphGroup[]; '@odata.count'?: number }>(allPart);
  const direct = must<{ value: { id: string }[]; '@odata.count'?: number }>(directPart);
  const directIds = new Set(direct.value.map((g) => g.id));
  const directCount = direct['@odata.count'] ?? direct.value.length;
  const allDirectRead = directIds.size >= directCount;
  const groups = all.value.map((g): MemberGroup => {
    const isDirect = directIds.has(g.id) ? true : allDirectRead ? false : undefined;
    return { id: g.id, name: g.displayName || g.id, kind: groupKind(g), synced: isSynced(g), dynamic: isDynamic(g), ...(isDirect !== undefined ? { direct: isDirect } : {}) };
  });
  const roles = readable(rolesPart, membershipRequests(resolution.user.id)[2]!.url, (b) =>
    ((b as { value?: { id: string; displayName?: string | null; roleTemplateId?: string | null }[] }).value ?? [])
      .map((r): HeldRole => ({ id: r.id, name: r.displayName || r.id, ...(r.roleTemplateId ? { templateId: r.roleTemplateId } : {}) }))
      .sort((a, b) => a.name.localeCompare(b.name)),
  );
  return { kind: 'groups', asOf, self: resolution.self, user: resolution.user, total: all['@odata.count'] ?? all.value.length, directCount, groups, roles };
}
