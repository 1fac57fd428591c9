// Short helpdesk messages: what the requester hears in their 1:1 chat when their ticket changes,
// and the answers to "this is the helpdesk channel" and to an escalation that cannot be made.
import type { AuditEntry, Ticket } from '../helpdesk/ticket.ts';
import { card, heading, status, subtle, text, type Element } from './elements.ts';
import { md, plain } from './escape.ts';
import { guard, type Rendered } from './guard.ts';
import { ticketTitle } from './ticket.ts';
import { unescape } from './triage.ts';

/** The 1:1 message to the requester for one change of their ticket. */
export function renderTicketNotice(t: Ticket, e: AuditEntry): Rendered {
  const by = md(e.by.name);
  const note = e.note ? ` “${md(e.note)}”` : '';
  let line: string;
  let tone: 'good' | 'accent' | 'warning' | 'attention' = 'accent';
  switch (e.action) {
    case 'claimed':
      line = `${by} is now working on it.`;
      break;
    case 'assigned':
      line = `${by} assigned it to ${md(e.to?.name ?? 'someone')}, who is now working on it.`;
      break;
    case 'resolved':
      line = `${by} resolved it.${note ? ` Their note:${note}` : ''} If it still does not work, press Reopen on your ticket.`;
      tone = 'good';
      break;
    case 'reopened':
      line = `${by} reopened it.${note}`;
      tone = 'warning';
      break;
    case 'posted':
      line = 'It has reached the helpdesk channel now. Someone will pick it up.';
      tone = 'good';
      break;
    case 'post-failed':
      line = `I saved it, but I could not post it in the helpdesk channel${e.note ? ` (${md(e.note)})` : ''}. I will keep trying and tell you when it gets there; if it is urgent, call the service desk.`;
      tone = 'attention';
      break;
    default:
      line = 'It was updated.';
  }
  const body: Element[] = [text(`**Your ticket ${md(t.number)}**: ${ticketTitle(t)}`), status(line, tone)];
  return guard(card(body), unescape(`Your ticket ${t.number}: ${line}`));
}

export function renderHelpdeskChannelSet(opts: { channel?: string; team?: string; waiting: number }): Rendered {
  const where = [opts.team, opts.channel].filter(Boolean).map((x) => md(x)).join(' › ');
  const body: Element[] = [
    heading('This is now the helpdesk channel'),
    text(`New tickets are posted here${where ? ` (${where})` : ''}, with the diagnosis and buttons to take, assign, resolve and reopen them. Everyone in this team can work on them.`),
    ...(opts.waiting ? [status(`${opts.waiting} waiting ticket${opts.waiting === 1 ? '' : 's'} will be posted here now.`, 'accent')] : []),
    subtle('Ask me “open tickets” or “unassigned tickets” to see the queue.'),
  ];
  return guard(card(body), `This is now the helpdesk channel. New tickets are posted here.${opts.waiting ? ` ${opts.waiting} waiting ticket(s) will be posted now.` : ''}`);
}

export type ChannelRefusal = { kind: 'not-admin' } | { kind: 'not-channel' } | { kind: 'configured' };

export function renderHelpdeskChannelRefused(r: ChannelRefusal): Rendered {
  switch (r.kind) {
    case 'not-admin':
      return guard(
        card([heading('Only an admin can choose the helpdesk channel'), text('Choosing where tickets go is for someone who holds a Microsoft Entra admin role (for example Helpdesk Administrator or Global Administrator). Your account holds none, so I left the helpdesk channel as it was.'), subtle('Ask your IT admin to say “this is the helpdesk channel” here.')]),
        'Only someone with an Entra admin role can choose the helpdesk channel.',
      );
    case 'not-channel':
      return guard(
        card([heading('Say it in the channel'), text('To make a channel the helpdesk channel, @mention me in that team channel and say “this is the helpdesk channel”.')]),
        'Say "this is the helpdesk channel" in the team channel you want, with an @mention.',
      );
    case 'configured':
      return guard(
        card([heading('The helpdesk channel is set in my settings'), text('My administrator configured the helpdesk channel (HELPDESK_CHANNEL_ID), so it cannot be changed from Teams. Ask them to change the setting.')]),
        'The helpdesk channel is configured in the bot settings (HELPDESK_CHANNEL_ID).',
      );
  }
}

export type EscalationProblem = 'expired' | 'not-yours' | 'not-a-diagnosis';

export function renderEscalationProblem(p: EscalationProblem): Rendered {
  const lines: Record<EscalationProblem, [string, string]> = {
    expired: ['This diagnosis has expired', 'It is more than a day old, so things may have changed. Ask again (“I can’t sign in”), then escalate from the new answer.'],
    'not-yours': ['Only the person who asked can escalate this', 'Ask me the question yourself, and escalate from your own answer.'],
    'not-a-diagnosis': ['There is nothing to escalate here', 'Ask me about the problem first (“I can’t sign in”, “Lee can’t open SharePoint”).'],
  };
  const [head, body] = lines[p];
  return guard(card([heading(head), text(body)]), `${head}. ${plain(body)}`);
}

