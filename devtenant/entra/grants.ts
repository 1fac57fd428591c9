// The grant types of POST /{tenant}/oauth2/v2.0/token. Each returns the success body or throws an
// AadFailure carrying the AADSTS code Entra gives for the same mistake.
import { createHash } from 'node:crypto';
import { decodeJwt, verifyJwt } from '../shared/jwt.ts';
import type { Tenant } from '../tenant/types.ts';
import { AadFailure, missingParameter } from './errors.ts';
import type { Client } from './client-auth.ts';
import { acceptedAudiences, appRoleValue, graphServicePrincipal, tenantDisplayName } from './directory.ts';
import { readScopes, splitScopes, type RequestedScopes } from './scopes.ts';
import type { EntraState } from './state.ts';
import { mintBotFramework, mintGraphApp, readAuthorizationCode, readRefreshToken } from './tokens.ts';
import { activeUser, consentedPermissions, userTokenResponse } from './user-tokens.ts';
import { BOT_FRAMEWORK_TENANT_ID } from './well-known.ts';

export interface GrantInput {
  state: EntraState;
  form: URLSearchParams;
  client: Client;
  /** The tenant the request's path named; botframework.com gives Bot Framework tokens a different tid. */
  tenantKind: 'home' | 'multi' | 'botframework';
  /** Lets the endpoint log the user once the grant knows it. */
  onUser: (oid: string) => void;
}

function required(form: URLSearchParams, name: string): string {
  const v = form.get(name);
  if (v === null || v === '') throw missingParameter(name);
  return v;
}

function graphScopes(tenant: Tenant, scope: string): RequestedScopes {
  const requested = readScopes(tenant, scope, tenantDisplayName(tenant));
  if (requested.resource !== undefined && requested.resource !== 'graph') {
    throw new AadFailure(400, 'invalid_scope', 70011, `The provided request must include a 'scope' input parameter. The provided value for the input parameter 'scope' is not valid. The scope ${scope} is not valid.`);
  }
  return requested;
}

const iso = (s: number) => new Date(s * 1000).toISOString();

export function onBehalfOf({ state, form, client, onUser }: GrantInput): Record<string, unknown> {
  const use = form.get('requested_token_use');
  if (use !== 'on_behalf_of') throw missingParameter('requested_token_use');
  const assertion = required(form, 'assertion');
  const requested = graphScopes(state.tenant, required(form, 'scope'));
  try {
    decodeJwt(assertion);
  } catch {
    throw new AadFailure(400, 'invalid_request', 50027, 'JWT token is invalid or malformed.');
  }
  const nowS = Math.floor(state.now().getTime() / 1000);
  const checked = verifyJwt(assertion, state.ctx.keys(), nowS, 300);
  if (!checked.ok) {
    if (checked.reason === 'expired' || checked.reason === 'not_yet_valid') {
      const exp = Number(decodeJwt(assertion).claims.exp);
      throw new AadFailure(400, 'invalid_grant', 500133, `Assertion is not within its valid time range. Ensure that the access token is not expired before using it for user assertion, or request a new token. Current time: ${iso(nowS)}, expiry time of assertion ${Number.isFinite(exp) ? iso(exp) : 'unknown'}.`);
    }
    const reason = checked.reason === 'unknown_key' ? 'The key was not found.' : checked.reason === 'bad_signature' ? 'The provided signature value did not match the expected signature value.' : 'The token is malformed.';
    throw new AadFailure(400, 'invalid_grant', 50013, `Assertion failed signature validation. [Reason - ${reason}]`);
  }
  const c = checked.claims;
  const tid = state.tenant.tenantId;
  const validIssuers = [state.ctx.issuerV2(), `https://sts.windows.net/${tid}/`];
  if (c.tid !== tid || !validIssuers.includes(String(c.iss))) {
    throw new AadFailure(400, 'invalid_grant', 50013, `Assertion failed signature validation. [Reason - The assertion was not issued by tenant '${tid}'.]`);
  }
  const audiences = acceptedAudiences(client.app, client.clientId);
  if (!audiences.includes(String(c.aud))) {
    throw new AadFailure(400, 'invalid_grant', 500131, `Assertion audience does not match the Client app presenting the assertion. The audience in the assertion was '${String(c.aud)}' and the expected audience is '${client.clientId}' or one of the Application Uris of this application with App ID '${client.clientId}'(${client.name}). The downstream client must request a token for the expected audience (the application that made the OBO request) and this application should use that token as the assertion.`);
  }
  // Only a user's token for the bot's own API (scope access_as_user) may be exchanged; an app-only
  // token has no user to act for.
  if (!splitScopes(String(c.scp ?? '')).includes('access_as_user') || typeof c.oid !== 'string') {
    throw new AadFailure(400, 'invalid_grant', 50013, "Assertion is not a user's token for this application: it must carry the delegated scope 'access_as_user'.");
  }
  onUser(c.oid);
  const user = activeUser(state, c.oid);
  const permissions = consentedPermissions(state, client, user, requested);
  return userTokenResponse(state, { client, user, permissions, oidc: requested.oidc, wantClientInfo: form.get('client_info') === '1' });
}

export function refreshToken({ state, form, client, onUser }: GrantInput): Record<string, unknown> {
  const token = required(form, 'refresh_token');
  const read = readRefreshToken(state.ctx, token);
  if (!read.ok) {
    if (read.reason === 'expired') throw new AadFailure(400, 'invalid_grant', 700082, 'The refresh token has expired due to inactivity. The token was issued too long ago.');
    throw new AadFailure(400, 'invalid_grant', 9002313, 'Invalid request. Request is malformed or invalid.');
  }
  const grant = read.value;
  if (grant.clientId !== client.clientId) {
    throw new AadFailure(400, 'invalid_grant', 70000, "Provided grant is invalid or malformed. The refresh token was issued to a different client.");
  }
  onUser(grant.oid);
  const user = activeUser(state, grant.oid);
  const requested = graphScopes(state.tenant, form.get('scope') || grant.scopes.join(' '));
  const permissions = consentedPermissions(state, client, user, requested);
  return userTokenResponse(state, { client, user, permissions, oidc: requested.oidc, wantClientInfo: form.get('client_info') === '1' });
}

function pkce(verifier: string, method: string): string {
  return method === 'S256' ? createHash('sha256').update(verifier).digest('base64url') : verifier;
}

export function authorizationCode({ state, form, client, onUser }: GrantInput): Record<string, unknown> {
  const code = required(form, 'code');
  const redirectUri = required(form, 'redirect_uri');
  const read = readAuthorizationCode(state.ctx, code);
  if (!read.ok) {
    throw new AadFailure(400, 'invalid_grant', 70008, 'The provided authorization code or refresh token has expired due to inactivity. Send a new interactive authorization request for this user and resource.');
  }
  const grant = read.value;
  if (grant.clientId !== client.clientId) throw new AadFailure(400, 'invalid_grant', 70000, 'Provided grant is invalid or malformed. The code was issued to a different client.');
  if (grant.redirectUri !== redirectUri) {
    throw new AadFailure(400, 'invalid_grant', 500112, `The reply address '${redirectUri}' does not match the reply address '${grant.redirectUri}' provided when requesting Authorization code.`);
  }
  if (grant.codeChallenge) {
    const verifier = form.get('code_verifier');
    if (!verifier || pkce(verifier, grant.codeChallengeMethod ?? 'plain') !== grant.codeChallenge) {
      throw new AadFailure(400, 'invalid_grant', 501481, 'The Code_Verifier does not match the code_challenge supplied in the authorization request.');
    }
  }
  onUser(grant.oid);
  const user = activeUser(state, grant.oid);
  const requested = graphScopes(state.tenant, grant.scopes.join(' '));
  const permissions = consentedPermissions(state, client, user, requested);
  return userTokenResponse(state, { client, user, permissions, oidc: requested.oidc, wantClientInfo: form.get('client_info') === '1', ...(grant.nonce ? { nonce: grant.nonce } : {}) });
}

export function clientCredentials({ state, form, client, tenantKind }: GrantInput): Record<string, unknown> {
  const scope = required(form, 'scope');
  const scopes = splitScopes(scope);
  const invalid = () =>
    new AadFailure(400, 'invalid_scope', 1002012, `The provided value for scope ${scope} is not valid. Client credential flows must have a scope value with /.default suffixed to the resource identifier (application ID URI).`);
  if (scopes.length !== 1 || !scopes[0]!.endsWith('/.default')) throw invalid();
  const requested = readScopes(state.tenant, scope, tenantDisplayName(state.tenant));
  if (!requested.isDefault || requested.oidc.length > 0) throw invalid();
  const lifetime = state.lifetimes.accessToken;
  let minted;
  if (requested.resource === 'botframework') {
    const tid = tenantKind === 'botframework' ? BOT_FRAMEWORK_TENANT_ID : state.tenant.tenantId;
    minted = mintBotFramework(state.ctx, { clientId: client.clientId, tid, lifetime });
  } else {
    const graphSp = graphServicePrincipal(state.tenant);
    const roles = client.sp && graphSp
      ? state.tenant.data.appRoleAssignments
          .filter((a) => a.principalId === client.sp!.id && a.resourceId === graphSp.id)
          .map((a) => appRoleValue(graphSp, String(a.appRoleId)))
          .filter((v): v is string => typeof v === 'string')
      : [];
    minted = mintGraphApp(state.ctx, { clientSp: client.sp, clientId: client.clientId, clientName: client.name, roles: [...new Set(roles)], lifetime });
  }
  return { token_type: 'Bearer', expires_in: minted.expiresIn, ext_expires_in: minted.expiresIn, access_token: minted.token };
}
