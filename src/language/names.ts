// What may count as a name (of a user, app or group) and how its value is cut from the text.
// A name is a run of tokens with at least one word that is not a keyword or a function word
// ("who is synced" has no name; "who is Megan" does), that is not really a role, license or
// period, and that is kept exactly as typed.
import { isEmail, isGuid } from './entities/ids.ts';
import { coveredBy, type Span } from './entities/spans.ts';
import { DEPARTMENTS, FIRST_NAMES, KNOWN_APPS } from './lexicon.ts';
import { typedText, type Utterance } from './normalize.ts';

export type NameKind = 'user' | 'app' | 'group' | 'name';

/** First-person words that mean the asker. */
export const ME = new Set(['i', 'me', 'my', 'myself', 'mine']);

export const STOPWORDS = new Set([
  'a', 'an', 'the', 'is', 'are', 'am', 'was', 'were', 'be', 'been', 'being', 'do', 'does', 'did', 'have', 'has', 'had',
  'of', 'for', 'to', 'in', 'on', 'at', 'by', 'with', 'from', 'about', 'into', 'onto', 'over', 'under', 'and', 'or',
  'but', 'not', 'no', 'yes', 'any', 'some', 'all', 'every', 'each', 'this', 'that', 'these', 'those', 'there', 'here',
  'it', 'its', 'we', 'us', 'our', 'ours', 'you', 'your', 'they', 'them', 'their', 'he', 'him', 'his', 'she', 'her',
  'who', 'whom', 'whose', 'what', 'which', 'when', 'where', 'why', 'how', 'many', 'much', 'more', 'most', 'can',
  'could', 'would', 'should', 'will', 'shall', 'may', 'might', 'must', 'please', 'thanks', 'hi', 'hello', 'hey', 'ok',
  'so', 'just', 'also', 'still', 'now', 'then', 'than', 'too', 'very', 'really', 'get', 'got', 'let', 'know', 'tell',
  'show', 'list', 'give', 'see', 'check', 'find', 'need', 'want', 'like', 'anyone', 'someone', 'everyone', 'anybody',
  'somebody', 'everybody', 'nobody', 'people', 'if', 'whether', 'as', 'only', 'else', 'other', 'another', 'same', 'i',
  'me', 'my', 'myself', 'mine', 'either', 'both', 'one', 'ones', 'thing', 'things', 'stuff', 'currently', 'right', 'yet',
  'already', 'again', 'ever', 'never', 'always', 'something', 'anything', 'everything', 'nothing', 'lookup', 'look',
  'up', 'search', 'info', 'information', 'details', 'detail', "'s", 'whats', 'um', 'lol', 'pls', 'btw', 'there',
  'night', 'morning', 'yesterday', 'today', 'tonight', 'weekend', 'afternoon', 'evening', 'recently', 'lately', 'earlier',
  'since', 'ago',
]);

const BAD_START = new Set([
  'in', 'on', 'at', 'of', 'for', 'to', 'from', 'with', 'by', 'and', 'or', 'is', 'are', 'am', 'was', 'were', 'do',
  'does', 'did', 'has', 'have', 'who', 'what', 'which', 'when', 'where', 'why', 'how', 'a', 'an', "'s", 'not', 'no',
]);
const BAD_END = new Set(['the', 'a', 'an', 'of', 'for', 'to', 'in', 'on', 'and', 'or', 'with', 'from', "'s", 'is', 'are', 'my', 'our']);
const PREPOSITIONS = new Set(['of', 'in', 'on', 'for', 'with', 'from', 'to', 'at', 'by', 'about', 'into']);
const NOT_USERS = new Set(['we', 'us', 'you', 'they', 'he', 'she', 'it', 'them', 'him', 'her', 'someone', 'anyone', 'everyone', 'nobody', 'somebody', 'anybody', 'everybody', 'people']);

export interface NameContext {
  u: Utterance;
  spans: readonly Span[];
  /** Every word the intent rules are written in. */
  keywords: ReadonlySet<string>;
}

/**
 * A token that can carry a name: quoted, an id, a capitalised abbreviation ("IT", "HR"), a word
 * that is not a known word, or — where a pattern already placed a name — a capitalised word
 * inside the message ("members of All Company").
 */
export function nameLike(ctx: NameContext, i: number, placed = false): boolean {
  const t = ctx.u.tokens[i]!;
  if (t.quoted || isEmail(t.norm) || isGuid(t.norm)) return true;
  if (!/[\p{L}\p{N}]/u.test(t.norm) || t.norm === "'s") return false;
  const typed = ctx.u.text.slice(t.start, t.end);
  if (/\p{Lu}/u.test(typed.slice(1))) return true;
  if (STOPWORDS.has(t.norm)) return false;
  if (placed && i > 0 && /^\p{Lu}/u.test(typed)) return true;
  return !ctx.keywords.has(t.norm);
}

/**
 * A token that marks a proper name: typed with a capital, quoted, an id, or a given name, app or
 * department the lexicon knows. Names found without a pattern need one ("sync errors for adele"
 * yes, "duplicate proxy addresses" no).
 */
export function properNoun(ctx: NameContext, i: number): boolean {
  const t = ctx.u.tokens[i]!;
  const typed = ctx.u.text.slice(t.start, t.end);
  if (t.norm === 'i') return false;
  return t.quoted !== undefined || /^\p{Lu}/u.test(typed) || isEmail(t.norm) || isGuid(t.norm) || FIRST_NAMES.has(t.norm) || KNOWN_APPS.has(t.norm) || DEPARTMENTS.has(t.norm);
}

/** Whether tokens [from, to) can be a name of this kind. */
export function acceptName(ctx: NameContext, kind: NameKind, from: number, to: number): boolean {
  const toks = ctx.u.tokens.slice(from, to);
  const first = toks[0]!.norm;
  if (kind === 'user' && to - from === 1 && ME.has(first)) return true;
  if (BAD_START.has(first) || BAD_END.has(toks[toks.length - 1]!.norm)) return false;
  if (toks.some((t, k) => t.norm === "'s" || (k > 0 && t.quoted))) return false;
  if (to - from > 1 && toks.some((t) => isEmail(t.norm) || isGuid(t.norm))) return false;
  if (kind === 'user' && (NOT_USERS.has(first) || first === 'the' || toks.some((t) => PREPOSITIONS.has(t.norm) || ME.has(t.norm)))) return false;
  if (coveredBy(ctx.spans, from, to, ['role', 'sku', 'days', 'domain'])) return false;
  // A name never straddles a period or contains a role ("members of the Teams Administrator role");
  // a person's name never contains a license or a domain either ("who is assigned SPE_E5").
  const never = kind === 'user' ? ['days', 'role', 'sku', 'domain'] : ['days', 'role'];
  if (ctx.spans.some((s) => never.includes(s.kind) && s.start < to && s.end > from)) return false;
  for (let i = from; i < to; i++) if (nameLike(ctx, i, true)) return true;
  return false;
}

const DETERMINERS = new Set(['the', 'our', 'this', 'that', 'a', 'an']);

/** The value of a name: 'me', a lower-case UPN or GUID, or the typed text without a leading "the". */
export function nameValue(ctx: NameContext, kind: NameKind, from: number, to: number): string {
  const toks = ctx.u.tokens;
  if (to - from === 1) {
    const t = toks[from]!;
    if (kind === 'user' && ME.has(t.norm)) return 'me';
    if (isEmail(t.norm) || isGuid(t.norm)) return t.norm;
  }
  while (to - from > 1 && DETERMINERS.has(toks[from]!.norm) && !toks[from]!.quoted) from++;
  return typedText(ctx.u, from, to);
}

const CONNECTORS = new Set(['and', 'of', '&', 'de', 'van', 'von']);

/**
 * The name left over in [from, to) once keywords, function words and entities are set aside:
 * the longest run of name-like tokens (joined over "and"/"of" inside it) that has a proper noun
 * in it (see properNoun). For keyword matches
 * such as "sync errors for Adele Vance", where no pattern placed the name.
 */
export function leftoverName(ctx: NameContext, from: number, to: number): [number, number] | undefined {
  const inSpan = (i: number) => ctx.spans.some((s) => s.kind !== 'email' && s.kind !== 'guid' && s.start <= i && s.end > i);
  const ok = (i: number) => !inSpan(i) && nameLike(ctx, i) && !ME.has(ctx.u.tokens[i]!.norm);
  let best: [number, number] | undefined;
  for (let i = from; i < to; i++) {
    if (!ok(i)) continue;
    let j = i + 1;
    while (j < to && (ok(j) || (CONNECTORS.has(ctx.u.tokens[j]!.norm) && j + 1 < to && ok(j + 1)))) j++;
    let proper = false;
    for (let k = i; k < j; k++) proper ||= properNoun(ctx, k);
    if (proper && (!best || j - i > best[1] - best[0])) best = [i, j];
    i = j;
  }
  return best;
}
