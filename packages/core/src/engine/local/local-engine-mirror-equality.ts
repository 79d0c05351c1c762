import { matchesUnreadFilter } from '../../model/conversation-filter';
import type { Conversation, UnreadFilter } from '../../model/types';

/** Pure helpers for the engine's conversation mirror. */

/** What a conversation adds to an unread total: its unreadCount when it is not muted and matches. */
export function unreadContribution(
  conversation: Conversation | undefined,
  filter: UnreadFilter | null,
): number {
  if (!conversation || conversation.unreadCount <= 0) return 0;
  return matchesUnreadFilter(conversation, filter ?? {}) ? conversation.unreadCount : 0;
}
