import { Composer, useChatStore, useChatStoreApi, useChatStrings } from '@tidings/components';
import { formatMessagePreview, selectWindowMessages } from '@tidings/core';
import { useId } from 'react';
import { TidingsMark } from '../app-icons/app-icons';
import { useDemoStrings } from '../settings/preferences';
import { ChatHeader } from './chat-header';

/** Props of {@link ChatPane}. */
export interface ChatPaneProps {
  /** Opens message search in the open conversation. */
  onSearchInChat(conversationID: string): void;
}

/** The open conversation: its header, the messages and the composer; a hint while none is open. */
export function ChatPane({ onSearchInChat }: ChatPaneProps) {
  const t = useDemoStrings();
  const activeID = useChatStore((state) => state.activeConversationID);
  const api = useChatStoreApi();
  const titleID = useId();
  if (!activeID) {
    return (
      <main className="demo-chat demo-chat-empty" aria-label={t.emptyChatTitle}>
        <div className="demo-empty">
          <span className="demo-empty-mark">
            <TidingsMark size={56} />
          </span>
          <p className="demo-empty-title">{t.emptyChatTitle}</p>
          <p className="demo-hint">{t.emptyChatHint}</p>
        </div>
      </main>
    );
  }
  return (
    <main className="demo-chat" aria-labelledby={titleID}>
      <ChatHeader
        conversationID={activeID}
        titleID={titleID}
        onBack={() => void api.getState().openConversation(null)}
        onSearch={() => onSearchInChat(activeID)}
      />
      <TempMessages id={activeID} />
      <div className="demo-chat-composer">
        <Composer />
      </div>
    </main>
  );
}

/** Stand-in for the kit's MessageList until it lands. */
function TempMessages({ id }: { id: string }) {
  const messages = useChatStore((state) => selectWindowMessages(state, id));
  const kit = useChatStrings();
  return (
    <ol className="demo-temp-messages" aria-label={kit.messageListLabel(id)}>
      {messages.map((message) => (
        <li key={message.msgID} data-self={message.isSelf ? '' : undefined} data-state={message.status}>
          {formatMessagePreview(message, { strings: kit })}
        </li>
      ))}
    </ol>
  );
}
