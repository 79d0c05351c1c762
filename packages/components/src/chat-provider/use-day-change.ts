import { useSyncExternalStore } from 'react';

// One timer for the whole page, however many rows and separators listen.
let day = 0;
let today = '';
let timer: ReturnType<typeof setTimeout> | undefined;
const listeners = new Set<() => void>();

function dateKey(): string {
  return new Date().toDateString();
}

function check(): void {
  const key = dateKey();
  if (key === today) return;
  today = key;
  day += 1;
  for (const listener of listeners) listener();
}

function schedule(): void {
  const now = new Date();
  const midnight = new Date(now.getFullYear(), now.getMonth(), now.getDate() + 1).getTime();
  // A second past midnight, so the date has surely turned; then again for the next day.
  timer = setTimeout(
    () => {
      check();
      schedule();
    },
    midnight - now.getTime() + 1000,
  );
}

/** A machine that slept through midnight finds out when its page is looked at again. */
function onVisibility(): void {
  if (document.visibilityState === 'visible') check();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  if (listeners.size === 1) {
    today = dateKey();
    schedule();
    document.addEventListener('visibilitychange', onVisibility);
  }
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0) {
      clearTimeout(timer);
      document.removeEventListener('visibilitychange', onVisibility);
    }
  };
}

/**
 * A number that changes when the local date does (at midnight, or when a page that slept through it is
 * shown again), so relative dates — "Yesterday", a weekday — are recomputed then. Depend on it where
 * such a date is computed; the value itself means nothing.
 *
 * @example
 * const day = useDayChange();
 * const label = useMemo(() => formatConversationTime(timestamp, now(), locale), [timestamp, now, locale, day]);
 */
export function useDayChange(): number {
  return useSyncExternalStore(
    subscribe,
    () => day,
    () => 0,
  );
}
