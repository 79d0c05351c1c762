import { useVirtualizer, type Virtualizer } from '@tanstack/react-virtual';
import {
  type ChatState,
  FORWARD_MAX_TARGETS,
  formatMessagePreview,
  inTimeOrder,
  type Message,
  selectConversationIDs,
  selectConversations,
  selectConversationView,
} from '@tidings/core';
import {
  type ChangeEvent,
  type KeyboardEvent,
  type RefObject,
  useCallback,
  useEffect,
  useId,
  useMemo,
  useState,
} from 'react';
import { useChatConfig, useChatStore, useChatStoreApi } from '../chat-provider/index';
import { useLatest } from '../internal/index';

/** How a forward sends: each message on its own, or merged into one chat-history message. */
export type ForwardMode = 'oneByOne' | 'merged';

/** The outcome of a forward, as `onForwarded` reports it. */
export interface ForwardResult {
  /** The conversations forwarded to. */
  conversationIDs: string[];
  /** Messages that were sent. */
  sent: Message[];
  /** How many sends failed (the failed messages wait in their targets with Resend). */
  failed: number;
}

/** Options of {@link useForwardDialog}. */
export interface UseForwardDialogOptions {
  /** The messages to forward, in any order (they go in the order they were sent). */
  msgIDs: readonly string[];
  /** @default 'oneByOne' */
  mode?: ForwardMode;
  /** Called once the messages were handed to the targets (each then shows its own sending state). */
  onForwarded?: (result: ForwardResult) => void;
  /** Called when the forward could not start (a message that cannot be forwarded, bad input). */
  onError?: (error: unknown) => void;
  /** The scrolling element of the listbox. */
  listRef: RefObject<HTMLDivElement | null>;
  /** Rows to render beyond the visible ones. @default 4 */
  overscan?: number;
}

/** What {@link useForwardDialog} returns. */
export interface UseForwardDialogReturn {
  /** The search text. */
  query: string;
  /** The conversations shown (all, or the matches), as an accessor: `size` and `at(index)`. */
  matches: { size: number; at: (index: number) => string | undefined };
  /** The picked conversations, in the order picked. */
  picked: readonly string[];
  /** Whether no more can be picked. */
  isFull: boolean;
  /** The option the keyboard is on. */
  activeIndex: number;
  /** Picks or unpicks a conversation. */
  toggle: (conversationID: string) => void;
  /** Sends; resolves when every message was handed to the engine. */
  send: () => Promise<void>;
  /** Whether a send is in flight. */
  isSending: boolean;
  virtualizer: Virtualizer<HTMLDivElement, Element>;
  /** Element IDs: the listbox and each option (`optionID(index)`). */
  ids: { listbox: string; optionID: (index: number) => string };
  /** Props for the search field. */
  getSearchProps: () => {
    value: string;
    onChange: (event: ChangeEvent<HTMLInputElement>) => void;
    onKeyDown: (event: KeyboardEvent<HTMLInputElement>) => void;
  };
  /** Props for the listbox (the focusable list that moves an active option). */
  getListboxProps: () => {
    id: string;
    tabIndex: 0;
    'aria-activedescendant': string | undefined;
    onKeyDown: (event: KeyboardEvent<HTMLElement>) => void;
  };
}

/** Height of a picker row, px. */
export const FORWARD_ROW_HEIGHT = 56;

/**
 * The forward picker, headless: a searchable, virtualized list of every conversation the store knows
 * (pulling further pages of the list as the user scrolls, so 100,000 conversations cost what the rows on
 * screen cost), picking one or more targets by pointer or keyboard (arrows, Home/End, Space/Enter), and
 * the send: one by one in time order, or merged into a chat-history message titled after the people in
 * it with an abstract of its first lines. Every forwarded message then shows in its target as sending,
 * sent or failed with resend, like any send.
 *
 * @example
 * const listRef = useRef<HTMLDivElement>(null);
 * const picker = useForwardDialog({ msgIDs, mode: 'merged', listRef, onForwarded: close });
 */
export function useForwardDialog({
  msgIDs,
  mode = 'oneByOne',
  onForwarded,
  onError,
  listRef,
  overscan = 4,
}: UseForwardDialogOptions): UseForwardDialogReturn {
  const store = useChatStoreApi();
  const { strings } = useChatConfig();
  const [query, setQuery] = useState('');
  const [picked, setPicked] = useState<readonly string[]>([]);
  const [activeIndex, setActiveIndex] = useState(0);
  const [isSending, setSending] = useState(false);
  const baseID = useId();

  const needle = query.trim().toLocaleLowerCase();
  const matchIDs = useMatchIDs(needle);
  const matches = useMemo(
    () => ({ size: matchIDs.length, at: (index: number) => matchIDs[index] }),
    [matchIDs],
  );

  const virtualizer = useVirtualizer<HTMLDivElement, Element>({
    count: matchIDs.length,
    getScrollElement: () => listRef.current,
    estimateSize: () => FORWARD_ROW_HEIGHT,
    overscan,
    initialRect: { width: 360, height: FORWARD_ROW_HEIGHT * 6 },
  });

  // Pull further pages of the conversation list as the user nears the end of what is known.
  const view = useChatStore(selectConversationView);
  const lastIndex = virtualizer.getVirtualItems().at(-1)?.index ?? -1;
  useEffect(() => {
    if (!view || view.isFinished || view.status !== 'idle') return;
    if (needle !== '' || lastIndex >= matchIDs.length - 20) {
      store
        .getState()
        .loadMoreConversations()
        .catch(() => {});
    }
  }, [store, view, needle, lastIndex, matchIDs.length]);

  useEffect(() => {
    setActiveIndex((index) => Math.min(index, Math.max(0, matchIDs.length - 1)));
  }, [matchIDs.length]);

  const isFull = picked.length >= FORWARD_MAX_TARGETS;
  const toggle = useCallback((conversationID: string) => {
    setPicked((prev) =>
      prev.includes(conversationID)
        ? prev.filter((id) => id !== conversationID)
        : prev.length >= FORWARD_MAX_TARGETS
          ? prev
          : [...prev, conversationID],
    );
  }, []);

  const moveTo = useCallback(
    (index: number) => {
      if (matchIDs.length === 0) return;
      const next = Math.max(0, Math.min(matchIDs.length - 1, index));
      setActiveIndex(next);
      virtualizer.scrollToIndex(next, { align: 'auto' });
    },
    [matchIDs.length, virtualizer],
  );

  const onListKeyDown = useCallback(
    (event: KeyboardEvent<HTMLElement>) => {
      const page = Math.max(1, Math.floor((listRef.current?.clientHeight ?? 300) / FORWARD_ROW_HEIGHT));
      const target = listKeyTarget(event.key, activeIndex, page, matchIDs.length);
      if (target === null) return;
      if (target === 'toggle') {
        const id = matchIDs[activeIndex];
        if (id) toggle(id);
      } else moveTo(target);
      event.preventDefault();
    },
    [activeIndex, listRef, matchIDs, moveTo, toggle],
  );

  const onSearchKeyDown = useCallback(
    (event: KeyboardEvent<HTMLInputElement>) => {
      // Down from the search goes into the list, on its first match.
      if (event.key === 'ArrowDown' && !event.nativeEvent.isComposing) {
        event.preventDefault();
        moveTo(0);
        listRef.current?.focus();
      }
      // Enter in the search would submit nothing: it picks the first match instead.
      if (event.key === 'Enter' && !event.nativeEvent.isComposing && event.keyCode !== 229) {
        event.preventDefault();
        const id = matchIDs[0];
        if (id) toggle(id);
      }
    },
    [listRef, matchIDs, moveTo, toggle],
  );

  const latest = useLatest({ onForwarded, onError });
  const send = useCallback(async () => {
    if (picked.length === 0 || msgIDs.length === 0 || isSending) return;
    setSending(true);
    const state = store.getState();
    try {
      const targets = [...picked];
      const merge = mode === 'merged' ? mergeOf(state, msgIDs, strings) : undefined;
      const results = await state.forwardMessages(targets, [...msgIDs], merge ? { merge } : {});
      const sent = results.flatMap((result) => (result.status === 'fulfilled' ? [result.value] : []));
      latest.current.onForwarded?.({ conversationIDs: targets, sent, failed: results.length - sent.length });
    } catch (error) {
      latest.current.onError?.(error);
    } finally {
      setSending(false);
    }
  }, [isSending, mode, msgIDs, picked, store, strings]);

  const listboxID = `${baseID}-list`;
  const optionID = useCallback((index: number) => `${baseID}-option-${index}`, [baseID]);

  return {
    query,
    matches,
    picked,
    isFull,
    activeIndex,
    toggle,
    send,
    isSending,
    virtualizer,
    ids: { listbox: listboxID, optionID },
    getSearchProps: () => ({
      value: query,
      onChange: (event: ChangeEvent<HTMLInputElement>) => {
        setQuery(event.target.value);
        setActiveIndex(0);
        virtualizer.scrollToOffset(0);
      },
      onKeyDown: onSearchKeyDown,
    }),
    getListboxProps: () => ({
      id: listboxID,
      tabIndex: 0,
      'aria-activedescendant': matchIDs.length > 0 ? optionID(activeIndex) : undefined,
      onKeyDown: onListKeyDown,
    }),
  };
}

/**
 * The conversations a search for `needle` (lower-cased) finds: every conversation known is looked through;
 * with no search the order is used as it is.
 */
function useMatchIDs(needle: string): readonly string[] {
  const allIDs = useChatStore(selectConversationIDs);
  const conversations = useChatStore(selectConversations);
  return useMemo(() => {
    if (needle === '') return allIDs;
    return allIDs.filter((id) => {
      const conversation = conversations.get(id);
      return (conversation?.showName ?? id).toLocaleLowerCase().includes(needle);
    });
  }, [allIDs, conversations, needle]);
}

/**
 * What a key does in the picker's list: the index it moves to (arrows, Page Up/Down by a screenful,
 * Home/End), `'toggle'` (Space, Enter) for the active option, or null when the key is not the list's.
 */
function listKeyTarget(
  key: string,
  activeIndex: number,
  page: number,
  count: number,
): number | 'toggle' | null {
  switch (key) {
    case 'ArrowDown':
      return activeIndex + 1;
    case 'ArrowUp':
      return activeIndex - 1;
    case 'PageDown':
      return activeIndex + page;
    case 'PageUp':
      return activeIndex - page;
    case 'Home':
      return 0;
    case 'End':
      return count - 1;
    case ' ':
    case 'Enter':
      return 'toggle';
    default:
      return null;
  }
}

/** How many lines of a merged history its abstract shows (as TUIKit does). */
const ABSTRACT_LINES = 4;

/**
 * The title, abstract and fallback text of a merged chat history: "Chat history of Alice and Bob" (the
 * group's name for a group), then "Name: preview" for the first lines.
 */
export function mergeOf(
  state: ChatState,
  msgIDs: readonly string[],
  strings: ReturnType<typeof useChatConfig>['strings'],
): { title: string; abstractList: string[]; compatibleText: string } {
  const messages = inTimeOrder(
    msgIDs.flatMap((id) => {
      const message = state.messages.get(id);
      return message ? [message] : [];
    }),
  );
  const nameOf = (userID: string) => state.users.get(userID)?.nick || userID;
  const first = messages[0];
  const conversation = first ? state.conversations.get(first.conversationID) : undefined;
  let names: string[];
  if (conversation?.type === 'group') names = [conversation.showName];
  else {
    const senders = [...new Set(messages.map((message) => message.nick || nameOf(message.sender)))];
    // A one-to-one history is "of" both people, even when only one of them wrote in the selection.
    if (conversation && senders.length < 2) {
      const self = messages.find((message) => message.isSelf);
      const peer = conversation.showName;
      const me = self?.nick || nameOf(state.userID);
      names = [...new Set([me, peer])];
    } else names = senders.slice(0, 3);
  }
  const abstractList = messages.slice(0, ABSTRACT_LINES).map((message) => {
    const preview = formatMessagePreview(message, {
      strings,
      isGroup: false,
      selfUserID: state.userID,
      nameOf,
    });
    return `${message.nick || nameOf(message.sender)}: ${preview}`;
  });
  return { title: strings.chatHistoryTitle(names), abstractList, compatibleText: strings.previewChatHistory };
}
