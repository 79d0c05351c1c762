/**
 * A hash array mapped trie (Bagwell): 32-way branch nodes addressed by 5 bits of the key's hash per level,
 * so a change copies only the few small nodes on one path. At 100,000 entries that is about four nodes of
 * at most 32 slots, where copying a plain object or Map would touch every entry.
 */

interface Leaf<V> {
  readonly kind: 0;
  readonly hash: number;
  readonly key: string;
  readonly value: V;
}

interface Branch<V> {
  readonly kind: 1;
  /** Bit i is set when slot i (of the 32 at this level) holds a child. */
  readonly bitmap: number;
  readonly children: readonly TrieNode<V>[];
}

/** Keys whose 32-bit hashes are equal. */
interface Collision<V> {
  readonly kind: 2;
  readonly hash: number;
  readonly leaves: readonly Leaf<V>[];
}

type TrieNode<V> = Leaf<V> | Branch<V> | Collision<V>;

const BITS = 5;
const MASK = 31;
const EMPTY_BRANCH: Branch<never> = { kind: 1, bitmap: 0, children: [] };

/** FNV-1a over UTF-16 code units. */
function hashOf(key: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) {
    hash ^= key.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

function popcount(n: number): number {
  let x = n - ((n >>> 1) & 0x55555555);
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return (((x + (x >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

function leaf<V>(hash: number, key: string, value: V): Leaf<V> {
  return { kind: 0, hash, key, value };
}

function lookup<V>(root: TrieNode<V>, hash: number, key: string): Leaf<V> | undefined {
  let node: TrieNode<V> = root;
  for (let shift = 0; ; shift += BITS) {
    if (node.kind === 0) return node.key === key ? node : undefined;
    if (node.kind === 2) return node.hash === hash ? node.leaves.find((l) => l.key === key) : undefined;
    const bit = 1 << ((hash >>> shift) & MASK);
    if ((node.bitmap & bit) === 0) return undefined;
    node = node.children[popcount(node.bitmap & (bit - 1))] as TrieNode<V>;
  }
}

/** Joins two leaves with different keys into the smallest subtree that tells them apart. */
function join<V>(a: Leaf<V>, b: Leaf<V>, shift: number): TrieNode<V> {
  if (a.hash === b.hash) return { kind: 2, hash: a.hash, leaves: [a, b] };
  const slotA = (a.hash >>> shift) & MASK;
  const slotB = (b.hash >>> shift) & MASK;
  if (slotA === slotB) return { kind: 1, bitmap: 1 << slotA, children: [join(a, b, shift + BITS)] };
  return {
    kind: 1,
    bitmap: (1 << slotA) | (1 << slotB),
    children: slotA < slotB ? [a, b] : [b, a],
  };
}

/** Sets a key; returns the same node when nothing changes. `added` reports whether the key was new. */
function insert<V>(node: TrieNode<V>, next: Leaf<V>, shift: number, added: { value: boolean }): TrieNode<V> {
  if (node.kind === 0) {
    if (node.key === next.key) return node.value === next.value ? node : next;
    added.value = true;
    return join(node, next, shift);
  }
  if (node.kind === 2) {
    if (node.hash !== next.hash) {
      added.value = true;
      // Same path so far, different hash: split below this collision like a leaf would.
      const wrapped: Branch<V> = { kind: 1, bitmap: 1 << ((node.hash >>> shift) & MASK), children: [node] };
      return insert(wrapped, next, shift, added);
    }
    const index = node.leaves.findIndex((l) => l.key === next.key);
    if (index === -1) {
      added.value = true;
      return { ...node, leaves: [...node.leaves, next] };
    }
    if (node.leaves[index]?.value === next.value) return node;
    const leaves = node.leaves.slice();
    leaves[index] = next;
    return { ...node, leaves };
  }
  const bit = 1 << ((next.hash >>> shift) & MASK);
  const index = popcount(node.bitmap & (bit - 1));
  if ((node.bitmap & bit) === 0) {
    added.value = true;
    const children = node.children.slice();
    children.splice(index, 0, next);
    return { kind: 1, bitmap: node.bitmap | bit, children };
  }
  const child = node.children[index] as TrieNode<V>;
  const updated = insert(child, next, shift + BITS, added);
  if (updated === child) return node;
  const children = node.children.slice();
  children[index] = updated;
  return { kind: 1, bitmap: node.bitmap, children };
}

/** Removes a key; returns the same node when it is absent, undefined when the node becomes empty. */
function remove<V>(node: TrieNode<V>, hash: number, key: string, shift: number): TrieNode<V> | undefined {
  if (node.kind === 0) return node.key === key ? undefined : node;
  if (node.kind === 2) {
    if (node.hash !== hash) return node;
    const leaves = node.leaves.filter((l) => l.key !== key);
    if (leaves.length === node.leaves.length) return node;
    return leaves.length === 1 ? leaves[0] : { ...node, leaves };
  }
  const bit = 1 << ((hash >>> shift) & MASK);
  if ((node.bitmap & bit) === 0) return node;
  const index = popcount(node.bitmap & (bit - 1));
  const child = node.children[index] as TrieNode<V>;
  const updated = remove(child, hash, key, shift + BITS);
  if (updated === child) return node;
  if (updated === undefined) {
    if (node.children.length === 1) return undefined;
    const children = node.children.slice();
    children.splice(index, 1);
    const only = children[0] as TrieNode<V>;
    // A branch left holding one leaf collapses into it, keeping the trie as shallow as its keys need.
    if (children.length === 1 && only.kind !== 1 && shift > 0) return only;
    return { kind: 1, bitmap: node.bitmap & ~bit, children };
  }
  const children = node.children.slice();
  children[index] = updated;
  if (children.length === 1 && updated.kind !== 1 && shift > 0) return updated;
  return { kind: 1, bitmap: node.bitmap, children };
}

function* leaves<V>(node: TrieNode<V>): IterableIterator<Leaf<V>> {
  if (node.kind === 0) yield node;
  else if (node.kind === 2) yield* node.leaves;
  else for (const child of node.children) yield* leaves(child);
}

/**
 * An immutable map from string keys to records, cheap to change at 100,000 entries (a persistent hash
 * trie: a change copies a handful of 32-slot nodes instead of every entry). Changing nothing returns the
 * same instance, so `===` tells whether anything changed; older versions never change.
 *
 * @example
 * const empty = RecordMap.empty<Conversation>();
 * const one = empty.set(conversation.conversationID, conversation);
 * one.get(conversation.conversationID) === conversation; // true
 */
export class RecordMap<V> implements Iterable<[string, V]> {
  readonly size: number;
  readonly #root: TrieNode<V>;

  private constructor(root: TrieNode<V>, size: number) {
    this.#root = root;
    this.size = size;
  }

  static empty<V>(): RecordMap<V> {
    return new RecordMap<V>(EMPTY_BRANCH as Branch<V>, 0);
  }

  static from<V>(entries: Iterable<readonly [string, V]>): RecordMap<V> {
    return RecordMap.empty<V>().setMany(entries);
  }

  get(key: string): V | undefined {
    return lookup(this.#root, hashOf(key), key)?.value;
  }

  has(key: string): boolean {
    return lookup(this.#root, hashOf(key), key) !== undefined;
  }

  /** A map with `key` set to `value`; this same map when the value is already there. */
  set(key: string, value: V): RecordMap<V> {
    const added = { value: false };
    const root = insert(this.#root, leaf(hashOf(key), key, value), 0, added);
    return root === this.#root ? this : new RecordMap(root, this.size + (added.value ? 1 : 0));
  }

  /** A map with every entry set. */
  setMany(entries: Iterable<readonly [string, V]>): RecordMap<V> {
    let root = this.#root;
    let size = this.size;
    for (const [key, value] of entries) {
      const added = { value: false };
      root = insert(root, leaf(hashOf(key), key, value), 0, added);
      if (added.value) size++;
    }
    return root === this.#root ? this : new RecordMap(root, size);
  }

  /** A map without `key`; this same map when the key is not there. */
  delete(key: string): RecordMap<V> {
    return this.deleteMany([key]);
  }

  /** A map without any of the keys. */
  deleteMany(keys: Iterable<string>): RecordMap<V> {
    let root = this.#root;
    let size = this.size;
    for (const key of keys) {
      const next = remove(root, hashOf(key), key, 0) ?? (EMPTY_BRANCH as Branch<V>);
      if (next !== root) size--;
      root = next;
    }
    return root === this.#root ? this : new RecordMap(root, size);
  }

  *keys(): IterableIterator<string> {
    for (const l of leaves(this.#root)) yield l.key;
  }

  *values(): IterableIterator<V> {
    for (const l of leaves(this.#root)) yield l.value;
  }

  *entries(): IterableIterator<[string, V]> {
    for (const l of leaves(this.#root)) yield [l.key, l.value];
  }

  [Symbol.iterator](): IterableIterator<[string, V]> {
    return this.entries();
  }
}
