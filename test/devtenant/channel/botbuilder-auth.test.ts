// botbuilder's inbound JWT validation against the channel's keys, and the Connector's check of the
// bot's own token. Forged tokens are built by hand and posted straight to the bot.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postJson } from '../../../devtenant/channel/http-client.ts';
import { GRANT } from '../../../devtenant/entra/well-known.ts';
import { newSigningKey, signJwt, type Claims } from '../../../devtenant/shared/jwt.ts';
import { postForm } from '../../../devtenant/channel/http-client.ts';
import { BOT_ID, BOT_SECRET, HELPER_ID, HELPER_SECRET, TID } from '../entra/small-tenant.ts';
import { startStack, type Stack } from './setup.ts';
import { botConfig, stackBot, startTestBot, type TestBot } from './test-bot.ts';

let s: Stack;
let bot: TestBot;
beforeAll(async () => {
  s = await startStack();
  bot = await startTestBot(stackBot(s));
  s.channel.driver.setBot(bot.endpoint);
});
afterAll(async () => {
  await bot.close();
  await s.close();
});

/** A real message activity for Adele's 1:1, without sending it. */
function activity(extra: Record<string, unknown> = {}) {
  const ctx = s.channel.driver.context(s.channel.driver.personal('adele@contoso.com').conversation, 'adele@contoso.com');
  return { type: 'message', text: 'hi', id: String(Date.now()), channelId: 'msteams', serviceUrl: ctx.serviceUrl, from: { id: '29:1x', aadObjectId: 'x' }, recipient: { id: `28:${BOT_ID}` }, conversation: { id: s.channel.driver.personal('adele@contoso.com').id, conversationType: 'personal', tenantId: TID }, channelData: { tenant: { id: TID } }, ...extra };
}

function claims(over: Claims = {}): Claims {
  const now = Math.floor(Date.now() / 1000);
  return { serviceurl: `${s.base}/amer/`, nbf: now - 5, exp: now + 3600, iss: s.channel.issuer(), aud: BOT_ID, ...over };
}

const post = (token: string | undefined, body = activity()) => postJson(bot.endpoint, body, token === undefined ? {} : { Authorization: `Bearer ${token}` });
const channelKey = () => s.channel.keys()[0]!;

describe('inbound tokens (channel → bot)', () => {
  it('accepts the channel\'s token and the bot\'s reply reaches the Connector with a valid bot token', async () => {
    const turn = await s.channel.driver.personal('adele@contoso.com').send('ping');
    expect(turn.status).toBe(200);
    expect(turn.messages.map((m) => m.text)).toEqual(['you said ping']);
    expect(bot.received[bot.received.length - 1]!.callerId).toBe('urn:botframework:azure');
    const entraCalls = s.e.log.all('entra').filter((r) => r.kind === GRANT.clientCredentials);
    expect(entraCalls.length).toBeGreaterThan(0);
    expect(entraCalls.every((r) => r.status === 200)).toBe(true);
  });

  it('accepts a hand-built token with exactly the channel claims', async () => {
    expect((await post(signJwt(claims(), channelKey()))).status).toBe(200);
  });

  it.each([
    ['no Authorization header', () => undefined],
    ['the wrong audience', () => signJwt(claims({ aud: HELPER_ID }), channelKey())],
    ['the wrong issuer', () => signJwt(claims({ iss: 'https://api.botframework.com' }), channelKey())],
    ['an expired token', () => signJwt(claims({ exp: Math.floor(Date.now() / 1000) - 3600, nbf: Math.floor(Date.now() / 1000) - 7200 }), channelKey())],
    ['a key the channel does not publish', () => signJwt(claims(), newSigningKey())],
    ['a serviceurl claim that is not the activity\'s', () => signJwt(claims({ serviceurl: `${s.base}/emea/` }), channelKey())],
    ['no serviceurl claim', () => { const c = claims(); delete c.serviceurl; return signJwt(c, channelKey()); }],
  ])('refuses %s with 401', async (_name, token) => {
    const res = await post(token());
    expect(res.status).toBe(401);
  });

  it('refuses an activity from a channel the signing key is not endorsed for', async () => {
    const res = await post(signJwt(claims(), channelKey()), activity({ channelId: 'webchat' }));
    expect(res.status).toBe(401);
  });

  it('answers a bad signature with 500: botbuilder rethrows jsonwebtoken\'s "invalid signature" (observed; the product fixes this at its boundary)', async () => {
    const good = signJwt(claims(), channelKey());
    const [h, b] = good.split('.');
    const forged = `${h}.${b}.${signJwt(claims({ aud: 'x' }), channelKey()).split('.')[2]}`;
    const res = await post(forged);
    expect(res.status).toBe(500);
  });

  it('publishes keys with the msteams endorsement and metadata pointing at them', async () => {
    const meta = await fetch(s.channel.openIdMetadataUrl()).then((r) => r.json() as Promise<Record<string, unknown>>);
    expect(meta).toMatchObject({ issuer: s.base, jwks_uri: `${s.base}/v1/keys`, id_token_signing_alg_values_supported: ['RS256'] });
    const keys = await fetch(`${s.base}/v1/keys`).then((r) => r.json() as Promise<{ keys: Record<string, unknown>[] }>);
    expect(keys.keys[0]).toMatchObject({ kty: 'RSA', kid: channelKey().kid, endorsements: ['msteams'] });
  });

  it('needs every ConfigurationBotFrameworkAuthentication key: with only the metadata URL set, the bot refuses the channel', async () => {
    const partial = await startTestBot({ ...stackBot(s), config: { MicrosoftAppId: BOT_ID, MicrosoftAppPassword: BOT_SECRET, MicrosoftAppType: 'SingleTenant', MicrosoftAppTenantId: TID, ToBotFromChannelOpenIdMetadataUrl: botConfig(s).ToBotFromChannelOpenIdMetadataUrl! } });
    try {
      const res = await postJson(partial.endpoint, activity(), { Authorization: `Bearer ${s.channel.tokenFor(`${s.base}/amer/`)}` });
      expect(res.status).toBe(401);
    } finally {
      await partial.close();
    }
  });
});

describe('outbound tokens (bot → Connector)', () => {
  const conversationUrl = () => `${s.base}/amer/v3/conversations/${encodeURIComponent(s.channel.driver.personal('adele@contoso.com').id)}/activities`;
  const bfToken = async (clientId: string, secret: string) =>
    ((await postForm(`${s.e.base}/${TID}/oauth2/v2.0/token`, { grant_type: 'client_credentials', client_id: clientId, client_secret: secret, scope: 'https://api.botframework.com/.default' }, s.e.ca)).body as { access_token: string }).access_token;

  it('accepts the bot\'s Bot Framework token and refuses anything else with 401', async () => {
    const ok = await postJson(conversationUrl(), { type: 'message', text: 'hello' }, { Authorization: `Bearer ${await bfToken(BOT_ID, BOT_SECRET)}` });
    expect(ok.status).toBe(201);
    expect(ok.body).toMatchObject({ id: expect.stringMatching(/^\d+$/) });
    const none = await postJson(conversationUrl(), { type: 'message', text: 'hello' });
    expect(none.status).toBe(401);
    expect(none.body).toEqual({ message: 'Authorization has been denied for this request.' });
    const otherApp = await postJson(conversationUrl(), { type: 'message', text: 'hello' }, { Authorization: `Bearer ${await bfToken(HELPER_ID, HELPER_SECRET)}` });
    expect(otherApp.status).toBe(401);
    const channelsOwn = await postJson(conversationUrl(), { type: 'message', text: 'hello' }, { Authorization: `Bearer ${s.channel.tokenFor(`${s.base}/amer/`)}` });
    expect(channelsOwn.status).toBe(401);
    const graphToken = ((await postForm(`${s.e.base}/${TID}/oauth2/v2.0/token`, { grant_type: 'client_credentials', client_id: BOT_ID, client_secret: BOT_SECRET, scope: 'https://graph.microsoft.com/.default' }, s.e.ca)).body as { access_token: string }).access_token;
    expect((await postJson(conversationUrl(), { type: 'message', text: 'hello' }, { Authorization: `Bearer ${graphToken}` })).status).toBe(401);
  });
});
