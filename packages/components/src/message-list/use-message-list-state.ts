// The message list's state hook: the store subscriptions of one conversation, its rows, and where a row is.
import {
  type ChatState,
  type Message,
  type MessageWindow,
  selectConversation,
  selectMessageWindow,
  selectTypingUsers,
  selectWindowMessages,
} from '@tidings/core';
import { useEffect, useMemo } from 'react';
import { useChatStoreApi } from '../chat-provider/index';
import { useChatStoreByID } from '../internal/index';
import { buildMessageListItems, type MessageListItem } from './message-list-items';

function selectUnreadCount(state: ChatState, conversationID: string): number {
  return selectConversation(state, conversationID)?.unreadCount ?? 0;
}

/** The names of the people typing: the conversation's own name in a one-to-one chat. */
function selectTypingNames(state: ChatState, conversationID: string): readonly string[] {
  const typing = selectTypingUsers(state, conversationID);
  if (typing.length === 0) return [] as string[];
  const conversation = selectConversation(state, conversationID);
  return typing.map((user) =>
    conversation?.type === 'c2c' && conversation.userID === user.userID
      ? conversation.showName
      : state.users.get(user.userID)?.nick || user.userID,
  );
}

function sameNames(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((name, i) => name === b[i]);
}

/** Where a row is, by key. */
export interface MessageListItemIndex {
  get(key: string): number | undefined;
  has(key: string): boolean;
}

/** What {@link useMessageListState} returns. */
export interface MessageListState {
  window: MessageWindow | undefined;
  messages: readonly Message[];
  unreadCount: number;
  typingNames: readonly string[];
  hasOlder: boolean;
  hasNewer: boolean;
  highlightedMsgID: string | null;
  windowStatus: MessageWindow['status'];
  /** The rows: date and unread separators, messages, the typing indicator. */
  items: readonly MessageListItem[];
  indexByKey: MessageListItemIndex;
  /** The key of the newest message row, if any. */
  lastMessageKey: string | null;
}

/**
 * Subscribes to one conversation's window, messages, unread count and typing users, opens the
 * conversation the first time it is shown, and builds the rows from them.
 */
export function useMessageListState(conversationID: string): MessageListState {
  const store = useChatStoreApi();
  const window_ = useChatStoreByID(selectMessageWindow, conversationID);
  const messages = useChatStoreByID(selectWindowMessages, conversationID);
  const unreadCount = useChatStoreByID(selectUnreadCount, conversationID);
  const typingNames = useChatStoreByID(selectTypingNames, conversationID, sameNames);

  // A conversation shown for the first time is opened (loaded) here; the store keeps its window after.
  const hasWindow = window_ !== undefined;
  useEffect(() => {
    if (!hasWindow)
      store
        .getState()
        .openConversation(conversationID)
        .catch(() => {});
  }, [hasWindow, store, conversationID]);

  const hasOlder = window_?.hasOlder ?? true;
  const hasNewer = window_?.hasNewer ?? false;
  const firstUnreadMsgID = window_?.firstUnreadMsgID ?? null;
  const isTyping = typingNames.length > 0 && !hasNewer;

  const items = useMemo(
    () => buildMessageListItems(messages, { firstUnreadMsgID, hasOlder, isTyping }),
    [messages, firstUnreadMsgID, hasOlder, isTyping],
  );
  const indexByKey = useMemo(() => indexItems(items), [items]);
  const lastMessageKey = useMemo(() => {
    for (let i = items.length - 1; i >= 0; i--)
      if (items[i]?.type === 'message') return items[i]?.key ?? null;
    return null;
  }, [items]);

  return {
    window: window_,
    messages,
    unreadCount,
    typingNames,
    hasOlder,
    hasNewer,
    highlightedMsgID: window_?.highlightedMsgID ?? null,
    windowStatus: window_?.status ?? 'loadingAround',
    items,
    indexByKey,
    lastMessageKey,
  };
}

/**
 * Where a row is, by key. Lookups are few (the focused, the highlighted and the last message) and mostly
 * near the end, so they scan from there instead of keeping a map of every row.
 */
function indexItems(items: readonly MessageListItem[]): MessageListItemIndex {
  const cache = new Map<string, number>();
  return {
    get(key: string): number | undefined {
      let index = cache.get(key);
      if (index === undefined) {
        index = -1;
        for (let i = items.length - 1; i >= 0; i--) {
          if (items[i]?.key === key) {
            index = i;
            break;
          }
        }
        // Misses are kept too: "is there an unread separator?" is asked on every render.
        cache.set(key, index);
      }
      return index === -1 ? undefined : index;
    },
    has(key: string): boolean {
      return this.get(key) !== undefined;
    },
  };
}
