import { CloseIcon, MessageSearch, useChatStore } from '@tidings/components';
import { selectConversation } from '@tidings/core';
import { useId } from 'react';
import { useDemoStrings } from '../settings/preferences';

/** Props of {@link SearchPane}. */
export interface SearchPaneProps {
  /** Search only this conversation (from the chat header's search button); `null` searches them all. */
  conversationID: string | null;
  /** Widens the search to every conversation. */
  onClearScope(): void;
}

/**
 * Message search in the sidebar: the kit's MessageSearch (keywords, type and sender filters, results by
 * conversation). Opening a result jumps to the message in the chat; on narrow screens the chat screen
 * takes over, and Back returns to the results.
 */
export function SearchPane({ conversationID, onClearScope }: SearchPaneProps) {
  const t = useDemoStrings();
  const titleID = useId();
  const scope = useChatStore((state) =>
    conversationID ? selectConversation(state, conversationID) : undefined,
  );
  return (
    <section className="demo-search" aria-labelledby={titleID}>
      <header className="demo-pane-header">
        <h1 id={titleID} className="demo-pane-title">
          {t.searchTab}
        </h1>
      </header>
      {conversationID && (
        <p className="demo-search-scope">
          <span>{t.searchingIn(scope?.showName ?? conversationID)}</span>
          <button
            type="button"
            className="demo-icon-button"
            aria-label={t.searchEverywhere}
            onClick={onClearScope}
          >
            <CloseIcon size={16} />
          </button>
        </p>
      )}
      <MessageSearch
        key={conversationID ?? 'all'}
        className="demo-search-panel"
        autoFocus
        {...(conversationID && { conversationID })}
      />
    </section>
  );
}
