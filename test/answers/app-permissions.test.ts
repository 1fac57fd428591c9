import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDevTenant, type DevTenant } from '../../devtenant/index.ts';
import { GRAPH_APP_ID } from '../../src/answers/app-access.ts';
import { appPermissions, type AppPermissions } from '../../src/answers/app-permissions.ts';
import { isRisky, readQuestion } from '../../src/answers/permission-filter.ts';
import { capabilityFor } from '../../src/catalog.ts';
import { explainDenial } from '../../src/graph/denials.ts';
import { GraphError } from '../../src/graph/types.ts';
import { actAs } from '../support/graph-as.ts';
import { checkCard } from '../cards/support.ts';
import { ask, byName, lower, roundTrips, str } from './facts.ts';

let dt: DevTenant;
beforeAll(async () => {
  dt = await startDevTenant({ tenant: 'contoso', keysDir: false });
});
afterAll(async () => dt?.close());

const graphSp = () => dt.tenant.data.servicePrincipals.find((s) => s.appId === GRAPH_APP_ID)!;
const spName = (id: string) => str(dt.tenant.byId.get(id)?.displayName);

interface Expected {
  application: string[];
  all: string[];
  users: Set<string>;
  user: string[];
}

/** Per client app: its Microsoft Graph permissions, from the tenant's own grants and assignments. */
function expectedAccess(keep: (perm: string) => boolean = () => true): Map<string, Expected> {
  const graph = graphSp();
  const roles = new Map(((graph.appRoles as { id: string; value: string }[]) ?? []).map((r) => [r.id, r.value]));
  const out = new Map<string, Expected>();
  const row = (id: string) => out.get(id) ?? (out.set(id, { application: [], all: [], users: new Set(), user: [] }), out.get(id)!);
  for (const a of dt.tenant.data.appRoleAssignments) {
    if (a.resourceId !== graph.id || a.principalType !== 'ServicePrincipal') continue;
    const v = roles.get(str(a.appRoleId))!;
    if (keep(v)) row(str(a.principalId)).application.push(v);
  }
  for (const g of dt.tenant.data.oauth2PermissionGrants) {
    if (g.resourceId !== graph.id) continue;
    const scopes = str(g.scope).split(' ').filter(Boolean).filter(keep);
    if (!scopes.length) continue;
    const r = row(str(g.clientId));
    if (g.consentType === 'AllPrincipals') r.all.push(...scopes);
    else {
      r.user.push(...scopes);
      r.users.add(str(g.principalId));
    }
  }
  return out;
}

const values = (list: { value: string }[]) => [...new Set(list.map((p) => p.value))].sort();
const uniqSorted = (list: string[]) => [...new Set(list)].sort();

async function run(upn: string, app?: string): Promise<{ vm: AppPermissions; trips: number; stats: number }> {
  const p = (await actAs(dt, upn)).fresh();
  const mark = dt.log.mark();
  const vm = await appPermissions(ask('app.permissions', app === undefined ? {} : { app }), p);
  return { vm, trips: roundTrips(dt, mark), stats: p.graph.stats.roundTrips };
}

describe('app.permissions, whole tenant', () => {
  it('every app holding Microsoft Graph permissions, by kind of consent, named, in three round trips', async () => {
    const want = expectedAccess();
    const { vm, trips, stats } = await run('megan@contoso.com');
    expect(vm.mode).toBe('tenant');
    expect(new Set(vm.apps.map((a) => a.clientId))).toEqual(new Set(want.keys()));
    for (const a of vm.apps) {
      const w = want.get(a.clientId)!;
      expect(a.name).toBe(spName(a.clientId));
      expect(values(a.application)).toEqual(uniqSorted(w.application));
      expect(values(a.delegatedAll)).toEqual(uniqSorted(w.all));
      expect(values(a.delegatedUsers.permissions)).toEqual(uniqSorted(w.user));
      expect(a.delegatedUsers.users).toBe(w.users.size);
    }
    // High-impact first.
    const risk = vm.apps.map((a) => a.risky);
    expect(risk).toEqual([...risk].sort((x, y) => y - x));
    expect(trips).toBe(3);
    expect(stats).toBe(3);
    // The real answer renders as a valid card.
    checkCard(capabilityFor('app.permissions')!.render(vm, { page: 0, answerId: '00000000-0000-4000-8000-000000000000' }));
  });

  it('"risky app permissions": only high-impact permissions, the unverified PDF converter with mail and files for everyone first', async () => {
    const want = expectedAccess(isRisky);
    const { vm } = await run('megan@contoso.com', 'risky');
    expect(vm.filter.kind).toBe('risky');
    expect(new Set(vm.apps.map((a) => a.clientId))).toEqual(new Set(want.keys()));
    for (const a of vm.apps) for (const p of [...a.application, ...a.delegatedAll, ...a.delegatedUsers.permissions]) expect(p.risky).toBe(true);
    const pdf = vm.apps.find((a) => a.name === 'QuickPDF Converter Pro')!;
    expect(values(pdf.delegatedAll)).toEqual(['Files.Read.All', 'Mail.Read']);
    expect(pdf.publisher?.verified).toBeUndefined();
    expect(pdf.publisher?.origin).toBe('other');
    expect(vm.apps[0]!.risky).toBe(Math.max(...vm.apps.map((a) => a.risky)));
  });

  it('"which apps can read our mail?" (the mail workload): the apps with Mail permissions, application ones included', async () => {
    const want = expectedAccess((p) => lower(p).startsWith('mail'));
    const { vm } = await run('diego@contoso.com', 'mail');
    expect(vm.filter).toMatchObject({ kind: 'permission', label: 'mail' });
    expect(vm.apps.map((a) => a.name).sort(byName)).toEqual([...want.keys()].map(spName).sort(byName));
    const archiver = vm.apps.find((a) => a.name === 'Contoso Mail Archiver')!;
    expect(values(archiver.application)).toContain('Mail.Read');
  });

  it('a permission by name ("Files.Read.All")', async () => {
    const want = expectedAccess((p) => p === 'Files.Read.All');
    const { vm } = await run('megan@contoso.com', 'Files.Read.All');
    expect(new Set(vm.apps.map((a) => a.clientId))).toEqual(new Set(want.keys()));
    expect(vm.apps.length).toBeGreaterThan(1);
  });

  it('a plain member gets Graph\'s refusal for the grants (the bot shows the permission card)', async () => {
    const p = (await actAs(dt, 'adele@contoso.com')).fresh();
    const err = await appPermissions(ask('app.permissions', {}), p).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(GraphError);
    expect((err as GraphError).status).toBe(403);
    expect(explainDenial((err as GraphError).url).what).toMatch(/consent/);
  });
});

describe('app.permissions, one app', () => {
  it('"what has been consented for Zoom?": per-user consents counted, two round trips', async () => {
    const zoom = dt.tenant.data.servicePrincipals.find((s) => s.displayName === 'Zoom')!;
    const grants = dt.tenant.data.oauth2PermissionGrants.filter((g) => g.clientId === zoom.id);
    const { vm, trips } = await run('megan@contoso.com', 'Zoom');
    expect(vm.mode).toBe('app');
    expect(vm.apps).toHaveLength(1);
    const a = vm.apps[0]!;
    expect(a.clientId).toBe(zoom.id);
    expect(a.delegatedUsers.users).toBe(new Set(grants.filter((g) => g.consentType === 'Principal').map((g) => g.principalId)).size);
    expect(values(a.delegatedUsers.permissions)).toEqual(uniqSorted(grants.flatMap((g) => str(g.scope).split(' ').filter(Boolean))));
    expect(a.publisher?.verified).toBe((zoom.verifiedPublisher as { displayName: string }).displayName);
    expect(trips).toBe(2);
  });

  it('an app with an application permission: named from Graph\'s app roles', async () => {
    const { vm, trips } = await run('megan@contoso.com', 'Contoso Mail Archiver');
    expect(values(vm.apps[0]!.application)).toEqual(['Mail.Read']);
    expect(vm.apps[0]!.risky).toBe(1);
    expect(trips).toBe(2);
  });

  it('an app nothing was granted to still gets its answer', async () => {
    const sp = dt.tenant.data.servicePrincipals.find((s) => s.displayName === 'ServiceNow')!;
    expect(dt.tenant.data.oauth2PermissionGrants.some((g) => g.clientId === sp.id)).toBe(false);
    const { vm } = await run('megan@contoso.com', 'ServiceNow');
    expect(vm.apps).toEqual([expect.objectContaining({ clientId: sp.id, application: [], delegatedAll: [], risky: 0 })]);
  });

  it('by appId', async () => {
    const zoom = dt.tenant.data.servicePrincipals.find((s) => s.displayName === 'Zoom')!;
    const { vm } = await run('megan@contoso.com', str(zoom.appId));
    expect(vm.apps.map((a) => a.clientId)).toEqual([zoom.id]);
  });

  it('"Dropbox": no such enterprise app, "Dropbox Business" offered from the same $batch', async () => {
    const { vm, trips } = await run('megan@contoso.com', 'Dropbox');
    expect(vm.apps).toEqual([]);
    expect(vm.near.map((n) => n.name)).toContain('Dropbox Business');
    expect(trips).toBe(1);
  });
});

describe('reading the question', () => {
  it('tells a kind of access from an app name', () => {
    expect(readQuestion(undefined)).toEqual({ filter: { kind: 'all' } });
    expect(readQuestion('risky')).toMatchObject({ filter: { kind: 'risky' } });
    expect(readQuestion('mail')).toMatchObject({ filter: { kind: 'permission', label: 'mail' } });
    expect(readQuestion('sharepoint')).toMatchObject({ filter: { kind: 'permission', patterns: ['Sites.*'] } });
    expect(readQuestion('files.read.all')).toMatchObject({ filter: { kind: 'permission', patterns: ['files.read.all'] } });
    expect(readQuestion('Salesforce.com')).toEqual({ app: 'Salesforce.com' });
    expect(readQuestion('Dropbox')).toEqual({ app: 'Dropbox' });
  });

  it('knows high-impact permissions without regard to case', () => {
    expect(isRisky('Mail.Send')).toBe(true);
    expect(isRisky('files.readwrite.all')).toBe(true);
    expect(isRisky('Directory.ReadWrite.All')).toBe(true);
    expect(isRisky('User.Read')).toBe(false);
    expect(isRisky('Directory.Read.All')).toBe(false);
  });

  it('is private: consent grants go to the asker alone', () => {
    expect(capabilityFor('app.permissions')?.audience).toBe('private');
  });
});
