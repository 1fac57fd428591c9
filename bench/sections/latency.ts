// 2. Turn latency per intent with injected Graph latency of 0 ms and 100 ms per request: p50 and
// p95 of the whole turn as the channel sees it, and the bot's own overhead — the turn minus the
// wall time its Graph requests took (measured at the dev tenant, overlapping requests counted once).
import type { Azurite } from '../../scripts/azurite.ts';
import { adminOf, benchQuestions } from '../questions.ts';
import { coveredMs, median, p95, round } from '../stats.ts';
import { signIn, startBenchWorld } from '../world.ts';

export interface LatencyRow {
  intent: string;
  byLatency: Record<number, { p50: number; p95: number; roundTrips: number; overheadP50: number; overheadP95: number; formulaOverheadP95: number }>;
}

/** Latency on every Graph request and on each $batch part (parts run in parallel, as in Graph), not on the $batch envelope. */
export const latencyRule = (ms: number) => ({ service: 'graph' as const, latencyMs: ms, match: '^/(v1\\.0|beta)/(?!\\$batch)' });

export async function latency(latencies: number[], repeats: number, azurite: Azurite): Promise<LatencyRow[]> {
  const world = await startBenchWorld({ tenant: 'contoso', azurite, name: 'latency' });
  const rows = new Map<string, LatencyRow>();
  try {
    const admin = adminOf(world.dt.tenant);
    await signIn(world.dt, admin);
    const chat = world.dt.channel.personal(admin);
    for (const L of latencies) {
      world.dt.faults.set(L ? [latencyRule(L)] : []);
      for (const q of benchQuestions(world.dt.tenant)) {
        await chat.send(q.text); // warm this intent's code path
        const turns: number[] = [];
        const overheads: number[] = [];
        const formula: number[] = [];
        const rts: number[] = [];
        for (let i = 0; i < repeats; i++) {
          const mark = world.dt.log.mark();
          const started = performance.now();
          await chat.send(q.text);
          const ms = performance.now() - started;
          const top = world.dt.log.since(mark, 'graph').filter((e) => e.batchSeq === undefined);
          turns.push(ms);
          rts.push(top.length);
          overheads.push(ms - coveredMs(top.map((e) => [e.startedAt, e.startedAt + e.durationMs])));
          formula.push(ms - top.length * L);
        }
        const row = rows.get(q.intent) ?? { intent: q.intent, byLatency: {} };
        row.byLatency[L] = { p50: round(median(turns), 0), p95: round(p95(turns), 0), roundTrips: median(rts), overheadP50: round(median(overheads), 1), overheadP95: round(p95(overheads), 1), formulaOverheadP95: round(p95(formula), 1) };
        rows.set(q.intent, row);
      }
    }
  } finally {
    world.dt.faults.clear();
    await world.close();
  }
  return [...rows.values()];
}
