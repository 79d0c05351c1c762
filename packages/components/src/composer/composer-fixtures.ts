/**
 * A real chat for the composer's tests and stories: a seeded local hub (Alice, Bob, Carol, Dave and a
 * group), Alice's engine under a started `createChatStore`, and Bob's store to see what arrives. Not
 * exported from the package.
 */
import { type ChatStore, createChatStore, type LocalEngine, type LocalHubOptions } from '@tidings/core';
import { createSeededHub, type SeededHub } from '@tidings/core/testing';

/** What {@link createComposerFixture} made. */
export interface ComposerFixture extends SeededHub {
  /** Alice's engine and store (started). */
  alice: LocalEngine;
  store: ChatStore;
  /** Bob's engine and store (started), to see typing statuses and messages arrive. */
  bob: LocalEngine;
  bobStore: ChatStore;
  /** The group's conversation ID. */
  groupID: string;
  /** Stops the stores and closes the hub. */
  close: () => Promise<void>;
}

/**
 * Seeds a hub with a short history in every conversation, so each one exists with a place in the list.
 *
 * @param hubOptions Passed to the hub, e.g. `{ maxFileBytes: 1024 }` or `{ uploadChunkBytes: 1024 }`.
 * @param openConversationID Opens this conversation in Alice's store. @default 'c2c_bob'
 */
export async function createComposerFixture(
  hubOptions: Omit<LocalHubOptions, 'users'> = {},
  openConversationID: string | null = 'c2c_bob',
): Promise<ComposerFixture> {
  const seeded = await createSeededHub({
    users: 4,
    groups: 1,
    messagesPerConversation: 3,
    seed: 4,
    rateLimits: false,
    ...hubOptions,
  });
  const alice = await seeded.hub.connect('alice');
  const bob = await seeded.hub.connect('bob');
  const store = createChatStore(alice);
  const bobStore = createChatStore(bob);
  await Promise.all([store.getState().start(), bobStore.getState().start()]);
  if (openConversationID) await store.getState().openConversation(openConversationID);
  const groupID = `group_${seeded.groups[0]?.groupID ?? 'group-1'}`;
  return {
    ...seeded,
    alice,
    store,
    bob,
    bobStore,
    groupID,
    close: async () => {
      store.getState().destroy();
      bobStore.getState().destroy();
      await seeded.hub.close();
    },
  };
}

/** A file of `size` bytes of `type`, named `name`. */
export function createTestFile(name: string, size: number, type: string): File {
  return new File([new Uint8Array(size)], name, { type });
}
