// What every Entra endpoint shares: the tenant, how tokens are signed, lifetimes, the public base URL.
import type { Tenant } from '../tenant/types.ts';
import type { TokenContext } from './tokens.ts';

export interface Lifetimes {
  /** Access tokens and id tokens (Entra's default is about an hour). */
  accessToken: number;
  /** The Teams SSO token minted for the driver and the sandbox. */
  ssoToken: number;
  /** Refresh tokens (Entra: 90 days, sliding). */
  refreshToken: number;
}

export const defaultLifetimes: Lifetimes = { accessToken: 3600, ssoToken: 3600, refreshToken: 90 * 24 * 3600 };

export interface EntraState {
  tenant: Tenant;
  ctx: TokenContext;
  lifetimes: Lifetimes;
  /** `https://localhost:PORT`, known once the server listens. */
  baseUrl: () => string;
  now: () => Date;
  /** Clients allowed to redirect to any http(s) loopback URL (the bot, whose sign-in page port varies). */
  loopbackRedirectClients: string[];
}
