import { describe, expect, it } from 'vitest';
import type { TriageDiagnosis, TriageChoice } from '../../src/answers/triage.ts';
import { describeFinding, ESCALATE_VERB, renderTriage, unescape } from '../../src/cards/triage.ts';
import type { Ranked, TriageFacts } from '../../src/helpdesk/findings.ts';
import { actions, checkCard, HOSTILE, HOSTILE_NAMES, showsEscaped } from './support.ts';

const asOf = '2026-11-22T03:00:00.000Z';
const hoursAgo = (h: number) => new Date(Date.parse(asOf) - h * 3_600_000).toISOString();

const facts = (over: Partial<TriageFacts> = {}): TriageFacts => ({
  enabled: true,
  userType: 'Member',
  synced: true,
  lastSync: hoursAgo(0.3),
  syncAgeMinutes: 20,
  passwordChanged: hoursAgo(24 * 134),
  passwordAgeDays: 134,
  passwordNeverExpires: false,
  writeback: { readable: false, reason: 'denied', what: 'the directory sync configuration', roles: ['Global Administrator'] },
  licenses: { readable: true, value: ['Microsoft 365 E3'] },
  signIn: { readable: false, reason: 'denied', what: 'sign-in activity', roles: ['Global Reader', 'Reports Reader'] },
  provisioningErrors: [],
  ...over,
});

const finding = (f: Record<string, unknown>, weight = 80, severity: Ranked['severity'] = 'problem') => ({ ...f, weight, severity }) as Ranked;

const vm = (over: Partial<TriageDiagnosis> = {}): TriageDiagnosis => ({
  kind: 'diagnosis',
  asOf,
  askedBy: { oid: 'a1', name: 'Patti' },
  self: false,
  person: { id: '9f7c2c65-cae3-43fa-9304-4ec4513e465a', name: 'Lynne Robbins', upn: 'lynne@contoso.com' },
  target: { kind: 'sign-in' },
  findings: [finding({ code: 'password-on-premises', ageDays: 134, writeback: { readable: true, value: false } })],
  facts: facts(),
  ...over,
});

const EVERY: Ranked[] = [
  finding({ code: 'account-disabled', synced: true }, 100, 'blocker'),
  finding({ code: 'app-disabled', app: { id: 'x', appId: 'y', name: HOSTILE.markdown, assignmentRequired: true, enabled: false } }, 97, 'blocker'),
  finding({ code: 'app-not-assigned', app: { id: 'x', appId: 'y', name: HOSTILE.link, assignmentRequired: true, enabled: true } }, 95),
  finding({ code: 'guest-pending' }, 93, 'blocker'),
  finding({ code: 'no-license', workload: 'sharepoint', held: [HOSTILE.mention], available: [{ skuId: 's', name: HOSTILE.quotes, free: 3 }] }, 92),
  finding({ code: 'plan-disabled', workload: 'teams', plan: 'TEAMS1', license: HOSTILE.emoji }, 91),
  finding({ code: 'plan-pending', workload: 'exchange', plan: 'EXCHANGE_S_ENTERPRISE', license: 'E3', status: 'PendingProvisioning' }, 70, 'warning'),
  finding({ code: 'provisioning-error', errors: [{ category: 'PropertyConflict', property: 'ProxyAddress', value: `smtp:${HOSTILE.markdown}`, occurred: hoursAgo(48) }, { category: 'PropertyConflict', property: 'UserPrincipalName', value: 'x' }] }, 85),
  finding({ code: 'password-on-premises', ageDays: 134, writeback: { readable: true, value: true } }),
  finding({ code: 'password-old', ageDays: 200 }, 55, 'warning'),
  finding({ code: 'last-sign-in-failed', lastAttempt: hoursAgo(1), lastSuccess: hoursAgo(30) }, 75),
  finding({ code: 'sync-stale', ageMinutes: 3000 }, 60, 'warning'),
  finding({ code: 'no-licenses' }, 45, 'warning'),
  finding({ code: 'app-not-found', asked: HOSTILE.rtl, near: [HOSTILE.markdown, 'Salesforce'] }, 30, 'info'),
];

describe('the triage card', () => {
  it('puts the likeliest cause first, with its next step, and offers escalation', () => {
    const r = renderTriage(vm(), { page: 0, answerId: '6c1b1f0e-8f3a-4d7e-9a53-0d1f9b8e1a11' });
    checkCard(r);
    const body = JSON.stringify(r.card.body);
    expect(body.indexOf('Likeliest cause: Password probably expired on-premises')).toBeGreaterThan(0);
    expect(body).toMatch(/Password writeback is off/);
    expect(body).toMatch(/Next step/);
    const escalate = actions(r).find((a) => a.verb === ESCALATE_VERB);
    expect(escalate?.data).toEqual({ triageId: '6c1b1f0e-8f3a-4d7e-9a53-0d1f9b8e1a11' });
    expect(r.text).toMatch(/^Why Lynne Robbins can’t sign in: Likeliest cause: Password probably expired on-premises/);
    expect(JSON.stringify(renderTriage(vm({ self: true }), { page: 0 }).card.body)).toMatch(/Why you can’t sign in/);
  });

  it('without a stored answer (the CLI) there is no escalation button', () => {
    const r = renderTriage(vm(), { page: 0 });
    expect(actions(r).some((a) => a.verb === ESCALATE_VERB)).toBe(false);
  });

  it('healthy: no problem found, and the checks', () => {
    const r = renderTriage(vm({ findings: [] }), { page: 0, answerId: '6c1b1f0e-8f3a-4d7e-9a53-0d1f9b8e1a11' });
    checkCard(r);
    expect(JSON.stringify(r.card)).toMatch(/No problem found/);
    expect(JSON.stringify(r.card)).toMatch(/What I checked/);
  });

  it('says what could not be checked and who could', () => {
    const r = renderTriage(vm(), { page: 0 });
    const body = JSON.stringify(r.card.body);
    expect(body).toMatch(/Sign-in activity","value":"could not check: needs Global Reader, Reports Reader/);
    expect(body).toMatch(/Password writeback","value":"could not check: needs Global Administrator/);
  });

  it('words every finding for someone else and for the asker, escaping names from Graph', () => {
    for (const self of [false, true]) {
      const r = renderTriage(vm({ self, person: { id: 'x', name: HOSTILE.markdown, upn: HOSTILE.link }, findings: EVERY, target: { kind: 'app', asked: HOSTILE.mention } }), { page: 0, answerId: '6c1b1f0e-8f3a-4d7e-9a53-0d1f9b8e1a11' });
      checkCard(r);
      expect(showsEscaped(r)).toBe(true);
      for (const f of EVERY) {
        const w = describeFinding(f, { name: HOSTILE.markdown, self }, asOf);
        expect(w.title.length).toBeGreaterThan(3);
        expect(w.explain.length).toBeGreaterThan(10);
        expect(w.next.length).toBeGreaterThan(10);
      }
    }
  });

  it('"you" wording when the asker is the person', () => {
    const w = describeFinding(finding({ code: 'account-disabled', synced: false }, 100, 'blocker'), { name: 'Grady Archie', self: true }, asOf);
    expect(w.explain).toBe('Your account is disabled, so Microsoft Entra ID refuses every sign-in.');
    expect(w.next).toMatch(/Entra admin center/);
  });

  it('hostile names in every field stay literal, and the card stays within 28 KB', () => {
    for (const name of HOSTILE_NAMES) {
      const r = renderTriage(
        vm({
          person: { id: 'x', name, upn: name },
          findings: EVERY,
          facts: facts({ licenses: { readable: true, value: Array.from({ length: 40 }, () => name) }, app: { asked: name, near: [name], found: { id: 'x', appId: 'y', name, assignmentRequired: true, enabled: true }, assigned: { readable: true, value: false } } }),
        }),
        { page: 0, answerId: '6c1b1f0e-8f3a-4d7e-9a53-0d1f9b8e1a11' },
      );
      checkCard(r);
    }
  });

  it('which one? keeps the app, so choosing asks the same question about that person', () => {
    const choice: TriageChoice = {
      kind: 'choose',
      asOf,
      intent: 'triage',
      query: 'Lee',
      candidates: [
        { id: '1', name: 'Lee Gu', upn: 'lee@contoso.com', guest: false },
        { id: '2', name: HOSTILE.markdown, upn: 'larissa.lee@contoso.com', guest: false },
      ],
      more: false,
      app: 'SharePoint',
    };
    const r = renderTriage(choice, { page: 0 });
    checkCard(r);
    const chooses = actions(r).filter((a) => a.verb === 'choose');
    expect(chooses.map((a) => a.data)).toEqual([
      expect.objectContaining({ intent: 'triage', entities: { user: 'lee@contoso.com', app: 'SharePoint' } }),
      expect.objectContaining({ intent: 'triage', entities: { user: 'larissa.lee@contoso.com', app: 'SharePoint' } }),
    ]);
    const none = renderTriage({ kind: 'notFound', asOf, intent: 'triage', query: HOSTILE.link, suggestions: [] }, { page: 0 });
    checkCard(none);
  });

  it('unescape turns card wording back into plain text for fallbacks', () => {
    expect(unescape('**Bold** a\\*b\\* c\\.d')).toBe('Bold a*b* c.d');
  });
});
