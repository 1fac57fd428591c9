import { describe, expect, it } from 'vitest';
import type { AppLookup, AppMatch } from '../../src/answers/app-lookup.ts';
import { renderAppLookup } from '../../src/cards/app-lookup.ts';
import { actions, checkCard, HOSTILE, HOSTILE_NAMES, showsEscaped } from './support.ts';

const asOf = '2026-11-22T03:00:00Z';
const none = { count: 0, expired: 0 };
const vm = (matches: AppMatch[], over: Partial<AppLookup> = {}): AppLookup => ({ asOf, query: 'Salesforce', by: 'name', matches, more: false, near: [], ...over });

const salesforce: AppMatch = {
  appId: '0ddd8a14-8733-5367-8fa1-82a8f0ed3456',
  name: 'Salesforce',
  kind: 'enterprise',
  enterpriseApp: {
    id: 'f16939a3-ed62-550d-997a-e0183190bbff',
    enabled: true,
    assignmentRequired: true,
    signInAudience: 'AzureADMultipleOrgs',
    singleSignOn: 'saml',
    visibleToUsers: true,
    publisher: { origin: 'other', verified: 'Salesforce, Inc.', tenantId: '3122a44c-fe01-5a5e-b226-a2aaf516ee83' },
    owners: [],
    credentials: { count: 2, expired: 0, next: { kind: 'certificate', keyId: 'k', name: 'SAML signing', endDateTime: '2026-12-01T00:00:00Z', days: 9, expired: false } },
  },
};

const expense: AppMatch = {
  appId: '580079d7-9acb-5471-86af-59d9c1c5beb9',
  name: 'Expense Tracker',
  kind: 'both',
  registration: {
    id: '419b3f7d-981a-5b40-b22d-9e293d2d5275',
    createdDateTime: '2024-12-22T02:29:54Z',
    signInAudience: 'AzureADMyOrg',
    publisher: { origin: 'this-tenant', domain: 'contoso.com' },
    owners: [{ id: 'o1', kind: 'user', name: 'Joni Sherman', upn: 'joni@contoso.com' }],
    credentials: { count: 1, expired: 1, next: { kind: 'secret', keyId: 'k2', name: 'prod', hint: 'HtS', endDateTime: '2026-11-10T10:00:54Z', days: -11, expired: true } },
  },
  enterpriseApp: { id: '0b80c1ca-8fc3-58e7-b16f-694cd6053dd6', enabled: true, assignmentRequired: false, visibleToUsers: true, publisher: { origin: 'this-tenant' }, credentials: none },
};

describe('renderAppLookup', () => {
  it('an enterprise app from a third party: said in plain words, with assignment, SSO and the publisher', () => {
    const r = renderAppLookup(vm([salesforce]), { page: 0 });
    checkCard(r);
    const json = JSON.stringify(r.card);
    for (const s of ['Enterprise app from Salesforce, Inc\\\\.', 'third-party or gallery app', 'Yes: only assigned users and groups can sign in', 'SAML', 'verified publisher', 'Any Microsoft Entra organization', 'expires in 9 days', 'None: nobody is responsible']) expect(json).toContain(s);
    expect(actions(r).map((a) => a.url)).toEqual([expect.stringContaining(`ManagedAppMenuBlade/~/Overview/objectId/${salesforce.enterpriseApp!.id}`)]);
    expect(r.text).toContain('is an enterprise app from Salesforce, Inc. Assignment');
    expect(r.text).toContain('Assignment is required');
  });

  it('a registration with its enterprise app: both, owners, created date, the expired secret flagged', () => {
    const r = renderAppLookup(vm([expense], { query: 'Expense Tracker' }), { page: 0 });
    checkCard(r);
    const json = JSON.stringify(r.card);
    for (const s of ['Registered in this tenant, with its enterprise app here', 'Joni Sherman', '2024-12-22', 'Only this organization (single tenant)', 'expired 11 days ago', 'This organization (contoso\\\\.com)']) expect(json).toContain(s);
    expect(actions(r).map((a) => a.title)).toEqual(['Open app registration', 'Open enterprise app']);
  });

  it('owners the asker may not read are said to be hidden, not "none"', () => {
    const hidden = { ...expense, registration: { ...expense.registration!, owners: undefined } } as AppMatch;
    const r = renderAppLookup(vm([hidden], { ownersHidden: { what: "the apps' owners", roles: ['Directory Readers'] } }), { page: 0 });
    checkCard(r);
    const json = JSON.stringify(r.card);
    expect(json).toContain('Not shown: your account may not read');
    expect(json).not.toContain('nobody is responsible');
    expect(json).toContain('Directory Readers');
  });

  it('not found: did you mean, as buttons that look the app up by its appId', () => {
    const r = renderAppLookup(vm([], { query: 'Dropbox', near: [{ appId: 'adbf6498-eb3e-5ec6-8cf2-34f1d14e44a9', name: 'Dropbox Business', kind: 'enterprise' }] }), { page: 0 });
    checkCard(r);
    expect(JSON.stringify(r.card)).toContain('No app called “Dropbox”');
    expect(actions(r).filter((a) => a.verb === 'choose').map((a) => a.data)).toEqual([{ intent: 'app.lookup', entities: { app: 'adbf6498-eb3e-5ec6-8cf2-34f1d14e44a9' }, label: 'the app Dropbox Business' }]);
    expect(r.text).toContain('Did you mean: Dropbox Business?');
    const byId = renderAppLookup(vm([], { query: 'aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee', by: 'appId' }), { page: 0 });
    checkCard(byId);
    expect(JSON.stringify(byId.card)).toContain('No app with that ID');
  });

  it('no app named: asks which', () => {
    const r = renderAppLookup({ asOf, by: 'none', matches: [], more: false, near: [] }, { page: 0 });
    checkCard(r);
    expect(r.text).toContain('Which app?');
  });

  it('hostile names, many same-named apps with 20 owners each: escaped, within 28 KB', () => {
    const many: AppMatch[] = Array.from({ length: 10 }, (_, i) => ({
      ...expense,
      appId: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
      name: HOSTILE_NAMES[i % HOSTILE_NAMES.length]!,
      registration: {
        ...expense.registration!,
        publisher: { origin: 'this-tenant', domain: HOSTILE.link, verified: HOSTILE.mention },
        owners: Array.from({ length: 20 }, (_, j) => ({ id: `o${j}`, kind: 'user' as const, name: HOSTILE_NAMES[j % HOSTILE_NAMES.length]!, upn: HOSTILE.link })),
        credentials: { count: 3, expired: 1, next: { kind: 'secret', keyId: 'x', name: HOSTILE.markdown, endDateTime: '2026-12-01T00:00:00Z', days: 9, expired: false } },
      },
    }));
    const r = renderAppLookup(vm(many, { query: HOSTILE.markdown, more: true }), { page: 0 });
    checkCard(r);
    expect(showsEscaped(r)).toBe(true);
    expect(r.text.length).toBeGreaterThan(0);
    // The card may be shortened to fit, but never broken.
    expect(JSON.stringify(r.card)).toContain('apps are called');
  });
});
