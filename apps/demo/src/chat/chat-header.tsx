import { Avatar, BackIcon, SearchIcon, useChatStrings } from '@tidings/components';
import { useDemoStrings } from '../settings/preferences';
import { useChatHeader } from './use-chat-header';

/** Props of {@link ChatHeader}. */
export interface ChatHeaderProps {
  conversationID: string;
  /** The id of the heading, which names the chat region. */
  titleID: string;
  /** Goes back to the list (shown on narrow screens, where the list and the chat are two screens). */
  onBack(): void;
  /** Opens message search in this conversation. */
  onSearch(): void;
}

/**
 * The top of a chat: back (narrow screens), the picture and name, and under it who is typing, else the
 * member count of a group or whether the peer is online; search in this chat at the end.
 */
export function ChatHeader({ conversationID, titleID, onBack, onSearch }: ChatHeaderProps) {
  const t = useDemoStrings();
  const kit = useChatStrings();
  const info = useChatHeader(conversationID);
  const typing = info.typingNames.length > 0;
  const subtitle = typing
    ? kit.typing(info.typingNames)
    : info.type === 'group'
      ? info.memberCount === null
        ? ''
        : t.members(info.memberCount)
      : info.isPeerOnline
        ? t.onlineNow
        : t.directMessage;
  return (
    <header className="demo-chat-header">
      <button type="button" className="demo-icon-button demo-back" aria-label={kit.back} onClick={onBack}>
        <BackIcon />
      </button>
      <span className="demo-chat-avatar" data-online={info.isPeerOnline ? '' : undefined}>
        <Avatar src={info.faceUrl} name={info.name} colorKey={conversationID} size={40} decorative />
      </span>
      <div className="demo-chat-heading">
        <h2 id={titleID} className="demo-chat-title">
          {info.name}
        </h2>
        <p className="demo-chat-subtitle" data-typing={typing ? '' : undefined} aria-live="polite">
          {subtitle}
        </p>
      </div>
      <div className="demo-pane-actions">
        <button
          type="button"
          className="demo-icon-button"
          aria-label={t.searchInChat}
          title={t.searchInChat}
          onClick={onSearch}
        >
          <SearchIcon />
        </button>
      </div>
    </header>
  );
}
