// The part of every delegated grant (OBO, refresh token, authorization code) that comes after the
// grant itself is accepted: is the user still allowed in, has consent been given, and the response.
import type { GraphObject } from '../tenant/types.ts';
import { AadFailure } from './errors.ts';
import type { Client } from './client-auth.ts';
import { grantedScopes, missingScopes } from './consent.ts';
import { findUser, graphServicePrincipal, tenantDisplayName } from './directory.ts';
import type { RequestedScopes } from './scopes.ts';
import type { EntraState } from './state.ts';
import { clientInfo, mintGraphDelegated, mintIdToken, mintRefreshToken } from './tokens.ts';

/** The user an accepted grant names, refused as Entra refuses unknown and disabled accounts. */
export function activeUser(state: EntraState, oid: string): GraphObject {
  const user = findUser(state.tenant, oid);
  if (!user) {
    throw new AadFailure(400, 'invalid_grant', 50034, `The user account ${oid} does not exist in the ${tenantDisplayName(state.tenant)} directory. To sign into this application, the account must be added to the directory.`);
  }
  if (user.accountEnabled === false) throw new AadFailure(400, 'invalid_grant', 50057, 'The user account is disabled.');
  return user;
}

/** Graph permissions the user may get through the client; throws AADSTS65001 when any requested one is missing. */
export function consentedPermissions(state: EntraState, client: Client, user: GraphObject, requested: RequestedScopes): string[] {
  const graphSp = graphServicePrincipal(state.tenant);
  const granted = client.sp && graphSp ? grantedScopes(state.tenant, { clientSpId: client.sp.id, resourceSpId: graphSp.id }, user.id) : [];
  const permissions = requested.isDefault ? granted : requested.permissions;
  const missing = requested.isDefault ? (granted.length === 0 ? ['.default'] : []) : missingScopes(permissions, granted);
  if (missing.length > 0) {
    throw new AadFailure(400, 'invalid_grant', 65001, `The user or administrator has not consented to use the application with ID '${client.clientId}' named '${client.name}'. Send an interactive authorization request for this user and resource.`, 'consent_required');
  }
  return permissions;
}

export interface UserTokenRequest {
  client: Client;
  user: GraphObject;
  permissions: string[];
  oidc: string[];
  wantClientInfo: boolean;
  nonce?: string;
}

/** The token response for a delegated grant, shaped like Entra's v2 endpoint answers. */
export function userTokenResponse(state: EntraState, r: UserTokenRequest): Record<string, unknown> {
  const lifetime = state.lifetimes.accessToken;
  const access = mintGraphDelegated(state.ctx, { user: r.user, clientId: r.client.clientId, clientName: r.client.name, scopes: r.permissions, lifetime });
  const body: Record<string, unknown> = {
    token_type: 'Bearer',
    // Graph permissions come back by their bare names, as Entra returns them; MSAL caches by this string.
    scope: [...r.permissions, ...r.oidc].join(' '),
    expires_in: access.expiresIn,
    ext_expires_in: access.expiresIn,
    access_token: access.token,
  };
  if (r.oidc.includes('offline_access')) {
    body.refresh_token = mintRefreshToken(state.ctx, { oid: r.user.id, clientId: r.client.clientId, scopes: [...r.permissions, ...r.oidc] }, state.lifetimes.refreshToken);
  }
  if (r.oidc.includes('openid')) {
    body.id_token = mintIdToken(state.ctx, { user: r.user, clientId: r.client.clientId, lifetime, ...(r.nonce ? { nonce: r.nonce } : {}) }).token;
  }
  if (r.wantClientInfo) body.client_info = clientInfo(r.user.id, state.tenant.tenantId);
  return body;
}
