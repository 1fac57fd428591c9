// $search on directory objects: `"property:text"` clauses joined by upper-case AND / OR, with
// parentheses. Matching is tokenized (graph reference §3): words split on spaces, symbols, digits
// and lower→upper case changes, each search word matching the start of some word of the value,
// in any order. Only displayName and description are really tokenized; other properties match
// by prefix of the whole value.
import { ODataSyntaxError } from './ast.ts';

export type SearchNode = { kind: 'and' | 'or'; left: SearchNode; right: SearchNode } | { kind: 'clause'; property: string; text: string };

type Tok = { kind: 'clause'; property: string; text: string; pos: number } | { kind: 'AND' | 'OR' | '(' | ')' | 'eof'; pos: number };

function fail(source: string, pos: number): never {
  const ch = source[pos];
  throw new ODataSyntaxError(
    ch === undefined ? `Syntax error: unexpected end of $search query '${source}'.` : `Syntax error: character '${ch}' is not valid at position ${pos + 1} in '${source}'.`,
    pos,
  );
}

function lex(source: string): Tok[] {
  const out: Tok[] = [];
  let i = 0;
  while (i < source.length) {
    const ch = source[i]!;
    if (ch === ' ' || ch === '\t') {
      i++;
    } else if (ch === '(' || ch === ')') {
      out.push({ kind: ch, pos: i++ });
    } else if (source.startsWith('AND', i) && !/[A-Za-z0-9]/.test(source[i + 3] ?? ' ')) {
      out.push({ kind: 'AND', pos: i });
      i += 3;
    } else if (source.startsWith('OR', i) && !/[A-Za-z0-9]/.test(source[i + 2] ?? ' ')) {
      out.push({ kind: 'OR', pos: i });
      i += 2;
    } else if (ch === '"') {
      const start = i;
      let body = '';
      i++;
      for (;;) {
        if (i >= source.length) fail(source, source.length);
        const c = source[i]!;
        if (c === '\\') {
          const n = source[i + 1];
          if (n !== '"' && n !== '\\') fail(source, i);
          body += n;
          i += 2;
          continue;
        }
        if (c === '"') break;
        body += c;
        i++;
      }
      i++;
      const colon = body.indexOf(':');
      if (colon <= 0 || !/^[A-Za-z][A-Za-z0-9_]*$/.test(body.slice(0, colon))) fail(source, start + 1);
      const text = body.slice(colon + 1);
      if (text.trim() === '') fail(source, start + 1 + colon + 1);
      out.push({ kind: 'clause', property: body.slice(0, colon), text, pos: start });
    } else {
      fail(source, i);
    }
  }
  out.push({ kind: 'eof', pos: source.length });
  return out;
}

/** Parses the $search value (with its double quotes). Throws ODataSyntaxError. */
export function parseSearch(source: string): SearchNode {
  if (source.length > 4096) throw new ODataSyntaxError('The $search query is too long.', 4096);
  const toks = lex(source);
  let i = 0;
  let depth = 0;
  const peek = () => toks[i]!;
  const or = (): SearchNode => {
    if (++depth > 32) fail(source, peek().pos);
    let left = and();
    while (peek().kind === 'OR') {
      i++;
      left = { kind: 'or', left, right: and() };
    }
    depth--;
    return left;
  };
  const and = (): SearchNode => {
    let left = term();
    while (peek().kind === 'AND') {
      i++;
      left = { kind: 'and', left, right: term() };
    }
    return left;
  };
  const term = (): SearchNode => {
    const t = peek();
    if (t.kind === '(') {
      i++;
      const inner = or();
      if (peek().kind !== ')') fail(source, peek().pos);
      i++;
      return inner;
    }
    if (t.kind === 'clause') {
      i++;
      return { kind: 'clause', property: t.property, text: t.text };
    }
    return fail(source, t.pos);
  };
  const tree = or();
  if (peek().kind !== 'eof') fail(source, peek().pos);
  return tree;
}

/** Splits text into lower-case words at non-alphanumerics, letter/digit boundaries and lower→upper changes. */
export function searchWords(text: string): string[] {
  return text
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .replace(/([A-Za-z])([0-9])/g, '$1 $2')
    .replace(/([0-9])([A-Za-z])/g, '$1 $2')
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 0)
    .map((w) => w.toLowerCase());
}

const TOKENIZED = new Set(['displayName', 'description']);

function clauseMatches(value: unknown, property: string, text: string): boolean {
  if (Array.isArray(value)) return value.some((v) => clauseMatches(v, property, text));
  if (typeof value !== 'string') return false;
  if (!TOKENIZED.has(property)) return value.toLowerCase().startsWith(text.toLowerCase());
  const wanted = searchWords(text);
  if (wanted.length === 0) return false;
  const have = searchWords(value);
  return wanted.every((w) => have.some((h) => h.startsWith(w)));
}

export function searchProperties(node: SearchNode, out: string[] = []): string[] {
  if (node.kind === 'clause') out.push(node.property);
  else {
    searchProperties(node.left, out);
    searchProperties(node.right, out);
  }
  return out;
}

export function compileSearch(node: SearchNode): (o: Record<string, unknown>) => boolean {
  if (node.kind === 'clause') {
    const { property, text } = node;
    return (o) => clauseMatches(o[property], property, text);
  }
  const l = compileSearch(node.left);
  const r = compileSearch(node.right);
  return node.kind === 'and' ? (o) => l(o) && r(o) : (o) => l(o) || r(o);
}
