// The one card guard. Teams refuses a message over about 28 KB, so every card leaves through
// here: if it is too big, the longest lists are cut and a note says so; if that is not enough, a
// text card with the fallback text is sent instead. The fallback text also travels with the card
// (fallbackText) for clients that cannot render it.
import { card, subtle, text, type Card, type Element } from './elements.ts';
import { plain } from './escape.ts';

export const MAX_CARD_BYTES = 28 * 1024;

export interface Rendered {
  card: Card;
  /** The same answer as plain text: the CLI, notifications, screen readers. */
  text: string;
  /** How many pages the card's list has (more than 1: the view model is kept for paging). */
  pages?: number;
}

const bytes = (c: Card) => Buffer.byteLength(JSON.stringify(c));

/** Removes rows from the largest Table or FactSet until the card fits. */
function shrink(c: Card): boolean {
  let best: { el: Element; key: 'rows' | 'facts' | 'items'; len: number } | undefined;
  const visit = (els: unknown[]) => {
    for (const el of els as Element[]) {
      for (const key of ['rows', 'facts'] as const) {
        const arr = el[key] as unknown[] | undefined;
        if (Array.isArray(arr) && arr.length > 2 && (!best || arr.length > best.len)) best = { el, key, len: arr.length };
      }
      if (Array.isArray(el.items)) visit(el.items as unknown[]);
      if (Array.isArray(el.columns)) for (const col of el.columns as Element[]) if (Array.isArray(col.items)) visit(col.items as unknown[]);
    }
  };
  visit(c.body);
  if (!best) return false;
  const arr = best.el[best.key] as unknown[];
  arr.splice(Math.max(best.key === 'rows' ? 2 : 1, Math.floor(arr.length * 0.7)));
  return true;
}

export function guard(c: Card, fallback: string, pages?: number): Rendered {
  const textOut = plain(fallback, 4000);
  const paged = pages !== undefined ? { pages } : {};
  const first: Card = { ...c, fallbackText: plain(fallback, 1000) };
  if (bytes(first) <= MAX_CARD_BYTES) return { card: first, text: textOut, ...paged };
  // Too big: shrink a copy (cards are built fresh per answer, but a caller may keep the original).
  const out: Card = structuredClone(first);
  let cut = false;
  while (bytes(out) > MAX_CARD_BYTES && shrink(out)) cut = true;
  if (cut) out.body.push(subtle('The list was shortened to fit in Teams. Open the admin center link for everything.'));
  if (bytes(out) <= MAX_CARD_BYTES) return { card: out, text: textOut, ...paged };
  return { card: card([text(plain(fallback, 20_000))]), text: textOut, ...paged };
}
