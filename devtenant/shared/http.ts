// A small router over node:http, shared by the dev tenant's Entra, Graph and channel servers.
// It stays tiny on purpose: the servers must answer exactly as Microsoft's do (status, headers,
// body shape), which is easier to see with plain request/response objects than through a framework.
import type { IncomingMessage, ServerResponse } from 'node:http';

export interface Request {
  method: string;
  /** Path without the query string, percent-decoding left to the route. */
  path: string;
  /** Raw query string without the leading '?'. */
  rawQuery: string;
  url: URL;
  headers: IncomingMessage['headers'];
  params: Record<string, string>;
  body: Buffer;
  raw: IncomingMessage;
}

export interface Reply {
  status: number;
  headers?: Record<string, string>;
  body?: unknown; // object → JSON, string/Buffer → as is
}

export type Handler = (req: Request, res: ServerResponse) => Promise<Reply | void> | Reply | void;

interface Route {
  method: string;
  pattern: RegExp;
  keys: string[];
  handler: Handler;
}

/** Compiles '/v3/conversations/:id/activities/:activityId?' style paths; '*' matches the rest. */
function compile(path: string): { pattern: RegExp; keys: string[] } {
  const keys: string[] = [];
  const source = path
    .split('/')
    .map((seg) => {
      if (seg === '*') {
        keys.push('rest');
        return '(.*)';
      }
      const m = /^:(\w+)(\?)?$/.exec(seg);
      if (!m) return seg.replace(/[.*+?^${}()|[\]\\$]/g, '\\$&');
      keys.push(m[1]!);
      return m[2] ? '?([^/]*)' : '([^/]+)';
    })
    .join('/');
  return { pattern: new RegExp(`^${source}/?$`), keys };
}

export class Router {
  private readonly routes: Route[] = [];

  on(method: string, path: string, handler: Handler): this {
    const { pattern, keys } = compile(path);
    this.routes.push({ method: method.toUpperCase(), pattern, keys, handler });
    return this;
  }
  get(path: string, handler: Handler): this { return this.on('GET', path, handler); }
  post(path: string, handler: Handler): this { return this.on('POST', path, handler); }
  put(path: string, handler: Handler): this { return this.on('PUT', path, handler); }
  delete(path: string, handler: Handler): this { return this.on('DELETE', path, handler); }

  /** Finds the route for a request; undefined when nothing matches. */
  match(method: string, path: string): { handler: Handler; params: Record<string, string> } | undefined {
    for (const r of this.routes) {
      if (r.method !== method.toUpperCase() && r.method !== '*') continue;
      const m = r.pattern.exec(path);
      if (!m) continue;
      const params: Record<string, string> = {};
      r.keys.forEach((k, i) => (params[k] = m[i + 1] ?? ''));
      return { handler: r.handler, params };
    }
    return undefined;
  }

  /** A node:http request listener. Unmatched requests go to `fallback` (default: 404 JSON). */
  listener(fallback?: Handler) {
    return async (raw: IncomingMessage, res: ServerResponse) => {
      try {
        const req = await toRequest(raw);
        const found = this.match(req.method, req.path);
        const handler = found?.handler ?? fallback ?? (() => ({ status: 404, body: { error: 'not found' } }));
        req.params = found?.params ?? {};
        const reply = await handler(req, res);
        if (reply && !res.headersSent) send(res, reply);
      } catch (err) {
        if (!res.headersSent) send(res, { status: 500, body: { error: 'internal', message: String((err as Error)?.message ?? err) } });
        else res.destroy();
      }
    };
  }
}

export async function toRequest(raw: IncomingMessage): Promise<Request> {
  const chunks: Buffer[] = [];
  for await (const c of raw) chunks.push(c as Buffer);
  const url = new URL(raw.url ?? '/', 'http://localhost');
  const q = (raw.url ?? '').indexOf('?');
  return {
    method: raw.method ?? 'GET',
    path: url.pathname,
    rawQuery: q >= 0 ? (raw.url ?? '').slice(q + 1) : '',
    url,
    headers: raw.headers,
    params: {},
    body: Buffer.concat(chunks),
    raw,
  };
}

export function send(res: ServerResponse, reply: Reply): void {
  const headers: Record<string, string> = { ...(reply.headers ?? {}) };
  let payload: Buffer | string;
  if (reply.body === undefined || reply.body === null) payload = '';
  else if (Buffer.isBuffer(reply.body) || typeof reply.body === 'string') payload = reply.body;
  else {
    payload = JSON.stringify(reply.body);
    if (!Object.keys(headers).some((h) => h.toLowerCase() === 'content-type')) headers['Content-Type'] = 'application/json; charset=utf-8';
  }
  headers['Content-Length'] = String(Buffer.byteLength(payload));
  res.writeHead(reply.status, headers);
  res.end(payload);
}

export function json<T = unknown>(req: Request): T {
  if (req.body.length === 0) throw new Error('empty body');
  return JSON.parse(req.body.toString('utf8')) as T;
}

export function form(req: Request): URLSearchParams {
  return new URLSearchParams(req.body.toString('utf8'));
}
