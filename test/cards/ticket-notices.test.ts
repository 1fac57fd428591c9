import { describe, expect, it } from 'vitest';
import type { TriageDiagnosis } from '../../src/answers/triage.ts';
import { renderEscalationProblem, renderHelpdeskChannelRefused, renderHelpdeskChannelSet, renderTicketNotice } from '../../src/cards/ticket-notices.ts';
import { openTicket, type AuditAction, type Party } from '../../src/helpdesk/ticket.ts';
import { checkCard, HOSTILE, HOSTILE_NAMES, showsEscaped } from './support.ts';

const now = new Date('2026-11-22T03:00:00.000Z');
const lee: Party = { oid: 'f4c7afec-3bca-4a33-b59a-6a54e95a7b27', name: 'Lee Gu', accountId: '29:lee' };

function ticket(name: string) {
  const vm: TriageDiagnosis = {
    kind: 'diagnosis',
    asOf: now.toISOString(),
    askedBy: { oid: lee.oid },
    self: true,
    person: { id: lee.oid, name, upn: 'lee@contoso.com' },
    target: { kind: 'app', asked: name },
    findings: [],
    facts: { enabled: true, userType: 'Member', synced: false, passwordNeverExpires: false, licenses: { readable: true, value: [] }, signIn: { readable: true, value: null }, provisioningErrors: [] },
  };
  return openTicket({ id: '0b6f3c1e-2d4a-4f8b-9c1d-3e5f7a9b1c2d', vm, requester: lee, serviceUrl: 'https://smba.example/amer/', now });
}

const LINES: Record<Exclude<AuditAction, 'opened'>, RegExp> = {
  claimed: /is now working on it/,
  assigned: /assigned it to/,
  resolved: /resolved it\. Their note: “/,
  reopened: /reopened it/,
  posted: /reached the helpdesk channel/,
  'post-failed': /I saved it, but I could not post it/,
};

describe('the requester’s notices', () => {
  it('one line per kind of change, with the ticket number and its problem', () => {
    for (const [action, line] of Object.entries(LINES)) {
      const r = renderTicketNotice(ticket('Lee Gu'), { at: now.toISOString(), by: { oid: 'x', name: 'Diego Siciliani' }, action: action as AuditAction, to: { oid: 'y', name: 'Isaiah Langer' }, note: 'a note' });
      checkCard(r);
      expect(JSON.stringify(r.card.body)).toMatch(line);
      expect(r.text).toMatch(/^Your ticket TD-[0-9A-F]{6}: /);
    }
  });

  it('hostile names and notes stay literal', () => {
    for (const name of HOSTILE_NAMES) {
      const r = renderTicketNotice(ticket(name), { at: now.toISOString(), by: { oid: 'x', name }, action: 'resolved', note: `${name} ${HOSTILE.markdown}` });
      checkCard(r);
      expect(showsEscaped(r)).toBe(true);
    }
  });
});

describe('helpdesk channel and escalation answers', () => {
  it('set, with the waiting tickets', () => {
    const r = renderHelpdeskChannelSet({ channel: HOSTILE.markdown, team: 'Helpdesk', waiting: 3 });
    checkCard(r);
    expect(showsEscaped(r)).toBe(true);
    expect(JSON.stringify(r.card.body)).toMatch(/3 waiting tickets will be posted here now/);
  });

  it('refusals and escalation problems', () => {
    for (const kind of ['not-admin', 'not-channel', 'configured'] as const) checkCard(renderHelpdeskChannelRefused({ kind }));
    expect(renderHelpdeskChannelRefused({ kind: 'not-admin' }).text).toMatch(/Entra admin role/);
    for (const p of ['expired', 'not-yours', 'not-a-diagnosis'] as const) checkCard(renderEscalationProblem(p));
  });
});
