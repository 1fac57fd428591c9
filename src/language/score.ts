// Scores every intent for a message: a whole-message pattern is strong evidence (0.9 plus a
// little per literal word, so the more specific pattern wins), keywords are weaker (the cue's
// weight). Triage adds its own reading (../triage.ts). Highest first; ties keep table order.
import type { ParseContext } from './context.ts';
import { cueScore } from './cues.ts';
import { match, type PatternMatch } from './pattern.ts';
import { RULES, type CompiledRule } from './rules/index.ts';
import { readTriage, type TriageReading } from './triage.ts';

export interface Candidate {
  rule: CompiledRule;
  score: number;
  via: 'pattern' | 'cue' | 'triage';
  /** Core-relative slot positions, for a pattern match. */
  slots?: PatternMatch['slots'];
  triage?: TriageReading;
}

export function patternScore(m: PatternMatch): number {
  return 0.9 + 0.01 * Math.min(m.words, 9);
}

export function rank(ctx: ParseContext): Candidate[] {
  const out: Candidate[] = [];
  for (const rule of RULES) {
    let best: Candidate | undefined;
    for (const p of rule.compiled) {
      const m = match(p, ctx.target);
      if (m && (!best || patternScore(m) > best.score)) best = { rule, score: patternScore(m), via: 'pattern', slots: m.slots };
    }
    for (const c of rule.compiledCues) {
      const s = cueScore(c, ctx.cues);
      if (s > 0 && (!best || s > best.score)) best = { rule, score: s, via: 'cue' };
    }
    if (rule.intent === 'triage' && !best) {
      const t = readTriage(ctx, ctx.from, ctx.to);
      if (t.score > 0) best = { rule, score: t.score, via: 'triage', triage: t };
    }
    if (best) out.push(best);
  }
  return out.sort((a, b) => b.score - a.score);
}
