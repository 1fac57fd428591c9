// RS256 JSON Web Tokens and JWKs with node:crypto only. The dev tenant mints every token the
// bot sees (Teams SSO, OBO access tokens, Bot Framework channel tokens) and checks every token
// it receives, exactly as far as Entra ID and the Bot Framework do.
import { createPrivateKey, createPublicKey, generateKeyPairSync, randomUUID, sign, verify, type KeyObject } from 'node:crypto';

export interface SigningKey {
  kid: string;
  privateKey: KeyObject;
  publicKey: KeyObject;
}

export type Claims = Record<string, unknown>;

export function newSigningKey(kid: string = randomUUID()): SigningKey {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  return { kid, privateKey, publicKey };
}

/** A JWK as Entra and the Bot Framework publish them (kty, use, kid, n, e; extra members allowed). */
export function toJwk(key: SigningKey, extra: Record<string, unknown> = {}): Record<string, unknown> {
  const jwk = key.publicKey.export({ format: 'jwk' }) as { n: string; e: string };
  return { kty: 'RSA', use: 'sig', kid: key.kid, x5t: key.kid, n: jwk.n, e: jwk.e, ...extra };
}

const b64url = (b: Buffer | string) => Buffer.from(b).toString('base64url');

export function signJwt(claims: Claims, key: SigningKey, header: Record<string, unknown> = {}): string {
  const head = b64url(JSON.stringify({ typ: 'JWT', alg: 'RS256', kid: key.kid, x5t: key.kid, ...header }));
  const body = b64url(JSON.stringify(claims));
  const sig = sign('RSA-SHA256', Buffer.from(`${head}.${body}`), key.privateKey);
  return `${head}.${body}.${b64url(sig)}`;
}

export interface Decoded {
  header: Record<string, unknown>;
  claims: Claims;
}

/** Splits a compact JWT without checking it. Throws on anything that is not three base64url parts of JSON. */
export function decodeJwt(token: string): Decoded {
  const parts = token.split('.');
  if (parts.length !== 3) throw new Error('not a compact JWT');
  const header = JSON.parse(Buffer.from(parts[0]!, 'base64url').toString('utf8')) as Record<string, unknown>;
  const claims = JSON.parse(Buffer.from(parts[1]!, 'base64url').toString('utf8')) as Claims;
  return { header, claims };
}

export type VerifyFailure = 'malformed' | 'unknown_key' | 'bad_signature' | 'expired' | 'not_yet_valid';

/**
 * Checks signature (RS256 with a key from `keys` by kid) and exp/nbf with `skewSeconds` tolerance.
 * Audience, issuer and scope checks belong to the caller, which knows which error to give for each.
 */
export function verifyJwt(token: string, keys: SigningKey[], nowSeconds = Math.floor(Date.now() / 1000), skewSeconds = 300):
  { ok: true; claims: Claims; header: Record<string, unknown> } | { ok: false; reason: VerifyFailure } {
  let decoded: Decoded;
  try {
    decoded = decodeJwt(token);
  } catch {
    return { ok: false, reason: 'malformed' };
  }
  if (decoded.header.alg !== 'RS256') return { ok: false, reason: 'malformed' };
  const key = keys.find((k) => k.kid === decoded.header.kid);
  if (!key) return { ok: false, reason: 'unknown_key' };
  const [h, b, s] = token.split('.') as [string, string, string];
  const good = verify('RSA-SHA256', Buffer.from(`${h}.${b}`), key.publicKey, Buffer.from(s, 'base64url'));
  if (!good) return { ok: false, reason: 'bad_signature' };
  const exp = Number(decoded.claims.exp);
  const nbf = Number(decoded.claims.nbf ?? 0);
  if (!Number.isFinite(exp) || exp + skewSeconds < nowSeconds) return { ok: false, reason: 'expired' };
  if (nbf - skewSeconds > nowSeconds) return { ok: false, reason: 'not_yet_valid' };
  return { ok: true, claims: decoded.claims, header: decoded.header };
}

/** PEM round trip, so keys can be kept on disk across dev tenant restarts. */
export function keyToPem(key: SigningKey): { kid: string; pem: string } {
  return { kid: key.kid, pem: key.privateKey.export({ format: 'pem', type: 'pkcs8' }).toString() };
}
export function keyFromPem(kid: string, pem: string): SigningKey {
  const privateKey = createPrivateKey(pem);
  return { kid, privateKey, publicKey: createPublicKey(privateKey) };
}
