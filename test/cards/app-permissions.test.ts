import { describe, expect, it } from 'vitest';
import type { AppAccess } from '../../src/answers/app-access.ts';
import type { AppPermissions } from '../../src/answers/app-permissions.ts';
import { renderAppPermissions } from '../../src/cards/app-permissions.ts';
import { actions, checkCard, HOSTILE, HOSTILE_NAMES, showsEscaped } from './support.ts';

const asOf = '2026-11-22T03:00:00Z';
const access = (over: Partial<AppAccess>): AppAccess => ({ clientId: 'c1', appId: 'a1', name: 'QuickPDF Converter Pro', application: [], delegatedAll: [], delegatedUsers: { users: 0, permissions: [] }, risky: 0, ...over });
const pdf = access({
  publisher: { origin: 'other', tenantId: 'bf00c554-6e63-585f-bd0f-21521c07766f' },
  delegatedAll: [
    { value: 'Mail.Read', risky: true },
    { value: 'Files.Read.All', risky: true },
    { value: 'offline_access', risky: false },
  ],
  risky: 2,
});
const archiver = access({ clientId: 'c2', appId: 'a2', name: 'Contoso Mail Archiver', publisher: { origin: 'this-tenant' }, application: [{ value: 'Mail.Read', risky: true }], risky: 1 });
const zoom = access({ clientId: 'c3', appId: 'a3', name: 'Zoom', publisher: { origin: 'other', verified: 'Zoom Video Communications, Inc.' }, delegatedUsers: { users: 14, permissions: [{ value: 'User.Read', risky: false }] } });
const vm = (apps: AppAccess[], over: Partial<AppPermissions> = {}): AppPermissions => ({ asOf, mode: 'tenant', filter: { kind: 'all' }, apps, near: [], truncated: false, ...over });

describe('renderAppPermissions', () => {
  it('the whole tenant: high-impact apps flagged first, who granted what, unverified publishers called out', () => {
    const r = renderAppPermissions(vm([pdf, archiver, zoom]), { page: 0 });
    checkCard(r);
    const json = JSON.stringify(r.card);
    for (const s of ['Apps with access to Microsoft Graph', '2 apps hold high-impact permissions', '⚠ QuickPDF Converter Pro', '⚠ Unverified publisher', '**For every user (admin consent):** ⚠ Mail\\\\.Read', '**On its own, no user signed in:** ⚠ Mail\\\\.Read', '**For 14 users who consented:** User\\\\.Read', 'Zoom Video Communications']) {
      expect(json).toContain(s);
    }
    expect(actions(r).map((a) => a.title)).toEqual(['Consent settings', 'Enterprise apps']);
    expect(r.text).toContain('QuickPDF Converter Pro (for every user: Mail.Read, Files.Read.All, offline_access)');
  });

  it('filtered by a workload, and the risky view', () => {
    const mail = renderAppPermissions(vm([archiver], { filter: { kind: 'permission', label: 'mail', patterns: ['Mail.*'] } }), { page: 0 });
    checkCard(mail);
    expect(JSON.stringify(mail.card)).toContain('Apps with access to mail');
    const risky = renderAppPermissions(vm([], { filter: { kind: 'risky', patterns: ['Mail.*'] } }), { page: 0 });
    checkCard(risky);
    expect(JSON.stringify(risky.card)).toContain('Apps with high-impact permissions');
    expect(JSON.stringify(risky.card)).toContain('No app holds permissions like that');
  });

  it('one app: its grants by kind and a link to its Permissions page; nothing granted says so', () => {
    const one = renderAppPermissions(vm([pdf], { mode: 'app', query: 'QuickPDF Converter Pro' }), { page: 0 });
    checkCard(one);
    const json = JSON.stringify(one.card);
    expect(json).toContain('Permissions granted to QuickPDF Converter Pro');
    expect(json).toContain('2 high-impact permissions');
    expect(actions(one).find((a) => a.title === 'Open its permissions')?.url).toContain('ManagedAppMenuBlade/~/Permissions/objectId/c1/appId/a1');
    const empty = renderAppPermissions(vm([access({ name: 'ServiceNow' })], { mode: 'app', query: 'ServiceNow' }), { page: 0 });
    checkCard(empty);
    expect(JSON.stringify(empty.card)).toContain('Nothing has been consented for this app');
    expect(empty.text).toContain('nothing consented');
  });

  it('not found: did you mean, as buttons asking again by appId', () => {
    const r = renderAppPermissions(vm([], { mode: 'app', query: 'Dropbox', near: [{ appId: 'adbf', name: 'Dropbox Business', kind: 'enterprise' }] }), { page: 0 });
    checkCard(r);
    expect(actions(r).filter((a) => a.verb === 'choose').map((a) => a.data)).toEqual([{ intent: 'app.permissions', entities: { app: 'adbf' }, label: 'permissions of Dropbox Business' }]);
  });

  it('500 hostile apps with many permissions page and stay under 28 KB', () => {
    const apps = Array.from({ length: 500 }, (_, i) =>
      access({
        clientId: String(i),
        name: HOSTILE_NAMES[i % HOSTILE_NAMES.length]!,
        publisher: { origin: 'other', verified: HOSTILE.mention },
        delegatedAll: Array.from({ length: 12 }, (_, j) => ({ value: j % 2 ? HOSTILE.markdown : `Sites.Read${j}.All`, resource: j % 3 ? undefined : HOSTILE.link, risky: j % 2 === 0 })),
        risky: 6,
      }),
    );
    const r = renderAppPermissions(vm(apps, { truncated: true }), { page: 0, answerId: 'ap' });
    checkCard(r);
    expect(showsEscaped(r)).toBe(true);
    expect(r.pages).toBe(50);
    expect(actions(r).filter((a) => a.verb === 'page').map((a) => a.title)).toEqual(['Next']);
    expect(JSON.stringify(r.card)).toContain('Some grants were not read');
  });
});
