import { formatMessageTime, type MergerElem, type Message } from '@tidings/core';
import { useState } from 'react';
import { useChatConfig } from '../chat-provider/index';
// A merged message shows whole messages, so this module and message-content import each other; both
// only use the other at render time.
import { MessageContent as MergedMessageContent } from './message-content';
import { type MessageElemProps, useMessageContentOptions } from './message-content-context';
import { MessageContentViewer } from './message-content-viewer';

/** How many abstract lines a merged message's card shows. */
const ABSTRACT_LINES = 4;

/**
 * A merged message (forwarded chat history): a card with its title, up to four abstract lines and a
 * `[Chat history]` footer (the button is named by all of them); activating it opens the list of its
 * messages (or `onOpenMerger`).
 *
 * DOM: `button.tidings-message-merger` > title + `ul` of abstract lines + footer.
 */
export function MessageMerger({ elem, message }: MessageElemProps<MergerElem>) {
  const { strings } = useChatConfig();
  const { onOpenMerger } = useMessageContentOptions();
  const [isOpen, setOpen] = useState(false);
  const label = strings.chatHistory(elem.title);
  return (
    <>
      <button
        type="button"
        className="tidings-message-merger"
        aria-haspopup="dialog"
        onClick={() => (onOpenMerger ? onOpenMerger({ message, elem }) : setOpen(true))}
      >
        <span className="tidings-message-merger-title" dir="auto">
          {elem.title}
        </span>{' '}
        <span className="tidings-message-merger-abstract">
          {elem.abstractList.slice(0, ABSTRACT_LINES).map((line, i) => (
            <span key={i} className="tidings-message-merger-line" dir="auto">
              {line}{' '}
            </span>
          ))}
        </span>{' '}
        <span className="tidings-message-merger-footer">{strings.previewChatHistory}</span>
      </button>
      {isOpen && (
        <MessageContentViewer label={label} variant="panel" onClose={() => setOpen(false)}>
          <MessageMergerList title={elem.title} messages={elem.messageList} />
        </MessageContentViewer>
      )}
    </>
  );
}

function MessageMergerList({ title, messages }: { title: string; messages: readonly Message[] }) {
  const { locale } = useChatConfig();
  return (
    <section className="tidings-message-merger-list">
      <h2 className="tidings-message-merger-list-title" dir="auto">
        {title}
      </h2>
      <ol className="tidings-message-merger-list-items">
        {messages.map((item) => (
          <li key={item.msgID} className="tidings-message-merger-list-item">
            <span className="tidings-message-merger-list-meta">
              <span className="tidings-message-merger-list-sender">{item.nick || item.sender}</span>{' '}
              <time dateTime={new Date(item.timestamp).toISOString()}>
                {formatMessageTime(item.timestamp, locale)}
              </time>
            </span>
            <MergedMessageContent message={item} />
          </li>
        ))}
      </ol>
    </section>
  );
}
