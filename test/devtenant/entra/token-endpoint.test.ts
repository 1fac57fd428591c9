// The token endpoint on the wire: Entra's status codes and error bodies for each kind of mistake.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postForm, type HttpResult } from '../../../devtenant/channel/http-client.ts';
import { decodeJwt, newSigningKey, signJwt } from '../../../devtenant/shared/jwt.ts';
import { GRANT } from '../../../devtenant/entra/well-known.ts';
import { BOT_ID, BOT_SECRET, HELPER_ID, HELPER_SECRET, TID, ids, smallTenant } from './small-tenant.ts';
import { startEntra, type RunningEntra } from './serve.ts';

let e: RunningEntra;
beforeAll(async () => {
  e = await startEntra(smallTenant());
});
afterAll(() => e.close());

const token = (form: Record<string, string>, tenant = TID) => postForm(`${e.base}/${tenant}/oauth2/v2.0/token`, form, e.ca);
const obo = (assertion: string, extra: Record<string, string> = {}) =>
  token({ grant_type: GRANT.onBehalfOf, requested_token_use: 'on_behalf_of', client_id: BOT_ID, client_secret: BOT_SECRET, scope: 'User.Read openid profile offline_access', assertion, client_info: '1', ...extra });

function aad(res: HttpResult) {
  return res.body as { error: string; error_description: string; error_codes: number[]; suberror?: string; correlation_id: string; trace_id: string; timestamp: string };
}

describe('OBO assertion checks', () => {
  it('refuses an expired assertion with AADSTS500133', async () => {
    const res = await obo(e.entra.mintSsoToken('adele@contoso.com', { lifetimeSeconds: -600 }));
    expect(res.status).toBe(400);
    expect(aad(res)).toMatchObject({ error: 'invalid_grant', error_codes: [500133] });
  });

  it('refuses an assertion for another audience with AADSTS500131', async () => {
    const res = await obo(e.entra.mintSsoToken('adele@contoso.com', { audience: 'api://some-other-app' }));
    expect(res.status).toBe(400);
    expect(aad(res).error).toBe('invalid_grant');
    expect(aad(res).error_description).toMatch(/^AADSTS500131: Assertion audience does not match the Client app presenting the assertion\. The audience in the assertion was 'api:\/\/some-other-app'/);
  });

  it('accepts the client id itself as the audience', async () => {
    const res = await obo(e.entra.mintSsoToken('adele@contoso.com', { audience: BOT_ID }));
    expect(res.status).toBe(200);
  });

  it('refuses an assertion signed with a key Entra does not have (AADSTS50013)', async () => {
    const good = decodeJwt(e.entra.mintSsoToken('adele@contoso.com')).claims;
    const res = await obo(signJwt(good, newSigningKey()));
    expect(res.status).toBe(400);
    expect(aad(res)).toMatchObject({ error: 'invalid_grant', error_codes: [50013] });
    expect(aad(res).error_description).toContain('Assertion failed signature validation');
  });

  it('refuses a token without access_as_user, and garbage as malformed', async () => {
    expect(aad(await obo(e.entra.mintSsoToken('adele@contoso.com', { scp: 'User.Read' }))).error_codes).toEqual([50013]);
    const junk = await obo('not-a-jwt');
    expect(junk.status).toBe(400);
    expect(aad(junk)).toMatchObject({ error: 'invalid_request', error_codes: [50027] });
  });

  it('refuses a disabled account with AADSTS50057', async () => {
    const res = await obo(e.entra.mintSsoToken('lee@contoso.com'));
    expect(aad(res)).toMatchObject({ error: 'invalid_grant', error_codes: [50057] });
  });

  it('returns the 65001 body exactly as MSAL and the bot read it', async () => {
    const res = await postForm(`${e.base}/${TID}/oauth2/v2.0/token?client-request-id=abc-123`, {
      grant_type: GRANT.onBehalfOf, requested_token_use: 'on_behalf_of', client_id: BOT_ID, client_secret: BOT_SECRET, scope: 'User.Read.All', assertion: e.entra.mintSsoToken('henrietta@contoso.com'),
    }, e.ca);
    expect(res.status).toBe(400);
    const body = aad(res);
    expect(body).toMatchObject({ error: 'invalid_grant', error_codes: [65001], suberror: 'consent_required', correlation_id: 'abc-123' });
    expect(body.error_description).toMatch(/^AADSTS65001: The user or administrator has not consented to use the application with ID '17766803-da67-4b3a-867c-4fd0dde150b2' named 'Tenant Desk'\. Send an interactive authorization request for this user and resource\.\r\nTrace ID: [0-9a-f-]{36}\r\nCorrelation ID: abc-123\r\nTimestamp: \d{4}-\d\d-\d\d \d\d:\d\d:\d\dZ$/);
    expect(body.timestamp).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\dZ$/);
  });

  it('returns id_token, refresh_token and client_info only when asked (openid, offline_access, client_info=1)', async () => {
    const full = (await obo(e.entra.mintSsoToken('adele@contoso.com'))).body as Record<string, unknown>;
    expect(full).toMatchObject({ token_type: 'Bearer', scope: 'User.Read openid profile offline_access', expires_in: 3600, ext_expires_in: 3600 });
    expect(JSON.parse(Buffer.from(String(full.client_info), 'base64url').toString())).toEqual({ uid: ids.adele, utid: TID });
    expect(decodeJwt(String(full.id_token)).claims).toMatchObject({ oid: ids.adele, tid: TID, aud: BOT_ID, preferred_username: 'adele@contoso.com', name: 'Adele Vance', ver: '2.0' });
    expect(typeof full.refresh_token).toBe('string');
    const bare = (await obo(e.entra.mintSsoToken('adele@contoso.com'), { scope: 'https://graph.microsoft.com/User.Read', client_info: '0' })).body as Record<string, unknown>;
    expect(bare.scope).toBe('User.Read');
    expect(bare.id_token).toBeUndefined();
    expect(bare.refresh_token).toBeUndefined();
    expect(bare.client_info).toBeUndefined();
  });
});

describe('request errors', () => {
  it('names the missing parameter (AADSTS900144)', async () => {
    const noGrant = await token({ client_id: BOT_ID });
    expect(noGrant.status).toBe(400);
    expect(aad(noGrant)).toMatchObject({ error: 'invalid_request', error_codes: [900144] });
    expect(aad(noGrant).error_description).toContain("'grant_type'");
    const noAssertion = await token({ grant_type: GRANT.onBehalfOf, requested_token_use: 'on_behalf_of', client_id: BOT_ID, client_secret: BOT_SECRET, scope: 'User.Read' });
    expect(aad(noAssertion).error_description).toContain("'assertion'");
  });

  it('refuses unsupported grant types, unknown tenants and unknown clients', async () => {
    const pw = await token({ grant_type: 'password', client_id: BOT_ID, username: 'adele@contoso.com', password: 'x' });
    expect(aad(pw)).toMatchObject({ error: 'unsupported_grant_type', error_codes: [70003] });
    const tenant = await token({ grant_type: GRANT.clientCredentials, client_id: BOT_ID, client_secret: BOT_SECRET, scope: 'https://graph.microsoft.com/.default' }, 'fabrikam.com');
    expect(tenant.status).toBe(400);
    expect(aad(tenant)).toMatchObject({ error: 'invalid_request', error_codes: [90002] });
    const client = await token({ grant_type: GRANT.clientCredentials, client_id: '00000000-1111-2222-3333-444444444444', client_secret: 'x', scope: 'https://graph.microsoft.com/.default' });
    expect(aad(client)).toMatchObject({ error: 'unauthorized_client', error_codes: [700016] });
  });

  it('answers client authentication failures with 401 invalid_client', async () => {
    const wrong = await token({ grant_type: GRANT.clientCredentials, client_id: BOT_ID, client_secret: 'nope', scope: 'https://api.botframework.com/.default' });
    expect(wrong.status).toBe(401);
    expect(aad(wrong)).toMatchObject({ error: 'invalid_client', error_codes: [7000215] });
    const missing = await token({ grant_type: GRANT.clientCredentials, client_id: BOT_ID, scope: 'https://api.botframework.com/.default' });
    expect(missing.status).toBe(401);
    expect(aad(missing)).toMatchObject({ error: 'invalid_client', error_codes: [7000218] });
  });

  it('insists on {resource}/.default for client credentials and on one resource per request', async () => {
    const notDefault = await token({ grant_type: GRANT.clientCredentials, client_id: BOT_ID, client_secret: BOT_SECRET, scope: 'https://graph.microsoft.com/User.Read.All' });
    expect(aad(notDefault)).toMatchObject({ error: 'invalid_scope', error_codes: [1002012] });
    const unknown = await token({ grant_type: GRANT.clientCredentials, client_id: BOT_ID, client_secret: BOT_SECRET, scope: 'https://vault.azure.net/.default' });
    expect(aad(unknown)).toMatchObject({ error: 'invalid_resource', error_codes: [500011] });
    const mixed = await obo(e.entra.mintSsoToken('adele@contoso.com'), { scope: 'User.Read https://api.botframework.com/Foo' });
    expect(aad(mixed).error_codes).toEqual([28000]);
    const bogus = await obo(e.entra.mintSsoToken('adele@contoso.com'), { scope: 'User.Fly' });
    expect(aad(bogus)).toMatchObject({ error: 'invalid_scope', error_codes: [70011] });
  });

  it('issues Bot Framework tokens from the botframework.com tenant too, with its tenant id', async () => {
    const res = await token({ grant_type: GRANT.clientCredentials, client_id: BOT_ID, client_secret: BOT_SECRET, scope: 'https://api.botframework.com/.default' }, 'botframework.com');
    expect(res.status).toBe(200);
    const body = res.body as Record<string, unknown>;
    expect(Object.keys(body).sort()).toEqual(['access_token', 'expires_in', 'ext_expires_in', 'token_type']);
    expect(decodeJwt(String(body.access_token)).claims).toMatchObject({ aud: 'https://api.botframework.com', appid: BOT_ID, tid: 'd6d49420-f39b-4df7-a1dc-d59a935871db' });
  });
});

describe('refresh tokens', () => {
  async function refreshTokenFor(user: string): Promise<string> {
    const body = (await obo(e.entra.mintSsoToken(user))).body as { refresh_token: string };
    return body.refresh_token;
  }

  it('redeems for the same client only', async () => {
    const rt = await refreshTokenFor('adele@contoso.com');
    const ok = await token({ grant_type: GRANT.refreshToken, client_id: BOT_ID, client_secret: BOT_SECRET, refresh_token: rt, scope: 'User.Read openid offline_access' });
    expect(ok.status).toBe(200);
    expect(decodeJwt(String((ok.body as { access_token: string }).access_token)).claims.oid).toBe(ids.adele);
    const other = await token({ grant_type: GRANT.refreshToken, client_id: HELPER_ID, client_secret: HELPER_SECRET, refresh_token: rt });
    expect(other.status).toBe(400);
    expect(aad(other)).toMatchObject({ error: 'invalid_grant', error_codes: [70000] });
  });

  it('refuses an expired or tampered refresh token with invalid_grant', async () => {
    e.entra.setLifetimes({ refreshToken: -10 });
    let expired: string;
    try {
      expired = await refreshTokenFor('adele@contoso.com');
    } finally {
      e.entra.setLifetimes({ refreshToken: 90 * 24 * 3600 });
    }
    const res = await token({ grant_type: GRANT.refreshToken, client_id: BOT_ID, client_secret: BOT_SECRET, refresh_token: expired });
    expect(aad(res)).toMatchObject({ error: 'invalid_grant', error_codes: [700082] });
    const tampered = await token({ grant_type: GRANT.refreshToken, client_id: BOT_ID, client_secret: BOT_SECRET, refresh_token: `${await refreshTokenFor('adele@contoso.com')}x` });
    expect(aad(tampered)).toMatchObject({ error: 'invalid_grant', error_codes: [9002313] });
  });
});

describe('faults and the request log', () => {
  it('fails a request as the fault rule says, with Retry-After and an AAD-shaped body, then recovers', async () => {
    e.faults.add({ service: 'entra', match: '/oauth2/v2\\.0/token', status: 503, retryAfter: 7, times: 1 });
    const mark = e.log.mark();
    const failed = await token({ grant_type: GRANT.clientCredentials, client_id: BOT_ID, client_secret: BOT_SECRET, scope: 'https://api.botframework.com/.default' });
    expect(failed.status).toBe(503);
    expect(failed.headers['retry-after']).toBe('7');
    expect(aad(failed).error).toBe('temporarily_unavailable');
    const ok = await token({ grant_type: GRANT.clientCredentials, client_id: BOT_ID, client_secret: BOT_SECRET, scope: 'https://api.botframework.com/.default' });
    expect(ok.status).toBe(200);
    expect(e.log.since(mark, 'entra').map((r) => r.status)).toEqual([503, 200]);
  });
});
