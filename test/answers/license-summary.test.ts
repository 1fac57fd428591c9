import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDevTenant, type DevTenant } from '../../devtenant/index.ts';
import { licenseSummary, LOW_UNITS, type LicenseSummary } from '../../src/answers/license-summary.ts';
import { matchSkus } from '../../src/answers/sku-match.ts';
import { capabilityFor } from '../../src/catalog.ts';
import { friendlySkuName } from '../../src/knowledge/skus.ts';
import { actAs } from '../support/graph-as.ts';
import { checkCard } from '../cards/support.ts';
import { ask, roundTrips, str } from './facts.ts';

let dt: DevTenant;
beforeAll(async () => {
  dt = await startDevTenant({ tenant: 'contoso', keysDir: false });
});
afterAll(async () => dt?.close());

interface Units {
  enabled: number;
  warning: number;
  suspended: number;
}
const skus = () => dt.tenant.data.subscribedSkus;
const units = (s: (typeof dt.tenant.data.subscribedSkus)[number]) => s.prepaidUnits as Units;
const part = (p: string) => skus().find((s) => s.skuPartNumber === p);

async function run(upn: string, sku?: string): Promise<{ vm: LicenseSummary; trips: number }> {
  const p = (await actAs(dt, upn)).fresh();
  const mark = dt.log.mark();
  const vm = await licenseSummary(ask('license.summary', sku === undefined ? {} : { sku }), p);
  return { vm, trips: roundTrips(dt, mark) };
}

describe('license.summary', () => {
  it('"what licenses do we have?": every subscription with friendly names and units, one request, a plain member may ask', async () => {
    const { vm, trips } = await run('adele@contoso.com');
    expect(vm.skus).toHaveLength(skus().length);
    for (const s of skus()) {
      const row = vm.skus.find((r) => r.skuId === s.skuId)!;
      const u = units(s);
      expect(row.name).toBe(friendlySkuName(str(s.skuPartNumber), str(s.skuId)));
      expect(row).toMatchObject({ partNumber: s.skuPartNumber, enabled: u.enabled, warning: u.warning, suspended: u.suspended, consumed: s.consumedUnits, available: u.enabled + u.warning - Number(s.consumedUnits) });
    }
    expect(trips).toBe(1);
    // The real answer renders as a valid card.
    checkCard(capabilityFor('license.summary')!.render(vm, { page: 0, answerId: '00000000-0000-4000-8000-000000000000' }));
  });

  it('flags what needs attention, and lists it first', async () => {
    const { vm } = await run('adele@contoso.com');
    const health = (p: string) => vm.skus.find((r) => r.partNumber === p)?.health;
    for (const s of skus()) {
      const u = units(s);
      const consumed = Number(s.consumedUnits);
      // A suspended subscription is the problem to fix first, even when more are assigned than work.
      const suspended = u.enabled + u.warning === 0 && u.suspended > 0;
      if (suspended) expect(health(str(s.skuPartNumber))).toBe('suspended');
      else if (consumed > u.enabled + u.warning) expect(health(str(s.skuPartNumber))).toBe('over');
      if (s.capabilityStatus === 'Warning' && consumed <= u.enabled + u.warning) expect(health(str(s.skuPartNumber))).toBe('grace');
      const left = u.enabled + u.warning - consumed;
      if (s.capabilityStatus === 'Enabled' && u.warning === 0 && left > 0 && left <= LOW_UNITS) expect(health(str(s.skuPartNumber))).toBe('low');
    }
    // The sample has each case: over-assigned Visio, a suspended and a lapsed subscription, E5 nearly gone.
    expect(new Set(vm.skus.map((r) => r.health))).toEqual(new Set(['over', 'suspended', 'grace', 'low', 'ok']));
    const firstOk = vm.skus.findIndex((r) => r.health === 'ok');
    expect(vm.skus.slice(firstOk).every((r) => r.health === 'ok')).toBe(true);
  });

  it('"how many E3 licenses are left?": the tenant\'s E3 only', async () => {
    const e3 = skus().filter((s) => ['SPE_E3', 'ENTERPRISEPACK'].includes(str(s.skuPartNumber)));
    const { vm } = await run('adele@contoso.com', 'E3');
    expect(vm.notFound).toBe(false);
    expect(vm.skus.map((r) => r.skuId).sort()).toEqual(e3.map((s) => str(s.skuId)).sort());
    expect(vm.skus[0]!.available).toBe(units(e3[0]!).enabled + units(e3[0]!).warning - Number(e3[0]!.consumedUnits));
  });

  it('by part number, product name and nickname', async () => {
    for (const [typed, want] of [
      ['SPE_E5', 'SPE_E5'],
      ['Microsoft 365 E5', 'SPE_E5'],
      ['Power BI Pro', 'POWER_BI_PRO'],
      ['visio', 'VISIOCLIENT'],
    ] as const) {
      expect(part(want)).toBeDefined();
      const { vm } = await run('adele@contoso.com', typed);
      expect(vm.skus.map((r) => r.partNumber)).toEqual([want]);
    }
  });

  it('a license the tenant does not have: said so, with what it does have', async () => {
    const { vm, trips } = await run('adele@contoso.com', 'Dynamics 365 Sales');
    expect(vm.notFound).toBe(true);
    expect(vm.skus).toHaveLength(skus().length);
    expect(trips).toBe(1);
  });

  it('"E3" where the tenant has both Microsoft 365 E3 and Office 365 E3: both', () => {
    const tenant = [
      { skuId: '05e9a617-0261-4cee-bb44-138d3ef5d965', skuPartNumber: 'SPE_E3' },
      { skuId: '6fd2c87f-b296-42f0-b197-1e91e994b900', skuPartNumber: 'ENTERPRISEPACK' },
      { skuId: 'f30db892-07e9-47e9-837c-80727f46fd3d', skuPartNumber: 'FLOW_FREE' },
    ];
    expect(matchSkus('E3', tenant).matches.map((s) => s.skuPartNumber)).toEqual(['SPE_E3', 'ENTERPRISEPACK']);
    expect(matchSkus('office 365 e3', tenant).matches.map((s) => s.skuPartNumber)).toEqual(['ENTERPRISEPACK']);
    expect(matchSkus('power automate', tenant).matches.map((s) => s.skuPartNumber)).toEqual(['FLOW_FREE']);
    expect(matchSkus('E7', tenant).matches).toEqual([]);
  });

  it('is for everyone: members may read the organization\'s licenses', () => {
    expect(capabilityFor('license.summary')?.audience).toBe('members');
  });
});
