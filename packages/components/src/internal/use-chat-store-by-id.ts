// useChatStore with a module-level selector of one record by its key: the per-ID subscription, written once.
import type { ChatState } from '@tidings/core';
import { useCallback } from 'react';
import { useChatStore } from '../chat-provider/index';

/**
 * `useChatStore` with a selector of one record, by its key: `selector(state, id)`. The selector is a
 * module-level function (one of core's `select*`, or the component's own), so the subscription changes only
 * when `id` does — the `useChatStore(useCallback((state) => select(state, id), [id]))` pattern, once.
 *
 * @param selector Picks the record, e.g. `selectConversation`; keep its identity stable.
 * @param id The record's key (a conversationID, a msgID, a view key…).
 * @param equalityFn As in `useChatStore`.
 * @example
 * const conversation = useChatStoreByID(selectConversation, conversationID);
 */
export function useChatStoreByID<K, T>(
  selector: (state: ChatState, id: K) => T,
  id: K,
  equalityFn?: (a: T, b: T) => boolean,
): T {
  return useChatStore(
    useCallback((state: ChatState) => selector(state, id), [selector, id]),
    equalityFn,
  );
}
