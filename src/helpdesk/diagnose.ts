// The triage rules: what Graph says about one person → the causes that explain "I can't sign in /
// open X", likeliest first. A cause that stops everything (a disabled account) outranks one that
// explains the complaint (no license for the workload named, not assigned to the app), which
// outranks what merely may (an old password, a stale sync). Plain data in, plain data out.
import type { Readable } from '../answers/readable.ts';
import { minutesSince, SYNC_ERROR_MINUTES } from '../answers/results.ts';
import type { AppRef, AvailableLicense, Finding, ProvisioningProblem, Ranked, Severity, SignInTimes, TriageFacts } from './findings.ts';
import { plansFor, type LicensePlan, type Target } from './workloads.ts';

/**
 * Most on-premises AD and cloud password policies expire passwords within 90 days (Microsoft's
 * old default; AD's own default is 42). Older than this, an expired password is a likely cause.
 */
export const PASSWORD_LIKELY_EXPIRED_DAYS = 90;
/** A failed attempt this much newer than the last success is a failing sign-in, not clock noise. */
const FAILED_SIGN_IN_GAP_MS = 60_000;

export interface TriageUser {
  accountEnabled?: boolean | null;
  userType?: string | null;
  externalUserState?: string | null;
  onPremisesSyncEnabled?: boolean | null;
  onPremisesLastSyncDateTime?: string | null;
  onPremisesProvisioningErrors?: { category?: string | null; occurredDateTime?: string | null; propertyCausingError?: string | null; value?: string | null }[] | null;
  lastPasswordChangeDateTime?: string | null;
  passwordPolicies?: string | null;
}

export interface PersonLicense {
  skuId: string;
  name: string;
  plans: LicensePlan[];
}

export interface DiagnosisInput {
  now: Date;
  target: Target;
  user: TriageUser;
  signIn: Readable<SignInTimes | null>;
  licenses: Readable<PersonLicense[]>;
  /** Undefined when not asked for (the person is cloud-only, or the question is not about passwords). */
  writeback?: Readable<boolean>;
  /** For an app question: the enterprise app found by name (undefined: none), near names, and the assignment. */
  app?: { found?: AppRef; near: string[]; assigned?: Readable<boolean> };
  /** Licenses of the tenant that cover the workload named and have units free. */
  available?: AvailableLicense[];
}

const WEIGHT: Record<Finding['code'], [number, Severity]> = {
  'account-disabled': [100, 'blocker'],
  'app-disabled': [97, 'blocker'],
  'app-not-assigned': [95, 'problem'],
  'guest-pending': [93, 'blocker'],
  'no-license': [92, 'problem'],
  'plan-disabled': [91, 'problem'],
  'provisioning-error': [85, 'problem'],
  'password-on-premises': [80, 'problem'],
  'last-sign-in-failed': [75, 'problem'],
  'plan-pending': [70, 'warning'],
  'sync-stale': [60, 'warning'],
  'password-old': [55, 'warning'],
  'no-licenses': [45, 'warning'],
  'app-not-found': [30, 'info'],
};

const days = (iso: string | null | undefined, now: Date) => {
  const m = minutesSince(iso, now);
  return m === undefined ? undefined : Math.floor(m / 1440);
};

function provisioning(u: TriageUser): ProvisioningProblem[] {
  return (u.onPremisesProvisioningErrors ?? []).map((e) => ({
    category: e.category ?? 'Unknown',
    property: e.propertyCausingError ?? 'Unknown',
    value: e.value ?? '',
    ...(e.occurredDateTime ? { occurred: e.occurredDateTime } : {}),
  }));
}

function workloadFindings(input: DiagnosisInput, out: Finding[]): TriageFacts['workload'] {
  const t = input.target;
  if (t.kind !== 'workload') return undefined;
  if (!input.licenses.readable) return { id: t.workload, covered: 'unknown' };
  const held = input.licenses.value;
  const plans = held.flatMap((l) => plansFor(t.workload, l.plans).map((p) => ({ plan: p, license: l.name })));
  const working = plans.find((p) => p.plan.provisioningStatus === 'Success');
  if (working) return { id: t.workload, covered: true };
  const pending = plans.find((p) => p.plan.provisioningStatus !== 'Disabled');
  if (pending) {
    out.push({ code: 'plan-pending', workload: t.workload, plan: pending.plan.servicePlanName, license: pending.license, status: pending.plan.provisioningStatus });
    return { id: t.workload, covered: true };
  }
  const disabled = plans[0];
  if (disabled) out.push({ code: 'plan-disabled', workload: t.workload, plan: disabled.plan.servicePlanName, license: disabled.license });
  else out.push({ code: 'no-license', workload: t.workload, held: held.map((l) => l.name), available: input.available ?? [] });
  return { id: t.workload, covered: false };
}

function appFindings(input: DiagnosisInput, out: Finding[]): TriageFacts['app'] {
  const t = input.target;
  if (t.kind !== 'app' || !input.app) return undefined;
  const { found, near, assigned } = input.app;
  if (!found) {
    out.push({ code: 'app-not-found', asked: t.asked, near });
    return { asked: t.asked, near };
  }
  if (!found.enabled) out.push({ code: 'app-disabled', app: found });
  if (found.assignmentRequired && assigned?.readable && !assigned.value) out.push({ code: 'app-not-assigned', app: found });
  return { asked: t.asked, found, near, ...(assigned ? { assigned } : {}) };
}

/** The causes, likeliest first, and everything checked. */
export function diagnose(input: DiagnosisInput): { findings: Ranked[]; facts: TriageFacts } {
  const { user: u, now } = input;
  const out: Finding[] = [];
  const synced = u.onPremisesSyncEnabled === true;
  const enabled = u.accountEnabled !== false;
  const guest = u.userType === 'Guest';
  if (!enabled) out.push({ code: 'account-disabled', synced });
  if (guest && u.externalUserState === 'PendingAcceptance') out.push({ code: 'guest-pending' });

  const workload = workloadFindings(input, out);
  const app = appFindings(input, out);

  const errors = provisioning(u);
  if (errors.length) out.push({ code: 'provisioning-error', errors });

  const passwordAgeDays = days(u.lastPasswordChangeDateTime, now);
  const neverExpires = (u.passwordPolicies ?? '').split(',').map((s) => s.trim()).includes('DisablePasswordExpiration');
  if (passwordAgeDays !== undefined && passwordAgeDays >= PASSWORD_LIKELY_EXPIRED_DAYS) {
    // Entra Connect sets DisablePasswordExpiration on synced users: their password expires by the
    // on-premises policy, so the cloud flag says nothing about them.
    if (synced) out.push({ code: 'password-on-premises', ageDays: passwordAgeDays, writeback: input.writeback ?? { readable: false, reason: 'unavailable', what: 'the password writeback setting', roles: ['Global Administrator'] } });
    else if (!neverExpires) out.push({ code: 'password-old', ageDays: passwordAgeDays });
  }

  const s = input.signIn;
  if (s.readable && s.value?.lastAttempt) {
    const attempt = Date.parse(s.value.lastAttempt);
    const success = s.value.lastSuccess ? Date.parse(s.value.lastSuccess) : undefined;
    if (success === undefined || attempt - success > FAILED_SIGN_IN_GAP_MS) out.push({ code: 'last-sign-in-failed', lastAttempt: s.value.lastAttempt, ...(s.value.lastSuccess ? { lastSuccess: s.value.lastSuccess } : {}) });
  }

  const syncAge = minutesSince(u.onPremisesLastSyncDateTime, now);
  if (synced && syncAge !== undefined && syncAge > SYNC_ERROR_MINUTES) out.push({ code: 'sync-stale', ageMinutes: syncAge });

  if (input.target.kind === 'sign-in' && input.licenses.readable && input.licenses.value.length === 0 && !guest) out.push({ code: 'no-licenses' });

  const findings = out
    .map((f, i) => ({ f, i }))
    .sort((a, b) => WEIGHT[b.f.code][0] - WEIGHT[a.f.code][0] || a.i - b.i)
    .map(({ f }) => ({ ...f, weight: WEIGHT[f.code][0], severity: WEIGHT[f.code][1] }) as Ranked);

  const facts: TriageFacts = {
    enabled,
    userType: u.userType ?? 'Member',
    ...(u.externalUserState ? { invitation: u.externalUserState } : {}),
    synced,
    ...(u.onPremisesLastSyncDateTime ? { lastSync: u.onPremisesLastSyncDateTime } : {}),
    ...(syncAge !== undefined ? { syncAgeMinutes: syncAge } : {}),
    ...(u.lastPasswordChangeDateTime ? { passwordChanged: u.lastPasswordChangeDateTime } : {}),
    ...(passwordAgeDays !== undefined ? { passwordAgeDays } : {}),
    passwordNeverExpires: neverExpires && !synced,
    ...(synced && input.writeback ? { writeback: input.writeback } : {}),
    licenses: input.licenses.readable ? { readable: true, value: input.licenses.value.map((l) => l.name) } : input.licenses,
    ...(workload ? { workload } : {}),
    ...(app ? { app } : {}),
    signIn: input.signIn,
    provisioningErrors: errors,
  };
  return { findings, facts };
}

/** The likeliest cause, or undefined when nothing is wrong that Graph can show. */
export function likeliest(findings: readonly Ranked[]): Ranked | undefined {
  return findings.find((f) => f.severity !== 'info');
}
