// Labelled questions (a TSV: utterance, intent, entities as key=value;key=value) and the parser's
// score on them: per intent, how often the intent is right and how often intent + entities are
// exactly right. The language tests and `tenant-desk ask --batch` share it.
import type { Entities, Intent, Parsed } from './intents.ts';

export interface Example {
  line: number;
  text: string;
  intent: Intent;
  /** The labelled entities, plus ticketFilter for ticket.list rows. */
  expected: Record<string, string | number>;
}

/** Parses a labelled TSV (first line: the header). */
export function parseTsv(content: string, name = 'labels'): Example[] {
  const lines = content.split('\n');
  const out: Example[] = [];
  lines.forEach((raw, i) => {
    if (i === 0 || raw.trim() === '' || raw.startsWith('#')) return;
    const [text, intent, entities = ''] = raw.split('\t');
    if (text === undefined || intent === undefined) throw new Error(`${name}:${i + 1}: needs utterance<TAB>intent<TAB>entities`);
    const expected: Record<string, string | number> = {};
    for (const pair of entities.split(';').filter((p) => p.trim() !== '')) {
      const eq = pair.indexOf('=');
      const key = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1);
      expected[key] = key === 'days' ? Number(value) : value;
    }
    out.push({ line: i + 1, text, intent: intent.trim() as Intent, expected });
  });
  return out;
}

/** What the parser produced, in the label's terms (entities plus ticketFilter). */
export function actualOf(p: Parsed): Record<string, string | number> {
  const out: Record<string, string | number> = { ...(p.entities as Record<keyof Entities, string | number>) };
  if (p.ticketFilter) out.ticketFilter = p.ticketFilter;
  return out;
}

export function sameEntities(a: Record<string, string | number>, b: Record<string, string | number>): boolean {
  const ka = Object.keys(a).sort();
  const kb = Object.keys(b).sort();
  return ka.length === kb.length && ka.every((k, i) => k === kb[i] && a[k] === b[k]);
}

export interface Score {
  total: number;
  intentRight: number;
  exactRight: number;
  perIntent: Map<string, { n: number; intent: number; exact: number }>;
  misses: string[];
}

export function newScore(): Score {
  return { total: 0, intentRight: 0, exactRight: 0, perIntent: new Map(), misses: [] };
}

/** Adds one labelled example and what the parser made of it. */
export function record(s: Score, ex: Example, p: Parsed): void {
  const actual = actualOf(p);
  const intentOk = p.intent === ex.intent;
  const exactOk = intentOk && sameEntities(actual, ex.expected);
  const row = s.perIntent.get(ex.intent) ?? { n: 0, intent: 0, exact: 0 };
  row.n++;
  if (intentOk) row.intent++;
  if (exactOk) row.exact++;
  s.perIntent.set(ex.intent, row);
  s.total++;
  if (intentOk) s.intentRight++;
  if (exactOk) s.exactRight++;
  else s.misses.push(`line ${ex.line}: ${JSON.stringify(ex.text)} expected ${ex.intent} ${JSON.stringify(ex.expected)} got ${p.intent} ${JSON.stringify(actual)}`);
}

export function score(examples: readonly Example[], parse: (t: string) => Parsed): Score {
  const s = newScore();
  for (const ex of examples) record(s, ex, parse(ex.text));
  return s;
}

const pct = (a: number, n: number) => (n === 0 ? '   -  ' : `${((100 * a) / n).toFixed(1).padStart(5)}%`);

/** The per-intent table, for console.log. */
export function table(title: string, s: Score): string {
  const rows = [...s.perIntent.entries()].sort(([a], [b]) => a.localeCompare(b));
  const lines = [`${title}: ${s.total} utterances`, `${'intent'.padEnd(18)} ${'n'.padStart(4)}  intent   exact`];
  for (const [intent, r] of rows) lines.push(`${intent.padEnd(18)} ${String(r.n).padStart(4)}  ${pct(r.intent, r.n)}  ${pct(r.exact, r.n)}`);
  lines.push(`${'ALL'.padEnd(18)} ${String(s.total).padStart(4)}  ${pct(s.intentRight, s.total)}  ${pct(s.exactRight, s.total)}`);
  return lines.join('\n');
}
