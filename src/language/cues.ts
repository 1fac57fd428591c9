// Keyword evidence: when no pattern fits the whole message, an intent is still recognised by
// words that appear anywhere in it. A cue is written 'sync|synced & error|errors|failed':
// every '&'-part must appear (in any order), each part being one of its '|' alternatives, an
// alternative being a word sequence, an entity (<sku>, <role>, <days>, <domain>, <email>,
// <guid>, <scope>) or <me> (the asker is mentioned).
import type { SpanKind } from './entities/spans.ts';

type Alternative = { words: string[] } | { entity: SpanKind } | { me: true };

export interface Cue {
  source: string;
  weight: number;
  parts: Alternative[][];
}

export interface CueTarget {
  norms: readonly string[];
  has(kind: SpanKind): boolean;
  mentionsMe: boolean;
}

const ENTITY = /^<(role|sku|days|domain|email|guid|scope)>$/;

export function cue(weight: number, source: string): Cue {
  const parts = source.split('&').map((part) =>
    part.split('|').map((alt): Alternative => {
      const a = alt.trim();
      if (a === '<me>') return { me: true };
      const entity = ENTITY.exec(a)?.[1];
      if (entity) return { entity: entity as SpanKind };
      if (a === '' || a.startsWith('<')) throw new Error(`cue "${source}": bad alternative "${alt}"`);
      return { words: a.split(/\s+/) };
    }),
  );
  return { source, weight, parts };
}

function contains(norms: readonly string[], words: readonly string[]): boolean {
  outer: for (let i = 0; i + words.length <= norms.length; i++) {
    for (let k = 0; k < words.length; k++) if (norms[i + k] !== words[k]) continue outer;
    return true;
  }
  return false;
}

/** The cue's weight, plus a little per part so that more specific cues win ties; 0 when absent. */
export function cueScore(c: Cue, target: CueTarget): number {
  for (const part of c.parts) {
    const present = part.some((a) =>
      'words' in a ? contains(target.norms, a.words) : 'entity' in a ? target.has(a.entity) : target.mentionsMe,
    );
    if (!present) return 0;
  }
  return c.weight + 0.01 * c.parts.length;
}

export function cueWords(c: Cue): string[] {
  return c.parts.flatMap((p) => p.flatMap((a) => ('words' in a ? a.words : [])));
}
