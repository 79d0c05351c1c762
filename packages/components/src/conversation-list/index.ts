export { ConversationList, type ConversationListProps } from './conversation-list';
export {
  CONVERSATION_ROW_HEIGHT,
  ConversationListItem,
  ConversationListItemActionsButton,
  type ConversationListItemActionsButtonProps,
  ConversationListItemAvatar,
  ConversationListItemContent,
  ConversationListItemName,
  ConversationListItemPreview,
  type ConversationListItemProps,
  type ConversationListItemRenderProps,
  ConversationListItemStatus,
  ConversationListItemTime,
  type ConversationListRenderItem,
} from './conversation-list-item';
export {
  type ConversationListMenuState,
  type ConversationListRow,
  type ConversationListStatus,
  type UseConversationListOptions,
  type UseConversationListReturn,
  useConversationList,
} from './use-conversation-list';
export { type ConversationItem, describeConversation, useConversation } from './use-conversation-list-item';
