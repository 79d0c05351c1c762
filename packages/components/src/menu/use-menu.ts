import {
  type KeyboardEvent,
  type RefObject,
  useCallback,
  useEffect,
  useId,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
} from 'react';

/** Where a menu opens: next to an element (a button, a row), or at a point (a right click), in viewport pixels. */
export type MenuAnchor = Element | { x: number; y: number };

/**
 * What gets focus when a menu opens: its first item (a click, Enter, ArrowDown), its last (ArrowUp), the
 * menu itself, or nothing (a submenu opened by hovering its item).
 */
export type MenuFocusTarget = 'first' | 'last' | 'menu' | 'none';

/** Whether a key moves along the reading direction (the inline end) in an element's direction. */
export function isInlineEndKey(key: string, element: Element): boolean {
  const rtl = getComputedStyle(element).direction === 'rtl';
  return key === (rtl ? 'ArrowLeft' : 'ArrowRight');
}

/** Options of {@link useMenu}. */
export interface UseMenuOptions {
  /** Whether the menu is open (controlled). Leave out to let the menu keep its own state. */
  open?: boolean;
  /**
   * Whether the menu starts open (uncontrolled).
   * @default false
   */
  defaultOpen?: boolean;
  /** Called when the menu opens or closes, by a trigger, a key, a choice or a click outside. */
  onOpenChange?: (open: boolean) => void;
  /**
   * What the menu opens next to. A {@link MenuTrigger} anchors it by itself; pass an element or a point to
   * open it as a context menu.
   */
  anchor?: MenuAnchor | null;
  /**
   * Where focus goes when the menu closes by a key or a choice.
   * @default the element that had focus when it opened (the trigger, a list row…)
   */
  returnFocus?: () => HTMLElement | null | undefined;
}

/** The state of one menu level (the root or a submenu), shared with its parts through context. */
export interface MenuState {
  /** Whether this level is open. */
  isOpen: boolean;
  /** Opens this level and focuses its first item, last item or the menu itself. */
  open: (focus?: MenuFocusTarget) => void;
  /** Closes this level (and its submenus); with `restoreFocus`, focus goes back where it came from. */
  close: (restoreFocus?: boolean) => void;
  /** Closes the whole menu, from the root (after a choice, Tab, or a click outside). */
  closeAll: (restoreFocus?: boolean) => void;
  /** What this level opens next to. */
  anchor: MenuAnchor | null;
  /** The trigger (menu button or submenu item), when there is one. */
  triggerRef: RefObject<HTMLElement | null>;
  /** The `role="menu"` element while open. */
  contentRef: RefObject<HTMLElement | null>;
  /** IDs tying the trigger and the menu together (`aria-controls`, `aria-labelledby`). */
  triggerID: string;
  contentID: string;
  /** What to focus once the menu element mounts. */
  focusOnOpen: RefObject<MenuFocusTarget>;
  /** The parent level, for submenus. */
  parent: MenuState | null;
  /** The element that holds the whole menu tree (the root menu and the submenus' layer). */
  treeRef: RefObject<HTMLElement | null>;
}

/**
 * The state and behaviour of a menu: open state (controlled or not), anchoring, focus on open and focus
 * return on close. `<Menu>` calls it; use it to build a menu of your own markup with {@link useMenuContent}.
 *
 * @example
 * const menu = useMenu({ onOpenChange: setOpen });
 * <button {...getMenuTriggerProps(menu)}>More</button>
 */
export function useMenu(options: UseMenuOptions = {}): MenuState {
  const { open, defaultOpen = false, onOpenChange, anchor = null, returnFocus } = options;
  const [ownOpen, setOwnOpen] = useState(defaultOpen);
  const isOpen = open ?? ownOpen;
  const triggerRef = useRef<HTMLElement | null>(null);
  const contentRef = useRef<HTMLElement | null>(null);
  const treeRef = useRef<HTMLElement | null>(null);
  const focusOnOpen = useRef<MenuFocusTarget>('first');
  const focusBefore = useRef<HTMLElement | null>(null);
  const id = useId();
  const latest = useRef({ onOpenChange, returnFocus, isOpen });
  latest.current = { onOpenChange, returnFocus, isOpen };

  const setOpen = useCallback((next: boolean) => {
    // Closing moves focus, and focus moving closes: report each change once.
    if (latest.current.isOpen === next) return;
    latest.current.isOpen = next;
    setOwnOpen(next);
    latest.current.onOpenChange?.(next);
  }, []);

  const openMenu = useCallback(
    (focus: MenuFocusTarget = 'first') => {
      focusOnOpen.current = focus;
      const active = typeof document === 'undefined' ? null : document.activeElement;
      focusBefore.current = active instanceof HTMLElement ? active : null;
      setOpen(true);
    },
    [setOpen],
  );

  const close = useCallback(
    (restoreFocus = true) => {
      setOpen(false);
      if (!restoreFocus) return;
      const target = latest.current.returnFocus?.() ?? triggerRef.current ?? focusBefore.current;
      target?.focus({ preventScroll: true });
    },
    [setOpen],
  );

  // A controlled menu opened from outside (a context menu, Shift+F10) remembers where focus was too.
  const wasOpen = useRef(isOpen);
  if (isOpen && !wasOpen.current && typeof document !== 'undefined') {
    const active = document.activeElement;
    if (active instanceof HTMLElement && !treeRef.current?.contains(active)) focusBefore.current = active;
  }
  wasOpen.current = isOpen;

  return useMemo(
    () => ({
      isOpen,
      open: openMenu,
      close,
      closeAll: close,
      anchor,
      triggerRef,
      contentRef,
      triggerID: `${id}-trigger`,
      contentID: `${id}-menu`,
      focusOnOpen,
      parent: null,
      treeRef,
    }),
    [isOpen, openMenu, close, anchor, id],
  );
}

/**
 * The state of a submenu under `parent`: opened by its item (pointer, Enter, Space, the inline-end arrow
 * key), closed by Escape or the inline-start arrow key, and with the whole menu.
 */
export function useSubMenu(parent: MenuState): MenuState {
  const [isOpen, setIsOpen] = useState(false);
  const triggerRef = useRef<HTMLElement | null>(null);
  const contentRef = useRef<HTMLElement | null>(null);
  const focusOnOpen = useRef<MenuFocusTarget>('first');
  const id = useId();
  const parentOpen = parent.isOpen;

  useEffect(() => {
    if (!parentOpen) setIsOpen(false);
  }, [parentOpen]);

  const open = useCallback((focus: MenuFocusTarget = 'first') => {
    focusOnOpen.current = focus;
    // Already open (pointed at, then clicked): move focus in now, as no effect will run again.
    if (contentRef.current) focusMenu(contentRef.current, focus);
    else setIsOpen(true);
  }, []);
  const close = useCallback((restoreFocus = true) => {
    setIsOpen(false);
    if (restoreFocus) triggerRef.current?.focus({ preventScroll: true });
  }, []);

  return useMemo(
    () => ({
      isOpen,
      open,
      close,
      closeAll: parent.closeAll,
      anchor: null,
      triggerRef,
      contentRef,
      triggerID: `${id}-trigger`,
      contentID: `${id}-menu`,
      focusOnOpen,
      parent,
      treeRef: parent.treeRef,
    }),
    [isOpen, open, close, parent, id],
  );
}

const ITEM_SELECTOR = '[role="menuitem"],[role="menuitemcheckbox"],[role="menuitemradio"]';
const TYPEAHEAD_RESET_MS = 500;

/** The items of one menu level, in order (not those of its submenus, which live elsewhere in the DOM). */
export function getMenuItems(menu: HTMLElement): HTMLElement[] {
  return Array.from(menu.querySelectorAll<HTMLElement>(ITEM_SELECTOR)).filter(
    (item) => item.closest('[role="menu"]') === menu,
  );
}

function focusMenu(menu: HTMLElement, target: MenuFocusTarget): void {
  if (target === 'none') return;
  const items = getMenuItems(menu);
  const item = target === 'menu' ? undefined : target === 'last' ? items[items.length - 1] : items[0];
  (item ?? menu).focus({ preventScroll: true });
}

function supportsPopover(): boolean {
  return typeof HTMLElement !== 'undefined' && typeof HTMLElement.prototype.showPopover === 'function';
}

function isRtl(element: Element): boolean {
  return getComputedStyle(element).direction === 'rtl';
}

function rectOf(anchor: MenuAnchor): DOMRect {
  return anchor instanceof Element ? anchor.getBoundingClientRect() : new DOMRect(anchor.x, anchor.y, 0, 0);
}

const EDGE = 8;

/**
 * Places a menu in the viewport next to its anchor: below it (above when there is no room), starting at its
 * inline-start edge (the other edge when there is no room); a submenu beside its item, towards the
 * inline end, flipped to the other side at the viewport's edge. Right-to-left aware.
 */
export function positionMenu(menu: HTMLElement, anchor: MenuAnchor, placement: 'below' | 'beside'): void {
  const rtl = isRtl(menu);
  const box = menu.getBoundingClientRect();
  const at = rectOf(anchor);
  const width = document.documentElement.clientWidth;
  const height = document.documentElement.clientHeight;
  let x: number;
  let y: number;
  if (placement === 'beside') {
    const after = rtl ? at.left - box.width : at.right;
    const before = rtl ? at.right : at.left - box.width;
    const fitsAfter = rtl ? after >= EDGE : after + box.width <= width - EDGE;
    x = fitsAfter ? after : before;
    y = at.top - 4;
  } else {
    const start = rtl ? at.right - box.width : at.left;
    const end = rtl ? at.left : at.right - box.width;
    const fitsStart = rtl ? start >= EDGE : start + box.width <= width - EDGE;
    x = fitsStart ? start : end;
    const below = at.bottom + 4;
    y =
      below + box.height <= height - EDGE || at.top - box.height - 4 < EDGE ? below : at.top - box.height - 4;
  }
  x = Math.max(EDGE, Math.min(x, width - box.width - EDGE));
  y = Math.max(EDGE, Math.min(y, height - box.height - EDGE));
  menu.style.left = `${Math.round(x)}px`;
  menu.style.top = `${Math.round(y)}px`;
}

/** Props for the `role="menu"` element of a level, from {@link useMenuContent}. */
export interface UseMenuContentReturn {
  ref: (element: HTMLElement | null) => void;
  id: string;
  role: 'menu';
  tabIndex: -1;
  'aria-labelledby'?: string;
  'aria-orientation': 'vertical';
  /** `manual` where the Popover API exists (the menu then opens in the top layer). */
  popover?: 'manual';
  onKeyDown: (event: KeyboardEvent<HTMLElement>) => void;
}

/**
 * Behaviour of an open menu element: shows it in the top layer (the Popover API, so no ancestor's overflow
 * or transform clips it), positions it, focuses its first item, and handles the keyboard — arrows,
 * Home/End, Enter/Space, typeahead, Escape, Tab, and the inline arrows into and out of submenus.
 * Clicks outside and focus leaving the menu close it.
 */
export function useMenuContent(menu: MenuState, label?: string): UseMenuContentReturn {
  const typeahead = useRef({ text: '', at: 0 });
  const { contentRef, isOpen } = menu;
  const isSub = menu.parent !== null;

  const setRef = useCallback(
    (element: HTMLElement | null) => {
      contentRef.current = element;
    },
    [contentRef],
  );

  useLayoutEffect(() => {
    const element = contentRef.current;
    if (!isOpen || !element) return;
    // Chromium, Firefox and Safari 17+ have the Popover API; elsewhere the menu is position: fixed.
    if (typeof element.showPopover === 'function' && !element.matches(':popover-open')) element.showPopover();
    const anchor = isSub ? menu.triggerRef.current : (menu.anchor ?? menu.triggerRef.current);
    const place = () => {
      if (anchor && (!(anchor instanceof Element) || anchor.isConnected))
        positionMenu(element, anchor, isSub ? 'beside' : 'below');
    };
    place();
    focusMenu(element, menu.focusOnOpen.current);
    let frame = 0;
    const onMove = (event: Event) => {
      if (event.target instanceof Node && element.contains(event.target)) return;
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(place);
    };
    window.addEventListener('scroll', onMove, { capture: true, passive: true });
    window.addEventListener('resize', onMove, { passive: true });
    return () => {
      cancelAnimationFrame(frame);
      window.removeEventListener('scroll', onMove, { capture: true });
      window.removeEventListener('resize', onMove);
    };
  }, [isOpen, isSub, menu.anchor, menu.triggerRef, menu.focusOnOpen, contentRef]);

  // Outside clicks and focus leaving close the whole menu; the root level listens for the tree.
  const { closeAll, treeRef, triggerRef } = menu;
  useEffect(() => {
    if (!isOpen || isSub) return;
    const inside = (node: EventTarget | null) =>
      node instanceof Node && (!!treeRef.current?.contains(node) || !!triggerRef.current?.contains(node));
    const onPointerDown = (event: PointerEvent) => {
      if (!inside(event.target)) closeAll(false);
    };
    const onFocusIn = (event: FocusEvent) => {
      if (!inside(event.target)) closeAll(false);
    };
    document.addEventListener('pointerdown', onPointerDown, true);
    document.addEventListener('focusin', onFocusIn);
    return () => {
      document.removeEventListener('pointerdown', onPointerDown, true);
      document.removeEventListener('focusin', onFocusIn);
    };
  }, [isOpen, isSub, closeAll, treeRef, triggerRef]);

  const onKeyDown = useCallback(
    (event: KeyboardEvent<HTMLElement>) => {
      const element = contentRef.current;
      if (!element || event.nativeEvent.isComposing) return;
      // Keys in a submenu bubble (through React's tree) to its parent menu: each level handles its own.
      if (!(event.target instanceof Element) || event.target.closest('[role="menu"]') !== element) return;
      const items = getMenuItems(element);
      const current = items.indexOf(document.activeElement as HTMLElement);
      const focusAt = (index: number) => items[(index + items.length) % items.length]?.focus();
      const rtl = isRtl(element);
      const key = event.key;
      if (key.length !== 1) typeahead.current.text = '';
      const handled = () => {
        event.preventDefault();
        event.stopPropagation();
      };
      if (key === 'ArrowDown') {
        handled();
        focusAt(current + 1);
      } else if (key === 'ArrowUp') {
        handled();
        focusAt(current < 0 ? -1 : current - 1);
      } else if (key === 'Home' || key === 'PageUp') {
        handled();
        focusAt(0);
      } else if (key === 'End' || key === 'PageDown') {
        handled();
        focusAt(-1);
      } else if (key === 'Escape') {
        handled();
        menu.close(true);
      } else if (key === 'Tab') {
        handled();
        menu.closeAll(true);
      } else if ((key === 'ArrowLeft' && !rtl) || (key === 'ArrowRight' && rtl)) {
        if (isSub) {
          handled();
          menu.close(true);
        }
      } else if (key === 'Enter' || key === ' ') {
        const item = items[current];
        if (item) {
          handled();
          item.click();
        }
      } else if (key.length === 1 && !event.ctrlKey && !event.metaKey && !event.altKey) {
        handled();
        const state = typeahead.current;
        const now = Date.now();
        state.text = now - state.at > TYPEAHEAD_RESET_MS ? key : state.text + key;
        state.at = now;
        const text = state.text.toLocaleLowerCase();
        // Repeating one letter cycles through the items that start with it.
        const repeated = text.length > 1 && [...text].every((char) => char === text[0]);
        const needle = repeated ? (text[0] as string) : text;
        const start = repeated || text.length === 1 ? current + 1 : Math.max(current, 0);
        for (let step = 0; step < items.length; step++) {
          const item = items[(start + step) % items.length] as HTMLElement;
          if ((item.textContent ?? '').trim().toLocaleLowerCase().startsWith(needle)) {
            item.focus();
            break;
          }
        }
      }
    },
    [contentRef, isSub, menu],
  );

  return {
    ref: setRef,
    id: menu.contentID,
    role: 'menu',
    tabIndex: -1,
    ...(label === undefined && menu.triggerRef.current && { 'aria-labelledby': menu.triggerID }),
    'aria-orientation': 'vertical',
    // Where the Popover API is missing (jsdom, old browsers) a [popover] element would stay hidden.
    ...(supportsPopover() && { popover: 'manual' as const }),
    onKeyDown,
  };
}
