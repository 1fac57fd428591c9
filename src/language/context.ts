// Everything the rules look at for one message, computed once: tokens, the core without filler,
// entity spans, and the adapters the pattern and cue matchers need.
import type { CueTarget } from './cues.ts';
import { findDomains } from './entities/domains.ts';
import { findIds } from './entities/ids.ts';
import { findPeriods } from './entities/periods.ts';
import { findRoles } from './entities/roles.ts';
import { findSkus } from './entities/skus.ts';
import type { Span, SpanKind } from './entities/spans.ts';
import { coreRange } from './fillers.ts';
import { ME, acceptName, type NameContext } from './names.ts';
import { prepare } from './normalize.ts';
import type { MatchTarget } from './pattern.ts';
import { KEYWORDS, KNOWN_WORDS, VOCABULARY } from './rules/index.ts';

export interface ParseContext extends NameContext {
  norms: string[];
  /** The core [from, to): the message without greetings, "can you tell me", "please", "thanks". */
  from: number;
  to: number;
  target: MatchTarget;
  cues: CueTarget;
}

/** "show me", "tell me", "give me": the asker is the audience, not the subject. */
const AUDIENCE_VERBS = new Set(['show', 'tell', 'give', 'send', 'let', 'help', 'get', 'remind']);

export function mentionsMe(norms: readonly string[]): boolean {
  return norms.some((n, i) => ME.has(n) && !(n === 'me' && AUDIENCE_VERBS.has(norms[i - 1] ?? '')));
}

export function buildContext(text: string): ParseContext {
  const u = prepare(text, VOCABULARY, KNOWN_WORDS);
  const spans: Span[] = [...findIds(u), ...findDomains(u), ...findPeriods(u), ...findRoles(u), ...findSkus(u)];
  const [from, to] = coreRange(u);
  const norms = u.tokens.map((t) => t.norm);
  const ctx: ParseContext = {
    u,
    spans,
    keywords: KEYWORDS,
    norms,
    from,
    to,
    target: {
      norms: norms.slice(from, to),
      spanEnds: (kind: SpanKind, at: number) => spans.filter((s) => s.kind === kind && s.start === at + from && s.end <= to).map((s) => s.end - from),
      acceptSlot: (slot, a, b) => (slot === 'me' ? b - a === 1 && ME.has(norms[from + a]!) : acceptName(ctx, slot, from + a, from + b)),
    },
    cues: { norms, has: (kind) => spans.some((s) => s.kind === kind), mentionsMe: mentionsMe(norms) },
  };
  return ctx;
}

/** A pattern over the core, with slot positions converted back to message token positions. */
export function absolute(ctx: ParseContext, slot: [number, number] | undefined): [number, number] | undefined {
  return slot ? [slot[0] + ctx.from, slot[1] + ctx.from] : undefined;
}
