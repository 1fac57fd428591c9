// The resilience suite counts what it tried and how it went; the figures are printed at the end of
// the run and appended to test-output/resilience.json (the soak run copies them into bench/RESULTS.md).
import { appendFileSync, mkdirSync } from 'node:fs';
import { resolve } from 'node:path';

export const FIGURES_FILE = resolve(import.meta.dirname, '..', '..', 'test-output', 'resilience.jsonl');

const counts = new Map<string, Record<string, number>>();

/** Counts one outcome ('ok', 'failed', 'recovered', 'retry-card' …) under a topic. */
export function tally(topic: string, outcome: string, n = 1): void {
  const c = counts.get(topic) ?? {};
  c[outcome] = (c[outcome] ?? 0) + n;
  counts.set(topic, c);
}

/** Records a measured value (p95 ms, MB …) under a topic. */
export function measure(topic: string, name: string, value: number): void {
  tally(topic, name, value);
}

/** Writes this file's figures (call in afterAll). */
export function flushFigures(): void {
  mkdirSync(resolve(FIGURES_FILE, '..'), { recursive: true });
  for (const [topic, c] of counts) appendFileSync(FIGURES_FILE, `${JSON.stringify({ topic, ...c })}\n`);
  counts.clear();
}
