import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDevTenant, type DevTenant } from '../../devtenant/index.ts';
import { userLookup, type UserLookup } from '../../src/answers/user-lookup.ts';
import { friendlySkuName } from '../../src/knowledge/skus.ts';
import { capabilityFor } from '../../src/catalog.ts';
import { MAX_CARD_BYTES } from '../../src/cards/guard.ts';
import { cardBytes, parseCard } from '../support/cards.ts';
import { actAs } from '../support/graph-as.ts';
import { ask, lower, roundTrips, str, user, users } from './facts.ts';

let dt: DevTenant;
beforeAll(async () => {
  dt = await startDevTenant({ tenant: 'contoso', keysDir: false });
});
afterAll(async () => dt?.close());

type Person = Extract<UserLookup, { kind: 'person' }>;

function person(vm: UserLookup): Person {
  if (vm.kind !== 'person') throw new Error(`expected a person, got ${vm.kind}`);
  return vm;
}

/** License names of a user, from their assignedLicenses and the tenant's subscribedSkus. */
function licenseNames(dt: DevTenant, upn: string): string[] {
  const assigned = (user(dt, upn).assignedLicenses as { skuId: string }[]) ?? [];
  return assigned
    .map((a) => {
      const sku = dt.tenant.data.subscribedSkus.find((s) => lower(s.skuId) === a.skuId.toLowerCase());
      return friendlySkuName(str(sku?.skuPartNumber), a.skuId);
    })
    .sort((a, b) => a.localeCompare(b));
}

function managerOf(dt: DevTenant, upn: string) {
  const id = dt.tenant.data.relationships.managers[user(dt, upn).id];
  return id ? dt.tenant.byId.get(id) : undefined;
}

describe('user.lookup', () => {
  it('"am I synced?" as Patti: everything about herself in one round trip', async () => {
    const p = (await actAs(dt, 'patti@contoso.com')).fresh();
    const mark = dt.log.mark();
    const vm = person(await userLookup(ask('user.lookup', { user: 'me' }), p));
    const patti = user(dt, 'patti@contoso.com');
    expect(vm.self).toBe(true);
    expect(vm.person).toMatchObject({ id: patti.id, name: patti.displayName, upn: 'patti@contoso.com', jobTitle: patti.jobTitle, enabled: true, userType: 'Member' });
    expect(vm.sync.synced).toBe(patti.onPremisesSyncEnabled === true);
    expect(vm.sync.samAccountName).toBe(patti.onPremisesSamAccountName);
    expect(vm.sync.onPremisesDomain).toBe(patti.onPremisesDomainName);
    expect(vm.sync.health).toBe('healthy');
    expect(vm.licenses).toEqual({ readable: true, value: expect.any(Array) });
    if (vm.licenses.readable) expect(vm.licenses.value.map((l) => l.name)).toEqual(licenseNames(dt, 'patti@contoso.com'));
    const m = managerOf(dt, 'patti@contoso.com');
    expect(vm.manager).toEqual({ readable: true, value: m ? expect.objectContaining({ id: m.id, name: m.displayName }) : null });
    expect(roundTrips(dt, mark)).toBe(1);
    expect(p.graph.stats.roundTrips).toBe(1);
  });

  it("a plain member reading another person's licenses: the answer degrades and says who could", async () => {
    const p = (await actAs(dt, 'adele@contoso.com')).fresh();
    const mark = dt.log.mark();
    const vm = person(await userLookup(ask('user.lookup', { user: 'megan@contoso.com' }), p));
    expect(vm.person.name).toBe(user(dt, 'megan@contoso.com').displayName);
    expect(vm.self).toBe(false);
    expect(vm.licenses).toMatchObject({ readable: false, reason: 'denied' });
    if (!vm.licenses.readable) expect(vm.licenses.roles).toContain('Directory Readers');
    expect(vm.manager.readable).toBe(true);
    expect(roundTrips(dt, mark)).toBe(1);
  });

  it('Diego (Directory Readers) may read the same licenses', async () => {
    const p = (await actAs(dt, 'diego@contoso.com')).fresh();
    const vm = person(await userLookup(ask('user.lookup', { user: 'megan@contoso.com' }), p));
    expect(vm.licenses.readable).toBe(true);
    if (vm.licenses.readable) expect(vm.licenses.value.map((l) => l.name)).toEqual(licenseNames(dt, 'megan@contoso.com'));
  });

  it('"who is Megan Bowen?" by display name: two round trips (the details need the id)', async () => {
    const p = (await actAs(dt, 'adele@contoso.com')).fresh();
    const mark = dt.log.mark();
    const vm = person(await userLookup(ask('user.lookup', { user: 'Megan Bowen' }), p));
    expect(vm.person.upn).toBe('megan@contoso.com');
    expect(roundTrips(dt, mark)).toBe(2);
  });

  it('"who is Megan?" matches several people: which one', async () => {
    const p = (await actAs(dt, 'adele@contoso.com')).fresh();
    const vm = await userLookup(ask('user.lookup', { user: 'Megan' }), p);
    expect(vm.kind).toBe('choose');
    if (vm.kind !== 'choose') return;
    expect(vm.intent).toBe('user.lookup');
    const expected = users(dt).filter((u) => lower(u.givenName) === 'megan').map((u) => u.userPrincipalName);
    expect(vm.candidates.map((c) => c.upn).sort()).toEqual(expect.arrayContaining(expected.sort()));
  });

  it('an unknown person: not found', async () => {
    const p = (await actAs(dt, 'adele@contoso.com')).fresh();
    const vm = await userLookup(ask('user.lookup', { user: 'bob@contoso.com' }), p);
    expect(vm).toMatchObject({ kind: 'notFound', intent: 'user.lookup', query: 'bob@contoso.com' });
  });

  it('Nestor: synced, with his provisioning conflict', async () => {
    const p = (await actAs(dt, 'patti@contoso.com')).fresh();
    const vm = person(await userLookup(ask('user.lookup', { user: 'nestor@contoso.com' }), p));
    const errors = user(dt, 'nestor@contoso.com').onPremisesProvisioningErrors as { propertyCausingError: string; value: string }[];
    expect(errors.length).toBeGreaterThan(0);
    expect(vm.sync.errors.map((e) => [e.property, e.value])).toEqual(errors.map((e) => [e.propertyCausingError, e.value]));
  });

  it('Lee: cloud-only; Grady: disabled', async () => {
    const p = (await actAs(dt, 'patti@contoso.com')).fresh();
    const lee = person(await userLookup(ask('user.lookup', { user: 'lee@contoso.com' }), p));
    expect(lee.sync).toMatchObject({ synced: user(dt, 'lee@contoso.com').onPremisesSyncEnabled === true, health: 'off' });
    const grady = person(await userLookup(ask('user.lookup', { user: 'grady@contoso.com' }), p));
    expect(grady.person.enabled).toBe(user(dt, 'grady@contoso.com').accountEnabled);
    expect(grady.person.enabled).toBe(false);
  });

  it('a guest who never redeemed the invitation', async () => {
    const olga = users(dt).find((u) => str(u.userPrincipalName).startsWith('olga.petrova'))!;
    const p = (await actAs(dt, 'patti@contoso.com')).fresh();
    const vm = person(await userLookup(ask('user.lookup', { user: str(olga.userPrincipalName) }), p));
    expect(vm.person).toMatchObject({ userType: 'Guest', invitation: olga.externalUserState });
  });

  it('Alex may not read other users: Graph’s 403 goes to the permission card; about himself he gets an answer', async () => {
    const p = (await actAs(dt, 'alex@contoso.com')).fresh();
    await expect(userLookup(ask('user.lookup', { user: 'megan@contoso.com' }), p)).rejects.toMatchObject({ status: 403 });
    const me = person(await userLookup(ask('user.lookup', { user: 'me' }), p));
    expect(me.person.upn).toBe('alex@contoso.com');
    expect(me.licenses.readable).toBe(true);
  });

  it('renders every outcome from the sample tenant as a valid card under 28 KB', async () => {
    const cap = capabilityFor('user.lookup')!;
    const p = (await actAs(dt, 'adele@contoso.com')).fresh();
    for (const entities of [{ user: 'me' }, { user: 'megan@contoso.com' }, { user: 'Megan' }, { user: 'alice' }, { user: 'nestor@contoso.com' }] as Parameters<typeof ask>[1][]) {
      const rendered = cap.render(await cap.answer(ask('user.lookup', entities), p), { page: 0, answerId: 'a' });
      expect(parseCard(rendered.card)).toEqual([]);
      expect(cardBytes(rendered.card)).toBeLessThanOrEqual(MAX_CARD_BYTES);
      expect(rendered.text.length).toBeGreaterThan(20);
    }
  });
});
