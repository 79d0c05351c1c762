/**
 * Conversation list: the virtualized, keyboard-navigable grid of conversations and its rows. Main files:
 * `conversation-list.tsx`, `use-conversation-list.ts` (the hook), `conversation-list-item.tsx` and
 * `use-conversation-list-item.ts` (a row). May import `@tidings/core`, React, `@tanstack/react-virtual` and
 * sibling folders through their index.
 */
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
