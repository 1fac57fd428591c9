// What triage found about one person, as plain data: each finding names a cause with the facts
// behind it (the cards put it in words), and `facts` is everything that was checked — or could
// not be checked, and why. Tickets keep the same data, so a ticket shows the diagnosis it was
// opened with.
import type { Readable } from '../answers/readable.ts';
import type { WorkloadId } from './workloads.ts';

export interface ProvisioningProblem {
  category: string;
  property: string;
  value: string;
  occurred?: string;
}

/** The enterprise app (service principal) a question named. */
export interface AppRef {
  id: string;
  appId: string;
  name: string;
  assignmentRequired: boolean;
  enabled: boolean;
}

export interface AvailableLicense {
  skuId: string;
  name: string;
  free: number;
}

export type Finding =
  | { code: 'account-disabled'; synced: boolean }
  | { code: 'app-disabled'; app: AppRef }
  | { code: 'app-not-assigned'; app: AppRef }
  | { code: 'guest-pending' }
  | { code: 'no-license'; workload: WorkloadId; held: string[]; available: AvailableLicense[] }
  | { code: 'plan-disabled'; workload: WorkloadId; plan: string; license: string }
  | { code: 'plan-pending'; workload: WorkloadId; plan: string; license: string; status: string }
  | { code: 'provisioning-error'; errors: ProvisioningProblem[] }
  | { code: 'password-on-premises'; ageDays: number; writeback: Readable<boolean> }
  | { code: 'password-old'; ageDays: number }
  | { code: 'last-sign-in-failed'; lastAttempt: string; lastSuccess?: string }
  | { code: 'sync-stale'; ageMinutes: number }
  | { code: 'no-licenses' }
  | { code: 'app-not-found'; asked: string; near: string[] };

export type FindingCode = Finding['code'];

/** How sure and how bad: a blocker stops every sign-in; a problem explains the complaint; a warning may. */
export type Severity = 'blocker' | 'problem' | 'warning' | 'info';

export type Ranked = Finding & { severity: Severity; weight: number };

export interface SignInTimes {
  lastAttempt?: string;
  lastSuccess?: string;
  lastNonInteractive?: string;
}

export interface TriageFacts {
  enabled: boolean;
  userType: string;
  invitation?: string;
  synced: boolean;
  lastSync?: string;
  syncAgeMinutes?: number;
  passwordChanged?: string;
  passwordAgeDays?: number;
  passwordNeverExpires: boolean;
  /** Password writeback of Entra Connect; only looked at for a synced person. */
  writeback?: Readable<boolean>;
  /** Friendly names of the person's licenses. */
  licenses: Readable<string[]>;
  /** Whether a license covers the workload named ('unknown' when the licenses could not be read). */
  workload?: { id: WorkloadId; covered: boolean | 'unknown' };
  app?: { asked: string; found?: AppRef; near: string[]; assigned?: Readable<boolean> };
  /** null: Graph has no sign-in recorded for them. */
  signIn: Readable<SignInTimes | null>;
  provisioningErrors: ProvisioningProblem[];
}
