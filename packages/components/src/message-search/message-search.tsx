import { type MessageElemType, selectSelfUserID, selectUsers } from '@tidings/core';
import { clsx } from 'clsx';
import {
  type ComponentPropsWithoutRef,
  forwardRef,
  useCallback,
  useEffect,
  useId,
  useMemo,
  useRef,
} from 'react';
import { useChatConfig, useChatStore, useChatStoreApi } from '../chat-provider/index';
import { CloseIcon, SearchIcon } from '../icons/index';
import { MessageSearchGroup, MessageSearchResult } from './message-search-result';
import {
  DEFAULT_SEARCH_TYPES,
  type MessageSearchHit,
  type UseMessageSearchOptions,
  useMessageSearch,
} from './use-message-search';

/** How many one-to-one peers the sender filter offers besides the senders it has seen. */
const MAX_PEER_SENDERS = 500;

/** Props of {@link MessageSearch}. */
export interface MessageSearchProps
  extends UseMessageSearchOptions,
    Omit<ComponentPropsWithoutRef<'div'>, 'children' | 'onSelect'> {
  /**
   * The message types the type filter offers (besides "All").
   * @default DEFAULT_SEARCH_TYPES (text, image, file, video, sound, location)
   */
  types?: readonly MessageElemType[] | undefined;
  /**
   * Focuses the search field on mount (a search panel that was just opened).
   * @default false
   */
  autoFocus?: boolean | undefined;
  /**
   * Placeholder of the search field.
   * @default strings.searchMessages
   */
  placeholder?: string | undefined;
}

/**
 * Searches the signed-in user's messages: a search field (searching once typing pauses, every word must
 * match), a type filter and a sender filter, then the results grouped by conversation with the number of
 * matches, each showing the sender, the time and the text around the match with the matches marked.
 * Opening a result (click, or Enter) jumps to it: the store opens the conversation around the message and
 * the `MessageList` highlights it; `onResultSelect` tells the app (to switch to the chat on narrow screens).
 *
 * Accessibility: the field is a combobox over the results listbox (`aria-activedescendant`): Down and Up
 * move through the results, Enter opens one, Escape clears the field. Results are options in one group per
 * conversation, named by its header. The type filter is a radio group; the sender filter a select. The
 * number of results is announced through a `role="status"` line.
 *
 * DOM: `div.tidings-message-search` > `div.tidings-message-search-bar[role=search]` (field, types,
 * sender), `p.tidings-message-search-status`, `div.tidings-message-search-results[role=listbox]`,
 * `button.tidings-message-search-more`.
 *
 * Data attributes: `data-state="idle|loading|done|error"` on the root.
 *
 * CSS variables: `--tidings-message-search-mark` (the background of a match).
 *
 * @example
 * <MessageSearch autoFocus onResultSelect={() => setPanel('chat')} />
 */
export const MessageSearch = forwardRef<HTMLDivElement, MessageSearchProps>(function MessageSearch(
  {
    conversationID,
    debounceMs,
    pageSize,
    onResultSelect,
    jumpOnSelect,
    types = DEFAULT_SEARCH_TYPES,
    autoFocus = false,
    placeholder,
    className,
    ...rest
  },
  ref,
) {
  const { strings } = useChatConfig();
  const search = useMessageSearch({ conversationID, debounceMs, pageSize, onResultSelect, jumpOnSelect });
  const { status, groups, hits, keywords, activeIndex, optionID, select } = search;
  const inputRef = useRef<HTMLInputElement | null>(null);
  const typeName = useId();

  useEffect(() => {
    if (autoFocus) inputRef.current?.focus();
  }, [autoFocus]);

  // The result the arrow keys are on stays in view.
  const activeHit = hits[activeIndex];
  useEffect(() => {
    if (!activeHit) return;
    document.getElementById(optionID(activeHit))?.scrollIntoView?.({ block: 'nearest' });
  }, [activeHit, optionID]);

  const { selfID, senders } = useSearchSenders(conversationID, hits);

  const onSelect = useCallback((hit: (typeof hits)[number]) => select(hit), [select]);
  const hitByID = useMemo(() => new Map(hits.map((hit) => [hit.message.msgID, hit])), [hits]);

  const statusText =
    status === 'idle'
      ? strings.searchPrompt
      : status === 'loading'
        ? strings.loading
        : status === 'error'
          ? strings.loadFailed
          : search.totalCount > 0
            ? strings.searchResultCount(search.totalCount)
            : strings.searchNoResults;

  const renderHit = (hit: (typeof hits)[number]) => (
    <MessageSearchResult
      key={hit.message.msgID}
      hit={hit}
      id={optionID(hit)}
      keywords={keywords}
      active={activeHit === hit}
      onSelect={onSelect}
    />
  );

  return (
    <div ref={ref} className={clsx('tidings-message-search', className)} data-state={status} {...rest}>
      <div role="search" aria-label={strings.searchMessages} className="tidings-message-search-bar">
        <div className="tidings-message-search-field">
          <SearchIcon size={18} />
          <input
            ref={inputRef}
            type="search"
            className="tidings-message-search-input"
            aria-label={strings.searchMessages}
            placeholder={placeholder ?? strings.searchMessages}
            enterKeyHint="search"
            autoComplete="off"
            spellCheck={false}
            {...search.getInputProps()}
          />
          {search.query !== '' && (
            <button
              type="button"
              className="tidings-message-search-clear"
              aria-label={strings.clearSearch}
              onClick={() => {
                search.setQuery('');
                inputRef.current?.focus();
              }}
            >
              <CloseIcon size={16} />
            </button>
          )}
        </div>
        <div className="tidings-message-search-filters">
          <div role="radiogroup" aria-label={strings.searchType} className="tidings-message-search-types">
            {[null, ...types].map((type) => (
              <label key={type ?? 'all'} className="tidings-message-search-type">
                <input
                  type="radio"
                  name={typeName}
                  checked={search.type === type}
                  onChange={() => search.setType(type)}
                />
                <span>{type ? strings.messageTypeName(type) : strings.filterAll}</span>
              </label>
            ))}
          </div>
          <label className="tidings-message-search-sender">
            <span className="tidings-message-search-sender-label">{strings.searchSender}</span>
            <select
              value={search.sender ?? ''}
              onChange={(event) => search.setSender(event.target.value || null)}
            >
              <option value="">{strings.searchAnyone}</option>
              <option value={selfID}>{strings.you}</option>
              {senders.map(([userID, name]) => (
                <option key={userID} value={userID}>
                  {name}
                </option>
              ))}
            </select>
          </label>
        </div>
      </div>

      <p className="tidings-message-search-status" role="status">
        <span dir="auto">{statusText}</span>
        {status === 'error' && (
          <button type="button" className="tidings-message-search-retry" onClick={search.retry}>
            {strings.retry}
          </button>
        )}
      </p>

      <div
        className="tidings-message-search-results"
        aria-label={strings.searchResults}
        {...search.getListboxProps()}
      >
        {conversationID
          ? hits.map(renderHit)
          : groups.map((group) => (
              <MessageSearchGroup
                key={group.conversationID}
                conversationID={group.conversationID}
                messageCount={group.messageCount}
              >
                {group.messageList.map((message) => {
                  const hit = hitByID.get(message.msgID);
                  return hit ? renderHit(hit) : null;
                })}
              </MessageSearchGroup>
            ))}
      </div>

      {search.hasMore && (
        <button type="button" className="tidings-message-search-more" onClick={search.loadMore}>
          {strings.searchShowMore}
        </button>
      )}
    </div>
  );
});

/**
 * The sender filter's choices besides the signed-in user (`selfID`): the people the store has seen, the
 * one-to-one peers (capped) and the results' senders, by name; in a one-to-one chat only its peer.
 */
function useSearchSenders(
  conversationID: string | undefined,
  hits: readonly MessageSearchHit[],
): { selfID: string; senders: [string, string][] } {
  const store = useChatStoreApi();
  const selfID = useChatStore(selectSelfUserID);
  const users = useChatStore(selectUsers);
  const peerID = conversationID?.startsWith('c2c_') ? conversationID.slice(4) : null;
  const senders = useMemo(() => {
    const people = new Map<string, string>();
    for (const user of users.values()) people.set(user.userID, user.nick || user.userID);
    // The people one chats with one to one, though none of their messages is loaded yet (read once per
    // search, not on every conversation event; capped, so a 100,000-conversation inbox stays quick).
    let peers = 0;
    for (const conversation of store.getState().conversations.values()) {
      if (conversation.type !== 'c2c' || !conversation.userID) continue;
      if (!people.has(conversation.userID))
        people.set(conversation.userID, conversation.showName || conversation.userID);
      if (++peers >= MAX_PEER_SENDERS) break;
    }
    for (const { message } of hits)
      if (!message.isSelf) people.set(message.sender, message.nick || message.sender);
    if (peerID && !people.has(peerID)) people.set(peerID, peerID);
    // Only the other person can be picked in a one-to-one chat, besides oneself.
    const choices = [...people].filter(([userID]) => userID !== selfID && (!peerID || userID === peerID));
    return choices.sort(([, a], [, b]) => a.localeCompare(b));
  }, [store, users, hits, peerID, selfID]);
  return { selfID, senders };
}
