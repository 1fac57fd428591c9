// The Connector REST API on the wire: ids, status codes and error bodies, paging, the Playground
// gateway, and the identifiers Teams uses.
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { httpCall, postForm, postJson } from '../../../devtenant/channel/http-client.ts';
import { channelThreadId, groupChatId, personalConversationId, splitConversationId, teamThreadId, userAccountId } from '../../../devtenant/channel/ids.ts';
import { verifyJwt } from '../../../devtenant/shared/jwt.ts';
import { BOT_ID, BOT_SECRET, TID, ids } from '../entra/small-tenant.ts';
import { startStack, type Stack } from './setup.ts';

let s: Stack;
let token = '';
beforeAll(async () => {
  s = await startStack();
  const res = await postForm(`${s.e.base}/${TID}/oauth2/v2.0/token`, { grant_type: 'client_credentials', client_id: BOT_ID, client_secret: BOT_SECRET, scope: 'https://api.botframework.com/.default' }, s.e.ca);
  token = (res.body as { access_token: string }).access_token;
});
afterAll(() => s.close());

const url = (path: string) => `${s.base}/amer/v3/${path}`;
const auth = () => ({ Authorization: `Bearer ${token}` });
const get = (path: string) => httpCall(url(path), { headers: auth() });
const enc = encodeURIComponent;

describe('identifiers', () => {
  it('derives Teams-shaped ids that are stable for the same input', () => {
    expect(userAccountId(ids.adele)).toMatch(/^29:1[A-Za-z0-9_-]{60,}$/);
    expect(userAccountId(ids.adele)).toBe(userAccountId(ids.adele.toUpperCase()));
    expect(personalConversationId(ids.adele, BOT_ID)).toMatch(/^a:1[A-Za-z0-9_-]{40,}$/);
    expect(groupChatId([ids.adele, ids.patti])).toBe(groupChatId([ids.patti, ids.adele]));
    expect(groupChatId([ids.adele, ids.patti])).toMatch(/^19:[0-9a-f]{32}@thread\.v2$/);
    expect(channelThreadId(ids.itHelp, 'General')).toBe(teamThreadId(ids.itHelp));
    expect(channelThreadId(ids.itHelp, 'Escalations')).toMatch(/^19:[0-9a-f]{32}@thread\.tacv2$/);
    expect(splitConversationId('19:abc@thread.tacv2;messageid=1700000000000')).toEqual({ base: '19:abc@thread.tacv2', messageId: '1700000000000' });
  });
});

describe('conversations', () => {
  it('creates the 1:1 with a user (by Teams id or object id) and always returns the same id', async () => {
    const byTeamsId = await postJson(url('conversations'), { isGroup: false, bot: { id: `28:${BOT_ID}` }, members: [{ id: userAccountId(ids.patti) }], tenantId: TID, channelData: { tenant: { id: TID } } }, auth());
    expect(byTeamsId.status).toBe(201);
    expect(byTeamsId.body).toEqual({ id: personalConversationId(ids.patti, BOT_ID) });
    const byOid = await postJson(url('conversations'), { isGroup: false, members: [{ id: ids.patti }], tenantId: TID, activity: { type: 'message', text: 'hi' } }, auth());
    expect(byOid.body).toMatchObject({ id: personalConversationId(ids.patti, BOT_ID), activityId: expect.stringMatching(/^\d+$/) });
  });

  it('refuses unknown users, group creation and other tenants with 400 BadArgument', async () => {
    const unknown = await postJson(url('conversations'), { isGroup: false, members: [{ id: '29:nobody' }], tenantId: TID }, auth());
    expect(unknown.status).toBe(400);
    expect(unknown.body).toMatchObject({ error: { code: 'BadArgument' } });
    expect((await postJson(url('conversations'), { isGroup: true, members: [{ id: ids.adele }, { id: ids.patti }], tenantId: TID }, auth())).status).toBe(400);
    expect((await postJson(url('conversations'), { isGroup: false, members: [{ id: ids.adele }], tenantId: '00000000-0000-0000-0000-000000000000' }, auth())).status).toBe(400);
  });

  it('knows a 1:1 or a team it never saw in this run (a bot keeps conversation ids across restarts)', async () => {
    const dm = await postJson(url(`conversations/${enc(personalConversationId(ids.henrietta, BOT_ID))}/activities`), { type: 'message', text: 'reminder' }, auth());
    expect(dm.status).toBe(201);
    const general = await get(`conversations/${enc(teamThreadId(ids.itHelp))}/members`);
    expect(general.status).toBe(200);
    expect((general.body as unknown[]).length).toBe(3);
  });

  it('answers 404 ConversationNotFound for a conversation it does not know, 400 for a body without a type', async () => {
    const missing = await postJson(url(`conversations/${enc('a:1nope')}/activities`), { type: 'message', text: 'x' }, auth());
    expect(missing.status).toBe(404);
    expect(missing.body).toEqual({ error: { code: 'ConversationNotFound', message: 'Conversation not found.' } });
    const conv = s.channel.driver.personal('adele@contoso.com').id;
    const typeless = await postJson(url(`conversations/${enc(conv)}/activities`), { text: 'x' }, auth());
    expect(typeless.status).toBe(400);
  });

  it('updates and deletes only what the bot sent', async () => {
    const conv = enc(s.channel.driver.personal('adele@contoso.com').id);
    const sent = await postJson(url(`conversations/${conv}/activities`), { type: 'message', text: 'v1' }, auth());
    const id = (sent.body as { id: string }).id;
    const put = await httpCall(url(`conversations/${conv}/activities/${id}`), { method: 'PUT', headers: { ...auth(), 'Content-Type': 'application/json' }, body: JSON.stringify({ type: 'message', text: 'v2' }) });
    expect(put.status).toBe(200);
    expect(put.body).toEqual({ id });
    const del = await httpCall(url(`conversations/${conv}/activities/${id}`), { method: 'DELETE', headers: auth() });
    expect(del.status).toBe(200);
    const again = await httpCall(url(`conversations/${conv}/activities/${id}`), { method: 'DELETE', headers: auth() });
    expect(again.status).toBe(404);
    const item = s.channel.driver.sent().find((x) => x.id === id)!;
    expect(item).toMatchObject({ deleted: true, activity: { text: 'v2' } });
    expect(item.history.map((h) => h.text)).toEqual(['v1']);
  });
});

describe('members', () => {
  it('pages team members with a continuation token and finds one member by Teams id, object id or UPN', async () => {
    const team = s.channel.driver.teamChannel('IT Help').id;
    const first = await get(`conversations/${enc(team)}/pagedmembers?pageSize=2`);
    const page1 = first.body as { members: { aadObjectId: string }[]; continuationToken?: string };
    expect(page1.members).toHaveLength(2);
    const second = await get(`conversations/${enc(team)}/pagedmembers?pageSize=2&continuationToken=${enc(page1.continuationToken!)}`);
    const page2 = second.body as { members: { aadObjectId: string }[]; continuationToken?: string };
    expect(page2.members).toHaveLength(1);
    expect(page2.continuationToken).toBeUndefined();
    expect([...page1.members, ...page2.members].map((m) => m.aadObjectId).sort()).toEqual([ids.adele, ids.patti, ids.megan].sort());
    for (const ref of [userAccountId(ids.megan), ids.megan, 'megan@contoso.com']) {
      const one = await get(`conversations/${enc(team)}/members/${enc(ref)}`);
      expect(one.body).toMatchObject({ id: userAccountId(ids.megan), aadObjectId: ids.megan, userPrincipalName: 'megan@contoso.com' });
    }
    const outsider = await get(`conversations/${enc(team)}/members/${enc('henrietta@contoso.com')}`);
    expect(outsider.status).toBe(404);
  });

  it('lists a team\'s channels with General first and unnamed', async () => {
    s.channel.driver.teamChannel('IT Help', 'Escalations');
    const res = await get(`teams/${enc(teamThreadId(ids.itHelp))}/conversations`);
    expect(res.body).toEqual({ conversations: [{ id: teamThreadId(ids.itHelp), name: null }, { id: channelThreadId(ids.itHelp, 'Escalations'), name: 'Escalations' }] });
  });

  it('logs every Connector call as the channel service', async () => {
    const mark = s.e.log.mark();
    await get(`conversations/${enc(s.channel.driver.personal('adele@contoso.com').id)}/members`);
    expect(s.e.log.since(mark)).toEqual([expect.objectContaining({ service: 'channel', kind: 'members', status: 200, method: 'GET' })]);
  });
});

describe('Playground gateway', () => {
  it('signs the Playground\'s unauthenticated activity for its own serviceUrl, forwards it and relays the answer', async () => {
    const seen: { auth?: string; body: unknown }[] = [];
    const fakeBot = createServer((req: IncomingMessage, res) => {
      if (req.method !== 'POST') return void res.writeHead(405).end();
      let body = '';
      req.on('data', (c: Buffer) => (body += c.toString()));
      req.on('end', () => {
        seen.push({ auth: req.headers.authorization, body: JSON.parse(body) });
        res.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify({ status: 'ok' }));
      });
    });
    await new Promise<void>((ok) => fakeBot.listen(0, '127.0.0.1', ok));
    try {
      s.channel.driver.setBot(`http://127.0.0.1:${(fakeBot.address() as AddressInfo).port}/api/messages`);
      const activity = { type: 'message', text: 'hello', channelId: 'msteams', serviceUrl: 'http://localhost:56150/_connector', conversation: { id: 'personal-chat-id' }, recipient: { id: 'bot' } };
      // The Playground's reachability probe gets the bot's own answer (restify: 405 for HEAD on a POST route).
      const probe = await httpCall(`${s.base}/_playground/api/messages`, { method: 'HEAD' });
      expect(probe.status).toBe(405);
      const res = await postJson(`${s.base}/_playground/api/messages`, activity);
      expect(res.status).toBe(200);
      expect(res.body).toEqual({ status: 'ok' });
      expect(seen[0]!.body).toEqual(activity);
      const bearer = seen[0]!.auth!.replace(/^Bearer /, '');
      const checked = verifyJwt(bearer, s.channel.keys());
      expect(checked.ok && checked.claims).toMatchObject({ serviceurl: 'http://localhost:56150/_connector', aud: BOT_ID, iss: s.channel.issuer() });
    } finally {
      fakeBot.close();
    }
  });

  it('answers 502 when no bot is configured or the bot is down, 400 for a body without serviceUrl', async () => {
    s.channel.driver.setBot('http://127.0.0.1:1/api/messages');
    expect((await postJson(`${s.base}/_playground/api/messages`, { type: 'message', serviceUrl: 'http://x/' })).status).toBe(502);
    expect((await postJson(`${s.base}/_playground/api/messages`, { type: 'message' })).status).toBe(400);
    expect((await httpCall(`${s.base}/_playground/api/messages`, { method: 'HEAD' })).status).toBe(502);
  });
});
