// Discovery documents and keys, as MSAL and botbuilder fetch them.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { httpCall, postForm } from '../../../devtenant/channel/http-client.ts';
import { loadOrCreateKeys } from '../../../devtenant/entra/keystore.ts';
import { GRANT } from '../../../devtenant/entra/well-known.ts';
import { BOT_ID, BOT_SECRET, TID, smallTenant } from './small-tenant.ts';
import { startEntra, type RunningEntra } from './serve.ts';

let e: RunningEntra;
beforeAll(async () => {
  e = await startEntra(smallTenant());
});
afterAll(() => e.close());

const get = (path: string) => httpCall(`${e.base}${path}`, { ca: e.ca });

describe('OpenID configuration', () => {
  it('points every endpoint of a tenant (by id or verified domain) back at the emulator', async () => {
    for (const t of [TID, 'contoso.com', 'CONTOSO.onmicrosoft.com']) {
      const res = await get(`/${t}/v2.0/.well-known/openid-configuration`);
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({
        issuer: `${e.base}/${TID}/v2.0`,
        token_endpoint: `${e.base}/${TID}/oauth2/v2.0/token`,
        authorization_endpoint: `${e.base}/${TID}/oauth2/v2.0/authorize`,
        jwks_uri: `${e.base}/${TID}/discovery/v2.0/keys`,
        id_token_signing_alg_values_supported: ['RS256'],
      });
    }
  });

  it('keeps {tenantid} in the issuer for common and organizations, and the alias in the endpoints', async () => {
    const res = await get('/organizations/v2.0/.well-known/openid-configuration');
    expect(res.body).toMatchObject({ issuer: `${e.base}/{tenantid}/v2.0`, token_endpoint: `${e.base}/organizations/oauth2/v2.0/token` });
    const v1 = await get('/common/.well-known/openid-configuration');
    expect(v1.body).toMatchObject({ issuer: 'https://sts.windows.net/{tenantid}/', jwks_uri: `${e.base}/common/discovery/keys` });
  });

  it('serves botframework.com as a tenant of its own', async () => {
    const res = await get('/botframework.com/v2.0/.well-known/openid-configuration');
    expect(res.body).toMatchObject({ issuer: `${e.base}/d6d49420-f39b-4df7-a1dc-d59a935871db/v2.0` });
  });

  it('answers an unknown tenant with 400 invalid_tenant (AADSTS90002)', async () => {
    const res = await get('/fabrikam.com/v2.0/.well-known/openid-configuration');
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ error: 'invalid_tenant', error_codes: [90002] });
  });
});

describe('signing keys', () => {
  it('publishes the key tokens are signed with', async () => {
    const res = await get(`/${TID}/discovery/v2.0/keys`);
    const keys = (res.body as { keys: Record<string, unknown>[] }).keys;
    expect(keys).toHaveLength(1);
    expect(keys[0]).toMatchObject({ kty: 'RSA', use: 'sig', kid: e.entra.keys()[0]!.kid, e: 'AQAB', issuer: `${e.base}/${TID}/v2.0` });
    expect(String(keys[0]!.n).length).toBeGreaterThan(300);
    const common = await get('/common/discovery/v2.0/keys');
    expect((common.body as { keys: { kid: string }[] }).keys[0]!.kid).toBe(e.entra.keys()[0]!.kid);
  });
});

describe('instance discovery', () => {
  it('vouches for its own host and refuses others with invalid_instance', async () => {
    const mine = await get(`/common/discovery/instance?api-version=1.1&authorization_endpoint=${encodeURIComponent(`${e.base}/${TID}/oauth2/v2.0/authorize`)}`);
    expect(mine.body).toMatchObject({ tenant_discovery_endpoint: `${e.base}/${TID}/v2.0/.well-known/openid-configuration`, 'api-version': '1.1' });
    expect((mine.body as { metadata: { aliases: string[] }[] }).metadata[0]!.aliases).toContain(`localhost:${e.port}`);
    const other = await get(`/common/discovery/instance?api-version=1.1&authorization_endpoint=${encodeURIComponent('https://evil.example/x/oauth2/v2.0/authorize')}`);
    expect(other.status).toBe(400);
    expect(other.body).toMatchObject({ error: 'invalid_instance', error_codes: [50049] });
  });
});

describe('restart', () => {
  it('keeps keys on disk, so a refresh token issued before a restart is redeemed after it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'devtenant-keys-'));
    try {
      const keys = loadOrCreateKeys(dir, 'entra');
      expect(loadOrCreateKeys(dir, 'entra')[0]!.kid).toBe(keys[0]!.kid);
      const before = await startEntra(smallTenant(), { keys: loadOrCreateKeys(dir, 'entra') });
      const obo = await postForm(`${before.base}/${TID}/oauth2/v2.0/token`, {
        grant_type: GRANT.onBehalfOf, requested_token_use: 'on_behalf_of', client_id: BOT_ID, client_secret: BOT_SECRET,
        scope: 'User.Read offline_access', assertion: before.entra.mintSsoToken('adele@contoso.com'),
      }, before.ca);
      await before.close();
      const rt = (obo.body as { refresh_token: string }).refresh_token;
      const after = await startEntra(smallTenant(), { keys: loadOrCreateKeys(dir, 'entra') });
      try {
        const redeemed = await postForm(`${after.base}/${TID}/oauth2/v2.0/token`, { grant_type: GRANT.refreshToken, client_id: BOT_ID, client_secret: BOT_SECRET, refresh_token: rt, scope: 'User.Read' }, after.ca);
        expect(redeemed.status).toBe(200);
      } finally {
        await after.close();
      }
      const stranger = await startEntra(smallTenant());
      try {
        const refused = await postForm(`${stranger.base}/${TID}/oauth2/v2.0/token`, { grant_type: GRANT.refreshToken, client_id: BOT_ID, client_secret: BOT_SECRET, refresh_token: rt }, stranger.ca);
        expect(refused.status).toBe(400);
      } finally {
        await stranger.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
