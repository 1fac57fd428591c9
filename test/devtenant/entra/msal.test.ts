// The Entra emulator against the bot's real client: msal-node's ConfidentialClientApplication.
import { ConfidentialClientApplication, InteractionRequiredAuthError, type AuthenticationResult, type INetworkModule, type NetworkRequestOptions, type NetworkResponse } from '@azure/msal-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeJwt } from '../../../devtenant/shared/jwt.ts';
import { httpCall } from '../../../devtenant/channel/http-client.ts';
import { GRANT, TENANT_DESK_SCOPES } from '../../../devtenant/entra/well-known.ts';
import { BOT_ID, BOT_SECRET, HELPER_ID, HELPER_SECRET, TID, ids, smallTenant } from './small-tenant.ts';
import { startEntra, type RunningEntra } from './serve.ts';

let e: RunningEntra;
beforeAll(async () => {
  e = await startEntra(smallTenant());
});
afterAll(() => e.close());

function cca(clientId = BOT_ID, clientSecret = BOT_SECRET): ConfidentialClientApplication {
  return new ConfidentialClientApplication({
    auth: { clientId, clientSecret, authority: `${e.base}/${TID}`, knownAuthorities: [`localhost:${e.port}`] },
    system: { customAgentOptions: { ca: e.ca } },
  });
}

const claimsOf = (r: AuthenticationResult | null) => decodeJwt(r!.accessToken).claims;

describe('acquireTokenOnBehalfOf', () => {
  it('exchanges a Teams SSO token for a Graph token with the user, the granted scopes and an account MSAL can find again', async () => {
    const app = cca();
    const mark = e.log.mark();
    const result = await app.acquireTokenOnBehalfOf({ oboAssertion: e.entra.mintSsoToken('adele@contoso.com'), scopes: TENANT_DESK_SCOPES });
    const c = claimsOf(result);
    expect(c).toMatchObject({ aud: 'https://graph.microsoft.com', iss: `https://sts.windows.net/${TID}/`, tid: TID, oid: ids.adele, upn: 'adele@contoso.com', appid: BOT_ID, idtyp: 'user', ver: '1.0' });
    expect(String(c.scp).split(' ').sort()).toEqual([...TENANT_DESK_SCOPES].sort());
    expect(Number(c.exp) - Number(c.iat)).toBe(3600);
    expect(result!.account?.localAccountId).toBe(ids.adele);
    expect(result!.account?.tenantId).toBe(TID);
    expect(result!.idTokenClaims).toMatchObject({ oid: ids.adele, tid: TID, aud: BOT_ID, preferred_username: 'adele@contoso.com' });
    expect(result!.fromCache).toBe(false);

    const account = await app.getTokenCache().getAccountByLocalId(ids.adele);
    expect(account?.homeAccountId).toBe(`${ids.adele}.${TID}`);

    const token = e.log.since(mark, 'entra').find((r) => r.kind === GRANT.onBehalfOf);
    expect(token).toMatchObject({ status: 200, userOid: ids.adele, method: 'POST' });
  });

  it('answers the same assertion from MSAL\'s cache and a new assertion from the network', async () => {
    const app = cca();
    const assertion = e.entra.mintSsoToken('patti@contoso.com');
    await app.acquireTokenOnBehalfOf({ oboAssertion: assertion, scopes: TENANT_DESK_SCOPES });
    const again = await app.acquireTokenOnBehalfOf({ oboAssertion: assertion, scopes: TENANT_DESK_SCOPES });
    expect(again!.fromCache).toBe(true);
    const fresh = await app.acquireTokenOnBehalfOf({ oboAssertion: e.entra.mintSsoToken('patti@contoso.com'), scopes: TENANT_DESK_SCOPES });
    expect(fresh!.fromCache).toBe(false);
    expect(claimsOf(fresh).wids).toEqual(['62e90394-69f5-4237-9190-012177145e10']);
  });

  it('turns missing consent into InteractionRequiredAuthError with AADSTS65001', async () => {
    const err = await cca().acquireTokenOnBehalfOf({ oboAssertion: e.entra.mintSsoToken('henrietta@contoso.com'), scopes: TENANT_DESK_SCOPES }).catch((x: unknown) => x);
    expect(err).toBeInstanceOf(InteractionRequiredAuthError);
    const ia = err as InteractionRequiredAuthError;
    expect(ia.errorCode).toBe('invalid_grant');
    expect(ia.subError).toBe('consent_required');
    expect(ia.errorMessage).toContain(`AADSTS65001: The user or administrator has not consented to use the application with ID '${BOT_ID}' named 'Tenant Desk'`);
  });

  it('asks for consent when only some of the requested permissions are granted', async () => {
    const err = await cca().acquireTokenOnBehalfOf({ oboAssertion: e.entra.mintSsoToken('megan@contoso.com'), scopes: TENANT_DESK_SCOPES }).catch((x: unknown) => x);
    expect(err).toBeInstanceOf(InteractionRequiredAuthError);
    const ok = await cca().acquireTokenOnBehalfOf({ oboAssertion: e.entra.mintSsoToken('megan@contoso.com'), scopes: ['User.Read'] });
    expect(claimsOf(ok).scp).toBe('User.Read');
  });

  it('refuses a wrong client secret with invalid_client', async () => {
    const err = await cca(BOT_ID, 'not-the-secret').acquireTokenOnBehalfOf({ oboAssertion: e.entra.mintSsoToken('adele@contoso.com'), scopes: ['User.Read'] }).catch((x: unknown) => x as { errorCode?: string; errorMessage?: string });
    expect(err).toMatchObject({ errorCode: 'invalid_client' });
    expect((err as { errorMessage: string }).errorMessage).toContain('AADSTS7000215');
  });
});

describe('acquireTokenByClientCredential', () => {
  it('gives the bot a Bot Framework token: aud api.botframework.com, appid = the bot, no roles', async () => {
    const result = await cca().acquireTokenByClientCredential({ scopes: ['https://api.botframework.com/.default'], skipCache: true });
    const c = claimsOf(result);
    expect(c).toMatchObject({ aud: 'https://api.botframework.com', appid: BOT_ID, tid: TID, idtyp: 'app' });
    expect(c.roles).toBeUndefined();
    expect(c.scp).toBeUndefined();
    expect(result!.account).toBeNull();
  });

  it('gives an app-only Graph token with the roles assigned to the client\'s service principal', async () => {
    const helper = claimsOf(await cca(HELPER_ID, HELPER_SECRET).acquireTokenByClientCredential({ scopes: ['https://graph.microsoft.com/.default'] }));
    expect(helper).toMatchObject({ aud: 'https://graph.microsoft.com', appid: HELPER_ID, oid: ids.helperSp, idtyp: 'app', roles: ['User.Read.All'] });
    const bot = claimsOf(await cca().acquireTokenByClientCredential({ scopes: ['https://graph.microsoft.com/.default'] }));
    expect(bot.roles).toBeUndefined();
    expect(bot.oid).toBe(ids.botSp);
  });
});

describe('acquireTokenSilent', () => {
  it('refreshes an expired OBO token with the refresh token, and asks for consent again once it is revoked', async () => {
    e.entra.setLifetimes({ accessToken: 60 }); // inside MSAL's 5-minute renewal window: expired at once
    try {
      const app = cca();
      const first = await app.acquireTokenOnBehalfOf({ oboAssertion: e.entra.mintSsoToken('patti@contoso.com'), scopes: TENANT_DESK_SCOPES });
      const account = await app.getTokenCache().getAccountByLocalId(ids.patti);
      expect(account).not.toBeNull();
      const mark = e.log.mark();
      const silent = await app.acquireTokenSilent({ account: account!, scopes: TENANT_DESK_SCOPES });
      expect(silent!.fromCache).toBe(false);
      expect(silent!.accessToken).not.toBe(first!.accessToken);
      expect(claimsOf(silent).oid).toBe(ids.patti);
      const calls = e.log.since(mark, 'entra');
      expect(calls.map((c) => c.kind)).toEqual([GRANT.refreshToken]);
      expect(calls[0]!.userOid).toBe(ids.patti);

      expect(e.entra.revokeConsent('patti@contoso.com')).toBe(1);
      const err = await app.acquireTokenSilent({ account: account!, scopes: TENANT_DESK_SCOPES }).catch((x: unknown) => x);
      expect(err).toBeInstanceOf(InteractionRequiredAuthError);
      expect((err as InteractionRequiredAuthError).errorMessage).toContain('AADSTS65001');
    } finally {
      e.entra.setLifetimes({ accessToken: 3600 });
      e.entra.grantConsent('patti@contoso.com');
    }
  });

  it('answers from the cache while the token is fresh', async () => {
    const app = cca();
    await app.acquireTokenOnBehalfOf({ oboAssertion: e.entra.mintSsoToken('adele@contoso.com'), scopes: TENANT_DESK_SCOPES });
    const account = await app.getTokenCache().getAccountByLocalId(ids.adele);
    const silent = await app.acquireTokenSilent({ account: account!, scopes: TENANT_DESK_SCOPES });
    expect(silent!.fromCache).toBe(true);
  });
});

describe('an authority MSAL does not know', () => {
  it('passes instance discovery at /common/discovery/instance and then uses the tenant metadata', async () => {
    // Without knownAuthorities MSAL asks login.microsoftonline.com whether the host is an Entra
    // instance; a network client routes that one call to the emulator, as a proxy would.
    const seen: string[] = [];
    const route = (url: string) => {
      seen.push(url);
      return url.replace('https://login.microsoftonline.com', e.base);
    };
    const call = async <T>(url: string, method: string, options?: NetworkRequestOptions): Promise<NetworkResponse<T>> => {
      const res = await httpCall(route(url), { method, headers: (options?.headers ?? {}) as Record<string, string>, ...(options?.body ? { body: options.body } : {}), ca: e.ca });
      return { status: res.status, headers: res.headers as Record<string, string>, body: res.body as T };
    };
    const networkClient: INetworkModule = {
      sendGetRequestAsync: (url, options) => call(url, 'GET', options),
      sendPostRequestAsync: (url, options) => call(url, 'POST', options),
    };
    const app = new ConfidentialClientApplication({ auth: { clientId: BOT_ID, clientSecret: BOT_SECRET, authority: `${e.base}/contoso.com` }, system: { networkClient } });
    const result = await app.acquireTokenByClientCredential({ scopes: ['https://api.botframework.com/.default'] });
    expect(claimsOf(result).aud).toBe('https://api.botframework.com');
    expect(seen[0]).toMatch(/^https:\/\/login\.microsoftonline\.com\/common\/discovery\/instance\?api-version=1\.1&authorization_endpoint=/);
    expect(seen[1]).toBe(`${e.base}/contoso.com/v2.0/.well-known/openid-configuration`);
    // MSAL puts the authority's tenant (the domain) back into the endpoint it was given.
    expect(seen[2]).toMatch(new RegExp(`^${e.base}/contoso.com/oauth2/v2.0/token\\?client-request-id=`));
  });
});
