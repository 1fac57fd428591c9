// The Entra ID emulator: discovery, token endpoint, consent prompt, and the minting and consent
// controls the driver and the sandbox use in place of a Teams client and an admin.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Faults } from '../shared/faults.ts';
import { Router } from '../shared/http.ts';
import type { SigningKey } from '../shared/jwt.ts';
import type { RequestLog } from '../shared/request-log.ts';
import type { GraphObject, Tenant } from '../tenant/types.ts';
import { authorizeEndpoint } from './authorize.ts';
import { grantedScopes, grantUserConsent, revokeUserConsent, setAdminConsent, type ConsentKey } from './consent.ts';
import { findApplication, findUser, graphServicePrincipal, servicePrincipalOf } from './directory.ts';
import { aadError } from './errors.ts';
import { serviceListener } from './http-service.ts';
import { metadataRoutes } from './metadata.ts';
import { defaultLifetimes, type EntraState, type Lifetimes } from './state.ts';
import { tokenEndpoint } from './token-endpoint.ts';
import { mintSso } from './tokens.ts';
import { TEAMS_DESKTOP_CLIENT_ID, TENANT_DESK_BOT_ID, TENANT_DESK_SCOPES } from './well-known.ts';

export interface EntraOptions {
  tenant: Tenant;
  /** Signing keys (the first signs); Graph and the channel verify with the same list. */
  keys: SigningKey[];
  /** `https://localhost:PORT`, known once the server listens. */
  baseUrl: () => string;
  log: RequestLog;
  faults: Faults;
  now?: () => Date;
  lifetimes?: Partial<Lifetimes>;
  /** The bot's app id (default: Tenant Desk's). */
  botAppId?: string;
}

export interface SsoTokenOptions {
  /** The `aud`: default the bot's first app ID URI (api://botid-{id}). */
  audience?: string;
  /** The Teams client the token was issued to (`azp`); default Teams desktop. */
  clientId?: string;
  /** Default `access_as_user`. */
  scp?: string;
  lifetimeSeconds?: number;
}

export interface ConsentOptions {
  /** The client app whose consent changes; default the bot. */
  clientId?: string;
}

export interface Entra {
  handler: (req: IncomingMessage, res: ServerResponse) => void;
  keys: () => SigningKey[];
  /** `{base}/{tid}/v2.0`. */
  issuer: () => string;
  lifetimes: () => Lifetimes;
  setLifetimes: (l: Partial<Lifetimes>) => void;
  /** The Teams SSO token for a user (UPN or object id), as Teams would hold it for the bot. */
  mintSsoToken: (user: string, opts?: SsoTokenOptions) => string;
  /** Records the user's own consent (a Principal grant), as accepting the consent prompt does. */
  grantConsent: (user: string, scopes?: string[], opts?: ConsentOptions) => GraphObject;
  /** Removes the user's own consent; returns how many grants were removed. Admin consent stays. */
  revokeConsent: (user: string, opts?: ConsentOptions) => number;
  /** Sets the tenant-wide admin consent (AllPrincipals) for the client; [] removes it. */
  setAdminConsent: (scopes: string[], opts?: ConsentOptions) => GraphObject | undefined;
  /** The Graph permissions the user may use through the client (admin plus own consent). */
  consentedScopes: (user: string, opts?: ConsentOptions) => string[];
}

export function createEntra(opts: EntraOptions): Entra {
  const botAppId = opts.botAppId ?? TENANT_DESK_BOT_ID;
  const now = opts.now ?? (() => new Date());
  const keys = () => opts.keys;
  const issuer = () => `${opts.baseUrl()}/${opts.tenant.tenantId}/v2.0`;
  const state: EntraState = {
    tenant: opts.tenant,
    ctx: { tenant: opts.tenant, keys, now, issuerV2: issuer },
    lifetimes: { ...defaultLifetimes, ...opts.lifetimes },
    baseUrl: opts.baseUrl,
    now,
    loopbackRedirectClients: [botAppId],
  };

  const meta = metadataRoutes(state);
  const token = tokenEndpoint(state);
  const authorize = authorizeEndpoint(state);
  const router = new Router()
    .get('/common/discovery/instance', meta.instanceDiscovery)
    .get('/:tenant/v2.0/.well-known/openid-configuration', meta.v2)
    .get('/:tenant/.well-known/openid-configuration', meta.v1)
    .get('/:tenant/discovery/v2.0/keys', meta.keysV2)
    .get('/:tenant/discovery/keys', meta.keysV1)
    .on('*', '/:tenant/oauth2/v2.0/token', token)
    .get('/:tenant/oauth2/v2.0/authorize', authorize)
    .post('/:tenant/oauth2/v2.0/authorize', authorize);

  const handler = serviceListener({
    service: 'entra',
    router,
    log: opts.log,
    faults: opts.faults,
    faultReply: (status) =>
      aadError({ status, error: status === 500 ? 'server_error' : 'temporarily_unavailable', code: 90033, message: 'A transient error has occurred. Please try again.', now: now() }),
    fallback: () => ({ status: 404, headers: { 'Content-Type': 'text/html; charset=utf-8' }, body: '<!DOCTYPE html><title>404</title><p>The resource you are looking for has been removed, had its name changed, or is temporarily unavailable.</p>' }),
  });

  const userOrThrow = (ref: string) => {
    const user = findUser(opts.tenant, ref);
    if (!user) throw new Error(`no user '${ref}' in tenant ${opts.tenant.tenantId}`);
    return user;
  };
  const consentKey = (o?: ConsentOptions): ConsentKey => {
    const clientId = o?.clientId ?? botAppId;
    const clientSp = servicePrincipalOf(opts.tenant, clientId);
    const graphSp = graphServicePrincipal(opts.tenant);
    if (!clientSp) throw new Error(`the tenant has no service principal for app ${clientId}`);
    if (!graphSp) throw new Error("the tenant has no service principal for Microsoft Graph (00000003-0000-0000-c000-000000000000)");
    return { clientSpId: clientSp.id, resourceSpId: graphSp.id };
  };

  return {
    handler: (req, res) => void handler(req, res),
    keys,
    issuer,
    lifetimes: () => ({ ...state.lifetimes }),
    setLifetimes: (l) => Object.assign(state.lifetimes, l),
    mintSsoToken: (user, o = {}) => {
      const app = findApplication(opts.tenant, botAppId);
      const uris = Array.isArray(app?.identifierUris) ? (app.identifierUris as string[]) : [];
      return mintSso(state.ctx, {
        user: userOrThrow(user),
        audience: o.audience ?? uris[0] ?? `api://botid-${botAppId}`,
        azp: o.clientId ?? TEAMS_DESKTOP_CLIENT_ID,
        scp: o.scp ?? 'access_as_user',
        lifetime: o.lifetimeSeconds ?? state.lifetimes.ssoToken,
      }).token;
    },
    grantConsent: (user, scopes = TENANT_DESK_SCOPES, o) => grantUserConsent(opts.tenant, consentKey(o), userOrThrow(user).id, scopes),
    revokeConsent: (user, o) => revokeUserConsent(opts.tenant, consentKey(o), userOrThrow(user).id),
    setAdminConsent: (scopes, o) => setAdminConsent(opts.tenant, consentKey(o), scopes),
    consentedScopes: (user, o) => grantedScopes(opts.tenant, consentKey(o), userOrThrow(user).id),
  };
}
