// Teams single sign-on, on the wire. The bot sends an OAuthCard whose tokenExchangeResource asks
// Teams for the person's SSO token; Teams answers with a `signin/tokenExchange` invoke — one per
// open Teams client, all with the same id — and the bot exchanges the token on-behalf-of (MSAL).
// Why not teams-ai's built-in SSO: its de-duplication treats every storage error as a duplicate
// (teams-sdk #1457), a late duplicate gets 501, verifyState only re-sends the card, and it cannot
// keep the token cache in shared storage per person. Here: the first copy of an exchange claims it
// in shared storage (create-only), so exactly one OBO request is made even across instances; the
// other copies wait for the outcome and answer the same (200, or 412 so Teams falls back to consent).
import { randomUUID } from 'node:crypto';
import type { Attachment, InvokeResponse } from 'botbuilder';
import type { Logger } from '../log.ts';
import type { Stores } from '../store/storage.ts';
import { ConsentRequiredError, type TokenService, type UserToken } from './tokens.ts';

export const OAUTH_CARD = 'application/vnd.microsoft.card.oauth';

export interface TokenExchangeValue {
  id?: string;
  connectionName?: string;
  token?: string;
}

export interface SsoSettings {
  /** api://botid-{appId}: the SSO resource in the manifest's webApplicationInfo. */
  appIdUri: string;
  /** The consent page for the fallback (served by the bot: /auth/start). */
  signInUrl: (loginHint?: string) => string;
}

/** An OAuthCard asking Teams for the person's SSO token. */
export function oauthCard(settings: SsoSettings, loginHint?: string): Attachment {
  return {
    contentType: OAUTH_CARD,
    content: {
      text: 'Tenant Desk needs to sign you in to read the directory as you.',
      connectionName: '',
      buttons: [{ type: 'signin', title: 'Sign in', value: settings.signInUrl(loginHint) }],
      tokenExchangeResource: { id: randomUUID(), uri: settings.appIdUri },
    },
  };
}

type Outcome = { state: 'pending'; at: number } | { state: 'ok'; at: number } | { state: 'failed'; at: number; consent: boolean };

const FAILURE_DETAIL = 'The bot is unable to exchange the token. Ask for user consent.';
/** How long a duplicate waits for the first copy's outcome (Teams gives an invoke about 5 s). */
const DUPLICATE_WAIT_MS = 3000;

export interface ExchangeResult {
  response: InvokeResponse;
  /** Set for the one copy that made the exchange and succeeded. */
  token?: UserToken;
  /** True for the copy that failed because consent is missing. */
  consentRequired?: boolean;
}

function claimsOf(jwt: string): { oid?: string; tid?: string } {
  try {
    return JSON.parse(Buffer.from(jwt.split('.')[1] ?? '', 'base64url').toString('utf8')) as { oid?: string; tid?: string };
  } catch {
    return {};
  }
}

export class TokenExchangeHandler {
  constructor(
    private readonly stores: Stores,
    private readonly tokens: TokenService,
    private readonly log: Logger,
  ) {}

  /** Handles one `signin/tokenExchange` invoke from person `oid`. */
  async handle(value: TokenExchangeValue | undefined, oid: string | undefined): Promise<ExchangeResult> {
    const echo = { id: value?.id, connectionName: value?.connectionName ?? '' };
    if (!value?.token || !value.id) return { response: { status: 400, body: { ...echo, failureDetail: 'The token is missing.' } } };
    if (!oid) return { response: { status: 400, body: { ...echo, failureDetail: 'The activity has no aadObjectId.' } } };
    // Entra checks the token in the exchange; this only refuses a token that is plainly someone else's.
    const claims = claimsOf(value.token);
    if (claims.oid && claims.oid !== oid) return { response: { status: 412, body: { ...echo, failureDetail: 'The token belongs to another user.' } } };

    const key = `sso/${value.id}/${oid}`;
    const first = await this.stores.createOnce(key, { state: 'pending', at: Date.now() } satisfies Outcome);
    if (!first) return { response: await this.duplicate(key, echo) };

    try {
      const token = await this.tokens.exchange(oid, value.token);
      await this.stores.writeOnce(key, { state: 'ok', at: Date.now() } satisfies Outcome);
      return { response: { status: 200, body: { ...echo, failureDetail: '' } }, token };
    } catch (err) {
      const consent = err instanceof ConsentRequiredError;
      await this.stores.writeOnce(key, { state: 'failed', at: Date.now(), consent } satisfies Outcome).catch((e) => this.log.warn('sso.outcome.write_failed', { err: e }));
      return { response: { status: 412, body: { ...echo, failureDetail: FAILURE_DETAIL } }, consentRequired: consent };
    }
  }

  private async duplicate(key: string, echo: { id?: string; connectionName: string }): Promise<InvokeResponse> {
    const until = Date.now() + DUPLICATE_WAIT_MS;
    for (;;) {
      const outcome = await this.stores.readOnce<Outcome>(key);
      if (outcome?.state === 'ok') return { status: 200, body: { ...echo, failureDetail: '' } };
      if (outcome?.state === 'failed') return { status: 412, body: { ...echo, failureDetail: FAILURE_DETAIL } };
      if (Date.now() >= until) {
        // Still running: most exchanges succeed, and a 412 here would show a second consent prompt.
        this.log.info('sso.duplicate.undecided');
        return { status: 200, body: { ...echo, failureDetail: '' } };
      }
      await new Promise((ok) => setTimeout(ok, 100));
    }
  }
}
