// Discovery documents: OpenID configuration (v2 and v1), signing keys, and the instance-discovery
// answer MSAL asks for when an authority is not in knownAuthorities. Every URL points back at this server.
import { toJwk } from '../shared/jwt.ts';
import type { Handler } from '../shared/http.ts';
import { aadError } from './errors.ts';
import { resolveTenant, type TenantMatch } from './directory.ts';
import { annotate } from './http-service.ts';
import type { EntraState } from './state.ts';
import { tenantNotFound } from './token-endpoint.ts';
import { BOT_FRAMEWORK_TENANT_ID } from './well-known.ts';

/** The tenant id a metadata document speaks for ({tenantid} for common/organizations, as Entra writes it). */
function issuerTenant(state: EntraState, match: TenantMatch): string {
  if (match.kind === 'home') return state.tenant.tenantId;
  if (match.kind === 'botframework') return BOT_FRAMEWORK_TENANT_ID;
  return '{tenantid}';
}

/** The path segment endpoints use: the tenant id for a tenant, the alias itself for common/organizations. */
function endpointTenant(state: EntraState, match: TenantMatch): string {
  return match.kind === 'multi' ? match.segment : issuerTenant(state, match);
}

export function openIdConfigurationV2(state: EntraState, match: TenantMatch): Record<string, unknown> {
  const b = state.baseUrl();
  const t = endpointTenant(state, match);
  return {
    token_endpoint: `${b}/${t}/oauth2/v2.0/token`,
    token_endpoint_auth_methods_supported: ['client_secret_post', 'private_key_jwt', 'client_secret_basic'],
    jwks_uri: `${b}/${t}/discovery/v2.0/keys`,
    response_modes_supported: ['query', 'fragment', 'form_post'],
    subject_types_supported: ['pairwise'],
    id_token_signing_alg_values_supported: ['RS256'],
    response_types_supported: ['code', 'id_token', 'code id_token', 'id_token token'],
    scopes_supported: ['openid', 'profile', 'email', 'offline_access'],
    issuer: `${b}/${issuerTenant(state, match)}/v2.0`,
    request_uri_parameter_supported: false,
    userinfo_endpoint: 'https://graph.microsoft.com/oidc/userinfo',
    authorization_endpoint: `${b}/${t}/oauth2/v2.0/authorize`,
    device_authorization_endpoint: `${b}/${t}/oauth2/v2.0/devicecode`,
    http_logout_supported: true,
    frontchannel_logout_supported: true,
    end_session_endpoint: `${b}/${t}/oauth2/v2.0/logout`,
    claims_supported: ['sub', 'iss', 'cloud_instance_name', 'cloud_instance_host_name', 'cloud_graph_host_name', 'msgraph_host', 'aud', 'exp', 'iat', 'auth_time', 'acr', 'nonce', 'preferred_username', 'name', 'tid', 'ver', 'at_hash', 'c_hash', 'email'],
    kerberos_endpoint: `${b}/${t}/kerberos`,
    tenant_region_scope: 'NA',
    cloud_instance_name: 'microsoftonline.com',
    cloud_graph_host_name: 'graph.windows.net',
    msgraph_host: 'graph.microsoft.com',
    rbac_url: 'https://pas.windows.net',
  };
}

export function openIdConfigurationV1(state: EntraState, match: TenantMatch): Record<string, unknown> {
  const b = state.baseUrl();
  const t = endpointTenant(state, match);
  const tid = issuerTenant(state, match);
  return {
    token_endpoint: `${b}/${t}/oauth2/token`,
    token_endpoint_auth_methods_supported: ['client_secret_post', 'private_key_jwt', 'client_secret_basic'],
    jwks_uri: `${b}/common/discovery/keys`,
    response_modes_supported: ['query', 'fragment', 'form_post'],
    subject_types_supported: ['pairwise'],
    id_token_signing_alg_values_supported: ['RS256'],
    response_types_supported: ['code', 'id_token', 'code id_token', 'token id_token', 'token'],
    scopes_supported: ['openid'],
    issuer: `https://sts.windows.net/${tid}/`,
    authorization_endpoint: `${b}/${t}/oauth2/authorize`,
    end_session_endpoint: `${b}/${t}/oauth2/logout`,
    tenant_region_scope: 'NA',
    cloud_instance_name: 'microsoftonline.com',
    cloud_graph_host_name: 'graph.windows.net',
    msgraph_host: 'graph.microsoft.com',
  };
}

export function metadataRoutes(state: EntraState) {
  const withTenant = (build: (match: TenantMatch) => unknown): Handler => (req) => {
    annotate(req.raw, { kind: 'metadata' });
    const match = resolveTenant(state.tenant, req.params.tenant ?? '');
    if (!match) {
      const f = tenantNotFound(req.params.tenant ?? '');
      // The discovery endpoints name this failure invalid_tenant; the token endpoint says invalid_request.
      return aadError({ status: 400, error: 'invalid_tenant', code: f.code, message: f.message, now: state.now(), baseUrl: state.baseUrl() });
    }
    return { status: 200, headers: { 'Cache-Control': 'max-age=86400, private', 'Access-Control-Allow-Origin': '*' }, body: build(match) };
  };

  const jwks = (match: TenantMatch | undefined, v2: boolean) => ({
    keys: state.ctx.keys().map((k) => toJwk(k, v2 ? { issuer: `${state.baseUrl()}/${match ? issuerTenant(state, match) : '{tenantid}'}/v2.0` } : {})),
  });

  const keysHandler = (v2: boolean): Handler => (req) => {
    annotate(req.raw, { kind: 'keys' });
    const match = resolveTenant(state.tenant, req.params.tenant ?? 'common');
    if (!match) return aadError({ status: 400, error: 'invalid_tenant', code: 90002, message: `Tenant '${req.params.tenant}' not found.`, now: state.now() });
    return { status: 200, headers: { 'Cache-Control': 'max-age=86400, private', 'Access-Control-Allow-Origin': '*' }, body: jwks(match, v2) };
  };

  /** GET /common/discovery/instance: MSAL's check that an authority host is a real Entra instance. */
  const instanceDiscovery: Handler = (req) => {
    annotate(req.raw, { kind: 'instance-discovery' });
    const endpoint = req.url.searchParams.get('authorization_endpoint') ?? '';
    const ours = new URL(state.baseUrl());
    let target: URL | undefined;
    try {
      target = new URL(endpoint);
    } catch {
      target = undefined;
    }
    const hosts = [ours.host, `127.0.0.1:${ours.port}`, `localhost:${ours.port}`];
    if (!target || !hosts.includes(target.host)) {
      return aadError({ status: 400, error: 'invalid_instance', code: 50049, message: 'Unknown or invalid instance.', now: state.now() });
    }
    const tenantSegment = target.pathname.split('/').filter(Boolean)[0] ?? 'common';
    return {
      status: 200,
      body: {
        tenant_discovery_endpoint: `${target.origin}/${tenantSegment}/v2.0/.well-known/openid-configuration`,
        'api-version': '1.1',
        metadata: [{ preferred_network: target.host, preferred_cache: target.host, aliases: [...new Set([target.host, ...hosts])] }],
      },
    };
  };

  return {
    v2: withTenant((m) => openIdConfigurationV2(state, m)),
    v1: withTenant((m) => openIdConfigurationV1(state, m)),
    keysV2: keysHandler(true),
    keysV1: keysHandler(false),
    instanceDiscovery,
  };
}
