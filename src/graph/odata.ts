// The one place where text becomes part of a Graph URL. Everything a person typed reaches Graph
// only through these functions: string literals have their quotes doubled (OData ABNF), $search
// clauses have `"` and `\` escaped, and every query value and path segment is percent-encoded,
// so no quote, parenthesis, `and`/`or`, `&`, `#` or `%` in a name can change the query's shape.

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isGuid(s: string): boolean {
  return GUID.test(s);
}

/** An OData string literal: `O'Brien` → `'O''Brien'`. */
export function literal(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}

/** An unquoted Edm.Guid literal; refuses anything that is not a GUID. */
export function guid(value: string): string {
  if (!isGuid(value)) throw new Error('not a GUID');
  return value.toLowerCase();
}

/** An unquoted DateTimeOffset literal. */
export function dateTime(value: Date): string {
  return value.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

// Filter building blocks. Property names are ours (constants in the answers), never user text.
export const eq = (property: string, value: string) => `${property} eq ${literal(value)}`;
export const startsWith = (property: string, value: string) => `startswith(${property},${literal(value)})`;
export const and = (...clauses: string[]) => clauses.filter(Boolean).map((c) => (clauses.length > 1 ? `(${c})` : c)).join(' and ');
export const or = (...clauses: string[]) => clauses.filter(Boolean).map((c) => (clauses.length > 1 ? `(${c})` : c)).join(' or ');
export const inList = (property: string, values: string[]) => `${property} in (${values.map(literal).join(',')})`;

/**
 * A $search clause on one property. Graph tokenizes the text; `"` and `\` must be escaped with a
 * backslash inside the quotes (see the search-query-parameter docs).
 */
export function searchClause(property: string, text: string): string {
  return `"${property}:${text.replace(/[\\"]/g, (c) => `\\${c}`)}"`;
}

export interface Query {
  filter?: string;
  select?: readonly string[];
  top?: number;
  /** $count=true (needs ConsistencyLevel: eventual). */
  count?: boolean;
  search?: string;
  orderby?: string;
  expand?: string;
}

/** `path` plus a percent-encoded query string. `path` must already be built with `segment()`. */
export function url(path: string, query: Query = {}): string {
  const parts: string[] = [];
  const add = (name: string, value: string) => parts.push(`${name}=${encodeURIComponent(value)}`);
  if (query.filter) add('$filter', query.filter);
  if (query.search) add('$search', query.search);
  if (query.select?.length) add('$select', query.select.join(','));
  if (query.expand) add('$expand', query.expand);
  if (query.orderby) add('$orderby', query.orderby);
  if (query.count) add('$count', 'true');
  if (query.top !== undefined) add('$top', String(query.top));
  return parts.length ? `${path}?${parts.join('&')}` : path;
}

/** One path segment from an id, UPN or other key. */
export function segment(key: string): string {
  return encodeURIComponent(key);
}

/** Keys that mean only themselves in a path segment: ids, ordinary UPNs (guests' #EXT# is encoded as %23). */
const PLAIN_KEY = /^[A-Za-z0-9._@#-]+$/;

/**
 * The path of one user by id or UPN. An ordinary key goes as a segment (/users/{upn}). Anything
 * else — a UPN starting with `$` (an OData system segment), or text with `(`, `)`, `'`, `*`…, which
 * encodeURIComponent leaves alone and Graph's path parser would read as key syntax — goes in key
 * syntax as a string literal: /users('…'), the form CLI for Microsoft 365 uses for `$`.
 */
export function userPath(idOrUpn: string): string {
  if (PLAIN_KEY.test(idOrUpn) && !idOrUpn.startsWith('$')) return `/users/${segment(idOrUpn)}`;
  return `/users(${encodeURIComponent(literal(idOrUpn))})`;
}

/** `/applications(appId='…')`-style alternate-key paths. */
export function alternateKey(collection: string, key: string, value: string): string {
  return `/${collection}(${key}=${encodeURIComponent(literal(value))})`;
}
