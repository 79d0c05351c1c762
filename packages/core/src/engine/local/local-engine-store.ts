import type { Message } from '../../model/types';
import type { ChannelLike } from './local-hub-broadcast';
import { compareMessages } from './local-message-utils';
import {
  BucketTable,
  type DurableChange,
  hashString,
  Journal,
  type LocalStorageAdapter,
  type StoredBlob,
  WriteBehind,
} from './local-persistence';
import type { WireSendOptions } from './local-protocol';

/** A message this device holds, with how to send it again when it failed. */
export interface CachedMessage {
  message: Message;
  /** The send options of an own message that is sending or failed; null otherwise. */
  send: WireSendOptions | null;
  /**
   * When `localCustomData` was last set on this device (a clock that only moves forward, shared by the
   * tabs through their changes); 0 when never. The newer setting wins when two tabs write one message.
   */
  localAt?: number;
}

/** Local changes another tab of this device made durable, as this engine's store now holds them. */
export interface SiblingChanges {
  /** Messages stored on this device only (inserted, imported) that this engine did not hold. */
  added: Message[];
  /** Held messages that changed (local custom data, status). */
  modified: Message[];
  /** Held messages that went (deleted on this device, cancelled, cleared). */
  deleted: Message[];
}

/** What a store posts to the other stores on its database after a write. */
interface StoreChangeNotice {
  t: 'stored';
  from: string;
  messages: [string, CachedMessage | null][];
  tombstones: string[];
}

/**
 * How a message one writer puts combines with the copy another writer stored: the newer local custom
 * data wins, and a copy the server acknowledged (seq > 0) is not replaced by an unsent one (a tab that
 * opened while another was sending marks the send failed).
 */
export function mergeCached(stored: CachedMessage, mine: CachedMessage): CachedMessage {
  let merged = mine;
  if (stored.message.seq > 0 && mine.message.seq === 0) {
    merged = {
      ...stored,
      localAt: mine.localAt ?? 0,
      message: { ...stored.message, localCustomData: mine.message.localCustomData },
    };
  }
  if ((stored.localAt ?? 0) > (merged.localAt ?? 0)) {
    merged = {
      ...merged,
      localAt: stored.localAt ?? 0,
      message: { ...merged.message, localCustomData: stored.message.localCustomData },
    };
  }
  return merged;
}

const DAY_MS = 86_400_000;

/**
 * One engine's local store: the messages this device holds (received, sent, pulled from roaming history,
 * imported, inserted, failed), the IDs it deleted (so a later sync does not bring them back), and media of
 * failed sends. Kept per conversation in history order; persisted write-behind when storage is given.
 */
export class EngineMessageStore {
  readonly #journal = new Journal();
  readonly #messages: BucketTable<CachedMessage>;
  readonly #tombstones: BucketTable<number>;
  readonly #byConversation = new Map<string, Message[]>();
  readonly #persistence: WriteBehind;
  readonly #channel: ChannelLike | null;
  readonly #storeID = `store-${Math.random().toString(36).slice(2)}-${Date.now().toString(36)}`;
  /** Local custom data another tab set on messages this engine does not hold yet (applied when it does). */
  readonly #pendingLocal = new Map<string, { localCustomData: string; localAt: number }>();
  #localClock = 0;
  /** Told about local changes of another tab on this database, once they are durable. */
  onSiblingChanges: ((changes: SiblingChanges) => void) | null = null;

  private constructor(adapter: LocalStorageAdapter | null, channel: ChannelLike | null) {
    this.#messages = new BucketTable('messages', this.#journal, (_key, value) => {
      const shard = (hashString(value.message.conversationID) % 1024).toString(36);
      return `${shard}.${Math.floor(value.message.timestamp / DAY_MS).toString(36)}`;
    });
    this.#tombstones = new BucketTable('tombstones', this.#journal, (key) =>
      (hashString(key) % 64).toString(36),
    );
    this.#messages.onChange = (_key, prev, next) => this.#index(prev?.message, next?.message);
    this.#persistence = new WriteBehind(
      this.#journal,
      [this.#messages, this.#tombstones] as BucketTable<unknown>[],
      adapter,
    );
    // Other tabs of this user on this device write the same database: each writes only the records it
    // changed, merged into the stored ones, and tells the others what it wrote.
    this.#messages.patchWrites = true;
    this.#messages.merge = mergeCached;
    this.#tombstones.patchWrites = true;
    this.#channel = adapter ? channel : null;
    if (this.#channel) {
      this.#persistence.onDurable = (changes) => this.#post(changes);
      this.#channel.onmessage = (event) => this.#receive(event.data);
    }
  }

  /**
   * Opens the store and loads what `adapter` holds; a send cut short by a reload counts as failed.
   * `channel` connects it with the other stores on the same database (other tabs of this user and device).
   */
  static async open(
    adapter: LocalStorageAdapter | null,
    channel: ChannelLike | null = null,
  ): Promise<EngineMessageStore> {
    const store = new EngineMessageStore(adapter, channel);
    await store.#persistence.load();
    for (const [msgID, cached] of [...store.#messages.entries()]) {
      // Another tab may have stored a message again after this device deleted it.
      if (store.#tombstones.has(msgID)) store.#messages.delete(msgID);
      else if (cached.message.status === 'sending')
        store.put({ ...cached.message, status: 'failed' }, cached.send);
      store.#localClock = Math.max(store.#localClock, cached.localAt ?? 0);
    }
    if (store.#journal.length > 0) await store.commit().catch(() => undefined);
    return store;
  }

  /** Called after a failed write undid changes. */
  set onRollback(handler: (() => void) | null) {
    this.#persistence.onRollback = handler;
  }

  get(msgID: string): CachedMessage | undefined {
    return this.#messages.get(msgID);
  }

  /** Messages of a conversation, oldest first. Do not modify. */
  list(conversationID: string): readonly Message[] {
    return this.#byConversation.get(conversationID) ?? [];
  }

  /** Every conversation that holds messages. */
  conversationIDs(): IterableIterator<string> {
    return this.#byConversation.keys();
  }

  isDeleted(msgID: string): boolean {
    return this.#tombstones.has(msgID);
  }

  /** Stores a message, keeping when its local custom data was set unless that changed. */
  put(message: Message, send: WireSendOptions | null = null): void {
    const held = this.#messages.get(message.msgID);
    let localAt = held && held.message.localCustomData === message.localCustomData ? (held.localAt ?? 0) : 0;
    let stored = message;
    const pending = held ? undefined : this.#pendingLocal.get(message.msgID);
    if (pending) {
      this.#pendingLocal.delete(message.msgID);
      if (pending.localAt > localAt) {
        localAt = pending.localAt;
        stored = { ...message, localCustomData: pending.localCustomData };
      }
    }
    this.#messages.set(
      message.msgID,
      localAt > 0 ? { message: stored, send, localAt } : { message: stored, send },
    );
  }

  /** Stores a message whose local custom data was just set on this device (it wins over older settings). */
  putLocalData(message: Message, send: WireSendOptions | null): void {
    const held = this.#messages.get(message.msgID);
    this.#localClock = Math.max(Date.now(), this.#localClock + 1, (held?.localAt ?? 0) + 1);
    this.#messages.set(message.msgID, { message, send, localAt: this.#localClock });
  }

  /** Called with each message removed from this device (the engine's media lets go of its bytes). */
  onDelete: ((message: Message) => void) | null = null;

  /** Removes a message; `tombstone` keeps a sync from bringing it back. */
  delete(msgID: string, tombstone: boolean): void {
    const removed = this.#messages.get(msgID)?.message;
    this.#messages.delete(msgID);
    if (removed) this.onDelete?.(removed);
    if (tombstone) this.#tombstones.set(msgID, 1);
  }

  /** The newest message that may be a conversation's lastMessage. */
  newestForLastMessage(conversationID: string): Message | null {
    const list = this.#byConversation.get(conversationID);
    if (!list) return null;
    for (let i = list.length - 1; i >= 0; i--) {
      const message = list[i] as Message;
      if (!message.isExcludedFromLastMessage && !message.isOnlineOnly) return message;
    }
    return null;
  }

  /** The highest server seq held for a conversation (0 when none). */
  maxSeq(conversationID: string): number {
    let max = 0;
    for (const message of this.#byConversation.get(conversationID) ?? []) max = Math.max(max, message.seq);
    return max;
  }

  putBlob(blob: StoredBlob): void {
    this.#persistence.putBlob(blob);
  }

  deleteBlob(uuid: string): void {
    this.#persistence.deleteBlob(uuid);
  }

  readBlob(uuid: string): Promise<StoredBlob | undefined> {
    return this.#persistence.readBlob(uuid);
  }

  get persistent(): boolean {
    return this.#persistence.persistent;
  }

  /** Resolves when every change so far is durable; rejects with `STORAGE_FAILURE` when it was undone. */
  commit(): Promise<void> {
    return this.#persistence.commit();
  }

  idle(): Promise<void> {
    return this.#persistence.idle();
  }

  close(): void {
    if (this.#channel) {
      this.#channel.onmessage = null;
      this.#channel.close();
    }
    this.#persistence.close();
  }

  #post(changes: DurableChange[]): void {
    const notice: StoreChangeNotice = { t: 'stored', from: this.#storeID, messages: [], tombstones: [] };
    for (const change of changes) {
      if (change.table === 'tombstones') {
        if (change.value !== undefined) notice.tombstones.push(change.key);
      } else notice.messages.push([change.key, (change.value as CachedMessage | undefined) ?? null]);
    }
    try {
      this.#channel?.postMessage(notice);
    } catch (error) {
      // The other tabs still read the change from the database on their next load.
      console.error('Tidings local engine: telling other tabs about a change failed', error);
    }
  }

  /** Takes in what another store on this database made durable, and reports what it changed here. */
  #receive(data: unknown): void {
    const notice = data as StoreChangeNotice | null;
    if (!notice || typeof notice !== 'object' || notice.t !== 'stored' || notice.from === this.#storeID)
      return;
    const changes: SiblingChanges = { added: [], modified: [], deleted: [] };
    for (const msgID of notice.tombstones) {
      this.#tombstones.absorb(msgID, 1);
      this.#pendingLocal.delete(msgID);
      const held = this.#messages.get(msgID);
      if (held) {
        this.#messages.absorb(msgID, undefined);
        changes.deleted.push(held.message);
      }
    }
    for (const [msgID, theirs] of notice.messages) {
      const held = this.#messages.get(msgID);
      if (!theirs) {
        // A send this engine is making is its own to finish or cancel.
        if (held && held.message.status !== 'sending') {
          this.#messages.absorb(msgID, undefined);
          changes.deleted.push(held.message);
        }
        continue;
      }
      this.#localClock = Math.max(this.#localClock, theirs.localAt ?? 0);
      if (this.#tombstones.has(msgID)) continue;
      if (held) {
        if (held.message.status === 'sending') continue;
        const merged = mergeCached(held, theirs);
        if (sameMessage(merged.message, held.message) && (merged.localAt ?? 0) === (held.localAt ?? 0))
          continue;
        this.#messages.absorb(msgID, merged);
        if (!sameMessage(merged.message, held.message)) changes.modified.push(merged.message);
      } else if (theirs.message.status === 'local' || theirs.message.status === 'imported') {
        this.#messages.absorb(msgID, theirs);
        changes.added.push(theirs.message);
      } else if ((theirs.localAt ?? 0) > 0) {
        // A message from the hub this engine has not received yet: it will, and then keeps this.
        this.#pendingLocal.set(msgID, {
          localCustomData: theirs.message.localCustomData,
          localAt: theirs.localAt ?? 0,
        });
      }
    }
    if (changes.added.length + changes.modified.length + changes.deleted.length > 0)
      this.onSiblingChanges?.(changes);
  }

  #index(prev: Message | undefined, next: Message | undefined): void {
    if (prev) {
      const list = this.#byConversation.get(prev.conversationID);
      if (list) {
        const index = search(list, prev);
        if (list[index]?.msgID === prev.msgID) list.splice(index, 1);
        else {
          const at = list.findIndex((message) => message.msgID === prev.msgID);
          if (at !== -1) list.splice(at, 1);
        }
        if (list.length === 0) this.#byConversation.delete(prev.conversationID);
      }
    }
    if (next) {
      let list = this.#byConversation.get(next.conversationID);
      if (!list) {
        list = [];
        this.#byConversation.set(next.conversationID, list);
      }
      list.splice(search(list, next), 0, next);
    }
  }
}

/** Where `message` is or would go in a history-ordered list. */
function search(list: readonly Message[], message: Message): number {
  // New messages almost always go at the end.
  const last = list[list.length - 1];
  if (!last || compareMessages(last, message) < 0) return list.length;
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (compareMessages(list[mid] as Message, message) < 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function sameMessage(a: Message, b: Message): boolean {
  return a === b || JSON.stringify(a) === JSON.stringify(b);
}
