import { defaultRangeExtractor, type Range, useVirtualizer, type Virtualizer } from '@tanstack/react-virtual';
import {
  type ChatState,
  type Message,
  type MessageWindow,
  selectConversation,
  selectTypingUsers,
  selectWindowMessages,
} from '@tidings/core';
import {
  type FocusEvent,
  type KeyboardEvent,
  type RefObject,
  useCallback,
  useEffect,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
} from 'react';
import { useChatStore, useChatStoreApi } from '../chat-provider/index';
import { buildMessageListItems, estimateItemSize, type MessageListItem } from './message-list-items';

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

const NO_MESSAGES: readonly Message[] = [];

function sameNames(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((name, i) => name === b[i]);
}

/** Calls `onChange` when the page is shown or hidden, or gains or loses focus. */
function useDocumentAttention(onChange: () => void): void {
  const latest = useRef(onChange);
  latest.current = onChange;
  useEffect(() => {
    const update = () => latest.current();
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

/** Where a reader left a conversation scrolled up: the row at the top of the view and how far into it. */
interface ScrollPlace {
  key: string;
  offset: number;
}

/**
 * Scroll places per store (the UI's memory, not chat state): going back to a conversation the reader
 * left scrolled up shows the same messages, as long as nothing new has arrived there since.
 */
const scrollPlaces = new WeakMap<object, Map<string, ScrollPlace>>();

function placesOf(store: object): Map<string, ScrollPlace> {
  let places = scrollPlaces.get(store);
  if (!places) {
    places = new Map();
    scrollPlaces.set(store, places);
  }
  return places;
}

/** The row at `offset` (the top of the view), by binary search over the measured rows. */
function topItemAt(virtualizer: Virtualizer<HTMLElement, HTMLElement>, offset: number) {
  const rows = virtualizer.measurementsCache;
  let low = 0;
  let high = rows.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if ((rows[middle]?.start ?? 0) <= offset) low = middle;
    else high = middle - 1;
  }
  return rows[low] ?? null;
}

function prefersReducedMotion(): boolean {
  return typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches;
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

  const window_ = useChatStore(
    useCallback((state: ChatState) => state.windows[conversationID], [conversationID]),
  );
  const messages = useChatStore(
    useCallback(
      (state: ChatState) =>
        state.windows[conversationID] ? selectWindowMessages(state, conversationID) : NO_MESSAGES,
      [conversationID],
    ),
  );
  const unreadCount = useChatStore(
    useCallback(
      (state: ChatState) => selectConversation(state, conversationID)?.unreadCount ?? 0,
      [conversationID],
    ),
  );
  const typingNames = useChatStore(
    useCallback(
      (state: ChatState) => {
        const typing = selectTypingUsers(state, conversationID);
        if (typing.length === 0) return [] as string[];
        const conversation = selectConversation(state, conversationID);
        return typing.map((user) =>
          conversation?.type === 'c2c' && conversation.userID === user.userID
            ? conversation.showName
            : state.users.get(user.userID)?.nick || user.userID,
        );
      },
      [conversationID],
    ),
    sameNames,
  );

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
  const highlightedMsgID = window_?.highlightedMsgID ?? null;
  const windowStatus = window_?.status ?? 'loadingAround';
  const isTyping = typingNames.length > 0 && !hasNewer;

  const items = useMemo(
    () => buildMessageListItems(messages, { firstUnreadMsgID, hasOlder, isTyping }),
    [messages, firstUnreadMsgID, hasOlder, isTyping],
  );
  // Where a row is, by key. Lookups are few (the focused, the highlighted and the last message) and
  // mostly near the end, so they scan from there instead of keeping a map of every row.
  const indexByKey = useMemo(() => {
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
  }, [items]);

  // A prepend can end the run the oldest loaded message started (the page brings the same sender's
  // earlier messages): it loses its header and shrinks at the top. Such a row is compensated like the
  // rows above the view, so what the reader sees does not move.
  const flippedHeaders = useRef(new Set<string>());
  const previousFirst = useRef<{ key: string; isRunStart: boolean } | null>(null);
  // Before the ResizeObserver reports the new sizes of this commit.
  useLayoutEffect(() => {
    const first = items.find((item) => item.type === 'message');
    const previous = previousFirst.current;
    if (previous && previous.key !== first?.key) {
      const index = indexByKey.get(previous.key);
      const now = index === undefined ? undefined : items[index];
      if (now?.type === 'message' && now.isRunStart !== previous.isRunStart)
        flippedHeaders.current.add(previous.key);
    }
    previousFirst.current =
      first?.type === 'message' ? { key: first.key, isRunStart: first.isRunStart } : null;
  }, [items, indexByKey]);

  // Roving focus: the message in the tab order, and whether to move DOM focus to it after the next render.
  const [focusKey, setFocusKey] = useState<string | null>(null);
  const focusAfterRender = useRef(false);
  const lastMessageKey = useMemo(() => {
    for (let i = items.length - 1; i >= 0; i--)
      if (items[i]?.type === 'message') return items[i]?.key ?? null;
    return null;
  }, [items]);
  const tabKey = focusKey !== null && indexByKey.has(focusKey) ? focusKey : lastMessageKey;
  const tabIndex = tabKey === null ? -1 : (indexByKey.get(tabKey) ?? -1);

  // A jump into the past turns following off until the window reaches the newest messages again.
  const hadNewer = useRef(hasNewer);
  const follow = !hasNewer && !hadNewer.current;
  useEffect(() => {
    hadNewer.current = hasNewer;
  }, [hasNewer]);

  // Where the reader was as of the last scroll: before this render's rows, in the effects below.
  const [isAtEnd, setAtEnd] = useState(true);
  // The same, as of the last scroll event, for the unmount (the virtualizer has let go of the element).
  const atEnd = useRef(true);
  // Paging and reading, defined further down; the virtualizer's onChange calls them.
  const reactions = useRef({ page: () => {}, read: () => {} });

  // The place the reader left this conversation at, if they left it scrolled up and nothing new is
  // unread there now (new messages open at the unread separator or the newest instead).
  const returningPlace = useCallback(() => {
    if (unreadCount > 0 || hasNewer) return undefined;
    const place = placesOf(store).get(conversationID);
    const index = place && indexByKey.get(place.key);
    return place && index !== undefined ? { index, offset: place.offset } : undefined;
  }, [store, conversationID, unreadCount, hasNewer, indexByKey]);

  // Where the first frame should look, from the estimated layout: the newest messages, the unread
  // separator or the highlighted message. Starting there (rather than at the top and then scrolling)
  // mounts and measures only the rows shown.
  const virtualizerRef = useRef<Virtualizer<HTMLElement, HTMLElement> | null>(null);
  const initialOffset = useCallback(() => {
    const current = virtualizerRef.current;
    if (!current) return 0;
    const total = current.getTotalSize();
    const target = indexByKey.get(highlightedMsgID ?? '') ?? indexByKey.get('unread');
    const start = target === undefined ? undefined : current.measurementsCache[target]?.start;
    if (start !== undefined) return Math.max(0, start - (highlightedMsgID ? 200 : 0));
    const place = returningPlace();
    const placeStart = place && current.measurementsCache[place.index]?.start;
    return place && placeStart !== undefined ? placeStart + place.offset : total;
  }, [indexByKey, highlightedMsgID, returningPlace]);

  const virtualizer = useVirtualizer<HTMLElement, HTMLElement>({
    count: items.length,
    initialOffset,
    getScrollElement: () => viewportRef.current,
    estimateSize: useCallback((index: number) => estimateItemSize(items[index] as MessageListItem), [items]),
    getItemKey: useCallback((index: number) => items[index]?.key ?? index, [items]),
    anchorTo: 'end',
    followOnAppend: follow,
    scrollEndThreshold: endThreshold,
    overscan,
    // Room above the oldest message for the "loading earlier messages" line, so it never shifts rows.
    paddingStart: 48,
    paddingEnd: 12,
    rangeExtractor: useCallback(
      (visible: Range) => {
        const indexes = defaultRangeExtractor(visible);
        // The message in the tab order stays mounted, so focus never falls out of the list.
        if (tabIndex >= 0 && !indexes.includes(tabIndex)) {
          indexes.push(tabIndex);
          indexes.sort((a, b) => a - b);
        }
        return indexes;
      },
      [tabIndex],
    ),
    // Paging and reading follow the scroll here, not through React state: a scroll re-renders the list
    // only when the rendered range changes (TanStack Virtual's own render), never twice.
    onChange: (instance) => {
      atEnd.current = instance.isAtEnd(endThreshold);
      setAtEnd(atEnd.current);
      reactions.current.page();
      reactions.current.read();
    },
  });

  virtualizerRef.current = virtualizer;
  virtualizer.shouldAdjustScrollPositionOnItemSizeChange = (item, _delta, instance) => {
    const offset = instance.scrollOffset ?? 0;
    if (flippedHeaders.current.delete(String(item.key)))
      return item.start < offset + (instance.scrollRect?.height ?? 0);
    // TanStack Virtual's own rule otherwise: a first measurement above the view, or a change to a row
    // wholly above it (not while scrolling back, so rows do not jump under the reader's thumb).
    return instance.itemSizeCache.has(item.key)
      ? item.start + item.size <= offset && instance.scrollDirection !== 'backward'
      : item.start < offset;
  };

  // ── Programmatic scrolls ──────────────────────────────────────────────────────────────────────────
  // Every scroll the list makes by itself runs through `command`; until the position has rested for a few
  // frames it does not count as the reader's (no reading, no paging).
  const isProgrammatic = useRef(false);
  const settleFrame = useRef(0);
  const settled = useCallback(() => {
    isProgrammatic.current = false;
    reactions.current.page();
    reactions.current.read();
  }, []);
  const stopSettling = useCallback(() => {
    if (!isProgrammatic.current) return;
    cancelAnimationFrame(settleFrame.current);
    settled();
  }, [settled]);
  const command = useCallback(
    (scroll: () => void, correct?: () => void) => {
      scroll();
      isProgrammatic.current = true;
      cancelAnimationFrame(settleFrame.current);
      let last = Number.NaN;
      let still = 0;
      const tick = () => {
        correct?.();
        const top = viewportRef.current?.scrollTop ?? 0;
        still = Math.abs(top - last) < 0.5 ? still + 1 : 0;
        last = top;
        if (still >= 3) settled();
        else settleFrame.current = requestAnimationFrame(tick);
      };
      settleFrame.current = requestAnimationFrame(tick);
    },
    [viewportRef, settled],
  );
  useEffect(() => () => cancelAnimationFrame(settleFrame.current), []);

  // ── Positioning: on open, on a jump, after sending ──────────────────────────────────────────────
  // Set once the first position is taken (newest, unread or highlighted message); a ref, so taking it
  // costs no second render before the first paint.
  const positioned = useRef(false);
  const scrollToEndNext = useRef(false);
  const previousLastKey = useRef<string | null>(null);
  const handledHighlight = useRef<string | null>(null);

  /**
   * Scrolls back to where the reader left: from the estimated layout first; then, as the rows around it
   * are measured, the row itself is put back where it was.
   */
  const restorePlace = useCallback(
    (place: { index: number; offset: number }) =>
      command(
        () =>
          virtualizer.scrollToOffset((virtualizer.measurementsCache[place.index]?.start ?? 0) + place.offset),
        () => {
          const viewport = viewportRef.current;
          const row = viewport?.querySelector(`[data-index="${place.index}"]`);
          if (!viewport || !row) return;
          const shift = viewport.getBoundingClientRect().top - row.getBoundingClientRect().top - place.offset;
          if (Math.abs(shift) >= 1) viewport.scrollTop -= shift;
        },
      ),
    [virtualizer, viewportRef, command],
  );

  useLayoutEffect(() => {
    const lastKey = lastMessageKey;
    const previous = previousLastKey.current;
    previousLastKey.current = lastKey;
    if (items.length === 0) return;

    if (!positioned.current) {
      if (windowStatus === 'loadingAround') return;
      positioned.current = true;
      if (highlightedMsgID && indexByKey.has(highlightedMsgID)) return; // the highlight effect scrolls
      const unreadIndex = indexByKey.get('unread');
      const place = unreadIndex === undefined ? returningPlace() : undefined;
      if (place) {
        restorePlace(place);
        return;
      }
      command(() =>
        unreadIndex === undefined
          ? virtualizer.scrollToEnd()
          : virtualizer.scrollToIndex(unreadIndex, { align: 'start' }),
      );
      return;
    }

    const last = lastKey ? items[indexByKey.get(lastKey) ?? -1] : undefined;
    const sent =
      lastKey !== previous &&
      last?.type === 'message' &&
      last.message.isSelf &&
      last.message.status === 'sending';
    // A new last message while the reader was at the bottom stays in view. TanStack Virtual follows
    // appends that add rows; this also covers one that takes the typing indicator's place (same count).
    const replacedAtEnd = lastKey !== previous && follow && isAtEnd && !virtualizer.isAtEnd(endThreshold);
    if (sent || replacedAtEnd || scrollToEndNext.current) {
      scrollToEndNext.current = false;
      command(() => virtualizer.scrollToEnd());
    }
  }, [
    items,
    lastMessageKey,
    indexByKey,
    windowStatus,
    highlightedMsgID,
    virtualizer,
    command,
    follow,
    isAtEnd,
    endThreshold,
    returningPlace,
    restorePlace,
  ]);

  // Staying at the bottom while the view changes size.
  // A growing composer (a fifth line, an attachment chip), an on-screen keyboard or a window resize
  // changes the list's own height, not its content: TanStack Virtual keeps the scrollTop, so the newest
  // messages slid under the composer. A reader who was at the bottom before the change stays there.
  useEffect(() => {
    const viewport = viewportRef.current;
    if (!viewport || typeof ResizeObserver === 'undefined') return;
    let height = viewport.clientHeight;
    const observer = new ResizeObserver(() => {
      const previous = height;
      height = viewport.clientHeight;
      if (height === previous || !positioned.current) return;
      // Where the bottom of the view was before the change (the scroll position has not moved with it).
      const wasAtEnd = viewport.scrollHeight - previous - viewport.scrollTop <= endThreshold;
      if (wasAtEnd) command(() => virtualizer.scrollToEnd());
    });
    observer.observe(viewport);
    return () => observer.disconnect();
  }, [viewportRef, virtualizer, command, endThreshold]);

  // Leaving: remember the place if the reader is scrolled up, forget it if they are at the bottom.
  useLayoutEffect(
    () => () => {
      const places = placesOf(store);
      const offset = virtualizer.scrollOffset ?? 0;
      const top = positioned.current && !atEnd.current ? topItemAt(virtualizer, offset) : null;
      if (top) places.set(conversationID, { key: String(top.key), offset: offset - top.start });
      else places.delete(conversationID);
    },
    [store, conversationID, virtualizer],
  );

  useLayoutEffect(() => {
    if (!highlightedMsgID) {
      handledHighlight.current = null;
      return;
    }
    const index = indexByKey.get(highlightedMsgID);
    if (index === undefined || handledHighlight.current === highlightedMsgID) return;
    handledHighlight.current = highlightedMsgID;
    command(() => virtualizer.scrollToIndex(index, { align: 'center' }));
    setFocusKey(highlightedMsgID);
    focusAfterRender.current = viewportRef.current?.contains(document.activeElement) ?? false;
  }, [highlightedMsgID, indexByKey, virtualizer, command, viewportRef]);

  useEffect(() => {
    if (!highlightedMsgID) return;
    const timer = setTimeout(() => store.getState().clearHighlight(conversationID), highlightMs);
    return () => clearTimeout(timer);
  }, [highlightedMsgID, highlightMs, store, conversationID]);

  // ── Paging and reading ──────────────────────────────────────────────────────────────────────────
  // What the reactions to a scroll need to know, as of the last render.
  const latest = useRef({ hasOlder, hasNewer, windowStatus, count: items.length, unreadCount });
  latest.current = { hasOlder, hasNewer, windowStatus, count: items.length, unreadCount };
  const readTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  /** Loads older (or newer) messages when the rendered rows come near the loaded edge. */
  const page = useCallback(() => {
    const state = latest.current;
    const range = virtualizer.range;
    if (!range || !positioned.current || isProgrammatic.current || state.windowStatus !== 'idle') return;
    const { loadOlderMessages, loadNewerMessages } = store.getState();
    if (state.hasOlder && range.startIndex <= loadAheadRows)
      loadOlderMessages(conversationID).catch(() => {});
    else if (state.hasNewer && range.endIndex >= state.count - 1 - loadAheadRows)
      loadNewerMessages(conversationID).catch(() => {});
  }, [virtualizer, store, conversationID, loadAheadRows]);

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
  }, [markRead, virtualizer, endThreshold]);

  /** Marks the conversation read once it has stayed readable for `markReadDelayMs`. */
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

  reactions.current = { page, read };

  // A page that landed (or a window that settled) may leave the rendered rows still near the edge; new
  // unread messages or a change of the window's end may make the conversation readable.
  // biome-ignore lint/correctness/useExhaustiveDependencies: these changes are what should trigger a check
  useEffect(() => {
    page();
  }, [page, windowStatus, items.length]);
  // biome-ignore lint/correctness/useExhaustiveDependencies: these changes are what should trigger a check
  useEffect(() => {
    read();
  }, [read, unreadCount, hasNewer]);
  useEffect(() => () => clearTimeout(readTimer.current), []);
  useDocumentAttention(read);

  // ── The pill ────────────────────────────────────────────────────────────────────────────────────
  const farFromEnd = !isAtEnd && virtualizer.getDistanceFromEnd() > (viewportRef.current?.clientHeight ?? 0);
  const pill = {
    isShown: positioned.current && (hasNewer || (!isAtEnd && (unreadCount > 0 || farFromEnd))),
    count: isAtEnd && !hasNewer ? 0 : unreadCount,
  };

  const scrollToLatest = useCallback(() => {
    const moveFocus = viewportRef.current?.contains(document.activeElement) ?? false;
    setFocusKey(null);
    focusAfterRender.current = moveFocus;
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
  }, [store, conversationID, virtualizer, viewportRef, command]);

  const retry = useCallback(() => {
    store
      .getState()
      .loadOlderMessages(conversationID)
      .catch(() => {});
  }, [store, conversationID]);

  // ── Keyboard ────────────────────────────────────────────────────────────────────────────────────
  useLayoutEffect(() => {
    if (!focusAfterRender.current || tabKey === null) return;
    const element = viewportRef.current?.querySelector<HTMLElement>(`[data-msgid="${CSS.escape(tabKey)}"]`);
    if (element) {
      focusAfterRender.current = false;
      element.focus({ preventScroll: true });
    }
  });

  const moveFocus = useCallback(
    (index: number) => {
      const item = items[index];
      if (item?.type !== 'message') return;
      setFocusKey(item.key);
      focusAfterRender.current = true;
      virtualizer.scrollToIndex(index, { align: 'auto' });
    },
    [items, virtualizer],
  );

  const findMessage = useCallback(
    (from: number, step: 1 | -1, skip = 1) => {
      let found = -1;
      let seen = 0;
      for (let i = from + step; i >= 0 && i < items.length; i += step) {
        if (items[i]?.type !== 'message') continue;
        found = i;
        if (++seen >= skip) break;
      }
      return found;
    },
    [items],
  );

  const onKeyDown = useCallback(
    (event: KeyboardEvent<HTMLElement>) => {
      if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey) return;
      const article = (event.target as HTMLElement).closest<HTMLElement>('[data-msgid]');
      if (!article || article !== event.target) return;
      const current = indexByKey.get(article.dataset.msgid ?? '');
      if (current === undefined) return;
      const page = Math.max(1, Math.round((viewportRef.current?.clientHeight ?? 600) / 80));
      let next = -1;
      switch (event.key) {
        case 'ArrowUp':
          next = findMessage(current, -1);
          break;
        case 'ArrowDown':
          next = findMessage(current, 1);
          break;
        case 'PageUp':
          next = findMessage(current, -1, page);
          break;
        case 'PageDown':
          next = findMessage(current, 1, page);
          break;
        case 'Home':
          next = findMessage(-1, 1);
          break;
        case 'End':
          next = findMessage(items.length, -1);
          break;
        default:
          return;
      }
      event.preventDefault();
      if (next >= 0) moveFocus(next);
      else if (event.key === 'ArrowUp' || event.key === 'PageUp' || event.key === 'Home') {
        virtualizer.scrollToOffset(0);
      }
    },
    [indexByKey, findMessage, moveFocus, items.length, viewportRef, virtualizer],
  );

  const onFocus = useCallback((event: FocusEvent<HTMLElement>) => {
    const key = (event.target as HTMLElement).dataset.msgid;
    if (key) setFocusKey(key);
  }, []);

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
    messages.length > 0
      ? 'ready'
      : windowStatus === 'error'
        ? 'error'
        : windowStatus === 'idle' && !hasOlder
          ? 'empty'
          : 'loading';

  return {
    status,
    window: window_,
    items,
    virtualizer,
    isAtEnd,
    isLoadingOlder: windowStatus === 'loadingOlder',
    pill,
    scrollToLatest,
    retry,
    focusKey: tabKey,
    highlightedMsgID,
    typingNames,
    getViewportProps,
  };
}
