// The intent table: every rule, compiled once, plus the vocabulary the rules are written in.
import { cue, cueWords, type Cue } from '../cues.ts';
import { ROLE_WORDS } from '../entities/roles.ts';
import { CATALOG_WORDS, SKU_WORDS } from '../entities/skus.ts';
import { FILLER_WORDS } from '../fillers.ts';
import { APP_WORDS, COMMON_WORDS, DEPARTMENTS, FIRST_NAMES, GROUP_WORDS, KNOWN_APPS, WORKLOADS } from '../lexicon.ts';
import { STOPWORDS } from '../names.ts';
import { CHANGE_WORDS } from '../readonly.ts';
import { TRIAGE_WORDS } from '../triage.ts';
import { compile, patternWords, type Pattern } from '../pattern.ts';
import { APP_RULES } from './apps.ts';
import { DIRECTORY_RULES } from './directory.ts';
import { HELPDESK_RULES } from './helpdesk.ts';
import { LICENSE_RULES } from './licenses.ts';
import { PEOPLE_RULES } from './people.ts';
import type { IntentRule } from './types.ts';

export interface CompiledRule extends IntentRule {
  compiled: Pattern[];
  compiledCues: Cue[];
}

export const RULES: readonly CompiledRule[] = [...DIRECTORY_RULES, ...PEOPLE_RULES, ...APP_RULES, ...LICENSE_RULES, ...HELPDESK_RULES].map(
  (r) => ({ ...r, compiled: r.patterns.map(compile), compiledCues: r.cues.map(([w, s]) => cue(w, s)) }),
);

/** Words the rules use: a name is never made of these alone (see ../names.ts). */
export const KEYWORDS: ReadonlySet<string> = new Set(
  RULES.flatMap((r) => [...r.compiled.flatMap(patternWords), ...r.compiledCues.flatMap(cueWords)]).filter((w) => /^[a-z]/.test(w)),
);

/** Words a misspelling may be corrected to: the rules' longer words, role and license words. */
export const VOCABULARY: ReadonlySet<string> = new Set(
  [...KEYWORDS, ...ROLE_WORDS, ...SKU_WORDS, 'readonly', 'password', 'delete', 'remove', 'assign', 'disable', 'enable', 'create', 'reset', 'unlock', 'invite', 'rename']
    .filter((w) => w.length >= 5 && /^[a-z]+$/.test(w)),
);

/** Real words that are never "corrected": every word list the parser knows plus everyday words. */
export const KNOWN_WORDS: ReadonlySet<string> = new Set([
  ...STOPWORDS, ...COMMON_WORDS, ...KNOWN_APPS, ...WORKLOADS, ...GROUP_WORDS, ...DEPARTMENTS, ...APP_WORDS, ...FIRST_NAMES,
  ...TRIAGE_WORDS, ...CHANGE_WORDS, ...FILLER_WORDS, ...CATALOG_WORDS,
]);
