// Tokenizer for OData $filter expressions (the subset Graph accepts on directory objects).
// Every character is accounted for: anything the grammar does not know becomes a 'bad' token that
// the parser turns into a syntax error with its position — never silently skipped, so a literal
// can never leak into the expression.
import { ODataSyntaxError } from './ast.ts';

export type TokenKind = '(' | ')' | ',' | ':' | '/' | 'string' | 'number' | 'guid' | 'datetime' | 'date' | 'ident' | 'bad' | 'eof';

export interface Token {
  kind: TokenKind;
  /** The literal's value (strings unescaped) or the identifier as written. */
  text: string;
  /** 0-based offset of the token's first character. */
  pos: number;
  /** For 'bad': why the characters from here on are not a token. */
  error?: ODataSyntaxError;
}

const GUID = /[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}/y;
const DATETIME = /\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,7})?)?(?:Z|[+-]\d{2}:\d{2})/y;
const DATE = /\d{4}-\d{2}-\d{2}/y;
const NUMBER = /-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const IDENT = /\$?[A-Za-z_][A-Za-z0-9_]*/y;
const IDENT_CHAR = /[A-Za-z0-9_]/;

function sticky(re: RegExp, text: string, pos: number): string | undefined {
  re.lastIndex = pos;
  const m = re.exec(text);
  return m ? m[0] : undefined;
}

/** A match only counts when it is not the start of a longer word ("2021-01-01abc" is not a date). */
function whole(match: string | undefined, text: string, pos: number): string | undefined {
  if (match === undefined) return undefined;
  const next = text[pos + match.length];
  return next !== undefined && IDENT_CHAR.test(next) ? undefined : match;
}

export function syntaxError(text: string, pos: number): ODataSyntaxError {
  return new ODataSyntaxError(`Syntax error at position ${pos + 1} in '${text}'.`, pos);
}

export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let pos = 0;
  while (pos < text.length) {
    const ch = text[pos]!;
    if (ch === ' ' || ch === '\t') {
      pos++;
      continue;
    }
    if (ch === '(' || ch === ')' || ch === ',' || ch === ':' || ch === '/') {
      tokens.push({ kind: ch, text: ch, pos });
      pos++;
      continue;
    }
    if (ch === "'") {
      let value = '';
      let i = pos + 1;
      for (;;) {
        if (i >= text.length) return bad(tokens, pos, new ODataSyntaxError(`There is an unterminated string literal at position ${pos + 1} in '${text}'.`, pos));
        const c = text[i]!;
        if (c === "'") {
          if (text[i + 1] === "'") {
            value += "'";
            i += 2;
            continue;
          }
          break;
        }
        value += c;
        i++;
      }
      tokens.push({ kind: 'string', text: value, pos });
      pos = i + 1;
      continue;
    }
    const guid = whole(sticky(GUID, text, pos), text, pos);
    if (guid) {
      tokens.push({ kind: 'guid', text: guid.toLowerCase(), pos });
      pos += guid.length;
      continue;
    }
    const dt = whole(sticky(DATETIME, text, pos), text, pos);
    if (dt) {
      if (Number.isNaN(Date.parse(dt)) || !validDate(dt.slice(0, 10))) return bad(tokens, pos, syntaxError(text, pos));
      tokens.push({ kind: 'datetime', text: dt, pos });
      pos += dt.length;
      continue;
    }
    const date = whole(sticky(DATE, text, pos), text, pos);
    if (date) {
      if (!validDate(date)) return bad(tokens, pos, syntaxError(text, pos));
      tokens.push({ kind: 'date', text: date, pos });
      pos += date.length;
      continue;
    }
    const num = whole(sticky(NUMBER, text, pos), text, pos);
    if (num) {
      tokens.push({ kind: 'number', text: num, pos });
      pos += num.length;
      continue;
    }
    const ident = sticky(IDENT, text, pos);
    if (ident) {
      tokens.push({ kind: 'ident', text: ident, pos });
      pos += ident.length;
      continue;
    }
    return bad(tokens, pos, syntaxError(text, pos));
  }
  tokens.push({ kind: 'eof', text: '', pos: text.length });
  return tokens;
}

/**
 * Lexing stops at the first character that starts no token; the parser reports it only if it gets
 * that far, so (like Graph's parser) the first unexpected token is what the error names.
 */
function bad(tokens: Token[], pos: number, error: ODataSyntaxError): Token[] {
  tokens.push({ kind: 'bad', text: '', pos, error });
  return tokens;
}

function validDate(ymd: string): boolean {
  const [y, m, d] = ymd.split('-').map(Number) as [number, number, number];
  if (m < 1 || m > 12 || d < 1) return false;
  const days = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return d <= days;
}
