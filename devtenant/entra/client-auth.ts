// Client authentication at the token endpoint: which application is asking, and is its secret right.
// Confidential clients (the ones devtenant.json holds a secret for) must authenticate on every grant;
// the others are treated as public clients, which Entra lets redeem codes and refresh tokens only.
import type { GraphObject } from '../tenant/types.ts';
import { AadFailure } from './errors.ts';
import { findApplication, servicePrincipalOf, tenantDisplayName } from './directory.ts';
import type { EntraState } from './state.ts';

export interface Client {
  clientId: string;
  app: GraphObject | undefined;
  /** The client's service principal in this tenant (what consent grants name). */
  sp: GraphObject | undefined;
  name: string;
  confidential: boolean;
}

export function authenticateClient(state: EntraState, form: URLSearchParams, requireSecret: boolean): Client {
  const { tenant } = state;
  const clientId = form.get('client_id') ?? '';
  const app = findApplication(tenant, clientId);
  const sp = servicePrincipalOf(tenant, clientId);
  if (!app && !sp) {
    throw new AadFailure(400, 'unauthorized_client', 700016, `Application with identifier '${clientId}' was not found in the directory '${tenantDisplayName(tenant)}'. This can happen if the application has not been installed by the administrator of the tenant or consented to by any user in the tenant. You may have sent your authentication request to the wrong tenant.`);
  }
  const expected = tenant.data.settings.clientSecrets[clientId];
  const secret = form.get('client_secret');
  if (form.get('client_assertion')) {
    throw new AadFailure(401, 'invalid_client', 700027, 'Client assertion failed signature validation. (The dev tenant accepts client secrets only.)');
  }
  if (secret === null || secret === '') {
    if (requireSecret || expected !== undefined) {
      throw new AadFailure(401, 'invalid_client', 7000218, "The request body must contain the following parameter: 'client_assertion' or 'client_secret'.");
    }
  } else if (expected === undefined || secret !== expected) {
    throw new AadFailure(401, 'invalid_client', 7000215, `Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, not the client secret ID, for a secret added to app '${clientId}'.`);
  }
  return { clientId, app, sp, name: String(app?.displayName ?? sp?.displayName ?? clientId), confidential: expected !== undefined };
}
