import { AT_ALL, type ChatStore, type GroupMember, parseConversationID } from '@tidings/core';
import {
  type KeyboardEvent,
  type RefObject,
  type UIEvent,
  useCallback,
  useEffect,
  useId,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
} from 'react';
import { useChatConfig, useChatStoreApi } from '../chat-provider/index';
import { useLatest } from '../internal/index';

/** A mention in the text: the token the user sees (`@Bob Martin`) and whom it mentions. */
export interface ComposerMention {
  userID: string;
  /** The text of the token, `@` included. */
  token: string;
}

/** One choice of the member picker. */
export interface ComposerMentionOption {
  /** A member's userID, or `'@all'` for everyone. */
  userID: string;
  /** The name shown and written into the token. */
  name: string;
  faceUrl: string;
  role: GroupMember['role'] | null;
}

/** Options of {@link useComposerMention}. */
export interface UseComposerMentionOptions {
  /** The conversation written in; mentions work in groups only. */
  conversationID: string | null;
  /** The field's text and a way to replace it (the composer's `text` and `setText`). */
  text: string;
  setText: (text: string) => void;
  textareaRef: RefObject<HTMLTextAreaElement | null>;
  /** @default true */
  enabled?: boolean;
  /** How many matches the picker shows at first, and adds each time it is scrolled to its end. @default 50 */
  pageSize?: number;
}

/** What {@link useComposerMention} returns. */
export interface UseComposerMentionReturn {
  /** Whether the member picker is open (an `@` before the caret, outside an IME composition). */
  isOpen: boolean;
  /** The text typed after `@`. */
  query: string;
  /** Members loading, loaded or failed. */
  status: 'idle' | 'loading' | 'ready' | 'error';
  /** The choices shown: "Everyone" first for owners and admins, then the matching members (a page). */
  options: readonly ComposerMentionOption[];
  /** The choice the keyboard is on. */
  activeIndex: number;
  /** The mentions in the text now. */
  mentions: readonly ComposerMention[];
  /** Writes a choice's token in place of `@query`. */
  pick: (option: ComposerMentionOption) => void;
  /** Closes the picker until the next `@`. */
  close: () => void;
  /** The users the text mentions, for `atUserList` (tokens deleted from the text are left out). */
  atUserListOf: (text: string) => string[];
  /** Element IDs: the listbox and each option. */
  ids: { listbox: string; optionID: (index: number) => string };
  /** Loads more matches when the picker is scrolled to its end. */
  onListScroll: (event: UIEvent<HTMLElement>) => void;
  /**
   * Props to merge over the composer's textarea props: keys (arrows, Enter/Tab pick, Escape closes,
   * Backspace/Delete remove a token whole), composition (no picker action while an IME composes), the
   * caret moving, and the ARIA that ties the field to the picker.
   */
  getTextareaProps: <P extends TextareaHandlers>(props: P) => P & MentionTextareaProps;
}

interface TextareaHandlers {
  onKeyDown?: (event: KeyboardEvent<HTMLTextAreaElement>) => void;
  onCompositionStart?: () => void;
  onCompositionEnd?: () => void;
}

interface MentionTextareaProps {
  onKeyDown: (event: KeyboardEvent<HTMLTextAreaElement>) => void;
  onCompositionStart: () => void;
  onCompositionEnd: () => void;
  onSelect: () => void;
  'aria-autocomplete': 'list' | undefined;
  'aria-controls': string | undefined;
  'aria-activedescendant': string | undefined;
}

/** `@` at the start or after a space, then up to 32 letters without spaces, right before the caret. */
const TRIGGER = /(?:^|\s)@([^\s@]{0,32})$/u;

/** Members of groups by store and groupID: a large group is fetched once per session, not per `@`. */
const memberCache = new WeakMap<object, Map<string, Promise<GroupMember[]>>>();

/**
 * Mentions in a group composer, headless. Typing `@` opens a member picker filtered by the name typed
 * after it (names and userIDs, case-insensitive); arrows move, Enter or Tab writes the member's token
 * (`@Name `), Escape closes. Nothing happens while an IME composes (composition keys and text are the
 * IME's); the query updates when the composition ends. A token is atomic: Backspace at its end or Delete
 * at its start removes it whole, with its mention. Owners and admins (by the engine's member roles) also
 * get "Everyone" (`@all`). The members are fetched once per group through the store and shown a page at
 * a time, so a group of thousands stays quick.
 *
 * @example
 * const mention = useComposerMention({ conversationID, text, setText, textareaRef });
 * <textarea {...mention.getTextareaProps(composer.getTextareaProps())} />
 */
export function useComposerMention({
  conversationID,
  text,
  setText,
  textareaRef,
  enabled = true,
  pageSize = 50,
}: UseComposerMentionOptions): UseComposerMentionReturn {
  const store = useChatStoreApi();
  const { strings } = useChatConfig();
  const groupID = useMemo(() => {
    const parsed = parseConversationID(conversationID ?? '');
    return enabled && parsed?.type === 'group' ? parsed.groupID : null;
  }, [conversationID, enabled]);
  const [trigger, setTrigger] = useState<{ start: number; query: string } | null>(null);
  const [dismissedAt, setDismissedAt] = useState<number | null>(null);
  const [activeIndex, setActiveIndex] = useState(0);
  const [limit, setLimit] = useState(pageSize);
  const [mentions, setMentions] = useState<readonly ComposerMention[]>([]);
  const composing = useRef(false);
  const pendingCaret = useRef<number | null>(null);
  const baseID = useId();
  // Setting state to what it already is can still cost the composer a render per keystroke: the
  // setters below are called only for a real change, checked against these.
  const current = useLatest({ trigger, dismissedAt, mentions });

  // Where `@query` sits before the caret, if anywhere.
  const sync = useCallback(() => {
    const field = textareaRef.current;
    if (!groupID || !field || composing.current) return;
    const caret = field.selectionStart ?? 0;
    const match = caret === field.selectionEnd ? TRIGGER.exec(field.value.slice(0, caret)) : null;
    if (!match) {
      if (current.current.trigger !== null) setTrigger(null);
      if (current.current.dismissedAt !== null && caret === field.selectionEnd) setDismissedAt(null);
      return;
    }
    const query = match[1] ?? '';
    const start = caret - query.length - 1;
    const prev = current.current.trigger;
    if (!prev || prev.start !== start || prev.query !== query) setTrigger({ start, query });
  }, [groupID, textareaRef]);

  // The text changed (typing, paste, a draft restored): find the trigger again, drop deleted tokens.
  // biome-ignore lint/correctness/useExhaustiveDependencies: text is the trigger
  useLayoutEffect(() => {
    if (pendingCaret.current !== null && textareaRef.current) {
      const caret = pendingCaret.current;
      pendingCaret.current = null;
      textareaRef.current.setSelectionRange(caret, caret);
    }
    if (!groupID) return;
    sync();
    const held = current.current.mentions;
    if (held.some((mention) => !text.includes(mention.token)))
      setMentions(held.filter((mention) => text.includes(mention.token)));
  }, [text, sync, groupID]);

  // Another conversation: another group, no picker, no mentions.
  // biome-ignore lint/correctness/useExhaustiveDependencies: conversationID is the trigger
  useEffect(() => {
    setTrigger(null);
    setMentions([]);
    setDismissedAt(null);
  }, [conversationID]);

  const isOpen = groupID !== null && trigger !== null && dismissedAt !== trigger.start;

  const { members, status } = useMentionMembers(store, isOpen ? groupID : null);

  const query = trigger?.query ?? '';
  const selfID = store.getState().userID;
  const options = useMemo(
    () =>
      isOpen && members && members.groupID === groupID
        ? mentionOptions(members.list, query, { selfID, everyone: strings.mentionAll, limit })
        : [],
    [isOpen, members, groupID, query, selfID, strings, limit],
  );

  // biome-ignore lint/correctness/useExhaustiveDependencies: a new query starts at the top, one page
  useEffect(() => {
    setActiveIndex(0);
    setLimit(pageSize);
  }, [query, pageSize]);

  const close = useCallback(() => {
    if (trigger) setDismissedAt(trigger.start);
  }, [trigger]);

  const pick = useCallback(
    (option: ComposerMentionOption) => {
      const field = textareaRef.current;
      if (!trigger || !field) return;
      const token = `@${option.name}`;
      const end = trigger.start + 1 + trigger.query.length;
      const before = text.slice(0, trigger.start);
      const after = text.slice(end).replace(/^ /, '');
      const next = `${before}${token} ${after}`;
      pendingCaret.current = before.length + token.length + 1;
      setMentions((prev) => [...prev.filter((m) => m.token !== token), { userID: option.userID, token }]);
      setTrigger(null);
      setText(next);
      field.focus();
    },
    [setText, text, textareaRef, trigger],
  );

  const atUserListOf = useCallback(
    (value: string) => [
      ...new Set(mentions.filter((mention) => value.includes(mention.token)).map((m) => m.userID)),
    ],
    [mentions],
  );

  /** Removes a whole token when Backspace is at its end or Delete at its start. */
  const removeToken = useCallback(
    (event: KeyboardEvent<HTMLTextAreaElement>): boolean =>
      removeWholeToken(event, mentions, (caret, next) => {
        pendingCaret.current = caret;
        setText(next);
      }),
    [mentions, setText],
  );

  const onKeyDown = useCallback(
    (event: KeyboardEvent<HTMLTextAreaElement>) => {
      // While an IME composes, its keys (Enter confirms, arrows pick candidates) are not the picker's.
      if (composing.current || event.nativeEvent.isComposing || event.keyCode === 229) return;
      if ((event.key === 'Backspace' || event.key === 'Delete') && removeToken(event)) return;
      if (isOpen && pickerKey(event, { options, activeIndex, setActiveIndex, close, pick }))
        event.preventDefault();
    },
    [activeIndex, close, isOpen, options, pick, removeToken],
  );

  const listboxID = `${baseID}-mentions`;
  const optionID = useCallback((index: number) => `${baseID}-mention-${index}`, [baseID]);

  const onListScroll = useCallback(
    (event: UIEvent<HTMLElement>) => {
      const list = event.currentTarget;
      if (list.scrollTop + list.clientHeight >= list.scrollHeight - 48) setLimit((value) => value + pageSize);
    },
    [pageSize],
  );

  const getTextareaProps = useCallback(
    <P extends TextareaHandlers>(props: P): P & MentionTextareaProps =>
      mergeTextareaProps(props, {
        onKeyDown,
        composing,
        sync,
        'aria-autocomplete': groupID ? 'list' : undefined,
        'aria-controls': isOpen ? listboxID : undefined,
        'aria-activedescendant': isOpen && options.length > 0 ? optionID(activeIndex) : undefined,
      }),
    [activeIndex, groupID, isOpen, listboxID, onKeyDown, optionID, options.length, sync],
  );

  return {
    isOpen,
    query,
    status,
    options,
    activeIndex,
    mentions,
    pick,
    close,
    atUserListOf,
    ids: { listbox: listboxID, optionID },
    onListScroll,
    getTextareaProps,
  };
}

/**
 * The members of the group the picker is open in, fetched the first time it opens there (`groupID` is
 * null while it is closed) and cached per store and group.
 */
function useMentionMembers(
  store: ChatStore,
  groupID: string | null,
): { members: { groupID: string; list: GroupMember[] } | null; status: UseComposerMentionReturn['status'] } {
  const [members, setMembers] = useState<{ groupID: string; list: GroupMember[] } | null>(null);
  const [status, setStatus] = useState<UseComposerMentionReturn['status']>('idle');
  useEffect(() => {
    if (!groupID || members?.groupID === groupID) return;
    const cache = memberCache.get(store) ?? new Map<string, Promise<GroupMember[]>>();
    memberCache.set(store, cache);
    let request = cache.get(groupID);
    if (!request) {
      request = store.getState().getGroupMembers(groupID);
      cache.set(groupID, request);
      request.catch(() => cache.delete(groupID));
    }
    let current = true;
    setStatus('loading');
    request.then(
      (list) => {
        if (!current) return;
        setMembers({ groupID, list });
        setStatus('ready');
      },
      () => current && setStatus('error'),
    );
    return () => {
      current = false;
    };
  }, [groupID, members?.groupID, store]);
  return { members, status };
}

/**
 * The picker's choices for `query`: "Everyone" first when the user is an owner or admin, then up to `limit`
 * members other than the user whose name or userID contains the query (case-insensitive).
 */
function mentionOptions(
  list: readonly GroupMember[],
  query: string,
  { selfID, everyone, limit }: { selfID: string; everyone: string; limit: number },
): ComposerMentionOption[] {
  const needle = query.toLocaleLowerCase();
  const me = list.find((member) => member.userID === selfID);
  const options: ComposerMentionOption[] = [];
  if (
    (me?.role === 'owner' || me?.role === 'admin') &&
    (needle === '' || everyone.toLocaleLowerCase().includes(needle) || 'all'.includes(needle))
  ) {
    options.push({ userID: AT_ALL, name: everyone, faceUrl: '', role: null });
  }
  for (const member of list) {
    if (options.length >= limit) break;
    if (member.userID === selfID) continue;
    const name = member.nick || member.userID;
    if (
      needle === '' ||
      name.toLocaleLowerCase().includes(needle) ||
      member.userID.toLocaleLowerCase().includes(needle)
    ) {
      options.push({ userID: member.userID, name, faceUrl: member.faceUrl, role: member.role });
    }
  }
  return options;
}

/** Removes the token the key is at, whole; whether it did. `remove` gets the caret and the new text. */
function removeWholeToken(
  event: KeyboardEvent<HTMLTextAreaElement>,
  mentions: readonly ComposerMention[],
  remove: (caret: number, text: string) => void,
): boolean {
  const field = event.currentTarget;
  const caret = field.selectionStart;
  if (caret !== field.selectionEnd || mentions.length === 0) return false;
  const value = field.value;
  const range = tokenRangeAt(value, caret, event.key, mentions);
  if (!range) return false;
  const [start, end] = range;
  event.preventDefault();
  remove(start, value.slice(0, start) + value.slice(end));
  return true;
}

/** The `[start, end)` of the token that Backspace (at its end) or Delete (at its start) removes whole. */
function tokenRangeAt(
  value: string,
  caret: number,
  key: string,
  mentions: readonly ComposerMention[],
): [number, number] | null {
  for (const { token } of mentions) {
    if (key === 'Backspace') {
      // The caret right after the token, or after the space that closes it.
      if (value.slice(caret - token.length, caret) === token) return [caret - token.length, caret];
      if (value.slice(caret - token.length - 1, caret) === `${token} `)
        return [caret - token.length - 1, caret];
    } else if (key === 'Delete' && value.slice(caret, caret + token.length) === token) {
      return [caret, caret + token.length + (value[caret + token.length] === ' ' ? 1 : 0)];
    }
  }
  return null;
}

/** The open picker's keys: arrows move, Enter or Tab picks, Escape closes. Whether the key was its. */
function pickerKey(
  event: KeyboardEvent<HTMLTextAreaElement>,
  {
    options,
    activeIndex,
    setActiveIndex,
    close,
    pick,
  }: {
    options: readonly ComposerMentionOption[];
    activeIndex: number;
    setActiveIndex: (update: (index: number) => number) => void;
    close: () => void;
    pick: (option: ComposerMentionOption) => void;
  },
): boolean {
  switch (event.key) {
    case 'ArrowDown':
      setActiveIndex((index) => (options.length === 0 ? 0 : (index + 1) % options.length));
      return true;
    case 'ArrowUp':
      setActiveIndex((index) => (options.length === 0 ? 0 : (index - 1 + options.length) % options.length));
      return true;
    case 'Enter':
    case 'Tab': {
      if (event.shiftKey) return false;
      const option = options[activeIndex];
      if (!option) {
        if (event.key === 'Tab') return false;
        close();
      } else pick(option);
      return true;
    }
    case 'Escape':
      close();
      return true;
    default:
      return false;
  }
}

/**
 * The composer's textarea props with the picker's merged over them: its keys first, then the composer's;
 * no trigger tracking while an IME composes; the trigger found again when the caret moves.
 */
function mergeTextareaProps<P extends TextareaHandlers>(
  props: P,
  {
    onKeyDown,
    composing,
    sync,
    ...aria
  }: {
    onKeyDown: (event: KeyboardEvent<HTMLTextAreaElement>) => void;
    composing: { current: boolean };
    sync: () => void;
  } & Pick<MentionTextareaProps, 'aria-autocomplete' | 'aria-controls' | 'aria-activedescendant'>,
): P & MentionTextareaProps {
  return {
    ...props,
    onKeyDown: (event: KeyboardEvent<HTMLTextAreaElement>) => {
      onKeyDown(event);
      props.onKeyDown?.(event);
    },
    onCompositionStart: () => {
      composing.current = true;
      props.onCompositionStart?.();
    },
    onCompositionEnd: () => {
      composing.current = false;
      props.onCompositionEnd?.();
      // The composed text is in the field now: it may be a name after `@`.
      sync();
    },
    onSelect: sync,
    ...aria,
  };
}
