// Entry: config → storage → identity → adapter → app → server; graceful shutdown on SIGTERM/SIGINT.
import { createAdapter } from './app/adapter.ts';
import { Background } from './app/background.ts';
import { createBot } from './app/bot.ts';
import { createHelpdesk } from './helpdesk/index.ts';
import { RateLimiter } from './app/rate-limit.ts';
import { ConfigError, loadConfigFromEnvironment, secretsOf, type Config } from './config.ts';
import { createHttpsAgent } from './https-agent.ts';
import { MsalFactory } from './identity/msal.ts';
import { TokenService } from './identity/tokens.ts';
import { createLogger } from './log.ts';
import { createServer } from './server.ts';
import { createStores } from './store/storage.ts';

function readConfig(): Config {
  try {
    return loadConfigFromEnvironment();
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`tenant-desk: configuration error: ${err.message}\n`);
      process.exit(2);
    }
    throw err;
  }
}

async function main(): Promise<void> {
  const config = readConfig();
  const log = createLogger(config.logLevel);
  log.redactor.addSecrets(secretsOf(config));
  // Libraries (botbuilder, restify) write to the console; keep one JSON line per event, redacted.
  for (const level of ['log', 'info', 'warn', 'error', 'debug'] as const) {
    console[level] = (...args: unknown[]) => log[level === 'log' ? 'info' : level === 'debug' ? 'debug' : level]('library.console', { message: args.map((a) => (a instanceof Error ? `${a.name}: ${a.message}` : typeof a === 'string' ? a : JSON.stringify(a))).join(' ').slice(0, 2000) });
  }
  process.on('unhandledRejection', (err) => log.error('process.unhandled_rejection', { err }));
  // Node's warnings (restify 11 reads process.binding('http_parser'): DEP0111) are not errors.
  process.removeAllListeners('warning');
  process.on('warning', (w) => log.warn('process.warning', { name: w.name, code: (w as { code?: string }).code, message: w.message }));

  const agent = createHttpsAgent(config.trustedCaFile);
  const stores = createStores(config.storage.connectionString, config.storage.container);
  const msal = new MsalFactory({ authority: `${config.authorityHost}/${config.bot.tenantId}`, clientId: config.bot.appId, clientSecret: config.bot.password, agent, log });
  const tokens = new TokenService(msal, stores.storage, config.tokenCacheKey, log);
  const adapter = createAdapter(config, agent, log);
  const background = new Background(log);
  const limiter = new RateLimiter(config.limits.questionsPerMinute);
  const helpdesk = createHelpdesk({ config, log, stores, tokens, adapter, agent, background, limiter });
  const app = createBot({ config, log, stores, tokens, adapter, agent, background, limiter, verbs: helpdesk.verbs, helpdesk: helpdesk.commands });
  const server = createServer({ config, log, process: (req, res, logic) => adapter.process(req, res, logic), run: (ctx) => app.run(ctx) });

  const port = await server.listen();
  log.info('server.listening', { port, publicUrl: config.publicUrl, sandbox: Boolean(config.sandboxSsoTokenUrl) });
  // Finish what a stopped process left (tickets to post, cards to bring up to date), then keep watching.
  helpdesk.reconciler.start();

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info('server.stopping', { signal, inFlight: server.inFlight(), background: background.size });
    await server.stop(20_000);
    helpdesk.reconciler.stop();
    await background.drain(10_000);
    await stores.close();
    agent.destroy();
    log.info('server.stopped', { signal });
    process.exit(0);
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));
}

main().catch((err) => {
  process.stderr.write(`tenant-desk: could not start: ${(err as Error)?.message ?? String(err)}\n`);
  process.exit(1);
});
