import type {
  AdvancedMsgListener,
  BatchSendResult,
  ConnectionState,
  Conversation,
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
  MessageLocator,
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
import { assertInteger, assertOptions, assertString, invalidParameter, isRecord } from '../engine-validation';
import type { TencentChatLike } from './tencent-chat-like';
import { TencentEngineConversations } from './tencent-engine-conversations';
import { TencentEngineCreate } from './tencent-engine-create';
import { TencentEngineDirectory } from './tencent-engine-directory';
import { listenToChat } from './tencent-engine-events';
import { TencentEngineList } from './tencent-engine-list';
import { TencentEngineMessages } from './tencent-engine-messages';
import { TencentEngineReading } from './tencent-engine-reading';
import { TencentEngineSession } from './tencent-engine-session';
import { TencentEngineUnread } from './tencent-engine-unread';
import { translateTencentError } from './tencent-errors';

/**
 * The Tencent engine: a {@link ChatEngine} over the Tencent Cloud Chat web SDK. This file is its table of
 * contents; each concern lives in a `tencent-engine-*` file:
 *
 * | file | concern |
 * | --- | --- |
 * | `tencent-engine-session` | the SDK instance, options, sender, listeners, logged-out state |
 * | `tencent-engine-list` | the copy of the SDK's conversation list, unread totals, group names |
 * | `tencent-engine-events` | SDK events translated into listener calls |
 * | `tencent-engine-conversations` | the conversation list, conversation changes, conversation groups |
 * | `tencent-engine-unread` | unread totals, filters, read calls |
 * | `tencent-engine-create` | `create*Message` and `appendElem` |
 * | `tencent-engine-messages` | sending, revoking, deleting, clearing history |
 * | `tencent-engine-reading` | history, lookups, cloud search, downloads |
 * | `tencent-engine-directory` | receive options, user profiles, groups |
 */

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

/**
 * The {@link ChatEngine} over a Tencent Cloud Chat web SDK instance. See {@link createTencentEngine}.
 */
class TencentEngine implements ChatEngine {
  readonly userID: string;
  readonly #session: TencentEngineSession;
  readonly #conversations: TencentEngineConversations;
  readonly #unread: TencentEngineUnread;
  readonly #create: TencentEngineCreate;
  readonly #messages: TencentEngineMessages;
  readonly #reading: TencentEngineReading;
  readonly #directory: TencentEngineDirectory;

  constructor(chat: TencentChatLike, options: TencentEngineOptions) {
    const session = new TencentEngineSession(chat, options);
    const list = new TencentEngineList(session);
    this.userID = session.userID;
    this.#session = session;
    this.#conversations = new TencentEngineConversations(session, list, options.maxPageSessions ?? 16);
    this.#unread = new TencentEngineUnread(session, list);
    this.#create = new TencentEngineCreate(session);
    this.#messages = new TencentEngineMessages(session);
    this.#reading = new TencentEngineReading(session);
    this.#directory = new TencentEngineDirectory(session, list);
    listenToChat(session, list);
  }

  // ── Conversations ────────────────────────────────────────────────────────────────────────────────

  getConversationList(nextSeq: number, count: number): Promise<ConversationListResult> {
    return this.#conversations.getConversationList(nextSeq, count);
  }

  getConversationListByFilter(query: ConversationListFilterQuery): Promise<ConversationListResult> {
    return this.#conversations.getConversationListByFilter(query);
  }

  getConversation(conversationID: string): Promise<Conversation> {
    return this.#conversations.getConversation(conversationID);
  }

  getConversationListByIDs(conversationIDList: string[]): Promise<Conversation[]> {
    return this.#conversations.getConversationListByIDs(conversationIDList);
  }

  deleteConversation(conversationID: string, options?: { clearMessages?: boolean }): Promise<void> {
    return this.#conversations.deleteConversation(conversationID, options);
  }

  pinConversation(conversationID: string, isPinned: boolean): Promise<void> {
    return this.#conversations.pinConversation(conversationID, isPinned);
  }

  setConversationDraft(conversationID: string, draftText: string | null): Promise<void> {
    return this.#conversations.setConversationDraft(conversationID, draftText);
  }

  markConversation(
    conversationIDList: string[],
    markType: ConversationMarkType,
    enable: boolean,
  ): Promise<OperationResult[]> {
    return this.#conversations.markConversation(conversationIDList, markType, enable);
  }

  setConversationCustomData(conversationIDList: string[], customData: string): Promise<OperationResult[]> {
    return this.#conversations.setConversationCustomData(conversationIDList, customData);
  }

  // ── Conversation groups ──────────────────────────────────────────────────────────────────────────

  createConversationGroup(groupName: string, conversationIDList: string[]): Promise<OperationResult[]> {
    return this.#conversations.createConversationGroup(groupName, conversationIDList);
  }

  getConversationGroupList(): Promise<ConversationGroup[]> {
    return this.#conversations.getConversationGroupList();
  }

  renameConversationGroup(oldName: string, newName: string): Promise<void> {
    return this.#conversations.renameConversationGroup(oldName, newName);
  }

  deleteConversationGroup(groupName: string): Promise<void> {
    return this.#conversations.deleteConversationGroup(groupName);
  }

  addConversationsToGroup(groupName: string, conversationIDList: string[]): Promise<OperationResult[]> {
    return this.#conversations.addConversationsToGroup(groupName, conversationIDList);
  }

  deleteConversationsFromGroup(groupName: string, conversationIDList: string[]): Promise<OperationResult[]> {
    return this.#conversations.deleteConversationsFromGroup(groupName, conversationIDList);
  }

  // ── Listeners ────────────────────────────────────────────────────────────────────────────────────

  addConversationListener(listener: ConversationListener): () => void {
    const session = this.#session;
    if (session.loggedOut) return () => undefined;
    session.conversationListeners.add(listener);
    if (!session.chat.isReady()) {
      // The SDK syncs after login; a listener added meanwhile hears that it started.
      queueMicrotask(() => {
        if (session.conversationListeners.has(listener) && !session.chat.isReady())
          listener.onSyncServerStart?.();
      });
    }
    return () => this.removeConversationListener(listener);
  }

  removeConversationListener(listener: ConversationListener): void {
    this.#session.conversationListeners.delete(listener);
  }

  addAdvancedMsgListener(listener: AdvancedMsgListener): () => void {
    if (this.#session.loggedOut) return () => undefined;
    this.#session.messageListeners.add(listener);
    return () => this.removeAdvancedMsgListener(listener);
  }

  removeAdvancedMsgListener(listener: AdvancedMsgListener): void {
    this.#session.messageListeners.delete(listener);
  }

  // ── Unread ───────────────────────────────────────────────────────────────────────────────────────

  getTotalUnreadMessageCount(): Promise<number> {
    return this.#unread.getTotalUnreadMessageCount();
  }

  getUnreadMessageCountByFilter(filter: UnreadFilter): Promise<number> {
    return this.#unread.getUnreadMessageCountByFilter(filter);
  }

  subscribeUnreadMessageCountByFilter(filter: UnreadFilter): Promise<void> {
    return this.#unread.subscribeUnreadMessageCountByFilter(filter);
  }

  unsubscribeUnreadMessageCountByFilter(filter: UnreadFilter): Promise<void> {
    return this.#unread.unsubscribeUnreadMessageCountByFilter(filter);
  }

  cleanConversationUnreadMessageCount(
    conversationID: string,
    cleanTimestamp?: number,
    cleanSequence?: number,
  ): Promise<void> {
    return this.#unread.cleanConversationUnreadMessageCount(conversationID, cleanTimestamp, cleanSequence);
  }

  markAllMessageAsRead(): Promise<void> {
    return this.#unread.markAllMessageAsRead();
  }

  markC2CMessageAsRead(userID: string): Promise<void> {
    return this.#unread.markC2CMessageAsRead(userID);
  }

  markGroupMessageAsRead(groupID: string): Promise<void> {
    return this.#unread.markGroupMessageAsRead(groupID);
  }

  // ── Creating messages ───────────────────────────────────────────────────────────────────────────

  createTextMessage(text: string): Promise<Message> {
    return this.#create.createTextMessage(text);
  }

  createTextAtMessage(text: string, atUserList: string[]): Promise<Message> {
    return this.#create.createTextAtMessage(text, atUserList);
  }

  createCustomMessage(data: string, description?: string, extension?: string): Promise<Message> {
    return this.#create.createCustomMessage(data, description, extension);
  }

  createImageMessage(file: Blob, options?: ImageMessageOptions): Promise<Message> {
    return this.#create.createImageMessage(file, options);
  }

  createSoundMessage(file: Blob, durationSec: number): Promise<Message> {
    return this.#create.createSoundMessage(file, durationSec);
  }

  createVideoMessage(file: Blob, type: string, durationSec: number, snapshot: Blob): Promise<Message> {
    return this.#create.createVideoMessage(file, type, durationSec, snapshot);
  }

  createFileMessage(file: Blob, fileName?: string): Promise<Message> {
    return this.#create.createFileMessage(file, fileName);
  }

  createLocationMessage(description: string, longitude: number, latitude: number): Promise<Message> {
    return this.#create.createLocationMessage(description, longitude, latitude);
  }

  createFaceMessage(index: number, data: string): Promise<Message> {
    return this.#create.createFaceMessage(index, data);
  }

  createMergerMessage(
    messageList: Message[],
    title: string,
    abstractList: string[],
    compatibleText: string,
  ): Promise<Message> {
    return this.#create.createMergerMessage(messageList, title, abstractList, compatibleText);
  }

  createForwardMessage(message: Message): Promise<Message> {
    return this.#create.createForwardMessage(message);
  }

  appendElem(message: Message, elem: AppendableElem): Promise<Message> {
    return this.#create.appendElem(message, elem);
  }

  // ── Sending ──────────────────────────────────────────────────────────────────────────────────────

  sendMessage(message: Message, options: SendMessageOptions): SendMessageHandle {
    return this.#messages.sendMessage(message, options);
  }

  cancelSendingMessage(msgID: string): Promise<void> {
    return this.#messages.cancelSendingMessage(msgID);
  }

  resendMessage(msgID: string, options?: Pick<SendMessageOptions, 'onProgress'>): SendMessageHandle {
    return this.#messages.resendMessage(msgID, options);
  }

  sendMessageToUsers(message: Message, userIDList: string[]): Promise<BatchSendResult[]> {
    return this.#messages.sendMessageToUsers(message, userIDList);
  }

  // ── Changing messages ────────────────────────────────────────────────────────────────────────────

  revokeMessage(msgID: string, reason?: string): Promise<void> {
    return this.#messages.revokeMessage(msgID, reason);
  }

  deleteMessages(msgIDList: string[]): Promise<void> {
    return this.#messages.deleteMessages(msgIDList);
  }

  deleteMessagesFromServer(msgIDList: string[]): Promise<void> {
    return this.#messages.deleteMessagesFromServer(msgIDList);
  }

  clearHistoryMessage(conversationID: string): Promise<void> {
    return this.#messages.clearHistoryMessage(conversationID);
  }

  setLocalCustomData(msgID: string, localCustomData: string): Promise<Message> {
    return this.#messages.setLocalCustomData(msgID, localCustomData);
  }

  // ── Reading messages ─────────────────────────────────────────────────────────────────────────────

  getHistoryMessageList(query: HistoryMessageQuery): Promise<HistoryMessageResult> {
    return this.#reading.getHistoryMessageList(query);
  }

  findMessages(msgIDList: string[]): Promise<Message[]> {
    return this.#reading.findMessages(msgIDList);
  }

  findMessageByLocator(conversationID: string, locator: MessageLocator): Promise<Message | null> {
    return this.#reading.findMessageByLocator(conversationID, locator);
  }

  searchLocalMessages(params: MessageSearchParams): Promise<MessageSearchResult> {
    return this.#reading.searchLocalMessages(params);
  }

  importMessages(conversationID: string, messageList: Message[]): Promise<Message[]> {
    return this.#reading.importMessages(conversationID, messageList);
  }

  insertMessageToLocalStorage(conversationID: string, message: Message, sender?: string): Promise<Message> {
    return this.#reading.insertMessageToLocalStorage(conversationID, message, sender);
  }

  downloadElem(elem: MessageElem, which?: 'file' | 'snapshot'): Promise<Blob> {
    return this.#reading.downloadElem(elem, which);
  }

  // ── Receive options, users and groups ────────────────────────────────────────────────────────────

  setC2CReceiveMessageOpt(userIDList: string[], opt: ReceiveMessageOpt): Promise<void> {
    return this.#directory.setC2CReceiveMessageOpt(userIDList, opt);
  }

  getC2CReceiveMessageOpt(userIDList: string[]): Promise<{ userID: string; opt: ReceiveMessageOpt }[]> {
    return this.#directory.getC2CReceiveMessageOpt(userIDList);
  }

  setGroupReceiveMessageOpt(groupID: string, opt: ReceiveMessageOpt): Promise<void> {
    return this.#directory.setGroupReceiveMessageOpt(groupID, opt);
  }

  getUsersProfile(userIDList: string[]): Promise<UserProfile[]> {
    return this.#directory.getUsersProfile(userIDList);
  }

  getGroupsInfo(groupIDList: string[]): Promise<GroupProfile[]> {
    return this.#directory.getGroupsInfo(groupIDList);
  }

  getJoinedGroupList(): Promise<GroupProfile[]> {
    return this.#directory.getJoinedGroupList();
  }

  getGroupMemberList(groupID: string): Promise<GroupMember[]> {
    return this.#directory.getGroupMemberList(groupID);
  }

  createGroup(options: {
    name: string;
    memberUserIDList: string[];
    groupID?: string;
    faceUrl?: string;
  }): Promise<GroupProfile> {
    return this.#directory.createGroup(options);
  }

  // ── Session ──────────────────────────────────────────────────────────────────────────────────────

  getServerTime(): number {
    return this.#session.now();
  }

  get connectionState(): ConnectionState {
    return this.#session.connectionState;
  }

  addSDKListener(listener: SDKListener): () => void {
    if (this.#session.loggedOut) return () => undefined;
    this.#session.sdkListeners.add(listener);
    return () => this.removeSDKListener(listener);
  }

  removeSDKListener(listener: SDKListener): void {
    this.#session.sdkListeners.delete(listener);
  }

  async logout(): Promise<void> {
    const method = 'logout';
    this.#session.guard(method);
    try {
      await this.#session.chat.logout();
    } catch (error) {
      throw translateTencentError(error, method);
    }
    this.#session.shutdown();
  }
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
