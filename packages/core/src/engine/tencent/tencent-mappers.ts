import { MAX_MERGER_DEPTH, normaliseMessage } from '../../model/message-schema';
import {
  AT_ALL,
  type Conversation,
  type ConversationMarkType,
  type ConversationType,
  type GroupAtInfo,
  type GroupMember,
  type GroupProfile,
  type GroupTipType,
  ConversationMarkType as MarkBits,
  type Message,
  type MessageElem,
  type MessageElemType,
  type MessagePriority,
  type MessageStatus,
  type ReceiveMessageOpt,
  type UserProfile,
} from '../../model/types';
import { blankMessage } from '../engine-message';
import type {
  TencentConversation,
  TencentElement,
  TencentGroup,
  TencentGroupMember,
  TencentLastMessage,
  TencentMessage,
  TencentPriorityValue,
  TencentProfile,
  TencentRemindTypeValue,
} from './tencent-chat-like';
import { TencentChatTypes as Types } from './tencent-chat-like';

/**
 * Pure mappers from the Tencent web SDK's objects to the Tidings model. Every mapper builds new plain
 * objects and copies arrays, because the SDK mutates and reuses its objects after handing them out.
 */

/** What mapping a message needs besides the message. */
export interface TencentMapContext {
  /** The signed-in user's ID (decides `isSelf`). */
  userID: string;
  /**
   * The Tidings msgID of an SDK message ID. A message created through the engine keeps the msgID it was
   * created with; every other message uses the SDK's `ID`.
   */
  msgIDOf?(sdkID: string): string;
  /**
   * How deep in merged messages the mapping is (0 at the top). Past {@link MAX_MERGER_DEPTH} inner messages
   * are left out, so a payload nested thousands deep cannot exhaust the stack.
   */
  mergerDepth?: number;
}

const C2C_PREFIX = Types.CONV_C2C;
const GROUP_PREFIX = Types.CONV_GROUP;

/** `C2C<userID>` → `c2c_<userID>`, `GROUP<groupID>` → `group_<groupID>`; null for other conversations. */
export function toConversationID(sdkConversationID: unknown): string | null {
  if (typeof sdkConversationID !== 'string') return null;
  if (sdkConversationID.startsWith(C2C_PREFIX) && sdkConversationID.length > C2C_PREFIX.length) {
    return `c2c_${sdkConversationID.slice(C2C_PREFIX.length)}`;
  }
  if (sdkConversationID.startsWith(GROUP_PREFIX) && sdkConversationID.length > GROUP_PREFIX.length) {
    return `group_${sdkConversationID.slice(GROUP_PREFIX.length)}`;
  }
  return null;
}

/** `c2c_<userID>` → `C2C<userID>`, `group_<groupID>` → `GROUP<groupID>` (the ID must be valid). */
export function toSdkConversationID(conversationID: string): string {
  return conversationID.startsWith('c2c_')
    ? `${C2C_PREFIX}${conversationID.slice(4)}`
    : `${GROUP_PREFIX}${conversationID.slice(6)}`;
}

/** A number from a number or a numeric string (the SDK uses both); 0 otherwise. */
export function toNumber(value: unknown): number {
  const result =
    typeof value === 'number' ? value : typeof value === 'string' && value !== '' ? Number(value) : 0;
  return Number.isFinite(result) ? result : 0;
}

function toText(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

function field(value: unknown, key: string): unknown {
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[key] : undefined;
}

function stringList(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
}

/** SDK seconds → Tidings milliseconds. */
export function secondsToMs(seconds: unknown): number {
  return Math.round(toNumber(seconds) * 1000);
}

/** `AcceptAndNotify` or empty → `receive`; `AcceptNotNotify` (also except @) → `receiveNotNotify`; `Discard` → `notReceive`. */
export function toReceiveOpt(messageRemindType: unknown): ReceiveMessageOpt {
  switch (messageRemindType) {
    case Types.MSG_REMIND_ACPT_NOT_NOTE:
    case 'AcceptNotNotifyExceptAt':
      return 'receiveNotNotify';
    case Types.MSG_REMIND_DISCARD:
    case 'NotReceiveMsgExceptAt':
      return 'notReceive';
    default:
      return 'receive';
  }
}

/** A Tidings receive option as the SDK's `messageRemindType`. */
export function toMessageRemindType(opt: ReceiveMessageOpt): TencentRemindTypeValue {
  if (opt === 'receiveNotNotify') return Types.MSG_REMIND_ACPT_NOT_NOTE;
  if (opt === 'notReceive') return Types.MSG_REMIND_DISCARD;
  return Types.MSG_REMIND_ACPT_AND_NOTE;
}

const MARK_BITS: readonly number[] = Object.values(MarkBits);

/** The standard mark bits that are set, ascending (custom marks are left out). */
export function toMarkList(markList: unknown): ConversationMarkType[] {
  const bits = Array.isArray(markList)
    ? markList.filter((bit): bit is number => MARK_BITS.includes(bit))
    : [];
  return [...new Set(bits)].sort((a, b) => a - b) as ConversationMarkType[];
}

const PRIORITIES: Readonly<Record<string, MessagePriority>> = {
  High: 'high',
  Normal: 'normal',
  Low: 'low',
  Lowest: 'lowest',
};

/** The SDK's `High`/`Normal`/`Low`/`Lowest` as a Tidings priority (`normal` when unknown). */
export function toPriority(value: unknown): MessagePriority {
  return (typeof value === 'string' && PRIORITIES[value]) || 'normal';
}

const SDK_PRIORITIES: Readonly<Record<MessagePriority, TencentPriorityValue>> = {
  high: 'High',
  normal: 'Normal',
  low: 'Low',
  lowest: 'Lowest',
};

/** A Tidings priority as the SDK's (`'High'`, `'Normal'`, …). */
export function toSdkPriority(priority: MessagePriority): TencentPriorityValue {
  return SDK_PRIORITIES[priority];
}

const ELEM_TYPE_TO_SDK: Readonly<Record<MessageElemType, string>> = {
  text: Types.MSG_TEXT,
  custom: Types.MSG_CUSTOM,
  image: Types.MSG_IMAGE,
  sound: Types.MSG_AUDIO,
  video: Types.MSG_VIDEO,
  file: Types.MSG_FILE,
  location: Types.MSG_LOCATION,
  face: Types.MSG_FACE,
  merger: Types.MSG_MERGER,
  groupTip: Types.MSG_GRP_TIP,
};

/** A Tidings element type as the SDK's message type (`'TIMTextElem'`, …). */
export function toSdkElemType(type: MessageElemType): string {
  return ELEM_TYPE_TO_SDK[type];
}

/** `imageFormat` of the SDK (JPG 1, GIF 2, PNG 3, BMP 4, unknown 255). */
const IMAGE_MIME: Readonly<Record<number, string>> = {
  1: 'image/jpeg',
  2: 'image/gif',
  3: 'image/png',
  4: 'image/bmp',
};
const VIDEO_MIME: Readonly<Record<string, string>> = {
  mp4: 'video/mp4',
  webm: 'video/webm',
  mov: 'video/quicktime',
};

/** `imageInfoArray` entries are original (type 0), large (1), thumbnail (2); the SDK keeps that order too. */
function imageInfo(content: unknown, kind: 0 | 1 | 2): unknown {
  const list = field(content, 'imageInfoArray');
  if (!Array.isArray(list)) return undefined;
  return list.find((info) => field(info, 'type') === kind) ?? list[kind];
}

function urlOf(info: unknown): string {
  return toText(field(info, 'url')) || toText(field(info, 'imageUrl'));
}

const GROUP_TIP_TYPES: Readonly<Record<number, GroupTipType>> = {
  1: 'join',
  2: 'quit',
  3: 'kicked',
  4: 'setAdmin',
  5: 'cancelAdmin',
  6: 'groupInfoChange',
  7: 'memberInfoChange',
  // Banning and unbanning a member of an audio-video group change that member's state.
  10: 'memberInfoChange',
  11: 'memberInfoChange',
};

/** The group's new fields of a profile-change tip, with the SDK's `groupName`/`avatar` as `name`/`faceUrl`. */
function groupInfoOf(content: unknown): Record<string, string> {
  const profile = field(content, 'newGroupProfile');
  const out: Record<string, string> = {};
  if (typeof profile !== 'object' || profile === null) return out;
  for (const [key, value] of Object.entries(profile)) {
    if (typeof value !== 'string' && typeof value !== 'number' && typeof value !== 'boolean') continue;
    const name = key === 'groupName' ? 'name' : key === 'avatar' ? 'faceUrl' : key;
    out[name] = String(value);
  }
  return out;
}

/** One SDK element (`type` + `content`) as a Tidings element; null for types Tidings does not model. */
export function toElem(type: unknown, content: unknown, ctx: TencentMapContext): MessageElem | null {
  switch (type) {
    case Types.MSG_TEXT:
      return { type: 'text', text: toText(field(content, 'text')) };
    case Types.MSG_CUSTOM:
      return {
        type: 'custom',
        data: toText(field(content, 'data')),
        description: toText(field(content, 'description')),
        extension: toText(field(content, 'extension')),
      };
    case Types.MSG_IMAGE: {
      const original = imageInfo(content, 0);
      const large = imageInfo(content, 1);
      // The thumbnail's width/height are recomputed by the SDK; the original's give the real size and ratio.
      const sized = toNumber(field(original, 'width')) > 0 ? original : large;
      return {
        type: 'image',
        uuid: toText(field(content, 'uuid')),
        url: urlOf(original) || urlOf(large),
        fileSize: toNumber(field(original, 'size')),
        mimeType: IMAGE_MIME[toNumber(field(content, 'imageFormat'))] ?? '',
        fileName: '',
        width: toNumber(field(sized, 'width')),
        height: toNumber(field(sized, 'height')),
        thumbUrl: urlOf(imageInfo(content, 2)) || urlOf(large),
      };
    }
    case Types.MSG_AUDIO:
      return {
        type: 'sound',
        uuid: toText(field(content, 'uuid')),
        url: toText(field(content, 'url')) || toText(field(content, 'remoteAudioUrl')),
        fileSize: toNumber(field(content, 'size')),
        mimeType: '',
        duration: toNumber(field(content, 'second')),
      };
    case Types.MSG_VIDEO: {
      const format = toText(field(content, 'videoFormat'));
      return {
        type: 'video',
        uuid: toText(field(content, 'videoUUID')),
        url: toText(field(content, 'videoUrl')) || toText(field(content, 'remoteVideoUrl')),
        fileSize: toNumber(field(content, 'videoSize')),
        mimeType: VIDEO_MIME[format.toLowerCase()] ?? '',
        videoType: format,
        duration: toNumber(field(content, 'videoSecond')),
        snapshotUuid: toText(field(content, 'thumbUUID')),
        snapshotUrl:
          toText(field(content, 'snapshotUrl')) ||
          toText(field(content, 'thumbUrl')) ||
          toText(field(content, 'remoteSnapshotUrl')),
        snapshotWidth: toNumber(field(content, 'snapshotWidth')) || toNumber(field(content, 'thumbWidth')),
        snapshotHeight: toNumber(field(content, 'snapshotHeight')) || toNumber(field(content, 'thumbHeight')),
      };
    }
    case Types.MSG_FILE:
      return {
        type: 'file',
        uuid: toText(field(content, 'uuid')),
        url: toText(field(content, 'fileUrl')) || toText(field(content, 'remoteFileUrl')),
        fileSize: toNumber(field(content, 'fileSize')),
        mimeType: '',
        fileName: toText(field(content, 'fileName')),
      };
    case Types.MSG_LOCATION:
      return {
        type: 'location',
        description: toText(field(content, 'description')),
        longitude: toNumber(field(content, 'longitude')),
        latitude: toNumber(field(content, 'latitude')),
      };
    case Types.MSG_FACE:
      return { type: 'face', index: toNumber(field(content, 'index')), data: toText(field(content, 'data')) };
    case Types.MSG_MERGER: {
      const list = field(content, 'messageList');
      const depth = (ctx.mergerDepth ?? 0) + 1;
      const inner = { ...ctx, mergerDepth: depth };
      return {
        type: 'merger',
        title: toText(field(content, 'title')),
        abstractList: stringList(field(content, 'abstractList')),
        compatibleText: toText(field(content, 'compatibleText')),
        messageList:
          Array.isArray(list) && depth < MAX_MERGER_DEPTH
            ? list
                .filter((item) => typeof item === 'object' && item !== null)
                .map((item) => toMergedMessage(item, inner))
            : [],
      };
    }
    case Types.MSG_GRP_TIP: {
      const userIDList = field(content, 'userIDList');
      const memberList = field(content, 'memberList');
      return {
        type: 'groupTip',
        tipType: GROUP_TIP_TYPES[toNumber(field(content, 'operationType'))] ?? 'groupInfoChange',
        opUserID: toText(field(content, 'operatorID')),
        userIDList: Array.isArray(userIDList)
          ? stringList(userIDList)
          : Array.isArray(memberList)
            ? memberList.map((member) => toText(field(member, 'userID'))).filter(Boolean)
            : [],
        groupInfo: groupInfoOf(content),
        memberCount: toNumber(field(content, 'memberNum')) || toNumber(field(content, 'memberCount')),
        ...groupTipNicknames(content),
      };
    }
    default:
      return null;
  }
}

/**
 * The nicknames a group tip carries (`operatorInfo`, `memberList[i]`), as `{ nicknames }`, or nothing when
 * it has none. `Object.fromEntries` defines own properties, so a `__proto__` user ID cannot reach a prototype.
 */
function groupTipNicknames(content: unknown): { nicknames?: Record<string, string> } {
  const memberList = field(content, 'memberList');
  const people = [field(content, 'operatorInfo'), ...(Array.isArray(memberList) ? memberList : [])];
  const entries: [string, string][] = [];
  for (const person of people) {
    const userID = field(person, 'userID');
    const nick = field(person, 'nick');
    if (
      typeof userID === 'string' &&
      userID !== '' &&
      userID !== '__proto__' &&
      typeof nick === 'string' &&
      nick !== ''
    ) {
      entries.push([userID, nick]);
    }
  }
  return entries.length > 0 ? { nicknames: Object.fromEntries(entries) } : {};
}

/** Every element of an SDK message, in order (`getElements()` at run time, `_elements` in snapshots). */
export function elementsOf(message: TencentMessage): TencentElement[] {
  const elements = typeof message.getElements === 'function' ? message.getElements() : message._elements;
  if (Array.isArray(elements) && elements.length > 0) return elements;
  return typeof message.type === 'string' ? [{ type: message.type, content: message.payload }] : [];
}

function toElemList(elements: readonly unknown[], ctx: TencentMapContext): MessageElem[] {
  const out: MessageElem[] = [];
  for (const element of elements) {
    const content = field(element, 'content') ?? field(element, 'payload');
    const elem = toElem(field(element, 'type'), content, ctx);
    if (elem) out.push(elem);
  }
  return out;
}

/** Whether a message is a merged message whose messages are still in the cloud (`downloadMergerMessage`). */
export function needsMergerDownload(message: TencentMessage): boolean {
  return elementsOf(message).some((element) => {
    if (element.type !== Types.MSG_MERGER) return false;
    const content = element.content ?? element.payload;
    const list = field(content, 'messageList');
    return toText(field(content, 'downloadKey')) !== '' && (!Array.isArray(list) || list.length === 0);
  });
}

/** `unSend` → sending, `success` → sent, `fail` → failed; a revoked message is `revoked` whatever its status. */
export function toMessageStatus(message: Pick<TencentMessage, 'status' | 'isRevoked'>): MessageStatus {
  if (message.isRevoked) return 'revoked';
  if (message.status === 'fail') return 'failed';
  if (message.status === 'unSend') return 'sending';
  return 'sent';
}

function toAtUserList(list: unknown): string[] {
  return stringList(list).map((id) => (id === Types.MSG_AT_ALL ? AT_ALL : id));
}

/** Tidings `@` targets as the SDK's (`AT_ALL` → `TYPES.MSG_AT_ALL`). */
export function toSdkAtUserList(list: readonly string[]): string[] {
  return list.map((id) => (id === AT_ALL ? Types.MSG_AT_ALL : id));
}

interface Peer {
  conversationID: string;
  conversationType: ConversationType;
  userID: string;
  groupID: string;
}

function peerOf(sdkConversationID: unknown): Peer {
  const conversationID = toConversationID(sdkConversationID) ?? '';
  if (conversationID.startsWith('group_')) {
    return { conversationID, conversationType: 'group', userID: '', groupID: conversationID.slice(6) };
  }
  return { conversationID, conversationType: 'c2c', userID: conversationID.slice(4), groupID: '' };
}

/** An SDK message as a Tidings message (a copy: later SDK mutations do not reach it). */
export function toMessage(message: TencentMessage, ctx: TencentMapContext): Message {
  const isSelf = message.flow === 'out' || (message.flow === undefined && message.from === ctx.userID);
  const revoker = toText(message.revokerInfo?.userID) || toText(message.revoker);
  // The one message schema has the last word: times a Date can show, no empty element list, typed fields.
  return normaliseMessage({
    msgID: ctx.msgIDOf ? ctx.msgIDOf(toText(message.ID)) : toText(message.ID),
    ...peerOf(message.conversationID),
    sender: toText(message.from),
    nick: toText(message.nameCard) || toText(message.nick),
    faceUrl: toText(message.avatar),
    isSelf,
    timestamp: secondsToMs(message.time),
    seq: toNumber(message.sequence),
    random: toNumber(message.random),
    status: toMessageStatus(message),
    elemList: toElemList(elementsOf(message), ctx),
    priority: toPriority(message.priority),
    isRead: isSelf || message.isRead === true,
    isPeerRead: message.isPeerRead === true,
    isExcludedFromUnreadCount: message._isExcludedFromUnreadCount === true,
    isExcludedFromLastMessage: message._isExcludedFromLastMessage === true,
    isOnlineOnly: message._onlineOnlyFlag === true,
    targetUserIDList: stringList(message._receiverList),
    atUserList: toAtUserList(message.atUserList),
    cloudCustomData: toText(message.cloudCustomData),
    localCustomData: '',
    revoker,
    revokeReason: toText(message.revokeReason),
  });
}

/** A message inside a merged message (`{ ID, from, nick, avatar, time, messageBody, cloudCustomData }`). */
function toMergedMessage(item: unknown, ctx: TencentMapContext): Message {
  const from = toText(field(item, 'from'));
  const body = field(item, 'messageBody');
  return blankMessage({
    msgID: toText(field(item, 'ID')),
    sender: from,
    nick: toText(field(item, 'nick')),
    faceUrl: toText(field(item, 'avatar')),
    isSelf: from === ctx.userID,
    timestamp: secondsToMs(field(item, 'time')),
    status: 'sent',
    elemList: Array.isArray(body) ? toElemList(body, ctx) : [],
    cloudCustomData: toText(field(item, 'cloudCustomData')),
  });
}

/**
 * A conversation's `lastMessage` summary as a message. The summary has no ID, status or element list, so
 * the msgID is made from the conversation, sequence and time (stable while the last message stays),
 * the status is `sent` (or `revoked`), and the element is the first one's payload or the SDK's
 * `messageForShow` text. Null when the conversation has no last message.
 */
export function toLastMessage(conversation: TencentConversation, ctx: TencentMapContext): Message | null {
  const last: TencentLastMessage | null | undefined = conversation.lastMessage;
  if (!last) return null;
  const seconds = toNumber(last.lastTime);
  const sequence = toNumber(last.lastSequence);
  if (seconds <= 0 && sequence <= 0) return null;
  const type = typeof last.type === 'string' ? last.type : '';
  const elem = type !== '' && last.payload != null ? toElem(type, last.payload, ctx) : null;
  const forShow = toText(last.messageForShow);
  const from = toText(last.fromAccount);
  const isSelf = from !== '' && from === ctx.userID;
  const summary = normaliseMessage({
    msgID: `${conversation.conversationID}-last-${sequence}-${seconds}`,
    ...peerOf(conversation.conversationID),
    sender: from,
    nick: toText(last.nameCard) || toText(last.nick),
    faceUrl: '',
    isSelf,
    timestamp: secondsToMs(seconds),
    seq: sequence,
    random: 0,
    status: last.isRevoked ? 'revoked' : 'sent',
    elemList: elem ? [elem] : forShow !== '' ? [{ type: 'text', text: forShow }] : [],
    priority: 'normal',
    isRead: isSelf || conversation.unreadCount === 0,
    isPeerRead: last.isPeerRead === true,
    isExcludedFromUnreadCount: false,
    isExcludedFromLastMessage: false,
    isOnlineOnly: last.onlineOnlyFlag === true,
    targetUserIDList: [],
    atUserList: [],
    cloudCustomData: toText(last.cloudCustomData),
    localCustomData: '',
    revoker: toText(last.revoker),
    revokeReason: '',
  });
  // A summary whose content the SDK did not say keeps an empty list: the row previews nothing rather
  // than a placeholder.
  return summary.elemList.length > 0 && (elem || forShow !== '') ? summary : { ...summary, elemList: [] };
}

/** `atTypeArray` [1] → me, [2] → all, [3] or [1, 2] → allAndMe. */
function toGroupAtInfoList(list: unknown): GroupAtInfo[] {
  if (!Array.isArray(list)) return [];
  return list.map((info) => {
    const types = Array.isArray(field(info, 'atTypeArray')) ? (field(info, 'atTypeArray') as unknown[]) : [];
    const atType: GroupAtInfo['atType'] =
      types.includes(3) || (types.includes(1) && types.includes(2))
        ? 'allAndMe'
        : types.includes(2)
          ? 'all'
          : 'me';
    return { seq: toNumber(field(info, 'messageSequence')), atType };
  });
}

/** What a conversation's mapping needs that the SDK does not have: the adapter keeps these per conversation. */
export interface ConversationExtras {
  orderKey: number;
  draftTimestamp: number | null;
}

/**
 * An SDK conversation as a Tidings conversation (a copy). Null for conversations Tidings does not model
 * (the system conversation, topics).
 */
export function toConversation(
  conversation: TencentConversation,
  extras: ConversationExtras,
  ctx: TencentMapContext,
): Conversation | null {
  const peer = peerOf(conversation.conversationID);
  if (peer.conversationID === '') return null;
  if (conversation.type !== Types.CONV_C2C && conversation.type !== Types.CONV_GROUP) return null;
  const isGroup = peer.conversationType === 'group';
  const group = conversation.groupProfile;
  const selfInfo = group?.selfInfo;
  const remindType =
    conversation.messageRemindType !== undefined
      ? conversation.messageRemindType
      : field(selfInfo, 'messageRemindType');
  const draftText = toText(conversation.draftText);
  return {
    conversationID: peer.conversationID,
    type: peer.conversationType,
    userID: peer.userID,
    groupID: peer.groupID,
    showName: isGroup
      ? toText(group?.name) || peer.groupID
      : toText(conversation.remark) || toText(conversation.userProfile?.nick) || peer.userID,
    faceUrl: isGroup ? toText(group?.avatar) : toText(conversation.userProfile?.avatar),
    orderKey: extras.orderKey,
    isPinned: conversation.isPinned === true,
    unreadCount: toNumber(conversation.unreadCount),
    recvOpt: toReceiveOpt(remindType),
    lastMessage: toLastMessage(conversation, ctx),
    draftText: draftText === '' ? null : draftText,
    draftTimestamp: draftText === '' ? null : extras.draftTimestamp,
    markList: toMarkList(conversation.markList),
    conversationGroupList: stringList(conversation.conversationGroupList),
    groupAtInfoList: isGroup ? toGroupAtInfoList(conversation.groupAtInfoList) : [],
    readSeq: isGroup ? toNumber(field(selfInfo, 'readedSequence')) : 0,
    customData: toText(conversation.customData),
  };
}

/** An SDK profile as a Tidings user profile (`avatar` → `faceUrl`). */
export function toUserProfile(profile: TencentProfile): UserProfile {
  return { userID: toText(profile.userID), nick: toText(profile.nick), faceUrl: toText(profile.avatar) };
}

/** `createTime` is seconds (a number or a numeric string). */
export function toGroupProfile(group: TencentGroup): GroupProfile {
  return {
    groupID: toText(group.groupID),
    name: toText(group.name),
    faceUrl: toText(group.avatar),
    ownerID: toText(group.ownerID),
    memberCount: toNumber(group.memberNum) || toNumber(group.memberCount),
    createTime: secondsToMs(group.createTime),
  };
}

const ROLES: Readonly<Record<string, GroupMember['role']>> = {
  Owner: 'owner',
  Admin: 'admin',
  Member: 'member',
};

/** An SDK group member (`Owner`/`Admin`/`Member`, join time in seconds) as a Tidings member. */
export function toGroupMember(member: TencentGroupMember): GroupMember {
  return {
    userID: toText(member.userID),
    nick: toText(member.nick),
    faceUrl: toText(member.avatar),
    role: (member.role !== undefined && ROLES[member.role]) || 'member',
    joinTime: secondsToMs(member.joinTime),
  };
}
