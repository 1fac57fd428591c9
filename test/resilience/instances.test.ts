// Several instances and restarts. Two bot processes on one Azurite behind a loopback balancer serve
// one conversation alternately with no duplicated or lost replies; a sign-in whose duplicate
// exchanges land on different instances makes one OBO request; a list made on one instance pages
// on the other. Then SIGKILL under load: the survivor keeps answering, and after the restart nobody
// has to sign in again.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signInable } from '../../bench/sections/throughput.ts';
import type { BotProcess } from '../../scripts/bot-process.ts';
import { startBalancer, type Balancer } from '../support/balancer.ts';
import { flushFigures, tally } from '../support/figures.ts';
import { startWorld, type World } from '../support/sandbox.ts';
import { signInAll } from '../support/sign-in.ts';
import { ownCards, ownSent } from '../support/turns.ts';

let world: World;
let second: BotProcess;
let balancer: Balancer;

beforeAll(async () => {
  world = await startWorld({ name: 'instances', env: { QUESTIONS_PER_MINUTE: '1000' } });
  second = await world.startAnotherBot();
  balancer = await startBalancer([world.bot.url, second.url]);
  world.dt.channel.setBot(`${balancer.url}/api/messages`);
}, 120_000);
afterAll(async () => {
  flushFigures();
  await balancer?.close();
  await second?.stop();
  await world?.close();
});

describe('two instances behind a balancer', () => {
  it('sign in once: duplicate exchanges on both instances make exactly one OBO request', async () => {
    const chat = world.dt.channel.personal('joni@contoso.com');
    const asked = await chat.send('who is synced?');
    const mark = world.dt.log.mark();
    const since = world.dt.channel.mark();
    const results = await chat.tokenExchange(asked, { copies: 4 });
    expect(results.map((r) => r.status)).toEqual([200, 200, 200, 200]);
    const obo = world.dt.log.since(mark, 'entra').filter((r) => r.kind === 'urn:ietf:params:oauth:grant-type:jwt-bearer');
    expect(obo).toHaveLength(1);
    const answers = await world.dt.channel.waitFor((s) => s.seq >= since && JSON.stringify(s.activity).includes('Who is synced'), 20_000);
    expect(answers).toBeDefined();
    // the waiting question was answered exactly once
    await new Promise((ok) => setTimeout(ok, 500));
    expect(world.dt.channel.sent({ since, conversationId: (chat.conversation as { id: string }).id }).filter((s) => JSON.stringify(s.activity).includes('Who is synced'))).toHaveLength(1);
  });

  it('serves one conversation alternately: every message one reply, none lost, none twice', async () => {
    const chat = world.dt.channel.personal('joni@contoso.com');
    const before = new Map(balancer.served);
    const questions = Array.from({ length: 20 }, (_, i) => ['sync status', 'who is synced?', 'what licenses do we have?', 'which domains are federated?'][i % 4]!);
    for (const q of questions) {
      const turn = await chat.send(q);
      const mine = ownSent(world.dt, turn).filter((s) => s.activity.type === 'message');
      expect(mine, q).toHaveLength(1);
      tally('two instances', 'one reply per message');
    }
    const servedNow = [world.bot.url, second.url].map((u) => (balancer.served.get(u) ?? 0) - (before.get(u) ?? 0));
    expect(servedNow[0]).toBeGreaterThanOrEqual(9);
    expect(servedNow[1]).toBeGreaterThanOrEqual(9);
  });

  it('pages a list made on one instance from the other', async () => {
    const chat = world.dt.channel.personal('joni@contoso.com');
    const turn = await chat.send('who is synced?');
    const sent = ownSent(world.dt, turn).find((s) => JSON.stringify(s.activity).includes('Who is synced'))!;
    const next = ((ownCards(world.dt, turn).at(-1)!.actions as { verb?: string; data?: Record<string, unknown> }[]).find((a) => a.verb === 'page'))!;
    const a = await chat.action(sent.id, 'page', next.data!);
    const b = await chat.action(sent.id, 'page', next.data!); // the balancer sends this one to the other instance
    for (const r of [a, b]) expect(JSON.stringify(r.body)).toContain('Page 2 of');
  });
});

describe('SIGKILL under load', () => {
  it('the survivor keeps answering; after the restart nobody signs in again', async () => {
    const people = signInable(world.dt, 12).filter((u) => u !== 'joni@contoso.com').slice(0, 10);
    await signInAll(world.dt, people);
    let stop = false;
    const outcomes = { answered: 0, interrupted: 0, signInAsked: 0 };
    const why = new Map<string, number>();
    const load = Promise.all(
      people.map(async (upn) => {
        const chat = world.dt.channel.personal(upn);
        while (!stop) {
          try {
            const turn = await chat.send('sync status');
            const cards = ownCards(world.dt, turn);
            if (turn.oauthCard) outcomes.signInAsked++;
            else if (turn.status === 200 && cards.length) outcomes.answered++;
            else {
              outcomes.interrupted++;
              const k = `${turn.status} ${turn.delivered} cards=${cards.length} sent=${turn.sent.length}`;
              why.set(k, (why.get(k) ?? 0) + 1);
            }
          } catch (err) {
            outcomes.interrupted++;
            why.set(String((err as Error).message).slice(0, 80), (why.get(String((err as Error).message).slice(0, 80)) ?? 0) + 1);
          }
          await new Promise((ok) => setTimeout(ok, 50));
        }
      }),
    );
    await new Promise((ok) => setTimeout(ok, 1500));
    const killedUrl = second.url;
    await second.stop('SIGKILL');
    const answeredAtKill = outcomes.answered;
    await new Promise((ok) => setTimeout(ok, 2000));
    const answeredWhileDown = outcomes.answered - answeredAtKill;
    second = await world.startAnotherBot();
    balancer.setBackends([world.bot.url, second.url]);
    await new Promise((ok) => setTimeout(ok, 2000));
    stop = true;
    await load;
    if (why.size) console.log('not answered:', [...why.entries()]);
    console.log(`SIGKILL under load: ${outcomes.answered} answered (${answeredWhileDown} while one instance was down), ${outcomes.interrupted} interrupted in flight, ${outcomes.signInAsked} asked to sign in again; balancer fail-overs ${balancer.failovers}; killed ${killedUrl}`);
    tally('SIGKILL under load', 'answered', outcomes.answered);
    tally('SIGKILL under load', 'interrupted in flight', outcomes.interrupted);
    tally('SIGKILL under load', 'asked to sign in again', outcomes.signInAsked);
    expect(answeredWhileDown).toBeGreaterThan(0);
    expect(outcomes.signInAsked).toBe(0);
    expect(outcomes.interrupted).toBeLessThanOrEqual(people.length); // at most the turns in flight on the killed process
    // After the restart, the restarted instance answers too, with no sign-in.
    for (const upn of people) {
      const turn = await world.dt.channel.personal(upn).send('who is synced?');
      expect(turn.oauthCard).toBeUndefined();
      expect(ownCards(world.dt, turn).length).toBeGreaterThan(0);
    }
  }, 120_000);
});
