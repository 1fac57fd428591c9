// Checks every card test makes: the card parses as Adaptive Cards 1.5 with no warnings, fits in
// Teams' 28 KB, and hostile text from Graph or people shows only as literal characters.
import MarkdownIt from 'markdown-it';
import { expect } from 'vitest';
import { MAX_CARD_BYTES, type Rendered } from '../../src/cards/guard.ts';
import { cardBytes, parseCard } from '../support/cards.ts';

/** Names people and tenants really have, and ones meant to break a card. */
export const HOSTILE = {
  quotes: 'Bob "The" O\'Brien',
  markdown: '*md* _x_ **y**',
  link: '[x](http://evil.example)',
  mention: '<at>Everyone</at>',
  emoji: 'Zoë 👩‍💻 🎉',
  rtl: 'שלום עולם مرحبا',
  long: `${'Ж'.repeat(150)}${'w'.repeat(150)}`,
};
export const HOSTILE_NAMES = Object.values(HOSTILE);

const markdown = new MarkdownIt('commonmark', { html: true, linkify: true });

/** Every string Teams renders as markdown: TextBlock text, FactSet titles and values (table cells are TextBlocks). */
export function markdownTexts(node: unknown, out: string[] = []): string[] {
  if (Array.isArray(node)) for (const n of node) markdownTexts(n, out);
  else if (node && typeof node === 'object') {
    const o = node as Record<string, unknown>;
    if (o.type === 'TextBlock' && typeof o.text === 'string') out.push(o.text);
    if (o.type === 'FactSet' && Array.isArray(o.facts)) for (const f of o.facts as { title: string; value: string }[]) out.push(f.title, f.value);
    for (const [k, v] of Object.entries(o)) if (k !== 'data' && k !== 'fallbackText') markdownTexts(v, out);
  }
  return out;
}

/** The card is valid, fits, and no hostile text became markup. */
export function checkCard(r: Rendered): void {
  expect(parseCard(r.card)).toEqual([]);
  expect(cardBytes(r.card)).toBeLessThanOrEqual(MAX_CARD_BYTES);
  expect(r.text.length).toBeGreaterThan(0);
  for (const t of markdownTexts(r.card.body)) {
    expect(t).not.toContain('*md*');
    expect(t).not.toContain('[x](');
    expect(t).not.toContain('<at>');
    const html = markdown.renderInline(t);
    // The only links are the bot's own, to the Entra admin center.
    expect(html).not.toMatch(/<at\b|<script\b/i);
    for (const href of html.matchAll(/<a\b[^>]*href="([^"]*)"/gi)) expect(href[1]).toMatch(/^https:\/\/entra\.microsoft\.com\//);
  }
}

/** The escaped form of the markdown probe is in the card: it was shown, not dropped. */
export function showsEscaped(r: Rendered): boolean {
  return JSON.stringify(r.card).includes('\\\\*md\\\\*');
}

export function actions(r: Rendered): { type: string; title: string; verb?: string; data?: Record<string, unknown>; url?: string }[] {
  const out: { type: string; title: string; verb?: string; data?: Record<string, unknown>; url?: string }[] = [];
  const visit = (n: unknown) => {
    if (Array.isArray(n)) n.forEach(visit);
    else if (n && typeof n === 'object') {
      const o = n as Record<string, unknown>;
      if (typeof o.type === 'string' && o.type.startsWith('Action.')) out.push(o as never);
      for (const [k, v] of Object.entries(o)) if (k !== 'data') visit(v);
    }
  };
  visit(r.card);
  return out;
}
