import { ChatError, ChatErrorCode } from '../../model/chat-error';

/**
 * Bucketed, journaled tables with write-behind persistence, shared by the hub and by each engine's local
 * store.
 *
 * Records are grouped into buckets (a bucket is one IndexedDB row), because IndexedDB, and fake-indexeddb
 * far more, pays per row: 100,000 rows cost seconds where 400 buckets of 250 records cost a fraction of
 * one. Every change is journaled with the record it replaced, so a failed write can put memory back to the
 * last durable state: a call that fails with `STORAGE_FAILURE` changes nothing.
 */

/** One persisted bucket: the records of one table that share a bucket key. */
export interface StoredBucket {
  /** `<table>/<bucket>`. */
  key: string;
  entries: [string, unknown][];
}

/**
 * Record-level changes to one stored bucket, merged into what the database holds inside the write's
 * transaction. Used where several writers share a database (two tabs of one user on one device): each
 * writes only the records it changed, so neither overwrites the other's records with a stale bucket.
 */
export interface BucketPatch {
  /** `<table>/<bucket>`. */
  key: string;
  put: [string, unknown][];
  delete: string[];
  /** Combines the stored record with the one being put (both present); the result is written. */
  merge?: ((stored: unknown, mine: unknown) => unknown) | undefined;
}

/** Applies a patch to the stored form of a bucket (absent when the database holds none). */
export function applyBucketPatch(stored: StoredBucket | undefined, patch: BucketPatch): StoredBucket {
  const records = new Map(stored?.entries ?? []);
  for (const key of patch.delete) records.delete(key);
  for (const [key, value] of patch.put) {
    const held = records.get(key);
    records.set(key, held !== undefined && patch.merge ? patch.merge(held, value) : value);
  }
  return { key: patch.key, entries: [...records] };
}

/** Bytes kept outside the buckets (uploaded media, pending attachments). */
export interface StoredBlob {
  uuid: string;
  data: ArrayBuffer;
  type: string;
}

/**
 * One write: buckets to put or delete whole, buckets to patch record by record, blobs to put or delete,
 * and small metadata values.
 */
export interface StorageBatch {
  buckets: StoredBucket[];
  deleteBuckets: string[];
  /** Applied to what the database holds at write time (read, merged and written in one transaction). */
  patches?: BucketPatch[];
  blobs: StoredBlob[];
  deleteBlobs: string[];
  meta: Record<string, unknown>;
}

/**
 * Where a hub or an engine keeps its data. The default is IndexedDB through Dexie
 * ({@link createIndexedDBStorage}); tests inject their own to simulate failures.
 */
export interface LocalStorageAdapter {
  /** Everything stored: every bucket and the metadata values (blobs are read lazily). */
  load(): Promise<{ buckets: StoredBucket[]; meta: Record<string, unknown> }>;
  /** Writes one batch atomically: all of it or none of it. */
  write(batch: StorageBatch): Promise<void>;
  readBlob(uuid: string): Promise<StoredBlob | undefined>;
  /**
   * The conversation cache's small values (the top of the list, the sync revision, the groups), without
   * its buckets. Absent on storage without a conversation cache.
   */
  readConversationMeta?(): Promise<Record<string, unknown>>;
  /** Every bucket of the conversation cache. */
  readConversationBuckets?(): Promise<StoredBucket[]>;
  /**
   * The conversation cache's buckets whose key starts with `prefix`, so a cold start can read the cache a
   * part at a time and let the page paint in between. Without it the cache is read in one go.
   */
  readConversationBucketRange?(prefix: string): Promise<StoredBucket[]>;
  /** Patches conversation cache buckets and puts its small values, in one transaction. */
  writeConversationCache?(patches: BucketPatch[], meta: Record<string, unknown>): Promise<void>;
  close(): void;
}

/**
 * Applies bucket patches inside the caller's readwrite transaction: read, merge, write (or delete a bucket
 * left empty). IndexedDB runs overlapping readwrite transactions one after the other, so a write from
 * another tab cannot land between the read and the write.
 */
async function patchBuckets(
  table: import('dexie').Table<StoredBucket, string>,
  patches: readonly BucketPatch[],
): Promise<void> {
  if (patches.length === 0) return;
  const stored = await table.bulkGet(patches.map((patch) => patch.key));
  const put: StoredBucket[] = [];
  const remove: string[] = [];
  patches.forEach((patch, index) => {
    const next = applyBucketPatch(stored[index], patch);
    if (next.entries.length > 0) put.push(next);
    else remove.push(patch.key);
  });
  if (put.length > 0) await table.bulkPut(put);
  if (remove.length > 0) await table.bulkDelete(remove);
}

/** Prefix of the conversation cache's keys in the `meta` table. */
const CONVERSATION_META_PREFIX = 'conversations:';

/**
 * Storage in an IndexedDB database through Dexie. Nothing touches `indexedDB` until the first call.
 *
 * @example
 * const hub = await createLocalHub({ name: 'demo', persist: true, storage: createIndexedDBStorage('demo-hub') });
 */
export function createIndexedDBStorage(databaseName: string): LocalStorageAdapter {
  type Db = import('dexie').Dexie & {
    buckets: import('dexie').Table<StoredBucket, string>;
    blobs: import('dexie').Table<StoredBlob, string>;
    meta: import('dexie').Table<{ key: string; value: unknown }, string>;
    conversations: import('dexie').Table<StoredBucket, string>;
  };
  let opening: Promise<Db> | null = null;
  const open = (): Promise<Db> => {
    opening ??= (async () => {
      const { Dexie } = await import('dexie');
      const db = new Dexie(databaseName) as Db;
      db.version(1).stores({ buckets: 'key', blobs: 'uuid', meta: 'key' });
      // The conversation cache's buckets, apart from the message buckets `load()` reads whole.
      db.version(2).stores({ conversations: 'key' });
      await db.open();
      return db;
    })();
    return opening;
  };
  return {
    async load() {
      const db = await open();
      const [buckets, meta] = await Promise.all([db.buckets.toArray(), db.meta.toArray()]);
      return {
        buckets,
        meta: Object.fromEntries(
          meta
            .filter((row) => !row.key.startsWith(CONVERSATION_META_PREFIX))
            .map((row) => [row.key, row.value]),
        ),
      };
    },
    async write(batch) {
      const db = await open();
      await db.transaction('rw', db.buckets, db.blobs, db.meta, async () => {
        if (batch.buckets.length > 0) await db.buckets.bulkPut(batch.buckets);
        if (batch.deleteBuckets.length > 0) await db.buckets.bulkDelete(batch.deleteBuckets);
        await patchBuckets(db.buckets, batch.patches ?? []);
        if (batch.blobs.length > 0) await db.blobs.bulkPut(batch.blobs);
        if (batch.deleteBlobs.length > 0) await db.blobs.bulkDelete(batch.deleteBlobs);
        const meta = Object.entries(batch.meta).map(([key, value]) => ({ key, value }));
        if (meta.length > 0) await db.meta.bulkPut(meta);
      });
    },
    async readConversationMeta() {
      const db = await open();
      const rows = await db.meta.where('key').startsWith(CONVERSATION_META_PREFIX).toArray();
      return Object.fromEntries(
        rows.map((row) => [row.key.slice(CONVERSATION_META_PREFIX.length), row.value]),
      );
    },
    async readConversationBuckets() {
      const db = await open();
      return db.conversations.toArray();
    },
    async readConversationBucketRange(prefix) {
      const db = await open();
      return db.conversations.where('key').startsWith(prefix).toArray();
    },
    async writeConversationCache(patches, meta) {
      const db = await open();
      await db.transaction('rw', db.conversations, db.meta, async () => {
        await patchBuckets(db.conversations, patches);
        const entries = Object.entries(meta).map(([key, value]) => ({
          key: CONVERSATION_META_PREFIX + key,
          value,
        }));
        if (entries.length > 0) await db.meta.bulkPut(entries);
      });
    },
    async readBlob(uuid) {
      const db = await open();
      return db.blobs.get(uuid);
    },
    close() {
      void opening?.then((db) => db.close());
      opening = null;
    },
  };
}

/** FNV-1a: cheap and spreads IDs evenly over buckets. */
export function hashString(value: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < value.length; i++) {
    hash ^= value.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

interface JournalEntry {
  table: BucketTable<unknown>;
  key: string;
  before: unknown;
}

/** Records the value each change replaced, so changes not yet durable can be undone. */
export class Journal {
  readonly entries: JournalEntry[] = [];

  get length(): number {
    return this.entries.length;
  }

  record(table: BucketTable<unknown>, key: string, before: unknown): void {
    this.entries.push({ table, key, before });
  }

  /** Undoes every change after `mark`, newest first. */
  rollbackTo(mark: number): void {
    for (let i = this.entries.length - 1; i >= mark; i--) {
      const entry = this.entries[i] as JournalEntry;
      entry.table.restore(entry.key, entry.before);
    }
    this.entries.length = mark;
  }

  /** Forgets the first `count` entries: they are durable. */
  settle(count: number): void {
    this.entries.splice(0, count);
  }
}

/**
 * A table of records by key, grouped into buckets for storage. `bucketOf` decides a record's bucket from
 * its key and value; `onChange` keeps derived indexes in step, including when the journal undoes a change.
 */
export class BucketTable<V> {
  readonly name: string;
  readonly #records = new Map<string, V>();
  readonly #buckets = new Map<string, Map<string, V>>();
  readonly #bucketOfKey = new Map<string, string>();
  readonly #bucketOf: (key: string, value: V) => string;
  readonly #journal: Journal;
  readonly dirty = new Set<string>();
  /** Per dirty bucket, the keys changed in it (only when {@link patchWrites} is on). */
  readonly #dirtyKeys = new Map<string, Set<string>>();
  /** Whether records are grouped into buckets for storage; off for a table that is never stored. */
  trackBuckets = true;
  /**
   * Write changed records rather than whole buckets, merged into the stored bucket: for a database other
   * writers share.
   */
  patchWrites = false;
  /** How a record put by this writer combines with the stored one another writer put (patch writes). */
  merge: ((stored: V, mine: V) => V) | null = null;
  onChange: ((key: string, prev: V | undefined, next: V | undefined) => void) | null = null;

  constructor(name: string, journal: Journal, bucketOf: (key: string, value: V) => string) {
    this.name = name;
    this.#journal = journal;
    this.#bucketOf = bucketOf;
  }

  get size(): number {
    return this.#records.size;
  }

  get(key: string): V | undefined {
    return this.#records.get(key);
  }

  has(key: string): boolean {
    return this.#records.has(key);
  }

  values(): IterableIterator<V> {
    return this.#records.values();
  }

  entries(): IterableIterator<[string, V]> {
    return this.#records.entries();
  }

  set(key: string, value: V): void {
    const prev = this.#records.get(key);
    if (prev === value) return;
    this.#journal.record(this as BucketTable<unknown>, key, prev);
    this.#write(key, prev, value, true);
  }

  delete(key: string): void {
    if (!this.#records.has(key)) return;
    const prev = this.#records.get(key);
    this.#journal.record(this as BucketTable<unknown>, key, prev);
    this.#write(key, prev, undefined, true);
  }

  /** Puts back a replaced value without journaling (used by the journal). */
  restore(key: string, before: unknown): void {
    this.#write(key, this.#records.get(key), before as V | undefined, false);
  }

  /**
   * Takes a record another writer made durable: changes memory without journaling it or marking it
   * dirty (it is stored already).
   */
  absorb(key: string, value: V | undefined): void {
    if (value === undefined && !this.#records.has(key)) return;
    this.#write(key, this.#records.get(key), value, false);
  }

  /** The record-level changes of a dirty bucket since the last write. */
  patch(bucketKey: string): BucketPatch {
    const put: [string, unknown][] = [];
    const remove: string[] = [];
    for (const key of this.#dirtyKeys.get(bucketKey) ?? []) {
      if (this.#bucketOfKey.get(key) === bucketKey) put.push([key, this.#records.get(key)]);
      else remove.push(key);
    }
    return {
      key: `${this.name}/${bucketKey}`,
      put,
      delete: remove,
      merge: this.merge as BucketPatch['merge'],
    };
  }

  /** Forgets which records and buckets changed (they were written, or undone). */
  clearDirty(): void {
    this.dirty.clear();
    this.#dirtyKeys.clear();
  }

  /** Fills the table from storage without journaling or marking anything dirty. */
  loadBucket(bucket: StoredBucket): void {
    for (const [key, value] of bucket.entries) this.#write(key, undefined, value as V, false);
  }

  /** The stored form of a bucket, or null when it is empty (to delete). */
  serialize(bucketKey: string): StoredBucket | null {
    const bucket = this.#buckets.get(bucketKey);
    if (!bucket || bucket.size === 0) return null;
    return { key: `${this.name}/${bucketKey}`, entries: [...bucket.entries()] };
  }

  #write(key: string, prev: V | undefined, next: V | undefined, markDirty: boolean): void {
    if (!this.trackBuckets) {
      if (next === undefined) this.#records.delete(key);
      else this.#records.set(key, next);
      this.onChange?.(key, prev, next);
      return;
    }
    const oldBucket = this.#bucketOfKey.get(key);
    if (oldBucket !== undefined) {
      this.#buckets.get(oldBucket)?.delete(key);
      if (markDirty) this.#markDirty(oldBucket, key);
    }
    if (next === undefined) {
      this.#records.delete(key);
      this.#bucketOfKey.delete(key);
    } else {
      const bucketKey = this.#bucketOf(key, next);
      this.#records.set(key, next);
      this.#bucketOfKey.set(key, bucketKey);
      let bucket = this.#buckets.get(bucketKey);
      if (!bucket) {
        bucket = new Map();
        this.#buckets.set(bucketKey, bucket);
      }
      bucket.set(key, next);
      if (markDirty) this.#markDirty(bucketKey, key);
    }
    this.onChange?.(key, prev, next);
  }

  #markDirty(bucketKey: string, key: string): void {
    this.dirty.add(bucketKey);
    if (!this.patchWrites) return;
    let keys = this.#dirtyKeys.get(bucketKey);
    if (!keys) {
      keys = new Set();
      this.#dirtyKeys.set(bucketKey, keys);
    }
    keys.add(key);
  }
}

/** A record another writer's change made durable: `value` undefined when it was deleted. */
export interface DurableChange {
  table: string;
  key: string;
  value: unknown;
}

interface Waiter {
  mark: number;
  resolve: () => void;
  reject: (error: ChatError) => void;
}

/**
 * Write-behind persistence of a set of tables: `commit()` resolves once every change made so far is
 * durable. Changes made while a write is in flight go into the next batch, so a burst of calls costs one
 * transaction. When a write fails, every change not yet durable is undone and every waiting commit rejects
 * with `STORAGE_FAILURE`.
 */
export class WriteBehind {
  readonly journal: Journal;
  readonly #tables: BucketTable<unknown>[];
  readonly #adapter: LocalStorageAdapter | null;
  readonly #pendingBlobs = new Map<string, StoredBlob>();
  readonly #deletedBlobs = new Set<string>();
  #meta: Record<string, unknown> = {};
  #waiters: Waiter[] = [];
  #flushing: Promise<void> | null = null;
  #closed = false;
  /** Called after a failed write has undone changes, so owners can drop derived state. */
  onRollback: (() => void) | null = null;
  /** Called with the records a patch write made durable, so other writers sharing the database hear of them. */
  onDurable: ((changes: DurableChange[]) => void) | null = null;

  constructor(journal: Journal, tables: BucketTable<unknown>[], adapter: LocalStorageAdapter | null) {
    this.journal = journal;
    this.#tables = tables;
    this.#adapter = adapter;
    for (const table of tables) table.trackBuckets = adapter !== null;
  }

  get persistent(): boolean {
    return this.#adapter !== null;
  }

  /** Loads every table from storage. */
  async load(): Promise<Record<string, unknown>> {
    if (!this.#adapter) return {};
    let stored: Awaited<ReturnType<LocalStorageAdapter['load']>>;
    try {
      stored = await this.#adapter.load();
    } catch (error) {
      throw new ChatError(
        ChatErrorCode.StorageFailure,
        'Loading the local database failed.',
        {},
        { cause: error },
      );
    }
    const byName = new Map(this.#tables.map((table) => [table.name, table]));
    for (const bucket of stored.buckets) {
      const slash = bucket.key.indexOf('/');
      byName.get(bucket.key.slice(0, slash))?.loadBucket(bucket);
    }
    return stored.meta;
  }

  putBlob(blob: StoredBlob): void {
    this.#deletedBlobs.delete(blob.uuid);
    this.#pendingBlobs.set(blob.uuid, blob);
  }

  deleteBlob(uuid: string): void {
    this.#pendingBlobs.delete(uuid);
    this.#deletedBlobs.add(uuid);
  }

  async readBlob(uuid: string): Promise<StoredBlob | undefined> {
    const pending = this.#pendingBlobs.get(uuid);
    if (pending) return pending;
    if (!this.#adapter || this.#deletedBlobs.has(uuid)) return undefined;
    try {
      return await this.#adapter.readBlob(uuid);
    } catch (error) {
      throw new ChatError(
        ChatErrorCode.StorageFailure,
        `Reading media ${uuid} failed.`,
        {},
        { cause: error },
      );
    }
  }

  setMeta(key: string, value: unknown): void {
    this.#meta[key] = value;
  }

  /** Resolves when every change so far is durable; rejects with `STORAGE_FAILURE` when it was undone. */
  commit(): Promise<void> {
    if (!this.#adapter) {
      this.journal.settle(this.journal.length);
      for (const table of this.#tables) table.clearDirty();
      return Promise.resolve();
    }
    if (this.#closed) {
      return Promise.reject(new ChatError(ChatErrorCode.StorageFailure, 'The local database is closed.'));
    }
    return new Promise<void>((resolve, reject) => {
      this.#waiters.push({ mark: this.journal.length, resolve, reject });
      this.#flushing ??= this.#flushLoop();
    });
  }

  /** Waits for pending writes (ignoring their outcome). */
  async idle(): Promise<void> {
    while (this.#flushing) await this.#flushing.catch(() => undefined);
  }

  close(): void {
    this.#closed = true;
    this.#adapter?.close();
  }

  async #flushLoop(): Promise<void> {
    try {
      while (this.#waiters.length > 0) {
        // A macrotask lets a burst of calls join one batch.
        await new Promise((resolve) => setTimeout(resolve, 0));
        await this.#flushOnce();
      }
    } finally {
      this.#flushing = null;
    }
  }

  async #flushOnce(): Promise<void> {
    const end = this.journal.length;
    const waiting = this.#waiters.filter((waiter) => waiter.mark <= end);
    this.#waiters = this.#waiters.filter((waiter) => waiter.mark > end);
    const batch: StorageBatch = {
      buckets: [],
      deleteBuckets: [],
      blobs: [...this.#pendingBlobs.values()],
      deleteBlobs: [...this.#deletedBlobs],
      meta: this.#meta,
    };
    const patches: BucketPatch[] = [];
    for (const table of this.#tables) {
      for (const bucketKey of table.dirty) {
        if (table.patchWrites) {
          patches.push(table.patch(bucketKey));
          continue;
        }
        const stored = table.serialize(bucketKey);
        if (stored) batch.buckets.push(stored);
        else batch.deleteBuckets.push(`${table.name}/${bucketKey}`);
      }
      table.clearDirty();
    }
    if (patches.length > 0) batch.patches = patches;
    this.#pendingBlobs.clear();
    this.#deletedBlobs.clear();
    this.#meta = {};
    try {
      await (this.#adapter as LocalStorageAdapter).write(batch);
      this.journal.settle(end);
      for (const waiter of waiting) waiter.mark = 0;
      for (const waiter of this.#waiters) waiter.mark -= end;
      for (const waiter of waiting) waiter.resolve();
      if (patches.length > 0 && this.onDurable) this.onDurable(durableChanges(patches));
    } catch (cause) {
      // Everything not yet durable goes, including changes made while this write was in flight: they
      // were built on the state that just failed to persist.
      this.journal.rollbackTo(0);
      for (const table of this.#tables) table.clearDirty();
      const rejected = [...waiting, ...this.#waiters];
      this.#waiters = [];
      const error = new ChatError(
        ChatErrorCode.StorageFailure,
        'Writing to the local database failed; the change was undone.',
        {},
        { cause },
      );
      this.onRollback?.();
      for (const waiter of rejected) waiter.reject(error);
    }
  }
}

function durableChanges(patches: BucketPatch[]): DurableChange[] {
  const changes = new Map<string, DurableChange>();
  for (const patch of patches) {
    const table = patch.key.slice(0, patch.key.indexOf('/'));
    // A record that moved buckets is deleted from one and put into another: the put is what happened.
    for (const key of patch.delete) {
      if (!changes.has(`${table}/${key}`)) changes.set(`${table}/${key}`, { table, key, value: undefined });
    }
    for (const [key, value] of patch.put) changes.set(`${table}/${key}`, { table, key, value });
  }
  return [...changes.values()];
}
