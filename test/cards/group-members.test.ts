import { describe, expect, it } from 'vitest';
import type { GroupInfo, GroupMembers, Member } from '../../src/answers/group-members.ts';
import { renderGroupMembers } from '../../src/cards/group-members.ts';
import { actions, checkCard, HOSTILE, HOSTILE_NAMES, showsEscaped } from './support.ts';

const asOf = '2026-11-22T03:00:00Z';
const sales: GroupInfo = { id: '3c597d14-c468-4291-8623-e463fa18aefc', name: 'Sales', mail: 'sales@contoso.com', kind: 'microsoft365', synced: false, dynamic: false };
const vm = (members: Member[], over: Partial<Extract<GroupMembers, { kind: 'members' }>> = {}): GroupMembers => ({
  kind: 'members',
  asOf,
  match: 'exact',
  query: 'Sales',
  group: sales,
  members,
  count: members.length,
  users: members.filter((m) => m.type === 'user').length,
  groups: members.filter((m) => m.type === 'group').length,
  ...over,
});

describe('renderGroupMembers', () => {
  it('the group, counts by kind, members with their type, and the Entra members page', () => {
    const members: Member[] = [
      { id: '1', type: 'user', odataType: '#microsoft.graph.user', name: 'Adele Vance', address: 'adele@contoso.com' },
      { id: '2', type: 'group', odataType: '#microsoft.graph.group', name: 'SG-Sales' },
      { id: '3', type: 'device', odataType: '#microsoft.graph.device' },
    ];
    const r = renderGroupMembers(vm(members, { transitiveUsers: 40 }), { page: 0 });
    checkCard(r);
    const json = JSON.stringify(r.card);
    for (const s of ['Members of Sales', 'Microsoft 365', 'Adele Vance', 'Device you may not read', 'devices and others', '40 people are in Sales']) expect(json).toContain(s);
    expect(actions(r).find((a) => a.url)?.url).toContain(`Members/groupId/${sales.id}`);
    expect(r.text).toContain('Sales has 3 members');
  });

  it('a near match says so; a dynamic group shows its rule; 500 hostile members page', () => {
    const members: Member[] = Array.from({ length: 500 }, (_, i) => ({ id: String(i), type: 'user', odataType: '#microsoft.graph.user', name: HOSTILE_NAMES[i % HOSTILE_NAMES.length]!, address: HOSTILE.link }));
    const r = renderGroupMembers(vm(members, { match: 'near', query: HOSTILE.markdown, count: 2000, group: { ...sales, name: HOSTILE.mention, dynamic: true, rule: '(user.department -eq "Sales")', description: HOSTILE.markdown } }), { page: 49, answerId: 'gm' });
    checkCard(r);
    expect(showsEscaped(r)).toBe(true);
    expect(r.pages).toBe(50);
    expect(actions(r).filter((a) => a.verb === 'page').map((a) => a.title)).toEqual(['Previous']);
    const json = JSON.stringify(r.card);
    expect(json).toContain('No group is called exactly');
    expect(json).toContain('Dynamic membership rule');
    expect(json).toContain('first 500 of 2,000');
  });

  it('which one, not found, and no group named', () => {
    const cands = [sales, { ...sales, id: 'f95a8e15-49a3-47b7-8213-d2417e48eef2', name: 'SG-Sales', kind: 'security' as const, synced: true }];
    const which = renderGroupMembers({ kind: 'choose', asOf, query: 'Sal', candidates: cands, exact: false, more: true }, { page: 0 });
    checkCard(which);
    expect(actions(which).filter((a) => a.verb === 'choose').map((a) => a.data)).toEqual(cands.map((c) => ({ intent: 'group.members', entities: { group: c.id }, label: c.name })));
    const missing = renderGroupMembers({ kind: 'notFound', asOf, query: HOSTILE.link, suggestions: cands }, { page: 0 });
    checkCard(missing);
    expect(missing.text).toContain('Did you mean: Sales, SG-Sales?');
    const ask = renderGroupMembers({ kind: 'ask', asOf }, { page: 0 });
    checkCard(ask);
    expect(ask.text).toContain('Which group?');
  });
});
