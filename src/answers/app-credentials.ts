// app.credentials — "which app secrets expire in 30 days?", "expired certificates", "secrets expiring
// this week". Client secrets and certificates of app registrations (passwordCredentials,
// keyCredentials) and of enterprise apps (keyCredentials such as SAML signing certificates) that end
// within `days` (default 30), soonest first, then the ones already expired, most recent first.
// `days: 0` means "already expired only" ("expired certificates"): the window ends now.
//
// Cost grows with the number of apps. Graph cannot filter on passwordCredentials or keyCredentials
// (graph reference §1.6: the advanced-query tables list no filter on them, and v1.0 servicePrincipal
// has no preferredTokenSigningKeyEndDateTime to filter on), so the answer pages through every app
// registration and every enterprise app of type Application, 999 a page, selecting only the ids,
// the names and the credentials. That is ceil(apps / 999) + ceil(enterprise apps / 999) round trips
// (both lists are read side by side), bounded at APPS_BOUND objects each — 2 round trips for a
// tenant of up to 999 of each, 42 at the bound. Managed identities are left out on the server
// (servicePrincipalType eq 'Application'): Azure rotates their certificates itself. Graph also
// throttles `$select=keyCredentials` to 150 requests a minute per tenant, another reason for the
// largest pages.
import type { Parsed } from '../language/intents.ts';
import { eq, url } from '../graph/odata.ts';
import type { AnswerContext } from './context.ts';
import { byUrgency, credentialsOf, type Credential, type HasCredentials } from './credentials.ts';

export const DEFAULT_DAYS = 30;
/** At most this many app registrations, and this many enterprise apps, are read. */
export const APPS_BOUND = 20_000;
/** Rows kept for the card (and its paging); the counts cover every credential found. */
export const ROWS_KEPT = 500;

export interface DueCredential extends Credential {
  /** 'application': an app registration's; 'servicePrincipal': an enterprise app's own. */
  owner: 'application' | 'servicePrincipal';
  objectId: string;
  appId: string;
  appName: string;
  /** For an expired one: a credential of the same app that is still valid (it was rotated). */
  replacedUntil?: string;
}

export interface AppCredentials {
  asOf: string;
  days: number;
  /** Still valid, ending within the window. */
  expiring: number;
  expired: number;
  /** Distinct apps with at least one credential in the answer. */
  apps: number;
  rows: DueCredential[];
  scanned: { applications: number; servicePrincipals: number; truncated: boolean };
}

interface GraphApp extends HasCredentials {
  id: string;
  appId: string;
  displayName?: string | null;
}

const SELECT = ['id', 'appId', 'displayName', 'passwordCredentials', 'keyCredentials'];

/** The credentials of one app that the question is about, given the window. */
export function dueOf(o: GraphApp, owner: DueCredential['owner'], days: number, now: Date): DueCredential[] {
  const all = credentialsOf(o, now);
  const latestValid = all.filter((c) => !c.expired).sort((a, b) => Date.parse(b.endDateTime) - Date.parse(a.endDateTime))[0];
  const horizon = now.getTime() + days * 86_400_000;
  return all
    .filter((c) => c.expired || Date.parse(c.endDateTime) <= horizon)
    .map((c) => ({
      ...c,
      owner,
      objectId: o.id,
      appId: o.appId,
      appName: o.displayName || o.appId,
      ...(c.expired && latestValid ? { replacedUntil: latestValid.endDateTime } : {}),
    }));
}

export async function appCredentials(q: Parsed, ctx: AnswerContext): Promise<AppCredentials> {
  const days = Math.min(Math.max(0, Math.floor(q.entities.days ?? DEFAULT_DAYS)), 3650);
  const [apps, sps] = await Promise.all([
    ctx.graph.collect<GraphApp>({ url: url('/applications', { select: SELECT, top: 999 }) }, APPS_BOUND),
    ctx.graph.collect<GraphApp>({ url: url('/servicePrincipals', { filter: eq('servicePrincipalType', 'Application'), select: SELECT, top: 999 }) }, APPS_BOUND),
  ]);
  const rows = [...apps.items.flatMap((a) => dueOf(a, 'application', days, ctx.now)), ...sps.items.flatMap((s) => dueOf(s, 'servicePrincipal', days, ctx.now))].sort(
    (a, b) => byUrgency(a, b) || a.appName.localeCompare(b.appName, 'en', { sensitivity: 'base' }),
  );
  return {
    asOf: ctx.now.toISOString(),
    days,
    expiring: rows.filter((r) => !r.expired).length,
    expired: rows.filter((r) => r.expired).length,
    apps: new Set(rows.map((r) => r.objectId)).size,
    rows: rows.slice(0, ROWS_KEPT),
    scanned: { applications: apps.items.length, servicePrincipals: sps.items.length, truncated: apps.truncated || sps.truncated },
  };
}
