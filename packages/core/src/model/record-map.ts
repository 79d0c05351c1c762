const SHARD_BITS = 8;
const SHARD_COUNT = 1 << SHARD_BITS;
const SHARD_MASK = SHARD_COUNT - 1;

/** FNV-1a over UTF-16 code units: cheap, and spreads IDs like `c2c_user123` evenly. */
function shardOf(key: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) {
    hash ^= key.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0) & SHARD_MASK;
}

type Shards<V> = readonly (ReadonlyMap<string, V> | undefined)[];

/**
 * An immutable map from string keys to records, cheap to change at 100,000 entries: the keys are spread
 * over 256 shards, and a change copies only the shard it touches (and the 256-slot shard table), so an
 * update costs O(N / 256) instead of the O(N) of spreading a plain object. Changing nothing returns the
 * same instance, so `===` tells whether anything changed.
 *
 * @example
 * const empty = RecordMap.empty<Conversation>();
 * const one = empty.set(conversation.conversationID, conversation);
 * one.get(conversation.conversationID) === conversation; // true
 */
export class RecordMap<V> implements Iterable<[string, V]> {
  readonly size: number;
  readonly #shards: Shards<V>;

  private constructor(shards: Shards<V>, size: number) {
    this.#shards = shards;
    this.size = size;
  }

  static empty<V>(): RecordMap<V> {
    return new RecordMap<V>(new Array(SHARD_COUNT).fill(undefined), 0);
  }

  static from<V>(entries: Iterable<readonly [string, V]>): RecordMap<V> {
    return RecordMap.empty<V>().setMany(entries);
  }

  get(key: string): V | undefined {
    return this.#shards[shardOf(key)]?.get(key);
  }

  has(key: string): boolean {
    return this.#shards[shardOf(key)]?.has(key) ?? false;
  }

  /** A map with `key` set to `value`; this same map when the value is already there. */
  set(key: string, value: V): RecordMap<V> {
    return this.setMany([[key, value]]);
  }

  /** A map with every entry set, copying each touched shard once. */
  setMany(entries: Iterable<readonly [string, V]>): RecordMap<V> {
    let shards: (ReadonlyMap<string, V> | undefined)[] | null = null;
    const copied = new Set<number>();
    let size = this.size;
    for (const [key, value] of entries) {
      const index = shardOf(key);
      const current = (shards ?? this.#shards)[index];
      if (current?.get(key) === value && (value !== undefined || current.has(key))) continue;
      shards ??= this.#shards.slice();
      let shard = shards[index] as Map<string, V> | undefined;
      if (!copied.has(index)) {
        shard = new Map(current);
        shards[index] = shard;
        copied.add(index);
      }
      if (!shard) throw new Error('unreachable: shard was just created');
      if (!shard.has(key)) size++;
      shard.set(key, value);
    }
    return shards ? new RecordMap(shards, size) : this;
  }

  /** A map without `key`; this same map when the key is not there. */
  delete(key: string): RecordMap<V> {
    return this.deleteMany([key]);
  }

  /** A map without any of the keys, copying each touched shard once. */
  deleteMany(keys: Iterable<string>): RecordMap<V> {
    let shards: (ReadonlyMap<string, V> | undefined)[] | null = null;
    const copied = new Set<number>();
    let size = this.size;
    for (const key of keys) {
      const index = shardOf(key);
      const current = (shards ?? this.#shards)[index];
      if (!current?.has(key)) continue;
      shards ??= this.#shards.slice();
      let shard = current as Map<string, V>;
      if (!copied.has(index)) {
        shard = new Map(current);
        shards[index] = shard;
        copied.add(index);
      }
      shard.delete(key);
      size--;
    }
    return shards ? new RecordMap(shards, size) : this;
  }

  *keys(): IterableIterator<string> {
    for (const shard of this.#shards) if (shard) yield* shard.keys();
  }

  *values(): IterableIterator<V> {
    for (const shard of this.#shards) if (shard) yield* shard.values();
  }

  *entries(): IterableIterator<[string, V]> {
    for (const shard of this.#shards) if (shard) yield* shard.entries();
  }

  [Symbol.iterator](): IterableIterator<[string, V]> {
    return this.entries();
  }
}
