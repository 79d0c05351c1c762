// Where the conversation list's rows are: their places written straight to the DOM, and the scroll
// position anchored to the row the user reads when the order changes above it.
import { type ChatStore, type ConversationOrder, orderKeyOf } from '@tidings/core';
import { type RefObject, useLayoutEffect, useRef } from 'react';
import { CONVERSATION_ROW_HEIGHT as ROW } from './conversation-list-item';
import type { ConversationListRow } from './use-conversation-list-virtualizer';

/** Options of {@link useConversationListAnchor}. */
export interface UseConversationListAnchorOptions {
  store: ChatStore;
  viewKey: string;
  order: ConversationOrder;
  rows: readonly ConversationListRow[];
  gridRef: RefObject<HTMLDivElement | null>;
  rowElements: RefObject<Map<string, HTMLElement>>;
  virtualizer: { scrollOffset: number | null; scrollRect: { height: number } | null };
  initialRect: { width: number; height: number };
}

/**
 * After every render: writes the rows' places, then keeps the rows the user reads where they are when
 * the order changes (at the very top, new activity shows at the top; another filter starts at the top).
 */
export function useConversationListAnchor(options: UseConversationListAnchorOptions): void {
  const { store, viewKey, order, rows, gridRef, rowElements, virtualizer, initialRect } = options;
  const previous = useRef({ order, conversations: store.getState().conversations, viewKey });

  /**
   * When the order changes, the rows the user reads stay where they are: the first visible row that did
   * not move by itself keeps its place on screen. At the very top, new activity shows at the top. The
   * scroll position comes from the virtualizer (no layout read); only a needed correction writes.
   */
  const anchor = () => {
    const grid = gridRef.current;
    const before = previous.current;
    const conversations = store.getState().conversations;
    previous.current = { order, conversations, viewKey };
    if (!grid || before.order === order) return;
    // Another filter is another list: it starts at the top.
    if (before.viewKey !== viewKey) {
      if ((virtualizer.scrollOffset ?? 0) > 0) grid.scrollTop = 0;
      return;
    }
    const top = virtualizer.scrollOffset ?? 0;
    if (top < 1) return;
    const first = Math.floor(top / ROW);
    const height = virtualizer.scrollRect?.height ?? initialRect.height;
    const last = Math.min(before.order.size, Math.ceil((top + height) / ROW));
    for (let i = first; i < last; i++) {
      const id = before.order.at(i) as string;
      const was = before.conversations.get(id);
      const now = conversations.get(id);
      if (!was || !now || was.orderKey !== now.orderKey || was.isPinned !== now.isPinned) continue;
      const index = order.indexOf(orderKeyOf(now));
      if (index < 0) continue;
      if (index !== i) grid.scrollTop = top + (index - i) * ROW;
      return;
    }
  };

  useLayoutEffect(() => {
    // Rows skip re-rendering when only their place changed; their place is written here instead. (DOM
    // writes first, reads after: one layout, not two.)
    for (const { conversationID, index } of rows) {
      const element = rowElements.current.get(conversationID);
      if (!element) continue;
      const rowIndex = String(index + 1);
      if (element.getAttribute('aria-rowindex') !== rowIndex) {
        element.setAttribute('aria-rowindex', rowIndex);
        element.style.transform = `translateY(${index * ROW}px)`;
      }
    }
    anchor();
  });
}
