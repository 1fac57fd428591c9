// Runs the bot as its own process (tsx src/index.ts), exactly as `npm run bot` does, with the
// environment a test or a benchmark gives it. Its stdout (JSON log lines) is kept in memory and appended to
// test-output/logs/, where the secrets scan reads every log a test run produced.
import { spawn, type ChildProcess } from 'node:child_process';
import { appendFileSync, mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { freePort } from './azurite.ts';

const root = resolve(import.meta.dirname, '..');
export const LOG_DIR = resolve(root, 'test-output', 'logs');

export interface BotProcess {
  port: number;
  url: string;
  logs: () => Record<string, unknown>[];
  /** Lines that were not JSON (a crash, a stray console write). */
  rawLines: () => string[];
  waitForLog: (pred: (r: Record<string, unknown>) => boolean, timeoutMs?: number) => Promise<Record<string, unknown>>;
  stop: (signal?: NodeJS.Signals) => Promise<number | null>;
  child: ChildProcess;
}

export async function startBot(env: Record<string, string>, name = 'bot', opts: { logDir?: string; entry?: string; nodeArgs?: string[] } = {}): Promise<BotProcess> {
  const logDir = opts.logDir ?? LOG_DIR;
  mkdirSync(logDir, { recursive: true });
  const logFile = resolve(logDir, `${name}-${process.pid}-${Date.now()}.log`);
  // A known port, so PUBLIC_URL (the sign-in pages' address) can be given up front.
  const chosen = env.PORT && env.PORT !== '0' ? env.PORT : String(await freePort());
  // Compiled JavaScript (dist/, as in production) runs on plain Node; TypeScript through tsx.
  const entry = opts.entry ?? resolve(root, 'src', 'index.ts');
  const loader = entry.endsWith('.js') ? [] : ['--import', 'tsx'];
  const child = spawn(process.execPath, [...(opts.nodeArgs ?? []), ...loader, entry], {
    cwd: root,
    env: { PATH: process.env.PATH ?? '', NODE_ENV: 'test', LOG_LEVEL: 'debug', PUBLIC_URL: `http://localhost:${chosen}`, ...env, PORT: chosen },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const records: Record<string, unknown>[] = [];
  const raw: string[] = [];
  let buffer = '';
  const onLine = (line: string) => {
    if (!line.trim()) return;
    try {
      appendFileSync(logFile, line + '\n');
    } catch {
      // Another test run cleared the log folder: start it again rather than lose the line.
      mkdirSync(logDir, { recursive: true });
      appendFileSync(logFile, line + '\n');
    }
    try {
      records.push(JSON.parse(line) as Record<string, unknown>);
    } catch {
      raw.push(line);
    }
  };
  child.stdout!.on('data', (d: Buffer) => {
    buffer += d.toString('utf8');
    let i;
    while ((i = buffer.indexOf('\n')) >= 0) {
      onLine(buffer.slice(0, i));
      buffer = buffer.slice(i + 1);
    }
  });
  child.stderr!.on('data', (d: Buffer) => {
    for (const line of d.toString('utf8').split('\n')) onLine(line);
  });
  const exited = new Promise<number | null>((ok) => child.once('exit', (code) => ok(code)));

  const waitForLog = async (pred: (r: Record<string, unknown>) => boolean, timeoutMs = 30_000) => {
    const until = Date.now() + timeoutMs;
    for (;;) {
      const found = records.find(pred);
      if (found) return found;
      if (child.exitCode !== null) throw new Error(`the bot exited (${child.exitCode}): ${raw.slice(-5).join(' | ')}`);
      if (Date.now() > until) throw new Error(`timed out waiting for a log line; last: ${JSON.stringify(records.slice(-3))} ${raw.slice(-3).join(' | ')}`);
      await new Promise((ok) => setTimeout(ok, 25));
    }
  };
  // Ready when /healthz answers (whatever the log level).
  const port = Number(chosen);
  const until = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the bot exited (${child.exitCode}): ${raw.slice(-5).join(' | ')} ${JSON.stringify(records.slice(-3))}`);
    try {
      if ((await fetch(`http://127.0.0.1:${port}/healthz`)).status === 200) break;
    } catch {
      /* not listening yet */
    }
    if (Date.now() > until) {
      child.kill('SIGKILL'); // never leave a half-started bot behind
      throw new Error(`the bot did not start: ${raw.slice(-5).join(' | ')}`);
    }
    await new Promise((ok) => setTimeout(ok, 50));
  }
  return {
    port,
    url: `http://127.0.0.1:${port}`,
    logs: () => records,
    rawLines: () => raw,
    waitForLog,
    child,
    stop: async (signal = 'SIGTERM') => {
      if (child.exitCode === null) child.kill(signal);
      return exited;
    },
  };
}
