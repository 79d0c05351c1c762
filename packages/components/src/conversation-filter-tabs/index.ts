export { ConversationFilterTabs, type ConversationFilterTabsProps } from './conversation-filter-tabs';
export {
  type ConversationFilterTab,
  getConversationFilterTabs,
  type UseConversationFilterTabsOptions,
  type UseConversationFilterTabsReturn,
  useConversationFilterTabs,
  useTotalUnread,
  useUnreadByFilter,
} from './use-conversation-filter-tabs';
