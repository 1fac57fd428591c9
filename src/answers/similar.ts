// "Did you mean …": Graph finds the candidates (startswith and $search in the same batch as the exact
// lookup); this only puts the likeliest first. A name that starts with what was typed beats one that
// merely contains it, and both beat a near spelling (edit distance), so "Dropbox" offers "Dropbox
// Business" before "Dropship Tracker", and "Salesforse" still offers "Salesforce".

const norm = (s: string) => s.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();

/** Levenshtein distance, bounded work: names are short. */
function distance(a: string, b: string): number {
  if (a === b) return 0;
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = cur;
  }
  return prev[b.length]!;
}

/** Lower is closer. */
export function closeness(typed: string, name: string): number {
  const q = norm(typed);
  const n = norm(name);
  if (!q) return 3;
  if (n === q) return 0;
  if (n.startsWith(q)) return 1 + (n.length - q.length) / 1000;
  if (n.includes(q)) return 1.5 + (n.length - q.length) / 1000;
  // Compare with the start of the name of the typed length: "salesforse" vs "salesforce".
  const head = n.slice(0, q.length);
  return 2 + Math.min(distance(q, head), distance(q, n)) / Math.max(q.length, 1);
}

/** Close enough to offer: a prefix or substring match, or about a third of the letters wrong at most. */
export const likely = (typed: string, name: string) => closeness(typed, name) < 2.34;

/** The candidates, closest first, without duplicates (by `key`), at most `max`. */
export function closest<T>(typed: string, items: T[], name: (t: T) => string, key: (t: T) => string, max: number): T[] {
  const seen = new Set<string>();
  const unique = items.filter((t) => (seen.has(key(t)) ? false : (seen.add(key(t)), true)));
  return unique
    .map((t) => ({ t, score: closeness(typed, name(t)) }))
    .sort((a, b) => a.score - b.score || name(a.t).localeCompare(name(b.t), 'en', { sensitivity: 'base' }))
    .slice(0, max)
    .map((x) => x.t);
}
