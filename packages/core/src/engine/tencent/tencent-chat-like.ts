/**
 * The part of the `@tencentcloud/chat` (3.x) web SDK the Tencent adapter uses, as structural types, so an
 * app passes the real SDK instance and tests pass a fake. Only what the adapter reads or calls is declared;
 * field types are what the SDK hands out at run time (see the fixtures in `tencent-fixtures/`).
 *
 * The SDK's own `.d.ts` types every `TencentCloudChat.TYPES` value as one enum mixing strings and
 * numbers, and callbacks as `Function`; where the adapter passes such a field to the SDK it is declared
 * here as {@link TencentEnumValue} or `unknown` so the real instance stays assignable. What the SDK hands
 * back is typed `any` there, so those types are as precise as the run time. `tencent-sdk-types.test.ts`
 * replays every call the adapter makes against the `.d.ts` (with a documented overlay where it is wrong).
 */

/**
 * A `TencentCloudChat.TYPES` value (a string such as `'C2C'`, or a number such as a mark bit), where an
 * SDK call takes one. The SDK's `.d.ts` types all of them as one enum mixing strings and numbers, which
 * no narrower type here could be compared with in either direction, so the real instance would stop being
 * assignable; what the adapter actually passes is narrower (the `Tencent*Value` types below), and the
 * type test `tencent-sdk-types.test.ts` checks those against the `.d.ts`.
 */
export type TencentEnumValue = string | number;

/** The conversation types the adapter sends to: `TYPES.CONV_C2C`, `TYPES.CONV_GROUP`. */
export type TencentConversationTypeValue =
  | typeof TencentChatTypes.CONV_C2C
  | typeof TencentChatTypes.CONV_GROUP;

/** `TYPES.MSG_PRIORITY_*`. */
export type TencentPriorityValue = 'High' | 'Normal' | 'Low' | 'Lowest';

/** The receive options the adapter sets: `TYPES.MSG_REMIND_*`. */
export type TencentRemindTypeValue =
  | typeof TencentChatTypes.MSG_REMIND_ACPT_AND_NOTE
  | typeof TencentChatTypes.MSG_REMIND_ACPT_NOT_NOTE
  | typeof TencentChatTypes.MSG_REMIND_DISCARD;

/** The scopes of `setAllMessageRead`: `TYPES.READ_ALL_*`. */
export type TencentReadAllScope =
  | typeof TencentChatTypes.READ_ALL_C2C_MSG
  | typeof TencentChatTypes.READ_ALL_GROUP_MSG
  | typeof TencentChatTypes.READ_ALL_MSG;

/** Group types of `createGroup`: `TYPES.GRP_WORK` (`'Private'`), `GRP_PUBLIC`, `GRP_MEETING`, `GRP_AVCHATROOM`, `GRP_COMMUNITY`. */
export type TencentGroupTypeValue = 'Private' | 'Public' | 'ChatRoom' | 'AVChatRoom' | 'Community';

/** What the SDK's promise-returning calls resolve with. */
export interface TencentResponse<T> {
  code?: number;
  data: T;
}

/** What an SDK event handler receives. */
export interface TencentEvent {
  name?: string;
  data?: unknown;
}

/** A user profile (`Profile`). */
export interface TencentProfile {
  userID: string;
  nick?: string;
  avatar?: string;
}

/** The signed-in user's membership of a group (`Group.selfInfo`). */
export interface TencentGroupSelfInfo {
  messageRemindType?: string;
  readedSequence?: number;
  role?: string;
}

/** A group profile (`Group`). Counts and times are numbers or numeric strings, depending on the call. */
export interface TencentGroup {
  groupID: string;
  name?: string;
  avatar?: string;
  /** `'Private'`, `'Public'`, `'ChatRoom'`, `'AVChatRoom'` or `'Community'`. */
  type?: string;
  ownerID?: string;
  /** Seconds. */
  createTime?: number | string;
  memberNum?: number | string;
  memberCount?: number | string;
  /** Left out, or `{}`, outside the group calls that fill it. */
  selfInfo?: TencentGroupSelfInfo | null;
}

/** The summary of a conversation's newest message: no message ID, no status, no element list. */
export interface TencentLastMessage {
  /** Seconds. */
  lastTime?: number | string;
  lastSequence?: number | string;
  fromAccount?: string;
  messageForShow?: string;
  /** The first element's content, when the SDK has it. */
  payload?: unknown;
  /** The first element's type, e.g. `'TIMTextElem'`; `null` or `''` when unknown. */
  type?: string | null;
  isRevoked?: boolean;
  cloudCustomData?: string;
  onlineOnlyFlag?: boolean;
  nick?: string;
  nameCard?: string;
  isPeerRead?: boolean;
  /** The revoker's user ID; `null` when not revoked. */
  revoker?: string | null;
}

/** An `@` of the signed-in user in a group (`Conversation.groupAtInfoList[i]`). */
export interface TencentGroupAtInfo {
  from?: string;
  groupID?: string;
  messageSequence?: number;
  /** `TYPES.CONV_AT_ME` 1, `CONV_AT_ALL` 2, `CONV_AT_ALL_AT_ME` 3. */
  atTypeArray?: number[];
}

/** A conversation (`Conversation`), as the SDK hands it out and then mutates in place. */
export interface TencentConversation {
  /** `C2C<userID>` or `GROUP<groupID>` (or `@TIM#SYSTEM`). */
  conversationID: string;
  /** `'C2C'`, `'GROUP'` or `'@TIM#SYSTEM'`. */
  type: string;
  unreadCount: number;
  lastMessage?: TencentLastMessage | null;
  userProfile?: TencentProfile;
  groupProfile?: TencentGroup;
  groupAtInfoList?: TencentGroupAtInfo[];
  remark?: string;
  isPinned?: boolean;
  /** `'AcceptAndNotify'`, `'AcceptNotNotify'`, `'Discard'` or `''`; left out on some group conversations. */
  messageRemindType?: string;
  /** Mark bits that are set: star 1, unread 2, fold 4, hide 8 (the SDK's .d.ts has fold and hide wrong). */
  markList?: number[];
  customData?: string;
  conversationGroupList?: string[];
  draftText?: string;
}

/** One element of a message: `{ type, content }` (`{ type, payload }` inside merged messages). */
export interface TencentElement {
  type: string;
  content?: unknown;
  payload?: unknown;
}

/** A message (`Message`). The SDK reuses and mutates these objects, so the adapter copies on every read. */
export interface TencentMessage {
  ID: string;
  /** The first element's type. */
  type?: TencentEnumValue;
  /** The first element's content. */
  payload?: unknown;
  conversationID: string;
  conversationType?: TencentEnumValue;
  to?: string;
  from?: string;
  /** `'in'` (received) or `'out'` (sent by the signed-in user). */
  flow?: string;
  /** Seconds. */
  time?: number;
  /** `'unSend'`, `'success'` or `'fail'`. */
  status?: string;
  isRevoked?: boolean;
  isDeleted?: boolean;
  priority?: TencentEnumValue;
  nick?: string;
  avatar?: string;
  nameCard?: string;
  isPeerRead?: boolean;
  isRead?: boolean;
  atUserList?: string[];
  cloudCustomData?: string;
  sequence?: number;
  random?: number;
  revoker?: string;
  revokerInfo?: { userID?: string; nick?: string; avatar?: string };
  revokeReason?: string;
  /** Every element, in order (the run-time `getElements()`). */
  _elements?: TencentElement[];
  getElements?(): TencentElement[];
  _onlineOnlyFlag?: boolean;
  _isExcludedFromUnreadCount?: boolean;
  _isExcludedFromLastMessage?: boolean;
  _receiverList?: string[];
}

/** Options of the SDK's `create*Message` calls. */
export interface TencentMessageOptions {
  to: string;
  conversationType: TencentEnumValue;
  payload: unknown;
  priority?: TencentEnumValue;
  cloudCustomData?: string;
  receiverList?: string[];
  /** Called with the upload progress as a fraction 0–1 (`Function` in the SDK's .d.ts). */
  onProgress?: unknown;
}

/** The second argument of `sendMessage` (`any` in the SDK's .d.ts), as the adapter fills it. */
export interface TencentSendOptions {
  /** Online-only: not stored, not counted, never the last message (typing indicators). */
  onlineUserOnly?: boolean;
  offlinePushInfo?: { title?: string; description?: string; extension?: string; disablePush?: boolean };
  messageControlInfo?: { excludedFromUnreadCount?: boolean; excludedFromLastMessage?: boolean };
}

/** A page of `getMessageList`. */
export interface TencentMessageListData {
  messageList: TencentMessage[];
  nextReqMessageID?: string;
  isCompleted?: boolean;
}

/** A page of `getMessageListHopping`: `nextMessageSeq` for groups, `nextMessageTime` for C2C. */
export interface TencentHoppingData {
  messageList: TencentMessage[];
  isCompleted?: boolean;
  /** `''` once complete. */
  nextMessageSeq?: number | '';
  /** Seconds; `''` once complete. */
  nextMessageTime?: number | '';
}

/** What the batch conversation calls (`markConversation`, conversation groups, custom data) resolve with. */
export interface TencentBatchResultData {
  successConversationIDList?: string[];
  failureConversationIDList?: { conversationID: string; code?: number; message?: string }[];
}

/** A group member (`GroupMember`). */
export interface TencentGroupMember {
  userID: string;
  nick?: string;
  avatar?: string;
  /** `'Owner'`, `'Admin'` or `'Member'`. */
  role?: string;
  /** Seconds. */
  joinTime?: number;
}

/** One conversation of a cloud message search. */
export interface TencentSearchResultItem {
  conversationID: string;
  messageCount?: number;
  messageList?: TencentMessage[];
}

/**
 * The `@tencentcloud/chat` instance, created and logged in by the app (`TencentCloudChat.create(...)`,
 * `chat.login(...)`). Only the calls the adapter makes are declared.
 */
export interface TencentChatLike {
  on(eventName: string, handler: (event: TencentEvent) => void): void;
  off(eventName: string, handler: (event: TencentEvent) => void): void;
  isReady(): boolean;
  /** Milliseconds (`Number` in the SDK's .d.ts). */
  getServerTime(): unknown;
  logout(): Promise<unknown>;

  getConversationList(
    options?:
      | string[]
      | {
          type?: TencentEnumValue;
          markType?: number;
          groupName?: string;
          hasUnreadCount?: boolean;
          hasGroupAtInfo?: boolean;
        },
  ): Promise<TencentResponse<{ conversationList: TencentConversation[]; isSyncCompleted?: boolean }>>;
  getConversationProfile(
    conversationID: string,
  ): Promise<TencentResponse<{ conversation: TencentConversation }>>;
  deleteConversation(
    options: string | { conversationIDList: string[]; clearHistoryMessage?: boolean },
  ): Promise<TencentResponse<unknown>>;
  pinConversation(options: { conversationID: string; isPinned: boolean }): Promise<TencentResponse<unknown>>;
  setConversationDraft(options: {
    conversationID: string;
    draftText: string;
  }): Promise<TencentResponse<unknown>>;
  markConversation(options: {
    conversationIDList: string[];
    markType: number;
    enableMark: boolean;
  }): Promise<TencentResponse<TencentBatchResultData>>;
  setConversationCustomData(options: {
    conversationIDList: string[];
    customData: string;
  }): Promise<TencentResponse<TencentBatchResultData>>;
  getConversationGroupList(): Promise<TencentResponse<string[]>>;
  createConversationGroup(options: {
    conversationIDList: string[];
    groupName: string;
  }): Promise<TencentResponse<TencentBatchResultData>>;
  deleteConversationGroup(groupName: string): Promise<TencentResponse<unknown>>;
  renameConversationGroup(options: { oldName: string; newName: string }): Promise<TencentResponse<unknown>>;
  addConversationsToGroup(options: {
    conversationIDList: string[];
    groupName: string;
  }): Promise<TencentResponse<TencentBatchResultData>>;
  deleteConversationsFromGroup(options: {
    conversationIDList: string[];
    groupName: string;
  }): Promise<TencentResponse<TencentBatchResultData>>;

  setMessageRead(options: { conversationID: string }): Promise<TencentResponse<unknown>>;
  setAllMessageRead(options: { scope: TencentEnumValue }): Promise<TencentResponse<unknown>>;
  setMessageRemindType(options: {
    groupID?: string;
    userIDList?: string[];
    messageRemindType: TencentEnumValue;
  }): Promise<TencentResponse<unknown>>;

  createTextMessage(options: TencentMessageOptions): TencentMessage;
  createTextAtMessage(options: TencentMessageOptions): TencentMessage;
  createCustomMessage(options: TencentMessageOptions): TencentMessage;
  createImageMessage(options: TencentMessageOptions): TencentMessage;
  createVideoMessage(options: TencentMessageOptions): TencentMessage;
  createFileMessage(options: TencentMessageOptions): TencentMessage;
  createLocationMessage(options: TencentMessageOptions): TencentMessage;
  createFaceMessage(options: TencentMessageOptions): TencentMessage;
  createMergerMessage(options: TencentMessageOptions): TencentMessage;
  createForwardMessage(options: TencentMessageOptions): TencentMessage;
  sendMessage(
    message: TencentMessage,
    options?: TencentSendOptions,
  ): Promise<TencentResponse<{ message: TencentMessage }>>;
  resendMessage(message: TencentMessage): Promise<TencentResponse<{ message: TencentMessage }>>;
  revokeMessage(message: TencentMessage): Promise<TencentResponse<{ message: TencentMessage }>>;
  deleteMessage(messageList: TencentMessage[]): Promise<TencentResponse<unknown>>;
  clearHistoryMessage(conversationID: string): Promise<TencentResponse<unknown>>;
  getMessageList(options: {
    conversationID: string;
    nextReqMessageID?: string;
  }): Promise<TencentResponse<TencentMessageListData>>;
  getMessageListHopping(options: {
    conversationID: string;
    sequence?: number;
    time?: number;
    direction?: number;
    count?: number;
  }): Promise<TencentResponse<TencentHoppingData>>;
  findMessage(messageID: string): TencentMessage | null;
  /**
   * Fills a merged message the SDK stored in the cloud (a large merge arrives with a `downloadKey` and no
   * messages) in place. It takes the message, but the SDK's .d.ts declares message options, so a
   * `TencentMessage` parameter would make the real instance unassignable; `unknown` keeps it assignable.
   */
  downloadMergerMessage(message: unknown): Promise<unknown>;
  /**
   * Needs the SDK created with its cloud search module (a paid feature); without it the SDK answers 2998
   * (NO_MODULE), which the engine reports as `NOT_SUPPORTED`.
   */
  searchCloudMessages(options: {
    keywordList?: string[];
    keywordListMatchType?: 'or' | 'and';
    senderUserIDList?: string[];
    messageTypeList?: string[];
    conversationID?: string;
    timePosition?: number;
    timePeriod?: number;
    count?: number;
    cursor?: string;
  }): Promise<
    TencentResponse<{ searchResultList?: TencentSearchResultItem[]; cursor?: string; totalCount?: number }>
  >;

  getUserProfile(options: { userIDList: string[] }): Promise<TencentResponse<TencentProfile[]>>;
  getGroupProfile(options: { groupID: string }): Promise<TencentResponse<{ group: TencentGroup }>>;
  getGroupList(): Promise<TencentResponse<{ groupList: TencentGroup[] }>>;
  getGroupMemberList(options: {
    groupID: string;
    count?: number;
    offset?: number;
  }): Promise<TencentResponse<{ memberList: TencentGroupMember[] }>>;
  createGroup(options: {
    type: TencentEnumValue;
    name: string;
    groupID?: string;
    avatar?: string;
    memberList?: { userID: string }[];
  }): Promise<TencentResponse<{ group: TencentGroup }>>;
}

/** `TencentCloudChat.EVENT` values the adapter listens to. */
export const TencentChatEvent = {
  SDK_READY: 'sdkStateReady',
  SDK_NOT_READY: 'sdkStateNotReady',
  MESSAGE_RECEIVED: 'onMessageReceived',
  MESSAGE_MODIFIED: 'onMessageModified',
  MESSAGE_REVOKED: 'onMessageRevoked',
  MESSAGE_READ_BY_PEER: 'onMessageReadByPeer',
  CONVERSATION_LIST_UPDATED: 'onConversationListUpdated',
  TOTAL_UNREAD_MESSAGE_COUNT_UPDATED: 'onTotalUnreadMessageCountUpdated',
  CONVERSATION_GROUP_LIST_UPDATED: 'onConversationGroupListUpdated',
  CONVERSATION_IN_GROUP_UPDATED: 'onConversationInGroupUpdated',
  PROFILE_UPDATED: 'onProfileUpdated',
  KICKED_OUT: 'kickedOut',
  NET_STATE_CHANGE: 'netStateChange',
} as const;

/** `TencentCloudChat.TYPES` values the adapter reads or passes, with the SDK's run-time values. */
export const TencentChatTypes = {
  MSG_TEXT: 'TIMTextElem',
  MSG_IMAGE: 'TIMImageElem',
  MSG_AUDIO: 'TIMSoundElem',
  MSG_VIDEO: 'TIMVideoFileElem',
  MSG_FILE: 'TIMFileElem',
  MSG_FACE: 'TIMFaceElem',
  MSG_LOCATION: 'TIMLocationElem',
  MSG_GRP_TIP: 'TIMGroupTipElem',
  MSG_CUSTOM: 'TIMCustomElem',
  MSG_MERGER: 'TIMRelayElem',
  CONV_C2C: 'C2C',
  CONV_GROUP: 'GROUP',
  GRP_WORK: 'Private',
  MSG_REMIND_ACPT_AND_NOTE: 'AcceptAndNotify',
  MSG_REMIND_ACPT_NOT_NOTE: 'AcceptNotNotify',
  MSG_REMIND_DISCARD: 'Discard',
  MSG_AT_ALL: '__kImSDK_MesssageAtALL__',
  READ_ALL_C2C_MSG: 'readAllC2CMessage',
  READ_ALL_GROUP_MSG: 'readAllGroupMessage',
  READ_ALL_MSG: 'readAllMessage',
} as const;
