// The one Graph client factory. Each turn gets its own client bound to the asker's delegated
// token and the turn's deadline: the Graph SDK's AuthenticationHandler adds the token (only for
// Graph's own host or the configured one), RetryHandler retries and times out, HttpsTransport sends.
// On top sits the GraphApi the answers use: get, $batch and bounded paging, each request carrying
// a client-request-id, and every GET remembered for the turn so nothing is fetched twice.
import { randomUUID } from 'node:crypto';
import type { Agent } from 'node:https';
import { AuthenticationHandler, Client, ResponseType, type Middleware } from '@microsoft/microsoft-graph-client';
import type { Logger } from '../log.ts';
import type { Deadline } from './deadline.ts';
import { RetryHandler, retryAfterMs, TimeoutError, type RetryPolicy } from './retry.ts';
import { HttpsTransport } from './transport.ts';
import { GraphError, type BatchResult, type GraphApi, type GraphErrorInfo, type GraphRequest, type Page } from './types.ts';

export interface GraphClientOptions {
  /** https://graph.microsoft.com, or the configured Graph host. */
  baseUrl: string;
  agent: Agent;
  /** The asker's delegated access token for Graph. */
  token: () => Promise<string>;
  deadline: Deadline;
  policy: RetryPolicy;
  log: Logger;
}

/** What one client did: for the CLI's JSON, the benchmarks and the logs. */
export interface GraphStats {
  /** Graph requests made (a $batch counts each of its parts). */
  requests: number;
  /** HTTP exchanges with Graph, retries included. */
  roundTrips: number;
  /** Graph's request-id of each answer it sent (the last 20): what Microsoft support asks for. */
  requestIds: string[];
}

export type Graph = GraphApi & { readonly stats: GraphStats };

const BATCH_LIMIT = 20;

function normalize(request: GraphRequest | string): Required<Pick<GraphRequest, 'url'>> & GraphRequest {
  const r = typeof request === 'string' ? { url: request } : request;
  if (!r.url.startsWith('/') && !r.url.startsWith('https://')) throw new Error(`Graph request URLs start with '/': ${r.url}`);
  return r;
}

const keyOf = (r: GraphRequest) => `${r.version ?? 'v1.0'} ${r.eventual ? 'E' : '-'} ${r.url}`;

/** Graph's JSON error body → GraphErrorInfo (falls back to the status when the body is not Graph's). */
export function errorInfo(status: number, body: unknown, headers?: { get(name: string): string | null }): GraphErrorInfo {
  const err = (body as { error?: { code?: unknown; message?: unknown; innerError?: Record<string, unknown> } } | undefined)?.error;
  const inner = err?.innerError;
  const requestId = (inner?.['request-id'] as string | undefined) ?? headers?.get('request-id') ?? undefined;
  const clientRequestId = (inner?.['client-request-id'] as string | undefined) ?? headers?.get('client-request-id') ?? undefined;
  return {
    status,
    code: typeof err?.code === 'string' ? err.code : `HTTP${status}`,
    message: typeof err?.message === 'string' ? err.message : `Graph answered ${status}`,
    ...(requestId ? { requestId } : {}),
    ...(clientRequestId ? { clientRequestId } : {}),
  };
}

async function readBody(res: Response): Promise<unknown> {
  const text = await res.text();
  if (!text) return undefined;
  const type = res.headers.get('content-type') ?? '';
  if (type.includes('json')) return JSON.parse(text);
  if (/^\s*\d+\s*$/.test(text)) return Number(text); // …/$count answers text/plain
  return text;
}

export function createGraph(opts: GraphClientOptions): Graph {
  const stats: GraphStats = { requests: 0, roundTrips: 0, requestIds: [] };
  const retry = new RetryHandler(opts.policy, opts.deadline, (a) => {
    stats.roundTrips++;
    if (a.requestId) stats.requestIds = [...stats.requestIds.slice(-19), a.requestId];
    const path = a.url.replace(/^https?:\/\/[^/]+/, '').split('?')[0];
    const fields = { method: a.method, path, status: a.status, attempt: a.attempt, ms: a.durationMs, requestId: a.requestId, ...(a.timedOut ? { timedOut: true } : {}), ...(a.networkError ? { networkError: a.networkError } : {}), ...(a.retryAfterMs !== undefined ? { retryAfterMs: a.retryAfterMs } : {}) };
    if (a.status >= 500 || a.status === 429 || a.timedOut || a.networkError) opts.log.warn('graph.request', fields);
    else opts.log.debug('graph.request', fields);
  });
  const auth = new AuthenticationHandler({ getAccessToken: opts.token });
  const transport = new HttpsTransport(opts.agent);
  auth.setNext(retry);
  retry.setNext(transport);
  const client = Client.initWithMiddleware({
    middleware: auth as Middleware,
    baseUrl: opts.baseUrl.replace(/\/?$/, '/'),
    customHosts: new Set([new URL(opts.baseUrl).hostname]),
    defaultVersion: 'v1.0',
  });

  const memo = new Map<string, Promise<unknown>>();

  async function send(method: 'GET' | 'POST', r: GraphRequest, body?: unknown): Promise<{ status: number; body: unknown; headers: Headers }> {
    const clientRequestId = randomUUID();
    let req = client.api(r.url).version(r.version ?? 'v1.0').responseType(ResponseType.RAW).header('client-request-id', clientRequestId);
    if (r.eventual) req = req.header('ConsistencyLevel', 'eventual');
    let res: Response;
    try {
      res = (method === 'GET' ? await req.get() : await req.header('Content-Type', 'application/json').post(body)) as Response;
    } catch (err) {
      // The SDK re-wraps what a middleware throws into its own GraphError, keeping the name as `code`.
      const cause = (err as { cause?: unknown })?.cause ?? err;
      if (cause instanceof TimeoutError || (err as { code?: unknown })?.code === 'TimeoutError' || (err as Error)?.name === 'TimeoutError') {
        throw new GraphError({ status: 504, code: 'Timeout', message: 'Microsoft Graph did not answer in time', clientRequestId }, r.url);
      }
      throw new GraphError({ status: 0, code: 'NetworkError', message: `Microsoft Graph could not be reached (${(cause as Error)?.message ?? String(cause)})`, clientRequestId }, r.url);
    }
    return { status: res.status, body: await readBody(res), headers: res.headers };
  }

  async function get<T>(request: GraphRequest | string): Promise<T> {
    const r = normalize(request);
    const key = keyOf(r);
    const cached = memo.get(key);
    if (cached) return cached as Promise<T>;
    stats.requests++;
    const p = send('GET', r).then(({ status, body, headers }) => {
      if (status >= 400) throw new GraphError(errorInfo(status, body, headers), r.url);
      return body as T;
    });
    memo.set(key, p);
    p.catch(() => memo.delete(key)); // failures are not remembered: a retry in the same turn may succeed
    return p;
  }

  async function batchOnce(parts: { id: string; r: GraphRequest }[]): Promise<Map<string, { status: number; body: unknown; headers: Record<string, string> }>> {
    const payload = {
      requests: parts.map(({ id, r }) => ({ id, method: 'GET', url: r.url, ...(r.eventual ? { headers: { ConsistencyLevel: 'eventual' } } : {}) })),
    };
    const { status, body, headers } = await send('POST', { url: '/$batch' }, payload);
    if (status >= 400) throw new GraphError(errorInfo(status, body, headers), '/$batch');
    const out = new Map<string, { status: number; body: unknown; headers: Record<string, string> }>();
    for (const res of (body as { responses?: { id: string; status: number; body?: unknown; headers?: Record<string, string> }[] }).responses ?? []) {
      out.set(String(res.id), { status: res.status, body: res.body, headers: res.headers ?? {} });
    }
    return out;
  }

  async function batch(requests: GraphRequest[]): Promise<BatchResult[]> {
    const rs = requests.map(normalize);
    const results: (BatchResult | undefined)[] = new Array(rs.length);
    // Parts already fetched this turn come from memory; beta parts go alone (a batch has one version).
    const pending: number[] = [];
    for (let i = 0; i < rs.length; i++) {
      const cached = memo.get(keyOf(rs[i]!));
      if (cached) {
        results[i] = await cached.then((body) => ({ ok: true as const, status: 200, body }), (e: GraphError) => ({ ok: false as const, status: e.status, error: e }));
      } else pending.push(i);
    }
    const solo = pending.filter((i) => (rs[i]!.version ?? 'v1.0') !== 'v1.0');
    const batchable = pending.filter((i) => (rs[i]!.version ?? 'v1.0') === 'v1.0');
    const settle = async (i: number) => {
      try {
        results[i] = { ok: true, status: 200, body: await get(rs[i]!) };
      } catch (e) {
        results[i] = { ok: false, status: (e as GraphError).status ?? 0, error: e as GraphError };
      }
    };
    if (batchable.length === 1) await settle(batchable[0]!);
    const soloDone = Promise.all(solo.map(settle));
    for (let start = 0; batchable.length > 1 && start < batchable.length; start += BATCH_LIMIT) {
      let todo = batchable.slice(start, start + BATCH_LIMIT);
      stats.requests += todo.length;
      for (let round = 0; todo.length; round++) {
        const answers = await batchOnce(todo.map((i) => ({ id: String(i), r: rs[i]! })));
        const throttled: number[] = [];
        let wait = 0;
        for (const i of todo) {
          const a = answers.get(String(i));
          if (!a) {
            results[i] = { ok: false, status: 0, error: new GraphError({ status: 0, code: 'MissingBatchResponse', message: 'Graph returned no response for this request' }, rs[i]!.url) };
            continue;
          }
          const retryable = a.status === 429 || a.status === 503 || a.status === 504;
          if (retryable && round < opts.policy.maxRetries) {
            const after = retryAfterMs(a.headers['Retry-After'] ?? a.headers['retry-after'] ?? null) ?? 1000;
            if (after <= opts.policy.maxRetryAfterSeconds * 1000 && after + 500 < opts.deadline.remaining()) {
              throttled.push(i);
              wait = Math.max(wait, after);
              continue;
            }
          }
          if (a.status >= 400) {
            results[i] = { ok: false, status: a.status, error: new GraphError(errorInfo(a.status, a.body), rs[i]!.url) };
          } else {
            results[i] = { ok: true, status: a.status, body: a.body };
            memo.set(keyOf(rs[i]!), Promise.resolve(a.body));
          }
        }
        todo = throttled;
        if (todo.length) await new Promise((ok) => setTimeout(ok, wait));
      }
    }
    await soloDone;
    return results as BatchResult[];
  }

  async function collect<T>(request: GraphRequest | string, max: number): Promise<Page<T>> {
    const first = normalize(request);
    const items: T[] = [];
    let count: number | undefined;
    let next: string | undefined = first.url;
    while (next && items.length < max) {
      const page: { value?: T[]; '@odata.count'?: number; '@odata.nextLink'?: string } = await get({ ...first, url: next });
      if (count === undefined && typeof page['@odata.count'] === 'number') count = page['@odata.count'];
      items.push(...(page.value ?? []));
      next = page['@odata.nextLink'];
    }
    const truncated = items.length > max || next !== undefined;
    return { items: items.slice(0, max), truncated, ...(count !== undefined ? { count } : {}) };
  }

  return { stats, get, batch, collect };
}
