import type { ChatStateData } from '../model/chat-state';
import { unreadFilterKey } from '../model/conversation-filter';
import type { UnreadFilter } from '../model/types';

/** Σ unread over conversations that are not muted, as the engine reports it. O(1). */
export function selectTotalUnread(state: ChatStateData): number {
  return state.totalUnread;
}

/**
 * The unread total of a subscribed filter (see `subscribeUnread`), or undefined until its first answer.
 */
export function selectUnreadByFilter(
  state: ChatStateData,
  filter: UnreadFilter | string,
): number | undefined {
  return state.unreadByFilter[typeof filter === 'string' ? filter : unreadFilterKey(filter)];
}
