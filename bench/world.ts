// The bench's world: Azurite, the dev tenant in this process (real HTTPS/HTTP servers), and the bot
// — or the echo bot — as its own process, started exactly as in production (tsx src/index.ts).
import { randomBytes, randomUUID } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { startDevTenant, type DevTenant } from '../devtenant/index.ts';
import { loadTenant } from '../devtenant/tenant/load.ts';
import { generateTenant, writeTenant } from '../devtenant/tenant/generate.ts';
import { startAzurite, type Azurite } from '../scripts/azurite.ts';
import { startBot, type BotProcess } from '../scripts/bot-process.ts';

const root = resolve(import.meta.dirname, '..');
export const OUT = resolve(root, 'bench', 'out');
/** The bot as production runs it: compiled by `npm run build`, on plain Node. */
export const COMPILED_BOT = resolve(root, 'dist', 'src', 'index.js');

export async function benchAzurite(): Promise<Azurite> {
  return startAzurite({ location: resolve(OUT, 'azurite'), inMemory: true });
}

/** A generated tenant of `users` people, made once and kept in .devtenant/bench/ (seeded: always the same). */
export function generatedTenantDir(users: number): string {
  const dir = resolve(root, '.devtenant', 'bench', `users-${users}`);
  if (!existsSync(resolve(dir, 'organization.json'))) {
    const started = Date.now();
    writeTenant(generateTenant({ users, apps: Math.max(60, Math.round(users / 20)), seed: 7 }), dir);
    console.error(`  generated a ${users.toLocaleString('en-US')}-user tenant in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  }
  return dir;
}

export interface BenchWorld {
  dt: DevTenant;
  bot: BotProcess;
  env: Record<string, string>;
  close(): Promise<void>;
}

export async function startBenchWorld(opts: { tenant: string; azurite: Azurite; entry?: string; name: string; env?: Record<string, string>; nodeArgs?: string[] }): Promise<BenchWorld> {
  const started = Date.now();
  const tenant = opts.tenant === 'contoso' ? 'contoso' : loadTenant(opts.tenant);
  const dt = await startDevTenant({ tenant, keysDir: false });
  const env: Record<string, string> = {
    ...dt.botEnv(),
    STORAGE_CONNECTION_STRING: opts.azurite.connectionString,
    STORAGE_CONTAINER: `bench-${randomUUID().slice(0, 8)}`,
    TOKEN_CACHE_KEY: randomBytes(32).toString('base64'),
    LOG_LEVEL: 'warn',
    QUESTIONS_PER_MINUTE: '10000', // the benchmark floods on purpose
    ...(opts.env ?? {}),
  };
  const bot = await startBot(env, opts.name, { logDir: resolve(OUT, 'logs'), entry: opts.entry ?? COMPILED_BOT, ...(opts.nodeArgs ? { nodeArgs: opts.nodeArgs } : {}) });
  dt.channel.setBot(`${bot.url}/api/messages`);
  console.error(`  ${opts.name}: dev tenant + bot up in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return {
    dt,
    bot,
    env,
    async close() {
      await bot.stop();
      await dt.close();
    },
  };
}

/** Signs a person in the way Teams does (OAuthCard → tokenExchange); one OBO exchange. */
export async function signIn(dt: DevTenant, upn: string): Promise<void> {
  const chat = dt.channel.personal(upn);
  const turn = await chat.send('sync status');
  if (!turn.oauthCard) return; // already signed in
  const since = dt.channel.mark();
  const results = await chat.tokenExchange(turn, { copies: 1 });
  if (results[0]?.status !== 200) throw new Error(`sign-in of ${upn} failed: ${JSON.stringify(results[0])}`);
  await dt.channel.waitFor((s) => s.seq >= since && s.conversationId === (chat.conversation as { id: string }).id, 30_000);
}

/** CPU seconds (user + system) a process has used, from /proc. */
export function cpuSeconds(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  const ticks = Number(fields[11]) + Number(fields[12]);
  return ticks / 100; // USER_HZ is 100 on Linux
}
