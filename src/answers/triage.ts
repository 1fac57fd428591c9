// triage — "I can't sign in", "Lee can't open SharePoint", "Outlook keeps asking for my password".
// Diagnoses one person (the asker unless someone is named): account enabled, synced or cloud-only
// (and, for synced people, whether password writeback lets them reset in the cloud), password age,
// licenses covering the workload named, the enterprise app named (assignment required? assigned?),
// provisioning errors and sign-in activity. The rules live in helpdesk/diagnose.ts.
//
// Graph: the person is resolved by resolve-user.ts. Every check for them is one $batch: named
// directly (me, UPN, id) it is the same batch as the lookup — one round trip; found by display
// name it is a second batch, because the checks are addressed by the id the lookup returns. The
// app lookup and the tenant's licenses do not depend on the person, so they ride in the first
// batch either way. Parts the asker may not read (sign-in activity needs a reporting role;
// another person's licenses a directory role; sync settings Global Administrator) degrade to
// "could not check: needs …" — Graph decides, per part.
import { alternateKey, eq, isGuid, startsWith, url, userPath } from '../graph/odata.ts';
import type { BatchResult, GraphRequest } from '../graph/types.ts';
import { diagnose, type PersonLicense, type TriageUser } from '../helpdesk/diagnose.ts';
import type { AppRef, AvailableLicense, Ranked, SignInTimes, TriageFacts } from '../helpdesk/findings.ts';
import { targetOf, WORKLOADS, type Target, type WorkloadId } from '../helpdesk/workloads.ts';
import { friendlySkuName } from '../knowledge/skus.ts';
import type { Parsed } from '../language/intents.ts';
import type { AnswerContext } from './context.ts';
import { readable, unreadable, type Readable } from './readable.ts';
import { finder, userChoice, type UserChoice } from './resolve-user.ts';
import { must } from './results.ts';

export interface TriageDiagnosis {
  kind: 'diagnosis';
  asOf: string;
  /** Who asked (only they may escalate this diagnosis). */
  askedBy: { oid: string; name?: string };
  /** The asker asked about themselves. */
  self: boolean;
  person: { id: string; name: string; upn: string };
  target: Target;
  /** Causes, likeliest first; empty when nothing Graph shows is wrong. */
  findings: Ranked[];
  facts: TriageFacts;
}

/** Not settled on one person: the shared "which one?" view, keeping the app named so a choice asks the same question. */
export type TriageChoice = UserChoice & { app?: string };

export type Triage = TriageDiagnosis | TriageChoice;

/** Everything the rules read about the person (onPremises*, accountEnabled, lastPasswordChangeDateTime: only on $select). */
export const TRIAGE_SELECT = [
  'id', 'displayName', 'userPrincipalName', 'accountEnabled', 'userType', 'externalUserState', 'onPremisesSyncEnabled', 'onPremisesLastSyncDateTime',
  'onPremisesProvisioningErrors', 'lastPasswordChangeDateTime', 'passwordPolicies',
];
const SP_SELECT = ['id', 'appId', 'displayName', 'accountEnabled', 'appRoleAssignmentRequired'];
/** Graph returns the first 100 assignments per page; more than that for one person is rare, and then "assigned" reads as unknown. */
const ASSIGNMENT_SELECT = ['resourceId', 'appRoleId'];
const NEAR_APPS = 5;

/** Roles that may list another person's app role assignments (Graph's user-list-approleassignments page). */
const ASSIGNMENT_READERS = ['Directory Readers', 'Application Administrator', 'Cloud Application Administrator', 'User Administrator', 'Global Reader'];

interface GraphTriageUser extends TriageUser {
  id: string;
  displayName?: string | null;
  userPrincipalName?: string | null;
}

interface GraphSp {
  id: string;
  appId: string;
  displayName?: string | null;
  accountEnabled?: boolean | null;
  appRoleAssignmentRequired?: boolean | null;
}

interface GraphLicenseDetails {
  skuId?: string;
  skuPartNumber?: string | null;
  servicePlans?: { servicePlanName?: string | null; provisioningStatus?: string | null }[] | null;
}

interface GraphSku {
  skuId: string;
  skuPartNumber?: string | null;
  capabilityStatus?: string | null;
  prepaidUnits?: { enabled?: number | null } | null;
  consumedUnits?: number | null;
  servicePlans?: { servicePlanName?: string | null }[] | null;
}

/** Parts that do not depend on who the person is: the app named, or the tenant's licenses for the workload named. */
function independentRequests(target: Target): GraphRequest[] {
  if (target.kind === 'app') {
    if (isGuid(target.asked)) return [{ url: url(alternateKey('servicePrincipals', 'appId', target.asked), { select: SP_SELECT }) }];
    return [
      { url: url('/servicePrincipals', { filter: eq('displayName', target.asked), select: SP_SELECT, top: 2 }) },
      { url: url('/servicePrincipals', { filter: startsWith('displayName', target.asked.slice(0, 3)), select: ['id', 'displayName'], top: NEAR_APPS * 2 }) },
    ];
  }
  if (target.kind === 'workload') return [{ url: url('/subscribedSkus', { select: ['skuId', 'skuPartNumber', 'capabilityStatus', 'prepaidUnits', 'consumedUnits', 'servicePlans'] }) }];
  return [];
}

/** The checks for one person, all addressed by `key`. */
export function checkRequests(key: string, target: Target): GraphRequest[] {
  const path = userPath(key);
  return [
    { url: url(path, { select: TRIAGE_SELECT }) },
    { url: url(path, { select: ['signInActivity'] }) },
    { url: url(`${path}/licenseDetails`, { select: ['skuId', 'skuPartNumber', 'servicePlans'] }) },
    { url: url('/directory/onPremisesSynchronization', { select: ['features'] }) },
    ...(target.kind === 'app' ? [{ url: url(`${path}/appRoleAssignments`, { select: ASSIGNMENT_SELECT }) }] : []),
  ];
}

function appOf(target: Target, parts: BatchResult[]): { found?: AppRef; near: string[] } | undefined {
  if (target.kind !== 'app') return undefined;
  const toRef = (s: GraphSp): AppRef => ({ id: s.id, appId: s.appId, name: s.displayName || s.appId, assignmentRequired: s.appRoleAssignmentRequired === true, enabled: s.accountEnabled !== false });
  if (isGuid(target.asked)) {
    const [one] = parts;
    if (one && !one.ok && one.status === 404) return { near: [] };
    return { found: toRef(must<GraphSp>(one)), near: [] };
  }
  const [exact, near] = parts;
  const found = must<{ value: GraphSp[] }>(exact).value[0];
  if (found) return { found: toRef(found), near: [] };
  const names = near?.ok ? (near.body as { value: GraphSp[] }).value.map((s) => s.displayName ?? '').filter(Boolean) : [];
  return { near: [...new Set(names)].slice(0, NEAR_APPS) };
}

function availableFor(workload: WorkloadId, part: BatchResult | undefined): AvailableLicense[] {
  if (!part?.ok) return [];
  const re = WORKLOADS[workload].plans;
  return (part.body as { value: GraphSku[] }).value
    .filter((s) => s.capabilityStatus === 'Enabled' && (s.servicePlans ?? []).some((p) => re.test((p.servicePlanName ?? '').toUpperCase())))
    .map((s) => ({ skuId: s.skuId, name: friendlySkuName(s.skuPartNumber ?? s.skuId, s.skuId), free: Math.max(0, (s.prepaidUnits?.enabled ?? 0) - (s.consumedUnits ?? 0)) }))
    .filter((s) => s.free > 0)
    .sort((a, b) => b.free - a.free || a.name.localeCompare(b.name))
    .slice(0, 3);
}

function licensesOf(part: BatchResult | undefined, requestUrl: string): Readable<PersonLicense[]> {
  return readable(part, requestUrl, (b) =>
    ((b as { value?: GraphLicenseDetails[] }).value ?? [])
      .filter((l): l is GraphLicenseDetails & { skuId: string } => typeof l.skuId === 'string')
      .map((l) => ({
        skuId: l.skuId,
        name: friendlySkuName(l.skuPartNumber ?? l.skuId, l.skuId),
        plans: (l.servicePlans ?? []).filter((p) => p.servicePlanName).map((p) => ({ skuId: l.skuId, skuPartNumber: l.skuPartNumber ?? '', servicePlanName: p.servicePlanName!, provisioningStatus: p.provisioningStatus ?? 'Success' })),
      }))
      .sort((a, b) => a.name.localeCompare(b.name)),
  );
}

function signInOf(part: BatchResult | undefined, requestUrl: string): Readable<SignInTimes | null> {
  return readable(part, requestUrl, (b) => {
    const a = (b as { signInActivity?: { lastSignInDateTime?: string | null; lastSuccessfulSignInDateTime?: string | null; lastNonInteractiveSignInDateTime?: string | null } | null }).signInActivity;
    if (!a || (!a.lastSignInDateTime && !a.lastSuccessfulSignInDateTime && !a.lastNonInteractiveSignInDateTime)) return null;
    return {
      ...(a.lastSignInDateTime ? { lastAttempt: a.lastSignInDateTime } : {}),
      ...(a.lastSuccessfulSignInDateTime ? { lastSuccess: a.lastSuccessfulSignInDateTime } : {}),
      ...(a.lastNonInteractiveSignInDateTime ? { lastNonInteractive: a.lastNonInteractiveSignInDateTime } : {}),
    };
  });
}

function assignmentOf(part: BatchResult | undefined, app: AppRef | undefined): Readable<boolean> | undefined {
  if (!app || !part) return undefined;
  if (!part.ok) {
    const u = unreadable(part, '/users');
    return { ...u, what: 'their app assignments', roles: u.reason === 'denied' ? ASSIGNMENT_READERS : u.roles };
  }
  const body = part.body as { value: { resourceId?: string }[]; '@odata.nextLink'?: string };
  // Graph lists direct assignments and those of groups the person is a direct member of.
  if (body.value.some((a) => a.resourceId?.toLowerCase() === app.id.toLowerCase())) return { readable: true, value: true };
  if (body['@odata.nextLink']) return { readable: false, reason: 'unavailable', what: 'all of their app assignments (they have more than one page)', roles: [] };
  return { readable: true, value: false };
}

export async function triage(q: Parsed, ctx: AnswerContext): Promise<Triage> {
  const asOf = ctx.now.toISOString();
  const target = targetOf(q.entities.app);
  const f = finder(q.entities.user, ctx);
  const independent = independentRequests(target);
  const direct = f.key !== undefined ? checkRequests(f.key, target) : [];
  const first = await ctx.graph.batch([...f.requests, ...independent, ...direct]);
  const resolution = f.read(first.slice(0, f.requests.length));
  if (resolution.status !== 'found') return { ...userChoice(resolution, 'triage', asOf), ...(q.entities.app ? { app: q.entities.app } : {}) };
  const independentParts = first.slice(f.requests.length, f.requests.length + independent.length);

  // Found by display name (or by mail): the checks need the object id the lookup returned.
  const byId = f.key === undefined || resolution.via === 'mail';
  const requests = checkRequests(byId ? resolution.user.id : f.key!, target);
  const checks = byId ? await ctx.graph.batch(requests) : first.slice(f.requests.length + independent.length);
  const [userPart, signInPart, licensePart, syncPart, assignmentPart] = checks;
  const u = must<GraphTriageUser>(userPart);

  const app = appOf(target, independentParts);
  const features = syncPart?.ok ? ((syncPart.body as { value?: { features?: { passwordWritebackEnabled?: boolean | null } | null }[] }).value ?? [])[0]?.features : undefined;
  const writeback: Readable<boolean> = syncPart?.ok ? { readable: true, value: features?.passwordWritebackEnabled === true } : unreadable(syncPart, requests[3]!.url);
  const assigned = assignmentOf(assignmentPart, app?.found);
  const { findings, facts } = diagnose({
    now: ctx.now,
    target,
    user: u,
    signIn: signInOf(signInPart, requests[1]!.url),
    licenses: licensesOf(licensePart, requests[2]!.url),
    writeback,
    ...(app ? { app: { ...app, ...(assigned ? { assigned } : {}) } } : {}),
    ...(target.kind === 'workload' ? { available: availableFor(target.workload, independentParts[0]) } : {}),
  });
  return {
    kind: 'diagnosis',
    asOf,
    askedBy: { oid: ctx.asker.oid, ...(ctx.asker.name ? { name: ctx.asker.name } : {}) },
    self: resolution.self,
    person: { id: u.id, name: u.displayName || u.userPrincipalName || u.id, upn: u.userPrincipalName ?? '' },
    target,
    findings,
    facts,
  };
}
