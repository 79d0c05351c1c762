import type { ConversationGroup } from '../../model/types';
import {
  type BucketPatch,
  hashString,
  type LocalStorageAdapter,
  type StoredBucket,
} from './local-persistence';
import type { HubConversation } from './local-protocol';

/**
 * Buckets of the conversation cache. IndexedDB pays per row (Chromium wrote 10,000 one-row-per-
 * conversation puts in about 2 s on a loaded machine), so conversations share rows: about 100 each at
 * 100,000 conversations, and a change rewrites one bucket.
 */
const BUCKETS = 1024;
/** The characters a bucket key (`c/` + the bucket number in base 36) can start with after `c/`. */
const BUCKET_KEY_DIGITS = '0123456789abcdefghijklmnopqrstuvwxyz';

/** What the cache keeps besides the buckets: where the next sync starts, and the conversation groups. */
export interface ConversationCacheMeta {
  syncRev: number;
  groups: ConversationGroup[];
  groupsRev: number;
}

/** The first rows of a cold start, and whether they are all there is. */
export interface CachedTop {
  states: HubConversation[];
  meta: ConversationCacheMeta | null;
  /** True when the cache holds no conversations besides these. */
  complete: boolean;
}

/** The top of the list as written: the records, and how many conversations the cache held then. */
interface StoredTop {
  states: HubConversation[];
  count: number;
}

/**
 * Field values most records have: a stored record leaves them out (and its lastMessage the fields its
 * conversation already says), which halves what IndexedDB has to clone and write for 100,000 of them.
 */
const CONVERSATION_DEFAULTS: Readonly<Record<string, unknown>> = {
  userID: '',
  groupID: '',
  faceUrl: '',
  isPinned: false,
  unreadCount: 0,
  recvOpt: 'receive',
  lastMessage: null,
  draftText: null,
  draftTimestamp: null,
  markList: [],
  conversationGroupList: [],
  groupAtInfoList: [],
  readSeq: 0,
  customData: '',
  deleted: false,
  clearedSeq: 0,
  clearedTime: 0,
  peerReadTime: 0,
};
const MESSAGE_DEFAULTS: Readonly<Record<string, unknown>> = {
  userID: '',
  groupID: '',
  nick: '',
  faceUrl: '',
  isSelf: false,
  seq: 0,
  random: 0,
  status: 'sent',
  priority: 'normal',
  isRead: true,
  isPeerRead: false,
  isExcludedFromUnreadCount: false,
  isExcludedFromLastMessage: false,
  isOnlineOnly: false,
  targetUserIDList: [],
  atUserList: [],
  cloudCustomData: '',
  localCustomData: '',
  revoker: '',
  revokeReason: '',
};

function isDefault(value: unknown, fallback: unknown): boolean {
  return value === fallback || (Array.isArray(value) && value.length === 0 && Array.isArray(fallback));
}

function pack(value: object, defaults: Readonly<Record<string, unknown>>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(value)) {
    if (!(key in defaults) || !isDefault(field, defaults[key])) out[key] = field;
  }
  return out;
}

function unpack(
  value: Record<string, unknown>,
  defaults: Readonly<Record<string, unknown>>,
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  // Fresh arrays: records must not share a default.
  for (const [key, field] of Object.entries(defaults)) out[key] = Array.isArray(field) ? [] : field;
  return Object.assign(out, value);
}

/** The stored form of a conversation record. */
export function packConversation(state: HubConversation): Record<string, unknown> {
  const packed = pack(state, CONVERSATION_DEFAULTS);
  const last = state.lastMessage;
  if (last) {
    const message = pack(last, MESSAGE_DEFAULTS);
    if (message.conversationID === state.conversationID) delete message.conversationID;
    if (message.conversationType === state.type) delete message.conversationType;
    packed.lastMessage = message;
  }
  return packed;
}

/** A conversation record from its stored form. */
export function unpackConversation(stored: unknown): HubConversation {
  const state = unpack(
    stored as Record<string, unknown>,
    CONVERSATION_DEFAULTS,
  ) as unknown as HubConversation;
  const last = (stored as { lastMessage?: Record<string, unknown> | null }).lastMessage;
  if (last) {
    state.lastMessage = unpack(
      { conversationID: state.conversationID, conversationType: state.type, ...last },
      MESSAGE_DEFAULTS,
    ) as unknown as HubConversation['lastMessage'];
  }
  return state;
}

/** The conversation records stored in buckets. */
function statesOf(buckets: readonly StoredBucket[]): HubConversation[] {
  return buckets.flatMap((bucket) => bucket.entries.map(([, value]) => unpackConversation(value)));
}

/** Of two copies of a conversation record (two tabs write one cache), the newer one. */
function newerRecord(stored: unknown, mine: unknown): unknown {
  return (stored as HubConversation).rev > (mine as HubConversation).rev ? stored : mine;
}

/**
 * @internal A persisted engine's copy of its conversation mirror, so a reload shows the inbox from IndexedDB
 * before (or without) the hub. Records live in buckets written behind (a burst of changes is one
 * transaction, each bucket merged record by record with what another tab wrote); the top of the list is
 * kept as one small value beside them, so the first page is one read and the rest is read after.
 */
export class ConversationCache {
  readonly #adapter: LocalStorageAdapter;
  readonly #dirty = new Map<string, HubConversation | null>();
  #meta: ConversationCacheMeta | null = null;
  #writtenTop: StoredTop | null = null;
  #writing: Promise<void> | null = null;
  #scheduled = false;
  #closed = false;
  /** The records at the top of the list now, and how many conversations there are (set by the mirror). */
  top: (() => StoredTop) | null = null;

  private constructor(adapter: LocalStorageAdapter) {
    this.#adapter = adapter;
  }

  /** A cache on `adapter`, or null when it keeps no conversation cache (memory engines, custom storage). */
  static on(adapter: LocalStorageAdapter | null): ConversationCache | null {
    if (!adapter?.readConversationMeta || !adapter.readConversationBuckets || !adapter.writeConversationCache)
      return null;
    return new ConversationCache(adapter);
  }

  /** The top of the list and the cache's metadata as last written; nothing when reading fails. */
  async readTop(): Promise<CachedTop> {
    try {
      const values = await (this.#adapter.readConversationMeta as () => Promise<Record<string, unknown>>)();
      const top = values.top as StoredTop | undefined;
      const meta = values.meta as ConversationCacheMeta | undefined;
      if (!top || !Array.isArray(top.states) || typeof top.count !== 'number')
        return { states: [], meta: null, complete: true };
      const states = top.states.map(unpackConversation);
      this.#writtenTop = { states, count: top.count };
      return { states, meta: meta ?? null, complete: top.count <= states.length };
    } catch (error) {
      // A cache that cannot be read is rebuilt from the hub, as a first start would.
      console.error('Tidings local engine: reading the conversation cache failed', error);
      return { states: [], meta: null, complete: true };
    }
  }

  /**
   * Every cached conversation, handed to `onPart` a part at a time (about 1/36 of the cache each, by the
   * first character of the bucket key) with a macrotask between parts: at 100,000 conversations reading
   * and applying them all at once held the main thread for seconds, and the first rows waited for it.
   */
  async readInParts(onPart: (states: HubConversation[]) => void): Promise<void> {
    const readRange = this.#adapter.readConversationBucketRange?.bind(this.#adapter);
    if (!readRange) {
      onPart(await this.#readAll());
      return;
    }
    try {
      for (const digit of BUCKET_KEY_DIGITS) {
        onPart(statesOf(await readRange(`c/${digit}`)));
        await new Promise((resolve) => setTimeout(resolve, 0));
      }
    } catch (error) {
      console.error('Tidings local engine: reading the conversation cache failed', error);
    }
  }

  /** Every cached conversation, in one read (storage that cannot read a range). */
  async #readAll(): Promise<HubConversation[]> {
    try {
      const buckets = await (
        this.#adapter.readConversationBuckets as NonNullable<LocalStorageAdapter['readConversationBuckets']>
      )();
      return statesOf(buckets);
    } catch (error) {
      console.error('Tidings local engine: reading the conversation cache failed', error);
      return [];
    }
  }

  /** Records a conversation's new record (or its removal) for the next write. */
  put(id: string, state: HubConversation | undefined): void {
    this.#dirty.set(id, state ?? null);
  }

  setMeta(meta: ConversationCacheMeta): void {
    this.#meta = meta;
  }

  /** Writes what changed after the current task (a burst of changes is one write). */
  flushSoon(): void {
    if (this.#scheduled || this.#closed || (this.#dirty.size === 0 && !this.#meta)) return;
    this.#scheduled = true;
    setTimeout(() => {
      this.#scheduled = false;
      void this.#flush();
    }, 0);
  }

  /** Resolves once every change recorded so far is written (or failed to be). */
  async idle(): Promise<void> {
    while (!this.#closed && (this.#writing || this.#dirty.size > 0 || this.#meta)) {
      if (this.#writing) await this.#writing;
      else await this.#flush();
    }
  }

  close(): void {
    this.#closed = true;
  }

  async #flush(): Promise<void> {
    if (this.#writing) {
      await this.#writing;
      return;
    }
    if (this.#closed || (this.#dirty.size === 0 && !this.#meta)) return;
    const patches = new Map<string, BucketPatch>();
    for (const [id, state] of this.#dirty) {
      const key = `c/${(hashString(id) % BUCKETS).toString(36)}`;
      let patch = patches.get(key);
      if (!patch) {
        patch = { key, put: [], delete: [], merge: newerRecord };
        patches.set(key, patch);
      }
      if (state) patch.put.push([id, packConversation(state)]);
      else patch.delete.push(id);
    }
    const values: Record<string, unknown> = {};
    if (this.#meta) values.meta = { ...this.#meta };
    const top = this.top?.();
    if (top && !sameTop(top, this.#writtenTop)) {
      values.top = { states: top.states.map(packConversation), count: top.count };
      this.#writtenTop = top;
    }
    this.#dirty.clear();
    this.#meta = null;
    this.#writing = (async () => {
      try {
        await (
          this.#adapter.writeConversationCache as NonNullable<LocalStorageAdapter['writeConversationCache']>
        )([...patches.values()], values);
      } catch (error) {
        // The cache only speeds up the next start; the hub holds the truth, so a failed write is logged
        // and the next sync rewrites what changed.
        this.#writtenTop = null;
        console.error('Tidings local engine: writing the conversation cache failed', error);
      } finally {
        this.#writing = null;
      }
    })();
    await this.#writing;
  }
}

function sameTop(a: StoredTop, b: StoredTop | null): boolean {
  if (!b || a.count !== b.count || a.states.length !== b.states.length) return false;
  return a.states.every((state, index) => state === b.states[index]);
}
