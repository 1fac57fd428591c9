// app.lookup — "is Salesforce registered?", "app Dropbox", "app 00000003-…". An app can be an app
// registration (applications: built in this tenant), an enterprise app (servicePrincipals: the app's
// instance here, which third-party, gallery and Microsoft apps have too), or both; the answer says
// which, with owners, publisher, sign-in audience, whether assignment is required and when the
// soonest credential ends.
// Graph: one $batch. By appId: both alternate keys (applications(appId='…'), servicePrincipals(appId=
// '…')); by name: both `displayName eq` lookups plus the near-match queries (startswith on the first
// letters and a tokenized $search) for "did you mean", so a miss costs nothing extra. Owners come with
// the exact lookups through $expand (a default query, where Graph allows it). Only when Graph refuses
// that expansion (a member who may not read other people's profiles) is the lookup sent again without
// it — a second round trip, and the card says owners could not be read.
import type { Parsed } from '../language/intents.ts';
import { alternateKey, eq, isGuid, searchClause, startsWith, url } from '../graph/odata.ts';
import { explainDenial } from '../graph/denials.ts';
import type { BatchResult, GraphRequest } from '../graph/types.ts';
import type { AnswerContext } from './context.ts';
import { credentialsOf, summarize, type CredentialSummary, type HasCredentials } from './credentials.ts';
import { publisherOf, type GraphVerifiedPublisher, type Publisher } from './publisher.ts';
import { must } from './results.ts';
import { closest, likely } from './similar.ts';

/** Exact matches listed (several registrations can share a name). */
export const EXACT_SHOWN = 10;
/** "Did you mean" suggestions offered. */
export const NEAR_SHOWN = 5;
/** Graph expands at most 20 owners; the card says when there may be more. */
export const OWNERS_EXPANDED = 20;

export interface Owner {
  id: string;
  kind: 'user' | 'servicePrincipal' | 'other';
  name: string;
  upn?: string;
}

export interface Registration {
  id: string;
  createdDateTime?: string;
  signInAudience?: string;
  publisher: Publisher;
  /** Undefined when the owners could not be read. */
  owners?: Owner[];
  credentials: CredentialSummary;
}

export interface EnterpriseApp {
  id: string;
  enabled: boolean;
  assignmentRequired: boolean;
  signInAudience?: string;
  servicePrincipalType?: string;
  /** SAML, password, OIDC … (preferredSingleSignOnMode), when set. */
  singleSignOn?: string;
  /** Shown in My Apps (tag WindowsAzureActiveDirectoryIntegratedApp) and not hidden (HideApp). */
  visibleToUsers: boolean;
  homepage?: string;
  publisher: Publisher;
  owners?: Owner[];
  /** SAML signing and other certificates kept on the enterprise app itself. */
  credentials: CredentialSummary;
}

export type AppKind = 'registration' | 'enterprise' | 'both';

export interface AppMatch {
  appId: string;
  name: string;
  kind: AppKind;
  registration?: Registration;
  enterpriseApp?: EnterpriseApp;
}

export interface NearApp {
  appId: string;
  name: string;
  kind: AppKind;
}

export interface AppLookup {
  asOf: string;
  /** The app as asked (a name or an appId); undefined when the question named none. */
  query?: string;
  by: 'name' | 'appId' | 'none';
  matches: AppMatch[];
  /** More exact matches than shown. */
  more: boolean;
  /** Only when nothing matched exactly. */
  near: NearApp[];
  /** Set when Graph would not show the owners to this asker. */
  ownersHidden?: { what: string; roles: string[] };
}

interface GraphOwner {
  '@odata.type'?: string;
  id: string;
  displayName?: string | null;
  userPrincipalName?: string | null;
}

interface GraphApplication extends HasCredentials {
  id: string;
  appId: string;
  displayName?: string | null;
  createdDateTime?: string | null;
  signInAudience?: string | null;
  publisherDomain?: string | null;
  verifiedPublisher?: GraphVerifiedPublisher | null;
  owners?: GraphOwner[];
}

interface GraphServicePrincipal extends HasCredentials {
  id: string;
  appId: string;
  displayName?: string | null;
  accountEnabled?: boolean | null;
  appOwnerOrganizationId?: string | null;
  verifiedPublisher?: GraphVerifiedPublisher | null;
  appRoleAssignmentRequired?: boolean | null;
  servicePrincipalType?: string | null;
  signInAudience?: string | null;
  preferredSingleSignOnMode?: string | null;
  tags?: string[] | null;
  homepage?: string | null;
  owners?: GraphOwner[];
}

interface Named {
  id: string;
  appId: string;
  displayName?: string | null;
}

const APP_SELECT = ['id', 'appId', 'displayName', 'createdDateTime', 'signInAudience', 'publisherDomain', 'verifiedPublisher', 'passwordCredentials', 'keyCredentials'];
const SP_SELECT = [
  'id',
  'appId',
  'displayName',
  'accountEnabled',
  'appOwnerOrganizationId',
  'verifiedPublisher',
  'appRoleAssignmentRequired',
  'servicePrincipalType',
  'signInAudience',
  'preferredSingleSignOnMode',
  'tags',
  'homepage',
  'passwordCredentials',
  'keyCredentials',
];
const NEAR_SELECT = ['id', 'appId', 'displayName'];
const OWNERS = 'owners($select=id,displayName,userPrincipalName)';

/** The exact lookups, with or without the owners expanded. */
function exactRequests(query: string, byAppId: boolean, withOwners: boolean): [GraphRequest, GraphRequest] {
  const expand = withOwners ? { expand: OWNERS } : {};
  if (byAppId) {
    return [
      { url: url(alternateKey('applications', 'appId', query), { select: APP_SELECT, ...expand }) },
      { url: url(alternateKey('servicePrincipals', 'appId', query), { select: SP_SELECT, ...expand }) },
    ];
  }
  return [
    { url: url('/applications', { filter: eq('displayName', query), select: APP_SELECT, top: EXACT_SHOWN + 1, ...expand }) },
    { url: url('/servicePrincipals', { filter: eq('displayName', query), select: SP_SELECT, top: EXACT_SHOWN + 1, ...expand }) },
  ];
}

/** Near-match queries: the first letters (catches typos) and a tokenized search (catches words inside). */
function nearRequests(query: string): GraphRequest[] {
  const prefix = query.slice(0, Math.min(query.length, 3));
  return ['/applications', '/servicePrincipals'].flatMap((collection) => [
    { url: url(collection, { filter: startsWith('displayName', prefix), select: NEAR_SELECT, top: 25 }) },
    // $search needs only the ConsistencyLevel header (SRCH); it is an advanced query, so no $expand here.
    { url: url(collection, { search: searchClause('displayName', query), select: NEAR_SELECT, top: 25 }), eventual: true },
  ]);
}

const asList = <T>(r: BatchResult | undefined, single: boolean): T[] => {
  if (!r) return [];
  // An alternate key that matches nothing is a 404: not found is an answer.
  if (single && !r.ok && r.status === 404) return [];
  const body = must<T | { value: T[] }>(r);
  return single ? [body as T] : (body as { value: T[] }).value;
};

function owners(list: GraphOwner[] | undefined, hidden: boolean): Owner[] | undefined {
  if (hidden || !list) return undefined;
  return list.map((o) => {
    const type = o['@odata.type'] ?? '';
    const kind: Owner['kind'] = type.endsWith('.user') ? 'user' : type.endsWith('.servicePrincipal') ? 'servicePrincipal' : 'other';
    return { id: o.id, kind, name: o.displayName || o.userPrincipalName || o.id, ...(o.userPrincipalName ? { upn: o.userPrincipalName } : {}) };
  });
}

export function registrationOf(a: GraphApplication, ctx: AnswerContext, ownersHidden: boolean): Registration {
  const list = owners(a.owners, ownersHidden);
  return {
    id: a.id,
    ...(a.createdDateTime ? { createdDateTime: a.createdDateTime } : {}),
    ...(a.signInAudience ? { signInAudience: a.signInAudience } : {}),
    publisher: publisherOf({ appOwnerOrganizationId: ctx.tenantId, verifiedPublisher: a.verifiedPublisher ?? null, publisherDomain: a.publisherDomain ?? null }, ctx.tenantId),
    ...(list ? { owners: list } : {}),
    credentials: summarize(credentialsOf(a, ctx.now)),
  };
}

export function enterpriseAppOf(s: GraphServicePrincipal, ctx: AnswerContext, ownersHidden: boolean): EnterpriseApp {
  const tags = s.tags ?? [];
  const list = owners(s.owners, ownersHidden);
  return {
    id: s.id,
    enabled: s.accountEnabled !== false,
    assignmentRequired: s.appRoleAssignmentRequired === true,
    ...(s.signInAudience ? { signInAudience: s.signInAudience } : {}),
    ...(s.servicePrincipalType ? { servicePrincipalType: s.servicePrincipalType } : {}),
    ...(s.preferredSingleSignOnMode ? { singleSignOn: s.preferredSingleSignOnMode } : {}),
    visibleToUsers: tags.includes('WindowsAzureActiveDirectoryIntegratedApp') && !tags.includes('HideApp'),
    ...(s.homepage ? { homepage: s.homepage } : {}),
    publisher: publisherOf(s, ctx.tenantId),
    ...(list ? { owners: list } : {}),
    credentials: summarize(credentialsOf(s, ctx.now)),
  };
}

const kindOf = (reg: boolean, sp: boolean): AppKind => (reg && sp ? 'both' : reg ? 'registration' : 'enterprise');

/** Registrations and enterprise apps with the same appId are one app. */
export function mergeMatches(apps: GraphApplication[], sps: GraphServicePrincipal[], ctx: AnswerContext, ownersHidden: boolean): AppMatch[] {
  const byAppId = new Map<string, AppMatch>();
  for (const a of apps) {
    byAppId.set(a.appId, { appId: a.appId, name: a.displayName || a.appId, kind: 'registration', registration: registrationOf(a, ctx, ownersHidden) });
  }
  for (const s of sps) {
    const found = byAppId.get(s.appId);
    const enterpriseApp = enterpriseAppOf(s, ctx, ownersHidden);
    if (found) Object.assign(found, { kind: 'both' as AppKind, enterpriseApp });
    else byAppId.set(s.appId, { appId: s.appId, name: s.displayName || s.appId, kind: 'enterprise', enterpriseApp });
  }
  return [...byAppId.values()].sort((a, b) => a.name.localeCompare(b.name, 'en', { sensitivity: 'base' }) || a.appId.localeCompare(b.appId));
}

/** Near matches, closest first; the same app as registration and enterprise app counts once. */
export function nearMatches(query: string, apps: Named[], sps: Named[]): NearApp[] {
  const regs = new Set(apps.map((a) => a.appId));
  const ents = new Set(sps.map((s) => s.appId));
  const all = [...apps, ...sps].map((o) => ({ appId: o.appId, name: o.displayName || o.appId }));
  // Anything further than about a third of the letters wrong is noise, not a suggestion.
  return closest(query, all.filter((o) => likely(query, o.name)), (o) => o.name, (o) => o.appId, NEAR_SHOWN).map((o) => ({ ...o, kind: kindOf(regs.has(o.appId), ents.has(o.appId)) }));
}

export async function appLookup(q: Parsed, ctx: AnswerContext): Promise<AppLookup> {
  const asOf = ctx.now.toISOString();
  const query = q.entities.app?.trim();
  if (!query) return { asOf, by: 'none', matches: [], more: false, near: [] };
  const byAppId = isGuid(query);
  const exact = exactRequests(query, byAppId, true);
  const near = byAppId ? [] : nearRequests(query);
  let results = await ctx.graph.batch([...exact, ...near]);
  let ownersHidden = false;
  // Graph refuses the owners' expansion to a member who may not read other people: read the apps
  // again without it (this is the only case with a second round trip).
  if (results.slice(0, 2).some((r) => !r.ok && r.status === 403)) {
    ownersHidden = true;
    const again = await ctx.graph.batch(exactRequests(query, byAppId, false));
    results = [...again, ...results.slice(2)];
  }
  const apps = asList<GraphApplication>(results[0], byAppId);
  const sps = asList<GraphServicePrincipal>(results[1], byAppId);
  const matches = mergeMatches(apps, sps, ctx, ownersHidden);
  const denial = ownersHidden ? explainDenial('/users') : undefined;
  const base = {
    asOf,
    query,
    by: byAppId ? ('appId' as const) : ('name' as const),
    matches: matches.slice(0, EXACT_SHOWN),
    more: matches.length > EXACT_SHOWN || apps.length > EXACT_SHOWN || sps.length > EXACT_SHOWN,
    ...(denial ? { ownersHidden: { what: "the apps' owners (other people's profiles)", roles: denial.roles } } : {}),
  };
  if (matches.length || byAppId) return { ...base, near: [] };
  // Suggestions are a courtesy: a near-match query Graph refuses does not spoil the answer.
  const okList = (r: BatchResult | undefined): Named[] => (r?.ok ? ((r.body as { value?: Named[] }).value ?? []) : []);
  const [appPrefix, appSearch, spPrefix, spSearch] = results.slice(2);
  return { ...base, near: nearMatches(query, [...okList(appPrefix), ...okList(appSearch)], [...okList(spPrefix), ...okList(spSearch)]) };
}
