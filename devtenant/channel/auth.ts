// Bot Framework authentication in both directions. To the bot: tokens signed with the channel's own
// keys, published with endorsements at an OpenID metadata URL (what botbuilder checks). From the bot:
// the bot's client-credentials token from the Entra emulator (aud api.botframework.com, appid = bot).
import { signJwt, toJwk, verifyJwt, type SigningKey } from '../shared/jwt.ts';
import { BOT_FRAMEWORK_RESOURCE, BOT_FRAMEWORK_TENANT_ID } from '../entra/well-known.ts';

export interface ChannelTokenInput {
  issuer: string;
  botAppId: string;
  serviceUrl: string;
  lifetimeSeconds?: number;
  /** Defaults to the real clock: botbuilder checks exp/nbf against its own. */
  nowMs?: number;
}

/**
 * The token on every activity the channel sends: iss, aud, serviceurl, nbf, exp — and no ver/appid,
 * which would send botbuilder down its skill or emulator validation paths instead of the channel's.
 */
export function channelToken(key: SigningKey, t: ChannelTokenInput): string {
  const now = Math.floor((t.nowMs ?? Date.now()) / 1000);
  return signJwt({ serviceurl: t.serviceUrl, nbf: now - 5, exp: now + (t.lifetimeSeconds ?? 3600), iss: t.issuer, aud: t.botAppId }, key);
}

export function openIdConfiguration(baseUrl: string, issuer: string): Record<string, unknown> {
  return {
    issuer,
    authorization_endpoint: `${baseUrl}/v1/authorize`,
    jwks_uri: `${baseUrl}/v1/keys`,
    id_token_signing_alg_values_supported: ['RS256'],
    token_endpoint_auth_methods_supported: ['private_key_jwt'],
  };
}

export function channelKeys(keys: SigningKey[], endorsements: string[]): { keys: Record<string, unknown>[] } {
  return { keys: keys.map((k) => toJwk(k, { endorsements })) };
}

export type BotAuth = { ok: true; appId: string } | { ok: false; reason: string };

/** Checks the bearer token a bot sends to the Connector. */
export function verifyBotToken(authorization: string | undefined, p: { entraKeys: SigningKey[]; botAppId: string; tenantId: string; entraBase: string; nowSeconds: number }): BotAuth {
  const m = /^Bearer\s+(.+)$/i.exec(authorization ?? '');
  if (!m) return { ok: false, reason: 'no bearer token' };
  const v = verifyJwt(m[1]!, p.entraKeys, p.nowSeconds, 300);
  if (!v.ok) return { ok: false, reason: v.reason };
  const c = v.claims;
  if (c.aud !== BOT_FRAMEWORK_RESOURCE) return { ok: false, reason: `aud ${String(c.aud)}` };
  const appId = String(c.appid ?? c.azp ?? '');
  if (appId !== p.botAppId) return { ok: false, reason: `app ${appId}` };
  const issuers = [p.tenantId, BOT_FRAMEWORK_TENANT_ID].flatMap((t) => [`https://sts.windows.net/${t}/`, `${p.entraBase}/${t}/v2.0`]);
  if (!issuers.includes(String(c.iss))) return { ok: false, reason: `iss ${String(c.iss)}` };
  return { ok: true, appId };
}
