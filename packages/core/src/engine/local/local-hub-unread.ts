import { c2cConversationID } from '../engine-validation';
import { countsAsUnread, type HubConversationRecord, type HubMessageRecord } from './local-hub-records';
import { type HandlerContext, type HubState, lowerBoundSeq, partitionPoint } from './local-hub-state';
import type { HubMethods } from './local-protocol';

/**
 * Unread on the hub: each user's read position per conversation, the unread count and mentions it leaves,
 * and the read receipts C2C peers get when it moves.
 */

/** The conversation mark a read clears (Tencent's "marked unread"). */
const UNREAD_MARK = 2;

/** How many messages after `readSeq` count as unread for the record's user. */
function countUnread(hub: HubState, record: HubConversationRecord, readSeq: number): number {
  const list = hub.messagesOf(record);
  const floor = Math.max(readSeq, record.clearedSeq);
  let count = 0;
  for (let i = list.length - 1; i >= 0; i--) {
    const message = list[i] as HubMessageRecord;
    if (message.seq <= floor) break;
    if (countsAsUnread(message, record.userID)) count++;
  }
  return count;
}

/** Moves a user's read position forward (never back), clearing unread, mentions and the unread mark. */
function markRead(hub: HubState, ctx: HandlerContext, record: HubConversationRecord, readSeq: number): void {
  const target = Math.max(record.readSeq, readSeq);
  const unreadCount = target === record.readSeq ? record.unreadCount : countUnread(hub, record, target);
  const groupAtInfoList = record.groupAtInfoList.filter((info) => info.seq > target);
  const marks = record.marks & ~UNREAD_MARK;
  if (
    target === record.readSeq &&
    unreadCount === record.unreadCount &&
    groupAtInfoList.length === record.groupAtInfoList.length &&
    marks === record.marks
  ) {
    return;
  }
  hub.put(ctx, { ...record, readSeq: target, unreadCount, groupAtInfoList, marks });
  if (record.type === 'c2c' && target > record.readSeq && record.peerID !== record.userID) {
    sendReadReceipt(hub, ctx, record, target);
  }
}

/** Tells a C2C peer how far their messages were read (as a time), unless they know already. */
function sendReadReceipt(
  hub: HubState,
  ctx: HandlerContext,
  record: HubConversationRecord,
  readSeq: number,
): void {
  const list = hub.messagesOf(record);
  const index = lowerBoundSeq(list, readSeq + 1) - 1;
  const readTime = index >= 0 ? (list[index] as HubMessageRecord).timestamp : 0;
  const peer = hub.users.get(record.peerID);
  if (!peer) return;
  const peerRecord = hub.recordOrEmpty(record.peerID, c2cConversationID(record.userID));
  if (readTime <= peerRecord.peerReadTime) return;
  hub.put(ctx, { ...peerRecord, peerReadTime: readTime });
  ctx.receiptPushes.push({ userID: record.peerID, reader: record.userID, timestamp: readTime });
}

/** `cleanConversationUnreadMessageCount` and its kin: one conversation up to a time or seq, or every one of a kind. */
export function cleanUnread(
  hub: HubState,
  ctx: HandlerContext,
  args: HubMethods['cleanUnread']['args'],
): HubMethods['cleanUnread']['result'] {
  const scope = args.conversationID;
  if (scope === '' || scope === 'c2c' || scope === 'group') {
    for (const record of [...hub.recordsOf(ctx.userID)]) {
      if (scope !== '' && record.type !== scope) continue;
      const lastSeq = hub.lastSeqOf(record);
      markRead(hub, ctx, record, lastSeq);
    }
    return { conversations: hub.changedViews(ctx, ctx.userID) };
  }
  const record = hub.requireConversation(ctx.userID, scope, 'cleanConversationUnreadMessageCount');
  const list = hub.messagesOf(record);
  const lastSeq = hub.lastSeqOf(record);
  let readSeq = lastSeq;
  if (record.type === 'c2c' && args.cleanTimestamp > 0) {
    // The newest message at or before the timestamp: timestamps grow with seq in a thread.
    const after = partitionPoint(list, (message) => message.timestamp <= args.cleanTimestamp);
    readSeq = after > 0 ? (list[after - 1] as HubMessageRecord).seq : 0;
  } else if (record.type === 'group' && args.cleanSequence > 0) {
    readSeq = Math.min(args.cleanSequence, lastSeq);
  }
  if (hub.record(ctx.userID, scope)) markRead(hub, ctx, record, readSeq);
  return { conversations: hub.changedViews(ctx, ctx.userID) };
}

/** A record after `message` went away for its user: one unread less if it was unread, its mention gone. */
export function withoutMessage(
  record: HubConversationRecord,
  message: HubMessageRecord,
): HubConversationRecord {
  const wasUnread = countsAsUnread(message, record.userID) && message.seq > record.readSeq;
  return {
    ...record,
    unreadCount: record.unreadCount - (wasUnread ? 1 : 0),
    groupAtInfoList: record.groupAtInfoList.filter((info) => info.seq !== message.seq),
  };
}
