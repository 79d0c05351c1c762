import {
  type ChatError,
  isChatError,
  type Message,
  type MessageElemType,
  type MessageSearchParams,
  type MessageSearchResultItem,
} from '@tidings/core';
import {
  type ChangeEvent,
  type KeyboardEvent,
  useCallback,
  useEffect,
  useId,
  useMemo,
  useRef,
  useState,
} from 'react';
import { useChatStoreApi } from '../chat-provider/index';

/** The message types the type filter offers by default. */
export const DEFAULT_SEARCH_TYPES: readonly MessageElemType[] = [
  'text',
  'image',
  'file',
  'video',
  'sound',
  'location',
];

/** One result: a message and the conversation it is in. */
export interface MessageSearchHit {
  conversationID: string;
  message: Message;
}

/** Where a search stands. */
export type MessageSearchStatus = 'idle' | 'loading' | 'done' | 'error';

/** Options of {@link useMessageSearch}. */
export interface UseMessageSearchOptions {
  /** Searches only this conversation; every conversation when left out. */
  conversationID?: string | undefined;
  /**
   * How long typing pauses before the search runs, ms.
   * @default 250
   */
  debounceMs?: number | undefined;
  /**
   * Results per page ("Show more" loads the next).
   * @default 20
   */
  pageSize?: number | undefined;
  /**
   * Called when the user opens a result, after the store was asked to jump to it
   * (`jumpToMessage(conversationID, msgID)`: the conversation opens around the message, highlighted).
   */
  onResultSelect?: ((hit: MessageSearchHit) => void) | undefined;
  /**
   * Whether opening a result makes the store jump to it. Turn it off to handle navigation yourself.
   * @default true
   */
  jumpOnSelect?: boolean | undefined;
}

/** What {@link useMessageSearch} returns. */
export interface UseMessageSearchReturn {
  /** The search field's text. */
  query: string;
  /** Changes the search field's text (searched once typing pauses; cleared at once). */
  setQuery: (query: string) => void;
  /** The keywords searched for (the query's words, at most 10). */
  keywords: readonly string[];
  /** The type filter; `null` for every type. */
  type: MessageElemType | null;
  /** Changes the type filter. */
  setType: (type: MessageElemType | null) => void;
  /** The sender filter (a userID); `null` for anyone. */
  sender: string | null;
  /** Changes the sender filter. */
  setSender: (sender: string | null) => void;
  /** Where the search stands: nothing to search, searching, answered, or failed. */
  status: MessageSearchStatus;
  /** Why the last search failed, when it did with a `ChatError`. */
  error: ChatError | null;
  /** The results loaded so far, grouped by conversation, in the order the engine ranked them. */
  groups: readonly MessageSearchResultItem[];
  /** Every loaded result in display order (what the arrow keys move through). */
  hits: readonly MessageSearchHit[];
  /** Matches in all, on every page. */
  totalCount: number;
  /** There are more results than loaded. */
  hasMore: boolean;
  /** Loads the next page of results. */
  loadMore: () => void;
  /** Runs the current search again (after an error). */
  retry: () => void;
  /** Position in `hits` of the result the arrow keys are on, or -1. */
  activeIndex: number;
  /** Moves the arrow keys' position (e.g. on hover). */
  setActiveIndex: (index: number) => void;
  /** Opens a result: jumps to it and calls `onResultSelect`. */
  select: (hit: MessageSearchHit) => void;
  /** The DOM ID of a result's option (for `aria-activedescendant`). */
  optionID: (hit: MessageSearchHit) => string;
  /** Props for the search field: the combobox pattern over the results listbox. */
  getInputProps: () => {
    role: 'combobox';
    value: string;
    'aria-autocomplete': 'list';
    'aria-expanded': boolean;
    'aria-controls': string;
    'aria-activedescendant': string | undefined;
    onChange: (event: ChangeEvent<HTMLInputElement>) => void;
    onKeyDown: (event: KeyboardEvent<HTMLInputElement>) => void;
  };
  /** Props for the results listbox. */
  getListboxProps: () => { id: string; role: 'listbox'; 'aria-busy': boolean };
}

const MAX_KEYWORDS = 10;

function keywordsOf(query: string): string[] {
  return [...new Set(query.trim().split(/\s+/).filter(Boolean))].slice(0, MAX_KEYWORDS);
}

/** Adds a page to the groups: a conversation already listed gets its new matches appended. */
function mergePage(
  groups: readonly MessageSearchResultItem[],
  page: readonly MessageSearchResultItem[],
): MessageSearchResultItem[] {
  const merged = groups.map((group) => ({ ...group, messageList: [...group.messageList] }));
  for (const item of page) {
    const held = merged.find((group) => group.conversationID === item.conversationID);
    if (!held) {
      merged.push({ ...item, messageList: [...item.messageList] });
      continue;
    }
    const seen = new Set(held.messageList.map((message) => message.msgID));
    held.messageList.push(...item.messageList.filter((message) => !seen.has(message.msgID)));
    held.messageCount = item.messageCount;
  }
  return merged;
}

/** The query once typing pauses for `debounceMs`; an emptied query at once. */
function useDebouncedQuery(query: string, debounceMs: number): string {
  const [debouncedQuery, setDebouncedQuery] = useState('');
  useEffect(() => {
    if (query === debouncedQuery) return;
    // Clearing the field is not typing: it empties the results at once.
    if (query.trim() === '') {
      setDebouncedQuery(query);
      return;
    }
    const timer = setTimeout(() => setDebouncedQuery(query), debounceMs);
    return () => clearTimeout(timer);
  }, [query, debouncedQuery, debounceMs]);
  return debouncedQuery;
}

/** The engine's search for the keywords and filters, or null when there is nothing to search for. */
function searchParamsOf({
  keywords,
  type,
  sender,
  conversationID,
  pageSize,
}: {
  keywords: string[];
  type: MessageElemType | null;
  sender: string | null;
  conversationID: string | undefined;
  pageSize: number;
}): MessageSearchParams | null {
  if (keywords.length === 0 && type === null && sender === null) return null;
  return {
    keywordList: keywords,
    keywordListMatchType: 'and',
    ...(type && { messageTypeList: [type] }),
    ...(sender && { senderUserIDList: [sender] }),
    ...(conversationID && { conversationID }),
    pageSize,
  };
}

/** The search field's keys: Down/Up move through the results, Enter opens one, Escape clears the field. */
function comboboxKey(
  event: KeyboardEvent<HTMLInputElement>,
  {
    hits,
    activeIndex,
    query,
    setActiveIndex,
    select,
    clear,
  }: {
    hits: readonly MessageSearchHit[];
    activeIndex: number;
    query: string;
    setActiveIndex: (update: (index: number) => number) => void;
    select: (hit: MessageSearchHit) => void;
    clear: () => void;
  },
): void {
  switch (event.key) {
    case 'ArrowDown':
      if (hits.length === 0) return;
      event.preventDefault();
      setActiveIndex((index) => Math.min(hits.length - 1, index + 1));
      return;
    case 'ArrowUp':
      if (hits.length === 0) return;
      event.preventDefault();
      setActiveIndex((index) => Math.max(0, index - 1));
      return;
    case 'Enter': {
      const hit = hits[activeIndex] ?? (activeIndex === -1 ? hits[0] : undefined);
      if (!hit) return;
      event.preventDefault();
      select(hit);
      return;
    }
    case 'Escape':
      if (query === '') return;
      event.preventDefault();
      clear();
      return;
    default:
  }
}

/**
 * Message search, headless: a query searched as keywords (all must match) once typing pauses, type and
 * sender filters, results grouped by conversation and paged, stale answers dropped, and the combobox
 * keyboard model (Down/Up move through the results, Enter opens one, Escape clears). Opening a result
 * jumps the store to it (`jumpToMessage`), so the message list shows it highlighted.
 *
 * @example
 * const search = useMessageSearch({ onResultSelect: ({ conversationID }) => showChat(conversationID) });
 * <input {...search.getInputProps()} aria-label="Search messages" />
 */
export function useMessageSearch(options: UseMessageSearchOptions = {}): UseMessageSearchReturn {
  const { conversationID, debounceMs = 250, pageSize = 20, onResultSelect, jumpOnSelect = true } = options;
  const store = useChatStoreApi();
  const listboxID = useId();

  const [query, setQueryState] = useState('');
  const [type, setType] = useState<MessageElemType | null>(null);
  const [sender, setSender] = useState<string | null>(null);
  const [groups, setGroups] = useState<readonly MessageSearchResultItem[]>([]);
  const [totalCount, setTotalCount] = useState(0);
  const [pageIndex, setPageIndex] = useState(0);
  const [status, setStatus] = useState<MessageSearchStatus>('idle');
  const [error, setError] = useState<ChatError | null>(null);
  const [activeIndex, setActiveIndex] = useState(-1);
  const [attempt, setAttempt] = useState(0);

  const debouncedQuery = useDebouncedQuery(query, debounceMs);
  const keywords = useMemo(() => keywordsOf(debouncedQuery), [debouncedQuery]);
  const params = useMemo(
    () => searchParamsOf({ keywords, type, sender, conversationID, pageSize }),
    [conversationID, keywords, pageSize, sender, type],
  );

  // A new search starts over at the first page.
  const [searched, setSearched] = useState(params);
  if (searched !== params) {
    setSearched(params);
    setPageIndex(0);
    setActiveIndex(-1);
    if (!params) {
      setGroups([]);
      setTotalCount(0);
      setStatus('idle');
      setError(null);
    }
  }

  // Each request knows its number; an answer overtaken by a newer request is dropped.
  const requestRef = useRef(0);
  // biome-ignore lint/correctness/useExhaustiveDependencies: `attempt` re-runs the same search (retry)
  useEffect(() => {
    if (!params) {
      requestRef.current++;
      return;
    }
    const request = ++requestRef.current;
    setStatus('loading');
    setError(null);
    store
      .getState()
      .searchMessages({ ...params, pageIndex })
      .then(
        (result) => {
          if (request !== requestRef.current) return;
          setGroups((current) => (pageIndex === 0 ? result.items : mergePage(current, result.items)));
          setTotalCount(result.totalCount);
          setStatus('done');
        },
        (cause: unknown) => {
          if (request !== requestRef.current) return;
          setError(isChatError(cause) ? cause : null);
          setStatus('error');
        },
      );
  }, [params, pageIndex, store, attempt]);

  const hits = useMemo(
    () =>
      groups.flatMap((group) =>
        group.messageList.map((message) => ({ conversationID: group.conversationID, message })),
      ),
    [groups],
  );
  const hasMore = status !== 'loading' && hits.length < totalCount;

  const optionID = useCallback(
    (hit: MessageSearchHit) => `${listboxID}-${hit.message.msgID.replace(/[^\w-]/g, '_')}`,
    [listboxID],
  );

  const select = useCallback(
    (hit: MessageSearchHit) => {
      if (jumpOnSelect) {
        // A message deleted since the search can no longer be jumped to; the result still reports.
        void store
          .getState()
          .jumpToMessage(hit.conversationID, hit.message.msgID)
          .catch(() => undefined);
      }
      onResultSelect?.(hit);
    },
    [jumpOnSelect, onResultSelect, store],
  );

  const setQuery = useCallback((next: string) => setQueryState(next), []);

  const onKeyDown = useCallback(
    (event: KeyboardEvent<HTMLInputElement>) =>
      comboboxKey(event, {
        hits,
        activeIndex,
        query,
        setActiveIndex,
        select,
        clear: () => setQueryState(''),
      }),
    [activeIndex, hits, query, select],
  );

  const activeHit = hits[activeIndex];
  const getInputProps = useCallback(
    () => ({
      role: 'combobox' as const,
      value: query,
      'aria-autocomplete': 'list' as const,
      'aria-expanded': hits.length > 0,
      'aria-controls': listboxID,
      'aria-activedescendant': activeHit ? optionID(activeHit) : undefined,
      onChange: (event: ChangeEvent<HTMLInputElement>) => setQueryState(event.target.value),
      onKeyDown,
    }),
    [activeHit, hits.length, listboxID, onKeyDown, optionID, query],
  );

  const getListboxProps = useCallback(
    () => ({ id: listboxID, role: 'listbox' as const, 'aria-busy': status === 'loading' }),
    [listboxID, status],
  );

  return {
    query,
    setQuery,
    keywords,
    type,
    setType,
    sender,
    setSender,
    status,
    error,
    groups,
    hits,
    totalCount,
    hasMore,
    loadMore: () => {
      if (hasMore) setPageIndex((index) => index + 1);
    },
    retry: () => setAttempt((count) => count + 1),
    activeIndex,
    setActiveIndex,
    select,
    optionID,
    getInputProps,
    getListboxProps,
  };
}
