// The tokens Entra issues, with the claims the briefing's token contract names (and the ones real
// tokens carry that clients read: wids, unique_name, app_displayname...). Refresh tokens and
// authorization codes are self-contained signed blobs, so they outlive a restart of the dev tenant.
import { createHash, randomBytes } from 'node:crypto';
import { signJwt, verifyJwt, type Claims, type SigningKey } from '../shared/jwt.ts';
import type { GraphObject, Tenant } from '../tenant/types.ts';
import { BOT_FRAMEWORK_RESOURCE, GRAPH_RESOURCE } from './well-known.ts';

export interface TokenContext {
  tenant: Tenant;
  /** Signing keys; the first signs. */
  keys: () => SigningKey[];
  now: () => Date;
  /** The v2 issuer for this tenant: `{entra base}/{tid}/v2.0`. */
  issuerV2: () => string;
}

export interface Minted {
  token: string;
  expiresIn: number;
  claims: Claims;
}

const seconds = (d: Date) => Math.floor(d.getTime() / 1000);
const uti = () => randomBytes(16).toString('base64url');
const v1Issuer = (tid: string) => `https://sts.windows.net/${tid}/`;

/** Pairwise subject, as Entra gives each app its own `sub` for a user. */
export function pairwiseSub(oid: string, clientId: string): string {
  return createHash('sha256').update(`${oid}|${clientId}`).digest('base64url').slice(0, 43);
}

/** base64url of {"uid","utid"}: MSAL builds the account's home id from it. */
export function clientInfo(oid: string, tid: string): string {
  return Buffer.from(JSON.stringify({ uid: oid, utid: tid })).toString('base64url');
}

function sign(ctx: TokenContext, claims: Claims): string {
  const key = ctx.keys()[0];
  if (!key) throw new Error('no signing key');
  return signJwt(claims, key);
}

function times(ctx: TokenContext, lifetime: number) {
  const iat = seconds(ctx.now());
  return { iat, nbf: iat, exp: iat + lifetime };
}

/** Built-in directory role template ids the user holds, as the `wids` claim lists them. */
function roleTemplateIds(tenant: Tenant, oid: string): string[] {
  const ids: string[] = [];
  for (const container of tenant.memberOf.get(oid) ?? []) {
    const role = tenant.byId.get(container);
    if (role && tenant.typeOf(container) === '#microsoft.graph.directoryRole' && typeof role.roleTemplateId === 'string') ids.push(role.roleTemplateId);
  }
  return ids;
}

function userClaims(user: GraphObject): Claims {
  const c: Claims = { name: user.displayName, oid: user.id };
  if (typeof user.givenName === 'string') c.given_name = user.givenName;
  if (typeof user.surname === 'string') c.family_name = user.surname;
  return c;
}

export function mintGraphDelegated(ctx: TokenContext, p: { user: GraphObject; clientId: string; clientName: string; scopes: string[]; lifetime: number }): Minted {
  const tid = ctx.tenant.tenantId;
  const upn = String(p.user.userPrincipalName ?? '');
  const claims: Claims = {
    aud: GRAPH_RESOURCE,
    iss: v1Issuer(tid),
    ...times(ctx, p.lifetime),
    acct: 0,
    acr: '1',
    amr: ['pwd'],
    app_displayname: p.clientName,
    appid: p.clientId,
    appidacr: '1',
    ...userClaims(p.user),
    idtyp: 'user',
    ipaddr: '127.0.0.1',
    scp: p.scopes.join(' '),
    sub: pairwiseSub(p.user.id, p.clientId),
    tenant_region_scope: 'NA',
    tid,
    unique_name: upn,
    upn,
    uti: uti(),
    ver: '1.0',
    wids: roleTemplateIds(ctx.tenant, p.user.id),
  };
  return { token: sign(ctx, claims), expiresIn: p.lifetime, claims };
}

export function mintGraphApp(ctx: TokenContext, p: { clientSp: GraphObject | undefined; clientId: string; clientName: string; roles: string[]; lifetime: number }): Minted {
  const tid = ctx.tenant.tenantId;
  const spId = p.clientSp?.id ?? p.clientId;
  const claims: Claims = {
    aud: GRAPH_RESOURCE,
    iss: v1Issuer(tid),
    ...times(ctx, p.lifetime),
    app_displayname: p.clientName,
    appid: p.clientId,
    appidacr: '1',
    idp: v1Issuer(tid),
    idtyp: 'app',
    oid: spId,
    sub: spId,
    tid,
    uti: uti(),
    ver: '1.0',
  };
  // Entra leaves the claim out when the app holds no application permission on the resource.
  if (p.roles.length > 0) claims.roles = p.roles;
  return { token: sign(ctx, claims), expiresIn: p.lifetime, claims };
}

/** The bot's own token for the Bot Framework channel (client credentials, aud api.botframework.com). */
export function mintBotFramework(ctx: TokenContext, p: { clientId: string; tid: string; lifetime: number }): Minted {
  const claims: Claims = {
    aud: BOT_FRAMEWORK_RESOURCE,
    iss: v1Issuer(p.tid),
    ...times(ctx, p.lifetime),
    appid: p.clientId,
    appidacr: '1',
    idp: v1Issuer(p.tid),
    idtyp: 'app',
    tid: p.tid,
    uti: uti(),
    ver: '1.0',
  };
  return { token: sign(ctx, claims), expiresIn: p.lifetime, claims };
}

export function mintIdToken(ctx: TokenContext, p: { user: GraphObject; clientId: string; lifetime: number; nonce?: string }): Minted {
  const claims: Claims = {
    aud: p.clientId,
    iss: ctx.issuerV2(),
    ...times(ctx, p.lifetime),
    name: p.user.displayName,
    oid: p.user.id,
    preferred_username: p.user.userPrincipalName,
    rh: uti(),
    sub: pairwiseSub(p.user.id, p.clientId),
    tid: ctx.tenant.tenantId,
    uti: uti(),
    ver: '2.0',
  };
  if (p.nonce) claims.nonce = p.nonce;
  return { token: sign(ctx, claims), expiresIn: p.lifetime, claims };
}

/** The token the Teams client holds for the bot's app ID URI (what signin/tokenExchange carries). */
export function mintSso(ctx: TokenContext, p: { user: GraphObject; audience: string; azp: string; scp: string; lifetime: number }): Minted {
  const claims: Claims = {
    aud: p.audience,
    iss: ctx.issuerV2(),
    ...times(ctx, p.lifetime),
    aio: uti(),
    azp: p.azp,
    azpacr: '0',
    name: p.user.displayName,
    oid: p.user.id,
    preferred_username: p.user.userPrincipalName,
    rh: uti(),
    scp: p.scp,
    sub: pairwiseSub(p.user.id, p.azp),
    tid: ctx.tenant.tenantId,
    uti: uti(),
    ver: '2.0',
  };
  return { token: sign(ctx, claims), expiresIn: p.lifetime, claims };
}

const REFRESH_AUD = 'urn:devtenant:refresh_token';
const CODE_AUD = 'urn:devtenant:authorization_code';

export interface RefreshGrant {
  oid: string;
  clientId: string;
  /** Scopes as granted at issue (resource permissions and OIDC scopes). */
  scopes: string[];
}

export function mintRefreshToken(ctx: TokenContext, g: RefreshGrant, lifetime: number): string {
  return sign(ctx, { aud: REFRESH_AUD, iss: ctx.issuerV2(), ...times(ctx, lifetime), tid: ctx.tenant.tenantId, oid: g.oid, azp: g.clientId, scp: g.scopes.join(' '), jti: uti() });
}

export type BlobCheck<T> = { ok: true; value: T } | { ok: false; reason: 'invalid' | 'expired' };

function readBlob(ctx: TokenContext, token: string, aud: string): BlobCheck<Claims> {
  const v = verifyJwt(token, ctx.keys(), seconds(ctx.now()), 0);
  if (!v.ok) return { ok: false, reason: v.reason === 'expired' ? 'expired' : 'invalid' };
  if (v.claims.aud !== aud || v.claims.tid !== ctx.tenant.tenantId) return { ok: false, reason: 'invalid' };
  return { ok: true, value: v.claims };
}

export function readRefreshToken(ctx: TokenContext, token: string): BlobCheck<RefreshGrant> {
  const r = readBlob(ctx, token, REFRESH_AUD);
  if (!r.ok) return r;
  return { ok: true, value: { oid: String(r.value.oid), clientId: String(r.value.azp), scopes: String(r.value.scp ?? '').split(' ').filter(Boolean) } };
}

export interface CodeGrant extends RefreshGrant {
  redirectUri: string;
  codeChallenge?: string;
  codeChallengeMethod?: string;
  nonce?: string;
}

export function mintAuthorizationCode(ctx: TokenContext, g: CodeGrant): string {
  return sign(ctx, {
    aud: CODE_AUD,
    iss: ctx.issuerV2(),
    ...times(ctx, 600),
    tid: ctx.tenant.tenantId,
    oid: g.oid,
    azp: g.clientId,
    scp: g.scopes.join(' '),
    redirect_uri: g.redirectUri,
    ...(g.codeChallenge ? { code_challenge: g.codeChallenge, code_challenge_method: g.codeChallengeMethod ?? 'plain' } : {}),
    ...(g.nonce ? { nonce: g.nonce } : {}),
    jti: uti(),
  });
}

export function readAuthorizationCode(ctx: TokenContext, code: string): BlobCheck<CodeGrant> {
  const r = readBlob(ctx, code, CODE_AUD);
  if (!r.ok) return r;
  const c = r.value;
  return {
    ok: true,
    value: {
      oid: String(c.oid),
      clientId: String(c.azp),
      scopes: String(c.scp ?? '').split(' ').filter(Boolean),
      redirectUri: String(c.redirect_uri),
      ...(typeof c.code_challenge === 'string' ? { codeChallenge: c.code_challenge, codeChallengeMethod: String(c.code_challenge_method) } : {}),
      ...(typeof c.nonce === 'string' ? { nonce: c.nonce } : {}),
    },
  };
}
