// Text as typed in Teams → tokens the rules can match. Every token remembers where it came from
// in the cleaned text, so entity values are cut from what the person typed (casing, inner
// quotes and punctuation intact: "O'Brien", "Salesforce' or 1 eq 1"), never rebuilt from tokens.
import { PHRASE_FIXES, WORD_FIXES, fuzzyFix } from './typos.ts';

export interface Token {
  /** Lower-case, typo-fixed form the rules match. A quoted phrase gets a form no rule word equals. */
  norm: string;
  /** Where the typed text lies in Utterance.text (a word that expanded into two shares its span). */
  start: number;
  end: number;
  /** For a quoted phrase: what was between the quotes. */
  quoted?: string;
}

export interface Utterance {
  /** The message with mentions, markup, control characters and emoji removed and quotes straightened. */
  text: string;
  tokens: Token[];
}

/** A question is never longer than this; the rest of a pasted log cannot change the reading. */
const MAX_CHARS = 1000;
const MAX_TOKENS = 120;
const QUOTE_WINDOW = 200;

const KNOWN_TAGS = 'at|p|div|span|b|i|u|s|strong|em|br|a|img|code|pre|blockquote|ul|ol|li|h[1-6]|table|thead|tbody|tr|td|th|font|del|ins|sup|sub|hr|emoji|attachment|systemspan';
const MENTION = /<at\b[^<>]{0,100}>[^<]{0,200}<\/at>/gi;
const TAG = new RegExp(`</?(?:${KNOWN_TAGS})\\b[^<>]{0,300}>`, 'gi');
// [text](url): keep the text people see.
const MARKDOWN_LINK = /\[([^[\]]{1,200})\]\([^()\s]{1,500}\)/g;
const ENTITIES: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'", '&apos;': "'", '&nbsp;': ' ' };
// Controls, zero-width and bidi marks are invisible, and they would split or glue words.
function invisible(c: number): boolean {
  return c < 0x20 || (c >= 0x7f && c <= 0x9f) || c === 0xad || (c >= 0x200b && c <= 0x200f) || (c >= 0x2028 && c <= 0x202e) ||
    (c >= 0x2060 && c <= 0x2064) || (c >= 0x2066 && c <= 0x2069) || (c >= 0xfe00 && c <= 0xfe0f) || c === 0xfeff;
}

/** Invisible characters and unpaired surrogates (a cut emoji) become spaces, in one linear pass. */
function visible(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    const high = c >= 0xd800 && c <= 0xdbff;
    const low = c >= 0xdc00 && c <= 0xdfff;
    if (high && i + 1 < s.length && s.charCodeAt(i + 1) >= 0xdc00 && s.charCodeAt(i + 1) <= 0xdfff) {
      out += s[i]! + s[i + 1]!;
      i++;
    } else out += invisible(c) || high || low ? ' ' : s[i]!;
  }
  return out;
}
const PICTOGRAPHS = /[\p{Extended_Pictographic}\p{So}\u{1F3FB}-\u{1F3FF}\u{E0020}-\u{E007F}]/gu;

export function clean(input: string): string {
  return visible(input.slice(0, MAX_CHARS * 4))
    .normalize('NFKC')
    .replace(MENTION, ' ')
    .replace(TAG, ' ')
    .replace(/&(?:amp|lt|gt|quot|#39|apos|nbsp);/g, (e) => ENTITIES[e] ?? e)
    .replace(MARKDOWN_LINK, '$1')
    .replace(/`{2,}/g, ' ')
    .replace(/[\u2018\u2019\u201a\u201b\u2032\u00b4`]/g, "'")
    .replace(/[\u201c\u201d\u201e\u201f\u00ab\u00bb\u2033]/g, '"')
    .replace(/[\u2013\u2014\u2212]/g, '-')
    .replace(PICTOGRAPHS, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, MAX_CHARS)
    .replace(/[\uD800-\uDBFF]$/, '');
}

const isSpace = (c: string | undefined) => c === undefined || c === ' ';
/** Characters that end a word without being part of it (sentence punctuation, markdown). */
const SPLIT = /[,;!?()[\]{}<>|]+/;
const LEAD_TRIM = `'"*_~#>.:-=+`;
const TRAIL_TRIM = `'"*_~.:-=/\\`;
const POSSESSIVE_EXCEPTIONS = new Set(["it's", "let's", "who's", "what's", "that's", "there's", "here's", "where's", "how's", "he's", "she's"]);

/** The closing quote for an opening one at `open`, or -1: it must be followed by a word boundary. */
function closingQuote(text: string, open: number): number {
  const q = text[open];
  const limit = Math.min(text.length, open + QUOTE_WINDOW);
  for (let i = open + 2; i < limit; i++) {
    if (text[i] !== q) continue;
    const next = text[i + 1];
    if (next === undefined || /[\s?!.,;:)\]]/.test(next)) return i;
  }
  return -1;
}

function pushWord(text: string, start: number, end: number, out: Token[]): void {
  while (start < end && LEAD_TRIM.includes(text[start]!)) start++;
  while (end > start && TRAIL_TRIM.includes(text[end - 1]!)) end--;
  const piece = text.slice(start, end);
  if (!/[\p{L}\p{N}]/u.test(piece)) return;
  let lower = piece.toLowerCase();
  // "Megan's groups": the name and the possessive become two tokens, so "{user} 's groups" matches.
  if (lower.endsWith("'s") && lower.length > 2 && !POSSESSIVE_EXCEPTIONS.has(lower)) {
    out.push({ norm: lower.slice(0, -2), start, end: end - 2 });
    out.push({ norm: "'s", start: end - 2, end });
    return;
  }
  if (lower.endsWith("s'") && lower.length > 2) lower = lower.slice(0, -1);
  const fixed = WORD_FIXES[lower] ?? lower;
  for (const norm of fixed.split(' ')) out.push({ norm, start, end });
}

function scan(text: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  while (i < text.length && out.length < MAX_TOKENS) {
    const c = text[i]!;
    if (c === ' ') {
      i++;
      continue;
    }
    if ((c === '"' || c === "'") && (i === 0 || /[\s([]/.test(text[i - 1]!))) {
      const close = closingQuote(text, i);
      if (close > 0 && text.slice(i + 1, close).trim() !== '') {
        const quoted = text.slice(i + 1, close).trim();
        out.push({ norm: `"${quoted.toLowerCase()}"`, start: i, end: close + 1, quoted });
        i = close + 1;
        continue;
      }
    }
    let j = i;
    while (!isSpace(text[j])) j++;
    // Split the chunk at sentence punctuation ("sync?thanks", "(Sales)").
    let from = i;
    const chunk = text.slice(i, j);
    for (const part of chunk.split(SPLIT)) {
      const at = text.indexOf(part, from);
      if (part !== '' && at >= 0) {
        pushWord(text, at, at + part.length, out);
        from = at + part.length;
      }
    }
    i = j;
  }
  return out;
}

/** Merge word runs such as "azure ad" into one token (spans joined). */
function mergePhrases(tokens: Token[]): Token[] {
  const out: Token[] = [];
  for (let i = 0; i < tokens.length; i++) {
    let merged = false;
    for (const [phrase, into] of PHRASE_FIXES) {
      const words = phrase.split(' ');
      if (words.every((w, k) => tokens[i + k]?.norm === w)) {
        const last = tokens[i + words.length - 1]!;
        out.push({ norm: into, start: tokens[i]!.start, end: last.end });
        i += words.length - 1;
        merged = true;
        break;
      }
    }
    if (!merged) out.push(tokens[i]!);
  }
  return out;
}

/**
 * Clean and tokenize. `vocabulary` (the rules' own words) lets a misspelt keyword be recognised;
 * a capitalised word other than the first is taken for a name and never corrected.
 */
export function prepare(input: string, vocabulary?: ReadonlySet<string>, known?: ReadonlySet<string>): Utterance {
  const text = clean(typeof input === 'string' ? input : '');
  const tokens = mergePhrases(scan(text));
  if (vocabulary) {
    tokens.forEach((t, i) => {
      if (t.quoted || t.norm.includes(' ')) return;
      const typed = text.slice(t.start, t.end);
      if (i > 0 && typed !== typed.toLowerCase()) return;
      const fix = fuzzyFix(t.norm, vocabulary, known);
      if (fix) t.norm = fix;
    });
  }
  return { text, tokens };
}

/** The typed text of tokens [from, to), trimmed of surrounding quotes and sentence punctuation. */
export function typedText(u: Utterance, from: number, to: number): string {
  if (to - from === 1 && u.tokens[from]?.quoted) return u.tokens[from]!.quoted!;
  const first = u.tokens[from];
  const last = u.tokens[to - 1];
  if (!first || !last) return '';
  return trimEnds(u.text.slice(first.start, last.end), `'"*_~ `, `'"*_~?!.,;: `);
}

/** Trim characters from both ends with plain loops (no regex backtracking on long runs). */
export function trimEnds(s: string, lead: string, trail: string): string {
  let a = 0;
  let b = s.length;
  while (a < b && lead.includes(s[a]!)) a++;
  while (b > a && trail.includes(s[b - 1]!)) b--;
  return s.slice(a, b);
}
