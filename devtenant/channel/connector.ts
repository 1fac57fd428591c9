// The Bot Connector REST API at the serviceUrl (…/amer/v3/…), as Teams serves it to a bot: sends,
// replies, updates, deletes, conversation creation, members and team channels. Every call must carry
// the bot's own token; errors use the Connector's {"error":{"code","message"}} shape.
import { json, type Reply, type Request, type Router } from '../shared/http.ts';
import type { BotAuth } from './auth.ts';
import type { Conversation, Conversations } from './conversations.ts';
import { nextMessageId, threadConversationId } from './ids.ts';
import type { Activity, Outbox, SentActivity } from './outbox.ts';
import { annotate } from '../entra/http-service.ts';

export interface ConnectorDeps {
  conversations: Conversations;
  outbox: Outbox;
  authenticate: (req: Request) => BotAuth;
  now: () => Date;
  tenantId: string;
  /** Teams refuses larger messages with 413 MessageSizeTooBig (measured as UTF-16, i.e. 2 bytes a character). */
  maxMessageBytes: number;
}

const fail = (status: number, code: string, message: string): Reply => ({ status, body: { error: { code, message } } });
const denied: Reply = { status: 401, body: { message: 'Authorization has been denied for this request.' } };
const decode = (s: string | undefined) => decodeURIComponent(s ?? '');

type Op = (req: Request) => Reply;

export function connectorRoutes(router: Router, d: ConnectorDeps): void {
  const guarded = (kind: string, op: Op) => (req: Request): Reply => {
    annotate(req.raw, { kind });
    const auth = d.authenticate(req);
    if (!auth.ok) return denied;
    return op(req);
  };

  const readActivity = (req: Request): { activity: Activity } | { reply: Reply } => {
    let body: unknown;
    try {
      body = json(req);
    } catch {
      return { reply: fail(400, 'BadSyntax', 'Request body is not a valid activity.') };
    }
    if (!body || typeof body !== 'object' || Array.isArray(body) || typeof (body as Activity).type !== 'string') return { reply: fail(400, 'BadArgument', 'Activity type is required.') };
    const activity = body as Activity;
    if (activity.type === 'message' && JSON.stringify(activity).length * 2 > d.maxMessageBytes) return { reply: fail(413, 'MessageSizeTooBig', 'Message size too large.') };
    return { activity };
  };

  const conversationOf = (req: Request): Conversation | Reply => d.conversations.get(decode(req.params.conversationId)) ?? fail(404, 'ConversationNotFound', 'Conversation not found.');

  const post = (via: SentActivity['via']) => (req: Request): Reply => {
    const conv = conversationOf(req);
    if ('status' in conv) return conv;
    const read = readActivity(req);
    if ('reply' in read) return read.reply;
    const conversationId = decode(req.params.conversationId);
    const id = nextMessageId(d.now().getTime());
    const replyToId = req.params.activityId ? decode(req.params.activityId) : undefined;
    d.outbox.add(conversationId, id, { ...read.activity, id }, via, replyToId);
    return { status: 201, body: { id } };
  };

  const existing = (req: Request): SentActivity | Reply => {
    const item = d.outbox.find(decode(req.params.conversationId), decode(req.params.activityId));
    return item && !item.deleted ? item : fail(404, 'NotFound', 'The activity was not found in the conversation.');
  };

  const createConversation: Op = (req) => {
    let params: Record<string, unknown>;
    try {
      params = json<Record<string, unknown>>(req);
    } catch {
      return fail(400, 'BadSyntax', 'Request body is not valid JSON.');
    }
    const channelData = (params.channelData ?? {}) as { channel?: { id?: string }; tenant?: { id?: string } };
    const tenantId = (params.tenantId as string | undefined) ?? channelData.tenant?.id;
    if (tenantId && tenantId !== d.tenantId) return fail(400, 'BadArgument', 'Invalid tenant id in the request.');
    const activity = params.activity as Activity | undefined;
    if (channelData.channel?.id) {
      // A new thread in a channel: the post is its root; the conversation id names the thread.
      const channel = d.conversations.get(channelData.channel.id);
      if (!channel || channel.kind !== 'channel') return fail(404, 'ConversationNotFound', 'Channel not found.');
      if (!activity) return fail(400, 'BadArgument', 'A channel conversation needs an activity to post.');
      const id = nextMessageId(d.now().getTime());
      const threadId = threadConversationId(channel.id, id);
      d.outbox.recordCreated({ conversationId: threadId, memberOids: [], channelId: channel.id });
      d.outbox.add(threadId, id, { ...activity, id }, 'createConversation');
      return { status: 201, body: { id: threadId, activityId: id } };
    }
    const members = Array.isArray(params.members) ? (params.members as { id?: string; aadObjectId?: string }[]) : [];
    if (params.isGroup === true || members.length !== 1) return fail(400, 'BadArgument', 'Bots can only create one-on-one conversations with a single member.');
    const user = d.conversations.findUser(members[0]!.id ?? members[0]!.aadObjectId ?? '');
    if (!user) return fail(400, 'BadArgument', 'Invalid user identity in provided tenant.');
    const conv = d.conversations.personal(user.id);
    d.outbox.recordCreated({ conversationId: conv.id, memberOids: [user.id] });
    let activityId: string | undefined;
    if (activity) {
      activityId = nextMessageId(d.now().getTime());
      d.outbox.add(conv.id, activityId, { ...activity, id: activityId }, 'createConversation');
    }
    return { status: 201, body: { id: conv.id, ...(activityId ? { activityId } : {}) } };
  };

  const members: Op = (req) => {
    const conv = conversationOf(req);
    if ('status' in conv) return conv;
    return { status: 200, body: d.conversations.members(conv).map((u) => d.conversations.account(u)) };
  };

  const pagedMembers: Op = (req) => {
    const conv = conversationOf(req);
    if ('status' in conv) return conv;
    const size = Math.min(500, Math.max(1, Number(req.url.searchParams.get('pageSize')) || 200));
    const token = req.url.searchParams.get('continuationToken');
    const start = token ? Number(Buffer.from(token, 'base64url').toString('utf8')) || 0 : 0;
    const all = d.conversations.members(conv);
    const page = all.slice(start, start + size).map((u) => d.conversations.account(u));
    const next = start + size < all.length ? Buffer.from(String(start + size)).toString('base64url') : undefined;
    return { status: 200, body: { members: page, ...(next ? { continuationToken: next } : {}) } };
  };

  const member: Op = (req) => {
    const conv = conversationOf(req);
    if ('status' in conv) return conv;
    const user = d.conversations.findUser(decode(req.params.memberId));
    if (!user || !conv.memberOids.includes(user.id)) return fail(404, 'MemberNotFoundInConversation', 'The member is not found in the conversation.');
    return { status: 200, body: d.conversations.account(user) };
  };

  const teamOf = (req: Request) => {
    try {
      return d.conversations.team(decode(req.params.teamId));
    } catch {
      return undefined;
    }
  };

  const teamChannels: Op = (req) => {
    const team = teamOf(req);
    if (!team) return fail(404, 'NotFound', 'Team not found.');
    return { status: 200, body: { conversations: d.conversations.channelsOf(team) } };
  };

  const teamDetails: Op = (req) => {
    const team = teamOf(req);
    if (!team) return fail(404, 'NotFound', 'Team not found.');
    return { status: 200, body: { id: team.id, name: team.name, aadGroupId: team.aadGroupId, type: 'standard', channelCount: d.conversations.channelsOf(team).length, memberCount: d.conversations.teamMembers(team).length } };
  };

  const base = '/:region/v3';
  router
    .post(`${base}/conversations`, guarded('createConversation', createConversation))
    .post(`${base}/conversations/:conversationId/activities`, guarded('send', post('send')))
    .post(`${base}/conversations/:conversationId/activities/:activityId`, guarded('reply', post('reply')))
    .put(
      `${base}/conversations/:conversationId/activities/:activityId`,
      guarded('update', (req) => {
        const item = existing(req);
        if ('status' in item) return item;
        const read = readActivity(req);
        if ('reply' in read) return read.reply;
        d.outbox.update(item, { ...read.activity, id: item.id });
        return { status: 200, body: { id: item.id } };
      }),
    )
    .delete(
      `${base}/conversations/:conversationId/activities/:activityId`,
      guarded('delete', (req) => {
        const item = existing(req);
        if ('status' in item) return item;
        d.outbox.remove(item);
        return { status: 200 };
      }),
    )
    .get(`${base}/conversations/:conversationId/members`, guarded('members', members))
    .get(`${base}/conversations/:conversationId/pagedmembers`, guarded('pagedMembers', pagedMembers))
    .get(`${base}/conversations/:conversationId/members/:memberId`, guarded('member', member))
    .get(`${base}/teams/:teamId/conversations`, guarded('teamChannels', teamChannels))
    .get(`${base}/teams/:teamId`, guarded('teamDetails', teamDetails));
}
