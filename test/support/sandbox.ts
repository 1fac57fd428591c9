// One end-to-end world: the dev tenant in this test process (real HTTPS/HTTP servers on
// ephemeral ports) and the bot as its own process, talking to it over HTTP only, with its state in
// Azurite (a fresh container per world).
import { randomBytes, randomUUID } from 'node:crypto';
import { inject } from 'vitest';
import { startDevTenant, type DevTenant, type DevTenantOptions } from '../../devtenant/index.ts';
import { startBot, type BotProcess } from '../../scripts/bot-process.ts';

export interface World {
  dt: DevTenant;
  bot: BotProcess;
  env: Record<string, string>;
  /** Stops the bot and starts it again with the same settings (same storage, same keys). */
  restartBot(signal?: NodeJS.Signals): Promise<BotProcess>;
  /** A second bot process on the same storage (several instances). */
  startAnotherBot(): Promise<BotProcess>;
  close(): Promise<void>;
}

export async function startWorld(opts: { tenant?: DevTenantOptions['tenant']; env?: Record<string, string>; devtenant?: Partial<DevTenantOptions>; name?: string; nodeArgs?: string[] } = {}): Promise<World> {
  const dt = await startDevTenant({ tenant: opts.tenant ?? 'contoso', keysDir: false, ...(opts.devtenant ?? {}) });
  const env: Record<string, string> = {
    ...dt.botEnv(),
    STORAGE_CONNECTION_STRING: inject('storageConnectionString'),
    STORAGE_CONTAINER: `e2e-${randomUUID().slice(0, 8)}`,
    TOKEN_CACHE_KEY: randomBytes(32).toString('base64'),
    ...(opts.env ?? {}),
  };
  const bots: BotProcess[] = [];
  const launch = async () => {
    const bot = await startBot(env, opts.name ?? 'e2e', opts.nodeArgs ? { nodeArgs: opts.nodeArgs } : {});
    bots.push(bot);
    return bot;
  };
  let bot = await launch();
  dt.channel.setBot(`${bot.url}/api/messages`);
  const world: World = {
    dt,
    env,
    get bot() {
      return bot;
    },
    async restartBot(signal = 'SIGTERM') {
      await bot.stop(signal);
      bot = await launch();
      dt.channel.setBot(`${bot.url}/api/messages`);
      return bot;
    },
    startAnotherBot: launch,
    async close() {
      await Promise.all(bots.map((b) => b.stop()));
      await dt.close();
    },
  };
  return world;
}

export { findSecrets } from './secrets.ts';
