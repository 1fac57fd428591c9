// The real @microsoft/microsoft-graph-client, pointed at a dev tenant Graph. The SDK attaches the
// token only for https hosts it knows, so 'localhost' is a custom host; the last middleware sends
// the request with node:https trusting the dev tenant's CA (the SDK's own fetch cannot take a CA).
// (To be replaced by the product's Graph client factory.)
import { request as httpsRequest, Agent } from 'node:https';
import { AuthenticationHandler, Client, type AuthenticationProvider, type Context, type Middleware } from '@microsoft/microsoft-graph-client';

export interface GraphSdkOptions {
  /** e.g. https://localhost:7444 */
  baseUrl: string;
  /** PEM of the CA that signed the server certificate. */
  ca: string;
  accessToken: () => string | Promise<string>;
  /** Abort a request that gets no answer within this many ms (hang tests). */
  timeoutMs?: number;
}

function headerRecord(h: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (!h) return out;
  if (typeof (h as { forEach?: unknown }).forEach === 'function' && !Array.isArray(h)) {
    (h as { forEach: (cb: (v: string, k: string) => void) => void }).forEach((v, k) => (out[k] = v));
    return out;
  }
  if (Array.isArray(h)) {
    for (const [k, v] of h as [string, string][]) out[k] = v;
    return out;
  }
  for (const [k, v] of Object.entries(h as Record<string, unknown>)) out[k] = String(v);
  return out;
}

/** Terminal middleware: performs the request with node:https, the way fetch would (URL normalized, body sent). */
export class NodeHttpsHandler implements Middleware {
  constructor(
    private readonly agent: Agent,
    private readonly timeoutMs = 30_000,
  ) {}

  async execute(context: Context): Promise<void> {
    const raw = typeof context.request === 'string' ? context.request : (context.request as { url: string }).url;
    const url = new URL(raw);
    const options = context.options ?? {};
    const headers = headerRecord(options.headers);
    const body = options.body === undefined || options.body === null ? undefined : typeof options.body === 'string' ? options.body : JSON.stringify(options.body);
    const { status, responseHeaders, payload } = await new Promise<{ status: number; responseHeaders: Record<string, string>; payload: Buffer }>((ok, fail) => {
      const req = httpsRequest(url, { method: options.method ?? 'GET', headers, agent: this.agent }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const h: Record<string, string> = {};
          for (const [k, v] of Object.entries(res.headers)) if (v !== undefined) h[k] = Array.isArray(v) ? v.join(', ') : v;
          ok({ status: res.statusCode ?? 0, responseHeaders: h, payload: Buffer.concat(chunks) });
        });
        res.on('error', fail);
      });
      req.setTimeout(this.timeoutMs, () => req.destroy(new Error(`no response within ${this.timeoutMs} ms`)));
      req.on('error', fail);
      if (body !== undefined) req.write(body);
      req.end();
    });
    context.response = new Response(status === 204 || status === 304 ? null : new Uint8Array(payload), { status, headers: responseHeaders });
  }
}

export function graphClient(opts: GraphSdkOptions): Client {
  const authProvider: AuthenticationProvider = { getAccessToken: async () => opts.accessToken() };
  const auth = new AuthenticationHandler(authProvider);
  auth.setNext(new NodeHttpsHandler(new Agent({ ca: opts.ca, keepAlive: false }), opts.timeoutMs));
  return Client.initWithMiddleware({ middleware: auth, customHosts: new Set(['localhost']), baseUrl: opts.baseUrl, defaultVersion: 'v1.0' });
}
