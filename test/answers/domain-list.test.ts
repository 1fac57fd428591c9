import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDevTenant, type DevTenant } from '../../devtenant/index.ts';
import { domainList } from '../../src/answers/domain-list.ts';
import { capabilityFor } from '../../src/catalog.ts';
import { MAX_CARD_BYTES } from '../../src/cards/guard.ts';
import { cardBytes, parseCard } from '../support/cards.ts';
import { actAs } from '../support/graph-as.ts';
import { ask, roundTrips } from './facts.ts';

let dt: DevTenant;
beforeAll(async () => {
  dt = await startDevTenant({ tenant: 'contoso', keysDir: false });
});
afterAll(async () => dt?.close());

describe('domain.list', () => {
  it('"which domains are federated?": every domain, federated first, one round trip', async () => {
    const raw = dt.tenant.data.domains;
    const p = (await actAs(dt, 'adele@contoso.com')).fresh();
    const mark = dt.log.mark();
    const vm = await domainList(ask('domain.list'), p);
    expect(vm.kind).toBe('list');
    if (vm.kind !== 'list') return;
    const federated = raw.filter((d) => d.authenticationType === 'Federated').map((d) => d.id);
    expect(federated.length).toBeGreaterThan(0);
    expect(vm.federated).toBe(federated.length);
    expect(vm.domains.slice(0, federated.length).map((d) => d.name).sort()).toEqual(federated.sort());
    expect(vm.domains.map((d) => d.name).sort()).toEqual(raw.map((d) => d.id).sort());
    expect(vm.unverified).toBe(raw.filter((d) => d.isVerified !== true).length);
    const def = vm.domains.find((d) => d.isDefault)!;
    expect(def.name).toBe(raw.find((d) => d.isDefault === true)!.id);
    expect(def.services).toEqual(raw.find((d) => d.isDefault === true)!.supportedServices);
    expect(roundTrips(dt, mark)).toBe(1);
  });

  it('"is fabrikam.com verified?": that one domain, however it is typed', async () => {
    const fab = dt.tenant.data.domains.find((d) => d.id === 'fabrikam.com')!;
    const p = (await actAs(dt, 'adele@contoso.com')).fresh();
    for (const typed of ['fabrikam.com', 'FABRIKAM.COM.', 'https://fabrikam.com/']) {
      const vm = await domainList(ask('domain.list', { domain: typed }), p);
      expect(vm).toMatchObject({ kind: 'one', domain: { name: 'fabrikam.com', verified: fab.isVerified, authenticationType: fab.authenticationType } });
    }
    const unverified = dt.tenant.data.domains.find((d) => d.isVerified !== true)!;
    expect(await domainList(ask('domain.list', { domain: unverified.id }), p)).toMatchObject({ kind: 'one', domain: { verified: false } });
  });

  it('a domain that is not ours: not found, with near matches', async () => {
    const p = (await actAs(dt, 'adele@contoso.com')).fresh();
    const vm = await domainList(ask('domain.list', { domain: 'fabrikam.org' }), p);
    expect(vm).toMatchObject({ kind: 'notFound', query: 'fabrikam.org', total: dt.tenant.data.domains.length });
    if (vm.kind === 'notFound') expect(vm.suggestions).toContain('fabrikam.com');
    const none = await domainList(ask('domain.list', { domain: 'zzz-unrelated.example' }), p);
    expect(none).toMatchObject({ kind: 'notFound', suggestions: [] });
  });

  it('renders every outcome from the sample tenant as a valid card under 28 KB', async () => {
    const cap = capabilityFor('domain.list')!;
    const p = (await actAs(dt, 'adele@contoso.com')).fresh();
    for (const entities of [{}, { domain: 'fabrikam.com' }, { domain: 'fabrikam.org' }] as Parameters<typeof ask>[1][]) {
      const rendered = cap.render(await cap.answer(ask('domain.list', entities), p), { page: 0, answerId: 'a' });
      expect(parseCard(rendered.card)).toEqual([]);
      expect(cardBytes(rendered.card)).toBeLessThanOrEqual(MAX_CARD_BYTES);
      expect(rendered.text.length).toBeGreaterThan(20);
    }
  });
});
