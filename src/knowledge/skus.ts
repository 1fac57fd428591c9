// License SKUs as people know them: part number (SPE_E5), id, and the product name the admin
// centers show ("Microsoft 365 E5"), with the service plans inside. From the Entra docs table
// (see scripts/build-sku-catalog.ts). The tenant's own subscribedSkus stay the source of truth;
// this catalog only gives friendly names and tells which workloads a SKU includes.
import catalog from './skus.json' with { type: 'json' };

export interface SkuInfo {
  skuPartNumber: string;
  skuId: string;
  productName: string;
  servicePlans: string[];
}

export const SKUS: readonly SkuInfo[] = catalog.skus;
export const SKU_SOURCE: string = catalog.source;

const byPart = new Map(SKUS.map((s) => [s.skuPartNumber.toUpperCase(), s]));
const byId = new Map(SKUS.map((s) => [s.skuId, s]));

export function skuByPartNumber(part: string): SkuInfo | undefined {
  return byPart.get(part.toUpperCase());
}

export function skuById(id: string): SkuInfo | undefined {
  return byId.get(id.toLowerCase());
}

/** The name to show for a SKU: the catalog's product name, else the part number as Graph gives it. */
export function friendlySkuName(part: string, id?: string): string {
  return (id ? skuById(id) : undefined)?.productName ?? skuByPartNumber(part)?.productName ?? part;
}
