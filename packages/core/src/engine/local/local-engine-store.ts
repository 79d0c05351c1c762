import type { Message } from '../../model/types';
import { compareMessages } from './local-message-utils';
import {
  BucketTable,
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

  private constructor(adapter: LocalStorageAdapter | null) {
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
  }

  /** Opens the store and loads what `adapter` holds; a send cut short by a reload counts as failed. */
  static async open(adapter: LocalStorageAdapter | null): Promise<EngineMessageStore> {
    const store = new EngineMessageStore(adapter);
    await store.#persistence.load();
    for (const cached of [...store.#messages.values()]) {
      if (cached.message.status === 'sending')
        store.put({ ...cached.message, status: 'failed' }, cached.send);
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

  put(message: Message, send: WireSendOptions | null = null): void {
    this.#messages.set(message.msgID, { message, send });
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
    this.#persistence.close();
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
