// Turns a parsed $filter into a predicate over Graph objects, checking names and literal types
// against the v1.0 schema the way Graph's OData layer does (property names case-insensitive,
// Edm.Guid and Edm.Boolean unquoted, strings compared case-insensitively as the directory does).
// It also lists every (property, operator) use, which query-rules.ts then judges.
import type { CompareOp, FilterNode, Literal, PropertyRef } from './ast.ts';
import type { FilterOp } from '../query-rules.ts';
import { complexProperty, entityProperty, isComplexType, qualified, type EntityTypeName, type PropType } from '../schema.ts';
import { fail } from '../wire.ts';

export interface FilterUse {
  /** Rule key: 'displayName', 'signInActivity/lastSignInDateTime', 'assignedLicenses/any/skuId', 'proxyAddresses/$count'. */
  key: string;
  op: FilterOp | 'contains';
  /** The top-level property, for error messages. */
  property: string;
}

export interface CompiledFilter {
  test: (o: Record<string, unknown>) => boolean;
  uses: FilterUse[];
  usesNot: boolean;
  usesAll: boolean;
  usesEmptyAny: boolean;
}

type Row = Record<string, unknown>;
type Env = unknown[];
type Pred = (o: Row, env: Env) => boolean;

interface Operand {
  get: (o: Row, env: Env) => unknown;
  type: string;
  collection: boolean;
  key: string;
  property: string;
}

const OP_KIND: Record<CompareOp, string> = { eq: 'Equal', ne: 'NotEqual', gt: 'GreaterThan', ge: 'GreaterThanOrEqual', lt: 'LessThan', le: 'LessThanOrEqual' };
const NUMERIC = new Set(['Int16', 'Int32', 'Int64', 'Double', 'Single', 'Decimal', 'Byte', 'SByte']);

function invalid(message: string): never {
  throw fail.badRequest(`Invalid filter clause: ${message}`);
}

function literalEdm(l: Literal): string {
  switch (l.type) {
    case 'string':
      return 'Edm.String';
    case 'number':
      return /[.eE]/.test(l.text) ? 'Edm.Double' : 'Edm.Int32';
    case 'boolean':
      return 'Edm.Boolean';
    case 'guid':
      return 'Edm.Guid';
    case 'datetime':
      return 'Edm.DateTimeOffset';
    case 'date':
      return 'Edm.Date';
    default:
      return 'null';
  }
}

function propertyEdm(type: string): string {
  return type === 'enum' ? 'Edm.String' : type.includes('.') || /^[a-z]/.test(type) ? `microsoft.graph.${type}` : `Edm.${type}`;
}

function compatible(propType: string, l: Literal): boolean {
  if (l.type === 'null') return true;
  if (propType === 'String' || propType === 'enum') return l.type === 'string';
  if (propType === 'Boolean') return l.type === 'boolean';
  if (propType === 'Guid') return l.type === 'guid';
  if (propType === 'DateTimeOffset') return l.type === 'datetime' || l.type === 'date';
  if (propType === 'Date') return l.type === 'date';
  if (NUMERIC.has(propType)) return l.type === 'number';
  return false;
}

/** A comparable form of a value: strings lower-cased, dates as epoch ms. */
function normalize(type: string, v: unknown): string | number | boolean | null {
  if (v === undefined || v === null) return null;
  if (type === 'DateTimeOffset' || type === 'Date') {
    const ms = typeof v === 'string' ? Date.parse(v.length === 10 ? `${v}T00:00:00Z` : v) : NaN;
    return Number.isNaN(ms) ? null : ms;
  }
  if (NUMERIC.has(type)) return typeof v === 'number' ? v : Number(v);
  if (type === 'Boolean') return typeof v === 'boolean' ? v : null;
  return typeof v === 'string' ? v.toLowerCase() : String(v).toLowerCase();
}

function compareValues(op: CompareOp, a: string | number | boolean | null, b: string | number | boolean | null): boolean {
  if (b === null) return op === 'eq' ? a === null : op === 'ne' ? a !== null : false;
  if (a === null) return op === 'ne';
  switch (op) {
    case 'eq':
      return a === b;
    case 'ne':
      return a !== b;
    case 'gt':
      return a > b;
    case 'ge':
      return a >= b;
    case 'lt':
      return a < b;
    case 'le':
      return a <= b;
  }
}

class Compiler {
  readonly uses: FilterUse[] = [];
  usesNot = false;
  usesAll = false;
  usesEmptyAny = false;
  /** Lambda variables in scope: name → operand of the collection and its env slot. */
  private readonly scope: { name: string; collection: Operand; slot: number }[] = [];
  /** How many lambda variables are ever in scope at once: the size of the env array. */
  depth = 0;

  constructor(private readonly type: EntityTypeName) {}

  private lookup(owner: string, name: string, inComplex: boolean): PropType {
    const p = inComplex ? complexProperty(owner, name) : entityProperty(this.type, name);
    if (!p) invalid(`Could not find a property named '${name}' on type '${inComplex ? `microsoft.graph.${owner}` : qualified(this.type)}'.`);
    return p;
  }

  private operand(ref: PropertyRef): Operand {
    let owner: string = this.type;
    let inComplex = false;
    let prop: PropType | undefined;
    let key: string;
    let property: string;
    let get: (o: Row, env: Env) => unknown;
    let collection = false;
    let type: string;
    if (ref.variable !== undefined) {
      const bound = this.scope.find((s) => s.name === ref.variable)!;
      const slot = bound.slot;
      get = (_o, env) => env[slot];
      key = `${bound.collection.key}/any`;
      property = bound.collection.property;
      type = bound.collection.type;
      inComplex = isComplexType(type);
      owner = type;
      if (ref.path.length === 0) return { get, type, collection: false, key, property };
      if (!inComplex) invalid(`Could not find a property named '${ref.path[0]}' on type '${propertyEdm(type)}'.`);
    } else {
      get = (o) => o;
      key = '';
      property = ref.path[0]!;
      type = this.type;
    }
    for (const name of ref.path) {
      if (collection) invalid(`The parent value for a property access of a property '${name}' is not a single value. Property access can only be applied to a single value.`);
      if (prop && !prop.complex) invalid(`Could not find a property named '${name}' on type '${propertyEdm(prop.type)}'.`);
      prop = this.lookup(owner, name, inComplex);
      const canonical = prop.name;
      const parent = get;
      get = (o, env) => {
        const holder = parent(o, env);
        return holder && typeof holder === 'object' ? (holder as Row)[canonical] : undefined;
      };
      key = key ? `${key}/${canonical}` : canonical;
      if (ref.variable === undefined && key === canonical) property = canonical;
      owner = prop.type;
      inComplex = prop.complex;
      collection = prop.collection;
      type = prop.type;
    }
    return { get, type, collection, key, property };
  }

  private use(key: string, op: FilterUse['op'], property: string): void {
    this.uses.push({ key, op, property });
  }

  compile(node: FilterNode): Pred {
    switch (node.kind) {
      case 'and': {
        const l = this.compile(node.left);
        const r = this.compile(node.right);
        return (o, env) => l(o, env) && r(o, env);
      }
      case 'or': {
        const l = this.compile(node.left);
        const r = this.compile(node.right);
        return (o, env) => l(o, env) || r(o, env);
      }
      case 'not': {
        this.usesNot = true;
        const inner = this.compile(node.operand);
        return (o, env) => !inner(o, env);
      }
      case 'compare':
        return this.comparison(node.op, node.left, node.right);
      case 'in':
        return this.inList(node.left, node.values);
      case 'call':
        return this.call(node.name, node.args);
      case 'lambda':
        return this.lambda(node);
      case 'property': {
        const p = this.operand(node);
        if (p.type !== 'Boolean' || p.collection) invalid(`The $filter expression must evaluate to a single boolean value.`);
        throw fail.unsupportedProperty(p.property, this.resource());
      }
      default:
        return invalid('The $filter expression must evaluate to a single boolean value.');
    }
  }

  private resource(): string {
    return this.type === 'oAuth2PermissionGrant' ? 'OAuth2PermissionGrant' : this.type[0]!.toUpperCase() + this.type.slice(1);
  }

  private comparison(op: CompareOp, left: FilterNode, right: FilterNode): Pred {
    if (right.kind !== 'literal') {
      if (left.kind === 'literal' && (right.kind === 'property' || right.kind === 'count')) {
        const p = right.kind === 'property' ? this.operand(right) : this.operand(right.collection);
        throw fail.unsupportedProperty(p.property, this.resource());
      }
      invalid(`The right side of the '${op}' operator must be a literal.`);
    }
    if (left.kind === 'count') {
      const coll = this.operand(left.collection);
      if (!coll.collection) invalid(`The $count segment can only be applied to a collection.`);
      if (right.type !== 'number' || !Number.isInteger(right.value)) invalid(`A binary operator with incompatible types was detected. Found operand types 'Edm.Int64' and '${literalEdm(right)}' for operator kind '${OP_KIND[op]}'.`);
      this.use(`${coll.key}/$count`, op === 'ne' ? 'ne' : (op as FilterOp), coll.property);
      const n = right.value;
      return (o, env) => {
        const v = coll.get(o, env);
        return compareValues(op, Array.isArray(v) ? v.length : 0, n);
      };
    }
    if (left.kind !== 'property') {
      if (left.kind === 'call' || left.kind === 'lambda') invalid(`Comparing the result of a function or lambda with '${op}' is not supported.`);
      invalid(`The left side of the '${op}' operator must be a property.`);
    }
    const p = this.operand(left);
    if (p.collection) invalid(`The operand for a binary operator '${OP_KIND[op]}' is not a single value. Binary operators require both operands to be single values.`);
    if (!compatible(p.type, right)) {
      invalid(`A binary operator with incompatible types was detected. Found operand types '${propertyEdm(p.type)}' and '${literalEdm(right)}' for operator kind '${OP_KIND[op]}'.`);
    }
    this.use(p.key, right.type === 'null' && (op === 'eq' || op === 'ne') ? 'null' : op, p.property);
    if (op === 'ne' && right.type === 'null') this.use(p.key, 'ne', p.property);
    const lit = normalize(p.type, right.value);
    const type = p.type;
    const get = p.get;
    return (o, env) => compareValues(op, normalize(type, get(o, env)), lit);
  }

  private inList(left: FilterNode, values: Literal[]): Pred {
    if (left.kind !== 'property') invalid(`The left side of the 'in' operator must be a property.`);
    const p = this.operand(left);
    if (p.collection) invalid(`The operand for the 'in' operator is not a single value.`);
    for (const v of values) {
      if (!compatible(p.type, v) || v.type === 'null') invalid(`A binary operator with incompatible types was detected. Found operand types '${propertyEdm(p.type)}' and '${literalEdm(v)}' for operator kind 'In'.`);
    }
    this.use(p.key, 'in', p.property);
    const set = new Set(values.map((v) => normalize(p.type, v.value)));
    const type = p.type;
    const get = p.get;
    return (o, env) => set.has(normalize(type, get(o, env)));
  }

  private call(name: 'startswith' | 'endswith' | 'contains', args: FilterNode[]): Pred {
    const [target, arg] = args as [FilterNode, FilterNode];
    const signature = `No function signature for the function with name '${name}' matches the specified arguments. The function signatures considered are: ${name}(Edm.String Nullable=true, Edm.String Nullable=true).`;
    if (target.kind !== 'property' || arg.kind !== 'literal' || arg.type !== 'string') invalid(signature);
    const p = this.operand(target);
    if (p.collection || (p.type !== 'String' && p.type !== 'enum')) invalid(signature);
    const op = name === 'startswith' ? 'startsWith' : name === 'endswith' ? 'endsWith' : 'contains';
    this.use(p.key, op, p.property);
    const needle = arg.value.toLowerCase();
    const get = p.get;
    const test =
      name === 'startswith' ? (s: string) => s.startsWith(needle) : name === 'endswith' ? (s: string) => s.endsWith(needle) : (s: string) => s.includes(needle);
    return (o, env) => {
      const v = get(o, env);
      return typeof v === 'string' && test(v.toLowerCase());
    };
  }

  private lambda(node: Extract<FilterNode, { kind: 'lambda' }>): Pred {
    const coll = this.operand(node.collection);
    if (!coll.collection) invalid(`The '${node.op}' lambda can only be applied to a collection; '${coll.key}' is not a collection.`);
    if (node.op === 'all') this.usesAll = true;
    if (!node.predicate) {
      this.usesEmptyAny = true;
      this.use(`${coll.key}/any`, 'eq', coll.property);
      return (o, env) => {
        const v = coll.get(o, env);
        return Array.isArray(v) && v.length > 0;
      };
    }
    const slot = this.scope.length;
    this.scope.push({ name: node.variable!, collection: coll, slot });
    this.depth = Math.max(this.depth, this.scope.length);
    const before = this.uses.length;
    const pred = this.compile(node.predicate);
    this.scope.pop();
    // A lambda must test its range variable; `x/any(a: accountEnabled eq true)` is not a lambda Graph runs.
    if (!this.uses.slice(before).some((u) => u.key.startsWith(`${coll.key}/any`))) invalid(`The lambda expression must refer to its range variable '${node.variable}'.`);
    const all = node.op === 'all';
    return (o, env) => {
      const v = coll.get(o, env);
      if (!Array.isArray(v)) return all;
      // The env array keeps its size: each slot is overwritten, never truncated, so the array's
      // shape is the same on every call (a fixed-size array is also what the JIT handles best).
      let result = all;
      for (const el of v) {
        env[slot] = el;
        const r = pred(o, env);
        if (all ? !r : r) {
          result = !all;
          break;
        }
      }
      env[slot] = undefined;
      return result;
    };
  }
}

/** Compiles a parsed filter for one entity type. Throws GraphFailure (400) on names or types Graph would refuse. */
export function compileFilter(ast: FilterNode, type: EntityTypeName): CompiledFilter {
  const c = new Compiler(type);
  const pred = c.compile(ast);
  const env: Env = new Array<unknown>(c.depth).fill(undefined);
  return { test: (o) => pred(o, env), uses: c.uses, usesNot: c.usesNot, usesAll: c.usesAll, usesEmptyAny: c.usesEmptyAny };
}
