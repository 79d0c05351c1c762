import {
  type FocusEvent,
  type KeyboardEvent,
  type RefObject,
  useCallback,
  useEffect,
  useId,
  useLayoutEffect,
  useRef,
  useState,
} from 'react';
import { useLatest } from '../internal/index';

/** Where a menu opens: next to an element (a button, a row), or at a point (a right click), in viewport pixels. */
export type MenuAnchor = Element | { x: number; y: number };

/**
 * What gets focus when a menu opens: its first item (a click, Enter, ArrowDown), its last (ArrowUp), the
 * menu itself, or nothing (a submenu opened by pointing at its item).
 */
export type MenuFocusTarget = 'first' | 'last' | 'menu' | 'none';

/** Options of {@link useMenu}. */
export interface UseMenuOptions {
  /** Whether the menu is open (controlled). Leave out to let the menu keep its own state. */
  open?: boolean | undefined;
  /**
   * Whether the menu starts open (uncontrolled).
   * @default false
   */
  defaultOpen?: boolean | undefined;
  /** Called when the menu opens or closes, by a trigger, a key, a choice or a click outside. */
  onOpenChange?: ((open: boolean) => void) | undefined;
  /**
   * What the menu opens next to. A {@link MenuTrigger} anchors it by itself; pass an element or a point to
   * open it as a context menu.
   */
  anchor?: MenuAnchor | null | undefined;
  /**
   * Where focus goes when the menu closes by a key or a choice.
   * @default the trigger, else the element that had focus when it opened (a list row…)
   */
  returnFocus?: (() => HTMLElement | null | undefined) | undefined;
}

/** The state of one menu level (the root or a submenu), shared with its parts through context. */
export interface MenuState {
  /** Whether this level is open. */
  isOpen: boolean;
  /** Opens this level (or, when open, moves focus into it) at its first item, last item or the menu itself. */
  open: (focus?: MenuFocusTarget) => void;
  /** Closes this level and its submenus; unless `restoreFocus` is `false`, focus goes back where it came from. */
  close: (restoreFocus?: boolean) => void;
  /** Closes the whole menu, from the root (after a choice, Tab, or a click outside). */
  closeAll: (restoreFocus?: boolean) => void;
  /** What this level opens next to: the root's `anchor` option (a submenu opens beside its item). */
  anchor: MenuAnchor | null;
  /** The trigger (menu button or submenu item), when there is one. */
  triggerRef: RefObject<HTMLElement | null>;
  /** The `role="menu"` element while open (a submenu's sits inside its parent's). */
  contentRef: RefObject<HTMLElement | null>;
  /** IDs tying the trigger and the menu together (`aria-controls`, `aria-labelledby`). */
  triggerID: string;
  contentID: string;
  /** The parent level, for submenus. */
  parent: MenuState | null;
  /** The `contentID` of this level's open submenu: one at a time. */
  openSubmenu: string | null;
  /** Sets or clears {@link MenuState.openSubmenu}. */
  setOpenSubmenu: (update: (contentID: string | null) => string | null) => void;
  /** What to focus when the menu element mounts, and where focus was before (to give it back). */
  focus: RefObject<{ target: MenuFocusTarget; before: HTMLElement | null }>;
}

/**
 * The state and behaviour of a menu level: open state (controlled or not for the root; for a submenu,
 * kept by its parent so only one is open at a time), focus on open and focus return on close. `<Menu>` and
 * `<MenuSub>` call it; use it with {@link useMenuContent} to build a menu of your own markup.
 *
 * @param parent The level a submenu belongs to; `null` (the default) for the root.
 * @example
 * const menu = useMenu({ onOpenChange: setOpen });
 * <button ref={menu.triggerRef} onClick={() => menu.open()}>More</button>
 * {menu.isOpen && <div {...useMenuContent(menu)}>…</div>}
 */
export function useMenu(options: UseMenuOptions = {}, parent: MenuState | null = null): MenuState {
  const id = useId();
  const contentID = `${id}menu`;
  const [ownOpen, setOwnOpen] = useState(options.defaultOpen ?? false);
  const [openSubmenu, setOpenSubmenu] = useState<string | null>(null);
  const isOpen = parent ? parent.isOpen && parent.openSubmenu === contentID : (options.open ?? ownOpen);
  const triggerRef = useRef<HTMLElement | null>(null);
  const contentRef = useRef<HTMLElement | null>(null);
  const focus = useRef<{ target: MenuFocusTarget; before: HTMLElement | null }>({
    target: 'first',
    before: null,
  });
  const latest = useLatest({ isOpen, options, parent });
  // A closed level forgets its open submenu, so reopening shows only the level itself.
  if (!isOpen && openSubmenu !== null) setOpenSubmenu(null);

  /** Opens or closes this level; closing moves focus and focus moving closes, so each change is told once. */
  const setOpen = useCallback(
    (next: boolean) => {
      const state = latest.current;
      if (state.isOpen === next) return false;
      state.isOpen = next;
      if (state.parent)
        state.parent.setOpenSubmenu((open) => (next ? contentID : open === contentID ? null : open));
      else {
        setOwnOpen(next);
        state.options.onOpenChange?.(next);
      }
      return true;
    },
    [contentID],
  );

  const close = useCallback(
    (restoreFocus = true) => {
      if (setOpen(false) && restoreFocus)
        (latest.current.options.returnFocus?.() ?? triggerRef.current ?? focus.current.before)?.focus({
          preventScroll: true,
        });
    },
    [setOpen],
  );

  const open = useCallback(
    (target: MenuFocusTarget = 'first') => {
      focus.current.target = target;
      // Already open (a submenu pointed at, then clicked): move focus in now, as no effect will run again.
      if (contentRef.current) focusMenu(contentRef.current, target);
      else setOpen(true);
    },
    [setOpen],
  );

  return {
    isOpen,
    open,
    close,
    closeAll: parent ? parent.closeAll : close,
    anchor: parent ? null : (options.anchor ?? null),
    triggerRef,
    contentRef,
    triggerID: `${id}trigger`,
    contentID,
    parent,
    openSubmenu,
    setOpenSubmenu,
    focus,
  };
}

/** The state of a submenu of `parent`: `useMenu({}, parent)`. */
export function useSubMenu(parent: MenuState): MenuState {
  return useMenu({}, parent);
}

const TYPEAHEAD_RESET_MS = 500;
/** Space kept between a menu and the viewport's edges, and between a menu and its anchor, px. */
const EDGE = 8;
const GAP = 4;

/** The items of one menu level, in order (not those of its submenus). */
export function getMenuItems(menu: HTMLElement): HTMLElement[] {
  return Array.from(menu.querySelectorAll<HTMLElement>('[role^="menuitem"]')).filter(
    (item) => item.closest('[role="menu"]') === menu,
  );
}

function focusMenu(menu: HTMLElement, target: MenuFocusTarget): void {
  const items = getMenuItems(menu);
  if (target !== 'none')
    (target === 'menu' ? menu : (items[target === 'last' ? items.length - 1 : 0] ?? menu)).focus({
      preventScroll: true,
    });
}

function isRtl(element: Element): boolean {
  return getComputedStyle(element).direction === 'rtl';
}

/** The first of two positions that fits in `[EDGE, max - EDGE]`, clamped into it. */
function fit(preferred: number, fallback: number, size: number, max: number): number {
  const fits = (at: number) => at >= EDGE && at + size <= max - EDGE;
  const at = fits(preferred) || !fits(fallback) ? preferred : fallback;
  return Math.round(Math.max(EDGE, Math.min(at, max - size - EDGE)));
}

/**
 * Places a menu in the viewport next to its anchor, in one measuring pass: below it (above when there is
 * no room), from its inline-start edge (its inline-end edge when there is no room); a submenu (`beside`)
 * next to its item towards the inline end, flipped at the viewport's edge. Right-to-left aware.
 */
export function positionMenu(menu: HTMLElement, anchor: MenuAnchor, placement: 'below' | 'beside'): void {
  const { width, height } = menu.getBoundingClientRect();
  const at = anchor instanceof Element ? anchor.getBoundingClientRect() : new DOMRect(anchor.x, anchor.y);
  const { clientWidth, clientHeight } = document.documentElement;
  const beside = placement === 'beside';
  // The menu's left edge when it lines up with the anchor's start edge, or else with its end edge.
  const edges = beside ? [at.right, at.left - width] : [at.left, at.right - width];
  if (isRtl(menu)) edges.reverse();
  menu.style.left = `${fit(edges[0] as number, edges[1] as number, width, clientWidth)}px`;
  menu.style.top = `${beside ? fit(at.top - GAP, 0, height, clientHeight) : fit(at.bottom + GAP, at.top - height - GAP, height, clientHeight)}px`;
}

/** Props for the `role="menu"` element of a level, from {@link useMenuContent}. */
export interface UseMenuContentReturn {
  ref: (element: HTMLElement | null) => void;
  id: string;
  role: 'menu';
  tabIndex: -1;
  'aria-labelledby'?: string;
  /** `manual` where the Popover API exists (the menu then opens in the top layer). */
  popover?: 'manual';
  onKeyDown: (event: KeyboardEvent<HTMLElement>) => void;
  onFocus: (event: FocusEvent<HTMLElement>) => void;
}

/**
 * Behaviour of an open menu element: shows it in the top layer (the Popover API, so no ancestor's overflow
 * or transform clips it), positions it, focuses its first item, and handles the keyboard — arrows,
 * Home/End, Enter/Space, typeahead, Escape, Tab, and the inline arrows into and out of submenus. Clicks
 * outside and focus leaving the menu close it; focus moving to another item closes an open submenu.
 */
export function useMenuContent(menu: MenuState, label?: string): UseMenuContentReturn {
  const typeahead = useRef({ text: '', at: 0 });
  const { contentRef, triggerRef, isOpen, anchor, focus, closeAll, openSubmenu, setOpenSubmenu } = menu;
  const isSub = menu.parent !== null;

  useLayoutEffect(() => {
    const element = contentRef.current;
    if (!isOpen || !element) return;
    // Chromium, Firefox and Safari 17+ have the Popover API; elsewhere the menu is position: fixed.
    if (element.showPopover && !element.matches(':popover-open')) element.showPopover();
    const active = document.activeElement as HTMLElement | null;
    if (!element.contains(active)) focus.current.before = active;
    const at = anchor ?? triggerRef.current;
    const place = () => {
      if (at && (!(at instanceof Element) || at.isConnected))
        positionMenu(element, at, isSub ? 'beside' : 'below');
    };
    place();
    focusMenu(element, focus.current.target);
    let frame = 0;
    const onMove = (event: Event) => {
      // A resize's target is the window, not a node: only a scroll inside the menu itself leaves it be.
      if (event.target instanceof Node && element.contains(event.target)) return;
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(place);
    };
    addEventListener('scroll', onMove, { capture: true, passive: true });
    addEventListener('resize', onMove, { passive: true });
    return () => {
      cancelAnimationFrame(frame);
      removeEventListener('scroll', onMove, { capture: true });
      removeEventListener('resize', onMove);
    };
  }, [isOpen, isSub, anchor, contentRef, triggerRef, focus]);

  // A pointer press or focus outside the menu (its submenus sit inside it) and its trigger closes it all.
  useEffect(() => {
    if (!isOpen || isSub) return;
    const onOutside = (event: Event) => {
      const node = event.target as Node;
      if (!contentRef.current?.contains(node) && !triggerRef.current?.contains(node)) closeAll(false);
    };
    document.addEventListener('pointerdown', onOutside, true);
    document.addEventListener('focusin', onOutside);
    return () => {
      document.removeEventListener('pointerdown', onOutside, true);
      document.removeEventListener('focusin', onOutside);
    };
  }, [isOpen, isSub, closeAll, contentRef, triggerRef]);

  /** The event's target when it belongs to this level (a submenu's events bubble through its parent). */
  const ownTarget = (event: { target: EventTarget }) => {
    const target = event.target as Element;
    return target.closest('[role="menu"]') === contentRef.current ? target : null;
  };

  const onKeyDown = (event: KeyboardEvent<HTMLElement>) => {
    const element = contentRef.current;
    if (!element || !ownTarget(event) || event.nativeEvent.isComposing) return;
    const items = getMenuItems(element);
    const count = items.length;
    const current = items.indexOf(document.activeElement as HTMLElement);
    const item = items[current];
    const { key } = event;
    const rtl = isRtl(element);
    let next: number | undefined;
    if (key.length > 1) typeahead.current.text = '';
    if (key === 'ArrowDown') next = current + 1;
    else if (key === 'ArrowUp') next = Math.max(current, 0) - 1;
    else if (key === 'Home' || key === 'PageUp') next = 0;
    else if (key === 'End' || key === 'PageDown') next = -1;
    else if (key === 'Escape') menu.close();
    else if (key === 'Tab') closeAll();
    else if (key === 'Enter' || key === ' ') item?.click();
    else if (key === (rtl ? 'ArrowLeft' : 'ArrowRight')) {
      // The inline-end arrow opens a submenu (its item's click does), and does nothing on other items.
      if (!item?.hasAttribute('aria-haspopup')) return;
      item.click();
    } else if (key === (rtl ? 'ArrowRight' : 'ArrowLeft')) {
      if (!isSub) return;
      menu.close();
    } else if (key.length === 1 && !event.ctrlKey && !event.metaKey && !event.altKey) {
      const state = typeahead.current;
      const now = Date.now();
      const char = key.toLocaleLowerCase();
      state.text = (now - state.at > TYPEAHEAD_RESET_MS ? '' : state.text) + char;
      state.at = now;
      // Repeating one letter cycles through the items that start with it; more letters refine the match.
      const repeated = [...state.text].every((letter) => letter === char);
      const needle = repeated ? char : state.text;
      for (let step = 0; step < count && next === undefined; step++) {
        const index = ((repeated ? current + 1 : Math.max(current, 0)) + step) % count;
        if (items[index]?.textContent?.trim().toLocaleLowerCase().startsWith(needle)) next = index;
      }
    } else return;
    event.preventDefault();
    event.stopPropagation();
    if (next !== undefined) items[(next + count) % count]?.focus();
  };

  return {
    ref: useCallback(
      (element: HTMLElement | null) => {
        contentRef.current = element;
      },
      [contentRef],
    ),
    id: menu.contentID,
    role: 'menu',
    tabIndex: -1,
    ...(label === undefined && triggerRef.current && { 'aria-labelledby': menu.triggerID }),
    // Where the Popover API is missing (jsdom, old browsers) a [popover] element would stay hidden.
    ...(typeof HTMLElement !== 'undefined' &&
      'showPopover' in HTMLElement.prototype && { popover: 'manual' as const }),
    onKeyDown,
    // Pointing at or arrowing to another item closes the open submenu (its own item keeps it).
    onFocus: (event) => {
      const target = ownTarget(event);
      if (target && openSubmenu && target.getAttribute('aria-controls') !== openSubmenu)
        setOpenSubmenu(() => null);
    },
  };
}
