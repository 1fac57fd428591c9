// Each extractor on its own, over prepared text: what it finds, where, and what it leaves alone.
import { describe, expect, it } from 'vitest';
import { findDomains } from '../../../src/language/entities/domains.ts';
import { findIds, isScope } from '../../../src/language/entities/ids.ts';
import { findPeriods } from '../../../src/language/entities/periods.ts';
import { findRoles } from '../../../src/language/entities/roles.ts';
import { findSkus } from '../../../src/language/entities/skus.ts';
import type { Span } from '../../../src/language/entities/spans.ts';
import { prepare } from '../../../src/language/normalize.ts';

const values = (find: (u: ReturnType<typeof prepare>) => Span[], text: string) => find(prepare(text)).map((s) => s.value);

describe('periods', () => {
  it('turns periods into days', () => {
    const cases: Array<[string, number]> = [
      ['in 30 days', 30], ['next 2 weeks', 14], ['this week', 7], ['this month', 30], ['this quarter', 90],
      ['next 90 days', 90], ['today', 1], ['tomorrow', 2], ['expired', 0], ['already expired', 0], ['30d', 30], ['2w', 14],
      ['6mo', 180], ['a month', 30], ['three weeks', 21], ['a couple of weeks', 14], ['a fortnight', 14], ['within 1 year', 365],
      ['for 90+ days', 90], ['by the end of the month', 30], ['soon', 30], ['in 45', 45],
    ];
    for (const [text, days] of cases) expect(values(findPeriods, text), text).toEqual([days]);
  });

  it('marks vague periods weak and covers the lead words', () => {
    const [soon] = findPeriods(prepare('soon'));
    expect(soon?.weak).toBe(true);
    const [span] = findPeriods(prepare('expiring in the next 30 days'));
    expect([span?.start, span?.end]).toEqual([1, 6]);
  });

  it('ignores numbers that are not periods', () => {
    expect(values(findPeriods, 'Mark 8 Project Team')).toEqual([]);
    expect(values(findPeriods, 'assign a license')).toEqual([]);
    expect(values(findPeriods, 'AADSTS50076')).toEqual([]);
  });
});

describe('roles', () => {
  it('resolves names, plurals, abbreviations and catalog aliases', () => {
    expect(values(findRoles, 'GA')).toEqual(['Global Administrator']);
    expect(values(findRoles, 'the global admins')).toEqual(['Global Administrator']);
    expect(values(findRoles, 'Global Administrators')).toEqual(['Global Administrator']);
    expect(values(findRoles, 'exchange admins')).toEqual(['Exchange Administrator']);
    expect(values(findRoles, 'help desk admin')).toEqual(['Helpdesk Administrator']);
    expect(values(findRoles, 'cloud app admins')).toEqual(['Cloud Application Administrator']);
    expect(values(findRoles, 'directory readers')).toEqual(['Directory Readers']);
  });

  it('prefers the longest name and ignores a bare "admin"', () => {
    expect(values(findRoles, 'cloud application administrator')).toEqual(['Cloud Application Administrator']);
    expect(values(findRoles, 'is Megan an admin')).toEqual([]);
  });
});

describe('SKUs', () => {
  it('returns part numbers in catalog spelling and friendly names as typed', () => {
    expect(values(findSkus, 'SPE_E5')).toEqual(['SPE_E5']);
    expect(values(findSkus, 'spe_e5')).toEqual(['SPE_E5']);
    expect(values(findSkus, 'ENTERPRISEPACK')).toEqual(['ENTERPRISEPACK']);
    expect(values(findSkus, 'an E5 license')).toEqual(['E5']);
    expect(values(findSkus, 'Power BI Pro seats')).toEqual(['Power BI Pro']);
    expect(values(findSkus, 'a visio license')).toEqual(['visio']);
    expect(values(findSkus, 'Microsoft 365 E3')).toEqual(['Microsoft 365 E3']);
    expect(values(findSkus, 'Office 365 E3 (no Teams)')).toEqual(['Office 365 E3 (no Teams']);
  });

  it('does not take ordinary words for part numbers', () => {
    expect(values(findSkus, 'watch the stream')).toEqual([]);
    expect(values(findSkus, 'Mark 8 Project Team')).toEqual([]);
  });
});

describe('ids and domains', () => {
  it('finds UPNs and GUIDs, lower-cased', () => {
    expect(values(findIds, 'Bob@Contoso.COM and 1B730954-1685-4B74-9BFD-DAC224A7B894')).toEqual([
      'bob@contoso.com',
      '1b730954-1685-4b74-9bfd-dac224a7b894',
    ]);
    expect(values(findIds, 'bob@ and @contoso.com and 1234-5678')).toEqual([]);
  });

  it('tells Graph permission names from domains', () => {
    expect(isScope('mail.read')).toBe(true);
    expect(isScope('directory.readwrite.all')).toBe(true);
    expect(isScope('contoso.com')).toBe(false);
    expect(values(findDomains, 'Mail.Read Directory.ReadWrite.All contoso.com')).toEqual(['contoso.com']);
  });

  it('finds domains but not files, versions or abbreviations', () => {
    expect(values(findDomains, 'is Contoso.com or contoso.onmicrosoft.com verified?')).toEqual(['contoso.com', 'contoso.onmicrosoft.com']);
    expect(values(findDomains, 'report.pdf v1.0 U.S. e.g. node.js')).toEqual([]);
    expect(values(findDomains, 'mail bob@contoso.com')).toEqual([]);
  });
});
