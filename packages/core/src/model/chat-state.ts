/**
 * The shape of the chat state, apart from the store that holds it: selectors, formatters and other adapters
 * read this data, so it lives in the model and `store/` re-exports it with the actions.
 */
import type { ConversationView } from './conversation-view';
import type { MessageWindow } from './message-window';
import type { RecordMap } from './record-map';
import type { Conversation, ConversationGroup, Message, UserProfile } from './types';

/** Where the store stands with the server: the seeds' onSyncServerStart / Finish / Failed. */
export type SyncStatus = 'idle' | 'syncing' | 'synced' | 'failed';

/** A user who is typing in a conversation. */
export interface TypingUser {
  userID: string;
  /** When the indicator lapses unless renewed. */
  expiresAt: number;
}

/**
 * What the store holds. Read it through the `select*` selectors; change it only through the actions.
 * The `Record` fields are null-prototype records: keys such as `'__proto__'` or `'constructor'` (a peer
 * may be called that) are ordinary keys, and a key that is absent reads as `undefined`.
 */
export interface ChatStateData {
  /** The signed-in user. */
  userID: string;
  syncStatus: SyncStatus;
  /**
   * Syncing failed and has not succeeded since: set when a sync (or a retry of one) fails, kept while
   * the engine or `retry` syncs again, cleared when one finishes. Read it with `selectIsSyncFailed`.
   */
  isSyncFailed: boolean;
  /** Every conversation the store knows (pulled pages and events), by conversationID. Immutable. */
  conversations: RecordMap<Conversation>;
  /** Registered views by filter key; the whole list, key `''`, always exists. */
  views: Readonly<Record<string, ConversationView>>;
  /** From the engine: Σ unread over conversations that are not muted. */
  totalUnread: number;
  /** Totals of the subscribed unread filters, by filter key. */
  unreadByFilter: Readonly<Record<string, number>>;
  conversationGroups: readonly ConversationGroup[];
  activeConversationID: string | null;
  /** Every message the store holds, by msgID. Immutable. */
  messages: RecordMap<Message>;
  /** Message windows by conversationID. */
  windows: Readonly<Record<string, MessageWindow>>;
  /** Upload progress 0–100 of messages being sent, by msgID. */
  sendProgress: Readonly<Record<string, number>>;
  /** Who is typing, by conversationID. */
  typing: RecordMap<readonly TypingUser[]>;
  /**
   * Profiles of users the store has seen (message senders, group members), by userID. Immutable, and a
   * trie like `conversations`: a sender seen for the first time costs the same in an inbox of 100,000
   * people as in one of ten, where copying a record would cost one entry per known user.
   */
  users: RecordMap<UserProfile>;
}
