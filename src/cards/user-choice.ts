// "Which one do you mean?" and "No one called …" for every answer about one person (and the same
// list of choices for groups): each candidate is a row with a button that asks the same question
// about them (Action.Execute `choose`, which the bot answers as a new message).
import type { UserCandidate, UserChoice } from '../answers/resolve-user.ts';
import type { Entities, Intent } from '../language/intents.ts';
import { actionSet, card, columns, execute, heading, openUrl, subtle, text, type Element } from './elements.ts';
import { md, plain } from './escape.ts';
import { guard, type Rendered } from './guard.ts';
import { links } from './links.ts';

export interface Choice {
  title: string;
  /** One line under the title (already plain data; escaped here). */
  detail?: string;
  intent: Intent;
  entities: Entities;
  /** What the bot echoes back ("You chose …"). */
  label: string;
}

/** One row per choice: the name and a detail line, and a Choose button on the right. */
export function choiceRows(choices: Choice[]): Element[] {
  return choices.map((c, i) =>
    columns(
      [
        { items: [text(`**${md(c.title)}**`, { spacing: 'None' }), ...(c.detail ? [subtle(md(c.detail))] : [])] },
        { width: 'auto', items: [actionSet([execute('Choose', 'choose', { intent: c.intent, entities: c.entities, label: plain(c.label, 200) }, { tooltip: plain(`Choose ${c.label}`, 200) })])] },
      ],
      { separator: i > 0, spacing: 'Small' },
    ),
  );
}

export function personDetail(c: UserCandidate): string {
  return [c.upn || c.mail, c.jobTitle, c.department, c.guest ? 'Guest' : undefined].filter(Boolean).join(' · ');
}

export function personChoice(c: UserCandidate, intent: Intent): Choice {
  // The UPN is the one key every answer can address directly (the object id when there is none).
  return { title: c.name, detail: personDetail(c), intent, entities: { user: c.upn || c.id }, label: c.upn ? `${plain(c.name, 80)} (${c.upn})` : c.name };
}

export function renderUserChoice(vm: UserChoice): Rendered {
  if (vm.kind === 'choose') {
    const body: Element[] = [
      heading('Which one do you mean?'),
      text(`${vm.candidates.length} people match “${md(vm.query)}”:`),
      ...choiceRows(vm.candidates.map((c) => personChoice(c, vm.intent))),
      ...(vm.more ? [subtle('More people match. Type more of the name, or their email address.')] : []),
    ];
    const fallback = `Which one do you mean by "${vm.query}"? ${vm.candidates.map((c) => `${c.name} (${c.upn})`).join('; ')}.`;
    return guard(card(body), fallback);
  }
  const body: Element[] = [heading('No one by that name'), text(`I could not find anyone called “${md(vm.query)}” in the directory.`)];
  if (vm.suggestions.length) body.push(text('Did you mean:', { weight: 'Bolder', spacing: 'Medium' }), ...choiceRows(vm.suggestions.map((c) => personChoice(c, vm.intent))));
  else body.push(subtle('Check the spelling, or ask with their email address (name@yourdomain).'));
  const fallback = `I could not find anyone called "${vm.query}".${vm.suggestions.length ? ` Did you mean: ${vm.suggestions.map((c) => c.name).join(', ')}?` : ''}`;
  return guard(card(body, [openUrl('All users in Entra', links.users())]), fallback);
}
