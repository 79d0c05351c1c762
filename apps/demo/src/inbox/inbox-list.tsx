import {
  type ConversationFilterTab,
  ConversationFilterTabs,
  ConversationList,
  MarkAllReadMenu,
} from '@tidings/components';
import { useState } from 'react';

/**
 * The kit's filter tabs (All, Direct, Groups, Starred and each folder, with live unread totals, and
 * "mark all as read" at their end) over its virtualized conversation list, which fills the sidebar.
 */
export function InboxList({ label }: { label: string }) {
  const [tab, setTab] = useState<ConversationFilterTab | null>(null);
  return (
    <>
      <ConversationFilterTabs
        className="demo-inbox-tabs"
        value={tab?.id ?? 'all'}
        onValueChange={(_, next) => setTab(next)}
        end={<MarkAllReadMenu />}
      />
      <ConversationList className="demo-inbox-list" aria-label={label} {...(tab && { filter: tab.filter })} />
    </>
  );
}
