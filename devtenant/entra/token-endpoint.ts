// POST /{tenant}/oauth2/v2.0/token: resolves the tenant, authenticates the client, runs the grant,
// and answers every failure in Entra's error shape (400, or 401 for client authentication).
import { form, type Handler, type Request } from '../shared/http.ts';
import { AadFailure, aadError, missingParameter } from './errors.ts';
import { authenticateClient } from './client-auth.ts';
import { resolveTenant } from './directory.ts';
import { authorizationCode, clientCredentials, onBehalfOf, refreshToken, type GrantInput } from './grants.ts';
import { annotate } from './http-service.ts';
import type { EntraState } from './state.ts';
import { GRANT } from './well-known.ts';

const grants: Record<string, (input: GrantInput) => Record<string, unknown>> = {
  [GRANT.onBehalfOf]: onBehalfOf,
  [GRANT.clientCredentials]: clientCredentials,
  [GRANT.refreshToken]: refreshToken,
  [GRANT.authorizationCode]: authorizationCode,
};

/** Grants a confidential client must authenticate for even when no secret is on file. */
const needsSecret = new Set<string>([GRANT.onBehalfOf, GRANT.clientCredentials]);

export function correlationIdOf(req: Request): string | undefined {
  return (req.headers['client-request-id'] as string | undefined) ?? req.url.searchParams.get('client-request-id') ?? undefined;
}

export function tenantNotFound(segment: string): AadFailure {
  return new AadFailure(400, 'invalid_request', 90002, `Tenant '${decodeURIComponent(segment)}' not found. Check to make sure you have the correct tenant ID and are signing into the correct cloud. Check with your subscription administrator, this may happen if there are no active subscriptions for the tenant.`);
}

export function tokenEndpoint(state: EntraState): Handler {
  return (req) => {
    const correlationId = correlationIdOf(req);
    const fail = (f: AadFailure) =>
      aadError({ status: f.status, error: f.error, code: f.code, message: f.message, ...(f.suberror ? { suberror: f.suberror } : {}), ...(correlationId ? { correlationId } : {}), now: state.now(), baseUrl: state.baseUrl() });
    try {
      if (req.method !== 'POST') throw new AadFailure(400, 'invalid_request', 900561, `The endpoint only accepts POST, OPTIONS requests. Received a ${req.method} request.`);
      const params = form(req);
      const grantType = params.get('grant_type');
      annotate(req.raw, { kind: grantType ?? 'token' });
      const match = resolveTenant(state.tenant, req.params.tenant ?? '');
      if (!match) throw tenantNotFound(req.params.tenant ?? '');
      if (!grantType) throw missingParameter('grant_type');
      const grant = grants[grantType];
      if (!grant) throw new AadFailure(400, 'unsupported_grant_type', 70003, `The app requested an unsupported grant type '${grantType}'.`);
      if (!params.get('client_id')) throw missingParameter('client_id');
      if (match.kind === 'botframework' && grantType !== GRANT.clientCredentials) {
        throw new AadFailure(400, 'unauthorized_client', 700016, `Application with identifier '${params.get('client_id')}' was not found in the directory 'Bot Framework'.`);
      }
      const client = authenticateClient(state, params, needsSecret.has(grantType));
      const body = grant({ state, form: params, client, tenantKind: match.kind, onUser: (oid) => annotate(req.raw, { userOid: oid }) });
      return {
        status: 200,
        headers: { 'Cache-Control': 'no-store, no-cache', Pragma: 'no-cache', ...(correlationId ? { 'client-request-id': correlationId } : {}) },
        body,
      };
    } catch (err) {
      if (err instanceof AadFailure) return fail(err);
      throw err;
    }
  };
}
