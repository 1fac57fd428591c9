import { describe, expect, it } from 'vitest';
import type { RoleGroup, RoleMembers, RolePrincipal } from '../../src/answers/role-members.ts';
import { renderRoleMembers } from '../../src/cards/role-members.ts';
import { GLOBAL_ADMINISTRATOR } from '../../src/knowledge/roles.ts';
import { actions, checkCard, HOSTILE, HOSTILE_NAMES, showsEscaped } from './support.ts';

const asOf = '2026-11-22T03:00:00Z';
const GA = GLOBAL_ADMINISTRATOR.templateId;
const patti: RolePrincipal = { id: 'a1654470-4298-4ead-982e-41568d51deaa', kind: 'user', name: 'Patti Fernandez', upn: 'patti@contoso.com' };
const tier0: RolePrincipal = { id: 'g1', kind: 'group', name: 'Tier 0 admins' };
const automation: RolePrincipal = { id: 's1', kind: 'servicePrincipal', name: 'Automation', appId: 'app-1', scope: '/administrativeUnits/eu' };
const ga = (members: RolePrincipal[]): RoleGroup => ({ roleId: GA, name: 'Global Administrator', members });
const vm = (roles: RoleGroup[], over: Partial<RoleMembers> = {}): RoleMembers => ({ asOf, query: 'Global Administrator', roles, truncated: false, ...over });

describe('renderRoleMembers', () => {
  it('one role: users, groups and apps as such, scope shown, PIM caveat, a link to its members page', () => {
    const r = renderRoleMembers(vm([ga([patti, tier0, automation])]), { page: 0 });
    checkCard(r);
    const json = JSON.stringify(r.card);
    for (const s of ['Global Administrator', 'patti@contoso\\\\.com', '"User"', '"Group"', '"App"', 'App ID app\\\\-1', 'Scoped to /administrativeUnits/eu', 'groups (their members hold it too)', 'Privileged Identity Management']) expect(json).toContain(s);
    expect(actions(r).find((a) => a.url)?.url).toContain(`RoleMembers/objectId/${GA}`);
    expect(r.text).toBe('Global Administrator: Patti Fernandez, Tier 0 admins (group), Automation (app). Active assignments only.');
  });

  it('too many Global Administrators is a warning; nobody holding a role is said so', () => {
    const five = Array.from({ length: 5 }, (_, i) => ({ ...patti, id: String(i), name: `Admin ${i}` }));
    const r = renderRoleMembers(vm([ga(five)]), { page: 0 });
    checkCard(r);
    expect(JSON.stringify(r.card)).toContain('5 Global Administrators: Microsoft advises fewer than five');
    const empty = renderRoleMembers(vm([{ roleId: 'b0f54661-2d74-4c50-afa3-1ec803f12efe', name: 'Billing Administrator', members: [] }], { query: 'Billing Administrator' }), { page: 0 });
    checkCard(empty);
    expect(JSON.stringify(empty.card)).toContain('Nobody holds this role');
    expect(empty.text).toContain('nobody');
  });

  it('names hidden from the asker: ids and a note', () => {
    const r = renderRoleMembers(vm([ga([{ id: 'x1', kind: 'other' }])], { namesHidden: { what: 'who holds each role', roles: ['Directory Readers'] } }), { page: 0 });
    checkCard(r);
    const json = JSON.stringify(r.card);
    expect(json).toContain('Hidden (x1)');
    expect(json).toContain('Names are hidden');
  });

  it('every role in use: a row per role with its holders, Global Administrators counted', () => {
    const roles = [ga([patti]), { roleId: 'fe930be7-5e62-47db-91af-98c3a49a38b1', name: 'User Administrator', members: Array.from({ length: 7 }, (_, i) => ({ ...patti, id: String(i), name: `Helper ${i}` })) }];
    const r = renderRoleMembers({ asOf, roles, truncated: false }, { page: 0 });
    checkCard(r);
    const json = JSON.stringify(r.card);
    expect(json).toContain('Admin roles and who holds them');
    expect(json).toContain('Helper 0, Helper 1, Helper 2, Helper 3, Helper 4 and 2 more');
    expect(actions(r).find((a) => a.url)?.url).toContain('RolesManagementMenuBlade');
    expect(r.text).toContain('2 roles in use: Global Administrator (1), User Administrator (7)');
  });

  it('a misspelt role offers the likely ones as buttons', () => {
    const r = renderRoleMembers({ asOf, query: 'Global Admnistrator', roles: [], notFound: { suggestions: [{ roleId: GA, name: 'Global Administrator' }] }, truncated: false }, { page: 0 });
    checkCard(r);
    expect(actions(r).filter((a) => a.verb === 'choose').map((a) => a.data)).toEqual([{ intent: 'role.members', entities: { role: 'Global Administrator' }, label: 'who has Global Administrator' }]);
  });

  it('500 hostile holders and 300 hostile roles page, escaped, under 28 KB', () => {
    const people = Array.from({ length: 500 }, (_, i): RolePrincipal => ({ id: String(i), kind: 'user', name: HOSTILE_NAMES[i % HOSTILE_NAMES.length]!, upn: HOSTILE.link, scope: HOSTILE.mention }));
    const one = renderRoleMembers(vm([{ ...ga(people), name: HOSTILE.markdown }], { truncated: true }), { page: 1, answerId: 'rm' });
    checkCard(one);
    expect(showsEscaped(one)).toBe(true);
    expect(one.pages).toBe(50);
    expect(JSON.stringify(one.card)).toContain('more assignments than I read');
    const many = Array.from({ length: 300 }, (_, i): RoleGroup => ({ roleId: String(i), name: HOSTILE_NAMES[i % HOSTILE_NAMES.length]!, members: people.slice(0, 12) }));
    const all = renderRoleMembers({ asOf, roles: many, truncated: false }, { page: 0, answerId: 'rm2' });
    checkCard(all);
    expect(all.pages).toBe(30);
    expect(actions(all).filter((a) => a.verb === 'page').map((a) => a.title)).toEqual(['Next']);
  });
});
