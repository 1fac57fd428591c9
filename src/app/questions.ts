// A question's way through the bot: parse → (commands that need no Graph) → rate limit → the
// asker's token → the answer (Graph, within the turn's deadline) → the card → delivery by audience.
import { randomUUID } from 'node:crypto';
import type { TurnContext } from 'botbuilder';
import { capabilityFor, type Capability } from '../catalog.ts';
import { renderHelp } from '../cards/help.ts';
import { renderRateLimited, renderSignedOut } from '../cards/notices.ts';
import { retryPolicy } from '../config.ts';
import { createGraph } from '../graph/client.ts';
import { Deadline } from '../graph/deadline.ts';
import type { Parsed } from '../language/intents.ts';
import { parse } from '../language/parse.ts';
import type { UserToken } from '../identity/tokens.ts';
import { cardActivity, conversationTypeOf, deliver } from './delivery.ts';
import { answerWith, helpTopics, replyWithoutGraph } from '../pipeline.ts';
import { saveSnapshot } from './snapshots.ts';
import type { RateLimiter } from './rate-limit.ts';
import { ensureToken, type SignInDeps } from './signin.ts';
import type { HelpdeskCommands } from '../helpdesk/commands.ts';

export interface QuestionDeps extends SignInDeps {
  limiter: RateLimiter;
  /** Ticket lists and "this is the helpdesk channel" (src/helpdesk); absent, they get the help card. */
  helpdesk?: HelpdeskCommands;
}

/** The longest question worth reading; anything longer is not a question (1 MB of text is not). */
export const MAX_QUESTION_CHARS = 2000;

export async function onText(deps: QuestionDeps, context: TurnContext, raw: string): Promise<void> {
  const text = raw.trim();
  if (!text) {
    await context.sendActivity(cardActivity(renderHelp({ topics: helpTopics(), preface: 'I only read text messages.', inChannel: conversationTypeOf(context.activity) !== 'personal' })));
    return;
  }
  if (text.length > MAX_QUESTION_CHARS) {
    await context.sendActivity({ type: 'message', text: `That message is ${text.length.toLocaleString('en-US')} characters long. Ask me one short question at a time.` });
    return;
  }
  await answer(deps, context, parse(text), text);
}

export async function answer(deps: QuestionDeps, context: TurnContext, parsed: Parsed, text: string): Promise<void> {
  const inChannel = conversationTypeOf(context.activity) !== 'personal';
  if (parsed.intent === 'signout') {
    if (context.activity.from?.aadObjectId) await deps.tokens.signOut(context.activity.from.aadObjectId);
    await context.sendActivity(cardActivity(renderSignedOut()));
    return;
  }
  if (deps.helpdesk && parsed.intent === 'ticket.list') return deps.helpdesk.ticketList(context, parsed);
  if (deps.helpdesk && parsed.intent === 'helpdesk.here') return deps.helpdesk.here(context, text);
  const direct = replyWithoutGraph(parsed, text, inChannel);
  const capability = capabilityFor(parsed.intent);
  if (direct || !capability) {
    await context.sendActivity(cardActivity(direct ?? renderHelp({ topics: helpTopics(), inChannel })));
    return;
  }

  const who = context.activity.from?.aadObjectId ?? context.activity.from?.id ?? 'anonymous';
  const rate = deps.limiter.take(who);
  if (!rate.allowed) {
    deps.log.info('turn.rate_limited', { notify: rate.notify });
    if (rate.notify) await context.sendActivity(cardActivity(renderRateLimited(rate.retryAfterSeconds)));
    return;
  }

  const token = await ensureToken(deps, context, text);
  if (!token) return;
  await runAnswer(deps, context, capability, parsed, text, token);
}

export async function runAnswer(deps: QuestionDeps, context: TurnContext, capability: Capability, parsed: Parsed, text: string, token: UserToken): Promise<void> {
  const isInvoke = context.activity.type === 'invoke';
  const deadline = new Deadline(isInvoke ? deps.config.limits.invokeDeadlineMs : deps.config.limits.turnDeadlineMs);
  const graph = createGraph({
    baseUrl: deps.config.graphBaseUrl,
    agent: deps.agent,
    token: async () => token.accessToken,
    deadline,
    policy: retryPolicy(deps.config.limits),
    log: deps.log,
  });
  const started = Date.now();
  const answerId = randomUUID();
  const asker = { oid: token.oid, ...(token.upn ? { upn: token.upn } : {}), ...(token.name ? { name: token.name } : {}) };
  const outcome = await answerWith(capability, parsed, text, { graph, asker, tenantId: deps.config.bot.tenantId, now: new Date() }, answerId, context.activity.id ?? answerId).finally(() => deadline.dispose());
  if (!outcome.ok) {
    deps.log.warn('answer.failed', { intent: parsed.intent, err: outcome.error, requests: graph.stats.requests, roundTrips: graph.stats.roundTrips, graphRequestIds: graph.stats.requestIds });
    await context.sendActivity(cardActivity(outcome.rendered));
    return;
  }
  const rendered = outcome.rendered;
  // The paging snapshot and the answer go out together; a click on Next comes long after both.
  // A triage answer is kept too: its Escalate button opens a ticket from exactly this diagnosis.
  const keep = (rendered.pages && rendered.pages > 1) || parsed.intent === 'triage';
  const [, where] = await Promise.all([keep ? saveSnapshot(deps.stores.storage, answerId, { intent: parsed.intent, vm: outcome.vm }) : undefined, deliver(deps, context, rendered, capability.audience)]);
  deps.log.info('answer.sent', { intent: parsed.intent, where, ms: Date.now() - started, requests: graph.stats.requests, roundTrips: graph.stats.roundTrips, graphRequestIds: graph.stats.requestIds });
}
