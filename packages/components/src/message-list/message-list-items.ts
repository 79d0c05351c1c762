import type { Message, MessageElem } from '@tidings/core';
import { fitMediaBox } from '../message-content/message-content-media';

/**
 * One row of a message list. The list is virtualized over these rather than over messages, so date
 * separators, the unread separator and the typing indicator are measured and anchored like messages.
 */
export type MessageListItem =
  | MessageListDateItem
  | MessageListUnreadItem
  | MessageListMessageItem
  | MessageListTypingItem;

/** A centered date pill before the first message of a day. */
export interface MessageListDateItem {
  type: 'date';
  /** `date:<yyyy-m-d>`: stable while older pages of the same day are prepended above it. */
  key: string;
  /** Time of the first message of that day. */
  timestamp: number;
}

/** The line above the first unread message. */
export interface MessageListUnreadItem {
  type: 'unread';
  key: 'unread';
}

/** A message: a bubble, or a centered system line (group tips, recalled messages). */
export interface MessageListMessageItem {
  type: 'message';
  /** The msgID. */
  key: string;
  message: Message;
  /** `bubble` for ordinary messages, `system` for group tips and recalled messages. */
  variant: 'bubble' | 'system';
  /** First bubble of a run of one sender's messages: it shows the sender's avatar and name. */
  isRunStart: boolean;
  /** Last bubble of a run. */
  isRunEnd: boolean;
}

/** "Bob is typing…" after the newest message. */
export interface MessageListTypingItem {
  type: 'typing';
  key: 'typing';
}

/** Options of {@link buildMessageListItems}. */
export interface BuildMessageListItemsOptions {
  /** The message above which the unread separator goes, if any. */
  firstUnreadMsgID?: string | null | undefined;
  /**
   * Whether older messages may exist before the first one. The first day of the window then gets its
   * date separator only once the history reaches its start: a separator that older pages of its own day
   * would push up could otherwise be the row the reader is anchored on.
   * @default false
   */
  hasOlder?: boolean | undefined;
  /** Whether to end with the typing indicator. @default false */
  isTyping?: boolean | undefined;
  /**
   * Longest pause between two messages of one sender that still continues their run, ms.
   * @default 300_000 (five minutes)
   */
  runGapMs?: number | undefined;
}

/** Whether a message shows as a centered system line rather than a bubble. */
export function isSystemMessage(message: Message): boolean {
  // A group tip is the only element of its message; lists check thousands, so no scan.
  return message.status === 'revoked' || message.elemList[0]?.type === 'groupTip';
}

/** The local calendar day a time falls on: its key and bounds (DST-safe, through `Date`). */
function dayOf(timestamp: number): { key: string; start: number; end: number } {
  const date = new Date(timestamp);
  const y = date.getFullYear();
  const m = date.getMonth();
  const d = date.getDate();
  return {
    key: `date:${y}-${m + 1}-${d}`,
    start: new Date(y, m, d).getTime(),
    end: new Date(y, m, d + 1).getTime(),
  };
}

/**
 * The rows of a message list, oldest first: a date separator before each day, the unread separator before
 * `firstUnreadMsgID`, the messages with their sender runs (same sender, same day, no separator between,
 * at most `runGapMs` apart), and the typing indicator last. Pure; memoize it on its inputs.
 *
 * @example
 * const items = useMemo(
 *   () => buildMessageListItems(messages, { firstUnreadMsgID, hasOlder, isTyping }),
 *   [messages, firstUnreadMsgID, hasOlder, isTyping],
 * );
 */
export function buildMessageListItems(
  messages: readonly Message[],
  options: BuildMessageListItemsOptions = {},
): MessageListItem[] {
  const { firstUnreadMsgID = null, hasOlder = false, isTyping = false, runGapMs = 300_000 } = options;
  const items: MessageListItem[] = [];
  let previous: Message | null = null;
  let previousItem: MessageListMessageItem | null = null;
  // The current day's bounds, so a day is worked out once rather than per message (lists hold thousands).
  let day: { key: string; start: number; end: number } | null = null;
  for (const message of messages) {
    const sameDay = day !== null && message.timestamp >= day.start && message.timestamp < day.end;
    if (!sameDay) day = dayOf(message.timestamp);
    const newDay = previous ? !sameDay : !hasOlder;
    if (newDay) items.push({ type: 'date', key: (day as { key: string }).key, timestamp: message.timestamp });
    const unread = message.msgID === firstUnreadMsgID;
    if (unread) items.push({ type: 'unread', key: 'unread' });
    const variant = isSystemMessage(message) ? 'system' : 'bubble';
    const continues =
      variant === 'bubble' &&
      previous !== null &&
      previousItem?.variant === 'bubble' &&
      !newDay &&
      !unread &&
      previous.sender === message.sender &&
      message.timestamp - previous.timestamp <= runGapMs;
    if (previousItem && !continues && previousItem.variant === 'bubble') previousItem.isRunEnd = true;
    const item: MessageListMessageItem = {
      type: 'message',
      key: message.msgID,
      message,
      variant,
      isRunStart: variant === 'bubble' && !continues,
      isRunEnd: false,
    };
    items.push(item);
    previous = message;
    previousItem = item;
  }
  if (previousItem?.variant === 'bubble') previousItem.isRunEnd = true;
  if (isTyping) items.push({ type: 'typing', key: 'typing' });
  return items;
}

// Rough line metrics of the default theme, for estimates only: rows are measured once mounted.
const LINE_HEIGHT = 22;
const CHARS_PER_LINE = 38;

function estimateElemHeight(elem: MessageElem): number {
  switch (elem.type) {
    case 'text': {
      const lines = elem.text
        .split('\n')
        .reduce((sum, line) => sum + Math.max(1, Math.ceil(line.length / CHARS_PER_LINE)), 0);
      return lines * LINE_HEIGHT;
    }
    case 'image':
      return fitMediaBox(elem.width, elem.height).height;
    case 'video':
      return fitMediaBox(elem.snapshotWidth, elem.snapshotHeight).height;
    case 'face':
      return 72;
    case 'sound':
      return 40;
    case 'file':
    case 'location':
      return 56;
    case 'merger':
      return 120;
    case 'custom':
      return 44;
    case 'groupTip':
      return LINE_HEIGHT;
  }
}

// Estimates are asked for every row whenever the virtualizer rebuilds its layout; a message's content
// estimate is kept per message object, so only new or changed messages are estimated again.
const contentEstimates = new WeakMap<Message, number>();

function estimateContentHeight(message: Message): number {
  let height = contentEstimates.get(message);
  if (height === undefined) {
    height = message.elemList.reduce((sum, elem) => sum + estimateElemHeight(elem), 0);
    contentEstimates.set(message, height);
  }
  return height;
}

/**
 * An estimate of a row's height before it is measured, close enough that the scrollbar and a jump land
 * near where they should; media rows are exact (their boxes come from the known width and height).
 */
export function estimateItemSize(item: MessageListItem): number {
  switch (item.type) {
    case 'date':
    case 'unread':
      return 44;
    case 'typing':
      return 36;
    case 'message':
      if (item.variant === 'system') return 36;
      return estimateContentHeight(item.message) + 36 + (item.isRunStart ? 24 : 0);
  }
}
