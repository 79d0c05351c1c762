/** What a conversation is ordered by. */
export interface OrderKey {
  id: string;
  pinned: boolean;
  orderKey: number;
}

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

type Chunks = readonly (readonly OrderKey[])[];

/**
 * The conversations of a list in order, immutable and cheap to change at 100,000 entries.
 *
 * Keys are kept sorted in chunks of at most 512; a change copies the chunk table and the one or two
 * chunks it touches, and finds places by binary search, so it costs O(√N) copying and O(log N)
 * comparisons instead of a re-sort. Changing nothing returns the same instance.
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
    const chunks: OrderKey[][] = [];
    for (let i = 0; i < sorted.length; i += BUILD_CHUNK) chunks.push(sorted.slice(i, i + BUILD_CHUNK));
    return new ConversationOrder(chunks, sorted.length);
  }

  /** The ID at a position, or undefined past the end. */
  at(index: number): string | undefined {
    if (index < 0 || index >= this.size) return undefined;
    const chunk = this.#chunkAt(index);
    return this.#chunks[chunk]?.[index - (this.#getOffsets()[chunk] as number)]?.id;
  }

  /** IDs in [start, end). */
  slice(start = 0, end = this.size): string[] {
    const from = Math.max(0, start);
    const to = Math.min(end, this.size);
    const out: string[] = [];
    if (from >= to) return out;
    let chunk = this.#chunkAt(from);
    let offset = from - (this.#getOffsets()[chunk] as number);
    while (out.length < to - from) {
      const keys = this.#chunks[chunk] as readonly OrderKey[];
      for (; offset < keys.length && out.length < to - from; offset++)
        out.push((keys[offset] as OrderKey).id);
      chunk++;
      offset = 0;
    }
    return out;
  }

  /** Position of a conversation that is in the order under `key`, or -1. */
  indexOf(key: OrderKey): number {
    const found = this.#locate(key);
    if (!found.exact) return -1;
    return (this.#getOffsets()[found.chunk] as number) + found.offset;
  }

  /** Whether a conversation is in the order under `key`. */
  has(key: OrderKey): boolean {
    return this.#locate(key).exact;
  }

  /** Adds a conversation that is not in the order. */
  insert(key: OrderKey): ConversationOrder {
    const found = this.#locate(key);
    if (found.exact) return this;
    return this.#insertAt(found.chunk, found.offset, key);
  }

  /** Removes a conversation that is in the order under `key`. */
  remove(key: OrderKey): ConversationOrder {
    const found = this.#locate(key);
    if (!found.exact) return this;
    const chunks = this.#chunks.slice();
    const target = (chunks[found.chunk] as readonly OrderKey[]).slice();
    target.splice(found.offset, 1);
    if (target.length === 0) chunks.splice(found.chunk, 1);
    else chunks[found.chunk] = target;
    return new ConversationOrder(chunks, this.size - 1);
  }

  /** Moves a conversation from its old key to its new one (inserting it if it was not there). */
  move(prev: OrderKey, next: OrderKey): ConversationOrder {
    if (prev.pinned === next.pinned && prev.orderKey === next.orderKey && prev.id === next.id) return this;
    return this.remove(prev).insert(next);
  }

  /** Every ID in order. */
  toArray(): string[] {
    return this.slice();
  }

  *[Symbol.iterator](): IterableIterator<string> {
    for (const chunk of this.#chunks) for (const key of chunk) yield key.id;
  }

  #insertAt(chunkIndex: number, offset: number, key: OrderKey): ConversationOrder {
    const chunks = this.#chunks.slice();
    if (chunks.length === 0) {
      chunks.push([key]);
    } else {
      const target = (chunks[chunkIndex] as readonly OrderKey[]).slice();
      target.splice(offset, 0, key);
      if (target.length > MAX_CHUNK) {
        const half = target.length >> 1;
        chunks.splice(chunkIndex, 1, target.slice(0, half), target.slice(half));
      } else {
        chunks[chunkIndex] = target;
      }
    }
    return new ConversationOrder(chunks, this.size + 1);
  }

  #chunkAt(index: number): number {
    const offsets = this.#getOffsets();
    let lo = 0;
    let hi = this.#chunks.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((offsets[mid] as number) <= index) lo = mid;
      else hi = mid - 1;
    }
    return lo;
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
  #locate(key: OrderKey): { chunk: number; offset: number; exact: boolean } {
    const chunks = this.#chunks;
    if (chunks.length === 0) return { chunk: 0, offset: 0, exact: false };
    // First chunk whose last key sorts at or after the key; the key goes in it (or at the end of the last).
    let lo = 0;
    let hi = chunks.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      const chunk = chunks[mid] as readonly OrderKey[];
      if (compareOrderKeys(chunk[chunk.length - 1] as OrderKey, key) < 0) lo = mid + 1;
      else hi = mid;
    }
    const chunk = chunks[lo] as readonly OrderKey[];
    let left = 0;
    let right = chunk.length;
    while (left < right) {
      const mid = (left + right) >> 1;
      if (compareOrderKeys(chunk[mid] as OrderKey, key) < 0) left = mid + 1;
      else right = mid;
    }
    return { chunk: lo, offset: left, exact: chunk[left]?.id === key.id };
  }
}
