// Every setting, read once from the environment and validated. A bad value stops the start with
// one message that names the variable; secrets are never echoed. Nothing else in src/ reads
// process.env: the config object is passed down.
import { existsSync, readFileSync } from 'node:fs';

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

export interface BotFrameworkUrls {
  /** ToBotFromChannelOpenIdMetadataUrl: where the channel's signing keys are published. */
  openIdMetadataUrl: string;
  /** ToBotFromChannelTokenIssuer: the `iss` of tokens the channel sends. */
  tokenIssuer: string;
  /** ToChannelFromBotLoginUrl: the authority the bot gets its own outbound token from. */
  loginUrl: string;
  /** ToChannelFromBotOAuthScope. */
  oauthScope: string;
  /** OAuthUrl (Bot Service token store; unused by Teams SSO, set for the all-or-nothing rule). */
  oauthUrl: string;
  /** ToBotFromEmulatorOpenIdMetadataUrl. */
  emulatorOpenIdMetadataUrl: string;
  callerId: string;
}

export interface Config {
  port: number;
  /** The bot's public base URL (https in production): sign-in pages are served from here. */
  publicUrl: string;
  bot: {
    appId: string;
    password: string;
    tenantId: string;
    type: 'SingleTenant' | 'MultiTenant';
    /** The SSO resource: api://botid-{appId} unless set. */
    appIdUri: string;
  };
  /** https://login.microsoftonline.com or another Entra authority host. */
  authorityHost: string;
  graphBaseUrl: string;
  botFramework: BotFrameworkUrls;
  storage: { connectionString: string; container: string };
  /** Channel conversation ids (19:…@thread.tacv2) whose members see every answer their asker may see. */
  adminChannelIds: string[];
  /** The helpdesk channel, when configured rather than set in Teams with "this is the helpdesk channel". */
  helpdeskChannelId?: string;
  /** PEM file of extra certificate authorities to trust for outbound HTTPS (TLS-inspecting proxies, the dev tenant). */
  trustedCaFile?: string;
  logLevel: LogLevel;
  /** 32-byte key for the token cache at rest (AES-256-GCM). */
  tokenCacheKey: Buffer;
  /** Sandbox only: where to fetch a user's SSO token, since the Agents Playground has no SSO. */
  sandboxSsoTokenUrl?: string;
  limits: {
    graphTimeoutMs: number;
    graphMaxRetries: number;
    /** Longest Retry-After the bot will wait for, in seconds. */
    graphMaxRetryAfterSeconds: number;
    /** A message turn's budget (Bot Service waits about 15 s for a turn). */
    turnDeadlineMs: number;
    /** An invoke's budget (Teams waits about 5 s for an invoke response). */
    invokeDeadlineMs: number;
    /** Questions per user per minute before the friendly rate-limit reply. */
    questionsPerMinute: number;
  };
}

/** A setting that cannot be used. The message names the variable and never contains its value if secret. */
export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    problem: string,
  ) {
    super(`${variable}: ${problem}`);
    this.name = 'ConfigError';
  }
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Authority hosts of Microsoft's clouds: the sandbox SSO shortcut is refused against them. */
const MICROSOFT_AUTHORITY_HOSTS = [
  'login.microsoftonline.com',
  'login.microsoft.com',
  'login.windows.net',
  'login.microsoftonline.us',
  'login.chinacloudapi.cn',
  'login.partner.microsoftonline.cn',
  'sts.windows.net',
];

export function isMicrosoftAuthority(url: string): boolean {
  const host = new URL(url).hostname.toLowerCase();
  return MICROSOFT_AUTHORITY_HOSTS.some((h) => host === h || host.endsWith(`.${h}`));
}

type Env = Record<string, string | undefined>;

/** The limits when not configured; also what the CLI uses. */
export const DEFAULT_LIMITS: Config['limits'] = {
  graphTimeoutMs: 4000,
  graphMaxRetries: 3,
  graphMaxRetryAfterSeconds: 5,
  turnDeadlineMs: 12_000,
  invokeDeadlineMs: 4500,
  questionsPerMinute: 30,
};

/** The Graph client's retry policy from the limits. */
export function retryPolicy(limits: Config['limits']) {
  return { maxRetries: limits.graphMaxRetries, maxRetryAfterSeconds: limits.graphMaxRetryAfterSeconds, attemptTimeoutMs: limits.graphTimeoutMs };
}

class Reader {
  constructor(private readonly env: Env) {}

  private raw(name: string): string | undefined {
    const v = this.env[name]?.trim();
    return v === '' ? undefined : v;
  }

  required(name: string, secret = false): string {
    const v = this.raw(name);
    if (v === undefined) throw new ConfigError(name, secret ? 'is required (a secret; set it in env/.env.<env>.user or the host\'s settings)' : 'is required');
    return v;
  }

  optional(name: string): string | undefined {
    return this.raw(name);
  }

  guid(name: string): string {
    const v = this.required(name);
    if (!GUID.test(v)) throw new ConfigError(name, `must be a GUID like 00000000-0000-0000-0000-000000000000, got "${v}"`);
    return v.toLowerCase();
  }

  url(name: string, fallback: string | undefined, opts: { https?: boolean } = {}): string {
    const v = this.raw(name) ?? fallback;
    if (v === undefined) throw new ConfigError(name, 'is required');
    let u: URL;
    try {
      u = new URL(v);
    } catch {
      throw new ConfigError(name, `must be an absolute URL, got "${v}"`);
    }
    if (u.protocol !== 'https:' && u.protocol !== 'http:') throw new ConfigError(name, `must be an http(s) URL, got "${v}"`);
    if (opts.https && u.protocol !== 'https:') throw new ConfigError(name, `must use https (MSAL and the Graph client require it), got "${v}"`);
    return v.replace(/\/+$/, '');
  }

  int(name: string, fallback: number, min: number, max: number): number {
    const v = this.raw(name);
    if (v === undefined) return fallback;
    if (!/^\d+$/.test(v)) throw new ConfigError(name, `must be a whole number, got "${v}"`);
    const n = Number(v);
    if (n < min || n > max) throw new ConfigError(name, `must be between ${min} and ${max}, got ${n}`);
    return n;
  }

  oneOf<T extends string>(name: string, allowed: readonly T[], fallback: T): T {
    const v = this.raw(name) ?? fallback;
    const match = allowed.find((a) => a.toLowerCase() === v.toLowerCase());
    if (!match) throw new ConfigError(name, `must be one of ${allowed.join(', ')}, got "${v}"`);
    return match;
  }

  list(name: string, pattern: RegExp, example: string): string[] {
    const v = this.raw(name);
    if (v === undefined) return [];
    const items = v.split(',').map((s) => s.trim()).filter(Boolean);
    for (const item of items) if (!pattern.test(item)) throw new ConfigError(name, `each entry must look like ${example}, got "${item}"`);
    return items;
  }
}

const CHANNEL_ID = /^19:[^\s,]+@thread\.(tacv2|skype)$/;

function readKey(r: Reader, name: string): Buffer {
  const v = r.required(name, true);
  const key = /^[0-9a-f]{64}$/i.test(v) ? Buffer.from(v, 'hex') : Buffer.from(v, 'base64');
  if (key.length !== 32) throw new ConfigError(name, 'must be 32 random bytes, base64 or hex (e.g. `openssl rand -base64 32`)');
  return key;
}

function readConnectionString(r: Reader, name: string): string {
  const v = r.required(name, true);
  if (v !== 'UseDevelopmentStorage=true' && !/AccountName=[^;]+/i.test(v) && !/BlobEndpoint=[^;]+/i.test(v)) {
    throw new ConfigError(name, 'must be an Azure Storage connection string (AccountName=…;AccountKey=…; or BlobEndpoint=…;SharedAccessSignature=…)');
  }
  return v;
}

export function loadConfig(env: Env): Config {
  const r = new Reader(env);
  const appId = r.guid('BOT_ID');
  const tenantId = r.guid('BOT_TENANT_ID');
  const type = r.oneOf('BOT_TYPE', ['SingleTenant', 'MultiTenant'] as const, 'SingleTenant');
  const authorityHost = r.url('AAD_AUTHORITY_HOST', 'https://login.microsoftonline.com', { https: true });
  const port = r.int('PORT', 3978, 0, 65535);

  const container = r.optional('STORAGE_CONTAINER') ?? 'tenant-desk';
  if (!/^(?!-)(?!.*--)[a-z0-9-]{3,63}(?<!-)$/.test(container)) {
    throw new ConfigError('STORAGE_CONTAINER', `must be a valid blob container name (3-63 lower-case letters, digits, single hyphens), got "${container}"`);
  }

  const trustedCaFile = r.optional('TRUSTED_CA_FILE');
  if (trustedCaFile !== undefined) {
    if (!existsSync(trustedCaFile)) throw new ConfigError('TRUSTED_CA_FILE', `no file at ${trustedCaFile}`);
    if (!readFileSync(trustedCaFile, 'utf8').includes('-----BEGIN CERTIFICATE-----')) throw new ConfigError('TRUSTED_CA_FILE', 'must hold PEM certificates');
  }

  const sandboxSsoTokenUrl = r.optional('SANDBOX_SSO_TOKEN_URL') === undefined ? undefined : r.url('SANDBOX_SSO_TOKEN_URL', undefined);
  if (sandboxSsoTokenUrl && isMicrosoftAuthority(authorityHost)) {
    throw new ConfigError('SANDBOX_SSO_TOKEN_URL', `is a sandbox-only setting and is refused while AAD_AUTHORITY_HOST is a Microsoft host (${new URL(authorityHost).hostname}); remove it`);
  }

  const defaultLogin = type === 'SingleTenant' ? `${authorityHost}/${tenantId}` : 'https://login.microsoftonline.com/botframework.com';
  const helpdesk = r.optional('HELPDESK_CHANNEL_ID');
  if (helpdesk !== undefined && !CHANNEL_ID.test(helpdesk)) throw new ConfigError('HELPDESK_CHANNEL_ID', `must look like 19:…@thread.tacv2, got "${helpdesk}"`);

  const config: Config = {
    port,
    publicUrl: r.url('PUBLIC_URL', `http://localhost:${port}`),
    bot: {
      appId,
      password: r.required('BOT_PASSWORD', true),
      tenantId,
      type,
      appIdUri: r.optional('BOT_APP_ID_URI') ?? `api://botid-${appId}`,
    },
    authorityHost,
    graphBaseUrl: r.url('GRAPH_BASE_URL', 'https://graph.microsoft.com', { https: true }),
    botFramework: {
      openIdMetadataUrl: r.url('BF_OPENID_METADATA_URL', 'https://login.botframework.com/v1/.well-known/openidconfiguration'),
      tokenIssuer: r.optional('BF_TOKEN_ISSUER') ?? 'https://api.botframework.com',
      loginUrl: r.url('BF_LOGIN_URL', defaultLogin, { https: true }),
      oauthScope: r.optional('BF_OAUTH_SCOPE') ?? 'https://api.botframework.com',
      oauthUrl: r.url('BF_OAUTH_URL', 'https://api.botframework.com'),
      emulatorOpenIdMetadataUrl: r.url('BF_EMULATOR_OPENID_METADATA_URL', 'https://login.microsoftonline.com/common/v2.0/.well-known/openid-configuration'),
      callerId: r.optional('BF_CALLER_ID') ?? 'urn:botframework:azure',
    },
    storage: { connectionString: readConnectionString(r, 'STORAGE_CONNECTION_STRING'), container },
    adminChannelIds: r.list('ADMIN_CHANNEL_IDS', CHANNEL_ID, '19:…@thread.tacv2'),
    logLevel: r.oneOf('LOG_LEVEL', ['debug', 'info', 'warn', 'error'] as const, 'info'),
    tokenCacheKey: readKey(r, 'TOKEN_CACHE_KEY'),
    limits: {
      graphTimeoutMs: r.int('GRAPH_TIMEOUT_MS', DEFAULT_LIMITS.graphTimeoutMs, 100, 60_000),
      graphMaxRetries: r.int('GRAPH_MAX_RETRIES', DEFAULT_LIMITS.graphMaxRetries, 0, 10),
      graphMaxRetryAfterSeconds: r.int('GRAPH_MAX_RETRY_AFTER_SECONDS', DEFAULT_LIMITS.graphMaxRetryAfterSeconds, 0, 120),
      turnDeadlineMs: r.int('TURN_DEADLINE_MS', DEFAULT_LIMITS.turnDeadlineMs, 1000, 60_000),
      invokeDeadlineMs: r.int('INVOKE_DEADLINE_MS', DEFAULT_LIMITS.invokeDeadlineMs, 500, 15_000),
      questionsPerMinute: r.int('QUESTIONS_PER_MINUTE', DEFAULT_LIMITS.questionsPerMinute, 1, 10_000),
    },
  };
  if (helpdesk) config.helpdeskChannelId = helpdesk;
  if (trustedCaFile) config.trustedCaFile = trustedCaFile;
  if (sandboxSsoTokenUrl) config.sandboxSsoTokenUrl = sandboxSsoTokenUrl;
  return config;
}

/** The bot's settings from this process's environment: the one place src/ reads it. */
export function loadConfigFromEnvironment(): Config {
  return loadConfig(process.env);
}

/** The values that must never appear in a log line or an error message. */
export function secretsOf(config: Config): string[] {
  return [config.bot.password, config.tokenCacheKey.toString('base64'), config.tokenCacheKey.toString('hex'), ...(/AccountKey=([^;]+)/.exec(config.storage.connectionString)?.slice(1) ?? []), ...(/SharedAccessSignature=([^;]+)/.exec(config.storage.connectionString)?.slice(1) ?? [])];
}
