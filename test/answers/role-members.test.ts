import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDevTenant, type DevTenant } from '../../devtenant/index.ts';
import { roleMembers, principalOf, type RoleMembers } from '../../src/answers/role-members.ts';
import { capabilityFor } from '../../src/catalog.ts';
import { roleByName } from '../../src/knowledge/roles.ts';
import { actAs } from '../support/graph-as.ts';
import { checkCard } from '../cards/support.ts';
import { ask, byName, roundTrips, str } from './facts.ts';

let dt: DevTenant;
beforeAll(async () => {
  dt = await startDevTenant({ tenant: 'contoso', keysDir: false });
});
afterAll(async () => dt?.close());

const roleObject = (templateId: string) => dt.tenant.data.directoryRoles.find((r) => r.roleTemplateId === templateId);
const holders = (templateId: string) => {
  const role = roleObject(templateId);
  return role ? (dt.tenant.data.relationships.members[role.id] ?? []) : [];
};

async function run(upn: string, role?: string): Promise<{ vm: RoleMembers; trips: number; stats: number }> {
  const p = (await actAs(dt, upn)).fresh();
  const mark = dt.log.mark();
  const vm = await roleMembers(ask('role.members', role === undefined ? {} : { role }), p);
  return { vm, trips: roundTrips(dt, mark), stats: p.graph.stats.roundTrips };
}

describe('role.members', () => {
  it('"who are the global admins?": the active assignments with the people expanded, one request', async () => {
    const ga = roleByName('Global Administrator')!;
    const ids = holders(ga.templateId);
    const { vm, trips, stats } = await run('adele@contoso.com', 'Global Administrator');
    expect(vm.roles).toHaveLength(1);
    const g = vm.roles[0]!;
    expect(g).toMatchObject({ roleId: ga.templateId, name: 'Global Administrator' });
    expect(g.members.map((m) => m.id).sort()).toEqual([...ids].sort());
    expect(g.members.map((m) => m.name)).toEqual(ids.map((id) => str(dt.tenant.byId.get(id)!.displayName)).sort(byName));
    expect(g.members.every((m) => m.kind === 'user' && m.upn)).toBe(true);
    expect(vm.namesHidden).toBeUndefined();
    expect(trips).toBe(1);
    expect(stats).toBe(1);
    const last = decodeURIComponent(dt.log.since(0, 'graph').at(-1)!.url);
    expect(last).toContain(`roleDefinitionId eq '${ga.templateId}'`);
    expect(last).toContain('$expand=principal');
  });

  it('"who has the User Administrator role?"', async () => {
    const ua = roleByName('User Administrator')!;
    const { vm } = await run('adele@contoso.com', 'User Administrator');
    expect(vm.roles[0]!.members.map((m) => m.id).sort()).toEqual([...holders(ua.templateId)].sort());
  });

  it('a role nobody holds: an empty list, not an error', async () => {
    const billing = roleByName('Billing Administrator')!;
    expect(holders(billing.templateId)).toEqual([]);
    const { vm, trips } = await run('adele@contoso.com', 'Billing Administrator');
    expect(vm.roles).toEqual([{ roleId: billing.templateId, name: 'Billing Administrator', members: [] }]);
    expect(trips).toBe(1);
  });

  it('"list admins": every role in use with its holders, Global Administrator first, one $batch', async () => {
    const { vm, trips } = await run('adele@contoso.com');
    const inUse = dt.tenant.data.directoryRoles.filter((r) => (dt.tenant.data.relationships.members[r.id] ?? []).length > 0);
    expect(vm.roles.map((g) => g.roleId).sort()).toEqual(inUse.map((r) => str(r.roleTemplateId)).sort());
    for (const g of vm.roles) {
      const role = inUse.find((r) => r.roleTemplateId === g.roleId)!;
      expect(g.name).toBe(role.displayName);
      expect(g.members.map((m) => m.id).sort()).toEqual([...holders(g.roleId)].sort());
    }
    expect(vm.roles[0]!.name).toBe('Global Administrator');
    expect(trips).toBe(1);
    // The real answer renders as a valid card.
    checkCard(capabilityFor('role.members')!.render(vm, { page: 0, answerId: '00000000-0000-4000-8000-000000000000' }));
  });

  it('a member who may not read other people: who holds the role by id only, said so, a second round trip', async () => {
    const ga = roleByName('Global Administrator')!;
    const { vm, trips } = await run('alex@contoso.com', 'Global Administrator');
    expect(vm.roles[0]!.members.map((m) => m.id).sort()).toEqual([...holders(ga.templateId)].sort());
    expect(vm.roles[0]!.members.every((m) => m.name === undefined)).toBe(true);
    expect(vm.namesHidden?.roles.length).toBeGreaterThan(0);
    expect(trips).toBe(2);
  });

  it('a misspelt role: not found, with the likely one offered', async () => {
    const { vm, trips } = await run('adele@contoso.com', 'Global Admnistrator');
    expect(vm.roles).toEqual([]);
    expect(vm.notFound?.suggestions.map((s) => s.name)).toEqual(['Global Administrator']);
    expect(trips).toBe(1);
  });

  it('groups and apps holding a role are shown as such, with scope when not directory-wide', () => {
    expect(principalOf({ id: 'a', principalId: 'g', roleDefinitionId: 'r', directoryScopeId: '/administrativeUnits/x', principal: { '@odata.type': '#microsoft.graph.group', id: 'g', displayName: 'Tier 0 admins' } })).toEqual({
      id: 'g',
      kind: 'group',
      name: 'Tier 0 admins',
      scope: '/administrativeUnits/x',
    });
    expect(principalOf({ id: 'b', principalId: 's', roleDefinitionId: 'r', directoryScopeId: '/', principal: { '@odata.type': '#microsoft.graph.servicePrincipal', id: 's', displayName: 'Automation', appId: 'app-1' } })).toEqual({
      id: 's',
      kind: 'servicePrincipal',
      name: 'Automation',
      appId: 'app-1',
    });
    expect(principalOf({ id: 'c', principalId: 'u', roleDefinitionId: 'r', principal: null })).toEqual({ id: 'u', kind: 'other' });
  });

  it('is for everyone: members may read roles and who holds them', () => {
    expect(capabilityFor('role.members')?.audience).toBe('members');
  });
});
