// src/knowledge/sku-aliases.ts (owned with the language parser): every nickname names real SKUs.
import { describe, expect, it } from 'vitest';
import { SKU_ALIASES, skuPartNumbersFor } from '../../src/knowledge/sku-aliases.ts';
import { skuByPartNumber } from '../../src/knowledge/skus.ts';

describe('SKU aliases', () => {
  it('point only at part numbers the catalog knows', () => {
    for (const a of SKU_ALIASES) {
      expect(a.words).toBe(a.words.toLowerCase().trim());
      for (const p of a.partNumbers) expect(skuByPartNumber(p), `${a.words} → ${p}`).toBeDefined();
    }
  });

  it('resolve nicknames, product names and part numbers', () => {
    expect(skuPartNumbersFor('E5')).toContain('SPE_E5');
    expect(skuPartNumbersFor('e3')).toEqual(['SPE_E3', 'ENTERPRISEPACK']);
    expect(skuPartNumbersFor('Power  BI Pro')).toEqual(['POWER_BI_PRO']);
    expect(skuPartNumbersFor('Microsoft 365 E5')).toContain('SPE_E5');
    expect(skuPartNumbersFor('spe_e5')).toEqual(['SPE_E5']);
    expect(skuPartNumbersFor('pizza')).toEqual([]);
  });
});
