// sync.status — "is directory sync working?". Directory sync and password hash sync are reported
// separately: directory sync freshness from v1.0 organization.onPremisesLastSyncDateTime; whether
// password hash sync (and writeback) is on from directory/onPremisesSynchronization, which only a
// Global Administrator may read; when password sync last ran only from the beta organization — the
// one documented beta call, shown as "not available" when it fails.
// Graph: one $batch (organization + sync features) and the beta GET, in parallel.
import type { Parsed } from '../language/intents.ts';
import { url } from '../graph/odata.ts';
import { explainDenial } from '../graph/denials.ts';
import type { AnswerContext } from './context.ts';
import { freshness, may, minutesSince, must, type Health } from './results.ts';

export interface SyncStatus {
  asOf: string;
  tenant: { id: string; name: string };
  directory: { enabled: boolean; lastSync?: string; ageMinutes?: number; health: Health };
  passwordHashSync:
    | { readable: true; enabled: boolean; writeback: boolean; lastSync?: string; ageMinutes?: number; health: Health; lastSyncAvailable: boolean }
    | { readable: false; reason: 'denied' | 'unavailable'; what: string; roles: string[]; lastSync?: string; ageMinutes?: number; lastSyncAvailable: boolean };
  /** Accidental-deletion prevention threshold, when readable. */
  deletionThreshold?: number;
}

interface Organization {
  id: string;
  displayName?: string;
  onPremisesSyncEnabled?: boolean | null;
  onPremisesLastSyncDateTime?: string | null;
  onPremisesLastPasswordSyncDateTime?: string | null;
}

interface SyncFeatures {
  features?: { passwordSyncEnabled?: boolean; passwordWritebackEnabled?: boolean };
  configuration?: { accidentalDeletionPrevention?: { synchronizationPreventionType?: string; alertThreshold?: number } };
}

export const SYNC_FEATURES_URL = url('/directory/onPremisesSynchronization');

export async function syncStatus(_q: Parsed, ctx: AnswerContext): Promise<SyncStatus> {
  const [orgPart, featuresPart, betaPart] = await ctx.graph.batch([
    { url: url('/organization', { select: ['id', 'displayName', 'onPremisesSyncEnabled', 'onPremisesLastSyncDateTime'] }) },
    { url: SYNC_FEATURES_URL },
    { url: url('/organization', { select: ['onPremisesLastPasswordSyncDateTime'] }), version: 'beta' },
  ]);
  const org = must<{ value: Organization[] }>(orgPart).value[0];
  if (!org) throw new Error('Graph returned no organization');
  const features = may<{ value: SyncFeatures[] }>(featuresPart);
  const beta = may<{ value: Organization[] }>(betaPart);

  const enabled = org.onPremisesSyncEnabled === true;
  const dirAge = minutesSince(org.onPremisesLastSyncDateTime, ctx.now);
  const passwordLast = beta.body?.value?.[0]?.onPremisesLastPasswordSyncDateTime ?? undefined;
  const passwordAge = minutesSince(passwordLast, ctx.now);
  const lastSyncAvailable = beta.body !== undefined;
  const settings = features.body?.value?.[0];

  let passwordHashSync: SyncStatus['passwordHashSync'];
  if (settings) {
    const on = settings.features?.passwordSyncEnabled === true;
    passwordHashSync = {
      readable: true,
      enabled: on,
      writeback: settings.features?.passwordWritebackEnabled === true,
      ...(passwordLast ? { lastSync: passwordLast } : {}),
      ...(passwordAge !== undefined ? { ageMinutes: passwordAge } : {}),
      health: !enabled || !on ? 'off' : freshness(passwordAge),
      lastSyncAvailable,
    };
  } else {
    // 403: only a Global Administrator may read it. Anything else: Graph failed; show the rest anyway.
    const denial = explainDenial(SYNC_FEATURES_URL);
    passwordHashSync = { readable: false, reason: features.status === 403 ? 'denied' : 'unavailable', what: denial.what, roles: denial.roles, ...(passwordLast ? { lastSync: passwordLast } : {}), ...(passwordAge !== undefined ? { ageMinutes: passwordAge } : {}), lastSyncAvailable };
  }
  const threshold = settings?.configuration?.accidentalDeletionPrevention?.alertThreshold;
  return {
    asOf: ctx.now.toISOString(),
    tenant: { id: org.id, name: org.displayName ?? org.id },
    directory: { enabled, ...(org.onPremisesLastSyncDateTime ? { lastSync: org.onPremisesLastSyncDateTime } : {}), ...(dirAge !== undefined ? { ageMinutes: dirAge } : {}), health: enabled ? freshness(dirAge) : 'off' },
    passwordHashSync,
    ...(typeof threshold === 'number' ? { deletionThreshold: threshold } : {}),
  };
}
