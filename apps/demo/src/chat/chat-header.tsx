import {
  Avatar,
  BackIcon,
  ConversationActionsMenu,
  MoreIcon,
  SearchIcon,
  useChatStore,
  useChatStrings,
} from '@tidings/components';
import { selectConversation } from '@tidings/core';
import { useRef, useState } from 'react';
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
 * member count of a group or whether the peer is online; search in this chat and the conversation's
 * actions (the kit's menu: pin, mute, mark, star, folders, hide, delete) at the end.
 */
export function ChatHeader({ conversationID, titleID, onBack, onSearch }: ChatHeaderProps) {
  const t = useDemoStrings();
  const kit = useChatStrings();
  const info = useChatHeader(conversationID);
  const isListed = useChatStore((state) => selectConversation(state, conversationID) !== undefined);
  const more = useRef<HTMLButtonElement>(null);
  const [menuOpen, setMenuOpen] = useState(false);
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
          {/* "7 members" keeps its words in order on a right-to-left page. */}
          <bdi>{subtitle}</bdi>
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
        {isListed && (
          <button
            ref={more}
            type="button"
            className="demo-icon-button"
            aria-label={kit.conversationActions(info.name)}
            title={kit.moreActions}
            aria-haspopup="menu"
            aria-expanded={menuOpen}
            onClick={() => setMenuOpen((open) => !open)}
          >
            <MoreIcon />
          </button>
        )}
      </div>
      <ConversationActionsMenu
        conversationID={menuOpen ? conversationID : null}
        open={menuOpen}
        anchor={more.current}
        onOpenChange={setMenuOpen}
        returnFocus={() => more.current}
      />
    </header>
  );
}
