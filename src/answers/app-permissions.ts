// app.permissions — "which apps can read our mail?", "risky app permissions", "what has been
// consented for Dropbox?". Delegated grants (oauth2PermissionGrants: tenant-wide by an admin, or by
// single users) and application permissions (app role assignments), by client app.
//
// Whole tenant (no app named) — permissions to Microsoft Graph, where mail, files, sites and the
// directory are:
//   1. $batch: Graph's service principal by alternate key (its id and app roles, to name the roles)
//      and its appRoleAssignedTo (the alternate key path needs no id) — application permissions.
//   2. $batch: the grants with `resourceId eq <Graph's id>`, tenant-wide and per-user as two parts:
//      sequential because the filter needs the id from 1 (Graph cannot filter grants by the
//      resource's appId).
//   3. $batch: the client apps' names and publishers, `id in (…)` 15 ids a part (Graph's limit on
//      `in`), for at most NAMED_CLIENTS apps: needs the client ids from 1 and 2.
// Three round trips while each list fits in one page of 999. Per-user grants grow with people ×
// apps they consented to (every member who consented to Tenant Desk has one), so they are read up
// to GRANTS_BOUND and the card says when there were more.
// One app named: 1. its service principal (exact name or appId, plus near matches for "did you
// mean") with Graph's; 2. its grants (`clientId eq`) and its app role assignments; 3. only when
// those reach APIs other than Graph: those APIs' names and app roles.
// Graph lets only some roles read grants (graph reference §1.7): a plain member gets the permission
// card from the grants request.
import type { Parsed } from '../language/intents.ts';
import { alternateKey, and, eq, inList, isGuid, searchClause, segment, startsWith, url } from '../graph/odata.ts';
import type { BatchResult, GraphRequest } from '../graph/types.ts';
import { foldAccess, GRAPH_APP_ID, type AppAccess, type ClientInfo, type GraphAssignment, type GraphGrant, type Resources } from './app-access.ts';
import type { NearApp } from './app-lookup.ts';
import type { AnswerContext } from './context.ts';
import { followPages } from './follow.ts';
import { readQuestion, type PermissionFilter } from './permission-filter.ts';
import { publisherOf, type GraphVerifiedPublisher } from './publisher.ts';
import { must } from './results.ts';
import { closest, likely } from './similar.ts';

/** Grants read, per kind (tenant-wide, per-user); more are reported, not read. */
export const GRANTS_BOUND = 10_000;
export const ASSIGNMENTS_BOUND = 5_000;
/** Client apps whose names and publishers are looked up (20 parts × 15 ids: one $batch). */
export const NAMED_CLIENTS = 300;
const IN_LIMIT = 15;

export interface AppPermissions {
  asOf: string;
  mode: 'tenant' | 'app';
  filter: PermissionFilter;
  /** The app as asked (mode 'app'). */
  query?: string;
  apps: AppAccess[];
  /** Mode 'app' with no exact match: near matches. */
  near: NearApp[];
  /** Some grants or assignments were not read (bounds). */
  truncated: boolean;
}

interface GraphSp {
  id: string;
  appId: string;
  displayName?: string | null;
  appOwnerOrganizationId?: string | null;
  verifiedPublisher?: GraphVerifiedPublisher | null;
  appRoles?: { id: string; value?: string | null }[] | null;
}

const CLIENT_SELECT = ['id', 'appId', 'displayName', 'appOwnerOrganizationId', 'verifiedPublisher'];
const graphSp: GraphRequest = { url: url(alternateKey('servicePrincipals', 'appId', GRAPH_APP_ID), { select: ['id', 'appRoles'] }) };

const roleMap = (sp: GraphSp) => new Map((sp.appRoles ?? []).filter((r) => r.value).map((r) => [r.id, r.value!]));

function clientInfo(sp: GraphSp, ctx: AnswerContext): ClientInfo {
  return { appId: sp.appId, name: sp.displayName || sp.appId, publisher: publisherOf(sp, ctx.tenantId) };
}

function chunks<T>(list: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < list.length; i += size) out.push(list.slice(i, i + size));
  return out;
}

/** Service principals by id, 15 to a part, in one $batch. */
async function spsById(ctx: AnswerContext, ids: string[], select: string[]): Promise<GraphSp[]> {
  if (!ids.length) return [];
  const parts = chunks(ids, IN_LIMIT).map((c) => ({ url: url('/servicePrincipals', { filter: inList('id', c), select }) }));
  const results = await ctx.graph.batch(parts);
  return results.flatMap((r) => must<{ value: GraphSp[] }>(r).value);
}

async function wholeTenant(filter: PermissionFilter, ctx: AnswerContext): Promise<AppPermissions> {
  const assignedTo: GraphRequest = {
    url: url(`${alternateKey('servicePrincipals', 'appId', GRAPH_APP_ID)}/appRoleAssignedTo`, { select: ['principalId', 'principalType', 'principalDisplayName', 'resourceId', 'appRoleId'], top: 999 }),
  };
  const [spPart, assignedPart] = await ctx.graph.batch([graphSp, assignedTo]);
  const graph = must<GraphSp>(spPart);
  const assignments = await followPages<GraphAssignment>(ctx, assignedPart, assignedTo, ASSIGNMENTS_BOUND);

  const grantsOf = (consentType: string): GraphRequest => ({ url: url('/oauth2PermissionGrants', { filter: and(eq('resourceId', graph.id), eq('consentType', consentType)), top: 999 }) });
  const requests = [grantsOf('AllPrincipals'), grantsOf('Principal')];
  const grantParts = await ctx.graph.batch(requests);
  const [tenantWide, perUser] = await Promise.all(grantParts.map((p, i) => followPages<GraphGrant>(ctx, p, requests[i]!, GRANTS_BOUND)));

  const res: Resources = { graphId: graph.id, names: new Map([[graph.id, 'Microsoft Graph']]), roles: new Map([[graph.id, roleMap(graph)]]) };
  const grants = [...tenantWide!.items, ...perUser!.items];
  // Fold once without names to learn which apps the answer shows (risky first), then name those.
  const unnamed = foldAccess(grants, assignments.items, res, filter, new Map());
  const ids = unnamed.slice(0, NAMED_CLIENTS).map((a) => a.clientId);
  const clients = new Map((await spsById(ctx, ids, CLIENT_SELECT)).map((sp) => [sp.id, clientInfo(sp, ctx)]));
  return {
    asOf: ctx.now.toISOString(),
    mode: 'tenant',
    filter,
    apps: foldAccess(grants, assignments.items, res, filter, clients),
    near: [],
    truncated: assignments.truncated || tenantWide!.truncated || perUser!.truncated,
  };
}

const EXACT = 5;

async function oneApp(name: string, filter: PermissionFilter, ctx: AnswerContext): Promise<AppPermissions> {
  const byAppId = isGuid(name);
  const select = [...CLIENT_SELECT];
  const lookups: GraphRequest[] = byAppId
    ? [{ url: url(alternateKey('servicePrincipals', 'appId', name), { select }) }]
    : [
        { url: url('/servicePrincipals', { filter: eq('displayName', name), select, top: EXACT }) },
        { url: url('/servicePrincipals', { filter: startsWith('displayName', name.slice(0, 3)), select: ['id', 'appId', 'displayName'], top: 25 }) },
        { url: url('/servicePrincipals', { search: searchClause('displayName', name), select: ['id', 'appId', 'displayName'], top: 25 }), eventual: true },
      ];
  const [spPart, exactPart, ...nearParts] = await ctx.graph.batch([graphSp, ...lookups]);
  const graph = must<GraphSp>(spPart);
  const found = spList(exactPart, byAppId);
  const base = { asOf: ctx.now.toISOString(), mode: 'app' as const, filter, query: name, truncated: false };
  if (!found.length) {
    const candidates = nearParts.flatMap((p) => (p?.ok ? ((p.body as { value?: GraphSp[] }).value ?? []) : [])).map((s) => ({ appId: s.appId, name: s.displayName || s.appId }));
    const near = closest(name, candidates.filter((c) => likely(name, c.name)), (c) => c.name, (c) => c.appId, 5).map((c) => ({ ...c, kind: 'enterprise' as const }));
    return { ...base, apps: [], near };
  }

  // Round trip 2: the grants and assignments of the app(s) found; they need the object ids.
  const requests = found.flatMap((sp): GraphRequest[] => [
    { url: url('/oauth2PermissionGrants', { filter: eq('clientId', sp.id), top: 999 }) },
    { url: url(`/servicePrincipals/${segment(sp.id)}/appRoleAssignments`, { select: ['principalId', 'principalType', 'principalDisplayName', 'resourceId', 'resourceDisplayName', 'appRoleId'], top: 999 }) },
  ]);
  const parts = await ctx.graph.batch(requests);
  const lists = await Promise.all(parts.map((p, i) => followPages<GraphGrant | GraphAssignment>(ctx, p, requests[i]!, i % 2 ? ASSIGNMENTS_BOUND : GRANTS_BOUND)));
  const grants = lists.filter((_, i) => i % 2 === 0).flatMap((l) => l.items as GraphGrant[]);
  const assignments = lists.filter((_, i) => i % 2 === 1).flatMap((l) => l.items as GraphAssignment[]);

  // Round trip 3, only for APIs other than Graph: their names and app roles.
  const others = [...new Set([...grants.map((g) => g.resourceId), ...assignments.map((a) => a.resourceId)])].filter((id) => id !== graph.id);
  const resourceSps = await spsById(ctx, others, ['id', 'displayName', 'appRoles']);
  const res: Resources = {
    graphId: graph.id,
    names: new Map([[graph.id, 'Microsoft Graph'], ...resourceSps.map((s): [string, string] => [s.id, s.displayName || s.id])]),
    roles: new Map([[graph.id, roleMap(graph)], ...resourceSps.map((s): [string, Map<string, string>] => [s.id, roleMap(s)])]),
  };
  const clients = new Map(found.map((sp) => [sp.id, clientInfo(sp, ctx)]));
  const folded = foldAccess(grants, assignments, res, filter, clients);
  // An app with nothing granted still gets its row: "nothing consented" is the answer.
  const apps = found.map((sp) => folded.find((a) => a.clientId === sp.id) ?? { clientId: sp.id, ...clientInfo(sp, ctx), application: [], delegatedAll: [], delegatedUsers: { users: 0, permissions: [] }, risky: 0 });
  return { ...base, apps, near: [], truncated: lists.some((l) => l.truncated) };
}

function spList(r: BatchResult | undefined, single: boolean): GraphSp[] {
  if (!r) return [];
  if (single && !r.ok && r.status === 404) return [];
  const body = must<GraphSp | { value: GraphSp[] }>(r);
  return single ? [body as GraphSp] : (body as { value: GraphSp[] }).value;
}

export async function appPermissions(q: Parsed, ctx: AnswerContext): Promise<AppPermissions> {
  // The kind of access asked about, when named ("…read our mail?"), else the app entity (an app, or a permission word).
  const question = q.permission && !q.entities.app ? readQuestion(q.permission) : readQuestion(q.entities.app);
  if ('app' in question) return oneApp(question.app, { kind: 'all' }, ctx);
  return wholeTenant(question.filter, ctx);
}
