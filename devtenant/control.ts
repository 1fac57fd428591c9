// The dev tenant's control API, under /_dev/ on the channel listener: what the benchmark and the
// sandbox (which run the dev tenant as a separate process) use in place of the in-process handle.
//
//   GET    /_dev/info                      urls, tenant id, bot id
//   GET    /_dev/faults                    the fault rules
//   PUT    /_dev/faults   [rule…]          replace them          POST /_dev/faults  rule   add one
//   DELETE /_dev/faults                    clear them
//   GET    /_dev/mark                      {mark}: pass it to /_dev/requests?since=
//   GET    /_dev/requests?since=&service=  the request log (array)   DELETE /_dev/requests  clear it
//   POST   /_dev/sso-token {user}          {token, expires_in, user}: the user's Teams SSO token for the bot
//   GET    /_dev/consent?user=             {user, scopes}: the Graph permissions the user has consented to
//   POST   /_dev/consent {user, scopes?}   record the user's consent (default: Tenant Desk's scopes)
//   DELETE /_dev/consent?user=             revoke the user's own consent
//   PUT    /_dev/admin-consent {scopes}    set tenant-wide admin consent for the bot ([] removes it)
//   PUT    /_dev/bot {endpoint}            where the channel posts activities
//   PUT    /_dev/lifetimes {accessToken?, ssoToken?, refreshToken?}   token lifetimes in seconds
import type { ChannelDriver } from './channel/driver.ts';
import type { Entra } from './entra/server.ts';
import type { FaultRule, Faults } from './shared/faults.ts';
import { json, type Handler, type Reply, type Request, type Router } from './shared/http.ts';
import type { RequestLog, Service } from './shared/request-log.ts';

export const CONTROL_PREFIX = '/_dev/';

export interface ControlDeps {
  log: RequestLog;
  faults: Faults;
  entra: Entra;
  driver: ChannelDriver;
  info: () => Record<string, unknown>;
}

const bad = (message: string, status = 400): Reply => ({ status, body: { error: { code: status === 404 ? 'NotFound' : 'BadRequest', message } } });

function body<T>(req: Request): T | undefined {
  try {
    return json<T>(req);
  } catch {
    return undefined;
  }
}

/** Runs an action that may name an unknown user, answering 404 instead of 500. */
function guard(fn: Handler): Handler {
  return async (req, res) => {
    try {
      return await fn(req, res);
    } catch (err) {
      const message = (err as Error).message;
      if (/^no user /.test(message)) return bad(message, 404);
      throw err;
    }
  };
}

const SERVICES: Service[] = ['entra', 'graph', 'channel'];

export function controlRoutes(router: Router, d: ControlDeps): void {
  const p = (path: string) => `${CONTROL_PREFIX}${path}`;
  router
    .get(p('info'), () => ({ status: 200, body: d.info() }))
    .get(p('faults'), () => ({ status: 200, body: d.faults.list() }))
    .put(p('faults'), (req) => {
      const rules = body<FaultRule[]>(req);
      if (!Array.isArray(rules)) return bad('PUT /_dev/faults takes a JSON array of fault rules.');
      d.faults.set(rules);
      return { status: 200, body: d.faults.list() };
    })
    .post(p('faults'), (req) => {
      const rule = body<FaultRule>(req);
      if (!rule || typeof rule !== 'object' || Array.isArray(rule)) return bad('POST /_dev/faults takes one fault rule.');
      d.faults.add(rule);
      return { status: 200, body: d.faults.list() };
    })
    .delete(p('faults'), () => {
      d.faults.clear();
      return { status: 204 };
    })
    .get(p('mark'), () => ({ status: 200, body: { mark: d.log.mark() } }))
    .get(p('requests'), (req) => {
      const since = Number(req.url.searchParams.get('since') ?? 0);
      const service = req.url.searchParams.get('service') ?? undefined;
      if (service && !SERVICES.includes(service as Service)) return bad(`service must be one of ${SERVICES.join(', ')}`);
      if (!Number.isFinite(since)) return bad('since must be a number from /_dev/mark');
      return { status: 200, body: d.log.since(since, service as Service | undefined) };
    })
    .delete(p('requests'), () => {
      d.log.clear();
      return { status: 204 };
    })
    .post(
      p('sso-token'),
      guard((req) => {
        const b = body<{ user?: string; audience?: string; clientId?: string; lifetimeSeconds?: number }>(req);
        if (!b?.user) return bad('POST /_dev/sso-token takes {"user": "<upn or object id>"}.');
        const token = d.entra.mintSsoToken(b.user, { ...(b.audience ? { audience: b.audience } : {}), ...(b.clientId ? { clientId: b.clientId } : {}), ...(b.lifetimeSeconds !== undefined ? { lifetimeSeconds: b.lifetimeSeconds } : {}) });
        const claims = JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString('utf8')) as { oid: string; preferred_username: string; exp: number; iat: number };
        return { status: 200, headers: { 'Cache-Control': 'no-store' }, body: { token, expires_in: claims.exp - claims.iat, user: { id: claims.oid, userPrincipalName: claims.preferred_username } } };
      }),
    )
    .get(
      p('consent'),
      guard((req) => {
        const user = req.url.searchParams.get('user');
        if (!user) return bad('GET /_dev/consent?user=<upn or object id>');
        return { status: 200, body: { user, scopes: d.entra.consentedScopes(user) } };
      }),
    )
    .post(
      p('consent'),
      guard((req) => {
        const b = body<{ user?: string; scopes?: string[] }>(req);
        if (!b?.user) return bad('POST /_dev/consent takes {"user": "...", "scopes"?: [...]}.');
        d.entra.grantConsent(b.user, b.scopes);
        return { status: 200, body: { user: b.user, scopes: d.entra.consentedScopes(b.user) } };
      }),
    )
    .delete(
      p('consent'),
      guard((req) => {
        const user = req.url.searchParams.get('user') ?? body<{ user?: string }>(req)?.user;
        if (!user) return bad('DELETE /_dev/consent?user=<upn or object id>');
        return { status: 200, body: { user, removed: d.entra.revokeConsent(user), scopes: d.entra.consentedScopes(user) } };
      }),
    )
    .put(p('admin-consent'), (req) => {
      const b = body<{ scopes?: string[] }>(req);
      if (!Array.isArray(b?.scopes)) return bad('PUT /_dev/admin-consent takes {"scopes": [...]}.');
      const grant = d.entra.setAdminConsent(b.scopes);
      return { status: 200, body: { grant: grant ?? null } };
    })
    .put(p('bot'), (req) => {
      const b = body<{ endpoint?: string }>(req);
      if (!b?.endpoint || !/^https?:\/\//.test(b.endpoint)) return bad('PUT /_dev/bot takes {"endpoint": "http://…/api/messages"}.');
      d.driver.setBot(b.endpoint);
      return { status: 200, body: { endpoint: b.endpoint } };
    })
    .put(p('lifetimes'), (req) => {
      const b = body<{ accessToken?: number; ssoToken?: number; refreshToken?: number }>(req);
      if (!b || typeof b !== 'object') return bad('PUT /_dev/lifetimes takes {"accessToken"?, "ssoToken"?, "refreshToken"?} in seconds.');
      const picked = Object.fromEntries(Object.entries(b).filter(([k, v]) => ['accessToken', 'ssoToken', 'refreshToken'].includes(k) && typeof v === 'number'));
      d.entra.setLifetimes(picked);
      return { status: 200, body: d.entra.lifetimes() };
    })
    .on('*', p('*'), () => bad('unknown control endpoint', 404));
}
