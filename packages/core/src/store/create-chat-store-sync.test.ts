import { afterEach, describe, expect, it, vi } from 'vitest';
import type { LocalHub } from '../engine/local/index';
import { selectIsSyncFailed } from '../selectors/index';
import { createSeededHub } from '../testing/index';
import type { ChatState, ChatStore } from './chat-store-types';
import { createChatStore } from './create-chat-store';

const open: { hub: LocalHub; store: ChatStore }[] = [];

afterEach(async () => {
  for (const { hub, store } of open.splice(0)) {
    store.getState().destroy();
    await hub.close();
  }
});

async function setup() {
  const { hub } = await createSeededHub({ users: 4, groups: 1, messagesPerConversation: 2 });
  const alice = await hub.connect('alice');
  const store = createChatStore(alice);
  open.push({ hub, store });
  await store.getState().start();
  return { alice, store };
}

async function until(store: ChatStore, check: (state: ChatState) => boolean) {
  await vi.waitFor(() => expect(check(store.getState())).toBe(true), { timeout: 3000, interval: 5 });
}

describe('createChatStore, sync failures', () => {
  it('keeps reporting a failed sync while it syncs again, until a sync succeeds', async () => {
    const { alice, store } = await setup();
    expect(selectIsSyncFailed(store.getState())).toBe(false);
    const seen: [string, boolean][] = [];
    store.subscribe((state) => seen.push([state.syncStatus, state.isSyncFailed]));
    alice.setNetworkConditions({ online: false });
    alice.setNetworkConditions({ online: true, failureRate: 1 });
    await until(store, (state) => state.syncStatus === 'failed');
    expect(selectIsSyncFailed(store.getState())).toBe(true);
    // The engine tries again by itself: syncing, and the failure still the last word.
    const failedAt = seen.findIndex(([status]) => status === 'failed');
    await vi.waitFor(() => expect(seen.slice(failedAt)).toContainEqual(['syncing', true]), { timeout: 3000 });

    alice.setNetworkConditions({ failureRate: 0 });
    await until(store, (state) => state.syncStatus === 'synced');
    expect(selectIsSyncFailed(store.getState())).toBe(false);
    const syncedAt = seen.findIndex(([status], index) => index > failedAt && status === 'synced');
    expect(seen.slice(failedAt, syncedAt).every(([, failed]) => failed)).toBe(true);
  });
});
