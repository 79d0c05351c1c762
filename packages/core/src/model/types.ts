/**
 * The Tidings chat model: conversations, messages and their elements, after the Tencent Cloud IM SDK.
 *
 * All times are milliseconds since the epoch (the Tencent web SDK's seconds are converted by its adapter).
 * Every record here is plain, immutable data: a change makes a new object, so `===` tells what changed.
 *
 * The `model/` folder (no index; `src/index.ts` exports it): these types, the state's shape
 * (`chat-state.ts`) and pure transitions — `conversation-order.ts`, `record-map.ts`, `message-window.ts`,
 * `conversation-view.ts`, `conversation-filter.ts`, `message-schema.ts`, `url-policy.ts`. It is the bottom
 * layer: it imports nothing from `engine/`, `store/`, `selectors/`, `format/` or `testing/` (only
 * `ChatError`, until it moves here).
 */

/** `'c2c'` is a one-to-one conversation, `'group'` a group conversation. */
export type ConversationType = 'c2c' | 'group';

/**
 * How a conversation's messages are received.
 * - `receive`: delivered, counted as unread and in the total unread count.
 * - `receiveNotNotify` (muted): delivered and counted per conversation, left out of the total.
 * - `notReceive`: not delivered at all while set.
 */
export type ReceiveMessageOpt = 'receive' | 'notReceive' | 'receiveNotNotify';

/** Conversation mark bits, the same values as the Tencent SDK (star 1, unread 2, fold 4, hide 8). */
export const ConversationMarkType = {
  star: 1,
  unread: 2,
  fold: 4,
  hide: 8,
} as const;

/** One conversation mark bit: 1 (star), 2 (unread), 4 (fold) or 8 (hide). */
export type ConversationMarkType = (typeof ConversationMarkType)[keyof typeof ConversationMarkType];

/** An `@` mention of the signed-in user (or of everyone) in a group conversation. */
export interface GroupAtInfo {
  /** seq of the message that mentions. */
  seq: number;
  /** `'me'`, `'all'`, or `'allAndMe'`. */
  atType: 'me' | 'all' | 'allAndMe';
}

/** A user profile as the hub knows it. */
export interface UserProfile {
  userID: string;
  nick: string;
  /** Avatar URL; empty when the user has none (UIs derive initials and a colour from the ID). */
  faceUrl: string;
}

/** A group as the hub knows it. */
export interface GroupProfile {
  groupID: string;
  name: string;
  faceUrl: string;
  ownerID: string;
  memberCount: number;
  /** When the group was created. */
  createTime: number;
}

/** A member of a group. */
export interface GroupMember {
  userID: string;
  nick: string;
  faceUrl: string;
  role: 'owner' | 'admin' | 'member';
  joinTime: number;
}

/** A conversation as one signed-in user sees it. */
export interface Conversation {
  /** `c2c_<userID>` or `group_<groupID>`. */
  conversationID: string;
  type: ConversationType;
  /** The peer's userID for `c2c`, empty for `group`. */
  userID: string;
  /** The groupID for `group`, empty for `c2c`. */
  groupID: string;
  /** The name to show: the peer's nick (or userID) or the group's name (or groupID). */
  showName: string;
  /** Avatar URL of the peer or the group; empty when there is none. */
  faceUrl: string;
  /**
   * Increases whenever the conversation is activated: a message sent or received (unless excluded from
   * lastMessage; online-only messages never move it), a draft set, or the conversation pinned.
   */
  orderKey: number;
  isPinned: boolean;
  /** Messages from others not yet read, excluding those sent with `isExcludedFromUnreadCount`. */
  unreadCount: number;
  recvOpt: ReceiveMessageOpt;
  /**
   * The newest stored message not excluded from lastMessage; a revoked one keeps its place with status
   * `revoked`. `null` when there is none (for example after the history was cleared).
   */
  lastMessage: Message | null;
  /** The unsent draft, `null` when there is none. */
  draftText: string | null;
  /** When the draft was last set, `null` when there is no draft. */
  draftTimestamp: number | null;
  /** Mark bits that are set, ascending (see {@link ConversationMarkType}). */
  markList: ConversationMarkType[];
  /** Names of the conversation groups (folders) this conversation is in. */
  conversationGroupList: string[];
  /** Unread `@` mentions of the signed-in user in a group. */
  groupAtInfoList: GroupAtInfo[];
  /** seq of the newest message the signed-in user has read (group read position). */
  readSeq: number;
  /** App data for the conversation, synced to the user's devices. */
  customData: string;
}

/** The lifecycle of a message. */
export type MessageStatus = 'sending' | 'sent' | 'failed' | 'revoked' | 'local' | 'imported';

/** Group message priority; ignored for C2C. */
export type MessagePriority = 'high' | 'normal' | 'low' | 'lowest';

/** A text element. */
export interface TextElem {
  type: 'text';
  text: string;
}

/** A custom element: app-defined data, with an optional description used as its preview. */
export interface CustomElem {
  type: 'custom';
  data: string;
  description: string;
  extension: string;
}

/** Fields every media element (image, sound, video, file) has. */
export interface MediaElemBase {
  /** Identifies the uploaded bytes; pass the element to `downloadElem` to get them. */
  uuid: string;
  /** A URL the bytes can be fetched from, when the backend has one (adapters); empty for the local engine. */
  url: string;
  /** Size in bytes. */
  fileSize: number;
  /** MIME type when known, else empty. */
  mimeType: string;
}

/** An image. Width and height are the original's, so a UI can reserve space before it loads. */
export interface ImageElem extends MediaElemBase {
  type: 'image';
  fileName: string;
  width: number;
  height: number;
  /** A thumbnail URL when the backend provides one; empty otherwise. */
  thumbUrl: string;
}

/** A voice message. */
export interface SoundElem extends MediaElemBase {
  type: 'sound';
  /** Length in seconds. */
  duration: number;
}

/** A video with its snapshot (poster). */
export interface VideoElem extends MediaElemBase {
  type: 'video';
  /** Container format, e.g. `mp4`. */
  videoType: string;
  /** Length in seconds. */
  duration: number;
  snapshotUuid: string;
  snapshotUrl: string;
  snapshotWidth: number;
  snapshotHeight: number;
}

/** A file. */
export interface FileElem extends MediaElemBase {
  type: 'file';
  fileName: string;
}

/** A location. */
export interface LocationElem {
  type: 'location';
  description: string;
  longitude: number;
  latitude: number;
}

/** A sticker / face from an app-defined set. */
export interface FaceElem {
  type: 'face';
  index: number;
  data: string;
}

/** A merged ("chat history") message holding other messages. */
export interface MergerElem {
  type: 'merger';
  title: string;
  abstractList: string[];
  compatibleText: string;
  messageList: Message[];
}

/** What a group tip reports. */
export type GroupTipType =
  | 'join'
  | 'quit'
  | 'kicked'
  | 'setAdmin'
  | 'cancelAdmin'
  | 'groupInfoChange'
  | 'memberInfoChange'
  | 'create'
  | 'dismiss';

/** A system line in a group ("Carol joined the group"); only the server sends these. */
export interface GroupTipElem {
  type: 'groupTip';
  tipType: GroupTipType;
  /** Who did it. */
  opUserID: string;
  /** Whom it was done to. */
  userIDList: string[];
  /** Changed group fields for `groupInfoChange`, e.g. `{ name: 'New name' }`. */
  groupInfo: Record<string, string>;
  memberCount: number;
  /**
   * Display names the server sent with the tip, by user ID (its operator and members), so the tip reads
   * with names even for users the app has no profile of. Left out when the engine has none.
   */
  nicknames?: Record<string, string>;
}

/** Every element type. */
export type MessageElem =
  | TextElem
  | CustomElem
  | ImageElem
  | SoundElem
  | VideoElem
  | FileElem
  | LocationElem
  | FaceElem
  | MergerElem
  | GroupTipElem;

/** Every element type name. */
export type MessageElemType = MessageElem['type'];

/** Element types that may follow the first element of a message (any type may be first). */
export const APPENDABLE_ELEM_TYPES: readonly MessageElemType[] = ['text', 'custom', 'face', 'location'];

/** A message. */
export interface Message {
  /** Unique, assigned at creation. */
  msgID: string;
  /** Empty until the message is sent or stored into a conversation. */
  conversationID: string;
  conversationType: ConversationType;
  /** The peer's userID in a C2C conversation; empty for group messages. */
  userID: string;
  /** The group's ID in a group conversation; empty for C2C. */
  groupID: string;
  /** The sender's userID. */
  sender: string;
  /** The sender's nick at send time. */
  nick: string;
  /** The sender's avatar at send time. */
  faceUrl: string;
  /** Whether the signed-in user sent it. */
  isSelf: boolean;
  /** Server time for sent messages; local time before that. */
  timestamp: number;
  /** Position in the conversation assigned by the server; 0 before it is sent and for local messages. */
  seq: number;
  /** Random number that, with timestamp and sender, locates a message. */
  random: number;
  status: MessageStatus;
  elemList: MessageElem[];
  priority: MessagePriority;
  /** For received messages: whether the signed-in user has read it. Always true for own messages. */
  isRead: boolean;
  /** For own C2C messages: whether the peer has read it. */
  isPeerRead: boolean;
  isExcludedFromUnreadCount: boolean;
  isExcludedFromLastMessage: boolean;
  /** Online-only (for example typing indicators): never stored, never unread, never lastMessage. */
  isOnlineOnly: boolean;
  /** Users a targeted group message was sent to; empty for an ordinary message. */
  targetUserIDList: string[];
  /** User IDs mentioned with `@` in a group message; {@link AT_ALL} mentions everyone. */
  atUserList: string[];
  /** App data sent with the message. */
  cloudCustomData: string;
  /** App data kept on this device only. */
  localCustomData: string;
  /** Who revoked it, when status is `revoked`. */
  revoker: string;
  /** Why it was revoked, when given. */
  revokeReason: string;
}

/** Put in `atUserList` to mention everyone in a group. */
export const AT_ALL = '@all';

/** A conversation filter as the seeds define it. Fields left out do not filter. */
export interface ConversationFilter {
  type?: ConversationType;
  /** Only conversations with this mark bit set. */
  markType?: ConversationMarkType;
  /** Only conversations in this conversation group. */
  conversationGroup?: string;
  /** Only conversations with (true) or without (false) unread messages. */
  hasUnreadCount?: boolean;
  /** Only conversations with (true) or without (false) unread `@` mentions. */
  hasGroupAtInfo?: boolean;
}

/** A filter for unread totals; the seeds tell subscriptions apart by type + conversationGroup + markType. */
export interface UnreadFilter {
  type?: ConversationType;
  markType?: ConversationMarkType;
  conversationGroup?: string;
}

/** A page of conversations. */
export interface ConversationListResult {
  conversationList: Conversation[];
  /** Pass back to get the next page. */
  nextSeq: number;
  isFinished: boolean;
}

/** A conversation group (a folder of conversations). */
export interface ConversationGroup {
  name: string;
  conversationIDList: string[];
}

/** Result of an operation on several conversations or users. */
export interface OperationResult {
  /** The conversation or user ID. */
  id: string;
  /** 0 on success; otherwise the {@link ChatErrorCode} of the failure. */
  resultCode: 0 | string;
  resultInfo: string;
}

/** Options of `sendMessage`. */
export interface SendMessageOptions {
  /** Peer for a C2C message; with `groupID`, the target of a targeted group message. */
  receiver?: string | undefined;
  groupID?: string | undefined;
  /** @default 'normal' */
  priority?: MessagePriority | undefined;
  /** Deliver only to engines that are online; never stored. @default false */
  onlineUserOnly?: boolean | undefined;
  /** Title and text of an offline push (kept on the message; the local engine has no push service). */
  offlinePushInfo?: { title?: string; desc?: string; ext?: string } | undefined;
  /** @default false */
  isExcludedFromUnreadCount?: boolean | undefined;
  /** @default false */
  isExcludedFromLastMessage?: boolean | undefined;
  /** Upload progress of rich media, 0–100. */
  onProgress?: ((progress: number) => void) | undefined;
}

/**
 * What `sendMessage` returns: a promise of the sent message that also carries the message right away
 * (status `sending`, with its msgID), so `await engine.sendMessage(m)` and
 * `const { message, promise } = engine.sendMessage(m)` both work.
 */
export interface SendMessageHandle extends Promise<Message> {
  /** The message as it is now: status `sending` with its final msgID. */
  readonly message: Message;
  /** The same promise, for destructuring. */
  readonly promise: Promise<Message>;
}

/** Parameters of `getHistoryMessageList`. */
export interface HistoryMessageQuery {
  conversationID: string;
  /** How many to return, 1–100. */
  count: number;
  /** Start after (older) or before (newer) this message; it is not included. */
  lastMsg?: Message;
  /** Start at this seq (groups); the message with this seq is included. Ignored when `lastMsg` is given. */
  lastMsgSeq?: number;
  /** @default 'older' */
  direction?: 'older' | 'newer';
  /** With timePeriod: only messages in [timeBegin, timeBegin + timePeriod]. Without a cursor, the start point. */
  timeBegin?: number;
  timePeriod?: number;
}

/** One page of history, oldest first. */
export interface HistoryMessageResult {
  messageList: Message[];
  /** Whether there may be more in that direction (locally or in roaming history). */
  isFinished: boolean;
}

/** Locates a message: by seq, or (C2C) by time + random + isSelf. */
export type MessageLocator = { seq: number } | { time: number; random: number; isSelf: boolean };

/** Parameters of `searchLocalMessages`. */
export interface MessageSearchParams {
  /** Keywords, matched case-insensitively in text, custom description/data, file names and location. */
  keywordList?: string[];
  /** @default 'or' */
  keywordListMatchType?: 'or' | 'and';
  /** Only these element types. */
  messageTypeList?: MessageElemType[];
  /** Only messages from these senders. */
  senderUserIDList?: string[];
  /** Only this conversation; all conversations when left out. */
  conversationID?: string;
  /** Start of the time range; 0 = from the beginning. */
  timePosition?: number;
  /** Length of the time range; 0 = up to now. */
  timePeriod?: number;
  /** 0-based page. @default 0 */
  pageIndex?: number;
  /** @default 20 */
  pageSize?: number;
}

/** Search results grouped by conversation. */
export interface MessageSearchResult {
  /** Matching messages in all conversations. */
  totalCount: number;
  items: MessageSearchResultItem[];
}

/** Matches in one conversation. */
export interface MessageSearchResultItem {
  conversationID: string;
  /** Matches in this conversation (all pages). */
  messageCount: number;
  /** The matches on this page, newest first. */
  messageList: Message[];
}

/** Result of sending one message to several users. */
export interface BatchSendResult {
  userID: string;
  /** The message as delivered to that user's conversation, when sent. */
  message: Message | null;
  /** null on success. */
  error: import('./chat-error').ChatError | null;
}

/** Listener for conversation events (Tencent's `V2TIMConversationListener`). Every method is optional. */
export interface ConversationListener {
  onSyncServerStart?(): void;
  onSyncServerFinish?(): void;
  onSyncServerFailed?(): void;
  onNewConversation?(conversationList: Conversation[]): void;
  onConversationChanged?(conversationList: Conversation[]): void;
  onConversationDeleted?(conversationIDList: string[]): void;
  onTotalUnreadMessageCountChanged?(totalUnreadCount: number): void;
  onUnreadMessageCountChangedByFilter?(filter: UnreadFilter, totalUnreadCount: number): void;
  onConversationGroupCreated?(groupName: string, conversationList: Conversation[]): void;
  onConversationGroupDeleted?(groupName: string): void;
  onConversationGroupNameChanged?(oldName: string, newName: string): void;
}

/** Listener for message events (Tencent's `V2TIMAdvancedMsgListener`). Every method is optional. */
export interface AdvancedMsgListener {
  /** New messages received (or sent from another device of the same user). Online-only ones included. */
  onRecvNewMessage?(message: Message): void;
  /** A message was revoked; `message` is the revoked message with status `revoked`. */
  onRecvMessageRevoked?(msgID: string, message: Message | null, revoker: string, reason: string): void;
  /** The peer read own C2C messages up to `timestamp`. */
  onRecvC2CReadReceipt?(receiptList: C2CReadReceipt[]): void;
  /** A message changed (status, localCustomData, elements, peer read). */
  onRecvMessageModified?(message: Message): void;
  /**
   * Messages were deleted from this device by another engine sharing its local database (another browser
   * tab of the same user and device): `deleteMessages` there, a cancelled send, cleared history.
   */
  onMessagesDeleted?(msgIDList: string[]): void;
  /** Upload progress of a rich media message being sent. */
  onSendProgress?(msgID: string, progress: number): void;
}

/** A C2C read receipt. */
export interface C2CReadReceipt {
  /** The peer who read. */
  userID: string;
  conversationID: string;
  /** Messages sent at or before this time are read. */
  timestamp: number;
}

/** Network state of an engine. */
export type ConnectionState = 'connected' | 'connecting' | 'disconnected';
