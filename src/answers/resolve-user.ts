// Who does the question mean? The `user` entity is 'me', a UPN / email / object id, or a display
// name as typed. Answers about one person (user.lookup, user.groups, license.holders, triage) share
// this resolver so every one of them treats names the same way:
//   - 'me' (or no person named): the asker, addressed by their object id;
//   - a UPN or object id: addressed directly, so the answer's details go in the SAME batch as the
//     check that the person exists; an email that is not a UPN is found by `mail` in that batch too;
//   - a display name: an exact `displayName eq`, a prefix search (display, given, family name,
//     UPN) and a tokenized `$search` in one batch. One match → that person (the details need the id,
//     so they cost a second round trip); several → "which one?"; none → not found, with the near
//     matches of a looser prefix query from the same batch as suggestions.
import type { BatchResult, GraphRequest } from '../graph/types.ts';
import { eq, isGuid, or, searchClause, startsWith, url, userPath } from '../graph/odata.ts';
import type { Intent } from '../language/intents.ts';
import type { AnswerContext } from './context.ts';
import { must } from './results.ts';

/** How many candidates a "which one?" or "did you mean" view offers. */
export const CANDIDATES_SHOWN = 10;

/** The basic profile: what any member may read of another (and all a "which one?" card shows). */
export const CANDIDATE_SELECT = ['id', 'displayName', 'userPrincipalName', 'mail', 'jobTitle', 'department', 'userType'] as const;

export type UserQuery =
  | { kind: 'me' }
  /** A UPN, an email address or an object id. */
  | { kind: 'key'; key: string }
  | { kind: 'name'; name: string };

export interface UserCandidate {
  id: string;
  name: string;
  upn: string;
  mail?: string;
  jobTitle?: string;
  department?: string;
  guest: boolean;
}

export type Resolution =
  | { status: 'found'; user: UserCandidate; self: boolean; via: 'me' | 'key' | 'mail' | 'name' }
  | { status: 'ambiguous'; query: string; candidates: UserCandidate[]; more: boolean }
  | { status: 'notFound'; query: string; suggestions: UserCandidate[] };

interface GraphUser {
  id: string;
  displayName?: string | null;
  userPrincipalName?: string | null;
  mail?: string | null;
  jobTitle?: string | null;
  department?: string | null;
  userType?: string | null;
}

/** The entity as typed → what to look for. No person named means the asker. */
export function userQuery(entity: string | undefined): UserQuery {
  const v = (entity ?? '').trim();
  if (!v || v.toLowerCase() === 'me') return { kind: 'me' };
  if (isGuid(v) || v.includes('@')) return { kind: 'key', key: v };
  return { kind: 'name', name: v };
}

export function candidate(u: GraphUser): UserCandidate {
  return {
    id: u.id,
    name: u.displayName || u.userPrincipalName || u.id,
    upn: u.userPrincipalName ?? '',
    ...(u.mail ? { mail: u.mail } : {}),
    ...(u.jobTitle ? { jobTitle: u.jobTitle } : {}),
    ...(u.department ? { department: u.department } : {}),
    guest: u.userType === 'Guest',
  };
}

const list = (filter: string, top = CANDIDATES_SHOWN): GraphRequest => ({ url: url('/users', { filter, select: CANDIDATE_SELECT, top }) });

/** Words of a typed name worth a prefix search on their own (at most three, two letters or more). */
function words(name: string): string[] {
  return name.split(/\s+/).filter((w) => w.length >= 2).slice(0, 3);
}

export interface Finder {
  query: UserQuery;
  /**
   * The path key (object id or UPN) when the question addresses the person directly: the answer may
   * put its detail requests for `key` in the same batch as `requests`. Undefined for a display name.
   */
  key?: string;
  /** The resolver's parts of the first batch. */
  requests: GraphRequest[];
  /** Reads the results of `requests` (same order). Throws the GraphError of a refused lookup. */
  read(results: BatchResult[]): Resolution;
}

export function finder(entity: string | undefined, ctx: AnswerContext): Finder {
  const query = userQuery(entity);
  if (query.kind === 'me') {
    const key = ctx.asker.oid;
    return {
      query,
      key,
      requests: [{ url: url(userPath(key), { select: CANDIDATE_SELECT }) }],
      read: ([me]) => ({ status: 'found', user: candidate(must<GraphUser>(me)), self: true, via: 'me' }),
    };
  }
  if (query.kind === 'key') {
    const key = query.key;
    const requests: GraphRequest[] = [{ url: url(userPath(key), { select: CANDIDATE_SELECT }) }];
    // An email address that is not anyone's UPN may still be someone's mail; and a mistyped UPN
    // deserves suggestions. Both come from one list request beside the direct one.
    const local = key.includes('@') ? key.slice(0, key.indexOf('@')) : '';
    if (local) requests.push(list(or(eq('mail', key), startsWith('userPrincipalName', local), startsWith('displayName', local), startsWith('mail', local))));
    return {
      query,
      key,
      requests,
      read: ([direct, alternatives]) => {
        if (direct?.ok) {
          const user = candidate(direct.body as GraphUser);
          return { status: 'found', user, self: user.id === ctx.asker.oid, via: 'key' };
        }
        if (direct && direct.status !== 404) throw direct.error;
        const others = alternatives ? must<{ value: GraphUser[] }>(alternatives).value.map(candidate) : [];
        const byMail = others.filter((c) => c.mail?.toLowerCase() === key.toLowerCase());
        if (byMail.length === 1) return { status: 'found', user: byMail[0]!, self: byMail[0]!.id === ctx.asker.oid, via: 'mail' };
        return { status: 'notFound', query: key, suggestions: others };
      },
    };
  }
  const name = query.name;
  const ws = words(name);
  const requests: GraphRequest[] = [
    list(eq('displayName', name)),
    list(or(startsWith('displayName', name), startsWith('givenName', name), startsWith('surname', name), startsWith('userPrincipalName', name))),
    // Tokenized: "bowen megan" finds Megan Bowen; needs only the ConsistencyLevel header (SRCH).
    { url: url('/users', { search: searchClause('displayName', name), select: CANDIDATE_SELECT, top: CANDIDATES_SHOWN }), eventual: true },
    // Looser, for suggestions when nothing above matched: each word as a given or family name, and
    // the first three letters of the whole name.
    list(or(...ws.flatMap((w) => [startsWith('givenName', w), startsWith('surname', w)]), startsWith('displayName', name.slice(0, 3)))),
  ];
  return {
    query,
    requests,
    read: ([exactPart, prefixPart, searchPart, loosePart]) => {
      const exact = must<{ value: GraphUser[] }>(exactPart).value.map(candidate);
      const pick = (user: UserCandidate): Resolution => ({ status: 'found', user, self: user.id === ctx.asker.oid, via: 'name' });
      if (exact.length === 1) return pick(exact[0]!);
      if (exact.length > 1) return { status: 'ambiguous', query: name, candidates: byName(exact), more: exact.length >= CANDIDATES_SHOWN };
      const prefix = must<{ value: GraphUser[] }>(prefixPart).value;
      const search = must<{ value: GraphUser[] }>(searchPart).value;
      const near = byName(unique([...prefix, ...search].map(candidate)));
      if (near.length === 1) return pick(near[0]!);
      if (near.length > 1) return { status: 'ambiguous', query: name, candidates: near.slice(0, CANDIDATES_SHOWN), more: near.length > CANDIDATES_SHOWN || prefix.length >= CANDIDATES_SHOWN || search.length >= CANDIDATES_SHOWN };
      const loose = loosePart?.ok ? (loosePart.body as { value: GraphUser[] }).value.map(candidate) : [];
      return { status: 'notFound', query: name, suggestions: byName(loose) };
    },
  };
}

function unique(cs: UserCandidate[]): UserCandidate[] {
  const seen = new Set<string>();
  return cs.filter((c) => (seen.has(c.id) ? false : (seen.add(c.id), true)));
}

function byName(cs: UserCandidate[]): UserCandidate[] {
  return [...cs].sort((a, b) => a.name.localeCompare(b.name, 'en', { sensitivity: 'base' }) || a.upn.localeCompare(b.upn));
}

/** The person's details, fetched in as few round trips as the question allows. */
export interface WithUser {
  resolution: Resolution;
  /** Results of `details(key)` when the person was found (same order). */
  details?: BatchResult[];
  /** Graph round trips used (1 when the person was named directly, 2 when found by name or mail). */
  roundTrips: number;
}

/**
 * Resolves the `user` entity and fetches `details(key)` for the person found. When the question
 * names the person directly, the details ride in the same batch as the lookup (one round trip);
 * when it gives a display name, or an email that turns out to be someone's mail, the details need
 * the object id the lookup returns, so they cost one more batch — never more, whatever the tenant.
 */
export async function withUser(ctx: AnswerContext, entity: string | undefined, details: (key: string) => GraphRequest[]): Promise<WithUser> {
  const f = finder(entity, ctx);
  const first = f.key !== undefined ? details(f.key) : [];
  if (f.requests.length + first.length > 20) throw new Error('a user answer asks for more than one batch holds');
  const results = await ctx.graph.batch([...f.requests, ...first]);
  const resolution = f.read(results.slice(0, f.requests.length));
  if (resolution.status !== 'found') return { resolution, roundTrips: 1 };
  if (f.key !== undefined && resolution.via !== 'mail') return { resolution, details: results.slice(f.requests.length), roundTrips: 1 };
  // Second round trip: the details are addressed by the id the first one found.
  const second = await ctx.graph.batch(details(resolution.user.id));
  return { resolution, details: second, roundTrips: 2 };
}

/**
 * The view when the resolver did not settle on one person: "which one?" (each candidate a button
 * that asks the same question about them) or "not found" with suggestions. Shared by every answer
 * about one person; rendered by cards/user-choice.ts.
 */
export type UserChoice =
  | { kind: 'choose'; asOf: string; intent: Intent; query: string; candidates: UserCandidate[]; more: boolean }
  | { kind: 'notFound'; asOf: string; intent: Intent; query: string; suggestions: UserCandidate[] };

export function userChoice(resolution: Exclude<Resolution, { status: 'found' }>, intent: Intent, asOf: string): UserChoice {
  return resolution.status === 'ambiguous'
    ? { kind: 'choose', asOf, intent, query: resolution.query, candidates: resolution.candidates, more: resolution.more }
    : { kind: 'notFound', asOf, intent, query: resolution.query, suggestions: resolution.suggestions };
}
