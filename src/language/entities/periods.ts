// Periods → a number of days. The answers use it as "within the next N days" (credentials) or
// "for N days" (inactive guests). Decisions, so every answer reads them the same way:
//   "in/within/next/for/last N days|weeks|months|years" → N × 1/7/30/365; "30d", "2w", "6mo" alike
//   "this|next|coming week" → 7, "fortnight" → 14, "this|next month" → 30, "quarter" → 90, "year" → 365
//   "today"/"tonight" → 1, "tomorrow" → 2 (today and tomorrow), "soon" → 30 (vague: a precise period wins)
//   "expired"/"already expired" → 0 ("expired by now"; vague too)
//   "in N"/"next N" with no unit → N days
import type { Utterance } from '../normalize.ts';
import type { Span } from './spans.ts';

const NUMBER_WORDS: Readonly<Record<string, number>> = {
  a: 1, an: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, fifteen: 15, twenty: 20, thirty: 30, sixty: 60, ninety: 90, couple: 2, few: 3,
};

const UNIT_DAYS: Readonly<Record<string, number>> = {
  d: 1, day: 1, days: 1, w: 7, wk: 7, wks: 7, week: 7, weeks: 7, m: 30, mo: 30, mos: 30, month: 30, months: 30,
  q: 90, quarter: 90, quarters: 90, y: 365, yr: 365, yrs: 365, year: 365, years: 365,
};

const CALENDAR: Readonly<Record<string, number>> = { week: 7, fortnight: 14, month: 30, quarter: 90, year: 365 };
const LEADS = new Set(['in', 'within', 'next', 'for', 'last', 'past', 'over', 'the', 'coming', 'upcoming', 'of']);
const COMPACT = /^(\d{1,4})\+?(d|days?|w|wks?|weeks?|mo|mos|months?|q|y|yrs?|years?)$/;
const MAX_DAYS = 36500;

function count(norm: string | undefined): number | undefined {
  if (norm === undefined) return undefined;
  const digits = /^(\d{1,5})\+?$/.exec(norm);
  if (digits) return Number(digits[1]);
  return NUMBER_WORDS[norm];
}

/** Extend a span leftwards over "in the next", "over the past", "for" … so names never include them. */
function withLeads(u: Utterance, start: number): number {
  while (start > 0 && LEADS.has(u.tokens[start - 1]!.norm)) start--;
  return start;
}

export function findPeriods(u: Utterance): Span[] {
  const out: Span[] = [];
  const t = u.tokens.map((x) => (x.quoted ? '' : x.norm));
  const add = (start: number, end: number, days: number, weak = false) =>
    out.push({ kind: 'days', start: withLeads(u, start), end, value: Math.min(days, MAX_DAYS), weak });
  for (let i = 0; i < t.length; i++) {
    const w = t[i]!;
    const compact = COMPACT.exec(w);
    if (compact) {
      add(i, i + 1, Number(compact[1]) * UNIT_DAYS[compact[2]!]!);
      continue;
    }
    const n = count(w);
    if (n !== undefined) {
      // "a couple of weeks", "a few days": skip the filler between number and unit
      let j = i + 1;
      if ((w === 'a' || w === 'couple' || w === 'few') && (t[j] === 'couple' || t[j] === 'few')) j++;
      if (t[j] === 'of') j++;
      const nn = w === 'a' && (t[i + 1] === 'couple' || t[i + 1] === 'few') ? count(t[i + 1]) : n;
      const unit = UNIT_DAYS[t[j] ?? ''];
      if (unit !== undefined && nn !== undefined && t[j]!.length > 1) {
        add(i, j + 1, nn * unit);
        i = j;
        continue;
      }
      // "in 30", "next 45": digits right after a lead word, no unit
      if (/^\d/.test(w) && ['in', 'within', 'next'].includes(t[i - 1] ?? '')) add(i, i + 1, n);
      continue;
    }
    if ((w === 'this' || w === 'next' || w === 'coming') && CALENDAR[t[i + 1] ?? ''] !== undefined) {
      add(i, i + 2, CALENDAR[t[i + 1]!]!);
      i++;
    } else if (w === 'fortnight') add(i, i + 1, 14);
    else if (w === 'today' || w === 'tonight') add(i, i + 1, 1);
    else if (w === 'tomorrow') add(i, i + 1, 2);
    else if (w === 'soon') add(i, i + 1, 30, true);
    else if (w === 'expired') add(t[i - 1] === 'already' ? i - 1 : i, i + 1, 0, true);
    else if (w === 'end' && t[i + 1] === 'of' && CALENDAR[t[i + 3] ?? t[i + 2] ?? ''] !== undefined) {
      const unitAt = CALENDAR[t[i + 2] ?? ''] !== undefined ? i + 2 : i + 3;
      add(i, unitAt + 1, CALENDAR[t[unitAt]!]!);
      i = unitAt;
    }
  }
  return out;
}
