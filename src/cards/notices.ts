// Short answers that are not about the tenant: the read-only refusal, a clarifying question, thanks,
// sign-out, rate limiting, and the notes left in a thread when the answer goes to someone privately.
import type { Reading } from '../language/intents.ts';
import { card, execute, heading, openUrl, subtle, text } from './elements.ts';
import { md, plain } from './escape.ts';
import { guard, type Rendered } from './guard.ts';
import { links } from './links.ts';

export function renderReadOnly(change: string | undefined): Rendered {
  const what = change ? md(change) : 'that';
  return guard(
    card(
      [heading('I can only read, not change'), text(`Tenant Desk never changes your tenant, so I can't ${what} for you. An admin can do it in the Microsoft Entra admin center.`)],
      [openUrl('Open the Entra admin center', links.tenantOverview())],
    ),
    `Tenant Desk never changes your tenant, so I can't ${plain(change ?? 'do that')} for you. An admin can do it in the Microsoft Entra admin center: ${links.tenantOverview()}`,
  );
}

export function renderClarify(alternatives: Reading[], question: string): Rendered {
  return guard(
    card(
      [heading('Which one do you mean?'), text(`“${md(question)}” could mean more than one thing:`)],
      alternatives.slice(0, 5).map((a) => execute(plain(a.label, 60), 'choose', { intent: a.intent, entities: a.entities, label: plain(a.label, 120) })),
    ),
    `"${plain(question)}" could mean: ${alternatives.map((a) => plain(a.label)).join(' or ')}. Which one?`,
  );
}

export function renderThanks(): Rendered {
  const t = "You're welcome. Ask me anything else about your tenant, or type help to see what I can answer.";
  return guard(card([text(t)]), t);
}

export function renderSignedOut(): Rendered {
  return guard(card([text('You are signed out of Tenant Desk. I will ask you to sign in again next time you ask something.')]), 'You are signed out of Tenant Desk.');
}

export function renderRateLimited(seconds: number): Rendered {
  return guard(card([text(`That's a lot of questions at once — give me ${seconds} seconds and ask again.`)]), `Too many questions at once; please wait ${seconds} seconds and ask again.`);
}

export function renderPrivateNote(kind: 'answer' | 'signin'): Rendered {
  const t = kind === 'answer' ? 'I sent you the answer in a private chat, because not everyone here may read it.' : 'I sent you a private message to sign in; I\'ll answer you there.';
  return guard(card([subtle(t)]), t);
}

export function renderWorking(label: string): Rendered {
  return guard(card([subtle(`Looking up ${md(label)}…`)]), `Looking up ${plain(label)}…`);
}
