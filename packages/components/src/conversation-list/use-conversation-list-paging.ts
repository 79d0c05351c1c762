// Paging of the conversation list: the next page is pulled as the mounted rows near the end of what is loaded.
import type { ChatStore } from '@tidings/core';
import { useEffect } from 'react';
import type { ConversationListView } from './use-conversation-list-view';

/** Pull the next page when the last mounted row is this close to the end of what is loaded. */
const PAGE_AHEAD = 15;

/** Pulls the next page of the view once the last mounted row (`lastIndex`) comes near its end. */
export function useConversationListPaging(
  store: ChatStore,
  view: Pick<ConversationListView, 'viewKey' | 'viewStatus' | 'isFinished' | 'order'>,
  lastIndex: number,
): void {
  const { viewKey, viewStatus, isFinished } = view;
  const size = view.order.size;
  useEffect(() => {
    if (!viewStatus || viewStatus !== 'idle' || isFinished) return;
    if (lastIndex >= size - PAGE_AHEAD) {
      store
        .getState()
        .loadMoreConversations(viewKey)
        .catch(() => {});
    }
  }, [store, viewKey, viewStatus, isFinished, lastIndex, size]);
}
