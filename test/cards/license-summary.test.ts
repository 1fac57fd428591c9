import { describe, expect, it } from 'vitest';
import { skuRow, type LicenseSummary, type SkuRow } from '../../src/answers/license-summary.ts';
import { renderLicenseSummary } from '../../src/cards/license-summary.ts';
import { actions, checkCard, HOSTILE, HOSTILE_NAMES, showsEscaped } from './support.ts';

const asOf = '2026-11-22T03:00:00Z';
const sku = (part: string, enabled: number, consumed: number, over: { warning?: number; suspended?: number; status?: string } = {}): SkuRow =>
  skuRow({ skuId: `00000000-0000-4000-8000-${part.length.toString().padStart(12, '0')}`, skuPartNumber: part, capabilityStatus: over.status ?? 'Enabled', appliesTo: 'User', consumedUnits: consumed, prepaidUnits: { enabled, warning: over.warning ?? 0, suspended: over.suspended ?? 0, lockedOut: 0 } });

const e3 = sku('SPE_E3', 255, 231);
const e5 = sku('SPE_E5', 18, 16);
const visio = sku('VISIOCLIENT', 2, 4);
const pbi = sku('POWER_BI_PRO', 0, 10, { warning: 15, status: 'Warning' });
const project = sku('PROJECTPROFESSIONAL', 0, 3, { suspended: 5, status: 'Suspended' });
const vm = (skus: SkuRow[], over: Partial<LicenseSummary> = {}): LicenseSummary => ({ asOf, skus, notFound: false, ...over });

describe('renderLicenseSummary', () => {
  it('the health of each case is worded for people', () => {
    expect([e3, e5, visio, pbi, project].map((r) => r.health)).toEqual(['ok', 'low', 'over', 'grace', 'suspended']);
  });

  it('all licenses: the ones needing attention flagged, with the Entra licenses link', () => {
    const r = renderLicenseSummary(vm([visio, project, pbi, e5, e3]), { page: 0 });
    checkCard(r);
    const json = JSON.stringify(r.card);
    for (const s of ['Licenses', '4 licenses need attention', '⛔ Over-assigned by 2', '⛔ Subscription suspended', 'grace period', '⚠ Only 2 left', 'Microsoft 365 E3', 'Visio Plan 2']) expect(json).toContain(s);
    expect(actions(r).find((a) => a.url)?.url).toContain('LicensesMenuBlade');
    expect(r.text).toContain('Microsoft 365 E3: 231 assigned of 255 paid for, 24 available');
    expect(r.text).toContain('Visio Plan 2: 4 assigned of 2 paid for (Over-assigned by 2)');
  });

  it('one license: big numbers and its status', () => {
    const r = renderLicenseSummary(vm([e5], { query: 'E5', matchedBy: 'nickname' }), { page: 0 });
    checkCard(r);
    const json = JSON.stringify(r.card);
    expect(json).toContain('Microsoft 365 E5');
    expect(json).toContain('Only 2 left');
    expect(json).toContain('"text":"2"');
    expect(json).toContain('"text":"18"');
    expect(r.text).toBe('Microsoft 365 E5: 16 assigned of 18 paid for, 2 available (Only 2 left)');
  });

  it('"E3" meaning two licenses: both, asking which; a license the tenant lacks: said so, listing what it has', () => {
    const both = renderLicenseSummary(vm([e3, sku('ENTERPRISEPACK', 50, 10)], { query: 'E3' }), { page: 0 });
    checkCard(both);
    expect(JSON.stringify(both.card)).toContain('could be 2 licenses');
    expect(JSON.stringify(both.card)).toContain('Office 365 E3');
    const missing = renderLicenseSummary(vm([e3], { query: HOSTILE.link, notFound: true }), { page: 0 });
    checkCard(missing);
    expect(missing.text).toContain('The organization has: Microsoft 365 E3');
  });

  it('hostile part numbers and hundreds of SKUs page and stay escaped', () => {
    const skus = Array.from({ length: 300 }, (_, i) => skuRow({ skuId: String(i), skuPartNumber: HOSTILE_NAMES[i % HOSTILE_NAMES.length]!, capabilityStatus: HOSTILE.markdown, consumedUnits: i, prepaidUnits: { enabled: 100 } }));
    const r = renderLicenseSummary(vm(skus), { page: 29, answerId: 'ls' });
    checkCard(r);
    expect(r.pages).toBe(30);
    expect(actions(r).filter((a) => a.verb === 'page').map((a) => a.title)).toEqual(['Previous']);
    const one = renderLicenseSummary(vm([skus[1]!], { query: 'x' }), { page: 0 });
    checkCard(one);
    expect(showsEscaped(one)).toBe(true);
  });
});
