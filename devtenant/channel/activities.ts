// Activities exactly as Teams sends them to a bot: messages in 1:1, group chats and channel posts
// (with the @mention Teams requires outside 1:1), invokes, and the installation events.
import type { GraphObject } from '../tenant/types.ts';
import type { Conversation } from './conversations.ts';
import { botAccountId, eventActivityId, nextMessageId, threadConversationId, userAccountId } from './ids.ts';
import type { Activity } from './outbox.ts';

export interface ActivityContext {
  serviceUrl: string;
  tenantId: string;
  botAppId: string;
  botName: string;
  conversation: Conversation;
  from: GraphObject;
  now: Date;
  locale?: string;
  timezone?: string;
}

/** `2024-05-01T03:20:30.123-07:00`: the sender's local time with its offset, as Teams clients send it. */
function localTimestamp(now: Date, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' }).formatToParts(now);
  const offset = (parts.find((p) => p.type === 'timeZoneName')?.value ?? 'GMT').replace('GMT', '') || '+00:00';
  const sign = offset.startsWith('-') ? -1 : 1;
  const [h, m] = offset.slice(1).split(':').map(Number);
  const local = new Date(now.getTime() + sign * ((h ?? 0) * 60 + (m ?? 0)) * 60_000);
  return `${local.toISOString().slice(0, -1)}${offset === '+00:00' ? '+00:00' : offset}`;
}

const from = (u: GraphObject) => ({ id: userAccountId(u.id), name: String(u.displayName ?? ''), aadObjectId: u.id });

function conversationOf(c: Conversation, threadRoot?: string): Activity {
  if (c.kind === 'personal') return { conversationType: 'personal', tenantId: c.tenantId, id: c.id };
  if (c.kind === 'groupChat') return { isGroup: true, conversationType: 'groupChat', tenantId: c.tenantId, id: c.id, ...(c.name ? { name: c.name } : {}) };
  return { isGroup: true, conversationType: 'channel', tenantId: c.tenantId, id: threadRoot ? threadConversationId(c.id, threadRoot) : c.id };
}

function channelDataOf(c: Conversation): Activity {
  const tenant = { id: c.tenantId };
  if (c.kind !== 'channel') return { tenant };
  return { teamsChannelId: c.channel!.id, teamsTeamId: c.team!.id, channel: { id: c.channel!.id }, team: { id: c.team!.id, aadGroupId: c.team!.aadGroupId }, tenant };
}

function base(ctx: ActivityContext, type: string, id: string, threadRoot?: string): Activity {
  const locale = ctx.locale ?? 'en-US';
  const timezone = ctx.timezone ?? 'America/Los_Angeles';
  return {
    type,
    id,
    timestamp: ctx.now.toISOString(),
    localTimestamp: localTimestamp(ctx.now, timezone),
    serviceUrl: ctx.serviceUrl,
    channelId: 'msteams',
    from: from(ctx.from),
    conversation: conversationOf(ctx.conversation, threadRoot),
    recipient: { id: botAccountId(ctx.botAppId), name: ctx.botName },
    entities: [{ locale, country: locale.split('-')[1] ?? 'US', platform: 'Web', timezone, type: 'clientInfo' }],
    channelData: channelDataOf(ctx.conversation),
    locale,
    localTimezone: timezone,
  };
}

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export interface MessageOptions {
  /** Put `<at>{bot}</at>` in front of the text with its mention entity (Teams delivers group/channel messages only then). */
  mention?: boolean;
  /** Post in an existing channel thread (its root message id); a channel message otherwise starts a new thread. */
  thread?: string;
  /** The value of an Action.Submit, sent as a message with replyToId. */
  value?: unknown;
  replyToId?: string;
}

export function message(ctx: ActivityContext, text: string, o: MessageOptions = {}): Activity {
  const id = nextMessageId(ctx.now.getTime());
  const root = ctx.conversation.kind === 'channel' ? (o.thread ?? id) : undefined;
  const a = base(ctx, 'message', id, root);
  const tag = `<at>${ctx.botName}</at>`;
  const fullText = o.mention ? `${tag} ${text}` : text;
  if (fullText !== '') {
    a.text = fullText;
    a.textFormat = 'plain';
  }
  const html = o.mention
    ? `<p><span itemtype="http://schema.skype.com/Mention" itemscope="" itemid="0">${escapeHtml(ctx.botName)}</span>&nbsp;${escapeHtml(text)}</p>`
    : `<p>${escapeHtml(text)}</p>`;
  if (text !== '' || o.mention) a.attachments = [{ contentType: 'text/html', content: html }];
  if (o.mention) (a.entities as Activity[]).unshift({ type: 'mention', text: tag, mentioned: { id: botAccountId(ctx.botAppId), name: ctx.botName } });
  if (o.value !== undefined) a.value = o.value;
  if (o.replyToId) a.replyToId = o.replyToId;
  return a;
}

export function invoke(ctx: ActivityContext, name: string, value: unknown, o: { replyToId?: string; thread?: string } = {}): Activity {
  const a = base(ctx, 'invoke', eventActivityId(), o.thread);
  a.name = name;
  a.value = value;
  if (o.replyToId) a.replyToId = o.replyToId;
  return a;
}

/** What Teams sends when the app is installed in this conversation: installationUpdate, then conversationUpdate. */
export function installation(ctx: ActivityContext, action: 'add' | 'remove'): Activity[] {
  const c = ctx.conversation;
  const bot = { id: botAccountId(ctx.botAppId) };
  const update = base(ctx, 'installationUpdate', eventActivityId());
  update.action = action;
  const members = base(ctx, 'conversationUpdate', eventActivityId());
  if (action === 'add') members.membersAdded = c.kind === 'personal' ? [bot, { id: userAccountId(ctx.from.id), aadObjectId: ctx.from.id }] : [bot];
  else members.membersRemoved = [bot];
  delete members.entities;
  delete members.locale;
  if (c.kind === 'channel') {
    const team = { id: c.team!.id, name: c.team!.name, aadGroupId: c.team!.aadGroupId };
    const settings = { selectedChannel: { id: c.channel!.id } };
    update.channelData = { settings, channel: { id: c.channel!.id }, team, tenant: { id: c.tenantId }, source: { name: 'message' } };
    members.channelData = { settings, team, eventType: action === 'add' ? 'teamMemberAdded' : 'teamMemberRemoved', tenant: { id: c.tenantId } };
    (members.conversation as Activity).name = c.channel!.name;
  }
  return [update, members];
}
