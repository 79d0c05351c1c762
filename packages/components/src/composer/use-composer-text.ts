// The composer's text: the field's text per conversation (through the draft), its size against the limit,
// the throttled typing status, insertion at the caret, and a field that grows with its text.
import { type RefObject, useCallback, useEffect, useLayoutEffect, useMemo, useRef } from 'react';
import { useChatStoreApi } from '../chat-provider/index';
import { utf8ByteLength } from './composer-limits';
import { type UseComposerDraftReturn, useComposerDraft } from './use-composer-draft';

const useIsomorphicLayoutEffect = typeof document === 'undefined' ? useEffect : useLayoutEffect;

/** `field-sizing: content` grows a textarea with its text in CSS alone (Chromium 123+, Safari 26+). */
const supportsFieldSizing = () =>
  typeof CSS !== 'undefined' && typeof CSS.supports === 'function' && CSS.supports('field-sizing', 'content');

/** Options of {@link useComposerText}. */
export interface UseComposerTextOptions {
  conversationID: string | null;
  textareaRef: RefObject<HTMLTextAreaElement | null>;
  draftDelayMs: number;
  typingStatus: 'c2c' | 'all' | 'off';
  typingIntervalMs: number;
  maxTextBytes: number;
}

/** What {@link useComposerText} returns. */
export interface ComposerText {
  draft: UseComposerDraftReturn;
  text: string;
  /** Replaces the text, as if the user typed it (saved as the draft, sends a typing status). */
  setText: (text: string) => void;
  /** Inserts text at the caret (or over the selection) and puts the caret after it. */
  insertText: (text: string) => void;
  textBytes: number;
  isNearLimit: boolean;
  isOverLimit: boolean;
}

/** The field's text, its limit, the typing status it sends, and the caret after an insertion. */
export function useComposerText(options: UseComposerTextOptions): ComposerText {
  const { conversationID, textareaRef, draftDelayMs, typingStatus, typingIntervalMs, maxTextBytes } = options;
  const store = useChatStoreApi();
  const draft = useComposerDraft({ conversationID, delayMs: draftDelayMs });
  const { text, editText } = draft;
  const textBytes = useMemo(() => utf8ByteLength(text), [text]);
  const isOverLimit = textBytes > maxTextBytes;
  const isNearLimit = textBytes >= maxTextBytes * 0.8;

  const lastTyping = useRef(new Map<string, number>());
  const setText = useCallback(
    (value: string) => {
      if (!conversationID) return;
      editText(value);
      const sendsTyping =
        typingStatus === 'all' || (typingStatus === 'c2c' && conversationID.startsWith('c2c_'));
      if (!sendsTyping || value.trim() === '') return;
      const now = Date.now();
      if (now - (lastTyping.current.get(conversationID) ?? Number.NEGATIVE_INFINITY) < typingIntervalMs)
        return;
      lastTyping.current.set(conversationID, now);
      // A lost typing status is harmless: the next keystrokes send another.
      void store
        .getState()
        .sendTyping(conversationID)
        .catch(() => undefined);
    },
    [conversationID, editText, store, typingIntervalMs, typingStatus],
  );

  const caret = useRef<number | null>(null);
  const insertText = useCallback(
    (value: string) => {
      const field = textareaRef.current;
      const start = field ? field.selectionStart : text.length;
      const end = field ? field.selectionEnd : text.length;
      caret.current = start + value.length;
      setText(text.slice(0, start) + value + text.slice(end));
    },
    [setText, text, textareaRef],
  );

  // Runs when the text changes: the caret goes after an insertion, and the field is measured again.
  useIsomorphicLayoutEffect(() => {
    const field = textareaRef.current;
    if (!field) return;
    if (caret.current !== null) {
      field.focus();
      field.setSelectionRange(caret.current, caret.current);
      caret.current = null;
    }
    if (!supportsFieldSizing()) {
      // Older engines: grow the field with its content by measuring it (CSS caps it at six lines).
      field.style.blockSize = 'auto';
      field.style.blockSize = `${field.scrollHeight + field.offsetHeight - field.clientHeight}px`;
    }
  }, [text]);

  return { draft, text, setText, insertText, textBytes, isNearLimit, isOverLimit };
}
