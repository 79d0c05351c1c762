import { useSyncExternalStore } from 'react';

/** A small settings record kept in Web Storage, shared live between the tabs that read it. */
export interface SettingsStore<T extends object> {
  get(): T;
  /** Merges a change, saves it, and tells this tab's and other tabs' subscribers. */
  set(patch: Partial<T>): void;
  subscribe(listener: () => void): () => void;
}

/**
 * Creates a settings store under `key` in `localStorage` (shared by the site's tabs, with `storage`
 * events carrying changes to the others) or `sessionStorage` (this tab only, surviving its reloads).
 * Stored values are read through `parse`, so a stale or hand-edited entry falls back to the defaults.
 */
export function createSettingsStore<T extends object>(
  key: string,
  defaults: T,
  parse: (stored: Partial<Record<keyof T, unknown>>) => Partial<T>,
  area: 'local' | 'session' = 'local',
): SettingsStore<T> {
  const listeners = new Set<() => void>();
  let current: T | null = null;

  const storage = (): Storage | null => {
    try {
      return area === 'local' ? globalThis.localStorage : globalThis.sessionStorage;
    } catch {
      // Storage can be blocked (privacy settings); the demo then keeps settings in memory.
      return null;
    }
  };

  const read = (): T => {
    try {
      const raw = storage()?.getItem(key);
      const stored = raw ? (JSON.parse(raw) as Partial<Record<keyof T, unknown>>) : {};
      const parsed = Object.entries(parse(stored)).filter(([, value]) => value !== undefined);
      return { ...defaults, ...Object.fromEntries(parsed) };
    } catch {
      return { ...defaults };
    }
  };

  const notify = () => {
    for (const listener of [...listeners]) listener();
  };

  const onStorage = (event: StorageEvent) => {
    if (event.key !== key && event.key !== null) return;
    current = read();
    notify();
  };

  const get = (): T => {
    current ??= read();
    return current;
  };

  return {
    get,
    set(patch) {
      const next = { ...get(), ...patch };
      current = next;
      try {
        storage()?.setItem(key, JSON.stringify(next));
      } catch {
        // Quota or privacy errors leave the change in memory for this tab.
      }
      notify();
    },
    subscribe(listener) {
      if (listeners.size === 0 && area === 'local') globalThis.addEventListener?.('storage', onStorage);
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
        if (listeners.size === 0 && area === 'local') globalThis.removeEventListener?.('storage', onStorage);
      };
    },
  };
}

/** Reads a settings store in React, re-rendering on every change (this tab's or another's). */
export function useSettings<T extends object>(store: SettingsStore<T>): T {
  return useSyncExternalStore(store.subscribe, store.get, store.get);
}

/** `value` when it is one of `options`, else undefined (for `parse`). */
export function oneOf<const O extends readonly unknown[]>(value: unknown, options: O): O[number] | undefined {
  return options.includes(value) ? (value as O[number]) : undefined;
}
