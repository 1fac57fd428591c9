// The interactive consent fallback: Entra's authorize endpoint and consent prompt, walked like a browser.
import { createHash, randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { walkConsent } from '../../../devtenant/channel/consent-walker.ts';
import { httpCall, postForm } from '../../../devtenant/channel/http-client.ts';
import { GRANT, TENANT_DESK_SCOPES } from '../../../devtenant/entra/well-known.ts';
import { BOT_ID, BOT_SECRET, HELPER_ID, TID, ids, smallTenant } from './small-tenant.ts';
import { startEntra, type RunningEntra } from './serve.ts';

let e: RunningEntra;
const tenant = smallTenant();
beforeAll(async () => {
  e = await startEntra(tenant);
});
afterAll(() => e.close());

function authorize(params: Record<string, string>): string {
  const u = new URL(`${e.base}/${TID}/oauth2/v2.0/authorize`);
  u.search = new URLSearchParams({ client_id: BOT_ID, response_type: 'code', response_mode: 'fragment', redirect_uri: 'https://localhost:3978/auth-end.html', state: 'xyz', scope: `${TENANT_DESK_SCOPES.join(' ')} openid profile`, ...params }).toString();
  return u.toString();
}

const obo = (user: string) =>
  postForm(`${e.base}/${TID}/oauth2/v2.0/token`, { grant_type: GRANT.onBehalfOf, requested_token_use: 'on_behalf_of', client_id: BOT_ID, client_secret: BOT_SECRET, scope: TENANT_DESK_SCOPES.join(' '), assertion: e.entra.mintSsoToken(user) }, e.ca);

describe('consent prompt', () => {
  it('shows the user the requested permissions; Accept records a Principal grant, redirects with a code, and OBO then works', async () => {
    expect((await obo('henrietta@contoso.com')).status).toBe(400);
    const result = await walkConsent({ url: authorize({ login_hint: 'henrietta@contoso.com' }), user: 'henrietta@contoso.com', entraBase: e.base, ca: e.ca });
    expect(result.prompted).toBe(true);
    expect(result.permissions).toEqual(['openid profile', ...TENANT_DESK_SCOPES]);
    expect(result.status).toBe(302);
    expect(result.location).toMatch(/^https:\/\/localhost:3978\/auth-end\.html#code=/);
    expect(result.state).toBe('xyz');
    expect(typeof result.code).toBe('string');
    expect(e.entra.consentedScopes('henrietta@contoso.com').sort()).toEqual([...TENANT_DESK_SCOPES].sort());
    // Recorded on the tenant data the emulators serve (what Graph's /oauth2PermissionGrants returns).
    expect(tenant.data.oauth2PermissionGrants.filter((g) => g.principalId === ids.henrietta)).toEqual([
      expect.objectContaining({ clientId: ids.botSp, resourceId: ids.graphSp, consentType: 'Principal', scope: TENANT_DESK_SCOPES.join(' ') }),
    ]);
    expect((await obo('henrietta@contoso.com')).status).toBe(200);
  });

  it('sends a user who already consented straight back, unless prompt=consent', async () => {
    const direct = await walkConsent({ url: authorize({}), user: 'adele@contoso.com', entraBase: e.base, ca: e.ca });
    expect(direct).toMatchObject({ status: 302, prompted: false, state: 'xyz' });
    const forced = await walkConsent({ url: authorize({ prompt: 'consent' }), user: 'adele@contoso.com', entraBase: e.base, ca: e.ca });
    expect(forced.prompted).toBe(true);
  });

  it('redirects with access_denied when the user cancels', async () => {
    const result = await walkConsent({ url: authorize({ response_mode: 'query' }), user: 'megan@contoso.com', entraBase: e.base, ca: e.ca, decline: true });
    expect(result.location).toMatch(/^https:\/\/localhost:3978\/auth-end\.html\?error=access_denied/);
    expect(result.errorDescription).toMatch(/^AADSTS65004/);
    expect(e.entra.consentedScopes('megan@contoso.com')).toEqual(['User.Read']);
  });

  it('shows an error page (no redirect) for a redirect URI the app did not register', async () => {
    const res = await httpCall(authorize({ client_id: HELPER_ID, redirect_uri: 'https://evil.example/cb', login_hint: 'adele@contoso.com' }), { ca: e.ca });
    expect(res.status).toBe(400);
    expect(res.headers.location).toBeUndefined();
    expect(res.text).toContain('AADSTS50011');
    const registered = await httpCall(authorize({ client_id: HELPER_ID, redirect_uri: 'https://reporter.contoso.com/callback', scope: 'User.Read', login_hint: 'adele@contoso.com' }), { ca: e.ca });
    expect(registered.status).toBe(200);
    expect(registered.text).toContain('Permissions requested');
  });

  it('builds the authorize request from a teams-ai sign-in link, and the code redeems with PKCE', async () => {
    // A stand-in for the bot's auth-start page: script builds the authorize URL, which the walker does in its place.
    const page = createServer((_req, res) => res.writeHead(200, { 'Content-Type': 'text/html' }).end('<script>/* redirect to Entra */</script>'));
    await new Promise<void>((ok) => page.listen(0, '127.0.0.1', ok));
    try {
      const origin = `http://127.0.0.1:${(page.address() as AddressInfo).port}`;
      const link = `${origin}/auth-start.html?scope=${encodeURIComponent('User.Read')}&clientId=${BOT_ID}&tenantId=${TID}`;
      const viaLink = await walkConsent({ url: link, user: 'megan@contoso.com', entraBase: e.base, ca: e.ca });
      expect(viaLink.location?.startsWith(`${origin}/auth-end.html#code=`)).toBe(true);
    } finally {
      page.close();
    }

    const verifier = randomBytes(32).toString('base64url');
    const challenge = createHash('sha256').update(verifier).digest('base64url');
    const walked = await walkConsent({ url: authorize({ scope: 'User.Read openid offline_access', code_challenge: challenge, code_challenge_method: 'S256' }), user: 'patti@contoso.com', entraBase: e.base, ca: e.ca });
    const redeem = (v: string) =>
      postForm(`${e.base}/${TID}/oauth2/v2.0/token`, { grant_type: GRANT.authorizationCode, client_id: BOT_ID, client_secret: BOT_SECRET, code: walked.code!, redirect_uri: 'https://localhost:3978/auth-end.html', code_verifier: v }, e.ca);
    const wrong = await redeem('not-the-verifier');
    expect(wrong.body).toMatchObject({ error: 'invalid_grant', error_codes: [501481] });
    const ok = await redeem(verifier);
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ scope: 'User.Read openid offline_access' });
  });

  it('asks who is signing in when there is no login_hint', async () => {
    const res = await httpCall(authorize({}), { ca: e.ca });
    expect(res.status).toBe(200);
    expect(res.text).toContain('name="login_hint"');
  });
});
