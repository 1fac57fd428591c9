// The baseline for throughput: a minimal botbuilder echo bot on the same harness — restify,
// CloudAdapter, the same ConfigurationBotFrameworkAuthentication (JWT validation) and the same
// outbound token path — that answers every message with a small Adaptive Card. No teams-ai, no
// state, no Graph. Run by the bench as its own process, like the real bot.
import restify from 'restify';
import { ActivityHandler, CardFactory, CloudAdapter, ConfigurationBotFrameworkAuthentication } from 'botbuilder';
import { MsalServiceClientCredentialsFactory } from 'botframework-connector';
import { botFrameworkSettings } from '../src/app/adapter.ts';
import { loadConfigFromEnvironment } from '../src/config.ts';
import { createHttpsAgent } from '../src/https-agent.ts';
import { MsalFactory } from '../src/identity/msal.ts';
import { createLogger } from '../src/log.ts';

const config = loadConfigFromEnvironment();
const log = createLogger('warn');
const agent = createHttpsAgent(config.trustedCaFile);
const cca = new MsalFactory({ authority: config.botFramework.loginUrl, clientId: config.bot.appId, clientSecret: config.bot.password, agent, log }).createLongLived();
const auth = new ConfigurationBotFrameworkAuthentication(botFrameworkSettings(config), new MsalServiceClientCredentialsFactory(config.bot.appId, cca as unknown as ConstructorParameters<typeof MsalServiceClientCredentialsFactory>[1]));
const adapter = new CloudAdapter(auth);

class EchoBot extends ActivityHandler {
  constructor() {
    super();
    this.onMessage(async (context, next) => {
      const card = { type: 'AdaptiveCard', version: '1.5', body: [{ type: 'TextBlock', text: `You said: ${context.activity.text ?? ''}`, wrap: true }] };
      await context.sendActivity({ attachments: [CardFactory.adaptiveCard(card)] });
      await next();
    });
  }
}
const bot = new EchoBot();

const server = restify.createServer();
server.use(restify.plugins.bodyParser());
server.post('/api/messages', async (req: restify.Request, res: restify.Response) => {
  await adapter.process(req, res, (context) => bot.run(context));
});
server.get('/healthz', async (_req: restify.Request, res: restify.Response) => {
  res.send(200, { status: 'ok' });
});
server.listen(config.port, () => process.stdout.write(`${JSON.stringify({ event: 'server.listening', port: (server.address() as { port: number }).port })}\n`));
process.on('SIGTERM', () => server.close(() => process.exit(0)));
