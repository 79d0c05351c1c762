// Hooks that hand event handlers and effects the values of the latest render without re-subscribing.
import { type RefObject, useCallback, useInsertionEffect, useRef } from 'react';

/**
 * A ref that holds `value` as of the last committed render, for handlers and effects that must not
 * re-run (or re-subscribe) when it changes. It is written in an insertion effect rather than during
 * render, so a render React throws away never leaks into it; every layout effect, effect and event
 * handler of the commit already sees the new value. Do not read it during render.
 *
 * @example
 * const latest = useLatest({ onOpenChange });
 * useEffect(() => listen(() => latest.current.onOpenChange?.(false)), [latest]);
 */
export function useLatest<T>(value: T): RefObject<T> {
  const ref = useRef(value);
  useInsertionEffect(() => {
    ref.current = value;
  });
  return ref;
}

/**
 * A function of stable identity that calls the latest render's `callback`: for handlers passed to
 * effects, subscriptions or memoised values that should not change whenever the callback does. Like
 * {@link useLatest}, it is meant to be called from handlers and effects, not during render.
 *
 * @example
 * const onChange = useEventCallback(() => read());
 * useEffect(() => subscribe(onChange), [onChange]);
 */
export function useEventCallback<A extends unknown[], R>(callback: (...args: A) => R): (...args: A) => R {
  const latest = useLatest(callback);
  return useCallback((...args: A) => latest.current(...args), []);
}
