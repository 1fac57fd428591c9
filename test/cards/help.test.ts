import { describe, expect, it } from 'vitest';
import { renderHelp } from '../../src/cards/help.ts';
import { helpTopics } from '../../src/pipeline.ts';
import { capabilities, capabilityFor } from '../../src/catalog.ts';
import { parse } from '../../src/language/parse.ts';
import { cardBytes, parseCard } from '../support/cards.ts';

describe('the help card', () => {
  it('lists every capability exactly once, in sections, as a valid card under 28 KB', () => {
    const { card, text } = renderHelp({ topics: helpTopics(), welcome: true });
    const json = JSON.stringify(card.body);
    for (const c of capabilities()) expect(json.split(JSON.stringify(c.title).slice(1, -1).replace(/[*_[\]()#+\-.!|<>~"'&=:`\\]/g, (x) => `\\\\${x}`)).length - 1, c.intent).toBe(1);
    expect(json).toContain('Directory and sync');
    expect(parseCard(card)).toEqual([]);
    expect(cardBytes(card)).toBeLessThan(28 * 1024);
    expect(text).toMatch(/^Hi, I am Tenant Desk/);
  });

  it('offers "try" buttons that the bot answers', () => {
    const { card } = renderHelp({ topics: helpTopics() });
    const questions = (card.actions ?? []).map((a) => (a.data as { question: string }).question);
    expect(questions.length).toBeGreaterThan(0);
    for (const q of questions) expect(capabilityFor(parse(q).intent), q).toBeDefined();
  });

  it('escapes a preface that quotes what the person typed', () => {
    const { card } = renderHelp({ topics: helpTopics(), preface: "I'm not sure what you mean by “*boom* [x](http://evil)”." });
    // The body is markdown: the link must arrive escaped. (fallbackText is plain text, not rendered.)
    expect(JSON.stringify(card.body)).not.toContain('[x](http');
    expect(JSON.stringify(card.body)).toContain(String.raw`\\*boom\\*`);
  });
});
