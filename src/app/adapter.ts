// The Bot Framework adapter: teams-ai's TeamsAdapter (a botbuilder CloudAdapter) with
// ConfigurationBotFrameworkAuthentication. Every Bot Framework URL comes from configuration and
// all of them are always set (botbuilder uses only the supplied values once any is supplied).
import type { Agent } from 'node:https';
import { ConfigurationBotFrameworkAuthentication, type Activity, type ConfigurationBotFrameworkAuthenticationOptions, type TurnContext } from 'botbuilder';
import { AuthenticationError, BotFrameworkAuthentication, MsalServiceClientCredentialsFactory, type AuthenticateRequestResult, type ClaimsIdentity } from 'botframework-connector';
import { TeamsAdapter } from '@microsoft/teams-ai';
import type { Config } from '../config.ts';
import { MsalFactory } from '../identity/msal.ts';
import type { Logger } from '../log.ts';

export function botFrameworkSettings(config: Config): ConfigurationBotFrameworkAuthenticationOptions {
  const bf = config.botFramework;
  return {
    MicrosoftAppId: config.bot.appId,
    MicrosoftAppPassword: config.bot.password,
    MicrosoftAppType: config.bot.type,
    MicrosoftAppTenantId: config.bot.tenantId,
    ToBotFromChannelOpenIdMetadataUrl: bf.openIdMetadataUrl,
    ToBotFromChannelTokenIssuer: bf.tokenIssuer,
    ToChannelFromBotLoginUrl: bf.loginUrl,
    ToChannelFromBotOAuthScope: bf.oauthScope,
    OAuthUrl: bf.oauthUrl,
    ToBotFromEmulatorOpenIdMetadataUrl: bf.emulatorOpenIdMetadataUrl,
    CallerId: bf.callerId,
    ValidateAuthority: true,
  } as ConfigurationBotFrameworkAuthenticationOptions;
}

/**
 * botbuilder lets jsonwebtoken's own errors (a bad signature, a malformed token) escape as plain
 * errors, which CloudAdapter answers with 500. To the channel every rejected token is a 401, so
 * authentication failures of any kind become AuthenticationError here.
 */
class StrictAuthentication extends BotFrameworkAuthentication {
  constructor(private readonly inner: BotFrameworkAuthentication) {
    super();
  }
  async authenticateRequest(activity: Activity, authHeader: string): Promise<AuthenticateRequestResult> {
    try {
      return await this.inner.authenticateRequest(activity, authHeader);
    } catch (err) {
      if (err instanceof AuthenticationError) throw err;
      throw new AuthenticationError(`Unauthorized: ${(err as Error)?.message ?? 'invalid token'}`, 401);
    }
  }
  authenticateStreamingRequest(authHeader: string, channelIdHeader: string) {
    return this.inner.authenticateStreamingRequest(authHeader, channelIdHeader);
  }
  createConnectorFactory(identity: ClaimsIdentity) {
    return this.inner.createConnectorFactory(identity);
  }
  createUserTokenClient(identity: ClaimsIdentity) {
    return this.inner.createUserTokenClient(identity);
  }
  override createBotFrameworkClient() {
    return this.inner.createBotFrameworkClient();
  }
  override getOriginatingAudience() {
    return this.inner.getOriginatingAudience();
  }
  override authenticateChannelRequest(authHeader: string) {
    return this.inner.authenticateChannelRequest(authHeader);
  }
}

export class TenantDeskAdapter extends TeamsAdapter {
  constructor(settings: ConfigurationBotFrameworkAuthenticationOptions, credentials: MsalServiceClientCredentialsFactory) {
    super(settings, credentials);
    // The adapter built its authentication in the constructor; wrap that same object.
    Object.defineProperty(this, 'botFrameworkAuthentication', { value: new StrictAuthentication(this.botFrameworkAuthentication), writable: false });
  }
}

/**
 * The bot's own outbound token (to call the Connector) comes from an MSAL client that shares the
 * bot's HTTPS agent and pre-loaded authority metadata, so no instance discovery is needed — the
 * stock factory builds a client that tries discovery and fails against any authority but Microsoft's.
 */
export function createAdapter(config: Config, agent: Agent, log: Logger): TenantDeskAdapter {
  const msal = new MsalFactory({ authority: config.botFramework.loginUrl, clientId: config.bot.appId, clientSecret: config.bot.password, agent, log });
  // msal-node ships ESM and CommonJS builds with separate type declarations; botframework-connector
  // names the CommonJS one. The object is the same client either way.
  const cca = msal.createLongLived() as unknown as ConstructorParameters<typeof MsalServiceClientCredentialsFactory>[1];
  return new TenantDeskAdapter(botFrameworkSettings(config), new MsalServiceClientCredentialsFactory(config.bot.appId, cca));
}

/** The tenant an activity comes from (Teams puts it in channelData and on the conversation). */
export function tenantOf(context: TurnContext): string | undefined {
  const a = context.activity;
  return ((a.channelData as { tenant?: { id?: string } } | undefined)?.tenant?.id ?? a.conversation?.tenantId)?.toLowerCase();
}

// The auth configuration passes through unchanged; exported for tests that build their own adapter.
export { ConfigurationBotFrameworkAuthentication };
