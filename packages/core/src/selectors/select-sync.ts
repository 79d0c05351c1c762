import type { ChatStateData, SyncStatus } from '../model/chat-state';

/** Where the store's sync with the server stands. */
export function selectSyncStatus(state: ChatStateData): SyncStatus {
  return state.syncStatus;
}

/**
 * Whether syncing with the server failed and no sync has succeeded since: true while `syncStatus` is
 * `'failed'` and through the retries after it (`'syncing'` again), false once one finishes. A list shows
 * its "couldn't sync" banner from this, so the banner does not blink away while a retry runs.
 *
 * @example
 * const isSyncFailed = useChatStore(selectIsSyncFailed);
 */
export function selectIsSyncFailed(state: ChatStateData): boolean {
  return state.isSyncFailed || state.syncStatus === 'failed';
}
