// Wraps a router as one of the dev tenant's services: every request is logged (status, size, time,
// and what the handler noted: grant type, user) and may be delayed or failed by the fault rules.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Faults } from '../shared/faults.ts';
import { send, type Handler, type Reply, type Router } from '../shared/http.ts';
import type { RequestLog, Service } from '../shared/request-log.ts';

export interface RequestNote {
  kind?: string;
  userOid?: string;
}

const notes = new WeakMap<IncomingMessage, RequestNote>();

/** Lets a handler say what the request was for, for the request log. */
export function annotate(req: IncomingMessage, note: RequestNote): void {
  notes.set(req, { ...notes.get(req), ...note });
}

export interface ServiceOptions {
  service: Service;
  router: Router;
  log: RequestLog;
  faults: Faults;
  /** The body the service answers with when a fault rule fails a request. */
  faultReply: (status: number) => Reply;
  /** Requests outside the emulated service (the control API): neither logged nor faulted. */
  internal?: (path: string) => boolean;
  fallback?: Handler;
}

const sleep = (ms: number) => new Promise((ok) => setTimeout(ok, ms));

export function serviceListener(opts: ServiceOptions): (req: IncomingMessage, res: ServerResponse) => Promise<void> {
  const route = opts.router.listener(opts.fallback);
  return async (raw, res) => {
    const url = raw.url ?? '/';
    const path = new URL(url, 'http://localhost').pathname;
    if (opts.internal?.(path)) return route(raw, res);
    const startedAt = Date.now();
    const clientRequestId = (raw.headers['client-request-id'] as string | undefined) ?? new URL(url, 'http://localhost').searchParams.get('client-request-id') ?? undefined;
    res.once('close', () => {
      const note = notes.get(raw) ?? {};
      opts.log.add({
        service: opts.service,
        method: raw.method ?? 'GET',
        url,
        status: res.headersSent ? res.statusCode : 0,
        startedAt,
        durationMs: Date.now() - startedAt,
        bytes: Number(res.getHeader('content-length') ?? 0),
        ...(note.kind ? { kind: note.kind } : {}),
        ...(note.userOid ? { userOid: note.userOid } : {}),
        ...(clientRequestId ? { clientRequestId } : {}),
      });
    });
    const decision = opts.faults.decide(opts.service, url);
    if (decision.latencyMs > 0) await sleep(decision.latencyMs);
    if (decision.fail) {
      raw.resume();
      if ('hang' in decision.fail) return; // never answered; the server's close() ends the socket
      const reply = opts.faultReply(decision.fail.status);
      const headers = { ...(reply.headers ?? {}) };
      if (decision.fail.retryAfter !== undefined) headers['Retry-After'] = String(decision.fail.retryAfter);
      send(res, { ...reply, headers });
      return;
    }
    return route(raw, res);
  };
}
