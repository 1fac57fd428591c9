// Licenses as typed: a part number ("SPE_E5", "ENTERPRISEPACK") comes back in the catalog's
// spelling; a product name or nickname ("E5", "Power BI Pro", "visio", "Microsoft 365 E3") comes
// back as typed, for the answer to resolve with skuPartNumbersFor.
import { SKUS, skuByPartNumber } from '../../knowledge/skus.ts';
import { SKU_ALIASES } from '../../knowledge/sku-aliases.ts';
import { prepare, typedText, type Utterance } from '../normalize.ts';
import type { Span } from './spans.ts';

/** Phrases (as normalized token lists) by their first token, longest first. */
const PHRASES = new Map<string, string[][]>();
function addPhrase(text: string): void {
  const norms = prepare(text.replace(/[(),]/g, ' ')).tokens.map((t) => t.norm);
  if (norms.length === 0) return;
  const list = PHRASES.get(norms[0]!) ?? [];
  if (!list.some((p) => p.join(' ') === norms.join(' '))) list.push(norms);
  PHRASES.set(norms[0]!, list);
}
for (const a of SKU_ALIASES) addPhrase(a.words);
// Catalog product names of one word ("Intune", "Power BI" is two) are too easily ordinary words.
for (const s of SKUS) if (s.productName.trim().includes(' ')) addPhrase(s.productName);
for (const list of PHRASES.values()) list.sort((a, b) => b.length - a.length);

/** Every word of every catalog product name (real words, never typo-corrected). */
export const CATALOG_WORDS: readonly string[] = [...new Set([...PHRASES.values()].flat(2))];

/** Words license names are made of (for typo correction). */
export const SKU_WORDS: readonly string[] = SKU_ALIASES.flatMap((a) => a.words.split(' '));

/** A token typed like a part number: has "_" or a digit, or is all capitals — and the catalog knows it. */
function partNumber(typed: string): string | undefined {
  if (!/[_\d]/.test(typed) && (typed.length < 3 || typed !== typed.toUpperCase())) return undefined;
  return skuByPartNumber(typed)?.skuPartNumber;
}

export function findSkus(u: Utterance): Span[] {
  const out: Span[] = [];
  const t = u.tokens;
  for (let i = 0; i < t.length; i++) {
    if (t[i]!.quoted) continue;
    const part = partNumber(u.text.slice(t[i]!.start, t[i]!.end));
    if (part) {
      out.push({ kind: 'sku', start: i, end: i + 1, value: part });
      continue;
    }
    const hit = (PHRASES.get(t[i]!.norm) ?? []).find((p) => p.every((w, k) => t[i + k]?.norm === w));
    if (hit) {
      out.push({ kind: 'sku', start: i, end: i + hit.length, value: typedText(u, i, i + hit.length) });
      i += hit.length - 1;
    }
  }
  return out;
}
