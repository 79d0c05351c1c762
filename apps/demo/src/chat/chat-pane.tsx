import {
  Composer,
  MessageList,
  type MessageRenderers,
  useChatStore,
  useChatStoreApi,
} from '@tidings/components';
import type { LocationElem } from '@tidings/core';
import { useCallback, useId, useState } from 'react';
import { TidingsMark } from '../app-icons/app-icons';
import { useDemoStrings } from '../settings/preferences';
import { ChatHeader } from './chat-header';
import { ChatPoll } from './chat-poll';

/** Props of {@link ChatPane}. */
export interface ChatPaneProps {
  /** Opens message search in the open conversation. */
  onSearchInChat(conversationID: string): void;
}

/** The app's own custom messages: polls. Everything else uses the kit's renderers. */
const RENDERERS: MessageRenderers = { custom: { poll: ChatPoll } };

/** Locations link to OpenStreetMap (the kit only ever shows http(s) links). */
const mapLink = (elem: LocationElem) =>
  `https://www.openstreetmap.org/?mlat=${elem.latitude}&mlon=${elem.longitude}#map=16/${elem.latitude}/${elem.longitude}`;

/** The open conversation: its header, the messages and the composer; a hint while none is open. */
export function ChatPane({ onSearchInChat }: ChatPaneProps) {
  const t = useDemoStrings();
  const activeID = useChatStore((state) => state.activeConversationID);
  const api = useChatStoreApi();
  const titleID = useId();
  // Re-editing a recalled message puts its text back as the draft; a fresh composer picks the draft up.
  const [composerKey, setComposerKey] = useState(0);
  const reEdit = useCallback(
    (text: string) => {
      const id = api.getState().activeConversationID;
      if (!id) return;
      void api
        .getState()
        .saveDraft(id, text)
        .then(() => setComposerKey((key) => key + 1));
    },
    [api],
  );

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
      <MessageList
        className="demo-chat-messages"
        renderers={RENDERERS}
        mapLinkBuilder={mapLink}
        onReEdit={reEdit}
      />
      <div className="demo-chat-composer">
        <Composer key={`${activeID}:${composerKey}`} />
      </div>
    </main>
  );
}
