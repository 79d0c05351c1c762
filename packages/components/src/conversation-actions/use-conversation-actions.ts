import { ConversationMarkType, type ReceiveMessageOpt } from '@tidings/core';
import { useMemo } from 'react';
import { useChatStoreApi } from '../chat-provider/index';

/** The conversation actions, by name; each reports what went wrong through `onError`. */
export type ConversationActionName =
  | 'pin'
  | 'unpin'
  | 'markRead'
  | 'markUnread'
  | 'setReceiveOpt'
  | 'star'
  | 'unstar'
  | 'hide'
  | 'addToFolder'
  | 'removeFromFolder'
  | 'createFolder'
  | 'delete'
  | 'markAllRead';

/** Called when an action fails (the store has already rolled its optimistic change back). */
export type ConversationActionErrorHandler = (error: unknown, action: ConversationActionName) => void;

/** What {@link useConversationActions} returns: fire-and-forget actions on one conversation. */
export interface UseConversationActionsReturn {
  pin: (pinned: boolean) => void;
  markRead: () => void;
  markUnread: () => void;
  setReceiveOpt: (opt: ReceiveMessageOpt) => void;
  star: (starred: boolean) => void;
  hide: () => void;
  addToFolder: (name: string) => void;
  removeFromFolder: (name: string) => void;
  /** Creates a conversation group (folder) holding this conversation. */
  createFolder: (name: string) => void;
  /** Deletes the conversation and its local messages (ask first: it cannot be undone). */
  remove: () => void;
}

const warn: ConversationActionErrorHandler = (error, action) => {
  console.warn(`Tidings: the conversation action "${action}" failed`, error);
};

/**
 * The actions a user can take on a conversation, bound to it: pin, read state, notifications, star, hide,
 * folders and delete. They call the store, which updates the UI at once and rolls back if the engine
 * refuses; a failure goes to `onError` (a console warning by default).
 *
 * @example
 * const actions = useConversationActions('c2c_bob', { onError: (error) => toast(error.message) });
 * <button onClick={() => actions.pin(true)}>Pin</button>
 */
export function useConversationActions(
  conversationID: string,
  options: { onError?: ConversationActionErrorHandler | undefined } = {},
): UseConversationActionsReturn {
  const store = useChatStoreApi();
  const onError = options.onError ?? warn;
  return useMemo(() => {
    const run = (action: ConversationActionName, call: () => Promise<unknown>) => {
      call().catch((error: unknown) => onError(error, action));
    };
    const state = () => store.getState();
    const id = conversationID;
    return {
      pin: (pinned) => run(pinned ? 'pin' : 'unpin', () => state().pinConversation(id, pinned)),
      markRead: () => run('markRead', () => state().markConversationRead(id)),
      markUnread: () =>
        run('markUnread', () => state().markConversation([id], ConversationMarkType.unread, true)),
      setReceiveOpt: (opt) => run('setReceiveOpt', () => state().setReceiveMessageOpt(id, opt)),
      star: (starred) =>
        run(starred ? 'star' : 'unstar', () =>
          state().markConversation([id], ConversationMarkType.star, starred),
        ),
      hide: () => run('hide', () => state().markConversation([id], ConversationMarkType.hide, true)),
      addToFolder: (name) => run('addToFolder', () => state().addConversationsToGroup(name, [id])),
      removeFromFolder: (name) =>
        run('removeFromFolder', () => state().deleteConversationsFromGroup(name, [id])),
      createFolder: (name) => run('createFolder', () => state().createConversationGroup(name, [id])),
      remove: () => run('delete', () => state().deleteConversation(id)),
    };
  }, [store, conversationID, onError]);
}
