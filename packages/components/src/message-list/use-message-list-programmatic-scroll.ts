// The scrolls the message list makes by itself, told apart from the reader's until the position rests.
import { type RefObject, useCallback, useEffect, useRef } from 'react';

/** What {@link useProgrammaticScroll} returns. */
export interface ProgrammaticScroll {
  /** A programmatic scroll is under way: the position has not rested since. */
  isProgrammatic: RefObject<boolean>;
  /**
   * Runs `scroll`, then counts the position as the list's own until it has rested for a few frames;
   * `correct` runs on each of those frames (to put a row back as the rows around it are measured).
   */
  command: (scroll: () => void, correct?: () => void) => void;
  /** The reader took over (wheel, touch, pointer): the scroll under way is theirs from now. */
  stopSettling: () => void;
}

/**
 * Every scroll the list makes by itself runs through `command`; until the position has rested for a few
 * frames it does not count as the reader's (no reading, no paging). `onSettled` runs when it has.
 */
export function useProgrammaticScroll(
  viewportRef: RefObject<HTMLElement | null>,
  onSettled: () => void,
): ProgrammaticScroll {
  const isProgrammatic = useRef(false);
  const settleFrame = useRef(0);
  const settled = useCallback(() => {
    isProgrammatic.current = false;
    onSettled();
  }, [onSettled]);
  const stopSettling = useCallback(() => {
    if (!isProgrammatic.current) return;
    cancelAnimationFrame(settleFrame.current);
    settled();
  }, [settled]);
  const command = useCallback(
    (scroll: () => void, correct?: () => void) => {
      scroll();
      isProgrammatic.current = true;
      cancelAnimationFrame(settleFrame.current);
      let last = Number.NaN;
      let still = 0;
      const tick = () => {
        correct?.();
        const top = viewportRef.current?.scrollTop ?? 0;
        still = Math.abs(top - last) < 0.5 ? still + 1 : 0;
        last = top;
        if (still >= 3) settled();
        else settleFrame.current = requestAnimationFrame(tick);
      };
      settleFrame.current = requestAnimationFrame(tick);
    },
    [viewportRef, settled],
  );
  useEffect(() => () => cancelAnimationFrame(settleFrame.current), []);
  return { isProgrammatic, command, stopSettling };
}
