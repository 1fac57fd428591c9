// Load on loopback, in two runs with the same people. At a person's pace (a question every 4–8 s),
// the bot's p95 overhead over its Graph time is held to the bench's target. Then everyone asks again
// within a second of each answer — more than this 2-core machine can answer — for no errors and
// bounded memory, and one person flooding (50 messages a second) must not slow the others beyond a
// stated bound; the flooder gets a friendly "slow down". `npm test` runs it small; `npm run soak`
// at full size.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { coveredMs, percentile } from '../../bench/stats.ts';
import { signInable } from '../../bench/sections/throughput.ts';
import { inspectorFlags, readLiveHeap } from '../../scripts/live-heap.ts';
import { flushFigures, measure, tally } from '../support/figures.ts';
import { startWorld, type World } from '../support/sandbox.ts';
import { signInAll } from '../support/sign-in.ts';
import { ownCards } from '../support/turns.ts';

const SOAK = process.env.RESILIENCE_SCALE === 'soak';
const PEOPLE = SOAK ? 200 : 40;
const SECONDS = SOAK ? 60 : 12;
const FLOOD_PER_SECOND = 50;
/** People at their own pace think this long, up to twice it, between questions (reading the card, typing the next one). */
const PACE_MS = 4000;
/** The bench's target (bench/RESULTS.md): p95 bot overhead at most 25 ms over the Graph time. */
const OVERHEAD_TARGET_MS = 25;
/** The stated bound: with a flood going on, the others' p95 stays within 2× their calm p95 plus 300 ms. */
const BOUND = (calmP95: number) => 2 * calmP95 + 300;

/** The stated memory bound: what the bot keeps alive (its heap after a full collection) grows by less than this over the run. */
const LIVE_HEAP_GROWTH_MB = 20;

let world: World;
let people: string[];
let inspector: number;

/** CPU ticks of the whole machine, and those the hypervisor gave to other guests (steal), from /proc/stat. */
function cpuTicks(): { total: number; steal: number } {
  const fields = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).slice(1).map(Number);
  return { total: fields.reduce((a, b) => a + b, 0), steal: fields[7] ?? 0 };
}

/** One question's turn: who asked, when (Date.now, the dev tenant's clock), and how long the channel waited. */
interface Turn {
  oid: string;
  startedAt: number;
  endedAt: number;
  ms: number;
}

/**
 * The bot's overhead per turn, as the bench defines it: the turn minus the wall time of the asker's
 * Graph requests inside it (measured at the dev tenant, overlapping requests counted once). Each
 * person asks one question at a time, so a request carrying their token within their turn is that turn's.
 */
function overheads(turns: Turn[]): number[] {
  const byOid = new Map<string, [number, number][]>();
  for (const e of world.dt.log.all('graph')) {
    if (e.batchSeq !== undefined || !e.userOid) continue;
    const list = byOid.get(e.userOid) ?? [];
    list.push([e.startedAt, e.startedAt + e.durationMs]);
    byOid.set(e.userOid, list);
  }
  return turns.map((t) => t.ms - coveredMs((byOid.get(t.oid) ?? []).filter(([s]) => s >= t.startedAt && s <= t.endedAt)));
}

const oidOf = (upn: string) => world.dt.tenant.userByUpn.get(upn.toLowerCase())!.id;

function stolenPercent(before: { total: number; steal: number }, after: { total: number; steal: number }): number {
  return Math.round((100 * (after.steal - before.steal)) / Math.max(1, after.total - before.total));
}

beforeAll(async () => {
  // 120 questions a minute per person: generous for people, far below a flood.
  const flags = await inspectorFlags();
  inspector = flags.port;
  world = await startWorld({ name: 'load', env: { QUESTIONS_PER_MINUTE: '120', LOG_LEVEL: 'info' }, nodeArgs: flags.nodeArgs });
  people = signInable(world.dt, PEOPLE + 1);
  await signInAll(world.dt, people);
}, 300_000);
afterAll(async () => {
  flushFigures();
  await world?.close();
});

const QUESTIONS = ['who is synced?', 'sync status', 'what licenses do we have?', 'who are the global admins?', 'which domains are federated?', 'how many guests do we have?'];

/**
 * One person asking one question after another until `end` (performance.now): the first after
 * `firstAfter` ms, then thinking `think(n)` ms after each answer.
 */
async function ask(upn: string, i: number, end: number, firstAfter: number, think: (n: number) => number, errors: string[], onTurn: (t: Turn) => void): Promise<void> {
  const chat = world.dt.channel.personal(upn);
  const oid = oidOf(upn);
  await new Promise((ok) => setTimeout(ok, firstAfter));
  for (let n = 0; performance.now() < end; n++) {
    const startedAt = Date.now();
    const t0 = performance.now();
    const turn = await chat.send(QUESTIONS[(i + n) % QUESTIONS.length]!);
    const ms = performance.now() - t0;
    onTurn({ oid, startedAt, endedAt: Date.now(), ms });
    const cards = ownCards(world.dt, turn);
    const problem = /didn't answer[^"]*|went wrong[^"]*|slow down[^"]*|lot of questions[^"]*/.exec(JSON.stringify(cards))?.[0];
    if (turn.status !== 200 || !cards.length || problem) errors.push(`${upn}: ${turn.status} ${problem ?? 'no card'}`);
    await new Promise((ok) => setTimeout(ok, think(n)));
  }
}

describe(`${PEOPLE} people at a person's pace (a question every ${PACE_MS / 1000}–${(2 * PACE_MS) / 1000} s) for ${SECONDS} s`, () => {
  it(`the bot's p95 overhead over its Graph time is within the bench's target (${OVERHEAD_TARGET_MS} ms)`, async () => {
    const askers = people.slice(1);
    // People arrive over one average think time (6 s), as they would at their own pace; all 200 in
    // the first second would be the busy run's burst, not a person's pace.
    const firstAfter = (i: number) => Math.floor((i * 1.5 * PACE_MS) / askers.length);
    const end = performance.now() + SECONDS * 1000;
    const done: Turn[] = [];
    const errors: string[] = [];
    const ticksBefore = cpuTicks();
    await Promise.all(askers.map((u, i) => ask(u, i, end, firstAfter(i), (n) => PACE_MS + ((i * 7919 + n * 104729) % PACE_MS), errors, (t) => done.push(t))));
    const stealPercent = stolenPercent(ticksBefore, cpuTicks());
    const over = overheads(done);
    const p95Turn = percentile(done.map((t) => t.ms), 95);
    const p95Over = percentile(over, 95);
    console.log(`pace: ${askers.length} people, ${done.length} turns in ${SECONDS} s (${(done.length / SECONDS).toFixed(1)}/s), ${errors.length} errors; p50 / p95 turn ${percentile(done.map((t) => t.ms), 50).toFixed(0)} / ${p95Turn.toFixed(0)} ms; bot overhead over Graph p50 / p95 ${percentile(over, 50).toFixed(1)} / ${p95Over.toFixed(1)} ms; CPU stolen by the host ${stealPercent}%`);
    measure('pace', 'people', askers.length);
    tally('pace', 'turns', done.length);
    tally('pace', 'errors', errors.length);
    measure('pace', 'p95 turn ms', Math.round(p95Turn));
    measure('pace', 'p95 overhead ms', Math.round(p95Over));
    measure('pace', 'CPU stolen by the host %', stealPercent);
    expect(errors.slice(0, 5)).toEqual([]);
    expect(done.length).toBeGreaterThanOrEqual(askers.length);
    // Timed, so asserted only in `npm run soak`, which runs alone; `npm test` prints it.
    if (SOAK) expect(p95Over).toBeLessThanOrEqual(OVERHEAD_TARGET_MS);
  }, 600_000);
});

describe(`${PEOPLE} people asking within a second of each answer for ${SECONDS} s, one flooding half way`, () => {
  it('no errors, bounded memory, and the flood does not slow the others beyond the bound', async () => {
    const [flooder, ...others] = people as [string, ...string[]];
    const before = await readLiveHeap(inspector);
    const ticksBefore = cpuTicks();
    const started = performance.now();
    const half = started + (SECONDS * 1000) / 2;
    const end = started + SECONDS * 1000;
    const halfAt = Date.now() + (SECONDS * 1000) / 2;
    const calm: Turn[] = [];
    const flooded: Turn[] = [];
    let turns = 0;
    const errors: string[] = [];

    const asker = (upn: string, i: number) =>
      ask(upn, i, end, (i * 37) % 1000, (n) => 500 + ((i * 7919 + n * 104729) % 1000), errors, (t) => {
        (t.startedAt < halfAt ? calm : flooded).push(t);
        turns++;
      });

    let floodSent = 0;
    let floodAnswered = 0;
    let floodLimited = 0;
    const flood = async () => {
      await new Promise((ok) => setTimeout(ok, half - performance.now()));
      const chat = world.dt.channel.personal(flooder);
      const inFlight: Promise<unknown>[] = [];
      while (performance.now() < end) {
        floodSent++;
        inFlight.push(chat.send('who is synced?'));
        await new Promise((ok) => setTimeout(ok, 1000 / FLOOD_PER_SECOND));
      }
      await Promise.all(inFlight);
      // Counted once, from what the bot sent into the flooder's chat: a turn's own list of sends
      // also holds what overlapping turns sent meanwhile, and fifty turns overlap each second.
      for (const s of chat.sent()) {
        const text = JSON.stringify(s.activity.attachments ?? []);
        if (/lot of questions/.test(text)) floodLimited++;
        else if (/synced/i.test(text)) floodAnswered++;
      }
    };

    await Promise.all([...others.map((u, i) => asker(u, i)), flood()]);
    const ticksAfter = cpuTicks();
    // Turn times depend on the host: on a shared VM the hypervisor can take a large share of the
    // CPU for other guests, so the run says how much it took.
    const stealPercent = stolenPercent(ticksBefore, ticksAfter);
    const after = await readLiveHeap(inspector);
    const calmP95 = percentile(calm.map((t) => t.ms), 95);
    const floodedP95 = percentile(flooded.map((t) => t.ms), 95);
    const calmOverheadP95 = percentile(overheads(calm), 95);
    const tps = turns / SECONDS;
    console.log(`load: ${PEOPLE} people, ${turns} turns in ${SECONDS} s (${tps.toFixed(1)}/s), ${errors.length} errors; p95 calm ${calmP95.toFixed(0)} ms (bot overhead over Graph ${calmOverheadP95.toFixed(0)} ms), during flood ${floodedP95.toFixed(0)} ms (bound ${BOUND(calmP95).toFixed(0)} ms); flood: ${floodSent} sent, ${floodAnswered} answered, ${floodLimited} told to slow down, the rest dropped quietly; live heap ${before.liveHeapMb} → ${after.liveHeapMb} MB (RSS ${before.rssMb} → ${after.rssMb} MB); CPU stolen by the host ${stealPercent}%`);
    measure('load', 'people', PEOPLE);
    measure('load', 'seconds', SECONDS);
    measure('load', 'CPU stolen by the host %', stealPercent);
    tally('load', 'turns', turns);
    tally('load', 'errors', errors.length);
    measure('load', 'p95 calm ms', Math.round(calmP95));
    measure('load', 'p95 during flood ms', Math.round(floodedP95));
    measure('load', 'p95 calm overhead ms', Math.round(calmOverheadP95));
    tally('flood', 'sent', floodSent);
    tally('flood', 'answered', floodAnswered);
    tally('flood', 'told to slow down', floodLimited);
    measure('load', 'live heap growth MB', Math.round(after.liveHeapMb - before.liveHeapMb));
    measure('load', 'RSS growth MB', Math.round(after.rssMb - before.rssMb));

    expect(errors.slice(0, 5)).toEqual([]);
    // Times are measured in every run and printed; on shared 2-core machines they are asserted only
    // in `npm run soak`, which runs alone (the fairness itself — the flood refused — is asserted always).
    if (SOAK) expect(floodedP95).toBeLessThanOrEqual(BOUND(calmP95));
    // The limiter's stated policy at 120 a minute: a burst of 40, then 2 a second; one "slow down"
    // per 15 s, not one per message.
    const floodSeconds = SECONDS / 2;
    expect(floodAnswered).toBeGreaterThanOrEqual(40);
    expect(floodAnswered).toBeLessThanOrEqual(40 + 2 * floodSeconds + 2);
    expect(floodLimited).toBeGreaterThanOrEqual(1);
    expect(floodLimited).toBeLessThanOrEqual(Math.ceil(floodSeconds / 15) + 1);
    // Bounded memory is judged on the live heap: RSS also holds garbage V8 has not collected yet
    // (in one 60 s soak RSS grew 262 MB; a live heap read the same way stayed near 78 MB under load).
    expect(after.liveHeapMb - before.liveHeapMb).toBeLessThan(LIVE_HEAP_GROWTH_MB);
    expect(world.bot.logs().filter((l) => l.event === 'process.unhandled_rejection')).toEqual([]);
  }, 600_000);
});
