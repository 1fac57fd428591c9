// Getting the asker's delegated token, or asking them to sign in. Silent first (memory, then the
// encrypted cache in storage); in the sandbox, the Playground user's SSO token from the dev tenant;
// otherwise Teams SSO: an OAuthCard in personal and group chats, and in channels — where silent SSO
// does not work — a private 1:1 chat that asks them to sign in and answers there.
import { TeamsInfo, TurnContext, type Activity } from 'botbuilder';
import type { Agent } from 'node:https';
import { renderConsent, renderSignInProblem } from '../cards/errors.ts';
import { renderPrivateNote } from '../cards/notices.ts';
import type { Config } from '../config.ts';
import { fetchSandboxSsoToken } from '../identity/sandbox-sso.ts';
import { oauthCard, type SsoSettings } from '../identity/sso.ts';
import { ConsentRequiredError, type TokenService, type UserToken } from '../identity/tokens.ts';
import type { Logger } from '../log.ts';
import type { Stores } from '../store/storage.ts';
import type { TenantDeskAdapter } from './adapter.ts';
import { cardActivity, conversationTypeOf, inPrivateChat } from './delivery.ts';
import { savePending } from './pending.ts';

export interface SignInDeps {
  config: Config;
  adapter: TenantDeskAdapter;
  tokens: TokenService;
  stores: Stores;
  agent: Agent;
  log: Logger;
}

export function ssoSettings(config: Config): SsoSettings {
  return {
    appIdUri: config.bot.appIdUri,
    signInUrl: (hint) => `${config.publicUrl}/auth/start${hint ? `?login_hint=${encodeURIComponent(hint)}` : ''}`,
  };
}

/** The person's UPN from Teams (for the sign-in page's login hint); best effort. */
async function loginHint(context: TurnContext): Promise<string | undefined> {
  try {
    const member = await TeamsInfo.getMember(context, context.activity.from.id);
    return member.userPrincipalName ?? member.email ?? undefined;
  } catch {
    return undefined;
  }
}

function pendingFrom(activity: Partial<Activity>, text: string) {
  return { text, reference: TurnContext.getConversationReference(activity as Activity), askedAt: new Date().toISOString() };
}

/**
 * The asker's token, or undefined after asking them to sign in (the question then waits and is
 * answered when sign-in completes).
 */
export async function ensureToken(deps: SignInDeps, context: TurnContext, question: string): Promise<UserToken | undefined> {
  const a = context.activity;
  const oid = a.from?.aadObjectId;
  if (!oid) {
    await context.sendActivity(cardActivity(renderSignInProblem('Teams did not say who you are (no Entra object id on the message), so I cannot read the directory as you.')));
    return undefined;
  }
  const silent = await deps.tokens.silent(oid);
  if (silent) return silent;

  if (deps.config.sandboxSsoTokenUrl) return sandboxSignIn(deps, context, oid, question);

  if (conversationTypeOf(a) === 'channel') {
    // Silent SSO fails in channels (resourcematchfailed): ask in private and answer there.
    const hint = await loginHint(context);
    const opened = await inPrivateChat(deps, context, async (ctx, reference) => {
      await savePending(deps.stores.storage, oid, { text: question, reference, askedAt: new Date().toISOString() });
      await ctx.sendActivity({ type: 'message', text: 'You asked me something in a channel. Sign in here and I will answer in this chat.', attachments: [oauthCard(ssoSettings(deps.config), hint)] });
    });
    if (opened) await context.sendActivity(cardActivity(renderPrivateNote('signin')));
    else await context.sendActivity({ type: 'message', text: `I need you to sign in first, and I couldn't open a private chat with you. Open a chat with me (https://teams.microsoft.com/l/chat/0/0?users=28:${deps.config.bot.appId}), ask there, then come back.` });
    return undefined;
  }

  await savePending(deps.stores.storage, oid, pendingFrom(a, question));
  await context.sendActivity({ type: 'message', attachments: [oauthCard(ssoSettings(deps.config), await loginHint(context))] });
  return undefined;
}

async function sandboxSignIn(deps: SignInDeps, context: TurnContext, oid: string, question: string): Promise<UserToken | undefined> {
  try {
    const sso = await fetchSandboxSsoToken(deps.config.sandboxSsoTokenUrl!, deps.agent, oid);
    return await deps.tokens.exchange(oid, sso);
  } catch (err) {
    if (err instanceof ConsentRequiredError) {
      await savePending(deps.stores.storage, oid, pendingFrom(context.activity, question));
      await context.sendActivity(cardActivity(renderConsent(ssoSettings(deps.config).signInUrl(await loginHint(context)))));
      return undefined;
    }
    deps.log.warn('signin.sandbox_failed', { err });
    await context.sendActivity(cardActivity(renderSignInProblem('The sandbox could not sign you in. Is the dev tenant running?')));
    return undefined;
  }
}

/** A fresh OAuthCard, after consent (signin/verifyState), so Teams retries the silent exchange. */
export async function sendSignInCard(deps: SignInDeps, context: TurnContext): Promise<void> {
  await context.sendActivity({ type: 'message', attachments: [oauthCard(ssoSettings(deps.config), await loginHint(context))] });
}

