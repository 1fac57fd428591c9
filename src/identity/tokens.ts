// Acting as the asker: a delegated Graph token per person, obtained on-behalf-of their Teams SSO
// token. Order of lookup, cheapest first: this instance's memory (no I/O) → the person's encrypted
// MSAL cache in storage (another instance or before a restart; MSAL refreshes with the refresh
// token when the access token is near expiry) → nothing, and the caller asks the person to sign in.
// Concurrent turns of one person share one lookup, so a burst of questions costs one token request.
import { InteractionRequiredAuthError, type AuthenticationResult } from '@azure/msal-node';
import type { Storage } from 'botbuilder';
import type { Logger } from '../log.ts';
import { Lru } from '../lru.ts';
import type { MsalFactory } from './msal.ts';
import { REQUESTED_SCOPES } from './scopes.ts';
import { forgetUserTokens, UserTokenCache } from './token-cache.ts';

export interface UserToken {
  accessToken: string;
  /** Epoch ms. */
  expiresOn: number;
  oid: string;
  upn?: string;
  name?: string;
}

/** The person (or an admin) must consent to the app's permissions: AADSTS65001. */
export class ConsentRequiredError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConsentRequiredError';
  }
}

/** The exchange failed for another reason (expired SSO token, misconfiguration, Entra unreachable). */
export class TokenExchangeError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'TokenExchangeError';
  }
}

/** Tokens this close to expiry are not handed out: a Graph call must not outlive its token. */
const RENEW_MS = 5 * 60 * 1000;
/** One entry per recently active person; 20k entries of ~2 KB is ~40 MB at most. */
const MEMORY_BOUND = 20_000;

export interface TokenStats {
  /** Requests to Entra's token endpoint made by this instance (OBO, refresh). */
  tokenRequests: number;
}

export class TokenService {
  private readonly memory = new Lru<string, UserToken>(MEMORY_BOUND);
  private readonly inflight = new Map<string, Promise<UserToken | undefined>>();
  readonly stats: TokenStats = { tokenRequests: 0 };

  constructor(
    private readonly msal: MsalFactory,
    private readonly storage: Storage,
    private readonly cacheKey: Buffer,
    private readonly log: Logger,
  ) {}

  private cacheFor(oid: string) {
    return new UserTokenCache(this.storage, this.cacheKey, oid, (err) => this.log.warn('token.cache.unreadable', { userOid: oid, err }));
  }

  private remember(oid: string, result: AuthenticationResult): UserToken {
    const claims = (result.account?.idTokenClaims ?? {}) as { preferred_username?: string; name?: string };
    const token: UserToken = {
      accessToken: result.accessToken,
      expiresOn: result.expiresOn?.getTime() ?? Date.now() + 3600_000,
      oid,
      ...(claims.preferred_username ?? result.account?.username ? { upn: claims.preferred_username ?? result.account?.username } : {}),
      ...(claims.name ?? result.account?.name ? { name: claims.name ?? result.account?.name } : {}),
    };
    this.memory.set(oid, token);
    return token;
  }

  private fresh(token: UserToken | undefined, now = Date.now()): UserToken | undefined {
    return token && token.expiresOn - now > RENEW_MS ? token : undefined;
  }

  /** A token without asking the person anything, or undefined when they must sign in. */
  silent(oid: string): Promise<UserToken | undefined> {
    const hit = this.fresh(this.memory.get(oid));
    if (hit) return Promise.resolve(hit);
    const running = this.inflight.get(oid);
    if (running) return running;
    const p = this.silentFromCache(oid).finally(() => this.inflight.delete(oid));
    this.inflight.set(oid, p);
    return p;
  }

  private async silentFromCache(oid: string): Promise<UserToken | undefined> {
    const app = await this.msal.create(this.cacheFor(oid));
    const account = await app.getTokenCache().getAccountByLocalId(oid);
    if (!account) return undefined;
    try {
      const result = await app.acquireTokenSilent({ account, scopes: [...REQUESTED_SCOPES] });
      if (!result?.fromCache) this.stats.tokenRequests++;
      this.log.info('token.silent', { userOid: oid, fromCache: Boolean(result?.fromCache) });
      return result ? this.remember(oid, result) : undefined;
    } catch (err) {
      if (err instanceof InteractionRequiredAuthError) {
        // Refresh token expired or revoked, or consent withdrawn: ask again.
        this.log.info('token.silent.interaction_required', { userOid: oid, errorCode: err.errorCode });
        return undefined;
      }
      throw err;
    }
  }

  /** The OBO exchange of a Teams SSO token (one token request). */
  async exchange(oid: string, ssoToken: string): Promise<UserToken> {
    const app = await this.msal.create(this.cacheFor(oid));
    this.stats.tokenRequests++;
    try {
      const result = await app.acquireTokenOnBehalfOf({ oboAssertion: ssoToken, scopes: [...REQUESTED_SCOPES] });
      if (!result) throw new TokenExchangeError('the token exchange returned nothing');
      this.log.info('token.obo', { userOid: oid });
      return this.remember(oid, result);
    } catch (err) {
      if (err instanceof TokenExchangeError) throw err;
      const e = err as { errorCode?: string; subError?: string; errorMessage?: string; message?: string };
      const text = `${e.errorMessage ?? ''} ${e.message ?? ''}`;
      if (e.subError === 'consent_required' || /AADSTS65001/.test(text)) {
        this.log.info('token.obo.consent_required', { userOid: oid });
        throw new ConsentRequiredError('consent is required');
      }
      this.log.warn('token.obo.failed', { userOid: oid, errorCode: e.errorCode, err });
      throw new TokenExchangeError(`the token exchange failed (${e.errorCode ?? 'error'})`, { cause: err });
    }
  }

  async signOut(oid: string): Promise<void> {
    this.memory.delete(oid);
    await forgetUserTokens(this.storage, oid);
  }
}
