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
