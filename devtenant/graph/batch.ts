// JSON $batch (BATCH): up to 20 requests, unique ids, per-request headers (ConsistencyLevel goes
// there), dependsOn with 424 for failed dependencies, and every part faulted/throttled on its own.
// Responses come back in an order different from the request, as real Graph may return them,
// so clients that pair answers by position fail here rather than in production.
import type { FaultDecision, Faults } from '../shared/faults.ts';
import type { RequestLog } from '../shared/request-log.ts';
import type { Tenant } from '../tenant/types.ts';
import type { Caller } from './caller.ts';
import { dispatchGet, parsePath } from './dispatch.ts';
import type { OdataLog } from './execute.ts';
import type { RenderedType } from './schema-check.ts';
import { GraphFailure, errorBody, fail, throttledResponse, wireIds, type WireIds, type WireResponse } from './wire.ts';

export const MAX_BATCH = 20;

interface PartRequest {
  id: string;
  method: string;
  url: string;
  headers: Record<string, string>;
  dependsOn: string[];
  body?: unknown;
}

export interface PartOutcome {
  id: string;
  url: string;
  method: string;
  status: number;
  response: { id: string; status: number; headers: Record<string, string>; body?: unknown };
  startedAt: number;
  durationMs: number;
  bytes: number;
  clientRequestId: string;
  odata?: OdataLog;
  /** The type the part's JSON body was rendered as (successful GETs only). */
  rendered?: RenderedType;
}

export interface BatchContext {
  tenant: Tenant;
  faults: Faults;
  log: RequestLog;
  now: () => Date;
  baseUrl: string;
}

const invalid = (message: string) => new GraphFailure(400, 'BadRequest', message);

/** Validates the whole payload first: a malformed batch is one 400, no part runs. */
export function parseBatch(raw: Buffer): PartRequest[] {
  let doc: unknown;
  try {
    doc = JSON.parse(raw.toString('utf8'));
  } catch {
    throw invalid('Invalid batch payload format.');
  }
  const requests = (doc as { requests?: unknown } | null)?.requests;
  if (!Array.isArray(requests) || requests.length === 0) throw invalid('Invalid batch payload format.');
  if (requests.length > MAX_BATCH) throw fail.requestBadRequest(`The number of requests in a batch (${requests.length}) exceeds the limit of ${MAX_BATCH}.`);
  const ids = new Set<string>();
  const parts: PartRequest[] = [];
  for (const r of requests as Record<string, unknown>[]) {
    if (!r || typeof r !== 'object') throw invalid('Invalid batch payload format.');
    const id = typeof r.id === 'number' ? String(r.id) : r.id;
    if (typeof id !== 'string' || id === '' || typeof r.method !== 'string' || typeof r.url !== 'string') throw invalid('Invalid batch payload format: every request needs id, method and url.');
    if (ids.has(id)) throw invalid(`Batch request ids must be unique; '${id}' appears more than once.`);
    ids.add(id);
    const headers: Record<string, string> = {};
    if (r.headers !== undefined) {
      if (!r.headers || typeof r.headers !== 'object' || Array.isArray(r.headers)) throw invalid(`Invalid headers in batch request '${id}'.`);
      for (const [k, v] of Object.entries(r.headers as Record<string, unknown>)) headers[k.toLowerCase()] = String(v);
    }
    if (r.body !== undefined && !headers['content-type']) throw invalid(`Batch request '${id}' has a body but no Content-Type header.`);
    const dependsOn = r.dependsOn === undefined ? [] : r.dependsOn;
    if (!Array.isArray(dependsOn) || dependsOn.some((d) => typeof d !== 'string' && typeof d !== 'number')) throw invalid(`Invalid dependsOn in batch request '${id}'.`);
    parts.push({ id, method: r.method, url: r.url, headers, dependsOn: dependsOn.map(String), ...(r.body !== undefined ? { body: r.body } : {}) });
  }
  const earlier = new Set<string>();
  for (const p of parts) {
    for (const d of p.dependsOn) if (!earlier.has(d)) throw invalid(`Batch request '${p.id}' depends on '${d}', which is not an earlier request in the batch.`);
    earlier.add(p.id);
  }
  return parts;
}

const sleep = (ms: number) => new Promise<void>((ok) => setTimeout(ok, ms));

function partWire(r: WireResponse): { status: number; headers: Record<string, string>; body?: unknown } {
  // Part headers carry what matters to the client; request ids live on the batch response.
  const headers: Record<string, string> = {};
  for (const [k, v] of Object.entries(r.headers)) {
    if (['content-type', 'retry-after', 'odata-version', 'cache-control', 'x-ms-throttle-scope', 'x-ms-throttle-information'].includes(k.toLowerCase())) headers[k === 'content-type' ? 'Content-Type' : k] = v;
  }
  return { status: r.status, headers, body: r.body };
}

/**
 * Runs the parts; resolves to undefined when a part was told to hang (the whole batch then never answers).
 */
export async function runBatch(ctx: BatchContext, caller: Caller, parts: PartRequest[], batchIds: WireIds): Promise<PartOutcome[] | undefined> {
  const outcomes = new Map<string, Promise<PartOutcome | undefined>>();
  const finished: PartOutcome[] = [];
  let hung = false;
  const run = async (p: PartRequest): Promise<PartOutcome | undefined> => {
    const deps = await Promise.all(p.dependsOn.map((d) => outcomes.get(d)!));
    if (deps.some((d) => d === undefined)) return undefined;
    const startedAt = Date.now();
    const ids = wireIds(p.headers['client-request-id'] ?? batchIds.clientRequestId, ctx.now());
    const pathAndQuery = `/v1.0/${p.url.replace(/^\/+/, '')}`;
    let wire: WireResponse;
    let odata: OdataLog | undefined;
    let rendered: RenderedType | undefined;
    if (deps.some((d) => d!.status >= 400)) {
      wire = { status: 424, headers: { 'Content-Type': 'application/json' }, body: errorBody('FailedDependency', 'Dependent request failed.', ids) };
    } else {
      const decision: FaultDecision = ctx.faults.decide('graph', pathAndQuery);
      if (decision.latencyMs > 0) await sleep(decision.latencyMs);
      if (decision.fail && 'hang' in decision.fail) {
        hung = true;
        return undefined;
      }
      if (decision.fail) wire = throttledResponse(decision.fail.status, decision.fail.retryAfter, ids);
      else if (/^[a-z]+:\/\//i.test(p.url)) wire = { status: 400, headers: { 'Content-Type': 'application/json' }, body: errorBody('BadRequest', `Invalid request URL '${p.url}': batch request URLs must be relative.`, ids) };
      else {
        try {
          const d = dispatchGet(ctx.tenant, caller, p.method, parsePath(pathAndQuery), (p.headers['consistencylevel'] ?? '').toLowerCase() === 'eventual', ids, ctx.baseUrl);
          wire = d.response;
          odata = d.odata;
          rendered = d.rendered;
        } catch (err) {
          if (!(err instanceof GraphFailure)) throw err;
          wire = { status: err.status, headers: { 'Content-Type': 'application/json' }, body: errorBody(err.code, err.message, ids) };
        }
      }
    }
    const part = partWire(wire);
    const outcome: PartOutcome = {
      id: p.id,
      url: p.url,
      method: p.method,
      status: part.status,
      response: { id: p.id, ...part },
      startedAt,
      durationMs: Date.now() - startedAt,
      bytes: Buffer.byteLength(typeof part.body === 'string' ? part.body : JSON.stringify(part.body ?? '')),
      clientRequestId: ids.clientRequestId,
      ...(odata ? { odata } : {}),
      ...(rendered ? { rendered } : {}),
    };
    finished.push(outcome);
    return outcome;
  };
  // Parts may only depend on earlier parts, so creating the promises in order wires every dependency.
  for (const p of parts) outcomes.set(p.id, run(p));
  await Promise.all(outcomes.values());
  if (hung) return undefined;
  return shuffled(finished, parts.map((p) => p.id));
}

/** Completion order, but never the request order when there is more than one part. */
function shuffled(done: PartOutcome[], requestOrder: string[]): PartOutcome[] {
  const out = [...done];
  if (out.length > 1 && out.every((o, i) => o.id === requestOrder[i])) out.push(out.shift()!);
  return out;
}
