import { unreadFilterKey } from '../../model/conversation-filter';
import {
  type AdvancedMsgListener,
  APPENDABLE_ELEM_TYPES,
  type BatchSendResult,
  type C2CReadReceipt,
  type ConnectionState,
  type Conversation,
  type ConversationFilter,
  type ConversationGroup,
  type ConversationListener,
  type ConversationListResult,
  ConversationMarkType,
  type GroupMember,
  type GroupProfile,
  type HistoryMessageQuery,
  type HistoryMessageResult,
  type Message,
  type MessageElem,
  type MessageElemType,
  type MessageLocator,
  type MessageSearchParams,
  type MessageSearchResult,
  type OperationResult,
  type ReceiveMessageOpt,
  type SendMessageHandle,
  type SendMessageOptions,
  type UnreadFilter,
  type UserProfile,
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
import { fileNameOf, imageSizeOf } from '../engine-message';
import {
  assertBlob,
  assertBoolean,
  assertConversationID,
  assertElem,
  assertFiniteNumber,
  assertIDList,
  assertInteger,
  assertMarkType,
  assertMessage,
  assertOptionalString,
  assertOptions,
  assertReceiveOpt,
  assertString,
  invalidParameter,
  isRecord,
  MESSAGE_ELEM_TYPES,
  notLoggedIn,
} from '../engine-validation';
import {
  TencentChatEvent as Event,
  type TencentBatchResultData,
  type TencentChatLike,
  type TencentConversation,
  type TencentEvent,
  type TencentMessage,
  type TencentProfile,
  TencentChatTypes as Types,
} from './tencent-chat-like';
import { TencentConversationList } from './tencent-conversation-list';
import { isSdkMessage } from './tencent-drafts';
import {
  callTencent,
  chatErrorCodeOf,
  invalidState,
  notSupported,
  translateTencentError,
} from './tencent-errors';
import { findByLocator, loadHistory } from './tencent-history';
import {
  needsMergerDownload,
  type TencentMapContext,
  toConversation,
  toConversationID,
  toGroupMember,
  toGroupProfile,
  toMessage,
  toMessageRemindType,
  toMessageStatus,
  toSdkConversationID,
  toSdkElemType,
  toUserProfile,
} from './tencent-mappers';
import { rejectedSend, TencentSender } from './tencent-sender';
import { assertFilter, assertUnreadFilter } from './tencent-validation';

/** Options of {@link createTencentEngine}. */
export interface TencentEngineOptions {
  /** The signed-in user's ID, as passed to `chat.login`. */
  userID: string;
  /**
   * How long after sending its sender may revoke a message, in ms; set it to the console's setting. Older
   * own messages reject with `REVOKE_WINDOW_PASSED` without a round trip.
   * @default 120000
   */
  revokeWindowMs?: number;
  /**
   * Largest text and custom payload of a message, in UTF-8 bytes.
   * @default 12288
   */
  maxTextBytes?: number;
  /**
   * Keep a hidden conversation hidden when a message arrives; by default the engine clears its hide mark.
   * @default false
   */
  keepHiddenOnNewMessage?: boolean;
  /**
   * How many `getConversationList` paging sessions are kept; an older `nextSeq` rejects.
   * @default 16
   */
  maxPageSessions?: number;
  /**
   * Group type of `createGroup`, a `TencentCloudChat.TYPES.GRP_*` value.
   * @default 'Private' (a work group)
   */
  groupType?: string;
  /**
   * What `downloadElem` fetches media URLs with.
   * @default globalThis.fetch
   */
  fetch?: (url: string) => Promise<Response>;
}

type Callback<L, K extends keyof L> = Extract<L[K], (...args: never[]) => unknown>;

/** Calls `key` on every listener that has it; a throwing listener does not stop the others. */
function emit<L extends object, K extends keyof L>(
  listeners: ReadonlySet<L>,
  key: K,
  ...args: Parameters<Callback<L, K>>
): void {
  for (const listener of [...listeners]) {
    const callback = listener[key];
    if (typeof callback !== 'function') continue;
    try {
      (callback as (...values: unknown[]) => unknown).apply(listener, args);
    } catch (error) {
      console.error(`Tencent engine: a ${String(key)} listener threw.`, error);
    }
  }
}

const MAX_SEARCH_CACHES = 20;

/**
 * The {@link ChatEngine} over a Tencent Cloud Chat web SDK instance. See {@link createTencentEngine}.
 */
class TencentEngine implements ChatEngine {
  readonly userID: string;
  readonly #chat: TencentChatLike;
  readonly #revokeWindowMs: number;
  readonly #keepHidden: boolean;
  readonly #groupType: string;
  readonly #fetch: ((url: string) => Promise<Response>) | undefined;
  readonly #ctx: TencentMapContext;
  readonly #list: TencentConversationList;
  readonly #pager: ConversationPager;
  #listLoaded = false;
  #listVersion = 0;
  #listLoading: Promise<void> | null = null;
  readonly #conversationListeners = new Set<ConversationListener>();
  readonly #messageListeners = new Set<AdvancedMsgListener>();
  readonly #sdkListeners = new Set<SDKListener>();
  readonly #unreadSubscriptions = new Map<string, { filter: UnreadFilter; total: number }>();
  #total: number | null = null;
  #groupNames: string[] | null = null;
  #connectionState: ConnectionState;
  #loggedOut = false;
  readonly #sender: TencentSender;
  readonly #searchCursors = new Map<string, (string | null)[]>();
  readonly #handlers: [string, (event: TencentEvent) => void][] = [];

  constructor(chat: TencentChatLike, options: TencentEngineOptions) {
    this.userID = options.userID;
    this.#chat = chat;
    this.#revokeWindowMs = options.revokeWindowMs ?? 120_000;
    this.#keepHidden = options.keepHiddenOnNewMessage ?? false;
    this.#groupType = options.groupType ?? Types.GRP_WORK;
    this.#fetch = options.fetch;
    this.#sender = new TencentSender(chat, {
      userID: options.userID,
      maxTextBytes: options.maxTextBytes ?? 12 * 1024,
      now: () => this.getServerTime(),
      onSendProgress: (msgID, percent) => emit(this.#messageListeners, 'onSendProgress', msgID, percent),
    });
    this.#ctx = this.#sender.ctx;
    this.#list = new TencentConversationList(this.#ctx, () => this.getServerTime());
    this.#pager = new ConversationPager(options.maxPageSessions ?? 16);
    this.#connectionState = chat.isReady() ? 'connected' : 'connecting';
    this.#listen();
  }

  // ── SDK events ────────────────────────────────────────────────────────────────────────────────────

  #listen(): void {
    const on = (name: string, handler: (data: unknown) => void) => {
      const wrapped = (event: TencentEvent) => {
        if (!this.#loggedOut) handler(event?.data);
      };
      this.#chat.on(name, wrapped);
      this.#handlers.push([name, wrapped]);
    };
    on(Event.CONVERSATION_LIST_UPDATED, (data) => {
      if (Array.isArray(data)) this.#applyList(data as TencentConversation[], false, true);
    });
    on(Event.CONVERSATION_IN_GROUP_UPDATED, (data) => {
      const list = isRecord(data) ? data.conversationList : undefined;
      if (Array.isArray(list) && this.#listLoaded) this.#applyList(list as TencentConversation[], true, true);
    });
    on(Event.TOTAL_UNREAD_MESSAGE_COUNT_UPDATED, () => this.#emitUnread());
    on(Event.CONVERSATION_GROUP_LIST_UPDATED, (data) => {
      if (Array.isArray(data))
        this.#applyGroupNames(data.filter((name): name is string => typeof name === 'string'));
    });
    on(Event.MESSAGE_RECEIVED, (data) => {
      for (const message of this.#eventMessages(data))
        emit(this.#messageListeners, 'onRecvNewMessage', message);
      void this.#downloadMergers(Array.isArray(data) ? (data as TencentMessage[]) : []).then((filled) => {
        if (this.#loggedOut) return;
        for (const message of this.#eventMessages(filled)) {
          emit(this.#messageListeners, 'onRecvMessageModified', message);
        }
      });
    });
    on(Event.MESSAGE_MODIFIED, (data) => {
      for (const message of this.#eventMessages(data))
        emit(this.#messageListeners, 'onRecvMessageModified', message);
    });
    on(Event.MESSAGE_REVOKED, (data) => {
      for (const message of this.#eventMessages(data)) {
        const revoked: Message = { ...message, status: 'revoked' };
        emit(
          this.#messageListeners,
          'onRecvMessageRevoked',
          revoked.msgID,
          revoked,
          revoked.revoker,
          revoked.revokeReason,
        );
      }
    });
    on(Event.MESSAGE_READ_BY_PEER, (data) => this.#onReadByPeer(this.#eventMessages(data)));
    on(Event.NET_STATE_CHANGE, (data) => {
      const state = isRecord(data) ? data.state : undefined;
      if (state === 'connected' || state === 'connecting' || state === 'disconnected')
        this.#setConnectionState(state);
    });
    on(Event.SDK_READY, () => {
      // Finished once the list the SDK synced is in, so listeners never see "finished" with a stale list.
      void this.#loadList('getConversationList', true).then(
        () => emit(this.#conversationListeners, 'onSyncServerFinish'),
        () => emit(this.#conversationListeners, 'onSyncServerFailed'),
      );
    });
    on(Event.SDK_NOT_READY, () => emit(this.#conversationListeners, 'onSyncServerFailed'));
    on(Event.PROFILE_UPDATED, (data) => {
      if (!Array.isArray(data)) return;
      for (const profile of data as TencentProfile[]) {
        if (profile?.userID === this.userID)
          emit(this.#sdkListeners, 'onSelfInfoUpdated', toUserProfile(profile));
      }
    });
    on(Event.KICKED_OUT, () => {
      this.#setConnectionState('disconnected');
      this.#shutdown();
    });
  }

  /** Messages of an event as Tidings messages (copies), leaving out the system conversation and deleted ones. */
  #eventMessages(data: unknown): Message[] {
    if (!Array.isArray(data)) return [];
    return (data as TencentMessage[])
      .filter(
        (message) => isSdkMessage(message) && !message.isDeleted && toConversationID(message.conversationID),
      )
      .map((message) => toMessage(message, this.#ctx));
  }

  /**
   * Downloads the messages of merged messages the SDK left in the cloud (large merges), best effort: one
   * that fails keeps its title and abstracts with an empty list. Returns the messages it filled.
   */
  async #downloadMergers(messages: readonly TencentMessage[]): Promise<TencentMessage[]> {
    const download = this.#chat.downloadMergerMessage?.bind(this.#chat);
    const filled: TencentMessage[] = [];
    if (!download) return filled;
    for (const message of messages) {
      if (!isSdkMessage(message) || !needsMergerDownload(message)) continue;
      try {
        await download(message);
        filled.push(message);
      } catch {
        // The SDK answers MSG_MERGER_DOWNLOAD_FAIL; the merged message still shows its title and abstracts.
      }
    }
    return filled;
  }

  #onReadByPeer(messages: Message[]): void {
    const receipts = new Map<string, C2CReadReceipt>();
    for (const message of messages) {
      if (message.conversationType !== 'c2c') continue;
      const receipt = receipts.get(message.conversationID);
      if (!receipt || receipt.timestamp < message.timestamp) {
        receipts.set(message.conversationID, {
          userID: message.userID,
          conversationID: message.conversationID,
          timestamp: message.timestamp,
        });
      }
    }
    if (receipts.size > 0) emit(this.#messageListeners, 'onRecvC2CReadReceipt', [...receipts.values()]);
    for (const message of messages) emit(this.#messageListeners, 'onRecvMessageModified', message);
  }

  #setConnectionState(state: ConnectionState): void {
    if (state === this.#connectionState) return;
    this.#connectionState = state;
    emit(this.#sdkListeners, 'onConnectionStateChanged', state);
  }

  /** Takes a list from the SDK; with `notify`, tells listeners what changed. */
  #applyList(list: readonly TencentConversation[], partial: boolean, notify: boolean): void {
    const diff = this.#list.apply(list, partial);
    this.#listVersion++;
    if (!partial) this.#listLoaded = true;
    if (notify) {
      if (diff.added.length > 0) emit(this.#conversationListeners, 'onNewConversation', diff.added);
      if (diff.changed.length > 0) emit(this.#conversationListeners, 'onConversationChanged', diff.changed);
      if (diff.deleted.length > 0) emit(this.#conversationListeners, 'onConversationDeleted', diff.deleted);
      this.#emitUnread();
    } else {
      this.#total ??= this.#list.unreadTotal();
    }
    if (diff.activatedHidden.length > 0 && !this.#keepHidden) {
      // A new message shows a hidden conversation again; the SDK's list update then clears the mark here too.
      this.#chat
        .markConversation({
          conversationIDList: diff.activatedHidden,
          markType: ConversationMarkType.hide,
          enableMark: false,
        })
        ?.catch?.((error: unknown) =>
          console.error('Tencent engine: could not show a hidden conversation.', error),
        );
    }
  }

  /** Fires the total and each subscribed filter's total when it changed. */
  #emitUnread(): void {
    if (!this.#listLoaded) return;
    const total = this.#list.unreadTotal();
    if (total !== this.#total) {
      this.#total = total;
      emit(this.#conversationListeners, 'onTotalUnreadMessageCountChanged', total);
    }
    for (const subscription of this.#unreadSubscriptions.values()) {
      const filterTotal = this.#list.unreadTotal(subscription.filter);
      if (filterTotal === subscription.total) continue;
      subscription.total = filterTotal;
      emit(
        this.#conversationListeners,
        'onUnreadMessageCountChangedByFilter',
        { ...subscription.filter },
        filterTotal,
      );
    }
  }

  #applyGroupNames(names: string[]): void {
    const before = this.#groupNames;
    this.#groupNames = [...names];
    if (!before) return;
    const added = names.filter((name) => !before.includes(name));
    const removed = before.filter((name) => !names.includes(name));
    if (added.length === 1 && removed.length === 1) {
      emit(
        this.#conversationListeners,
        'onConversationGroupNameChanged',
        removed[0] as string,
        added[0] as string,
      );
      return;
    }
    for (const name of removed) emit(this.#conversationListeners, 'onConversationGroupDeleted', name);
    for (const name of added)
      emit(this.#conversationListeners, 'onConversationGroupCreated', name, this.#inGroup(name));
  }

  #inGroup(name: string): Conversation[] {
    return [...this.#list.order()]
      .map((id) => this.#list.get(id) as Conversation)
      .filter((conversation) => conversation.conversationGroupList.includes(name));
  }

  /** Fetches the SDK's whole list; with `notify` (after a sync) listeners hear what changed. */
  async #loadList(method: string, notify: boolean): Promise<void> {
    const version = this.#listVersion;
    const data = await callTencent(method, () => this.#chat.getConversationList());
    // A list update that came while fetching is at least as new as what the fetch returned.
    if (this.#listVersion !== version || this.#loggedOut) return;
    this.#applyList(Array.isArray(data.conversationList) ? data.conversationList : [], false, notify);
  }

  async #ensureList(method: string): Promise<void> {
    if (this.#listLoaded) return;
    this.#listLoading ??= this.#loadList(method, false).finally(() => {
      this.#listLoading = null;
    });
    await this.#listLoading;
  }

  #guard(method: string): void {
    if (this.#loggedOut) throw notLoggedIn(method);
  }

  #shutdown(): void {
    if (this.#loggedOut) return;
    this.#loggedOut = true;
    for (const [name, handler] of this.#handlers) this.#chat.off(name, handler);
    this.#handlers.length = 0;
    this.#conversationListeners.clear();
    this.#messageListeners.clear();
    this.#sdkListeners.clear();
    this.#sender.clear();
  }

  #now(): number {
    return this.getServerTime();
  }

  // ── Conversations ─────────────────────────────────────────────────────────────────────────────────

  async getConversationList(nextSeq: number, count: number): Promise<ConversationListResult> {
    return this.#page('getConversationList', {}, nextSeq, count);
  }

  async getConversationListByFilter(query: ConversationListFilterQuery): Promise<ConversationListResult> {
    const method = 'getConversationListByFilter';
    const raw = assertOptions(method, query, 'query');
    const filter = assertFilter(method, raw, 'query');
    return this.#page(method, filter, raw.nextSeq, raw.count);
  }

  async #page(
    method: string,
    filter: ConversationFilter,
    nextSeq: unknown,
    count: unknown,
  ): Promise<ConversationListResult> {
    this.#guard(method);
    const seq = assertInteger(method, 'nextSeq', nextSeq, 0, Number.MAX_SAFE_INTEGER);
    const size = assertInteger(method, 'count', count, 1, 100);
    await this.#ensureList(method);
    const list = this.#list;
    return this.#pager.page({ order: () => list.order(), get: (id) => list.get(id) }, filter, seq, size);
  }

  async getConversation(conversationID: string): Promise<Conversation> {
    const method = 'getConversation';
    this.#guard(method);
    assertConversationID(method, conversationID);
    await this.#ensureList(method);
    const listed = this.#list.get(conversationID);
    if (listed) return listed;
    const data = await callTencent(method, () =>
      this.#chat.getConversationProfile(toSdkConversationID(conversationID)),
    );
    const conversation = data?.conversation
      ? toConversation(data.conversation, { orderKey: 0, draftTimestamp: null }, this.#ctx)
      : null;
    if (!conversation) {
      throw new ChatError(
        ChatErrorCode.ConversationNotFound,
        `${method}: no conversation "${conversationID}".`,
        {
          method,
          conversationID,
        },
      );
    }
    return conversation;
  }

  async getConversationListByIDs(conversationIDList: string[]): Promise<Conversation[]> {
    const method = 'getConversationListByIDs';
    this.#guard(method);
    const ids = assertIDList(method, 'conversationIDList', conversationIDList, 100, { allowEmpty: true });
    for (const id of ids) assertConversationID(method, id, 'conversationIDList');
    await this.#ensureList(method);
    return ids.map((id) => this.#list.get(id)).filter((item): item is Conversation => item !== undefined);
  }

  async deleteConversation(conversationID: string, options?: { clearMessages?: boolean }): Promise<void> {
    const method = 'deleteConversation';
    this.#guard(method);
    assertConversationID(method, conversationID);
    const opts = assertOptions(method, options);
    const clearMessages =
      opts.clearMessages === undefined
        ? true
        : assertBoolean(method, 'options.clearMessages', opts.clearMessages);
    await callTencent(method, () =>
      this.#chat.deleteConversation({
        conversationIDList: [toSdkConversationID(conversationID)],
        clearHistoryMessage: clearMessages,
      }),
    );
  }

  async pinConversation(conversationID: string, isPinned: boolean): Promise<void> {
    const method = 'pinConversation';
    this.#guard(method);
    assertConversationID(method, conversationID);
    const pinned = assertBoolean(method, 'isPinned', isPinned);
    await callTencent(method, () =>
      this.#chat.pinConversation({ conversationID: toSdkConversationID(conversationID), isPinned: pinned }),
    );
  }

  async setConversationDraft(conversationID: string, draftText: string | null): Promise<void> {
    const method = 'setConversationDraft';
    this.#guard(method);
    assertConversationID(method, conversationID);
    const text = draftText === null ? '' : assertString(method, 'draftText', draftText);
    await callTencent(method, () =>
      this.#chat.setConversationDraft({
        conversationID: toSdkConversationID(conversationID),
        draftText: text,
      }),
    );
  }

  async markConversation(
    conversationIDList: string[],
    markType: ConversationMarkType,
    enable: boolean,
  ): Promise<OperationResult[]> {
    const method = 'markConversation';
    this.#guard(method);
    const ids = this.#conversationIDs(method, conversationIDList);
    const bit = assertMarkType(method, markType);
    const enableMark = assertBoolean(method, 'enable', enable);
    const sdkIDs = ids.map(toSdkConversationID);
    const data = await callTencent(method, () =>
      this.#chat.markConversation({ conversationIDList: sdkIDs, markType: bit, enableMark }),
    );
    return batchResults(ids, sdkIDs, data);
  }

  async setConversationCustomData(
    conversationIDList: string[],
    customData: string,
  ): Promise<OperationResult[]> {
    const method = 'setConversationCustomData';
    this.#guard(method);
    const ids = this.#conversationIDs(method, conversationIDList);
    const data = assertString(method, 'customData', customData);
    const sdkIDs = ids.map(toSdkConversationID);
    const result = await callTencent(method, () =>
      this.#chat.setConversationCustomData({ conversationIDList: sdkIDs, customData: data }),
    );
    return batchResults(ids, sdkIDs, result);
  }

  #conversationIDs(method: string, value: unknown): string[] {
    const ids = assertIDList(method, 'conversationIDList', value, 100);
    for (const id of ids) assertConversationID(method, id, 'conversationIDList');
    return ids;
  }

  // ── Conversation groups ───────────────────────────────────────────────────────────────────────────

  async #groupNamesNow(method: string): Promise<string[]> {
    const names = await callTencent(method, () => this.#chat.getConversationGroupList());
    this.#groupNames = Array.isArray(names)
      ? names.filter((name): name is string => typeof name === 'string')
      : [];
    return this.#groupNames;
  }

  async #requireGroup(method: string, groupName: unknown, name = 'groupName'): Promise<string> {
    const group = assertString(method, name, groupName, { nonEmpty: true });
    if (!(await this.#groupNamesNow(method)).includes(group)) {
      throw invalidParameter(method, name, 'the name of an existing conversation group', group);
    }
    return group;
  }

  #groupExists(method: string, groupName: string): ChatError {
    return new ChatError(
      ChatErrorCode.AlreadyExists,
      `${method}: a conversation group named "${groupName}" exists.`,
      {
        method,
        groupName,
      },
    );
  }

  async createConversationGroup(groupName: string, conversationIDList: string[]): Promise<OperationResult[]> {
    const method = 'createConversationGroup';
    this.#guard(method);
    const name = assertString(method, 'groupName', groupName, { nonEmpty: true });
    const ids = this.#conversationIDs(method, conversationIDList);
    if ((await this.#groupNamesNow(method)).includes(name)) throw this.#groupExists(method, name);
    const sdkIDs = ids.map(toSdkConversationID);
    const data = await callTencent(method, () =>
      this.#chat.createConversationGroup({ groupName: name, conversationIDList: sdkIDs }),
    );
    return batchResults(ids, sdkIDs, data);
  }

  async getConversationGroupList(): Promise<ConversationGroup[]> {
    const method = 'getConversationGroupList';
    this.#guard(method);
    const names = await this.#groupNamesNow(method);
    await this.#ensureList(method);
    return names.map((name) => ({
      name,
      conversationIDList: this.#inGroup(name).map((conversation) => conversation.conversationID),
    }));
  }

  async renameConversationGroup(oldName: string, newName: string): Promise<void> {
    const method = 'renameConversationGroup';
    this.#guard(method);
    const from = await this.#requireGroup(method, oldName, 'oldName');
    const to = assertString(method, 'newName', newName, { nonEmpty: true });
    if (from === to) return;
    if ((this.#groupNames ?? []).includes(to)) throw this.#groupExists(method, to);
    await callTencent(method, () => this.#chat.renameConversationGroup({ oldName: from, newName: to }));
  }

  async deleteConversationGroup(groupName: string): Promise<void> {
    const method = 'deleteConversationGroup';
    this.#guard(method);
    const name = await this.#requireGroup(method, groupName);
    await callTencent(method, () => this.#chat.deleteConversationGroup(name));
  }

  async addConversationsToGroup(groupName: string, conversationIDList: string[]): Promise<OperationResult[]> {
    return this.#changeGroup('addConversationsToGroup', groupName, conversationIDList, true);
  }

  async deleteConversationsFromGroup(
    groupName: string,
    conversationIDList: string[],
  ): Promise<OperationResult[]> {
    return this.#changeGroup('deleteConversationsFromGroup', groupName, conversationIDList, false);
  }

  async #changeGroup(method: string, groupName: unknown, conversationIDList: unknown, add: boolean) {
    this.#guard(method);
    assertString(method, 'groupName', groupName, { nonEmpty: true });
    const ids = this.#conversationIDs(method, conversationIDList);
    const name = await this.#requireGroup(method, groupName);
    const sdkIDs = ids.map(toSdkConversationID);
    const options = { groupName: name, conversationIDList: sdkIDs };
    const data = await callTencent(method, () =>
      add ? this.#chat.addConversationsToGroup(options) : this.#chat.deleteConversationsFromGroup(options),
    );
    return batchResults(ids, sdkIDs, data);
  }

  // ── Listeners ─────────────────────────────────────────────────────────────────────────────────────

  addConversationListener(listener: ConversationListener): () => void {
    if (this.#loggedOut) return () => undefined;
    this.#conversationListeners.add(listener);
    if (!this.#chat.isReady()) {
      // The SDK syncs after login; a listener added meanwhile hears that it started.
      queueMicrotask(() => {
        if (this.#conversationListeners.has(listener) && !this.#chat.isReady())
          listener.onSyncServerStart?.();
      });
    }
    return () => this.removeConversationListener(listener);
  }

  removeConversationListener(listener: ConversationListener): void {
    this.#conversationListeners.delete(listener);
  }

  addAdvancedMsgListener(listener: AdvancedMsgListener): () => void {
    if (this.#loggedOut) return () => undefined;
    this.#messageListeners.add(listener);
    return () => this.removeAdvancedMsgListener(listener);
  }

  removeAdvancedMsgListener(listener: AdvancedMsgListener): void {
    this.#messageListeners.delete(listener);
  }

  // ── Unread ────────────────────────────────────────────────────────────────────────────────────────

  async getTotalUnreadMessageCount(): Promise<number> {
    const method = 'getTotalUnreadMessageCount';
    this.#guard(method);
    await this.#ensureList(method);
    return this.#list.unreadTotal();
  }

  async getUnreadMessageCountByFilter(filter: UnreadFilter): Promise<number> {
    const method = 'getUnreadMessageCountByFilter';
    this.#guard(method);
    const checked = assertUnreadFilter(method, filter);
    await this.#ensureList(method);
    return this.#list.unreadTotal(checked);
  }

  async subscribeUnreadMessageCountByFilter(filter: UnreadFilter): Promise<void> {
    const method = 'subscribeUnreadMessageCountByFilter';
    this.#guard(method);
    const checked = assertUnreadFilter(method, filter);
    await this.#ensureList(method);
    const key = unreadFilterKey(checked);
    if (!this.#unreadSubscriptions.has(key)) {
      this.#unreadSubscriptions.set(key, { filter: checked, total: this.#list.unreadTotal(checked) });
    }
  }

  async unsubscribeUnreadMessageCountByFilter(filter: UnreadFilter): Promise<void> {
    const method = 'unsubscribeUnreadMessageCountByFilter';
    this.#guard(method);
    this.#unreadSubscriptions.delete(unreadFilterKey(assertUnreadFilter(method, filter)));
  }

  async cleanConversationUnreadMessageCount(
    conversationID: string,
    cleanTimestamp = 0,
    cleanSequence = 0,
  ): Promise<void> {
    const method = 'cleanConversationUnreadMessageCount';
    this.#guard(method);
    const timestamp = assertInteger(method, 'cleanTimestamp', cleanTimestamp, 0, Number.MAX_SAFE_INTEGER);
    const sequence = assertInteger(method, 'cleanSequence', cleanSequence, 0, Number.MAX_SAFE_INTEGER);
    const scopes: Record<string, string> = {
      '': Types.READ_ALL_MSG,
      c2c: Types.READ_ALL_C2C_MSG,
      group: Types.READ_ALL_GROUP_MSG,
    };
    const scope = typeof conversationID === 'string' ? scopes[conversationID] : undefined;
    if (scope !== undefined) {
      await callTencent(method, () => this.#chat.setAllMessageRead({ scope }));
      return;
    }
    const parsed = assertConversationID(method, conversationID);
    await this.#ensureList(method);
    const last = this.#list.get(conversationID)?.lastMessage;
    const partial =
      parsed.type === 'c2c'
        ? timestamp > 0 && last !== null && last !== undefined && timestamp < last.timestamp
        : sequence > 0 && last !== null && last !== undefined && sequence < last.seq;
    if (partial) {
      throw notSupported(
        method,
        'setMessageRead marks a whole conversation read; clean up to the last message (or pass 0)',
      );
    }
    await callTencent(method, () =>
      this.#chat.setMessageRead({ conversationID: toSdkConversationID(conversationID) }),
    );
  }

  async markAllMessageAsRead(): Promise<void> {
    const method = 'markAllMessageAsRead';
    this.#guard(method);
    await callTencent(method, () => this.#chat.setAllMessageRead({ scope: Types.READ_ALL_MSG }));
  }

  async markC2CMessageAsRead(userID: string): Promise<void> {
    const method = 'markC2CMessageAsRead';
    this.#guard(method);
    const id = assertString(method, 'userID', userID, { nonEmpty: true });
    await callTencent(method, () => this.#chat.setMessageRead({ conversationID: `${Types.CONV_C2C}${id}` }));
  }

  async markGroupMessageAsRead(groupID: string): Promise<void> {
    const method = 'markGroupMessageAsRead';
    this.#guard(method);
    const id = assertString(method, 'groupID', groupID, { nonEmpty: true });
    await callTencent(method, () =>
      this.#chat.setMessageRead({ conversationID: `${Types.CONV_GROUP}${id}` }),
    );
  }

  // ── Creating messages ─────────────────────────────────────────────────────────────────────────────

  async createTextMessage(text: string): Promise<Message> {
    const method = 'createTextMessage';
    this.#guard(method);
    return this.#sender.draft([
      { type: 'text', text: assertString(method, 'text', text, { nonEmpty: true }) },
    ]);
  }

  async createTextAtMessage(text: string, atUserList: string[]): Promise<Message> {
    const method = 'createTextAtMessage';
    this.#guard(method);
    const body = assertString(method, 'text', text, { nonEmpty: true });
    const ids = assertIDList(method, 'atUserList', atUserList, Number.MAX_SAFE_INTEGER);
    return { ...this.#sender.draft([{ type: 'text', text: body }]), atUserList: [...new Set(ids)] };
  }

  async createCustomMessage(data: string, description?: string, extension?: string): Promise<Message> {
    const method = 'createCustomMessage';
    this.#guard(method);
    return this.#sender.draft([
      {
        type: 'custom',
        data: assertString(method, 'data', data),
        description: assertOptionalString(method, 'description', description, ''),
        extension: assertOptionalString(method, 'extension', extension, ''),
      },
    ]);
  }

  async createImageMessage(file: Blob, options?: ImageMessageOptions): Promise<Message> {
    const method = 'createImageMessage';
    this.#guard(method);
    const blob = assertBlob(method, 'file', file);
    const opts = assertOptions(method, options);
    const width =
      opts.width === undefined
        ? undefined
        : assertInteger(method, 'options.width', opts.width, 0, Number.MAX_SAFE_INTEGER);
    const height =
      opts.height === undefined
        ? undefined
        : assertInteger(method, 'options.height', opts.height, 0, Number.MAX_SAFE_INTEGER);
    const size = width !== undefined && height !== undefined ? { width, height } : await imageSizeOf(blob);
    const fileName = fileNameOf(blob, 'image');
    return this.#sender.draft(
      [
        {
          type: 'image',
          uuid: '',
          url: '',
          fileSize: blob.size,
          mimeType: blob.type,
          fileName,
          width: width ?? size.width,
          height: height ?? size.height,
          thumbUrl: '',
        },
      ],
      { file: blob, fileName },
    );
  }

  /** Rejects with `NOT_SUPPORTED` (after checking its arguments): the web SDK cannot send a browser recording. */
  async createSoundMessage(file: Blob, durationSec: number): Promise<Message> {
    const method = 'createSoundMessage';
    this.#guard(method);
    assertBlob(method, 'file', file);
    assertFiniteNumber(method, 'durationSec', durationSec, 0, Number.MAX_SAFE_INTEGER);
    throw notSupported(
      method,
      'createAudioMessage takes only mini-program and React Native recordings, not a browser Blob',
    );
  }

  /**
   * A video message. The web SDK uploads the video only and makes no poster from `snapshot`; the snapshot's
   * size is kept on the created message (for the optimistic bubble), not sent.
   */
  async createVideoMessage(file: Blob, type: string, durationSec: number, snapshot: Blob): Promise<Message> {
    const method = 'createVideoMessage';
    this.#guard(method);
    const blob = assertBlob(method, 'file', file);
    const videoType = assertString(method, 'type', type);
    const duration = assertFiniteNumber(method, 'durationSec', durationSec, 0, Number.MAX_SAFE_INTEGER);
    const poster = assertBlob(method, 'snapshot', snapshot);
    const size = await imageSizeOf(poster);
    return this.#sender.draft(
      [
        {
          type: 'video',
          uuid: '',
          url: '',
          fileSize: blob.size,
          mimeType: blob.type,
          videoType,
          duration,
          snapshotUuid: '',
          snapshotUrl: '',
          snapshotWidth: size.width,
          snapshotHeight: size.height,
        },
      ],
      { file: blob, fileName: fileNameOf(blob, `video.${videoType || 'mp4'}`), durationSec: duration },
    );
  }

  async createFileMessage(file: Blob, fileName?: string): Promise<Message> {
    const method = 'createFileMessage';
    this.#guard(method);
    const blob = assertBlob(method, 'file', file);
    const name = assertOptionalString(method, 'fileName', fileName, '') || fileNameOf(blob, 'file');
    return this.#sender.draft(
      [{ type: 'file', uuid: '', url: '', fileSize: blob.size, mimeType: blob.type, fileName: name }],
      { file: blob, fileName: name },
    );
  }

  async createLocationMessage(description: string, longitude: number, latitude: number): Promise<Message> {
    const method = 'createLocationMessage';
    this.#guard(method);
    return this.#sender.draft([
      {
        type: 'location',
        description: assertString(method, 'description', description),
        longitude: assertFiniteNumber(method, 'longitude', longitude, -180, 180),
        latitude: assertFiniteNumber(method, 'latitude', latitude, -90, 90),
      },
    ]);
  }

  async createFaceMessage(index: number, data: string): Promise<Message> {
    const method = 'createFaceMessage';
    this.#guard(method);
    return this.#sender.draft([
      {
        type: 'face',
        index: assertInteger(method, 'index', index, 0, Number.MAX_SAFE_INTEGER),
        data: assertString(method, 'data', data),
      },
    ]);
  }

  async createMergerMessage(
    messageList: Message[],
    title: string,
    abstractList: string[],
    compatibleText: string,
  ): Promise<Message> {
    const method = 'createMergerMessage';
    this.#guard(method);
    if (!Array.isArray(messageList) || messageList.length === 0) {
      throw invalidParameter(method, 'messageList', 'a non-empty array of messages', messageList);
    }
    const messages = messageList.map((message, index) =>
      assertMessage(method, message, `messageList[${index}]`),
    );
    if (!Array.isArray(abstractList) || abstractList.some((line) => typeof line !== 'string')) {
      throw invalidParameter(method, 'abstractList', 'an array of strings', abstractList);
    }
    return this.#sender.draft([
      {
        type: 'merger',
        title: assertString(method, 'title', title),
        abstractList: [...abstractList],
        compatibleText: assertString(method, 'compatibleText', compatibleText),
        messageList: messages.map((message) => ({ ...message, elemList: [...message.elemList] })),
      },
    ]);
  }

  async createForwardMessage(message: Message): Promise<Message> {
    const method = 'createForwardMessage';
    this.#guard(method);
    const source = assertMessage(method, message);
    if (source.elemList.some((elem) => elem.type === 'groupTip')) {
      throw invalidParameter(method, 'message', 'a message that is not a group tip');
    }
    const sdk = this.#sender.require(method, source.msgID);
    return {
      ...this.#sender.draft([...source.elemList], { forwardOf: sdk.ID }),
      cloudCustomData: source.cloudCustomData,
    };
  }

  /**
   * Checks the element (`ELEM_NOT_APPENDABLE` for one that may not follow), then rejects with
   * `NOT_SUPPORTED`: the web SDK creates single-element messages only.
   */
  async appendElem(message: Message, elem: AppendableElem): Promise<Message> {
    const method = 'appendElem';
    this.#guard(method);
    const target = assertMessage(method, message);
    const added = assertElem(method, elem);
    if (target.status !== 'sending' || target.seq !== 0) {
      throw invalidState(method, 'elements can only be added before a message is sent.', {
        msgID: target.msgID,
      });
    }
    if (!APPENDABLE_ELEM_TYPES.includes(added.type)) {
      throw new ChatError(
        ChatErrorCode.ElemNotAppendable,
        `${method}: a ${added.type} element cannot be appended; after the first element only text, custom, face and location elements may follow.`,
        { method, elemType: added.type },
      );
    }
    throw notSupported(method, 'its create*Message calls make single-element messages');
  }

  // ── Sending ───────────────────────────────────────────────────────────────────────────────────────

  /**
   * Makes the SDK message for a created one and sends it. The returned handle carries the message at once
   * (status `sending`, the msgID it was created with) and resolves with the sent message.
   */
  sendMessage(message: Message, options: SendMessageOptions): SendMessageHandle {
    const method = 'sendMessage';
    if (this.#loggedOut) return rejectedSend(method, message, notLoggedIn(method));
    return this.#sender.send(method, message, options);
  }

  /** Rejects with `NOT_SUPPORTED`: the web SDK has no way to abort an upload or a send once it started. */
  async cancelSendingMessage(msgID: string): Promise<void> {
    const method = 'cancelSendingMessage';
    this.#guard(method);
    assertString(method, 'msgID', msgID, { nonEmpty: true });
    throw notSupported(method, 'it has no way to abort an upload or a send once it has started');
  }

  resendMessage(msgID: string, options?: Pick<SendMessageOptions, 'onProgress'>): SendMessageHandle {
    const method = 'resendMessage';
    if (this.#loggedOut) return rejectedSend(method, undefined, notLoggedIn(method), String(msgID));
    return this.#sender.resend(method, msgID, options);
  }

  /** Sends the message to each user in turn (the web SDK has no batch send); a result per user. */
  async sendMessageToUsers(message: Message, userIDList: string[]): Promise<BatchSendResult[]> {
    const method = 'sendMessageToUsers';
    this.#guard(method);
    return this.#sender.sendToUsers(method, message, userIDList);
  }

  // ── Changing messages ─────────────────────────────────────────────────────────────────────────────

  /**
   * Revokes a message. An own message older than `revokeWindowMs` rejects with `REVOKE_WINDOW_PASSED`;
   * the web SDK's revoke takes no reason, so a non-empty `reason` rejects with `NOT_SUPPORTED`. Listeners
   * get the revoked message through `onRecvMessageModified` (the SDK tells only the peers).
   */
  async revokeMessage(msgID: string, reason?: string): Promise<void> {
    const method = 'revokeMessage';
    this.#guard(method);
    const id = assertString(method, 'msgID', msgID, { nonEmpty: true });
    if (assertOptionalString(method, 'reason', reason, '') !== '') {
      throw notSupported(method, 'its revokeMessage takes no reason; revoke without one');
    }
    const sdk = this.#sender.require(method, id);
    if (sdk.isRevoked) return;
    if (sdk.status !== 'success') {
      throw invalidState(method, `only a sent message can be revoked; this one is ${toMessageStatus(sdk)}.`, {
        msgID: id,
      });
    }
    const age = this.#now() - (sdk.time ?? 0) * 1000;
    if (sdk.flow === 'out' && age > this.#revokeWindowMs) {
      throw new ChatError(
        ChatErrorCode.RevokeWindowPassed,
        `${method}: the message is ${Math.round(age / 1000)} s old; the limit is ${this.#revokeWindowMs / 1000} s.`,
        { method, msgID: id, ageMs: age, limitMs: this.#revokeWindowMs },
      );
    }
    const data = await callTencent(method, () => this.#chat.revokeMessage(sdk));
    const revoked = toMessage(isSdkMessage(data?.message) ? data.message : sdk, this.#ctx);
    emit(this.#messageListeners, 'onRecvMessageModified', {
      ...revoked,
      status: 'revoked',
      revoker: revoked.revoker || this.userID,
    });
  }

  /** Rejects with `NOT_SUPPORTED`: the web SDK keeps no local message store to delete from. */
  async deleteMessages(msgIDList: string[]): Promise<void> {
    const method = 'deleteMessages';
    this.#guard(method);
    assertIDList(method, 'msgIDList', msgIDList, Number.MAX_SAFE_INTEGER);
    throw notSupported(
      method,
      'it keeps no local message store; its deleteMessage removes messages from roaming history (use deleteMessagesFromServer)',
    );
  }

  async deleteMessagesFromServer(msgIDList: string[]): Promise<void> {
    const method = 'deleteMessagesFromServer';
    this.#guard(method);
    const ids = assertIDList(method, 'msgIDList', msgIDList, 30);
    const byConversation = new Map<string, TencentMessage[]>();
    for (const id of ids) {
      const sdk = this.#sender.require(method, id);
      const list = byConversation.get(sdk.conversationID) ?? [];
      list.push(sdk);
      byConversation.set(sdk.conversationID, list);
    }
    // The SDK deletes messages of one conversation a call.
    for (const list of byConversation.values())
      await callTencent(method, () => this.#chat.deleteMessage(list));
  }

  async clearHistoryMessage(conversationID: string): Promise<void> {
    const method = 'clearHistoryMessage';
    this.#guard(method);
    assertConversationID(method, conversationID);
    await callTencent(method, () => this.#chat.clearHistoryMessage(toSdkConversationID(conversationID)));
  }

  /** Rejects with `NOT_SUPPORTED`: web SDK messages have no device-local data. */
  async setLocalCustomData(msgID: string, localCustomData: string): Promise<Message> {
    const method = 'setLocalCustomData';
    this.#guard(method);
    assertString(method, 'msgID', msgID, { nonEmpty: true });
    assertString(method, 'localCustomData', localCustomData);
    throw notSupported(method, 'its messages have no device-local data (cloudCustomData is sent to peers)');
  }

  // ── Reading messages ──────────────────────────────────────────────────────────────────────────────

  async getHistoryMessageList(query: HistoryMessageQuery): Promise<HistoryMessageResult> {
    const method = 'getHistoryMessageList';
    this.#guard(method);
    const q = assertOptions(method, query, 'query');
    const parsed = assertConversationID(method, q.conversationID, 'query.conversationID');
    const count = assertInteger(method, 'query.count', q.count, 1, 100);
    const direction = q.direction ?? 'older';
    if (direction !== 'older' && direction !== 'newer') {
      throw invalidParameter(method, 'query.direction', "'older' or 'newer'", direction);
    }
    const lastMsg = q.lastMsg === undefined ? undefined : assertMessage(method, q.lastMsg, 'query.lastMsg');
    const optionalInteger = (name: string) =>
      q[name] === undefined
        ? undefined
        : assertInteger(method, `query.${name}`, q[name], 0, Number.MAX_SAFE_INTEGER);
    const lastMsgSeq = optionalInteger('lastMsgSeq');
    const timeBegin = optionalInteger('timeBegin');
    const timePeriod = optionalInteger('timePeriod');
    const { list, isFinished } = await loadHistory(method, this.#chat, {
      sdkConversationID: toSdkConversationID(q.conversationID as string),
      type: parsed.type,
      count,
      direction,
      ...(lastMsg && { lastMsg: { message: lastMsg, sdkID: this.#sender.sdkIDOf(lastMsg.msgID) } }),
      ...(lastMsgSeq !== undefined && { lastMsgSeq }),
      ...(timeBegin !== undefined && { timeBegin }),
      ...(timePeriod !== undefined && { timePeriod }),
    });
    await this.#downloadMergers(list);
    return { messageList: list.map((message) => toMessage(message, this.#ctx)), isFinished };
  }

  async findMessages(msgIDList: string[]): Promise<Message[]> {
    const method = 'findMessages';
    this.#guard(method);
    const ids = assertIDList(method, 'msgIDList', msgIDList, Number.MAX_SAFE_INTEGER, { allowEmpty: true });
    const found = ids
      .map((id) => this.#sender.find(id))
      .filter(
        (sdk): sdk is TencentMessage =>
          !!sdk && !sdk.isDeleted && toConversationID(sdk.conversationID) !== null,
      );
    await this.#downloadMergers(found);
    return found.map((sdk) => toMessage(sdk, this.#ctx));
  }

  async findMessageByLocator(conversationID: string, locator: MessageLocator): Promise<Message | null> {
    const method = 'findMessageByLocator';
    this.#guard(method);
    const parsed = assertConversationID(method, conversationID);
    const raw = assertOptions(method, locator, 'locator');
    let checked: MessageLocator;
    if (raw.seq !== undefined) {
      checked = { seq: assertInteger(method, 'locator.seq', raw.seq, 1, Number.MAX_SAFE_INTEGER) };
    } else {
      checked = {
        time: assertInteger(method, 'locator.time', raw.time, 0, Number.MAX_SAFE_INTEGER),
        random: assertInteger(method, 'locator.random', raw.random, 0, Number.MAX_SAFE_INTEGER),
        isSelf: assertBoolean(method, 'locator.isSelf', raw.isSelf),
      };
    }
    const found = await findByLocator(
      method,
      this.#chat,
      toSdkConversationID(conversationID),
      parsed.type,
      checked,
    );
    return found ? toMessage(found, this.#ctx) : null;
  }

  /**
   * Searches with the SDK's cloud search (the web SDK keeps no local messages); needs the cloud search
   * plugin. Pages are walked with the SDK's cursors, so page N costs N calls the first time.
   */
  async searchLocalMessages(params: MessageSearchParams): Promise<MessageSearchResult> {
    const method = 'searchLocalMessages';
    this.#guard(method);
    const p = assertOptions(method, params, 'params');
    const strings = (name: string): string[] | undefined =>
      p[name] === undefined
        ? undefined
        : assertIDList(method, `params.${name}`, p[name], Number.MAX_SAFE_INTEGER, { allowEmpty: true });
    const keywordList = strings('keywordList');
    const senderUserIDList = strings('senderUserIDList');
    const rawMatchType = p.keywordListMatchType ?? 'or';
    if (rawMatchType !== 'or' && rawMatchType !== 'and') {
      throw invalidParameter(method, 'params.keywordListMatchType', "'or' or 'and'", rawMatchType);
    }
    const matchType: 'or' | 'and' = rawMatchType;
    let messageTypeList: MessageElemType[] | undefined;
    if (p.messageTypeList !== undefined) {
      if (
        !Array.isArray(p.messageTypeList) ||
        p.messageTypeList.some((type) => !MESSAGE_ELEM_TYPES.includes(type))
      ) {
        throw invalidParameter(
          method,
          'params.messageTypeList',
          'an array of element types',
          p.messageTypeList,
        );
      }
      messageTypeList = p.messageTypeList as MessageElemType[];
    }
    if (p.conversationID !== undefined)
      assertConversationID(method, p.conversationID, 'params.conversationID');
    const integer = (name: string, min: number, max: number, fallback: number) =>
      p[name] === undefined ? fallback : assertInteger(method, `params.${name}`, p[name], min, max);
    const timePosition = integer('timePosition', 0, Number.MAX_SAFE_INTEGER, 0);
    const timePeriod = integer('timePeriod', 0, Number.MAX_SAFE_INTEGER, 0);
    const pageIndex = integer('pageIndex', 0, 10_000, 0);
    const pageSize = integer('pageSize', 1, 100, 20);
    if (!keywordList?.length && !senderUserIDList?.length && !messageTypeList?.length) {
      throw invalidParameter(method, 'params', 'given keywordList, senderUserIDList or messageTypeList');
    }
    const search = this.#chat.searchCloudMessages?.bind(this.#chat);
    if (!search) {
      throw notSupported(
        method,
        'it searches only in the cloud, with the cloud search plugin, which this SDK instance lacks',
      );
    }
    // The SDK's range is [timePosition - timePeriod, timePosition] in seconds; Tidings' starts at timePosition.
    const end = timePeriod > 0 ? timePosition + timePeriod : timePosition > 0 ? this.#now() : 0;
    const options = {
      ...(keywordList?.length && { keywordList, keywordListMatchType: matchType }),
      ...(senderUserIDList?.length && { senderUserIDList }),
      ...(messageTypeList?.length && { messageTypeList: messageTypeList.map(toSdkElemType) }),
      ...(typeof p.conversationID === 'string' && { conversationID: toSdkConversationID(p.conversationID) }),
      ...(end > 0 && {
        timePosition: Math.ceil(end / 1000),
        timePeriod: Math.ceil((end - timePosition) / 1000),
      }),
      count: pageSize,
    };
    const key = JSON.stringify(options);
    const cursors = this.#searchCursors.get(key) ?? [''];
    this.#searchCursors.delete(key);
    this.#searchCursors.set(key, cursors);
    if (this.#searchCursors.size > MAX_SEARCH_CACHES)
      this.#searchCursors.delete(this.#searchCursors.keys().next().value as string);
    let page = Math.min(pageIndex, cursors.length - 1);
    for (;;) {
      const cursor = cursors[page];
      if (cursor === null || cursor === undefined) return { totalCount: 0, items: [] };
      const data = await callTencent(method, () => search({ ...options, ...(cursor !== '' && { cursor }) }));
      cursors[page + 1] = typeof data.cursor === 'string' && data.cursor !== '' ? data.cursor : null;
      if (page === pageIndex) {
        const items = (data.searchResultList ?? []).flatMap((item) => {
          const conversationID = toConversationID(item.conversationID);
          if (!conversationID) return [];
          const messageList = (item.messageList ?? [])
            .map((message) => toMessage(message, this.#ctx))
            .sort((a, b) => b.timestamp - a.timestamp);
          return [{ conversationID, messageCount: item.messageCount ?? messageList.length, messageList }];
        });
        return { totalCount: data.totalCount ?? 0, items };
      }
      page++;
    }
  }

  /** Rejects with `NOT_SUPPORTED`: the web SDK cannot import messages. */
  async importMessages(conversationID: string, messageList: Message[]): Promise<Message[]> {
    const method = 'importMessages';
    this.#guard(method);
    assertConversationID(method, conversationID);
    if (!Array.isArray(messageList))
      throw invalidParameter(method, 'messageList', 'an array of messages', messageList);
    for (const [index, message] of messageList.entries())
      assertMessage(method, message, `messageList[${index}]`);
    throw notSupported(method, 'it keeps no local message store to import into');
  }

  /** Rejects with `NOT_SUPPORTED`: the web SDK cannot store local-only messages. */
  async insertMessageToLocalStorage(
    conversationID: string,
    message: Message,
    sender?: string,
  ): Promise<Message> {
    const method = 'insertMessageToLocalStorage';
    this.#guard(method);
    assertConversationID(method, conversationID);
    assertMessage(method, message);
    assertOptionalString(method, 'sender', sender, '');
    throw notSupported(method, 'it keeps no local message store to insert into');
  }

  /** Fetches the element's URL (a video's `snapshotUrl` with `which` 'snapshot'). */
  async downloadElem(elem: MessageElem, which: 'file' | 'snapshot' = 'file'): Promise<Blob> {
    const method = 'downloadElem';
    this.#guard(method);
    const checked = assertElem(method, elem);
    if (which !== 'file' && which !== 'snapshot')
      throw invalidParameter(method, 'which', "'file' or 'snapshot'", which);
    if (
      checked.type !== 'image' &&
      checked.type !== 'sound' &&
      checked.type !== 'video' &&
      checked.type !== 'file'
    ) {
      throw invalidParameter(method, 'elem', 'an image, sound, video or file element', checked.type);
    }
    if (which === 'snapshot' && checked.type !== 'video') {
      throw invalidParameter(method, 'which', "'file' for an element that is not a video", which);
    }
    const url = which === 'snapshot' && checked.type === 'video' ? checked.snapshotUrl : checked.url;
    if (typeof url !== 'string' || url === '') {
      throw invalidParameter(method, 'elem', 'an element with a URL (one that was sent or received)');
    }
    const fetchURL =
      this.#fetch ?? (typeof fetch === 'function' ? (target: string) => fetch(target) : undefined);
    if (!fetchURL) throw notSupported(method, 'this platform has no fetch; pass one as the `fetch` option');
    let response: Response;
    try {
      response = await fetchURL(url);
    } catch (error) {
      throw new ChatError(
        ChatErrorCode.NetworkError,
        `${method}: fetching ${url} failed.`,
        { method, url },
        { cause: error },
      );
    }
    if (!response.ok) {
      throw new ChatError(
        ChatErrorCode.NetworkError,
        `${method}: fetching ${url} answered ${response.status}.`,
        {
          method,
          url,
          status: response.status,
        },
      );
    }
    return response.blob();
  }

  // ── Receive options ───────────────────────────────────────────────────────────────────────────────

  async setC2CReceiveMessageOpt(userIDList: string[], opt: ReceiveMessageOpt): Promise<void> {
    const method = 'setC2CReceiveMessageOpt';
    this.#guard(method);
    const ids = assertIDList(method, 'userIDList', userIDList, 30);
    const messageRemindType = toMessageRemindType(assertReceiveOpt(method, opt));
    await callTencent(method, () => this.#chat.setMessageRemindType({ userIDList: ids, messageRemindType }));
  }

  /**
   * Read from the conversations: the web SDK has no getter, and a user without a conversation gets the
   * default, `receive`.
   */
  async getC2CReceiveMessageOpt(userIDList: string[]): Promise<{ userID: string; opt: ReceiveMessageOpt }[]> {
    const method = 'getC2CReceiveMessageOpt';
    this.#guard(method);
    const ids = assertIDList(method, 'userIDList', userIDList, 30);
    await this.#ensureList(method);
    return ids.map((userID) => ({ userID, opt: this.#list.get(`c2c_${userID}`)?.recvOpt ?? 'receive' }));
  }

  async setGroupReceiveMessageOpt(groupID: string, opt: ReceiveMessageOpt): Promise<void> {
    const method = 'setGroupReceiveMessageOpt';
    this.#guard(method);
    const id = assertString(method, 'groupID', groupID, { nonEmpty: true });
    const messageRemindType = toMessageRemindType(assertReceiveOpt(method, opt));
    await callTencent(method, () => this.#chat.setMessageRemindType({ groupID: id, messageRemindType }));
  }

  // ── Users and groups ──────────────────────────────────────────────────────────────────────────────

  async getUsersProfile(userIDList: string[]): Promise<UserProfile[]> {
    const method = 'getUsersProfile';
    this.#guard(method);
    const ids = assertIDList(method, 'userIDList', userIDList, Number.MAX_SAFE_INTEGER, { allowEmpty: true });
    if (ids.length === 0) return [];
    const byID = new Map<string, UserProfile>();
    for (let start = 0; start < ids.length; start += 100) {
      const userIDList = ids.slice(start, start + 100);
      const data = await callTencent(method, () => this.#chat.getUserProfile({ userIDList }));
      for (const profile of Array.isArray(data) ? data : []) byID.set(profile.userID, toUserProfile(profile));
    }
    return ids.map((id) => byID.get(id)).filter((profile): profile is UserProfile => profile !== undefined);
  }

  async getGroupsInfo(groupIDList: string[]): Promise<GroupProfile[]> {
    const method = 'getGroupsInfo';
    this.#guard(method);
    const ids = assertIDList(method, 'groupIDList', groupIDList, Number.MAX_SAFE_INTEGER, {
      allowEmpty: true,
    });
    const out: GroupProfile[] = [];
    for (const groupID of ids) {
      try {
        const data = await callTencent(method, () => this.#chat.getGroupProfile({ groupID }));
        if (data?.group) out.push(toGroupProfile(data.group));
      } catch (error) {
        if (!(error instanceof ChatError && error.code === ChatErrorCode.ConversationNotFound)) throw error;
      }
    }
    return out;
  }

  async getJoinedGroupList(): Promise<GroupProfile[]> {
    const method = 'getJoinedGroupList';
    this.#guard(method);
    const data = await callTencent(method, () => this.#chat.getGroupList());
    return (data?.groupList ?? []).map(toGroupProfile);
  }

  async getGroupMemberList(groupID: string): Promise<GroupMember[]> {
    const method = 'getGroupMemberList';
    this.#guard(method);
    const id = assertString(method, 'groupID', groupID, { nonEmpty: true });
    const members: GroupMember[] = [];
    for (let offset = 0; offset < 100_000; offset += 100) {
      const data = await callTencent(method, () =>
        this.#chat.getGroupMemberList({ groupID: id, count: 100, offset }),
      );
      const page = data?.memberList ?? [];
      members.push(...page.map(toGroupMember));
      if (page.length < 100) break;
    }
    return members;
  }

  async createGroup(options: {
    name: string;
    memberUserIDList: string[];
    groupID?: string;
    faceUrl?: string;
  }): Promise<GroupProfile> {
    const method = 'createGroup';
    this.#guard(method);
    const opts = assertOptions(method, options);
    const name = assertString(method, 'options.name', opts.name, { nonEmpty: true });
    const members = assertIDList(method, 'options.memberUserIDList', opts.memberUserIDList, 500, {
      allowEmpty: true,
    });
    const groupID =
      opts.groupID === undefined
        ? undefined
        : assertString(method, 'options.groupID', opts.groupID, { nonEmpty: true });
    const avatar =
      opts.faceUrl === undefined ? undefined : assertString(method, 'options.faceUrl', opts.faceUrl);
    const data = await callTencent(method, () =>
      this.#chat.createGroup({
        type: this.#groupType,
        name,
        ...(groupID !== undefined && { groupID }),
        ...(avatar !== undefined && { avatar }),
        memberList: members.map((userID) => ({ userID })),
      }),
    );
    return toGroupProfile(data.group);
  }

  // ── Session ───────────────────────────────────────────────────────────────────────────────────────

  getServerTime(): number {
    const time = Number(this.#chat.getServerTime());
    return Number.isFinite(time) && time > 0 ? time : Date.now();
  }

  get connectionState(): ConnectionState {
    return this.#connectionState;
  }

  addSDKListener(listener: SDKListener): () => void {
    if (this.#loggedOut) return () => undefined;
    this.#sdkListeners.add(listener);
    return () => this.removeSDKListener(listener);
  }

  removeSDKListener(listener: SDKListener): void {
    this.#sdkListeners.delete(listener);
  }

  async logout(): Promise<void> {
    const method = 'logout';
    this.#guard(method);
    try {
      await this.#chat.logout();
    } catch (error) {
      throw translateTencentError(error, method);
    }
    this.#shutdown();
  }
}

/** Per-conversation results of a batch call, in the order asked. */
function batchResults(
  ids: readonly string[],
  sdkIDs: readonly string[],
  data: TencentBatchResultData | undefined,
) {
  const failures = new Map(
    (data?.failureConversationIDList ?? []).map((failure) => [failure.conversationID, failure]),
  );
  return ids.map((id, index): OperationResult => {
    const failure = failures.get(sdkIDs[index] as string);
    return failure
      ? { id, resultCode: chatErrorCodeOf(failure.code), resultInfo: failure.message ?? '' }
      : { id, resultCode: 0, resultInfo: '' };
  });
}

/**
 * A {@link ChatEngine} over a Tencent Cloud Chat web SDK (`@tencentcloud/chat` 3.x) instance that the app
 * has created and logged in. The engine listens to the SDK's events from then on and translates them into
 * Tidings listener calls; `logout()` stops it.
 *
 * What the web SDK cannot do rejects with `NOT_SUPPORTED`: `createSoundMessage`, `appendElem`,
 * `cancelSendingMessage`, `deleteMessages` (local only), `setLocalCustomData`, `importMessages`,
 * `insertMessageToLocalStorage`, a revoke reason, a partial `cleanConversationUnreadMessageCount`, and
 * group history by time. `searchLocalMessages` uses the SDK's cloud search (a paid plugin).
 *
 * @example
 * import TencentCloudChat from '@tencentcloud/chat';
 * import { createChatStore } from '@tidings/core';
 * import { createTencentEngine } from '@tidings/core/tencent';
 *
 * const chat = TencentCloudChat.create({ SDKAppID });
 * await chat.login({ userID: 'alice', userSig });
 * const engine = createTencentEngine(chat, { userID: 'alice', revokeWindowMs: 120_000 });
 * const store = createChatStore(engine);
 */
export function createTencentEngine(chat: TencentChatLike, options: TencentEngineOptions): ChatEngine {
  if (!isRecord(chat) || typeof chat.on !== 'function' || typeof chat.getConversationList !== 'function') {
    throw invalidParameter('createTencentEngine', 'chat', 'a TencentCloudChat instance');
  }
  const opts = assertOptions('createTencentEngine', options);
  assertString('createTencentEngine', 'options.userID', opts.userID, { nonEmpty: true });
  if (opts.revokeWindowMs !== undefined) {
    assertInteger(
      'createTencentEngine',
      'options.revokeWindowMs',
      opts.revokeWindowMs,
      0,
      Number.MAX_SAFE_INTEGER,
    );
  }
  if (opts.maxTextBytes !== undefined) {
    assertInteger(
      'createTencentEngine',
      'options.maxTextBytes',
      opts.maxTextBytes,
      1,
      Number.MAX_SAFE_INTEGER,
    );
  }
  if (opts.maxPageSessions !== undefined) {
    assertInteger('createTencentEngine', 'options.maxPageSessions', opts.maxPageSessions, 1, 1024);
  }
  return new TencentEngine(chat, options);
}
