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
} from '../model/types';
import type {
  AppendableElem,
  ChatEngine,
  ConversationListFilterQuery,
  ImageMessageOptions,
  SDKListener,
} from './chat-engine';

/** The calls of a {@link ChatEngine} that one part of an engine serves, by the interface's sections. */
export interface ChatEngineParts {
  /** Conversations and conversation groups. */
  conversations: Pick<
    ChatEngine,
    | 'getConversationList'
    | 'getConversationListByFilter'
    | 'getConversation'
    | 'getConversationListByIDs'
    | 'deleteConversation'
    | 'pinConversation'
    | 'setConversationDraft'
    | 'markConversation'
    | 'setConversationCustomData'
    | 'createConversationGroup'
    | 'getConversationGroupList'
    | 'renameConversationGroup'
    | 'deleteConversationGroup'
    | 'addConversationsToGroup'
    | 'deleteConversationsFromGroup'
  >;
  unread: Pick<
    ChatEngine,
    | 'getTotalUnreadMessageCount'
    | 'getUnreadMessageCountByFilter'
    | 'subscribeUnreadMessageCountByFilter'
    | 'unsubscribeUnreadMessageCountByFilter'
    | 'cleanConversationUnreadMessageCount'
    | 'markAllMessageAsRead'
    | 'markC2CMessageAsRead'
    | 'markGroupMessageAsRead'
  >;
  /** `create*Message` and `appendElem`. */
  create: Pick<
    ChatEngine,
    | 'createTextMessage'
    | 'createTextAtMessage'
    | 'createCustomMessage'
    | 'createImageMessage'
    | 'createSoundMessage'
    | 'createVideoMessage'
    | 'createFileMessage'
    | 'createLocationMessage'
    | 'createFaceMessage'
    | 'createMergerMessage'
    | 'createForwardMessage'
    | 'appendElem'
  >;
  sending: Pick<ChatEngine, 'sendMessage' | 'cancelSendingMessage' | 'resendMessage' | 'sendMessageToUsers'>;
  /** Changing messages, and storing messages on this device only. */
  changes: Pick<
    ChatEngine,
    | 'revokeMessage'
    | 'deleteMessages'
    | 'deleteMessagesFromServer'
    | 'clearHistoryMessage'
    | 'setLocalCustomData'
    | 'importMessages'
    | 'insertMessageToLocalStorage'
  >;
  /** History, lookups, search and downloads. */
  reading: Pick<
    ChatEngine,
    'getHistoryMessageList' | 'findMessages' | 'findMessageByLocator' | 'searchLocalMessages' | 'downloadElem'
  >;
  /** Receive options, users and groups. */
  directory: Pick<
    ChatEngine,
    | 'setC2CReceiveMessageOpt'
    | 'getC2CReceiveMessageOpt'
    | 'setGroupReceiveMessageOpt'
    | 'getUsersProfile'
    | 'getGroupsInfo'
    | 'getJoinedGroupList'
    | 'getGroupMemberList'
    | 'createGroup'
  >;
}

/**
 * @internal A {@link ChatEngine} made of {@link ChatEngineParts}: it hands each call to the part that
 * serves it. An engine extends it with what is its own: who is signed in, listeners, the session.
 */
export abstract class ChatEngineFacade implements ChatEngine {
  abstract readonly userID: string;
  abstract readonly connectionState: ConnectionState;
  readonly #parts: ChatEngineParts;

  protected constructor(parts: ChatEngineParts) {
    this.#parts = parts;
  }

  abstract addConversationListener(listener: ConversationListener): () => void;
  abstract removeConversationListener(listener: ConversationListener): void;
  abstract addAdvancedMsgListener(listener: AdvancedMsgListener): () => void;
  abstract removeAdvancedMsgListener(listener: AdvancedMsgListener): void;
  abstract addSDKListener(listener: SDKListener): () => void;
  abstract removeSDKListener(listener: SDKListener): void;
  abstract getServerTime(): number;
  abstract logout(): Promise<void>;

  // ── Conversations ────────────────────────────────────────────────────────────────────────────────

  getConversationList(nextSeq: number, count: number): Promise<ConversationListResult> {
    return this.#parts.conversations.getConversationList(nextSeq, count);
  }

  getConversationListByFilter(query: ConversationListFilterQuery): Promise<ConversationListResult> {
    return this.#parts.conversations.getConversationListByFilter(query);
  }

  getConversation(conversationID: string): Promise<Conversation> {
    return this.#parts.conversations.getConversation(conversationID);
  }

  getConversationListByIDs(conversationIDList: string[]): Promise<Conversation[]> {
    return this.#parts.conversations.getConversationListByIDs(conversationIDList);
  }

  deleteConversation(conversationID: string, options?: { clearMessages?: boolean }): Promise<void> {
    return this.#parts.conversations.deleteConversation(conversationID, options);
  }

  pinConversation(conversationID: string, isPinned: boolean): Promise<void> {
    return this.#parts.conversations.pinConversation(conversationID, isPinned);
  }

  setConversationDraft(conversationID: string, draftText: string | null): Promise<void> {
    return this.#parts.conversations.setConversationDraft(conversationID, draftText);
  }

  markConversation(
    conversationIDList: string[],
    markType: ConversationMarkType,
    enable: boolean,
  ): Promise<OperationResult[]> {
    return this.#parts.conversations.markConversation(conversationIDList, markType, enable);
  }

  setConversationCustomData(conversationIDList: string[], customData: string): Promise<OperationResult[]> {
    return this.#parts.conversations.setConversationCustomData(conversationIDList, customData);
  }

  // ── Conversation groups ──────────────────────────────────────────────────────────────────────────

  createConversationGroup(groupName: string, conversationIDList: string[]): Promise<OperationResult[]> {
    return this.#parts.conversations.createConversationGroup(groupName, conversationIDList);
  }

  getConversationGroupList(): Promise<ConversationGroup[]> {
    return this.#parts.conversations.getConversationGroupList();
  }

  renameConversationGroup(oldName: string, newName: string): Promise<void> {
    return this.#parts.conversations.renameConversationGroup(oldName, newName);
  }

  deleteConversationGroup(groupName: string): Promise<void> {
    return this.#parts.conversations.deleteConversationGroup(groupName);
  }

  addConversationsToGroup(groupName: string, conversationIDList: string[]): Promise<OperationResult[]> {
    return this.#parts.conversations.addConversationsToGroup(groupName, conversationIDList);
  }

  deleteConversationsFromGroup(groupName: string, conversationIDList: string[]): Promise<OperationResult[]> {
    return this.#parts.conversations.deleteConversationsFromGroup(groupName, conversationIDList);
  }

  // ── Unread ───────────────────────────────────────────────────────────────────────────────────────

  getTotalUnreadMessageCount(): Promise<number> {
    return this.#parts.unread.getTotalUnreadMessageCount();
  }

  getUnreadMessageCountByFilter(filter: UnreadFilter): Promise<number> {
    return this.#parts.unread.getUnreadMessageCountByFilter(filter);
  }

  subscribeUnreadMessageCountByFilter(filter: UnreadFilter): Promise<void> {
    return this.#parts.unread.subscribeUnreadMessageCountByFilter(filter);
  }

  unsubscribeUnreadMessageCountByFilter(filter: UnreadFilter): Promise<void> {
    return this.#parts.unread.unsubscribeUnreadMessageCountByFilter(filter);
  }

  cleanConversationUnreadMessageCount(
    conversationID: string,
    cleanTimestamp?: number,
    cleanSequence?: number,
  ): Promise<void> {
    return this.#parts.unread.cleanConversationUnreadMessageCount(
      conversationID,
      cleanTimestamp,
      cleanSequence,
    );
  }

  markAllMessageAsRead(): Promise<void> {
    return this.#parts.unread.markAllMessageAsRead();
  }

  markC2CMessageAsRead(userID: string): Promise<void> {
    return this.#parts.unread.markC2CMessageAsRead(userID);
  }

  markGroupMessageAsRead(groupID: string): Promise<void> {
    return this.#parts.unread.markGroupMessageAsRead(groupID);
  }

  // ── Creating messages ───────────────────────────────────────────────────────────────────────────

  createTextMessage(text: string): Promise<Message> {
    return this.#parts.create.createTextMessage(text);
  }

  createTextAtMessage(text: string, atUserList: string[]): Promise<Message> {
    return this.#parts.create.createTextAtMessage(text, atUserList);
  }

  createCustomMessage(data: string, description?: string, extension?: string): Promise<Message> {
    return this.#parts.create.createCustomMessage(data, description, extension);
  }

  createImageMessage(file: Blob, options?: ImageMessageOptions): Promise<Message> {
    return this.#parts.create.createImageMessage(file, options);
  }

  createSoundMessage(file: Blob, durationSec: number): Promise<Message> {
    return this.#parts.create.createSoundMessage(file, durationSec);
  }

  createVideoMessage(file: Blob, type: string, durationSec: number, snapshot: Blob): Promise<Message> {
    return this.#parts.create.createVideoMessage(file, type, durationSec, snapshot);
  }

  createFileMessage(file: Blob, fileName?: string): Promise<Message> {
    return this.#parts.create.createFileMessage(file, fileName);
  }

  createLocationMessage(description: string, longitude: number, latitude: number): Promise<Message> {
    return this.#parts.create.createLocationMessage(description, longitude, latitude);
  }

  createFaceMessage(index: number, data: string): Promise<Message> {
    return this.#parts.create.createFaceMessage(index, data);
  }

  createMergerMessage(
    messageList: Message[],
    title: string,
    abstractList: string[],
    compatibleText: string,
  ): Promise<Message> {
    return this.#parts.create.createMergerMessage(messageList, title, abstractList, compatibleText);
  }

  createForwardMessage(message: Message): Promise<Message> {
    return this.#parts.create.createForwardMessage(message);
  }

  appendElem(message: Message, elem: AppendableElem): Promise<Message> {
    return this.#parts.create.appendElem(message, elem);
  }

  // ── Sending ──────────────────────────────────────────────────────────────────────────────────────

  sendMessage(message: Message, options: SendMessageOptions): SendMessageHandle {
    return this.#parts.sending.sendMessage(message, options);
  }

  cancelSendingMessage(msgID: string): Promise<void> {
    return this.#parts.sending.cancelSendingMessage(msgID);
  }

  resendMessage(msgID: string, options?: Pick<SendMessageOptions, 'onProgress'>): SendMessageHandle {
    return this.#parts.sending.resendMessage(msgID, options);
  }

  sendMessageToUsers(message: Message, userIDList: string[]): Promise<BatchSendResult[]> {
    return this.#parts.sending.sendMessageToUsers(message, userIDList);
  }

  // ── Changing messages ────────────────────────────────────────────────────────────────────────────

  revokeMessage(msgID: string, reason?: string): Promise<void> {
    return this.#parts.changes.revokeMessage(msgID, reason);
  }

  deleteMessages(msgIDList: string[]): Promise<void> {
    return this.#parts.changes.deleteMessages(msgIDList);
  }

  deleteMessagesFromServer(msgIDList: string[]): Promise<void> {
    return this.#parts.changes.deleteMessagesFromServer(msgIDList);
  }

  clearHistoryMessage(conversationID: string): Promise<void> {
    return this.#parts.changes.clearHistoryMessage(conversationID);
  }

  setLocalCustomData(msgID: string, localCustomData: string): Promise<Message> {
    return this.#parts.changes.setLocalCustomData(msgID, localCustomData);
  }

  importMessages(conversationID: string, messageList: Message[]): Promise<Message[]> {
    return this.#parts.changes.importMessages(conversationID, messageList);
  }

  insertMessageToLocalStorage(conversationID: string, message: Message, sender?: string): Promise<Message> {
    return this.#parts.changes.insertMessageToLocalStorage(conversationID, message, sender);
  }

  // ── Reading messages ─────────────────────────────────────────────────────────────────────────────

  getHistoryMessageList(query: HistoryMessageQuery): Promise<HistoryMessageResult> {
    return this.#parts.reading.getHistoryMessageList(query);
  }

  findMessages(msgIDList: string[]): Promise<Message[]> {
    return this.#parts.reading.findMessages(msgIDList);
  }

  findMessageByLocator(conversationID: string, locator: MessageLocator): Promise<Message | null> {
    return this.#parts.reading.findMessageByLocator(conversationID, locator);
  }

  searchLocalMessages(params: MessageSearchParams): Promise<MessageSearchResult> {
    return this.#parts.reading.searchLocalMessages(params);
  }

  downloadElem(elem: MessageElem, which?: 'file' | 'snapshot'): Promise<Blob> {
    return this.#parts.reading.downloadElem(elem, which);
  }

  // ── Receive options, users and groups ────────────────────────────────────────────────────────────

  setC2CReceiveMessageOpt(userIDList: string[], opt: ReceiveMessageOpt): Promise<void> {
    return this.#parts.directory.setC2CReceiveMessageOpt(userIDList, opt);
  }

  getC2CReceiveMessageOpt(userIDList: string[]): Promise<{ userID: string; opt: ReceiveMessageOpt }[]> {
    return this.#parts.directory.getC2CReceiveMessageOpt(userIDList);
  }

  setGroupReceiveMessageOpt(groupID: string, opt: ReceiveMessageOpt): Promise<void> {
    return this.#parts.directory.setGroupReceiveMessageOpt(groupID, opt);
  }

  getUsersProfile(userIDList: string[]): Promise<UserProfile[]> {
    return this.#parts.directory.getUsersProfile(userIDList);
  }

  getGroupsInfo(groupIDList: string[]): Promise<GroupProfile[]> {
    return this.#parts.directory.getGroupsInfo(groupIDList);
  }

  getJoinedGroupList(): Promise<GroupProfile[]> {
    return this.#parts.directory.getJoinedGroupList();
  }

  getGroupMemberList(groupID: string): Promise<GroupMember[]> {
    return this.#parts.directory.getGroupMemberList(groupID);
  }

  createGroup(options: Parameters<ChatEngine['createGroup']>[0]): Promise<GroupProfile> {
    return this.#parts.directory.createGroup(options);
  }
}
