import { ChatError, ChatErrorCode } from '../../model/chat-error';
import type { ConversationType, Message } from '../../model/types';
import { assertPayloadFits } from '../engine-message';
import {
  assertMessage,
  c2cConversationID,
  groupConversationID,
  invalidParameter,
} from '../engine-validation';
import {
  atInfoFor,
  countsAsUnread,
  type HubConversationRecord,
  type HubMessageRecord,
  type HubUserRecord,
  messageView,
  threadIDOf,
} from './local-hub-records';
import { type HandlerContext, type HubState, notFound } from './local-hub-state';
import { assertNoGroupTips, mediaOf } from './local-message-utils';
import type { HubConversation, HubMethods, WireSendOptions } from './local-protocol';
import { toWireError } from './local-protocol';

/**
 * Sending on the hub: checking a message, giving it the thread's next seq, and delivering it into each
 * participant's conversation (activating it, counting it unread, noting mentions) with a push.
 */

/** The conversation mark that hides a conversation until its next message. */
const HIDE = 8;

/** What the hub refuses to send: malformed messages, group tips, too much payload, media not uploaded. */
function validateOutgoing(hub: HubState, message: Message, method: string): void {
  assertMessage(method, message);
  assertNoGroupTips(method, message);
  assertPayloadFits(method, message, hub.limits.maxTextBytes);
  for (const media of mediaOf(message.elemList)) {
    if (!hub.media.has(media.uuid)) {
      throw new ChatError(ChatErrorCode.InvalidState, `${method}: media ${media.uuid} was not uploaded.`, {
        uuid: media.uuid,
      });
    }
  }
}

/**
 * Sends a message: stores it with the thread's next seq and delivers it to every participant who receives
 * (an online-only message is pushed, not stored). A retried request with a known msgID gets the same answer.
 */
export function send(
  hub: HubState,
  ctx: HandlerContext,
  message: Message,
  options: WireSendOptions,
): { message: Message; conversation: HubConversation | null } {
  const sender = ctx.userID;
  validateOutgoing(hub, message, 'sendMessage');
  const existing = hub.messages.get(message.msgID);
  if (existing) {
    // A retried request (the hub may have changed hands before it answered) gets the same answer.
    if (existing.sender !== sender)
      throw invalidParameter('sendMessage', 'message.msgID', 'unique', message.msgID);
    return hub.messageWithConversation(existing, sender);
  }
  const isGroup = options.groupID !== '';
  let recipients: string[];
  if (isGroup) {
    const group = hub.requireMembership(sender, options.groupID, 'sendMessage');
    if (options.receiver && !group.members.some((member) => member.userID === options.receiver)) {
      throw new ChatError(
        ChatErrorCode.InvalidParameter,
        `sendMessage: ${options.receiver} is not a member of group ${options.groupID}.`,
        { receiver: options.receiver, groupID: options.groupID },
      );
    }
    recipients = options.receiver
      ? [options.receiver].filter((id) => id !== sender)
      : group.members.map((member) => member.userID).filter((id) => id !== sender);
  } else {
    if (!hub.users.has(options.receiver)) throw notFound('sendMessage', c2cConversationID(options.receiver));
    recipients = options.receiver === sender ? [] : [options.receiver];
  }
  const type: ConversationType = isGroup ? 'group' : 'c2c';
  const threadID = isGroup
    ? threadIDOf('group', options.groupID, '')
    : threadIDOf('c2c', sender, options.receiver);
  const conversationIDFor = (userID: string) =>
    isGroup
      ? groupConversationID(options.groupID)
      : c2cConversationID(userID === sender ? options.receiver : sender);
  const hiddenFor = recipients.filter(
    (userID) => hub.record(userID, conversationIDFor(userID))?.recvOpt === 'notReceive',
  );
  const profile = hub.users.get(sender) as HubUserRecord;
  const record: HubMessageRecord = {
    msgID: message.msgID,
    threadID,
    type,
    groupID: isGroup ? options.groupID : '',
    receiver: isGroup ? '' : options.receiver,
    sender,
    nick: profile.nick,
    faceUrl: profile.faceUrl,
    timestamp: hub.now(),
    seq: 0,
    random: message.random,
    elemList: message.elemList,
    priority: options.priority,
    excludedFromUnread: options.isExcludedFromUnreadCount,
    excludedFromLast: options.isExcludedFromLastMessage,
    cloudCustomData: typeof message.cloudCustomData === 'string' ? message.cloudCustomData : '',
    targetUserIDList: isGroup && options.receiver ? [options.receiver] : [],
    atUserList: isGroup && Array.isArray(message.atUserList) ? message.atUserList : [],
    revoked: false,
    revoker: '',
    revokeReason: '',
    hiddenFor,
  };
  if (options.onlineUserOnly) {
    for (const userID of recipients) {
      if (hiddenFor.includes(userID)) continue;
      ctx.onlinePushes.push({
        userID,
        message: { ...messageView(record, userID, undefined), isOnlineOnly: true },
      });
    }
    return {
      message: { ...messageView(record, sender, undefined), isOnlineOnly: true },
      conversation: null,
    };
  }
  const thread = hub.threads.get(threadID) ?? {
    threadID,
    type,
    groupID: record.groupID,
    lastSeq: 0,
  };
  const stored = { ...record, seq: thread.lastSeq + 1 };
  hub.threads.set(threadID, { ...thread, lastSeq: stored.seq });
  hub.messages.set(stored.msgID, stored);
  deliverStored(hub, ctx, stored, sender, conversationIDFor(sender));
  for (const userID of recipients) {
    if (!hiddenFor.includes(userID)) deliverStored(hub, ctx, stored, userID, conversationIDFor(userID));
  }
  return hub.messageWithConversation(stored, sender);
}

/** Puts a stored message into one participant's conversation state and queues its push. */
export function deliverStored(
  hub: HubState,
  ctx: HandlerContext,
  message: HubMessageRecord,
  userID: string,
  conversationID: string,
): void {
  const record = hub.recordOrEmpty(userID, conversationID);
  const user = hub.users.get(userID) as HubUserRecord;
  const next: HubConversationRecord = { ...record, deleted: false };
  if (!message.excludedFromLast) next.orderKey = hub.nextOrderKey(userID);
  if ((next.marks & HIDE) !== 0 && !user.keepHidden) next.marks &= ~HIDE;
  if (countsAsUnread(message, userID) && message.seq > next.readSeq) next.unreadCount += 1;
  const at = atInfoFor(message, userID);
  if (at) next.groupAtInfoList = [...next.groupAtInfoList, at];
  hub.put(ctx, next);
  ctx.messagePushes.push({ userID, kind: 'message', msgID: message.msgID, conversationID });
}

/** Sends a copy of one message to each user (C2C), a result per user. */
export function sendToUsers(
  hub: HubState,
  ctx: HandlerContext,
  args: HubMethods['sendToUsers']['args'],
): HubMethods['sendToUsers']['result'] {
  validateOutgoing(hub, args.message, 'sendMessageToUsers');
  const results = args.userIDList.map((userID, index) => {
    try {
      const sent = send(
        hub,
        ctx,
        { ...args.message, msgID: args.msgIDs[index] ?? args.message.msgID },
        {
          receiver: userID,
          groupID: '',
          priority: 'normal',
          onlineUserOnly: false,
          offlinePushInfo: null,
          isExcludedFromUnreadCount: false,
          isExcludedFromLastMessage: false,
        },
      );
      return { userID, message: sent.message, error: null };
    } catch (error) {
      return { userID, message: null, error: toWireError(error) };
    }
  });
  return { results, conversations: hub.changedViews(ctx, ctx.userID) };
}
