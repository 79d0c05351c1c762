import type { Virtualizer } from '@tanstack/react-virtual';
import type { MessageWindow } from '@tidings/core';
import { type FocusEvent, type KeyboardEvent, type RefObject, useCallback } from 'react';
import { useChatStoreApi } from '../chat-provider/index';
import { useEventCallback, useRovingFocus } from '../internal/index';
import type { MessageListItem } from './message-list-items';
import { useMessageListHighlight } from './use-message-list-highlight';
import { useMessageListKeyboard } from './use-message-list-keyboard';
import { useMessageListPaging } from './use-message-list-paging';
import { useMessageListPill } from './use-message-list-pill';
import { useFollowsAppends, useMessageListPosition, useScrollStart } from './use-message-list-position';
import { useProgrammaticScroll } from './use-message-list-programmatic-scroll';
import { useMessageListReading } from './use-message-list-reading';
import { useMessageListState } from './use-message-list-state';
import { useMessageListVirtualizer } from './use-message-list-virtualizer';

/** Options of {@link useMessageList}. */
export interface UseMessageListOptions {
  /** The conversation to show. */
  conversationID: string;
  /** The scrolling element (`role="log"`). */
  viewportRef: RefObject<HTMLElement | null>;
  /**
   * Distance from the bottom, in pixels, that still counts as "at the bottom": new messages are followed
   * and messages count as seen.
   * @default 48
   */
  endThreshold?: number | undefined;
  /**
   * Rows rendered beyond each edge of the viewport (TanStack Virtual's chat guide uses 6).
   * @default 6
   */
  overscan?: number | undefined;
  /**
   * Marks the conversation read while its newest message is on screen, the page is visible and focused,
   * and no programmatic scroll is under way.
   * @default true
   */
  markRead?: boolean | undefined;
  /**
   * How long the newest message must stay in view before the conversation is marked read, ms.
   * @default 400
   */
  markReadDelayMs?: number | undefined;
  /**
   * How long a jumped-to message stays highlighted, ms.
   * @default 2400
   */
  highlightMs?: number | undefined;
  /**
   * Start loading older messages when the first rendered row is this close to the oldest loaded one.
   * @default 12
   */
  loadAheadRows?: number | undefined;
}

/** The list's state as a whole. */
export type MessageListStatus = 'loading' | 'error' | 'empty' | 'ready';

/** What {@link useMessageList} returns. */
export interface UseMessageListReturn {
  status: MessageListStatus;
  /** The message window of the conversation. */
  window: MessageWindow | undefined;
  /** The rows: date and unread separators, messages, the typing indicator. */
  items: readonly MessageListItem[];
  virtualizer: Virtualizer<HTMLElement, HTMLElement>;
  /** Whether the view is at the newest loaded message (within `endThreshold`). */
  isAtEnd: boolean;
  /** Whether older messages are loading. */
  isLoadingOlder: boolean;
  /** The "new messages" pill: shown when the reader is away from the newest messages. */
  pill: { isShown: boolean; count: number };
  /** Scrolls to the newest message, loading it first when the window was jumped into the past. */
  scrollToLatest: () => void;
  /** Retries the failed load. */
  retry: () => void;
  /** The msgID of the message in the tab order (roving focus). */
  focusKey: string | null;
  /** The msgID highlighted after a jump, if any. */
  highlightedMsgID: string | null;
  /** Names of the people typing. */
  typingNames: readonly string[];
  /** Props for the scrolling element (`role="log"`). */
  getViewportProps: () => {
    onKeyDown: (event: KeyboardEvent<HTMLElement>) => void;
    onFocus: (event: FocusEvent<HTMLElement>) => void;
    onWheel: () => void;
    onTouchStart: () => void;
    onPointerDown: () => void;
  };
}

/**
 * The behaviour of a message list, without markup: the store subscriptions, the rows, TanStack Virtual with
 * end anchoring, and the scroll contract —
 * - opening shows the newest messages, or the unread separator at the top when more is unread than fits;
 * - loading older pages as the reader nears the top never moves what they see (the row they read is the
 *   anchor);
 * - at the bottom, new messages are followed; scrolled up, they leave the view still and raise the pill;
 * - sending always scrolls to the bottom;
 * - a jump (`jumpToMessage`) scrolls to the message and highlights it;
 * - the conversation is marked read only while its newest message is on screen, the page is visible and
 *   focused, and no programmatic scroll is under way;
 * plus roving focus over the messages (Up/Down, Home/End, PageUp/PageDown).
 *
 * @example
 * const viewportRef = useRef<HTMLDivElement>(null);
 * const list = useMessageList({ conversationID, viewportRef });
 * <div ref={viewportRef} role="log" {...list.getViewportProps()}>…</div>
 */
export function useMessageList(options: UseMessageListOptions): UseMessageListReturn {
  const {
    conversationID,
    viewportRef,
    endThreshold = 48,
    overscan = 6,
    markRead = true,
    markReadDelayMs = 400,
    highlightMs = 2400,
    loadAheadRows = 12,
  } = options;
  const store = useChatStoreApi();
  const state = useMessageListState(conversationID);
  const { items, indexByKey, lastMessageKey, hasOlder, hasNewer, highlightedMsgID, windowStatus } = state;
  const { unreadCount } = state;

  // Roving focus: the message in the tab order (the focused one while it is listed, else the newest).
  const roving = useRovingFocus<string>();
  const { focusedKey } = roving;
  const tabKey = focusedKey !== null && indexByKey.has(focusedKey) ? focusedKey : lastMessageKey;
  const tabIndex = tabKey === null ? -1 : (indexByKey.get(tabKey) ?? -1);

  const follow = useFollowsAppends(hasNewer);
  const start = useScrollStart({ store, conversationID, ...state });
  // Paging and reading react to the scroll and to a programmatic scroll settling; both are set up below,
  // once the virtualizer they watch exists (this runs only after the render).
  const onScrollChange = useEventCallback(() => {
    page();
    read();
  });
  const { virtualizer, isAtEnd, atEnd } = useMessageListVirtualizer({
    items,
    indexByKey,
    viewportRef,
    follow,
    endThreshold,
    overscan,
    tabIndex,
    initialOffset: start.initialOffset,
    onChange: onScrollChange,
  });
  const { isProgrammatic, command, stopSettling } = useProgrammaticScroll(viewportRef, onScrollChange);
  const at = { store, conversationID, viewportRef, virtualizer, command };
  const { positioned, scrollToEndNext } = useMessageListPosition({
    ...at,
    ...state,
    follow,
    isAtEnd,
    atEnd,
    endThreshold,
    returningPlace: start.returningPlace,
  });
  useMessageListHighlight({ ...at, indexByKey, highlightedMsgID, highlightMs, roving });

  const watch = { store, conversationID, virtualizer, positioned, isProgrammatic };
  const page = useMessageListPaging({
    ...watch,
    hasOlder,
    hasNewer,
    windowStatus,
    count: items.length,
    loadAheadRows,
  });
  const read = useMessageListReading({
    ...watch,
    hasNewer,
    unreadCount,
    markRead,
    markReadDelayMs,
    endThreshold,
  });

  const { pill, scrollToLatest } = useMessageListPill({
    ...at,
    roving,
    positioned,
    scrollToEndNext,
    isAtEnd,
    hasNewer,
    unreadCount,
  });

  const retry = useCallback(() => {
    store
      .getState()
      .loadOlderMessages(conversationID)
      .catch(() => {});
  }, [store, conversationID]);

  const { onKeyDown, onFocus } = useMessageListKeyboard({
    viewportRef,
    virtualizer,
    items,
    indexByKey,
    roving,
    tabKey,
  });
  const getViewportProps = useCallback(
    () => ({
      onKeyDown,
      onFocus,
      onWheel: stopSettling,
      onTouchStart: stopSettling,
      onPointerDown: stopSettling,
    }),
    [onKeyDown, onFocus, stopSettling],
  );

  const status: MessageListStatus =
    state.messages.length > 0
      ? 'ready'
      : windowStatus === 'error'
        ? 'error'
        : windowStatus === 'idle' && !hasOlder
          ? 'empty'
          : 'loading';

  return {
    status,
    window: state.window,
    items,
    virtualizer,
    isAtEnd,
    isLoadingOlder: windowStatus === 'loadingOlder',
    pill,
    scrollToLatest,
    retry,
    focusKey: tabKey,
    highlightedMsgID,
    typingNames: state.typingNames,
    getViewportProps,
  };
}
