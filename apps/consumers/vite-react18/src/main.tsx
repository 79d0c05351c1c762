import { ChatProvider } from '@tidings/components/chat-provider';
import { Composer } from '@tidings/components/composer';
import { ConversationList } from '@tidings/components/conversation-list';
import { MessageList } from '@tidings/components/message-list';
import { TotalUnreadBadge } from '@tidings/components/total-unread-badge';
import { type ChatStore, createChatStore, selectTotalUnread } from '@tidings/core';
import { createLocalHub } from '@tidings/core/local';
import { seedConversations } from '@tidings/core/testing';
import '@tidings/components/styles.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';

async function createInbox(): Promise<ChatStore> {
  const hub = await createLocalHub({ users: ['alice'] });
  await seedConversations(hub, 'alice', 2000);
  const store = createChatStore(await hub.connect('alice'));
  await store.getState().start();
  return store;
}

function App({ store }: { store: ChatStore }) {
  return (
    <ChatProvider store={store}>
      <header>
        Inbox <TotalUnreadBadge /> ({selectTotalUnread(store.getState())} unread at start)
      </header>
      {/* A CSS grid with a definite height: each list fills its cell. */}
      <main style={{ display: 'grid', gridTemplateColumns: '360px 480px', gridTemplateRows: '600px auto' }}>
        <ConversationList />
        <MessageList />
        <div style={{ gridColumn: 2 }}>
          <Composer />
        </div>
      </main>
    </ChatProvider>
  );
}

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root');
void createInbox().then((store) => {
  createRoot(root).render(
    <StrictMode>
      <App store={store} />
    </StrictMode>,
  );
});
