import { hasMark } from './conversation-filter';
import { type Conversation, ConversationMarkType } from './types';

// Pure changes to one conversation that the store applies optimistically (and takes back on failure).

/**
 * A mark list with `markType` set or cleared, ascending like the engines keep it; the same marks
 * otherwise (setting a set mark or clearing an absent one changes no other mark).
 *
 * @example
 * withMark([1, 8], 2, true); // [1, 2, 8]
 */
export function withMark<T extends number>(markList: readonly T[], markType: T, enable: boolean): T[] {
  const without = markList.filter((mark) => mark !== markType);
  return enable ? [...without, markType].sort((a, b) => a - b) : without;
}

/**
 * A conversation as reading it leaves it: no unread count, no `@` mentions waiting, no unread mark
 * (reading is how a conversation marked unread stops being unread).
 *
 * @example
 * markedRead(conversation).unreadCount; // 0
 */
export function markedRead(conversation: Conversation): Conversation {
  return {
    ...conversation,
    unreadCount: 0,
    groupAtInfoList: [],
    markList: withMark(conversation.markList, ConversationMarkType.unread, false),
  };
}

/** Whether reading a conversation would change it: it has unread messages, mentions or the unread mark. */
export function isUnread(conversation: Conversation): boolean {
  return (
    conversation.unreadCount > 0 ||
    conversation.groupAtInfoList.length > 0 ||
    hasMark(conversation, ConversationMarkType.unread)
  );
}

/**
 * IDs of the conversations "mark all read" changes: in scope (every one, or only C2C or only groups)
 * and counting as unread (an unread count or the unread mark).
 *
 * @example
 * unreadIDsInScope(state.conversations.values(), 'group'); // ['group_team']
 */
export function unreadIDsInScope(
  conversations: Iterable<Conversation>,
  scope: 'all' | 'c2c' | 'group',
): string[] {
  const ids: string[] = [];
  for (const conversation of conversations) {
    if (scope !== 'all' && conversation.type !== scope) continue;
    if (conversation.unreadCount > 0 || hasMark(conversation, ConversationMarkType.unread)) {
      ids.push(conversation.conversationID);
    }
  }
  return ids;
}

/**
 * `current` with each field that `next` changed from `prev` back at `prev`'s value, where it still holds
 * `next`'s: a failed optimistic change is taken back without undoing what others changed since.
 *
 * @example
 * revertFields({ ...c, isPinned: true }, c, { ...c, isPinned: true }).isPinned; // c.isPinned
 */
export function revertFields(current: Conversation, prev: Conversation, next: Conversation): Conversation {
  let reverted: Record<string, unknown> | null = null;
  for (const key of Object.keys(next) as (keyof Conversation)[]) {
    if (sameValue(next[key], prev[key]) || !sameValue(current[key], next[key])) continue;
    reverted ??= { ...current };
    reverted[key] = prev[key];
  }
  return (reverted as Conversation | null) ?? current;
}

/** Equality of conversation field values: plain data from the engine, so structure decides. */
function sameValue(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  return JSON.stringify(a) === JSON.stringify(b);
}
