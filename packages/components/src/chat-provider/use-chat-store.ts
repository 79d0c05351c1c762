import type { ChatEngine, ChatState, ChatStore } from '@tidings/core';
import { useEffect, useMemo, useRef, useSyncExternalStore } from 'react';
import { useChatContext } from './chat-provider-context';

/**
 * Reads from the chat store of the nearest `<ChatProvider>` and re-renders only when the selected value
 * changes (by `equalityFn`). Pass a narrow selector: a row selects its own conversation, not the list.
 * Safe for server rendering: the server snapshot is the store's current state, so a store loaded before
 * `renderToString` (and the same data on the client, for hydration) renders its conversations.
 *
 * @param selector Picks what the component needs, e.g. `(state) => selectConversation(state, id)`.
 * @param equalityFn Tells whether two selections are the same, for selectors that build new objects;
 *   `Object.is` when left out.
 * @example
 * const total = useChatStore(selectTotalUnread);
 * const pin = useChatStore((state) => state.pinConversation);
 */
export function useChatStore<T>(
  selector: (state: ChatState) => T,
  equalityFn: (a: T, b: T) => boolean = Object.is,
): T {
  const { store } = useChatContext('useChatStore');
  // The selection last rendered, so a selector that builds a new but equal value keeps the old one.
  const rendered = useRef<{ value: T } | null>(null);

  const getSelection = useMemo(() => {
    let memoState: ChatState | undefined;
    let memoSelection: T;
    return (state: ChatState): T => {
      if (state === memoState) return memoSelection;
      const next = selector(state);
      memoState = state;
      memoSelection =
        rendered.current && equalityFn(rendered.current.value, next) ? rendered.current.value : next;
      return memoSelection;
    };
  }, [selector, equalityFn]);

  const value = useSyncExternalStore(
    store.subscribe,
    () => getSelection(store.getState()),
    () => getSelection(store.getState()),
  );
  useEffect(() => {
    rendered.current = { value };
  }, [value]);
  return value;
}

/**
 * The chat store itself, for calling actions from event handlers without subscribing to anything:
 * `useChatStoreApi().getState().pinConversation(id, true)`.
 */
export function useChatStoreApi(): ChatStore {
  return useChatContext('useChatStoreApi').store;
}

/**
 * The engine behind the store (the signed-in user's session). Not exported from the package, and no
 * component calls it: components go through the store's actions. An app that needs a call the store does
 * not wrap reaches the engine through `useChatStoreApi().engine`.
 */
export function useChatEngine(): ChatEngine {
  return useChatContext('useChatEngine').store.engine;
}
