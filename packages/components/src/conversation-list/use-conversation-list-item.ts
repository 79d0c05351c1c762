import {
  type ChatState,
  type Conversation,
  ConversationMarkType,
  type ConversationPreview,
  formatConversationTime,
  getConversationPreview,
  hasMark,
  isMuted,
  selectActiveConversationID,
  selectConversation,
  selectSelfUserID,
  type TidingsInboxStrings,
} from '@tidings/core';
import { useMemo } from 'react';
import { useDayChange, useInboxConfig } from '../chat-provider/index';
import { useChatStoreByID } from '../internal/index';

/** What a conversation row shows, derived from the record once per change. */
export interface ConversationItem {
  /** The record itself. */
  conversation: Conversation;
  /** The name to show. */
  name: string;
  /** The preview in parts: a `[Draft]` wins over the last message; `[@me]` marks an unread mention. */
  preview: ConversationPreview;
  /** The row's time (`09:05`, `Yesterday`, `Tue`, `Mar 5`), or `''`. */
  time: string;
  /** When the row's time is, ms: the draft's when a draft shows, else the last message's; 0 when none. */
  timestamp: number;
  /** Unread messages (counted even when muted). */
  unreadCount: number;
  isPinned: boolean;
  /** Do not disturb (`receiveNotNotify` or `notReceive`). */
  isMuted: boolean;
  isStarred: boolean;
  /** Marked unread by the user (shows a dot until read). */
  isMarkedUnread: boolean;
  /** Unread, or marked unread: the name and time stand out. */
  isUnread: boolean;
  hasDraft: boolean;
  /** The last message is the user's own and failed to send. */
  hasFailedSend: boolean;
  /**
   * The accessible name, as a person would say it: name, unread count, preview, time —
   * "Bob Martin, 3 unread messages, Draft: see you, 10:42".
   */
  label: string;
  /** Further states to announce after the name ("Pinned, Muted, Failed to send"), or `''`. */
  description: string;
}

/** A marker without its brackets, for speech: `[Draft]` → `Draft`, `【草稿】` → `草稿`. */
function spoken(marker: string): string {
  return marker.replace(/^[[【(（]\s*/u, '').replace(/\s*[\]】)）]$/u, '');
}

/**
 * Derives what a row shows from a conversation record: preview (draft first), time, flags, and the
 * accessible name and description. Pure, so a server, a test or a custom row gets the same answer.
 *
 * @example
 * describeConversation(conversation, { strings: en, locale: 'en', now: Date.now(), selfUserID: 'alice' }).label;
 * // 'Bob Martin, 3 unread messages, Draft: see you, 10:42'
 */
export function describeConversation(
  conversation: Conversation,
  options: { strings: TidingsInboxStrings; locale: string; now: number; selfUserID?: string },
): ConversationItem {
  const { strings, locale, now } = options;
  const preview = getConversationPreview(conversation, {
    strings,
    ...(options.selfUserID && { selfUserID: options.selfUserID }),
  });
  const hasDraft = preview.kind === 'draft';
  const last = conversation.lastMessage;
  const timestamp = Math.max(hasDraft ? (conversation.draftTimestamp ?? 0) : 0, last?.timestamp ?? 0);
  const time = formatConversationTime(timestamp, now, locale);
  const isMarkedUnread = hasMark(conversation, ConversationMarkType.unread);
  const unreadCount = Math.max(0, conversation.unreadCount);
  const muted = isMuted(conversation);
  const hasFailedSend = !hasDraft && !!last && last.isSelf && last.status === 'failed';
  const name = conversation.showName || conversation.userID || conversation.groupID;

  const previewText = preview.marker
    ? `${spoken(preview.marker)}${preview.markerType === 'draft' ? ':' : ''} ${preview.text}`.trim()
    : preview.text;
  const unread =
    unreadCount > 0 ? strings.unreadMessages(unreadCount) : isMarkedUnread ? strings.markedUnread : '';
  const label = [name, unread, previewText, time].filter(Boolean).join(', ');
  const description = [
    conversation.isPinned && strings.pinned,
    muted && strings.muted,
    hasFailedSend && strings.sendFailed,
  ]
    .filter(Boolean)
    .join(', ');

  return {
    conversation,
    name,
    preview,
    time,
    timestamp,
    unreadCount,
    isPinned: conversation.isPinned,
    isMuted: muted,
    isStarred: hasMark(conversation, ConversationMarkType.star),
    isMarkedUnread,
    isUnread: unreadCount > 0 || isMarkedUnread,
    hasDraft,
    hasFailedSend,
    label,
    description,
  };
}

/**
 * One conversation as a row shows it, from the nearest `<ChatProvider>`: the record (subscribed to alone,
 * so the component re-renders only when this conversation changes) and what is derived from it
 * (`describeConversation`). `undefined` while the store does not know the conversation.
 *
 * @example
 * function Row({ id }: { id: string }) {
 *   const item = useConversation(id);
 *   return item ? <div aria-label={item.label}>{item.name} · {item.time}</div> : null;
 * }
 */
export function useConversation(conversationID: string): ConversationItem | undefined {
  return useConversationRow(conversationID).item;
}

/** What a row reads from the store: one selection, so a row costs one store listener. */
export interface RowSelection {
  conversation: Conversation | undefined;
  selfUserID: string;
  isActive: boolean;
}

function sameRow(a: RowSelection, b: RowSelection): boolean {
  return a.conversation === b.conversation && a.selfUserID === b.selfUserID && a.isActive === b.isActive;
}

/**
 * A row's one subscription: its conversation, the signed-in user and whether it is the open one (a list
 * of rows then costs one store listener per row, not three). Internal: the list's rows read it once and
 * derive their item with {@link useRowItem}.
 */
export function useRowSelection(conversationID: string): RowSelection {
  return useChatStoreByID(selectRow, conversationID, sameRow);
}

/** What a row shows, derived from its {@link RowSelection} once per change (and again when the date turns). */
export function useRowItem({ conversation, selfUserID }: RowSelection): ConversationItem | undefined {
  const { strings, locale, now } = useInboxConfig();
  // Times are relative to today ("14:05", "Yesterday", a weekday): they are recomputed when the date turns.
  const day = useDayChange();
  // biome-ignore lint/correctness/useExhaustiveDependencies: `day` is what makes `now()` worth reading again
  return useMemo(
    () => conversation && describeConversation(conversation, { strings, locale, now: now(), selfUserID }),
    [conversation, strings, locale, now, selfUserID, day],
  );
}

/**
 * One conversation as a row shows it: {@link useRowSelection} and {@link useRowItem} together.
 */
export function useConversationRow(conversationID: string): {
  item: ConversationItem | undefined;
  isActive: boolean;
} {
  const selection = useRowSelection(conversationID);
  return { item: useRowItem(selection), isActive: selection.isActive };
}

function selectRow(state: ChatState, conversationID: string): RowSelection {
  return {
    conversation: selectConversation(state, conversationID),
    selfUserID: selectSelfUserID(state),
    isActive: selectActiveConversationID(state) === conversationID,
  };
}
