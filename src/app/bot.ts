// The teams-ai Application: routes for messages, installation, sign-in invokes and card actions.
// teams-ai strips the @mention. Durable state — sign-ins, pending questions, tickets, paging
// snapshots, settings — lives in Blob Storage under its own keys with eTags (src/store), so the
// Application is not given teams-ai's per-turn conversation/user state scopes: they would cost two
// storage reads on every turn and hold nothing (measured in bench/).
import { TurnContext, type Activity, type InvokeResponse } from 'botbuilder';
import { Application, type TurnState } from '@microsoft/teams-ai';
import { renderHelp } from '../cards/help.ts';
import { renderInternalError, renderSignInProblem } from '../cards/errors.ts';
import { TokenExchangeHandler, type TokenExchangeValue } from '../identity/sso.ts';
import type { Entities, Intent, Parsed } from '../language/intents.ts';
import { parse } from '../language/parse.ts';
import { tenantOf } from './adapter.ts';
import type { Background } from './background.ts';
import { invokeError, onCardAction, type VerbHandler } from './card-actions.ts';
import { cardActivity, conversationTypeOf } from './delivery.ts';
import { hasPending, takePending } from './pending.ts';
import { helpTopics } from '../pipeline.ts';
import { answer, onText, type QuestionDeps } from './questions.ts';
import { sendSignInCard } from './signin.ts';
import { withTyping } from './typing.ts';

export interface BotDeps extends QuestionDeps {
  background: Background;
  /** Card verbs added by other parts (the helpdesk). */
  verbs?: Record<string, VerbHandler>;
}

const isInvoke = (name: string) => async (context: TurnContext) => context.activity.type === 'invoke' && context.activity.name === name;

async function respond(context: TurnContext, response: InvokeResponse): Promise<void> {
  await context.sendActivity({ type: 'invokeResponse', value: response });
}

/** Runs `work` as a new turn in the conversation of `activity`, after the current turn has answered. */
function later(deps: BotDeps, activity: Activity, name: string, work: (ctx: TurnContext) => Promise<void>): void {
  const reference = TurnContext.getConversationReference(activity);
  deps.background.run(name, () => deps.adapter.continueConversationAsync(deps.config.bot.appId, reference, work));
}

export function createBot(deps: BotDeps): Application<TurnState> {
  const { config, log, stores, tokens } = deps;
  const app = new Application<TurnState>({
    adapter: deps.adapter,
    botAppId: config.bot.appId,
    removeRecipientMention: true,
    startTypingTimer: false, // per-turn instead: see typing.ts
    longRunningMessages: false,
  });

  // Principle: an activity from another tenant runs no turn and makes no Graph call.
  deps.adapter.use(async (context, next) => {
    if (tenantOf(context) !== config.bot.tenantId) {
      log.warn('turn.refused.tenant', { tenant: tenantOf(context) ?? 'none' });
      if (context.activity.type === 'invoke') await respond(context, { status: 403, body: { error: 'This app serves another tenant.' } });
      return;
    }
    await next();
  });

  app.conversationUpdate('membersAdded', async (context) => {
    const botId = context.activity.recipient?.id;
    if (!context.activity.membersAdded?.some((m) => m.id === botId)) return;
    await context.sendActivity(cardActivity(renderHelp({ topics: helpTopics(), welcome: true, inChannel: conversationTypeOf(context.activity) !== 'personal' })));
  });

  app.activity('message', async (context) => {
    await withTyping(context, () => onText(deps, context, context.activity.text ?? ''));
  });

  const exchange = new TokenExchangeHandler(stores, tokens, log);
  app.addRoute(isInvoke('signin/tokenExchange'), async (context) => {
    const oid = context.activity.from?.aadObjectId;
    const result = await exchange.handle(context.activity.value as TokenExchangeValue | undefined, oid);
    await respond(context, result.response);
    if (result.token && oid) {
      // Answer the question that was waiting for this sign-in, where it belongs (the 1:1 chat for a
      // question asked in a channel), after Teams has its invoke response.
      const here = TurnContext.getConversationReference(context.activity);
      deps.background.run('answer-pending', async () => {
        const pending = await takePending(stores, oid);
        await deps.adapter.continueConversationAsync(config.bot.appId, pending?.reference ?? here, async (ctx) => {
          if (pending) await onText(deps, ctx, pending.text);
          else await ctx.sendActivity({ type: 'message', text: "You're signed in. Ask me anything about your tenant." });
        });
      });
    }
  }, true);

  app.addRoute(isInvoke('signin/verifyState'), async (context) => {
    // After the consent page (notifySuccess): answer, then ask Teams to try the silent exchange again.
    await respond(context, { status: 200 });
    const oid = context.activity.from?.aadObjectId;
    if (oid && (await hasPending(stores.storage, oid))) await sendSignInCard(deps, context);
  }, true);

  app.addRoute(isInvoke('signin/failure'), async (context) => {
    const value = (context.activity.value ?? {}) as { code?: string; message?: string };
    log.warn('signin.failure', { code: value.code, message: value.message });
    await respond(context, { status: 200 });
    const detail =
      value.code === 'resourcematchfailed'
        ? "Teams could not match this app's single sign-on settings (the manifest's webApplicationInfo.resource must be the app registration's Application ID URI, api://botid-<app id>). An admin needs to fix the app registration."
        : `Teams reported "${value.code ?? 'unknown'}" while signing you in.`;
    await context.sendActivity(cardActivity(renderSignInProblem(detail)));
  }, true);

  app.addRoute(isInvoke('adaptiveCard/action'), async (context) => {
    const response = await onCardAction(
      {
        storage: stores.storage,
        background: deps.background,
        verbs: deps.verbs ?? {},
        answerLater: (ctx, q) =>
          later(deps, ctx.activity, 'answer-card-action', async (answerCtx) => {
            const parsed: Parsed = q.intent ? { intent: q.intent as Intent, entities: (q.entities ?? {}) as Entities, confidence: 1 } : parse(q.text);
            await answer(deps, answerCtx, parsed, q.text);
          }),
      },
      context,
    );
    await respond(context, response);
  }, true);

  // Any other invoke: a clear 400, never botbuilder's 501 "not implemented".
  app.addRoute(async (context) => context.activity.type === 'invoke', async (context) => {
    log.info('invoke.unknown', { name: context.activity.name?.slice(0, 80) });
    await respond(context, invokeError(400, 'BadRequest', 'Tenant Desk does not handle this invoke.'));
  }, true);

  app.error(async (context, err) => {
    log.error('turn.error', { err });
    if (context.activity.type === 'invoke') {
      await respond(context, invokeError(500, 'InternalError', 'Tenant Desk could not handle this action.')).catch(() => {});
    } else {
      await context.sendActivity(cardActivity(renderInternalError(context.activity.id ?? 'unknown'))).catch(() => {});
    }
  });

  return app;
}
