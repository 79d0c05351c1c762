/**
 * A hash array mapped trie (Bagwell): 32-way branch nodes addressed by 5 bits of the key's hash per level,
 * so a change copies only the few small nodes on one path. At 100,000 entries that is about four nodes of
 * at most 32 slots, where copying a plain object or Map would touch every entry.
 */

// How nodes are allocated is chosen for V8's pretenuring, which allocates every later object of an
// object or array literal straight in the old generation once most of that literal's objects survived
// a young-generation GC. A leaf is an entry and lives until its key is set again, long in a large map,
// so it stays a literal: pretenured, it skips the copy through the young generation. Branch and collision
// nodes are class instances (no allocation site, always young): the copies on a path live from one event
// (the root) to thousands (the deepest levels), and pretenured together the short-lived ones would be
// garbage in the old generation. See conversation-order.ts for what that cost in the order.

interface Leaf<V> {
  readonly kind: 0;
  readonly hash: number;
  readonly key: string;
  readonly value: V;
}

function newLeaf<V>(hash: number, key: string, value: V): Leaf<V> {
  return { kind: 0, hash, key, value };
}

class Branch<V> {
  readonly kind = 1;
  /** Bit i is set when slot i (of the 32 at this level) holds a child. */
  readonly bitmap: number;
  readonly children: readonly TrieNode<V>[];
  constructor(bitmap: number, children: readonly TrieNode<V>[]) {
    this.bitmap = bitmap;
    this.children = children;
  }
}

/** Keys whose 32-bit hashes are equal. */
class Collision<V> {
  readonly kind = 2;
  readonly hash: number;
  readonly leaves: readonly Leaf<V>[];
  constructor(hash: number, leaves: readonly Leaf<V>[]) {
    this.hash = hash;
    this.leaves = leaves;
  }
}

type TrieNode<V> = Leaf<V> | Branch<V> | Collision<V>;

const BITS = 5;
const MASK = 31;
const EMPTY_BRANCH: Branch<never> = new Branch<never>(0, []);

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

/** A copy of `list` with `item` inserted at `at`, exactly as long as it needs to be. */
function insertedAt<T>(list: readonly T[], at: number, item: T): T[] {
  const next = new Array<T>(list.length + 1);
  for (let i = 0; i < at; i++) next[i] = list[i] as T;
  next[at] = item;
  for (let i = at; i < list.length; i++) next[i + 1] = list[i] as T;
  return next;
}

/** A copy of `list` without the entry at `at`. */
function removedAt<T>(list: readonly T[], at: number): T[] {
  const next = new Array<T>(list.length - 1);
  for (let i = 0; i < at; i++) next[i] = list[i] as T;
  for (let i = at + 1; i < list.length; i++) next[i - 1] = list[i] as T;
  return next;
}

/** A copy of `list` with the entry at `at` replaced. */
function replacedAt<T>(list: readonly T[], at: number, item: T): T[] {
  const next = list.slice();
  next[at] = item;
  return next;
}

/** Set by `insert` when the key it set was not in the trie (a module flag, not an object per call). */
let added = false;

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
  if (a.hash === b.hash) return new Collision(a.hash, [a, b]);
  const slotA = (a.hash >>> shift) & MASK;
  const slotB = (b.hash >>> shift) & MASK;
  if (slotA === slotB) return new Branch(1 << slotA, [join(a, b, shift + BITS)]);
  return new Branch((1 << slotA) | (1 << slotB), slotA < slotB ? [a, b] : [b, a]);
}

/** Sets a key; returns the same node when nothing changes, and sets `added` when the key was new. */
function insert<V>(node: TrieNode<V>, next: Leaf<V>, shift: number): TrieNode<V> {
  if (node.kind === 0) {
    if (node.key === next.key) return node.value === next.value ? node : next;
    added = true;
    return join(node, next, shift);
  }
  if (node.kind === 2) {
    if (node.hash !== next.hash) {
      // Same path so far, different hash: split below this collision like a leaf would.
      const wrapped = new Branch<V>(1 << ((node.hash >>> shift) & MASK), [node]);
      return insert(wrapped, next, shift);
    }
    const index = node.leaves.findIndex((l) => l.key === next.key);
    if (index === -1) {
      added = true;
      return new Collision(node.hash, insertedAt(node.leaves, node.leaves.length, next));
    }
    if (node.leaves[index]?.value === next.value) return node;
    return new Collision(node.hash, replacedAt(node.leaves, index, next));
  }
  const bit = 1 << ((next.hash >>> shift) & MASK);
  const index = popcount(node.bitmap & (bit - 1));
  if ((node.bitmap & bit) === 0) {
    added = true;
    return new Branch(node.bitmap | bit, insertedAt(node.children, index, next));
  }
  const child = node.children[index] as TrieNode<V>;
  const updated = insert(child, next, shift + BITS);
  if (updated === child) return node;
  return new Branch(node.bitmap, replacedAt(node.children, index, updated));
}

/** Removes a key; returns the same node when it is absent, undefined when the node becomes empty. */
function remove<V>(node: TrieNode<V>, hash: number, key: string, shift: number): TrieNode<V> | undefined {
  if (node.kind === 0) return node.key === key ? undefined : node;
  if (node.kind === 2) {
    if (node.hash !== hash) return node;
    const index = node.leaves.findIndex((l) => l.key === key);
    if (index === -1) return node;
    return node.leaves.length === 2
      ? node.leaves[1 - index]
      : new Collision(hash, removedAt(node.leaves, index));
  }
  const bit = 1 << ((hash >>> shift) & MASK);
  if ((node.bitmap & bit) === 0) return node;
  const index = popcount(node.bitmap & (bit - 1));
  const child = node.children[index] as TrieNode<V>;
  const updated = remove(child, hash, key, shift + BITS);
  if (updated === child) return node;
  if (updated === undefined) {
    if (node.children.length === 1) return undefined;
    const children = removedAt(node.children, index);
    const only = children[0] as TrieNode<V>;
    // A branch left holding one leaf collapses into it, keeping the trie as shallow as its keys need.
    if (children.length === 1 && only.kind !== 1 && shift > 0) return only;
    return new Branch(node.bitmap & ~bit, children);
  }
  if (node.children.length === 1 && updated.kind !== 1 && shift > 0) return updated;
  return new Branch(node.bitmap, replacedAt(node.children, index, updated));
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
    added = false;
    const root = insert(this.#root, newLeaf(hashOf(key), key, value), 0);
    return root === this.#root ? this : new RecordMap(root, this.size + (added ? 1 : 0));
  }

  /** A map with every entry set. */
  setMany(entries: Iterable<readonly [string, V]>): RecordMap<V> {
    let root = this.#root;
    let size = this.size;
    for (const [key, value] of entries) {
      added = false;
      root = insert(root, newLeaf(hashOf(key), key, value), 0);
      if (added) size++;
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
