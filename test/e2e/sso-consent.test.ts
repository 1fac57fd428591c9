// A person who has not consented: the exchange gets 412 (Teams falls back to the consent page),
// the consent page records consent, Teams sends signin/verifyState, the bot asks Teams to try
// again with a fresh OAuthCard, the exchange succeeds and the waiting question is answered.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWorld, type World } from '../support/sandbox.ts';

let world: World;
beforeAll(async () => {
  world = await startWorld({ name: 'sso-consent' });
});
afterAll(async () => world?.close());

describe('consent fallback', () => {
  it('412 → consent → verifyState → the answer', async () => {
    const chat = world.dt.channel.personal('henrietta@contoso.com');
    const asked = await chat.send('who is synced?');
    expect(asked.oauthCard).toBeDefined();
    const first = await chat.tokenExchange(asked, { copies: 2 });
    expect(first.map((r) => r.status)).toEqual([412, 412]);
    expect(JSON.stringify(first[0]!.body)).toContain('consent');

    // What Teams does next: open the card's sign-in page, which goes to Entra's consent page.
    const signInUrl = asked.oauthCard!.buttons![0]!.value!;
    expect(signInUrl).toMatch(/\/auth\/start/);
    const start = await fetch(signInUrl);
    expect(start.status).toBe(200);
    expect(await start.text()).toContain('oauth2/v2.0/authorize');
    const consent = await world.dt.channel.consent('henrietta@contoso.com', `${world.env.AAD_AUTHORITY_HOST}/${world.env.BOT_TENANT_ID}/oauth2/v2.0/authorize?client_id=${world.env.BOT_ID}&response_type=code&redirect_uri=${encodeURIComponent(`${world.env.PUBLIC_URL ?? world.bot.url}/auth/end`)}&scope=User.Read%20User.Read.All%20GroupMember.Read.All%20Application.Read.All%20Directory.Read.All%20LicenseAssignment.Read.All%20RoleManagement.Read.Directory%20Domain.Read.All%20OnPremDirectorySynchronization.Read.All%20AuditLog.Read.All&state=s1&login_hint=henrietta%40contoso.com`);
    expect(JSON.stringify(consent)).toMatch(/code=/);

    const since = world.dt.channel.mark();
    const verify = await chat.verifyState('');
    expect(verify.status).toBe(200);
    expect(verify.oauthCard).toBeDefined();
    const second = await chat.tokenExchange(verify, { copies: 1 });
    expect(second.map((r) => r.status)).toEqual([200]);
    const answer = await world.dt.channel.waitFor((s) => s.seq >= since && JSON.stringify(s.activity).includes('Who is synced'), 20_000);
    expect(answer.conversationId).toBe(chat.conversation.id);
  });

  it('answers signin/failure with 200 and an explanation, never 501', async () => {
    const chat = world.dt.channel.personal('pradeep@contoso.com');
    const turn = await chat.signinFailure('resourcematchfailed', 'Resource match failed');
    expect(turn.status).toBe(200);
    expect(JSON.stringify(turn.cards)).toMatch(/single sign-on settings/);
  });

  it('answers a tokenExchange without a token with 400', async () => {
    const chat = world.dt.channel.personal('pradeep@contoso.com');
    const turn = await chat.invoke('signin/tokenExchange', { id: 'x', connectionName: '' });
    expect(turn.status).toBe(400);
  });
});
