// Regenerates src/knowledge/skus.json from the licensing reference table
// (../shared/reference/sku-names.tsv, from the Entra docs page "Product names and service plan
// identifiers for licensing"). The JSON is committed: CI machines do not have ../shared.
//   npx tsx scripts/build-sku-catalog.ts [path/to/sku-names.tsv]
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';

const source = resolve(process.argv[2] ?? resolve(import.meta.dirname, '..', '..', 'shared', 'reference', 'sku-names.tsv'));
const lines = readFileSync(source, 'utf8').split('\n');
const header = lines.find((l) => l.startsWith('# Source:')) ?? '';
const rows = lines.filter((l) => l && !l.startsWith('#') && !l.startsWith('skuPartNumber\t'));
const skus = rows.map((l) => {
  const [skuPartNumber, skuId, productName, plans] = l.split('\t');
  if (!skuPartNumber || !/^[0-9a-f-]{36}$/i.test(skuId ?? '') || !productName) throw new Error(`bad row: ${l}`);
  return { skuPartNumber, skuId: skuId!.toLowerCase(), productName: productName.trim(), servicePlans: (plans ?? '').split(';').map((p) => p.trim()).filter(Boolean) };
});
const out = resolve(import.meta.dirname, '..', 'src', 'knowledge', 'skus.json');
writeFileSync(out, JSON.stringify({ source: header.replace(/^# Source: /, ''), skus }, null, 0) + '\n');
console.log(`wrote ${skus.length} SKUs to ${out}`);
