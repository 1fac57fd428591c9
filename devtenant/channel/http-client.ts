// A small HTTP(S) client that trusts the dev tenant's CA. The driver uses it to call the bot and to
// walk Entra's consent pages like a browser; Node's fetch cannot be given a CA per request.
import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { request as httpsRequest } from 'node:https';

export interface HttpResult {
  status: number;
  headers: IncomingHttpHeaders;
  text: string;
  /** The body parsed as JSON when it is JSON, else the text (undefined when empty). */
  body: unknown;
}

export interface HttpRequest {
  method?: string;
  headers?: Record<string, string>;
  body?: string | Buffer;
  /** PEM of a CA to trust for https URLs. */
  ca?: string;
  timeoutMs?: number;
}

export function httpCall(url: string, req: HttpRequest = {}): Promise<HttpResult> {
  const u = new URL(url);
  const send = u.protocol === 'https:' ? httpsRequest : httpRequest;
  const headers: Record<string, string> = { ...(req.headers ?? {}) };
  if (req.body !== undefined) headers['Content-Length'] = String(Buffer.byteLength(req.body));
  return new Promise((ok, fail) => {
    const r = send(u, { method: req.method ?? 'GET', headers, ...(req.ca ? { ca: req.ca } : {}) }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('error', fail);
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        let body: unknown = text === '' ? undefined : text;
        if (text && /json/i.test(String(res.headers['content-type'] ?? ''))) {
          try {
            body = JSON.parse(text);
          } catch {
            body = text;
          }
        }
        ok({ status: res.statusCode ?? 0, headers: res.headers, text, body });
      });
    });
    r.on('error', fail);
    if (req.timeoutMs) r.setTimeout(req.timeoutMs, () => r.destroy(new Error(`no answer from ${url} within ${req.timeoutMs} ms`)));
    if (req.body !== undefined) r.write(req.body);
    r.end();
  });
}

export function postForm(url: string, form: Record<string, string>, ca?: string): Promise<HttpResult> {
  return httpCall(url, { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(form).toString(), ...(ca ? { ca } : {}) });
}

export function postJson(url: string, body: unknown, headers: Record<string, string> = {}, ca?: string): Promise<HttpResult> {
  return httpCall(url, { method: 'POST', headers: { 'Content-Type': 'application/json; charset=utf-8', ...headers }, body: JSON.stringify(body), ...(ca ? { ca } : {}) });
}
