// Which of the tenant's own licenses a name means. People say "E3", "Power BI Pro", "visio" or
// "SPE_E5"; the tenant's subscribedSkus decide what exists. In order: a part number, then a known
// nickname or catalog product name (src/knowledge), then every tenant license whose product name
// contains all the words typed. "E3" can be Microsoft 365 E3 and Office 365 E3: when the tenant has
// both, both are returned and the card shows both.
import { skuPartNumbersFor } from '../knowledge/sku-aliases.ts';
import { friendlySkuName } from '../knowledge/skus.ts';

export interface TenantSku {
  skuId: string;
  skuPartNumber: string;
}

export type MatchedBy = 'partNumber' | 'nickname' | 'words';

const FILLER = new Set(['license', 'licenses', 'licence', 'licences', 'subscription', 'subscriptions', 'plan', 'sku', 'skus', 'the', 'a', 'an', 'microsoft']);

function words(s: string): string[] {
  return s
    .toLowerCase()
    .replace(/[()_,.+/-]/g, ' ')
    .split(/\s+/)
    .filter((w) => w && !FILLER.has(w));
}

export function matchSkus<T extends TenantSku>(typed: string, tenant: readonly T[]): { matches: T[]; by?: MatchedBy } {
  const name = typed.trim();
  if (!name) return { matches: [] };
  const exact = tenant.filter((s) => s.skuPartNumber.toLowerCase() === name.toLowerCase());
  if (exact.length) return { matches: exact, by: 'partNumber' };
  const parts = skuPartNumbersFor(name).map((p) => p.toLowerCase());
  const known = parts.flatMap((p) => tenant.filter((s) => s.skuPartNumber.toLowerCase() === p));
  if (known.length) return { matches: known, by: 'nickname' };
  const typedWords = words(name);
  if (!typedWords.length) return { matches: [] };
  const byWords = tenant.filter((s) => {
    const have = new Set([...words(friendlySkuName(s.skuPartNumber, s.skuId)), ...words(s.skuPartNumber)]);
    return typedWords.every((w) => have.has(w));
  });
  return byWords.length ? { matches: byWords, by: 'words' } : { matches: [] };
}
