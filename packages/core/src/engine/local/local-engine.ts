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
import { LocalEngineConversations } from './local-engine-conversations';
import { LocalEngineDirectory } from './local-engine-directory';
import { LocalEngineHistory } from './local-engine-history';
import { LocalEngineMedia } from './local-engine-media';
import { LocalEngineMessageChanges } from './local-engine-message-changes';
import { ConversationMirror } from './local-engine-mirror';
import { LocalEngineSending } from './local-engine-sending';
import { LocalEngineSession } from './local-engine-session';
import { EngineMessageStore } from './local-engine-store';
import { LocalEngineSync } from './local-engine-sync';
import { LocalEngineUnread } from './local-engine-unread';
import { type NetworkConditions, type NetworkLink, validateConditions } from './local-hub-transport';
import * as factory from './local-message-factory';
import type { LocalStorageAdapter } from './local-persistence';

/**
 * The local engine: a {@link ChatEngine} signed in to a {@link LocalHub}. This file is its table of
 * contents; each concern lives in a `local-engine-*` file:
 *
 * | file | concern |
 * | --- | --- |
 * | `local-engine-session` | who is signed in, the hub link, listeners, how calls are guarded and sent |
 * | `local-engine-mirror` | the copy of the user's conversations: order, unread totals, change events |
 * | `local-engine-sync` | connecting, syncing with backoff, applying the hub's pushes |
 * | `local-engine-conversations` | the conversation list, conversation changes, conversation groups |
 * | `local-engine-unread` | unread totals, filters, and cleaning them |
 * | `local-engine-sending` | sending, resending, cancelling, sending to many users |
 * | `local-engine-media` | media bytes held on this device and their chunked upload |
 * | `local-engine-message-changes` | revoking, deleting, clearing, local data, imported and inserted messages |
 * | `local-engine-history` | history pages, lookups, search, downloads |
 * | `local-engine-directory` | receive options, user profiles, groups |
 * | `local-engine-store` | the local message store (IndexedDB when persistent) |
 */

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

/** Opens an engine on a link: loads its local store, signs in and syncs (when online). */
export async function openLocalEngine(context: EngineContext): Promise<LocalEngine> {
  const store = await EngineMessageStore.open(context.storage);
  const engine = new LocalChatEngine(new LocalEngineSession(context, store));
  await engine.start();
  return engine;
}

/** @internal The local engine; create it with `LocalHub.connect`. */
class LocalChatEngine implements LocalEngine {
  readonly userID: string;
  readonly deviceID: string;
  readonly #session: LocalEngineSession;
  readonly #sync: LocalEngineSync;
  readonly #conversations: LocalEngineConversations;
  readonly #unread: LocalEngineUnread;
  readonly #media: LocalEngineMedia;
  readonly #sending: LocalEngineSending;
  readonly #changes: LocalEngineMessageChanges;
  readonly #history: LocalEngineHistory;
  readonly #directory: LocalEngineDirectory;

  constructor(session: LocalEngineSession) {
    this.#session = session;
    this.userID = session.userID;
    this.deviceID = session.deviceID;
    const mirror = new ConversationMirror(session);
    const media = new LocalEngineMedia(session);
    this.#media = media;
    this.#sync = new LocalEngineSync(session, mirror);
    this.#conversations = new LocalEngineConversations(session, mirror);
    this.#unread = new LocalEngineUnread(session, mirror);
    this.#sending = new LocalEngineSending(session, mirror, media);
    this.#changes = new LocalEngineMessageChanges(session, mirror);
    this.#history = new LocalEngineHistory(session, mirror, media);
    this.#directory = new LocalEngineDirectory(session, mirror);
    session.store.onRollback = () => mirror.refreshAll();
  }

  start(): Promise<void> {
    return this.#sync.start();
  }

  get connectionState(): ConnectionState {
    return this.#session.connectionState;
  }

  setNetworkConditions(conditions: NetworkConditions): void {
    this.#session.guard('setNetworkConditions');
    this.#session.link.setOwn(validateConditions(conditions));
  }

  async flush(): Promise<void> {
    await this.#session.store.idle();
  }

  getServerTime(): number {
    return this.#session.now();
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
    return this.#session.addListener(
      'addConversationListener',
      this.#session.conversationListeners,
      listener,
    );
  }

  removeConversationListener(listener: ConversationListener): void {
    this.#session.conversationListeners.delete(listener);
  }

  addAdvancedMsgListener(listener: AdvancedMsgListener): () => void {
    return this.#session.addListener('addAdvancedMsgListener', this.#session.messageListeners, listener);
  }

  removeAdvancedMsgListener(listener: AdvancedMsgListener): void {
    this.#session.messageListeners.delete(listener);
  }

  addSDKListener(listener: SDKListener): () => void {
    return this.#session.addListener('addSDKListener', this.#session.sdkListeners, listener);
  }

  removeSDKListener(listener: SDKListener): void {
    this.#session.sdkListeners.delete(listener);
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

  #factory(): factory.MessageFactoryContext {
    return {
      profile: this.#session.profile,
      now: () => this.getServerTime(),
      random: this.#session.random,
      holdBlob: (uuid, blob) => this.#media.hold(uuid, blob),
    };
  }

  #create(method: string, create: (context: factory.MessageFactoryContext) => Message | Promise<Message>) {
    return this.#session.call(method, () => create(this.#factory()));
  }

  createTextMessage(text: string): Promise<Message> {
    return this.#create('createTextMessage', (ctx) => factory.createTextMessage(ctx, text));
  }

  createTextAtMessage(text: string, atUserList: string[]): Promise<Message> {
    return this.#create('createTextAtMessage', (ctx) => factory.createTextAtMessage(ctx, text, atUserList));
  }

  createCustomMessage(data: string, description?: string, extension?: string): Promise<Message> {
    return this.#create('createCustomMessage', (ctx) =>
      factory.createCustomMessage(ctx, data, description, extension),
    );
  }

  createImageMessage(file: Blob, options?: ImageMessageOptions): Promise<Message> {
    return this.#create('createImageMessage', (ctx) => factory.createImageMessage(ctx, file, options));
  }

  createSoundMessage(file: Blob, durationSec: number): Promise<Message> {
    return this.#create('createSoundMessage', (ctx) => factory.createSoundMessage(ctx, file, durationSec));
  }

  createVideoMessage(file: Blob, type: string, durationSec: number, snapshot: Blob): Promise<Message> {
    return this.#create('createVideoMessage', (ctx) =>
      factory.createVideoMessage(ctx, file, type, durationSec, snapshot),
    );
  }

  createFileMessage(file: Blob, fileName?: string): Promise<Message> {
    return this.#create('createFileMessage', (ctx) => factory.createFileMessage(ctx, file, fileName));
  }

  createLocationMessage(description: string, longitude: number, latitude: number): Promise<Message> {
    return this.#create('createLocationMessage', (ctx) =>
      factory.createLocationMessage(ctx, description, longitude, latitude),
    );
  }

  createFaceMessage(index: number, data: string): Promise<Message> {
    return this.#create('createFaceMessage', (ctx) => factory.createFaceMessage(ctx, index, data));
  }

  createMergerMessage(
    messageList: Message[],
    title: string,
    abstractList: string[],
    compatibleText: string,
  ): Promise<Message> {
    return this.#create('createMergerMessage', (ctx) =>
      factory.createMergerMessage(ctx, messageList, title, abstractList, compatibleText),
    );
  }

  createForwardMessage(message: Message): Promise<Message> {
    return this.#create('createForwardMessage', (ctx) => factory.createForwardMessage(ctx, message));
  }

  appendElem(message: Message, elem: AppendableElem): Promise<Message> {
    return this.#session.call('appendElem', () => factory.appendElem(message, elem));
  }

  // ── Sending ──────────────────────────────────────────────────────────────────────────────────────

  sendMessage(message: Message, options: SendMessageOptions): SendMessageHandle {
    return this.#sending.sendMessage(message, options);
  }

  resendMessage(msgID: string, options?: Pick<SendMessageOptions, 'onProgress'>): SendMessageHandle {
    return this.#sending.resendMessage(msgID, options);
  }

  cancelSendingMessage(msgID: string): Promise<void> {
    return this.#sending.cancelSendingMessage(msgID);
  }

  sendMessageToUsers(message: Message, userIDList: string[]): Promise<BatchSendResult[]> {
    return this.#sending.sendMessageToUsers(message, userIDList);
  }

  // ── Changing messages ────────────────────────────────────────────────────────────────────────────

  revokeMessage(msgID: string, reason?: string): Promise<void> {
    return this.#changes.revokeMessage(msgID, reason);
  }

  deleteMessages(msgIDList: string[]): Promise<void> {
    return this.#changes.deleteMessages(msgIDList);
  }

  deleteMessagesFromServer(msgIDList: string[]): Promise<void> {
    return this.#changes.deleteMessagesFromServer(msgIDList);
  }

  clearHistoryMessage(conversationID: string): Promise<void> {
    return this.#changes.clearHistoryMessage(conversationID);
  }

  setLocalCustomData(msgID: string, localCustomData: string): Promise<Message> {
    return this.#changes.setLocalCustomData(msgID, localCustomData);
  }

  importMessages(conversationID: string, messageList: Message[]): Promise<Message[]> {
    return this.#changes.importMessages(conversationID, messageList);
  }

  insertMessageToLocalStorage(conversationID: string, message: Message, sender?: string): Promise<Message> {
    return this.#changes.insertMessageToLocalStorage(conversationID, message, sender);
  }

  // ── Reading messages ─────────────────────────────────────────────────────────────────────────────

  getHistoryMessageList(query: HistoryMessageQuery): Promise<HistoryMessageResult> {
    return this.#history.getHistoryMessageList(query);
  }

  findMessages(msgIDList: string[]): Promise<Message[]> {
    return this.#history.findMessages(msgIDList);
  }

  findMessageByLocator(conversationID: string, locator: MessageLocator): Promise<Message | null> {
    return this.#history.findMessageByLocator(conversationID, locator);
  }

  searchLocalMessages(params: MessageSearchParams): Promise<MessageSearchResult> {
    return this.#history.searchLocalMessages(params);
  }

  downloadElem(elem: MessageElem, which?: 'file' | 'snapshot'): Promise<Blob> {
    return this.#history.downloadElem(elem, which);
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

  async logout(): Promise<void> {
    const session = this.#session;
    if (session.loggedOut) return;
    this.#sending.cancelAll();
    session.loggedOut = true;
    this.#sync.stop();
    session.connectionState = 'disconnected';
    session.conversationListeners.clear();
    session.messageListeners.clear();
    session.sdkListeners.clear();
    session.link.close();
    session.onLogout?.();
    await session.store.idle();
    session.store.close();
  }
}
