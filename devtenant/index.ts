// The dev tenant: Entra ID and Microsoft Graph over HTTPS, the Bot Framework channel over HTTP, one
// request log and one set of fault rules, over one tenant folder. Tests start it in-process; the
// sandbox and the benchmark run it through the CLI and talk to its control API.
import { createServer as createHttp, type Server as HttpServer } from 'node:http';
import { createServer as createHttps, type Server as HttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { createChannel } from './channel/server.ts';
import type { ChannelDriver } from './channel/driver.ts';
import { CONTROL_PREFIX, controlRoutes } from './control.ts';
import { defaultKeysDir, loadOrCreateKeys } from './entra/keystore.ts';
import { createEntra, type Entra } from './entra/server.ts';
import { BOT_FRAMEWORK_RESOURCE, TENANT_DESK_BOT_ID } from './entra/well-known.ts';
import { createGraphHandler } from './graph/server.ts';
import { schemaHooks, type SchemaCheckOption } from './schema-report.ts';
import { Faults, type FaultRule } from './shared/faults.ts';
import { RequestLog } from './shared/request-log.ts';
import { loadTenant } from './tenant/load.ts';
import type { Tenant } from './tenant/types.ts';
import { ensureTls } from './tls.ts';

export interface DevTenantOptions {
  /** 'contoso' (the sample), a tenant folder, or an already loaded tenant. */
  tenant: string | Tenant;
  /** 0 (the default) picks a free port. */
  ports?: { entra?: number; graph?: number; channel?: number };
  tlsDir?: string;
  /** Where Entra's and the channel's signing keys are kept across restarts; false keeps them in memory. */
  keysDir?: string | false;
  /** The dev tenant's clock starts here and runs on (tokens, activity timestamps, tenant dates). */
  now?: Date;
  /** The bot's /api/messages; can be set later with channel.setBot(url). */
  botEndpoint?: string;
  faults?: FaultRule[];
  /** Lifetime of access tokens and SSO tokens (default 3600). */
  tokenLifetimeSeconds?: number;
  botAppId?: string;
  /** The `iss` of the channel's tokens to the bot (default: the channel's base URL). */
  channelIssuer?: string;
  /**
   * Graph's schema self-check (every JSON body against the v1.0 type it was rendered as): a
   * callback receives the violations (`{ onViolation, onChecked }` also every body checked);
   * `true` appends them to test-output/schema-violations.jsonl; `false` turns it off.
   * Default: on, writing that file, when DEVTENANT_SCHEMA_CHECK is 1 (the test run sets it).
   */
  schemaCheck?: SchemaCheckOption;
}

export interface DevTenantUrls {
  /** `https://localhost:PORT` (authority = `{entra}/{tenant id}`). */
  entra: string;
  /** `https://localhost:PORT` (requests go to `{graph}/v1.0/…`). */
  graph: string;
  /** `http://127.0.0.1:PORT` */
  channel: string;
  /** activity.serviceUrl: `{channel}/amer/` */
  serviceUrl: string;
  /** The channel's OpenID metadata (botbuilder's ToBotFromChannelOpenIdMetadataUrl). */
  openIdMetadata: string;
  /** The control API: `{channel}/_dev/` */
  control: string;
}

export interface BotEnvOptions {
  botEndpoint?: string;
  /** Adds SANDBOX_SSO_TOKEN_URL: only the sandbox gets SSO tokens from the control API. */
  sandboxSso?: boolean;
}

export interface DevTenant {
  tenant: Tenant;
  urls: DevTenantUrls;
  /** The CA the bot must trust (TRUSTED_CA_FILE). */
  caFile: string;
  ca: string;
  log: RequestLog;
  faults: Faults;
  entra: Entra;
  channel: ChannelDriver;
  /** Every environment variable the bot needs to run against this dev tenant. */
  botEnv(opts?: string | BotEnvOptions): Record<string, string>;
  close(): Promise<void>;
}

type AnyServer = HttpServer | HttpsServer;

function listen(server: AnyServer, port: number): Promise<number> {
  return new Promise((ok, fail) => {
    server.once('error', fail);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', fail);
      ok((server.address() as AddressInfo).port);
    });
  });
}

function stop(server: AnyServer): Promise<void> {
  return new Promise((ok) => {
    if (!server.listening) return ok();
    server.close(() => ok());
    server.closeAllConnections(); // hung requests (fault rule `hang`) end here
  });
}

export async function startDevTenant(opts: DevTenantOptions): Promise<DevTenant> {
  const startedAt = Date.now();
  const clockStart = opts.now?.getTime();
  const now = clockStart === undefined ? () => new Date() : () => new Date(clockStart + (Date.now() - startedAt));
  const tenant = typeof opts.tenant === 'string' ? loadTenant(opts.tenant, { now: now() }) : opts.tenant;
  const botAppId = opts.botAppId ?? TENANT_DESK_BOT_ID;
  const tls = ensureTls(opts.tlsDir);
  const keysDir = opts.keysDir === false ? undefined : (opts.keysDir ?? defaultKeysDir);
  const log = new RequestLog();
  const faults = new Faults(opts.faults ?? []);
  const urls = { entra: '', graph: '', channel: '' };

  const lifetime = opts.tokenLifetimeSeconds;
  const entra = createEntra({
    tenant,
    keys: loadOrCreateKeys(keysDir, 'entra'),
    baseUrl: () => urls.entra,
    log,
    faults,
    now,
    botAppId,
    ...(lifetime !== undefined ? { lifetimes: { accessToken: lifetime, ssoToken: lifetime } } : {}),
  });
  const schema = schemaHooks(opts.schemaCheck);
  const graphHandler = createGraphHandler({
    tenant,
    keys: entra.keys,
    baseUrl: () => urls.graph,
    faults,
    log,
    now,
    ...(schema ? { onSchemaViolation: schema.onSchemaViolation, ...(schema.onSchemaChecked ? { onSchemaChecked: schema.onSchemaChecked } : {}) } : {}),
  });

  let info: () => Record<string, unknown> = () => ({});
  const channel = createChannel({
    tenant,
    keys: loadOrCreateKeys(keysDir, 'channel'),
    entraKeys: entra.keys,
    entraBase: () => urls.entra,
    baseUrl: () => urls.channel,
    log,
    faults,
    mintSsoToken: entra.mintSsoToken,
    ca: tls.ca,
    now,
    botAppId,
    ...(opts.botEndpoint ? { botEndpoint: opts.botEndpoint } : {}),
    ...(opts.channelIssuer ? { issuer: () => opts.channelIssuer! } : {}),
    internal: (path) => path.startsWith(CONTROL_PREFIX),
    extend: (router, driver) => controlRoutes(router, { log, faults, entra, driver, info: () => info() }),
  });

  const servers: AnyServer[] = [];
  try {
    const entraServer = createHttps({ cert: tls.cert, key: tls.key }, entra.handler);
    servers.push(entraServer);
    urls.entra = `https://localhost:${await listen(entraServer, opts.ports?.entra ?? 0)}`;
    const graphServer = createHttps({ cert: tls.cert, key: tls.key }, graphHandler);
    servers.push(graphServer);
    urls.graph = `https://localhost:${await listen(graphServer, opts.ports?.graph ?? 0)}`;
    const channelServer = createHttp(channel.handler);
    servers.push(channelServer);
    urls.channel = `http://127.0.0.1:${await listen(channelServer, opts.ports?.channel ?? 0)}`;
  } catch (err) {
    await Promise.all(servers.map(stop));
    throw err;
  }

  const allUrls: DevTenantUrls = { ...urls, serviceUrl: channel.serviceUrl(), openIdMetadata: channel.openIdMetadataUrl(), control: `${urls.channel}${CONTROL_PREFIX}` };
  info = () => ({ tenantId: tenant.tenantId, botAppId, urls: allUrls, caFile: tls.caFile, botEndpoint: channel.driver.botEndpoint ?? null });

  const botEnv = (o: string | BotEnvOptions = {}): Record<string, string> => {
    const options = typeof o === 'string' ? { botEndpoint: o } : o;
    // Handing the bot its configuration is also the moment the channel learns where the bot listens.
    if (options.botEndpoint) channel.driver.setBot(options.botEndpoint);
    const env: Record<string, string> = {
      BOT_ID: botAppId,
      BOT_PASSWORD: tenant.data.settings.clientSecrets[botAppId] ?? '',
      BOT_TENANT_ID: tenant.tenantId,
      AAD_AUTHORITY_HOST: urls.entra,
      GRAPH_BASE_URL: urls.graph,
      BF_OPENID_METADATA_URL: channel.openIdMetadataUrl(),
      BF_TOKEN_ISSUER: channel.issuer(),
      BF_LOGIN_URL: `${urls.entra}/${tenant.tenantId}`,
      BF_OAUTH_SCOPE: BOT_FRAMEWORK_RESOURCE,
      BF_OAUTH_URL: urls.channel,
      BF_EMULATOR_OPENID_METADATA_URL: `${urls.entra}/common/v2.0/.well-known/openid-configuration`,
      BF_CALLER_ID: 'urn:botframework:azure',
      TRUSTED_CA_FILE: tls.caFile,
    };
    if (options.sandboxSso) env.SANDBOX_SSO_TOKEN_URL = `${urls.channel}${CONTROL_PREFIX}sso-token`;
    return env;
  };

  return {
    tenant,
    urls: allUrls,
    caFile: tls.caFile,
    ca: tls.ca,
    log,
    faults,
    entra,
    channel: channel.driver,
    botEnv,
    close: async () => {
      await Promise.all(servers.map(stop));
      schema?.flush();
    },
  };
}
