// 1. Graph round trips and bytes per answer, per intent, on generated tenants of growing size —
// the claim "cost does not grow with the tenant" as a table — and 6. the usual way a script
// answers "who is synced?" (list every user, filter locally) on the same tenants.
import type { Azurite } from '../../scripts/azurite.ts';
import { actAs } from '../../test/support/graph-as.ts';
import { adminOf, benchQuestions } from '../questions.ts';
import { median, round } from '../stats.ts';
import { generatedTenantDir, signIn, startBenchWorld } from '../world.ts';

export interface RoundTripRow {
  intent: string;
  question: string;
  /** Per tenant size: median round trips, requests (batch parts counted), bytes, ms, answered. */
  bySize: Record<number, { roundTrips: number; requests: number; kb: number; ms: number; answered: boolean }>;
}

export interface NaiveRow {
  size: number;
  ours: { roundTrips: number; ms: number; synced: number };
  usual: { roundTrips: number; ms: number; synced: number };
}

export async function roundTrips(sizes: number[], repeats: number, azurite: Azurite): Promise<{ rows: RoundTripRow[]; naive: NaiveRow[] }> {
  const rows = new Map<string, RoundTripRow>();
  const naive: NaiveRow[] = [];
  for (const size of sizes) {
    const world = await startBenchWorld({ tenant: generatedTenantDir(size), azurite, name: `round-trips-${size}` });
    try {
      const admin = adminOf(world.dt.tenant);
      await signIn(world.dt, admin);
      const chat = world.dt.channel.personal(admin);
      for (const q of benchQuestions(world.dt.tenant)) {
        const samples: { roundTrips: number; requests: number; bytes: number; ms: number; answered: boolean }[] = [];
        for (let i = 0; i < repeats; i++) {
          const mark = world.dt.log.mark();
          const started = performance.now();
          const turn = await chat.send(q.text);
          const ms = performance.now() - started;
          const graph = world.dt.log.since(mark, 'graph');
          const top = graph.filter((e) => e.batchSeq === undefined);
          const card = JSON.stringify(turn.cards[0] ?? '');
          samples.push({
            roundTrips: top.length,
            requests: graph.filter((e) => !(e.batchSeq === undefined && e.url.includes('$batch'))).length,
            bytes: top.reduce((n, e) => n + e.bytes, 0),
            ms,
            answered: turn.cards.length > 0 && !/didn't answer|can't read that|went wrong/.test(card),
          });
        }
        const row = rows.get(q.intent) ?? { intent: q.intent, question: q.text, bySize: {} };
        row.bySize[size] = {
          roundTrips: median(samples.map((s) => s.roundTrips)),
          requests: median(samples.map((s) => s.requests)),
          kb: round(median(samples.map((s) => s.bytes)) / 1024, 1),
          ms: round(median(samples.map((s) => s.ms)), 0),
          answered: samples.every((s) => s.answered),
        };
        rows.set(q.intent, row);
      }

      // The usual way: every user, 999 per page, filtered here.
      const asAdmin = await actAs(world.dt, admin);
      const usualCtx = asAdmin.fresh(600_000);
      const started = performance.now();
      const all = await usualCtx.graph.collect<{ onPremisesSyncEnabled?: boolean }>('/users?$select=id,displayName,userPrincipalName,onPremisesSyncEnabled,onPremisesLastSyncDateTime&$top=999', 10_000_000);
      const usualMs = performance.now() - started;
      const ours = rows.get('sync.users')!.bySize[size]!;
      const oursCtx = asAdmin.fresh();
      const count = Number(await oursCtx.graph.get({ url: '/users/$count?$filter=onPremisesSyncEnabled%20eq%20true', eventual: true }));
      naive.push({
        size,
        ours: { roundTrips: ours.roundTrips, ms: ours.ms, synced: count },
        usual: { roundTrips: usualCtx.graph.stats.roundTrips, ms: round(usualMs, 0), synced: all.items.filter((u) => u.onPremisesSyncEnabled === true).length },
      });
    } finally {
      await world.close();
    }
  }
  return { rows: [...rows.values()], naive };
}
