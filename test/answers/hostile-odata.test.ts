// OData injection, property-based: thousands of hostile strings go through every intent that puts
// a person's words into a Graph query. Each string carries a unique marker; after removing every
// well-formed string literal ('…' with '' escapes) and $search clause ("…" with \ escapes) from what
// Graph received, the marker must be nowhere — text that escaped its literal would leave it in the
// open. The dev tenant's strict parser must never receive a malformed query, and a marker may
// occupy at most one path segment (a key), never add segments.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDevTenant, type DevTenant } from '../../devtenant/index.ts';
import type { LoggedRequest } from '../../devtenant/shared/request-log.ts';
import { capabilityFor } from '../../src/catalog.ts';
import type { Entities, Intent } from '../../src/language/intents.ts';
import { answerWith } from '../../src/pipeline.ts';
import { actAs, type AsPerson } from '../support/graph-as.ts';

const PER_INTENT = 1000;

/** Intents whose entities reach a Graph query, and which entity keys they use. */
const TARGETS: { intent: Intent; keys: (keyof Entities)[] }[] = [
  { intent: 'user.lookup', keys: ['user'] },
  { intent: 'user.groups', keys: ['user'] },
  { intent: 'group.members', keys: ['group'] },
  { intent: 'app.lookup', keys: ['app'] },
  { intent: 'app.permissions', keys: ['app'] },
  { intent: 'license.holders', keys: ['user'] },
  { intent: 'role.members', keys: ['role'] },
  { intent: 'triage', keys: ['user', 'app'] },
];

function rng(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const TEMPLATES: ((m: string) => string)[] = [
  (m) => `${m}' or 1 eq 1 or displayName eq '${m}`,
  (m) => `${m}') or (true`,
  (m) => `${m}'') or startswith(displayName,'${m}`,
  (m) => `${m}" OR "displayName:${m}`,
  (m) => `${m}\\" OR \\"displayName:${m}`,
  (m) => `${m}%27%20or%20true%20or%20%27${m}`,
  (m) => `${m}&$filter=true&x=${m}`,
  (m) => `${m}#${m}`,
  (m) => `${m}/../applications/${m}`,
  (m) => `$${m}@contoso.com`,
  (m) => `${m}' or 'a' eq 'a@contoso.com`,
  (m) => `O'Brien ${m} & Sons`,
  (m) => `${m}\u0000\u202e\u2066${m}`,
  (m) => `${m} 👩‍💻 שלום مرحبا ${m}`,
  (m) => `${'x'.repeat(300)}${m}`,
  (m) => `${m}(${m}) and not ${m}`,
  (m) => `*${m}* [${m}](http://evil) <at>${m}</at>`,
  (m) => `${m}:${m};${m}=${m}`,
  (m) => `'${m}'`,
  (m) => `${m}' and assignedLicenses/$count ne 0 and '${m}`,
];
const NOISE = `'"()[],/\\%#&=+?:;*.-_@$~ \u00e9\u4e2d\u{1f600}\t`;

export function hostileStrings(n: number, seed: number): { text: string; marker: string }[] {
  const random = rng(seed);
  return Array.from({ length: n }, (_, i) => {
    const marker = `QZX${i}Q`;
    const base = TEMPLATES[i % TEMPLATES.length]!(marker);
    // Sprinkle noise characters around the template (never inside the marker).
    const noise = Array.from({ length: Math.floor(random() * 6) }, () => NOISE[Math.floor(random() * NOISE.length)]).join('');
    return { text: random() < 0.5 ? `${noise}${base}` : `${base}${noise}`, marker };
  });
}

/** What is left of a $filter / $search once every well-formed literal is removed. */
export function outsideLiterals(query: string): string {
  let out = '';
  for (let i = 0; i < query.length; i++) {
    const c = query[i]!;
    if (c === "'") {
      for (i++; i < query.length; i++) {
        if (query[i] === "'" && query[i + 1] === "'") i++;
        else if (query[i] === "'") break;
      }
      out += "''";
    } else if (c === '"') {
      for (i++; i < query.length; i++) {
        if (query[i] === '\\') i++;
        else if (query[i] === '"') break;
      }
      out += '""';
    } else out += c;
  }
  return out;
}

function problems(entry: LoggedRequest, marker: string): string[] {
  const found: string[] = [];
  // A 404 for a hostile key is Graph finding no such object — the key arrived whole. A 400 is a query it could not take.
  if (entry.status === 400) found.push(`the dev tenant refused it (400): ${entry.odata?.error ?? ''}`);
  const [rawPath, rawQuery = ''] = entry.url.split('?');
  const params = new URLSearchParams(rawQuery);
  for (const name of ['$filter', '$search', '$orderby', '$select', '$expand']) {
    const value = params.get(name);
    if (value !== null && outsideLiterals(value).includes(marker)) found.push(`${name} has the marker outside a literal: ${value}`);
  }
  for (const name of params.keys()) if (name.includes(marker)) found.push(`a query parameter was injected: ${name}`);
  const segments = rawPath!.split('/').map((s) => decodeURIComponent(s));
  if (segments.filter((s) => s.includes(marker)).length > 1) found.push(`the marker spans several path segments: ${rawPath}`);
  return found;
}

let dt: DevTenant;
let admin: AsPerson;
beforeAll(async () => {
  dt = await startDevTenant({ tenant: 'contoso', keysDir: false });
  admin = await actAs(dt, 'patti@contoso.com');
});
afterAll(async () => dt?.close());

describe('hostile text in Graph queries', () => {
  it('the literal remover keeps only what is outside literals', () => {
    expect(outsideLiterals("displayName eq 'a'' or 1 eq 1' and x eq 'b'")).toBe("displayName eq '' and x eq ''");
    expect(outsideLiterals('"displayName:a\\" OR \\"b" OR "x"')).toBe('"" OR ""');
  });

  it.each(TARGETS)('$intent: never reaches Graph malformed or outside its literal', async ({ intent, keys }) => {
    const capability = capabilityFor(intent)!;
    const inputs = hostileStrings(PER_INTENT, intent.length * 7919);
    const failures: string[] = [];
    let requests = 0;
    const queue = [...inputs];
    await Promise.all(
      Array.from({ length: 12 }, async () => {
        for (let next = queue.shift(); next; next = queue.shift()) {
          const entities: Entities = Object.fromEntries(keys.map((k) => [k, next.text]));
          const ctx = admin.fresh(30_000);
          const mark = dt.log.mark();
          const outcome = await answerWith(capability, { intent, entities, confidence: 1 }, next.text, ctx);
          if (!outcome.ok && (outcome.error as { status?: number })?.status === 400) failures.push(`${JSON.stringify(next.text)}: Graph refused the query (${String((outcome.error as Error).message)})`);
          for (const entry of dt.log.since(mark, 'graph')) {
            if (!entry.url.includes(next.marker) && !decodeURIComponent(entry.url).includes(next.marker)) continue;
            requests++;
            for (const p of problems(entry, next.marker)) failures.push(`${JSON.stringify(next.text)} → ${p}`);
          }
        }
      }),
    );
    console.log(`${intent}: ${inputs.length} hostile strings, ${requests} Graph requests carried them, ${failures.length} problems`);
    expect(failures.slice(0, 5)).toEqual([]);
    expect(requests).toBeGreaterThan(0);
  }, 300_000);
});
