// Cleaning and tokenizing: what survives, what is merged, and where each token came from.
import { describe, expect, it } from 'vitest';
import { clean, prepare, typedText } from '../../src/language/normalize.ts';
import { fuzzyFix } from '../../src/language/typos.ts';

const norms = (text: string) => prepare(text).tokens.map((t) => t.norm);

describe('clean', () => {
  it('removes mentions, markup, controls, bidi marks and emoji, and straightens quotes', () => {
    expect(clean('<at>Tenant Desk</at> <b>who</b>\u0000 is\u202e in “Sales”? 😀')).toBe('who is in "Sales"?');
    expect(clean('it’s ‘quoted’')).toBe("it's 'quoted'");
    expect(clean('a &amp; b &lt;c&gt;')).toBe('a & b <c>');
    expect(clean('[Salesforce](https://example.com)')).toBe('Salesforce');
  });

  it('bounds the text it keeps', () => {
    expect(clean('x'.repeat(100_000)).length).toBe(1000);
    expect(clean('\ud83d').length).toBe(0);
  });
});

describe('tokens', () => {
  it('lower-cases, expands contractions, splits possessives and fixes typos', () => {
    expect(norms("Who's in Megan's groups? can't")).toEqual(['who', 'is', 'in', 'megan', "'s", 'groups', 'cannot']);
    expect(norms('synched licence permisions grups registred')).toEqual(['synced', 'license', 'permissions', 'groups', 'registered']);
    expect(norms('sign-in login logout on-premises Azure AD help desk')).toEqual(['sign', 'in', 'log', 'in', 'log', 'out', 'onprem', 'aad', 'helpdesk']);
  });

  it('keeps a quoted phrase as one token that no keyword equals', () => {
    const u = prepare(`is "Contoso HR Portal" registered`);
    expect(u.tokens).toHaveLength(3);
    expect(u.tokens[1]!.quoted).toBe('Contoso HR Portal');
    expect(u.tokens[1]!.norm).not.toBe('contoso hr portal');
  });

  it("treats apostrophes inside words as part of them, and unclosed quotes as text", () => {
    expect(norms("O'Brien")).toEqual(["o'brien"]);
    expect(prepare("'O'Brien'").tokens[0]!.quoted).toBe("O'Brien");
    expect(norms("' or 1 eq 1")).toEqual(['or', '1', 'eq', '1']);
  });

  it('cuts typed text back out of the message, with its inner punctuation', () => {
    const u = prepare("is Salesforce' or 1 eq 1 registered?");
    expect(typedText(u, 1, 6)).toBe("Salesforce' or 1 eq 1");
    const v = prepare('members of U.S. Sales!!');
    expect(typedText(v, 2, 4)).toBe('U.S. Sales');
  });
});

describe('fuzzyFix', () => {
  const vocab = new Set(['registered', 'members', 'secrets', 'grants', 'forget']);
  it('corrects one slip in a keyword', () => {
    expect(fuzzyFix('memebrs', vocab)).toBe('members');
    expect(fuzzyFix('regsitered', vocab)).toBe('registered');
  });
  it('leaves short words, word forms and known words alone', () => {
    expect(fuzzyFix('secr', new Set(['secret']))).toBeUndefined();
    expect(fuzzyFix('grant', vocab)).toBeUndefined();
    expect(fuzzyFix('forgot', vocab, new Set(['forgot']))).toBeUndefined();
    expect(fuzzyFix('megan', vocab)).toBeUndefined();
  });
});
