// Graph misbehaving at rates — 20% throttled with Retry-After, 5% unavailable, 2% hanging — over
// hundreds of turns: every turn gets the right answer or a clear "try again" card within its
// deadline, and the process never sees an unhandled rejection.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { percentile } from '../../bench/stats.ts';
import { signInable } from '../../bench/sections/throughput.ts';
import { parseCard } from '../support/cards.ts';
import { flushFigures, measure, tally } from '../support/figures.ts';
import { startWorld, type World } from '../support/sandbox.ts';
import { ownCards } from '../support/turns.ts';

const TURNS = process.env.RESILIENCE_SCALE === 'soak' ? 2000 : 500;
const CONCURRENCY = 10;
const TURN_DEADLINE_MS = 4000;
let world: World;
let people: string[];

beforeAll(async () => {
  world = await startWorld({ name: 'graph-faults', env: { QUESTIONS_PER_MINUTE: '10000', TURN_DEADLINE_MS: String(TURN_DEADLINE_MS), GRAPH_TIMEOUT_MS: '1200', GRAPH_MAX_RETRY_AFTER_SECONDS: '1' } });
  people = signInable(world.dt, CONCURRENCY);
  for (const upn of people) {
    const chat = world.dt.channel.personal(upn);
    const asked = await chat.send('sync status');
    const since = world.dt.channel.mark();
    await chat.tokenExchange(asked, { copies: 1 });
    await world.dt.channel.waitFor((s) => s.seq >= since && s.conversationId === (chat.conversation as { id: string }).id, 20_000);
  }
}, 120_000);
afterAll(async () => {
  world?.dt.faults.clear();
  flushFigures();
  await world?.close();
});

describe(`Graph faults over ${TURNS} turns`, () => {
  it('every turn gets the right answer or a clear retry card in time', async () => {
    world.dt.faults.set([
      { service: 'graph', status: 429, retryAfter: 1, rate: 0.2 },
      { service: 'graph', status: 503, retryAfter: 0, rate: 0.05 },
      { service: 'graph', hang: true, rate: 0.02 },
    ]);
    const questions = ['who is synced?', 'what licenses do we have?', 'who are the global admins?', 'which domains are federated?'];
    const outcomes = { answered: 0, retryCard: 0, other: 0 };
    const times: number[] = [];
    const others: string[] = [];
    let next = 0;
    await Promise.all(
      people.map(async (upn) => {
        const chat = world.dt.channel.personal(upn);
        for (let i = next++; i < TURNS; i = next++) {
          const started = performance.now();
          const turn = await chat.send(questions[i % questions.length]!);
          times.push(performance.now() - started);
          const cards = ownCards(world.dt, turn);
          const card = JSON.stringify(cards.at(-1) ?? {});
          if (cards.length && parseCard(cards.at(-1)).length === 0 && /didn't answer/.test(card) && /Try again/.test(card)) outcomes.retryCard++;
          else if (turn.status === 200 && cards.length && !/can't read|went wrong|couldn't ask/.test(card)) outcomes.answered++;
          else {
            outcomes.other++;
            others.push(`${turn.status} ${card.slice(0, 200)}`);
          }
        }
      }),
    );
    world.dt.faults.clear();
    const p95 = percentile(times, 95);
    const max = Math.max(...times);
    console.log(`graph faults: ${TURNS} turns → ${outcomes.answered} answered, ${outcomes.retryCard} retry cards, ${outcomes.other} other; p95 ${p95.toFixed(0)} ms, max ${max.toFixed(0)} ms`);
    tally('graph faults', 'turns', TURNS);
    tally('graph faults', 'answered', outcomes.answered);
    tally('graph faults', 'retry card', outcomes.retryCard);
    tally('graph faults', 'failed', outcomes.other);
    measure('graph faults', 'max turn ms', Math.round(max));
    expect(others).toEqual([]);
    expect(outcomes.answered).toBeGreaterThan(TURNS * 0.7); // most 429s and 503s are waited out
    // Teams gives a turn about 15 s; the bot's own budget is 4 s here, so this holds with a wide margin.
    expect(max).toBeLessThan(15_000);
    expect(world.bot.logs().filter((l) => l.event === 'process.unhandled_rejection')).toEqual([]);
    expect(world.bot.child.exitCode).toBeNull();
  }, 300_000);
});
