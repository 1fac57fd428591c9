// Teams-shaped identifiers, derived deterministically so a user, chat or channel keeps its id across
// dev tenant restarts (the bot stores conversation references and expects them to stay valid).
import { createHash, randomUUID } from 'node:crypto';

const digest = (s: string) => createHash('sha256').update(s).digest();

/** The bot's account id in Teams: 28:{app id}. */
export const botAccountId = (appId: string) => `28:${appId}`;

/** A user's Teams account id (29:1…), stable per user. */
export const userAccountId = (oid: string) => `29:1${digest(`user|${oid.toLowerCase()}`).toString('base64url')}${digest(`user2|${oid.toLowerCase()}`).toString('base64url').slice(0, 20)}`;

/** The 1:1 chat between a user and the bot (a:1…). Teams returns the same id every time. */
export const personalConversationId = (oid: string, botAppId: string) => `a:1${digest(`personal|${oid.toLowerCase()}|${botAppId}`).toString('base64url')}`;

/** A group chat's thread id (19:…@thread.v2), from its members. */
export const groupChatId = (memberOids: string[]) => `19:${digest(`group|${[...memberOids].map((m) => m.toLowerCase()).sort().join(',')}`).toString('hex').slice(0, 32)}@thread.v2`;

/** A team's id, which is also its General channel's id (19:…@thread.tacv2). */
export const teamThreadId = (groupId: string) => `19:${digest(`team|${groupId.toLowerCase()}`).toString('hex').slice(0, 32)}@thread.tacv2`;

export const GENERAL = 'General';

/** A channel's thread id; General's is the team's. */
export const channelThreadId = (groupId: string, channelName: string) =>
  channelName.toLowerCase() === GENERAL.toLowerCase() ? teamThreadId(groupId) : `19:${digest(`channel|${groupId.toLowerCase()}|${channelName.toLowerCase()}`).toString('hex').slice(0, 32)}@thread.tacv2`;

/** A reply chain in a channel: the channel id plus the root post's message id. */
export const threadConversationId = (channelId: string, rootMessageId: string) => `${channelId};messageid=${rootMessageId}`;

/** Splits `19:…@thread.tacv2;messageid=123` into the channel and the root message. */
export function splitConversationId(id: string): { base: string; messageId?: string } {
  const m = /^(.*);messageid=(.+)$/.exec(id);
  return m ? { base: m[1]!, messageId: m[2]! } : { base: id };
}

let lastMessageId = 0;
/** Message ids as Teams gives them: the epoch milliseconds of the post, unique and increasing. */
export function nextMessageId(nowMs: number = Date.now()): string {
  lastMessageId = Math.max(nowMs, lastMessageId + 1);
  return String(lastMessageId);
}

/** Ids Teams gives event and invoke activities (f:…). */
export const eventActivityId = () => `f:${randomUUID()}`;
