/**
 * Conversation filter tabs: All / Direct / Groups / Starred / folder tabs with their unread counts. Main
 * files: `conversation-filter-tabs.tsx`, `use-conversation-filter-tabs.ts`. May import `@tidings/core`,
 * React and sibling folders through their index.
 */
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
