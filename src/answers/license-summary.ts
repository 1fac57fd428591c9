// license.summary — "how many E3 licenses are left?", "what licenses do we have?". The organization's
// subscriptions (subscribedSkus) with friendly names: how many units are paid for, assigned and free,
// and which need attention (nearly used up, over-assigned, in the grace period, suspended).
// Graph: one GET. subscribedSkus supports only $select (graph reference §1.8), and a tenant has tens of
// SKUs at most, so the named license is found in the answer (sku-match.ts), not by Graph.
import type { Parsed } from '../language/intents.ts';
import { url } from '../graph/odata.ts';
import { friendlySkuName } from '../knowledge/skus.ts';
import type { AnswerContext } from './context.ts';
import { must } from './results.ts';
import { matchSkus, type MatchedBy } from './sku-match.ts';

/**
 * 'low': a few units left (LOW_UNITS or fewer, or under LOW_SHARE of the total); 'exhausted': none
 * left; 'over': more assigned than paid for; 'grace': the subscription has expired and its units are
 * in the warning (grace) period; 'suspended': no usable units, the subscription is suspended or locked.
 */
export type SkuHealth = 'ok' | 'low' | 'exhausted' | 'over' | 'grace' | 'suspended';

export const LOW_UNITS = 2;
export const LOW_SHARE = 0.05;

export interface SkuRow {
  skuId: string;
  partNumber: string;
  name: string;
  /** Enabled, Warning, Suspended, LockedOut, Deleted (capabilityStatus). */
  capabilityStatus: string;
  /** User or Company. */
  appliesTo?: string;
  enabled: number;
  /** Units in the grace period after the subscription ended: still usable, not for long. */
  warning: number;
  suspended: number;
  lockedOut: number;
  consumed: number;
  /** enabled + warning − consumed; negative when over-assigned. */
  available: number;
  health: SkuHealth;
}

export interface LicenseSummary {
  asOf: string;
  /** The license as asked, when one was named. */
  query?: string;
  matchedBy?: MatchedBy;
  skus: SkuRow[];
  /** A license was named and the tenant has none like it: what it does have. */
  notFound: boolean;
}

export interface GraphSku {
  skuId: string;
  skuPartNumber: string;
  capabilityStatus?: string | null;
  appliesTo?: string | null;
  consumedUnits?: number | null;
  prepaidUnits?: { enabled?: number | null; warning?: number | null; suspended?: number | null; lockedOut?: number | null } | null;
}

export const SKU_SELECT = ['skuId', 'skuPartNumber', 'capabilityStatus', 'appliesTo', 'consumedUnits', 'prepaidUnits'];

export function healthOf(r: Omit<SkuRow, 'health'>): SkuHealth {
  const usable = r.enabled + r.warning;
  if (usable === 0 && (r.suspended > 0 || r.lockedOut > 0 || /suspended|lockedout|deleted/i.test(r.capabilityStatus))) return 'suspended';
  if (r.consumed > usable) return 'over';
  if (/warning/i.test(r.capabilityStatus) || r.warning > 0) return 'grace';
  if (r.available <= 0) return 'exhausted';
  if (r.available <= LOW_UNITS || r.available < usable * LOW_SHARE) return 'low';
  return 'ok';
}

export function skuRow(s: GraphSku): SkuRow {
  const u = s.prepaidUnits ?? {};
  const base = {
    skuId: s.skuId,
    partNumber: s.skuPartNumber,
    name: friendlySkuName(s.skuPartNumber, s.skuId),
    capabilityStatus: s.capabilityStatus ?? 'Enabled',
    ...(s.appliesTo ? { appliesTo: s.appliesTo } : {}),
    enabled: u.enabled ?? 0,
    warning: u.warning ?? 0,
    suspended: u.suspended ?? 0,
    lockedOut: u.lockedOut ?? 0,
    consumed: s.consumedUnits ?? 0,
  };
  const row = { ...base, available: base.enabled + base.warning - base.consumed };
  return { ...row, health: healthOf(row) };
}

const ATTENTION: Record<SkuHealth, number> = { over: 0, exhausted: 1, suspended: 2, grace: 3, low: 4, ok: 5 };

/** Those that need attention first, then by name. */
export const byAttention = (a: SkuRow, b: SkuRow) => ATTENTION[a.health] - ATTENTION[b.health] || a.name.localeCompare(b.name, 'en', { sensitivity: 'base' });

export async function licenseSummary(q: Parsed, ctx: AnswerContext): Promise<LicenseSummary> {
  const all = must<{ value: GraphSku[] }>((await ctx.graph.batch([{ url: url('/subscribedSkus', { select: SKU_SELECT }) }]))[0]).value.map(skuRow);
  const asOf = ctx.now.toISOString();
  const query = q.entities.sku?.trim();
  if (!query) return { asOf, skus: [...all].sort(byAttention), notFound: false };
  const { matches, by } = matchSkus(query, all.map((row) => ({ skuId: row.skuId, skuPartNumber: row.partNumber, row })));
  if (!matches.length) return { asOf, query, skus: [...all].sort(byAttention), notFound: true };
  return { asOf, query, ...(by ? { matchedBy: by } : {}), skus: matches.map((m) => m.row).sort(byAttention), notFound: false };
}
