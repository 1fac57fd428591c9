// The pattern language: anchoring, alternatives, optionals, slots and entities.
import { describe, expect, it } from 'vitest';
import { compile, match, patternWords, type MatchTarget } from '../../src/language/pattern.ts';

const target = (text: string, entities: Record<number, number[]> = {}): MatchTarget => ({
  norms: text.split(' '),
  spanEnds: (_kind, at) => entities[at] ?? [],
  acceptSlot: (_slot, from, to) => !text.split(' ').slice(from, to).includes('in'),
});

describe('pattern', () => {
  it('matches whole messages only', () => {
    const p = compile('who is in {group}');
    expect(match(p, target('who is in sales'))?.slots.group).toEqual([3, 4]);
    expect(match(p, target('who is in'))).toBeUndefined();
    expect(match(compile('sync status'), target('sync status now'))).toBeUndefined();
  });

  it('handles alternatives, optional parts and multi-word options', () => {
    const p = compile('(who|what) is [in|part of] [the] {group} [group/team]');
    expect(match(p, target('what is part of the dropbox users group'))?.slots.group).toEqual([5, 7]);
    expect(match(p, target('who is sales'))?.slots.group).toEqual([2, 3]);
  });

  it('counts literal words so the more specific pattern can win', () => {
    const a = match(compile('who is {user}'), target('who is in sales'));
    const b = match(compile('who is in {group}'), target('who is in sales'));
    expect(a).toBeUndefined(); // the slot refused "in sales"
    expect(b?.words).toBe(3);
  });

  it('matches entity spans and a trailing rest', () => {
    const p = compile('who has <sku> *');
    expect(match(p, target('who has e5 license right now', { 2: [3] }))?.words).toBe(3);
    expect(match(p, target('who has e5', {}))).toBeUndefined();
  });

  it('rejects malformed patterns and lists its words', () => {
    expect(() => compile('who (is')).toThrow(/missing \)/);
    expect(() => compile('{nobody}')).toThrow(/unknown slot/);
    expect(() => compile('a * b')).toThrow(/last/);
    expect(patternWords(compile('(a|b c) [d/e] {user}'))).toEqual(['a', 'b', 'c', 'd', 'e']);
  });
});
