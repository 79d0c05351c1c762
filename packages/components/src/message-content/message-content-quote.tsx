import { ChatError, ChatErrorCode, type Message } from '@tidings/core';
import { useState } from 'react';
import { useChatStoreApi, useChatStrings } from '../chat-provider/index';
import { useMessageContentOptions } from './message-content-context';
import type { MessageReply } from './message-content-reply';

/** Props of {@link MessageQuote}. */
export interface MessageQuoteProps {
  /** The reply. */
  message: Message;
  /** What it quotes (from {@link getMessageReply}). */
  reply: MessageReply;
}

/**
 * The quote at the top of a reply: who wrote the quoted message and a line of it. Activating it jumps to
 * the quoted message (`onOpenQuote`, by default the store's `jumpToMessage`, which the message list
 * scrolls to and highlights). When the original cannot be found (deleted, or never on this device), a
 * line under the quote says so.
 *
 * DOM: `button.tidings-message-quote` > `span.tidings-message-quote-sender` + `span.tidings-message-quote-text`;
 * then `span.tidings-message-quote-missing[role=status]` once a jump found nothing.
 */
export function MessageQuote({ message, reply }: MessageQuoteProps) {
  const strings = useChatStrings();
  const store = useChatStoreApi();
  const { onOpenQuote } = useMessageContentOptions();
  const [isMissing, setMissing] = useState(false);
  return (
    <>
      <button
        type="button"
        className="tidings-message-quote"
        aria-label={strings.quotedMessage(reply.senderName, reply.abstract)}
        onClick={() => {
          if (onOpenQuote) onOpenQuote({ message, quotedMsgID: reply.msgID });
          else
            store
              .getState()
              .jumpToMessage(message.conversationID, reply.msgID)
              .catch((error: unknown) => {
                if (error instanceof ChatError && error.code === ChatErrorCode.MessageNotFound)
                  setMissing(true);
              });
        }}
      >
        <span className="tidings-message-quote-sender" dir="auto">
          {reply.senderName}
        </span>{' '}
        <span className="tidings-message-quote-text" dir="auto">
          {reply.abstract}
        </span>
      </button>
      {isMissing && (
        <span className="tidings-message-quote-missing" role="status">
          {strings.quoteNotFound}
        </span>
      )}
    </>
  );
}
