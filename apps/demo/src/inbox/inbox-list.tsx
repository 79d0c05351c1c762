import {
  type ConversationFilterTab,
  ConversationFilterTabs,
  ConversationList,
  MarkAllReadMenu,
  useChatStrings,
} from '@tidings/components';
import { useState } from 'react';
import { useDemoStrings } from '../settings/preferences';

/**
 * The kit's filter tabs (All, Direct, Groups, Starred and each folder, with live unread totals, and
 * "mark all as read" at their end) over its virtualized conversation list, which fills the sidebar.
 */
export function InboxList({ label, onNewChat }: { label: string; onNewChat?: () => void }) {
  const [tab, setTab] = useState<ConversationFilterTab | null>(null);
  const t = useDemoStrings();
  const kit = useChatStrings();
  // An empty inbox (or tab) says so, and offers the next step: starting a chat.
  const emptyState = (
    <>
      <span className="tidings-conversation-list-empty-art" aria-hidden="true" />
      <p className="tidings-conversation-list-message">
        <strong className="tidings-conversation-list-empty-title">{kit.conversationListEmpty}</strong>
        <span className="tidings-conversation-list-empty-hint">{kit.conversationListEmptyHint}</span>
      </p>
      {onNewChat && (
        <button type="button" className="demo-button" data-variant="primary" onClick={onNewChat}>
          {t.newChat}
        </button>
      )}
    </>
  );
  return (
    <>
      <ConversationFilterTabs
        className="demo-inbox-tabs"
        value={tab?.id ?? 'all'}
        onValueChange={(_, next) => setTab(next)}
        end={<MarkAllReadMenu />}
      />
      <ConversationList
        className="demo-inbox-list"
        aria-label={label}
        emptyState={emptyState}
        {...(tab && { filter: tab.filter })}
      />
    </>
  );
}
