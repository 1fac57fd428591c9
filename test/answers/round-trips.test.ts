// "Cost does not grow with the tenant": every answer makes the same number of Graph round trips on
// a generated 1,000-user tenant and on a 100,000-user one — except the answers Graph cannot
// filter for, which say why in their catalog line (growsWithTenant).
import { afterAll, describe, expect, it } from 'vitest';
import { startDevTenant, type DevTenant } from '../../devtenant/index.ts';
import { generateTenant } from '../../devtenant/tenant/generate.ts';
import { indexTenant } from '../../devtenant/tenant/load.ts';
import { adminOf, benchQuestions } from '../../bench/questions.ts';
import { GROWS_WITH_TENANT } from '../../bench/report.ts';
import { capabilityFor } from '../../src/catalog.ts';
import type { Intent } from '../../src/language/intents.ts';
import { parse } from '../../src/language/parse.ts';
import { answerWith } from '../../src/pipeline.ts';
import { actAs } from '../support/graph-as.ts';

const SIZES = [1000, 100_000];
const measured: Record<string, Record<number, { roundTrips: number; ok: boolean }>> = {};
let dt: DevTenant | undefined;
afterAll(async () => dt?.close());

async function measure(users: number): Promise<void> {
  const started = Date.now();
  const tenant = indexTenant(`generated-${users}`, generateTenant({ users, apps: Math.max(60, Math.round(users / 20)), seed: 7 }));
  dt = await startDevTenant({ tenant, keysDir: false });
  const admin = await actAs(dt, adminOf(tenant));
  for (const q of benchQuestions(tenant)) {
    const parsed = parse(q.text);
    expect(parsed.intent, q.text).toBe(q.intent);
    const ctx = admin.fresh(60_000);
    const mark = dt.log.mark();
    const outcome = await answerWith(capabilityFor(parsed.intent as Intent)!, parsed, q.text, ctx);
    const roundTrips = dt.log.since(mark, 'graph').filter((e) => e.batchSeq === undefined).length;
    (measured[q.intent] ??= {})[users] = { roundTrips, ok: outcome.ok };
  }
  console.log(`${users.toLocaleString('en-US')} users: measured in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  await dt.close();
  dt = undefined;
}

describe('Graph round trips per answer across tenant sizes', () => {
  it('are measured on 1,000 and 100,000 users', async () => {
    for (const size of SIZES) await measure(size);
    console.table(Object.fromEntries(Object.entries(measured).map(([intent, bySize]) => [intent, Object.fromEntries(SIZES.map((s) => [s, bySize[s]?.roundTrips]))])));
    expect(Object.keys(measured).length).toBeGreaterThanOrEqual(15);
  }, 300_000);

  it('answer every question on both tenants', () => {
    for (const [intent, bySize] of Object.entries(measured)) for (const s of SIZES) expect(bySize[s]?.ok, `${intent} @ ${s}`).toBe(true);
  });

  it('stay the same for every intent Graph can filter for', () => {
    for (const [intent, bySize] of Object.entries(measured)) {
      if (GROWS_WITH_TENANT[intent]) continue;
      expect(bySize[100_000]!.roundTrips, intent).toBe(bySize[1000]!.roundTrips);
    }
  });

  it('grow only where documented, and then with the number of apps', () => {
    for (const intent of Object.keys(GROWS_WITH_TENANT)) {
      const m = measured[intent]!;
      expect(m[100_000]!.roundTrips, intent).toBeGreaterThan(m[1000]!.roundTrips);
      // paged 999 at a time: a handful of pages at 100,000 users and 5,000 apps, not thousands
      expect(m[100_000]!.roundTrips).toBeLessThanOrEqual(20);
    }
  });
});
