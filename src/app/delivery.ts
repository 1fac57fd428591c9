// Where an answer goes (principle 2: never widen an audience). In a 1:1 chat: there. In a group
// chat or channel: in the thread when every member could read the data themselves or the channel
// is a configured admin channel; otherwise to the asker in a private 1:1 chat, with a short note
// in the thread.
import { CardFactory, TurnContext, type Activity, type ConversationParameters, type ConversationReference } from 'botbuilder';
import type { Audience } from '../catalog.ts';
import type { Config } from '../config.ts';
import type { Rendered } from '../cards/guard.ts';
import { renderPrivateNote } from '../cards/notices.ts';
import type { Logger } from '../log.ts';
import type { TenantDeskAdapter } from './adapter.ts';

export type ConversationType = 'personal' | 'groupChat' | 'channel';

export interface DeliveryDeps {
  adapter: TenantDeskAdapter;
  config: Config;
  log: Logger;
}

export function conversationTypeOf(activity: Partial<Activity>): ConversationType {
  const t = activity.conversation?.conversationType;
  return t === 'channel' ? 'channel' : t === 'groupChat' || activity.conversation?.isGroup ? 'groupChat' : 'personal';
}

/** The channel (not the thread) a channel message was posted in. */
export function channelIdOf(activity: Partial<Activity>): string | undefined {
  const data = activity.channelData as { channel?: { id?: string }; teamsChannelId?: string } | undefined;
  return data?.channel?.id ?? data?.teamsChannelId;
}

export function isAdminChannel(activity: Partial<Activity>, config: Config): boolean {
  const channel = channelIdOf(activity);
  return conversationTypeOf(activity) === 'channel' && channel !== undefined && config.adminChannelIds.includes(channel);
}

export function cardActivity(rendered: Rendered): Partial<Activity> {
  return { type: 'message', attachments: [CardFactory.adaptiveCard(rendered.card)], summary: rendered.text.slice(0, 200) };
}

/** True when an answer for `audience` may be posted where the question was asked. */
export function mayPostHere(activity: Partial<Activity>, audience: Audience, config: Config): boolean {
  return conversationTypeOf(activity) === 'personal' || audience === 'members' || isAdminChannel(activity, config);
}

/**
 * Opens (or reuses — Teams returns the existing one) the 1:1 chat between the bot and the asker and
 * runs `send` there. Returns that conversation's reference, or undefined when Teams refused
 * (typically: the app is not installed for the person).
 */
export async function inPrivateChat(deps: DeliveryDeps, context: TurnContext, send: (ctx: TurnContext, reference: Partial<ConversationReference>) => Promise<void>): Promise<Partial<ConversationReference> | undefined> {
  const a = context.activity;
  const tenantId = deps.config.bot.tenantId;
  const params = {
    isGroup: false,
    bot: a.recipient,
    members: [a.from],
    tenantId,
    channelData: { tenant: { id: tenantId } },
  } as ConversationParameters;
  let reference: Partial<ConversationReference> | undefined;
  try {
    await deps.adapter.createConversationAsync(deps.config.bot.appId, a.channelId, a.serviceUrl, deps.config.botFramework.oauthScope, params, async (ctx) => {
      reference = {
        ...TurnContext.getConversationReference(ctx.activity),
        user: a.from,
        bot: a.recipient,
        conversation: { id: ctx.activity.conversation.id, conversationType: 'personal', isGroup: false, tenantId, name: '' },
      };
      await send(ctx, reference);
    });
  } catch (err) {
    deps.log.warn('delivery.private_chat_failed', { err });
    return undefined;
  }
  return reference;
}

/** Sends an answer where the audience rule allows, and says so in the thread when it went privately. */
export async function deliver(deps: DeliveryDeps, context: TurnContext, rendered: Rendered, audience: Audience): Promise<'here' | 'private' | 'failed'> {
  if (mayPostHere(context.activity, audience, deps.config)) {
    await context.sendActivity(cardActivity(rendered));
    return 'here';
  }
  const sent = await inPrivateChat(deps, context, async (ctx) => {
    await ctx.sendActivity(cardActivity(rendered));
  });
  if (sent) {
    await context.sendActivity(cardActivity(renderPrivateNote('answer')));
    return 'private';
  }
  // Never post it in the thread instead: say how to get it.
  await context.sendActivity({
    type: 'message',
    text: `I can't post that answer here, because not everyone here may read it, and I couldn't open a private chat with you. Open a chat with me (https://teams.microsoft.com/l/chat/0/0?users=28:${deps.config.bot.appId}) and ask there.`,
  });
  return 'failed';
}
