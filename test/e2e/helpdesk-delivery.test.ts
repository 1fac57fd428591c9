// Issue (helpdesk) 3: no orphaned tickets. A ticket is written before its card is posted; a post
// that fails is retried, and if it still fails the requester is told (once) — and the ticket is
// posted as soon as it can be: when a helpdesk channel is set, or Teams answers again.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SentActivity } from '../../devtenant/channel/outbox.ts';
import { startWorld, type World } from '../support/sandbox.ts';
import { action, askPrivately, cardsOf, eventually, responseCard, signIn, text, ticket } from './helpdesk-support.ts';

let world: World;
const DIEGO = 'diego@contoso.com';

beforeAll(async () => {
  world = await startWorld({ name: 'helpdesk-delivery' });
  await signIn(world, DIEGO, 'am I synced?', /synced/i);
});
afterAll(async () => world?.close());

const helpdesk = () => world.dt.channel.teamChannel('Helpdesk', 'Helpdesk', { as: DIEGO });
const inHelpdesk = (s: SentActivity) => s.conversationId.startsWith(`${helpdesk().id};messageid=`);
const noticesTo = (upn: string) => world.dt.channel.sent({ conversationId: world.dt.channel.personal(upn).id }).filter((s) => /Your ticket/.test(text(s.activity)));

async function escalate(upn: string, question: string): Promise<{ id: string; triage: SentActivity; card: Record<string, unknown> }> {
  const triage = await signIn(world, upn, question, /Likeliest cause|No problem found/);
  const esc = action(cardsOf(triage.activity)[0], 'triage.escalate');
  const card = responseCard(await world.dt.channel.personal(upn).action(triage.id, 'triage.escalate', esc.data));
  return { id: String(esc.data!.triageId), triage, card };
}

describe('before any helpdesk channel is set', () => {
  let id = '';
  it('the ticket is kept, and the requester is told it could not reach the helpdesk yet', async () => {
    const e = await escalate('lee@contoso.com', "I can't open SharePoint");
    id = e.id;
    expect(text(e.card)).toMatch(/is open/);
    const notice = await eventually('notice', async () => noticesTo('lee@contoso.com'), (n) => n.length === 1);
    expect(text(notice[0]!.activity)).toMatch(/could not post it in the helpdesk channel \(no helpdesk channel is set up yet\)/);
    const t = await ticket(world, id);
    expect(t.post.state).toBe('failed');
    expect(world.dt.channel.sent().filter((s) => text(s.activity).includes(id) && s.conversationId.startsWith('19:'))).toHaveLength(0);
  });

  it('setting the channel posts the waiting ticket — through two failed attempts — and the requester hears it arrived', async () => {
    world.dt.faults.add({ service: 'channel', match: '/v3/conversations$', status: 503, times: 2 });
    const mark = world.dt.log.mark();
    const turn = await helpdesk().send('this is the helpdesk channel', { as: DIEGO });
    expect(text(turn.cards)).toMatch(/1 waiting ticket will be posted here now/);
    await world.dt.channel.waitFor((s) => inHelpdesk(s) && text(s.activity).includes(id), 30_000);
    const t = await eventually('posted', () => ticket(world, id), (x) => x.post.state === 'posted' && x.progress.notified === x.audit.length);
    // Teams was asked three times (the Connector client retries a 503 itself, then the bot would) and posted once.
    const posts = world.dt.log.since(mark, 'channel').filter((r) => r.method === 'POST' && /\/v3\/conversations$/.test(r.url));
    expect(posts.map((r) => r.status)).toEqual([503, 503, 201]);
    expect(t.post.attempts).toBeGreaterThanOrEqual(1);
    expect(world.dt.channel.sent().filter((s) => inHelpdesk(s) && text(s.activity).includes(id))).toHaveLength(1);
    const notices = noticesTo('lee@contoso.com');
    expect(notices).toHaveLength(2);
    expect(text(notices[1]!.activity)).toMatch(/reached the helpdesk channel/);
  });
});

describe('when Teams keeps refusing the post', () => {
  it('after three attempts the requester is told once; agents see it as not posted; it goes out when Teams answers again', async () => {
    world.dt.faults.add({ service: 'channel', match: '/v3/conversations$', status: 503 });
    const { id } = await escalate('johanna@contoso.com', "I can't open Salesforce");
    const t = await eventually('failed', () => ticket(world, id), (x) => x.post.state === 'failed' && x.progress.notified === x.audit.length, 30_000);
    expect(t.post.attempts).toBe(3);
    expect(t.post.error).toMatch(/503/);
    expect(noticesTo('johanna@contoso.com')).toHaveLength(1);
    expect(text(noticesTo('johanna@contoso.com')[0]!.activity)).toMatch(/I saved it, but I could not post it/);
    const queue = await askPrivately(world, world.dt.channel.personal(DIEGO), 'open tickets', /Open tickets/);
    expect(text(queue.activity)).toMatch(/not posted/);

    world.dt.faults.clear();
    // An admin re-confirming the channel retries at once (otherwise the reconciler does, a minute later).
    await helpdesk().send('this is the helpdesk channel', { as: DIEGO });
    await world.dt.channel.waitFor((s) => inHelpdesk(s) && text(s.activity).includes(id), 30_000);
    await eventually('told it arrived', async () => noticesTo('johanna@contoso.com'), (n) => n.length === 2 && /reached the helpdesk channel/.test(text(n[1]!.activity)));
  });
});
