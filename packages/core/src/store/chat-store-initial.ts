import { createView } from '../model/conversation-view';
import { ownRecord, withEntry } from '../model/own-record';
import { RecordMap } from '../model/record-map';
import type { ChatStateData } from './chat-store-types';

/** The key of the whole-list view, the one every store has from the start. */
export const ALL_VIEW = '';

/**
 * The state a chat store starts from for a signed-in user: nothing loaded, sync `'idle'`, the whole-list
 * view registered and empty. `createChatStore` starts from it, so a hand-made test store built on it has
 * exactly the shape (null-prototype records included) the real store has.
 *
 * It is exported from `@tidings/core/testing`, not the root: an app gets this state from
 * `createChatStore`, and only tests and stories that fake a store need to build it themselves.
 *
 * @example
 * const data = { ...createInitialChatState('alice'), syncStatus: 'synced', totalUnread: 7 };
 */
export function createInitialChatState(userID: string): ChatStateData {
  return {
    userID,
    syncStatus: 'idle',
    isSyncFailed: false,
    conversations: RecordMap.empty(),
    // Null-prototype records: their keys come from callers and peers, and '__proto__' is a valid user ID.
    views: withEntry(ownRecord(), ALL_VIEW, createView({}, RecordMap.empty())),
    totalUnread: 0,
    unreadByFilter: ownRecord(),
    conversationGroups: [],
    activeConversationID: null,
    messages: RecordMap.empty(),
    windows: ownRecord(),
    sendProgress: ownRecord(),
    typing: RecordMap.empty(),
    users: RecordMap.empty(),
  };
}
