// The helpdesk's calls to Teams through the Bot Connector, outside any turn: post a card as a new
// thread in a channel, update a card the bot sent, message a person in their 1:1 chat with the
// bot, read a team's members. Each call has its own timeout, so a hung Connector cannot hold a
// ticket's delivery forever (its lease runs out and another attempt follows).
import type { Activity, ConversationParameters, TeamsChannelAccount, TurnContext } from 'botbuilder';
import type { ConnectorClient } from 'botframework-connector';
import type { TenantDeskAdapter } from '../app/adapter.ts';

export const CONNECTOR_TIMEOUT_MS = 10_000;
/** The most members read for "Assign to …" (a ChoiceSet of more would not fit a card anyway). */
export const MEMBERS_MAX = 200;

export interface TeamsPort {
  /** Posts `activity` as a new thread in the channel: the thread's conversation id and the card's activity id. */
  postToChannel(serviceUrl: string, channelId: string, activity: Partial<Activity>): Promise<{ threadId: string; activityId: string }>;
  update(serviceUrl: string, conversationId: string, activityId: string, activity: Partial<Activity>): Promise<void>;
  /** Deletes a message the bot sent (a duplicate channel card). */
  remove(serviceUrl: string, conversationId: string, activityId: string): Promise<void>;
  /** Sends `activity` to the person's 1:1 chat with the bot: the one known, else opened (Teams returns the existing one). */
  tell(serviceUrl: string, to: { accountId: string; chatId?: string }, activity: Partial<Activity>): Promise<void>;
  /** The members of a team (by its id or one of its channels' ids), at most MEMBERS_MAX. */
  members(serviceUrl: string, teamOrChannelId: string): Promise<TeamsChannelAccount[]>;
  /** The member with this Teams account id, or undefined when they are not in the team. */
  member(serviceUrl: string, teamOrChannelId: string, accountId: string): Promise<TeamsChannelAccount | undefined>;
}

/** The Connector's HTTP status of a failed call (0 when it never answered). */
export function connectorStatus(err: unknown): number {
  const e = err as { statusCode?: unknown; status?: unknown; response?: { status?: unknown } } | undefined;
  const s = e?.statusCode ?? e?.status ?? e?.response?.status;
  return typeof s === 'number' ? s : 0;
}

export function createTeamsPort(adapter: TenantDeskAdapter, appId: string, tenantId: string): TeamsPort {
  const options = { timeout: CONNECTOR_TIMEOUT_MS };
  /**
   * Runs `fn` with a Connector client for `serviceUrl` (continueConversation builds one with the
   * bot's credentials). The reference names the tenant: the bot runs no turn for another tenant.
   */
  const withClient = async <T>(serviceUrl: string, conversationId: string, fn: (client: ConnectorClient, ctx: TurnContext) => Promise<T>): Promise<T> => {
    let out: { value: T } | { error: unknown } | undefined;
    await adapter.continueConversationAsync(appId, { serviceUrl, channelId: 'msteams', conversation: { id: conversationId, isGroup: false, conversationType: '', name: '', tenantId } }, async (ctx) => {
      // Errors stay here: thrown into the adapter they would reach the turn error handler, which
      // answers in the conversation — not what a failed delivery should do.
      try {
        out = { value: await fn(ctx.turnState.get(ctx.adapter.ConnectorClientKey) as ConnectorClient, ctx) };
      } catch (error) {
        out = { error };
      }
    });
    if (!out) throw new Error('the Connector call did not run (turn refused)');
    if ('error' in out) throw out.error;
    return out.value;
  };

  return {
    postToChannel(serviceUrl, channelId, activity) {
      return withClient(serviceUrl, channelId, async (client) => {
        const params = { isGroup: true, channelData: { channel: { id: channelId }, tenant: { id: tenantId } }, activity, tenantId } as unknown as ConversationParameters;
        const res = await client.conversations.createConversation(params, options);
        // Teams names a thread after its first post: …;messageid={activity id}.
        const activityId = res.activityId || /;messageid=(.+)$/.exec(res.id)?.[1] || '';
        return { threadId: res.id, activityId };
      });
    },
    update(serviceUrl, conversationId, activityId, activity) {
      return withClient(serviceUrl, conversationId, async (client) => {
        await client.conversations.updateActivity(conversationId, activityId, { ...activity, id: activityId, conversation: { id: conversationId } } as Partial<Activity>, options);
      });
    },
    remove(serviceUrl, conversationId, activityId) {
      return withClient(serviceUrl, conversationId, async (client) => {
        await client.conversations.deleteActivity(conversationId, activityId, options);
      });
    },
    tell(serviceUrl, to, activity) {
      return withClient(serviceUrl, to.chatId ?? to.accountId, async (client) => {
        let chatId = to.chatId;
        if (!chatId) {
          const params = { isGroup: false, bot: { id: `28:${appId}`, name: '' }, members: [{ id: to.accountId, name: '' }], tenantId, channelData: { tenant: { id: tenantId } } } as unknown as ConversationParameters;
          chatId = (await client.conversations.createConversation(params, options)).id;
        }
        await client.conversations.sendToConversation(chatId, { ...activity, conversation: { id: chatId } } as Partial<Activity>, options);
      });
    },
    members(serviceUrl, teamOrChannelId) {
      return withClient(serviceUrl, teamOrChannelId, async (client) => {
        const out: TeamsChannelAccount[] = [];
        let token: string | undefined;
        do {
          const params: { pageSize: number; continuationToken?: string; timeout: number } = { pageSize: 100, ...options };
          if (token) params.continuationToken = token;
          const page = await client.conversations.getConversationPagedMembers(teamOrChannelId, params as { pageSize: number; continuationToken: string });
          out.push(...((page.members ?? []) as TeamsChannelAccount[]));
          token = page.continuationToken || undefined;
        } while (token && out.length < MEMBERS_MAX);
        return out.slice(0, MEMBERS_MAX);
      });
    },
    member(serviceUrl, teamOrChannelId, accountId) {
      return withClient(serviceUrl, teamOrChannelId, async (client) => {
        try {
          return (await client.conversations.getConversationMember(teamOrChannelId, accountId, options)) as unknown as TeamsChannelAccount;
        } catch (err) {
          if (connectorStatus(err) === 404) return undefined;
          throw err;
        }
      });
    },
  };
}
