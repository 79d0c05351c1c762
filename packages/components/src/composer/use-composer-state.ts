// The composer's state hook: which conversation it writes in, the text, notices, attachments, the reply
// and the face picker's open state, before any behaviour is attached to elements.
import { type Message, selectActiveConversationID } from '@tidings/core';
import {
  type Dispatch,
  type RefObject,
  type SetStateAction,
  useCallback,
  useId,
  useMemo,
  useRef,
  useState,
} from 'react';
import { useChatStore } from '../chat-provider/index';
import { useLatest } from '../internal/index';
import { DEFAULT_MAX_FILE_BYTES, DEFAULT_MAX_IMAGE_BYTES, DEFAULT_MAX_TEXT_BYTES } from './composer-limits';
import type { UseComposerOptions, UseComposerReturn } from './use-composer';
import { type UseComposerAttachmentsReturn, useComposerAttachments } from './use-composer-attachments';
import { type ComposerNotices, useComposerNotices } from './use-composer-notices';
import type { ComposerCallbacks } from './use-composer-send';
import { type ComposerText, useComposerText } from './use-composer-text';

/** What {@link useComposerState} returns. */
export interface ComposerState {
  conversationID: string | null;
  isDisabled: boolean;
  ids: UseComposerReturn['ids'];
  textareaRef: RefObject<HTMLTextAreaElement | null>;
  notices: ComposerNotices;
  composerText: ComposerText;
  maxTextBytes: number;
  attachments: UseComposerAttachmentsReturn;
  /** Attaches files to the current conversation (clearing its notices), unless writing is disabled. */
  addFiles: (files: Iterable<File>) => void;
  canSend: boolean;
  reply: Message | null;
  isFacePickerOpen: boolean;
  setFacePickerOpen: Dispatch<SetStateAction<boolean>>;
  closeFacePicker: () => void;
  callbacks: RefObject<ComposerCallbacks>;
}

/** The composer's state, from its options and the store. */
export function useComposerState(options: UseComposerOptions): ComposerState {
  const { disabled = false, draftDelayMs = 300, typingStatus = 'c2c', typingIntervalMs = 3000 } = options;
  const { maxTextBytes = DEFAULT_MAX_TEXT_BYTES, maxFileBytes = DEFAULT_MAX_FILE_BYTES } = options;
  const { maxImageBytes = DEFAULT_MAX_IMAGE_BYTES, replyTo = null } = options;
  const { onReplyToChange, onSend, onSendError, getAtUserList } = options;
  const activeID = useChatStore(selectActiveConversationID);
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

  const notices = useComposerNotices(conversationID);
  const { notify, clearNotices } = notices;
  const composerText = useComposerText({
    conversationID,
    textareaRef,
    draftDelayMs,
    typingStatus,
    typingIntervalMs,
    maxTextBytes,
  });

  const callbacks = useLatest({ onSend, onSendError, onReplyToChange, getAtUserList });
  const limits = useMemo(() => ({ maxFileBytes, maxImageBytes }), [maxFileBytes, maxImageBytes]);
  const attachments = useComposerAttachments({
    conversationID,
    limits,
    onNotice: notify,
    onSent: (id, message) => callbacks.current.onSend?.({ conversationID: id, message }),
    onFailed: (id, error) => callbacks.current.onSendError?.({ conversationID: id, error }),
  });
  const { add } = attachments;
  const readyCount = attachments.attachments.filter((item) => item.status === 'ready').length;
  const addFiles = useCallback(
    (files: Iterable<File>) => {
      if (isDisabled || !conversationID) return;
      clearNotices(conversationID);
      add(files);
    },
    [add, clearNotices, conversationID, isDisabled],
  );

  const { text, isOverLimit } = composerText;
  const canSend = !isDisabled && !isOverLimit && (text.trim() !== '' || readyCount > 0);
  const reply = replyTo && replyTo.conversationID === conversationID ? replyTo : null;
  const [isFacePickerOpen, setFacePickerOpen] = useState(false);
  const closeFacePicker = useCallback(() => setFacePickerOpen(false), []);

  return {
    conversationID,
    isDisabled,
    ids,
    textareaRef,
    notices,
    composerText,
    maxTextBytes,
    attachments,
    addFiles,
    canSend,
    reply,
    isFacePickerOpen,
    setFacePickerOpen,
    closeFacePicker,
    callbacks,
  };
}
