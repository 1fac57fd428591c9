// The HTTP surface: POST /api/messages (Bot Framework, through the adapter's JWT validation),
// GET /healthz, and the sign-in pages. It counts turns in flight so a shutdown can stop accepting,
// let them finish, and only then close storage.
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import restify from 'restify';
import type { TurnContext } from 'botbuilder';
import type { Config } from './config.ts';
import { authEndPage, authStartPage } from './identity/consent-pages.ts';
import { REQUESTED_SCOPES } from './identity/scopes.ts';
import { withTurn, type Logger } from './log.ts';

export interface ServerDeps {
  config: Config;
  log: Logger;
  process(req: restify.Request, res: restify.Response, logic: (context: TurnContext) => Promise<void>): Promise<void>;
  run(context: TurnContext): Promise<unknown>;
}

export interface BotServer {
  server: restify.Server;
  listen(): Promise<number>;
  /** Stops accepting, waits for turns in flight (at most `timeoutMs`). */
  stop(timeoutMs: number): Promise<void>;
  inFlight(): number;
}

/** Largest request accepted: Teams messages are far smaller; this leaves room to answer 1 MB of text politely. */
const MAX_BODY_BYTES = 2 * 1024 * 1024;

const teamsJs = () => readFileSync(createRequire(import.meta.url).resolve('@microsoft/teams-js/dist/umd/MicrosoftTeams.min.js'));

export function createServer(deps: ServerDeps): BotServer {
  const { config, log } = deps;
  const server = restify.createServer({ name: 'tenant-desk', handleUncaughtExceptions: false });
  server.use(restify.plugins.bodyParser({ maxBodySize: MAX_BODY_BYTES, mapParams: false, rejectUnknown: false }));
  let inFlight = 0;
  let draining = false;

  server.post('/api/messages', async (req: restify.Request, res: restify.Response) => {
    if (draining) {
      res.header('Retry-After', '5');
      res.send(503, { error: 'shutting down' });
      return;
    }
    const body = (req.body ?? {}) as { id?: string; type?: string; name?: string; conversation?: { conversationType?: string } };
    if (typeof req.body !== 'object' || req.body === null || Array.isArray(req.body)) {
      res.send(400, { error: 'the body must be a Bot Framework activity (a JSON object)' });
      return;
    }
    inFlight++;
    const started = Date.now();
    await withTurn({ activityId: String(body.id ?? '').slice(0, 100), activityType: String(body.type ?? '').slice(0, 40), conversationType: String(body.conversation?.conversationType ?? 'personal').slice(0, 20) }, async () => {
      try {
        await deps.process(req, res, async (context) => {
          await withTurn({ userOid: context.activity.from?.aadObjectId }, () => deps.run(context));
        });
      } catch (err) {
        // botbuilder throws before its own try when the body is not an activity at all.
        log.warn('turn.malformed', { err });
        if (!res.headersSent) res.send(400, { error: 'malformed activity' });
      } finally {
        inFlight--;
        log.info('turn.done', { status: res.statusCode, ms: Date.now() - started, ...(body.name ? { invoke: String(body.name).slice(0, 60) } : {}) });
      }
    });
  });

  server.get('/healthz', async (_req: restify.Request, res: restify.Response) => {
    res.send(draining ? 503 : 200, { status: draining ? 'draining' : 'ok', inFlight });
  });

  const html = (res: restify.Response, page: string) => {
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Content-Security-Policy': "default-src 'self'; script-src 'self' 'unsafe-inline'; frame-ancestors teams.microsoft.com *.teams.microsoft.com *.office.com *.skype.com localhost:*", 'Cache-Control': 'no-store' });
    res.end(page);
  };
  const authority = `${config.authorityHost}/${config.bot.tenantId}/oauth2/v2.0/authorize`;
  server.get('/auth/start', async (_req: restify.Request, res: restify.Response) => html(res, authStartPage({ authorizeUrl: authority, clientId: config.bot.appId, scopes: REQUESTED_SCOPES, redirectUri: `${config.publicUrl}/auth/end` })));
  server.get('/auth/end', async (_req: restify.Request, res: restify.Response) => html(res, authEndPage()));
  // The manifest's developer links.
  server.get('/privacy', async (_req: restify.Request, res: restify.Response) =>
    html(res, '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Tenant Desk privacy</title></head><body><h1>Tenant Desk privacy</h1><p>Tenant Desk reads your organization\'s directory through Microsoft Graph as the person who asks, with their own permissions, and shows the answer in Teams. It keeps, in your organization\'s own Azure storage: conversation state, helpdesk tickets, and each person\'s sign-in tokens, encrypted. It never changes the directory and sends nothing elsewhere.</p></body></html>'),
  );
  server.get('/terms', async (_req: restify.Request, res: restify.Response) =>
    html(res, '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Tenant Desk terms</title></head><body><h1>Tenant Desk terms of use</h1><p>Tenant Desk is provided by your organization\'s IT team for questions about your Microsoft 365 tenant. Answers reflect the directory at the time you ask.</p></body></html>'),
  );
  server.get('/auth/teams-js.js', async (_req: restify.Request, res: restify.Response) => {
    res.writeHead(200, { 'Content-Type': 'application/javascript; charset=utf-8', 'Cache-Control': 'public, max-age=86400' });
    res.end(teamsJs());
  });

  server.on('restifyError', (req: restify.Request, res: restify.Response, err: Error & { statusCode?: number }, cb: () => void) => {
    log.info('http.error', { path: req.path?.(), status: err.statusCode, error: err.message });
    return cb();
  });

  return {
    server,
    inFlight: () => inFlight,
    listen: () =>
      new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(config.port, () => resolve((server.address() as { port: number }).port));
      }),
    async stop(timeoutMs) {
      draining = true;
      const closed = new Promise<void>((ok) => server.close(() => ok()));
      const until = Date.now() + timeoutMs;
      while (inFlight > 0 && Date.now() < until) await new Promise((ok) => setTimeout(ok, 50));
      // Idle keep-alive connections would hold close() open; turns are done by now.
      server.server.closeAllConnections?.();
      await closed;
    },
  };
}
