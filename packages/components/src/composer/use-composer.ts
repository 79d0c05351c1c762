import { type ChatError, isChatError, type Message } from '@tidings/core';
import {
  type ChangeEvent,
  type ClipboardEvent,
  type DragEvent,
  type FocusEvent,
  type FormEvent,
  type KeyboardEvent,
  type RefObject,
  useCallback,
  useEffect,
  useId,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  useSyncExternalStore,
} from 'react';
import { useChatConfig } from '../chat-provider/use-chat-config';
import { useChatStore, useChatStoreApi } from '../chat-provider/use-chat-store';
import type { Face } from '../face-picker/face-picker-faces';
import {
  DEFAULT_MAX_FILE_BYTES,
  DEFAULT_MAX_IMAGE_BYTES,
  DEFAULT_MAX_TEXT_BYTES,
  utf8ByteLength,
} from './composer-limits';
import { type ComposerAttachment, useComposerAttachments } from './use-composer-attachments';
import { useComposerDraft } from './use-composer-draft';

/** A sent message, as `onSend` reports it. */
export interface ComposerSendDetails {
  conversationID: string;
  /** The message as sent (text, attachment or face). */
  message: Message;
}

/** A failed send, as `onSendError` reports it. */
export interface ComposerSendErrorDetails {
  conversationID: string;
  error: ChatError;
}

/** A message the composer shows the user above the field (a failed send, a file too large). */
export interface ComposerNotice {
  id: string;
  text: string;
}

/** Options of {@link useComposer} (and props of `Composer`). */
export interface UseComposerOptions {
  /**
   * The conversation to write in.
   * @default the store's active conversation
   */
  conversationID?: string | null | undefined;
  /**
   * Which key sends: `'enter'` (Enter sends, Shift+Enter breaks the line) or `'mod-enter'` (Ctrl/⌘+Enter
   * sends, Enter breaks the line). Either way, Enter that confirms an IME composition never sends.
   * @default 'enter'
   */
  sendKey?: 'enter' | 'mod-enter' | undefined;
  /**
   * Disables writing and sending; pair it with `disabledReason` to say why.
   * @default false
   */
  disabled?: boolean | undefined;
  /**
   * How long typing pauses before the text is kept safe in session storage (a reload or a crash restores
   * it), ms. The draft is saved to the conversation only when the user leaves it, blurs the field or the
   * page hides, so text typed and deleted again never moves the conversation.
   * @default 300
   */
  draftDelayMs?: number | undefined;
  /**
   * Where the "typing…" status is sent (an online-only message): one-to-one chats only, every
   * conversation, or nowhere. Groups are left out by default, where it would reach every member.
   * @default 'c2c'
   */
  typingStatus?: 'c2c' | 'all' | 'off' | undefined;
  /**
   * At most one typing status per this many ms while the user types.
   * @default 3000
   */
  typingIntervalMs?: number | undefined;
  /**
   * The text limit in UTF-8 bytes; a counter shows from 80 % and sending stops above it.
   * @default 12288 (12 KB, the engines' limit)
   */
  maxTextBytes?: number | undefined;
  /**
   * The size limit of a file or video, bytes, checked before upload.
   * @default 104857600 (100 MiB)
   */
  maxFileBytes?: number | undefined;
  /**
   * The size limit of an image, bytes, checked before upload.
   * @default 29360128 (28 MiB)
   */
  maxImageBytes?: number | undefined;
  /**
   * What picking a face does: insert its emoji into the text at the caret, or send it at once as a face
   * message (`createFaceMessage(index, data)`).
   * @default 'insert'
   */
  faceAction?: 'insert' | 'send' | undefined;
  /**
   * The message being replied to (from the `MessageList`'s `onReply`): a quote of it shows above the field
   * and the next text is sent as a reply to it (TUIKit's `messageReply` in `cloudCustomData`, via
   * `createMessageReply`). Ignored when it belongs to another conversation.
   */
  replyTo?: Message | null | undefined;
  /**
   * Called with `null` when the reply was sent or cancelled (the quote's close button, or Escape in the
   * empty field), and with the message again when its send failed and the text came back into the field.
   */
  onReplyToChange?: ((message: Message | null) => void) | undefined;
  /** Called for every message the composer sent: text, each attachment, a face. */
  onSend?: ((details: ComposerSendDetails) => void) | undefined;
  /** Called when a send failed (the composer also says so inline). */
  onSendError?: ((details: ComposerSendErrorDetails) => void) | undefined;
  /**
   * The users a text mentions, asked at send time (`useComposerMention`'s `atUserListOf`); a text with
   * mentions is sent with `atUserList`.
   */
  getAtUserList?: ((text: string) => string[]) | undefined;
}

/** What {@link useComposer} returns: state, actions and prop getters for each part. */
export interface UseComposerReturn {
  /** The conversation being written in; `null` when none is open. */
  conversationID: string | null;
  /** The field's text. */
  text: string;
  /** Replaces the text, as if the user typed it (saved as the draft, sends a typing status). */
  setText: (text: string) => void;
  /** Inserts text at the caret (or over the selection) and puts the caret after it. */
  insertText: (text: string) => void;
  /** Size of the text in UTF-8 bytes. */
  textBytes: number;
  /** The text limit in UTF-8 bytes. */
  maxTextBytes: number;
  /** The text is at 80 % of the limit or more: show a counter. */
  isNearLimit: boolean;
  /** The text is over the limit: it cannot be sent. */
  isOverLimit: boolean;
  /** Writing is disabled (the `disabled` option, or no conversation is open). */
  isDisabled: boolean;
  /** There is something to send and nothing stops it. */
  canSend: boolean;
  /** Sends the text and the waiting attachments. */
  send: () => Promise<void>;
  /** The message the text replies to, when it is in this conversation. */
  reply: Message | null;
  /** Stops replying (`onReplyToChange(null)`). */
  cancelReply: () => void;
  /** Inserts or sends a face, per `faceAction`. */
  pickFace: (face: Face) => void;
  /** The current conversation's attachments, waiting or being sent. */
  attachments: readonly ComposerAttachment[];
  /** Attaches files (checked against the size limits first). */
  addFiles: (files: Iterable<File>) => void;
  /** Removes a waiting attachment, or cancels one being sent. */
  removeAttachment: (id: string) => void;
  /** Notices of the current conversation, oldest first. */
  notices: readonly ComposerNotice[];
  /** Removes a notice. */
  dismissNotice: (id: string) => void;
  /** Files are being dragged over the composer. */
  isDragging: boolean;
  /** The face picker is open. */
  isFacePickerOpen: boolean;
  /** Opens or closes the face picker. */
  setFacePickerOpen: (open: boolean) => void;
  /** The keys that send and that break the line, for the hint: e.g. `Enter` and `Shift+Enter`. */
  shortcuts: { send: string; newLine: string };
  /** Element IDs the parts refer to each other by. */
  ids: { field: string; hint: string; limit: string; facePicker: string; reply: string };
  /** The field, for focusing it from outside. */
  textareaRef: RefObject<HTMLTextAreaElement | null>;
  /** Props for the root `<form>`: submit (Send) and the drop target. */
  getRootProps: () => {
    onSubmit: (event: FormEvent) => void;
    onDragEnter: (event: DragEvent) => void;
    onDragOver: (event: DragEvent) => void;
    onDragLeave: (event: DragEvent) => void;
    onDrop: (event: DragEvent) => void;
  };
  /** Props for the `<textarea>`: value, keys, paste, composition, blur (saves the draft). */
  getTextareaProps: () => {
    ref: RefObject<HTMLTextAreaElement | null>;
    id: string;
    value: string;
    rows: number;
    disabled: boolean;
    enterKeyHint: 'send' | 'enter';
    'aria-invalid': true | undefined;
    onChange: (event: ChangeEvent<HTMLTextAreaElement>) => void;
    onKeyDown: (event: KeyboardEvent<HTMLTextAreaElement>) => void;
    onPaste: (event: ClipboardEvent<HTMLTextAreaElement>) => void;
    onBlur: () => void;
    onCompositionStart: () => void;
    onCompositionEnd: () => void;
  };
  /** Props for the Send button. */
  getSendButtonProps: () => { type: 'submit'; disabled: boolean };
  /** Props for the attach button (opens the file input). */
  getAttachButtonProps: () => { type: 'button'; disabled: boolean; onClick: () => void };
  /** Props for the hidden file input. */
  getFileInputProps: () => {
    ref: RefObject<HTMLInputElement | null>;
    type: 'file';
    multiple: true;
    hidden: true;
    tabIndex: -1;
    onChange: (event: ChangeEvent<HTMLInputElement>) => void;
  };
  /** Props for the face button that opens the picker. */
  getFaceButtonProps: () => {
    ref: RefObject<HTMLButtonElement | null>;
    type: 'button';
    disabled: boolean;
    'aria-expanded': boolean;
    'aria-haspopup': 'grid';
    'aria-controls': string | undefined;
    onClick: () => void;
  };
  /** Props for the element that holds the face picker: Escape and focus leaving close it. */
  getFacePopoverProps: () => {
    id: string;
    ref: RefObject<HTMLDivElement | null>;
    onKeyDown: (event: KeyboardEvent) => void;
    onBlur: (event: FocusEvent) => void;
  };
}

const useIsomorphicLayoutEffect = typeof document === 'undefined' ? useEffect : useLayoutEffect;

const noSubscription = () => () => undefined;
const isApplePlatform = () => /Mac|iPhone|iPad|iPod/.test(navigator.platform || navigator.userAgent);

/** `field-sizing: content` grows a textarea with its text in CSS alone (Chromium 123+, Safari 26+). */
const supportsFieldSizing = () =>
  typeof CSS !== 'undefined' && typeof CSS.supports === 'function' && CSS.supports('field-sizing', 'content');

const hasFiles = (event: DragEvent) => Array.from(event.dataTransfer?.types ?? []).includes('Files');

let nextNoticeID = 0;

/**
 * The composer's behaviour, headless: the field's text per conversation (never in the store while the
 * user types; saved as the draft once typing pauses, restored on return and after reload, cleared only
 * when that text was sent), Enter to send without ever sending an IME composition, attachments by button,
 * paste and drop (size-checked, uploaded with progress, cancellable), faces, the throttled typing status,
 * and the text limit. Render it yourself with the prop getters, or use `Composer`.
 *
 * @example
 * const composer = useComposer({ sendKey: 'enter' });
 * <form {...composer.getRootProps()}>
 *   <textarea {...composer.getTextareaProps()} aria-label="Message" />
 *   <button {...composer.getSendButtonProps()}>Send</button>
 * </form>
 */
export function useComposer(options: UseComposerOptions = {}): UseComposerReturn {
  const {
    sendKey = 'enter',
    disabled = false,
    draftDelayMs = 300,
    typingStatus = 'c2c',
    typingIntervalMs = 3000,
    maxTextBytes = DEFAULT_MAX_TEXT_BYTES,
    maxFileBytes = DEFAULT_MAX_FILE_BYTES,
    maxImageBytes = DEFAULT_MAX_IMAGE_BYTES,
    faceAction = 'insert',
    replyTo = null,
    onReplyToChange,
    onSend,
    onSendError,
    getAtUserList,
  } = options;
  const store = useChatStoreApi();
  const { strings } = useChatConfig();
  const activeID = useChatStore(selectActiveID);
  const conversationID = options.conversationID === undefined ? activeID : options.conversationID;
  const isDisabled = disabled || !conversationID;

  const baseID = useId();
  const ids = useMemo(
    () => ({
      field: `${baseID}-field`,
      hint: `${baseID}-hint`,
      limit: `${baseID}-limit`,
      facePicker: `${baseID}-faces`,
      reply: `${baseID}-reply`,
    }),
    [baseID],
  );
  const textareaRef = useRef<HTMLTextAreaElement | null>(null);
  const fileInputRef = useRef<HTMLInputElement | null>(null);
  const faceButtonRef = useRef<HTMLButtonElement | null>(null);
  const popoverRef = useRef<HTMLDivElement | null>(null);

  // ── Notices ──────────────────────────────────────────────────────────────────────────────────
  const [allNotices, setAllNotices] = useState<readonly (ComposerNotice & { conversationID: string })[]>([]);
  const notify = useCallback((id: string, text: string) => {
    // The newest few are enough; older ones have been read or no longer matter.
    setAllNotices((current) => [
      ...current.slice(-4),
      { id: `notice-${++nextNoticeID}`, conversationID: id, text },
    ]);
  }, []);
  const clearNotices = useCallback(
    (id: string) =>
      setAllNotices((current) =>
        current.some((notice) => notice.conversationID === id)
          ? current.filter((notice) => notice.conversationID !== id)
          : current,
      ),
    [],
  );
  const dismissNotice = useCallback(
    (id: string) => setAllNotices((current) => current.filter((notice) => notice.id !== id)),
    [],
  );
  const notices = useMemo(
    () => allNotices.filter((notice) => notice.conversationID === conversationID),
    [allNotices, conversationID],
  );

  // ── Text and draft ───────────────────────────────────────────────────────────────────────────
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
    [setText, text],
  );

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

  // ── Attachments ──────────────────────────────────────────────────────────────────────────────
  const callbacks = useRef({ onSend, onSendError, onReplyToChange, getAtUserList });
  callbacks.current = { onSend, onSendError, onReplyToChange, getAtUserList };
  const limits = useMemo(() => ({ maxFileBytes, maxImageBytes }), [maxFileBytes, maxImageBytes]);
  const { attachments, add, remove, sendAll } = useComposerAttachments({
    conversationID,
    limits,
    onNotice: notify,
    onSent: (id, message) => callbacks.current.onSend?.({ conversationID: id, message }),
    onFailed: (id, error) => callbacks.current.onSendError?.({ conversationID: id, error }),
  });
  const readyCount = attachments.filter((item) => item.status === 'ready').length;

  const addFiles = useCallback(
    (files: Iterable<File>) => {
      if (isDisabled || !conversationID) return;
      clearNotices(conversationID);
      add(files);
    },
    [add, clearNotices, conversationID, isDisabled],
  );

  // ── Sending ──────────────────────────────────────────────────────────────────────────────────
  const canSend = !isDisabled && !isOverLimit && (text.trim() !== '' || readyCount > 0);

  const fail = useCallback(
    (id: string, error: unknown) => {
      const code = isChatError(error) ? error.code : 'UNKNOWN';
      notify(id, strings.sendError(code));
      if (isChatError(error)) callbacks.current.onSendError?.({ conversationID: id, error });
    },
    [notify, strings],
  );

  const reply = replyTo && replyTo.conversationID === conversationID ? replyTo : null;
  const cancelReply = useCallback(() => callbacks.current.onReplyToChange?.(null), []);

  // Replying is about to type: the field takes focus when a reply starts.
  const replyID = reply?.msgID;
  useEffect(() => {
    if (replyID) textareaRef.current?.focus();
  }, [replyID]);

  // A failed text stays in the field and, as a failed message, in the list with Resend. Once that message
  // is resent from the list, the field's copy would send it a second time: it goes, unless it was edited.
  const [failedSend, setFailedSend] = useState<{
    conversationID: string;
    msgID: string;
    text: string;
  } | null>(null);
  const failedStatus = useChatStore(
    useCallback(
      (state) => (failedSend ? state.messages.get(failedSend.msgID)?.status : undefined),
      [failedSend],
    ),
  );
  useEffect(() => {
    if (!failedSend || failedStatus === 'failed' || failedStatus === 'sending') return;
    if (failedStatus === 'sent' && failedSend.conversationID === conversationID && text === failedSend.text) {
      editText('');
      clearNotices(failedSend.conversationID);
    }
    setFailedSend(null);
  }, [clearNotices, conversationID, editText, failedSend, failedStatus, text]);

  const send = useCallback(async () => {
    if (!canSend || !conversationID) return;
    const id = conversationID;
    const body = text.trim();
    const raw = text;
    setFailedSend(null);
    clearNotices(id);
    sendAll();
    if (body === '') return;
    const { settle } = draft.beginSend(text);
    const quoted = reply;
    if (quoted) callbacks.current.onReplyToChange?.(null);
    const atUserList = callbacks.current.getAtUserList?.(body) ?? [];
    try {
      const message =
        quoted || atUserList.length > 0
          ? await store.getState().sendText(id, body, {
              ...(atUserList.length > 0 && { atUserList }),
              ...(quoted && { reply: { message: quoted, strings } }),
            })
          : await store.getState().sendText(id, body);
      settle(true);
      callbacks.current.onSend?.({ conversationID: id, message });
    } catch (error) {
      // The text came back into the field: so does what it replied to.
      const restored = settle(false);
      if (restored && quoted) callbacks.current.onReplyToChange?.(quoted);
      const msgID = isChatError(error) ? error.details.msgID : undefined;
      if (restored && typeof msgID === 'string') setFailedSend({ conversationID: id, msgID, text: raw });
      fail(id, error);
    }
  }, [canSend, clearNotices, conversationID, draft, fail, reply, sendAll, store, strings, text]);

  const [isFacePickerOpen, setFacePickerOpen] = useState(false);

  const pickFace = useCallback(
    (face: Face) => {
      setFacePickerOpen(false);
      if (faceAction === 'insert' || !conversationID) {
        insertText(face.emoji);
        return;
      }
      const id = conversationID;
      textareaRef.current?.focus();
      void (async () => {
        try {
          const sent = await store.getState().sendFace(id, face.index, face.data);
          callbacks.current.onSend?.({ conversationID: id, message: sent });
        } catch (error) {
          fail(id, error);
        }
      })();
    },
    [conversationID, faceAction, fail, insertText, store],
  );

  // ── Face picker popover ──────────────────────────────────────────────────────────────────────
  useEffect(() => {
    if (!isFacePickerOpen) return;
    const onPointerDown = (event: PointerEvent) => {
      const target = event.target as Node | null;
      if (popoverRef.current?.contains(target) || faceButtonRef.current?.contains(target)) return;
      setFacePickerOpen(false);
    };
    document.addEventListener('pointerdown', onPointerDown);
    return () => document.removeEventListener('pointerdown', onPointerDown);
  }, [isFacePickerOpen]);

  useEffect(() => {
    if (isDisabled) setFacePickerOpen(false);
  }, [isDisabled]);

  // ── Keyboard, paste, drop ────────────────────────────────────────────────────────────────────
  const composing = useRef(false);
  const onKeyDown = useCallback(
    (event: KeyboardEvent<HTMLTextAreaElement>) => {
      // A picker over the field (mentions) handled the key: Enter picked, Escape closed it.
      if (event.defaultPrevented) return;
      if (event.key === 'Escape' && isFacePickerOpen) {
        setFacePickerOpen(false);
        return;
      }
      if (event.key === 'Escape' && reply && event.currentTarget.value === '') {
        cancelReply();
        return;
      }
      if (event.key !== 'Enter') return;
      // Enter that confirms an IME composition (Chinese, Japanese, Korean input) is not a send. Safari
      // ends the composition before its keydown, which then only keyCode 229 gives away.
      if (event.nativeEvent.isComposing || composing.current || event.keyCode === 229) return;
      const modified = event.ctrlKey || event.metaKey;
      const sends = sendKey === 'enter' ? !event.shiftKey && !event.altKey : modified;
      if (!sends) return;
      event.preventDefault();
      void send();
    },
    [cancelReply, isFacePickerOpen, reply, send, sendKey],
  );

  const onPaste = useCallback(
    (event: ClipboardEvent<HTMLTextAreaElement>) => {
      const files = Array.from(event.clipboardData?.files ?? []);
      if (files.length === 0) return;
      // Office and spreadsheets put a picture of the copied text next to it: the text is what was meant.
      if (event.clipboardData.getData('text/plain') !== '') return;
      event.preventDefault();
      addFiles(files);
    },
    [addFiles],
  );

  const [isDragging, setDragging] = useState(false);
  // dragenter/dragleave fire for every child crossed; a depth count tells when the pointer really left.
  const dragDepth = useRef(0);
  const getRootProps = useCallback(
    () => ({
      onSubmit: (event: FormEvent) => {
        event.preventDefault();
        void send();
        textareaRef.current?.focus();
      },
      onDragEnter: (event: DragEvent) => {
        if (!hasFiles(event) || isDisabled) return;
        event.preventDefault();
        dragDepth.current++;
        setDragging(true);
      },
      onDragOver: (event: DragEvent) => {
        if (!hasFiles(event) || isDisabled) return;
        event.preventDefault();
        event.dataTransfer.dropEffect = 'copy';
      },
      onDragLeave: () => {
        if (dragDepth.current === 0) return;
        dragDepth.current--;
        if (dragDepth.current === 0) setDragging(false);
      },
      onDrop: (event: DragEvent) => {
        if (!hasFiles(event)) return;
        event.preventDefault();
        dragDepth.current = 0;
        setDragging(false);
        addFiles(Array.from(event.dataTransfer.files));
      },
    }),
    [addFiles, isDisabled, send],
  );

  const getTextareaProps = useCallback(
    () => ({
      ref: textareaRef,
      id: ids.field,
      value: text,
      rows: 1,
      disabled: isDisabled,
      enterKeyHint: (sendKey === 'enter' ? 'send' : 'enter') as 'send' | 'enter',
      'aria-invalid': isOverLimit ? (true as const) : undefined,
      onChange: (event: ChangeEvent<HTMLTextAreaElement>) => setText(event.target.value),
      onKeyDown,
      onPaste,
      onBlur: draft.flush,
      onCompositionStart: () => {
        composing.current = true;
      },
      onCompositionEnd: () => {
        composing.current = false;
      },
    }),
    [draft.flush, ids.field, isDisabled, isOverLimit, onKeyDown, onPaste, sendKey, setText, text],
  );

  const getSendButtonProps = useCallback(() => ({ type: 'submit' as const, disabled: !canSend }), [canSend]);

  const getAttachButtonProps = useCallback(
    () => ({
      type: 'button' as const,
      disabled: isDisabled,
      onClick: () => fileInputRef.current?.click(),
    }),
    [isDisabled],
  );

  const getFileInputProps = useCallback(
    () => ({
      ref: fileInputRef,
      type: 'file' as const,
      multiple: true as const,
      hidden: true as const,
      tabIndex: -1 as const,
      onChange: (event: ChangeEvent<HTMLInputElement>) => {
        addFiles(Array.from(event.target.files ?? []));
        // The same file picked again next time must fire a change too.
        event.target.value = '';
        textareaRef.current?.focus();
      },
    }),
    [addFiles],
  );

  const getFaceButtonProps = useCallback(
    () => ({
      ref: faceButtonRef,
      type: 'button' as const,
      disabled: isDisabled,
      'aria-expanded': isFacePickerOpen,
      'aria-haspopup': 'grid' as const,
      'aria-controls': isFacePickerOpen ? ids.facePicker : undefined,
      onClick: () => setFacePickerOpen((open) => !open),
    }),
    [ids.facePicker, isDisabled, isFacePickerOpen],
  );

  const getFacePopoverProps = useCallback(
    () => ({
      id: ids.facePicker,
      ref: popoverRef,
      onKeyDown: (event: KeyboardEvent) => {
        if (event.key !== 'Escape') return;
        event.stopPropagation();
        setFacePickerOpen(false);
        faceButtonRef.current?.focus();
      },
      onBlur: (event: FocusEvent) => {
        const next = event.relatedTarget as Node | null;
        // Focus left the picker (Tab, or a click elsewhere): it closes, like a menu.
        if (next && !popoverRef.current?.contains(next) && !faceButtonRef.current?.contains(next)) {
          setFacePickerOpen(false);
        }
      },
    }),
    [ids.facePicker],
  );

  const isApple = useSyncExternalStore(noSubscription, isApplePlatform, () => false);
  const shortcuts = useMemo(
    () =>
      sendKey === 'enter'
        ? { send: 'Enter', newLine: 'Shift+Enter' }
        : { send: isApple ? '⌘+Enter' : 'Ctrl+Enter', newLine: 'Enter' },
    [isApple, sendKey],
  );

  return {
    conversationID,
    text,
    setText,
    insertText,
    textBytes,
    maxTextBytes,
    isNearLimit,
    isOverLimit,
    isDisabled,
    canSend,
    send,
    reply,
    cancelReply,
    pickFace,
    attachments,
    addFiles,
    removeAttachment: remove,
    notices,
    dismissNotice,
    isDragging,
    isFacePickerOpen,
    setFacePickerOpen,
    shortcuts,
    ids,
    textareaRef,
    getRootProps,
    getTextareaProps,
    getSendButtonProps,
    getAttachButtonProps,
    getFileInputProps,
    getFaceButtonProps,
    getFacePopoverProps,
  };
}

function selectActiveID(state: { activeConversationID: string | null }): string | null {
  return state.activeConversationID;
}
