import { Avatar, BackIcon, useChatStore, useChatStoreApi, useChatStrings } from '@tidings/components';
import {
  formatMessagePreview,
  selectActiveConversation,
  selectTypingUsers,
  selectWindowMessages,
} from '@tidings/core';
import { type FormEvent, useId, useState } from 'react';
import type { Session } from '../session/session';
import { useDemoStrings } from '../settings/preferences';

/** Props of {@link ChatPane}. */
export interface ChatPaneProps {
  session: Session;
}

/** The open conversation: header, messages, composer. */
export function ChatPane({ session: _session }: ChatPaneProps) {
  const t = useDemoStrings();
  const kit = useChatStrings();
  const conversation = useChatStore(selectActiveConversation);
  const activeID = useChatStore((state) => state.activeConversationID);
  const api = useChatStoreApi();
  const titleID = useId();
  if (!activeID) {
    return (
      <main className="demo-chat demo-chat-empty">
        <div className="demo-empty">
          <p className="demo-empty-title">{t.emptyChatTitle}</p>
          <p className="demo-hint">{t.emptyChatHint}</p>
        </div>
      </main>
    );
  }
  const name = conversation?.showName ?? activeID.replace(/^(c2c|group)_/, '');
  return (
    <main className="demo-chat" aria-labelledby={titleID}>
      <header className="demo-chat-header">
        <button
          type="button"
          className="demo-icon-button demo-back"
          aria-label={kit.back}
          onClick={() => void api.getState().openConversation(null)}
        >
          <BackIcon />
        </button>
        <Avatar src={conversation?.faceUrl} name={name} colorKey={activeID} size={40} decorative />
        <div className="demo-chat-heading">
          <h2 id={titleID} className="demo-chat-title">
            {name}
          </h2>
          <Typing id={activeID} />
        </div>
      </header>
      <TempMessages id={activeID} />
      <TempComposer id={activeID} />
    </main>
  );
}

function Typing({ id }: { id: string }) {
  const kit = useChatStrings();
  const typing = useChatStore((state) => selectTypingUsers(state, id));
  const users = useChatStore((state) => state.users);
  return (
    <p className="demo-chat-subtitle" aria-live="polite">
      {typing.length > 0 ? kit.typing(typing.map((user) => users[user.userID]?.nick ?? user.userID)) : ''}
    </p>
  );
}

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

function TempComposer({ id }: { id: string }) {
  const [text, setText] = useState('');
  const api = useChatStoreApi();
  const kit = useChatStrings();
  const send = (event: FormEvent) => {
    event.preventDefault();
    if (!text.trim()) return;
    void api.getState().sendText(id, text);
    setText('');
  };
  return (
    <form className="demo-temp-composer" onSubmit={send}>
      <input aria-label={kit.composerLabel} value={text} onChange={(event) => setText(event.target.value)} />
      <button type="submit">{kit.send}</button>
    </form>
  );
}
