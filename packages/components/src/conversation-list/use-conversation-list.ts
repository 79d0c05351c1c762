import type { Virtualizer } from '@tanstack/react-virtual';
import type { ChatError, ConversationFilter, ConversationOrder, SyncStatus } from '@tidings/core';
import {
  type FocusEvent,
  type KeyboardEvent,
  type MouseEvent,
  type PointerEvent,
  useCallback,
  useRef,
} from 'react';
import { useChatStoreApi } from '../chat-provider/index';
import { useLatest } from '../internal/index';
import type { MenuAnchor } from '../menu/index';
import { CONVERSATION_ROW_HEIGHT as ROW } from './conversation-list-item';
import { useConversationListAnchor } from './use-conversation-list-anchor';
import {
  type ConversationListMenuState,
  useConversationListFocus,
  useConversationListFocusAfterRender,
} from './use-conversation-list-focus';
import { useConversationListKeyboard } from './use-conversation-list-keyboard';
import { useConversationListPaging } from './use-conversation-list-paging';
import { useConversationListPointer } from './use-conversation-list-pointer';
import { type ConversationListStatus, useConversationListView } from './use-conversation-list-view';
import {
  type ConversationListRow,
  useConversationListVirtualizer,
} from './use-conversation-list-virtualizer';

export type { ConversationListMenuState } from './use-conversation-list-focus';
export type { ConversationListStatus } from './use-conversation-list-view';
export type { ConversationListRow } from './use-conversation-list-virtualizer';

/** What a list renders before it knows its size (servers, jsdom, a hidden tab): ten rows. */
const FALLBACK_RECT = { width: 360, height: 10 * ROW };

/** Options of {@link useConversationList}. */
export interface UseConversationListOptions {
  /**
   * Which conversations to list (type, mark, conversation group…); the store keeps one ordered view per
   * filter, shared by every list that shows it.
   * @default {} (every conversation)
   */
  filter?: ConversationFilter | undefined;
  /** Called with the conversation the user opens (Enter, Space, a click), after `openConversation`. */
  onActiveConversationChange?: ((conversationID: string) => void) | undefined;
  /**
   * Rows mounted beyond each edge of the viewport.
   * @default 1
   */
  overscan?: number | undefined;
  /**
   * The viewport size to render before the list is measured (server rendering, tests).
   * @default { width: 360, height: 720 } (ten rows)
   */
  initialRect?: { width: number; height: number } | undefined;
}

/** What {@link useConversationList} returns. */
export interface UseConversationListReturn {
  /** The view's key in the store (`state.views[key]`). */
  viewKey: string;
  /** The ordered conversation IDs of the view: `size`, `at(index)`, `slice()`. */
  order: ConversationOrder;
  /** The mounted rows, in order. */
  rows: ConversationListRow[];
  /** Height of the scrolled content, px (every row plus the footer). */
  totalSize: number;
  status: ConversationListStatus;
  /** A page (the first or a later one) is being pulled. */
  isLoading: boolean;
  /** Every page has been pulled. */
  isFinished: boolean;
  /** Why the last page failed, when it did. */
  error: ChatError | null;
  /** The store's sync with the server. */
  syncStatus: SyncStatus;
  /** Syncing failed and has not succeeded since (retries in between do not clear it). */
  isSyncFailed: boolean;
  /** Pulls the next page (no-op while loading or finished). */
  loadMore: () => void;
  /** Retries a failed page or sync. */
  retry: () => void;
  /** The conversation whose row is the tab stop. */
  focusedID: string | null;
  /** Opens a conversation: `openConversation` plus `onActiveConversationChange`. */
  open: (conversationID: string) => void;
  /** The open actions menu, if any. */
  menu: ConversationListMenuState | null;
  openMenu: (conversationID: string, anchor: MenuAnchor) => void;
  closeMenu: () => void;
  /** The row element to return focus to after an action on a conversation (the next one if it left). */
  getReturnFocus: (conversationID: string) => HTMLElement | null;
  /** Ref callback rows call with their element. */
  registerRow: (conversationID: string, element: HTMLElement | null) => void;
  /** Props for the scrolling `role="grid"` element: ref, ARIA, keyboard and pointer handlers. */
  gridProps: {
    ref: (element: HTMLDivElement | null) => void;
    role: 'grid';
    'aria-rowcount': number;
    'aria-busy': boolean | undefined;
    onKeyDown: (event: KeyboardEvent<HTMLElement>) => void;
    onClick: (event: MouseEvent<HTMLElement>) => void;
    onContextMenu: (event: MouseEvent<HTMLElement>) => void;
    /** A long press with a finger opens the actions menu (touch screens show no ⋯ button). */
    onPointerDown: (event: PointerEvent<HTMLElement>) => void;
    onPointerMove: (event: PointerEvent<HTMLElement>) => void;
    onPointerUp: () => void;
    onPointerCancel: () => void;
    onFocus: (event: FocusEvent<HTMLElement>) => void;
    onBlur: (event: FocusEvent<HTMLElement>) => void;
  };
  /** The TanStack virtualizer, for scrolling from the outside (`scrollToIndex`). */
  virtualizer: Virtualizer<HTMLDivElement, Element>;
}

/**
 * The behaviour of a virtualized, keyboard-navigable conversation list, without markup: registers the
 * filter's view, pulls pages as the user nears the end, keeps the row under the user's eye when rows above
 * it move, and runs the ARIA grid keyboard model (roving focus; Up/Down, Home/End, PageUp/PageDown;
 * Enter/Space to open; Shift+F10 or the ContextMenu key for actions). `<ConversationList>` renders it.
 *
 * @example
 * const list = useConversationList({ filter: { type: 'group' } });
 * <div {...list.gridProps} aria-label="Groups" style={{ overflow: 'auto', height: 600 }}>
 *   <div style={{ height: list.totalSize, position: 'relative' }}>
 *     {list.rows.map(({ conversationID, index }) => <MyRow key={conversationID} id={conversationID} index={index} />)}
 *   </div>
 * </div>
 */
export function useConversationList(options: UseConversationListOptions = {}): UseConversationListReturn {
  const { filter, onActiveConversationChange, overscan = 1, initialRect = FALLBACK_RECT } = options;
  const store = useChatStoreApi();
  const view = useConversationListView(filter);
  const { viewKey, order, isFinished, error } = view;
  const gridRef = useRef<HTMLDivElement | null>(null);

  // Focus moves by the keyboard scroll the row into view: the virtualizer is made just below, with the
  // tab stop and the menu's row kept mounted (this runs only from handlers, after the render).
  const focus = useConversationListFocus(order, (index) =>
    virtualizer.scrollToIndex(index, { align: 'auto' }),
  );
  const { virtualizer, rows, lastIndex } = useConversationListVirtualizer({
    order,
    gridRef,
    overscan,
    initialRect,
    hasFooter: (order.size > 0 && !isFinished) || (order.size > 0 && error !== null),
    keepMounted: [focus.tabStopIndex, focus.menuIndex],
  });
  useConversationListPaging(store, view, lastIndex);
  const { rowElements } = focus;
  useConversationListAnchor({ store, viewKey, order, rows, gridRef, rowElements, virtualizer, initialRect });
  useConversationListFocusAfterRender(focus, rows);

  const latest = useLatest({ onActiveConversationChange });
  const { setFocusedID } = focus;
  const open = useCallback(
    (conversationID: string) => {
      setFocusedID(conversationID);
      store
        .getState()
        .openConversation(conversationID)
        .catch(() => {});
      latest.current.onActiveConversationChange?.(conversationID);
    },
    [store, setFocusedID],
  );

  const viewportHeight = useCallback(() => virtualizer.scrollRect?.height, [virtualizer]);
  const keyboard = useConversationListKeyboard({ focus, gridRef, viewportHeight, open });
  const pointer = useConversationListPointer(open, focus.openMenu);
  const setGrid = useCallback((element: HTMLDivElement | null) => {
    gridRef.current = element;
  }, []);

  return {
    viewKey,
    order,
    rows,
    totalSize: virtualizer.getTotalSize(),
    status: view.status,
    isLoading: view.isLoading,
    isFinished,
    error,
    syncStatus: view.syncStatus,
    isSyncFailed: view.isSyncFailed,
    loadMore: view.loadMore,
    retry: view.retry,
    focusedID: focus.tabStopID,
    open,
    menu: focus.menu,
    openMenu: focus.openMenu,
    closeMenu: focus.closeMenu,
    getReturnFocus: focus.getReturnFocus,
    registerRow: focus.registerRow,
    gridProps: {
      ref: setGrid,
      role: 'grid',
      'aria-rowcount': order.size,
      'aria-busy': view.isLoading || undefined,
      onKeyDown: keyboard.onKeyDown,
      onClick: pointer.onClick,
      onContextMenu: pointer.onContextMenu,
      onPointerDown: pointer.onPointerDown,
      onPointerMove: pointer.onPointerMove,
      onPointerUp: pointer.endPress,
      onPointerCancel: pointer.endPress,
      onFocus: keyboard.onFocus,
      onBlur: keyboard.onBlur,
    },
    virtualizer,
  };
}
