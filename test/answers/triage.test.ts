import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDevTenant, type DevTenant } from '../../devtenant/index.ts';
import { triage, type Triage, type TriageDiagnosis } from '../../src/answers/triage.ts';
import { PASSWORD_LIKELY_EXPIRED_DAYS } from '../../src/helpdesk/diagnose.ts';
import { WORKLOADS } from '../../src/helpdesk/workloads.ts';
import { friendlySkuName } from '../../src/knowledge/skus.ts';
import { actAs } from '../support/graph-as.ts';
import { ask, lower, roundTrips, str, user, users } from './facts.ts';

let dt: DevTenant;
beforeAll(async () => {
  dt = await startDevTenant({ tenant: 'contoso', keysDir: false });
});
afterAll(async () => dt?.close());

function diagnosis(vm: Triage): TriageDiagnosis {
  if (vm.kind !== 'diagnosis') throw new Error(`expected a diagnosis, got ${vm.kind}: ${JSON.stringify(vm).slice(0, 300)}`);
  return vm;
}

async function run(asker: string, entities: { user?: string; app?: string }) {
  const p = (await actAs(dt, asker)).fresh();
  const mark = dt.log.mark();
  const vm = await triage(ask('triage', entities), p);
  return { vm, trips: roundTrips(dt, mark), stats: p.graph.stats };
}

const codes = (vm: TriageDiagnosis) => vm.findings.map((f) => f.code);
const daysSince = (iso: unknown) => Math.floor((Date.now() - Date.parse(str(iso))) / 86_400_000);

describe('triage: the six situations of the sample tenant, likeliest cause first', () => {
  it('Grady: the account is disabled (and synced, so it is re-enabled on-premises)', async () => {
    const grady = user(dt, 'grady@contoso.com');
    expect(grady.accountEnabled).toBe(false);
    const { vm, trips } = await run('patti@contoso.com', { user: 'grady@contoso.com' });
    const d = diagnosis(vm);
    expect(d.findings[0]).toMatchObject({ code: 'account-disabled', synced: grady.onPremisesSyncEnabled === true, severity: 'blocker' });
    expect(d.facts.enabled).toBe(false);
    expect(trips).toBe(1);
  });

  it('Lynne: synced, password older than policies allow, writeback off (read as a Global Administrator)', async () => {
    const lynne = user(dt, 'lynne@contoso.com');
    const age = daysSince(lynne.lastPasswordChangeDateTime);
    expect(age).toBeGreaterThanOrEqual(PASSWORD_LIKELY_EXPIRED_DAYS);
    const writeback = (dt.tenant.data.onPremisesSynchronization[0]!.features as { passwordWritebackEnabled: boolean }).passwordWritebackEnabled;
    const d = diagnosis((await run('patti@contoso.com', { user: 'lynne@contoso.com' })).vm);
    expect(d.findings[0]).toMatchObject({ code: 'password-on-premises', ageDays: age, writeback: { readable: true, value: writeback } });
    expect(d.facts.synced).toBe(true);
  });

  it('Lee and SharePoint: no license covers it; licenses with free seats that do are offered', async () => {
    const lee = user(dt, 'lee@contoso.com');
    const { vm, trips } = await run('diego@contoso.com', { user: 'Lee Gu', app: 'SharePoint' });
    const d = diagnosis(vm);
    expect(trips).toBe(2); // a display name: the checks need the id the lookup returns
    const held = (lee.assignedLicenses as { skuId: string }[]).map((a) => {
      const sku = dt.tenant.data.subscribedSkus.find((s) => lower(s.skuId) === a.skuId.toLowerCase())!;
      return friendlySkuName(str(sku.skuPartNumber), a.skuId);
    });
    const re = WORKLOADS.sharepoint.plans;
    const offered = dt.tenant.data.subscribedSkus
      .filter((s) => s.capabilityStatus === 'Enabled' && (s.servicePlans as { servicePlanName: string }[]).some((p) => re.test(p.servicePlanName)))
      .map((s) => ({ name: friendlySkuName(str(s.skuPartNumber), str(s.skuId)), free: (s.prepaidUnits as { enabled: number }).enabled - Number(s.consumedUnits) }))
      .filter((s) => s.free > 0)
      .sort((a, b) => b.free - a.free)
      .slice(0, 3);
    expect(d.findings[0]).toMatchObject({ code: 'no-license', workload: 'sharepoint', held });
    expect((d.findings[0] as { available: { name: string; free: number }[] }).available.map(({ name, free }) => ({ name, free }))).toEqual(offered);
    expect(d.facts.workload).toEqual({ id: 'sharepoint', covered: false });
  });

  it('Johanna and Salesforce: assignment required, and she is not assigned', async () => {
    const sf = dt.tenant.data.servicePrincipals.find((s) => s.displayName === 'Salesforce')!;
    expect(sf.appRoleAssignmentRequired).toBe(true);
    const johanna = user(dt, 'johanna@contoso.com');
    expect(dt.tenant.data.appRoleAssignments.some((a) => a.resourceId === sf.id && a.principalId === johanna.id)).toBe(false);
    const { vm, trips } = await run('diego@contoso.com', { user: 'johanna@contoso.com', app: 'Salesforce' });
    const d = diagnosis(vm);
    expect(d.findings[0]).toMatchObject({ code: 'app-not-assigned', app: { id: sf.id, name: 'Salesforce', assignmentRequired: true } });
    expect(d.facts.app?.assigned).toEqual({ readable: true, value: false });
    expect(trips).toBe(1);
  });

  it('Christie and Salesforce: assigned directly, so no cause is found', async () => {
    const d = diagnosis((await run('patti@contoso.com', { user: 'christie@contoso.com', app: 'Salesforce' })).vm);
    expect(d.facts.app?.assigned).toEqual({ readable: true, value: true });
    expect(codes(d)).not.toContain('app-not-assigned');
  });

  it('Nestor: a provisioning error, with its property and value', async () => {
    const errors = user(dt, 'nestor@contoso.com').onPremisesProvisioningErrors as { propertyCausingError: string; value: string }[];
    expect(errors.length).toBeGreaterThan(0);
    const d = diagnosis((await run('diego@contoso.com', { user: 'nestor@contoso.com' })).vm);
    expect(d.findings[0]).toMatchObject({ code: 'provisioning-error', errors: errors.map((e) => expect.objectContaining({ property: e.propertyCausingError, value: e.value })) });
  });

  it('Adele: healthy — nothing found, and everything checked is in the facts', async () => {
    const d = diagnosis((await run('patti@contoso.com', { user: 'adele@contoso.com', app: 'Outlook' })).vm);
    expect(d.findings).toEqual([]);
    expect(d.facts).toMatchObject({ enabled: true, workload: { id: 'exchange', covered: true }, signIn: { readable: true } });
  });
});

describe('triage: who is diagnosed and what the asker may read', () => {
  it('no person named means the asker, in one round trip', async () => {
    const { vm, trips, stats } = await run('lynne@contoso.com', { app: 'Outlook' });
    const d = diagnosis(vm);
    expect(d.self).toBe(true);
    expect(d.person.id).toBe(user(dt, 'lynne@contoso.com').id);
    expect(d.askedBy.oid).toBe(user(dt, 'lynne@contoso.com').id);
    expect(trips).toBe(1);
    expect(stats.roundTrips).toBe(1);
    // Not a Global Administrator: the sync settings are not readable, and the finding says so.
    expect(d.findings[0]).toMatchObject({ code: 'password-on-premises', writeback: { readable: false, reason: 'denied', roles: ['Global Administrator'] } });
  });

  it('a helpdesk agent without a reporting role: sign-in activity is "could not check", the rest is there', async () => {
    const d = diagnosis((await run('diego@contoso.com', { user: 'lynne@contoso.com' })).vm);
    expect(d.facts.signIn).toMatchObject({ readable: false, reason: 'denied' });
    if (!d.facts.signIn.readable) expect(d.facts.signIn.roles).toContain('Reports Reader');
    expect(d.facts.licenses.readable).toBe(true);
  });

  it('a plain member diagnosing someone else: licenses need a directory role, the card is told why', async () => {
    const d = diagnosis((await run('adele@contoso.com', { user: 'lee@contoso.com', app: 'SharePoint' })).vm);
    expect(d.facts.licenses).toMatchObject({ readable: false, reason: 'denied' });
    expect(d.facts.workload).toEqual({ id: 'sharepoint', covered: 'unknown' });
    expect(codes(d)).not.toContain('no-license');
  });

  it('someone who may not read other people at all: Graph refuses, and the answer fails with its error', async () => {
    const p = (await actAs(dt, 'alex@contoso.com')).fresh();
    await expect(triage(ask('triage', { user: 'grady@contoso.com' }), p)).rejects.toMatchObject({ status: 403 });
  });

  it('a name that matches several people asks which one, keeping the app for the choice', async () => {
    const vm = (await run('diego@contoso.com', { user: 'Lee', app: 'SharePoint' })).vm;
    expect(vm.kind).toBe('choose');
    if (vm.kind !== 'choose') return;
    const expected = users(dt).filter((x) => /^lee\b/i.test(str(x.givenName)) || /^lee\b/i.test(str(x.surname)) || /^lee/i.test(str(x.displayName)) || /^lee/i.test(str(x.userPrincipalName)));
    expect(vm.candidates.map((c) => c.id).sort()).toEqual(expected.map((x) => x.id).sort());
    expect(vm.app).toBe('SharePoint');
  });

  it('no one by that name: not found, with near matches', async () => {
    const vm = (await run('diego@contoso.com', { user: 'Zxqwv Nobody' })).vm;
    expect(vm.kind).toBe('notFound');
  });

  it('an app that is not in the tenant: a finding that says so, with similar names', async () => {
    const d = diagnosis((await run('patti@contoso.com', { user: 'adele@contoso.com', app: 'Salesfarce' })).vm);
    const near = dt.tenant.data.servicePrincipals.filter((s) => lower(s.displayName).startsWith('sal')).map((s) => str(s.displayName));
    expect(d.findings.find((f) => f.code === 'app-not-found')).toMatchObject({ asked: 'Salesfarce', near: expect.arrayContaining(near.slice(0, 5)) });
  });

  it('an app named by its appId', async () => {
    const sf = dt.tenant.data.servicePrincipals.find((s) => s.displayName === 'Salesforce')!;
    const d = diagnosis((await run('patti@contoso.com', { user: 'johanna@contoso.com', app: str(sf.appId) })).vm);
    expect(d.findings[0]).toMatchObject({ code: 'app-not-assigned', app: { appId: sf.appId } });
  });

  it('hostile text reaches Graph only as escaped literals', async () => {
    const { vm } = await run('patti@contoso.com', { user: "O'Brien ) or (1 eq 1", app: "x' or displayName eq 'y" });
    expect(['notFound', 'choose']).toContain(vm.kind);
  });
});
