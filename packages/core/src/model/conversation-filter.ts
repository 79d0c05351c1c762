import type { OrderKey } from './conversation-order';
import {
  type Conversation,
  type ConversationFilter,
  ConversationMarkType,
  type ConversationType,
  type UnreadFilter,
} from './types';

/** Whether a conversation has a mark bit set. */
export function hasMark(conversation: Conversation, markType: ConversationMarkType): boolean {
  return conversation.markList.includes(markType);
}

/** Whether a conversation is muted: its messages are not counted in the total unread. */
export function isMuted(conversation: Conversation): boolean {
  return conversation.recvOpt !== 'receive';
}

/** The key a conversation is ordered by. */
export function orderKeyOf(conversation: Conversation): OrderKey {
  return { id: conversation.conversationID, pinned: conversation.isPinned, orderKey: conversation.orderKey };
}

/**
 * Whether a conversation belongs in a list with this filter. Only activated conversations (orderKey > 0)
 * are listed, and a hidden one only in a list that filters for the hide mark.
 */
export function matchesConversationFilter(conversation: Conversation, filter: ConversationFilter): boolean {
  if (conversation.orderKey <= 0) return false;
  if (filter.markType !== ConversationMarkType.hide && hasMark(conversation, ConversationMarkType.hide)) {
    return false;
  }
  if (filter.type !== undefined && conversation.type !== filter.type) return false;
  if (filter.markType !== undefined && !hasMark(conversation, filter.markType)) return false;
  if (
    filter.conversationGroup !== undefined &&
    !conversation.conversationGroupList.includes(filter.conversationGroup)
  ) {
    return false;
  }
  if (filter.hasUnreadCount !== undefined && conversation.unreadCount > 0 !== filter.hasUnreadCount)
    return false;
  if (
    filter.hasGroupAtInfo !== undefined &&
    conversation.groupAtInfoList.length > 0 !== filter.hasGroupAtInfo
  ) {
    return false;
  }
  return true;
}

/** Whether a conversation counts towards an unread filter's total (muted ones never do). */
export function matchesUnreadFilter(conversation: Conversation, filter: UnreadFilter): boolean {
  if (isMuted(conversation)) return false;
  if (filter.type !== undefined && conversation.type !== filter.type) return false;
  if (filter.markType !== undefined && !hasMark(conversation, filter.markType)) return false;
  if (
    filter.conversationGroup !== undefined &&
    !conversation.conversationGroupList.includes(filter.conversationGroup)
  ) {
    return false;
  }
  return true;
}

/**
 * A stable key for a list filter: equal filters give equal keys whatever their field order; the empty
 * filter (the whole list) gives `''`.
 */
export function conversationFilterKey(filter: ConversationFilter): string {
  const parts: string[] = [];
  if (filter.type !== undefined) parts.push(`type=${filter.type}`);
  if (filter.markType !== undefined) parts.push(`mark=${filter.markType}`);
  if (filter.conversationGroup !== undefined)
    parts.push(`group=${encodeURIComponent(filter.conversationGroup)}`);
  if (filter.hasUnreadCount !== undefined) parts.push(`unread=${filter.hasUnreadCount ? 1 : 0}`);
  if (filter.hasGroupAtInfo !== undefined) parts.push(`at=${filter.hasGroupAtInfo ? 1 : 0}`);
  return parts.join('&');
}

/**
 * A stable key for an unread filter. As the seeds say, filters are told apart by type + conversationGroup +
 * markType only.
 */
export function unreadFilterKey(filter: UnreadFilter): string {
  return conversationFilterKey({
    ...(filter.type !== undefined && { type: filter.type }),
    ...(filter.markType !== undefined && { markType: filter.markType }),
    ...(filter.conversationGroup !== undefined && { conversationGroup: filter.conversationGroup }),
  });
}

const CONVERSATION_ID = /^(c2c|group)_(.+)$/s;

/** Splits a conversation ID into its type and peer, or returns null when it is not one. */
export function parseConversationID(
  conversationID: unknown,
): { type: ConversationType; userID: string; groupID: string } | null {
  if (typeof conversationID !== 'string') return null;
  const match = CONVERSATION_ID.exec(conversationID);
  if (!match) return null;
  const [, type, id] = match as unknown as [string, ConversationType, string];
  return type === 'c2c' ? { type, userID: id, groupID: '' } : { type, userID: '', groupID: id };
}
