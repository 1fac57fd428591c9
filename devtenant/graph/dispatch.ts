// One Graph request (top-level or a $batch part) from method + URL to a wire response: version
// prefix, segments, method check, then the GET pipeline. Authentication happens before this.
import type { Tenant } from '../tenant/types.ts';
import type { Caller } from './caller.ts';
import { executeGet, type OdataLog } from './execute.ts';
import type { RenderedType } from './schema-check.ts';
import { GraphFailure, failureResponse, fail, jsonResponse, standardHeaders, type WireIds, type WireResponse } from './wire.ts';

export interface Dispatched {
  response: WireResponse;
  odata?: OdataLog;
  /** Set for a successful JSON body: the type it was rendered as. */
  rendered?: RenderedType;
}

export interface PathInfo {
  beta: boolean;
  segments: string[];
  rawQuery: string;
  batch: boolean;
}

/** Splits '/v1.0/users/x?$top=1'. Throws GraphFailure for an unknown version or a malformed path. */
export function parsePath(pathAndQuery: string): PathInfo {
  const q = pathAndQuery.indexOf('?');
  const path = q >= 0 ? pathAndQuery.slice(0, q) : pathAndQuery;
  const rawQuery = q >= 0 ? pathAndQuery.slice(q + 1) : '';
  const parts = path.split('/').slice(1);
  const version = parts.shift() ?? '';
  if (version !== 'v1.0' && version !== 'beta') throw fail.badRequest(`Invalid version: ${decodeSafe(version)}`);
  if (parts.length > 0 && parts[parts.length - 1] === '') parts.pop();
  const segments = parts.map((p) => {
    const s = decodeSafe(p);
    if (s === '') throw fail.segment('');
    return s;
  });
  return { beta: version === 'beta', segments, rawQuery, batch: version === 'v1.0' && segments.length === 1 && segments[0] === '$batch' };
}

function decodeSafe(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    throw fail.badRequest(`Invalid request URL: malformed percent-encoding in '${s.slice(0, 100)}'.`);
  }
}

export function dispatchGet(tenant: Tenant, caller: Caller, method: string, info: PathInfo, eventual: boolean, ids: WireIds, baseUrl: string): Dispatched {
  try {
    if (method.toUpperCase() !== 'GET') throw fail.method();
    if (info.segments.length === 0) throw fail.badRequest('Invalid request URL: no resource was addressed.');
    const out = executeGet(tenant, caller, { segments: info.segments, rawQuery: info.rawQuery, beta: info.beta, eventual }, baseUrl);
    if ('failure' in out) return { response: failureResponse(out.failure, ids), ...(out.odata ? { odata: out.odata } : {}) };
    const response =
      out.contentType === 'text'
        ? { status: out.status, headers: { ...standardHeaders(ids), 'Content-Type': 'text/plain' }, body: out.body }
        : jsonResponse(out.status, out.body, ids);
    return { response, ...(out.odata ? { odata: out.odata } : {}), ...(out.contentType === 'json' && out.rendered ? { rendered: out.rendered } : {}) };
  } catch (err) {
    if (err instanceof GraphFailure) return { response: failureResponse(err, ids) };
    throw err;
  }
}
