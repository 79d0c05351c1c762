// Reading: the conversation is marked read only while its newest message is on screen, the page is
// visible and focused, and no programmatic scroll is under way.
import type { ChatStore } from '@tidings/core';
import { type RefObject, useCallback, useEffect, useRef } from 'react';
import { useEventCallback, useLatest } from '../internal/index';
import type { MessageListVirtualizer } from './use-message-list-virtualizer';

/** Calls `onChange` when the page is shown or hidden, or gains or loses focus. */
function useDocumentAttention(onChange: () => void): void {
  const update = useEventCallback(onChange);
  useEffect(() => {
    window.addEventListener('focus', update);
    window.addEventListener('blur', update);
    document.addEventListener('visibilitychange', update);
    return () => {
      window.removeEventListener('focus', update);
      window.removeEventListener('blur', update);
      document.removeEventListener('visibilitychange', update);
    };
  }, []);
}

/** Options of {@link useMessageListReading}. */
export interface UseMessageListReadingOptions {
  store: ChatStore;
  conversationID: string;
  virtualizer: MessageListVirtualizer;
  positioned: RefObject<boolean>;
  isProgrammatic: RefObject<boolean>;
  hasNewer: boolean;
  unreadCount: number;
  markRead: boolean;
  markReadDelayMs: number;
  endThreshold: number;
}

/**
 * Marks the conversation read once it has stayed readable for `markReadDelayMs`. Returns the check, for
 * the scroll to call; it also runs when unread messages arrive and when the page gains attention.
 */
export function useMessageListReading(options: UseMessageListReadingOptions): () => void {
  const { store, conversationID, virtualizer, positioned, isProgrammatic } = options;
  const { hasNewer, unreadCount, markRead, markReadDelayMs, endThreshold } = options;
  // What the check needs to know, as of the last render.
  const latest = useLatest({ hasNewer, unreadCount });
  const readTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  /**
   * Whether what is on screen counts as read now: the newest message is in view, the page is visible
   * and focused, no programmatic scroll is under way and the reader is not scrolling.
   */
  const canReadNow = useCallback(() => {
    const state = latest.current;
    return (
      markRead &&
      positioned.current &&
      !state.hasNewer &&
      state.unreadCount > 0 &&
      !isProgrammatic.current &&
      !virtualizer.isScrolling &&
      virtualizer.isAtEnd(endThreshold) &&
      document.visibilityState === 'visible' &&
      document.hasFocus()
    );
  }, [markRead, positioned, isProgrammatic, virtualizer, endThreshold]);

  const read = useCallback(() => {
    clearTimeout(readTimer.current);
    if (!canReadNow()) return;
    readTimer.current = setTimeout(() => {
      // Checked again at the moment: the reader may have scrolled on, or left, since.
      if (!canReadNow()) return;
      store
        .getState()
        .markConversationRead(conversationID)
        .catch(() => {});
    }, markReadDelayMs);
  }, [canReadNow, markReadDelayMs, store, conversationID]);

  // New unread messages or a change of the window's end may make the conversation readable.
  // biome-ignore lint/correctness/useExhaustiveDependencies: these changes are what should trigger a check
  useEffect(() => {
    read();
  }, [read, unreadCount, hasNewer]);
  useEffect(() => () => clearTimeout(readTimer.current), []);
  useDocumentAttention(read);

  return read;
}
