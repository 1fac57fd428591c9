// GET/POST /{tenant}/oauth2/v2.0/authorize: the interactive fallback when OBO says AADSTS65001.
// Entra shows the signed-in user a consent prompt; accepting records a Principal grant and sends the
// browser back to the redirect URI with a code. As in Entra, a user who already consented to every
// requested permission is sent straight back unless prompt=consent.
import type { Handler, Reply, Request } from '../shared/http.ts';
import type { GraphObject } from '../tenant/types.ts';
import { form } from '../shared/http.ts';
import { AadFailure } from './errors.ts';
import { grantedScopes, grantUserConsent, missingScopes } from './consent.ts';
import { accountPage, consentPage, errorPage, formPostPage } from './consent-page.ts';
import { findApplication, findUser, graphServicePrincipal, publishedScopes, resolveTenant, servicePrincipalOf, tenantDisplayName } from './directory.ts';
import { annotate } from './http-service.ts';
import { readScopes, type RequestedScopes } from './scopes.ts';
import type { EntraState } from './state.ts';
import { mintAuthorizationCode } from './tokens.ts';

const html = (status: number, body: string): Reply => ({ status, headers: { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' }, body });

function registeredRedirects(app: GraphObject): string[] {
  const from = (o: unknown) => (o && typeof o === 'object' && Array.isArray((o as { redirectUris?: unknown }).redirectUris) ? ((o as { redirectUris: string[] }).redirectUris) : []);
  return [...from(app.web), ...from(app.spa), ...from(app.publicClient)];
}

const loopback = (u: URL) => ['localhost', '127.0.0.1', '[::1]'].includes(u.hostname);

/** Entra's matching rules: exact, except that the port of a localhost redirect URI is ignored. */
export function redirectAllowed(state: EntraState, app: GraphObject, clientId: string, redirectUri: string): boolean {
  let asked: URL;
  try {
    asked = new URL(redirectUri);
  } catch {
    return false;
  }
  if (state.loopbackRedirectClients.includes(clientId) && loopback(asked) && /^https?:$/.test(asked.protocol)) return true;
  return registeredRedirects(app).some((r) => {
    if (r === redirectUri) return true;
    try {
      const reg = new URL(r);
      return loopback(reg) && reg.hostname === asked.hostname && reg.protocol === asked.protocol && reg.pathname === asked.pathname;
    } catch {
      return false;
    }
  });
}

function permissionDescriptions(state: EntraState, requested: RequestedScopes): { name: string; description: string }[] {
  const published = publishedScopes(graphServicePrincipal(state.tenant));
  const out = requested.permissions.map((name) => {
    const p = published.find((s) => s.value === name);
    return { name, description: p?.userConsentDisplayName ?? p?.adminConsentDisplayName ?? name };
  });
  if (requested.oidc.includes('openid') || requested.oidc.includes('profile')) out.unshift({ name: 'openid profile', description: 'Sign you in and read your profile' });
  if (requested.oidc.includes('offline_access')) out.push({ name: 'offline_access', description: 'Maintain access to data you have given it access to' });
  return out;
}

type Params = Record<string, string>;

function redirectWith(redirectUri: string, mode: string, params: Params): Reply {
  const clean = Object.fromEntries(Object.entries(params).filter(([, v]) => v !== undefined && v !== '')) as Params;
  if (mode === 'form_post') return html(200, formPostPage(redirectUri, clean));
  const qs = new URLSearchParams(clean).toString();
  const location = mode === 'fragment' ? `${redirectUri.split('#')[0]}#${qs}` : `${redirectUri}${redirectUri.includes('?') ? '&' : '?'}${qs}`;
  return { status: 302, headers: { Location: location, 'Cache-Control': 'no-store' } };
}

function paramsOf(req: Request): Params {
  const source = req.method === 'POST' ? form(req) : req.url.searchParams;
  const out: Params = {};
  for (const [k, v] of source) out[k] = v;
  return out;
}

/** Everything the authorize endpoint checks before it can trust the redirect URI (failures are pages). */
function validate(state: EntraState, req: Request, p: Params): { app: GraphObject; redirectUri: string; mode: string } | Reply {
  if (!resolveTenant(state.tenant, req.params.tenant ?? '')) return html(400, errorPage(90002, `Tenant '${req.params.tenant}' not found.`));
  const clientId = p.client_id ?? '';
  if (!clientId) return html(400, errorPage(900144, "The request body must contain the following parameter: 'client_id'."));
  const app = findApplication(state.tenant, clientId);
  if (!app) return html(400, errorPage(700016, `Application with identifier '${clientId}' was not found in the directory '${tenantDisplayName(state.tenant)}'.`));
  const redirectUri = p.redirect_uri || registeredRedirects(app)[0] || '';
  if (!redirectUri) return html(400, errorPage(500113, 'No reply address is registered for the application.'));
  if (!redirectAllowed(state, app, clientId, redirectUri)) {
    return html(400, errorPage(50011, `The redirect URI '${redirectUri}' specified in the request does not match the redirect URIs configured for the application '${clientId}'. Make sure the redirect URI sent in the request matches one added to your application in the Azure portal.`));
  }
  const mode = p.response_mode || 'query';
  return { app, redirectUri, mode };
}

export function authorizeEndpoint(state: EntraState): Handler {
  return (req) => {
    const p = paramsOf(req);
    annotate(req.raw, { kind: req.method === 'POST' ? 'consent' : 'authorize' });
    const checked = validate(state, req, p);
    if ('status' in checked) return checked;
    const { app, redirectUri, mode } = checked;
    const clientId = p.client_id!;
    const back = (params: Params) => redirectWith(redirectUri, mode, { ...params, state: p.state ?? '' });
    const error = (error: string, code: number, message: string, extra: Params = {}) => back({ error, error_description: `AADSTS${code}: ${message}`, ...extra });

    if (!(p.response_type ?? '').split(' ').includes('code')) return error('unsupported_response_type', 700054, 'The response_type is not supported by this dev tenant; use code.');
    if (!p.scope) return error('invalid_request', 900144, "The request body must contain the following parameter: 'scope'.");
    let requested: RequestedScopes;
    try {
      requested = readScopes(state.tenant, p.scope, tenantDisplayName(state.tenant));
    } catch (e) {
      if (e instanceof AadFailure) return error(e.error, e.code, e.message);
      throw e;
    }
    const user = p.login_hint ? findUser(state.tenant, p.login_hint) : undefined;
    const action = req.path;
    if (!user) {
      const fields = Object.fromEntries(Object.entries(p).filter(([k]) => k !== 'login_hint' && k !== 'consent'));
      return html(200, accountPage(action, fields));
    }
    annotate(req.raw, { userOid: user.id });
    if (user.accountEnabled === false) return html(400, errorPage(50057, 'The user account is disabled.'));

    const clientSp = servicePrincipalOf(state.tenant, clientId);
    const graphSp = graphServicePrincipal(state.tenant);
    const key = clientSp && graphSp ? { clientSpId: clientSp.id, resourceSpId: graphSp.id } : undefined;
    const granted = key ? grantedScopes(state.tenant, key, user.id) : [];
    const missing = missingScopes(requested.permissions, granted);
    const issueCode = () =>
      back({
        code: mintAuthorizationCode(state.ctx, {
          oid: user.id,
          clientId,
          scopes: [...requested.permissions, ...requested.oidc],
          redirectUri,
          ...(p.code_challenge ? { codeChallenge: p.code_challenge, codeChallengeMethod: p.code_challenge_method || 'plain' } : {}),
          ...(p.nonce ? { nonce: p.nonce } : {}),
        }),
        session_state: clientSp?.id ?? clientId,
      });

    if (req.method === 'POST') {
      if (p.consent !== 'accept') return error('access_denied', 65004, 'User declined to consent to access the app.', { error_subcode: 'cancel' });
      if (!key) return error('invalid_client', 650052, 'The app is not set up in this tenant (it has no service principal), so consent cannot be recorded.');
      if (requested.permissions.length > 0) grantUserConsent(state.tenant, key, user.id, requested.permissions);
      return issueCode();
    }
    if (missing.length === 0 && p.prompt !== 'consent') return issueCode();
    if (p.prompt === 'none') return error('consent_required', 65001, `The user or administrator has not consented to use the application with ID '${clientId}' named '${String(app.displayName)}'. Send an interactive authorization request for this user and resource.`);
    const fields = Object.fromEntries(Object.entries(p).filter(([k]) => k !== 'consent'));
    fields.login_hint = String(user.userPrincipalName);
    return html(
      200,
      consentPage({
        action,
        fields,
        user: { displayName: String(user.displayName ?? ''), userPrincipalName: String(user.userPrincipalName ?? '') },
        app: { displayName: String(app.displayName ?? clientId), ...(typeof app.publisherDomain === 'string' ? { publisher: app.publisherDomain } : {}) },
        permissions: permissionDescriptions(state, requested),
      }),
    );
  };
}
