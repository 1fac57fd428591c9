// The help card: what the bot can answer right now (from the catalog), in sections a person can
// scan, one example each — tap "try" buttons for the first ones. Also the welcome card.
import type { Intent } from '../language/intents.ts';
import { card, container, execute, heading, subtle, text, type Element } from './elements.ts';
import { md } from './escape.ts';
import { guard, type Rendered } from './guard.ts';

export interface HelpTopic {
  intent: Intent;
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

const SECTIONS: { name: string; intents: Intent[] }[] = [
  { name: 'About you and your colleagues', intents: ['user.lookup', 'user.groups', 'triage'] },
  { name: 'Directory and sync', intents: ['tenant.overview', 'sync.status', 'sync.users', 'sync.errors', 'group.members', 'guest.list', 'domain.list'] },
  { name: 'Apps', intents: ['app.lookup', 'app.credentials', 'app.permissions'] },
  { name: 'Licenses and admin roles', intents: ['license.summary', 'license.holders', 'role.members'] },
  { name: 'Helpdesk', intents: ['ticket.list'] },
];

/** What the "try" buttons ask (test/catalog.test.ts checks each is answered). */
const TRY: string[] = ['am I synced?', 'sync status', 'is Salesforce registered?'];

export function renderHelp(m: HelpModel): Rendered {
  const byIntent = new Map(m.topics.map((t) => [t.intent, t]));
  const body: Element[] = [heading(m.welcome ? "Hi, I'm Tenant Desk" : 'What I can answer')];
  if (m.preface) body.push(text(md(m.preface)));
  body.push(
    text(
      m.welcome
        ? 'I answer questions about your Microsoft 365 tenant and its Entra ID directory — as you, so I only ever show what your own account may read. I never change anything.'
        : 'Ask in your own words. I read the directory as you, so answers show only what your account may see.',
    ),
  );
  const placed = new Set<Intent>();
  const sections = [...SECTIONS, { name: 'More', intents: m.topics.map((t) => t.intent) }];
  for (const s of sections) {
    const topics = s.intents.map((i) => byIntent.get(i)).filter((t): t is HelpTopic => t !== undefined && !placed.has(t.intent));
    if (!topics.length) continue;
    for (const t of topics) placed.add(t.intent);
    body.push(
      container(
        [text(md(s.name), { weight: 'Bolder', color: 'Accent', spacing: 'None' }), ...topics.map((t) => text(`${md(t.title)} · _“${md(t.examples[0] ?? '')}”_`, { spacing: 'Small', size: 'Small' }))],
        { spacing: 'Medium' },
      ),
    );
  }
  body.push(subtle(m.inChannel ? 'In a channel, @mention me. Answers that not everyone here may read come to you privately.' : 'Also: “help”, “sign out”. I never change anything: requests to change things get a link to the admin center.'));
  const actions = m.topics.length ? TRY.map((q) => execute(q, 'ask', { question: q })) : [];
  const fallback = `${m.welcome ? 'Hi, I am Tenant Desk. ' : ''}${m.preface ? `${m.preface} ` : ''}I can answer: ${m.topics.map((t) => `${t.title} (e.g. "${t.examples[0] ?? ''}")`).join('; ')}.`;
  return guard(card(body, actions), fallback);
}
