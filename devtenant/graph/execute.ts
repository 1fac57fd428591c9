// Runs one GET against the tenant: resolve the path, plan the query, check permissions, then scan,
// page and shape the answer with its @odata.context, @odata.count and @odata.nextLink.
import type { Tenant } from '../tenant/types.ts';
import type { Caller } from './caller.ts';
import { parseQueryOptions, type QueryOptions } from './odata/query-options.ts';
import { decodeToken, encodeToken, page, queryHash } from './paging.ts';
import { planQuery, type Plan } from './query-plan.ts';
import { project, projectPolymorphic, withExpand, type RenderContext } from './render.ts';
import { resolve, type Resolved } from './resources.ts';
import type { RenderedType } from './schema-check.ts';
import { GraphFailure, fail } from './wire.ts';

export interface GetRequest {
  /** Path after the version, already split: ['users', 'alice@contoso.com', 'memberOf']. */
  segments: string[];
  /** Raw query string without '?'. */
  rawQuery: string;
  beta: boolean;
  eventual: boolean;
}

export interface GetResult {
  status: number;
  body: unknown;
  contentType: 'json' | 'text';
  /** What the request asked of OData, for the request log. */
  odata?: OdataLog;
  /** The type the JSON body was rendered as (absent for /$count text), for the schema self-check. */
  rendered?: RenderedType;
}

export interface OdataLog {
  filter?: unknown;
  search?: unknown;
  select?: string[];
  top?: number;
  orderby?: string;
  count?: boolean;
  error?: string;
}

export function odataLog(q: QueryOptions): OdataLog {
  const log: OdataLog = {};
  if (q.filter) log.filter = q.filter;
  if (q.search) log.search = q.search;
  if (q.select) log.select = q.select;
  if (q.top !== undefined) log.top = q.top;
  if (q.orderby) log.orderby = `${q.orderby.property}${q.orderby.desc ? ' desc' : ''}`;
  if (q.count !== undefined) log.count = q.count;
  return log;
}

/** Percent-encodes a path segment, leaving the characters Graph's own links keep readable. */
function encodeSegment(s: string): string {
  return encodeURIComponent(s).replace(/%(24|3D|40|3A|2C)/g, (m) => decodeURIComponent(m));
}

function contextUrl(base: string, r: Resolved, plan: Plan): string {
  const version = r.beta ? 'beta' : 'v1.0';
  const sel = plan.select && plan.select.length ? `(${plan.select.join(',')})` : '';
  if (r.kind === 'entity') {
    const [set, entity] = r.context.endsWith('/$entity') ? [r.context.slice(0, -8), '/$entity'] : [r.context, ''];
    return `${base}/${version}/$metadata#${set}${sel}${entity}`;
  }
  return `${base}/${version}/$metadata#${r.context}${sel}`;
}

/** Runs the request; a refusal comes back as `failure`, with what was parsed of the query so far. */
export function executeGet(tenant: Tenant, caller: Caller, req: GetRequest, baseUrl: string): GetResult | { failure: GraphFailure; odata?: OdataLog } {
  let odata: OdataLog | undefined;
  try {
    const q = parseQueryOptions(req.rawQuery);
    odata = odataLog(q);
    return run(tenant, caller, req, baseUrl, q, odata);
  } catch (err) {
    if (!(err instanceof GraphFailure)) throw err;
    const log: OdataLog = { ...(odata ?? {}), error: err.message };
    return { failure: err, odata: log };
  }
}

function run(tenant: Tenant, caller: Caller, req: GetRequest, baseUrl: string, q: QueryOptions, odata: OdataLog): GetResult {
  const r = resolve(req.segments, tenant, caller, req.beta);
  const plan = planQuery(r, q, req.eventual);
  const { basicOnly } = r.authorize(caller, plan.names);
  const ctx: RenderContext = { tenant, caller, beta: r.beta, basicOnly };

  if (r.kind === 'entity') {
    const o = r.object!;
    const body = r.polymorphic ? projectPolymorphic(ctx, o, plan.select) : project(ctx, o, r.type, plan.select);
    const rendered: RenderedType = { type: r.type, collection: false, beta: r.beta };
    return { status: 200, contentType: 'json', odata, rendered, body: { '@odata.context': contextUrl(baseUrl, r, plan), ...withExpand(ctx, r.type, o, body, plan.expand) } };
  }

  const items = r.items ?? [];
  if (r.countSegment) {
    let n = 0;
    if (plan.match) {
      for (const o of items) if (plan.match(o)) n++;
    } else n = items.length;
    return { status: 200, contentType: 'text', odata, body: String(n) };
  }

  const path = `/${req.beta ? 'beta' : 'v1.0'}/${req.segments.map(encodeSegment).join('/')}`;
  const hash = queryHash(`${path}?${q.canonical}`);
  const cursor = q.skiptoken !== undefined ? decodeToken(q.skiptoken, hash) : undefined;
  if (cursor && !r.pageable) throw fail.requestBadRequest("'$skiptoken' is not supported on this resource.");
  const size = r.pageable ? plan.pageSize : Number.MAX_SAFE_INTEGER;
  const result = page(items, plan.match, size, cursor, plan.count && !cursor, plan.orderby);

  const value = result.items.map((o) => {
    const body = r.polymorphic ? projectPolymorphic(ctx, o, plan.select) : project(ctx, o, r.type, plan.select);
    return withExpand(ctx, r.type, o, body, plan.expand);
  });
  const body: Record<string, unknown> = { '@odata.context': contextUrl(baseUrl, r, plan) };
  if (result.total !== undefined) body['@odata.count'] = result.total;
  if (result.next) {
    const token = encodeToken(hash, result.next);
    body['@odata.nextLink'] = `${baseUrl}${path}?${q.rest ? `${q.rest}&` : ''}$skiptoken=${token}`;
  }
  body.value = value;
  return { status: 200, contentType: 'json', odata, rendered: { type: r.type, collection: true, beta: r.beta }, body };
}
