/**
 * The `engine/` folder (no index; `src/index.ts` exports it): the {@link ChatEngine} interface every backend
 * implements (this file, after the Tencent IM SDK's calls), `ChatError`, and what both engines share —
 * `engine-validation.ts`, `engine-message*.ts`, `engine-facade.ts`, `engine-conversation-pager.ts`. The
 * backends are `local/` (`@tidings/core/local`) and `tencent/` (`@tidings/core/tencent`). It may import
 * `model/`; never `store/`, `selectors/` or `testing/`.
 */
import type {
  AdvancedMsgListener,
  BatchSendResult,
  ConnectionState,
  Conversation,
  ConversationFilter,
  ConversationGroup,
  ConversationListener,
  ConversationListResult,
  ConversationMarkType,
  CustomElem,
  FaceElem,
  GroupMember,
  GroupProfile,
  HistoryMessageQuery,
  HistoryMessageResult,
  LocationElem,
  Message,
  MessageElem,
  MessageLocator,
  MessageSearchParams,
  MessageSearchResult,
  OperationResult,
  ReceiveMessageOpt,
  SendMessageHandle,
  SendMessageOptions,
  TextElem,
  UnreadFilter,
  UserProfile,
} from '../model/types';

/** Listener for the session (Tencent's `V2TIMSDKListener`). */
export interface SDKListener {
  onConnectionStateChanged?(state: ConnectionState): void;
  /** The user's profile (nick, avatar) changed. */
  onSelfInfoUpdated?(profile: UserProfile): void;
}

/** Filter and page of `getConversationListByFilter`. */
export interface ConversationListFilterQuery extends ConversationFilter {
  /** 0 for the first page, then the `nextSeq` of the previous page. */
  nextSeq: number;
  /** Page size, 1–100. */
  count: number;
}

/** Elements that `appendElem` accepts. */
export type AppendableElem = TextElem | CustomElem | FaceElem | LocationElem;

/** Options of `createImageMessage`: the original's size, when the app knows it (else the engine reads it). */
export interface ImageMessageOptions {
  width?: number | undefined;
  height?: number | undefined;
}

/**
 * The SDK boundary: one signed-in user's view of a chat service, with the Tencent Cloud IM SDK's API names.
 * Every method returns a promise and rejects only with a {@link ChatError}; a rejected call changes nothing.
 * One engine instance is one signed-in user (like one SDK instance).
 *
 * Implemented by the embedded local engine (`createLocalHub().connect(userID)`) and by adapters to real
 * services.
 */
export interface ChatEngine {
  /** The signed-in user's ID. */
  readonly userID: string;

  // ── Conversations ────────────────────────────────────────────────────────────────────────────────

  /**
   * A page of the conversation list, pinned first, then by orderKey descending, ties by conversationID.
   * Paging from `nextSeq` 0 until `isFinished` returns every conversation exactly once, even while
   * conversations move (a page cursor keeps its own snapshot of the order).
   */
  getConversationList(nextSeq: number, count: number): Promise<ConversationListResult>;
  /** Like {@link getConversationList}, for the conversations that match the filter. */
  getConversationListByFilter(query: ConversationListFilterQuery): Promise<ConversationListResult>;
  /**
   * One conversation. A conversation with a known user or group that has no activity yet is returned
   * with orderKey 0 (it is not in the list until it is activated); an unknown user or group rejects with
   * `CONVERSATION_NOT_FOUND`.
   */
  getConversation(conversationID: string): Promise<Conversation>;
  /** The listed conversations among these IDs, in the order asked; unknown IDs are left out. */
  getConversationListByIDs(conversationIDList: string[]): Promise<Conversation[]>;
  /** Deletes a conversation from the list, and its messages too unless `clearMessages` is false. */
  deleteConversation(conversationID: string, options?: { clearMessages?: boolean }): Promise<void>;
  /** Pins (activating it: orderKey increases) or unpins (orderKey is kept) a conversation. */
  pinConversation(conversationID: string, isPinned: boolean): Promise<void>;
  /** Sets (activating the conversation) or clears (`null` or `''`) the draft. */
  setConversationDraft(conversationID: string, draftText: string | null): Promise<void>;
  /** Sets or clears one mark bit on conversations (at most 100). */
  markConversation(
    conversationIDList: string[],
    markType: ConversationMarkType,
    enable: boolean,
  ): Promise<OperationResult[]>;
  /** Sets the app data of a conversation. */
  setConversationCustomData(conversationIDList: string[], customData: string): Promise<OperationResult[]>;

  // ── Conversation groups ──────────────────────────────────────────────────────────────────────────

  createConversationGroup(groupName: string, conversationIDList: string[]): Promise<OperationResult[]>;
  getConversationGroupList(): Promise<ConversationGroup[]>;
  renameConversationGroup(oldName: string, newName: string): Promise<void>;
  deleteConversationGroup(groupName: string): Promise<void>;
  addConversationsToGroup(groupName: string, conversationIDList: string[]): Promise<OperationResult[]>;
  deleteConversationsFromGroup(groupName: string, conversationIDList: string[]): Promise<OperationResult[]>;

  // ── Listeners ────────────────────────────────────────────────────────────────────────────────────

  /** Adds a conversation listener; returns a function that removes it. */
  addConversationListener(listener: ConversationListener): () => void;
  removeConversationListener(listener: ConversationListener): void;
  /** Adds a message listener; returns a function that removes it. */
  addAdvancedMsgListener(listener: AdvancedMsgListener): () => void;
  removeAdvancedMsgListener(listener: AdvancedMsgListener): void;

  // ── Unread ───────────────────────────────────────────────────────────────────────────────────────

  /** Σ unreadCount over conversations whose receive option is `receive`. */
  getTotalUnreadMessageCount(): Promise<number>;
  getUnreadMessageCountByFilter(filter: UnreadFilter): Promise<number>;
  /** After this, `onUnreadMessageCountChangedByFilter` fires for the filter whenever its total changes. */
  subscribeUnreadMessageCountByFilter(filter: UnreadFilter): Promise<void>;
  unsubscribeUnreadMessageCountByFilter(filter: UnreadFilter): Promise<void>;
  /**
   * Clears unread counts. `conversationID` is one conversation, `'c2c'` (every C2C), `'group'` (every group)
   * or `''` (everything). For one C2C conversation, messages at or before `cleanTimestamp` (0 = all); for one
   * group, at or before `cleanSequence` (0 = all).
   */
  cleanConversationUnreadMessageCount(
    conversationID: string,
    cleanTimestamp?: number,
    cleanSequence?: number,
  ): Promise<void>;
  markAllMessageAsRead(): Promise<void>;
  /** Marks a C2C conversation read and sends the peer a read receipt. */
  markC2CMessageAsRead(userID: string): Promise<void>;
  markGroupMessageAsRead(groupID: string): Promise<void>;

  // ── Creating messages ───────────────────────────────────────────────────────────────────────────

  createTextMessage(text: string): Promise<Message>;
  createTextAtMessage(text: string, atUserList: string[]): Promise<Message>;
  createCustomMessage(data: string, description?: string, extension?: string): Promise<Message>;
  createImageMessage(file: Blob, options?: ImageMessageOptions): Promise<Message>;
  createSoundMessage(file: Blob, durationSec: number): Promise<Message>;
  createVideoMessage(file: Blob, type: string, durationSec: number, snapshot: Blob): Promise<Message>;
  createFileMessage(file: Blob, fileName?: string): Promise<Message>;
  createLocationMessage(description: string, longitude: number, latitude: number): Promise<Message>;
  createFaceMessage(index: number, data: string): Promise<Message>;
  createMergerMessage(
    messageList: Message[],
    title: string,
    abstractList: string[],
    compatibleText: string,
  ): Promise<Message>;
  createForwardMessage(message: Message): Promise<Message>;
  /**
   * A copy of `message` with `elem` appended. After the first element (of any type) only text, custom, face
   * and location elements may be appended; anything else rejects with `ELEM_NOT_APPENDABLE`.
   */
  appendElem(message: Message, elem: AppendableElem): Promise<Message>;

  // ── Sending ──────────────────────────────────────────────────────────────────────────────────────

  /**
   * Sends a created (or failed) message. Returns at once with the message in status `sending`; the promise
   * resolves with the sent message. Rich media uploads first, reporting progress 0–100.
   * `receiver` + `groupID` = a targeted group message.
   */
  sendMessage(message: Message, options: SendMessageOptions): SendMessageHandle;
  /** Cancels a message whose media is still uploading; its send rejects with `SEND_CANCELLED`. */
  cancelSendingMessage(msgID: string): Promise<void>;
  /** Sends a failed message again, with the same msgID. */
  resendMessage(msgID: string, options?: Pick<SendMessageOptions, 'onProgress'>): SendMessageHandle;
  /** Sends one message to several users (not groups), a result per user. */
  sendMessageToUsers(message: Message, userIDList: string[]): Promise<BatchSendResult[]>;

  // ── Changing messages ────────────────────────────────────────────────────────────────────────────

  /** Revokes an own message (or any, for a group admin) within the revoke time limit. */
  revokeMessage(msgID: string, reason?: string): Promise<void>;
  /** Deletes messages from this device only. */
  deleteMessages(msgIDList: string[]): Promise<void>;
  /** Deletes messages from this device and from roaming history (at most 30 a call). */
  deleteMessagesFromServer(msgIDList: string[]): Promise<void>;
  /** Clears a conversation's local and roaming history; the conversation stays with an empty lastMessage. */
  clearHistoryMessage(conversationID: string): Promise<void>;
  /** Sets data kept with the message on this device only. */
  setLocalCustomData(msgID: string, localCustomData: string): Promise<Message>;

  // ── Reading messages ─────────────────────────────────────────────────────────────────────────────

  /** A page of history (oldest first), from local storage, pulling roaming history when it runs out. */
  getHistoryMessageList(query: HistoryMessageQuery): Promise<HistoryMessageResult>;
  /** Local messages by ID, in the order asked; unknown IDs are left out. */
  findMessages(msgIDList: string[]): Promise<Message[]>;
  findMessageByLocator(conversationID: string, locator: MessageLocator): Promise<Message | null>;
  searchLocalMessages(params: MessageSearchParams): Promise<MessageSearchResult>;
  /** Imports messages into a conversation's local storage (status `imported`). */
  importMessages(conversationID: string, messageList: Message[]): Promise<Message[]>;
  /** Stores a message locally only (status `local`), for example a local tip. */
  insertMessageToLocalStorage(conversationID: string, message: Message, sender?: string): Promise<Message>;
  /** The bytes of an image, sound, video or file element (`which` picks a video's snapshot). */
  downloadElem(elem: MessageElem, which?: 'file' | 'snapshot'): Promise<Blob>;

  // ── Receive options ──────────────────────────────────────────────────────────────────────────────

  setC2CReceiveMessageOpt(userIDList: string[], opt: ReceiveMessageOpt): Promise<void>;
  getC2CReceiveMessageOpt(userIDList: string[]): Promise<{ userID: string; opt: ReceiveMessageOpt }[]>;
  setGroupReceiveMessageOpt(groupID: string, opt: ReceiveMessageOpt): Promise<void>;

  // ── Users and groups ─────────────────────────────────────────────────────────────────────────────

  getUsersProfile(userIDList: string[]): Promise<UserProfile[]>;
  getGroupsInfo(groupIDList: string[]): Promise<GroupProfile[]>;
  /** Groups the signed-in user is a member of. */
  getJoinedGroupList(): Promise<GroupProfile[]>;
  getGroupMemberList(groupID: string): Promise<GroupMember[]>;
  /** Creates a group with the signed-in user as owner; members get a `create` group tip. */
  createGroup(options: {
    name: string;
    memberUserIDList: string[];
    groupID?: string;
    faceUrl?: string;
  }): Promise<GroupProfile>;

  // ── Session ──────────────────────────────────────────────────────────────────────────────────────

  /** Server time in milliseconds. */
  getServerTime(): number;
  readonly connectionState: ConnectionState;
  /** Adds a listener for connection state changes; returns a function that removes it. */
  addSDKListener(listener: SDKListener): () => void;
  removeSDKListener(listener: SDKListener): void;
  /** Ends the session: listeners stop, later calls reject with `NOT_LOGGED_IN`. */
  logout(): Promise<void>;
}
