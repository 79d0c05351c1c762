import { ChatProvider, Composer, ConversationList, MessageList } from '@tidings/components';
import { type ChatStore, createChatStore } from '@tidings/core';
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
      <main style={{ display: 'flex', gap: 16 }}>
        {/* A plain block container with a height: the list fills it and virtualizes. */}
        <div style={{ height: 600, width: 360 }}>
          <ConversationList />
        </div>
        <section style={{ height: 600, width: 480, display: 'flex', flexDirection: 'column' }}>
          <div style={{ flex: 1, minHeight: 0 }}>
            <MessageList />
          </div>
          <Composer />
        </section>
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
