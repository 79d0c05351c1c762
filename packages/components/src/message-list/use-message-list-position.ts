// Where the message list looks: the first position on open (newest, unread separator, highlighted message or
// the place the reader left), following what is sent and what arrives at the bottom, staying at the bottom
// while the view changes size, and the place remembered when the reader leaves scrolled up.
import type { ChatStore } from '@tidings/core';
import { type RefObject, useCallback, useEffect, useLayoutEffect, useRef } from 'react';
import type { MessageListItem } from './message-list-items';
import type { ProgrammaticScroll } from './use-message-list-programmatic-scroll';
import type { MessageListItemIndex } from './use-message-list-state';
import type { MessageListVirtualizer } from './use-message-list-virtualizer';

/** Where a reader left a conversation scrolled up: the row at the top of the view and how far into it. */
interface ScrollPlace {
  key: string;
  offset: number;
}

/** A remembered place, as a row index and the offset into it. */
interface RowPlace {
  index: number;
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
function topItemAt(virtualizer: MessageListVirtualizer, offset: number) {
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

/** Whether new messages are followed: a jump into the past turns it off until the window is at the newest again. */
export function useFollowsAppends(hasNewer: boolean): boolean {
  const hadNewer = useRef(hasNewer);
  const follow = !hasNewer && !hadNewer.current;
  useEffect(() => {
    hadNewer.current = hasNewer;
  }, [hasNewer]);
  return follow;
}

/** What {@link useScrollStart} needs. */
export interface ScrollStartOptions {
  store: ChatStore;
  conversationID: string;
  unreadCount: number;
  hasNewer: boolean;
  highlightedMsgID: string | null;
  indexByKey: MessageListItemIndex;
}

/** What {@link useScrollStart} returns. */
export interface ScrollStart {
  /**
   * The place the reader left this conversation at, if they left it scrolled up and nothing new is
   * unread there now (new messages open at the unread separator or the newest instead).
   */
  returningPlace: () => RowPlace | undefined;
  /**
   * Where the first frame should look, from the estimated layout: the newest messages, the unread
   * separator or the highlighted message. Starting there (rather than at the top and then scrolling)
   * mounts and measures only the rows shown.
   */
  initialOffset: (virtualizer: MessageListVirtualizer) => number;
}

/** Where the list starts: the returning place, and the initial offset of the first frame. */
export function useScrollStart(options: ScrollStartOptions): ScrollStart {
  const { store, conversationID, unreadCount, hasNewer, highlightedMsgID, indexByKey } = options;
  const returningPlace = useCallback(() => {
    if (unreadCount > 0 || hasNewer) return undefined;
    const place = placesOf(store).get(conversationID);
    const index = place && indexByKey.get(place.key);
    return place && index !== undefined ? { index, offset: place.offset } : undefined;
  }, [store, conversationID, unreadCount, hasNewer, indexByKey]);

  const initialOffset = useCallback(
    (current: MessageListVirtualizer) => {
      const total = current.getTotalSize();
      const target = indexByKey.get(highlightedMsgID ?? '') ?? indexByKey.get('unread');
      const start = target === undefined ? undefined : current.measurementsCache[target]?.start;
      if (start !== undefined) return Math.max(0, start - (highlightedMsgID ? 200 : 0));
      const place = returningPlace();
      const placeStart = place && current.measurementsCache[place.index]?.start;
      return place && placeStart !== undefined ? placeStart + place.offset : total;
    },
    [indexByKey, highlightedMsgID, returningPlace],
  );
  return { returningPlace, initialOffset };
}

/** Options of {@link useMessageListPosition}. */
export interface UseMessageListPositionOptions {
  store: ChatStore;
  conversationID: string;
  viewportRef: RefObject<HTMLElement | null>;
  virtualizer: MessageListVirtualizer;
  command: ProgrammaticScroll['command'];
  items: readonly MessageListItem[];
  indexByKey: MessageListItemIndex;
  lastMessageKey: string | null;
  windowStatus: string;
  highlightedMsgID: string | null;
  follow: boolean;
  isAtEnd: boolean;
  atEnd: RefObject<boolean>;
  endThreshold: number;
  returningPlace: () => RowPlace | undefined;
}

/** What {@link useMessageListPosition} returns. */
export interface MessageListPosition {
  /**
   * Set once the first position is taken (newest, unread or highlighted message); a ref, so taking it
   * costs no second render before the first paint.
   */
  positioned: RefObject<boolean>;
  /** Scroll to the newest message once it is loaded (the reader asked while the window was in the past). */
  scrollToEndNext: RefObject<boolean>;
}

/** Positioning on open and after sending, staying at the bottom, and remembering the place on leaving. */
export function useMessageListPosition(options: UseMessageListPositionOptions): MessageListPosition {
  const { store, conversationID, viewportRef, virtualizer, command, endThreshold } = options;
  const positioned = useRef(false);
  const scrollToEndNext = useRef(false);

  useOpenAndSendPosition(options, positioned, scrollToEndNext);

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
  const { atEnd } = options;
  useLayoutEffect(
    () => () => {
      const places = placesOf(store);
      const offset = virtualizer.scrollOffset ?? 0;
      const top = positioned.current && !atEnd.current ? topItemAt(virtualizer, offset) : null;
      if (top) places.set(conversationID, { key: String(top.key), offset: offset - top.start });
      else places.delete(conversationID);
    },
    [store, conversationID, virtualizer, atEnd],
  );

  return { positioned, scrollToEndNext };
}

/** The first position once the window has loaded, and the bottom after sending or an append at the bottom. */
function useOpenAndSendPosition(
  options: UseMessageListPositionOptions,
  positioned: RefObject<boolean>,
  scrollToEndNext: RefObject<boolean>,
): void {
  const { viewportRef, virtualizer, command, items, indexByKey, lastMessageKey, windowStatus } = options;
  const { highlightedMsgID, follow, isAtEnd, endThreshold, returningPlace } = options;
  const previousLastKey = useRef<string | null>(null);

  /**
   * Scrolls back to where the reader left: from the estimated layout first; then, as the rows around it
   * are measured, the row itself is put back where it was.
   */
  const restorePlace = useCallback(
    (place: RowPlace) =>
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
    positioned,
    scrollToEndNext,
  ]);
}
