// The $filter syntax tree. Plain JSON on purpose: it is recorded in the request log so tests can
// prove exactly which clauses reached "Graph" (and that nothing injected through a literal did).

export type Literal =
  | { kind: 'literal'; type: 'string'; value: string }
  | { kind: 'literal'; type: 'number'; value: number; text: string }
  | { kind: 'literal'; type: 'boolean'; value: boolean }
  | { kind: 'literal'; type: 'null'; value: null }
  /** Unquoted Edm.Guid, lower-cased. */
  | { kind: 'literal'; type: 'guid'; value: string }
  /** Unquoted Edm.DateTimeOffset, as written. */
  | { kind: 'literal'; type: 'datetime'; value: string }
  /** Unquoted Edm.Date (yyyy-mm-dd). */
  | { kind: 'literal'; type: 'date'; value: string };

/** A property path. Inside a lambda, `variable` names the range variable ('a' in a/skuId); path [] is the variable itself. */
export interface PropertyRef {
  kind: 'property';
  variable?: string;
  path: string[];
}

export type CompareOp = 'eq' | 'ne' | 'gt' | 'ge' | 'lt' | 'le';
export type FunctionName = 'startswith' | 'endswith' | 'contains';

export type FilterNode =
  | { kind: 'and' | 'or'; left: FilterNode; right: FilterNode }
  | { kind: 'not'; operand: FilterNode }
  | { kind: 'compare'; op: CompareOp; left: FilterNode; right: FilterNode }
  | { kind: 'in'; left: FilterNode; values: Literal[] }
  | { kind: 'call'; name: FunctionName; args: FilterNode[] }
  /** collection/any(v: predicate) or all; predicate absent for the bare `any()` form. */
  | { kind: 'lambda'; op: 'any' | 'all'; collection: PropertyRef; variable?: string; predicate?: FilterNode }
  /** collection/$count */
  | { kind: 'count'; collection: PropertyRef }
  | PropertyRef
  | Literal;

export class ODataSyntaxError extends Error {
  constructor(
    message: string,
    readonly position: number,
  ) {
    super(message);
    this.name = 'ODataSyntaxError';
  }
}
