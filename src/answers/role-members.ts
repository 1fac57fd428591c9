// role.members — "who are the global admins?", "who has the User Administrator role?", "list admins".
// Active directory role assignments from the unified RBAC API (graph reference §1.9), with the
// principal expanded: users, groups and service principals, each shown as what it is. Eligible (PIM)
// assignments live elsewhere (roleEligibilityScheduleInstances) and are not included; the card says so.
// Graph:
//  - one role named: one GET, `roleDefinitionId eq '<template id>'&$expand=principal` (a built-in
//    role's definition id is its template id, src/knowledge/roles.ts). A role name the catalog does
//    not know is first looked up in roleDefinitions (exact and startswith, one $batch): one more
//    round trip, since the assignments filter needs its id.
//  - no role named: one $batch of every active assignment (expanded) and the role definitions (to
//    name roles the catalog does not know, custom ones included). Assignments are a few per role,
//    so one page (Graph's default) nearly always holds them; further pages are followed up to
//    ASSIGNMENTS_BOUND.
// When Graph refuses the expansion (a member who may not read other people), the assignments are read
// again without it — one more round trip — and the card shows who holds the role by kind only.
import type { Parsed } from '../language/intents.ts';
import { eq, isGuid, startsWith, url } from '../graph/odata.ts';
import { explainDenial } from '../graph/denials.ts';
import type { BatchResult, GraphRequest } from '../graph/types.ts';
import { ROLES, roleByName, roleByTemplateId } from '../knowledge/roles.ts';
import type { AnswerContext } from './context.ts';
import { followPages } from './follow.ts';
import { must } from './results.ts';
import { closest, likely } from './similar.ts';

export const ASSIGNMENTS_BOUND = 2_000;

export type PrincipalKind = 'user' | 'group' | 'servicePrincipal' | 'other';

export interface RolePrincipal {
  id: string;
  kind: PrincipalKind;
  /** Absent when Graph would not show it to the asker. */
  name?: string;
  upn?: string;
  appId?: string;
  /** Users: false when the account is disabled (only when Graph returned it). */
  enabled?: boolean;
  /** Scoped to an administrative unit or object, not the whole directory ('/'). */
  scope?: string;
}

export interface RoleGroup {
  roleId: string;
  name: string;
  members: RolePrincipal[];
}

export interface RoleMembers {
  asOf: string;
  /** The role as asked, when one was named. */
  query?: string;
  /** One role asked: its group (possibly with no members); otherwise every role with members. */
  roles: RoleGroup[];
  /** A role was named and no role has that name: near names, for "did you mean". */
  notFound?: { suggestions: { roleId: string; name: string }[] };
  namesHidden?: { what: string; roles: string[] };
  truncated: boolean;
}

interface GraphPrincipal {
  '@odata.type'?: string;
  id: string;
  displayName?: string | null;
  userPrincipalName?: string | null;
  appId?: string | null;
  accountEnabled?: boolean | null;
}

interface GraphAssignment {
  id: string;
  principalId: string;
  roleDefinitionId: string;
  directoryScopeId?: string | null;
  principal?: GraphPrincipal | null;
}

interface GraphRoleDefinition {
  id: string;
  displayName?: string | null;
  templateId?: string | null;
}

const KIND: Record<string, PrincipalKind> = { '#microsoft.graph.user': 'user', '#microsoft.graph.group': 'group', '#microsoft.graph.servicePrincipal': 'servicePrincipal' };

export function principalOf(a: GraphAssignment): RolePrincipal {
  const p = a.principal;
  const scope = a.directoryScopeId && a.directoryScopeId !== '/' ? { scope: a.directoryScopeId } : {};
  if (!p) return { id: a.principalId, kind: 'other', ...scope };
  const kind = KIND[p['@odata.type'] ?? ''] ?? 'other';
  return {
    id: p.id,
    kind,
    ...(p.displayName ? { name: p.displayName } : {}),
    ...(p.userPrincipalName ? { upn: p.userPrincipalName } : {}),
    ...(p.appId ? { appId: p.appId } : {}),
    ...(kind === 'user' && typeof p.accountEnabled === 'boolean' ? { enabled: p.accountEnabled } : {}),
    ...scope,
  };
}

const ORDER: Record<PrincipalKind, number> = { user: 0, group: 1, servicePrincipal: 2, other: 3 };
const byName = (a: RolePrincipal, b: RolePrincipal) => ORDER[a.kind] - ORDER[b.kind] || (a.name ?? a.id).localeCompare(b.name ?? b.id, 'en', { sensitivity: 'base' });

const assignmentsUrl = (filter: string | undefined, expand: boolean) => url('/roleManagement/directory/roleAssignments', { ...(filter ? { filter } : {}), ...(expand ? { expand: 'principal' } : {}) });

/** Assignments, and whether Graph hid the principals (the expansion was refused and it was read again without it). */
async function readAssignments(ctx: AnswerContext, first: BatchResult | undefined, filter: string | undefined): Promise<{ items: GraphAssignment[]; truncated: boolean; hidden: boolean }> {
  const expanded: GraphRequest = { url: assignmentsUrl(filter, true) };
  if (first && !first.ok && first.status === 403) {
    const plain: GraphRequest = { url: assignmentsUrl(filter, false) };
    const [again] = await ctx.graph.batch([plain]);
    return { ...(await followPages<GraphAssignment>(ctx, again, plain, ASSIGNMENTS_BOUND)), hidden: true };
  }
  return { ...(await followPages<GraphAssignment>(ctx, first, expanded, ASSIGNMENTS_BOUND)), hidden: false };
}

const hiddenNote = () => ({ what: "who holds each role (other people's profiles)", roles: explainDenial('/users').roles });

function roleName(id: string, defs: Map<string, string>): string {
  return roleByTemplateId(id)?.displayName ?? defs.get(id.toLowerCase()) ?? `Role ${id}`;
}

async function oneRole(query: string, ctx: AnswerContext): Promise<RoleMembers> {
  const asOf = ctx.now.toISOString();
  const known = roleByName(query) ?? (isGuid(query) ? roleByTemplateId(query) : undefined);
  let roleId = known?.templateId;
  let name = known?.displayName;
  if (!roleId) {
    // Not a role the catalog knows (a custom role, or a built-in one it lacks): ask Graph.
    const defs = '/roleManagement/directory/roleDefinitions';
    const [exactPart, nearPart] = await ctx.graph.batch([
      { url: url(defs, { filter: eq('displayName', query), select: ['id', 'displayName', 'templateId'] }) },
      { url: url(defs, { filter: startsWith('displayName', query.slice(0, 3)), select: ['id', 'displayName', 'templateId'] }) },
    ]);
    const found = must<{ value: GraphRoleDefinition[] }>(exactPart).value[0];
    if (!found) {
      const graphNear = nearPart?.ok ? ((nearPart.body as { value?: GraphRoleDefinition[] }).value ?? []).map((d) => ({ roleId: d.templateId ?? d.id, name: d.displayName ?? d.id })) : [];
      const catalog = ROLES.map((r) => ({ roleId: r.templateId, name: r.displayName }));
      const near = [...graphNear, ...catalog].filter((s) => likely(query, s.name));
      return { asOf, query, roles: [], notFound: { suggestions: closest(query, near, (s) => s.name, (s) => s.roleId.toLowerCase(), 5) }, truncated: false };
    }
    roleId = found.templateId ?? found.id;
    name = found.displayName ?? query;
  }
  const filter = eq('roleDefinitionId', roleId);
  const [first] = await ctx.graph.batch([{ url: assignmentsUrl(filter, true) }]);
  const read = await readAssignments(ctx, first, filter);
  return {
    asOf,
    query,
    roles: [{ roleId, name: name ?? query, members: read.items.map(principalOf).sort(byName) }],
    ...(read.hidden ? { namesHidden: hiddenNote() } : {}),
    truncated: read.truncated,
  };
}

async function allRoles(ctx: AnswerContext): Promise<RoleMembers> {
  const [first, defsPart] = await ctx.graph.batch([{ url: assignmentsUrl(undefined, true) }, { url: url('/roleManagement/directory/roleDefinitions', { select: ['id', 'displayName', 'templateId'] }) }]);
  const read = await readAssignments(ctx, first, undefined);
  // Names of roles the catalog lacks; if Graph does not give them, the id is shown instead.
  const defs = new Map<string, string>();
  if (defsPart?.ok) for (const d of (defsPart.body as { value?: GraphRoleDefinition[] }).value ?? []) if (d.displayName) defs.set((d.templateId ?? d.id).toLowerCase(), d.displayName);
  const groups = new Map<string, RoleGroup>();
  for (const a of read.items) {
    const id = a.roleDefinitionId.toLowerCase();
    let g = groups.get(id);
    if (!g) groups.set(id, (g = { roleId: a.roleDefinitionId, name: roleName(a.roleDefinitionId, defs), members: [] }));
    g.members.push(principalOf(a));
  }
  const roles = [...groups.values()].map((g) => ({ ...g, members: g.members.sort(byName) }));
  // Global Administrator first: it is what people look for; then the busiest roles.
  const ga = ROLES[0]!.templateId;
  roles.sort((a, b) => Number(b.roleId.toLowerCase() === ga) - Number(a.roleId.toLowerCase() === ga) || b.members.length - a.members.length || a.name.localeCompare(b.name));
  return { asOf: ctx.now.toISOString(), roles, ...(read.hidden ? { namesHidden: hiddenNote() } : {}), truncated: read.truncated };
}

export async function roleMembers(q: Parsed, ctx: AnswerContext): Promise<RoleMembers> {
  const role = q.entities.role?.trim();
  return role ? oneRole(role, ctx) : allRoles(ctx);
}
