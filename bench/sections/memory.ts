// 5. Memory: the bot's RSS and live heap (after a full collection) before and after many turns from
// many distinct people, sampled along the way, so "flat" can be seen rather than claimed.
import type { Azurite } from '../../scripts/azurite.ts';
import { inspectorFlags, readLiveHeap, type HeapReading } from '../../scripts/live-heap.ts';
import { round } from '../stats.ts';
import { generatedTenantDir, signIn, startBenchWorld } from '../world.ts';
import { inBatches } from './throughput.ts';

export interface MemoryResult {
  people: number;
  turns: number;
  afterSignIns: HeapReading;
  /** Read along the way; each reading collects garbage, so RSS is read just before it. */
  samples: ({ turns: number } & HeapReading)[];
  after: HeapReading;
  seconds: number;
}

export async function memory(people: number, turns: number, azurite: Azurite): Promise<MemoryResult> {
  // A tenant well over `people` in size: some generated accounts are guests or disabled, and the issue
  // asks for exactly that many distinct people.
  const inspector = await inspectorFlags();
  const world = await startBenchWorld({ tenant: generatedTenantDir(Math.max(10_000, people * 2)), azurite, name: 'memory', nodeArgs: inspector.nodeArgs });
  try {
    const upns = world.dt.tenant.data.users
      .filter((u) => u.userType === 'Member' && u.accountEnabled !== false)
      .slice(0, people)
      .map((u) => String(u.userPrincipalName));
    if (upns.length < people) throw new Error(`the bench tenant has only ${upns.length} enabled members; ${people} asked for`);
    await inBatches(upns, 20, (u) => signIn(world.dt, u));
    const afterSignIns = await readLiveHeap(inspector.port);
    const samples: MemoryResult['samples'] = [];
    const started = performance.now();
    let done = 0;
    let reading: Promise<void> = Promise.resolve();
    const questions = ['who is synced?', 'sync status', 'who are the global admins?', 'what licenses do we have?'];
    const step = Math.max(1, Math.floor(turns / 10));
    const workers = 20;
    await Promise.all(
      Array.from({ length: workers }, async (_, w) => {
        for (let i = w; i < turns; i += workers) {
          await world.dt.channel.personal(upns[i % upns.length]!).send(questions[i % questions.length]!);
          done++;
          if (done % step === 0) {
            const at = done;
            reading = reading.then(async () => void samples.push({ turns: at, ...(await readLiveHeap(inspector.port)) }));
          }
        }
      }),
    );
    await reading;
    const seconds = round((performance.now() - started) / 1000, 0);
    return { people: upns.length, turns, afterSignIns, samples, after: await readLiveHeap(inspector.port), seconds };
  } finally {
    await world.close();
  }
}
