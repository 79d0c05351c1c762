import { afterEach, describe, expect, it, vi } from 'vitest';
import type { LocalHub } from '../engine/local/index';
import type { ChatStore } from '../store/chat-store-types';
import { createChatStore } from '../store/create-chat-store';
import { createSeededHub } from '../testing/index';
import { selectConversationGroups, selectConversations } from './select-conversations';
import { selectActiveConversationID, selectSelfUserID, selectUser, selectUsers } from './select-session';
import { selectSyncStatus } from './select-sync';

const open: { hub: LocalHub; store: ChatStore }[] = [];

afterEach(async () => {
  for (const { hub, store } of open.splice(0)) {
    store.getState().destroy();
    await hub.close();
  }
});

async function signedIn() {
  const { hub } = await createSeededHub({ users: 4, groups: 1, messagesPerConversation: 2 });
  const store = createChatStore(await hub.connect('alice'));
  open.push({ hub, store });
  await store.getState().start();
  return { hub, store };
}

describe('session selectors', () => {
  it('tell who is signed in, which conversation is open and how the sync stands', async () => {
    const { store } = await signedIn();
    expect(selectSelfUserID(store.getState())).toBe('alice');
    expect(selectActiveConversationID(store.getState())).toBeNull();
    const [first] = selectConversations(store.getState()).keys();
    await store.getState().openConversation(first as string);
    expect(selectActiveConversationID(store.getState())).toBe(first);
    // No sync has been reported by the engine yet.
    expect(selectSyncStatus(store.getState())).toBe('idle');
  });

  it('find the profile of a user who wrote, and keep the same map until one changes', async () => {
    const { hub, store } = await signedIn();
    expect(selectUser(store.getState(), 'bob')).toBeUndefined();
    const bob = await hub.connect('bob');
    await bob.sendMessage(await bob.createTextMessage('hi'), { receiver: 'alice' });
    await vi.waitFor(() => expect(selectUser(store.getState(), 'bob')?.userID).toBe('bob'), {
      timeout: 2000,
    });
    const users = selectUsers(store.getState());
    await store.getState().pinConversation('c2c_bob', true);
    expect(selectUsers(store.getState())).toBe(users);
  });

  it('list the conversation groups the engine has', async () => {
    const { store } = await signedIn();
    const [first] = selectConversations(store.getState()).keys();
    await store.getState().createConversationGroup('Work', [first as string]);
    expect(selectConversationGroups(store.getState()).map((group) => group.name)).toContain('Work');
  });
});
