// tenant.overview — "what is our tenant?". A Microsoft 365 tenant is one Microsoft Entra ID
// directory: its name and id, its initial *.onmicrosoft.com domain and the verified ones, whether it
// syncs from on-premises AD, and how many people it holds. The organization object answers the
// first part; the user counts are $count requests with filters (advanced queries), so the whole
// answer is one $batch however big the tenant is.
// Counts are optional parts: a member who may not list other users (allowedToReadOtherUsers off)
// still gets the tenant's identity, with a note on what could not be counted.
import { url } from '../graph/odata.ts';
import type { Parsed } from '../language/intents.ts';
import type { AnswerContext } from './context.ts';
import { unreadable, type Readable } from './readable.ts';
import { freshness, minutesSince, must, type Health } from './results.ts';

export interface TenantDomain {
  name: string;
  /** 'Managed' or 'Federated'. */
  type: string;
  isDefault: boolean;
  isInitial: boolean;
}

export interface UserCounts {
  total: number;
  members: number;
  guests: number;
  /** Synced from on-premises AD. */
  synced: number;
  /** Members created in the cloud (not synced). */
  cloudOnly: number;
}

export interface TenantOverview {
  asOf: string;
  id: string;
  name: string;
  /** The *.onmicrosoft.com domain the tenant was created with (it never changes). */
  initialDomain?: string;
  defaultDomain?: string;
  /** Verified domains, default first, then the initial one, then by name. */
  domains: TenantDomain[];
  createdDateTime?: string;
  /** Country or region (two-letter code) the tenant is homed in. */
  country?: string;
  sync: { enabled: boolean; lastSync?: string; ageMinutes?: number; health: Health };
  users: Readable<UserCounts>;
}

interface Organization {
  id: string;
  displayName?: string | null;
  createdDateTime?: string | null;
  countryLetterCode?: string | null;
  onPremisesSyncEnabled?: boolean | null;
  onPremisesLastSyncDateTime?: string | null;
  verifiedDomains?: { name?: string | null; type?: string | null; isDefault?: boolean | null; isInitial?: boolean | null }[] | null;
}

const count = (filter?: string) => ({ url: url('/users/$count', filter ? { filter } : {}), eventual: true });

export const USER_COUNTS = {
  total: count(),
  members: count("userType eq 'Member'"),
  guests: count("userType eq 'Guest'"),
  synced: count('onPremisesSyncEnabled eq true'),
  // "ne true" also catches null (never synced): an advanced query, like every $count.
  cloudOnly: count("onPremisesSyncEnabled ne true and userType eq 'Member'"),
};

export async function tenantOverview(_q: Parsed, ctx: AnswerContext): Promise<TenantOverview> {
  const countKeys = Object.keys(USER_COUNTS) as (keyof UserCounts)[];
  const [orgPart, ...countParts] = await ctx.graph.batch([
    { url: url('/organization', { select: ['id', 'displayName', 'createdDateTime', 'countryLetterCode', 'onPremisesSyncEnabled', 'onPremisesLastSyncDateTime', 'verifiedDomains'] }) },
    ...countKeys.map((k) => USER_COUNTS[k]),
  ]);
  const org = must<{ value: Organization[] }>(orgPart).value[0];
  if (!org) throw new Error('Graph returned no organization');

  const domains = (org.verifiedDomains ?? [])
    .filter((d): d is typeof d & { name: string } => typeof d.name === 'string')
    .map((d): TenantDomain => ({ name: d.name, type: d.type ?? 'Managed', isDefault: d.isDefault === true, isInitial: d.isInitial === true }))
    .sort((a, b) => Number(b.isDefault) - Number(a.isDefault) || Number(b.isInitial) - Number(a.isInitial) || a.name.localeCompare(b.name));

  // All counts or none: a partial set of numbers would read as a wrong total.
  const failed = countParts.find((p) => !p?.ok);
  const users: Readable<UserCounts> = failed
    ? unreadable(failed, USER_COUNTS.total.url)
    : { readable: true, value: Object.fromEntries(countKeys.map((k, i) => [k, Number(must(countParts[i]))])) as Record<keyof UserCounts, number> };

  const enabled = org.onPremisesSyncEnabled === true;
  const age = minutesSince(org.onPremisesLastSyncDateTime, ctx.now);
  const initial = domains.find((d) => d.isInitial)?.name;
  const byDefault = domains.find((d) => d.isDefault)?.name;
  return {
    asOf: ctx.now.toISOString(),
    id: org.id,
    name: org.displayName || org.id,
    ...(initial ? { initialDomain: initial } : {}),
    ...(byDefault ? { defaultDomain: byDefault } : {}),
    domains,
    ...(org.createdDateTime ? { createdDateTime: org.createdDateTime } : {}),
    ...(org.countryLetterCode ? { country: org.countryLetterCode } : {}),
    sync: { enabled, ...(org.onPremisesLastSyncDateTime ? { lastSync: org.onPremisesLastSyncDateTime } : {}), ...(age !== undefined ? { ageMinutes: age } : {}), health: enabled ? freshness(age) : 'off' },
    users,
  };
}
