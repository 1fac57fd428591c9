import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDevTenant, type DevTenant } from '../../devtenant/index.ts';
import { tenantOverview } from '../../src/answers/tenant-overview.ts';
import { capabilityFor } from '../../src/catalog.ts';
import { MAX_CARD_BYTES } from '../../src/cards/guard.ts';
import { cardBytes, parseCard } from '../support/cards.ts';
import { actAs } from '../support/graph-as.ts';
import { ask, roundTrips, users } from './facts.ts';

let dt: DevTenant;
beforeAll(async () => {
  dt = await startDevTenant({ tenant: 'contoso', keysDir: false });
});
afterAll(async () => dt?.close());

describe('tenant.overview', () => {
  it('"what is our tenant?": name, id, domains, sync and user counts in one round trip', async () => {
    const org = dt.tenant.data.organization[0]!;
    const domains = org.verifiedDomains as { name: string; isDefault: boolean; isInitial: boolean; type: string }[];
    const all = users(dt);
    const p = (await actAs(dt, 'adele@contoso.com')).fresh();
    const mark = dt.log.mark();
    const vm = await tenantOverview(ask('tenant.overview'), p);
    expect(vm.id).toBe(dt.tenant.tenantId);
    expect(vm.name).toBe(org.displayName);
    expect(vm.initialDomain).toBe(domains.find((d) => d.isInitial)!.name);
    expect(vm.defaultDomain).toBe(domains.find((d) => d.isDefault)!.name);
    expect(vm.domains.map((d) => d.name).sort()).toEqual(domains.map((d) => d.name).sort());
    expect(vm.domains[0]!.isDefault).toBe(true);
    expect(vm.sync.enabled).toBe(org.onPremisesSyncEnabled === true);
    expect(vm.sync.lastSync).toBe(org.onPremisesLastSyncDateTime);
    expect(vm.users).toEqual({
      readable: true,
      value: {
        total: all.length,
        members: all.filter((u) => u.userType === 'Member').length,
        guests: all.filter((u) => u.userType === 'Guest').length,
        synced: all.filter((u) => u.onPremisesSyncEnabled === true).length,
        cloudOnly: all.filter((u) => u.userType === 'Member' && u.onPremisesSyncEnabled !== true).length,
      },
    });
    expect(roundTrips(dt, mark)).toBe(1);
    expect(p.graph.stats.roundTrips).toBe(1);
  });

  it('someone who may not list users still learns which tenant this is; the counts say why they are missing', async () => {
    const p = (await actAs(dt, 'alex@contoso.com')).fresh();
    const vm = await tenantOverview(ask('tenant.overview'), p);
    expect(vm.name).toBe(dt.tenant.data.organization[0]!.displayName);
    expect(vm.users).toMatchObject({ readable: false, reason: 'denied' });
    if (!vm.users.readable) expect(vm.users.roles.length).toBeGreaterThan(0);
  });

  it('renders every outcome from the sample tenant as a valid card under 28 KB', async () => {
    const cap = capabilityFor('tenant.overview')!;
    const p = (await actAs(dt, 'adele@contoso.com')).fresh();
    for (const entities of [{}] as Parameters<typeof ask>[1][]) {
      const rendered = cap.render(await cap.answer(ask('tenant.overview', entities), p), { page: 0, answerId: 'a' });
      expect(parseCard(rendered.card)).toEqual([]);
      expect(cardBytes(rendered.card)).toBeLessThanOrEqual(MAX_CARD_BYTES);
      expect(rendered.text.length).toBeGreaterThan(20);
    }
  });
});
