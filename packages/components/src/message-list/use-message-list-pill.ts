// The "new messages" pill, and the way back to the newest message it offers.
import type { ChatStore } from '@tidings/core';
import { type RefObject, useCallback } from 'react';
import { type RovingFocus, TAB_STOP } from '../internal/index';
import type { ProgrammaticScroll } from './use-message-list-programmatic-scroll';
import type { MessageListVirtualizer } from './use-message-list-virtualizer';

function prefersReducedMotion(): boolean {
  return typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches;
}

/** Options of {@link useMessageListPill}. */
export interface UseMessageListPillOptions {
  store: ChatStore;
  conversationID: string;
  viewportRef: RefObject<HTMLElement | null>;
  virtualizer: MessageListVirtualizer;
  command: ProgrammaticScroll['command'];
  roving: RovingFocus<string>;
  positioned: RefObject<boolean>;
  scrollToEndNext: RefObject<boolean>;
  isAtEnd: boolean;
  hasNewer: boolean;
  unreadCount: number;
}

/** What {@link useMessageListPill} returns. */
export interface MessageListPill {
  /** Shown when the reader is away from the newest messages; counts the unread ones. */
  pill: { isShown: boolean; count: number };
  /** Scrolls to the newest message, loading it first when the window was jumped into the past. */
  scrollToLatest: () => void;
}

/** The pill's state, and scrolling to the newest message (smoothly when it is near). */
export function useMessageListPill(options: UseMessageListPillOptions): MessageListPill {
  const { store, conversationID, viewportRef, virtualizer, command, positioned, scrollToEndNext } = options;
  const { isAtEnd, hasNewer, unreadCount } = options;
  const { setFocusedKey, focusWhenMounted } = options.roving;

  const farFromEnd = !isAtEnd && virtualizer.getDistanceFromEnd() > (viewportRef.current?.clientHeight ?? 0);
  const pill = {
    isShown: positioned.current && (hasNewer || (!isAtEnd && (unreadCount > 0 || farFromEnd))),
    count: isAtEnd && !hasNewer ? 0 : unreadCount,
  };

  const scrollToLatest = useCallback(() => {
    const moveFocus = viewportRef.current?.contains(document.activeElement) ?? false;
    setFocusedKey(null);
    focusWhenMounted(moveFocus ? TAB_STOP : null);
    if (store.getState().windows[conversationID]?.hasNewer) {
      scrollToEndNext.current = true;
      store
        .getState()
        .jumpToLatest(conversationID)
        .catch(() => {});
      return;
    }
    const viewport = viewportRef.current;
    const near = viewport ? virtualizer.getDistanceFromEnd() < viewport.clientHeight * 2 : false;
    command(() => virtualizer.scrollToEnd({ behavior: near && !prefersReducedMotion() ? 'smooth' : 'auto' }));
  }, [
    store,
    conversationID,
    virtualizer,
    viewportRef,
    command,
    setFocusedKey,
    focusWhenMounted,
    scrollToEndNext,
  ]);

  return { pill, scrollToLatest };
}
