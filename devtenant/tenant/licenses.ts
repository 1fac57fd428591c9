// Licenses: which SKUs a person gets, and the tenant's subscribedSkus with consumedUnits counted
// from the users' assignedLicenses (so "how many E5 are left" always agrees with "who has E5").
// SKU ids and service plan names come from src/knowledge/skus.json (the Entra licensing table);
// that table has no service plan ids, so each servicePlanId is derived from the plan name.
import { skuByPartNumber, type SkuInfo } from '../../src/knowledge/skus.ts';
import type { GraphObject } from './types.ts';
import type { License } from './people.ts';
import { nameGuid, type Random } from './random.ts';

export const LICENSED_PARTS = ['SPE_E3', 'SPE_E5', 'STANDARDPACK', 'EXCHANGESTANDARD', 'EMS', 'POWER_BI_PRO', 'VISIOCLIENT', 'FLOW_FREE', 'PROJECTPROFESSIONAL'] as const;
export type LicensedPart = (typeof LICENSED_PARTS)[number];

export function sku(part: string): SkuInfo {
  const info = skuByPartNumber(part);
  if (!info) throw new Error(`SKU ${part} is not in src/knowledge/skus.json`);
  return info;
}

/** The stable id this project gives a service plan (the published table lists names only). */
export function servicePlanId(planName: string): string {
  return nameGuid(`microsoft.servicePlan:${planName}`);
}

export function license(part: LicensedPart, disabledPlanNames: readonly string[] = []): License {
  return { skuId: sku(part).skuId, disabledPlans: disabledPlanNames.map(servicePlanId) };
}

export interface LicenseProfile {
  department: string | null;
  jobTitle: string | null;
  frontline: boolean;
  head: boolean;
  contractor: boolean;
  enabled: boolean;
}

/** A plausible mix: E3 for knowledge workers, E5 for leaders and security, E1 for frontline staff, add-ons by role. */
export function licensesFor(p: LicenseProfile, rng: Random): License[] {
  if (!p.enabled && rng.chance(0.5)) return []; // half the leavers were cleaned up
  if (rng.chance(0.02)) return []; // forgotten ones
  const out: License[] = [];
  const title = p.jobTitle ?? '';
  if (p.contractor) out.push(rng.chance(0.5) ? license('SPE_E3') : license('EXCHANGESTANDARD'));
  else if (p.head || /Security/.test(title) || p.department === 'Executive') out.push(license('SPE_E5'));
  else if (p.frontline && !/Manager/.test(title)) out.push(license('STANDARDPACK'), ...(rng.chance(0.4) ? [license('EMS')] : []));
  // Yammer switched off for one in ten E3 users: disabledPlans is not always empty.
  else out.push(rng.chance(0.1) ? license('SPE_E3', ['YAMMER_ENTERPRISE']) : license('SPE_E3'));
  if ((p.department === 'Finance' || /Analyst/.test(title)) && rng.chance(0.45)) out.push(license('POWER_BI_PRO'));
  if ((p.department === 'Engineering' || p.department === 'Operations') && rng.chance(0.06)) out.push(license('VISIOCLIENT'));
  if (/Project Manager|Program Manager/.test(title) && rng.chance(0.5)) out.push(license('PROJECTPROFESSIONAL'));
  if (rng.chance(0.08)) out.push(license('FLOW_FREE'));
  return out;
}

export interface SkuUnits {
  enabled: number;
  warning?: number;
  suspended?: number;
  lockedOut?: number;
  capabilityStatus?: 'Enabled' | 'Warning' | 'Suspended' | 'Deleted' | 'LockedOut';
}

/** Default purchase: some headroom over what is assigned; the free viral SKU has its fixed 10,000. */
export function defaultUnits(part: string, consumed: number): SkuUnits {
  if (part === 'FLOW_FREE') return { enabled: 10000 };
  return { enabled: Math.ceil(consumed * 1.08) + 5 };
}

export function countAssignments(users: readonly GraphObject[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const u of users) {
    for (const l of (u.assignedLicenses as { skuId: string }[] | undefined) ?? []) counts.set(l.skuId, (counts.get(l.skuId) ?? 0) + 1);
  }
  return counts;
}

export function buildSubscribedSku(
  tenantId: string,
  accountName: string,
  part: string,
  consumed: number,
  units: SkuUnits,
  subscriptionId: string,
): GraphObject {
  const info = sku(part);
  return {
    id: `${tenantId}_${info.skuId}`,
    accountId: tenantId,
    accountName,
    appliesTo: 'User',
    capabilityStatus: units.capabilityStatus ?? 'Enabled',
    consumedUnits: consumed,
    prepaidUnits: { enabled: units.enabled, lockedOut: units.lockedOut ?? 0, suspended: units.suspended ?? 0, warning: units.warning ?? 0 },
    servicePlans: info.servicePlans.map((name) => ({ servicePlanId: servicePlanId(name), servicePlanName: name, provisioningStatus: 'Success', appliesTo: 'User' })),
    skuId: info.skuId,
    skuPartNumber: info.skuPartNumber,
    subscriptionIds: [subscriptionId],
  };
}

/**
 * The tenant's subscribedSkus for the given parts, consumedUnits counted from `users`.
 * `units` overrides the purchase per part (nearly exhausted, over-assigned, in grace period …).
 */
export function buildSubscribedSkus(
  tenantId: string,
  accountName: string,
  users: readonly GraphObject[],
  parts: readonly string[],
  rng: Random,
  units: Partial<Record<string, (consumed: number) => SkuUnits>> = {},
): GraphObject[] {
  const counts = countAssignments(users);
  return parts.map((part) => {
    const consumed = counts.get(sku(part).skuId) ?? 0;
    return buildSubscribedSku(tenantId, accountName, part, consumed, (units[part] ?? ((c: number) => defaultUnits(part, c)))(consumed), rng.guid());
  });
}
