// The resilience figures of a run: summed per topic from test-output/resilience.jsonl, printed at
// the end of `npm test`, and written into bench/RESULTS.md ("## Reliability") by `npm run soak`.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { FIGURES_FILE } from './figures.ts';

export function readFigures(): Map<string, Record<string, number>> {
  const out = new Map<string, Record<string, number>>();
  if (!existsSync(FIGURES_FILE)) return out;
  for (const line of readFileSync(FIGURES_FILE, 'utf8').split('\n').filter(Boolean)) {
    const { topic, ...values } = JSON.parse(line) as { topic: string } & Record<string, number>;
    const t = out.get(topic) ?? {};
    for (const [k, v] of Object.entries(values)) t[k] = (t[k] ?? 0) + v;
    out.set(topic, t);
  }
  return out;
}

export function figuresTable(figures: Map<string, Record<string, number>>): string {
  const rows = [...figures.entries()].map(([topic, v]) => `| ${topic} | ${Object.entries(v).map(([k, n]) => `${k}: ${n.toLocaleString('en-US')}`).join(', ')} |`);
  return ['| Topic | Figures |', '|---|---|', ...rows].join('\n');
}

export const RESULTS_MD = resolve(import.meta.dirname, '..', '..', 'bench', 'RESULTS.md');
const HEADING = '## Reliability';

/** Replaces (or adds) the reliability section of bench/RESULTS.md; the benchmark keeps it when it rewrites the rest. */
export function writeReliabilitySection(figures: Map<string, Record<string, number>>, command: string, file = RESULTS_MD): void {
  const about = 'What the resilience suite (`test/resilience`) tried at full size and how it went, summed per topic; the fault rates and sizes are stated at the top of each test file. "ms" figures are turn times on this shared 2-core machine; "overhead" is a turn minus the wall time of its Graph requests, as in section 2 (target: p95 at most 25 ms). "pace": people asking every 4–8 s; "load": the same people asking within a second of each answer, more than the machine can serve, so its times are mostly queueing.';
  const section = [HEADING, '', `- Date: ${new Date().toISOString()}`, `- Command: \`${command}\``, '', about, '', figuresTable(figures), ''].join('\n');
  const current = existsSync(file) ? readFileSync(file, 'utf8') : '# Benchmark results\n';
  const start = current.indexOf(HEADING);
  const next = start < 0 ? -1 : current.indexOf('\n## ', start + HEADING.length);
  const updated = start < 0 ? `${current.trimEnd()}\n\n${section}` : `${current.slice(0, start)}${section}${next < 0 ? '' : current.slice(next + 1)}`;
  writeFileSync(file, updated.endsWith('\n') ? updated : `${updated}\n`);
}

export function reliabilitySectionOf(markdown: string): string | undefined {
  const start = markdown.indexOf(HEADING);
  if (start < 0) return undefined;
  const next = markdown.indexOf('\n## ', start + HEADING.length);
  return markdown.slice(start, next < 0 ? undefined : next + 1).trimEnd();
}
