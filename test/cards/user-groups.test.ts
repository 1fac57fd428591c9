import { describe, expect, it } from 'vitest';
import type { MemberGroup, UserGroups } from '../../src/answers/user-groups.ts';
import { renderUserGroups } from '../../src/cards/user-groups.ts';
import { actions, checkCard, HOSTILE, HOSTILE_NAMES, showsEscaped } from './support.ts';

const asOf = '2026-11-22T03:00:00Z';
const user = { id: '1e9e0151-6522-4f62-871b-b6094052450f', name: 'Diego Siciliani', upn: 'diego@contoso.com', guest: false };
const g = (name: string, over: Partial<MemberGroup> = {}): MemberGroup => ({ id: name, name, kind: 'security', synced: false, dynamic: false, direct: true, ...over });
const vm = (groups: MemberGroup[], over: Partial<Extract<UserGroups, { kind: 'groups' }>> = {}): UserGroups => ({
  kind: 'groups',
  asOf,
  self: false,
  user,
  total: groups.length,
  directCount: groups.filter((x) => x.direct).length,
  groups,
  roles: { readable: true, value: [{ id: 'r', name: 'Helpdesk Administrator', templateId: '729827e3-9c14-49f7-bb1b-9608f156bbb8' }] },
  ...over,
});

describe('renderUserGroups', () => {
  it('kinds in words, direct vs nested, and roles apart', () => {
    const r = renderUserGroups(vm([g('Helpdesk', { kind: 'microsoft365' }), g('SG-IT', { synced: true }), g('All Staff', { direct: false }), g('Contractors', { dynamic: true, direct: undefined })]), { page: 0 });
    checkCard(r);
    const json = JSON.stringify(r.card);
    for (const s of ['Groups of Diego Siciliani', 'Microsoft 365', 'Security · synced from AD', 'Through a nested group', 'dynamic', 'Helpdesk Administrator']) expect(json).toContain(s);
    expect(actions(r).map((a) => a.title)).toEqual(['Open in Entra', 'Their roles']);
    expect(r.text).toContain('Diego Siciliani is in 4 groups');
  });

  it('500 hostile group names page and fit; refused roles say so', () => {
    const groups = Array.from({ length: 500 }, (_, i) => g(`${HOSTILE_NAMES[i % HOSTILE_NAMES.length]} ${i}`, { direct: i % 2 === 0 }));
    const r = renderUserGroups(vm(groups, { total: 1200, self: true, roles: { readable: false, reason: 'denied', what: 'directory roles', roles: ['Directory Readers'] } }), { page: 0, answerId: 'ug' });
    checkCard(r);
    expect(showsEscaped(r)).toBe(true);
    expect(r.pages).toBe(50);
    expect(actions(r).some((a) => a.verb === 'page')).toBe(true);
    const json = JSON.stringify(r.card);
    expect(json).toContain('Your groups');
    expect(json).toContain('could not be read');
    expect(json).toContain('first 500 of 1,200');
  });

  it('no groups; and the choice card when the name was ambiguous', () => {
    const none = renderUserGroups(vm([], { roles: { readable: true, value: [] } }), { page: 0 });
    checkCard(none);
    expect(JSON.stringify(none.card)).toContain('not a member of any group');
    const which = renderUserGroups({ kind: 'choose', asOf, intent: 'user.groups', query: HOSTILE.markdown, candidates: [{ ...user }, { ...user, id: 'x', upn: 'x@contoso.com' }], more: false }, { page: 0 });
    checkCard(which);
    expect(actions(which).filter((a) => a.verb === 'choose').map((a) => (a.data as { intent: string }).intent)).toEqual(['user.groups', 'user.groups']);
  });
});
