/** What a conversation is ordered by. */
export interface OrderKey {
  id: string;
  pinned: boolean;
  orderKey: number;
}

/** Reads the current order key of a conversation that is in the order. */
export type KeyOf = (id: string) => OrderKey;

/**
 * The list order of SPEC.md: pinned first, then orderKey descending, ties by conversationID ascending, so
 * the order is total and stable.
 */
export function compareOrderKeys(a: OrderKey, b: OrderKey): number {
  if (a.pinned !== b.pinned) return a.pinned ? -1 : 1;
  if (a.orderKey !== b.orderKey) return b.orderKey - a.orderKey;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

const MAX_CHUNK = 512;
const BUILD_CHUNK = 256;

type Chunks = readonly (readonly string[])[];

/**
 * The conversations of a list in order, immutable and cheap to change at 100,000 entries.
 *
 * IDs are kept in chunks of at most 512; a move copies the chunk table and the one or two chunks it
 * touches, and finds places by binary search on the order keys, so it costs O(√N) copying and O(log N)
 * comparisons instead of a re-sort. Keys are not stored: callers pass `keyOf`, which reads each
 * conversation's current key. A move that leaves the sequence as it was returns the same instance, so a
 * list only re-renders when its rows really change places.
 */
export class ConversationOrder implements Iterable<string> {
  readonly size: number;
  readonly #chunks: Chunks;
  #offsets: number[] | null = null;

  private constructor(chunks: Chunks, size: number) {
    this.#chunks = chunks;
    this.size = size;
  }

  static empty(): ConversationOrder {
    return new ConversationOrder([], 0);
  }

  /** Builds an order from keys in any order (one sort). */
  static from(keys: readonly OrderKey[]): ConversationOrder {
    const sorted = [...keys].sort(compareOrderKeys);
    const chunks: string[][] = [];
    for (let i = 0; i < sorted.length; i += BUILD_CHUNK) {
      chunks.push(sorted.slice(i, i + BUILD_CHUNK).map((key) => key.id));
    }
    return new ConversationOrder(chunks, sorted.length);
  }

  /** The ID at a position, or undefined past the end. */
  at(index: number): string | undefined {
    if (index < 0 || index >= this.size) return undefined;
    const offsets = this.#getOffsets();
    let lo = 0;
    let hi = this.#chunks.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((offsets[mid] as number) <= index) lo = mid;
      else hi = mid - 1;
    }
    return this.#chunks[lo]?.[index - (offsets[lo] as number)];
  }

  /** IDs in [start, end). */
  slice(start = 0, end = this.size): string[] {
    const out: string[] = [];
    for (let i = Math.max(0, start); i < Math.min(end, this.size); i++) out.push(this.at(i) as string);
    return out;
  }

  /** Position of a conversation that is in the order under `key`, or -1. */
  indexOf(key: OrderKey, keyOf: KeyOf): number {
    const found = this.#locate(key, keyOf);
    if (!found.exact) return -1;
    return (this.#getOffsets()[found.chunk] as number) + found.offset;
  }

  /** Whether a conversation is in the order under `key`. */
  has(key: OrderKey, keyOf: KeyOf): boolean {
    return this.#locate(key, keyOf).exact;
  }

  /** Adds a conversation that is not in the order. */
  insert(key: OrderKey, keyOf: KeyOf): ConversationOrder {
    const { chunk, offset, exact } = this.#locate(key, keyOf);
    if (exact) return this;
    const chunks = this.#chunks.slice();
    if (chunks.length === 0) {
      chunks.push([key.id]);
    } else {
      const target = chunks[chunk]?.slice() ?? [];
      target.splice(offset, 0, key.id);
      if (target.length > MAX_CHUNK) {
        const half = target.length >> 1;
        chunks.splice(chunk, 1, target.slice(0, half), target.slice(half));
      } else {
        chunks[chunk] = target;
      }
    }
    return new ConversationOrder(chunks, this.size + 1);
  }

  /** Removes a conversation that is in the order under `key`. */
  remove(key: OrderKey, keyOf: KeyOf): ConversationOrder {
    const { chunk, offset, exact } = this.#locate(key, keyOf);
    if (!exact) return this;
    const chunks = this.#chunks.slice();
    const target = (chunks[chunk] as readonly string[]).slice();
    target.splice(offset, 1);
    if (target.length === 0) chunks.splice(chunk, 1);
    else chunks[chunk] = target;
    return new ConversationOrder(chunks, this.size - 1);
  }

  /**
   * Moves a conversation from `prev` to `next` (its old and new keys). `keyOf` may already return the new
   * key for it. Returns this same order when the sequence of IDs does not change.
   */
  move(prev: OrderKey, next: OrderKey, keyOf: KeyOf): ConversationOrder {
    const keyOfBefore: KeyOf = (id) => (id === prev.id ? prev : keyOf(id));
    const from = this.indexOf(prev, keyOfBefore);
    if (from === -1) return this.insert(next, keyOf);
    const removed = this.remove(prev, keyOfBefore);
    const to = removed.#insertionIndex(next, keyOf);
    if (to === from) return this;
    return removed.insert(next, keyOf);
  }

  /** Every ID in order. */
  toArray(): string[] {
    return this.#chunks.flat();
  }

  *[Symbol.iterator](): IterableIterator<string> {
    for (const chunk of this.#chunks) yield* chunk;
  }

  #insertionIndex(key: OrderKey, keyOf: KeyOf): number {
    const found = this.#locate(key, keyOf);
    return (this.#getOffsets()[found.chunk] ?? this.size) + found.offset;
  }

  #getOffsets(): number[] {
    if (!this.#offsets) {
      const offsets: number[] = [];
      let total = 0;
      for (const chunk of this.#chunks) {
        offsets.push(total);
        total += chunk.length;
      }
      this.#offsets = offsets;
    }
    return this.#offsets;
  }

  /** Where `key` is, or where it would go: chunk index, offset in the chunk, and whether it is there. */
  #locate(key: OrderKey, keyOf: KeyOf): { chunk: number; offset: number; exact: boolean } {
    const chunks = this.#chunks;
    if (chunks.length === 0) return { chunk: 0, offset: 0, exact: false };
    // First chunk whose last ID sorts at or after the key; the key goes in it (or at the end of the last).
    let lo = 0;
    let hi = chunks.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      const chunk = chunks[mid] as readonly string[];
      if (compareOrderKeys(keyOf(chunk[chunk.length - 1] as string), key) < 0) lo = mid + 1;
      else hi = mid;
    }
    const chunk = chunks[lo] as readonly string[];
    let left = 0;
    let right = chunk.length;
    while (left < right) {
      const mid = (left + right) >> 1;
      if (compareOrderKeys(keyOf(chunk[mid] as string), key) < 0) left = mid + 1;
      else right = mid;
    }
    return { chunk: lo, offset: left, exact: chunk[left] === key.id };
  }
}
