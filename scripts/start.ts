// `npm start`: the local sandbox — Azurite, the dev tenant (Entra ID, Bot Framework channel and
// Graph for the sample tenant Contoso), the bot, and the Microsoft 365 Agents Playground — so
// anyone can chat with Tenant Desk without a Microsoft account. Ctrl-C stops every child.
// `npm start -- --env dev` starts only the bot, against Microsoft, with env/.env.dev(.user).
import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { startAzurite, type Azurite } from './azurite.ts';
import { loadEnv } from './package-app.ts';

const root = resolve(import.meta.dirname, '..');
const logDir = resolve(root, '.devtenant', 'logs');
const PLAYGROUND_PORT = 56150;

const { values } = parseArgs({ options: { env: { type: 'string', default: 'local' } }, strict: true });
const envName = values.env!;

interface Child {
  name: string;
  proc: ChildProcess;
}
const children: Child[] = [];
let azurite: Azurite | undefined;
let stopping = false;

function say(line: string): void {
  process.stdout.write(`${line}\n`);
}

/** One JSON log line of the bot → one readable line. */
function pretty(line: string): string | undefined {
  try {
    const r = JSON.parse(line) as Record<string, unknown>;
    if (r.level === 'debug') return undefined;
    const { time, level, event, ...rest } = r;
    const fields = Object.entries(rest)
      .filter(([k]) => !['activityId', 'stack'].includes(k))
      .map(([k, v]) => `${k}=${typeof v === 'string' ? v : JSON.stringify(v)}`)
      .join(' ');
    return `[bot] ${String(time).slice(11, 19)} ${level === 'info' ? '' : `${String(level).toUpperCase()} `}${String(event)} ${fields}`.trimEnd();
  } catch {
    return `[bot] ${line}`;
  }
}

function run(name: string, command: string, args: string[], env: Record<string, string>, onLine?: (line: string) => void): ChildProcess {
  mkdirSync(logDir, { recursive: true });
  const log = createWriteStream(resolve(logDir, `${name}.log`), { flags: 'a' });
  const proc = spawn(command, args, { cwd: root, env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let buffer = '';
  const take = (d: Buffer) => {
    log.write(d);
    buffer += d.toString('utf8');
    let i;
    while ((i = buffer.indexOf('\n')) >= 0) {
      const line = buffer.slice(0, i);
      buffer = buffer.slice(i + 1);
      onLine?.(line);
    }
  };
  proc.stdout!.on('data', take);
  proc.stderr!.on('data', take);
  proc.once('exit', (code, signal) => {
    log.end();
    if (!stopping) {
      say(`${name} stopped unexpectedly (${signal ?? code}); see .devtenant/logs/ (${name}*.log). Stopping the sandbox.`);
      void stop(1);
    }
  });
  children.push({ name, proc });
  return proc;
}

function waitForLine(proc: ChildProcess, name: string, test: (line: string) => boolean, timeoutMs = 60_000): Promise<string> {
  return new Promise((ok, fail) => {
    let buffer = '';
    const timer = setTimeout(() => fail(new Error(`${name} did not start within ${timeoutMs / 1000} s (see .devtenant/logs/${name}.log)`)), timeoutMs);
    const onData = (d: Buffer) => {
      buffer += d.toString('utf8');
      for (const line of buffer.split('\n')) {
        if (test(line)) {
          clearTimeout(timer);
          proc.stdout!.off('data', onData);
          ok(line);
          return;
        }
      }
    };
    proc.stdout!.on('data', onData);
    proc.once('exit', () => fail(new Error(`${name} exited during start-up (see .devtenant/logs/${name}.log)`)));
  });
}

async function waitForHttp(url: string, timeoutMs = 30_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    try {
      const res = await fetch(url);
      if (res.status < 500) return;
    } catch {
      /* not up yet */
    }
    if (Date.now() > until) throw new Error(`${url} did not answer within ${timeoutMs / 1000} s`);
    await new Promise((ok) => setTimeout(ok, 200));
  }
}

async function stop(code = 0): Promise<never> {
  stopping = true;
  for (const { proc } of [...children].reverse()) if (proc.exitCode === null && proc.signalCode === null) proc.kill('SIGTERM');
  const deadline = Date.now() + 15_000;
  for (const { name, proc } of children) {
    while (proc.exitCode === null && proc.signalCode === null && Date.now() < deadline) await new Promise((ok) => setTimeout(ok, 50));
    if (proc.exitCode === null && proc.signalCode === null) {
      say(`${name} did not stop in time; killing it.`);
      proc.kill('SIGKILL');
    }
  }
  await azurite?.stop();
  process.exit(code);
}

process.on('SIGINT', () => void stop(0));
process.on('SIGTERM', () => void stop(0));

async function startBot(env: Record<string, string>): Promise<void> {
  const bot = run('bot', process.execPath, ['--import', 'tsx', 'src/index.ts'], env, (line) => {
    const p = pretty(line);
    if (p) say(p);
  });
  await waitForLine(bot, 'bot', (l) => l.includes('"event":"server.listening"'));
}

async function sandbox(): Promise<void> {
  const env = loadEnv('local');
  say('Starting the Tenant Desk sandbox (Azurite, dev tenant "Contoso", bot, Agents Playground)…');
  azurite = await startAzurite({ location: resolve(root, '.azurite', 'sandbox'), port: 10000 });
  say('  ✓ Azurite (blob storage) on http://127.0.0.1:10000');
  const dt = run('devtenant', process.execPath, [resolve(root, 'bin', 'devtenant.mjs'), 'serve', '--tenant', 'contoso', '--sandbox-sso', '--bot', `http://127.0.0.1:${env.PORT ?? 3978}/api/messages`], {});
  await waitForLine(dt, 'devtenant', (l) => l.startsWith('{"event":"ready"'));
  say('  ✓ Dev tenant: Entra ID https://localhost:7443, Graph https://localhost:7444, channel http://127.0.0.1:7445');
  await startBot(env);
  say(`  ✓ Bot on http://localhost:${env.PORT ?? 3978}/api/messages`);
  run('playground', resolve(root, 'node_modules', '.bin', 'agentsplayground'), ['--disable-telemetry', '-c', 'msteams', '-e', 'http://127.0.0.1:7445/_playground/api/messages', '-p', String(PLAYGROUND_PORT)], {
    TEAMSAPPTESTER_BROWSER: 'none',
    M365_AGENTS_PLAYGROUND_CONFIG_PATH: resolve(root, '.m365agentsplayground.yml'),
    M365_AGENTS_PLAYGROUND_LOGFILE: resolve(logDir, 'playground-internal.log'),
  });
  await waitForHttp(`http://localhost:${PLAYGROUND_PORT}/`);
  say('');
  say(`Tenant Desk is ready. Open http://localhost:${PLAYGROUND_PORT} and say "help".`);
  say('You are Adele Vance (a plain member); other people of the sample tenant are in the Playground too.');
  say('Logs: .devtenant/logs/. Ctrl-C stops everything.');
}

async function realTenant(): Promise<void> {
  const env = loadEnv(envName);
  say(`Starting the Tenant Desk bot with env/.env.${envName} (against Microsoft)…`);
  await startBot(env);
  say(`The bot listens on port ${env.PORT ?? 3978}; its messaging endpoint is ${env.PUBLIC_URL ?? ''}/api/messages. Ctrl-C stops it.`);
}

(envName === 'local' ? sandbox() : realTenant()).catch((err: Error) => {
  say(`Could not start: ${err.message}`);
  void stop(1);
});
