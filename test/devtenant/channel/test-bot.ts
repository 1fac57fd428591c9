// A small bot on the real stack (restify + CloudAdapter + ConfigurationBotFrameworkAuthentication +
// MSAL), configured for the dev tenant the way Tenant Desk is, so the tests exercise botbuilder's own
// inbound JWT validation and outbound Connector calls.
import { ConfidentialClientApplication } from '@azure/msal-node';
import { CardFactory, CloudAdapter, ConfigurationBotFrameworkAuthentication, MessageFactory, TeamsInfo, TurnContext, type Activity, type ConversationParameters } from 'botbuilder';
import { MsalServiceClientCredentialsFactory } from 'botframework-connector';
import restify from 'restify';
import type { AddressInfo } from 'node:net';
import { BOT_ID, BOT_SECRET, TID } from '../entra/small-tenant.ts';
import type { Stack } from './setup.ts';

export interface TestBot {
  endpoint: string;
  received: Partial<Activity>[];
  errors: string[];
  close(): Promise<void>;
}

export function botConfig(s: Stack): Record<string, string> {
  return {
    MicrosoftAppId: BOT_ID,
    MicrosoftAppPassword: BOT_SECRET,
    MicrosoftAppType: 'SingleTenant',
    MicrosoftAppTenantId: TID,
    ToBotFromChannelOpenIdMetadataUrl: s.channel.openIdMetadataUrl(),
    ToBotFromChannelTokenIssuer: s.channel.issuer(),
    ToChannelFromBotLoginUrl: `${s.e.base}/${TID}`,
    ToChannelFromBotOAuthScope: 'https://api.botframework.com',
    OAuthUrl: s.base,
    ToBotFromEmulatorOpenIdMetadataUrl: `${s.e.base}/common/v2.0/.well-known/openid-configuration`,
    CallerId: 'urn:botframework:azure',
  };
}

async function onMessage(ctx: TurnContext, adapter: CloudAdapter): Promise<void> {
  const text = (TurnContext.removeRecipientMention(ctx.activity) ?? ctx.activity.text ?? '').trim();
  if (ctx.activity.value !== undefined && !text) {
    await ctx.sendActivity(`submitted ${JSON.stringify(ctx.activity.value)}`);
  } else if (text === 'sign in') {
    await ctx.sendActivity(MessageFactory.attachment(CardFactory.oauthCard('', 'Sign in', 'Please sign in', 'https://localhost:3978/auth-start.html', { id: 'a1b2c3d4-e5f6-4789-9abc-def012345678-sso' })));
  } else if (text === 'edit') {
    const first = await ctx.sendActivity('draft');
    await ctx.updateActivity({ ...MessageFactory.text('final'), id: first!.id, conversation: ctx.activity.conversation });
    const second = await ctx.sendActivity('temporary');
    await ctx.deleteActivity(second!.id);
  } else if (text === 'members') {
    const all = await TeamsInfo.getMembers(ctx);
    const paged = await TeamsInfo.getPagedMembers(ctx, 2);
    const me = await TeamsInfo.getMember(ctx, ctx.activity.from.id);
    await ctx.sendActivity(JSON.stringify({ all, paged, me }));
  } else if (text === 'team') {
    const channels = await TeamsInfo.getTeamChannels(ctx);
    const details = await TeamsInfo.getTeamDetails(ctx);
    await ctx.sendActivity(JSON.stringify({ channels, details }));
  } else if (text.startsWith('dm ')) {
    const params = { isGroup: false, members: [{ id: text.slice(3), name: '' }], tenantId: TID, channelData: { tenant: { id: TID } } } as unknown as ConversationParameters;
    await adapter.createConversationAsync(BOT_ID, 'msteams', ctx.activity.serviceUrl, 'https://api.botframework.com', params, async (dm) => {
      await dm.sendActivity('a private note');
    });
    await ctx.sendActivity('sent you a DM');
  } else if (text === 'announce') {
    const channelId = (ctx.activity.channelData as { teamsChannelId: string }).teamsChannelId;
    const [ref, id] = await TeamsInfo.sendMessageToTeamsChannel(ctx, MessageFactory.text('announcement') as Activity, channelId, BOT_ID);
    await ctx.sendActivity(`posted ${id} in ${ref.conversation.id}`);
  } else if (text === 'big') {
    await ctx.sendActivity('x'.repeat(30_000));
  } else {
    await ctx.sendActivity(`you said ${text}`);
  }
}

export interface TestBotOptions {
  /** ConfigurationBotFrameworkAuthentication's settings. */
  config: Record<string, string>;
  /** The bot's MSAL authority (`{entra}/{tenant id}`). */
  authority: string;
  ca: string;
}

export const stackBot = (s: Stack): TestBotOptions => ({ config: botConfig(s), authority: `${s.e.base}/${TID}`, ca: s.e.ca });

export async function startTestBot(o: TestBotOptions): Promise<TestBot> {
  const cca = new ConfidentialClientApplication({
    auth: { clientId: BOT_ID, clientSecret: BOT_SECRET, authority: o.authority, knownAuthorities: [new URL(o.authority).host] },
    system: { customAgentOptions: { ca: o.ca } },
  });
  // botframework-connector is CommonJS and gets msal-node's CommonJS build; the test imports the ESM
  // build of the same version. The factory only calls the instance's methods, so either works.
  const auth = new ConfigurationBotFrameworkAuthentication(o.config, new MsalServiceClientCredentialsFactory(BOT_ID, cca as unknown as ConstructorParameters<typeof MsalServiceClientCredentialsFactory>[1]));
  const adapter = new CloudAdapter(auth);
  const received: Partial<Activity>[] = [];
  const errors: string[] = [];
  adapter.onTurnError = async (_ctx, err) => {
    errors.push(String((err as Error)?.message ?? err));
    throw err;
  };
  const logic = async (ctx: TurnContext) => {
    received.push(ctx.activity);
    const a = ctx.activity;
    if (a.type === 'message') return onMessage(ctx, adapter);
    if (a.type === 'invoke' && a.name === 'signin/tokenExchange') {
      await ctx.sendActivity({ type: 'invokeResponse', value: { status: 200, body: { id: (a.value as { id: string }).id, failureDetail: '' } } });
    } else if (a.type === 'invoke' && a.name === 'adaptiveCard/action') {
      const verb = (a.value as { action: { verb: string } }).action.verb;
      await ctx.sendActivity({ type: 'invokeResponse', value: { status: 200, body: { statusCode: 200, type: 'application/vnd.microsoft.activity.message', value: `done ${verb}` } } });
    } else if (a.type === 'conversationUpdate' && a.membersAdded?.some((m) => m.id === a.recipient.id)) {
      await ctx.sendActivity('welcome');
    }
  };
  const server = restify.createServer();
  server.use(restify.plugins.bodyParser());
  server.post('/api/messages', async (req, res) => {
    try {
      await adapter.process(req, res, logic);
    } catch (err) {
      errors.push(String((err as Error)?.message ?? err));
      if (!res.headersSent) res.send(500);
    }
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', () => ok()));
  const port = (server.address() as AddressInfo).port;
  return {
    endpoint: `http://127.0.0.1:${port}/api/messages`,
    received,
    errors,
    close: () => new Promise<void>((ok) => server.close(() => ok())),
  };
}
