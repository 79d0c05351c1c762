// Paging of the message list: older (or newer) messages load as the rendered rows near the loaded edge.
import type { ChatStore } from '@tidings/core';
import { type RefObject, useCallback, useEffect } from 'react';
import { useLatest } from '../internal/index';
import type { MessageListVirtualizer } from './use-message-list-virtualizer';

/** Options of {@link useMessageListPaging}. */
export interface UseMessageListPagingOptions {
  store: ChatStore;
  conversationID: string;
  virtualizer: MessageListVirtualizer;
  positioned: RefObject<boolean>;
  isProgrammatic: RefObject<boolean>;
  hasOlder: boolean;
  hasNewer: boolean;
  windowStatus: string;
  /** How many rows there are. */
  count: number;
  loadAheadRows: number;
}

/**
 * Loads older (or newer) messages when the rendered rows come near the loaded edge, not while the list
 * scrolls by itself. Returns the check, for the scroll to call; it also runs when a page lands.
 */
export function useMessageListPaging(options: UseMessageListPagingOptions): () => void {
  const { store, conversationID, virtualizer, positioned, isProgrammatic, loadAheadRows } = options;
  const { hasOlder, hasNewer, windowStatus, count } = options;
  // What the check needs to know, as of the last render.
  const latest = useLatest({ hasOlder, hasNewer, windowStatus, count });

  const page = useCallback(() => {
    const state = latest.current;
    const range = virtualizer.range;
    if (!range || !positioned.current || isProgrammatic.current || state.windowStatus !== 'idle') return;
    const { loadOlderMessages, loadNewerMessages } = store.getState();
    if (state.hasOlder && range.startIndex <= loadAheadRows)
      loadOlderMessages(conversationID).catch(() => {});
    else if (state.hasNewer && range.endIndex >= state.count - 1 - loadAheadRows)
      loadNewerMessages(conversationID).catch(() => {});
  }, [virtualizer, positioned, isProgrammatic, store, conversationID, loadAheadRows]);

  // A page that landed (or a window that settled) may leave the rendered rows still near the edge.
  // biome-ignore lint/correctness/useExhaustiveDependencies: these changes are what should trigger a check
  useEffect(() => {
    page();
  }, [page, windowStatus, count]);

  return page;
}
