// Focus in the conversation list: the row that is the tab stop (roving tabindex), the row elements, the
// actions menu, and where focus goes when its row leaves the list.
import { type ConversationOrder, orderKeyOf, selectActiveConversationID } from '@tidings/core';
import { type RefObject, useCallback, useLayoutEffect, useRef, useState } from 'react';
import { useChatStore, useChatStoreApi } from '../chat-provider/index';
import { useLatest, useRovingFocus } from '../internal/index';
import type { MenuAnchor } from '../menu/index';
import type { ConversationListRow } from './use-conversation-list-virtualizer';

/** The actions menu of one row, when open: which conversation, and what it opens next to. */
export interface ConversationListMenuState {
  conversationID: string;
  anchor: MenuAnchor;
}

/** What {@link useConversationListFocus} returns. */
export interface ConversationListFocus {
  /** The conversation whose row is the tab stop. */
  tabStopID: string | null;
  tabStopIndex: number;
  /** The open actions menu, if any, and the index of its row (-1 when it left the list). */
  menu: ConversationListMenuState | null;
  menuIndex: number;
  setFocusedID: (conversationID: string | null) => void;
  /** The row elements by conversation, as rows register them. */
  rowElements: RefObject<Map<string, HTMLElement>>;
  /** Whether the list has focus (a row or a button in one). */
  hasFocus: RefObject<boolean>;
  /** The index of a conversation in `inOrder` (the latest order when left out), -1 when not listed. */
  indexOf: (conversationID: string | null, inOrder?: ConversationOrder) => number;
  /** How many conversations the list has now. */
  size: () => number;
  /** Moves the tab stop and focus to the row at `index` (clamped), scrolling it into view. */
  focusIndex: (index: number) => void;
  openMenu: (conversationID: string, anchor: MenuAnchor) => void;
  closeMenu: () => void;
  getReturnFocus: (conversationID: string) => HTMLElement | null;
  registerRow: (conversationID: string, element: HTMLElement | null) => void;
  /** After a render: a focused row that left the list hands focus on; a pending focus is granted. */
  afterRender: (rows: readonly ConversationListRow[]) => void;
}

/**
 * The tab stop is the focused row while it is listed, else the last tab stop while it is listed (so a new
 * first row does not re-render two rows), else the active conversation, else the first row.
 */
export function useConversationListFocus(
  order: ConversationOrder,
  scrollToIndex: (index: number) => void,
): ConversationListFocus {
  const store = useChatStoreApi();
  const { focusedKey: focusedID, setFocusedKey: setFocusedID, ...roving } = useRovingFocus<string>();
  const [menu, setMenu] = useState<ConversationListMenuState | null>(null);
  const rowElements = useRef(new Map<string, HTMLElement>());
  const hasFocus = useRef(false);
  const latestOrder = useLatest(order);
  /** Indexes of the rows last rendered, to find a row's place after it left the list. */
  const renderedIndex = useRef(new Map<string, number>());

  const indexOf = useCallback(
    (conversationID: string | null, inOrder: ConversationOrder = latestOrder.current): number => {
      if (conversationID === null) return -1;
      const conversation = store.getState().conversations.get(conversationID);
      return conversation ? inOrder.indexOf(orderKeyOf(conversation)) : -1;
    },
    [store],
  );

  const activeID = useChatStore(selectActiveConversationID);
  const lastTabStop = useRef<string | null>(null);
  let tabStopID = focusedID !== null && indexOf(focusedID, order) >= 0 ? focusedID : null;
  if (tabStopID === null && indexOf(lastTabStop.current, order) >= 0) tabStopID = lastTabStop.current;
  if (tabStopID === null) tabStopID = indexOf(activeID, order) >= 0 ? activeID : (order.at(0) ?? null);
  lastTabStop.current = tabStopID;

  const elementOf = useCallback((conversationID: string) => rowElements.current.get(conversationID), []);
  const { focusWhenMounted, applyPendingFocus } = roving;
  const afterRender = (rows: readonly ConversationListRow[]) => {
    // The focused conversation left the list (hidden, deleted, filtered out): the row now in its place
    // takes over, and focus if the list had it.
    if (focusedID !== null && indexOf(focusedID) < 0) {
      const was = renderedIndex.current.get(focusedID) ?? 0;
      const next = order.at(Math.min(was, order.size - 1)) ?? null;
      setFocusedID(next);
      const active = document.activeElement;
      if (next && hasFocus.current && (!active || active === document.body || !active.isConnected)) {
        focusWhenMounted(next);
      }
    }
    renderedIndex.current = new Map(rows.map((row) => [row.conversationID, row.index]));
    applyPendingFocus(null, elementOf);
  };

  const size = useCallback(() => latestOrder.current.size, []);
  const latestScroll = useLatest(scrollToIndex);
  const focusIndex = useCallback(
    (index: number) => {
      const size = latestOrder.current.size;
      if (size === 0) return;
      const target = Math.max(0, Math.min(index, size - 1));
      const conversationID = latestOrder.current.at(target) as string;
      setFocusedID(conversationID);
      focusWhenMounted(conversationID);
      latestScroll.current(target);
      // Already mounted: focus now (the layout effect handles rows that mount with the next render).
      applyPendingFocus(null, elementOf);
    },
    [setFocusedID, focusWhenMounted, applyPendingFocus, elementOf],
  );

  const openMenu = useCallback(
    (conversationID: string, anchor: MenuAnchor) => {
      setFocusedID(conversationID);
      setMenu({ conversationID, anchor });
    },
    [setFocusedID],
  );
  const closeMenu = useCallback(() => setMenu(null), []);

  const getReturnFocus = useCallback((conversationID: string): HTMLElement | null => {
    const element = rowElements.current.get(conversationID);
    if (element?.isConnected) return element;
    const was = renderedIndex.current.get(conversationID) ?? 0;
    const currentOrder = latestOrder.current;
    const next = currentOrder.at(Math.min(was, currentOrder.size - 1));
    return next === undefined ? null : (rowElements.current.get(next) ?? null);
  }, []);

  const registerRow = useCallback((conversationID: string, element: HTMLElement | null) => {
    if (element) rowElements.current.set(conversationID, element);
    else rowElements.current.delete(conversationID);
  }, []);

  return {
    tabStopID,
    tabStopIndex: indexOf(tabStopID, order),
    menu,
    menuIndex: menu ? indexOf(menu.conversationID, order) : -1,
    setFocusedID,
    rowElements,
    hasFocus,
    indexOf,
    size,
    focusIndex,
    openMenu,
    closeMenu,
    getReturnFocus,
    registerRow,
    afterRender,
  };
}

/** Runs the focus hand-over and pending focus after every render (after the rows are placed). */
export function useConversationListFocusAfterRender(
  focus: ConversationListFocus,
  rows: readonly ConversationListRow[],
): void {
  useLayoutEffect(() => focus.afterRender(rows));
}
