// The driver playing Teams against a real botbuilder bot: conversations, replies, invokes, installs,
// and the Connector operations the bot performs while a turn runs.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeJwt } from '../../../devtenant/shared/jwt.ts';
import { BOT_ID, TID, ids } from '../entra/small-tenant.ts';
import { startStack, type Stack } from './setup.ts';
import { stackBot, startTestBot, type TestBot } from './test-bot.ts';

let s: Stack;
let bot: TestBot;
beforeAll(async () => {
  s = await startStack();
  bot = await startTestBot(stackBot(s));
  s.channel.driver.setBot(bot.endpoint);
});
afterAll(async () => {
  await bot.close();
  await s.close();
});

const dt = () => s.channel.driver;
const texts = (t: { messages: Record<string, unknown>[] }) => t.messages.map((m) => m.text);
const last = () => bot.received[bot.received.length - 1]!;

describe('personal chat', () => {
  it('delivers a Teams-shaped message and collects the reply the bot sent while the turn ran', async () => {
    const chat = dt().personal('adele@contoso.com');
    const turn = await chat.send('who is synced?');
    expect(turn.status).toBe(200);
    expect(bot.errors).toEqual([]);
    expect(texts(turn)).toEqual(['you said who is synced?']);
    const a = last();
    expect(a).toMatchObject({
      type: 'message',
      text: 'who is synced?',
      channelId: 'msteams',
      serviceUrl: `${s.base}/amer/`,
      locale: 'en-US',
      from: { aadObjectId: ids.adele, name: 'Adele Vance' },
      recipient: { id: `28:${BOT_ID}`, name: 'Tenant Desk' },
      conversation: { conversationType: 'personal', tenantId: TID, id: chat.id },
      channelData: { tenant: { id: TID } },
    });
    expect(a.from!.id).toMatch(/^29:1/);
    expect(chat.id).toMatch(/^a:1/);
    expect(a.id).toMatch(/^\d{13,}$/);
    expect(typeof a.localTimestamp).not.toBe('undefined');
    // botbuilder replied with POST …/activities/{id of the incoming message}
    expect(turn.sent[0]).toMatchObject({ via: 'reply', replyToId: a.id, conversationId: chat.id });
  });

  it('keeps the same 1:1 conversation id for the same user, and a different one per user', () => {
    expect(dt().personal('adele@contoso.com').id).toBe(dt().personal(ids.adele).id);
    expect(dt().personal('patti@contoso.com').id).not.toBe(dt().personal('adele@contoso.com').id);
  });

  it('records updates with their history and deletes', async () => {
    const turn = await dt().personal('adele@contoso.com').send('edit');
    expect(turn.status).toBe(200);
    const [draft, temp] = turn.sent;
    expect(draft!.activity.text).toBe('final');
    expect(draft!.history.map((h) => h.text)).toEqual(['draft']);
    expect(temp!.deleted).toBe(true);
    expect(s.e.log.all('channel').filter((r) => r.kind === 'update' || r.kind === 'delete').map((r) => r.status)).toEqual([200, 200]);
  });

  it('serves the members APIs as TeamsChannelAccounts', async () => {
    const turn = await dt().personal('patti@contoso.com').send('members');
    const body = JSON.parse(String(turn.messages[0]!.text)) as { all: Record<string, unknown>[]; paged: { members: unknown[] }; me: Record<string, unknown> };
    expect(body.all).toHaveLength(1);
    expect(body.me).toMatchObject({ aadObjectId: ids.patti, userPrincipalName: 'patti@contoso.com', email: 'patti@contoso.com', givenName: 'Patti', surname: 'Fernandez', tenantId: TID, userRole: 'user', name: 'Patti Fernandez' });
    expect(body.paged.members).toHaveLength(1);
  });

  it('lets the bot open a 1:1 with another user; the message lands in that conversation', async () => {
    const megan = dt().personal('megan@contoso.com');
    const target = megan.id;
    const turn = await dt().personal('adele@contoso.com').send(`dm ${ids.megan}`);
    expect(turn.status).toBe(200);
    const dm = turn.sent.find((x) => x.conversationId === target);
    expect(dm?.activity.text).toBe('a private note');
    expect(megan.sent().map((x) => x.activity.text)).toContain('a private note');
    expect(dt().createdConversations().map((c) => c.conversationId)).toContain(target);
    expect(dt().createdConversations().find((c) => c.conversationId === target)?.memberOids).toEqual([ids.megan]);
    expect(s.e.log.all('channel').some((r) => r.kind === 'createConversation' && r.status === 201)).toBe(true);
  });

  it('hands back an Action.Submit value and an Action.Execute invoke response', async () => {
    const chat = dt().personal('adele@contoso.com');
    const sent = await chat.send('hello');
    const submit = await chat.submit(sent.sent[0]!.id, { action: 'ping' });
    expect(texts(submit)).toEqual(['submitted {"action":"ping"}']);
    expect(last().replyToId).toBe(sent.sent[0]!.id);
    const action = await chat.action(sent.sent[0]!.id, 'refresh', { page: 2 });
    expect(action.status).toBe(200);
    expect(action.body).toEqual({ statusCode: 200, type: 'application/vnd.microsoft.activity.message', value: 'done refresh' });
    expect(last()).toMatchObject({ type: 'invoke', name: 'adaptiveCard/action', value: { action: { type: 'Action.Execute', verb: 'refresh', data: { page: 2 } }, trigger: 'manual' } });
  });
});

describe('sign-in', () => {
  it('finds the OAuthCard and sends concurrent signin/tokenExchange invokes with one value.id and the user\'s SSO token', async () => {
    const chat = dt().personal('henrietta@contoso.com');
    const turn = await chat.send('sign in');
    expect(turn.oauthCard?.tokenExchangeResource?.id).toBe('a1b2c3d4-e5f6-4789-9abc-def012345678-sso');
    const before = bot.received.length;
    const results = await chat.tokenExchange(turn.oauthCard!, { copies: 2 });
    expect(results).toEqual([
      { status: 200, body: { id: 'a1b2c3d4-e5f6-4789-9abc-def012345678-sso', failureDetail: '' } },
      { status: 200, body: { id: 'a1b2c3d4-e5f6-4789-9abc-def012345678-sso', failureDetail: '' } },
    ]);
    const invokes = bot.received.slice(before);
    expect(invokes).toHaveLength(2);
    const values = invokes.map((i) => i.value as { id: string; token: string; connectionName: string });
    expect(new Set(values.map((v) => v.id)).size).toBe(1);
    expect(new Set(invokes.map((i) => i.id)).size).toBe(2);
    const claims = values.map((v) => decodeJwt(v.token).claims);
    expect(claims[0]).toMatchObject({ aud: `api://botid-${BOT_ID}`, scp: 'access_as_user', oid: ids.henrietta, tid: TID, ver: '2.0', preferred_username: 'henrietta@contoso.com' });
    expect(new Set(claims.map((c) => c.azp))).toEqual(new Set(['1fec8e78-bce4-4aaf-ab1b-5451cc387264', '5e3ce6c0-2b1f-4285-8d4b-75ee78787346']));
  });

  it('sends signin/verifyState and signin/failure as invokes; a bot without a handler answers 501', async () => {
    const chat = dt().personal('henrietta@contoso.com');
    const verify = await chat.verifyState('');
    expect(verify.status).toBe(501);
    expect(last()).toMatchObject({ type: 'invoke', name: 'signin/verifyState', value: { state: '' } });
    await chat.signinFailure('resourcematchfailed', 'Resource match failed');
    expect(last()).toMatchObject({ name: 'signin/failure', value: { code: 'resourcematchfailed', message: 'Resource match failed' } });
  });

  it('walks the consent prompt for the user and returns the redirect', async () => {
    const url = `${s.e.base}/${TID}/oauth2/v2.0/authorize?client_id=${BOT_ID}&response_type=code&response_mode=fragment&redirect_uri=${encodeURIComponent('http://localhost:3978/auth-end.html')}&scope=User.Read.All%20openid&state=s1`;
    const result = await dt().consent('henrietta@contoso.com', url);
    expect(result).toMatchObject({ status: 302, prompted: true, state: 's1' });
    expect(result.location).toMatch(/^http:\/\/localhost:3978\/auth-end\.html#code=/);
    expect(s.e.entra.consentedScopes('henrietta@contoso.com')).toEqual(['User.Read.All']);
  });
});

describe('group chats and channels', () => {
  it('delivers a group chat message only with the @mention, which Teams puts in text and entities', async () => {
    const chat = dt().groupChat(['adele@contoso.com', 'patti@contoso.com', 'megan@contoso.com']);
    const silent = await chat.send('anyone?', { mention: false });
    expect(silent).toMatchObject({ delivered: false, status: 0 });
    const turn = await chat.send('sync status', { as: 'patti@contoso.com' });
    expect(texts(turn)).toEqual(['you said sync status']);
    const a = last();
    // The bot's removeRecipientMention strips the mention in place, so read what the driver sent.
    expect(turn.activity.text).toBe('<at>Tenant Desk</at> sync status');
    expect(a.text).toBe('sync status');
    expect(a.entities![0]).toEqual({ type: 'mention', text: '<at>Tenant Desk</at>', mentioned: { id: `28:${BOT_ID}`, name: 'Tenant Desk' } });
    expect(a.entities![1]).toMatchObject({ type: 'clientInfo' });
    expect(a.conversation).toMatchObject({ isGroup: true, conversationType: 'groupChat', tenantId: TID });
    expect(a.conversation!.id).toMatch(/^19:[0-9a-f]{32}@thread\.v2$/);
    expect(a.from!.aadObjectId).toBe(ids.patti);
    const members = await chat.send('members');
    expect((JSON.parse(String(members.messages[0]!.text)) as { all: unknown[]; paged: { members: unknown[]; continuationToken?: string } }).paged).toMatchObject({ continuationToken: expect.any(String) });
  });

  it('posts in a channel as a new thread with Teams channelData, and the reply goes to that thread', async () => {
    const chat = dt().teamChannel('IT Help', 'General');
    const turn = await chat.send('sync status', { as: 'patti@contoso.com' });
    const a = last();
    expect(a.conversation).toMatchObject({ isGroup: true, conversationType: 'channel', tenantId: TID, id: `${chat.id};messageid=${a.id}` });
    expect(a.channelData).toEqual({ teamsChannelId: chat.id, teamsTeamId: chat.id, channel: { id: chat.id }, team: { id: chat.id, aadGroupId: ids.itHelp }, tenant: { id: TID } });
    expect(turn.sent[0]!.conversationId).toBe(`${chat.id};messageid=${a.id}`);
    expect(chat.sent().map((x) => x.activity.text)).toContain('you said sync status');
  });

  it('answers team channel and team detail lookups, and a channel post the bot starts', async () => {
    const chat = dt().teamChannel('IT Help', 'Escalations');
    const turn = await chat.send('team');
    const body = JSON.parse(String(turn.messages[0]!.text)) as { channels: { id: string; name?: string }[]; details: Record<string, unknown> };
    expect(body.details).toMatchObject({ name: 'IT Help', aadGroupId: ids.itHelp, memberCount: 3 });
    expect(body.channels.map((c) => c.name ?? null)).toEqual([null, 'Escalations']);
    const announce = await chat.send('announce');
    const post = announce.sent.find((x) => x.via === 'createConversation')!;
    expect(post.activity.text).toBe('announcement');
    expect(post.conversationId).toBe(`${chat.id};messageid=${post.id}`);
    // CloudAdapter.createConversationAsync gives its create-conversation event the conversation id as
    // its id, so sendMessageToTeamsChannel returns the thread id twice (as with real Teams).
    expect(texts(announce)).toContain(`posted ${post.conversationId} in ${post.conversationId}`);
  });

  it('sends the installation events Teams sends, per scope', async () => {
    const personal = await dt().personal('megan@contoso.com').install();
    expect(personal.map((t) => t.activity.type)).toEqual(['installationUpdate', 'conversationUpdate']);
    expect(personal[0]!.activity.action).toBe('add');
    expect(personal[1]!.activity.membersAdded).toEqual([{ id: `28:${BOT_ID}` }, { id: expect.stringMatching(/^29:/), aadObjectId: ids.megan }]);
    expect(texts(personal[1]!)).toEqual(['welcome']);
    const team = await dt().teamChannel('IT Help').install({ as: 'adele@contoso.com' });
    expect(team[1]!.activity.channelData).toMatchObject({ eventType: 'teamMemberAdded', team: { name: 'IT Help', aadGroupId: ids.itHelp }, settings: { selectedChannel: { id: team[1]!.activity.conversation && (team[1]!.activity.conversation as { id: string }).id } } });
    expect(team.every((t) => t.status === 200)).toBe(true);
  });

  it('waits for something the bot sends later', async () => {
    const waiting = dt().waitFor((x) => x.activity.text === 'you said later', 10_000);
    await dt().personal('adele@contoso.com').send('later');
    expect((await waiting).activity.text).toBe('you said later');
    await expect(dt().waitFor(() => false, 50)).rejects.toThrow(/nothing matching/);
  });
});

describe('Connector limits', () => {
  it('refuses a message over Teams\' size limit with 413 MessageSizeTooBig, which the bot sees as a failed turn', async () => {
    const mark = s.e.log.mark();
    const turn = await dt().personal('adele@contoso.com').send('big');
    expect(turn.status).toBe(500);
    const refused = s.e.log.since(mark, 'channel').find((r) => r.kind === 'reply');
    expect(refused?.status).toBe(413);
    bot.errors.length = 0;
  });
});
