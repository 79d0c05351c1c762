// The conversation list's state hook: the store's ordered view for a filter (registered while the list
// is mounted), its loading state, and the store's sync status.
import {
  type ChatError,
  type ConversationFilter,
  ConversationOrder,
  type ConversationView,
  conversationFilterKey,
  type SyncStatus,
  selectConversationOrder,
  selectConversationView,
  selectIsSyncFailed,
  selectSyncStatus,
} from '@tidings/core';
import { useCallback, useEffect } from 'react';
import { useChatStore, useChatStoreApi } from '../chat-provider/index';
import { useChatStoreByID, useLatest } from '../internal/index';

const EMPTY_ORDER = ConversationOrder.empty();

/** Where a list stands: what its `data-state` says. */
export type ConversationListStatus = 'loading' | 'empty' | 'error' | 'ready';

/** What {@link useConversationListView} returns. */
export interface ConversationListView {
  viewKey: string;
  order: ConversationOrder;
  /** The view's loading state in the store (`undefined` until it is registered). */
  viewStatus: ConversationView['status'] | undefined;
  status: ConversationListStatus;
  isLoading: boolean;
  isFinished: boolean;
  error: ChatError | null;
  syncStatus: SyncStatus;
  isSyncFailed: boolean;
  loadMore: () => void;
  retry: () => void;
}

/** Registers the filter's view in the store and subscribes to its order and loading state. */
export function useConversationListView(filter: ConversationFilter | undefined): ConversationListView {
  const store = useChatStoreApi();
  const viewKey = filter ? conversationFilterKey(filter) : '';
  const latestFilter = useLatest(filter);

  // One ordered view per filter, ref-counted in the store.
  // biome-ignore lint/correctness/useExhaustiveDependencies: the key stands for the filter (a new object each render)
  useEffect(() => {
    const key = store.getState().registerView(latestFilter.current ?? {});
    return () => store.getState().unregisterView(key);
  }, [store, viewKey]);

  const order = useChatStoreByID(selectConversationOrder, viewKey) ?? EMPTY_ORDER;
  const view = useChatStoreByID(selectConversationView, viewKey);
  const syncStatus = useChatStore(selectSyncStatus);
  const isSyncFailed = useChatStore(selectIsSyncFailed);
  const isFinished = view?.isFinished ?? false;
  const error = view?.error ?? null;
  const isLoading = !view || view.status === 'loading' || (!isFinished && order.size === 0 && !error);
  const status: ConversationListStatus =
    order.size > 0 ? 'ready' : error ? 'error' : isFinished ? 'empty' : 'loading';

  const loadMore = useCallback(() => {
    store
      .getState()
      .loadMoreConversations(viewKey)
      .catch(() => {});
  }, [store, viewKey]);
  const retry = useCallback(() => {
    store
      .getState()
      .retry(viewKey)
      .catch(() => {});
  }, [store, viewKey]);

  return {
    viewKey,
    order,
    viewStatus: view?.status,
    status,
    isLoading,
    isFinished,
    error,
    syncStatus,
    isSyncFailed,
    loadMore,
    retry,
  };
}
