import type { Message } from '@tidings/core';
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
 * scrolls to and highlights).
 *
 * DOM: `button.tidings-message-quote` > `span.tidings-message-quote-sender` + `span.tidings-message-quote-text`.
 */
export function MessageQuote({ message, reply }: MessageQuoteProps) {
  const strings = useChatStrings();
  const store = useChatStoreApi();
  const { onOpenQuote } = useMessageContentOptions();
  return (
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
            .catch(() => {});
      }}
    >
      <span className="tidings-message-quote-sender" dir="auto">
        {reply.senderName}
      </span>{' '}
      <span className="tidings-message-quote-text" dir="auto">
        {reply.abstract}
      </span>
    </button>
  );
}
