import type { ChatError } from './chat-error';
import { ownEntry, ownRecord, withEntry } from './own-record';
import type { RecordMap } from './record-map';
import type { Message } from './types';

/** The part of a conversation's history the store holds, oldest first. */
export interface MessageWindow {
  conversationID: string;
  /** msgIDs oldest → newest; immutable, a new array on each change. */
  messageIDs: readonly string[];
  /** There may be older messages to load. */
  hasOlder: boolean;
  /** There may be newer messages to load (after jumping into the middle of the history). */
  hasNewer: boolean;
  status: 'idle' | 'loadingOlder' | 'loadingNewer' | 'loadingAround' | 'error';
  error: ChatError | null;
  /** The message a jump landed on, for the list to scroll to and highlight; cleared by `clearHighlight`. */
  highlightedMsgID: string | null;
  /** First unread message when the conversation was opened (for the unread separator), else null. */
  firstUnreadMsgID: string | null;
}

/** The messages the store holds and the windows over them. */
export interface MessageSlice {
  messages: RecordMap<Message>;
  windows: Readonly<Record<string, MessageWindow>>;
}

/** History order: by time, then seq, then msgID, so local and server messages interleave stably. */
export function compareMessages(a: Message, b: Message): number {
  if (a.timestamp !== b.timestamp) return a.timestamp - b.timestamp;
  if (a.seq !== b.seq) return a.seq - b.seq;
  return a.msgID < b.msgID ? -1 : a.msgID > b.msgID ? 1 : 0;
}

/** A window with nothing loaded yet. */
export function emptyWindow(conversationID: string): MessageWindow {
  return {
    conversationID,
    messageIDs: [],
    hasOlder: true,
    hasNewer: false,
    status: 'idle',
    error: null,
    highlightedMsgID: null,
    firstUnreadMsgID: null,
  };
}

/** Patches a window's flags (status, error, highlight…), creating the window if needed. */
export function patchWindow(
  slice: MessageSlice,
  conversationID: string,
  patch: Partial<Omit<MessageWindow, 'conversationID' | 'messageIDs'>>,
): MessageSlice {
  const window = ownEntry(slice.windows, conversationID) ?? emptyWindow(conversationID);
  return { ...slice, windows: withEntry(slice.windows, conversationID, { ...window, ...patch }) };
}

/** Replaces a window's messages (opening, jumping), dropping the messages it no longer shows. */
export function replaceWindow(
  slice: MessageSlice,
  conversationID: string,
  list: readonly Message[],
  flags: Partial<Omit<MessageWindow, 'conversationID' | 'messageIDs'>>,
): MessageSlice {
  const sorted = dedupeSorted(list);
  const kept = new Set(sorted.map((message) => message.msgID));
  const dropped = (ownEntry(slice.windows, conversationID)?.messageIDs ?? []).filter((id) => !kept.has(id));
  const messages = slice.messages
    .deleteMany(dropped)
    .setMany(sorted.map((message) => [message.msgID, message]));
  const window: MessageWindow = {
    ...emptyWindow(conversationID),
    ...flags,
    messageIDs: sorted.map((message) => message.msgID),
  };
  return { messages, windows: withEntry(slice.windows, conversationID, window) };
}

/** Adds a page of older (or newer) messages to a window. */
export function addPage(
  slice: MessageSlice,
  conversationID: string,
  list: readonly Message[],
  direction: 'older' | 'newer',
  hasMore: boolean,
): MessageSlice {
  const window = ownEntry(slice.windows, conversationID) ?? emptyWindow(conversationID);
  const held = window.messageIDs
    .map((id) => slice.messages.get(id))
    .filter((m): m is Message => m !== undefined);
  // A page may repeat messages the window holds; its copies are the newer word on them.
  const merged = dedupeSorted([...held, ...list]);
  return {
    messages: slice.messages.setMany(list.map((message) => [message.msgID, message])),
    windows: withEntry(slice.windows, conversationID, {
      ...window,
      messageIDs: merged.map((message) => message.msgID),
      ...(direction === 'older' ? { hasOlder: hasMore } : { hasNewer: hasMore }),
      status: 'idle' as const,
      error: null,
    }),
  };
}

/**
 * Puts messages (new, or changed) into the windows of their conversations, at their place in history.
 * A message beyond either end of a window that does not reach that end of the history (`hasNewer`,
 * `hasOlder`) is not added there: the window gets it when it loads that way.
 */
export function putMessages(slice: MessageSlice, list: readonly Message[]): MessageSlice {
  let messages = slice.messages;
  let windows: Record<string, MessageWindow> | null = null;
  for (const message of list) {
    const window = ownEntry(windows ?? slice.windows, message.conversationID);
    const prev = messages.get(message.msgID);
    if (prev === message) continue;
    if (!window) {
      if (prev) messages = messages.set(message.msgID, message);
      continue;
    }
    const ids = window.messageIDs;
    const index = prev ? ids.indexOf(message.msgID) : -1;
    if (index === -1) {
      const first = ids.length > 0 ? messages.get(ids[0] as string) : undefined;
      const last = ids.length > 0 ? messages.get(ids[ids.length - 1] as string) : undefined;
      if (window.hasNewer && last && compareMessages(message, last) > 0) continue;
      if (window.hasOlder && first && compareMessages(message, first) < 0) continue;
      messages = messages.set(message.msgID, message);
      windows ??= ownRecord(slice.windows);
      windows[message.conversationID] = { ...window, messageIDs: insertSorted(ids, message, messages) };
      continue;
    }
    messages = messages.set(message.msgID, message);
    if (prev && compareMessages(prev, message) !== 0) {
      // Sending assigns server time and seq, which may move the message past ones that arrived meanwhile.
      const without = ids.filter((id) => id !== message.msgID);
      windows ??= ownRecord(slice.windows);
      windows[message.conversationID] = { ...window, messageIDs: insertSorted(without, message, messages) };
    }
  }
  if (messages === slice.messages && !windows) return slice;
  return { messages, windows: windows ?? slice.windows };
}

/** Removes messages from the store and from their windows. */
export function removeMessages(slice: MessageSlice, msgIDs: readonly string[]): MessageSlice {
  const gone = new Set(msgIDs.filter((id) => slice.messages.has(id)));
  if (gone.size === 0) return slice;
  const windows: Record<string, MessageWindow> = ownRecord();
  for (const [id, window] of Object.entries(slice.windows)) {
    windows[id] = window.messageIDs.some((msgID) => gone.has(msgID))
      ? {
          ...window,
          messageIDs: window.messageIDs.filter((msgID) => !gone.has(msgID)),
          highlightedMsgID:
            window.highlightedMsgID && gone.has(window.highlightedMsgID) ? null : window.highlightedMsgID,
        }
      : window;
  }
  return { messages: slice.messages.deleteMany(gone), windows };
}

function insertSorted(ids: readonly string[], message: Message, messages: RecordMap<Message>): string[] {
  // New messages almost always belong at the end, so search from there.
  let index = ids.length;
  while (index > 0) {
    const before = messages.get(ids[index - 1] as string);
    if (!before || compareMessages(before, message) <= 0) break;
    index--;
  }
  return [...ids.slice(0, index), message.msgID, ...ids.slice(index)];
}

function dedupeSorted(list: readonly Message[]): Message[] {
  const byID = new Map<string, Message>();
  for (const message of list) byID.set(message.msgID, message);
  return [...byID.values()].sort(compareMessages);
}
