// The helpdesk's card buttons (Action.Execute → adaptiveCard/action invoke, answered within Teams'
// five seconds): Escalate on a triage card, and on a ticket card Assign to me, Assign to …,
// Resolve, Reopen and the automatic refresh. Card data is never trusted: a button carries a ticket
// id and the version it was drawn from, and everything else is read from storage and Teams. Each
// change is one eTag-checked write; its delivery (channel card, requester's copy, 1:1 notice)
// follows in the background and is finished by the reconciler if this process dies.
import type { InvokeResponse, Storage, TurnContext } from 'botbuilder';
import type { TriageDiagnosis } from '../answers/triage.ts';
import { invokeError, invokeOk, type VerbHandler } from '../app/card-actions.ts';
import { conversationTypeOf } from '../app/delivery.ts';
import { loadSnapshot } from '../app/snapshots.ts';
import { ESCALATE_VERB } from '../cards/triage.ts';
import { renderEscalationProblem } from '../cards/ticket-notices.ts';
import { TICKET_VERBS, type Banner, type Viewer } from '../cards/ticket.ts';
import type { Logger } from '../log.ts';
import type { HelpdeskTeam } from './channel.ts';
import { LEASE_MS, type TicketDelivery } from './delivery.ts';
import type { TicketStore } from './ticket-store.ts';
import { applyChange, isRefusal, leasedByOther, openTicket, type Change, type Party, type Refusal, type Ticket } from './ticket.ts';

export interface ActionDeps {
  storage: Storage;
  store: TicketStore;
  team: HelpdeskTeam;
  delivery: TicketDelivery;
  /** Delivers a ticket in the background (the reconciler's). */
  deliver: (id: string) => void;
  instance: string;
  log: Logger;
  now?: () => Date;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const NOTE_INPUT_MAX = 2000;

function party(context: TurnContext): Party | undefined {
  const f = context.activity.from;
  if (!f?.aadObjectId) return undefined;
  return { oid: f.aadObjectId, name: f.name || 'Someone', ...(f.id ? { accountId: f.id } : {}) };
}

function ticketRef(data: Record<string, unknown>): { id: string; version: number } | undefined {
  const id = data.ticketId;
  const version = data.version;
  if (typeof id !== 'string' || !UUID.test(id)) return undefined;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1 || version > 1_000_000) return undefined;
  return { id: id.toLowerCase(), version };
}

function note(data: Record<string, unknown>): string | undefined | false {
  const n = data.note;
  if (n === undefined || n === null || n === '') return undefined;
  if (typeof n !== 'string' || n.length > NOTE_INPUT_MAX) return false;
  return n;
}

const bannerOf = (r: Refusal): Banner => (r.reason === 'not-allowed' ? { kind: 'not-allowed', message: r.message } : r.reason === 'stale' ? { kind: 'stale', ...(r.last ? { last: r.last } : {}) } : { kind: 'already', ...(r.last ? { last: r.last } : {}) });

export function helpdeskVerbs(d: ActionDeps): Record<string, VerbHandler> {
  const now = d.now ?? (() => new Date());

  /** Who is looking: an agent of the helpdesk team, the requester, or someone else. */
  async function viewerOf(context: TurnContext, t: Ticket, who: Party): Promise<Viewer> {
    try {
      if (await d.team.isAgent(context.activity.serviceUrl, who.accountId)) return 'agent';
    } catch (err) {
      d.log.warn('helpdesk.agent_check_failed', { err });
    }
    return t.requester.oid === who.oid ? 'requester' : 'other';
  }

  async function show(t: Ticket, viewer: Viewer, who: Party | undefined, banner?: Banner): Promise<InvokeResponse> {
    return invokeOk((await d.delivery.view(t, viewer, who?.oid, banner)).card);
  }

  const escalate: VerbHandler = async (context, data) => {
    const who = party(context);
    const triageId = data.triageId;
    if (!who) return invokeError(400, 'BadRequest', 'Teams did not say who you are.');
    if (typeof triageId !== 'string' || !UUID.test(triageId)) return invokeError(400, 'BadRequest', 'This escalation link is not valid.');
    const id = triageId.toLowerCase();
    const existing = await d.store.get(id);
    if (existing) return show(existing, existing.requester.oid === who.oid ? 'requester' : await viewerOf(context, existing, who), who, { kind: 'already', ...(existing.audit[0] ? { last: existing.audit[0] } : {}) });
    const snapshot = await loadSnapshot(d.storage, id, now().getTime());
    if (!snapshot) return invokeOk(renderEscalationProblem('expired').card);
    const vm = snapshot.vm as TriageDiagnosis;
    if (snapshot.intent !== 'triage' || vm?.kind !== 'diagnosis') return invokeOk(renderEscalationProblem('not-a-diagnosis').card);
    if (vm.askedBy.oid !== who.oid) return invokeOk(renderEscalationProblem('not-yours').card);
    const a = context.activity;
    const ticket = openTicket({
      id,
      vm,
      requester: who,
      serviceUrl: a.serviceUrl,
      ...(a.replyToId ? { requesterCopy: { conversationId: a.conversation.id, activityId: a.replyToId } } : {}),
      ...(conversationTypeOf(a) === 'personal' ? { requesterChat: a.conversation.id } : {}),
      now: now(),
    });
    // Written before anything is posted: from here on the ticket cannot be lost.
    const created = await d.store.create({ ...ticket, lease: { by: d.instance, until: new Date(now().getTime() + LEASE_MS).toISOString() } });
    if (!created) {
      const raced = await d.store.get(id);
      if (raced) return show(raced, 'requester', who, { kind: 'already' });
    }
    d.log.info('helpdesk.ticket_opened', { ticket: id, number: ticket.number, findings: ticket.findings.map((f) => f.code) });
    d.deliver(id);
    return show(ticket, 'requester', who, { kind: 'done', message: `Ticket ${ticket.number} is open. I am sending it to the helpdesk, and I will tell you here when someone picks it up.` });
  };

  /** Runs a change from an agent (or the requester, for Reopen) and answers with the viewer's card. */
  async function change(context: TurnContext, data: Record<string, unknown>, make: (who: Party, t: Ticket) => Promise<Change | Refusal>, agentsOnly: boolean): Promise<InvokeResponse> {
    const who = party(context);
    const ref = ticketRef(data);
    if (!who) return invokeError(400, 'BadRequest', 'Teams did not say who you are.');
    if (!ref) return invokeError(400, 'BadRequest', 'This ticket button is not valid.');
    const t = await d.store.get(ref.id);
    if (!t) return invokeError(404, 'NotFound', 'This ticket does not exist (any more).');
    const viewer = await viewerOf(context, t, who);
    if (agentsOnly ? viewer !== 'agent' : viewer === 'other') {
      return show(t, viewer, who, { kind: 'not-allowed', message: agentsOnly ? 'Only the helpdesk team can take, assign and resolve tickets.' : 'Only the helpdesk team and the requester can reopen this ticket.' });
    }
    const c = await make(who, t);
    if ('reason' in c) return show(t, viewer, who, bannerOf(c));
    const at = now();
    const res = await d.store.update<Refusal>(ref.id, (cur) => {
      const next = applyChange(cur, c, ref.version, at);
      if (isRefusal(next)) return { skip: next };
      // Take the delivery lease with the change when it is free: the same write, no race.
      return { write: leasedByOther(cur, d.instance, at) ? next : { ...next, lease: { by: d.instance, until: new Date(at.getTime() + LEASE_MS).toISOString() } } };
    });
    if (!res) return invokeError(404, 'NotFound', 'This ticket does not exist (any more).');
    if (!res.written) {
      d.log.info('helpdesk.change_refused', { ticket: ref.id, change: c.kind, reason: res.result?.reason });
      return show(res.ticket, viewer, who, res.result ? bannerOf(res.result) : undefined);
    }
    d.log.info('helpdesk.changed', { ticket: ref.id, change: c.kind, version: res.ticket.version });
    d.deliver(ref.id);
    return show(res.ticket, viewer, who);
  }

  return {
    [ESCALATE_VERB]: escalate,
    [TICKET_VERBS.refresh]: async (context, data) => {
      // No side effects: the card as this person should see it now.
      const who = party(context);
      const id = data.ticketId;
      if (typeof id !== 'string' || !UUID.test(id)) return invokeError(400, 'BadRequest', 'This ticket card is not valid.');
      const t = await d.store.get(id.toLowerCase());
      if (!t) return invokeError(404, 'NotFound', 'This ticket does not exist (any more).');
      return show(t, who ? await viewerOf(context, t, who) : 'other', who);
    },
    [TICKET_VERBS.claim]: (context, data) => change(context, data, async (who) => ({ kind: 'claim', by: who }), true),
    [TICKET_VERBS.assign]: (context, data) =>
      change(
        context,
        data,
        async (who, t) => {
          const chosen = data.assignee;
          if (typeof chosen !== 'string' || !UUID.test(chosen)) return { reason: 'not-allowed', message: 'Pick someone from the helpdesk team first.' };
          const members = await d.team.members(t.serviceUrl);
          const to = members.find((m) => m.oid.toLowerCase() === chosen.toLowerCase());
          if (!to) return { reason: 'not-allowed', message: 'That person is not in the helpdesk team.' };
          return { kind: 'assign', by: who, to };
        },
        true,
      ),
    [TICKET_VERBS.resolve]: (context, data) => {
      const n = note(data);
      if (n === false) return Promise.resolve(invokeError(400, 'BadRequest', 'The note is too long.'));
      return change(context, data, async (who) => ({ kind: 'resolve', by: who, ...(n ? { note: n } : {}) }), true);
    },
    [TICKET_VERBS.reopen]: (context, data) => {
      const n = note(data);
      if (n === false) return Promise.resolve(invokeError(400, 'BadRequest', 'The note is too long.'));
      return change(context, data, async (who) => ({ kind: 'reopen', by: who, ...(n ? { note: n } : {}) }), false);
    },
  };
}
