import { clsx } from 'clsx';
import type { ComponentPropsWithoutRef, ReactNode } from 'react';
import { useChatContext } from '../chat-provider/chat-provider-context';
import { useInboxStrings } from '../chat-provider/use-chat-config';
import { UnreadBadge } from '../unread-badge/unread-badge';
import {
  type ConversationFilterTab,
  type UseConversationFilterTabsOptions,
  useConversationFilterTabs,
  useTotalUnread,
  useUnreadByFilter,
} from './use-conversation-filter-tabs';

function TabBadge({ tab }: { tab: ConversationFilterTab }) {
  const total = useTotalUnread();
  const filtered = useUnreadByFilter(tab.unreadFilter);
  return <UnreadBadge count={(tab.id === 'all' ? total : filtered) ?? 0} />;
}

/** Props of {@link ConversationFilterTabs}. */
export interface ConversationFilterTabsProps
  extends UseConversationFilterTabsOptions,
    Omit<ComponentPropsWithoutRef<'div'>, 'children' | 'role'> {
  /** The tab list's accessible name. @default strings.conversationFiltersLabel */
  'aria-label'?: string;
  /** Controls at the end of the bar, outside the tab list (for example a `<MarkAllReadMenu />`). */
  end?: ReactNode;
}

/**
 * Filter tabs for the conversation list: All, Direct, Groups, Starred, then one per conversation group
 * (folder), each with its live unread total (`subscribeUnreadMessageCountByFilter` under the hood). Pass
 * the chosen tab's `filter` to `<ConversationList filter>`. A WAI-ARIA tab list: ←/→ (mirrored right to
 * left) and Home/End move and select. Must be used within `<ChatProvider>`.
 *
 * DOM: `div.tidings-conversation-filter-tabs` > `div.tidings-conversation-filter-tabs-list[role="tablist"]`
 * > `button.tidings-conversation-filter-tabs-tab[role="tab"]` (> `span.tidings-conversation-filter-tabs-label`,
 * unread badge), then `div.tidings-conversation-filter-tabs-end`.
 *
 * Data attributes: `data-tab-id` on each tab (`all`, `c2c`, `group`, `starred`, `folder:<name>`).
 *
 * @example
 * const [tab, setTab] = useState<ConversationFilterTab | null>(null);
 * <ConversationFilterTabs value={tab?.id ?? 'all'} onValueChange={(_, next) => setTab(next)} end={<MarkAllReadMenu />} />
 * <ConversationList filter={tab?.filter} />
 */
export function ConversationFilterTabs({
  value,
  onValueChange,
  end,
  className,
  'aria-label': ariaLabel,
  ...rest
}: ConversationFilterTabsProps) {
  useChatContext('ConversationFilterTabs');
  const strings = useInboxStrings();
  const { tabs, tablistProps, getTabProps } = useConversationFilterTabs({ value, onValueChange });
  return (
    <div className={clsx('tidings-conversation-filter-tabs', className)} {...rest}>
      <div
        {...tablistProps}
        aria-label={ariaLabel ?? strings.conversationFiltersLabel}
        className="tidings-conversation-filter-tabs-list"
      >
        {tabs.map((tab) => (
          <button
            key={tab.id}
            type="button"
            className="tidings-conversation-filter-tabs-tab"
            {...getTabProps(tab)}
          >
            <span className="tidings-conversation-filter-tabs-label">{tab.label}</span>
            <TabBadge tab={tab} />
          </button>
        ))}
      </div>
      {end && <div className="tidings-conversation-filter-tabs-end">{end}</div>}
    </div>
  );
}
