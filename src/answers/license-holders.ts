// license.holders — "who has E5?", "who has a Visio license?", "what licenses do I have?".
// For a license: 1. subscribedSkus, to learn which of the tenant's SKUs the name means and their ids;
// 2. for each, the holders: `assignedLicenses/any(x:x/skuId eq <id>)` with $count and the first page
// sorted by name (an advanced query). Sequential because the filter needs the skuId, and only the
// tenant's own subscribedSkus say which SKUs "E3" means here (Microsoft 365 E3, Office 365 E3 or both).
// Two round trips, whatever the tenant's size.
// For a person ('me', or a UPN, id or name through resolve-user.ts): their licenseDetails (which
// include group-based licenses) with the main services of each — one round trip when the person is
// named by UPN or is the asker, two when found by name.
import type { Parsed } from '../language/intents.ts';
import { guid, url, userPath } from '../graph/odata.ts';
import type { AnswerContext } from './context.ts';
import { mainServices, type ServiceState } from './license-plans.ts';
import { SKU_SELECT, skuRow, type GraphSku } from './license-summary.ts';
import { withUser, type UserCandidate } from './resolve-user.ts';
import { must } from './results.ts';
import { matchSkus } from './sku-match.ts';
import { friendlySkuName } from '../knowledge/skus.ts';

/** Holders listed per license (sorted by name); the count says how many there are. */
export const HOLDERS_SHOWN = 100;

export interface Holder {
  id: string;
  name: string;
  upn: string;
  enabled: boolean;
  guest: boolean;
}

export interface SkuHolders {
  skuId: string;
  partNumber: string;
  name: string;
  /** Everyone holding it (directly or through a group), from $count. */
  holders: number;
  /** Units paid for (enabled + grace period) and assigned, from subscribedSkus. */
  paidFor: number;
  assigned: number;
  users: Holder[];
}

export interface PersonLicense {
  skuId: string;
  partNumber: string;
  name: string;
  services: ServiceState[];
  /** Plans of this license switched off for this person. */
  disabledPlans: number;
}

export type LicenseHolders =
  | { asOf: string; view: 'holders'; query: string; skus: SkuHolders[] }
  | { asOf: string; view: 'skuNotFound'; query: string; tenantSkus: { partNumber: string; name: string }[] }
  | { asOf: string; view: 'person'; person: UserCandidate & { self: boolean }; licenses: PersonLicense[]; sku?: { query: string; held: string[] } }
  /** `sku`: the license asked about, kept for the "which one?" buttons. */
  | { asOf: string; view: 'whichPerson'; query: string; candidates: UserCandidate[]; more: boolean; sku?: string }
  | { asOf: string; view: 'personNotFound'; query: string; suggestions: UserCandidate[]; sku?: string };

interface GraphUser {
  id: string;
  displayName?: string | null;
  userPrincipalName?: string | null;
  accountEnabled?: boolean | null;
  userType?: string | null;
}

interface GraphLicenseDetail {
  skuId: string;
  skuPartNumber?: string | null;
  servicePlans?: { servicePlanName?: string | null; provisioningStatus?: string | null }[] | null;
}

async function holdersOf(query: string, ctx: AnswerContext): Promise<LicenseHolders> {
  const asOf = ctx.now.toISOString();
  const skus = must<{ value: GraphSku[] }>((await ctx.graph.batch([{ url: url('/subscribedSkus', { select: SKU_SELECT }) }]))[0]).value.map(skuRow);
  const { matches } = matchSkus(query, skus.map((row) => ({ skuId: row.skuId, skuPartNumber: row.partNumber, row })));
  if (!matches.length) return { asOf, view: 'skuNotFound', query, tenantSkus: skus.map((s) => ({ partNumber: s.partNumber, name: s.name })) };
  // Round trip 2: needs the skuIds from round trip 1.
  const parts = await ctx.graph.batch(
    matches.map(({ row }) => ({
      url: url('/users', {
        // The GUID comes from Graph (subscribedSkus), and guid() refuses anything else.
        filter: `assignedLicenses/any(x:x/skuId eq ${guid(row.skuId)})`,
        select: ['id', 'displayName', 'userPrincipalName', 'accountEnabled', 'userType'],
        orderby: 'displayName',
        count: true,
        top: HOLDERS_SHOWN,
      }),
      eventual: true,
    })),
  );
  return {
    asOf,
    view: 'holders',
    query,
    skus: matches.map(({ row }, i) => {
      const page = must<{ value: GraphUser[]; '@odata.count'?: number }>(parts[i]);
      return {
        skuId: row.skuId,
        partNumber: row.partNumber,
        name: row.name,
        holders: page['@odata.count'] ?? page.value.length,
        paidFor: row.enabled + row.warning,
        assigned: row.consumed,
        users: page.value.map((u) => ({ id: u.id, name: u.displayName || u.userPrincipalName || u.id, upn: u.userPrincipalName ?? '', enabled: u.accountEnabled !== false, guest: u.userType === 'Guest' })),
      };
    }),
  };
}

function personLicense(d: GraphLicenseDetail): PersonLicense {
  const plans = d.servicePlans ?? [];
  const part = d.skuPartNumber ?? d.skuId;
  return { skuId: d.skuId, partNumber: part, name: friendlySkuName(part, d.skuId), services: mainServices(plans), disabledPlans: plans.filter((p) => p.provisioningStatus === 'Disabled').length };
}

async function licensesOf(entity: string | undefined, sku: string | undefined, ctx: AnswerContext): Promise<LicenseHolders> {
  const asOf = ctx.now.toISOString();
  const found = await withUser(ctx, entity, (key) => [{ url: key === ctx.asker.oid ? '/me/licenseDetails' : url(`${userPath(key)}/licenseDetails`) }]);
  const r = found.resolution;
  const keep = sku ? { sku } : {};
  if (r.status === 'ambiguous') return { asOf, view: 'whichPerson', query: r.query, candidates: r.candidates, more: r.more, ...keep };
  if (r.status === 'notFound') return { asOf, view: 'personNotFound', query: r.query, suggestions: r.suggestions, ...keep };
  const licenses = must<{ value: GraphLicenseDetail[] }>(found.details?.[0])
    .value.map(personLicense)
    .sort((a, b) => a.name.localeCompare(b.name, 'en', { sensitivity: 'base' }));
  const held = sku ? matchSkus(sku, licenses.map((l) => ({ skuId: l.skuId, skuPartNumber: l.partNumber, name: l.name }))).matches.map((m) => m.name) : undefined;
  return { asOf, view: 'person', person: { ...r.user, self: r.self }, licenses, ...(sku && held ? { sku: { query: sku, held } } : {}) };
}

export async function licenseHolders(q: Parsed, ctx: AnswerContext): Promise<LicenseHolders> {
  const sku = q.entities.sku?.trim();
  const user = q.entities.user?.trim();
  // A person named (or no license named): that person's licenses — "what licenses do I have?".
  if (user || !sku) return licensesOf(user, sku, ctx);
  return holdersOf(sku, ctx);
}
