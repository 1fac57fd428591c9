import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDevTenant, type DevTenant } from '../../devtenant/index.ts';
import { groupMembers, type GroupMembers } from '../../src/answers/group-members.ts';
import { capabilityFor } from '../../src/catalog.ts';
import { MAX_CARD_BYTES } from '../../src/cards/guard.ts';
import { cardBytes, parseCard } from '../support/cards.ts';
import { actAs } from '../support/graph-as.ts';
import { ask, byName, groups, lower, roundTrips, str, transitiveUsers } from './facts.ts';

let dt: DevTenant;
beforeAll(async () => {
  dt = await startDevTenant({ tenant: 'contoso', keysDir: false });
});
afterAll(async () => dt?.close());

type Members = Extract<GroupMembers, { kind: 'members' }>;
function members(vm: GroupMembers): Members {
  if (vm.kind !== 'members') throw new Error(`expected members, got ${vm.kind}`);
  return vm;
}
const group = (name: string) => groups(dt).find((g) => g.displayName === name)!;
const memberIds = (id: string) => dt.tenant.data.relationships.members[id] ?? [];
const ofType = (ids: string[], t: string) => ids.filter((m) => dt.tenant.typeOf(m) === `#microsoft.graph.${t}`);

describe('group.members', () => {
  it('"who is in Sales?": the exact group, its members sorted with counts, two round trips', async () => {
    const sales = group('Sales');
    const ids = memberIds(sales.id);
    const p = (await actAs(dt, 'adele@contoso.com')).fresh();
    const mark = dt.log.mark();
    const vm = members(await groupMembers(ask('group.members', { group: 'Sales' }), p));
    expect(vm).toMatchObject({ match: 'exact', group: { id: sales.id, name: 'Sales', kind: 'microsoft365' }, count: ids.length, users: ofType(ids, 'user').length, groups: ofType(ids, 'group').length });
    expect(vm.members.map((m) => m.name)).toEqual(ids.map((id) => str(dt.tenant.byId.get(id)!.displayName)).sort(byName).slice(0, 100));
    expect(vm.members.every((m) => m.odataType.startsWith('#microsoft.graph.'))).toBe(true);
    expect(roundTrips(dt, mark)).toBe(2);
    expect(p.graph.stats.roundTrips).toBe(2);
  });

  it('a group of groups: nested groups counted, people counted through them', async () => {
    const parent = groups(dt).find((g) => ofType(memberIds(g.id), 'group').length > 0 && ofType(memberIds(g.id), 'user').length === 0)!;
    const p = (await actAs(dt, 'adele@contoso.com')).fresh();
    const vm = members(await groupMembers(ask('group.members', { group: str(parent.displayName) }), p));
    expect(vm.groups).toBe(ofType(memberIds(parent.id), 'group').length);
    expect(vm.users).toBe(0);
    expect(vm.transitiveUsers).toBe(transitiveUsers(dt, parent.id).size);
    expect(vm.members.every((m) => m.type === 'group')).toBe(true);
  });

  it('by id: the group and its members in one round trip', async () => {
    const help = group('IT Help');
    const p = (await actAs(dt, 'adele@contoso.com')).fresh();
    const mark = dt.log.mark();
    const vm = members(await groupMembers(ask('group.members', { group: help.id }), p));
    expect(vm.match).toBe('id');
    expect(vm.count).toBe(memberIds(help.id).length);
    expect(roundTrips(dt, mark)).toBe(1);
  });

  it('"Dropbox": no exact name, one near match, answered and said so', async () => {
    const near = groups(dt).filter((g) => lower(g.displayName).startsWith('dropbox'));
    expect(near).toHaveLength(1);
    const p = (await actAs(dt, 'adele@contoso.com')).fresh();
    const vm = members(await groupMembers(ask('group.members', { group: 'Dropbox' }), p));
    expect(vm).toMatchObject({ match: 'near', query: 'Dropbox', group: { id: near[0]!.id } });
  });

  it('"Project": several near matches, which one (one round trip)', async () => {
    const expected = groups(dt).filter((g) => lower(g.displayName).startsWith('project')).map((g) => str(g.displayName)).sort(byName);
    const p = (await actAs(dt, 'adele@contoso.com')).fresh();
    const mark = dt.log.mark();
    const vm = await groupMembers(ask('group.members', { group: 'Project' }), p);
    expect(vm).toMatchObject({ kind: 'choose', exact: false });
    if (vm.kind === 'choose') expect(vm.candidates.map((c) => c.name)).toEqual(expected);
    expect(roundTrips(dt, mark)).toBe(1);
  });

  it('a misspelt name: not found, with did-you-mean from the same batch', async () => {
    const expected = groups(dt).filter((g) => lower(g.displayName).startsWith('sal')).map((g) => str(g.displayName)).sort(byName);
    const p = (await actAs(dt, 'adele@contoso.com')).fresh();
    const mark = dt.log.mark();
    const vm = await groupMembers(ask('group.members', { group: 'Salez' }), p);
    expect(vm).toMatchObject({ kind: 'notFound', query: 'Salez' });
    if (vm.kind === 'notFound') expect(vm.suggestions.map((s) => s.name)).toEqual(expected);
    expect(roundTrips(dt, mark)).toBe(1);
  });

  it('an unknown id: not found; no group named: ask which', async () => {
    const p = (await actAs(dt, 'adele@contoso.com')).fresh();
    expect(await groupMembers(ask('group.members', { group: '00000000-0000-4000-8000-000000000000' }), p)).toMatchObject({ kind: 'notFound' });
    expect(await groupMembers(ask('group.members'), p)).toMatchObject({ kind: 'ask' });
  });

  it('a name with quotes and OData words cannot change the query', async () => {
    const p = (await actAs(dt, 'adele@contoso.com')).fresh();
    const vm = await groupMembers(ask('group.members', { group: "Sales' or displayName eq 'IT" }), p);
    expect(vm.kind).toBe('notFound');
  });

  it('Alex may find groups but not list their members: Graph’s 403', async () => {
    const p = (await actAs(dt, 'alex@contoso.com')).fresh();
    await expect(groupMembers(ask('group.members', { group: 'Sales' }), p)).rejects.toMatchObject({ status: 403 });
  });

  it('renders every outcome from the sample tenant as a valid card under 28 KB', async () => {
    const cap = capabilityFor('group.members')!;
    const p = (await actAs(dt, 'adele@contoso.com')).fresh();
    for (const entities of [{ group: 'Sales' }, { group: 'All Staff' }, { group: 'Project' }, { group: 'Salez' }, {}] as Parameters<typeof ask>[1][]) {
      const rendered = cap.render(await cap.answer(ask('group.members', entities), p), { page: 0, answerId: 'a' });
      expect(parseCard(rendered.card)).toEqual([]);
      expect(cardBytes(rendered.card)).toBeLessThanOrEqual(MAX_CARD_BYTES);
      expect(rendered.text.length).toBeGreaterThan(20);
    }
  });
});
