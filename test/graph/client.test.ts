import type { IncomingMessage, ServerResponse } from 'node:http';
import { createServer } from 'node:https';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ensureTls } from '../../devtenant/tls.ts';
import { createGraph } from '../../src/graph/client.ts';
import { Deadline } from '../../src/graph/deadline.ts';
import { GraphError } from '../../src/graph/types.ts';
import { createHttpsAgent } from '../../src/https-agent.ts';
import { createLogger } from '../../src/log.ts';

type Script = (req: IncomingMessage, body: string, res: ServerResponse) => void;
const tls = ensureTls();
let script: Script = () => {};
const seen: { url: string; headers: IncomingMessage['headers']; body: string }[] = [];
const server = createServer({ key: tls.key, cert: tls.cert }, (req, res) => {
  let body = '';
  req.on('data', (c) => (body += c));
  req.on('end', () => {
    seen.push({ url: req.url!, headers: req.headers, body });
    script(req, body, res);
  });
});
let base = '';
const agent = createHttpsAgent(tls.caFile);
const log = createLogger('error', () => {});

beforeAll(async () => {
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  base = `https://localhost:${(server.address() as { port: number }).port}`;
});
afterAll(() => {
  server.closeAllConnections();
  server.close();
  agent.destroy();
});
beforeEach(() => {
  seen.length = 0;
});

const json = (res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) => {
  res.writeHead(status, { 'content-type': 'application/json', 'request-id': `rid-${seen.length}`, ...headers });
  res.end(JSON.stringify(body));
};

function graph(budgetMs = 8000, policy = { maxRetries: 3, maxRetryAfterSeconds: 2, attemptTimeoutMs: 1500 }) {
  return createGraph({ baseUrl: base, agent, token: async () => 'token-value', deadline: new Deadline(budgetMs), policy, log });
}

describe('Graph client', () => {
  it('sends the token, a client-request-id and ConsistencyLevel when asked', async () => {
    script = (_req, _b, res) => json(res, 200, { value: [] });
    await graph().get({ url: '/users?$count=true', eventual: true });
    expect(seen[0]!.headers.authorization).toBe('Bearer token-value');
    expect(seen[0]!.headers['client-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    expect(seen[0]!.headers.consistencylevel).toBe('eventual');
    expect(seen[0]!.url).toBe('/v1.0/users?$count=true');
  });

  it('retries a 429 after Retry-After and succeeds', async () => {
    let n = 0;
    script = (_req, _b, res) => (n++ === 0 ? json(res, 429, { error: { code: 'TooManyRequests', message: 'Please retry again later.' } }, { 'Retry-After': '1' }) : json(res, 200, { ok: true }));
    const g = graph();
    expect(await g.get('/organization')).toEqual({ ok: true });
    expect(g.stats.roundTrips).toBe(2);
    expect(seen[0]!.headers['client-request-id']).toBe(seen[1]!.headers['client-request-id']);
  });

  it('does not wait longer than the cap: a long Retry-After fails at once with Graph\'s error', async () => {
    script = (_req, _b, res) => json(res, 429, { error: { code: 'TooManyRequests', message: 'later', innerError: { 'request-id': 'r-429' } } }, { 'Retry-After': '30' });
    const g = graph();
    const err = (await g.get('/users').catch((e: unknown) => e)) as GraphError;
    expect(err).toBeInstanceOf(GraphError);
    expect(err.status).toBe(429);
    expect(err.requestId).toBe('r-429');
    expect(g.stats.roundTrips).toBe(1);
  });

  it('gives up after the retry limit on 503', async () => {
    script = (_req, _b, res) => json(res, 503, { error: { code: 'serviceNotAvailable', message: 'down' } }, { 'Retry-After': '0' });
    const g = graph(8000, { maxRetries: 2, maxRetryAfterSeconds: 2, attemptTimeoutMs: 1500 });
    const err = (await g.get('/users').catch((e: unknown) => e)) as GraphError;
    expect(err.code).toBe('serviceNotAvailable');
    expect(g.stats.roundTrips).toBe(3);
  });

  it('turns a hanging Graph into a Timeout error within the deadline', async () => {
    script = () => {}; // never answers
    const g = graph(2500, { maxRetries: 3, maxRetryAfterSeconds: 2, attemptTimeoutMs: 1000 });
    const err = (await g.get('/users').catch((e: unknown) => e)) as GraphError;
    expect(err).toBeInstanceOf(GraphError);
    expect(err.code).toBe('Timeout');
    expect(err.clientRequestId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('sends a request again when the connection is reset (a keep-alive socket the server just closed)', async () => {
    let n = 0;
    script = (req, _b, res) => {
      if (n++ === 0) {
        req.socket.destroy(); // the server drops the connection without an answer
        return;
      }
      json(res, 200, { ok: true });
    };
    const g = graph();
    expect(await g.get('/organization')).toEqual({ ok: true });
    expect(g.stats.roundTrips).toBe(2);
  });

  it('parses /$count text and remembers GETs for the turn', async () => {
    script = (_req, _b, res) => {
      res.writeHead(200, { 'content-type': 'text/plain' });
      res.end('893');
    };
    const g = graph();
    expect(await g.get({ url: '/users/$count', eventual: true })).toBe(893);
    expect(await g.get({ url: '/users/$count', eventual: true })).toBe(893);
    expect(seen).toHaveLength(1);
  });

  it('maps $batch answers by id whatever their order, and retries only throttled parts', async () => {
    let round = 0;
    script = (_req, body, res) => {
      const { requests } = JSON.parse(body) as { requests: { id: string; url: string }[] };
      round++;
      const responses = requests.map((r) =>
        r.url === '/b' && round === 1 ? { id: r.id, status: 429, headers: { 'Retry-After': '1' }, body: { error: { code: 'TooManyRequests', message: 'x' } } } : r.url === '/c' ? { id: r.id, status: 404, body: { error: { code: 'Request_ResourceNotFound', message: 'gone' } } } : { id: r.id, status: 200, body: { url: r.url } },
      );
      json(res, 200, { responses: responses.reverse() });
    };
    const g = graph();
    const [a, b, c] = await g.batch([{ url: '/a' }, { url: '/b' }, { url: '/c' }]);
    expect(a).toEqual({ ok: true, status: 200, body: { url: '/a' } });
    expect(b).toEqual({ ok: true, status: 200, body: { url: '/b' } });
    expect(c!.ok).toBe(false);
    expect(c!.ok === false && c!.error.code).toBe('Request_ResourceNotFound');
    expect(round).toBe(2);
    expect((JSON.parse(seen[1]!.body) as { requests: unknown[] }).requests).toHaveLength(1);
    expect(g.stats.requests).toBe(3);
  });

  it('follows nextLink up to the bound and says when it stopped early', async () => {
    script = (req, _b, res) => {
      const page = Number(new URL(req.url!, base).searchParams.get('$skiptoken') ?? 0);
      json(res, 200, { '@odata.count': 250, value: Array.from({ length: 100 }, (_, i) => ({ n: page * 100 + i })), ...(page < 2 ? { '@odata.nextLink': `${base}/v1.0/users?$skiptoken=${page + 1}` } : {}) });
    };
    const g = graph();
    const partial = await g.collect<{ n: number }>({ url: '/users?$count=true', eventual: true }, 150);
    expect(partial.items).toHaveLength(150);
    expect(partial.truncated).toBe(true);
    expect(partial.count).toBe(250);
    expect(seen.every((s) => s.headers.consistencylevel === 'eventual')).toBe(true);
    const all = await graph().collect<{ n: number }>('/users', 1000);
    expect(all.items.at(-1)!.n).toBe(299);
    expect(all.truncated).toBe(false);
  });
});
