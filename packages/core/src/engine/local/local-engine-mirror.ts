import { orderKeyOf } from '../../model/conversation-filter';
import { ConversationOrder } from '../../model/conversation-order';
import { conversationsEqual } from '../../model/conversation-view';
import type {
  C2CReadReceipt,
  Conversation,
  ConversationGroup,
  ConversationListener,
  Message,
  UnreadFilter,
} from '../../model/types';
import { parseConversationID } from '../engine-validation';
import type { ConversationCacheMeta } from './local-engine-conversation-cache';
import { unreadContribution } from './local-engine-mirror-equality';
import type { LocalEngineSession } from './local-engine-session';
import type { CachedMessage, SiblingChanges } from './local-engine-store';
import { compareMessages } from './local-message-utils';
import type { ConversationGroupChange, HubConversation, HubConversationGroups } from './local-protocol';

/** A conversation as the mirror holds it: the hub's record and the conversation built from it. */
export interface MirrorEntry {
  state: HubConversation;
  conversation: Conversation;
}

/** An unread filter someone subscribed to, with its running total and the total last reported. */
export interface UnreadSubscription {
  filter: UnreadFilter;
  total: number;
  emitted: number;
}

/** What one change did, collected so listeners hear it once it is all applied. */
export class Batch {
  readonly before = new Map<string, Conversation | undefined>();
  /** Message events, emitted before the conversation events. */
  readonly events: (() => void)[] = [];
  /** Conversation group events, emitted after them (listeners then see the new memberships). */
  readonly after: (() => void)[] = [];
}

/** Above this many records in one batch, the order is rebuilt with one sort. */
const BULK_THRESHOLD = 2048;

/**
 * @internal The engine's copy of the user's conversations: the hub's records, merged with the messages this
 * device holds, kept in list order with running unread totals. Every change goes through a {@link Batch}
 * and is reported with {@link ConversationMirror.emit}.
 */
export class ConversationMirror {
  readonly #session: LocalEngineSession;
  readonly #entries = new Map<string, MirrorEntry>();
  readonly #deletedRevs = new Map<string, number>();
  /** msgID → conversationID of each conversation's lastMessage from the hub (this device may not hold it yet). */
  readonly #lastMessageIndex = new Map<string, string>();
  /** Listed conversations (orderKey > 0) in list order. */
  order = ConversationOrder.empty();
  /** The newest hub revision this engine has seen everything up to; a sync starts after it. */
  syncRev = 0;
  /** True while {@link loadCached} fills the mirror (what it puts is in the cache already). */
  #restoring = false;
  /** The user's conversation groups, as the hub last sent them. */
  groups: ConversationGroup[] = [];
  #groupsRev = 0;
  /** Σ unreadCount over conversations that count towards the total. */
  total = 0;
  #emittedTotal = 0;
  readonly subscriptions = new Map<string, UnreadSubscription>();

  constructor(session: LocalEngineSession) {
    this.#session = session;
  }

  get(conversationID: string): MirrorEntry | undefined {
    return this.#entries.get(conversationID);
  }

  /** Σ unread over every conversation that counts towards `filter`. */
  unreadTotal(filter: UnreadFilter): number {
    let total = 0;
    for (const entry of this.#entries.values()) total += unreadContribution(entry.conversation, filter);
    return total;
  }

  /** The conversation of a hub record, with the newest lastMessage this device knows. */
  build(state: HubConversation): Conversation {
    const {
      rev: _rev,
      deleted: _deleted,
      clearedSeq: _seq,
      clearedTime: _time,
      peerReadTime: _peer,
      ...base
    } = state;
    const lastMessage = this.#lastMessageOf(state);
    // A message sent from here that the hub's record does not show yet activates the conversation on
    // this device, as the send did: it moves up, and a new conversation is listed. That is a sending or
    // failed one, and also a sent one whose conversation record is older than it (the hub's update is on
    // its way, or a reload came before the cache wrote it): the row never drops back below chats older
    // than the message it shows.
    const ahead =
      lastMessage !== null &&
      (lastMessage.status === 'sending' ||
        lastMessage.status === 'failed' ||
        (lastMessage.status === 'sent' &&
          lastMessage.isSelf &&
          lastMessage.msgID !== state.lastMessage?.msgID));
    const orderKey = ahead ? Math.max(base.orderKey, lastMessage.timestamp) : base.orderKey;
    return { ...base, orderKey, lastMessage };
  }

  /** The newest message this device holds that may be lastMessage, or the hub's when it holds none newer. */
  #lastMessageOf(state: HubConversation): Message | null {
    const store = this.#session.store;
    const local = store.newestForLastMessage(state.conversationID);
    let server = state.lastMessage;
    if (server) {
      if (store.isDeleted(server.msgID)) server = null;
      else {
        const cached = store.get(server.msgID);
        if (cached) server = cached.message;
      }
    }
    if (!local) return server;
    if (!server) return local;
    return compareMessages(local, server) >= 0 ? local : server;
  }

  /** Puts an empty, unlisted conversation into the mirror when it holds none (for a message made here). */
  ensureLocal(batch: Batch, conversationID: string): void {
    if (!this.#entries.has(conversationID))
      this.setEntry(batch, conversationID, this.#localEntry(conversationID));
  }

  #localEntry(conversationID: string): MirrorEntry {
    const parsed = parseConversationID(conversationID) as NonNullable<ReturnType<typeof parseConversationID>>;
    const state: HubConversation = {
      conversationID,
      type: parsed.type,
      userID: parsed.userID,
      groupID: parsed.groupID,
      showName: parsed.peerID,
      faceUrl: '',
      orderKey: 0,
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
      rev: 0,
      deleted: false,
      clearedSeq: 0,
      clearedTime: 0,
      peerReadTime: 0,
    };
    return { state, conversation: this.build(state) };
  }

  #indexLastMessage(prev: HubConversation | undefined, next: HubConversation | undefined): void {
    const before = prev?.lastMessage?.msgID;
    const after = next?.lastMessage?.msgID;
    if (before === after) return;
    if (before) this.#lastMessageIndex.delete(before);
    if (after && next) this.#lastMessageIndex.set(after, next.conversationID);
  }

  /**
   * A message this device holds. A conversation's lastMessage from the hub counts as held (a sync brings
   * only those, not whole histories); it is put into the local store the first time it is asked for.
   */
  held(msgID: string): CachedMessage | undefined {
    const store = this.#session.store;
    const cached = store.get(msgID);
    if (cached || store.isDeleted(msgID)) return cached;
    const conversationID = this.#lastMessageIndex.get(msgID);
    const message = conversationID ? this.#entries.get(conversationID)?.state.lastMessage : undefined;
    if (!message || message.msgID !== msgID) return undefined;
    store.put(message);
    this.#session.persistSoon();
    return store.get(msgID);
  }

  /** Stores a message from the hub, keeping this device's own fields. Returns the stored copy. */
  holdFromHub(message: Message): Message | null {
    const store = this.#session.store;
    if (store.isDeleted(message.msgID)) return null;
    const cached = store.get(message.msgID);
    const merged = cached ? { ...message, localCustomData: cached.message.localCustomData } : message;
    store.put(merged);
    return merged;
  }

  /**
   * Fills the mirror from the conversation cache at a cold start: no events (nothing changed; the list
   * pages these in), no cache writes, and the sync revision and groups the cache was written with.
   */
  loadCached(states: readonly HubConversation[], meta: ConversationCacheMeta | null): void {
    this.#restoring = true;
    try {
      const batch = new Batch();
      this.applyMany(batch, states);
      if (meta) {
        this.syncRev = Math.max(this.syncRev, meta.syncRev);
        if (meta.groupsRev > this.#groupsRev) {
          this.groups = meta.groups;
          this.#groupsRev = meta.groupsRev;
        }
      }
    } finally {
      this.#restoring = false;
    }
  }

  #cachePut(id: string, entry: MirrorEntry | undefined): void {
    if (!this.#restoring) this.#session.conversationCache?.put(id, entry?.state);
  }

  /** The records of the first `limit` listed conversations, and how many conversations there are. */
  top(limit: number): { states: HubConversation[]; count: number } {
    const states: HubConversation[] = [];
    for (const id of this.order) {
      if (states.length >= limit) break;
      const entry = this.#entries.get(id);
      if (entry) states.push(entry.state);
    }
    return { states, count: this.#entries.size };
  }

  /** Puts a conversation into the mirror (or takes it out), keeping order and unread totals in step. */
  setEntry(batch: Batch, id: string, entry: MirrorEntry | undefined): void {
    const prev = this.#entries.get(id);
    this.#cachePut(id, entry);
    if (!batch.before.has(id)) batch.before.set(id, prev?.conversation);
    this.#indexLastMessage(prev?.state, entry?.state);
    const prevListed = prev !== undefined && prev.conversation.orderKey > 0;
    const nextListed = entry !== undefined && entry.conversation.orderKey > 0;
    if (entry) this.#entries.set(id, entry);
    else this.#entries.delete(id);
    if (prevListed && nextListed) {
      this.order = this.order.move(orderKeyOf(prev.conversation), orderKeyOf(entry.conversation));
    } else if (prevListed) {
      this.order = this.order.remove(orderKeyOf(prev.conversation));
    } else if (nextListed) {
      this.order = this.order.insert(orderKeyOf(entry.conversation));
    }
    this.total +=
      unreadContribution(entry?.conversation, null) - unreadContribution(prev?.conversation, null);
    for (const subscription of this.subscriptions.values()) {
      subscription.total +=
        unreadContribution(entry?.conversation, subscription.filter) -
        unreadContribution(prev?.conversation, subscription.filter);
    }
  }

  /** Rebuilds a conversation after its messages changed on this device. */
  refresh(batch: Batch, id: string): void {
    const entry = this.#entries.get(id);
    if (!entry) return;
    const conversation = this.build(entry.state);
    if (conversationsEqual(entry.conversation, conversation)) return;
    this.setEntry(batch, id, { state: entry.state, conversation });
  }

  /**
   * Shows local changes another tab of this user and device made: its inserted and imported messages as
   * new, changed ones as modified, deleted ones as deleted, and the conversations they touch rebuilt.
   */
  applySiblingChanges(changes: SiblingChanges): void {
    const session = this.#session;
    const batch = new Batch();
    const touched = new Set<string>();
    for (const message of [...changes.added, ...changes.modified, ...changes.deleted])
      touched.add(message.conversationID);
    for (const message of changes.added) this.ensureLocal(batch, message.conversationID);
    for (const id of touched) this.refresh(batch, id);
    for (const message of changes.added) batch.events.push(() => session.emitNewMessage(message));
    for (const message of changes.modified) batch.events.push(() => session.emitMessageModified(message));
    if (changes.deleted.length > 0) {
      const ids = changes.deleted.map((message) => message.msgID);
      batch.events.push(() =>
        session.emitSafely(session.messageListeners, (listener) => listener.onMessagesDeleted?.(ids)),
      );
    }
    this.emit(batch);
  }

  /** Rebuilds every conversation (after a failed write undid local changes) and reports what changed. */
  refreshAll(): void {
    const batch = new Batch();
    for (const id of [...this.#entries.keys()]) this.refresh(batch, id);
    this.emit(batch);
  }

  /** Applies a conversation record from the hub when it is newer than the one held. */
  applyState(batch: Batch, state: HubConversation): void {
    const id = state.conversationID;
    const prev = this.#entries.get(id);
    const heldRev = prev?.state.rev ?? this.#deletedRevs.get(id) ?? -1;
    if (state.rev <= heldRev) {
      this.refresh(batch, id);
      return;
    }
    this.#sideEffects(batch, prev?.state, state);
    // While connected every change reaches this engine in order, so it has seen everything up to here;
    // otherwise (offline, resyncing) a later sync must start from what it saw before.
    if (this.#session.connectionState === 'connected' && !this.#restoring)
      this.syncRev = Math.max(this.syncRev, state.rev);
    if (state.deleted) {
      this.#deletedRevs.set(id, state.rev);
      if (prev) this.setEntry(batch, id, undefined);
      return;
    }
    this.#deletedRevs.delete(id);
    const conversation = this.build(state);
    if (prev && conversationsEqual(prev.conversation, conversation)) {
      this.#indexLastMessage(prev.state, state);
      const entry = { state, conversation: prev.conversation };
      this.#entries.set(id, entry);
      this.#cachePut(id, entry);
      return;
    }
    this.setEntry(batch, id, { state, conversation });
  }

  /**
   * Applies many conversation records at once. Above a few thousand, rebuilding the order with one sort
   * (and the unread totals with one pass) beats moving each conversation: the first sync of a 100,000
   * conversation account, or a bulk seed while connected.
   */
  applyMany(batch: Batch, states: readonly HubConversation[]): void {
    if (states.length <= BULK_THRESHOLD) {
      for (const state of states) this.applyState(batch, state);
      return;
    }
    for (const state of states) {
      const id = state.conversationID;
      const prev = this.#entries.get(id);
      if (state.rev <= (prev?.state.rev ?? this.#deletedRevs.get(id) ?? -1)) continue;
      if (!batch.before.has(id)) batch.before.set(id, prev?.conversation);
      this.#sideEffects(batch, prev?.state, state);
      if (this.#session.connectionState === 'connected' && !this.#restoring)
        this.syncRev = Math.max(this.syncRev, state.rev);
      this.#indexLastMessage(prev?.state, state.deleted ? undefined : state);
      if (state.deleted) {
        this.#deletedRevs.set(id, state.rev);
        this.#entries.delete(id);
        this.#cachePut(id, undefined);
        continue;
      }
      this.#deletedRevs.delete(id);
      const conversation = this.build(state);
      const same = prev !== undefined && conversationsEqual(prev.conversation, conversation);
      const entry = { state, conversation: same ? prev.conversation : conversation };
      this.#entries.set(id, entry);
      this.#cachePut(id, entry);
    }
    const keys = [];
    this.total = 0;
    for (const subscription of this.subscriptions.values()) subscription.total = 0;
    for (const entry of this.#entries.values()) {
      if (entry.conversation.orderKey > 0) keys.push(orderKeyOf(entry.conversation));
      this.total += unreadContribution(entry.conversation, null);
      for (const subscription of this.subscriptions.values()) {
        subscription.total += unreadContribution(entry.conversation, subscription.filter);
      }
    }
    this.order = ConversationOrder.from(keys);
  }

  /** What a newer record means for the messages this device holds: cleared history, reads, receipts. */
  #sideEffects(batch: Batch, prev: HubConversation | undefined, next: HubConversation): void {
    const store = this.#session.store;
    const id = next.conversationID;
    const list = store.list(id);
    if (next.clearedTime > (prev?.clearedTime ?? 0) && list.length > 0) {
      for (const message of [...list]) {
        const cleared =
          message.seq > 0
            ? message.seq <= next.clearedSeq
            : message.timestamp <= next.clearedTime && message.status !== 'sending';
        if (cleared) store.delete(message.msgID, false);
      }
    }
    if (next.readSeq > (prev?.readSeq ?? 0)) {
      for (const message of [...store.list(id)]) {
        if (!message.isSelf && !message.isRead && message.seq > 0 && message.seq <= next.readSeq) {
          const cached = store.get(message.msgID);
          store.put({ ...message, isRead: true }, cached?.send ?? null);
        }
      }
    }
    if (next.type === 'c2c' && next.peerReadTime > (prev?.peerReadTime ?? 0)) {
      const modified: Message[] = [];
      for (const message of [...store.list(id)]) {
        if (
          message.isSelf &&
          !message.isPeerRead &&
          message.seq > 0 &&
          message.timestamp <= next.peerReadTime
        ) {
          const updated = { ...message, isPeerRead: true };
          store.put(updated, store.get(message.msgID)?.send ?? null);
          modified.push(updated);
        }
      }
      if (prev) {
        const receipt: C2CReadReceipt = {
          userID: next.userID,
          conversationID: id,
          timestamp: next.peerReadTime,
        };
        const session = this.#session;
        batch.events.push(() =>
          session.emitSafely(session.messageListeners, (listener) =>
            listener.onRecvC2CReadReceipt?.([receipt]),
          ),
        );
        for (const message of modified) batch.events.push(() => session.emitMessageModified(message));
      }
    }
  }

  /** Applies the user's conversation groups when newer, queueing the created, deleted or renamed events. */
  applyGroups(batch: Batch, groups: HubConversationGroups): void {
    if (groups.rev <= this.#groupsRev) return;
    const before = this.groups;
    this.groups = groups.list;
    this.#groupsRev = groups.rev;
    const change: ConversationGroupChange = groups.change;
    const emit = (call: (listener: ConversationListener) => void) =>
      batch.after.push(() => this.#session.emitSafely(this.#session.conversationListeners, call));
    const conversationsOf = (name: string) =>
      (groups.list.find((group) => group.name === name)?.conversationIDList ?? []).flatMap((id) => {
        const entry = this.#entries.get(id);
        return entry ? [entry.conversation] : [];
      });
    if (change.kind === 'renamed') {
      emit((listener) => listener.onConversationGroupNameChanged?.(change.oldName, change.newName));
      return;
    }
    const beforeNames = new Set(before.map((group) => group.name));
    const afterNames = new Set(groups.list.map((group) => group.name));
    for (const name of afterNames) {
      if (!beforeNames.has(name))
        emit((listener) => listener.onConversationGroupCreated?.(name, conversationsOf(name)));
    }
    for (const name of beforeNames) {
      if (!afterNames.has(name)) emit((listener) => listener.onConversationGroupDeleted?.(name));
    }
  }

  /** Emits a batch: message events, then each conversation at most once, then changed unread totals. */
  emit(batch: Batch): void {
    const session = this.#session;
    if (session.loggedOut) return;
    const cache = session.conversationCache;
    if (cache && !this.#restoring) {
      cache.setMeta({ syncRev: this.syncRev, groups: this.groups, groupsRev: this.#groupsRev });
      cache.flushSoon();
    }
    const created: Conversation[] = [];
    const changed: Conversation[] = [];
    const deleted: string[] = [];
    for (const [id, before] of batch.before) {
      const now = this.#entries.get(id)?.conversation;
      if (!now) {
        if (before && before.orderKey > 0) deleted.push(id);
        continue;
      }
      if (now === before) continue;
      if ((!before || before.orderKey <= 0) && now.orderKey > 0) created.push(now);
      else changed.push(now);
    }
    for (const event of batch.events) event();
    const listeners = session.conversationListeners;
    if (created.length > 0)
      session.emitSafely(listeners, (listener) => listener.onNewConversation?.(created));
    if (changed.length > 0)
      session.emitSafely(listeners, (listener) => listener.onConversationChanged?.(changed));
    if (deleted.length > 0)
      session.emitSafely(listeners, (listener) => listener.onConversationDeleted?.(deleted));
    for (const event of batch.after) event();
    // Until a cold start has read every cached conversation, totals would count only some of them.
    if (session.mirrorLoading) return;
    if (this.total !== this.#emittedTotal) {
      this.#emittedTotal = this.total;
      const total = this.total;
      session.emitSafely(listeners, (listener) => listener.onTotalUnreadMessageCountChanged?.(total));
    }
    for (const subscription of this.subscriptions.values()) {
      if (subscription.total === subscription.emitted) continue;
      subscription.emitted = subscription.total;
      const { filter, total } = subscription;
      session.emitSafely(listeners, (listener) =>
        listener.onUnreadMessageCountChangedByFilter?.({ ...filter }, total),
      );
    }
  }

  /** Applies records a request returned (and the groups, when it changed them), then emits and persists. */
  applyAndEmit(states: readonly HubConversation[], groups?: HubConversationGroups): void {
    const batch = new Batch();
    for (const state of states) this.applyState(batch, state);
    if (groups) this.applyGroups(batch, groups);
    this.emit(batch);
    this.#session.persistSoon();
  }
}
