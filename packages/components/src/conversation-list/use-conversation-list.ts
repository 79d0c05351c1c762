import {
  defaultRangeExtractor,
  observeElementRect,
  type Range,
  useVirtualizer,
  type Virtualizer,
} from '@tanstack/react-virtual';
import {
  type ChatError,
  type ChatState,
  type ConversationFilter,
  ConversationOrder,
  conversationFilterKey,
  orderKeyOf,
  type SyncStatus,
  selectIsSyncFailed,
} from '@tidings/core';
import {
  type FocusEvent,
  type KeyboardEvent,
  type MouseEvent,
  type PointerEvent,
  useCallback,
  useEffect,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
} from 'react';
import { useChatStore, useChatStoreApi } from '../chat-provider/use-chat-store';
import type { MenuAnchor } from '../menu/use-menu';
import { CONVERSATION_ROW_HEIGHT } from './conversation-list-item';

const ROW = CONVERSATION_ROW_HEIGHT;
/** Pull the next page when the last mounted row is this close to the end of what is loaded. */
const PAGE_AHEAD = 15;
const EMPTY_ORDER = ConversationOrder.empty();
/** What a list renders before it knows its size (servers, jsdom, a hidden tab): ten rows. */
const FALLBACK_RECT = { width: 360, height: 10 * ROW };

/** Where a list stands: what its `data-state` says. */
export type ConversationListStatus = 'loading' | 'empty' | 'error' | 'ready';

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

/** The actions menu of one row, when open: which conversation, and what it opens next to. */
export interface ConversationListMenuState {
  conversationID: string;
  anchor: MenuAnchor;
}

/** One mounted row. */
export interface ConversationListRow {
  conversationID: string;
  index: number;
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

/** How long a finger rests on a row before its actions menu opens, ms (as the platforms' long press). */
const LONG_PRESS_MS = 500;

function rowOf(target: EventTarget | null): HTMLElement | null {
  return target instanceof Element ? target.closest<HTMLElement>('[role="row"][data-conversation-id]') : null;
}

function isRtl(element: Element): boolean {
  return getComputedStyle(element).direction === 'rtl';
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
  const viewKey = filter ? conversationFilterKey(filter) : '';
  const filterRef = useRef(filter);
  filterRef.current = filter;

  // One ordered view per filter, ref-counted in the store.
  // biome-ignore lint/correctness/useExhaustiveDependencies: the key stands for the filter (a new object each render)
  useEffect(() => {
    const key = store.getState().registerView(filterRef.current ?? {});
    return () => store.getState().unregisterView(key);
  }, [store, viewKey]);

  const order = useChatStore(
    useCallback((state: ChatState) => state.views[viewKey]?.order ?? EMPTY_ORDER, [viewKey]),
  );
  const view = useChatStore(useCallback((state: ChatState) => state.views[viewKey], [viewKey]));
  const syncStatus = useChatStore(selectSyncStatus);
  const isSyncFailed = useChatStore(selectIsSyncFailed);
  const isFinished = view?.isFinished ?? false;
  const error = view?.error ?? null;
  const isLoading = !view || view.status === 'loading' || (!isFinished && order.size === 0 && !error);
  const status: ConversationListStatus =
    order.size > 0 ? 'ready' : error ? 'error' : isFinished ? 'empty' : 'loading';
  const hasFooter = order.size > 0 && !isFinished;

  // ── Focus (roving tabindex) and the menu ──────────────────────────────────────────────────────────
  const [focusedID, setFocusedID] = useState<string | null>(null);
  const [menu, setMenu] = useState<ConversationListMenuState | null>(null);
  const rowElements = useRef(new Map<string, HTMLElement>());
  const gridRef = useRef<HTMLDivElement | null>(null);
  const pendingFocus = useRef<string | null>(null);
  const hasFocus = useRef(false);
  const orderRef = useRef(order);
  orderRef.current = order;
  /** Indexes of the rows last rendered, to find a row's place after it left the list. */
  const renderedIndex = useRef(new Map<string, number>());

  const indexOf = useCallback(
    (conversationID: string | null, inOrder: ConversationOrder = orderRef.current): number => {
      if (conversationID === null) return -1;
      const conversation = store.getState().conversations.get(conversationID);
      return conversation ? inOrder.indexOf(orderKeyOf(conversation)) : -1;
    },
    [store],
  );

  // The tab stop: the focused row while it is listed, else the last tab stop while it is listed (so a
  // new first row does not re-render two rows), else the active conversation, else the first row.
  const activeID = useChatStore(selectActiveID);
  const lastTabStop = useRef<string | null>(null);
  let tabStopID = focusedID !== null && indexOf(focusedID, order) >= 0 ? focusedID : null;
  if (tabStopID === null && indexOf(lastTabStop.current, order) >= 0) tabStopID = lastTabStop.current;
  if (tabStopID === null) tabStopID = indexOf(activeID, order) >= 0 ? activeID : (order.at(0) ?? null);
  lastTabStop.current = tabStopID;
  const tabStopIndex = indexOf(tabStopID, order);
  const menuIndex = menu ? indexOf(menu.conversationID, order) : -1;

  // ── Virtualizer ───────────────────────────────────────────────────────────────────────────────────
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
    paddingEnd: hasFooter || (order.size > 0 && error) ? ROW : 0,
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

  // ── Paging ────────────────────────────────────────────────────────────────────────────────────────
  const viewStatus = view?.status;
  useEffect(() => {
    if (!viewStatus || viewStatus !== 'idle' || isFinished) return;
    if (lastIndex >= order.size - PAGE_AHEAD) {
      store
        .getState()
        .loadMoreConversations(viewKey)
        .catch(() => {});
    }
  }, [store, viewKey, viewStatus, isFinished, lastIndex, order.size]);

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

  // ── Positions, anchoring, focus ───────────────────────────────────────────────────────────────────
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
    // The focused conversation left the list (hidden, deleted, filtered out): the row now in its place
    // takes over, and focus if the list had it.
    if (focusedID !== null && indexOf(focusedID) < 0) {
      const was = renderedIndex.current.get(focusedID) ?? 0;
      const next = order.at(Math.min(was, order.size - 1)) ?? null;
      setFocusedID(next);
      const active = document.activeElement;
      if (next && hasFocus.current && (!active || active === document.body || !active.isConnected)) {
        pendingFocus.current = next;
      }
    }
    renderedIndex.current = new Map(rows.map((row) => [row.conversationID, row.index]));
    const pending = pendingFocus.current;
    const element = pending === null ? undefined : rowElements.current.get(pending);
    if (element) {
      pendingFocus.current = null;
      element.focus({ preventScroll: true });
    }
  });

  // ── Actions ───────────────────────────────────────────────────────────────────────────────────────
  const latest = useRef({ onActiveConversationChange, virtualizer });
  latest.current = { onActiveConversationChange, virtualizer };

  const open = useCallback(
    (conversationID: string) => {
      setFocusedID(conversationID);
      store
        .getState()
        .openConversation(conversationID)
        .catch(() => {});
      latest.current.onActiveConversationChange?.(conversationID);
    },
    [store],
  );

  const focusIndex = useCallback((index: number) => {
    const size = orderRef.current.size;
    if (size === 0) return;
    const target = Math.max(0, Math.min(index, size - 1));
    const conversationID = orderRef.current.at(target) as string;
    setFocusedID(conversationID);
    pendingFocus.current = conversationID;
    latest.current.virtualizer.scrollToIndex(target, { align: 'auto' });
    // Already mounted: focus now (the layout effect handles rows that mount with the next render).
    const element = rowElements.current.get(conversationID);
    if (element) {
      pendingFocus.current = null;
      element.focus({ preventScroll: true });
    }
  }, []);

  const openMenu = useCallback((conversationID: string, anchor: MenuAnchor) => {
    setFocusedID(conversationID);
    setMenu({ conversationID, anchor });
  }, []);
  const closeMenu = useCallback(() => setMenu(null), []);

  const getReturnFocus = useCallback((conversationID: string): HTMLElement | null => {
    const element = rowElements.current.get(conversationID);
    if (element?.isConnected) return element;
    const was = renderedIndex.current.get(conversationID) ?? 0;
    const currentOrder = orderRef.current;
    const next = currentOrder.at(Math.min(was, currentOrder.size - 1));
    return next === undefined ? null : (rowElements.current.get(next) ?? null);
  }, []);

  const registerRow = useCallback((conversationID: string, element: HTMLElement | null) => {
    if (element) rowElements.current.set(conversationID, element);
    else rowElements.current.delete(conversationID);
  }, []);

  // ── Grid events (delegated: rows carry no handlers) ───────────────────────────────────────────────
  const onKeyDown = useCallback(
    (event: KeyboardEvent<HTMLElement>) => {
      const row = rowOf(event.target);
      if (!row || event.nativeEvent.isComposing) return;
      const conversationID = row.dataset.conversationId as string;
      const onRow = event.target === row;
      const actions = row.querySelector<HTMLElement>('[aria-haspopup="menu"]');
      const index = indexOf(conversationID);
      const height = latest.current.virtualizer.scrollRect?.height ?? gridRef.current?.clientHeight ?? ROW;
      const page = Math.max(1, Math.floor(height / ROW) - 1);
      const inlineEnd = isRtl(row) ? 'ArrowLeft' : 'ArrowRight';
      const inlineStart = isRtl(row) ? 'ArrowRight' : 'ArrowLeft';
      const move = (to: number) => {
        event.preventDefault();
        focusIndex(to);
      };
      switch (event.key) {
        case 'ArrowDown':
          return move(index + 1);
        case 'ArrowUp':
          return move(index - 1);
        case 'Home':
          return move(0);
        case 'End':
          return move(orderRef.current.size - 1);
        case 'PageDown':
          return move(index + page);
        case 'PageUp':
          return move(index - page);
        case 'Enter':
        case ' ':
          if (!onRow) return;
          event.preventDefault();
          return open(conversationID);
        case 'ContextMenu':
          event.preventDefault();
          return openMenu(conversationID, actions ?? row);
        case 'F10':
          if (!event.shiftKey) return;
          event.preventDefault();
          return openMenu(conversationID, actions ?? row);
        case inlineEnd:
          if (!onRow || !actions) return;
          event.preventDefault();
          return actions.focus();
        case inlineStart:
          if (onRow) return;
          event.preventDefault();
          return row.focus();
      }
    },
    [indexOf, focusIndex, open, openMenu],
  );

  // A long press with a finger: iOS fires no contextmenu event, and the ⋯ button is hidden on touch.
  const press = useRef<{ timer: ReturnType<typeof setTimeout>; x: number; y: number } | null>(null);
  const pressedOpen = useRef(false);
  const endPress = useCallback(() => {
    if (press.current) clearTimeout(press.current.timer);
    press.current = null;
  }, []);
  const onPointerDown = useCallback(
    (event: PointerEvent<HTMLElement>) => {
      endPress();
      pressedOpen.current = false;
      const row = rowOf(event.target);
      if (event.pointerType !== 'touch' || !row) return;
      const { clientX: x, clientY: y } = event;
      const timer = setTimeout(() => {
        press.current = null;
        pressedOpen.current = true;
        openMenu(row.dataset.conversationId as string, { x, y });
      }, LONG_PRESS_MS);
      press.current = { timer, x, y };
    },
    [endPress, openMenu],
  );
  const onPointerMove = useCallback(
    (event: PointerEvent<HTMLElement>) => {
      const start = press.current;
      // A finger that moves is scrolling, not pressing.
      if (start && Math.hypot(event.clientX - start.x, event.clientY - start.y) > 10) endPress();
    },
    [endPress],
  );
  useEffect(() => endPress, [endPress]);

  const onClick = useCallback(
    (event: MouseEvent<HTMLElement>) => {
      // The click that ends a long press must not open the conversation under the menu.
      if (pressedOpen.current) {
        pressedOpen.current = false;
        return;
      }
      const row = rowOf(event.target);
      if (!row) return;
      const conversationID = row.dataset.conversationId as string;
      const actions =
        event.target instanceof Element ? event.target.closest<HTMLElement>('[aria-haspopup="menu"]') : null;
      if (actions && row.contains(actions)) openMenu(conversationID, actions);
      else open(conversationID);
    },
    [open, openMenu],
  );

  const onContextMenu = useCallback(
    (event: MouseEvent<HTMLElement>) => {
      const row = rowOf(event.target);
      if (!row) return;
      event.preventDefault();
      // Android fires contextmenu for the same long press: the menu is already open.
      if (pressedOpen.current) return;
      endPress();
      // A keyboard-made contextmenu event (no pointer position) anchors at the row instead.
      const fromKeyboard = event.clientX === 0 && event.clientY === 0;
      openMenu(
        row.dataset.conversationId as string,
        fromKeyboard ? row : { x: event.clientX, y: event.clientY },
      );
    },
    [openMenu, endPress],
  );

  const onFocus = useCallback((event: FocusEvent<HTMLElement>) => {
    hasFocus.current = true;
    const row = rowOf(event.target);
    if (row?.dataset.conversationId) setFocusedID(row.dataset.conversationId);
  }, []);
  const onBlur = useCallback((event: FocusEvent<HTMLElement>) => {
    if (!(event.relatedTarget instanceof Node && event.currentTarget.contains(event.relatedTarget)))
      hasFocus.current = false;
  }, []);

  const setGrid = useCallback((element: HTMLDivElement | null) => {
    gridRef.current = element;
  }, []);

  const loadMore = useCallback(() => {
    store
      .getState()
      .loadMoreConversations(viewKey)
      .catch(() => {});
  }, [store, viewKey]);
  const retry = useCallback(() => {
    store
      .getState()
      .retry(viewKey)
      .catch(() => {});
  }, [store, viewKey]);

  return {
    viewKey,
    order,
    rows,
    totalSize: virtualizer.getTotalSize(),
    status,
    isLoading,
    isFinished,
    error,
    syncStatus,
    isSyncFailed,
    loadMore,
    retry,
    focusedID: tabStopID,
    open,
    menu,
    openMenu,
    closeMenu,
    getReturnFocus,
    registerRow,
    gridProps: {
      ref: setGrid,
      role: 'grid',
      'aria-rowcount': order.size,
      'aria-busy': isLoading || undefined,
      onKeyDown,
      onClick,
      onContextMenu,
      onPointerDown,
      onPointerMove,
      onPointerUp: endPress,
      onPointerCancel: endPress,
      onFocus,
      onBlur,
    },
    virtualizer,
  };
}

function estimateRow(): number {
  return ROW;
}

function selectActiveID(state: ChatState): string | null {
  return state.activeConversationID;
}

function selectSyncStatus(state: ChatState): SyncStatus {
  return state.syncStatus;
}
