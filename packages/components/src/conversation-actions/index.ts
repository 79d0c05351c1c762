/**
 * Conversation actions: a conversation's menu (pin, mark read or unread, mute, star, hide, folders,
 * delete) and "mark all read". Main files: `conversation-actions.tsx`, `use-conversation-actions.ts`. May
 * import `@tidings/core`, React and sibling folders through their index.
 */
export {
  ConversationActionsMenu,
  type ConversationActionsMenuProps,
  MarkAllReadMenu,
  type MarkAllReadMenuProps,
} from './conversation-actions';
export {
  type ConversationActionErrorHandler,
  type ConversationActionName,
  type UseConversationActionsReturn,
  useConversationActions,
} from './use-conversation-actions';
