// Action.Execute on the bot's cards arrives as an `adaptiveCard/action` invoke, which Teams expects
// answered within about 5 seconds. Verbs: `page` (another page of a stored list), `ask` (a suggested
// question), `choose` (a reading picked from a clarifying card). Slow work is acknowledged at once
// and answered in a new message. Unknown verbs and data that does not fit the verb get a 400 —
// card data comes from the client and is never trusted.
import type { InvokeResponse, Storage, TurnContext } from 'botbuilder';
import { capabilityFor } from '../catalog.ts';
import { card, subtle, text } from '../cards/elements.ts';
import { md } from '../cards/escape.ts';
import { ENTITY_KEYS, INTENTS, type Entities, type Intent } from '../language/intents.ts';
import type { Background } from './background.ts';
import { loadSnapshot } from './snapshots.ts';

export const CARD = 'application/vnd.microsoft.card.adaptive';
export const MESSAGE = 'application/vnd.microsoft.activity.message';
export const ERROR = 'application/vnd.microsoft.error';

export interface ActionValue {
  action?: { type?: string; verb?: string; data?: Record<string, unknown> };
  trigger?: string;
}

export const invokeOk = (value: unknown, type = CARD): InvokeResponse => ({ status: 200, body: { statusCode: 200, type, value } });
export const invokeMessage = (message: string): InvokeResponse => invokeOk(message, MESSAGE);
export const invokeError = (status: number, code: string, message: string): InvokeResponse => ({ status, body: { statusCode: status, type: ERROR, value: { code, message } } });

/** A verb's handler: returns the invoke response; may schedule background work. */
export type VerbHandler = (context: TurnContext, data: Record<string, unknown>) => Promise<InvokeResponse>;

export interface CardActionDeps {
  storage: Storage;
  background: Background;
  /** Answers a question (text, or an already chosen reading) as a new message in this conversation. */
  answerLater: (context: TurnContext, question: { text: string; intent?: Intent; entities?: Entities }) => void;
  /** More verbs (tickets), by name. */
  verbs?: Record<string, VerbHandler>;
}

function asEntities(value: unknown): Entities | undefined {
  if (value === undefined) return {};
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  const out: Entities = {};
  for (const [k, v] of Object.entries(value)) {
    if (!(ENTITY_KEYS as readonly string[]).includes(k)) return undefined;
    if (k === 'days') {
      if (typeof v !== 'number' || !Number.isInteger(v) || v < 0 || v > 3650) return undefined;
      out.days = v;
    } else {
      if (typeof v !== 'string' || v.length > 300) return undefined;
      (out as Record<string, string>)[k] = v;
    }
  }
  return out;
}

export async function onCardAction(deps: CardActionDeps, context: TurnContext): Promise<InvokeResponse> {
  const value = context.activity.value as ActionValue | undefined;
  const verb = value?.action?.verb;
  const data = value?.action?.data ?? {};
  if (value?.action?.type !== 'Action.Execute' || typeof verb !== 'string' || typeof data !== 'object' || data === null) {
    return invokeError(400, 'BadRequest', 'Tenant Desk expects an Action.Execute with a verb.');
  }
  switch (verb) {
    case 'page': {
      const answerId = data.answerId;
      const page = data.page;
      if (typeof answerId !== 'string' || typeof page !== 'number' || !Number.isInteger(page) || page < 0 || page > 10_000) return invokeError(400, 'BadRequest', 'This page link is not valid.');
      const snapshot = await loadSnapshot(deps.storage, answerId);
      const capability = snapshot && capabilityFor(snapshot.intent);
      if (!snapshot || !capability) return invokeOk(card([text('This list has expired. Ask again for a fresh answer.')]));
      return invokeOk(capability.render(snapshot.vm, { page, answerId }).card);
    }
    case 'ask': {
      const question = data.question;
      if (typeof question !== 'string' || !question.trim() || question.length > 500) return invokeError(400, 'BadRequest', 'This button has no question.');
      deps.answerLater(context, { text: question });
      return invokeMessage(`Looking up: ${question}`);
    }
    case 'choose': {
      const intent = data.intent;
      const entities = asEntities(data.entities);
      const label = typeof data.label === 'string' ? data.label : '';
      if (typeof intent !== 'string' || !(INTENTS as readonly string[]).includes(intent) || !entities || !capabilityFor(intent as Intent)) return invokeError(400, 'BadRequest', 'This choice is not valid.');
      deps.answerLater(context, { text: label || intent, intent: intent as Intent, entities });
      return invokeOk(card([subtle(`You chose ${md(label || intent)}. Looking it up…`)]));
    }
    default: {
      const handler = deps.verbs?.[verb];
      if (handler) return handler(context, data as Record<string, unknown>);
      return invokeError(400, 'BadRequest', `Tenant Desk has no action "${verb.slice(0, 40)}".`);
    }
  }
}
