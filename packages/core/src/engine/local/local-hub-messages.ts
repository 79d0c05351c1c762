import { ChatError, ChatErrorCode } from '../../model/chat-error';
import type { Message } from '../../model/types';
import { conversationIDOf, type HubMessageRecord, isVisibleTo, messageView } from './local-hub-records';
import { type HandlerContext, type HubState, notFound, partitionPoint } from './local-hub-state';
import { withoutMessage } from './local-hub-unread';
import { compareMessages } from './local-message-utils';
import type { HubMethods, WireHistoryQuery } from './local-protocol';

/**
 * Messages on the hub after they are sent: revoking, deleting from roaming history, clearing history, and
 * reading it back (pages and lookups).
 */

/** Everyone a message was sent among: both C2C users, or the group's members now. */
function participants(hub: HubState, message: HubMessageRecord): string[] {
  if (message.type === 'c2c') return [...new Set([message.sender, message.receiver])];
  return (hub.groups.get(message.groupID)?.members ?? []).map((member) => member.userID);
}

/**
 * Revokes a message: its sender (or a group owner or admin) within the revoke window. Every participant's
 * record drops it from unread and mentions, and they get a push.
 */
export function revoke(
  hub: HubState,
  ctx: HandlerContext,
  args: HubMethods['revoke']['args'],
): HubMethods['revoke']['result'] {
  const message = requireVisible(hub, ctx, args.msgID, 'revokeMessage');
  if (message.revoked) {
    throw new ChatError(
      ChatErrorCode.InvalidState,
      `revokeMessage: message ${args.msgID} is already revoked.`,
      {
        msgID: args.msgID,
      },
    );
  }
  if (message.sender !== ctx.userID) {
    const role = hub.groups
      .get(message.groupID)
      ?.members.find((member) => member.userID === ctx.userID)?.role;
    if (message.type !== 'group' || (role !== 'owner' && role !== 'admin')) {
      throw new ChatError(
        ChatErrorCode.PermissionDenied,
        `revokeMessage: ${ctx.userID} may not revoke a message ${message.sender} sent.`,
        { msgID: args.msgID },
      );
    }
  }
  const age = hub.now() - message.timestamp;
  if (age > hub.limits.revokeWindowMs) {
    throw new ChatError(
      ChatErrorCode.RevokeWindowPassed,
      `revokeMessage: the message is ${Math.round(age / 1000)} s old; the limit is ${hub.limits.revokeWindowMs / 1000} s.`,
      { msgID: args.msgID, ageMs: age, limitMs: hub.limits.revokeWindowMs },
    );
  }
  const revoked: HubMessageRecord = {
    ...message,
    revoked: true,
    revoker: ctx.userID,
    revokeReason: args.reason,
  };
  hub.messages.set(revoked.msgID, revoked);
  for (const userID of participants(hub, message)) {
    if (!isVisibleTo(message, userID)) continue;
    const conversationID = conversationIDOf(message, userID);
    const record = hub.record(userID, conversationID);
    if (!record || message.seq <= record.clearedSeq) continue;
    hub.put(ctx, withoutMessage(record, message));
    ctx.messagePushes.push({ userID, kind: 'revoked', msgID: message.msgID, conversationID });
  }
  return hub.messageWithConversation(revoked, ctx.userID);
}

/** Hides messages from the user's roaming history (rate limited to one call a second). */
export function deleteFromServer(
  hub: HubState,
  ctx: HandlerContext,
  msgIDList: string[],
): HubMethods['deleteFromServer']['result'] {
  hub.checkRate(ctx.userID, 'deleteMessagesFromServer', hub.deleteCalls, 1);
  const messages = msgIDList.map((msgID) => requireVisible(hub, ctx, msgID, 'deleteMessagesFromServer'));
  for (const message of messages) {
    const current = hub.messages.get(message.msgID) as HubMessageRecord;
    if (current.hiddenFor.includes(ctx.userID)) continue;
    hub.messages.set(current.msgID, { ...current, hiddenFor: [...current.hiddenFor, ctx.userID] });
    const record = hub.record(ctx.userID, conversationIDOf(current, ctx.userID));
    if (!record) continue;
    hub.put(ctx, withoutMessage(record, current));
  }
  hub.noteCall(ctx.userID, hub.deleteCalls);
  return { conversations: hub.changedViews(ctx, ctx.userID) };
}

/** Clears the user's history of a conversation up to now; the conversation stays. */
export function clearHistory(
  hub: HubState,
  ctx: HandlerContext,
  conversationID: string,
): HubMethods['clearHistory']['result'] {
  const record = hub.record(ctx.userID, conversationID);
  if (!record || (record.deleted && record.orderKey === 0))
    throw notFound('clearHistoryMessage', conversationID);
  const lastSeq = hub.lastSeqOf(record);
  hub.put(ctx, {
    ...record,
    clearedSeq: lastSeq,
    clearedTime: hub.now(),
    readSeq: Math.max(record.readSeq, lastSeq),
    unreadCount: 0,
    groupAtInfoList: [],
  });
  return { conversations: hub.changedViews(ctx, ctx.userID) };
}

/** A page of the user's roaming history of a conversation, within the query's bounds. */
export function history(
  hub: HubState,
  ctx: HandlerContext,
  query: WireHistoryQuery,
): HubMethods['history']['result'] {
  const record = hub.requireConversation(ctx.userID, query.conversationID, 'getHistoryMessageList');
  const list = hub.messagesOf(record);
  const older = query.direction === 'older';
  // Every bound is monotonic along the thread (seq and time grow together), so the start is a binary search.
  const beforeEnd = (message: HubMessageRecord) =>
    (!query.cursor || compareMessages(message, query.cursor) < 0) &&
    (query.seqBound === null || message.seq <= query.seqBound) &&
    (query.timeTo === null || message.timestamp <= query.timeTo);
  const afterStart = (message: HubMessageRecord) =>
    message.seq > record.clearedSeq &&
    (!query.cursor || compareMessages(message, query.cursor) > 0) &&
    (query.seqBound === null || message.seq >= query.seqBound) &&
    (query.timeFrom === null || message.timestamp >= query.timeFrom);
  const out: Message[] = [];
  let hasMore = false;
  if (older) {
    let index = partitionPoint(list, beforeEnd) - 1;
    for (; index >= 0; index--) {
      const message = list[index] as HubMessageRecord;
      if (message.seq <= record.clearedSeq) break;
      if (query.timeFrom !== null && message.timestamp < query.timeFrom) break;
      if (!isVisibleTo(message, ctx.userID)) continue;
      if (out.length === query.count) {
        hasMore = true;
        break;
      }
      out.push(messageView(message, ctx.userID, record));
    }
    out.reverse();
  } else {
    let index = partitionPoint(list, (message) => !afterStart(message));
    for (; index < list.length; index++) {
      const message = list[index] as HubMessageRecord;
      if (!beforeEnd(message)) break;
      if (!isVisibleTo(message, ctx.userID)) continue;
      if (out.length === query.count) {
        hasMore = true;
        break;
      }
      out.push(messageView(message, ctx.userID, record));
    }
  }
  return { messages: out, hasMore };
}

/** A message of the user's history by seq, or by (time, random, isSelf). */
export function findByLocator(
  hub: HubState,
  ctx: HandlerContext,
  args: HubMethods['findByLocator']['args'],
): Message | null {
  const record = hub.requireConversation(ctx.userID, args.conversationID, 'findMessageByLocator');
  const list = hub.messagesOf(record);
  const found = list.find((message) =>
    args.seq !== null
      ? message.seq === args.seq
      : message.timestamp === args.time &&
        message.random === args.random &&
        (message.sender === ctx.userID) === args.isSelf,
  );
  if (!found || found.seq <= record.clearedSeq || !isVisibleTo(found, ctx.userID)) return null;
  return messageView(found, ctx.userID, record);
}

/** A message the user can see, else `MESSAGE_NOT_FOUND`. */
function requireVisible(hub: HubState, ctx: HandlerContext, msgID: string, method: string): HubMessageRecord {
  const message = hub.messages.get(msgID);
  if (!message || !isVisibleTo(message, ctx.userID)) {
    throw new ChatError(ChatErrorCode.MessageNotFound, `${method}: no message ${msgID}.`, { msgID });
  }
  return message;
}
