import { describe, expect, it } from 'vitest';
import type { AppCredentials, DueCredential } from '../../src/answers/app-credentials.ts';
import { renderAppCredentials } from '../../src/cards/app-credentials.ts';
import { actions, checkCard, HOSTILE, HOSTILE_NAMES, showsEscaped } from './support.ts';

const asOf = '2026-11-22T03:00:00Z';
const row = (over: Partial<DueCredential>): DueCredential => ({
  kind: 'secret',
  keyId: 'k',
  name: 'prod',
  hint: 'HtS',
  endDateTime: '2026-11-25T03:00:00Z',
  days: 3,
  expired: false,
  owner: 'application',
  objectId: '419b3f7d-981a-5b40-b22d-9e293d2d5275',
  appId: '580079d7-9acb-5471-86af-59d9c1c5beb9',
  appName: 'Expense Tracker',
  ...over,
});
const vm = (rows: DueCredential[], over: Partial<AppCredentials> = {}): AppCredentials => ({
  asOf,
  days: 30,
  expiring: rows.filter((r) => !r.expired).length,
  expired: rows.filter((r) => r.expired).length,
  apps: new Set(rows.map((r) => r.objectId)).size,
  rows,
  scanned: { applications: 41, servicePrincipals: 59, truncated: false },
  ...over,
});

/** The selectAction URLs of the table's first column, in row order. */
function rowLinks(card: unknown): string[] {
  const out: string[] = [];
  const visit = (n: unknown) => {
    if (Array.isArray(n)) n.forEach(visit);
    else if (n && typeof n === 'object') {
      const o = n as Record<string, unknown>;
      if (o.type === 'Table') for (const r of (o.rows as { cells: { selectAction?: { url: string } }[] }[]).slice(1)) out.push(r.cells[0]!.selectAction?.url ?? '');
      else Object.values(o).forEach(visit);
    }
  };
  visit(card);
  return out;
}

describe('renderAppCredentials', () => {
  it('counts, a status line, one row per credential linked to where it is renewed', () => {
    const rows = [
      row({}),
      row({ kind: 'certificate', keyId: 'c', name: 'SAML signing', hint: undefined, owner: 'servicePrincipal', objectId: 'sp-1', appId: 'app-1', appName: 'Salesforce', days: 20, endDateTime: '2026-12-12T03:00:00Z' }),
      row({ keyId: 'old', name: 'rotation (old)', days: -19, expired: true, endDateTime: '2026-11-02T03:00:00Z', replacedUntil: '2026-11-25T03:00:00Z' }),
      row({ keyId: 'gone', name: 'legacy', days: -399, expired: true, endDateTime: '2025-10-19T03:00:00Z' }),
    ];
    const r = renderAppCredentials(vm(rows), { page: 0 });
    checkCard(r);
    const json = JSON.stringify(r.card);
    for (const s of ['App secrets and certificates ending within 30 days', '2 credentials already expired', 'Client secret “prod” (HtS…)', '⚠ Expires in 3 days', 'Certificate “SAML signing”', 'enterprise app', 'a newer one is valid until 2026-11-25', '⛔ Expired 399 days ago', 'Checked 41 app registrations and 59 enterprise apps']) {
      expect(json).toContain(s);
    }
    expect(rowLinks(r.card)).toEqual([
      expect.stringContaining('ApplicationMenuBlade/~/Credentials/appId/580079d7-9acb-5471-86af-59d9c1c5beb9'),
      expect.stringContaining('ManagedAppMenuBlade/~/SignOn/objectId/sp-1/appId/app-1'),
      expect.stringContaining('Credentials/appId/'),
      expect.stringContaining('Credentials/appId/'),
    ]);
    expect(r.text).toContain('2 ending soon, 2 expired');
  });

  it('"expired certificates" (days 0) and nothing due read well', () => {
    const expired = renderAppCredentials(vm([row({ expired: true, days: -2 })], { days: 0 }), { page: 0 });
    checkCard(expired);
    expect(JSON.stringify(expired.card)).toContain('Expired app secrets and certificates');
    expect(JSON.stringify(expired.card)).not.toContain('ending within');
    const nothing = renderAppCredentials(vm([]), { page: 0 });
    checkCard(nothing);
    expect(JSON.stringify(nothing.card)).toContain('Nothing to renew');
    expect(nothing.text).toContain('none');
  });

  it('500 hostile rows page 10 at a time, with the links of the page shown', () => {
    const rows = Array.from({ length: 500 }, (_, i) => row({ keyId: String(i), appId: `app-${i}`, appName: HOSTILE_NAMES[i % HOSTILE_NAMES.length]!, name: HOSTILE.link, hint: HOSTILE.mention, days: i % 30 }));
    const r = renderAppCredentials(vm(rows, { expiring: 900, scanned: { applications: 20_000, servicePrincipals: 20_000, truncated: true } }), { page: 3, answerId: 'ac' });
    checkCard(r);
    expect(showsEscaped(r)).toBe(true);
    expect(r.pages).toBe(50);
    expect(actions(r).filter((a) => a.verb === 'page').map((a) => [a.title, a.data?.page])).toEqual([
      ['Previous', 2],
      ['Next', 4],
    ]);
    expect(rowLinks(r.card)).toEqual(rows.slice(30, 40).map((x) => expect.stringContaining(`/appId/${x.appId}`)));
    const json = JSON.stringify(r.card);
    expect(json).toContain('most urgent of 900');
    expect(json).toContain('only the first 20,000 were checked');
  });
});
