import { describe, expect, it } from 'vitest';
import { card, table, text } from '../../src/cards/elements.ts';
import { guard, MAX_CARD_BYTES } from '../../src/cards/guard.ts';
import { parseCard } from '../support/cards.ts';

describe('guard()', () => {
  it('passes a small card through with its fallback text', () => {
    const out = guard(card([text('hello')]), 'hello');
    expect(out.card.fallbackText).toBe('hello');
    expect(out.text).toBe('hello');
    expect(parseCard(out.card)).toEqual([]);
  });

  it('shortens a table that would exceed 28 KB and says so', () => {
    const rows = Array.from({ length: 600 }, (_, i) => [`user${i}@contoso.com`, `Person number ${i} with a long name`, 'Synced 2 hours ago']);
    const out = guard(card([table(['UPN', 'Name', 'Sync'], rows)]), 'many users');
    const size = Buffer.byteLength(JSON.stringify(out.card));
    expect(size).toBeLessThanOrEqual(MAX_CARD_BYTES);
    expect(JSON.stringify(out.card)).toContain('shortened to fit');
    expect(parseCard(out.card)).toEqual([]);
  });

  it('falls back to a text card when nothing can be cut', () => {
    const out = guard(card([text('x'.repeat(40_000))]), 'the fallback');
    expect(Buffer.byteLength(JSON.stringify(out.card))).toBeLessThanOrEqual(MAX_CARD_BYTES);
    expect(JSON.stringify(out.card)).toContain('the fallback');
  });
});
