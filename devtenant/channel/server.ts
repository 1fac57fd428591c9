// The Bot Framework channel emulator: OpenID metadata and keys for the tokens it sends the bot, the
// Connector REST API at its serviceUrl, the Playground gateway, and the driver tests use.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Faults } from '../shared/faults.ts';
import { Router } from '../shared/http.ts';
import type { SigningKey } from '../shared/jwt.ts';
import type { RequestLog } from '../shared/request-log.ts';
import type { Tenant } from '../tenant/types.ts';
import { findApplication } from '../entra/directory.ts';
import { annotate, serviceListener } from '../entra/http-service.ts';
import type { SsoTokenOptions } from '../entra/server.ts';
import { TENANT_DESK_BOT_ID, TENANT_DESK_BOT_NAME } from '../entra/well-known.ts';
import { channelKeys, channelToken, openIdConfiguration, verifyBotToken } from './auth.ts';
import { connectorRoutes } from './connector.ts';
import { Conversations } from './conversations.ts';
import { ChannelDriver } from './driver.ts';
import { playgroundGateway, playgroundProbe } from './gateway.ts';
import { Outbox } from './outbox.ts';

export interface ChannelOptions {
  tenant: Tenant;
  /** The channel's own signing keys (for tokens to the bot). */
  keys: SigningKey[];
  /** Entra's keys, to check the bot's tokens. */
  entraKeys: () => SigningKey[];
  /** `https://localhost:PORT` of the Entra emulator. */
  entraBase: () => string;
  /** `http://127.0.0.1:PORT` of this server, known once it listens. */
  baseUrl: () => string;
  /** The `iss` of channel tokens (botbuilder's ToBotFromChannelTokenIssuer); default the base URL. */
  issuer?: () => string;
  log: RequestLog;
  faults: Faults;
  mintSsoToken: (user: string, opts?: SsoTokenOptions) => string;
  /** PEM of the dev CA (the driver walks Entra's consent pages over HTTPS). */
  ca: string;
  now?: () => Date;
  botAppId?: string;
  botEndpoint?: string;
  /** The region segment of the serviceUrl (Teams: amer, emea, apac…). */
  region?: string;
  /** Teams' limit for one message (40 KB as UTF-16). */
  maxMessageBytes?: number;
  /** Channels a key may sign for (botbuilder checks the activity's channelId is listed). */
  endorsements?: string[];
  /** Adds routes that are not part of the channel (the control API); with `internal` they are neither logged nor faulted. */
  extend?: (router: Router, driver: ChannelDriver) => void;
  internal?: (path: string) => boolean;
}

export interface Channel {
  handler: (req: IncomingMessage, res: ServerResponse) => void;
  driver: ChannelDriver;
  /** `http://127.0.0.1:PORT/amer/` — activity.serviceUrl, trailing slash included. */
  serviceUrl: () => string;
  openIdMetadataUrl: () => string;
  issuer: () => string;
  keys: () => SigningKey[];
  /** A token for an activity with this serviceUrl, as the channel signs them. */
  tokenFor: (serviceUrl: string) => string;
}

export function createChannel(opts: ChannelOptions): Channel {
  const { tenant } = opts;
  const botAppId = opts.botAppId ?? TENANT_DESK_BOT_ID;
  const botName = String(findApplication(tenant, botAppId)?.displayName ?? TENANT_DESK_BOT_NAME);
  const now = opts.now ?? (() => new Date());
  const issuer = opts.issuer ?? opts.baseUrl;
  const region = opts.region ?? 'amer';
  const serviceUrl = () => `${opts.baseUrl()}/${region}/`;
  const signingKey = opts.keys[0];
  if (!signingKey) throw new Error('the channel needs a signing key');
  const tokenFor = (url: string) => channelToken(signingKey, { issuer: issuer(), botAppId, serviceUrl: url });

  const conversations = new Conversations(tenant, botAppId);
  const outbox = new Outbox();
  const driver = new ChannelDriver({
    conversations,
    outbox,
    tenantId: tenant.tenantId,
    botAppId,
    botName,
    serviceUrl,
    tokenFor,
    mintSsoToken: opts.mintSsoToken,
    entraBase: opts.entraBase,
    ca: opts.ca,
    now,
    ...(opts.botEndpoint ? { botEndpoint: opts.botEndpoint } : {}),
  });

  const router = new Router()
    .get('/v1/.well-known/openidconfiguration', (req) => {
      annotate(req.raw, { kind: 'metadata' });
      return { status: 200, body: openIdConfiguration(opts.baseUrl(), issuer()) };
    })
    .get('/v1/keys', (req) => {
      annotate(req.raw, { kind: 'keys' });
      return { status: 200, body: channelKeys(opts.keys, opts.endorsements ?? ['msteams']) };
    })
    .post('/_playground/api/messages', playgroundGateway({ botEndpoint: () => driver.botEndpoint, tokenFor }))
    .on('HEAD', '/_playground/api/messages', playgroundProbe({ botEndpoint: () => driver.botEndpoint, tokenFor }));
  connectorRoutes(router, {
    conversations,
    outbox,
    now,
    tenantId: tenant.tenantId,
    maxMessageBytes: opts.maxMessageBytes ?? 40 * 1024,
    authenticate: (req) =>
      verifyBotToken(req.headers.authorization, { entraKeys: opts.entraKeys(), botAppId, tenantId: tenant.tenantId, entraBase: opts.entraBase(), nowSeconds: Math.floor(now().getTime() / 1000) }),
  });
  opts.extend?.(router, driver);

  const handler = serviceListener({
    service: 'channel',
    router,
    log: opts.log,
    faults: opts.faults,
    faultReply: (status) => ({ status, body: { error: { code: status === 429 ? 'TooManyRequests' : 'ServiceError', message: status === 429 ? 'Too many requests.' : 'The service encountered an error.' } } }),
    ...(opts.internal ? { internal: opts.internal } : {}),
    fallback: () => ({ status: 404, body: { error: { code: 'NotFound', message: 'Resource not found.' } } }),
  });

  return {
    handler: (req, res) => void handler(req, res),
    driver,
    serviceUrl,
    openIdMetadataUrl: () => `${opts.baseUrl()}/v1/.well-known/openidconfiguration`,
    issuer,
    keys: () => opts.keys,
    tokenFor,
  };
}
