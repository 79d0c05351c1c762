import {
  formatConversationTime,
  formatElemPreview,
  formatFullDateTime,
  type Message,
  selectConversation,
  selectUser,
  type TidingsStrings,
} from '@tidings/core';
import { memo, type ReactNode, useId } from 'react';
import { Avatar } from '../avatar/index';
import { useChatConfig } from '../chat-provider/index';
import { useChatStoreByID } from '../internal/index';
import { snippetAround, splitMatches } from './message-search-highlight';
import type { MessageSearchHit } from './use-message-search';

/** The searchable text of a message: its text, and the markers of other elements (`[File] report.pdf`). */
function searchTextOf(message: Message, strings: TidingsStrings): string {
  return message.elemList
    .map((elem) =>
      elem.type === 'text'
        ? elem.text
        : // An image is found by its file name too, so show it.
          elem.type === 'image' && elem.fileName
          ? `${strings.previewImage} ${elem.fileName}`
          : formatElemPreview(elem, strings),
    )
    .join(' ');
}

/** Text with the keywords wrapped in `<mark>`; built from text nodes, never from HTML. */
export function Highlighted({ text, keywords }: { text: string; keywords: readonly string[] }) {
  return (
    <>
      {splitMatches(text, keywords).map((part, index) =>
        part.match ? (
          // Runs never reorder: a run is its position.
          <mark key={index} className="tidings-message-search-mark">
            {part.text}
          </mark>
        ) : (
          part.text
        ),
      )}
    </>
  );
}

/** Props of {@link MessageSearchResult}. */
export interface MessageSearchResultProps {
  hit: MessageSearchHit;
  /** The DOM ID of the option, for the field's `aria-activedescendant`. */
  id: string;
  keywords: readonly string[];
  /** The arrow keys are on this result. */
  active: boolean;
  onSelect: (hit: MessageSearchHit) => void;
}

/**
 * One result: who sent it and when, and the text around the first match with every match marked.
 *
 * DOM: `div.tidings-message-search-result[role=option]` > `.tidings-message-search-result-head` (sender,
 * `time`), `.tidings-message-search-result-text` with `mark.tidings-message-search-mark`.
 */
export const MessageSearchResult = memo(function MessageSearchResult({
  hit,
  id,
  keywords,
  active,
  onSelect,
}: MessageSearchResultProps) {
  const { strings, locale, now } = useChatConfig();
  const { message } = hit;
  const senderNick = useChatStoreByID(selectUser, message.sender)?.nick;
  const sender = message.isSelf ? strings.you : message.nick || senderNick || message.sender;
  const text = snippetAround(searchTextOf(message, strings), keywords);
  return (
    <div
      id={id}
      role="option"
      aria-selected={active}
      className="tidings-message-search-result"
      // Keeps focus in the search field, where the keyboard model lives.
      onMouseDown={(event) => event.preventDefault()}
      onClick={() => onSelect(hit)}
    >
      <div className="tidings-message-search-result-head">
        <span className="tidings-message-search-result-sender" dir="auto">
          {sender}
        </span>{' '}
        <time
          className="tidings-message-search-result-time"
          dateTime={new Date(message.timestamp).toISOString()}
          title={formatFullDateTime(message.timestamp, locale)}
        >
          {formatConversationTime(message.timestamp, now(), locale)}
        </time>
      </div>{' '}
      {/* The spaces between the parts keep them apart in the option's accessible name. */}
      <p className="tidings-message-search-result-text" dir="auto">
        <Highlighted text={text} keywords={keywords} />
      </p>
    </div>
  );
});

/** Props of {@link MessageSearchGroup}. */
export interface MessageSearchGroupProps {
  conversationID: string;
  /** Matches in this conversation, on every page. */
  messageCount: number;
  children: ReactNode;
}

/**
 * The results of one conversation: a header with its avatar, name and number of matches, then the results.
 *
 * DOM: `div.tidings-message-search-group[role=group]` named by its `.tidings-message-search-group-header`.
 */
export const MessageSearchGroup = memo(function MessageSearchGroup({
  conversationID,
  messageCount,
  children,
}: MessageSearchGroupProps) {
  const { strings } = useChatConfig();
  const headerID = useId();
  const conversation = useChatStoreByID(selectConversation, conversationID);
  const name = conversation?.showName || conversationID.replace(/^(c2c|group)_/, '');
  return (
    <div
      role="group"
      aria-labelledby={`${headerID}-name ${headerID}-count`}
      className="tidings-message-search-group"
    >
      <div role="presentation" className="tidings-message-search-group-header">
        <Avatar src={conversation?.faceUrl} name={name} colorKey={conversationID} size={28} decorative />
        <span id={`${headerID}-name`} className="tidings-message-search-group-name" dir="auto">
          {name}
        </span>
        <span id={`${headerID}-count`} className="tidings-message-search-group-count" dir="auto">
          {strings.searchResultCount(messageCount)}
        </span>
      </div>
      {children}
    </div>
  );
});
