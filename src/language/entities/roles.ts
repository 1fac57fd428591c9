// Directory roles by the names admins type: display names, the catalog's aliases ("GA"), and the
// regular variants ("exchange admins", "exchange administrators"). The value is always the role's
// canonical display name, so the answer can look it up with roleByName.
import { ROLES } from '../../knowledge/roles.ts';
import type { Utterance } from '../normalize.ts';
import type { Span } from './spans.ts';

/** Variants the catalog does not list but people type. */
const EXTRA_ALIASES: Readonly<Record<string, string[]>> = {
  'Global Administrator': ['gas', 'company admins', 'company administrators', 'tenant administrator', 'tenant administrators', 'global admin role'],
  'Exchange Administrator': ['exchange online admin', 'exchange online admins', 'exchange online administrator'],
  'Teams Administrator': ['teams service administrator', 'teams service admins'],
  'Helpdesk Administrator': ['helpdesk administrators', 'helpdesk admins'],
  'Privileged Role Administrator': ['privileged role admins'],
};

function variants(displayName: string): string[] {
  const lower = displayName.toLowerCase();
  const out = [lower, `${lower}s`];
  const stem = /^(.*) administrator$/.exec(lower)?.[1];
  if (stem) out.push(`${stem} admin`, `${stem} admins`, `${stem} administrators`);
  const readers = /^(.*) readers?$/.exec(lower)?.[1];
  if (readers) out.push(`${readers} reader`, `${readers} readers`);
  return out;
}

/** The same normalization the tokenizer applies (so "help desk admin" → "helpdesk admin"). */
const squash = (s: string) => s.replace(/\bhelp desk\b/g, 'helpdesk').replace(/-/g, ' ');

const INDEX = new Map<string, string>();
for (const r of ROLES) {
  for (const name of [...variants(r.displayName), ...r.aliases, ...(EXTRA_ALIASES[r.displayName] ?? [])]) {
    const key = squash(name);
    if (!INDEX.has(key)) INDEX.set(key, r.displayName);
  }
}
const LONGEST = Math.max(...[...INDEX.keys()].map((k) => k.split(' ').length));

/** Words role names are made of (for typo correction). */
export const ROLE_WORDS: readonly string[] = [...new Set([...INDEX.keys()].flatMap((k) => k.split(' ')))];

export function findRoles(u: Utterance): Span[] {
  const out: Span[] = [];
  const t = u.tokens;
  for (let i = 0; i < t.length; i++) {
    for (let len = Math.min(LONGEST, t.length - i); len >= 1; len--) {
      const key = t.slice(i, i + len).map((x) => x.norm).join(' ');
      const role = INDEX.get(key);
      if (role) {
        out.push({ kind: 'role', start: i, end: i + len, value: role });
        i += len - 1;
        break;
      }
    }
  }
  return out;
}
