/**
 * A real chat for the composer's tests and stories: a seeded local hub (Alice, Bob, Carol, Dave and a
 * group), Alice's engine under a started `createChatStore`, and Bob's store to see what arrives. Not
 * exported from the package.
 */
import { type ChatStore, createChatStore } from '@tidings/core';
import type { LocalEngine, LocalHubOptions } from '@tidings/core/local';
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
  // The newest message of Bob's chat is his, for replies.
  await bob.sendMessage(await bob.createTextMessage('Are we still on for Friday at 7?'), {
    receiver: 'alice',
  });
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

/** A picture file (SVG): a soft gradient with a sun over hills, `width` × `height`. */
export function createPictureFile(name: string, width: number, height: number, hue = 210): File {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}"><defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="hsl(${hue} 70% 62%)"/><stop offset="1" stop-color="hsl(${(hue + 60) % 360} 65% 45%)"/></linearGradient></defs><rect width="100%" height="100%" fill="url(#g)"/><circle cx="${width * 0.7}" cy="${height * 0.32}" r="${Math.min(width, height) * 0.13}" fill="hsl(48 100% 75%)"/><path d="M0 ${height * 0.8} L${width * 0.35} ${height * 0.5} L${width * 0.6} ${height * 0.72} L${width * 0.8} ${height * 0.58} L${width} ${height * 0.78} V${height} H0Z" fill="hsl(${(hue + 120) % 360} 35% 30% / 0.8)"/></svg>`;
  return new File([svg], name, { type: 'image/svg+xml' });
}
