/**
 * An inert chat store for component tests and stories that need state but no engine (server rendering,
 * presentational parts): a zustand vanilla store holding `ChatStateData`-shaped data (a `RecordMap` of
 * conversations and the whole-list view with its `ConversationOrder`), with actions that do nothing and
 * an engine that rejects every call. Behaviour tests use `createChatStore` over a seeded local hub; test
 * conversations and messages come from `@tidings/core/testing`.
 */
import {
  type ChatActions,
  type ChatEngine,
  type ChatState,
  type ChatStateData,
  type ChatStore,
  type Conversation,
  createView,
  type Message,
  RecordMap,
} from '@tidings/core';
import { createInitialChatState } from '@tidings/core/testing';
import { createStore } from 'zustand/vanilla';

/** What {@link createTestChatStore} starts from. */
export interface TestChatStoreOptions {
  /** The signed-in user. @default 'alice' */
  userID?: string;
  /** Conversations the store knows; the whole-list view orders them. */
  conversations?: readonly Conversation[];
  /** Any other state, e.g. `{ totalUnread: 7 }`. */
  state?: Partial<ChatStateData>;
}

const noop = async (): Promise<void> => {};

/** Actions that resolve and change nothing; tests spy on the ones they care about. */
function inertActions(): ChatActions {
  const rejectMessage = async (): Promise<Message> => {
    throw new Error('The test chat store does not send messages.');
  };
  return {
    start: noop,
    destroy: () => {},
    registerView: () => '',
    unregisterView: () => {},
    loadMoreConversations: noop,
    retry: noop,
    pinConversation: noop,
    markConversation: noop,
    setReceiveMessageOpt: noop,
    markConversationRead: noop,
    markAllRead: noop,
    deleteConversation: noop,
    saveDraft: noop,
    createConversationGroup: noop,
    renameConversationGroup: noop,
    deleteConversationGroup: noop,
    addConversationsToGroup: noop,
    deleteConversationsFromGroup: noop,
    subscribeUnread: () => '',
    unsubscribeUnread: () => {},
    openConversation: noop,
    loadOlderMessages: noop,
    loadNewerMessages: noop,
    jumpToMessage: noop,
    jumpToLatest: noop,
    clearHighlight: () => {},
    sendMessage: rejectMessage,
    sendText: rejectMessage,
    sendFace: rejectMessage,
    sendFiles: async () => [],
    downloadElem: async () => {
      throw new Error('The test chat store has no media.');
    },
    resendMessage: rejectMessage,
    cancelSendingMessage: noop,
    revokeMessage: noop,
    deleteMessages: noop,
    forwardMessages: async () => [],
    getGroupMembers: async () => [],
    clearHistory: noop,
    sendTyping: noop,
    searchMessages: async () => ({ totalCount: 0, items: [] }),
  };
}

/** An engine whose every method rejects: the components must reach it only through the store. */
function unreachableEngine(userID: string): ChatEngine {
  return new Proxy({ userID } as ChatEngine, {
    get(target, property) {
      if (property in target) return target[property as keyof ChatEngine];
      return () => Promise.reject(new Error(`The test chat store has no engine (${String(property)}).`));
    },
  });
}

/**
 * A chat store filled with data, for tests and stories.
 *
 * @example
 * const store = createTestChatStore({ conversations: [createTestConversation({ unreadCount: 3 })] });
 * store.setState({ totalUnread: 5 });
 */
export function createTestChatStore(options: TestChatStoreOptions = {}): ChatStore {
  const userID = options.userID ?? 'alice';
  const conversations = RecordMap.from(
    (options.conversations ?? []).map((conversation) => [conversation.conversationID, conversation] as const),
  );
  // A store that has synced the given conversations: the real store's initial state, with the whole list loaded.
  const data: ChatStateData = {
    ...createInitialChatState(userID),
    syncStatus: 'synced',
    conversations,
    views: { '': { ...createView({}, conversations), isFinished: true } },
    ...options.state,
  };
  const store = createStore<ChatState>()(() => ({ ...data, ...inertActions() }));
  return Object.assign(store, { engine: unreachableEngine(userID) });
}

/** The fixed "now" of stories: Thursday, March 14, 2024, 15:30 local time. */
export const STORY_NOW = new Date(2024, 2, 14, 15, 30).getTime();
