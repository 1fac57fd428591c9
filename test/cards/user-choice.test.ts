import { describe, expect, it } from 'vitest';
import type { UserCandidate } from '../../src/answers/resolve-user.ts';
import { renderUserChoice } from '../../src/cards/user-choice.ts';
import { actions, checkCard, HOSTILE, HOSTILE_NAMES, showsEscaped } from './support.ts';

const asOf = '2026-11-22T03:00:00Z';
const candidates: UserCandidate[] = HOSTILE_NAMES.map((name, i) => ({ id: `00000000-0000-4000-8000-00000000000${i}`, name, upn: `p${i}@contoso.com`, jobTitle: HOSTILE.markdown, department: HOSTILE.link, guest: i % 2 === 0 }));

describe('renderUserChoice', () => {
  it('"which one?": one Choose button per person, asking the same question about them by UPN', () => {
    const r = renderUserChoice({ kind: 'choose', asOf, intent: 'user.groups', query: HOSTILE.markdown, candidates, more: true });
    checkCard(r);
    expect(showsEscaped(r)).toBe(true);
    const choose = actions(r).filter((a) => a.verb === 'choose');
    expect(choose).toHaveLength(candidates.length);
    expect(choose.map((a) => a.data)).toEqual(candidates.map((c) => ({ intent: 'user.groups', entities: { user: c.upn }, label: expect.stringContaining(c.upn) })));
    expect(JSON.stringify(r.card)).toContain('More people match');
    expect(r.text).toContain('p0@contoso.com');
  });

  it('"not found" with suggestions offers them; without, says how to ask', () => {
    const withSuggestions = renderUserChoice({ kind: 'notFound', asOf, intent: 'user.lookup', query: HOSTILE.mention, suggestions: candidates.slice(0, 2) });
    checkCard(withSuggestions);
    expect(actions(withSuggestions).filter((a) => a.verb === 'choose')).toHaveLength(2);
    expect(JSON.stringify(withSuggestions.card)).toContain('Did you mean');
    const none = renderUserChoice({ kind: 'notFound', asOf, intent: 'user.lookup', query: 'nobody', suggestions: [] });
    checkCard(none);
    expect(actions(none).filter((a) => a.verb === 'choose')).toHaveLength(0);
    expect(none.text).toContain('could not find anyone called "nobody"');
  });

  it('a person without a UPN is chosen by object id', () => {
    const r = renderUserChoice({ kind: 'choose', asOf, intent: 'user.lookup', query: 'x', candidates: [{ id: 'a1654470-4298-4ead-982e-41568d51deaa', name: 'X', upn: '', guest: false }], more: false });
    expect(actions(r).find((a) => a.verb === 'choose')?.data).toMatchObject({ entities: { user: 'a1654470-4298-4ead-982e-41568d51deaa' } });
  });
});
