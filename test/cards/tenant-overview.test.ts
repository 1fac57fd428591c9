import { describe, expect, it } from 'vitest';
import type { TenantOverview } from '../../src/answers/tenant-overview.ts';
import { renderTenantOverview } from '../../src/cards/tenant-overview.ts';
import { actions, checkCard, HOSTILE, HOSTILE_NAMES, showsEscaped } from './support.ts';

const base: TenantOverview = {
  asOf: '2026-11-22T03:00:00Z',
  id: 'db0a0aea-81ad-4375-b1ad-fc8ed0c1fee2',
  name: 'Contoso',
  initialDomain: 'contoso.onmicrosoft.com',
  defaultDomain: 'contoso.com',
  domains: [
    { name: 'contoso.com', type: 'Managed', isDefault: true, isInitial: false },
    { name: 'contoso.onmicrosoft.com', type: 'Managed', isDefault: false, isInitial: true },
    { name: 'fabrikam.com', type: 'Federated', isDefault: false, isInitial: false },
  ],
  createdDateTime: '2020-09-24T03:00:00Z',
  country: 'US',
  sync: { enabled: true, lastSync: '2026-11-22T02:40:00Z', ageMinutes: 20, health: 'healthy' },
  users: { readable: true, value: { total: 322, members: 299, guests: 23, synced: 201, cloudOnly: 98 } },
};

describe('renderTenantOverview', () => {
  it('names the tenant, its directory, domains, sync and counts, with admin center links', () => {
    const r = renderTenantOverview(base, { page: 0 });
    checkCard(r);
    const json = JSON.stringify(r.card);
    for (const s of ['Contoso', 'db0a0aea', 'contoso\\\\.onmicrosoft\\\\.com', 'Microsoft Entra ID', '322', '299', '201', 'federated']) expect(json).toContain(s);
    expect(actions(r).map((a) => a.url)).toEqual(expect.arrayContaining([expect.stringContaining('entra.microsoft.com'), expect.stringContaining('admin.microsoft.com')]));
    expect(r.text).toContain('322 users');
  });

  it('hostile tenant and domain names stay literal; a refused count says why', () => {
    const r = renderTenantOverview(
      { ...base, name: HOSTILE.markdown, domains: HOSTILE_NAMES.map((n) => ({ name: n, type: 'Managed', isDefault: false, isInitial: false })), sync: { enabled: false, health: 'off' }, users: { readable: false, reason: 'denied', what: "other people's accounts", roles: ['Directory Readers', 'Global Reader'] } },
      { page: 0 },
    );
    checkCard(r);
    expect(showsEscaped(r)).toBe(true);
    expect(JSON.stringify(r.card)).toContain('could not count the users');
    expect(JSON.stringify(r.card)).toContain('Cloud-only');
  });
});
