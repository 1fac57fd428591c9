// A bounded map that forgets the least recently used entry first. Every in-memory cache in the
// bot is one of these, with its bound stated where it is made, so memory stays flat under load.
export class Lru<K, V> {
  private readonly map = new Map<K, V>();
  constructor(readonly max: number) {
    if (max < 1) throw new Error('an LRU needs room for at least one entry');
  }

  get(key: K): V | undefined {
    const v = this.map.get(key);
    if (v === undefined) return undefined;
    this.map.delete(key);
    this.map.set(key, v);
    return v;
  }

  set(key: K, value: V): void {
    this.map.delete(key);
    this.map.set(key, value);
    if (this.map.size > this.max) this.map.delete(this.map.keys().next().value as K);
  }

  delete(key: K): void {
    this.map.delete(key);
  }

  get size(): number {
    return this.map.size;
  }
}
