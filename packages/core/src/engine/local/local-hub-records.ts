import {
  AT_ALL,
  type ConversationGroup,
  type ConversationMarkType,
  type ConversationType,
  type GroupAtInfo,
  type GroupMember,
  type GroupProfile,
  type Message,
  type MessageElem,
  type MessagePriority,
  type ReceiveMessageOpt,
} from '../../model/types';
import { c2cConversationID, groupConversationID } from '../engine-validation';
import type { HubConversation } from './local-protocol';

/**
 * The records the hub stores. They are immutable: a change writes a new record, so the journal can put
 * the old one back.
 */

/** A user and their server-side counters. */
export interface HubUserRecord {
  userID: string;
  nick: string;
  faceUrl: string;
  /** Revision of `convGroups`. */
  groupsRev: number;
  /** The user's conversation groups (folders), in creation order. */
  convGroups: ConversationGroup[];
  /** A hidden conversation stays hidden when a message arrives (engine option, kept per user). */
  keepHidden: boolean;
}

/** A group and its members. */
export interface HubGroupRecord {
  groupID: string;
  name: string;
  faceUrl: string;
  ownerID: string;
  createTime: number;
  members: GroupMember[];
}

/** A conversation thread: a pair of users, or a group. Messages in it share one seq counter. */
export interface HubThreadRecord {
  threadID: string;
  type: ConversationType;
  groupID: string;
  lastSeq: number;
}

/** A stored message, as the server knows it (not yet seen through any user's eyes). */
export interface HubMessageRecord {
  msgID: string;
  threadID: string;
  type: ConversationType;
  groupID: string;
  /** C2C: the receiver. */
  receiver: string;
  sender: string;
  nick: string;
  faceUrl: string;
  timestamp: number;
  seq: number;
  random: number;
  elemList: MessageElem[];
  priority: MessagePriority;
  excludedFromUnread: boolean;
  excludedFromLast: boolean;
  cloudCustomData: string;
  targetUserIDList: string[];
  atUserList: string[];
  revoked: boolean;
  revoker: string;
  revokeReason: string;
  /** Users who must not see it: receivers with `notReceive` when it was sent, and who deleted it. */
  hiddenFor: string[];
}

/** One user's state of one conversation. */
export interface HubConversationRecord {
  userID: string;
  conversationID: string;
  type: ConversationType;
  peerID: string;
  orderKey: number;
  isPinned: boolean;
  /** Mark bits. */
  marks: number;
  groups: string[];
  draftText: string | null;
  draftTimestamp: number | null;
  customData: string;
  recvOpt: ReceiveMessageOpt;
  readSeq: number;
  unreadCount: number;
  groupAtInfoList: GroupAtInfo[];
  clearedSeq: number;
  clearedTime: number;
  peerReadTime: number;
  rev: number;
  deleted: boolean;
}

/** Bytes the hub holds for a media uuid. */
export interface HubMediaRecord {
  uuid: string;
  size: number;
  type: string;
  owner: string;
}

/** The thread ID of a C2C pair or a group. */
export function threadIDOf(type: ConversationType, a: string, b: string): string {
  if (type === 'group') return `g:${a}`;
  return a <= b ? `c:${a}\u0001${b}` : `c:${b}\u0001${a}`;
}

/** Key of a conversation record. */
export function conversationKey(userID: string, conversationID: string): string {
  return `${userID}\u0001${conversationID}`;
}

// Shared empty lists: records are replaced, never changed in place, and 200,000 of them add up.
const NO_GROUPS: string[] = [];
const NO_AT_INFO: GroupAtInfo[] = [];

/** A conversation record with nothing in it yet. */
export function emptyConversationRecord(
  userID: string,
  type: ConversationType,
  peerID: string,
): HubConversationRecord {
  return {
    userID,
    conversationID: type === 'c2c' ? c2cConversationID(peerID) : groupConversationID(peerID),
    type,
    peerID,
    orderKey: 0,
    isPinned: false,
    marks: 0,
    groups: NO_GROUPS,
    draftText: null,
    draftTimestamp: null,
    customData: '',
    recvOpt: 'receive',
    readSeq: 0,
    unreadCount: 0,
    groupAtInfoList: NO_AT_INFO,
    clearedSeq: 0,
    clearedTime: 0,
    peerReadTime: 0,
    rev: 0,
    deleted: false,
  };
}

const MARK_BITS: ConversationMarkType[] = [1, 2, 4, 8];

/** Mark bits as the ascending list a Conversation carries. */
export function markListOf(marks: number): ConversationMarkType[] {
  return MARK_BITS.filter((bit) => (marks & bit) !== 0);
}

/** Whether `userID` may see a stored message at all. */
export function isVisibleTo(message: HubMessageRecord, userID: string): boolean {
  if (message.hiddenFor.includes(userID)) return false;
  if (message.targetUserIDList.length > 0 && message.sender !== userID) {
    return message.targetUserIDList.includes(userID);
  }
  return true;
}

/** Whether a message is a server-made group tip. */
export function isGroupTip(message: HubMessageRecord): boolean {
  return message.elemList[0]?.type === 'groupTip';
}

/** Whether a message counts as unread for `userID` (while after their read position). */
export function countsAsUnread(message: HubMessageRecord, userID: string): boolean {
  return (
    message.sender !== userID &&
    !message.excludedFromUnread &&
    !message.revoked &&
    !isGroupTip(message) &&
    isVisibleTo(message, userID)
  );
}

/** The `@` mention of `userID` a group message carries, if any. */
export function atInfoFor(message: HubMessageRecord, userID: string): GroupAtInfo | null {
  if (message.type !== 'group' || message.sender === userID || message.atUserList.length === 0) return null;
  const me = message.atUserList.includes(userID);
  const all = message.atUserList.includes(AT_ALL);
  if (!me && !all) return null;
  return { seq: message.seq, atType: me && all ? 'allAndMe' : me ? 'me' : 'all' };
}

/** The conversation a message is in for one of its participants. */
export function conversationIDOf(message: HubMessageRecord, userID: string): string {
  if (message.type === 'group') return groupConversationID(message.groupID);
  return c2cConversationID(message.sender === userID ? message.receiver : message.sender);
}

/** A stored message as `viewer` sees it, with their read state. */
export function messageView(
  message: HubMessageRecord,
  viewer: string,
  state: Pick<HubConversationRecord, 'readSeq' | 'peerReadTime'> | undefined,
): Message {
  const isSelf = message.sender === viewer;
  const peer = message.type === 'c2c' ? (isSelf ? message.receiver : message.sender) : '';
  return {
    msgID: message.msgID,
    conversationID: message.type === 'c2c' ? c2cConversationID(peer) : groupConversationID(message.groupID),
    conversationType: message.type,
    userID: peer,
    groupID: message.groupID,
    sender: message.sender,
    nick: message.nick,
    faceUrl: message.faceUrl,
    isSelf,
    timestamp: message.timestamp,
    seq: message.seq,
    random: message.random,
    status: message.revoked ? 'revoked' : 'sent',
    elemList: message.elemList,
    priority: message.priority,
    isRead: isSelf || message.seq <= (state?.readSeq ?? 0),
    isPeerRead: isSelf && message.type === 'c2c' && message.timestamp <= (state?.peerReadTime ?? 0),
    isExcludedFromUnreadCount: message.excludedFromUnread,
    isExcludedFromLastMessage: message.excludedFromLast,
    isOnlineOnly: false,
    targetUserIDList: message.targetUserIDList,
    atUserList: message.atUserList,
    cloudCustomData: message.cloudCustomData,
    localCustomData: '',
    revoker: message.revoker,
    revokeReason: message.revokeReason,
  };
}

/** A conversation record as its user's engines receive it. */
export function conversationView(
  record: HubConversationRecord,
  names: { showName: string; faceUrl: string },
  lastMessage: Message | null,
): HubConversation {
  return {
    conversationID: record.conversationID,
    type: record.type,
    userID: record.type === 'c2c' ? record.peerID : '',
    groupID: record.type === 'group' ? record.peerID : '',
    showName: names.showName,
    faceUrl: names.faceUrl,
    orderKey: record.orderKey,
    isPinned: record.isPinned,
    unreadCount: record.unreadCount,
    recvOpt: record.recvOpt,
    lastMessage,
    draftText: record.draftText,
    draftTimestamp: record.draftTimestamp,
    markList: markListOf(record.marks),
    conversationGroupList: record.groups,
    groupAtInfoList: record.groupAtInfoList,
    readSeq: record.readSeq,
    customData: record.customData,
    rev: record.rev,
    deleted: record.deleted,
    clearedSeq: record.clearedSeq,
    clearedTime: record.clearedTime,
    peerReadTime: record.peerReadTime,
  };
}

/** A group record as its public profile. */
export function groupProfileOf(group: HubGroupRecord): GroupProfile {
  return {
    groupID: group.groupID,
    name: group.name,
    faceUrl: group.faceUrl,
    ownerID: group.ownerID,
    memberCount: group.members.length,
    createTime: group.createTime,
  };
}
