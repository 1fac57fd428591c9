// 5. Memory: the bot's RSS before and after many turns from many distinct people, sampled along the
// way, so "flat" can be seen rather than claimed.
import type { Azurite } from '../../scripts/azurite.ts';
import { round } from '../stats.ts';
import { generatedTenantDir, rssMb, signIn, startBenchWorld } from '../world.ts';
import { inBatches } from './throughput.ts';

export interface MemoryResult {
  people: number;
  turns: number;
  rssAfterSignInsMb: number;
  samples: { turns: number; rssMb: number }[];
  rssAfterMb: number;
  seconds: number;
}

export async function memory(people: number, turns: number, azurite: Azurite): Promise<MemoryResult> {
  // A tenant well over `people` in size: some generated accounts are guests or disabled, and the issue
  // asks for exactly that many distinct people.
  const world = await startBenchWorld({ tenant: generatedTenantDir(Math.max(10_000, people * 2)), azurite, name: 'memory' });
  const pid = world.bot.child.pid!;
  try {
    const upns = world.dt.tenant.data.users
      .filter((u) => u.userType === 'Member' && u.accountEnabled !== false)
      .slice(0, people)
      .map((u) => String(u.userPrincipalName));
    if (upns.length < people) throw new Error(`the bench tenant has only ${upns.length} enabled members; ${people} asked for`);
    await inBatches(upns, 20, (u) => signIn(world.dt, u));
    const rssAfterSignIns = rssMb(pid);
    const samples: MemoryResult['samples'] = [];
    const started = performance.now();
    let done = 0;
    const questions = ['who is synced?', 'sync status', 'who are the global admins?', 'what licenses do we have?'];
    const step = Math.max(1, Math.floor(turns / 10));
    const workers = 20;
    await Promise.all(
      Array.from({ length: workers }, async (_, w) => {
        for (let i = w; i < turns; i += workers) {
          await world.dt.channel.personal(upns[i % upns.length]!).send(questions[i % questions.length]!);
          done++;
          if (done % step === 0) samples.push({ turns: done, rssMb: round(rssMb(pid), 1) });
        }
      }),
    );
    return { people: upns.length, turns, rssAfterSignInsMb: round(rssAfterSignIns, 1), samples, rssAfterMb: round(rssMb(pid), 1), seconds: round((performance.now() - started) / 1000, 0) };
  } finally {
    await world.close();
  }
}
