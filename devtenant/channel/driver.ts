// The test driver: plays Teams for the bot. It posts activities to the bot's /api/messages with a
// fresh channel token, hands back the HTTP answer (the invoke response for invokes) and everything
// the bot sent through the Connector while the turn ran.
import type { GraphObject } from '../tenant/types.ts';
import { installation, invoke, message, type ActivityContext, type MessageOptions } from './activities.ts';
import { walkConsent, type ConsentResult } from './consent-walker.ts';
import type { Conversation, Conversations } from './conversations.ts';
import { postJson } from './http-client.ts';
import type { Activity, CreatedConversation, Outbox, SentActivity } from './outbox.ts';
import { TEAMS_DESKTOP_CLIENT_ID, TEAMS_WEB_CLIENT_ID } from '../entra/well-known.ts';
import type { SsoTokenOptions } from '../entra/server.ts';

export interface DriverDeps {
  conversations: Conversations;
  outbox: Outbox;
  tenantId: string;
  botAppId: string;
  botName: string;
  serviceUrl: () => string;
  /** A channel token for an activity with this serviceUrl. */
  tokenFor: (serviceUrl: string) => string;
  mintSsoToken: (user: string, opts?: SsoTokenOptions) => string;
  entraBase: () => string;
  ca: string;
  now: () => Date;
  botEndpoint?: string;
}

/** The OAuthCard content the bot sends (application/vnd.microsoft.card.oauth). */
export interface OAuthCard {
  text?: string;
  connectionName?: string;
  buttons?: { type: string; title?: string; value?: string }[];
  tokenExchangeResource?: { id: string; uri?: string; providerId?: string };
}

export interface Turn {
  /** The activity the driver sent. */
  activity: Activity;
  /** Whether it reached the bot (Teams does not deliver group or channel messages without an @mention). */
  delivered: boolean;
  /** HTTP status of the bot's /api/messages (0 when not delivered). */
  status: number;
  /** The response body: the invoke response for invokes. */
  body: unknown;
  /** Everything the bot sent through the Connector while the turn ran (anywhere). */
  sent: SentActivity[];
  /** The activities of `sent`, as they now stand. */
  replies: Activity[];
  /** The replies of type message. */
  messages: Activity[];
  /** Adaptive Card contents among the messages. */
  cards: Record<string, unknown>[];
  /** The first OAuthCard the bot sent, if any. */
  oauthCard?: OAuthCard;
}

export interface InvokeResult {
  status: number;
  body: unknown;
}

const OAUTH = 'application/vnd.microsoft.card.oauth';
const ADAPTIVE = 'application/vnd.microsoft.card.adaptive';

function attachmentsOf(a: Activity): { contentType?: string; content?: unknown }[] {
  return Array.isArray(a.attachments) ? (a.attachments as { contentType?: string; content?: unknown }[]) : [];
}

/** Finds the OAuthCard in a card, an attachment, an activity or a turn. */
export function oauthCardOf(x: unknown): OAuthCard | undefined {
  if (!x || typeof x !== 'object') return undefined;
  const o = x as Record<string, unknown>;
  if ('tokenExchangeResource' in o || 'connectionName' in o) return o as OAuthCard;
  if (o.contentType === OAUTH) return o.content as OAuthCard;
  if (Array.isArray(o.replies)) return (o.replies as Activity[]).map(oauthCardOf).find(Boolean);
  return attachmentsOf(o).map((att) => (att.contentType === OAUTH ? (att.content as OAuthCard) : undefined)).find(Boolean);
}

export class Chat {
  constructor(
    private readonly driver: ChannelDriver,
    readonly conversation: Conversation,
    private readonly defaultUser: string,
  ) {}

  /** The conversation id (for a channel: the channel's; each post opens `{id};messageid={post}`). */
  get id(): string {
    return this.conversation.id;
  }

  private ctx(as?: string): ActivityContext {
    return this.driver.context(this.conversation, as ?? this.defaultUser);
  }

  /** A message from the user; in group chats and channels it @mentions the bot unless `mention: false`. */
  send(text: string, opts: MessageOptions & { as?: string } = {}): Promise<Turn> {
    const mention = opts.mention ?? this.conversation.kind !== 'personal';
    const activity = message(this.ctx(opts.as), text, { ...opts, mention });
    if (this.conversation.kind !== 'personal' && !mention) return Promise.resolve(this.driver.undelivered(activity));
    return this.driver.deliver(activity);
  }

  /** An Action.Submit from a card the bot sent: a message with `value` and replyToId, no text. */
  submit(replyToId: string, value: unknown, opts: { as?: string; thread?: string } = {}): Promise<Turn> {
    return this.driver.deliver(message(this.ctx(opts.as), '', { value, replyToId, ...(opts.thread ? { thread: opts.thread } : {}) }));
  }

  invoke(name: string, value: unknown, opts: { as?: string; replyToId?: string; thread?: string } = {}): Promise<Turn> {
    return this.driver.deliver(invoke(this.ctx(opts.as), name, value, opts));
  }

  /** An Action.Execute on a card the bot sent (adaptiveCard/action); the turn's body is the card response. */
  action(activityId: string, verb: string, data: Record<string, unknown> = {}, opts: { as?: string; thread?: string } = {}): Promise<Turn> {
    return this.invoke('adaptiveCard/action', { action: { type: 'Action.Execute', verb, data }, trigger: 'manual' }, { ...opts, replyToId: activityId });
  }

  /**
   * What Teams does with an OAuthCard that has a tokenExchangeResource: one signin/tokenExchange per
   * signed-in client, all at once, with the same value.id and the user's SSO token for the bot.
   */
  async tokenExchange(card: OAuthCard | Activity | Turn, opts: { copies?: number; as?: string; token?: string } = {}): Promise<InvokeResult[]> {
    const c = oauthCardOf(card);
    if (!c?.tokenExchangeResource?.id) throw new Error('no OAuthCard with a tokenExchangeResource to exchange');
    const user = opts.as ?? this.defaultUser;
    const clients = [TEAMS_DESKTOP_CLIENT_ID, TEAMS_WEB_CLIENT_ID];
    const copies = Array.from({ length: opts.copies ?? 1 }, (_, i) => {
      const token = opts.token ?? this.driver.ssoToken(user, { clientId: clients[i % clients.length]! });
      return this.invoke('signin/tokenExchange', { id: c.tokenExchangeResource!.id, connectionName: c.connectionName ?? '', token }, { as: user });
    });
    return (await Promise.all(copies)).map((t) => ({ status: t.status, body: t.body }));
  }

  /** Sent by Teams after the sign-in/consent popup reports success. */
  verifyState(state = '', opts: { as?: string } = {}): Promise<Turn> {
    return this.invoke('signin/verifyState', { state }, opts);
  }

  signinFailure(code: string, messageText = '', opts: { as?: string } = {}): Promise<Turn> {
    return this.invoke('signin/failure', { code, message: messageText }, opts);
  }

  /** The app is added here: installationUpdate (add), then conversationUpdate with the bot in membersAdded. */
  async install(opts: { as?: string } = {}): Promise<Turn[]> {
    const turns: Turn[] = [];
    for (const a of installation(this.ctx(opts.as), 'add')) turns.push(await this.driver.deliver(a));
    return turns;
  }

  async uninstall(opts: { as?: string } = {}): Promise<Turn[]> {
    const turns: Turn[] = [];
    for (const a of installation(this.ctx(opts.as), 'remove')) turns.push(await this.driver.deliver(a));
    return turns;
  }

  /** Sends an activity built by the caller (merged over a message from the default user). */
  post(activity: Activity, opts: { as?: string } = {}): Promise<Turn> {
    return this.driver.deliver({ ...message(this.ctx(opts.as), ''), ...activity });
  }

  /** What the bot sent into this conversation (for a channel: into any of its threads). */
  sent(): SentActivity[] {
    return this.driver.sent({ conversationId: this.conversation.id });
  }
}

export class ChannelDriver {
  private endpoint: string | undefined;

  constructor(private readonly d: DriverDeps) {
    this.endpoint = d.botEndpoint;
  }

  /** Where the bot listens (its /api/messages URL); the bot starts after the dev tenant. */
  setBot(url: string): void {
    this.endpoint = url;
  }

  get botEndpoint(): string | undefined {
    return this.endpoint;
  }

  personal(user: string): Chat {
    return new Chat(this, this.d.conversations.personal(user), user);
  }

  /** A group chat; the first user is the default sender. */
  groupChat(users: string[], opts: { topic?: string } = {}): Chat {
    if (users.length < 2) throw new Error('a group chat needs at least two users');
    return new Chat(this, this.d.conversations.groupChat(users, opts.topic), users[0]!);
  }

  /** A channel of a team (by name, mail nickname or group id); posts come from `as`, else the first member. */
  teamChannel(team: string, channel = 'General', opts: { as?: string } = {}): Chat {
    const conv = this.d.conversations.channel(team, channel);
    const first = opts.as ?? conv.memberOids[0];
    if (!first) throw new Error(`team '${team}' has no members to post as`);
    return new Chat(this, conv, first);
  }

  ssoToken(user: string, opts?: SsoTokenOptions): string {
    return this.d.mintSsoToken(user, opts);
  }

  /** Walks Entra's consent prompt for the user, like a browser opening the sign-in link. */
  consent(user: string, url: string, opts: { redirectUri?: string; decline?: boolean } = {}): Promise<ConsentResult> {
    return walkConsent({ url, user, entraBase: this.d.entraBase(), ca: this.d.ca, ...opts });
  }

  sent(filter: { conversationId?: string; since?: number } = {}): SentActivity[] {
    return this.d.outbox.list(filter);
  }

  /** Conversations the bot created (proactive 1:1s, new channel threads), oldest first. */
  createdConversations(since?: number): CreatedConversation[] {
    return this.d.outbox.createdConversations(since);
  }

  waitFor(pred: (s: SentActivity) => boolean, timeoutMs?: number): Promise<SentActivity> {
    return this.d.outbox.waitFor(pred, timeoutMs);
  }

  /** A position in the outbox: pass it to sent({ since }). */
  mark(): number {
    return this.d.outbox.mark();
  }

  /** The base fields of an activity in this conversation from this user (used by Chat). */
  context(conversation: Conversation, user: string): ActivityContext {
    const from: GraphObject = this.d.conversations.user(user);
    return { serviceUrl: this.d.serviceUrl(), tenantId: this.d.tenantId, botAppId: this.d.botAppId, botName: this.d.botName, conversation, from, now: this.d.now() };
  }

  undelivered(activity: Activity): Turn {
    return { activity, delivered: false, status: 0, body: undefined, sent: [], replies: [], messages: [], cards: [] };
  }

  async deliver(activity: Activity): Promise<Turn> {
    if (!this.endpoint) throw new Error('the channel has no bot endpoint: call setBot(url) first');
    const mark = this.d.outbox.mark();
    const res = await postJson(this.endpoint, activity, {
      Authorization: `Bearer ${this.d.tokenFor(String(activity.serviceUrl))}`,
      'User-Agent': 'Microsoft-SkypeBotApi (Microsoft-BotFramework 3.0)',
      'x-ms-conversation-id': String((activity.conversation as Activity).id),
      'x-ms-tenant-id': this.d.tenantId,
    });
    const sent = this.d.outbox.list({ since: mark });
    const replies = sent.map((s) => s.activity);
    const messages = replies.filter((r) => r.type === 'message');
    const cards = messages.flatMap((m) => attachmentsOf(m).filter((a) => a.contentType === ADAPTIVE).map((a) => a.content as Record<string, unknown>));
    const turn: Turn = { activity, delivered: true, status: res.status, body: res.body, sent, replies, messages, cards };
    const card = oauthCardOf({ replies });
    if (card) turn.oauthCard = card;
    return turn;
  }
}
