// The help card: what the bot can answer right now (from the catalog), with examples people can
// tap, and the commands. Also the welcome card when the bot is installed.
import type { Rendered } from './guard.ts';
import { guard } from './guard.ts';
import { card, container, execute, heading, subtle, text, type Element } from './elements.ts';
import { md } from './escape.ts';

export interface HelpTopic {
  title: string;
  examples: string[];
}

export interface HelpModel {
  topics: HelpTopic[];
  /** Shown first: why help is shown ("I'm not sure what you mean by …"). */
  preface?: string;
  welcome?: boolean;
  /** In a channel the bot answers only when @mentioned; say so. */
  inChannel?: boolean;
}

export function renderHelp(m: HelpModel): Rendered {
  const body: Element[] = [heading(m.welcome ? 'Hi, I\'m Tenant Desk' : 'What I can answer')];
  if (m.preface) body.push(text(md(m.preface)));
  body.push(
    text(
      m.welcome
        ? 'I answer questions about your Microsoft 365 tenant and its Entra ID directory — as you, so I only ever show what your own account may read. I never change anything.'
        : 'Ask in your own words. I read the directory as you, so answers show only what your account may see.',
    ),
  );
  for (const t of m.topics) {
    body.push(container([text(`**${md(t.title)}**`), subtle(t.examples.map((e) => `“${md(e)}”`).join(' · '))], { spacing: 'Medium' }));
  }
  body.push(subtle(m.inChannel ? 'In a channel, @mention me. Answers that not everyone here may read come to you privately.' : 'Commands: “help”, “sign out”.'));
  const tryFirst = m.topics.slice(0, 3).map((t) => t.examples[0]).filter((e): e is string => Boolean(e));
  const actions = tryFirst.map((q) => execute(q.length > 40 ? `${q.slice(0, 39)}…` : q, 'ask', { question: q }));
  const fallback = `${m.welcome ? 'Hi, I am Tenant Desk. ' : ''}${m.preface ? `${m.preface} ` : ''}I can answer: ${m.topics.map((t) => `${t.title} (e.g. "${t.examples[0] ?? ''}")`).join('; ')}.`;
  return guard(card(body, actions), fallback);
}
