/**
 * Message list: a conversation's history, virtualized and anchored to its end, with paging, reading,
 * jumps, typing and selection. Main files: `message-list.tsx`, `use-message-list.ts` (the hook),
 * `message-list-message.tsx` (a message), `message-list-items.ts` (rows), `message-list-selection.ts`. May
 * import `@tidings/core`, React, `@tanstack/react-virtual` and sibling folders through their index.
 */
export { MessageList, type MessageListProps } from './message-list';
export {
  isSystemMessage,
  type MessageListDateItem,
  type MessageListItem,
  type MessageListMessageItem,
  type MessageListTypingItem,
  type MessageListUnreadItem,
} from './message-list-items';
export { mentionsUser } from './message-list-mention';
export {
  deliveryStateOf,
  type MessageDeliveryState,
  MessageListMessage,
  type MessageListMessageProps,
} from './message-list-message';
export {
  isSelectableMessage,
  type UseMessageListSelectionOptions,
  type UseMessageListSelectionReturn,
  useMessageListSelection,
} from './message-list-selection';
export {
  MessageListSelectionBar,
  type MessageListSelectionBarProps,
  MessageListSelectionCheck,
  type MessageListSelectionCheckProps,
} from './message-list-selection-bar';
export {
  MessageListSelectionLayer,
  type MessageListSelectionLayerProps,
  type MessageListSelectionOptions,
} from './message-list-selection-layer';
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
