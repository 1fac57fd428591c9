// group.members — "who is in Sales?", "members of 'Dropbox Users'". The group is found by name:
// an exact `displayName eq` (or `mail eq`), a prefix and a tokenized $search, and a looser prefix
// for suggestions, all in one batch. One exact match → its members; several → "which one?"; none
// but one near match → that group, saying so; several near → "did you mean"; none → not found.
// Members (users, groups, devices … as Graph returns them, with @odata.type) come sorted and
// counted (advanced queries) in a second batch, since they need the group's id; a group named by
// id needs only one. Either way the cost does not grow with the group or the tenant.
import { eq, isGuid, or, searchClause, segment, startsWith, url } from '../graph/odata.ts';
import type { BatchResult, GraphRequest } from '../graph/types.ts';
import type { Parsed } from '../language/intents.ts';
import type { AnswerContext } from './context.ts';
import { GROUP_KIND_SELECT, groupKind, isDynamic, isSynced, type GraphGroupKind, type GroupKind } from './group-kind.ts';
import { may, must } from './results.ts';

/** Members listed (and kept for paging); the count says how many there are in all. */
export const MEMBERS_SHOWN = 100;
/** Groups offered by "which one?" and "did you mean". */
export const GROUP_CANDIDATES = 10;

export interface GroupInfo {
  id: string;
  name: string;
  description?: string;
  mail?: string;
  kind: GroupKind;
  synced: boolean;
  dynamic: boolean;
  /** A dynamic group's membership rule. */
  rule?: string;
}

export type MemberType = 'user' | 'group' | 'device' | 'servicePrincipal' | 'orgContact' | 'other';

export interface Member {
  id: string;
  type: MemberType;
  /** Graph's @odata.type, as returned. */
  odataType: string;
  /** Absent when Graph returned only the id (an object type the asker may not read). */
  name?: string;
  /** A user's UPN, a group's or contact's mail. */
  address?: string;
  jobTitle?: string;
}

export type GroupMembers =
  | {
      kind: 'members';
      asOf: string;
      /** How the group was found: named by id, exact name, or the one near match. */
      match: 'id' | 'exact' | 'near';
      query: string;
      group: GroupInfo;
      members: Member[];
      /** Direct members in all, and of them users and groups (Graph's counts). */
      count: number;
      users: number;
      groups: number;
      /** People in the group including through nested groups, when Graph could count them. */
      transitiveUsers?: number;
    }
  | { kind: 'choose'; asOf: string; query: string; candidates: GroupInfo[]; exact: boolean; more: boolean }
  | { kind: 'notFound'; asOf: string; query: string; suggestions: GroupInfo[] }
  | { kind: 'ask'; asOf: string };

interface GraphGroup extends GraphGroupKind {
  id: string;
  displayName?: string | null;
  description?: string | null;
  mail?: string | null;
  membershipRule?: string | null;
}

interface GraphMember {
  '@odata.type'?: string;
  id: string;
  displayName?: string | null;
  userPrincipalName?: string | null;
  mail?: string | null;
  jobTitle?: string | null;
}

const GROUP_SELECT = ['id', 'displayName', 'description', 'mail', 'membershipRule', ...GROUP_KIND_SELECT];
const groupList = (filter: string, top = GROUP_CANDIDATES): GraphRequest => ({ url: url('/groups', { filter, select: GROUP_SELECT, top }) });

function info(g: GraphGroup): GroupInfo {
  return {
    id: g.id,
    name: g.displayName || g.mail || g.id,
    ...(g.description ? { description: g.description } : {}),
    ...(g.mail ? { mail: g.mail } : {}),
    kind: groupKind(g),
    synced: isSynced(g),
    dynamic: isDynamic(g),
    ...(g.membershipRule ? { rule: g.membershipRule } : {}),
  };
}

function memberType(odataType: string | undefined): MemberType {
  const t = (odataType ?? '').replace('#microsoft.graph.', '');
  return t === 'user' || t === 'group' || t === 'device' || t === 'servicePrincipal' || t === 'orgContact' ? t : 'other';
}

export function memberRequests(groupId: string): GraphRequest[] {
  const path = `/groups/${segment(groupId)}`;
  return [
    { url: url(`${path}/members`, { select: ['id', 'displayName', 'userPrincipalName', 'mail', 'jobTitle'], orderby: 'displayName', count: true, top: MEMBERS_SHOWN }), eventual: true },
    { url: url(`${path}/members/microsoft.graph.user/$count`), eventual: true },
    { url: url(`${path}/members/microsoft.graph.group/$count`), eventual: true },
    { url: url(`${path}/transitiveMembers/microsoft.graph.user/$count`), eventual: true },
  ];
}

function readMembers(group: GroupInfo, match: 'id' | 'exact' | 'near', query: string, parts: BatchResult[], asOf: string): GroupMembers {
  const [listPart, usersPart, groupsPart, transitivePart] = parts;
  const list = must<{ value: GraphMember[]; '@odata.count'?: number }>(listPart);
  const members = list.value.map((m): Member => {
    const type = memberType(m['@odata.type']);
    const address = type === 'user' ? m.userPrincipalName || m.mail : m.mail;
    return {
      id: m.id,
      type,
      odataType: m['@odata.type'] ?? '#microsoft.graph.directoryObject',
      ...(m.displayName ? { name: m.displayName } : {}),
      ...(address ? { address } : {}),
      ...(m.jobTitle ? { jobTitle: m.jobTitle } : {}),
    };
  });
  const transitive = may<number>(transitivePart).body;
  return {
    kind: 'members',
    asOf,
    match,
    query,
    group,
    members,
    count: list['@odata.count'] ?? members.length,
    users: Number(must(usersPart)),
    groups: Number(must(groupsPart)),
    ...(transitive !== undefined ? { transitiveUsers: Number(transitive) } : {}),
  };
}

const byName = (a: GroupInfo, b: GroupInfo) => a.name.localeCompare(b.name, 'en', { sensitivity: 'base' });

export async function groupMembers(q: Parsed, ctx: AnswerContext): Promise<GroupMembers> {
  const asOf = ctx.now.toISOString();
  const typed = (q.entities.group ?? '').trim();
  if (!typed) return { kind: 'ask', asOf };

  if (isGuid(typed)) {
    // Named by id: the group and its members in one batch.
    const [groupPart, ...parts] = await ctx.graph.batch([{ url: url(`/groups/${segment(typed)}`, { select: GROUP_SELECT }) }, ...memberRequests(typed)]);
    if (groupPart && !groupPart.ok && groupPart.status === 404) return { kind: 'notFound', asOf, query: typed, suggestions: [] };
    return readMembers(info(must<GraphGroup>(groupPart)), 'id', typed, parts, asOf);
  }

  const [exactPart, prefixPart, searchPart, loosePart] = await ctx.graph.batch([
    groupList(or(eq('displayName', typed), eq('mail', typed))),
    groupList(startsWith('displayName', typed)),
    { url: url('/groups', { search: searchClause('displayName', typed), select: GROUP_SELECT, top: GROUP_CANDIDATES }), eventual: true },
    groupList(startsWith('displayName', typed.slice(0, 3))),
  ]);
  const exact = must<{ value: GraphGroup[] }>(exactPart).value.map(info).sort(byName);
  let found: { group: GroupInfo; match: 'exact' | 'near' } | undefined;
  if (exact.length === 1) found = { group: exact[0]!, match: 'exact' };
  else if (exact.length > 1) return { kind: 'choose', asOf, query: typed, candidates: exact, exact: true, more: exact.length >= GROUP_CANDIDATES };
  else {
    const prefix = must<{ value: GraphGroup[] }>(prefixPart).value;
    const search = must<{ value: GraphGroup[] }>(searchPart).value;
    const seen = new Set<string>();
    const near = [...prefix, ...search].filter((g) => (seen.has(g.id) ? false : (seen.add(g.id), true))).map(info).sort(byName);
    if (near.length === 1) found = { group: near[0]!, match: 'near' };
    else if (near.length > 1) return { kind: 'choose', asOf, query: typed, candidates: near.slice(0, GROUP_CANDIDATES), exact: false, more: near.length > GROUP_CANDIDATES || prefix.length >= GROUP_CANDIDATES || search.length >= GROUP_CANDIDATES };
    else {
      const loose = loosePart?.ok ? (loosePart.body as { value: GraphGroup[] }).value.map(info).sort(byName) : [];
      return { kind: 'notFound', asOf, query: typed, suggestions: loose };
    }
  }
  // Second round trip: the members need the id the lookup returned.
  const parts = await ctx.graph.batch(memberRequests(found.group.id));
  return readMembers(found.group, found.match, typed, parts, asOf);
}
