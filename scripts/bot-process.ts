// Runs the bot as its own process (tsx src/index.ts), exactly as `npm run bot` does, with the
// environment a test gives it. Its stdout (JSON log lines) is kept in memory and appended to
// test-output/logs/, where the secrets scan reads every log a test run produced.
import { spawn, type ChildProcess } from 'node:child_process';
import { appendFileSync, mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { freePort } from '../../scripts/azurite.ts';

const root = resolve(import.meta.dirname, '..', '..');
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

export async function startBot(env: Record<string, string>, name = 'bot'): Promise<BotProcess> {
  mkdirSync(LOG_DIR, { recursive: true });
  const logFile = resolve(LOG_DIR, `${name}-${process.pid}-${Date.now()}.log`);
  // A known port, so PUBLIC_URL (the sign-in pages' address) can be given up front.
  const chosen = env.PORT && env.PORT !== '0' ? env.PORT : String(await freePort());
  const child = spawn(process.execPath, ['--import', 'tsx', resolve(root, 'src', 'index.ts')], {
    cwd: root,
    env: { PATH: process.env.PATH ?? '', NODE_ENV: 'test', LOG_LEVEL: 'debug', PUBLIC_URL: `http://localhost:${chosen}`, ...env, PORT: chosen },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const records: Record<string, unknown>[] = [];
  const raw: string[] = [];
  let buffer = '';
  const onLine = (line: string) => {
    if (!line.trim()) return;
    appendFileSync(logFile, line + '\n');
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
  const listening = await waitForLog((r) => r.event === 'server.listening', 60_000);
  const port = Number(listening.port);
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
