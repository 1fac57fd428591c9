// "Which apps can read our mail?": the parser names the access asked about (Parsed.permission) and
// the answer lists only apps holding mail permissions — the little-known app with Mail.Read among them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDevTenant, type DevTenant } from '../../devtenant/index.ts';
import { appPermissions } from '../../src/answers/app-permissions.ts';
import { parse } from '../../src/language/parse.ts';
import { actAs } from '../support/graph-as.ts';

let dt: DevTenant;
beforeAll(async () => {
  dt = await startDevTenant({ tenant: 'contoso', keysDir: false });
});
afterAll(async () => dt?.close());

describe('app.permissions asked about a kind of access', () => {
  it('reads the access from the question', () => {
    expect(parse('which apps can read our mail?')).toMatchObject({ intent: 'app.permissions', permission: 'mail' });
    expect(parse('which apps have Files.Read.All?')).toMatchObject({ intent: 'app.permissions', permission: 'Files.Read.All' });
    expect(parse('what has been consented for Dropbox?').permission).toBeUndefined();
  });

  it('lists only apps with mail permissions', async () => {
    const megan = await actAs(dt, 'megan@contoso.com'); // Global Reader: may read consent grants
    const q = parse('which apps can read our mail?');
    const vm = await appPermissions(q, megan.ctx);
    expect(vm.filter.kind).toBe('permission');
    expect(vm.apps.length).toBeGreaterThan(0);
    for (const app of vm.apps) {
      const all = [...app.application, ...app.delegatedAll, ...app.delegatedUsers.permissions].map((p) => JSON.stringify(p));
      expect(all.some((p) => /Mail|EWS|full_access_as_app/i.test(p)), app.name).toBe(true);
    }
    expect(vm.apps.map((a) => a.name).join(' ')).toMatch(/QuickPDF/);
  });
});
