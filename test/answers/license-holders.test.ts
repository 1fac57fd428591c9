import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDevTenant, type DevTenant } from '../../devtenant/index.ts';
import { HOLDERS_SHOWN, licenseHolders, type LicenseHolders } from '../../src/answers/license-holders.ts';
import { capabilityFor } from '../../src/catalog.ts';
import { friendlySkuName } from '../../src/knowledge/skus.ts';
import { GraphError } from '../../src/graph/types.ts';
import { actAs } from '../support/graph-as.ts';
import { checkCard } from '../cards/support.ts';
import { ask, byName, roundTrips, str, user, users } from './facts.ts';

let dt: DevTenant;
beforeAll(async () => {
  dt = await startDevTenant({ tenant: 'contoso', keysDir: false });
});
afterAll(async () => dt?.close());

const skuOf = (part: string) => dt.tenant.data.subscribedSkus.find((s) => s.skuPartNumber === part)!;
const licensed = (skuId: string) => users(dt).filter((u) => ((u.assignedLicenses as { skuId: string }[] | undefined) ?? []).some((l) => l.skuId === skuId));

function as<V extends LicenseHolders['view']>(vm: LicenseHolders, view: V): Extract<LicenseHolders, { view: V }> {
  if (vm.view !== view) throw new Error(`expected ${view}, got ${vm.view}`);
  return vm as Extract<LicenseHolders, { view: V }>;
}

async function run(upn: string, entities: { sku?: string; user?: string }): Promise<{ vm: LicenseHolders; trips: number; stats: number }> {
  const p = (await actAs(dt, upn)).fresh();
  const mark = dt.log.mark();
  const vm = await licenseHolders(ask('license.holders', entities), p);
  return { vm, trips: roundTrips(dt, mark), stats: p.graph.stats.roundTrips };
}

describe('license.holders for a license', () => {
  it('"who has E5?": the SKU from subscribedSkus, then its holders counted and sorted: two round trips', async () => {
    const e5 = skuOf('SPE_E5');
    const want = licensed(str(e5.skuId));
    const { vm, trips, stats } = await run('adele@contoso.com', { sku: 'E5' });
    const h = as(vm, 'holders');
    expect(h.skus).toHaveLength(1);
    const s = h.skus[0]!;
    expect(s).toMatchObject({ skuId: e5.skuId, partNumber: 'SPE_E5', name: friendlySkuName('SPE_E5'), holders: want.length, assigned: e5.consumedUnits });
    expect(s.users.map((u) => u.name)).toEqual(want.map((u) => str(u.displayName)).sort(byName).slice(0, HOLDERS_SHOWN));
    expect(trips).toBe(2);
    expect(stats).toBe(2);
    // The real answer renders as a valid card.
    checkCard(capabilityFor('license.holders')!.render(vm, { page: 0, answerId: '00000000-0000-4000-8000-000000000000' }));
    const last = dt.log.since(0, 'graph').at(-1)!;
    expect(decodeURIComponent(last.url)).toContain(`assignedLicenses/any(x:x/skuId eq ${str(e5.skuId)})`);
    expect(last.odata?.count).toBe(true);
  });

  it('"who has a Visio license?": more holders than paid for shows in the numbers', async () => {
    const visio = skuOf('VISIOCLIENT');
    const { vm } = await run('adele@contoso.com', { sku: 'Visio' });
    const s = as(vm, 'holders').skus[0]!;
    const u = visio.prepaidUnits as { enabled: number; warning: number };
    expect(s.holders).toBe(licensed(str(visio.skuId)).length);
    expect(s.paidFor).toBe(u.enabled + u.warning);
    expect(s.assigned).toBeGreaterThan(s.paidFor);
  });

  it('disabled accounts that still hold a license are marked', async () => {
    // A license whose first page of holders (by name) includes a disabled account: Grady's, in the sample.
    const firstPage = (skuId: string) => licensed(skuId).sort((a, b) => byName(str(a.displayName), str(b.displayName))).slice(0, HOLDERS_SHOWN);
    const sku = dt.tenant.data.subscribedSkus.find((x) => firstPage(str(x.skuId)).some((u) => u.accountEnabled === false))!;
    expect(sku).toBeDefined();
    const { vm } = await run('megan@contoso.com', { sku: str(sku.skuPartNumber) });
    const s = as(vm, 'holders').skus[0]!;
    const disabled = firstPage(str(sku.skuId)).filter((u) => u.accountEnabled === false).map((u) => u.id);
    expect(s.users.filter((h) => !h.enabled).map((h) => h.id).sort()).toEqual(disabled.sort());
  });

  it('a license the tenant does not have: said so after one round trip, with what it has', async () => {
    const { vm, trips } = await run('adele@contoso.com', { sku: 'Dynamics 365 Sales' });
    expect(as(vm, 'skuNotFound').tenantSkus.map((s) => s.partNumber).sort()).toEqual(dt.tenant.data.subscribedSkus.map((s) => str(s.skuPartNumber)).sort());
    expect(trips).toBe(1);
  });

  it('a member who may not read other people gets Graph\'s refusal for the holders', async () => {
    const p = (await actAs(dt, 'alex@contoso.com')).fresh();
    const err = await licenseHolders(ask('license.holders', { sku: 'E5' }), p).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(GraphError);
    expect((err as GraphError).status).toBe(403);
  });
});

describe('license.holders for a person', () => {
  it('"what licenses do I have?" (Lee): Exchange Online only, so no SharePoint; one round trip', async () => {
    const lee = user(dt, 'lee@contoso.com');
    const { vm, trips } = await run('lee@contoso.com', { user: 'me' });
    const p = as(vm, 'person');
    expect(p.person).toMatchObject({ id: lee.id, self: true });
    const skuIds = (lee.assignedLicenses as { skuId: string }[]).map((l) => l.skuId);
    expect(p.licenses.map((l) => l.skuId).sort()).toEqual(skuIds.sort());
    const services = p.licenses.flatMap((l) => l.services.map((s) => s.service));
    expect(services.some((s) => s.startsWith('Exchange Online'))).toBe(true);
    expect(services.some((s) => s.startsWith('SharePoint'))).toBe(false);
    expect(trips).toBe(1);
    expect(dt.log.since(0, 'graph').some((e) => e.url.startsWith('/me/licenseDetails'))).toBe(true);
  });

  it('no license and no person named: the asker\'s own', async () => {
    const { vm } = await run('adele@contoso.com', {});
    expect(as(vm, 'person').person.self).toBe(true);
  });

  it('another person by UPN, asked by a Directory Reader: their licenses with main services, one round trip', async () => {
    const adele = user(dt, 'adele@contoso.com');
    const { vm, trips } = await run('diego@contoso.com', { user: 'adele@contoso.com' });
    const p = as(vm, 'person');
    expect(p.person).toMatchObject({ id: adele.id, self: false });
    expect(p.licenses.map((l) => l.name)).toEqual(
      (adele.assignedLicenses as { skuId: string }[]).map((l) => friendlySkuName(str(dt.tenant.data.subscribedSkus.find((s) => s.skuId === l.skuId)!.skuPartNumber), l.skuId)).sort(byName),
    );
    expect(p.licenses[0]!.services.map((s) => s.service)).toEqual(expect.arrayContaining(['Exchange Online (mailbox)', 'SharePoint Online', 'Microsoft Teams']));
    expect(trips).toBe(1);
  });

  it('a person and a license: whether they hold it', async () => {
    const { vm } = await run('diego@contoso.com', { user: 'adele@contoso.com', sku: 'E3' });
    expect(as(vm, 'person').sku).toEqual({ query: 'E3', held: ['Microsoft 365 E3'] });
    const { vm: no } = await run('diego@contoso.com', { user: 'adele@contoso.com', sku: 'E5' });
    expect(as(no, 'person').sku).toEqual({ query: 'E5', held: [] });
  });

  it('by display name: found, then the details by id — two round trips', async () => {
    const megan = user(dt, 'megan@contoso.com');
    const { vm, trips } = await run('diego@contoso.com', { user: 'Megan Bowen' });
    expect(as(vm, 'person').person.id).toBe(megan.id);
    expect(trips).toBe(2);
  });

  it('a first name several people share: which one?', async () => {
    const megans = users(dt).filter((u) => u.givenName === 'Megan');
    expect(megans.length).toBeGreaterThan(1);
    const { vm } = await run('diego@contoso.com', { user: 'Megan', sku: 'E5' });
    const w = as(vm, 'whichPerson');
    expect(w.candidates.map((c) => c.id)).toEqual(expect.arrayContaining(megans.map((m) => m.id)));
    expect(w.sku).toBe('E5');
  });

  it("a plain member may not read another person's licenses: Graph's refusal", async () => {
    const p = (await actAs(dt, 'adele@contoso.com')).fresh();
    const err = await licenseHolders(ask('license.holders', { user: 'megan@contoso.com' }), p).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(GraphError);
    expect((err as GraphError).status).toBe(403);
    expect((err as GraphError).url).toMatch(/licenseDetails/);
  });

  it('is private: license assignments of people go to the asker alone', () => {
    expect(capabilityFor('license.holders')?.audience).toBe('private');
  });
});
