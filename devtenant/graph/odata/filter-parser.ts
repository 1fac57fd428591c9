// Recursive-descent parser for $filter. Precedence follows OData 4.01 (§5.1.1.1): not binds
// tightest, then the comparisons, then `and`, then `or`. It only builds the tree; whether Graph
// supports a property/operator combination is decided afterwards (query-rules.ts), because Graph
// answers those with a different error code than syntax errors.
import { ODataSyntaxError, type CompareOp, type FilterNode, type FunctionName, type Literal, type PropertyRef } from './ast.ts';
import { syntaxError, tokenize, type Token } from './lexer.ts';

const COMPARE = new Set<CompareOp>(['eq', 'ne', 'gt', 'ge', 'lt', 'le']);
const FUNCTIONS = new Set<FunctionName>(['startswith', 'endswith', 'contains']);
/** Deep enough for any real query, shallow enough that hostile input cannot exhaust the stack. */
const MAX_DEPTH = 64;
export const MAX_FILTER_LENGTH = 16_384;

class Parser {
  private i = 0;
  private depth = 0;
  private readonly variables: string[] = [];

  constructor(
    private readonly text: string,
    private readonly tokens: Token[],
  ) {}

  private peek(offset = 0): Token {
    return this.tokens[Math.min(this.i + offset, this.tokens.length - 1)]!;
  }
  private next(): Token {
    const t = this.peek();
    if (t.kind !== 'eof') this.i++;
    return t;
  }
  private fail(t: Token = this.peek()): never {
    throw t.error ?? syntaxError(this.text, t.pos);
  }
  private expect(kind: Token['kind']): Token {
    const t = this.peek();
    if (t.kind !== kind) this.fail(t);
    return this.next();
  }
  private keyword(t: Token, word: string): boolean {
    return t.kind === 'ident' && t.text.toLowerCase() === word;
  }
  private enter(): void {
    if (++this.depth > MAX_DEPTH) throw new ODataSyntaxError(`The filter is nested more than ${MAX_DEPTH} levels deep.`, this.peek().pos);
  }
  private leave(): void {
    this.depth--;
  }

  parse(): FilterNode {
    if (this.peek().kind === 'eof') this.fail();
    const node = this.or();
    if (this.peek().kind !== 'eof') this.fail();
    return node;
  }

  private or(): FilterNode {
    this.enter();
    let left = this.and();
    while (this.keyword(this.peek(), 'or')) {
      this.next();
      left = { kind: 'or', left, right: this.and() };
    }
    this.leave();
    return left;
  }

  private and(): FilterNode {
    let left = this.comparison();
    while (this.keyword(this.peek(), 'and')) {
      this.next();
      left = { kind: 'and', left, right: this.comparison() };
    }
    return left;
  }

  private comparison(): FilterNode {
    const left = this.unary();
    const t = this.peek();
    if (t.kind !== 'ident') return left;
    const op = t.text.toLowerCase();
    if (COMPARE.has(op as CompareOp)) {
      this.next();
      const right = this.unary();
      const after = this.peek();
      if (after.kind === 'ident' && (COMPARE.has(after.text.toLowerCase() as CompareOp) || after.text.toLowerCase() === 'in')) this.fail(after);
      return { kind: 'compare', op: op as CompareOp, left, right };
    }
    if (op === 'in') {
      this.next();
      this.expect('(');
      const values: Literal[] = [this.literalOnly()];
      while (this.peek().kind === ',') {
        this.next();
        values.push(this.literalOnly());
      }
      this.expect(')');
      return { kind: 'in', left, values };
    }
    return left;
  }

  private unary(): FilterNode {
    const t = this.peek();
    if (this.keyword(t, 'not')) {
      this.next();
      this.enter();
      const operand = this.unary();
      this.leave();
      return { kind: 'not', operand };
    }
    return this.primary();
  }

  private primary(): FilterNode {
    const t = this.peek();
    if (t.kind === '(') {
      this.next();
      const inner = this.or();
      this.expect(')');
      return inner;
    }
    const literal = this.literal();
    if (literal) return literal;
    if (t.kind !== 'ident') this.fail(t);
    if (this.peek(1).kind === '(') return this.call();
    return this.member();
  }

  private literal(): Literal | undefined {
    const t = this.peek();
    switch (t.kind) {
      case 'string':
        this.next();
        return { kind: 'literal', type: 'string', value: t.text };
      case 'number': {
        this.next();
        const value = Number(t.text);
        if (!Number.isFinite(value)) this.fail(t);
        return { kind: 'literal', type: 'number', value, text: t.text };
      }
      case 'guid':
        this.next();
        return { kind: 'literal', type: 'guid', value: t.text };
      case 'datetime':
        this.next();
        return { kind: 'literal', type: 'datetime', value: t.text };
      case 'date':
        this.next();
        return { kind: 'literal', type: 'date', value: t.text };
      case 'ident':
        if (t.text === 'true' || t.text === 'false') {
          this.next();
          return { kind: 'literal', type: 'boolean', value: t.text === 'true' };
        }
        if (t.text === 'null') {
          this.next();
          return { kind: 'literal', type: 'null', value: null };
        }
        return undefined;
      default:
        return undefined;
    }
  }

  private literalOnly(): Literal {
    const lit = this.literal();
    if (!lit) this.fail();
    return lit;
  }

  private call(): FilterNode {
    const nameTok = this.next();
    const name = nameTok.text.toLowerCase();
    if (!FUNCTIONS.has(name as FunctionName)) {
      throw new ODataSyntaxError(`An unknown function with name '${nameTok.text}' was found. This may also be a function import or a key lookup on a navigation property, which is not allowed.`, nameTok.pos);
    }
    this.expect('(');
    this.enter();
    const args: FilterNode[] = [this.or()];
    while (this.peek().kind === ',') {
      this.next();
      args.push(this.or());
    }
    this.leave();
    this.expect(')');
    if (args.length !== 2) {
      throw new ODataSyntaxError(`No function signature for the function with name '${nameTok.text}' matches the specified arguments.`, nameTok.pos);
    }
    return { kind: 'call', name: name as FunctionName, args };
  }

  private member(): FilterNode {
    const first = this.next();
    if (first.text.startsWith('$') || isKeyword(first.text)) this.fail(first);
    const ref: PropertyRef = { kind: 'property', path: [] };
    if (this.variables.includes(first.text)) ref.variable = first.text;
    else ref.path.push(first.text);
    while (this.peek().kind === '/') {
      this.next();
      const seg = this.peek();
      if (seg.kind !== 'ident') this.fail(seg);
      if ((seg.text === 'any' || seg.text === 'all') && this.peek(1).kind === '(') {
        this.next();
        return this.lambda(seg.text, ref);
      }
      if (seg.text === '$count') {
        this.next();
        if (ref.path.length === 0 && !ref.variable) this.fail(seg);
        return { kind: 'count', collection: ref };
      }
      if (seg.text.startsWith('$')) this.fail(seg);
      this.next();
      ref.path.push(seg.text);
    }
    return ref;
  }

  private lambda(op: 'any' | 'all', collection: PropertyRef): FilterNode {
    this.expect('(');
    if (this.peek().kind === ')') {
      if (op === 'all') this.fail();
      this.next();
      return { kind: 'lambda', op, collection };
    }
    const v = this.expect('ident');
    if (v.text.startsWith('$') || isKeyword(v.text) || this.variables.includes(v.text)) this.fail(v);
    this.expect(':');
    this.variables.push(v.text);
    this.enter();
    const predicate = this.or();
    this.leave();
    this.variables.pop();
    this.expect(')');
    return { kind: 'lambda', op, collection, variable: v.text, predicate };
  }
}

const KEYWORDS = new Set(['and', 'or', 'not', 'eq', 'ne', 'gt', 'ge', 'lt', 'le', 'in', 'true', 'false', 'null']);
function isKeyword(word: string): boolean {
  return KEYWORDS.has(word.toLowerCase());
}

/** Parses a $filter value (already percent-decoded). Throws ODataSyntaxError. */
export function parseFilter(text: string): FilterNode {
  if (text.length > MAX_FILTER_LENGTH) throw new ODataSyntaxError(`The filter is longer than ${MAX_FILTER_LENGTH} characters.`, MAX_FILTER_LENGTH);
  return new Parser(text, tokenize(text)).parse();
}
