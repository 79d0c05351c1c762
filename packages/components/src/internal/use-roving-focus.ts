// Roving focus shared by the message list and the conversation list: the item in the tab order, DOM focus
// that follows it once its (virtualized) element is mounted, and the navigation keys of a list or grid.
import { type Dispatch, type SetStateAction, useCallback, useMemo, useRef, useState } from 'react';

/** Stands for "whichever item is the tab stop after the next render" in {@link RovingFocus.focusWhenMounted}. */
export const TAB_STOP: unique symbol = Symbol('tab stop');

/** What {@link useRovingFocus} returns. */
export interface RovingFocus<K> {
  /** The item the user last focused or moved to, `null` before any (the list picks the tab stop then). */
  focusedKey: K | null;
  setFocusedKey: Dispatch<SetStateAction<K | null>>;
  /**
   * Asks for DOM focus on `key` (or on the tab stop of the next render, with {@link TAB_STOP}) as soon as
   * its element is mounted; `null` withdraws the request. A virtualized item may mount a render later.
   */
  focusWhenMounted: (key: K | typeof TAB_STOP | null) => void;
  /**
   * Grants the pending request if its element is mounted now: call it from a layout effect (and after
   * moving focus to an item that may already be mounted).
   */
  applyPendingFocus: (tabStop: K | null, elementOf: (key: K) => HTMLElement | null | undefined) => void;
}

/**
 * Roving focus over a virtualized list: one item in the tab order, moved by the keyboard, and DOM focus
 * that waits for the item's element to mount (it may be far from the rendered rows when asked). Each list
 * decides which item is the tab stop; this keeps the request and grants it.
 *
 * @example
 * const roving = useRovingFocus<string>();
 * useLayoutEffect(() => roving.applyPendingFocus(tabStop, (key) => rows.get(key)));
 */
export function useRovingFocus<K>(): RovingFocus<K> {
  const [focusedKey, setFocusedKey] = useState<K | null>(null);
  const pending = useRef<K | typeof TAB_STOP | null>(null);
  const focusWhenMounted = useCallback((key: K | typeof TAB_STOP | null) => {
    pending.current = key;
  }, []);
  const applyPendingFocus = useCallback(
    (tabStop: K | null, elementOf: (key: K) => HTMLElement | null | undefined) => {
      const key = pending.current === TAB_STOP ? tabStop : pending.current;
      if (key === null) return;
      const element = elementOf(key);
      if (element) {
        pending.current = null;
        element.focus({ preventScroll: true });
      }
    },
    [],
  );
  return useMemo(
    () => ({ focusedKey, setFocusedKey, focusWhenMounted, applyPendingFocus }),
    [focusedKey, focusWhenMounted, applyPendingFocus],
  );
}

/** How {@link rovingTarget} moves. */
export interface RovingTargetOptions {
  /** How many focusable items PageUp and PageDown move by. */
  page: number;
  /** Items that take no focus (separators) are skipped; every item takes focus when left out. */
  isFocusable?: ((index: number) => boolean) | undefined;
}

/**
 * The item a navigation key moves focus to, the way ARIA's list and grid patterns move it: Up/Down one
 * focusable item, PageUp/PageDown a page of them (stopping at the last one), Home/End the first and last.
 * `undefined` for a key that does not navigate; `-1` when no focusable item lies that way.
 */
export function rovingTarget(
  key: string,
  from: number,
  count: number,
  { page, isFocusable }: RovingTargetOptions,
): number | undefined {
  const find = (start: number, step: 1 | -1, skip = 1) => {
    let found = -1;
    let seen = 0;
    for (let i = start + step; i >= 0 && i < count; i += step) {
      if (isFocusable && !isFocusable(i)) continue;
      found = i;
      if (++seen >= skip) break;
    }
    return found;
  };
  switch (key) {
    case 'ArrowUp':
      return find(from, -1);
    case 'ArrowDown':
      return find(from, 1);
    case 'PageUp':
      return find(from, -1, page);
    case 'PageDown':
      return find(from, 1, page);
    case 'Home':
      return find(-1, 1);
    case 'End':
      return find(count, -1);
    default:
      return undefined;
  }
}
