import { matchesUnreadFilter } from '../../model/conversation-filter';
import type { Conversation, Message, UnreadFilter } from '../../model/types';

/** Pure helpers for the engine's conversation mirror. */

/** What a conversation adds to an unread total: its unreadCount when it is not muted and matches. */
export function unreadContribution(
  conversation: Conversation | undefined,
  filter: UnreadFilter | null,
): number {
  if (!conversation || conversation.unreadCount <= 0) return 0;
  return matchesUnreadFilter(conversation, filter ?? {}) ? conversation.unreadCount : 0;
}

function sameMessage(a: Message | null, b: Message | null): boolean {
  if (a === b) return true;
  if (!a || !b) return false;
  return (
    a.msgID === b.msgID &&
    a.status === b.status &&
    a.seq === b.seq &&
    a.timestamp === b.timestamp &&
    a.isRead === b.isRead &&
    a.isPeerRead === b.isPeerRead &&
    a.localCustomData === b.localCustomData &&
    a.revoker === b.revoker &&
    a.nick === b.nick &&
    a.elemList === b.elemList
  );
}

function sameList<T>(a: readonly T[], b: readonly T[]): boolean {
  return a === b || (a.length === b.length && a.every((value, i) => value === b[i]));
}

/** Whether two conversation records say the same thing, so the held one can keep its identity. */
export function sameConversation(a: Conversation, b: Conversation): boolean {
  return (
    a.orderKey === b.orderKey &&
    a.isPinned === b.isPinned &&
    a.unreadCount === b.unreadCount &&
    a.recvOpt === b.recvOpt &&
    a.draftText === b.draftText &&
    a.draftTimestamp === b.draftTimestamp &&
    a.showName === b.showName &&
    a.faceUrl === b.faceUrl &&
    a.readSeq === b.readSeq &&
    a.customData === b.customData &&
    sameList(a.markList, b.markList) &&
    sameList(a.conversationGroupList, b.conversationGroupList) &&
    a.groupAtInfoList.length === b.groupAtInfoList.length &&
    a.groupAtInfoList.every(
      (info, i) => info.seq === b.groupAtInfoList[i]?.seq && info.atType === b.groupAtInfoList[i]?.atType,
    ) &&
    sameMessage(a.lastMessage, b.lastMessage)
  );
}
