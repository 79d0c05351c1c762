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

/** Most keys a leaf holds, and most children an inner node holds, before it splits in two. */
const FANOUT = 32;

// Nodes are class instances, not object or array literals, on purpose. V8 tracks the survival rate of
// each literal's allocation site and, when most objects from one survive a young-generation GC, allocates
// all later ones straight in the old generation ("pretenuring"). At 100,000 conversations most path
// copies of a random leaf live long, so their sites got pretenured, and then the copies on the hot path
// (the first leaf, where a moved conversation lands, replaced by the next event) were garbage in the old
// generation too: the order's GC cost per move went from 0.4 µs to 4.8 µs. Instances made by `new`, and
// arrays made by `slice`, have no allocation site and always start young.

/**
 * A key as one number that sorts descending the way `compareOrderKeys` sorts ascending: pinned ones above
 * every other. Pinned ranks are rounded (2^64 + orderKey), but rounding never reverses two ranks, so
 * unequal ranks decide alone and equal ones fall back to the full comparison.
 */
function rankOf(key: OrderKey): number {
  return key.pinned ? PINNED_RANK + key.orderKey : key.orderKey;
}

const PINNED_RANK = 2 ** 64;

// Each node keeps its keys' ranks in a number array beside the key objects: a binary search reads one
// contiguous array instead of following a pointer to a key object per comparison, which at 100,000
// conversations (keys scattered over a large heap) was a cache miss per step on every level.

class Leaf {
  readonly leaf = true;
  /** Sorted. */
  readonly keys: readonly OrderKey[];
  /** `rankOf` each key. */
  readonly ranks: readonly number[];
  readonly size: number;
  constructor(keys: readonly OrderKey[], ranks: readonly number[]) {
    this.keys = keys;
    this.ranks = ranks;
    this.size = keys.length;
  }
}

class Inner {
  readonly leaf = false;
  readonly children: readonly TreeNode[];
  /** The last (greatest) key under each child, to find where a key goes. */
  readonly lasts: readonly OrderKey[];
  /** `rankOf` each last key. */
  readonly lastRanks: readonly number[];
  readonly size: number;
  constructor(
    children: readonly TreeNode[],
    lasts: readonly OrderKey[],
    lastRanks: readonly number[],
    size: number,
  ) {
    this.children = children;
    this.lasts = lasts;
    this.lastRanks = lastRanks;
    this.size = size;
  }
}

type TreeNode = Leaf | Inner;

/** A leaf over sorted keys. */
function leafOf(keys: readonly OrderKey[]): Leaf {
  return new Leaf(keys, keys.map(rankOf));
}

/** An inner node over `children`, reading each one (for bulk builds; a change patches its parent instead). */
function innerOf(children: readonly TreeNode[]): Inner {
  let size = 0;
  for (const child of children) size += child.size;
  return new Inner(children, children.map(lastKey), children.map(lastRank), size);
}

function lastKey(node: TreeNode): OrderKey {
  return (node.leaf ? node.keys[node.keys.length - 1] : node.lasts[node.lasts.length - 1]) as OrderKey;
}

function lastRank(node: TreeNode): number {
  return (
    node.leaf ? node.ranks[node.ranks.length - 1] : node.lastRanks[node.lastRanks.length - 1]
  ) as number;
}

/** First index whose key sorts at or after `key` (keys.length when none does). */
function lowerBound(
  keys: readonly OrderKey[],
  ranks: readonly number[],
  key: OrderKey,
  rank: number,
): number {
  let lo = 0;
  let hi = keys.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    const at = ranks[mid] as number;
    if (at > rank || (at === rank && compareOrderKeys(keys[mid] as OrderKey, key) < 0)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The child a key belongs under: the first whose last key sorts at or after it, else the last child. */
function childFor(node: Inner, key: OrderKey, rank: number): number {
  return Math.min(lowerBound(node.lasts, node.lastRanks, key, rank), node.children.length - 1);
}

/**
 * `list` with `count` entries at `at` replaced by `items`, as a new array of exactly the right length
 * (`slice` then `splice` would copy twice and leave spare capacity in every retained node).
 */
function spliced<T>(list: readonly T[], at: number, count: number, items: readonly T[]): T[] {
  const next = new Array<T>(list.length - count + items.length);
  let j = 0;
  for (let i = 0; i < at; i++) next[j++] = list[i] as T;
  for (const item of items) next[j++] = item;
  for (let i = at + count; i < list.length; i++) next[j++] = list[i] as T;
  return next;
}

/** A copy of `list` with one entry replaced. */
function replaced<T>(list: readonly T[], at: number, item: T): T[] {
  const next = list.slice();
  next[at] = item;
  return next;
}

/**
 * `node` with the child at `index` replaced by `parts` (two when it split), whose sizes add up to the
 * old child's plus `delta`. Only the changed entries are read: the siblings' sizes and last keys are
 * already in `node`, and at 100,000 conversations reading 32 siblings of every node on a random path was
 * most of a move's cache misses.
 */
function patched(node: Inner, index: number, parts: readonly TreeNode[], delta: number): Inner[] {
  const size = node.size + delta;
  if (parts.length === 1) {
    const part = parts[0] as TreeNode;
    const last = lastKey(part);
    const same = node.lasts[index] === last;
    return [
      new Inner(
        replaced(node.children, index, part),
        same ? node.lasts : replaced(node.lasts, index, last),
        same ? node.lastRanks : replaced(node.lastRanks, index, lastRank(part)),
        size,
      ),
    ];
  }
  const children = spliced(node.children, index, 1, parts);
  const lasts = spliced(node.lasts, index, 1, parts.map(lastKey));
  const lastRanks = spliced(node.lastRanks, index, 1, parts.map(lastRank));
  if (children.length <= FANOUT) return [new Inner(children, lasts, lastRanks, size)];
  const half = children.length >> 1;
  const left = children.slice(0, half);
  let leftSize = 0;
  for (const child of left) leftSize += child.size;
  return [
    new Inner(left, lasts.slice(0, half), lastRanks.slice(0, half), leftSize),
    new Inner(children.slice(half), lasts.slice(half), lastRanks.slice(half), size - leftSize),
  ];
}

/** Inserts a key; returns the node, two halves when it overflowed, or null when the key is there already. */
function insertInto(node: TreeNode, key: OrderKey, rank: number): TreeNode[] | null {
  if (node.leaf) {
    const at = lowerBound(node.keys, node.ranks, key, rank);
    if (node.keys[at]?.id === key.id) return null;
    const keys = spliced(node.keys, at, 0, [key]);
    const ranks = spliced(node.ranks, at, 0, [rank]);
    if (keys.length <= FANOUT) return [new Leaf(keys, ranks)];
    const half = keys.length >> 1;
    return [
      new Leaf(keys.slice(0, half), ranks.slice(0, half)),
      new Leaf(keys.slice(half), ranks.slice(half)),
    ];
  }
  const index = childFor(node, key, rank);
  const parts = insertInto(node.children[index] as TreeNode, key, rank);
  return parts && patched(node, index, parts, 1);
}

/** Removes a key; returns the node (the same one when the key is absent), or null when it became empty. */
function removeFrom(node: TreeNode, key: OrderKey, rank: number): TreeNode | null {
  if (node.leaf) {
    const at = lowerBound(node.keys, node.ranks, key, rank);
    if (node.keys[at]?.id !== key.id) return node;
    if (node.keys.length === 1) return null;
    return new Leaf(spliced(node.keys, at, 1, []), spliced(node.ranks, at, 1, []));
  }
  const index = childFor(node, key, rank);
  const before = node.children[index] as TreeNode;
  const child = removeFrom(before, key, rank);
  if (child === before) return node;
  if (child) return patched(node, index, [child], -1)[0] as Inner;
  if (node.children.length === 1) return null;
  return new Inner(
    spliced(node.children, index, 1, []),
    spliced(node.lasts, index, 1, []),
    spliced(node.lastRanks, index, 1, []),
    node.size - 1,
  );
}

function* keysOf(node: TreeNode): IterableIterator<OrderKey> {
  if (node.leaf) yield* node.keys;
  else for (const child of node.children) yield* keysOf(child);
}

/** Appends up to `count` IDs from position `from` under `node` to `out`; returns how many it appended. */
function collect(node: TreeNode, from: number, count: number, out: string[]): number {
  if (node.leaf) {
    const end = Math.min(node.keys.length, from + count);
    for (let i = from; i < end; i++) out.push((node.keys[i] as OrderKey).id);
    return Math.max(0, end - from);
  }
  let skip = from;
  let left = count;
  for (const child of node.children) {
    if (left <= 0) break;
    if (skip >= child.size) {
      skip -= child.size;
      continue;
    }
    left -= collect(child, skip, left, out);
    skip = 0;
  }
  return count - left;
}

/**
 * The conversations of a list in order, immutable and cheap to change at 100,000 entries.
 *
 * A counted B-tree: keys sorted in leaves of at most 32, inner nodes of at most 32 children that know
 * each child's size and last key. A change copies the nodes on one root-to-leaf path (four of at most 32
 * entries at 100,000 conversations, two at 1,000), and positions are found by walking down the sizes, so
 * an event costs about the same in any inbox instead of growing with √N (the chunk table this replaced)
 * or N (a re-sort). Changing nothing returns the same instance.
 */
export class ConversationOrder implements Iterable<string> {
  readonly size: number;
  readonly #root: TreeNode | null;

  private constructor(root: TreeNode | null) {
    this.#root = root;
    this.size = root?.size ?? 0;
  }

  static empty(): ConversationOrder {
    return new ConversationOrder(null);
  }

  /** Builds an order from keys in any order (one sort), bottom up. */
  static from(keys: readonly OrderKey[]): ConversationOrder {
    if (keys.length === 0) return ConversationOrder.empty();
    const sorted = [...keys].sort(compareOrderKeys);
    // Leaves three-quarters full, so the first changes do not all split.
    const fill = (FANOUT * 3) >> 2;
    let level: TreeNode[] = [];
    for (let i = 0; i < sorted.length; i += fill) level.push(leafOf(sorted.slice(i, i + fill)));
    while (level.length > 1) {
      const up: TreeNode[] = [];
      for (let i = 0; i < level.length; i += fill) up.push(innerOf(level.slice(i, i + fill)));
      level = up;
    }
    return new ConversationOrder(level[0] as TreeNode);
  }

  /** The ID at a position, or undefined past the end. */
  at(index: number): string | undefined {
    if (index < 0 || index >= this.size) return undefined;
    let node = this.#root as TreeNode;
    let rest = index;
    while (!node.leaf) {
      let i = 0;
      while (rest >= (node.children[i] as TreeNode).size) rest -= (node.children[i++] as TreeNode).size;
      node = node.children[i] as TreeNode;
    }
    return node.keys[rest]?.id;
  }

  /** IDs in [start, end). */
  slice(start = 0, end = this.size): string[] {
    const from = Math.max(0, start);
    const to = Math.min(end, this.size);
    const out: string[] = [];
    if (from < to && this.#root) collect(this.#root, from, to - from, out);
    return out;
  }

  /** Position of a conversation that is in the order under `key`, or -1. */
  indexOf(key: OrderKey): number {
    let node = this.#root;
    if (!node) return -1;
    const rank = rankOf(key);
    let before = 0;
    while (!node.leaf) {
      const index = childFor(node, key, rank);
      for (let i = 0; i < index; i++) before += (node.children[i] as TreeNode).size;
      node = node.children[index] as TreeNode;
    }
    const offset = lowerBound(node.keys, node.ranks, key, rank);
    return node.keys[offset]?.id === key.id ? before + offset : -1;
  }

  /** Whether a conversation is in the order under `key`. */
  has(key: OrderKey): boolean {
    return this.indexOf(key) !== -1;
  }

  /** Adds a conversation that is not in the order. */
  insert(key: OrderKey): ConversationOrder {
    if (!this.#root) return new ConversationOrder(leafOf([key]));
    const parts = insertInto(this.#root, key, rankOf(key));
    if (!parts) return this;
    return new ConversationOrder(parts.length === 1 ? (parts[0] as TreeNode) : innerOf(parts));
  }

  /** Removes a conversation that is in the order under `key`. */
  remove(key: OrderKey): ConversationOrder {
    if (!this.#root) return this;
    let root = removeFrom(this.#root, key, rankOf(key));
    if (root === this.#root) return this;
    // A root left with one child hands the tree to it, so the tree is never deeper than it needs.
    while (root && !root.leaf && root.children.length === 1) root = root.children[0] as TreeNode;
    return new ConversationOrder(root);
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
    if (this.#root) for (const key of keysOf(this.#root)) yield key.id;
  }
}
