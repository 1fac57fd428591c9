// 3. Turns per second for "who is synced?" with 1, 10 and 100 concurrent people at 0 ms Graph
// latency, in the same run as a minimal botbuilder echo bot on the same harness, and each process's
// CPU time per turn.
import { resolve } from 'node:path';
import type { Azurite } from '../../scripts/azurite.ts';
import { startBot, type BotProcess } from '../../scripts/bot-process.ts';
import type { DevTenant } from '../../devtenant/index.ts';
import { ownCards } from '../../test/support/turns.ts';
import { round } from '../stats.ts';
import { cpuSeconds, OUT, signIn, startBenchWorld } from '../world.ts';

export interface Load {
  tps: number;
  /** The bot process's CPU per answered turn. */
  cpuMsPerTurn: number;
  /** Everything else on the machine per answered turn: the bench process (dev tenant, channel, load generator) and Azurite. */
  restCpuMsPerTurn: number;
  errors: number;
}

export interface ThroughputRow {
  concurrency: number;
  ours: Load;
  echo: Load;
}

/** One rung of the cost ladder: a question that does a little more work than the one before. */
export interface LadderRow extends Load {
  question: string;
  work: string;
}

export interface ThroughputResult {
  rows: ThroughputRow[];
  /** Where the CPU of a turn goes, at 10 concurrent people: each rung adds one kind of work. */
  ladder: LadderRow[];
}

const LADDER: { question: string; work: string }[] = [
  { question: 'help', work: 'no Graph: parse, card, reply' },
  { question: 'which domains are federated?', work: '+ token + one small Graph GET' },
  { question: 'sync status', work: '+ two round trips, three requests' },
  { question: 'who is synced?', work: '+ 100 users in one $batch, a list card, the paging snapshot saved to Blob Storage' },
];

/** Members who have consented and can sign in (the sample tenant has a few who cannot, on purpose). */
export function signInable(dt: DevTenant, n: number): string[] {
  const excluded = new Set(['henrietta@contoso.com', 'pradeep@contoso.com', ...dt.tenant.data.settings.restrictedUsers.map((u) => u.toLowerCase())]);
  return dt.tenant.data.users
    .filter((u) => u.userType === 'Member' && u.accountEnabled !== false && !excluded.has(String(u.userPrincipalName).toLowerCase()))
    .slice(0, n)
    .map((u) => String(u.userPrincipalName));
}

export async function inBatches<T>(items: T[], size: number, work: (item: T) => Promise<void>): Promise<void> {
  for (let i = 0; i < items.length; i += size) await Promise.all(items.slice(i, i + size).map(work));
}

/** Drives `concurrency` people asking `text` for `seconds`; counts finished turns and failures. */
export async function load(dt: DevTenant, users: string[], concurrency: number, seconds: number, text: string, pid: number, azuritePid?: number): Promise<Load> {
  const chats = users.slice(0, concurrency).map((u) => dt.channel.personal(u));
  const rest = () => {
    const own = process.cpuUsage();
    return (own.user + own.system) / 1e6 + (azuritePid ? cpuSeconds(azuritePid) : 0);
  };
  const rest0 = rest();
  const cpu0 = cpuSeconds(pid);
  const until = performance.now() + seconds * 1000;
  const started = performance.now();
  let turns = 0;
  let errors = 0;
  await Promise.all(
    chats.map(async (chat) => {
      while (performance.now() < until) {
        const t = await chat.send(text);
        if (t.status === 200 && ownCards(dt, t).length > 0) turns++;
        else errors++;
      }
    }),
  );
  const elapsed = (performance.now() - started) / 1000;
  const cpu = cpuSeconds(pid) - cpu0;
  const perTurn = (s: number) => round((s * 1000) / Math.max(1, turns), 2);
  return { tps: round(turns / elapsed, 1), cpuMsPerTurn: perTurn(cpu), restCpuMsPerTurn: perTurn(rest() - rest0), errors };
}

export async function throughput(levels: number[], seconds: number, azurite: Azurite): Promise<ThroughputResult> {
  const world = await startBenchWorld({ tenant: 'contoso', azurite, name: 'throughput' });
  let echo: BotProcess | undefined;
  const rows: ThroughputRow[] = [];
  const ladder: LadderRow[] = [];
  try {
    const users = signInable(world.dt, Math.max(...levels));
    await inBatches(users, 10, (u) => signIn(world.dt, u));
    echo = await startBot(world.env, 'echo', { logDir: resolve(OUT, 'logs'), entry: resolve(import.meta.dirname, '..', 'echo-bot.ts') });
    const oursUrl = `${world.bot.url}/api/messages`;
    const echoUrl = `${echo.url}/api/messages`;
    for (const c of levels) {
      world.dt.channel.setBot(oursUrl);
      await load(world.dt, users, c, 1, 'who is synced?', world.bot.child.pid!, azurite.pid); // warm-up
      const ours = await load(world.dt, users, c, seconds, 'who is synced?', world.bot.child.pid!, azurite.pid);
      world.dt.channel.setBot(echoUrl);
      await load(world.dt, users, c, 1, 'who is synced?', echo.child.pid!, azurite.pid);
      const e = await load(world.dt, users, c, seconds, 'who is synced?', echo.child.pid!, azurite.pid);
      rows.push({ concurrency: c, ours, echo: e });
      console.error(`  throughput c=${c}: ours ${ours.tps}/s (${ours.cpuMsPerTurn} ms CPU/turn, rest ${ours.restCpuMsPerTurn}), echo ${e.tps}/s (${e.cpuMsPerTurn} ms CPU/turn, rest ${e.restCpuMsPerTurn})`);
    }
    world.dt.channel.setBot(oursUrl);
    const c = Math.min(10, users.length);
    for (const rung of LADDER) {
      await load(world.dt, users, c, 1, rung.question, world.bot.child.pid!, azurite.pid);
      const r = await load(world.dt, users, c, Math.max(2, seconds / 2), rung.question, world.bot.child.pid!, azurite.pid);
      ladder.push({ ...rung, ...r });
      console.error(`  ladder "${rung.question}": ${r.tps}/s (${r.cpuMsPerTurn} ms CPU/turn, rest ${r.restCpuMsPerTurn})`);
    }
  } finally {
    world.dt.channel.setBot(`${world.bot.url}/api/messages`);
    await echo?.stop();
    await world.close();
  }
  return { rows, ladder };
}
