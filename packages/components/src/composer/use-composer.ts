import type { ChatError, Message } from '@tidings/core';
import {
  type ChangeEvent,
  type ClipboardEvent,
  type DragEvent,
  type FocusEvent,
  type FormEvent,
  type KeyboardEvent,
  type RefObject,
  useCallback,
} from 'react';
import type { Face } from '../face-picker/index';
import type { ComposerAttachment } from './use-composer-attachments';
import { useFacePickerPopover } from './use-composer-face-picker';
import { useComposerFiles } from './use-composer-files';
import { useComposerKeyboard } from './use-composer-keyboard';
import { useComposerSend } from './use-composer-send';
import { useComposerState } from './use-composer-state';

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
  const { sendKey = 'enter', faceAction = 'insert' } = options;
  const state = useComposerState(options);
  const { conversationID, isDisabled, ids, textareaRef, composerText, canSend, reply, addFiles } = state;
  const { isFacePickerOpen, setFacePickerOpen, closeFacePicker } = state;
  const { draft, text, setText, isOverLimit } = composerText;
  const { notify, clearNotices } = state.notices;

  const { send, cancelReply, pickFace } = useComposerSend({
    conversationID,
    canSend,
    textareaRef,
    composerText,
    notices: { notify, clearNotices },
    sendAttachments: state.attachments.sendAll,
    reply,
    faceAction,
    closeFacePicker,
    callbacks: state.callbacks,
  });
  const keyboard = useComposerKeyboard({
    sendKey,
    send,
    isFacePickerOpen,
    closeFacePicker,
    isReplying: reply !== null,
    cancelReply,
  });
  const facePicker = useFacePickerPopover({
    popoverID: ids.facePicker,
    isDisabled,
    isOpen: isFacePickerOpen,
    setOpen: setFacePickerOpen,
  });
  const files = useComposerFiles(addFiles, isDisabled, textareaRef);

  const { dropProps } = files;
  const getRootProps = useCallback(
    () => ({
      onSubmit: (event: FormEvent) => {
        event.preventDefault();
        void send();
        textareaRef.current?.focus();
      },
      ...dropProps,
    }),
    [dropProps, send, textareaRef],
  );
  const { onKeyDown, onCompositionStart, onCompositionEnd } = keyboard;
  const { onPaste } = files;
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
      onCompositionStart,
      onCompositionEnd,
    }),
    [
      draft.flush,
      ids.field,
      isDisabled,
      isOverLimit,
      onKeyDown,
      onPaste,
      sendKey,
      setText,
      text,
      onCompositionStart,
      onCompositionEnd,
      textareaRef,
    ],
  );
  const getSendButtonProps = useCallback(() => ({ type: 'submit' as const, disabled: !canSend }), [canSend]);

  return {
    conversationID,
    text,
    setText,
    insertText: composerText.insertText,
    textBytes: composerText.textBytes,
    maxTextBytes: state.maxTextBytes,
    isNearLimit: composerText.isNearLimit,
    isOverLimit,
    isDisabled,
    canSend,
    send,
    reply,
    cancelReply,
    pickFace,
    attachments: state.attachments.attachments,
    addFiles,
    removeAttachment: state.attachments.remove,
    notices: state.notices.notices,
    dismissNotice: state.notices.dismissNotice,
    isDragging: files.isDragging,
    isFacePickerOpen,
    setFacePickerOpen,
    shortcuts: keyboard.shortcuts,
    ids,
    textareaRef,
    getRootProps,
    getTextareaProps,
    getSendButtonProps,
    getAttachButtonProps: files.getAttachButtonProps,
    getFileInputProps: files.getFileInputProps,
    getFaceButtonProps: facePicker.getButtonProps,
    getFacePopoverProps: facePicker.getPopoverProps,
  };
}
