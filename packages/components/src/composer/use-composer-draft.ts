import { type ChatState, type ChatStore, selectSelfUserID } from '@tidings/core';
import { type RefObject, useCallback, useEffect, useRef, useState } from 'react';
import { useChatStore, useChatStoreApi } from '../chat-provider/index';
import { useChatStoreByID } from '../internal/index';

/** Options of {@link useComposerDraft}. */
export interface UseComposerDraftOptions {
  /** The conversation whose draft the field edits; `null` when none is open. */
  conversationID: string | null;
  /**
   * How long typing pauses before the text is kept safe in the tab's session storage (where a reload or a
   * crash finds it), ms. The draft itself is saved only when the user leaves the conversation.
   * @default 300
   */
  delayMs?: number | undefined;
}

/** What {@link useComposerDraft} returns. */
export interface UseComposerDraftReturn {
  /** The text of the field for the current conversation. */
  text: string;
  /**
   * The user changed the text: it shows at once, is kept safe locally once typing pauses, and is saved as
   * the draft when the user leaves (blur, another conversation, a hidden page, unmounting).
   */
  editText: (text: string) => void;
  /**
   * Saves the waiting draft now (call it on blur; switching conversations, hiding or leaving the page and
   * unmounting flush by themselves).
   */
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

/** Where a field's unsaved text waits in the tab's session storage: per signed-in user and conversation. */
const localKey = (userID: string, conversationID: string) => `tidings:draft:${userID}:${conversationID}`;

/** Session storage, or nothing where it is missing or refused (SSR, privacy settings, a full quota). */
function sessionStore(): Storage | null {
  try {
    return typeof sessionStorage === 'undefined' ? null : sessionStorage;
  } catch {
    return null;
  }
}

function readLocal(key: string): string | null {
  try {
    return sessionStore()?.getItem(key) ?? null;
  } catch {
    return null;
  }
}

function writeLocal(key: string, text: string | null): void {
  try {
    if (text === null) sessionStore()?.removeItem(key);
    else sessionStore()?.setItem(key, text);
  } catch {
    // A full or refused storage only loses the crash copy; the draft is still saved on leaving.
  }
}

/**
 * The draft side of a composer: the field's text per conversation, kept out of the store while the user
 * types (keystrokes touch nothing), saved with `saveDraft` when the user leaves — blur, switching
 * conversations, the page hiding or unloading, unmount — as Tencent's own apps do. Saving while typing
 * would activate the conversation (a set draft raises its order) for text the user may delete again; an
 * empty field never saves a draft. In between, the text is kept in session storage per user and
 * conversation, so a reload or a crash restores it into the field.
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
  delayMs = 300,
}: UseComposerDraftOptions): UseComposerDraftReturn {
  const store = useChatStoreApi();
  const userID = useChatStore(selectSelfUserID);
  const draftText = useChatStoreByID(selectDraftText, conversationID);
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
      const state = store.getState();
      const key = localKey(state.userID, id);
      state.saveDraft(id, draft).then(
        () => {
          // The local copy is kept until the draft it stood for is saved, unless newer text replaced it.
          if (readLocal(key) === text) writeLocal(key, null);
          if (mounted.current) release(id, text);
        },
        // The entry stays, so the text does too; the next edit or blur saves it again.
        () => undefined,
      );
    },
    [store, release],
  );

  /** Copies the waiting text to session storage now (a pause in typing, or before saving). */
  const keepLocal = useCallback(() => {
    clearTimeout(timer.current);
    const waiting = pending.current;
    if (waiting) writeLocal(localKey(store.getState().userID, waiting.conversationID), waiting.text);
  }, [store]);

  const flush = useCallback(() => {
    keepLocal();
    const waiting = pending.current;
    pending.current = null;
    if (waiting) save(waiting.conversationID, waiting.text);
  }, [keepLocal, save]);

  const editText = useCallback(
    (text: string) => {
      if (!conversationID) return;
      const id = conversationID;
      if (pending.current && pending.current.conversationID !== id) flush();
      update((current) => ({ ...current, [id]: { text, sending: current[id]?.sending ?? 0 } }));
      pending.current = { conversationID: id, text };
      clearTimeout(timer.current);
      timer.current = setTimeout(keepLocal, delayMs);
    },
    [conversationID, delayMs, flush, keepLocal, update],
  );

  // Text left unsaved by a reload or a crash comes back into the field, and is saved on leaving as usual.
  useEffect(() => {
    if (!conversationID || fieldsRef.current[conversationID] || pending.current) return;
    const key = localKey(userID, conversationID);
    const kept = readLocal(key);
    if (kept === null) return;
    const stored = store.getState().conversations.get(conversationID)?.draftText ?? null;
    if (asDraft(kept) === stored) {
      writeLocal(key, null);
      return;
    }
    update((current) => ({ ...current, [conversationID]: { text: kept, sending: 0 } }));
    pending.current = { conversationID, text: kept };
  }, [conversationID, userID, store, update]);

  // A page that hides (another tab, the phone's home screen) or unloads may never come back: save now.
  useEffect(() => {
    if (typeof document === 'undefined') return;
    const onHide = () => {
      if (document.visibilityState === 'hidden') flush();
    };
    document.addEventListener('visibilitychange', onHide);
    window.addEventListener('pagehide', flush);
    return () => {
      document.removeEventListener('visibilitychange', onHide);
      window.removeEventListener('pagehide', flush);
    };
  }, [flush]);

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
    (raw: string) =>
      beginDraftSend(
        { id: conversationID, store, fieldsRef, pending, timer, mounted, update, flush, save },
        raw,
      ),
    [conversationID, flush, save, store, update],
  );

  const entry = conversationID ? fields[conversationID] : undefined;
  return { text: entry ? entry.text : (draftText ?? ''), editText, flush, beginSend };
}

/** What {@link beginDraftSend} works with: the draft hook's state and its saving. */
interface DraftSendContext {
  id: string | null;
  store: ChatStore;
  fieldsRef: RefObject<Fields>;
  pending: RefObject<{ conversationID: string; text: string } | null>;
  timer: RefObject<ReturnType<typeof setTimeout> | undefined>;
  mounted: RefObject<boolean>;
  update: (change: (current: Fields) => Fields) => void;
  flush: () => void;
  save: (id: string, text: string) => void;
}

/** {@link UseComposerDraftReturn.beginSend}: the field empties for the send; `settle` says how it went. */
function beginDraftSend(context: DraftSendContext, raw: string): { settle: (sent: boolean) => boolean } {
  const { id, store, fieldsRef, pending, timer, mounted, update, flush, save } = context;
  if (!id) return { settle: () => false };
  if (pending.current?.conversationID === id) {
    clearTimeout(timer.current);
    pending.current = null;
  }
  // The text leaves the field for the send; a reload must not bring it back as unsaved text.
  writeLocal(localKey(store.getState().userID, id), null);
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
}

/** Only the draft, so the composer does not re-render for every other change of its conversation. */
function selectDraftText(state: ChatState, conversationID: string | null): string | null {
  return conversationID ? (state.conversations.get(conversationID)?.draftText ?? null) : null;
}
