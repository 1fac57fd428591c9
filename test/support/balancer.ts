// A loopback load balancer for several bot instances: round-robin, and when an instance does not
// answer (connection refused — killed or restarting), the next one, as a cloud balancer with health
// probes would. It counts what each instance served.
import { createServer, request, type IncomingMessage, type Server } from 'node:http';

export interface Balancer {
  url: string;
  served: Map<string, number>;
  failovers: number;
  setBackends(urls: string[]): void;
  close(): Promise<void>;
}

export async function startBalancer(backends: string[]): Promise<Balancer> {
  let targets = [...backends];
  let next = 0;
  const served = new Map<string, number>();
  const state = { failovers: 0 };

  const forward = (target: string, req: IncomingMessage, body: Buffer) =>
    new Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: Buffer }>((ok, fail) => {
      const u = new URL(req.url ?? '/', target);
      const out = request(u, { method: req.method, headers: { ...req.headers, host: u.host } }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => ok({ status: res.statusCode ?? 502, headers: res.headers, body: Buffer.concat(chunks) }));
        res.on('error', fail);
      });
      out.on('error', fail);
      out.end(body);
    });

  const server: Server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const body = Buffer.concat(chunks);
    const first = next++; // this request's turn; its retries walk on from there, whatever others do meanwhile
    for (let tries = 0; tries < targets.length; tries++) {
      const target = targets[(first + tries) % targets.length]!;
      try {
        const r = await forward(target, req, body);
        served.set(target, (served.get(target) ?? 0) + 1);
        res.writeHead(r.status, r.headers);
        res.end(r.body);
        return;
      } catch (err) {
        // Only a refused connection is safe to retry elsewhere: the request never reached the bot.
        if ((err as NodeJS.ErrnoException).code !== 'ECONNREFUSED') {
          res.writeHead(502);
          res.end();
          return;
        }
        state.failovers++;
      }
    }
    res.writeHead(503);
    res.end();
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  return {
    url: `http://127.0.0.1:${(server.address() as { port: number }).port}`,
    served,
    get failovers() {
      return state.failovers;
    },
    setBackends(urls) {
      targets = [...urls];
    },
    close: () => new Promise<void>((ok) => server.close(() => ok())),
  };
}
