// TanStack Virtual set up for the conversation list: fixed-height rows keyed by index, the tab stop and the
// row with the open menu kept mounted, and a fallback size for lists not measured yet.
import {
  defaultRangeExtractor,
  observeElementRect,
  type Range,
  useVirtualizer,
  type Virtualizer,
} from '@tanstack/react-virtual';
import type { ConversationOrder } from '@tidings/core';
import { type RefObject, useCallback, useMemo } from 'react';
import { CONVERSATION_ROW_HEIGHT as ROW } from './conversation-list-item';

/** One mounted row. */
export interface ConversationListRow {
  conversationID: string;
  index: number;
}

/** Options of {@link useConversationListVirtualizer}. */
export interface UseConversationListVirtualizerOptions {
  order: ConversationOrder;
  gridRef: RefObject<HTMLDivElement | null>;
  overscan: number;
  initialRect: { width: number; height: number };
  /** Room for the footer row ("loading more", a failed page) below the last conversation. */
  hasFooter: boolean;
  /** Rows to keep mounted wherever they are (-1 for none): the tab stop, the row with the open menu. */
  keepMounted: readonly number[];
}

/** What {@link useConversationListVirtualizer} returns. */
export interface ConversationListVirtualizer {
  virtualizer: Virtualizer<HTMLDivElement, Element>;
  /** The mounted rows, in order. */
  rows: ConversationListRow[];
  /** The index of the last mounted row, -1 when none is. */
  lastIndex: number;
}

/** The virtualizer of the conversation list and the rows it mounts. */
export function useConversationListVirtualizer(
  options: UseConversationListVirtualizerOptions,
): ConversationListVirtualizer {
  const { order, gridRef, overscan, initialRect, hasFooter } = options;
  const [tabStopIndex = -1, menuIndex = -1] = options.keepMounted;
  // Keys are indexes: the virtualizer never sees conversation IDs, so a move costs it nothing (an ID key
  // function would make it re-measure all 100,000 rows on every message). Rows are keyed by ID in React.
  const rangeExtractor = useCallback(
    (range: Range) => {
      const indexes = defaultRangeExtractor(range);
      // Keep the focused row and the row with the open menu mounted, wherever they are.
      for (const keep of [tabStopIndex, menuIndex]) {
        if (keep >= 0 && keep < range.count && !indexes.includes(keep)) indexes.push(keep);
      }
      return indexes.sort((a, b) => a - b);
    },
    [tabStopIndex, menuIndex],
  );
  const virtualizer = useVirtualizer<HTMLDivElement, Element>({
    count: order.size,
    getScrollElement: () => gridRef.current,
    estimateSize: estimateRow,
    overscan,
    paddingEnd: hasFooter ? ROW : 0,
    initialRect,
    rangeExtractor,
    observeElementRect: useCallback(
      (
        instance: Virtualizer<HTMLDivElement, Element>,
        cb: (rect: { width: number; height: number }) => void,
      ) => observeElementRect(instance, (rect) => cb(rect.height > 0 ? rect : initialRect)),
      [initialRect],
    ),
  });
  const virtualItems = virtualizer.getVirtualItems();
  const rows = useMemo(
    () =>
      virtualItems.flatMap((item) => {
        const conversationID = order.at(item.index);
        return conversationID === undefined ? [] : [{ conversationID, index: item.index }];
      }),
    [virtualItems, order],
  );
  const lastIndex = virtualItems.length > 0 ? (virtualItems[virtualItems.length - 1]?.index ?? -1) : -1;
  return { virtualizer, rows, lastIndex };
}

function estimateRow(): number {
  return ROW;
}
