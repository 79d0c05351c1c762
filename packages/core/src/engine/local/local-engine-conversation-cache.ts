import type { Conversation, ConversationGroup } from '../../model/types';
import type { LocalStorageAdapter, StoredConversationRow } from './local-persistence';
import type { HubConversation } from './local-protocol';

/** Pinned conversations rank above every unpinned one (orderKeys stay far below 2^51). */
const PINNED_RANK = 2 ** 51;

/** A conversation's place in the list as one number, higher first; unlisted ones rank 0. */
export function conversationRank(conversation: Conversation | undefined): number {
  if (!conversation || conversation.orderKey <= 0) return 0;
  return (conversation.isPinned ? PINNED_RANK : 0) + conversation.orderKey;
}

/** What the cache keeps besides the rows: where the next sync starts, and the conversation groups. */
export interface ConversationCacheMeta {
  syncRev: number;
  groups: ConversationGroup[];
  groupsRev: number;
}

/** The first rows of a cold start, and whether they are all there is. */
export interface CachedTop {
  states: HubConversation[];
  meta: ConversationCacheMeta | null;
  /** True when the cache holds no more rows than these. */
  complete: boolean;
}

/**
 * @internal A persisted engine's copy of its conversation mirror, so a reload shows the inbox from IndexedDB
 * before (or without) the hub: one row per conversation with its list rank, written behind in batches,
 * the first page read through the rank index without loading the rest.
 */
export class ConversationCache {
  readonly #adapter: LocalStorageAdapter;
  readonly #dirty = new Map<string, StoredConversationRow | null>();
  #meta: ConversationCacheMeta | null = null;
  #writing: Promise<void> | null = null;
  #scheduled = false;
  #closed = false;

  private constructor(adapter: LocalStorageAdapter) {
    this.#adapter = adapter;
  }

  /** A cache on `adapter`, or null when it has no conversation rows (memory engines, custom storage). */
  static on(adapter: LocalStorageAdapter | null): ConversationCache | null {
    if (!adapter?.readConversationRows || !adapter.readAllConversationRows || !adapter.writeConversationRows)
      return null;
    return new ConversationCache(adapter);
  }

  /** The `limit` highest-ranked conversations and the cache's metadata; nothing when reading fails. */
  async readTop(limit: number): Promise<CachedTop> {
    try {
      const { rows, meta } = await (
        this.#adapter.readConversationRows as NonNullable<LocalStorageAdapter['readConversationRows']>
      )(limit);
      return {
        states: rows.map((row) => row.value as HubConversation),
        meta: isMeta(meta) ? meta : null,
        complete: rows.length < limit,
      };
    } catch (error) {
      // A cache that cannot be read is rebuilt from the hub, as a first start would.
      console.error('Tidings local engine: reading the conversation cache failed', error);
      return { states: [], meta: null, complete: true };
    }
  }

  /** Every cached conversation. */
  async readAll(): Promise<HubConversation[]> {
    try {
      const rows = await (
        this.#adapter.readAllConversationRows as NonNullable<LocalStorageAdapter['readAllConversationRows']>
      )();
      return rows.map((row) => row.value as HubConversation);
    } catch (error) {
      console.error('Tidings local engine: reading the conversation cache failed', error);
      return [];
    }
  }

  /** Records a conversation's new record (or its removal) for the next write. */
  put(id: string, state: HubConversation | undefined, conversation: Conversation | undefined): void {
    this.#dirty.set(id, state ? { id, rank: conversationRank(conversation), value: state } : null);
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
    const put: StoredConversationRow[] = [];
    const remove: string[] = [];
    for (const [id, row] of this.#dirty) {
      if (row) put.push(row);
      else remove.push(id);
    }
    const meta = this.#meta;
    this.#dirty.clear();
    this.#meta = null;
    this.#writing = (async () => {
      try {
        await (
          this.#adapter.writeConversationRows as NonNullable<LocalStorageAdapter['writeConversationRows']>
        )(put, remove, meta ? { ...meta } : {});
      } catch (error) {
        // The cache only speeds up the next start; the hub holds the truth, so a failed write is logged
        // and the next sync rewrites what changed.
        console.error('Tidings local engine: writing the conversation cache failed', error);
      } finally {
        this.#writing = null;
      }
    })();
    await this.#writing;
  }
}

function isMeta(value: Record<string, unknown>): value is Record<string, unknown> & ConversationCacheMeta {
  return (
    typeof value.syncRev === 'number' && Array.isArray(value.groups) && typeof value.groupsRev === 'number'
  );
}
