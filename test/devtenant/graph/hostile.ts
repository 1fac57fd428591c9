// Random strings full of OData and URL metacharacters, from a seeded generator (reproducible).

/** Seeded generator, so a failing string can be reproduced. */
function rng(seed: number) {
  return () => {
    let t = (seed += 0x6d2b79f5);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const PIECES = ["'", "''", '"', '(', ')', ',', ':', '/', ' ', ' or ', ' and ', ' eq ', 'not ', '$count', 'any(', ')', '\\', '%27', '%', '#', '&', '+', ';', '\t', '\u00e9', '\u4e2d', '\ud83d\ude00', 'null', 'true', '1', '-', '06ebc4ee-1bb5-47dd-8120-11324bc54e06', '2021-01-01T00:00:00Z', 'displayName', "' or displayName ne '", "') or (1 eq 1", '\u0000', '\n'];

export function hostileStrings(count: number, seed = 7): string[] {
  const r = rng(seed);
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    const n = Math.floor(r() * 12);
    let s = '';
    for (let j = 0; j < n; j++) s += r() < 0.6 ? PIECES[Math.floor(r() * PIECES.length)]! : String.fromCharCode(32 + Math.floor(r() * 95));
    out.push(s);
  }
  return out;
}

