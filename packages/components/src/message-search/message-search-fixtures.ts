/**
 * A searchable history for the message search's tests and stories: a local hub where Alice talks with Bob
 * and Carol and in the Design Team group, with text, a file, an image and a location that mention
 * "blue". Not exported from the package.
 */
import { type ChatStore, createChatStore } from '@tidings/core';
import { createLocalHub, type LocalHub, type SeedMessage } from '@tidings/core/local';
import { TEST_USERS } from '@tidings/core/testing';

/** The fixed "now" of the fixture: Thursday, March 14, 2024, 15:30 local time (the stories' clock). */
export const SEARCH_NOW = new Date(2024, 2, 14, 15, 30).getTime();

const minutesAgo = (minutes: number) => SEARCH_NOW - minutes * 60_000;

const text = (
  sender: string,
  to: { receiver: string } | { groupID: string },
  body: string,
  ago: number,
): SeedMessage => ({
  sender,
  ...to,
  elemList: [{ type: 'text', text: body }],
  timestamp: minutesAgo(ago),
  read: true,
});

/** The history, oldest first within each conversation. */
export const SEARCH_HISTORY: SeedMessage[] = [
  text('bob', { receiver: 'alice' }, 'Lunch at Blue Bottle tomorrow?', 60 * 26),
  text('alice', { receiver: 'bob' }, 'Sure! Blue Bottle at 12:30 works for me', 60 * 26 - 3),
  text('bob', { receiver: 'alice' }, 'See you there', 60 * 26 - 4),
  {
    sender: 'bob',
    receiver: 'alice',
    elemList: [
      {
        type: 'file',
        uuid: 'search-file',
        url: '',
        fileSize: 482_000,
        mimeType: 'application/pdf',
        fileName: 'blue-prints.pdf',
      },
    ],
    timestamp: minutesAgo(90),
    read: true,
  },
  text(
    'carol',
    { receiver: 'alice' },
    'The coffee at Blue Bottle was great, thanks for the tip',
    60 * 24 * 3,
  ),
  text('alice', { receiver: 'carol' }, 'Lunch on Friday?', 60 * 24 * 3 - 5),
  text(
    'dave',
    { groupID: 'design' },
    'Morning all! The new mockups for the onboarding flow are finally in the shared drive, in the blue folder next to last week’s',
    60 * 5,
  ),
  {
    sender: 'carol',
    groupID: 'design',
    elemList: [
      {
        type: 'image',
        uuid: 'search-image',
        url: '',
        fileSize: 120_000,
        mimeType: 'image/png',
        fileName: 'blue-hour.png',
        width: 640,
        height: 480,
        thumbUrl: '',
      },
    ],
    timestamp: minutesAgo(60 * 4),
    read: true,
  },
  text('carol', { groupID: 'design' }, '新的设计稿在蓝色文件夹里', 60 * 3),
  {
    sender: 'bob',
    groupID: 'design',
    elemList: [
      {
        type: 'location',
        description: 'Blue Bottle Coffee, Market St',
        longitude: -122.4194,
        latitude: 37.7749,
      },
    ],
    timestamp: minutesAgo(60 * 2),
    read: true,
  },
  text('alice', { groupID: 'design' }, 'Looks great — ship it 🚀', 30),
];

/** What {@link createSearchFixture} made. */
export interface SearchFixture {
  hub: LocalHub;
  store: ChatStore;
  close: () => Promise<void>;
}

/** Seeds {@link SEARCH_HISTORY} and signs Alice in with a started store. */
export async function createSearchFixture(): Promise<SearchFixture> {
  const hub = await createLocalHub({ now: () => SEARCH_NOW + 60_000, rateLimits: false });
  await hub.seed({
    users: TEST_USERS.slice(0, 4).map((user) => ({ ...user })),
    groups: [
      {
        groupID: 'design',
        name: 'Design Team',
        ownerID: 'alice',
        memberUserIDList: ['alice', 'bob', 'carol', 'dave'],
        createTime: minutesAgo(60 * 24 * 30),
      },
    ],
    messages: SEARCH_HISTORY,
    media: [
      { uuid: 'search-file', data: new Uint8Array(16).buffer as ArrayBuffer, type: 'application/pdf' },
      { uuid: 'search-image', data: new Uint8Array(16).buffer as ArrayBuffer, type: 'image/png' },
    ],
  });
  const alice = await hub.connect('alice');
  // Local search searches what this device holds (as the Tencent SDK's does): pull each history once.
  for (const conversationID of ['c2c_bob', 'c2c_carol', 'group_design']) {
    await alice.getHistoryMessageList({ conversationID, count: 100 });
  }
  const store = createChatStore(alice);
  await store.getState().start();
  return {
    hub,
    store,
    close: async () => {
      store.getState().destroy();
      await hub.close();
    },
  };
}
