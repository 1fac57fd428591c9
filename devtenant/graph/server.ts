// Microsoft Graph v1.0 emulator: serves /v1.0/…, the one beta resource (/beta/organization) and
// POST /v1.0/$batch over the dev tenant's data, checking access tokens, scopes and directory
// roles as Graph does, with Graph's headers, error bodies, paging and fault injection.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Faults } from '../shared/faults.ts';
import type { SigningKey } from '../shared/jwt.ts';
import type { LoggedRequest, RequestLog } from '../shared/request-log.ts';
import type { Tenant } from '../tenant/types.ts';
import { parseBatch, runBatch } from './batch.ts';
import { authenticate, type Caller } from './caller.ts';
import { dispatchGet, parsePath } from './dispatch.ts';
import type { OdataLog } from './execute.ts';
import { schemaProblems, typeLabel, type RenderedType, type SchemaChecked, type SchemaViolation } from './schema-check.ts';
import { GraphFailure, failureResponse, fail, jsonResponse, throttledResponse, wireIds, type WireIds, type WireResponse } from './wire.ts';

export interface GraphOptions {
  tenant: Tenant;
  /** The Entra emulator's signing keys, to validate access tokens. */
  keys: () => SigningKey[];
  /** Public base URL of this server, e.g. "https://localhost:7444" (for @odata.nextLink / @odata.context). */
  baseUrl: () => string;
  faults: Faults;
  log: RequestLog;
  now?: () => Date;
  /**
   * Turns on the schema self-check: every JSON body served (each $batch part on its own; not error
   * bodies, not /$count text) is checked against the Graph v1.0 type it was rendered as, and each
   * body with property names v1.0 does not have is reported here.
   */
  onSchemaViolation?: (v: SchemaViolation) => void;
  /** With the self-check on: called for every body checked, violating or not (to count coverage). */
  onSchemaChecked?: (c: SchemaChecked) => void;
}

/** Graph rejects request bodies beyond a few MB; $batch is the only body this emulator reads. */
const MAX_BODY = 4 * 1024 * 1024;

const sleep = (ms: number) => new Promise<void>((ok) => setTimeout(ok, ms));

function header(req: IncomingMessage, name: string): string | undefined {
  const v = req.headers[name];
  return Array.isArray(v) ? v[0] : v;
}

async function readBody(req: IncomingMessage): Promise<Buffer | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const c of req) {
    size += (c as Buffer).length;
    if (size > MAX_BODY) return undefined;
    chunks.push(c as Buffer);
  }
  return Buffer.concat(chunks);
}

function send(res: ServerResponse, r: WireResponse): number {
  const payload = typeof r.body === 'string' ? r.body : r.body === undefined ? '' : JSON.stringify(r.body);
  const bytes = Buffer.byteLength(payload);
  if (res.destroyed || res.headersSent) return bytes;
  res.writeHead(r.status, { ...r.headers, 'Content-Length': String(bytes) });
  res.end(payload);
  return bytes;
}

function trimBase(url: string): string {
  return url.replace(/\/+$/, '');
}

export function createGraphHandler(opts: GraphOptions): (req: IncomingMessage, res: ServerResponse) => void {
  const now = opts.now ?? (() => new Date());

  const selfCheck = (url: string, rendered: RenderedType | undefined, body: unknown, batchPart?: string): void => {
    const report = opts.onSchemaViolation;
    if (!report || !rendered) return;
    const { problems, objects } = schemaProblems(rendered, body);
    const where = { url, type: typeLabel(rendered), ...(batchPart !== undefined ? { batchPart } : {}) };
    opts.onSchemaChecked?.({ ...where, objects });
    if (problems.length) report({ ...where, problems });
  };

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const startedAt = Date.now();
    const url = req.url ?? '/';
    const method = (req.method ?? 'GET').toUpperCase();
    const entry = (status: number, bytes: number, extra: Partial<LoggedRequest> = {}) =>
      opts.log.add({ service: 'graph', method, url, status, startedAt, durationMs: Date.now() - startedAt, bytes, ...extra });
    const body = await readBody(req);
    const ids = wireIds(header(req, 'client-request-id'), now());
    const base: Partial<LoggedRequest> = { clientRequestId: ids.clientRequestId };

    const decision = opts.faults.decide('graph', url);
    if (decision.latencyMs > 0) await sleep(decision.latencyMs);
    if (decision.fail && 'hang' in decision.fail) {
      // Never answer; record the request once the client gives up.
      res.once('close', () => entry(0, 0, base));
      return;
    }
    if (decision.fail) {
      const bytes = send(res, throttledResponse(decision.fail.status, decision.fail.retryAfter, ids));
      entry(decision.fail.status, bytes, base);
      return;
    }
    if (body === undefined) {
      const bytes = send(res, failureResponse(new GraphFailure(413, 'Request_EntityTooLarge', 'The request body is too large.'), ids));
      entry(413, bytes, base);
      return;
    }

    let caller: Caller;
    let info;
    try {
      info = parsePath(url);
      caller = authenticate(header(req, 'authorization'), opts.tenant, opts.keys(), now());
    } catch (err) {
      if (!(err instanceof GraphFailure)) throw err;
      const bytes = send(res, failureResponse(err, ids));
      entry(err.status, bytes, base);
      return;
    }
    const who: Partial<LoggedRequest> = { ...base, ...(caller.kind === 'delegated' && caller.oid ? { userOid: caller.oid } : {}) };

    if (info.batch) {
      await handleBatch(res, method, body, caller, ids, who, entry);
      return;
    }
    const eventual = (header(req, 'consistencylevel') ?? '').toLowerCase() === 'eventual';
    const d = dispatchGet(opts.tenant, caller, method, info, eventual, ids, trimBase(opts.baseUrl()));
    const bytes = send(res, d.response);
    entry(d.response.status, bytes, { ...who, ...(d.odata ? { odata: d.odata } : {}) });
    selfCheck(url, d.rendered, d.response.body);
  };

  const handleBatch = async (
    res: ServerResponse,
    method: string,
    body: Buffer,
    caller: Caller,
    ids: WireIds,
    who: Partial<LoggedRequest>,
    entry: (status: number, bytes: number, extra?: Partial<LoggedRequest>) => number,
  ): Promise<void> => {
    let parts;
    try {
      if (method !== 'POST') throw fail.method();
      parts = parseBatch(body);
    } catch (err) {
      if (!(err instanceof GraphFailure)) throw err;
      const bytes = send(res, failureResponse(err, ids));
      entry(err.status, bytes, who);
      return;
    }
    const outcomes = await runBatch({ tenant: opts.tenant, faults: opts.faults, log: opts.log, now, baseUrl: trimBase(opts.baseUrl()) }, caller, parts, ids);
    if (!outcomes) {
      res.once('close', () => entry(0, 0, who));
      return;
    }
    const bytes = send(res, jsonResponse(200, { responses: outcomes.map((o) => o.response) }, ids));
    const batchSeq = entry(200, bytes, who);
    for (const o of outcomes) {
      opts.log.add({
        service: 'graph',
        method: o.method.toUpperCase(),
        url: o.url,
        status: o.status,
        startedAt: o.startedAt,
        durationMs: o.durationMs,
        bytes: o.bytes,
        batchSeq,
        clientRequestId: o.clientRequestId,
        ...(who.userOid ? { userOid: who.userOid } : {}),
        ...(o.odata ? { odata: o.odata as OdataLog } : {}),
      });
      selfCheck(`/v1.0/${o.url.replace(/^\/+/, '')}`, o.rendered, o.response.body, o.id);
    }
  };

  return (req, res) => {
    // A client that aborts mid-request must not take the server down.
    req.on('error', () => undefined);
    res.on('error', () => undefined);
    handle(req, res).catch((err: unknown) => {
      const ids = wireIds(header(req, 'client-request-id'), now());
      send(res, failureResponse(new GraphFailure(500, 'generalException', `An unspecified error has occurred. (${(err as Error)?.message ?? String(err)})`), ids));
    });
  };
}
