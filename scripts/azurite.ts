// Starts Azurite's blob service as a child process on a free port; the tests, the benchmarks and
// `npm start` share this one way of running it.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { resolve } from 'node:path';

export const AZURITE_ACCOUNT = 'devstoreaccount1';
// Azurite's documented, public development key (not a secret).
export const AZURITE_KEY = 'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==';

export interface Azurite {
  port: number;
  /** The Azurite process (the benchmarks read its CPU time). */
  pid: number;
  connectionString: string;
  stop(): Promise<void>;
}

export function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const s = createServer();
    s.once('error', fail);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => ok(port));
    });
  });
}

export function connectionString(port: number): string {
  return `DefaultEndpointsProtocol=http;AccountName=${AZURITE_ACCOUNT};AccountKey=${AZURITE_KEY};BlobEndpoint=http://127.0.0.1:${port}/${AZURITE_ACCOUNT};`;
}

export async function startAzurite(opts: { location: string; port?: number; inMemory?: boolean }): Promise<Azurite> {
  const port = opts.port ?? (await freePort());
  mkdirSync(opts.location, { recursive: true });
  const bin = resolve(import.meta.dirname, '..', 'node_modules', '.bin', 'azurite-blob');
  const args = ['--location', opts.location, '--blobHost', '127.0.0.1', '--blobPort', String(port), '--skipApiVersionCheck', '--loose', '--silent', '--disableTelemetry'];
  if (opts.inMemory) args.splice(0, 2, '--inMemoryPersistence');
  const child: ChildProcess = spawn(bin, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout?.on('data', (d) => (output += String(d)));
  child.stderr?.on('data', (d) => (output += String(d)));
  await new Promise<void>((ok, fail) => {
    const deadline = Date.now() + 20_000;
    const tick = async () => {
      if (child.exitCode !== null) return fail(new Error(`azurite exited: ${output}`));
      try {
        const res = await fetch(`http://127.0.0.1:${port}/${AZURITE_ACCOUNT}?comp=list`);
        if (res.status > 0) return ok();
      } catch {
        /* not up yet */
      }
      if (Date.now() > deadline) return fail(new Error(`azurite did not start on ${port}: ${output}`));
      setTimeout(tick, 100);
    };
    void tick();
  });
  return {
    port,
    pid: child.pid!,
    connectionString: connectionString(port),
    stop: () =>
      new Promise<void>((ok) => {
        if (child.exitCode !== null) return ok();
        child.once('exit', () => ok());
        child.kill('SIGTERM');
      }),
  };
}
