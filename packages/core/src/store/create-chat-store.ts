import { createStore } from 'zustand/vanilla';
import type { ChatEngine } from '../engine/chat-engine';
import type { AdvancedMsgListener, ConversationListener } from '../model/types';
import { createConversationsSlice } from './chat-store-conversations';
import { ChatStoreCore, type ChatStoreSlice } from './chat-store-core';
import { createInitialChatState } from './chat-store-initial';
import { createMarksSlice } from './chat-store-marks';
import { createMessagesSlice } from './chat-store-messages';
import { createSendingSlice } from './chat-store-sending';
import type { ChatActions, ChatState, ChatStore, ChatStoreOptions } from './chat-store-types';
import { createTypingTracker } from './chat-store-typing';
import { createUnreadSlice } from './chat-store-unread';
import * as check from './chat-store-validation';

/**
 * Creates the chat store for one signed-in engine: a zustand vanilla store holding the conversation list
 * (kept in order incrementally), unread totals, message windows, send progress and typing state, with
 * actions that call the engine — optimistic where a user expects it, rolled back on error.
 *
 * Nothing happens until `start()`; `<ChatProvider>` calls it on mount. One store per provider: there is
 * no singleton.
 *
 * The store is composed of slices, each concern in a `chat-store-*` file, over one small core
 * (`chat-store-core`: `update`, `optimistic`, `call` and the bookkeeping no component renders). The
 * state transitions they apply are pure functions in `model/`.
 *
 * | file | concern |
 * | --- | --- |
 * | `chat-store-core` | changing the state, calling the engine, optimistic changes and their rollback, event epochs |
 * | `chat-store-conversations` | views and their pages, sync status, conversation events, deleting a conversation |
 * | `chat-store-messages` | the active conversation, message windows and their pages, jumps, incoming and changed messages, downloads |
 * | `chat-store-sending` | sending text, faces, files and forwards, progress, resending, cancelling, typing status |
 * | `chat-store-unread` | the total unread, unread totals per filter, marking read |
 * | `chat-store-marks` | pinning, marks, receive options, drafts, conversation groups |
 * | `chat-store-bulk` | deleting messages in chunks, forwarding (used by the messages and sending slices) |
 * | `chat-store-typing` | typing indicators received and their lapse |
 * | `chat-store-media` | the message a file is sent as (image, video with its snapshot, file) |
 * | `chat-store-validation`, `chat-store-validation-send` | the actions' argument checks |
 * | `chat-store-initial`, `chat-store-types` | the state a store starts from, the public types |
 *
 * @example
 * const hub = await createLocalHub();
 * const store = createChatStore(await hub.connect('alice'));
 * await store.getState().start();
 * selectConversationIDs(store.getState()); // ['c2c_bob', 'group_team', …]
 */
export function createChatStore(engine: ChatEngine, options: ChatStoreOptions = {}): ChatStore {
  const store = createStore<ChatState>()((set, get) => {
    const core = new ChatStoreCore(engine, options, set, get);
    const unread = createUnreadSlice(core);
    const conversations = createConversationsSlice(core, { refreshTotal: unread.refreshTotal });
    const marks = createMarksSlice(core);
    const messages = createMessagesSlice(core, createTypingTracker(core));
    const sending = createSendingSlice(core);
    const slices: ChatStoreSlice<never>[] = [conversations, marks, unread, messages, sending];

    const state: ChatState = {
      ...createInitialChatState(engine.userID),
      ...lifecycle(core, slices),
      ...conversations.actions,
      ...marks.actions,
      ...unread.actions,
      ...messages.actions,
      ...sending.actions,
    };
    return guardActions(state);
  });

  return Object.assign(store, { engine });
}

/** `start` and `destroy`: the slices' listeners added and removed together, their start work run once. */
function lifecycle(
  core: ChatStoreCore,
  slices: readonly ChatStoreSlice<never>[],
): Pick<ChatActions, 'start' | 'destroy'> {
  const conversationListener: ConversationListener = Object.assign(
    {},
    ...slices.map((slice) => slice.conversationListener),
  );
  const messageListener: AdvancedMsgListener = Object.assign(
    {},
    ...slices.map((slice) => slice.messageListener),
  );
  const unsubscribers: (() => void)[] = [];
  return {
    start: () => {
      core.started ??= (async () => {
        unsubscribers.push(core.engine.addConversationListener(conversationListener));
        unsubscribers.push(core.engine.addAdvancedMsgListener(messageListener));
        await Promise.all(slices.map((slice) => slice.start?.()));
      })();
      return core.started;
    },
    destroy: () => {
      for (const unsubscribe of unsubscribers.splice(0)) unsubscribe();
      for (const slice of slices) slice.destroy?.();
      core.started = null;
    },
  };
}

/** Actions that answer synchronously (they throw rather than reject). */
const SYNC_ACTIONS = new Set<string>([
  'destroy',
  'registerView',
  'unregisterView',
  'subscribeUnread',
  'unsubscribeUnread',
  'clearHighlight',
]);

/**
 * Every action answers with a ChatError only: whatever else escapes one (reading a hostile argument the
 * checks did not reach) becomes `INVALID_PARAMETER` instead of a raw TypeError.
 */
function guardActions(state: ChatState): ChatState {
  const guarded: Record<string, unknown> = { ...state };
  for (const [name, value] of Object.entries(state)) {
    if (typeof value !== 'function') continue;
    const action = value as (...args: unknown[]) => unknown;
    guarded[name] = SYNC_ACTIONS.has(name)
      ? (...args: unknown[]) => {
          try {
            return action(...args);
          } catch (error) {
            throw check.asInvalidParameter(error, name);
          }
        }
      : async (...args: unknown[]) => {
          try {
            return await action(...args);
          } catch (error) {
            throw check.asInvalidParameter(error, name);
          }
        };
  }
  return guarded as unknown as ChatState;
}
