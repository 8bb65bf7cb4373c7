/**
 * Values kept while they fit in `maxBytes`, the least recently used going first. A pinned key is never evicted
 * (its value is in use: dropping it would let a second copy be loaded beside it), so the total may exceed the
 * bound only by what is pinned, and falls back under it as soon as that is released.
 */
export class ByteLru<K, V> {
  /** Map order is use order: the first entry is the least recently used. */
  readonly #entries = new Map<K, { value: V; bytes: number }>();
  readonly #pins = new Map<K, number>();
  #bytes = 0;

  constructor(readonly maxBytes: number) {}

  /** The bytes of every value held now. */
  get bytes(): number {
    return this.#bytes;
  }

  get size(): number {
    return this.#entries.size;
  }

  /** The value, marked as just used; undefined when not held. */
  get(key: K): V | undefined {
    const entry = this.#entries.get(key);
    if (!entry) return undefined;
    this.#entries.delete(key);
    this.#entries.set(key, entry);
    return entry.value;
  }

  has(key: K): boolean {
    return this.#entries.has(key);
  }

  /** Holds `value` as the most recently used, then evicts what no longer fits. */
  set(key: K, value: V, bytes: number): void {
    this.delete(key);
    this.#entries.set(key, { value, bytes });
    this.#bytes += bytes;
    this.#evict();
  }

  /** Records a held value's new size (it was rewritten), then evicts what no longer fits. */
  resize(key: K, bytes: number): void {
    const entry = this.#entries.get(key);
    if (!entry) return;
    this.#bytes += bytes - entry.bytes;
    entry.bytes = bytes;
    this.#evict();
  }

  delete(key: K): void {
    const entry = this.#entries.get(key);
    if (!entry) return;
    this.#entries.delete(key);
    this.#bytes -= entry.bytes;
  }

  clear(): void {
    this.#entries.clear();
    this.#bytes = 0;
  }

  /** Keeps `key` from eviction until as many `unpin` calls; it need not be held yet. */
  pin(key: K): void {
    this.#pins.set(key, (this.#pins.get(key) ?? 0) + 1);
  }

  unpin(key: K): void {
    const count = (this.#pins.get(key) ?? 0) - 1;
    if (count > 0) this.#pins.set(key, count);
    else this.#pins.delete(key);
    this.#evict();
  }

  #evict(): void {
    if (this.#bytes <= this.maxBytes) return;
    for (const [key, entry] of this.#entries) {
      if (this.#pins.has(key)) continue;
      this.#entries.delete(key);
      this.#bytes -= entry.bytes;
      if (this.#bytes <= this.maxBytes) return;
    }
  }
}
