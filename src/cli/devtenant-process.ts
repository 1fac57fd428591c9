// The CLI answers against a dev tenant, which it runs as a child process (`devtenant serve` on free
// ports) and reaches over HTTP only — the same way the bot does.
import { spawn, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';

export interface RunningDevTenant {
  env: Record<string, string>;
  control: string;
  caFile: string;
  stop(): Promise<void>;
}

export async function startDevTenantProcess(tenant: string): Promise<RunningDevTenant> {
  const bin = resolve(import.meta.dirname, '..', '..', 'bin', 'devtenant.mjs');
  const child: ChildProcess = spawn(process.execPath, [bin, 'serve', '--tenant', tenant, '--entra-port', '0', '--graph-port', '0', '--channel-port', '0'], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  const ready = await new Promise<{ env: Record<string, string>; urls: { control: string }; caFile: string }>((ok, fail) => {
    const timer = setTimeout(() => fail(new Error(`the dev tenant did not start: ${out.slice(-500)}`)), 120_000);
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString('utf8');
      const line = out.split('\n').find((l) => l.startsWith('{"event":"ready"'));
      if (line) {
        clearTimeout(timer);
        ok(JSON.parse(line));
      }
    });
    child.stderr!.on('data', (d: Buffer) => (out += d.toString('utf8')));
    child.once('exit', (code) => {
      clearTimeout(timer);
      fail(new Error(`the dev tenant exited (${code}): ${out.slice(-500)}`));
    });
  });
  return {
    env: ready.env,
    control: ready.urls.control.replace(/\/?$/, '/'),
    caFile: ready.caFile,
    stop: () =>
      new Promise<void>((ok) => {
        if (child.exitCode !== null) return ok();
        child.once('exit', () => ok());
        child.kill('SIGTERM');
      }),
  };
}

export async function ssoTokenFor(control: string, upn: string): Promise<string> {
  const res = await fetch(`${control}sso-token`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ user: upn }) });
  const body = (await res.json().catch(() => ({}))) as { token?: string; error?: string; message?: string };
  if (!res.ok || !body.token) throw new Error(`the dev tenant has no user ${upn} (${res.status} ${body.message ?? body.error ?? ''})`);
  return body.token;
}
