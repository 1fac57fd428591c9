import { describe, expect, it } from 'vitest';
import type { Holder, PersonLicense, SkuHolders } from '../../src/answers/license-holders.ts';
import type { UserCandidate } from '../../src/answers/resolve-user.ts';
import { renderLicenseHolders } from '../../src/cards/license-holders.ts';
import { actions, checkCard, HOSTILE, HOSTILE_NAMES, showsEscaped } from './support.ts';

const asOf = '2026-11-22T03:00:00Z';
const holder = (i: number, over: Partial<Holder> = {}): Holder => ({ id: `u${i}`, name: `Person ${i}`, upn: `p${i}@contoso.com`, enabled: true, guest: false, ...over });
const e5 = (users: Holder[], over: Partial<SkuHolders> = {}): SkuHolders => ({ skuId: '06ebc4ee-1bb5-47dd-8120-11324bc54e06', partNumber: 'SPE_E5', name: 'Microsoft 365 E5', holders: users.length, paidFor: 18, assigned: users.length, users, ...over });
const person: UserCandidate = { id: 'f4c7afec-3bca-4a33-b59a-6a54e95a7b27', name: 'Lee Gu', upn: 'lee@contoso.com', guest: false };
const exchangeOnly: PersonLicense = { skuId: '4b9405b0-7788-4568-add1-99614e613b69', partNumber: 'EXCHANGESTANDARD', name: 'Exchange Online (Plan 1)', services: [{ service: 'Exchange Online (mailbox)', plan: 'EXCHANGE_S_STANDARD', status: 'Success' }], disabledPlans: 0 };

describe('renderLicenseHolders', () => {
  it('who has E5: the count, paid for and available, the people, a disabled account flagged', () => {
    const users = [holder(1), holder(2, { enabled: false, name: 'Grady Archie' }), holder(3, { guest: true })];
    const r = renderLicenseHolders({ asOf, view: 'holders', query: 'E5', skus: [e5(users, { holders: 16, assigned: 16 })] }, { page: 0 });
    checkCard(r);
    const json = JSON.stringify(r.card);
    for (const s of ['Who has Microsoft 365 E5', 'people hold it', 'paid for', '⚠ Disabled, still licensed', 'Guest', '1 disabled account among those shown still holds a license', 'first 3 of 16']) expect(json).toContain(s);
    expect(r.text).toContain('Microsoft 365 E5: 16 people');
  });

  it('a name that is two licenses: both, with a License column; over-assigned shows as such', () => {
    const r = renderLicenseHolders({ asOf, view: 'holders', query: 'E3', skus: [e5([holder(1)], { name: 'Microsoft 365 E3' }), e5([holder(2)], { name: 'Office 365 E3', paidFor: 1, assigned: 3 })] }, { page: 0 });
    checkCard(r);
    const json = JSON.stringify(r.card);
    expect(json).toContain('matches 2 licenses here');
    expect(json).toContain('"License"');
    expect(json).toContain('over-assigned');
  });

  it('500 hostile holders page', () => {
    const users = Array.from({ length: 500 }, (_, i) => holder(i, { name: HOSTILE_NAMES[i % HOSTILE_NAMES.length]!, upn: HOSTILE.link }));
    const r = renderLicenseHolders({ asOf, view: 'holders', query: HOSTILE.markdown, skus: [e5(users, { name: HOSTILE.mention })] }, { page: 10, answerId: 'lh' });
    checkCard(r);
    expect(showsEscaped(r)).toBe(true);
    expect(r.pages).toBe(50);
    expect(actions(r).filter((a) => a.verb === 'page').map((a) => a.title)).toEqual(['Previous', 'Next']);
  });

  it("a person's licenses with their main services; none at all is said plainly", () => {
    const mine = renderLicenseHolders({ asOf, view: 'person', person: { ...person, self: true }, licenses: [exchangeOnly] }, { page: 0 });
    checkCard(mine);
    const json = JSON.stringify(mine.card);
    expect(json).toContain('Your licenses');
    expect(json).toContain('Exchange Online (mailbox)');
    expect(json).toContain('"value":"On"');
    expect(mine.text).toBe('You: Exchange Online (Plan 1) (Exchange Online (mailbox)).');
    const other = renderLicenseHolders({ asOf, view: 'person', person: { ...person, self: false }, licenses: [], sku: { query: 'E5', held: [] } }, { page: 0 });
    checkCard(other);
    expect(JSON.stringify(other.card)).toContain('No “E5” license');
    expect(JSON.stringify(other.card)).toContain('has no license');
    expect(actions(other).find((a) => a.url)?.url).toContain(person.id);
    const has = renderLicenseHolders({ asOf, view: 'person', person: { ...person, self: false }, licenses: [{ ...exchangeOnly, disabledPlans: 2, services: [{ service: 'Microsoft Teams', plan: 'TEAMS1', status: 'Disabled' }] }], sku: { query: 'E5', held: ['Microsoft 365 E5'] } }, { page: 0 });
    checkCard(has);
    expect(JSON.stringify(has.card)).toContain('Has Microsoft 365 E5');
    expect(JSON.stringify(has.card)).toContain('Off for this person');
    expect(JSON.stringify(has.card)).toContain('2 service plans of this license are switched off');
  });

  it('which person, nobody by that name, no such license: buttons keep the license asked about', () => {
    const cands: UserCandidate[] = Array.from({ length: 8 }, (_, i) => ({ id: `m${i}`, name: i ? `Megan ${i}` : HOSTILE.link, upn: `megan${i}@contoso.com`, guest: false }));
    const which = renderLicenseHolders({ asOf, view: 'whichPerson', query: 'Megan', candidates: cands, more: false, sku: 'E5' }, { page: 0 });
    checkCard(which);
    const chosen = actions(which).filter((a) => a.verb === 'choose');
    expect(chosen).toHaveLength(5);
    expect(chosen[1]!.data).toEqual({ intent: 'license.holders', entities: { user: 'megan1@contoso.com', sku: 'E5' }, label: 'licenses of Megan 1' });
    expect(JSON.stringify(which.card)).toContain('Also: Megan 5, Megan 6, Megan 7');
    const nobody = renderLicenseHolders({ asOf, view: 'personNotFound', query: HOSTILE.mention, suggestions: cands.slice(1, 3) }, { page: 0 });
    checkCard(nobody);
    expect(nobody.text).toContain('Did you mean: Megan 1, Megan 2?');
    const noSku = renderLicenseHolders({ asOf, view: 'skuNotFound', query: 'Dynamics', tenantSkus: [{ partNumber: 'SPE_E3', name: 'Microsoft 365 E3' }] }, { page: 0 });
    checkCard(noSku);
    expect(actions(noSku).filter((a) => a.verb === 'choose').map((a) => a.data)).toEqual([{ intent: 'license.holders', entities: { sku: 'SPE_E3' }, label: 'who has Microsoft 365 E3' }]);
  });
});
