// MSAL confidential clients for the bot. The authority's metadata is fetched once and handed to
// every client (authorityMetadata + cloudDiscoveryMetadata), so MSAL makes no discovery calls of
// its own: a per-user client costs nothing but the token request itself. The network module sends
// through the bot's HTTPS agent, so a configured CA (proxy, dev tenant) is trusted.
import { request } from 'node:https';
import type { Agent } from 'node:https';
import { ConfidentialClientApplication, LogLevel as MsalLogLevel, type ICachePlugin, type INetworkModule, type NetworkRequestOptions, type NetworkResponse } from '@azure/msal-node';
import { connectionFailure, isStaleSocket } from '../https-agent.ts';
import type { Logger } from '../log.ts';

function send<T>(agent: Agent, method: 'GET' | 'POST', url: string, options: NetworkRequestOptions = {}, timeoutMs = 10_000): Promise<NetworkResponse<T>> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method, agent, headers: options.headers ?? {}, signal: AbortSignal.timeout(timeoutMs) }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('error', reject);
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        let body: unknown = text;
        try {
          body = text ? JSON.parse(text) : {};
        } catch {
          /* MSAL reports non-JSON bodies itself */
        }
        const headers: Record<string, string> = {};
        for (const [k, v] of Object.entries(res.headers)) if (v !== undefined) headers[k] = Array.isArray(v) ? v.join(', ') : v;
        resolve({ status: res.statusCode ?? 0, headers, body: body as T });
      });
    });
    req.on('error', reject);
    if (options.body) req.write(options.body);
    req.end();
  });
}

export function networkModule(agent: Agent, log: Logger): INetworkModule {
  const logged = async <T>(method: 'GET' | 'POST', url: string, options?: NetworkRequestOptions, timeout?: number) => {
    const started = Date.now();
    let res: NetworkResponse<T>;
    try {
      res = await send<T>(agent, method, url, options, timeout);
    } catch (err) {
      // A keep-alive socket that died as it was reused: sending the request once more is safe (a
      // token request changes nothing in the directory) and spares the person a failed sign-in.
      const code = connectionFailure(err);
      if (!isStaleSocket(code)) throw err;
      log.info('entra.request.resent', { method, path: new URL(url).pathname, code });
      res = await send<T>(agent, method, url, options, timeout);
    }
    const path = new URL(url).pathname;
    const fields = { method, path, status: res.status, ms: Date.now() - started };
    if (res.status >= 400) log.warn('entra.request', fields);
    else log.debug('entra.request', fields);
    return res;
  };
  return {
    sendGetRequestAsync: (url, options, timeout) => logged('GET', url, options, timeout),
    sendPostRequestAsync: (url, options) => logged('POST', url, options),
  };
}

export interface MsalFactoryOptions {
  /** e.g. https://login.microsoftonline.com/{tenant} */
  authority: string;
  clientId: string;
  clientSecret: string;
  agent: Agent;
  log: Logger;
}

/** Makes ConfidentialClientApplications for one authority, sharing its metadata. */
export class MsalFactory {
  private metadata?: Promise<{ authorityMetadata: string; cloudDiscoveryMetadata: string }>;
  private readonly network: INetworkModule;

  constructor(private readonly options: MsalFactoryOptions) {
    this.network = networkModule(options.agent, options.log);
  }

  private loadMetadata() {
    const { authority } = this.options;
    const host = new URL(authority).host;
    this.metadata ??= this.network
      .sendGetRequestAsync<Record<string, unknown>>(`${authority}/v2.0/.well-known/openid-configuration`)
      .then((res) => {
        if (res.status !== 200 || typeof res.body?.token_endpoint !== 'string') throw new Error(`the authority's OpenID metadata could not be read (HTTP ${res.status})`);
        return {
          authorityMetadata: JSON.stringify(res.body),
          cloudDiscoveryMetadata: JSON.stringify({
            tenant_discovery_endpoint: `${authority}/v2.0/.well-known/openid-configuration`,
            'api-version': '1.1',
            metadata: [{ preferred_network: host, preferred_cache: host, aliases: [host] }],
          }),
        };
      })
      .catch((err) => {
        this.metadata = undefined; // try again on the next sign-in rather than failing forever
        throw err;
      });
    return this.metadata;
  }

  /** A client for one person's cache; the authority metadata is fetched once for all of them. */
  async create(cachePlugin?: ICachePlugin): Promise<ConfidentialClientApplication> {
    const metadata = await this.loadMetadata();
    return this.build(metadata, cachePlugin);
  }

  /** A long-lived client that reads the authority's metadata itself on first use (nothing at start-up). */
  createLongLived(): ConfidentialClientApplication {
    return this.build(undefined);
  }

  private build(metadata: { authorityMetadata: string; cloudDiscoveryMetadata: string } | undefined, cachePlugin?: ICachePlugin): ConfidentialClientApplication {
    const { authority, clientId, clientSecret, log } = this.options;
    return new ConfidentialClientApplication({
      auth: { clientId, clientSecret, authority, knownAuthorities: [new URL(authority).host], ...(metadata ?? {}) },
      system: {
        networkClient: this.network,
        loggerOptions: {
          logLevel: MsalLogLevel.Warning,
          piiLoggingEnabled: false,
          loggerCallback: (_level, message) => log.debug('msal', { message }),
        },
      },
      ...(cachePlugin ? { cache: { cachePlugin } } : {}),
    });
  }
}
