// A small pattern language for whole messages, matched over normalized tokens:
//
//   who is in [the] {group} [group/team]
//
//   word        that token (rules are written in normalized words: lower case, typos fixed,
//               "can't" → cannot, "Lee's" → lee 's)
//   a/b/c       one of these tokens
//   (a b|c)     one of these token sequences
//   [a b|c]     the same, optional
//   {user} {app} {group} {name}   a name, 1..8 tokens, kept as typed
//   {me}        exactly one of I, me, my, myself: the asker
//   <role> <sku> <days> <domain> <email> <guid> <scope>   an entity an extractor found starting here
//   *           whatever follows, to the end (only last)
//
// Matching backtracks over a handful of tokens only (names are at most 8 tokens and messages
// are capped), and a step budget bounds it regardless.
import type { SpanKind } from './entities/spans.ts';

export type SlotName = 'user' | 'app' | 'group' | 'name' | 'me';

type Node =
  | { kind: 'word'; words: ReadonlySet<string>; optional: boolean }
  | { kind: 'group'; options: Node[][]; optional: boolean; byFirst: Map<string, Node[][]>; rest: Node[][] }
  | { kind: 'slot'; slot: SlotName }
  | { kind: 'entity'; entity: SpanKind }
  | { kind: 'rest' };

export interface Pattern {
  source: string;
  nodes: Node[];
  /** Words of which at least one must be in the message, per required position: a quick "cannot match". */
  required: ReadonlySet<string>[];
}

export interface MatchTarget {
  norms: readonly string[];
  /** Ends (exclusive) of the entity spans of this kind that start at token `at`. */
  spanEnds(kind: SpanKind, at: number): number[];
  /** Whether tokens [from, to) can fill this slot (not a keyword, not a role…). */
  acceptSlot(slot: SlotName, from: number, to: number): boolean;
}

export interface PatternMatch {
  slots: Partial<Record<SlotName, [number, number]>>;
  /** How many words and entities the pattern matched literally: more is more specific. */
  words: number;
}

const MAX_SLOT = 8;
const STEP_LIMIT = 5000;
const SLOTS = new Set<string>(['user', 'app', 'group', 'name', 'me']);
const ENTITY_KINDS = new Set<string>(['role', 'sku', 'days', 'domain', 'email', 'guid', 'scope']);
const LEXER = /\(|\)|\[|\]|\||\{[a-z]+\}|<[a-z]+>|\*|[^\s()[\]|*]+/g;

export function compile(source: string): Pattern {
  const parts = source.match(LEXER) ?? [];
  let at = 0;
  const fail = (why: string): never => {
    throw new Error(`pattern "${source}": ${why}`);
  };
  function seq(): Node[] {
    const nodes: Node[] = [];
    for (;;) {
      const p = parts[at];
      if (p === undefined || p === '|' || p === ')' || p === ']') return nodes;
      at++;
      if (p === '(' || p === '[') {
        const options = [seq()];
        while (parts[at] === '|') {
          at++;
          options.push(seq());
        }
        const close = p === '(' ? ')' : ']';
        if (parts[at++] !== close) fail(`missing ${close}`);
        nodes.push(group(options, p === '['));
      } else if (p === '*') {
        if (parts[at] !== undefined) fail('* must come last');
        nodes.push({ kind: 'rest' });
      } else if (p.startsWith('{')) {
        const slot = p.slice(1, -1);
        if (!SLOTS.has(slot)) fail(`unknown slot ${p}`);
        nodes.push({ kind: 'slot', slot: slot as SlotName });
      } else if (p.startsWith('<') && p.length > 2) {
        const entity = p.slice(1, -1);
        if (!ENTITY_KINDS.has(entity)) fail(`unknown entity ${p}`);
        nodes.push({ kind: 'entity', entity: entity as SpanKind });
      } else {
        nodes.push({ kind: 'word', words: new Set(p.split('/')), optional: false });
      }
    }
  }
  const nodes = seq();
  if (at !== parts.length) fail(`unexpected "${parts[at]}"`);
  return { source, nodes, required: requiredWords(nodes) };
}

/**
 * A group of one-word options becomes one word node; other options are indexed by their first
 * word, so matching only tries the options that can start at the current token.
 */
function group(options: Node[][], optional: boolean): Node {
  if (options.every((o) => o.length === 1 && o[0]!.kind === 'word' && !o[0]!.optional)) {
    const words = new Set(options.flatMap((o) => [...(o[0] as { words: ReadonlySet<string> }).words]));
    return { kind: 'word', words, optional };
  }
  const byFirst = new Map<string, Node[][]>();
  const rest: Node[][] = [];
  for (const o of options) {
    const first = o[0];
    if (first?.kind === 'word' && !first.optional) for (const w of first.words) byFirst.set(w, [...(byFirst.get(w) ?? []), o]);
    else rest.push(o);
  }
  return { kind: 'group', options, optional, byFirst, rest };
}

/** For each required word or group: the words one of which must appear. */
function requiredWords(nodes: Node[]): ReadonlySet<string>[] {
  const out: Set<string>[] = [];
  for (const n of nodes) {
    if (n.kind === 'word' && !n.optional) out.push(new Set(n.words));
    else if (n.kind === 'group' && !n.optional && n.rest.length === 0) out.push(new Set(n.byFirst.keys()));
  }
  return out;
}

/** Every literal word a pattern mentions (the vocabulary for typo correction and name filtering). */
export function patternWords(p: Pattern): string[] {
  const out: string[] = [];
  const walk = (nodes: Node[]) => {
    for (const n of nodes) {
      if (n.kind === 'word') out.push(...n.words);
      else if (n.kind === 'group') n.options.forEach(walk);
    }
  };
  walk(p.nodes);
  return out;
}

/** Match the pattern against all of `target.norms` (anchored at both ends). */
export function match(p: Pattern, target: MatchTarget): PatternMatch | undefined {
  const n = target.norms.length;
  if (p.required.some((set) => !target.norms.some((w) => set.has(w)))) return undefined;
  const state = { steps: 0, words: 0, slots: {} as PatternMatch['slots'] };

  function run(seq: Node[], i: number, pos: number, k: (pos: number) => boolean): boolean {
    if (++state.steps > STEP_LIMIT) return false;
    if (i === seq.length) return k(pos);
    const node = seq[i]!;
    const next = (end: number) => run(seq, i + 1, end, k);
    switch (node.kind) {
      case 'word': {
        const w = target.norms[pos];
        if (w !== undefined && node.words.has(w)) {
          state.words++;
          if (next(pos + 1)) return true;
          state.words--;
        }
        return node.optional && next(pos);
      }
      case 'group': {
        const w = target.norms[pos];
        for (const option of (w !== undefined && node.byFirst.get(w)) || []) if (run(option, 0, pos, next)) return true;
        for (const option of node.rest) if (run(option, 0, pos, next)) return true;
        return node.optional && next(pos);
      }
      case 'entity':
        for (const end of target.spanEnds(node.entity, pos)) {
          state.words++;
          if (next(end)) return true;
          state.words--;
        }
        return false;
      case 'rest':
        return next(n);
      case 'slot': {
        const longest = node.slot === 'me' ? 1 : MAX_SLOT;
        for (let end = pos + 1; end <= Math.min(n, pos + longest); end++) {
          if (!target.acceptSlot(node.slot, pos, end)) continue;
          state.slots[node.slot] = [pos, end];
          if (next(end)) return true;
          delete state.slots[node.slot];
        }
        return false;
      }
    }
  }

  return run(p.nodes, 0, 0, (end) => end === n) ? { slots: { ...state.slots }, words: state.words } : undefined;
}
