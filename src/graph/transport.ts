// The last middleware of the Graph client: performs the HTTP request with node:https and the bot's
// shared agent (keep-alive, the trusted CAs). The SDK's default handler uses the global fetch,
// which cannot take an agent, so a company's proxy CA — or the dev tenant's — could not be trusted.
import { request as httpRequest } from 'node:http';
import { request as httpsRequest, type Agent } from 'node:https';
import type { Context, Middleware } from '@microsoft/microsoft-graph-client';

function headersOf(init: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (!init) return out;
  if (typeof (init as Headers).forEach === 'function' && !Array.isArray(init)) {
    (init as Headers).forEach((v, k) => (out[k] = v));
    return out;
  }
  for (const [k, v] of Array.isArray(init) ? (init as [string, string][]) : Object.entries(init as Record<string, string>)) out[k] = String(v);
  return out;
}

export class HttpsTransport implements Middleware {
  constructor(private readonly agent: Agent) {}

  async execute(context: Context): Promise<void> {
    const url = new URL(typeof context.request === 'string' ? context.request : context.request.url);
    const options = context.options ?? {};
    const headers = headersOf(options.headers);
    const body = typeof options.body === 'string' || Buffer.isBuffer(options.body) ? options.body : options.body ? JSON.stringify(options.body) : undefined;
    if (body !== undefined) headers['content-length'] = String(Buffer.byteLength(body));
    const signal = options.signal ?? undefined;
    const send = url.protocol === 'https:' ? httpsRequest : httpRequest;

    context.response = await new Promise<Response>((resolve, reject) => {
      const req = send(url, { method: options.method ?? 'GET', headers, ...(url.protocol === 'https:' ? { agent: this.agent } : {}), ...(signal ? { signal } : {}) }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('error', reject);
        res.on('end', () => {
          const status = res.statusCode ?? 0;
          const responseHeaders = new Headers();
          for (const [k, v] of Object.entries(res.headers)) if (v !== undefined) responseHeaders.set(k, Array.isArray(v) ? v.join(', ') : v);
          const nobody = status === 204 || status === 304;
          resolve(new Response(nobody ? null : Buffer.concat(chunks), { status, statusText: res.statusMessage ?? '', headers: responseHeaders }));
        });
      });
      req.on('error', reject);
      if (body !== undefined) req.write(body);
      req.end();
    });
  }
}
