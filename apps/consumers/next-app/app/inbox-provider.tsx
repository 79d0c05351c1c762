'use client';

import { ChatProvider } from '@tidings/components';
import { type ChatStore, createChatStore } from '@tidings/core';
import { createLocalHub } from '@tidings/core/local';
import { seedConversations } from '@tidings/core/testing';
import { type ReactNode, use } from 'react';

// Server and browser build the same inbox (same seed, same clock for the times shown), so the HTML the
// server rendered is what the browser hydrates.
const NEWEST = Date.UTC(2025, 0, 15, 12, 0);
const now = () => NEWEST + 30 * 60_000;

let inbox: Promise<ChatStore> | undefined;

function loadInbox(): Promise<ChatStore> {
  inbox ??= (async () => {
    const hub = await createLocalHub({ users: ['alice'] });
    await seedConversations(hub, 'alice', 2000, { endTime: NEWEST });
    const store = createChatStore(await hub.connect('alice'));
    await store.getState().start();
    return store;
  })();
  return inbox;
}

export function InboxProvider({ children }: { children: ReactNode }) {
  const store = use(loadInbox());
  return (
    <ChatProvider store={store} autoStart={false} now={now}>
      {children}
    </ChatProvider>
  );
}
