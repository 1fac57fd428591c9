// Delivery of a ticket (post, card updates, notices) over Azurite with a recording Teams: what the
// record says is left is done once; failures are retried and reported once; two instances never do
// one ticket's work at the same time; work a stuck or killed instance left is taken over when its
// lease runs out; the reconciler finds it by itself.
import { randomUUID } from 'node:crypto';
import type { Activity, TeamsChannelAccount } from 'botbuilder';
import { describe, expect, inject, it } from 'vitest';
import type { TriageDiagnosis } from '../../src/answers/triage.ts';
import { Background } from '../../src/app/background.ts';
import { HelpdeskTeam, type HelpdeskChannel } from '../../src/helpdesk/channel.ts';
import { LEASE_MS, TicketDelivery } from '../../src/helpdesk/delivery.ts';
import { Reconciler } from '../../src/helpdesk/reconciler.ts';
import type { TeamsPort } from '../../src/helpdesk/teams.ts';
import { TicketStore } from '../../src/helpdesk/ticket-store.ts';
import { applyChange, isRefusal, openTicket, type Change, type Party, type Ticket } from '../../src/helpdesk/ticket.ts';
import { createLogger } from '../../src/log.ts';
import { createStores } from '../../src/store/storage.ts';

const CHANNEL: HelpdeskChannel = { channelId: '19:helpdesk@thread.tacv2', teamId: '19:team@thread.tacv2', source: 'teams' };
const lee: Party = { oid: 'f4c7afec-3bca-4a33-b59a-6a54e95a7b27', name: 'Lee Gu', accountId: '29:lee' };
const diego: Party = { oid: '1e9e0151-6522-4f62-871b-b6094052450f', name: 'Diego Siciliani', accountId: '29:diego' };
const log = createLogger('error', () => {});

class Failure extends Error {
  constructor(readonly statusCode: number) {
    super(`Teams answered ${statusCode}`);
  }
}

/** Teams as the bot sees it: records every call; each kind of call can be made to fail or hang. */
class FakeTeams implements TeamsPort {
  posts: { channelId: string; activity: Partial<Activity> }[] = [];
  updates: { conversationId: string; activityId: string; activity: Partial<Activity> }[] = [];
  told: { to: { accountId: string; chatId?: string }; activity: Partial<Activity> }[] = [];
  fail: Partial<Record<'post' | 'update' | 'tell', number[]>> = {};
  hang: Partial<Record<'post' | 'update' | 'tell', Promise<void>>> = {};
  private next = 1;

  /** A hang holds the next call of its kind only (the next caller goes through). */
  private async gate(kind: 'post' | 'update' | 'tell') {
    const hang = this.hang[kind];
    if (hang) {
      delete this.hang[kind];
      await hang;
    }
    const status = this.fail[kind]?.shift();
    if (status !== undefined) throw new Failure(status);
  }
  async postToChannel(_s: string, channelId: string, activity: Partial<Activity>) {
    await this.gate('post');
    const activityId = String(this.next++);
    this.posts.push({ channelId, activity });
    return { threadId: `${channelId};messageid=${activityId}`, activityId };
  }
  removed: string[] = [];
  async remove(_s: string, _c: string, activityId: string) {
    this.removed.push(activityId);
  }
  async update(_s: string, conversationId: string, activityId: string, activity: Partial<Activity>) {
    await this.gate('update');
    this.updates.push({ conversationId, activityId, activity });
  }
  async tell(_s: string, to: { accountId: string; chatId?: string }, activity: Partial<Activity>) {
    await this.gate('tell');
    this.told.push({ to, activity });
  }
  async members(): Promise<TeamsChannelAccount[]> {
    return [diego].map((p) => ({ id: p.accountId!, name: p.name, aadObjectId: p.oid, userRole: 'user' }) as TeamsChannelAccount);
  }
  async member(_s: string, _t: string, accountId: string) {
    return (await this.members()).find((m) => m.id === accountId);
  }
}

const text = (a: Partial<Activity>) => JSON.stringify(a);

function world(opts: { channel?: HelpdeskChannel | undefined; instances?: number } = {}) {
  const stores = createStores(inject('storageConnectionString'), `delivery-${randomUUID().slice(0, 8)}`);
  const store = new TicketStore(stores);
  const teams = new FakeTeams();
  const channel = async () => ('channel' in opts ? opts.channel : CHANNEL);
  const clock = { now: Date.parse('2026-11-22T03:00:00.000Z') };
  const make = (instance: string) => new TicketDelivery({ store, teams, team: new HelpdeskTeam(teams, channel), channel, instance, log, now: () => new Date(clock.now), sleep: async (ms) => void (clock.now += ms) });
  return { store, teams, clock, a: make('instance-a'), b: make('instance-b') };
}

async function open(store: TicketStore, at = new Date('2026-11-22T03:00:00.000Z')): Promise<Ticket> {
  const vm = { kind: 'diagnosis', asOf: at.toISOString(), askedBy: { oid: lee.oid }, self: true, person: { id: lee.oid, name: 'Lee Gu', upn: 'lee@contoso.com' }, target: { kind: 'workload', workload: 'sharepoint', asked: 'SharePoint' }, findings: [], facts: { enabled: true, userType: 'Member', synced: false, passwordNeverExpires: false, licenses: { readable: true, value: [] }, signIn: { readable: true, value: null }, provisioningErrors: [] } } as TriageDiagnosis;
  const t = openTicket({ id: randomUUID(), vm, requester: lee, serviceUrl: 'https://smba.example/amer/', requesterCopy: { conversationId: 'a:lee', activityId: 'triage-1' }, requesterChat: 'a:lee', now: at });
  expect(await store.create(t)).toBe(true);
  return t;
}

async function change(store: TicketStore, id: string, c: Change) {
  const r = await store.update(id, (cur) => {
    const next = applyChange(cur, c, cur.version, new Date('2026-11-22T03:01:00.000Z'));
    return isRefusal(next) ? { skip: next } : { write: next };
  });
  expect(r?.written).toBe(true);
}

const delivered = (t: Ticket | undefined) => Boolean(t && t.post.state === 'posted' && t.progress.cardsVersion === t.version && t.progress.notified === t.audit.length && !t.lease);

describe('delivering a ticket', () => {
  it('posts the agent view once, brings the requester’s copy up to date, records it all and lets go', async () => {
    const { store, teams, a } = world();
    const t = await open(store);
    expect(await a.run(t.id)).toBe('done');
    expect(teams.posts).toHaveLength(1);
    expect(teams.posts[0]!.channelId).toBe(CHANNEL.channelId);
    expect(text(teams.posts[0]!.activity)).toMatch(/ticket\.claim/);
    const after = (await store.get(t.id))!;
    expect(after.post).toMatchObject({ state: 'posted', attempts: 1, activityId: '1', threadId: `${CHANNEL.channelId};messageid=1` });
    expect(after.audit.map((e) => e.action)).toEqual(['opened', 'posted']);
    expect(delivered(after)).toBe(true);
    // The channel card (it now lists "posted" in its history) and the requester's copy; no notice for a first post.
    expect(teams.updates.map((u) => u.activityId).sort()).toEqual(['1', 'triage-1']);
    expect(text(teams.updates.find((u) => u.activityId === 'triage-1')!.activity)).not.toMatch(/ticket\.claim/);
    expect(teams.told).toEqual([]);
    expect(await a.run(t.id)).toBe('nothing');
  });

  it('a change: both cards updated, the requester told once, in the chat the ticket came from', async () => {
    const { store, teams, a } = world();
    const t = await open(store);
    await a.run(t.id);
    teams.updates = [];
    await change(store, t.id, { kind: 'claim', by: diego });
    await a.run(t.id);
    expect(teams.updates).toHaveLength(2);
    for (const u of teams.updates) expect(text(u.activity)).toMatch(/In progress · Diego Siciliani/);
    expect(teams.told).toHaveLength(1);
    expect(teams.told[0]!.to).toEqual({ accountId: '29:lee', chatId: 'a:lee' });
    expect(text(teams.told[0]!.activity)).toMatch(/Diego Siciliani is now working on it/);
    expect(delivered(await store.get(t.id))).toBe(true);
  });

  it('a failing post is retried; three failures are reported to the requester once, and a later success too', async () => {
    const { store, teams, a, clock } = world();
    const t = await open(store);
    teams.fail.post = [503, 503];
    await a.run(t.id);
    expect((await store.get(t.id))!.post).toMatchObject({ state: 'posted', attempts: 3 });
    expect(teams.told).toEqual([]);

    const u = await open(store);
    teams.fail.post = [503, 500, 503, 503];
    await a.run(u.id);
    let rec = (await store.get(u.id))!;
    expect(rec.post).toMatchObject({ state: 'failed', attempts: 3, error: 'Teams answered 503' });
    expect(teams.told.map((x) => text(x.activity))).toEqual([expect.stringMatching(/I saved it, but I could not post it/)]);
    // Retried later (not before it is due): fails again, nobody is told twice.
    expect(await a.run(u.id)).toBe('nothing');
    clock.now += 61_000;
    await a.run(u.id);
    rec = (await store.get(u.id))!;
    expect(rec.post).toMatchObject({ state: 'failed', attempts: 4 });
    expect(teams.told).toHaveLength(1);
    clock.now += 61_000;
    await a.run(u.id);
    rec = (await store.get(u.id))!;
    expect(rec.post.state).toBe('posted');
    expect(teams.told.map((x) => text(x.activity))[1]).toMatch(/reached the helpdesk channel/);
    expect(delivered(rec)).toBe(true);
  });

  it('with no helpdesk channel the ticket waits (failed, not counted as attempts) and the requester knows', async () => {
    const { store, teams, a } = world({ channel: undefined });
    const t = await open(store);
    await a.run(t.id);
    const rec = (await store.get(t.id))!;
    expect(rec.post).toMatchObject({ state: 'failed', attempts: 0, error: 'no helpdesk channel is set up yet' });
    expect(teams.posts).toEqual([]);
    expect(text(teams.told[0]!.activity)).toMatch(/no helpdesk channel is set up yet/);
  });

  it('two instances at once: the lease lets one do the work; every post and notice happens once', async () => {
    const { store, teams, a, b } = world();
    const t = await open(store);
    await change(store, t.id, { kind: 'claim', by: diego });
    const results = await Promise.all([a.run(t.id), b.run(t.id), a.run(t.id), b.run(t.id)]);
    expect(results).toContain('done');
    expect(teams.posts).toHaveLength(1);
    expect(teams.told).toHaveLength(1);
    expect(delivered(await store.get(t.id))).toBe(true);
  });

  it('an instance stuck mid-way (or killed) holds the lease until it runs out; then another finishes, and nothing is done twice', async () => {
    const { store, teams, a, b, clock } = world();
    const t = await open(store);
    await a.run(t.id);
    await change(store, t.id, { kind: 'claim', by: diego });
    let release!: () => void;
    teams.hang.update = new Promise<void>((ok) => (release = ok));
    const stuck = a.run(t.id);
    await new Promise((r) => setTimeout(r, 300));
    expect(await b.run(t.id)).toBe('busy');
    clock.now += LEASE_MS + 1000;
    expect(await b.run(t.id)).toBe('done');
    expect(teams.told).toHaveLength(1);
    expect(delivered(await store.get(t.id))).toBe(true);
    // The stuck one wakes up: its updates land (they are idempotent), but it sends no second notice.
    release();
    await stuck;
    expect(teams.told).toHaveLength(1);
    expect(delivered(await store.get(t.id))).toBe(true);
  });

  it('an instance stuck in its post past its lease: the other posts, and the late duplicate card is removed', async () => {
    const { store, teams, a, b, clock } = world();
    const t = await open(store);
    let release!: () => void;
    teams.hang.post = new Promise<void>((ok) => (release = ok));
    const stuck = a.run(t.id);
    await new Promise((r) => setTimeout(r, 300));
    clock.now += LEASE_MS + 1000;
    expect(await b.run(t.id)).toBe('done');
    const kept = (await store.get(t.id))!.post.activityId;
    release();
    await stuck;
    expect(teams.posts).toHaveLength(2);
    expect(teams.removed).toHaveLength(1);
    expect(teams.removed[0]).not.toBe(kept);
    expect((await store.get(t.id))!.post.activityId).toBe(kept);
    expect((await store.get(t.id))!.audit.filter((e) => e.action === 'posted')).toHaveLength(1);
  });

  it('a card Teams no longer has (404) is given up; a notice Teams could not take (503) waits for the next run', async () => {
    const { store, teams, a } = world();
    const t = await open(store);
    await a.run(t.id);
    await change(store, t.id, { kind: 'claim', by: diego });
    teams.fail.update = [404];
    teams.fail.tell = [503];
    expect(await a.run(t.id)).toBe('retry-later');
    let rec = (await store.get(t.id))!;
    expect(rec.progress.cardsVersion).toBe(rec.version);
    expect(rec.progress.notified).toBeLessThan(rec.audit.length);
    expect(rec.lease).toBeUndefined();
    expect(await a.run(t.id)).toBe('done');
    rec = (await store.get(t.id))!;
    expect(teams.told).toHaveLength(1);
    expect(delivered(rec)).toBe(true);
  });
});

describe('the reconciler', () => {
  it('at start-up finishes what a killed process left: an unposted ticket, and one leased by a dead instance once its lease ends', async () => {
    const stores = createStores(inject('storageConnectionString'), `reconcile-${randomUUID().slice(0, 8)}`);
    const store = new TicketStore(stores);
    const teams = new FakeTeams();
    const channel = async () => CHANNEL;
    const delivery = new TicketDelivery({ store, teams, team: new HelpdeskTeam(teams, channel), channel, instance: 'restarted', log, sleep: async () => {} });
    const pending = await open(store, new Date());
    const leased = await open(store, new Date());
    await store.update(leased.id, (cur) => ({ write: { ...cur, lease: { by: 'killed-instance', until: new Date(Date.now() + 600).toISOString() } } }));
    const background = new Background(log);
    const reconciler = new Reconciler(store, delivery, background, log);
    reconciler.start();
    try {
      const until = Date.now() + 20_000;
      while (Date.now() < until) {
        const [p, l] = [await store.get(pending.id), await store.get(leased.id)];
        if (delivered(p) && delivered(l)) break;
        await new Promise((r) => setTimeout(r, 100));
      }
      expect(delivered(await store.get(pending.id))).toBe(true);
      expect(delivered(await store.get(leased.id))).toBe(true);
      expect(teams.posts).toHaveLength(2);
    } finally {
      reconciler.stop();
      await background.drain(5000);
    }
  });
});
