// TanStack Virtual set up for a chat log: end anchoring, estimated rows, the tab stop kept mounted, and rows
// above the view (or whose header a prepend took away) compensated as they are measured.
import { defaultRangeExtractor, type Range, useVirtualizer, type Virtualizer } from '@tanstack/react-virtual';
import { type RefObject, useCallback, useLayoutEffect, useRef, useState } from 'react';
import { estimateItemSize, type MessageListItem } from './message-list-items';
import type { MessageListItemIndex } from './use-message-list-state';

/** The message list's virtualizer. */
export type MessageListVirtualizer = Virtualizer<HTMLElement, HTMLElement>;

/** Options of {@link useMessageListVirtualizer}. */
export interface UseMessageListVirtualizerOptions {
  items: readonly MessageListItem[];
  indexByKey: MessageListItemIndex;
  viewportRef: RefObject<HTMLElement | null>;
  /** New messages are followed (TanStack Virtual's `followOnAppend`). */
  follow: boolean;
  endThreshold: number;
  overscan: number;
  /** The row in the tab order, kept mounted; -1 for none. */
  tabIndex: number;
  /** Where the first frame should look, from the estimated layout of `instance`. */
  initialOffset: (instance: MessageListVirtualizer) => number;
  /** Called when the range, the scroll position or the sizes change (TanStack Virtual's `onChange`). */
  onChange: () => void;
}

/** What {@link useMessageListVirtualizer} returns. */
export interface MessageListVirtualizerState {
  virtualizer: MessageListVirtualizer;
  /** Whether the view was at the newest message as of the last scroll (within `endThreshold`). */
  isAtEnd: boolean;
  /** The same, for the unmount (the virtualizer has let go of the element by then). */
  atEnd: RefObject<boolean>;
}

/** The virtualizer of the message list, and whether the reader is at the bottom. */
export function useMessageListVirtualizer(
  options: UseMessageListVirtualizerOptions,
): MessageListVirtualizerState {
  const {
    items,
    indexByKey,
    viewportRef,
    follow,
    endThreshold,
    overscan,
    tabIndex,
    initialOffset,
    onChange,
  } = options;

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

  // Where the reader was as of the last scroll: before this render's rows, in the effects below.
  const [isAtEnd, setAtEnd] = useState(true);
  const atEnd = useRef(true);

  // The virtualizer asks for its initial offset during the first render, right after it is made: the
  // ref is set once, as soon as the (stable) instance exists.
  const virtualizerRef = useRef<MessageListVirtualizer | null>(null);
  const getInitialOffset = useCallback(() => {
    const current = virtualizerRef.current;
    return current ? initialOffset(current) : 0;
  }, [initialOffset]);

  const virtualizer = useVirtualizer<HTMLElement, HTMLElement>({
    count: items.length,
    initialOffset: getInitialOffset,
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
      onChange();
    },
  });

  if (virtualizerRef.current === null) virtualizerRef.current = virtualizer;
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

  return { virtualizer, isAtEnd, atEnd };
}
