import { createMessageReply } from '../format/format-reply';
import { ChatError, ChatErrorCode } from '../model/chat-error';
import { parseConversationID } from '../model/conversation-filter';
import { withProgress } from '../model/message-changes';
import { putMessages, replaceWindow } from '../model/message-window';
import { ownEntry } from '../model/own-record';
import type { Message, SendMessageHandle, SendMessageOptions } from '../model/types';
import { forwardMessages } from './chat-store-bulk';
import { type ChatStoreCore, type ChatStoreSlice, changedMessages, messageSlice } from './chat-store-core';
import { createAttachmentMessage } from './chat-store-media';
import { TYPING_BUSINESS_ID } from './chat-store-typing';
import * as check from './chat-store-validation';
import * as checkSend from './chat-store-validation-send';

type SendingActions =
  | 'sendMessage'
  | 'sendText'
  | 'sendFace'
  | 'sendFiles'
  | 'resendMessage'
  | 'cancelSendingMessage'
  | 'forwardMessages'
  | 'sendTyping';

/**
 * Sending: every message a user sends (text with mentions and quotes, faces, files, forwards) shows in its
 * window at once as `sending`, with its upload progress, and stays as `failed`, ready to resend, when the
 * send fails. Typing indicators are sent online-only.
 */
export function createSendingSlice(core: ChatStoreCore): ChatStoreSlice<SendingActions> {
  const { engine, get } = core;
  const setProgress = (msgID: string, progress: number | null) =>
    core.update((state) => {
      const sendProgress = withProgress(state.sendProgress, msgID, progress);
      return sendProgress === state.sendProgress ? null : { sendProgress };
    });

  return {
    messageListener: { onSendProgress: setProgress },

    actions: {
      sendMessage: async (conversationID, message, sendOptions) => {
        const { msgID, options } = check.inspect('sendMessage', () => {
          check.assertConversationID('sendMessage', conversationID);
          const { msgID } = check.assertMessage('sendMessage', message);
          return { msgID, options: check.assertSendOptions('sendMessage', conversationID, sendOptions) };
        });
        const onProgress = options.onProgress;
        const handle = engine.sendMessage(message, {
          ...options,
          onProgress: (progress) => {
            setProgress(msgID, progress);
            onProgress?.(progress);
          },
        });
        return track(core, setProgress, 'sendMessage', conversationID, handle);
      },

      sendText: async (conversationID, text, textOptions) => {
        const { atUserList, reply } = check.inspect('sendText', () => {
          check.assertConversationID('sendText', conversationID);
          check.assertText('sendText', text);
          return {
            atUserList: check.assertAtUserList('sendText', textOptions?.atUserList),
            reply: checkSend.assertReply('sendText', textOptions?.reply),
          };
        });
        const message = await core.call('sendText', () =>
          atUserList.length > 0
            ? engine.createTextAtMessage(text, atUserList)
            : engine.createTextMessage(text),
        );
        if (!reply) return get().sendMessage(conversationID, message);
        const cloudCustomData = createMessageReply(reply.message, {
          strings: reply.strings,
          senderName: reply.senderName,
          cloudCustomData: message.cloudCustomData,
        });
        return get().sendMessage(conversationID, { ...message, cloudCustomData });
      },

      sendFace: async (conversationID, index, data) => {
        check.assertConversationID('sendFace', conversationID);
        const face = checkSend.assertFace('sendFace', index, data);
        const message = await core.call('sendFace', () => engine.createFaceMessage(face.index, face.data));
        return get().sendMessage(conversationID, message);
      },

      sendFiles: async (conversationID, input, filesOptions) => {
        check.assertConversationID('sendFiles', conversationID);
        const files = check.assertFiles('sendFiles', input);
        const { onCreated, onProgress } = check.inspect('sendFiles', () =>
          checkSend.assertSendFilesOptions('sendFiles', filesOptions),
        );
        return Promise.allSettled(
          files.map(async (file) => {
            const message = await core.call('sendFiles', () => createAttachmentMessage(engine, file));
            if (onCreated?.(file, message) === false) {
              throw new ChatError(
                ChatErrorCode.SendCancelled,
                `\`sendFiles\`: "${file.name}" was taken back before it was sent`,
                { fileName: file.name },
              );
            }
            return get().sendMessage(
              conversationID,
              message,
              onProgress ? { onProgress: (progress) => onProgress(file, progress) } : undefined,
            );
          }),
        );
      },

      resendMessage: async (msgID) => {
        check.assertMsgID('resendMessage', msgID);
        const held = get().messages.get(msgID);
        const handle = engine.resendMessage(msgID, {
          onProgress: (progress) => setProgress(msgID, progress),
        });
        const conversationID = held?.conversationID ?? handle.message?.conversationID ?? '';
        return track(core, setProgress, 'resendMessage', conversationID, handle);
      },

      cancelSendingMessage: async (msgID) => {
        check.assertMsgID('cancelSendingMessage', msgID);
        await core.call('cancelSendingMessage', () => engine.cancelSendingMessage(msgID));
      },

      forwardMessages: (conversationIDs, msgIDs, forwardOptions) =>
        forwardMessages(
          { engine, get, removeHeld: (ids) => core.removeHeld(ids) },
          conversationIDs,
          msgIDs,
          forwardOptions,
        ),

      sendTyping: async (conversationID) => {
        check.assertConversationID('sendTyping', conversationID);
        const message = await core.call('sendTyping', () =>
          engine.createCustomMessage(JSON.stringify({ businessID: TYPING_BUSINESS_ID, typingStatus: 1 })),
        );
        await core.call(
          'sendTyping',
          () =>
            engine.sendMessage(message, {
              ...targetOf(conversationID),
              onlineUserOnly: true,
              isExcludedFromUnreadCount: true,
              isExcludedFromLastMessage: true,
            }).promise,
        );
      },
    },
  };
}

/** Sends through the engine, showing the message at once and keeping it (as failed) if the send fails. */
async function track(
  core: ChatStoreCore,
  setProgress: (msgID: string, progress: number | null) => void,
  action: string,
  conversationID: string,
  handle: SendMessageHandle,
): Promise<Message> {
  const pending = handle.message;
  const accepted = pending?.conversationID === conversationID;
  if (accepted) {
    core.update((state) => {
      let slice = messageSlice(state);
      // Sending always goes to the newest end: a window scrolled into the past starts over there.
      if (ownEntry(slice.windows, conversationID)?.hasNewer)
        slice = replaceWindow(slice, conversationID, [], { hasOlder: true });
      return changedMessages(state, putMessages(slice, [pending]));
    });
  }
  try {
    const sent = await handle;
    core.put([sent]);
    return sent;
  } catch (error) {
    const cause = check.toChatError(error, action);
    // The message stays as failed; saying which one lets a composer or a toast offer to resend it.
    const chatError = accepted
      ? new ChatError(cause.code, cause.message, { ...cause.details, msgID: pending.msgID }, { cause })
      : cause;
    if (accepted) {
      const [stored] = await core.engine.findMessages([pending.msgID]).catch(() => [] as Message[]);
      if (stored) core.put([stored.status === 'sending' ? { ...stored, status: 'failed' } : stored]);
      else core.put([{ ...pending, status: 'failed' }]);
    }
    throw chatError;
  } finally {
    if (pending) setProgress(pending.msgID, null);
  }
}

/** The receiver or group of a conversation, as `sendMessage` options. */
function targetOf(conversationID: string): Pick<SendMessageOptions, 'receiver' | 'groupID'> {
  const parsed = parseConversationID(conversationID);
  return parsed?.type === 'group' ? { groupID: parsed.groupID } : { receiver: parsed?.userID ?? '' };
}
