// Reads the system query options of one request ($filter, $select, $top, …) from the raw query
// string. Names are matched case-insensitively ($orderBy works on Graph); each may appear once.
// Values are only split and syntax-checked here; what they mean for a resource is decided later.
import { ODataSyntaxError, type FilterNode } from './ast.ts';
import { parseFilter } from './filter-parser.ts';
import { parseSearch, type SearchNode } from './search.ts';
import { fail } from '../wire.ts';

export interface ExpandItem {
  name: string;
  select?: string[];
}

export interface QueryOptions {
  filterText?: string;
  filter?: FilterNode;
  searchText?: string;
  search?: SearchNode;
  select?: string[];
  top?: number;
  count?: boolean;
  orderby?: { property: string; desc: boolean };
  expand?: ExpandItem[];
  skiptoken?: string;
  /** The query string without $skiptoken, as received: what a nextLink repeats. */
  rest: string;
  /** The same options decoded, for binding a $skiptoken to its query whatever re-encoding a client applies. */
  canonical: string;
}

const KNOWN = new Set(['$filter', '$select', '$top', '$count', '$search', '$orderby', '$expand', '$skiptoken', '$skip', '$format', '$levels', '$apply', '$compute', '$index', '$schemaversion', '$deltatoken']);

/** Percent-decoding as ASP.NET does for query values: '+' is a space. Malformed escapes are a 400, not a crash. */
function decode(raw: string): string {
  try {
    return decodeURIComponent(raw.replace(/\+/g, ' '));
  } catch {
    throw fail.badRequest(`The query string contains a malformed percent-encoding: '${raw.slice(0, 100)}'.`);
  }
}

/** Splits on commas that are not inside parentheses: "manager($select=a,b),members". */
function splitTop(text: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '(') depth++;
    else if (c === ')') depth--;
    else if (c === ',' && depth === 0) {
      parts.push(text.slice(start, i));
      start = i + 1;
    }
    if (depth < 0) throw fail.requestBadRequest(`Parsing OData Select and Expand failed: Syntax error at position ${i + 1} in '${text}'.`);
  }
  if (depth !== 0) throw fail.requestBadRequest(`Parsing OData Select and Expand failed: Syntax error at position ${text.length} in '${text}'.`);
  parts.push(text.slice(start));
  return parts.map((p) => p.trim());
}

const NAME = /^[A-Za-z_][A-Za-z0-9_.]*$/;

export function parseSelect(text: string): string[] {
  const names = splitTop(text).filter((n) => n.length > 0);
  for (const n of names) {
    if (n !== '*' && !NAME.test(n)) throw fail.requestBadRequest(`Parsing OData Select and Expand failed: Syntax error at position 1 in '${n}'.`);
  }
  return names;
}

function parseExpand(text: string): ExpandItem[] {
  return splitTop(text).map((part) => {
    const m = /^([A-Za-z_][A-Za-z0-9_]*)(?:\((.*)\))?$/.exec(part);
    if (!m) throw fail.requestBadRequest(`Parsing OData Select and Expand failed: Syntax error at position 1 in '${part}'.`);
    const item: ExpandItem = { name: m[1]! };
    if (m[2] !== undefined && m[2].trim() !== '') {
      for (const opt of m[2].split(';')) {
        const eq = opt.indexOf('=');
        const key = opt.slice(0, eq).trim().toLowerCase();
        if (eq < 0 || key !== '$select') throw fail.requestBadRequest(`Parsing OData Select and Expand failed: Only $select is supported inside $expand of '${item.name}'.`);
        item.select = parseSelect(opt.slice(eq + 1));
      }
    }
    return item;
  });
}

function syntax(err: unknown, option: string): never {
  if (err instanceof ODataSyntaxError) {
    if (option === '$search') throw fail.badRequest(err.message);
    throw fail.badRequest(`Invalid filter clause: ${err.message}`);
  }
  throw err;
}

export function parseQueryOptions(rawQuery: string): QueryOptions {
  const seen = new Map<string, string>();
  const keep: string[] = [];
  const canonical: string[] = [];
  let skiptoken: string | undefined;
  for (const piece of rawQuery.split('&')) {
    if (piece === '') continue;
    const eq = piece.indexOf('=');
    const rawName = eq < 0 ? piece : piece.slice(0, eq);
    const name = decode(rawName).trim();
    const value = decode(eq < 0 ? '' : piece.slice(eq + 1));
    const key = name.toLowerCase();
    if (key === '$skiptoken') {
      skiptoken = value;
      continue;
    }
    keep.push(piece);
    canonical.push(`${key}=${value}`);
    if (!key.startsWith('$')) continue; // custom query options are Graph's to ignore
    if (!KNOWN.has(key)) throw fail.badRequest(`The query parameter '${name}' is not supported.`);
    if (seen.has(key)) throw fail.badRequest(`Query option '${name}' was specified more than once, but it must be specified at most once.`);
    seen.set(key, value);
  }
  const opts: QueryOptions = { rest: keep.join('&'), canonical: canonical.join('&') };
  if (skiptoken !== undefined) opts.skiptoken = skiptoken;
  if (seen.has('$skip')) throw fail.requestBadRequest(`'$skip' is not supported by the service.`);

  const filter = seen.get('$filter');
  if (filter !== undefined) {
    opts.filterText = filter;
    try {
      opts.filter = parseFilter(filter);
    } catch (err) {
      syntax(err, '$filter');
    }
  }
  const search = seen.get('$search');
  if (search !== undefined) {
    opts.searchText = search;
    try {
      opts.search = parseSearch(search);
    } catch (err) {
      syntax(err, '$search');
    }
  }
  const select = seen.get('$select');
  if (select !== undefined && select.trim() !== '') opts.select = parseSelect(select);
  const top = seen.get('$top');
  if (top !== undefined) {
    if (!/^\d{1,9}$/.test(top.trim())) throw fail.badRequest(`Invalid value '${top}' for $top query option found. The $top query option requires a non-negative integer value.`);
    opts.top = Number(top.trim());
  }
  const count = seen.get('$count');
  if (count !== undefined) {
    const c = count.trim().toLowerCase();
    if (c !== 'true' && c !== 'false') throw fail.badRequest(`'${count}' is not a valid count option.`);
    opts.count = c === 'true';
  }
  const orderby = seen.get('$orderby');
  if (orderby !== undefined) {
    const parts = orderby.split(',').map((p) => p.trim());
    const m = /^([A-Za-z_][A-Za-z0-9_/]*)(?:\s+(asc|desc))?$/i.exec(parts[0] ?? '');
    if (!m) throw fail.badRequest(`Invalid $orderby clause: Syntax error at position 1 in '${orderby}'.`);
    if (parts.length > 1) throw fail.unsupported('Sorting not supported for current query.');
    opts.orderby = { property: m[1]!, desc: (m[2] ?? '').toLowerCase() === 'desc' };
  }
  const expand = seen.get('$expand');
  if (expand !== undefined && expand.trim() !== '') opts.expand = parseExpand(expand);
  return opts;
}
