import { describe, expect, it } from 'vitest';
import { diagnose, likeliest, PASSWORD_LIKELY_EXPIRED_DAYS, type DiagnosisInput, type PersonLicense } from '../../src/helpdesk/diagnose.ts';

const now = new Date('2026-11-22T03:00:00.000Z');
const daysAgo = (d: number) => new Date(now.getTime() - d * 86_400_000).toISOString();
const minutesAgo = (m: number) => new Date(now.getTime() - m * 60_000).toISOString();

const e3: PersonLicense = {
  skuId: '05e9a617-0261-4cee-bb44-138d3ef5d965',
  name: 'Microsoft 365 E3',
  plans: ['EXCHANGE_S_ENTERPRISE', 'SHAREPOINTENTERPRISE', 'SHAREPOINTWAC', 'TEAMS1', 'OFFICESUBSCRIPTION'].map((p) => ({ skuId: 'e3', skuPartNumber: 'SPE_E3', servicePlanName: p, provisioningStatus: 'Success' })),
};
const exchangeOnly: PersonLicense = { skuId: 'x', name: 'Exchange Online (Plan 1)', plans: [{ skuId: 'x', skuPartNumber: 'EXCHANGESTANDARD', servicePlanName: 'EXCHANGE_S_STANDARD', provisioningStatus: 'Success' }] };
const ems: PersonLicense = { skuId: 'ems', name: 'EMS E3', plans: [{ skuId: 'ems', skuPartNumber: 'EMS', servicePlanName: 'EXCHANGE_S_FOUNDATION', provisioningStatus: 'Success' }] };

function input(over: Partial<DiagnosisInput> = {}): DiagnosisInput {
  return {
    now,
    target: { kind: 'sign-in' },
    user: { accountEnabled: true, userType: 'Member', onPremisesSyncEnabled: true, onPremisesLastSyncDateTime: minutesAgo(20), onPremisesProvisioningErrors: [], lastPasswordChangeDateTime: daysAgo(20), passwordPolicies: 'DisablePasswordExpiration' },
    signIn: { readable: true, value: { lastAttempt: minutesAgo(60), lastSuccess: minutesAgo(60) } },
    licenses: { readable: true, value: [e3] },
    writeback: { readable: true, value: false },
    ...over,
  };
}

const codes = (i: DiagnosisInput) => diagnose(i).findings.map((f) => f.code);

describe('the triage rules', () => {
  it('a healthy person: no finding, everything in the facts', () => {
    const d = diagnose(input());
    expect(d.findings).toEqual([]);
    expect(likeliest(d.findings)).toBeUndefined();
    expect(d.facts).toMatchObject({ enabled: true, synced: true, syncAgeMinutes: 20, passwordAgeDays: 20, passwordNeverExpires: false, licenses: { readable: true, value: ['Microsoft 365 E3'] }, writeback: { readable: true, value: false } });
  });

  it('a disabled account outranks everything else that is wrong', () => {
    const i = input({
      user: { ...input().user, accountEnabled: false, lastPasswordChangeDateTime: daysAgo(400), onPremisesLastSyncDateTime: minutesAgo(3000), onPremisesProvisioningErrors: [{ category: 'PropertyConflict', propertyCausingError: 'ProxyAddress', value: 'smtp:a@b.c' }] },
      target: { kind: 'workload', workload: 'sharepoint', asked: 'SharePoint' },
      licenses: { readable: true, value: [exchangeOnly] },
    });
    expect(codes(i)).toEqual(['account-disabled', 'no-license', 'provisioning-error', 'password-on-premises', 'sync-stale']);
    expect(likeliest(diagnose(i).findings)?.severity).toBe('blocker');
  });

  it('licenses: a workload plan that works, one switched off, one still provisioning, none at all', () => {
    const sp = { target: { kind: 'workload', workload: 'sharepoint', asked: 'SharePoint' } } as const;
    expect(codes(input(sp))).toEqual([]);
    const off: PersonLicense = { ...e3, plans: e3.plans.map((p) => (p.servicePlanName === 'SHAREPOINTENTERPRISE' ? { ...p, provisioningStatus: 'Disabled' } : p)) };
    expect(diagnose(input({ ...sp, licenses: { readable: true, value: [off] } })).findings[0]).toMatchObject({ code: 'plan-disabled', plan: 'SHAREPOINTENTERPRISE', license: 'Microsoft 365 E3' });
    const pending: PersonLicense = { ...e3, plans: e3.plans.map((p) => (p.servicePlanName === 'SHAREPOINTENTERPRISE' ? { ...p, provisioningStatus: 'PendingProvisioning' } : p)) };
    expect(diagnose(input({ ...sp, licenses: { readable: true, value: [pending] } })).findings[0]).toMatchObject({ code: 'plan-pending', status: 'PendingProvisioning' });
    const none = diagnose(input({ ...sp, licenses: { readable: true, value: [exchangeOnly] }, available: [{ skuId: 'e3', name: 'Microsoft 365 E3', free: 24 }] }));
    expect(none.findings[0]).toMatchObject({ code: 'no-license', workload: 'sharepoint', held: ['Exchange Online (Plan 1)'], available: [{ name: 'Microsoft 365 E3', free: 24 }] });
    expect(none.facts.workload).toEqual({ id: 'sharepoint', covered: false });
  });

  it('a side plan does not count: EXCHANGE_S_FOUNDATION is no mailbox, SHAREPOINTWAC no SharePoint site', () => {
    expect(codes(input({ target: { kind: 'workload', workload: 'exchange', asked: 'Outlook' }, licenses: { readable: true, value: [ems] } }))).toEqual(['no-license']);
    const wacOnly: PersonLicense = { ...e3, plans: e3.plans.filter((p) => p.servicePlanName === 'SHAREPOINTWAC') };
    expect(codes(input({ target: { kind: 'workload', workload: 'sharepoint', asked: 'SharePoint' }, licenses: { readable: true, value: [wacOnly] } }))).toEqual(['no-license']);
  });

  it('licenses that cannot be read: coverage unknown, no license finding', () => {
    const d = diagnose(input({ target: { kind: 'workload', workload: 'teams', asked: 'Teams' }, licenses: { readable: false, reason: 'denied', what: 'licenses', roles: ['Directory Readers'] } }));
    expect(d.findings).toEqual([]);
    expect(d.facts.workload).toEqual({ id: 'teams', covered: 'unknown' });
  });

  it('apps: turned off, assignment required and not assigned, assigned, not found, assignment unknown', () => {
    const app = { id: 'sp', appId: 'a', name: 'Salesforce', assignmentRequired: true, enabled: true };
    const target = { kind: 'app', asked: 'Salesforce' } as const;
    expect(codes(input({ target, app: { found: app, near: [], assigned: { readable: true, value: false } } }))).toEqual(['app-not-assigned']);
    expect(codes(input({ target, app: { found: app, near: [], assigned: { readable: true, value: true } } }))).toEqual([]);
    expect(codes(input({ target, app: { found: { ...app, enabled: false }, near: [], assigned: { readable: true, value: true } } }))).toEqual(['app-disabled']);
    expect(codes(input({ target, app: { found: { ...app, assignmentRequired: false }, near: [] } }))).toEqual([]);
    expect(codes(input({ target, app: { found: app, near: [], assigned: { readable: false, reason: 'denied', what: 'x', roles: [] } } }))).toEqual([]);
    expect(diagnose(input({ target, app: { near: ['Salesforce Sandbox'] } })).findings).toEqual([expect.objectContaining({ code: 'app-not-found', asked: 'Salesforce', near: ['Salesforce Sandbox'], severity: 'info' })]);
  });

  it('passwords: synced and old → change on-premises (with writeback as read, or unknown); cloud-only and old unless it never expires', () => {
    const old = daysAgo(PASSWORD_LIKELY_EXPIRED_DAYS + 44);
    const synced = diagnose(input({ user: { ...input().user, lastPasswordChangeDateTime: old } }));
    expect(synced.findings[0]).toMatchObject({ code: 'password-on-premises', ageDays: PASSWORD_LIKELY_EXPIRED_DAYS + 44, writeback: { readable: true, value: false } });
    const unknown = diagnose(input({ user: { ...input().user, lastPasswordChangeDateTime: old }, writeback: { readable: false, reason: 'denied', what: 'sync', roles: ['Global Administrator'] } }));
    expect(unknown.findings[0]).toMatchObject({ code: 'password-on-premises', writeback: { readable: false, roles: ['Global Administrator'] } });
    const cloud = { ...input().user, onPremisesSyncEnabled: null, onPremisesLastSyncDateTime: null, lastPasswordChangeDateTime: old, passwordPolicies: null };
    expect(codes(input({ user: cloud }))).toEqual(['password-old']);
    expect(codes(input({ user: { ...cloud, passwordPolicies: 'DisablePasswordExpiration' } }))).toEqual([]);
    expect(diagnose(input({ user: { ...cloud, passwordPolicies: 'DisableStrongPassword, DisablePasswordExpiration' } })).facts.passwordNeverExpires).toBe(true);
    expect(codes(input({ user: { ...input().user, lastPasswordChangeDateTime: daysAgo(PASSWORD_LIKELY_EXPIRED_DAYS - 1) } }))).toEqual([]);
  });

  it('sign-ins: a last attempt after the last success is a failing sign-in; none recorded is not', () => {
    expect(codes(input({ signIn: { readable: true, value: { lastAttempt: minutesAgo(5), lastSuccess: minutesAgo(600) } } }))).toEqual(['last-sign-in-failed']);
    expect(codes(input({ signIn: { readable: true, value: { lastAttempt: minutesAgo(5) } } }))).toEqual(['last-sign-in-failed']);
    expect(codes(input({ signIn: { readable: true, value: null } }))).toEqual([]);
    expect(codes(input({ signIn: { readable: false, reason: 'denied', what: 'sign-in activity', roles: [] } }))).toEqual([]);
  });

  it('guests who never accepted; members with no license at all; stale sync only for synced people', () => {
    expect(codes(input({ user: { ...input().user, userType: 'Guest', externalUserState: 'PendingAcceptance', onPremisesSyncEnabled: null }, licenses: { readable: true, value: [] } }))).toEqual(['guest-pending']);
    expect(codes(input({ licenses: { readable: true, value: [] } }))).toEqual(['no-licenses']);
    expect(codes(input({ user: { ...input().user, onPremisesLastSyncDateTime: minutesAgo(25 * 60) } }))).toEqual(['sync-stale']);
    expect(codes(input({ user: { ...input().user, onPremisesSyncEnabled: null, onPremisesLastSyncDateTime: minutesAgo(25 * 60) } }))).toEqual([]);
  });

  it('writeback is a fact only for synced people', () => {
    expect(diagnose(input({ user: { ...input().user, onPremisesSyncEnabled: false } })).facts.writeback).toBeUndefined();
  });
});
