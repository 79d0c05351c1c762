import { clsx } from 'clsx';
import { type ComponentPropsWithoutRef, type ReactNode, useEffect, useRef } from 'react';
import { useChatContext } from '../chat-provider/chat-provider-context';
import { useInboxStrings } from '../chat-provider/index';
import { UnreadBadge } from '../unread-badge/index';
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

/**
 * Tabs wider than the bar (badges, long folder names, Chinese or German labels) scroll: the keyboard moves
 * focus (which scrolls), a vertical mouse wheel scrolls sideways, and `data-overflow-start` /
 * `data-overflow-end` on the tab list say on which side more tabs wait, for the fades.
 */
function useTabsOverflow(listRef: { current: HTMLElement | null }, tabs: readonly unknown[]): void {
  // biome-ignore lint/correctness/useExhaustiveDependencies: new tabs (folders) are new elements to observe
  useEffect(() => {
    const list = listRef.current;
    if (!list) return;
    const update = () => {
      // scrollLeft runs from 0 towards negative values in right-to-left layouts.
      const scrolled = Math.abs(list.scrollLeft);
      const hidden = list.scrollWidth - list.clientWidth;
      list.toggleAttribute('data-overflow-start', scrolled > 1);
      list.toggleAttribute('data-overflow-end', hidden - scrolled > 1);
    };
    const onWheel = (event: WheelEvent) => {
      if (event.deltaX !== 0 || event.deltaY === 0 || list.scrollWidth <= list.clientWidth) return;
      event.preventDefault();
      const rtl = getComputedStyle(list).direction === 'rtl';
      list.scrollLeft += rtl ? -event.deltaY : event.deltaY;
    };
    update();
    list.addEventListener('scroll', update, { passive: true });
    list.addEventListener('wheel', onWheel, { passive: false });
    const observer = typeof ResizeObserver === 'undefined' ? null : new ResizeObserver(update);
    observer?.observe(list);
    for (const tab of list.children) observer?.observe(tab);
    return () => {
      list.removeEventListener('scroll', update);
      list.removeEventListener('wheel', onWheel);
      observer?.disconnect();
    };
  }, [listRef, tabs]);
}

/** Props of {@link ConversationFilterTabs}. */
export interface ConversationFilterTabsProps
  extends UseConversationFilterTabsOptions,
    Omit<ComponentPropsWithoutRef<'div'>, 'children' | 'role'> {
  /** The tab list's accessible name. @default strings.conversationFiltersLabel */
  'aria-label'?: string | undefined;
  /** Controls at the end of the bar, outside the tab list (for example a `<MarkAllReadMenu />`). */
  end?: ReactNode | undefined;
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
 * Data attributes: `data-tab-id` on each tab (`all`, `c2c`, `group`, `starred`, `folder:<name>`);
 * `data-overflow-start` / `data-overflow-end` on the tab list while tabs are hidden on that side.
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
  const listRef = useRef<HTMLDivElement>(null);
  useTabsOverflow(listRef, tabs);
  return (
    <div className={clsx('tidings-conversation-filter-tabs', className)} {...rest}>
      <div
        {...tablistProps}
        ref={listRef}
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
