// The nicknames people use for licenses ("E5", "Power BI Pro", "visio") and the part numbers each
// may mean. A nickname often covers more than one SKU ("E3" is Microsoft 365 E3 or Office 365 E3),
// so the answer intersects these with the tenant's own subscribedSkus. The catalog's product
// names and part numbers are recognised too (skuPartNumbersFor), so only nicknames live here.
import { SKUS, skuByPartNumber } from './skus.ts';

export interface SkuAlias {
  /** Lower-case words as typed, single-spaced ("power bi pro"). */
  words: string;
  /** Candidate skuPartNumbers, most common first; every one is in the catalog (a test checks). */
  partNumbers: string[];
}

export const SKU_ALIASES: readonly SkuAlias[] = [
  { words: 'e1', partNumbers: ['STANDARDPACK'] },
  { words: 'e3', partNumbers: ['SPE_E3', 'ENTERPRISEPACK'] },
  { words: 'e5', partNumbers: ['SPE_E5', 'ENTERPRISEPREMIUM', 'SPE_E5_NOPSTNCONF', 'ENTERPRISEPREMIUM_NOPSTNCONF'] },
  { words: 'f1', partNumbers: ['M365_F1'] },
  { words: 'f3', partNumbers: ['SPE_F1', 'DESKLESSPACK'] },
  { words: 'm365 e3', partNumbers: ['SPE_E3'] },
  { words: 'm365 e5', partNumbers: ['SPE_E5', 'SPE_E5_NOPSTNCONF'] },
  { words: 'm365 f3', partNumbers: ['SPE_F1'] },
  { words: 'o365 e1', partNumbers: ['STANDARDPACK'] },
  { words: 'o365 e3', partNumbers: ['ENTERPRISEPACK'] },
  { words: 'o365 e5', partNumbers: ['ENTERPRISEPREMIUM', 'ENTERPRISEPREMIUM_NOPSTNCONF'] },
  { words: 'office e3', partNumbers: ['ENTERPRISEPACK'] },
  { words: 'office e5', partNumbers: ['ENTERPRISEPREMIUM'] },
  { words: 'power bi', partNumbers: ['POWER_BI_PRO', 'PBI_PREMIUM_PER_USER', 'POWER_BI_STANDARD'] },
  { words: 'power bi pro', partNumbers: ['POWER_BI_PRO'] },
  { words: 'pbi pro', partNumbers: ['POWER_BI_PRO'] },
  { words: 'power bi premium', partNumbers: ['PBI_PREMIUM_PER_USER'] },
  { words: 'power bi ppu', partNumbers: ['PBI_PREMIUM_PER_USER'] },
  { words: 'visio', partNumbers: ['VISIOCLIENT', 'VISIO_PLAN1_DEPT', 'VISIO_PLAN2_DEPT'] },
  { words: 'visio plan 1', partNumbers: ['VISIO_PLAN1_DEPT', 'VISIOONLINE_PLAN1'] },
  { words: 'visio plan 2', partNumbers: ['VISIOCLIENT', 'VISIO_PLAN2_DEPT'] },
  { words: 'project plan 3', partNumbers: ['PROJECTPROFESSIONAL', 'PROJECT_PLAN3_DEPT'] },
  { words: 'project plan 5', partNumbers: ['PROJECTPREMIUM'] },
  { words: 'project online', partNumbers: ['PROJECTPREMIUM', 'PROJECTPROFESSIONAL'] },
  { words: 'teams premium', partNumbers: ['Microsoft_Teams_Premium'] },
  { words: 'teams phone', partNumbers: ['MCOEV'] },
  { words: 'phone system', partNumbers: ['MCOEV'] },
  { words: 'teams essentials', partNumbers: ['Teams_Ess', 'TEAMS_ESSENTIALS_AAD'] },
  { words: 'audio conferencing', partNumbers: ['MCOMEETADV'] },
  { words: 'copilot', partNumbers: ['Microsoft_365_Copilot', 'M365_Copilot'] },
  { words: 'm365 copilot', partNumbers: ['Microsoft_365_Copilot', 'M365_Copilot'] },
  { words: 'business basic', partNumbers: ['O365_BUSINESS_ESSENTIALS'] },
  { words: 'business standard', partNumbers: ['O365_BUSINESS_PREMIUM'] },
  { words: 'business premium', partNumbers: ['SPB'] },
  { words: 'apps for business', partNumbers: ['O365_BUSINESS'] },
  { words: 'apps for enterprise', partNumbers: ['OFFICESUBSCRIPTION'] },
  { words: 'ems e3', partNumbers: ['EMS'] },
  { words: 'ems e5', partNumbers: ['EMSPREMIUM'] },
  { words: 'aad p1', partNumbers: ['AAD_PREMIUM'] },
  { words: 'aad p2', partNumbers: ['AAD_PREMIUM_P2'] },
  { words: 'entra p1', partNumbers: ['AAD_PREMIUM'] },
  { words: 'entra p2', partNumbers: ['AAD_PREMIUM_P2'] },
  { words: 'p1', partNumbers: ['AAD_PREMIUM'] },
  { words: 'p2', partNumbers: ['AAD_PREMIUM_P2'] },
  { words: 'exchange plan 1', partNumbers: ['EXCHANGESTANDARD'] },
  { words: 'exchange plan 2', partNumbers: ['EXCHANGEENTERPRISE'] },
  { words: 'exchange online plan 1', partNumbers: ['EXCHANGESTANDARD'] },
  { words: 'exchange online plan 2', partNumbers: ['EXCHANGEENTERPRISE'] },
  { words: 'defender for endpoint', partNumbers: ['WIN_DEF_ATP', 'DEFENDER_ENDPOINT_P1'] },
  { words: 'defender for office', partNumbers: ['ATP_ENTERPRISE', 'THREAT_INTELLIGENCE'] },
];

const byWords = new Map(SKU_ALIASES.map((a) => [a.words, a.partNumbers]));
const byProductName = new Map<string, string[]>();
for (const s of SKUS) {
  const key = s.productName.toLowerCase();
  byProductName.set(key, [...(byProductName.get(key) ?? []), s.skuPartNumber]);
}

/**
 * The part numbers a license name may mean: a part number itself, a nickname, or a catalog
 * product name. Empty when nothing is known by that name.
 */
export function skuPartNumbersFor(name: string): string[] {
  const n = name.trim().replace(/\s+/g, ' ');
  const part = skuByPartNumber(n);
  if (part) return [part.skuPartNumber];
  const lower = n.toLowerCase();
  return [...(byWords.get(lower) ?? byProductName.get(lower) ?? [])];
}
