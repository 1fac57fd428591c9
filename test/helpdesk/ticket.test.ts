import { describe, expect, it } from 'vitest';
import type { TriageDiagnosis } from '../../src/answers/triage.ts';
import {
  applyChange,
  AUDIT_KEPT,
  hasWork,
  isRefusal,
  lastChange,
  leasedByOther,
  NOTE_MAX,
  openTicket,
  pendingNotices,
  tellsRequester,
  ticketNumber,
  workLeft,
  type Change,
  type Party,
  type Ticket,
} from '../../src/helpdesk/ticket.ts';

const now = new Date('2026-11-22T03:00:00.000Z');
const at = (min: number) => new Date(now.getTime() + min * 60_000);
const ID = '0b6f3c1e-2d4a-4f8b-9c1d-3e5f7a9b1c2d';
const lee: Party = { oid: 'lee', name: 'Lee Gu', accountId: '29:lee' };
const diego: Party = { oid: 'diego', name: 'Diego Siciliani', accountId: '29:diego' };
const isaiah: Party = { oid: 'isaiah', name: 'Isaiah Langer', accountId: '29:isaiah' };

const vm: TriageDiagnosis = {
  kind: 'diagnosis',
  asOf: now.toISOString(),
  askedBy: { oid: lee.oid },
  self: true,
  person: { id: lee.oid, name: 'Lee Gu', upn: 'lee@contoso.com' },
  target: { kind: 'sign-in' },
  findings: [{ code: 'account-disabled', synced: false, weight: 100, severity: 'blocker' }],
  facts: { enabled: false, userType: 'Member', synced: false, passwordNeverExpires: false, licenses: { readable: true, value: [] }, signIn: { readable: true, value: null }, provisioningErrors: [] },
};

const fresh = () => openTicket({ id: ID, vm, requester: lee, serviceUrl: 'https://smba.example/amer/', requesterCopy: { conversationId: 'a:1', activityId: '10' }, requesterChat: 'a:1', now });

function ok(t: Ticket, c: Change, minute = 1, version = t.version): Ticket {
  const next = applyChange(t, c, version, at(minute));
  if (isRefusal(next)) throw new Error(`refused: ${JSON.stringify(next)}`);
  return next;
}

describe('a new ticket', () => {
  it('holds the diagnosis, its requester, an audit entry, and says delivery is left to do', () => {
    const t = fresh();
    expect(t).toMatchObject({ id: ID, version: 1, status: 'open', requester: lee, subject: { id: lee.oid, self: true }, findings: vm.findings, post: { state: 'pending', attempts: 0 }, progress: { cardsVersion: 0, notified: 1 } });
    expect(t.number).toMatch(/^TD-[0-9A-F]{6}$/);
    expect(t.number).toBe(ticketNumber(ID));
    expect(t.audit).toEqual([{ at: now.toISOString(), by: lee, action: 'opened' }]);
    expect(workLeft(t, now)).toEqual({ post: true, cards: true, notices: false });
  });
});

describe('changes', () => {
  it('claim → assign → resolve (with a note) → reopen: status, assignee, version and audit follow', () => {
    let t = ok(fresh(), { kind: 'claim', by: diego });
    expect(t).toMatchObject({ status: 'assigned', assignee: diego, version: 2, updatedAt: at(1).toISOString() });
    t = ok(t, { kind: 'assign', by: diego, to: isaiah }, 2);
    expect(t).toMatchObject({ status: 'assigned', assignee: isaiah, version: 3 });
    t = ok(t, { kind: 'resolve', by: isaiah, note: '  Assigned\n an   E3 license  ' }, 3);
    expect(t).toMatchObject({ status: 'resolved', version: 4, resolution: { by: isaiah, note: 'Assigned an E3 license' } });
    t = ok(t, { kind: 'reopen', by: lee, note: 'still broken' }, 4);
    expect(t).toMatchObject({ status: 'assigned', assignee: isaiah, version: 5 });
    expect(t.resolution).toBeUndefined();
    expect(t.audit.map((e) => e.action)).toEqual(['opened', 'claimed', 'assigned', 'resolved', 'reopened']);
    expect(lastChange(t)).toMatchObject({ action: 'reopened', by: lee, note: 'still broken' });
  });

  it('reopening a ticket nobody took puts it back in the queue', () => {
    const t = ok(ok(fresh(), { kind: 'resolve', by: diego }), { kind: 'reopen', by: diego }, 2);
    expect(t.status).toBe('open');
    expect(t.assignee).toBeUndefined();
  });

  it('a click from an older card is refused with the change that happened meanwhile', () => {
    const claimed = ok(fresh(), { kind: 'claim', by: diego });
    const r = applyChange(claimed, { kind: 'claim', by: isaiah }, 1, at(2));
    expect(r).toEqual({ reason: 'stale', last: claimed.audit[1] });
    expect(applyChange(claimed, { kind: 'resolve', by: isaiah }, 1, at(2))).toMatchObject({ reason: 'stale' });
  });

  it('what is already so is "already" (a double click, a retried invoke), whatever the version', () => {
    const claimed = ok(fresh(), { kind: 'claim', by: diego });
    expect(applyChange(claimed, { kind: 'claim', by: diego }, 1, at(2))).toMatchObject({ reason: 'already', last: { action: 'claimed' } });
    expect(applyChange(claimed, { kind: 'assign', by: isaiah, to: diego }, 2, at(2))).toMatchObject({ reason: 'already' });
    expect(applyChange(claimed, { kind: 'reopen', by: diego }, 2, at(2))).toMatchObject({ reason: 'already' });
    const resolved = ok(claimed, { kind: 'resolve', by: diego }, 2);
    expect(applyChange(resolved, { kind: 'resolve', by: isaiah }, 1, at(3))).toMatchObject({ reason: 'already', last: { action: 'resolved' } });
  });

  it('a resolved ticket is not taken or assigned until it is reopened', () => {
    const resolved = ok(fresh(), { kind: 'resolve', by: diego });
    expect(applyChange(resolved, { kind: 'claim', by: isaiah }, 2, at(2))).toMatchObject({ reason: 'not-allowed' });
    expect(applyChange(resolved, { kind: 'assign', by: diego, to: isaiah }, 2, at(2))).toMatchObject({ reason: 'not-allowed' });
  });

  it('notes are capped and blank notes dropped', () => {
    expect(ok(fresh(), { kind: 'resolve', by: diego, note: 'x'.repeat(NOTE_MAX + 100) }).resolution?.note).toHaveLength(NOTE_MAX);
    expect(ok(fresh(), { kind: 'resolve', by: diego, note: '   ' }).resolution).toEqual({ by: diego, at: at(1).toISOString() });
  });

  it('the audit trail keeps the last entries and counts the ones dropped', () => {
    let t = fresh();
    for (let i = 0; i < AUDIT_KEPT + 9; i++) t = ok(t, i % 2 ? { kind: 'reopen', by: diego } : { kind: 'resolve', by: diego }, i + 1);
    expect(t.audit).toHaveLength(AUDIT_KEPT);
    expect(t.auditTrimmed).toBe(10);
    expect(t.auditTrimmed + t.audit.length).toBe(AUDIT_KEPT + 10);
  });
});

describe('what the requester hears, and what is left to deliver', () => {
  it('others’ changes and delivery trouble; not their own clicks, not a first successful post', () => {
    let t = fresh();
    const posted = { at: now.toISOString(), by: { oid: 'tenant-desk', name: 'Tenant Desk' }, action: 'posted' as const };
    expect(tellsRequester(t, posted)).toBe(false);
    t = { ...t, audit: [...t.audit, { ...posted, action: 'post-failed' as const, note: 'Teams answered 503' }] };
    expect(tellsRequester(t, t.audit[1]!)).toBe(true);
    expect(tellsRequester(t, posted)).toBe(true); // it arrived after all
    t = ok(t, { kind: 'claim', by: diego });
    const mine = ok(ok(t, { kind: 'resolve', by: diego }, 3), { kind: 'reopen', by: lee }, 4);
    expect(tellsRequester(mine, mine.audit.at(-1)!)).toBe(false);
    expect(pendingNotices(mine).map((e) => e.action)).toEqual(['post-failed', 'claimed', 'resolved']);
    expect(pendingNotices({ ...mine, progress: { ...mine.progress, notified: mine.audit.length } })).toEqual([]);
  });

  it('work left: a pending post, cards behind the version, notices not sent; a failed post only when due', () => {
    const t = ok(fresh(), { kind: 'claim', by: diego });
    expect(workLeft(t, now)).toEqual({ post: true, cards: true, notices: true });
    const done = { ...t, post: { state: 'posted' as const, attempts: 1 }, progress: { cardsVersion: t.version, notified: t.audit.length } };
    expect(hasWork(done, now)).toBe(false);
    const failed = { ...done, post: { state: 'failed' as const, attempts: 3, nextAttemptAt: at(5).toISOString() } };
    expect(workLeft(failed, now).post).toBe(false);
    expect(workLeft(failed, at(6)).post).toBe(true);
  });

  it('a lease keeps other instances out until it runs out', () => {
    const t = { ...fresh(), lease: { by: 'instance-a', until: at(1).toISOString() } };
    expect(leasedByOther(t, 'instance-b', now)).toBe(true);
    expect(leasedByOther(t, 'instance-a', now)).toBe(false);
    expect(leasedByOther(t, 'instance-b', at(2))).toBe(false);
    expect(leasedByOther(fresh(), 'instance-b', now)).toBe(false);
  });
});
