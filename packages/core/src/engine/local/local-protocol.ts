import { ChatError, type ChatErrorCode } from '../../model/chat-error';
import type {
  C2CReadReceipt,
  Conversation,
  ConversationGroup,
  GroupMember,
  GroupProfile,
  Message,
  MessageElem,
  MessagePriority,
  ReceiveMessageOpt,
  UserProfile,
} from '../../model/types';

/**
 * The engine ↔ hub protocol. Every request, response and push is plain structured-cloneable data, so the
 * same protocol runs in-process (tests), or across browser tabs over a BroadcastChannel.
 */

/** A conversation as the hub keeps it for one user, with what an engine needs to stay in sync. */
export interface HubConversation extends Conversation {
  /** Revision of this record for its user; an engine applies a record only when it is newer. */
  rev: number;
  /** The user deleted the conversation: engines drop it until it is activated again. */
  deleted: boolean;
  /** History at or before this seq was cleared for the user. */
  clearedSeq: number;
  /** Server time the history was last cleared (local-only messages up to it go too). */
  clearedTime: number;
  /** C2C: the peer has read own messages sent at or before this time. */
  peerReadTime: number;
}

/** A change to a user's conversation groups, pushed with the new list. */
export type ConversationGroupChange =
  | { kind: 'created'; name: string }
  | { kind: 'deleted'; name: string }
  | { kind: 'renamed'; oldName: string; newName: string }
  | { kind: 'changed' };

/** The user's conversation groups at a revision. */
export interface HubConversationGroups {
  rev: number;
  list: ConversationGroup[];
  change: ConversationGroupChange;
}

/** Limits an engine checks before it asks the hub, so it can reject synchronously. */
export interface HubLimits {
  maxTextBytes: number;
  maxFileBytes: number;
  maxImageBytes: number;
  uploadChunkBytes: number;
  revokeWindowMs: number;
}

/** The options of `sendMessage` that travel to the hub. */
export interface WireSendOptions {
  receiver: string;
  groupID: string;
  priority: MessagePriority;
  onlineUserOnly: boolean;
  offlinePushInfo: { title?: string; desc?: string; ext?: string } | null;
  isExcludedFromUnreadCount: boolean;
  isExcludedFromLastMessage: boolean;
}

/** Query of a page of roaming history. Bounds are inclusive flags on (timestamp, seq). */
export interface WireHistoryQuery {
  conversationID: string;
  count: number;
  direction: 'older' | 'newer';
  /** Strictly before (older) or after (newer) this message position. */
  cursor: { timestamp: number; seq: number; msgID: string } | null;
  /** Including this seq (older: seq <= it; newer: seq >= it). */
  seqBound: number | null;
  timeFrom: number | null;
  timeTo: number | null;
}

/** Every request an engine (or a hub facade, for `admin.*`) can make, with its argument and result. */
export interface HubMethods {
  hello: {
    args: { userID: string; deviceID: string; keepHiddenOnNewMessage: boolean };
    result: { profile: UserProfile; limits: HubLimits; serverTime: number };
  };
  sync: {
    args: { sinceRev: number; recentCount: number };
    result: {
      rev: number;
      conversations: HubConversation[];
      groups: HubConversationGroups;
      recent: Message[];
      serverTime: number;
    };
  };
  getConversation: { args: { conversationID: string }; result: HubConversation };
  deleteConversation: {
    args: { conversationID: string; clearMessages: boolean };
    result: ConversationsResult;
  };
  pinConversation: { args: { conversationID: string; isPinned: boolean }; result: ConversationsResult };
  setDraft: { args: { conversationID: string; draftText: string | null }; result: ConversationsResult };
  markConversation: {
    args: { conversationIDList: string[]; markType: number; enable: boolean };
    result: OperationsResult;
  };
  setCustomData: { args: { conversationIDList: string[]; customData: string }; result: OperationsResult };
  createConversationGroup: {
    args: { groupName: string; conversationIDList: string[] };
    result: OperationsResult & { groups: HubConversationGroups };
  };
  renameConversationGroup: {
    args: { oldName: string; newName: string };
    result: ConversationsResult & { groups: HubConversationGroups };
  };
  deleteConversationGroup: {
    args: { groupName: string };
    result: ConversationsResult & { groups: HubConversationGroups };
  };
  addConversationsToGroup: {
    args: { groupName: string; conversationIDList: string[] };
    result: OperationsResult & { groups: HubConversationGroups };
  };
  deleteConversationsFromGroup: {
    args: { groupName: string; conversationIDList: string[] };
    result: OperationsResult & { groups: HubConversationGroups };
  };
  cleanUnread: {
    args: { conversationID: string; cleanTimestamp: number; cleanSequence: number };
    result: ConversationsResult;
  };
  send: {
    args: { message: Message; options: WireSendOptions };
    result: { message: Message; conversation: HubConversation | null };
  };
  sendToUsers: {
    args: { message: Message; userIDList: string[]; msgIDs: string[] };
    result: {
      results: { userID: string; message: Message | null; error: WireError | null }[];
      conversations: HubConversation[];
    };
  };
  uploadBegin: { args: { uuid: string; size: number; type: string; kind: MediaKind }; result: null };
  uploadChunk: { args: { uuid: string; offset: number; data: ArrayBuffer }; result: { received: number } };
  uploadFinish: { args: { uuid: string }; result: null };
  uploadAbort: { args: { uuid: string }; result: null };
  download: { args: { uuid: string }; result: { data: ArrayBuffer; type: string } };
  revoke: {
    args: { msgID: string; reason: string };
    result: { message: Message; conversation: HubConversation | null };
  };
  deleteFromServer: { args: { msgIDList: string[] }; result: ConversationsResult };
  clearHistory: { args: { conversationID: string }; result: ConversationsResult };
  history: { args: WireHistoryQuery; result: { messages: Message[]; hasMore: boolean } };
  findByLocator: {
    args: { conversationID: string; seq: number | null; time: number; random: number; isSelf: boolean };
    result: Message | null;
  };
  setC2CReceiveMessageOpt: {
    args: { userIDList: string[]; opt: ReceiveMessageOpt };
    result: ConversationsResult;
  };
  getC2CReceiveMessageOpt: {
    args: { userIDList: string[] };
    result: { userID: string; opt: ReceiveMessageOpt }[];
  };
  setGroupReceiveMessageOpt: {
    args: { groupID: string; opt: ReceiveMessageOpt };
    result: ConversationsResult;
  };
  getUsersProfile: { args: { userIDList: string[] }; result: UserProfile[] };
  getGroupsInfo: { args: { groupIDList: string[] }; result: GroupProfile[] };
  getJoinedGroupList: { args: Record<string, never>; result: GroupProfile[] };
  getGroupMemberList: { args: { groupID: string }; result: GroupMember[] };
  createGroup: {
    args: { name: string; memberUserIDList: string[]; groupID: string; faceUrl: string };
    result: { group: GroupProfile; conversation: HubConversation | null };
  };
  'admin.addUsers': { args: { users: UserProfile[] }; result: null };
  'admin.createGroup': {
    args: { groupID: string; name: string; faceUrl: string; ownerID: string; memberUserIDList: string[] };
    result: GroupProfile;
  };
  'admin.seed': { args: { seed: HubSeed }; result: null };
  'admin.serverTime': { args: Record<string, never>; result: number };
  'admin.flush': { args: Record<string, never>; result: null };
}

/** A request method name. */
export type HubMethod = keyof HubMethods;

/** Conversations a request changed, for the caller to apply at once. */
export interface ConversationsResult {
  conversations: HubConversation[];
}

/** Per-ID results of a request on several conversations, and what it changed. */
export interface OperationsResult extends ConversationsResult {
  results: { id: string; resultCode: 0 | string; resultInfo: string }[];
}

/** What media is uploaded for (the size limit differs). */
export type MediaKind = 'image' | 'file';

/** A push from the hub to one connection. */
export type HubPush =
  | { type: 'conversations'; conversations: HubConversation[] }
  | { type: 'message'; message: Message; conversation: HubConversation | null }
  | { type: 'onlineMessage'; message: Message }
  | { type: 'revoked'; message: Message; conversation: HubConversation | null }
  | { type: 'receipt'; receipt: C2CReadReceipt; conversation: HubConversation }
  | { type: 'groups'; groups: HubConversationGroups; conversations: HubConversation[] };

/** A ChatError as data. */
export interface WireError {
  code: ChatErrorCode;
  message: string;
  details: Record<string, unknown>;
}

/** Turns anything thrown into wire data (unknown errors become `NETWORK_ERROR`, never a crash). */
export function toWireError(error: unknown): WireError {
  if (error instanceof ChatError)
    return { code: error.code, message: error.message, details: { ...error.details } };
  return {
    code: 'NETWORK_ERROR',
    message: `The hub failed: ${error instanceof Error ? error.message : String(error)}`,
    details: {},
  };
}

/** Turns wire data back into a ChatError. */
export function fromWireError(error: WireError): ChatError {
  return new ChatError(error.code, error.message, error.details);
}

/** One message in a {@link HubSeed}: who wrote it where, and what. */
export interface SeedMessage {
  sender: string;
  /** C2C peer; leave empty for a group message. */
  receiver?: string;
  groupID?: string;
  elemList: MessageElem[];
  /** @default the hub's server time */
  timestamp?: number;
  msgID?: string;
  cloudCustomData?: string;
  /** Whether each receiver has read it. @default false */
  read?: boolean;
  isExcludedFromUnreadCount?: boolean;
  isExcludedFromLastMessage?: boolean;
}

/** Bulk data for `LocalHub.seed`: users, groups and history, written in one pass. */
export interface HubSeed {
  users?: UserProfile[];
  groups?: {
    groupID: string;
    name: string;
    faceUrl?: string;
    ownerID: string;
    memberUserIDList: string[];
    createTime?: number;
  }[];
  messages?: SeedMessage[];
  /** Bytes of media the seeded messages refer to by uuid, so `downloadElem` returns them. */
  media?: { uuid: string; data: ArrayBuffer; type: string }[];
}
