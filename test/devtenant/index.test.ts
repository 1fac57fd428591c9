// The composed dev tenant: Entra, Graph and the channel on ephemeral ports over one tenant folder,
// the control API, the bot's environment (a real botbuilder bot configured from botEnv() alone), and
// the CLI that runs it as a separate process.
import { ConfidentialClientApplication } from '@azure/msal-node';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { httpCall, postJson } from '../../devtenant/channel/http-client.ts';
import { startDevTenant, type DevTenant } from '../../devtenant/index.ts';
import { TENANT_DESK_SCOPES } from '../../devtenant/entra/well-known.ts';
import { decodeJwt } from '../../devtenant/shared/jwt.ts';
import { writeTenant } from '../../devtenant/tenant/generate.ts';
import { BOT_ID, BOT_SECRET, TID, ids, smallTenant } from './entra/small-tenant.ts';
import { startTestBot, type TestBot } from './channel/test-bot.ts';

const work = mkdtempSync(join(tmpdir(), 'devtenant-index-'));
const tenantDir = join(work, 'tenant');
writeTenant(smallTenant().data, tenantDir);

let dt: DevTenant;
let bot: TestBot;

/** The bot's configuration from botEnv(), mapped the way the product's config maps it. */
function botbuilderConfig(env: Record<string, string>): Record<string, string> {
  return {
    MicrosoftAppId: env.BOT_ID!,
    MicrosoftAppPassword: env.BOT_PASSWORD!,
    MicrosoftAppType: 'SingleTenant',
    MicrosoftAppTenantId: env.BOT_TENANT_ID!,
    ToBotFromChannelOpenIdMetadataUrl: env.BF_OPENID_METADATA_URL!,
    ToBotFromChannelTokenIssuer: env.BF_TOKEN_ISSUER!,
    ToChannelFromBotLoginUrl: env.BF_LOGIN_URL!,
    ToChannelFromBotOAuthScope: env.BF_OAUTH_SCOPE!,
    OAuthUrl: env.BF_OAUTH_URL!,
    ToBotFromEmulatorOpenIdMetadataUrl: env.BF_EMULATOR_OPENID_METADATA_URL!,
    CallerId: env.BF_CALLER_ID!,
  };
}

beforeAll(async () => {
  dt = await startDevTenant({ tenant: tenantDir, keysDir: join(work, 'keys') });
  const env = dt.botEnv();
  bot = await startTestBot({ config: botbuilderConfig(env), authority: env.BF_LOGIN_URL!, ca: readFileSync(env.TRUSTED_CA_FILE!, 'utf8') });
  dt.botEnv(bot.endpoint);
});
afterAll(async () => {
  await bot?.close();
  await dt?.close();
  rmSync(work, { recursive: true, force: true });
});

describe('startDevTenant', () => {
  it('serves Entra and Graph over HTTPS the dev CA signs, and the channel over HTTP', async () => {
    expect(dt.urls.entra).toMatch(/^https:\/\/localhost:\d+$/);
    expect(dt.urls.graph).toMatch(/^https:\/\/localhost:\d+$/);
    expect(dt.urls.channel).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(dt.urls.serviceUrl).toBe(`${dt.urls.channel}/amer/`);
    const meta = await httpCall(`${dt.urls.entra}/${TID}/v2.0/.well-known/openid-configuration`, { ca: dt.ca });
    expect(meta.body).toMatchObject({ issuer: `${dt.urls.entra}/${TID}/v2.0` });
    const graph = await httpCall(`${dt.urls.graph}/v1.0/me`, { ca: dt.ca });
    expect(graph.status).toBe(401);
    const channelMeta = await httpCall(dt.urls.openIdMetadata);
    expect(channelMeta.body).toMatchObject({ jwks_uri: `${dt.urls.channel}/v1/keys` });
  });

  it('gives Graph the Entra keys: an OBO token from MSAL reads /me as the user', async () => {
    const cca = new ConfidentialClientApplication({
      auth: { clientId: BOT_ID, clientSecret: BOT_SECRET, authority: `${dt.urls.entra}/${TID}`, knownAuthorities: [new URL(dt.urls.entra).host] },
      system: { customAgentOptions: { ca: dt.ca } },
    });
    const result = await cca.acquireTokenOnBehalfOf({ oboAssertion: dt.entra.mintSsoToken('adele@contoso.com'), scopes: TENANT_DESK_SCOPES });
    const me = await httpCall(`${dt.urls.graph}/v1.0/me`, { ca: dt.ca, headers: { Authorization: `Bearer ${result!.accessToken}` } });
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({ id: ids.adele, userPrincipalName: 'adele@contoso.com' });
    expect(dt.log.all().map((r) => r.service)).toEqual(expect.arrayContaining(['entra', 'graph']));
  });

  it('runs a real botbuilder bot configured from botEnv() alone: the driver\'s turn is accepted and the reply arrives', async () => {
    const turn = await dt.channel.personal('adele@contoso.com').send('hello');
    expect(bot.errors).toEqual([]);
    expect(turn.status).toBe(200);
    expect(turn.messages.map((m) => m.text)).toEqual(['you said hello']);
  });
});

describe('botEnv', () => {
  it('names every setting the bot reads, pointing at this dev tenant', () => {
    const env = dt.botEnv();
    expect(Object.keys(env).sort()).toEqual(
      ['AAD_AUTHORITY_HOST', 'BF_CALLER_ID', 'BF_EMULATOR_OPENID_METADATA_URL', 'BF_LOGIN_URL', 'BF_OAUTH_SCOPE', 'BF_OAUTH_URL', 'BF_OPENID_METADATA_URL', 'BF_TOKEN_ISSUER', 'BOT_ID', 'BOT_PASSWORD', 'BOT_TENANT_ID', 'GRAPH_BASE_URL', 'TRUSTED_CA_FILE'].sort(),
    );
    expect(env).toMatchObject({
      BOT_ID,
      BOT_PASSWORD: BOT_SECRET,
      BOT_TENANT_ID: TID,
      AAD_AUTHORITY_HOST: dt.urls.entra,
      GRAPH_BASE_URL: dt.urls.graph,
      BF_OPENID_METADATA_URL: dt.urls.openIdMetadata,
      BF_TOKEN_ISSUER: dt.urls.channel,
      BF_LOGIN_URL: `${dt.urls.entra}/${TID}`,
      BF_OAUTH_SCOPE: 'https://api.botframework.com',
      BF_OAUTH_URL: dt.urls.channel,
      BF_EMULATOR_OPENID_METADATA_URL: `${dt.urls.entra}/common/v2.0/.well-known/openid-configuration`,
      BF_CALLER_ID: 'urn:botframework:azure',
      TRUSTED_CA_FILE: dt.caFile,
    });
    expect(existsSync(env.TRUSTED_CA_FILE!)).toBe(true);
    expect(dt.botEnv({ sandboxSso: true }).SANDBOX_SSO_TOKEN_URL).toBe(`${dt.urls.channel}/_dev/sso-token`);
  });
});

describe('control API', () => {
  const control = (path: string) => `${dt.urls.control}${path}`;

  it('hands the sandbox an SSO token for a user, and 404 for someone not in the tenant', async () => {
    const res = await postJson(control('sso-token'), { user: 'patti@contoso.com' });
    expect(res.status).toBe(200);
    const body = res.body as { token: string; expires_in: number; user: { id: string } };
    expect(body.expires_in).toBe(3600);
    expect(body.user.id).toBe(ids.patti);
    expect(decodeJwt(body.token).claims).toMatchObject({ aud: `api://botid-${BOT_ID}`, scp: 'access_as_user', oid: ids.patti, iss: `${dt.urls.entra}/${TID}/v2.0` });
    expect((await postJson(control('sso-token'), { user: 'nobody@fabrikam.com' })).status).toBe(404);
  });

  it('sets, lists and clears fault rules that the services then apply', async () => {
    await httpCall(control('faults'), { method: 'PUT', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify([{ service: 'entra', match: 'openid-configuration', status: 503, retryAfter: 3 }]) });
    expect((await httpCall(control('faults'))).body).toEqual([{ service: 'entra', match: 'openid-configuration', status: 503, retryAfter: 3 }]);
    const failed = await httpCall(`${dt.urls.entra}/${TID}/v2.0/.well-known/openid-configuration`, { ca: dt.ca });
    expect(failed.status).toBe(503);
    expect(failed.headers['retry-after']).toBe('3');
    expect((await httpCall(control('faults'), { method: 'DELETE' })).status).toBe(204);
    expect((await httpCall(`${dt.urls.entra}/${TID}/v2.0/.well-known/openid-configuration`, { ca: dt.ca })).status).toBe(200);
  });

  it('reads the request log from a mark, by service, without logging itself', async () => {
    const mark = ((await httpCall(control('mark'))).body as { mark: number }).mark;
    await httpCall(`${dt.urls.entra}/common/discovery/v2.0/keys`, { ca: dt.ca });
    await httpCall(`${dt.urls.channel}/v1/keys`);
    const all = (await httpCall(control(`requests?since=${mark}`))).body as { service: string; url: string }[];
    expect(all.map((r) => `${r.service} ${r.url}`)).toEqual(['entra /common/discovery/v2.0/keys', 'channel /v1/keys']);
    const entraOnly = (await httpCall(control(`requests?since=${mark}&service=entra`))).body as unknown[];
    expect(entraOnly).toHaveLength(1);
    expect((await httpCall(control('requests?service=nope'))).status).toBe(400);
  });

  it('grants, reads and revokes a user\'s consent', async () => {
    const granted = await postJson(control('consent'), { user: 'henrietta@contoso.com', scopes: ['User.Read'] });
    expect(granted.body).toEqual({ user: 'henrietta@contoso.com', scopes: ['User.Read'] });
    const revoked = await httpCall(control('consent?user=henrietta@contoso.com'), { method: 'DELETE' });
    expect(revoked.body).toEqual({ user: 'henrietta@contoso.com', removed: 1, scopes: [] });
  });

  it('points the channel at the bot', async () => {
    const res = await httpCall(control('bot'), { method: 'PUT', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ endpoint: bot.endpoint }) });
    expect(res.status).toBe(200);
    expect(((await httpCall(control('info'))).body as { botEndpoint: string }).botEndpoint).toBe(bot.endpoint);
    expect((await httpCall(control('bot'), { method: 'PUT', body: '{}' })).status).toBe(400);
  });
});

describe('the sample tenant', () => {
  it('starts on contoso: OBO works for a consented user, a user without consent gets AADSTS65001, and IT Help is a team', async () => {
    const sample = await startDevTenant({ tenant: 'contoso', keysDir: false });
    try {
      expect(sample.tenant.tenantId).toBe(TID);
      expect(sample.botEnv().BOT_PASSWORD).toBe(BOT_SECRET);
      const cca = new ConfidentialClientApplication({
        auth: { clientId: BOT_ID, clientSecret: BOT_SECRET, authority: `${sample.urls.entra}/${TID}`, knownAuthorities: [new URL(sample.urls.entra).host] },
        system: { customAgentOptions: { ca: sample.ca } },
      });
      const ok = await cca.acquireTokenOnBehalfOf({ oboAssertion: sample.entra.mintSsoToken('adele@contoso.com'), scopes: TENANT_DESK_SCOPES });
      expect(String(decodeJwt(ok!.accessToken).claims.scp).split(' ').sort()).toEqual([...TENANT_DESK_SCOPES].sort());
      const refused = await cca.acquireTokenOnBehalfOf({ oboAssertion: sample.entra.mintSsoToken('henrietta@contoso.com'), scopes: TENANT_DESK_SCOPES }).catch((e: unknown) => e as { errorMessage?: string });
      expect(refused).toMatchObject({ errorMessage: expect.stringContaining('AADSTS65001') });
      expect(sample.channel.teamChannel('IT Help').conversation.memberOids.length).toBeGreaterThan(1);
    } finally {
      await sample.close();
    }
  });
});

describe('options', () => {
  it('runs its clock from `now`, applies start-up fault rules, and closes with a request still hanging', async () => {
    const other = await startDevTenant({ tenant: tenantDir, keysDir: false, now: new Date('2031-03-01T09:00:00Z'), tokenLifetimeSeconds: 120, channelIssuer: 'https://api.botframework.com', faults: [{ service: 'channel', match: '^/v1/keys', hang: true }] });
    try {
      expect(other.botEnv().BF_TOKEN_ISSUER).toBe('https://api.botframework.com');
      const claims = decodeJwt(other.entra.mintSsoToken('adele@contoso.com')).claims;
      expect(new Date(Number(claims.iat) * 1000).getUTCFullYear()).toBe(2031);
      expect(Number(claims.exp) - Number(claims.iat)).toBe(120);
      const hanging = httpCall(`${other.urls.channel}/v1/keys`).catch((err: unknown) => err);
      await new Promise((ok) => setTimeout(ok, 50));
      await other.close();
      expect(await hanging).toBeInstanceOf(Error);
    } finally {
      await other.close();
    }
  });
});

describe('devtenant CLI', () => {
  it('generates a tenant folder that startDevTenant loads', async () => {
    const bin = resolve(import.meta.dirname, '..', '..', 'bin', 'devtenant.mjs');
    const out = join(work, 'generated');
    const child = spawn(process.execPath, [bin, 'generate', '--users', '30', '--apps', '4', '--seed', '5', '--out', out], { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout!.on('data', (c: Buffer) => (output += c.toString()));
    expect(await new Promise((ok) => child.once('exit', ok))).toBe(0);
    expect(output).toMatch(/^Wrote 30 users, \d+ groups, 4 applications to /);
    const generated = await startDevTenant({ tenant: out, keysDir: false });
    try {
      expect(generated.tenant.data.users).toHaveLength(30);
      expect(generated.botEnv().BOT_PASSWORD).toBe(BOT_SECRET);
    } finally {
      await generated.close();
    }
  });


  it('serves a tenant folder, prints the bot environment and a ready line, and stops on SIGTERM', async () => {
    const bin = resolve(import.meta.dirname, '..', '..', 'bin', 'devtenant.mjs');
    const child = spawn(process.execPath, [bin, 'serve', '--tenant', tenantDir, '--entra-port', '0', '--graph-port', '0', '--channel-port', '0', '--keys-dir', join(work, 'cli-keys'), '--sandbox-sso'], { stdio: ['ignore', 'pipe', 'pipe'] });
    const lines: string[] = [];
    const exited = new Promise<number | null>((ok) => child.once('exit', (code) => ok(code)));
    try {
      const ready = await new Promise<Record<string, unknown>>((ok, fail) => {
        createInterface({ input: child.stdout! }).on('line', (line) => {
          lines.push(line);
          if (line.startsWith('{"event":"ready"')) ok(JSON.parse(line) as Record<string, unknown>);
        });
        child.once('exit', (code) => fail(new Error(`devtenant exited with ${code}: ${lines.join('\n')}`)));
      });
      const urls = ready.urls as { control: string };
      expect(lines).toContain(`BOT_ID=${BOT_ID}`);
      expect(lines.some((l) => l.startsWith('SANDBOX_SSO_TOKEN_URL=http://127.0.0.1:'))).toBe(true);
      const info = await httpCall(`${urls.control}info`);
      expect(info.body).toMatchObject({ tenantId: TID, botAppId: BOT_ID });
    } finally {
      child.kill('SIGTERM');
    }
    expect(await exited).toBe(0);
  });
});
