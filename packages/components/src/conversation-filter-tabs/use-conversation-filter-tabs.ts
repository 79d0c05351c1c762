import {
  type ConversationFilter,
  type ConversationGroup,
  ConversationMarkType,
  selectConversationGroups,
  selectTotalUnread,
  selectUnreadByFilter,
  type TidingsInboxStrings,
  type UnreadFilter,
  unreadFilterKey,
} from '@tidings/core';
import { type KeyboardEvent, useCallback, useEffect, useId, useMemo } from 'react';
import { useChatStore, useChatStoreApi, useInboxStrings } from '../chat-provider/index';
import { useChatStoreByID, useLatest } from '../internal/index';

/**
 * The signed-in user's total unread count (muted conversations left out), live. Must be used within
 * `<ChatProvider>`.
 *
 * @example
 * const total = useTotalUnread();
 * useEffect(() => { document.title = total ? `(${total}) Chat` : 'Chat'; }, [total]);
 */
export function useTotalUnread(): number {
  return useChatStore(selectTotalUnread);
}

/**
 * The live unread total of a filter (type, mark, conversation group), subscribed for as long as the
 * component is mounted (`subscribeUnreadMessageCountByFilter` under the hood; subscriptions are shared and
 * ref-counted). `undefined` until the first answer.
 *
 * @example
 * const groupsUnread = useUnreadByFilter({ type: 'group' });
 */
export function useUnreadByFilter(filter: UnreadFilter): number | undefined {
  const store = useChatStoreApi();
  const key = unreadFilterKey(filter);
  const latestFilter = useLatest(filter);
  // biome-ignore lint/correctness/useExhaustiveDependencies: the key stands for the filter (a new object each render)
  useEffect(() => {
    const subscription = store.getState().subscribeUnread(latestFilter.current);
    return () => store.getState().unsubscribeUnread(subscription);
  }, [store, key]);
  return useChatStoreByID(selectUnreadByFilter, key);
}

/** One filter tab. */
export interface ConversationFilterTab {
  /** `all`, `c2c`, `group`, `starred`, or `folder:<name>` for a conversation group. */
  id: string;
  /** What the tab says. */
  label: string;
  /** The list filter it selects (pass it to `<ConversationList filter>`). */
  filter: ConversationFilter;
  /** The unread total it shows. */
  unreadFilter: UnreadFilter;
}

/** The built-in tabs, then one per conversation group (folder). */
export function getConversationFilterTabs(
  strings: TidingsInboxStrings,
  groups: readonly ConversationGroup[],
): ConversationFilterTab[] {
  return [
    { id: 'all', label: strings.filterAll, filter: {}, unreadFilter: {} },
    { id: 'c2c', label: strings.filterDirect, filter: { type: 'c2c' }, unreadFilter: { type: 'c2c' } },
    { id: 'group', label: strings.filterGroups, filter: { type: 'group' }, unreadFilter: { type: 'group' } },
    {
      id: 'starred',
      label: strings.filterStarred,
      filter: { markType: ConversationMarkType.star },
      unreadFilter: { markType: ConversationMarkType.star },
    },
    ...groups.map((group) => ({
      id: `folder:${group.name}`,
      label: group.name,
      filter: { conversationGroup: group.name },
      unreadFilter: { conversationGroup: group.name },
    })),
  ];
}

/** Options of {@link useConversationFilterTabs}. */
export interface UseConversationFilterTabsOptions {
  /** The selected tab's id. */
  value: string;
  /** Called with the tab the user picks (click, or arrow keys: tabs activate as focus moves). */
  onValueChange: (id: string, tab: ConversationFilterTab) => void;
}

/** What {@link useConversationFilterTabs} returns. */
export interface UseConversationFilterTabsReturn {
  /** The tabs: all, direct, groups, starred, then the folders. */
  tabs: ConversationFilterTab[];
  /** Props for the `role="tablist"` element (keyboard: ←/→, Home/End, mirrored right to left). */
  tablistProps: { role: 'tablist'; onKeyDown: (event: KeyboardEvent<HTMLElement>) => void };
  /** Props for each tab's button. */
  getTabProps: (tab: ConversationFilterTab) => {
    role: 'tab';
    id: string;
    'aria-selected': boolean;
    tabIndex: 0 | -1;
    'data-tab-id': string;
    onClick: () => void;
  };
}

/**
 * The behaviour of the filter tabs, without markup: the tab list (folders included, live), selection,
 * and the WAI-ARIA tabs keyboard model with roving focus.
 *
 * @example
 * const { tabs, tablistProps, getTabProps } = useConversationFilterTabs({ value, onValueChange });
 */
export function useConversationFilterTabs({
  value,
  onValueChange,
}: UseConversationFilterTabsOptions): UseConversationFilterTabsReturn {
  const strings = useInboxStrings();
  const groups = useChatStore(selectConversationGroups);
  const tabs = useMemo(() => getConversationFilterTabs(strings, groups), [strings, groups]);
  const selected = tabs.some((tab) => tab.id === value) ? value : 'all';
  const latest = useLatest({ tabs, onValueChange });
  const baseID = useId();

  const onKeyDown = useCallback((event: KeyboardEvent<HTMLElement>) => {
    const current =
      event.target instanceof Element ? event.target.closest<HTMLElement>('[role="tab"]') : null;
    if (!current) return;
    const list = Array.from(event.currentTarget.querySelectorAll<HTMLElement>('[role="tab"]'));
    const index = list.indexOf(current);
    const rtl = getComputedStyle(event.currentTarget).direction === 'rtl';
    const next = { ArrowRight: rtl ? -1 : 1, ArrowLeft: rtl ? 1 : -1 }[event.key];
    let target: number | null = null;
    if (next !== undefined) target = (index + next + list.length) % list.length;
    else if (event.key === 'Home') target = 0;
    else if (event.key === 'End') target = list.length - 1;
    if (target === null) return;
    event.preventDefault();
    const element = list[target] as HTMLElement;
    element.focus();
    const tab = latest.current.tabs.find((candidate) => candidate.id === element.dataset.tabId);
    if (tab) latest.current.onValueChange(tab.id, tab);
  }, []);

  const getTabProps = useCallback(
    (tab: ConversationFilterTab) => ({
      role: 'tab' as const,
      id: `${baseID}-${encodeURIComponent(tab.id)}`,
      'aria-selected': tab.id === selected,
      tabIndex: tab.id === selected ? (0 as const) : (-1 as const),
      'data-tab-id': tab.id,
      onClick: () => latest.current.onValueChange(tab.id, tab),
    }),
    [selected, baseID],
  );

  return { tabs, tablistProps: { role: 'tablist', onKeyDown }, getTabProps };
}
