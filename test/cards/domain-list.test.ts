import { describe, expect, it } from 'vitest';
import type { Domain } from '../../src/answers/domain-list.ts';
import { renderDomainList } from '../../src/cards/domain-list.ts';
import { actions, checkCard, HOSTILE, HOSTILE_NAMES, showsEscaped } from './support.ts';

const asOf = '2026-11-22T03:00:00Z';
const dom = (name: string, over: Partial<Domain> = {}): Domain => ({ name, authenticationType: 'Managed', verified: true, isDefault: false, isInitial: false, services: ['Email'], ...over });

describe('renderDomainList', () => {
  it('lists federated ones in the status line and every domain in a table', () => {
    const domains = [dom('fabrikam.com', { authenticationType: 'Federated' }), dom('contoso.com', { isDefault: true, services: ['Email', 'OfficeCommunicationsOnline', 'Intune'] }), dom('contoso-labs.com', { verified: false, services: [] })];
    const r = renderDomainList({ kind: 'list', asOf, domains, federated: 1, unverified: 1 }, { page: 0 });
    checkCard(r);
    const json = JSON.stringify(r.card);
    expect(json).toContain('1 federated domain');
    expect(json).toContain('Teams and Skype');
    expect(json).toContain('Not verified');
    expect(r.text).toContain('federated: fabrikam.com');
  });

  it('pages a long list of hostile domain names', () => {
    const domains = Array.from({ length: 500 }, (_, i) => dom(`${HOSTILE_NAMES[i % HOSTILE_NAMES.length]}-${i}.example`));
    const first = renderDomainList({ kind: 'list', asOf, domains, federated: 0, unverified: 0 }, { page: 0, answerId: 'a1' });
    checkCard(first);
    expect(showsEscaped(first)).toBe(true);
    expect(first.pages).toBe(50);
    expect(actions(first).filter((a) => a.verb === 'page').map((a) => a.title)).toEqual(['Next']);
    const middle = renderDomainList({ kind: 'list', asOf, domains, federated: 0, unverified: 0 }, { page: 3, answerId: 'a1' });
    expect(actions(middle).filter((a) => a.verb === 'page').map((a) => [a.title, a.data?.page])).toEqual([['Previous', 2], ['Next', 4]]);
  });

  it('one domain, and a domain that is not ours', () => {
    const one = renderDomainList({ kind: 'one', asOf, domain: dom('fabrikam.com', { authenticationType: 'Federated' }) }, { page: 0 });
    checkCard(one);
    expect(JSON.stringify(one.card)).toContain('identity provider');
    const unverified = renderDomainList({ kind: 'one', asOf, domain: dom(HOSTILE.markdown, { verified: false }) }, { page: 0 });
    checkCard(unverified);
    expect(JSON.stringify(unverified.card)).toContain('DNS TXT record');
    const missing = renderDomainList({ kind: 'notFound', asOf, query: HOSTILE.link, suggestions: ['fabrikam.com'], total: 6 }, { page: 0 });
    checkCard(missing);
    expect(missing.text).toContain('Did you mean: fabrikam.com');
  });
});
