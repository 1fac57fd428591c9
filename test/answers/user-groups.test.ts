import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDevTenant, type DevTenant } from '../../devtenant/index.ts';
import { userGroups, type UserGroups } from '../../src/answers/user-groups.ts';
import { capabilityFor } from '../../src/catalog.ts';
import { MAX_CARD_BYTES } from '../../src/cards/guard.ts';
import { cardBytes, parseCard } from '../support/cards.ts';
import { actAs } from '../support/graph-as.ts';
import { ask, byName, directContainers, roundTrips, str, transitiveGroups, user } from './facts.ts';

let dt: DevTenant;
beforeAll(async () => {
  dt = await startDevTenant({ tenant: 'contoso', keysDir: false });
});
afterAll(async () => dt?.close());

type Groups = Extract<UserGroups, { kind: 'groups' }>;
function groupsOf(vm: UserGroups): Groups {
  if (vm.kind !== 'groups') throw new Error(`expected groups, got ${vm.kind}`);
  return vm;
}

/** The expected view: every group (direct or nested) by name, with which are direct. */
function expected(dt: DevTenant, upn: string) {
  const id = user(dt, upn).id;
  const direct = new Set(directContainers(dt, id, 'group'));
  const all = [...transitiveGroups(dt, id)].map((g) => dt.tenant.byId.get(g)!);
  return {
    names: all.map((g) => str(g.displayName)).sort(byName),
    direct: all.filter((g) => direct.has(g.id)).map((g) => str(g.displayName)).sort(byName),
    nested: all.filter((g) => !direct.has(g.id)).map((g) => str(g.displayName)).sort(byName),
    roles: directContainers(dt, id, 'directoryRole').map((r) => str(dt.tenant.byId.get(r)!.displayName)).sort(byName),
  };
}

describe('user.groups', () => {
  it('"what groups am I in?" as Diego: direct and nested groups and his roles, one round trip', async () => {
    const p = (await actAs(dt, 'diego@contoso.com')).fresh();
    const mark = dt.log.mark();
    const vm = groupsOf(await userGroups(ask('user.groups', { user: 'me' }), p));
    const want = expected(dt, 'diego@contoso.com');
    expect(vm.self).toBe(true);
    expect(vm.groups.map((g) => g.name)).toEqual(want.names);
    expect(vm.total).toBe(want.names.length);
    expect(vm.directCount).toBe(want.direct.length);
    expect(vm.groups.filter((g) => g.direct).map((g) => g.name).sort(byName)).toEqual(want.direct);
    expect(vm.groups.filter((g) => g.direct === false).map((g) => g.name).sort(byName)).toEqual(want.nested);
    expect(vm.roles.readable && vm.roles.value.map((r) => r.name)).toEqual(want.roles);
    expect(roundTrips(dt, mark)).toBe(1);
    expect(p.graph.stats.roundTrips).toBe(1);
  });

  it('marks groups reached through a nested group (someone in a department security group)', async () => {
    // A synced department group is nested in another group: its members are in both.
    const child = dt.tenant.data.groups.find((g) => directContainers(dt, g.id, 'group').length > 0)!;
    const memberId = (dt.tenant.data.relationships.members[child.id] ?? []).find((m) => dt.tenant.typeOf(m) === '#microsoft.graph.user')!;
    const upn = str(dt.tenant.byId.get(memberId)!.userPrincipalName);
    const p = (await actAs(dt, 'patti@contoso.com')).fresh();
    const vm = groupsOf(await userGroups(ask('user.groups', { user: upn }), p));
    const want = expected(dt, upn);
    expect(want.nested.length).toBeGreaterThan(0);
    expect(vm.groups.filter((g) => g.direct === false).map((g) => g.name).sort(byName)).toEqual(want.nested);
    const parent = dt.tenant.byId.get(directContainers(dt, child.id, 'group')[0]!)!;
    expect(vm.groups.find((g) => g.id === parent.id)?.direct).toBe(false);
  });

  it('group kinds and sync come from Graph', async () => {
    const p = (await actAs(dt, 'patti@contoso.com')).fresh();
    const vm = groupsOf(await userGroups(ask('user.groups', { user: 'diego@contoso.com' }), p));
    for (const g of vm.groups) {
      const raw = dt.tenant.byId.get(g.id)!;
      const types = (raw.groupTypes as string[]) ?? [];
      expect(g.kind === 'microsoft365').toBe(types.includes('Unified'));
      expect(g.synced).toBe(raw.onPremisesSyncEnabled === true);
      expect(g.dynamic).toBe(types.includes('DynamicMembership'));
    }
  });

  it('by display name: two round trips; several matches: which one', async () => {
    const p = (await actAs(dt, 'adele@contoso.com')).fresh();
    const mark = dt.log.mark();
    const vm = groupsOf(await userGroups(ask('user.groups', { user: 'Megan Bowen' }), p));
    expect(vm.user.upn).toBe('megan@contoso.com');
    expect(vm.groups.map((g) => g.name)).toEqual(expected(dt, 'megan@contoso.com').names);
    expect(roundTrips(dt, mark)).toBe(2);
    const which = await userGroups(ask('user.groups', { user: 'Megan' }), p);
    expect(which).toMatchObject({ kind: 'choose', intent: 'user.groups' });
  });

  it('Alex may read his own groups but not Adele’s', async () => {
    const p = (await actAs(dt, 'alex@contoso.com')).fresh();
    const mine = groupsOf(await userGroups(ask('user.groups', { user: 'me' }), p));
    expect(mine.groups.map((g) => g.name)).toEqual(expected(dt, 'alex@contoso.com').names);
    await expect(userGroups(ask('user.groups', { user: 'adele@contoso.com' }), p)).rejects.toMatchObject({ status: 403, code: 'Authorization_RequestDenied' });
  });

  it('renders every outcome from the sample tenant as a valid card under 28 KB', async () => {
    const cap = capabilityFor('user.groups')!;
    const p = (await actAs(dt, 'diego@contoso.com')).fresh();
    for (const entities of [{ user: 'me' }, { user: 'Megan' }, { user: 'nobody at all' }] as Parameters<typeof ask>[1][]) {
      const rendered = cap.render(await cap.answer(ask('user.groups', entities), p), { page: 0, answerId: 'a' });
      expect(parseCard(rendered.card)).toEqual([]);
      expect(cardBytes(rendered.card)).toBeLessThanOrEqual(MAX_CARD_BYTES);
      expect(rendered.text.length).toBeGreaterThan(20);
    }
  });
});
