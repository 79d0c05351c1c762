import { orderKeyOf, unreadFilterKey } from '../../model/conversation-filter';
import { ConversationOrder } from '../../model/conversation-order';
import type {
  AdvancedMsgListener,
  BatchSendResult,
  C2CReadReceipt,
  ConnectionState,
  Conversation,
  ConversationFilter,
  ConversationGroup,
  ConversationListener,
  ConversationListResult,
  ConversationMarkType,
  GroupMember,
  GroupProfile,
  HistoryMessageQuery,
  HistoryMessageResult,
  Message,
  MessageElem,
  MessageElemType,
  MessageLocator,
  MessagePriority,
  MessageSearchParams,
  MessageSearchResult,
  OperationResult,
  ReceiveMessageOpt,
  SendMessageHandle,
  SendMessageOptions,
  UnreadFilter,
  UserProfile,
} from '../../model/types';
import type {
  AppendableElem,
  ChatEngine,
  ConversationListFilterQuery,
  ImageMessageOptions,
  SDKListener,
} from '../chat-engine';
import { ChatError, ChatErrorCode } from '../chat-error';
import { ConversationPager } from '../engine-conversation-pager';
import { payloadBytes } from '../engine-message';
import {
  assertBoolean,
  assertConversationID,
  assertElem,
  assertIDList,
  assertInteger,
  assertMarkType,
  assertMessage,
  assertOptionalBoolean,
  assertOptions,
  assertReceiveOpt,
  assertString,
  c2cConversationID,
  groupConversationID,
  invalidParameter,
  notLoggedIn,
  parseConversationID,
} from '../engine-validation';
import { sameConversation, unreadContribution } from './local-engine-conversations';
import { type CachedMessage, EngineMessageStore } from './local-engine-store';
import { type NetworkConditions, type NetworkLink, validateConditions } from './local-hub-transport';
import * as factory from './local-message-factory';
import { compareMessages, createMessageID, mediaOf, searchableText } from './local-message-utils';
import type { LocalStorageAdapter } from './local-persistence';
import type {
  ConversationGroupChange,
  HubConversation,
  HubConversationGroups,
  HubLimits,
  HubMethod,
  HubMethods,
  HubPush,
  WireHistoryQuery,
  WireSendOptions,
} from './local-protocol';
import { fromWireError } from './local-protocol';

/** Options of `LocalHub.connect`. */
export interface LocalEngineOptions {
  /**
   * Keep a hidden conversation hidden when a new message arrives (by default it comes back, as SPEC says).
   * @default false
   */
  keepHiddenOnNewMessage?: boolean;
  /**
   * Tells devices of one user apart: each device keeps its own local store. Two tabs signed in as the same
   * user with the same deviceID share one local database.
   * @default 'default'
   */
  deviceID?: string;
  /** Keep the local store (message cache, local messages, deletions, failed sends) in IndexedDB. @default the hub's `persist` */
  persist?: boolean;
  /** Storage for the local store, instead of IndexedDB (tests inject failing ones). */
  storage?: LocalStorageAdapter;
  /** This engine's own network conditions. */
  network?: NetworkConditions;
  /** First delay before retrying a failed sync; it doubles up to 5 s. @default 250 */
  syncRetryDelayMs?: number;
  /** How many conversation page cursors stay valid at once. @default 16 */
  maxPageSessions?: number;
}

/**
 * A signed-in user's engine on a {@link LocalHub}: the full {@link ChatEngine} with its own local store,
 * plus a switch for its simulated network.
 */
export interface LocalEngine extends ChatEngine {
  /** The device this engine is (see {@link LocalEngineOptions.deviceID}). */
  readonly deviceID: string;
  /** Changes this engine's network conditions (they win over the hub's). */
  setNetworkConditions(conditions: NetworkConditions): void;
  /** Resolves when every local write so far is durable. */
  flush(): Promise<void>;
}

/** What the hub facade hands an engine it opens. */
export interface EngineContext {
  link: NetworkLink;
  storage: LocalStorageAdapter | null;
  random: () => number;
  options: LocalEngineOptions;
  /** Called once when the engine logs out. */
  onLogout?: () => void;
}

interface Entry {
  state: HubConversation;
  conversation: Conversation;
}

interface Subscription {
  filter: UnreadFilter;
  total: number;
  emitted: number;
}

interface PendingSend {
  uploading: boolean;
  cancelled: boolean;
  done: Promise<unknown>;
}

class Batch {
  readonly before = new Map<string, Conversation | undefined>();
  /** Message events, emitted before the conversation events. */
  readonly events: (() => void)[] = [];
  /** Conversation group events, emitted after them (listeners then see the new memberships). */
  readonly after: (() => void)[] = [];
}

interface ValidatedSend {
  message: Message;
  wire: WireSendOptions;
  onProgress: ((progress: number) => void) | null;
}

const DEFAULT_LIMITS: HubLimits = {
  maxTextBytes: 12 * 1024,
  maxFileBytes: 100 * 1024 * 1024,
  maxImageBytes: 28 * 1024 * 1024,
  uploadChunkBytes: 64 * 1024,
  revokeWindowMs: 120_000,
};

const RECENT_ON_SYNC = 20;
/** Above this many records in one batch, the order is rebuilt with one sort. */
const BULK_THRESHOLD = 2048;
const PERMANENT_SEND_ERRORS: readonly string[] = [
  ChatErrorCode.ConversationNotFound,
  ChatErrorCode.PermissionDenied,
  ChatErrorCode.InvalidParameter,
  ChatErrorCode.MessageTooLarge,
];
const ELEM_TYPES: readonly MessageElemType[] = [
  'text',
  'custom',
  'image',
  'sound',
  'video',
  'file',
  'location',
  'face',
  'merger',
  'groupTip',
];
const PRIORITIES: readonly MessagePriority[] = ['high', 'normal', 'low', 'lowest'];

/** Opens an engine on a link: loads its local store, signs in and syncs (when online). */
export async function openLocalEngine(context: EngineContext): Promise<LocalEngine> {
  const store = await EngineMessageStore.open(context.storage);
  const engine = new LocalChatEngine(context, store);
  await engine.start();
  return engine;
}

/** @internal The local engine; create it with `LocalHub.connect`. */
class LocalChatEngine implements LocalEngine {
  readonly userID: string;
  readonly deviceID: string;
  readonly #link: NetworkLink;
  readonly #store: EngineMessageStore;
  readonly #random: () => number;
  readonly #options: LocalEngineOptions;
  readonly #onLogout: (() => void) | undefined;
  #limits: HubLimits = DEFAULT_LIMITS;
  #profile: UserProfile;
  #loggedOut = false;
  #connectionState: ConnectionState = 'disconnected';
  readonly #entries = new Map<string, Entry>();
  readonly #deletedRevs = new Map<string, number>();
  /** msgID → conversationID of each conversation's lastMessage from the hub (this device may not hold it yet). */
  readonly #lastMessageIndex = new Map<string, string>();
  #order = ConversationOrder.empty();
  #syncRev = 0;
  #groups: ConversationGroup[] = [];
  #groupsRev = 0;
  readonly #pager: ConversationPager;
  #total = 0;
  #emittedTotal = 0;
  readonly #subscriptions = new Map<string, Subscription>();
  readonly #pendingSends = new Map<string, PendingSend>();
  readonly #heldBlobs = new Map<string, Blob>();
  readonly #conversationListeners = new Set<ConversationListener>();
  readonly #messageListeners = new Set<AdvancedMsgListener>();
  readonly #sdkListeners = new Set<SDKListener>();
  #syncing = false;
  #syncAgain = false;
  #retryTimer: ReturnType<typeof setTimeout> | null = null;
  #retryAttempt = 0;

  constructor(context: EngineContext, store: EngineMessageStore) {
    this.#link = context.link;
    this.userID = context.link.userID;
    this.deviceID = context.options.deviceID ?? 'default';
    this.#store = store;
    this.#random = context.random;
    this.#options = context.options;
    this.#onLogout = context.onLogout;
    this.#profile = { userID: this.userID, nick: this.userID, faceUrl: '' };
    this.#pager = new ConversationPager(context.options.maxPageSessions ?? 16, context.random);
    this.#store.onRollback = () => this.#refreshAll();
  }

  async start(): Promise<void> {
    this.#link.attach({
      onPush: (push) => this.#onPush(push),
      onStatus: (status) => this.#onStatus(status),
    });
    if (this.#options.network) this.#link.setOwn(validateConditions(this.#options.network));
    if (this.#link.online) await this.#resync();
  }

  get connectionState(): ConnectionState {
    return this.#connectionState;
  }

  setNetworkConditions(conditions: NetworkConditions): void {
    this.#guard('setNetworkConditions');
    this.#link.setOwn(validateConditions(conditions));
  }

  async flush(): Promise<void> {
    await this.#store.idle();
  }

  getServerTime(): number {
    return this.#link.serverTime();
  }

  // ── Plumbing ─────────────────────────────────────────────────────────────────────────────────────

  #guard(method: string): void {
    if (this.#loggedOut) throw notLoggedIn(method);
  }

  async #call<T>(method: string, run: () => Promise<T> | T): Promise<T> {
    this.#guard(method);
    try {
      return await run();
    } catch (error) {
      if (error instanceof ChatError) throw error;
      throw new ChatError(
        ChatErrorCode.InvalidParameter,
        `${method}: ${error instanceof Error ? error.message : String(error)}`,
        { method },
        { cause: error },
      );
    }
  }

  async #request<M extends HubMethod>(
    method: M,
    args: HubMethods[M]['args'],
  ): Promise<HubMethods[M]['result']> {
    try {
      return await this.#link.request(method, args);
    } catch (error) {
      if (error instanceof ChatError) throw error;
      if (error && typeof error === 'object' && 'code' in error) throw fromWireError(error as never);
      throw new ChatError(
        ChatErrorCode.NetworkError,
        `${method}: the request failed.`,
        { method },
        { cause: error },
      );
    }
  }

  #emitSafely<L extends object>(listeners: Set<L>, call: (listener: L) => void): void {
    for (const listener of [...listeners]) {
      try {
        call(listener);
      } catch (error) {
        // A broken listener must not break the engine or the other listeners.
        console.error('Tidings local engine: a listener threw', error);
      }
    }
  }

  #setConnectionState(state: ConnectionState): void {
    if (this.#connectionState === state) return;
    this.#connectionState = state;
    this.#emitSafely(this.#sdkListeners, (listener) => listener.onConnectionStateChanged?.(state));
  }

  #persistSoon(): void {
    void this.#store.commit().catch(() => undefined);
  }

  // ── Connection and sync ──────────────────────────────────────────────────────────────────────────

  #onStatus(status: boolean | 'reset' | 'changed'): void {
    if (this.#loggedOut) return;
    if (status === false) {
      if (this.#retryTimer) clearTimeout(this.#retryTimer);
      this.#retryTimer = null;
      this.#setConnectionState('disconnected');
      return;
    }
    // A better network is worth trying at once rather than after the backoff.
    if (status === 'changed' && !this.#retryTimer) return;
    this.#retryAttempt = 0;
    void this.#resync();
  }

  async #resync(): Promise<void> {
    if (this.#syncing) {
      this.#syncAgain = true;
      return;
    }
    this.#syncing = true;
    if (this.#retryTimer) clearTimeout(this.#retryTimer);
    this.#retryTimer = null;
    this.#setConnectionState('connecting');
    this.#emitSafely(this.#conversationListeners, (listener) => listener.onSyncServerStart?.());
    try {
      const hello = await this.#request('hello', {
        userID: this.userID,
        deviceID: this.deviceID,
        keepHiddenOnNewMessage: this.#options.keepHiddenOnNewMessage ?? false,
      });
      this.#profile = hello.profile;
      this.#limits = hello.limits;
      await this.#syncOnce();
      if (this.#loggedOut) return;
      this.#retryAttempt = 0;
      this.#setConnectionState('connected');
      this.#emitSafely(this.#conversationListeners, (listener) => listener.onSyncServerFinish?.());
    } catch {
      if (this.#loggedOut) return;
      this.#emitSafely(this.#conversationListeners, (listener) => listener.onSyncServerFailed?.());
      if (this.#link.online) {
        const base = this.#options.syncRetryDelayMs ?? 250;
        const delay = Math.min(base * 2 ** this.#retryAttempt, 5_000);
        this.#retryAttempt++;
        this.#retryTimer = setTimeout(() => {
          this.#retryTimer = null;
          void this.#resync();
        }, delay);
      } else {
        this.#setConnectionState('disconnected');
      }
    } finally {
      this.#syncing = false;
      if (this.#syncAgain && !this.#loggedOut) {
        this.#syncAgain = false;
        if (this.#link.online) void this.#resync();
      }
    }
  }

  async #syncOnce(): Promise<void> {
    const sinceRev = this.#syncRev;
    const result = await this.#request('sync', { sinceRev, recentCount: sinceRev > 0 ? RECENT_ON_SYNC : 0 });
    if (this.#loggedOut) return;
    const batch = new Batch();
    // What this device had seen of each conversation before the sync: newer messages are new to it.
    const thresholds = new Map<string, number>();
    for (const message of result.recent) {
      if (thresholds.has(message.conversationID)) continue;
      const held = this.#entries.get(message.conversationID);
      thresholds.set(
        message.conversationID,
        Math.max(this.#store.maxSeq(message.conversationID), held?.state.lastMessage?.seq ?? 0),
      );
    }
    for (const message of result.recent) {
      const threshold = thresholds.get(message.conversationID) ?? 0;
      const cached = this.#store.get(message.msgID);
      if (this.#store.isDeleted(message.msgID)) continue;
      const merged = cached ? { ...message, localCustomData: cached.message.localCustomData } : message;
      this.#store.put(merged);
      if (cached && cached.message.status !== 'sent') {
        batch.events.push(() => this.#emitMessageModified(merged));
      } else if (!cached && message.seq > threshold) {
        batch.events.push(() => this.#emitNewMessage(merged));
      }
    }
    this.#applyMany(batch, result.conversations);
    this.#applyGroups(batch, result.groups);
    this.#syncRev = Math.max(this.#syncRev, result.rev);
    this.#emit(batch);
    this.#persistSoon();
  }

  /**
   * Applies many conversation records at once. Above a few thousand, rebuilding the order with one sort
   * (and the unread totals with one pass) beats moving each conversation: the first sync of a 100,000
   * conversation account, or a bulk seed while connected.
   */
  #applyMany(batch: Batch, states: readonly HubConversation[]): void {
    if (states.length <= BULK_THRESHOLD) {
      for (const state of states) this.#applyState(batch, state);
      return;
    }
    for (const state of states) {
      const id = state.conversationID;
      const prev = this.#entries.get(id);
      if (state.rev <= (prev?.state.rev ?? this.#deletedRevs.get(id) ?? -1)) continue;
      if (!batch.before.has(id)) batch.before.set(id, prev?.conversation);
      this.#sideEffects(batch, prev?.state, state);
      if (this.#connectionState === 'connected') this.#syncRev = Math.max(this.#syncRev, state.rev);
      this.#indexLastMessage(prev?.state, state.deleted ? undefined : state);
      if (state.deleted) {
        this.#deletedRevs.set(id, state.rev);
        this.#entries.delete(id);
        continue;
      }
      this.#deletedRevs.delete(id);
      const conversation = this.#build(state);
      const same = prev !== undefined && sameConversation(prev.conversation, conversation);
      this.#entries.set(id, { state, conversation: same ? prev.conversation : conversation });
    }
    const keys = [];
    this.#total = 0;
    for (const subscription of this.#subscriptions.values()) subscription.total = 0;
    for (const entry of this.#entries.values()) {
      if (entry.conversation.orderKey > 0) keys.push(orderKeyOf(entry.conversation));
      this.#total += unreadContribution(entry.conversation, null);
      for (const subscription of this.#subscriptions.values()) {
        subscription.total += unreadContribution(entry.conversation, subscription.filter);
      }
    }
    this.#order = ConversationOrder.from(keys);
  }

  // ── The conversation mirror ──────────────────────────────────────────────────────────────────────

  #build(state: HubConversation): Conversation {
    const {
      rev: _rev,
      deleted: _deleted,
      clearedSeq: _seq,
      clearedTime: _time,
      peerReadTime: _peer,
      ...base
    } = state;
    return { ...base, lastMessage: this.#lastMessageOf(state) };
  }

  /** The newest message this device holds that may be lastMessage, or the hub's when it holds none newer. */
  #lastMessageOf(state: HubConversation): Message | null {
    const local = this.#store.newestForLastMessage(state.conversationID);
    let server = state.lastMessage;
    if (server) {
      if (this.#store.isDeleted(server.msgID)) server = null;
      else {
        const cached = this.#store.get(server.msgID);
        if (cached) server = cached.message;
      }
    }
    if (!local) return server;
    if (!server) return local;
    return compareMessages(local, server) >= 0 ? local : server;
  }

  #localState(conversationID: string): HubConversation {
    const parsed = parseConversationID(conversationID) as NonNullable<ReturnType<typeof parseConversationID>>;
    return {
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
  #held(msgID: string): CachedMessage | undefined {
    const cached = this.#store.get(msgID);
    if (cached || this.#store.isDeleted(msgID)) return cached;
    const conversationID = this.#lastMessageIndex.get(msgID);
    const message = conversationID ? this.#entries.get(conversationID)?.state.lastMessage : undefined;
    if (!message || message.msgID !== msgID) return undefined;
    this.#store.put(message);
    this.#persistSoon();
    return this.#store.get(msgID);
  }

  /** Puts a conversation into the mirror (or takes it out), keeping order and unread totals in step. */
  #setEntry(batch: Batch, id: string, entry: Entry | undefined): void {
    const prev = this.#entries.get(id);
    if (!batch.before.has(id)) batch.before.set(id, prev?.conversation);
    this.#indexLastMessage(prev?.state, entry?.state);
    const prevListed = prev !== undefined && prev.conversation.orderKey > 0;
    const nextListed = entry !== undefined && entry.conversation.orderKey > 0;
    if (entry) this.#entries.set(id, entry);
    else this.#entries.delete(id);
    if (prevListed && nextListed) {
      this.#order = this.#order.move(orderKeyOf(prev.conversation), orderKeyOf(entry.conversation));
    } else if (prevListed) {
      this.#order = this.#order.remove(orderKeyOf(prev.conversation));
    } else if (nextListed) {
      this.#order = this.#order.insert(orderKeyOf(entry.conversation));
    }
    this.#total +=
      unreadContribution(entry?.conversation, null) - unreadContribution(prev?.conversation, null);
    for (const subscription of this.#subscriptions.values()) {
      subscription.total +=
        unreadContribution(entry?.conversation, subscription.filter) -
        unreadContribution(prev?.conversation, subscription.filter);
    }
  }

  /** Rebuilds a conversation after its messages changed on this device. */
  #refresh(batch: Batch, id: string): void {
    const entry = this.#entries.get(id);
    if (!entry) return;
    const conversation = this.#build(entry.state);
    if (sameConversation(entry.conversation, conversation)) return;
    this.#setEntry(batch, id, { state: entry.state, conversation });
  }

  #refreshAll(): void {
    const batch = new Batch();
    for (const id of [...this.#entries.keys()]) this.#refresh(batch, id);
    this.#emit(batch);
  }

  /** Applies a conversation record from the hub when it is newer than the one held. */
  #applyState(batch: Batch, state: HubConversation): void {
    const id = state.conversationID;
    const prev = this.#entries.get(id);
    const heldRev = prev?.state.rev ?? this.#deletedRevs.get(id) ?? -1;
    if (state.rev <= heldRev) {
      this.#refresh(batch, id);
      return;
    }
    this.#sideEffects(batch, prev?.state, state);
    // While connected every change reaches this engine in order, so it has seen everything up to here;
    // otherwise (offline, resyncing) a later sync must start from what it saw before.
    if (this.#connectionState === 'connected') this.#syncRev = Math.max(this.#syncRev, state.rev);
    if (state.deleted) {
      this.#deletedRevs.set(id, state.rev);
      if (prev) this.#setEntry(batch, id, undefined);
      return;
    }
    this.#deletedRevs.delete(id);
    const conversation = this.#build(state);
    if (prev && sameConversation(prev.conversation, conversation)) {
      this.#indexLastMessage(prev.state, state);
      this.#entries.set(id, { state, conversation: prev.conversation });
      return;
    }
    this.#setEntry(batch, id, { state, conversation });
  }

  /** What a newer record means for the messages this device holds: cleared history, reads, receipts. */
  #sideEffects(batch: Batch | null, prev: HubConversation | undefined, next: HubConversation): void {
    const id = next.conversationID;
    const list = this.#store.list(id);
    if (next.clearedTime > (prev?.clearedTime ?? 0) && list.length > 0) {
      for (const message of [...list]) {
        const cleared =
          message.seq > 0
            ? message.seq <= next.clearedSeq
            : message.timestamp <= next.clearedTime && message.status !== 'sending';
        if (cleared) this.#store.delete(message.msgID, false);
      }
    }
    if (next.readSeq > (prev?.readSeq ?? 0)) {
      for (const message of [...this.#store.list(id)]) {
        if (!message.isSelf && !message.isRead && message.seq > 0 && message.seq <= next.readSeq) {
          const cached = this.#store.get(message.msgID);
          this.#store.put({ ...message, isRead: true }, cached?.send ?? null);
        }
      }
    }
    if (next.type === 'c2c' && next.peerReadTime > (prev?.peerReadTime ?? 0)) {
      const modified: Message[] = [];
      for (const message of [...this.#store.list(id)]) {
        if (
          message.isSelf &&
          !message.isPeerRead &&
          message.seq > 0 &&
          message.timestamp <= next.peerReadTime
        ) {
          const updated = { ...message, isPeerRead: true };
          this.#store.put(updated, this.#store.get(message.msgID)?.send ?? null);
          modified.push(updated);
        }
      }
      if (batch && prev) {
        const receipt: C2CReadReceipt = {
          userID: next.userID,
          conversationID: id,
          timestamp: next.peerReadTime,
        };
        batch.events.push(() =>
          this.#emitSafely(this.#messageListeners, (listener) => listener.onRecvC2CReadReceipt?.([receipt])),
        );
        for (const message of modified) batch.events.push(() => this.#emitMessageModified(message));
      }
    }
  }

  #applyGroups(batch: Batch, groups: HubConversationGroups): void {
    if (groups.rev <= this.#groupsRev) return;
    const before = this.#groups;
    this.#groups = groups.list;
    this.#groupsRev = groups.rev;
    const change: ConversationGroupChange = groups.change;
    const events: (() => void)[] = [];
    const conversationsOf = (name: string) =>
      (groups.list.find((group) => group.name === name)?.conversationIDList ?? []).flatMap((id) => {
        const entry = this.#entries.get(id);
        return entry ? [entry.conversation] : [];
      });
    if (change.kind === 'renamed') {
      events.push(() =>
        this.#emitSafely(this.#conversationListeners, (listener) =>
          listener.onConversationGroupNameChanged?.(change.oldName, change.newName),
        ),
      );
    } else {
      const beforeNames = new Set(before.map((group) => group.name));
      const afterNames = new Set(groups.list.map((group) => group.name));
      for (const name of afterNames) {
        if (!beforeNames.has(name)) {
          events.push(() =>
            this.#emitSafely(this.#conversationListeners, (listener) =>
              listener.onConversationGroupCreated?.(name, conversationsOf(name)),
            ),
          );
        }
      }
      for (const name of beforeNames) {
        if (!afterNames.has(name)) {
          events.push(() =>
            this.#emitSafely(this.#conversationListeners, (listener) =>
              listener.onConversationGroupDeleted?.(name),
            ),
          );
        }
      }
    }
    batch.after.push(...events);
  }

  /** Emits a batch: message events, then each conversation at most once, then changed unread totals. */
  #emit(batch: Batch): void {
    if (this.#loggedOut) return;
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
    const listeners = this.#conversationListeners;
    if (created.length > 0) this.#emitSafely(listeners, (listener) => listener.onNewConversation?.(created));
    if (changed.length > 0)
      this.#emitSafely(listeners, (listener) => listener.onConversationChanged?.(changed));
    if (deleted.length > 0)
      this.#emitSafely(listeners, (listener) => listener.onConversationDeleted?.(deleted));
    for (const event of batch.after) event();
    if (this.#total !== this.#emittedTotal) {
      this.#emittedTotal = this.#total;
      const total = this.#total;
      this.#emitSafely(listeners, (listener) => listener.onTotalUnreadMessageCountChanged?.(total));
    }
    for (const subscription of this.#subscriptions.values()) {
      if (subscription.total === subscription.emitted) continue;
      subscription.emitted = subscription.total;
      const { filter, total } = subscription;
      this.#emitSafely(listeners, (listener) =>
        listener.onUnreadMessageCountChangedByFilter?.({ ...filter }, total),
      );
    }
  }

  #applyAndEmit(states: readonly HubConversation[], groups?: HubConversationGroups): void {
    const batch = new Batch();
    for (const state of states) this.#applyState(batch, state);
    if (groups) this.#applyGroups(batch, groups);
    this.#emit(batch);
    this.#persistSoon();
  }

  #emitNewMessage(message: Message): void {
    this.#emitSafely(this.#messageListeners, (listener) => listener.onRecvNewMessage?.(message));
  }

  #emitMessageModified(message: Message): void {
    this.#emitSafely(this.#messageListeners, (listener) => listener.onRecvMessageModified?.(message));
  }

  /** Stores a message from the hub, keeping this device's own fields. Returns the stored copy. */
  #holdFromHub(message: Message): Message | null {
    if (this.#store.isDeleted(message.msgID)) return null;
    const cached = this.#store.get(message.msgID);
    const merged = cached ? { ...message, localCustomData: cached.message.localCustomData } : message;
    this.#store.put(merged);
    return merged;
  }

  // ── Pushes ───────────────────────────────────────────────────────────────────────────────────────

  #onPush(push: HubPush): void {
    if (this.#loggedOut) return;
    const batch = new Batch();
    switch (push.type) {
      case 'conversations':
        this.#applyMany(batch, push.conversations);
        break;
      case 'groups':
        this.#applyMany(batch, push.conversations);
        this.#applyGroups(batch, push.groups);
        break;
      case 'message': {
        const wasHeld = this.#store.get(push.message.msgID);
        const held = this.#holdFromHub(push.message);
        if (push.conversation) this.#applyState(batch, push.conversation);
        this.#refresh(batch, push.message.conversationID);
        if (held && !wasHeld) batch.events.push(() => this.#emitNewMessage(held));
        else if (held && wasHeld?.message.status !== 'sent')
          batch.events.push(() => this.#emitMessageModified(held));
        break;
      }
      case 'onlineMessage':
        batch.events.push(() => this.#emitNewMessage(push.message));
        break;
      case 'revoked': {
        const cached = this.#store.get(push.message.msgID);
        const message = cached ? (this.#holdFromHub(push.message) ?? push.message) : push.message;
        if (push.conversation) this.#applyState(batch, push.conversation);
        this.#refresh(batch, push.message.conversationID);
        batch.events.push(() =>
          this.#emitSafely(this.#messageListeners, (listener) =>
            listener.onRecvMessageRevoked?.(message.msgID, message, message.revoker, message.revokeReason),
          ),
        );
        break;
      }
      case 'receipt':
        this.#applyState(batch, push.conversation);
        break;
    }
    this.#emit(batch);
    this.#persistSoon();
  }

  // ── Conversations ────────────────────────────────────────────────────────────────────────────────

  #pagerSource() {
    return {
      order: () => this.#order,
      get: (id: string) => this.#entries.get(id)?.conversation,
    };
  }

  getConversationList(nextSeq: number, count: number): Promise<ConversationListResult> {
    return this.#call('getConversationList', () => {
      const method = 'getConversationList';
      assertInteger(method, 'nextSeq', nextSeq, 0, Number.MAX_SAFE_INTEGER);
      assertInteger(method, 'count', count, 1, Number.MAX_SAFE_INTEGER);
      return this.#pager.page(this.#pagerSource(), {}, nextSeq, count);
    });
  }

  getConversationListByFilter(query: ConversationListFilterQuery): Promise<ConversationListResult> {
    return this.#call('getConversationListByFilter', () => {
      const method = 'getConversationListByFilter';
      const options = assertOptions(method, query, 'filter');
      if (query === undefined) throw invalidParameter(method, 'filter', 'an object');
      assertInteger(method, 'filter.nextSeq', options.nextSeq, 0, Number.MAX_SAFE_INTEGER);
      assertInteger(method, 'filter.count', options.count, 1, 100);
      const filter = this.#validateListFilter(method, options);
      return this.#pager.page(
        this.#pagerSource(),
        filter,
        options.nextSeq as number,
        options.count as number,
      );
    });
  }

  #validateListFilter(method: string, options: Record<string, unknown>): ConversationFilter {
    const filter: ConversationFilter = {};
    if (options.type !== undefined && options.type !== null && (options.type as unknown) !== 0) {
      if (options.type !== 'c2c' && options.type !== 'group') {
        throw invalidParameter(method, 'filter.type', "'c2c' or 'group'", options.type);
      }
      filter.type = options.type;
    }
    if (options.markType !== undefined && options.markType !== null && options.markType !== 0) {
      filter.markType = assertMarkType(method, options.markType, 'filter.markType');
    }
    if (options.conversationGroup !== undefined && options.conversationGroup !== null) {
      filter.conversationGroup = assertString(method, 'filter.conversationGroup', options.conversationGroup);
    }
    if (options.hasUnreadCount !== undefined) {
      filter.hasUnreadCount = assertBoolean(method, 'filter.hasUnreadCount', options.hasUnreadCount);
    }
    if (options.hasGroupAtInfo !== undefined) {
      filter.hasGroupAtInfo = assertBoolean(method, 'filter.hasGroupAtInfo', options.hasGroupAtInfo);
    }
    return filter;
  }

  getConversation(conversationID: string): Promise<Conversation> {
    return this.#call('getConversation', async () => {
      assertConversationID('getConversation', conversationID);
      const entry = this.#entries.get(conversationID);
      // Offline, what this device knows is the answer (a conversation it only holds local messages of).
      if (entry && (entry.state.rev > 0 || !this.#link.online)) return entry.conversation;
      const state = await this.#request('getConversation', { conversationID });
      if (state.rev > 0) this.#applyAndEmit([state]);
      return this.#entries.get(conversationID)?.conversation ?? this.#build(state);
    });
  }

  getConversationListByIDs(conversationIDList: string[]): Promise<Conversation[]> {
    return this.#call('getConversationListByIDs', () => {
      const method = 'getConversationListByIDs';
      const ids = assertIDList(method, 'conversationIDList', conversationIDList, 100, { allowEmpty: true });
      for (const id of ids) assertConversationID(method, id, 'conversationIDList[]');
      return ids.flatMap((id) => {
        const conversation = this.#entries.get(id)?.conversation;
        return conversation && conversation.orderKey > 0 ? [conversation] : [];
      });
    });
  }

  deleteConversation(conversationID: string, options?: { clearMessages?: boolean }): Promise<void> {
    return this.#call('deleteConversation', async () => {
      const method = 'deleteConversation';
      assertConversationID(method, conversationID);
      const opts = assertOptions(method, options);
      const clearMessages = assertOptionalBoolean(method, 'options.clearMessages', opts.clearMessages, true);
      const result = await this.#request('deleteConversation', { conversationID, clearMessages });
      this.#applyAndEmit(result.conversations);
    });
  }

  pinConversation(conversationID: string, isPinned: boolean): Promise<void> {
    return this.#call('pinConversation', async () => {
      assertConversationID('pinConversation', conversationID);
      assertBoolean('pinConversation', 'isPinned', isPinned);
      const result = await this.#request('pinConversation', { conversationID, isPinned });
      this.#applyAndEmit(result.conversations);
    });
  }

  setConversationDraft(conversationID: string, draftText: string | null): Promise<void> {
    return this.#call('setConversationDraft', async () => {
      assertConversationID('setConversationDraft', conversationID);
      if (draftText !== null && typeof draftText !== 'string') {
        throw invalidParameter('setConversationDraft', 'draftText', 'a string or null', draftText);
      }
      const result = await this.#request('setDraft', { conversationID, draftText });
      this.#applyAndEmit(result.conversations);
    });
  }

  markConversation(
    conversationIDList: string[],
    markType: ConversationMarkType,
    enable: boolean,
  ): Promise<OperationResult[]> {
    return this.#call('markConversation', async () => {
      const method = 'markConversation';
      const ids = assertIDList(method, 'conversationIDList', conversationIDList, 100);
      for (const id of ids) assertConversationID(method, id, 'conversationIDList[]');
      assertMarkType(method, markType);
      assertBoolean(method, 'enable', enable);
      const result = await this.#request('markConversation', { conversationIDList: ids, markType, enable });
      this.#applyAndEmit(result.conversations);
      return result.results;
    });
  }

  setConversationCustomData(conversationIDList: string[], customData: string): Promise<OperationResult[]> {
    return this.#call('setConversationCustomData', async () => {
      const method = 'setConversationCustomData';
      const ids = assertIDList(method, 'conversationIDList', conversationIDList, 100);
      for (const id of ids) assertConversationID(method, id, 'conversationIDList[]');
      assertString(method, 'customData', customData);
      const result = await this.#request('setCustomData', { conversationIDList: ids, customData });
      this.#applyAndEmit(result.conversations);
      return result.results;
    });
  }

  // ── Conversation groups ──────────────────────────────────────────────────────────────────────────

  #groupIDs(method: string, conversationIDList: unknown, allowEmpty: boolean): string[] {
    const ids = assertIDList(method, 'conversationIDList', conversationIDList, 100, { allowEmpty });
    for (const id of ids) assertConversationID(method, id, 'conversationIDList[]');
    return ids;
  }

  createConversationGroup(groupName: string, conversationIDList: string[]): Promise<OperationResult[]> {
    return this.#call('createConversationGroup', async () => {
      const method = 'createConversationGroup';
      assertString(method, 'groupName', groupName, { nonEmpty: true });
      const ids = this.#groupIDs(method, conversationIDList, true);
      const result = await this.#request('createConversationGroup', { groupName, conversationIDList: ids });
      this.#applyAndEmit(result.conversations, result.groups);
      return result.results;
    });
  }

  getConversationGroupList(): Promise<ConversationGroup[]> {
    return this.#call('getConversationGroupList', () =>
      this.#groups.map((group) => ({ name: group.name, conversationIDList: [...group.conversationIDList] })),
    );
  }

  renameConversationGroup(oldName: string, newName: string): Promise<void> {
    return this.#call('renameConversationGroup', async () => {
      assertString('renameConversationGroup', 'oldName', oldName, { nonEmpty: true });
      assertString('renameConversationGroup', 'newName', newName, { nonEmpty: true });
      const result = await this.#request('renameConversationGroup', { oldName, newName });
      this.#applyAndEmit(result.conversations, result.groups);
    });
  }

  deleteConversationGroup(groupName: string): Promise<void> {
    return this.#call('deleteConversationGroup', async () => {
      assertString('deleteConversationGroup', 'groupName', groupName, { nonEmpty: true });
      const result = await this.#request('deleteConversationGroup', { groupName });
      this.#applyAndEmit(result.conversations, result.groups);
    });
  }

  addConversationsToGroup(groupName: string, conversationIDList: string[]): Promise<OperationResult[]> {
    return this.#call('addConversationsToGroup', async () => {
      const method = 'addConversationsToGroup';
      assertString(method, 'groupName', groupName, { nonEmpty: true });
      const ids = this.#groupIDs(method, conversationIDList, false);
      const result = await this.#request('addConversationsToGroup', { groupName, conversationIDList: ids });
      this.#applyAndEmit(result.conversations, result.groups);
      return result.results;
    });
  }

  deleteConversationsFromGroup(groupName: string, conversationIDList: string[]): Promise<OperationResult[]> {
    return this.#call('deleteConversationsFromGroup', async () => {
      const method = 'deleteConversationsFromGroup';
      assertString(method, 'groupName', groupName, { nonEmpty: true });
      const ids = this.#groupIDs(method, conversationIDList, false);
      const result = await this.#request('deleteConversationsFromGroup', {
        groupName,
        conversationIDList: ids,
      });
      this.#applyAndEmit(result.conversations, result.groups);
      return result.results;
    });
  }

  // ── Listeners ────────────────────────────────────────────────────────────────────────────────────

  #addListener<L extends object>(method: string, set: Set<L>, listener: L): () => void {
    this.#guard(method);
    if (typeof listener !== 'object' || listener === null)
      throw invalidParameter(method, 'listener', 'an object', listener);
    set.add(listener);
    return () => {
      set.delete(listener);
    };
  }

  addConversationListener(listener: ConversationListener): () => void {
    return this.#addListener('addConversationListener', this.#conversationListeners, listener);
  }

  removeConversationListener(listener: ConversationListener): void {
    this.#conversationListeners.delete(listener);
  }

  addAdvancedMsgListener(listener: AdvancedMsgListener): () => void {
    return this.#addListener('addAdvancedMsgListener', this.#messageListeners, listener);
  }

  removeAdvancedMsgListener(listener: AdvancedMsgListener): void {
    this.#messageListeners.delete(listener);
  }

  addSDKListener(listener: SDKListener): () => void {
    return this.#addListener('addSDKListener', this.#sdkListeners, listener);
  }

  removeSDKListener(listener: SDKListener): void {
    this.#sdkListeners.delete(listener);
  }

  // ── Unread ───────────────────────────────────────────────────────────────────────────────────────

  getTotalUnreadMessageCount(): Promise<number> {
    return this.#call('getTotalUnreadMessageCount', () => this.#total);
  }

  #validateUnreadFilter(method: string, value: unknown): UnreadFilter {
    const options = assertOptions(method, value, 'filter');
    if (value === undefined) throw invalidParameter(method, 'filter', 'an object');
    const filter: UnreadFilter = {};
    if (options.type !== undefined && options.type !== null && options.type !== 0) {
      if (options.type !== 'c2c' && options.type !== 'group') {
        throw invalidParameter(method, 'filter.type', "'c2c' or 'group'", options.type);
      }
      filter.type = options.type;
    }
    if (options.markType !== undefined && options.markType !== null && options.markType !== 0) {
      filter.markType = assertMarkType(method, options.markType, 'filter.markType');
    }
    if (options.conversationGroup !== undefined && options.conversationGroup !== null) {
      filter.conversationGroup = assertString(method, 'filter.conversationGroup', options.conversationGroup);
    }
    return filter;
  }

  getUnreadMessageCountByFilter(filter: UnreadFilter): Promise<number> {
    return this.#call('getUnreadMessageCountByFilter', () => {
      const valid = this.#validateUnreadFilter('getUnreadMessageCountByFilter', filter);
      const subscription = this.#subscriptions.get(unreadFilterKey(valid));
      if (subscription) return subscription.total;
      let total = 0;
      for (const entry of this.#entries.values()) total += unreadContribution(entry.conversation, valid);
      return total;
    });
  }

  subscribeUnreadMessageCountByFilter(filter: UnreadFilter): Promise<void> {
    return this.#call('subscribeUnreadMessageCountByFilter', () => {
      const valid = this.#validateUnreadFilter('subscribeUnreadMessageCountByFilter', filter);
      const key = unreadFilterKey(valid);
      if (this.#subscriptions.has(key)) return;
      let total = 0;
      for (const entry of this.#entries.values()) total += unreadContribution(entry.conversation, valid);
      this.#subscriptions.set(key, { filter: valid, total, emitted: total });
    });
  }

  unsubscribeUnreadMessageCountByFilter(filter: UnreadFilter): Promise<void> {
    return this.#call('unsubscribeUnreadMessageCountByFilter', () => {
      const valid = this.#validateUnreadFilter('unsubscribeUnreadMessageCountByFilter', filter);
      this.#subscriptions.delete(unreadFilterKey(valid));
    });
  }

  cleanConversationUnreadMessageCount(
    conversationID: string,
    cleanTimestamp = 0,
    cleanSequence = 0,
  ): Promise<void> {
    return this.#call('cleanConversationUnreadMessageCount', () =>
      this.#clean('cleanConversationUnreadMessageCount', conversationID, cleanTimestamp, cleanSequence),
    );
  }

  async #clean(
    method: string,
    conversationID: unknown,
    cleanTimestamp: unknown,
    cleanSequence: unknown,
  ): Promise<void> {
    if (conversationID !== '' && conversationID !== 'c2c' && conversationID !== 'group') {
      assertConversationID(method, conversationID);
    }
    assertInteger(method, 'cleanTimestamp', cleanTimestamp, 0, Number.MAX_SAFE_INTEGER);
    assertInteger(method, 'cleanSequence', cleanSequence, 0, Number.MAX_SAFE_INTEGER);
    const result = await this.#request('cleanUnread', {
      conversationID: conversationID as string,
      cleanTimestamp: cleanTimestamp as number,
      cleanSequence: cleanSequence as number,
    });
    this.#applyAndEmit(result.conversations);
  }

  markAllMessageAsRead(): Promise<void> {
    return this.#call('markAllMessageAsRead', () => this.#clean('markAllMessageAsRead', '', 0, 0));
  }

  markC2CMessageAsRead(userID: string): Promise<void> {
    return this.#call('markC2CMessageAsRead', () => {
      assertString('markC2CMessageAsRead', 'userID', userID, { nonEmpty: true });
      return this.#clean('markC2CMessageAsRead', c2cConversationID(userID), 0, 0);
    });
  }

  markGroupMessageAsRead(groupID: string): Promise<void> {
    return this.#call('markGroupMessageAsRead', () => {
      assertString('markGroupMessageAsRead', 'groupID', groupID, { nonEmpty: true });
      return this.#clean('markGroupMessageAsRead', groupConversationID(groupID), 0, 0);
    });
  }

  // ── Creating messages ───────────────────────────────────────────────────────────────────────────

  #factory(): factory.MessageFactoryContext {
    return {
      profile: this.#profile,
      now: () => this.getServerTime(),
      random: this.#random,
      holdBlob: (uuid, blob) => this.#heldBlobs.set(uuid, blob),
    };
  }

  createTextMessage(text: string): Promise<Message> {
    return this.#call('createTextMessage', () => factory.createTextMessage(this.#factory(), text));
  }

  createTextAtMessage(text: string, atUserList: string[]): Promise<Message> {
    return this.#call('createTextAtMessage', () =>
      factory.createTextAtMessage(this.#factory(), text, atUserList),
    );
  }

  createCustomMessage(data: string, description?: string, extension?: string): Promise<Message> {
    return this.#call('createCustomMessage', () =>
      factory.createCustomMessage(this.#factory(), data, description, extension),
    );
  }

  createImageMessage(file: Blob, options?: ImageMessageOptions): Promise<Message> {
    return this.#call('createImageMessage', () => factory.createImageMessage(this.#factory(), file, options));
  }

  createSoundMessage(file: Blob, durationSec: number): Promise<Message> {
    return this.#call('createSoundMessage', () =>
      factory.createSoundMessage(this.#factory(), file, durationSec),
    );
  }

  createVideoMessage(file: Blob, type: string, durationSec: number, snapshot: Blob): Promise<Message> {
    return this.#call('createVideoMessage', () =>
      factory.createVideoMessage(this.#factory(), file, type, durationSec, snapshot),
    );
  }

  createFileMessage(file: Blob, fileName?: string): Promise<Message> {
    return this.#call('createFileMessage', () => factory.createFileMessage(this.#factory(), file, fileName));
  }

  createLocationMessage(description: string, longitude: number, latitude: number): Promise<Message> {
    return this.#call('createLocationMessage', () =>
      factory.createLocationMessage(this.#factory(), description, longitude, latitude),
    );
  }

  createFaceMessage(index: number, data: string): Promise<Message> {
    return this.#call('createFaceMessage', () => factory.createFaceMessage(this.#factory(), index, data));
  }

  createMergerMessage(
    messageList: Message[],
    title: string,
    abstractList: string[],
    compatibleText: string,
  ): Promise<Message> {
    return this.#call('createMergerMessage', () =>
      factory.createMergerMessage(this.#factory(), messageList, title, abstractList, compatibleText),
    );
  }

  createForwardMessage(message: Message): Promise<Message> {
    return this.#call('createForwardMessage', () => factory.createForwardMessage(this.#factory(), message));
  }

  appendElem(message: Message, elem: AppendableElem): Promise<Message> {
    return this.#call('appendElem', () => factory.appendElem(message, elem));
  }

  // ── Sending ──────────────────────────────────────────────────────────────────────────────────────

  #checkOutgoing(method: string, message: Message): void {
    if (message.elemList.some((elem) => elem.type === 'groupTip')) {
      throw invalidParameter(method, 'message', 'a message without group tips (only the server sends those)');
    }
    const bytes = payloadBytes(message.elemList);
    if (bytes > this.#limits.maxTextBytes) {
      throw new ChatError(
        ChatErrorCode.MessageTooLarge,
        `${method}: the text and custom payload is ${bytes} bytes; the limit is ${this.#limits.maxTextBytes}.`,
        { bytes, limit: this.#limits.maxTextBytes },
      );
    }
    for (const media of mediaOf(message.elemList)) {
      const limit = media.kind === 'image' ? this.#limits.maxImageBytes : this.#limits.maxFileBytes;
      const size = this.#heldBlobs.get(media.uuid)?.size ?? media.size;
      if (size > limit) {
        throw new ChatError(
          ChatErrorCode.MessageTooLarge,
          `${method}: the file is ${size} bytes; the limit is ${limit}.`,
          {
            size,
            limit,
          },
        );
      }
    }
  }

  #validateSend(message: unknown, options: unknown): ValidatedSend {
    const method = 'sendMessage';
    this.#guard(method);
    const source = assertMessage(method, message);
    const opts = assertOptions(method, options) as SendMessageOptions & Record<string, unknown>;
    if (options === undefined)
      throw invalidParameter(method, 'options', 'an object with receiver or groupID');
    const receiver =
      opts.receiver === undefined ? '' : assertString(method, 'options.receiver', opts.receiver);
    const groupID = opts.groupID === undefined ? '' : assertString(method, 'options.groupID', opts.groupID);
    if (!receiver && !groupID)
      throw invalidParameter(method, 'options', 'an object with a receiver or a groupID');
    const priority = opts.priority ?? 'normal';
    if (!PRIORITIES.includes(priority))
      throw invalidParameter(method, 'options.priority', PRIORITIES.join(', '), priority);
    if (opts.onProgress !== undefined && typeof opts.onProgress !== 'function') {
      throw invalidParameter(method, 'options.onProgress', 'a function', opts.onProgress);
    }
    if (opts.offlinePushInfo !== undefined)
      assertOptions(method, opts.offlinePushInfo, 'options.offlinePushInfo');
    const wire: WireSendOptions = {
      receiver,
      groupID,
      priority,
      onlineUserOnly: assertOptionalBoolean(method, 'options.onlineUserOnly', opts.onlineUserOnly, false),
      offlinePushInfo: opts.offlinePushInfo ? { ...opts.offlinePushInfo } : null,
      isExcludedFromUnreadCount: assertOptionalBoolean(
        method,
        'options.isExcludedFromUnreadCount',
        opts.isExcludedFromUnreadCount,
        false,
      ),
      isExcludedFromLastMessage: assertOptionalBoolean(
        method,
        'options.isExcludedFromLastMessage',
        opts.isExcludedFromLastMessage,
        false,
      ),
    };
    const cached = this.#store.get(source.msgID);
    if (this.#pendingSends.has(source.msgID) || (cached && cached.message.status !== 'failed')) {
      throw new ChatError(
        ChatErrorCode.InvalidState,
        `sendMessage: message ${source.msgID} was already sent.`,
        {
          msgID: source.msgID,
        },
      );
    }
    if (source.status !== 'sending' && source.status !== 'failed') {
      throw new ChatError(
        ChatErrorCode.InvalidState,
        `sendMessage: a message with status ${source.status} cannot be sent.`,
        {
          msgID: source.msgID,
        },
      );
    }
    this.#checkOutgoing(method, source);
    return { message: source, wire, onProgress: opts.onProgress ?? null };
  }

  sendMessage(message: Message, options: SendMessageOptions): SendMessageHandle {
    let validated: ValidatedSend;
    try {
      validated = this.#validateSend(message, options);
    } catch (error) {
      return rejectedHandle(message, error);
    }
    return this.#startSend(validated.message, validated.wire, validated.onProgress);
  }

  resendMessage(msgID: string, options?: Pick<SendMessageOptions, 'onProgress'>): SendMessageHandle {
    const method = 'resendMessage';
    try {
      this.#guard(method);
      assertString(method, 'msgID', msgID, { nonEmpty: true });
      const opts = assertOptions(method, options);
      if (opts.onProgress !== undefined && typeof opts.onProgress !== 'function') {
        throw invalidParameter(method, 'options.onProgress', 'a function', opts.onProgress);
      }
      const cached = this.#store.get(msgID);
      if (!cached)
        throw new ChatError(ChatErrorCode.MessageNotFound, `resendMessage: no message ${msgID}.`, { msgID });
      if (cached.message.status !== 'failed' || !cached.send || this.#pendingSends.has(msgID)) {
        throw new ChatError(ChatErrorCode.InvalidState, `resendMessage: message ${msgID} did not fail.`, {
          msgID,
        });
      }
      return this.#startSend(
        cached.message,
        cached.send,
        (opts.onProgress as (progress: number) => void) ?? null,
      );
    } catch (error) {
      return rejectedHandle({ msgID } as Message, error);
    }
  }

  #startSend(
    source: Message,
    wire: WireSendOptions,
    onProgress: ((progress: number) => void) | null,
  ): SendMessageHandle {
    const isGroup = wire.groupID !== '';
    const conversationID = isGroup ? groupConversationID(wire.groupID) : c2cConversationID(wire.receiver);
    const wasFailed = this.#store.get(source.msgID)?.message.status === 'failed';
    const pending: Message = {
      ...source,
      conversationID,
      conversationType: isGroup ? 'group' : 'c2c',
      userID: isGroup ? '' : wire.receiver,
      groupID: wire.groupID,
      sender: this.userID,
      nick: this.#profile.nick,
      faceUrl: this.#profile.faceUrl,
      isSelf: true,
      timestamp: this.getServerTime(),
      seq: 0,
      status: 'sending',
      priority: wire.priority,
      isRead: true,
      isPeerRead: false,
      isExcludedFromUnreadCount: wire.isExcludedFromUnreadCount,
      isExcludedFromLastMessage: wire.isExcludedFromLastMessage,
      isOnlineOnly: wire.onlineUserOnly,
      targetUserIDList: isGroup && wire.receiver ? [wire.receiver] : [],
      atUserList: isGroup ? (source.atUserList ?? []) : [],
      localCustomData: source.localCustomData ?? '',
      revoker: '',
      revokeReason: '',
    };
    const media = mediaOf(pending.elemList).filter(
      (item) => this.#heldBlobs.has(item.uuid) || (wasFailed && this.#store.persistent),
    );
    if (!wire.onlineUserOnly) {
      const batch = new Batch();
      if (!this.#entries.has(conversationID))
        this.#setEntry(batch, conversationID, this.#localEntry(conversationID));
      this.#store.put(pending, wire);
      this.#refresh(batch, conversationID);
      this.#emit(batch);
      this.#persistSoon();
    }
    const record: PendingSend = { uploading: media.length > 0, cancelled: false, done: Promise.resolve() };
    this.#pendingSends.set(pending.msgID, record);
    const promise = this.#runSend(pending, wire, media, onProgress, record, wasFailed);
    record.done = promise.catch(() => undefined);
    return makeHandle(pending, promise);
  }

  #localEntry(conversationID: string): Entry {
    const state = this.#localState(conversationID);
    return { state, conversation: this.#build(state) };
  }

  async #runSend(
    pending: Message,
    wire: WireSendOptions,
    media: { uuid: string; size: number; kind: 'image' | 'file' }[],
    onProgress: ((progress: number) => void) | null,
    record: PendingSend,
    wasFailed: boolean,
  ): Promise<Message> {
    try {
      if (media.length > 0) await this.#upload(pending.msgID, media, onProgress, record);
      record.uploading = false;
      const result = await this.#request('send', { message: toWire(pending), options: wire });
      if (this.#loggedOut) return result.message;
      if (wire.onlineUserOnly) return result.message;
      const sent: Message = { ...result.message, localCustomData: pending.localCustomData };
      const batch = new Batch();
      this.#store.put(sent);
      if (result.conversation) this.#applyState(batch, result.conversation);
      this.#refresh(batch, pending.conversationID);
      this.#emit(batch);
      for (const item of mediaOf(pending.elemList)) {
        this.#heldBlobs.delete(item.uuid);
        if (wasFailed) this.#store.deleteBlob(item.uuid);
      }
      this.#persistSoon();
      return sent;
    } catch (cause) {
      const error =
        cause instanceof ChatError
          ? cause
          : new ChatError(ChatErrorCode.NetworkError, 'sendMessage: the send failed.', {}, { cause });
      if (!this.#loggedOut && !wire.onlineUserOnly) this.#keepFailed(pending, wire, error, wasFailed);
      throw error;
    } finally {
      this.#pendingSends.delete(pending.msgID);
    }
  }

  /** A send that failed: kept as `failed` to resend, unless the hub refused it for good (then nothing changed). */
  #keepFailed(pending: Message, wire: WireSendOptions, error: ChatError, wasFailed: boolean): void {
    const batch = new Batch();
    if (PERMANENT_SEND_ERRORS.includes(error.code) && !wasFailed) {
      this.#store.delete(pending.msgID, false);
      const entry = this.#entries.get(pending.conversationID);
      if (entry && entry.state.rev === 0 && this.#store.list(pending.conversationID).length === 0) {
        this.#setEntry(batch, pending.conversationID, undefined);
      }
    } else {
      this.#store.put({ ...pending, status: 'failed' }, wire);
      if (this.#store.persistent) {
        for (const item of mediaOf(pending.elemList)) {
          const blob = this.#heldBlobs.get(item.uuid);
          if (blob) {
            void blob.arrayBuffer().then((data) => {
              this.#store.putBlob({ uuid: item.uuid, data, type: blob.type });
              this.#persistSoon();
            });
          }
        }
      }
    }
    this.#refresh(batch, pending.conversationID);
    this.#emit(batch);
    this.#persistSoon();
  }

  async #blobFor(uuid: string): Promise<Blob | null> {
    const held = this.#heldBlobs.get(uuid);
    if (held) return held;
    const stored = await this.#store.readBlob(uuid);
    if (!stored) return null;
    const blob = new Blob([stored.data], { type: stored.type });
    this.#heldBlobs.set(uuid, blob);
    return blob;
  }

  async #upload(
    msgID: string,
    media: { uuid: string; size: number; kind: 'image' | 'file' }[],
    onProgress: ((progress: number) => void) | null,
    record: PendingSend,
  ): Promise<void> {
    const blobs: { uuid: string; kind: 'image' | 'file'; blob: Blob }[] = [];
    for (const item of media) {
      const blob = await this.#blobFor(item.uuid);
      if (blob) blobs.push({ uuid: item.uuid, kind: item.kind, blob });
    }
    const total = blobs.reduce((sum, item) => sum + item.blob.size, 0);
    let sent = 0;
    let reported = -1;
    const report = (progress: number) => {
      if (progress === reported) return;
      reported = progress;
      if (onProgress) {
        try {
          onProgress(progress);
        } catch (error) {
          console.error('Tidings local engine: onProgress threw', error);
        }
      }
      this.#emitSafely(this.#messageListeners, (listener) => listener.onSendProgress?.(msgID, progress));
    };
    const checkCancelled = async (uuid: string) => {
      if (!record.cancelled) return;
      await this.#request('uploadAbort', { uuid }).catch(() => undefined);
      throw new ChatError(ChatErrorCode.SendCancelled, `sendMessage: sending ${msgID} was cancelled.`, {
        msgID,
      });
    };
    report(0);
    const chunkBytes = Math.max(1, this.#limits.uploadChunkBytes);
    for (const { uuid, kind, blob } of blobs) {
      await checkCancelled(uuid);
      await this.#request('uploadBegin', { uuid, size: blob.size, type: blob.type, kind });
      for (let offset = 0; offset < blob.size; offset += chunkBytes) {
        await checkCancelled(uuid);
        const data = await blob.slice(offset, Math.min(offset + chunkBytes, blob.size)).arrayBuffer();
        await checkCancelled(uuid);
        await this.#request('uploadChunk', { uuid, offset, data });
        sent += data.byteLength;
        // 100 is reported once everything is stored on the hub.
        report(Math.min(99, Math.floor((sent / Math.max(total, 1)) * 100)));
      }
      await checkCancelled(uuid);
      await this.#request('uploadFinish', { uuid });
    }
    report(100);
  }

  cancelSendingMessage(msgID: string): Promise<void> {
    return this.#call('cancelSendingMessage', async () => {
      assertString('cancelSendingMessage', 'msgID', msgID, { nonEmpty: true });
      const record = this.#pendingSends.get(msgID);
      if (!record) {
        if (this.#store.get(msgID)) {
          throw new ChatError(
            ChatErrorCode.InvalidState,
            `cancelSendingMessage: message ${msgID} is not being sent.`,
            {
              msgID,
            },
          );
        }
        throw new ChatError(ChatErrorCode.MessageNotFound, `cancelSendingMessage: no message ${msgID}.`, {
          msgID,
        });
      }
      if (!record.uploading) {
        throw new ChatError(
          ChatErrorCode.InvalidState,
          `cancelSendingMessage: message ${msgID} has no upload in progress to cancel.`,
          { msgID },
        );
      }
      record.cancelled = true;
      await record.done;
    });
  }

  sendMessageToUsers(message: Message, userIDList: string[]): Promise<BatchSendResult[]> {
    return this.#call('sendMessageToUsers', async () => {
      const method = 'sendMessageToUsers';
      const source = assertMessage(method, message);
      const ids = assertIDList(method, 'userIDList', userIDList, 500);
      this.#checkOutgoing(method, source);
      const media = mediaOf(source.elemList).filter((item) => this.#heldBlobs.has(item.uuid));
      if (media.length > 0) {
        await this.#upload(source.msgID, media, null, {
          uploading: true,
          cancelled: false,
          done: Promise.resolve(),
        });
      }
      const msgIDs = ids.map(() => createMessageID(this.userID, this.getServerTime(), this.#random));
      const result = await this.#request('sendToUsers', { message: toWire(source), userIDList: ids, msgIDs });
      const batch = new Batch();
      for (const item of result.results) if (item.message) this.#store.put(item.message);
      for (const state of result.conversations) this.#applyState(batch, state);
      for (const item of result.results) if (item.message) this.#refresh(batch, item.message.conversationID);
      this.#emit(batch);
      this.#persistSoon();
      return result.results.map((item) => ({
        userID: item.userID,
        message: item.message,
        error: item.error ? fromWireError(item.error) : null,
      }));
    });
  }

  // ── Changing messages ────────────────────────────────────────────────────────────────────────────

  revokeMessage(msgID: string, reason = ''): Promise<void> {
    return this.#call('revokeMessage', async () => {
      assertString('revokeMessage', 'msgID', msgID, { nonEmpty: true });
      assertString('revokeMessage', 'reason', reason);
      const cached = this.#held(msgID);
      if (cached && cached.message.status !== 'sent') {
        throw new ChatError(
          ChatErrorCode.InvalidState,
          `revokeMessage: a message with status ${cached.message.status} cannot be revoked.`,
          { msgID },
        );
      }
      const result = await this.#request('revoke', { msgID, reason });
      const batch = new Batch();
      const held = cached ? this.#holdFromHub(result.message) : null;
      if (result.conversation) this.#applyState(batch, result.conversation);
      this.#refresh(batch, result.message.conversationID);
      const revoked = held ?? result.message;
      batch.events.push(() => this.#emitMessageModified(revoked));
      this.#emit(batch);
      this.#persistSoon();
    });
  }

  #requireCached(method: string, msgIDs: string[]): Message[] {
    return msgIDs.map((msgID) => {
      const cached = this.#held(msgID);
      if (!cached)
        throw new ChatError(ChatErrorCode.MessageNotFound, `${method}: no message ${msgID} on this device.`, {
          msgID,
        });
      if (cached.message.status === 'sending') {
        throw new ChatError(ChatErrorCode.InvalidState, `${method}: message ${msgID} is being sent.`, {
          msgID,
        });
      }
      return cached.message;
    });
  }

  /** Runs a local-only change: it is emitted once durable, and undone (rejecting) when the write fails. */
  async #localChange(conversationIDs: Iterable<string>, change: () => void): Promise<void> {
    const ids = [...new Set(conversationIDs)];
    change();
    try {
      await this.#store.commit();
    } finally {
      const batch = new Batch();
      for (const id of ids) this.#refresh(batch, id);
      this.#emit(batch);
    }
  }

  deleteMessages(msgIDList: string[]): Promise<void> {
    return this.#call('deleteMessages', async () => {
      const ids = [...new Set(assertIDList('deleteMessages', 'msgIDList', msgIDList, 100))];
      const messages = this.#requireCached('deleteMessages', ids);
      await this.#localChange(
        messages.map((message) => message.conversationID),
        () => {
          for (const message of messages) this.#store.delete(message.msgID, message.seq > 0);
        },
      );
    });
  }

  deleteMessagesFromServer(msgIDList: string[]): Promise<void> {
    return this.#call('deleteMessagesFromServer', async () => {
      const method = 'deleteMessagesFromServer';
      const ids = [...new Set(assertIDList(method, 'msgIDList', msgIDList, 30))];
      const local = ids.map((msgID) => this.#held(msgID)?.message);
      const serverIDs = ids.filter((_, index) => {
        const message = local[index];
        return !message || message.seq > 0;
      });
      for (const message of local) {
        if (message?.status === 'sending') {
          throw new ChatError(
            ChatErrorCode.InvalidState,
            `${method}: message ${message.msgID} is being sent.`,
            {
              msgID: message.msgID,
            },
          );
        }
      }
      let states: HubConversation[] = [];
      if (serverIDs.length > 0)
        states = (await this.#request('deleteFromServer', { msgIDList: serverIDs })).conversations;
      const batch = new Batch();
      for (const state of states) this.#applyState(batch, state);
      this.#emit(batch);
      await this.#localChange(
        local.flatMap((message) => (message ? [message.conversationID] : [])),
        () => {
          for (const [index, msgID] of ids.entries()) {
            const message = local[index];
            this.#store.delete(msgID, !message || message.seq > 0);
          }
        },
      ).catch(() => undefined);
    });
  }

  clearHistoryMessage(conversationID: string): Promise<void> {
    return this.#call('clearHistoryMessage', async () => {
      assertConversationID('clearHistoryMessage', conversationID);
      const result = await this.#request('clearHistory', { conversationID });
      this.#applyAndEmit(result.conversations);
    });
  }

  setLocalCustomData(msgID: string, localCustomData: string): Promise<Message> {
    return this.#call('setLocalCustomData', async () => {
      assertString('setLocalCustomData', 'msgID', msgID, { nonEmpty: true });
      assertString('setLocalCustomData', 'localCustomData', localCustomData);
      const cached = this.#held(msgID);
      if (!cached) {
        throw new ChatError(
          ChatErrorCode.MessageNotFound,
          `setLocalCustomData: no message ${msgID} on this device.`,
          {
            msgID,
          },
        );
      }
      const updated = { ...cached.message, localCustomData };
      await this.#localChange([updated.conversationID], () => this.#store.put(updated, cached.send));
      this.#emitMessageModified(updated);
      return updated;
    });
  }

  // ── Reading messages ─────────────────────────────────────────────────────────────────────────────

  getHistoryMessageList(query: HistoryMessageQuery): Promise<HistoryMessageResult> {
    return this.#call('getHistoryMessageList', async () => {
      const method = 'getHistoryMessageList';
      const options = assertOptions(method, query, 'query');
      if (query === undefined) throw invalidParameter(method, 'query', 'an object');
      const conversationID = options.conversationID as string;
      assertConversationID(method, conversationID, 'query.conversationID');
      const count = assertInteger(method, 'query.count', options.count, 1, 100);
      const direction = options.direction ?? 'older';
      if (direction !== 'older' && direction !== 'newer') {
        throw invalidParameter(method, 'query.direction', "'older' or 'newer'", direction);
      }
      let cursor: WireHistoryQuery['cursor'] = null;
      if (options.lastMsg !== undefined && options.lastMsg !== null) {
        const last = options.lastMsg as Message;
        if (
          typeof last !== 'object' ||
          typeof last.msgID !== 'string' ||
          typeof last.timestamp !== 'number'
        ) {
          throw invalidParameter(method, 'query.lastMsg', 'a message', last);
        }
        cursor = {
          timestamp: last.timestamp,
          seq: typeof last.seq === 'number' ? last.seq : 0,
          msgID: last.msgID,
        };
      }
      let seqBound: number | null = null;
      if (options.lastMsgSeq !== undefined) {
        const seq = assertInteger(method, 'query.lastMsgSeq', options.lastMsgSeq, 0, Number.MAX_SAFE_INTEGER);
        if (!cursor && seq > 0) seqBound = seq;
      }
      let timeFrom: number | null = null;
      let timeTo: number | null = null;
      const timeBegin =
        options.timeBegin === undefined
          ? 0
          : assertInteger(method, 'query.timeBegin', options.timeBegin, 0, Number.MAX_SAFE_INTEGER);
      const timePeriod =
        options.timePeriod === undefined
          ? 0
          : assertInteger(method, 'query.timePeriod', options.timePeriod, 0, Number.MAX_SAFE_INTEGER);
      if (timePeriod > 0) {
        timeFrom = timeBegin;
        timeTo = timeBegin + timePeriod;
      } else if (timeBegin > 0) {
        if (direction === 'older') timeTo = timeBegin;
        else timeFrom = timeBegin;
      }
      const wireQuery: WireHistoryQuery = {
        conversationID,
        count,
        direction,
        cursor,
        seqBound,
        timeFrom,
        timeTo,
      };
      let hubHasMore = false;
      const fromHub = new Map<string, Message>();
      if (this.#link.online) {
        const result = await this.#request('history', wireQuery);
        hubHasMore = result.hasMore;
        for (const message of result.messages) {
          const held = this.#holdFromHub(message);
          if (held) fromHub.set(held.msgID, held);
        }
        this.#persistSoon();
      }
      const boundary =
        seqBound === null
          ? null
          : this.#store.list(conversationID).find((message) => message.seq === seqBound);
      const inRange = (message: Message) => {
        if (message.isOnlineOnly) return false;
        if (cursor) {
          const order = compareMessages(message, cursor);
          if (direction === 'older' ? order >= 0 : order <= 0) return false;
        }
        if (seqBound !== null) {
          if (message.seq > 0) {
            if (direction === 'older' ? message.seq > seqBound : message.seq < seqBound) return false;
          } else if (
            !boundary ||
            (direction === 'older'
              ? compareMessages(message, boundary) > 0
              : compareMessages(message, boundary) < 0)
          ) {
            return false;
          }
        }
        if (timeFrom !== null && message.timestamp < timeFrom) return false;
        if (timeTo !== null && message.timestamp > timeTo) return false;
        return true;
      };
      const merged = new Map<string, Message>();
      const serverLast = this.#entries.get(conversationID)?.state.lastMessage;
      if (serverLast && !this.#store.isDeleted(serverLast.msgID) && inRange(serverLast)) {
        merged.set(serverLast.msgID, serverLast);
      }
      for (const message of this.#store.list(conversationID)) {
        if (inRange(message)) merged.set(message.msgID, message);
      }
      for (const message of fromHub.values()) if (inRange(message)) merged.set(message.msgID, message);
      const sorted = [...merged.values()].sort(compareMessages);
      const page =
        direction === 'older' ? sorted.slice(Math.max(0, sorted.length - count)) : sorted.slice(0, count);
      return { messageList: page, isFinished: !hubHasMore && sorted.length <= count };
    });
  }

  findMessages(msgIDList: string[]): Promise<Message[]> {
    return this.#call('findMessages', () => {
      const ids = assertIDList('findMessages', 'msgIDList', msgIDList, 100, { allowEmpty: true });
      return ids.flatMap((msgID) => {
        const cached = this.#held(msgID);
        return cached ? [cached.message] : [];
      });
    });
  }

  findMessageByLocator(conversationID: string, locator: MessageLocator): Promise<Message | null> {
    return this.#call('findMessageByLocator', async () => {
      const method = 'findMessageByLocator';
      assertConversationID(method, conversationID);
      const options = assertOptions(method, locator, 'locator');
      let seq: number | null = null;
      let time = 0;
      let random = 0;
      let isSelf = false;
      if ('seq' in options) {
        seq = assertInteger(method, 'locator.seq', options.seq, 1, Number.MAX_SAFE_INTEGER);
      } else {
        time = assertInteger(method, 'locator.time', options.time, 0, Number.MAX_SAFE_INTEGER);
        random = assertInteger(method, 'locator.random', options.random, 0, Number.MAX_SAFE_INTEGER);
        isSelf = assertBoolean(method, 'locator.isSelf', options.isSelf);
      }
      const local = this.#store
        .list(conversationID)
        .find((message) =>
          seq !== null
            ? message.seq === seq
            : message.timestamp === time && message.random === random && message.isSelf === isSelf,
        );
      if (local) return local;
      if (!this.#link.online) return null;
      const found = await this.#request('findByLocator', { conversationID, seq, time, random, isSelf });
      return found ? (this.#holdFromHub(found) ?? null) : null;
    });
  }

  searchLocalMessages(params: MessageSearchParams): Promise<MessageSearchResult> {
    return this.#call('searchLocalMessages', () => {
      const method = 'searchLocalMessages';
      const options = assertOptions(method, params, 'params');
      if (params === undefined) throw invalidParameter(method, 'params', 'an object');
      const keywords = (
        options.keywordList === undefined
          ? []
          : assertIDList(method, 'params.keywordList', options.keywordList, 10, { allowEmpty: true })
      ).map((keyword) => keyword.toLocaleLowerCase());
      const matchType = options.keywordListMatchType ?? 'or';
      if (matchType !== 'or' && matchType !== 'and') {
        throw invalidParameter(method, 'params.keywordListMatchType', "'or' or 'and'", matchType);
      }
      const types =
        options.messageTypeList === undefined ? [] : (options.messageTypeList as MessageElemType[]);
      if (!Array.isArray(types) || types.some((type) => !ELEM_TYPES.includes(type))) {
        throw invalidParameter(
          method,
          'params.messageTypeList',
          `an array of ${ELEM_TYPES.join(', ')}`,
          types,
        );
      }
      const senders =
        options.senderUserIDList === undefined
          ? []
          : assertIDList(method, 'params.senderUserIDList', options.senderUserIDList, 100, {
              allowEmpty: true,
            });
      if (options.conversationID !== undefined) {
        assertConversationID(method, options.conversationID, 'params.conversationID');
      }
      const timePosition =
        options.timePosition === undefined
          ? 0
          : assertInteger(method, 'params.timePosition', options.timePosition, 0, Number.MAX_SAFE_INTEGER);
      const timePeriod =
        options.timePeriod === undefined
          ? 0
          : assertInteger(method, 'params.timePeriod', options.timePeriod, 0, Number.MAX_SAFE_INTEGER);
      const pageIndex =
        options.pageIndex === undefined
          ? 0
          : assertInteger(method, 'params.pageIndex', options.pageIndex, 0, Number.MAX_SAFE_INTEGER);
      const pageSize =
        options.pageSize === undefined
          ? 20
          : assertInteger(method, 'params.pageSize', options.pageSize, 1, 100);
      const timeEnd = timePeriod > 0 ? timePosition + timePeriod : Number.POSITIVE_INFINITY;
      const conversationIDs =
        options.conversationID === undefined
          ? [...this.#store.conversationIDs()]
          : [options.conversationID as string];
      const matches: Message[] = [];
      const counts = new Map<string, number>();
      for (const id of conversationIDs) {
        for (const message of this.#store.list(id)) {
          if (message.status === 'revoked' || message.isOnlineOnly) continue;
          if (message.timestamp < timePosition || message.timestamp > timeEnd) continue;
          if (senders.length > 0 && !senders.includes(message.sender)) continue;
          if (types.length > 0 && !message.elemList.some((elem) => types.includes(elem.type))) continue;
          if (keywords.length > 0) {
            const text = message.elemList.map(searchableText).join('\n').toLocaleLowerCase();
            const hit =
              matchType === 'and'
                ? keywords.every((keyword) => text.includes(keyword))
                : keywords.some((keyword) => text.includes(keyword));
            if (!hit) continue;
          }
          matches.push(message);
          counts.set(id, (counts.get(id) ?? 0) + 1);
        }
      }
      matches.sort((a, b) => compareMessages(b, a));
      const page = matches.slice(pageIndex * pageSize, (pageIndex + 1) * pageSize);
      const items = new Map<string, Message[]>();
      for (const message of page) {
        const list = items.get(message.conversationID) ?? [];
        list.push(message);
        items.set(message.conversationID, list);
      }
      return {
        totalCount: matches.length,
        items: [...items].map(([conversationID, messageList]) => ({
          conversationID,
          messageCount: counts.get(conversationID) ?? messageList.length,
          messageList,
        })),
      };
    });
  }

  #ensureLocal(batch: Batch, conversationID: string): void {
    if (!this.#entries.has(conversationID))
      this.#setEntry(batch, conversationID, this.#localEntry(conversationID));
  }

  importMessages(conversationID: string, messageList: Message[]): Promise<Message[]> {
    return this.#call('importMessages', async () => {
      const method = 'importMessages';
      const parsed = assertConversationID(method, conversationID);
      if (!Array.isArray(messageList) || messageList.length === 0) {
        throw invalidParameter(method, 'messageList', 'a non-empty array of messages', messageList);
      }
      if (messageList.length > 1000) {
        throw new ChatError(ChatErrorCode.TooManyIDs, `${method}: at most 1000 messages a call.`, {
          max: 1000,
        });
      }
      const seen = new Set<string>();
      const imported = messageList.map((value, index) => {
        const message = assertMessage(method, value, `messageList[${index}]`);
        if (
          typeof message.timestamp !== 'number' ||
          !Number.isFinite(message.timestamp) ||
          message.timestamp < 0
        ) {
          throw invalidParameter(
            method,
            `messageList[${index}].timestamp`,
            'a time in ms',
            message.timestamp,
          );
        }
        const sender = typeof message.sender === 'string' && message.sender ? message.sender : this.userID;
        let msgID = message.msgID;
        if (seen.has(msgID) || this.#store.get(msgID))
          msgID = createMessageID(sender, message.timestamp, this.#random);
        seen.add(msgID);
        return this.#asLocal(message, msgID, parsed, sender, 'imported', message.timestamp);
      });
      const batch = new Batch();
      this.#ensureLocal(batch, conversationID);
      this.#emit(batch);
      await this.#localChange([conversationID], () => {
        for (const message of imported) this.#store.put(message);
      });
      return imported;
    });
  }

  insertMessageToLocalStorage(conversationID: string, message: Message, sender?: string): Promise<Message> {
    return this.#call('insertMessageToLocalStorage', async () => {
      const method = 'insertMessageToLocalStorage';
      const parsed = assertConversationID(method, conversationID);
      const source = assertMessage(method, message);
      const from =
        sender === undefined ? this.userID : assertString(method, 'sender', sender, { nonEmpty: true });
      if (this.#store.get(source.msgID)) {
        throw new ChatError(
          ChatErrorCode.InvalidState,
          `${method}: message ${source.msgID} is already stored.`,
          {
            msgID: source.msgID,
          },
        );
      }
      const stored = this.#asLocal(source, source.msgID, parsed, from, 'local', this.getServerTime());
      const batch = new Batch();
      this.#ensureLocal(batch, conversationID);
      this.#emit(batch);
      await this.#localChange([conversationID], () => this.#store.put(stored));
      return stored;
    });
  }

  #asLocal(
    message: Message,
    msgID: string,
    parsed: { type: 'c2c' | 'group'; userID: string; groupID: string },
    sender: string,
    status: 'local' | 'imported',
    timestamp: number,
  ): Message {
    const conversationID =
      parsed.type === 'c2c' ? c2cConversationID(parsed.userID) : groupConversationID(parsed.groupID);
    return {
      ...message,
      msgID,
      conversationID,
      conversationType: parsed.type,
      userID: parsed.userID,
      groupID: parsed.groupID,
      sender,
      nick:
        sender === this.userID
          ? this.#profile.nick
          : typeof message.nick === 'string' && message.sender === sender
            ? message.nick
            : sender,
      faceUrl: typeof message.faceUrl === 'string' && message.sender === sender ? message.faceUrl : '',
      isSelf: sender === this.userID,
      timestamp,
      seq: 0,
      random: typeof message.random === 'number' ? message.random : 0,
      status,
      priority: message.priority ?? 'normal',
      isRead: true,
      isPeerRead: false,
      isExcludedFromUnreadCount: message.isExcludedFromUnreadCount ?? false,
      isExcludedFromLastMessage: message.isExcludedFromLastMessage ?? false,
      isOnlineOnly: false,
      targetUserIDList: [],
      atUserList: message.atUserList ?? [],
      cloudCustomData: message.cloudCustomData ?? '',
      localCustomData: message.localCustomData ?? '',
      revoker: '',
      revokeReason: '',
    };
  }

  downloadElem(elem: MessageElem, which: 'file' | 'snapshot' = 'file'): Promise<Blob> {
    return this.#call('downloadElem', async () => {
      const method = 'downloadElem';
      const valid = assertElem(method, elem);
      if (
        valid.type !== 'image' &&
        valid.type !== 'sound' &&
        valid.type !== 'video' &&
        valid.type !== 'file'
      ) {
        throw invalidParameter(method, 'elem', 'an image, sound, video or file element', valid.type);
      }
      if (which !== 'file' && which !== 'snapshot')
        throw invalidParameter(method, 'which', "'file' or 'snapshot'", which);
      if (which === 'snapshot' && valid.type !== 'video') {
        throw invalidParameter(method, 'which', "'file' for a non-video element", which);
      }
      const uuid = which === 'snapshot' && valid.type === 'video' ? valid.snapshotUuid : valid.uuid;
      const local = await this.#blobFor(uuid);
      if (local) return local;
      const result = await this.#request('download', { uuid });
      return new Blob([result.data], { type: result.type });
    });
  }

  // ── Receive options ──────────────────────────────────────────────────────────────────────────────

  setC2CReceiveMessageOpt(userIDList: string[], opt: ReceiveMessageOpt): Promise<void> {
    return this.#call('setC2CReceiveMessageOpt', async () => {
      const ids = [...new Set(assertIDList('setC2CReceiveMessageOpt', 'userIDList', userIDList, 30))];
      assertReceiveOpt('setC2CReceiveMessageOpt', opt);
      const result = await this.#request('setC2CReceiveMessageOpt', { userIDList: ids, opt });
      this.#applyAndEmit(result.conversations);
    });
  }

  getC2CReceiveMessageOpt(userIDList: string[]): Promise<{ userID: string; opt: ReceiveMessageOpt }[]> {
    return this.#call('getC2CReceiveMessageOpt', () => {
      const ids = assertIDList('getC2CReceiveMessageOpt', 'userIDList', userIDList, 30);
      return this.#request('getC2CReceiveMessageOpt', { userIDList: ids });
    });
  }

  setGroupReceiveMessageOpt(groupID: string, opt: ReceiveMessageOpt): Promise<void> {
    return this.#call('setGroupReceiveMessageOpt', async () => {
      assertString('setGroupReceiveMessageOpt', 'groupID', groupID, { nonEmpty: true });
      assertReceiveOpt('setGroupReceiveMessageOpt', opt);
      const result = await this.#request('setGroupReceiveMessageOpt', { groupID, opt });
      this.#applyAndEmit(result.conversations);
    });
  }

  // ── Users and groups ─────────────────────────────────────────────────────────────────────────────

  getUsersProfile(userIDList: string[]): Promise<UserProfile[]> {
    return this.#call('getUsersProfile', () => {
      const ids = assertIDList('getUsersProfile', 'userIDList', userIDList, 100);
      return this.#request('getUsersProfile', { userIDList: ids });
    });
  }

  getGroupsInfo(groupIDList: string[]): Promise<GroupProfile[]> {
    return this.#call('getGroupsInfo', () => {
      const ids = assertIDList('getGroupsInfo', 'groupIDList', groupIDList, 100);
      return this.#request('getGroupsInfo', { groupIDList: ids });
    });
  }

  getJoinedGroupList(): Promise<GroupProfile[]> {
    return this.#call('getJoinedGroupList', () => this.#request('getJoinedGroupList', {}));
  }

  getGroupMemberList(groupID: string): Promise<GroupMember[]> {
    return this.#call('getGroupMemberList', () => {
      assertString('getGroupMemberList', 'groupID', groupID, { nonEmpty: true });
      return this.#request('getGroupMemberList', { groupID });
    });
  }

  createGroup(options: {
    name: string;
    memberUserIDList: string[];
    groupID?: string;
    faceUrl?: string;
  }): Promise<GroupProfile> {
    return this.#call('createGroup', async () => {
      const method = 'createGroup';
      const opts = assertOptions(method, options);
      if (options === undefined) throw invalidParameter(method, 'options', 'an object');
      const name = assertString(method, 'options.name', opts.name, { nonEmpty: true });
      const members = assertIDList(method, 'options.memberUserIDList', opts.memberUserIDList, 500, {
        allowEmpty: true,
      });
      const groupID =
        opts.groupID === undefined
          ? ''
          : assertString(method, 'options.groupID', opts.groupID, { nonEmpty: true });
      const faceUrl = opts.faceUrl === undefined ? '' : assertString(method, 'options.faceUrl', opts.faceUrl);
      const result = await this.#request('createGroup', {
        name,
        memberUserIDList: members,
        groupID,
        faceUrl,
      });
      if (result.conversation) this.#applyAndEmit([result.conversation]);
      return result.group;
    });
  }

  // ── Session ──────────────────────────────────────────────────────────────────────────────────────

  async logout(): Promise<void> {
    if (this.#loggedOut) return;
    for (const record of this.#pendingSends.values()) record.cancelled = true;
    this.#loggedOut = true;
    if (this.#retryTimer) clearTimeout(this.#retryTimer);
    this.#retryTimer = null;
    this.#connectionState = 'disconnected';
    this.#conversationListeners.clear();
    this.#messageListeners.clear();
    this.#sdkListeners.clear();
    this.#link.close();
    this.#onLogout?.();
    await this.#store.idle();
    this.#store.close();
  }
}

/** A message as it travels to the hub (local fields stay on this device). */
function toWire(message: Message): Message {
  return { ...message, localCustomData: '' };
}

function makeHandle(message: Message, promise: Promise<Message>): SendMessageHandle {
  return Object.assign(promise, { message, promise }) as SendMessageHandle;
}

function rejectedHandle(message: unknown, error: unknown): SendMessageHandle {
  const chatError =
    error instanceof ChatError
      ? error
      : new ChatError(ChatErrorCode.InvalidParameter, `sendMessage: ${String(error)}`, {}, { cause: error });
  const promise = Promise.reject(chatError);
  // The handle may be dropped unawaited; the rejection is still reported through `promise`.
  promise.catch(() => undefined);
  return makeHandle((message ?? {}) as Message, promise);
}
