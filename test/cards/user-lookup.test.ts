import { describe, expect, it } from 'vitest';
import type { UserLookup } from '../../src/answers/user-lookup.ts';
import { renderUserLookup } from '../../src/cards/user-lookup.ts';
import { actions, checkCard, HOSTILE, showsEscaped } from './support.ts';

const asOf = '2026-11-22T03:00:00Z';
const megan: Extract<UserLookup, { kind: 'person' }> = {
  kind: 'person',
  asOf,
  self: false,
  person: { id: 'd9889342-c33e-420e-8231-53b0822a869d', name: 'Megan Bowen', upn: 'megan@contoso.com', mail: 'megan@contoso.com', jobTitle: 'Security Analyst', department: 'IT', office: 'Redmond HQ', enabled: true, userType: 'Member', created: '2023-01-21T23:28:00Z' },
  manager: { readable: true, value: { id: 'a1654470-4298-4ead-982e-41568d51deaa', name: 'Patti Fernandez', upn: 'patti@contoso.com', jobTitle: 'IT Director' } },
  licenses: { readable: true, value: [{ skuId: '06ebc4ee-1bb5-47dd-8120-11324bc54e06', skuPartNumber: 'SPE_E5', name: 'Microsoft 365 E5' }] },
  sync: { synced: true, lastSync: '2026-11-22T02:40:00Z', ageMinutes: 20, health: 'healthy', onPremisesDomain: 'corp.contoso.com', samAccountName: 'mbowen', onPremisesUpn: 'megan@contoso.com', errors: [] },
};

describe('renderUserLookup', () => {
  it('profile, manager, sync and licenses, with a link to Entra and a button for their groups', () => {
    const r = renderUserLookup(megan, { page: 0 });
    checkCard(r);
    const json = JSON.stringify(r.card);
    for (const s of ['Megan Bowen', 'Security Analyst', 'Patti Fernandez', 'Synced from on-premises AD: healthy', 'mbowen', 'Microsoft 365 E5', '20 minutes ago']) expect(json).toContain(s);
    expect(actions(r).find((a) => a.verb === 'choose')?.data).toEqual({ intent: 'user.groups', entities: { user: 'megan@contoso.com' }, label: 'what groups is megan@contoso.com in?' });
    expect(actions(r).some((a) => a.url?.includes(megan.person.id))).toBe(true);
    expect(r.text).toContain('Licenses: Microsoft 365 E5');
  });

  it('refused licenses say who could read them; a cloud-only, disabled guest reads as such', () => {
    const r = renderUserLookup(
      {
        ...megan,
        person: { ...megan.person, enabled: false, userType: 'Guest', invitation: 'PendingAcceptance' },
        manager: { readable: true, value: null },
        licenses: { readable: false, reason: 'denied', what: "another person's license details", roles: ['Directory Readers', 'License Administrator'] },
        sync: { synced: false, health: 'off', errors: [] },
      },
      { page: 0 },
    );
    checkCard(r);
    const json = JSON.stringify(r.card);
    expect(json).toContain('could not read their licenses');
    expect(json).toContain('Directory Readers');
    expect(json).toContain('Account disabled');
    expect(json).toContain('Cloud-only account');
    expect(r.text).toContain('could not be read');
  });

  it('provisioning errors show; hostile profile text stays literal; asking about oneself offers "My groups"', () => {
    const r = renderUserLookup(
      {
        ...megan,
        self: true,
        person: { ...megan.person, name: HOSTILE.markdown, jobTitle: HOSTILE.link, department: HOSTILE.mention, office: HOSTILE.rtl, upn: HOSTILE.quotes },
        manager: { readable: true, value: { id: 'm', name: HOSTILE.long } },
        sync: { ...megan.sync, errors: [{ category: 'PropertyConflict', property: 'ProxyAddress', value: HOSTILE.markdown, occurred: '2026-11-15T03:00:00Z' }] },
      },
      { page: 0 },
    );
    checkCard(r);
    expect(showsEscaped(r)).toBe(true);
    expect(JSON.stringify(r.card)).toContain('Email address already in use');
    expect(actions(r).find((a) => a.verb === 'choose')).toMatchObject({ title: 'My groups', data: { entities: { user: 'me' } } });
  });

  it('which one / not found go to the shared choice card', () => {
    const r = renderUserLookup({ kind: 'notFound', asOf, intent: 'user.lookup', query: 'bob', suggestions: [] }, { page: 0 });
    checkCard(r);
    expect(r.text).toContain('could not find anyone called "bob"');
  });
});
