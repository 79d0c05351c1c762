// Sending from the composer: the text (as a reply, with mentions), the waiting attachments and faces; a
// failed text coming back into the field, and leaving it again once the failed message is resent.
import { type ChatState, isChatError, type Message } from '@tidings/core';
import { type RefObject, useCallback, useEffect, useState } from 'react';
import { useChatConfig, useChatStoreApi } from '../chat-provider/index';
import type { Face } from '../face-picker/index';
import { useChatStoreByID } from '../internal/index';
import type { ComposerSendDetails, ComposerSendErrorDetails } from './use-composer';
import type { ComposerNotices } from './use-composer-notices';
import type { ComposerText } from './use-composer-text';

/** The callbacks the composer was given, as of the last render. */
export interface ComposerCallbacks {
  onSend?: ((details: ComposerSendDetails) => void) | undefined;
  onSendError?: ((details: ComposerSendErrorDetails) => void) | undefined;
  onReplyToChange?: ((message: Message | null) => void) | undefined;
  getAtUserList?: ((text: string) => string[]) | undefined;
}

/** Options of {@link useComposerSend}. */
export interface UseComposerSendOptions {
  conversationID: string | null;
  /** There is something to send and nothing stops it. */
  canSend: boolean;
  textareaRef: RefObject<HTMLTextAreaElement | null>;
  composerText: ComposerText;
  notices: Pick<ComposerNotices, 'notify' | 'clearNotices'>;
  /** Sends the waiting attachments. */
  sendAttachments: () => void;
  /** The message the text replies to, when it is in this conversation. */
  reply: Message | null;
  faceAction: 'insert' | 'send';
  /** Closes the face picker (a face was picked). */
  closeFacePicker: () => void;
  callbacks: RefObject<ComposerCallbacks>;
}

/** What {@link useComposerSend} returns. */
export interface ComposerSend {
  send: () => Promise<void>;
  cancelReply: () => void;
  pickFace: (face: Face) => void;
}

/** Sends the text and the attachments, and faces; reports failures inline and through `onSendError`. */
export function useComposerSend(options: UseComposerSendOptions): ComposerSend {
  const { conversationID, canSend, textareaRef, composerText, sendAttachments, reply, faceAction } = options;
  const { closeFacePicker, callbacks } = options;
  const { notify, clearNotices } = options.notices;
  const { draft, text, insertText } = composerText;
  const { editText } = draft;
  const store = useChatStoreApi();
  const { strings } = useChatConfig();

  const fail = useCallback(
    (id: string, error: unknown) => {
      const code = isChatError(error) ? error.code : 'UNKNOWN';
      notify(id, strings.sendError(code));
      if (isChatError(error)) callbacks.current.onSendError?.({ conversationID: id, error });
    },
    [notify, strings, callbacks],
  );

  const cancelReply = useCallback(() => callbacks.current.onReplyToChange?.(null), [callbacks]);

  // Replying is about to type: the field takes focus when a reply starts.
  const replyID = reply?.msgID;
  useEffect(() => {
    if (replyID) textareaRef.current?.focus();
  }, [replyID, textareaRef]);

  // A failed text stays in the field and, as a failed message, in the list with Resend. Once that message
  // is resent from the list, the field's copy would send it a second time: it goes, unless it was edited.
  const [failedSend, setFailedSend] = useState<{
    conversationID: string;
    msgID: string;
    text: string;
  } | null>(null);
  const failedStatus = useChatStoreByID(selectMessageStatus, failedSend?.msgID);
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
    sendAttachments();
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
  }, [
    canSend,
    clearNotices,
    conversationID,
    draft,
    fail,
    reply,
    sendAttachments,
    store,
    strings,
    text,
    callbacks,
  ]);

  const pickFace = useCallback(
    (face: Face) => {
      closeFacePicker();
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
    [conversationID, faceAction, fail, insertText, store, closeFacePicker, textareaRef, callbacks],
  );

  return { send, cancelReply, pickFace };
}

/** Only the status, so a failed text waits for its resend without re-rendering for other changes. */
function selectMessageStatus(state: ChatState, msgID: string | undefined): Message['status'] | undefined {
  return msgID === undefined ? undefined : state.messages.get(msgID)?.status;
}
