import { useCallback, useEffect, useRef, useState } from 'react';
import { useChatStore, useChatStoreApi } from '../chat-provider/use-chat-store';

/** Options of {@link useComposerDraft}. */
export interface UseComposerDraftOptions {
  /** The conversation whose draft the field edits; `null` when none is open. */
  conversationID: string | null;
  /**
   * How long typing pauses before the draft is saved, ms.
   * @default 500
   */
  delayMs?: number;
}

/** What {@link useComposerDraft} returns. */
export interface UseComposerDraftReturn {
  /** The text of the field for the current conversation. */
  text: string;
  /** The user changed the text: it shows at once and is saved as the draft once typing pauses. */
  editText: (text: string) => void;
  /** Saves the waiting draft now (on blur; switching conversations and unmounting flush by themselves). */
  flush: () => void;
  /**
   * A send of `text` starts in the current conversation: the field empties at once, while the saved draft
   * stays until the send succeeds. Call `settle(true)` when it was sent (the draft clears, unless the user
   * typed something new, which becomes the draft) or `settle(false)` when it failed (an empty field gets
   * the text back). `settle` returns whether the text came back into the field.
   */
  beginSend: (text: string) => { settle: (sent: boolean) => boolean };
}

/** A field's own state while it differs from the stored draft: unsaved edits, or a send in flight. */
interface FieldEntry {
  text: string;
  /** Sends of this conversation's text in flight. */
  sending: number;
}

type Fields = Readonly<Record<string, FieldEntry>>;

const asDraft = (text: string): string | null => (text.trim() === '' ? null : text);

/**
 * The draft side of a composer: the field's text per conversation, kept out of the store while the user
 * types (keystrokes touch nothing), saved debounced with `saveDraft`, and flushed on blur, on switching
 * conversations and on unmount.
 *
 * A conversation the user has not edited shows its stored `draftText`, so a draft restored after a reload,
 * set in another tab, or put back by "re-edit" appears by itself. Once edited, the field's own text wins
 * until it is saved. A sent text clears the draft only when the send succeeds.
 *
 * @example
 * const { text, editText, flush, beginSend } = useComposerDraft({ conversationID });
 * <textarea value={text} onChange={(event) => editText(event.target.value)} onBlur={flush} />
 */
export function useComposerDraft({
  conversationID,
  delayMs = 500,
}: UseComposerDraftOptions): UseComposerDraftReturn {
  const store = useChatStoreApi();
  const draftText = useChatStore(
    useCallback(
      (state) => (conversationID ? (state.conversations.get(conversationID)?.draftText ?? null) : null),
      [conversationID],
    ),
  );
  // Async callbacks (timers, send outcomes) read the fields through the ref; the state renders them.
  const [fields, setFields] = useState<Fields>({});
  const fieldsRef = useRef<Fields>(fields);
  const update = useCallback((change: (current: Fields) => Fields) => {
    const next = change(fieldsRef.current);
    if (next === fieldsRef.current) return;
    fieldsRef.current = next;
    setFields(next);
  }, []);

  const pending = useRef<{ conversationID: string; text: string } | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const mounted = useRef(true);

  /** Drops a conversation's entry once the stored draft shows exactly what the field holds. */
  const release = useCallback(
    (id: string, saved: string) =>
      update((current) => {
        const entry = current[id];
        // A blank text is stored as no draft: keep its entry, or the user's spaces would vanish.
        const shown = asDraft(saved) ?? '';
        if (!entry || entry.sending > 0 || entry.text !== saved || shown !== saved) return current;
        const { [id]: _, ...rest } = current;
        return rest;
      }),
    [update],
  );

  const save = useCallback(
    (id: string, text: string) => {
      const draft = asDraft(text);
      // The stored draft is the text being sent: only the send's success may clear it.
      if (draft === null && (fieldsRef.current[id]?.sending ?? 0) > 0) return;
      store
        .getState()
        .saveDraft(id, draft)
        .then(
          () => {
            if (mounted.current) release(id, text);
          },
          // The entry stays, so the text does too; the next edit or blur saves it again.
          () => undefined,
        );
    },
    [store, release],
  );

  const flush = useCallback(() => {
    clearTimeout(timer.current);
    const waiting = pending.current;
    pending.current = null;
    if (waiting) save(waiting.conversationID, waiting.text);
  }, [save]);

  const editText = useCallback(
    (text: string) => {
      if (!conversationID) return;
      const id = conversationID;
      if (pending.current && pending.current.conversationID !== id) flush();
      update((current) => ({ ...current, [id]: { text, sending: current[id]?.sending ?? 0 } }));
      pending.current = { conversationID: id, text };
      clearTimeout(timer.current);
      timer.current = setTimeout(flush, delayMs);
    },
    [conversationID, delayMs, flush, update],
  );

  // Leaving a conversation (or unmounting) saves what is still waiting, under the conversation it belongs to.
  useEffect(
    () => () => {
      if (pending.current?.conversationID === conversationID) flush();
    },
    [conversationID, flush],
  );

  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);

  const beginSend = useCallback(
    (raw: string) => {
      const id = conversationID;
      if (!id) return { settle: () => false };
      if (pending.current?.conversationID === id) {
        clearTimeout(timer.current);
        pending.current = null;
      }
      update((current) => ({ ...current, [id]: { text: '', sending: (current[id]?.sending ?? 0) + 1 } }));
      let settled = false;
      const settle = (sent: boolean): boolean => {
        if (settled) return false;
        settled = true;
        const entry = fieldsRef.current[id];
        const sending = Math.max(0, (entry?.sending ?? 1) - 1);
        if (!mounted.current) {
          // No field any more: clear the stored draft only if it still is the text that was sent.
          const stored = store.getState().conversations.get(id)?.draftText;
          if (sent && stored === raw)
            void store
              .getState()
              .saveDraft(id, null)
              .catch(() => undefined);
          return false;
        }
        const typed = entry?.text ?? '';
        // Sent: whatever the user typed since is the draft (none if nothing). Failed: an empty field
        // gets the text back; new text the user typed in the meantime is kept.
        const text = sent || typed !== '' ? typed : raw;
        update((current) => ({ ...current, [id]: { text, sending } }));
        if (pending.current?.conversationID === id) flush();
        else save(id, text);
        return !sent && typed === '';
      };
      return { settle };
    },
    [conversationID, flush, save, store, update],
  );

  const entry = conversationID ? fields[conversationID] : undefined;
  return { text: entry ? entry.text : (draftText ?? ''), editText, flush, beginSend };
}
