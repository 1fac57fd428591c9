// npm run bench [-- --quick] [--only round-trips,latency,throughput,tokens,memory]
// Starts the bot as its own process against the dev tenant (real HTTP, real JWTs, real OBO) and
// measures; prints the tables and writes bench/RESULTS.md (and bench/out/results.json).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { markdown, verdicts, type Results } from './report.ts';
import { latency } from './sections/latency.ts';
import { memory } from './sections/memory.ts';
import { roundTrips } from './sections/round-trips.ts';
import { throughput } from './sections/throughput.ts';
import { tokens } from './sections/tokens.ts';
import { benchAzurite, OUT } from './world.ts';
import { reliabilitySectionOf } from '../test/support/reliability.ts';

const { values } = parseArgs({ options: { quick: { type: 'boolean', default: false }, only: { type: 'string' }, 'no-write': { type: 'boolean', default: false } }, strict: true });
const quick = values.quick!;
const only = values.only ? new Set(values.only.split(',')) : undefined;
const want = (s: string) => !only || only.has(s);

const plan = quick
  ? { sizes: [1000, 10_000], repeats: 1, latencies: [0, 100], latencyRepeats: 3, levels: [1, 10], seconds: 2, tokenTurns: 50, people: 100, memoryTurns: 1000 }
  : { sizes: [1000, 10_000, 100_000], repeats: 3, latencies: [0, 100], latencyRepeats: 15, levels: [1, 10, 100], seconds: 10, tokenTurns: 200, people: 1000, memoryTurns: 20_000 };

async function main(): Promise<void> {
  mkdirSync(OUT, { recursive: true });
  console.error('building the bot (npm run build): it is measured as production runs it, compiled, on plain Node…');
  execFileSync(process.execPath, [resolve(import.meta.dirname, '..', 'node_modules', 'typescript', 'bin', 'tsc'), '-p', resolve(import.meta.dirname, '..', 'tsconfig.build.json')], { stdio: 'inherit' });
  const started = performance.now();
  const results: Results = { command: `npm run bench${process.argv.length > 2 ? ` -- ${process.argv.slice(2).join(' ')}` : ''}`, date: new Date().toISOString(), quick, seconds: 0, sizes: plan.sizes };
  const azurite = await benchAzurite();
  try {
    if (want('round-trips')) {
      console.error('1/6 round trips per answer, and the usual way…');
      const r = await roundTrips(plan.sizes, plan.repeats, azurite);
      results.roundTrips = r.rows;
      results.naive = r.naive;
    }
    if (want('latency')) {
      console.error('2 latency per intent…');
      results.latency = await latency(plan.latencies, plan.latencyRepeats, azurite);
    }
    if (want('throughput')) {
      console.error('3 throughput against the echo bot…');
      const t = await throughput(plan.levels, plan.seconds, azurite);
      results.throughput = t.rows;
      results.ladder = t.ladder;
    }
    if (want('tokens')) {
      console.error('4 token requests…');
      results.tokens = await tokens(plan.tokenTurns, azurite);
    }
    if (want('memory')) {
      console.error('5 memory…');
      results.memory = await memory(plan.people, plan.memoryTurns, azurite);
    }
  } finally {
    await azurite.stop();
  }
  results.seconds = (performance.now() - started) / 1000;
  const md = markdown(results);
  console.log(md);
  writeFileSync(resolve(OUT, 'results.json'), JSON.stringify(results, null, 2));
  if (!values['no-write']) {
    // The reliability section comes from `npm run soak`; keep it.
    const file = resolve(import.meta.dirname, 'RESULTS.md');
    const reliability = existsSync(file) ? reliabilitySectionOf(readFileSync(file, 'utf8')) : undefined;
    writeFileSync(file, `${md}\n${reliability ? `\n${reliability}\n` : ''}`);
  }
  const missed = verdicts(results).filter((v) => !v.met);
  if (missed.length) console.error(`\nTargets missed: ${missed.map((m) => m.target).join('; ')}`);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
