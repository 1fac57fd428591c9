// A small seeded PRNG (sfc32, seeded through splitmix32) so that a generated tenant is the same
// for the same seed on every machine: tests and benchmarks compare runs, and the committed sample
// tenant can be rebuilt byte for byte. Math.random is never used.
import { createHash } from 'node:crypto';

function splitmix32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x9e3779b9) >>> 0;
    let z = a;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
    return (z ^ (z >>> 16)) >>> 0;
  };
}

const HEX: string[] = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

function h8(v: number): string {
  return HEX[(v >>> 24) & 0xff]! + HEX[(v >>> 16) & 0xff]! + HEX[(v >>> 8) & 0xff]! + HEX[v & 0xff]!;
}

function h4(v: number): string {
  return HEX[(v >>> 8) & 0xff]! + HEX[v & 0xff]!;
}

export class Random {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(seed: number) {
    const init = splitmix32(seed);
    this.a = init();
    this.b = init();
    this.c = init();
    this.d = init();
    for (let i = 0; i < 12; i++) this.u32();
  }

  /** A uniformly distributed unsigned 32-bit integer. */
  u32(): number {
    const t = (((this.a + this.b) >>> 0) + this.d) >>> 0;
    this.d = (this.d + 1) >>> 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) >>> 0;
    this.c = ((this.c << 21) | (this.c >>> 11)) >>> 0;
    this.c = (this.c + t) >>> 0;
    return t;
  }

  /** [0, 1) */
  next(): number {
    return this.u32() / 4294967296;
  }

  /** An integer in [min, max], both inclusive. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error('pick from an empty list');
    return items[Math.floor(this.next() * items.length)]!;
  }

  /** Picks by weight: [[value, weight], …]. */
  weighted<T>(items: readonly (readonly [T, number])[]): T {
    let total = 0;
    for (const [, w] of items) total += w;
    let r = this.next() * total;
    for (const [v, w] of items) {
      r -= w;
      if (r < 0) return v;
    }
    return items[items.length - 1]![0];
  }

  /** `count` distinct items (or all of them when there are fewer), in random order. */
  sample<T>(items: readonly T[], count: number): T[] {
    const n = Math.min(count, items.length);
    if (n * 4 < items.length) {
      // Few out of many: draw indices instead of shuffling a copy of the whole list.
      const seen = new Set<number>();
      const out: T[] = [];
      while (out.length < n) {
        const i = Math.floor(this.next() * items.length);
        if (seen.has(i)) continue;
        seen.add(i);
        out.push(items[i]!);
      }
      return out;
    }
    const copy = items.slice();
    for (let i = 0; i < n; i++) {
      const j = i + Math.floor(this.next() * (copy.length - i));
      [copy[i], copy[j]] = [copy[j]!, copy[i]!];
    }
    return copy.slice(0, n);
  }

  bytes(n: number): Uint8Array {
    const out = new Uint8Array(n);
    for (let i = 0; i < n; i += 4) {
      const v = this.u32();
      for (let k = 0; k < 4 && i + k < n; k++) out[i + k] = (v >>> (k * 8)) & 0xff;
    }
    return out;
  }

  /** A version-4 style GUID, lower case, as Entra writes object ids. */
  guid(): string {
    const a = this.u32();
    const b = this.u32();
    const c = this.u32();
    const d = this.u32();
    // Version 4 in the third group, variant 10xx in the fourth.
    return `${h8(a)}-${h4(b >>> 16)}-${h4(((b & 0x0fff) | 0x4000) >>> 0)}-${h4((((c >>> 16) & 0x3fff) | 0x8000) >>> 0)}-${h4(c & 0xffff)}${h8(d)}`;
  }

  hex(byteCount: number): string {
    let s = '';
    for (const v of this.bytes(byteCount)) s += HEX[v];
    return s;
  }
}

function guidFromBytes(b: Uint8Array): string {
  let h = '';
  for (let i = 0; i < 16; i++) h += HEX[b[i]!];
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/**
 * A stable GUID derived from a name (SHA-1, formatted as a version-5 style UUID). Used where the
 * real identifier is not published in anything this project can cite, e.g. service plan ids:
 * the same name always gets the same id, in every tenant and on every run.
 */
export function nameGuid(name: string): string {
  const b = new Uint8Array(createHash('sha1').update(name).digest().subarray(0, 16));
  b[6] = (b[6]! & 0x0f) | 0x50;
  b[8] = (b[8]! & 0x3f) | 0x80;
  return guidFromBytes(b);
}

/** A GUID's 16 bytes in .NET Guid.ToByteArray order (first three groups little-endian). */
export function guidBytes(guid: string): Uint8Array {
  const h = guid.replace(/-/g, '');
  const raw = Uint8Array.from({ length: 16 }, (_, i) => parseInt(h.slice(i * 2, i * 2 + 2), 16));
  const order = [3, 2, 1, 0, 5, 4, 7, 6, 8, 9, 10, 11, 12, 13, 14, 15];
  return Uint8Array.from(order, (i) => raw[i]!);
}
