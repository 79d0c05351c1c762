import type { StoreApi } from 'zustand/vanilla';
import type { ChatEngine } from '../engine/chat-engine';
import type { ChatError } from '../model/chat-error';
import { revertFields } from '../model/conversation-changes';
import { type ConversationSlice, upsertConversations } from '../model/conversation-view';
import { withSenders } from '../model/message-changes';
import { type MessageSlice, patchWindow, putMessages, removeMessages } from '../model/message-window';
import { hasOwnEntry } from '../model/own-record';
import type { AdvancedMsgListener, Conversation, ConversationListener, Message } from '../model/types';
import type { ChatActions, ChatState, ChatStateData, ChatStoreOptions } from './chat-store-types';
import * as check from './chat-store-validation';

/** A change to the state: the fields that change, or null when nothing does (no one is notified). */
export type Patch = Partial<ChatStateData> | null;

/**
 * What a slice adds to the store: its actions, the engine events it handles, and what it does when the
 * store starts and is destroyed. `create-chat-store.ts` merges the slices into one store.
 */
export interface ChatStoreSlice<K extends keyof ChatActions> {
  actions: Pick<ChatActions, K>;
  conversationListener?: ConversationListener;
  messageListener?: AdvancedMsgListener;
  /** Runs on `start()`, after the listeners are added; `start()` resolves when every slice's has. */
  start?: () => Promise<void>;
  /** Runs on `destroy()`, after the listeners are removed. */
  destroy?: () => void;
}

/** The store's options with their defaults applied. */
export interface ResolvedChatStoreOptions {
  conversationPageSize: number;
  messagePageSize: number;
  typingTimeoutMs: number;
  now: () => number;
}

/** The conversation records and views of a state. */
export function conversationSlice(state: ChatStateData): ConversationSlice {
  return { conversations: state.conversations, views: state.views };
}

/** The messages and windows of a state. */
export function messageSlice(state: ChatStateData): MessageSlice {
  return { messages: state.messages, windows: state.windows };
}

/** `next` as a patch, or null when it is the same slice. */
export function changedConversations(state: ChatStateData, next: ConversationSlice): Patch {
  return next.conversations === state.conversations && next.views === state.views ? null : next;
}

/** `next` as a patch, or null when it is the same slice. */
export function changedMessages(state: ChatStateData, next: MessageSlice): Patch {
  return next.messages === state.messages && next.windows === state.windows ? null : next;
}

/**
 * The small core every slice shares: reading and changing the state, calling the engine with errors made
 * ChatErrors, optimistic changes with their rollback, and the bookkeeping no component renders (event
 * epochs, what is in flight, whether the store has started).
 */
export class ChatStoreCore {
  readonly engine: ChatEngine;
  readonly options: ResolvedChatStoreOptions;
  readonly get: () => ChatState;
  readonly #set: StoreApi<ChatState>['setState'];

  /**
   * Counts events: a page that was in flight while an event arrived skips its older copy of a
   * conversation (`conversationEpoch`) or of an unread total (`unreadEpoch`).
   */
  epoch = 0;
  readonly conversationEpoch = new Map<string, number>();
  readonly unreadEpoch = new Map<string, number>();
  /** Optimistic actions in flight per conversation. */
  readonly #inFlight = new Map<string, number>();
  /** Conversations a failed optimistic action left to re-read from the engine. */
  readonly #stale = new Set<string>();
  /** The running or finished `start()`, null before it and after `destroy()`. */
  started: Promise<void> | null = null;

  constructor(
    engine: ChatEngine,
    options: ChatStoreOptions,
    set: StoreApi<ChatState>['setState'],
    get: () => ChatState,
  ) {
    this.engine = engine;
    this.options = {
      conversationPageSize: options.conversationPageSize ?? 50,
      messagePageSize: options.messagePageSize ?? 30,
      typingTimeoutMs: options.typingTimeoutMs ?? 5000,
      now: options.now ?? Date.now,
    };
    this.#set = set;
    this.get = get;
  }

  /** Applies a change; returning null (or nothing changed) notifies no one. */
  update(fn: (state: ChatState) => Patch): void {
    this.#set((state) => {
      const patch = fn(state);
      return patch ? patch : state;
    });
  }

  /** Sets one field, notifying no one when it already holds the value. */
  setField<K extends keyof ChatStateData>(key: K, value: ChatStateData[K]): void {
    this.update((state) => (state[key] === value ? null : ({ [key]: value } as Patch)));
  }

  /** Calls the engine; whatever it rejects with comes out as a ChatError of `action`. */
  async call<T>(action: string, run: () => Promise<T>): Promise<T> {
    try {
      return await run();
    } catch (error) {
      throw check.toChatError(error, action);
    }
  }

  /** Merges conversations (pages, events, rollbacks) into the records and every view. */
  upsert(list: readonly Conversation[]): void {
    this.update((state) => changedConversations(state, upsertConversations(conversationSlice(state), list)));
  }

  /** Reads of conversations in flight (pages, re-reads) whose answers events may have overtaken. */
  #readers = 0;

  /** Starts a read whose answer may be older than the events that arrive meanwhile; returns its epoch. */
  beginRead(): number {
    this.#readers++;
    return this.epoch;
  }

  /**
   * Ends a read. With none left, no epoch can be asked for, so the map is emptied: kept, it would hold an
   * entry per conversation ever changed, and each event would write a random slot of a 100,000-entry map
   * (a cache miss per event, measured by `bench/event-bench.ts`).
   */
  endRead(): void {
    this.#readers--;
    if (this.#readers === 0) this.conversationEpoch.clear();
  }

  /** Records that events touched these conversations, so reads in flight skip their older copies. */
  touch(ids: readonly string[]): void {
    this.epoch++;
    if (this.#readers === 0) return;
    for (const id of ids) this.conversationEpoch.set(id, this.epoch);
  }

  /** Merges messages into the windows, and their senders' profiles into the users. */
  put(list: readonly Message[]): void {
    this.update((state) => {
      const patch = changedMessages(state, putMessages(messageSlice(state), list));
      const users = withSenders(state.users, list);
      return users === state.users ? patch : { ...patch, users };
    });
  }

  /** Takes messages out of the store and its windows (deleted here or on another tab of this device). */
  removeHeld(msgIDs: readonly string[]): void {
    this.update((state) => changedMessages(state, removeMessages(messageSlice(state), msgIDs)));
  }

  /** Patches a conversation's message window (status, highlight…). */
  patchWindow(conversationID: string, windowPatch: Parameters<typeof patchWindow>[2]): void {
    this.update((state) => patchWindow(messageSlice(state), conversationID, windowPatch));
  }

  /** A failed window load: the window says so, and the error is returned to throw. */
  failWindow(conversationID: string, action: string, error: unknown): ChatError {
    const chatError = check.toChatError(error, action);
    this.patchWindow(conversationID, { status: 'error', error: chatError });
    return chatError;
  }

  /**
   * Makes sure a conversation the store does not hold exists before an action shows it: the engine is
   * asked first, so an unknown ID is rejected before anything changes.
   */
  async ensureKnown(action: string, conversationID: string): Promise<void> {
    const state = this.get();
    if (state.conversations.has(conversationID) || hasOwnEntry(state.windows, conversationID)) return;
    await this.call(action, () => this.engine.getConversation(conversationID));
  }

  /**
   * Runs an optimistic change. If the engine refuses, each field the change set goes back to what it was,
   * unless something else has changed that field since; then, once nothing else is in flight on those
   * conversations, they are re-read from the engine: overlapping failures each restore a snapshot taken
   * before the others' changes, and only the engine knows what survived.
   */
  async optimistic(
    action: string,
    ids: readonly string[],
    change: (conversation: Conversation) => Conversation,
    run: () => Promise<unknown>,
  ): Promise<void> {
    const before = new Map<string, Conversation>();
    for (const id of ids) {
      const held = this.get().conversations.get(id);
      if (held) before.set(id, held);
    }
    const changed = [...before.values()].map(change);
    for (const id of before.keys()) this.#inFlight.set(id, (this.#inFlight.get(id) ?? 0) + 1);
    this.upsert(changed);
    let failure: ChatError | null = null;
    try {
      await run();
    } catch (error) {
      failure = check.toChatError(error, action);
      this.#rollBack(before, changed);
    } finally {
      for (const id of before.keys()) {
        const count = (this.#inFlight.get(id) ?? 1) - 1;
        if (count > 0) this.#inFlight.set(id, count);
        else this.#inFlight.delete(id);
      }
    }
    await this.reconcile([...before.keys()]);
    if (failure) throw failure;
  }

  /** Takes back the fields a failed change set, and marks its conversations to re-read. */
  #rollBack(before: ReadonlyMap<string, Conversation>, changed: readonly Conversation[]): void {
    const rollback: Conversation[] = [];
    for (const next of changed) {
      const prev = before.get(next.conversationID) as Conversation;
      const current = this.get().conversations.get(next.conversationID);
      if (!current) continue;
      const restored = revertFields(current, prev, next);
      if (restored !== current) rollback.push(restored);
      this.#stale.add(next.conversationID);
    }
    this.upsert(rollback);
  }

  /** Marks a conversation to re-read from the engine once nothing is in flight on it. */
  markStale(conversationID: string): void {
    this.#stale.add(conversationID);
  }

  /**
   * Re-reads conversations from the engine once no optimistic action on them is in flight, so a store that
   * rolled back several overlapping failures ends where the engine is. An event that arrives meanwhile
   * is newer than the answer and wins.
   */
  async reconcile(ids: readonly string[]): Promise<void> {
    const settled = ids.filter((id) => !this.#inFlight.has(id) && this.#stale.delete(id));
    if (settled.length === 0) return;
    const startEpoch = this.beginRead();
    try {
      const truth = await Promise.all(
        settled.map((id) => this.engine.getConversation(id).catch(() => undefined)),
      );
      const fresh = truth.filter(
        (conversation): conversation is Conversation =>
          conversation !== undefined &&
          !this.#inFlight.has(conversation.conversationID) &&
          (this.conversationEpoch.get(conversation.conversationID) ?? -1) <= startEpoch &&
          this.get().conversations.has(conversation.conversationID),
      );
      this.upsert(fresh);
    } finally {
      this.endRead();
    }
  }
}
