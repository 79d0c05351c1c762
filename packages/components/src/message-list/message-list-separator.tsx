import { formatDateSeparator } from '@tidings/core';
import { memo } from 'react';
import { useChatConfig, useDayChange } from '../chat-provider/index';

/** Props of {@link MessageListDateSeparator}. */
export interface MessageListDateSeparatorProps {
  /** A time on the day it stands for. */
  timestamp: number;
}

/**
 * The centered date pill before the first message of a day: `Today`, `Yesterday`, a weekday, a date.
 *
 * DOM: `div.tidings-message-list-date` > `time`.
 */
export const MessageListDateSeparator = memo(function MessageListDateSeparator({
  timestamp,
}: MessageListDateSeparatorProps) {
  const { locale, now } = useChatConfig();
  useDayChange(); // "Today" becomes "Yesterday" at midnight
  return (
    <div className="tidings-message-list-date">
      <time dateTime={new Date(timestamp).toISOString().slice(0, 10)}>
        {formatDateSeparator(timestamp, now(), locale)}
      </time>
    </div>
  );
});

/**
 * The line above the first message that was unread when the conversation was opened.
 *
 * DOM: `div.tidings-message-list-unread` > `span`.
 */
export const MessageListUnreadSeparator = memo(function MessageListUnreadSeparator() {
  const { strings } = useChatConfig();
  return (
    <div className="tidings-message-list-unread">
      <span>{strings.unreadSeparator}</span>
    </div>
  );
});

/** Props of {@link MessageListTyping}. */
export interface MessageListTypingProps {
  /** Who is typing. */
  names: readonly string[];
}

/**
 * "Bob is typing…" with three animated dots (still under reduced motion), after the newest message.
 * Typing status comes from online-only messages and lapses unless renewed.
 *
 * DOM: `div.tidings-message-list-typing` > dots + text.
 */
export const MessageListTyping = memo(function MessageListTyping({ names }: MessageListTypingProps) {
  const { strings } = useChatConfig();
  return (
    <div className="tidings-message-list-typing">
      <span className="tidings-message-list-typing-dots" aria-hidden="true">
        <span />
        <span />
        <span />
      </span>
      <span className="tidings-message-list-typing-text">{strings.typing(names)}</span>
    </div>
  );
});
