// The answers that need no Graph and no token, from the typed words to the card.
import { describe, expect, it } from 'vitest';
import { parse } from '../src/language/parse.ts';
import { replyWithoutGraph } from '../src/pipeline.ts';
import { parseCard } from './support/cards.ts';

const reply = (text: string) => replyWithoutGraph(parse(text), text, false);

describe('replies without Graph', () => {
  it('thanks gets a short you\'re-welcome, not the help card', () => {
    for (const text of ['thanks!', 'ok, thank you', 'great, cheers']) {
      const r = reply(text);
      expect(r?.text, text).toMatch(/^You're welcome\./);
      expect(parseCard(r!.card)).toEqual([]);
      expect(JSON.stringify(r!.card)).not.toContain('Directory and sync');
    }
  });

  it('what it cannot place gets the help card, quoting the words escaped', () => {
    const r = reply('order *pizza*');
    expect(r?.text).toContain('not sure what you mean');
    expect(JSON.stringify(r!.card)).toContain('Directory and sync');
    expect(JSON.stringify(r!.card)).toContain(String.raw`\\*pizza\\*`);
  });

  it('a tenant question is left for Graph', () => {
    expect(reply('who is synced? thanks')).toBeUndefined();
  });
});
