export { MessageList, type MessageListProps } from './message-list';
export {
  type BuildMessageListItemsOptions,
  buildMessageListItems,
  estimateItemSize,
  isSystemMessage,
  type MessageListDateItem,
  type MessageListItem,
  type MessageListMessageItem,
  type MessageListTypingItem,
  type MessageListUnreadItem,
} from './message-list-items';
export {
  deliveryStateOf,
  type MessageDeliveryState,
  MessageListMessage,
  type MessageListMessageProps,
} from './message-list-message';
export {
  MessageListDateSeparator,
  type MessageListDateSeparatorProps,
  MessageListTyping,
  type MessageListTypingProps,
  MessageListUnreadSeparator,
} from './message-list-separator';
export {
  type MessageListStatus,
  type UseMessageListOptions,
  type UseMessageListReturn,
  useMessageList,
} from './use-message-list';
