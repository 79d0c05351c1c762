import {
  createLocalHub,
  type HubSeed,
  type HubWorkProgress,
  type LocalHub,
  type LocalHubOptions,
  type SeedMessage,
} from '../engine/local/index';
import type { MessageElem, UserProfile } from '../model/types';

/**
 * The named test users, in order: `alice`, `bob`, `carol`, `dave`, `erin`, `frank`, `grace`, `heidi`,
 * `ivan`, `judy`, `mallory`, `niaj`, `olivia`, `peggy`, `rupert`, `sybil`. Avatars are left empty (UIs
 * draw initials on a colour derived from the ID).
 */
export const TEST_USERS: readonly UserProfile[] = [
  { userID: 'alice', nick: 'Alice Chen', faceUrl: '' },
  { userID: 'bob', nick: 'Bob Martin', faceUrl: '' },
  { userID: 'carol', nick: 'Carol 王', faceUrl: '' },
  { userID: 'dave', nick: 'Dave Okafor', faceUrl: '' },
  { userID: 'erin', nick: 'Erin Walsh', faceUrl: '' },
  { userID: 'frank', nick: 'Frank Müller', faceUrl: '' },
  { userID: 'grace', nick: 'Grace 李', faceUrl: '' },
  { userID: 'heidi', nick: 'Heidi Larsen', faceUrl: '' },
  { userID: 'ivan', nick: 'Ivan Petrov', faceUrl: '' },
  { userID: 'judy', nick: 'Judy Alvarez', faceUrl: '' },
  { userID: 'mallory', nick: 'Mallory Stone', faceUrl: '' },
  { userID: 'niaj', nick: 'Niaj Rahman', faceUrl: '' },
  { userID: 'olivia', nick: 'Olivia 张', faceUrl: '' },
  { userID: 'peggy', nick: 'Peggy Brooks', faceUrl: '' },
  { userID: 'rupert', nick: 'Rupert Hale', faceUrl: '' },
  { userID: 'sybil', nick: 'Sybil Novak', faceUrl: '' },
];

const GROUP_NAMES = [
  'Design Team',
  'Weekend Hikers',
  '家人 Family',
  'Book Club',
  'Release Train',
  'Lunch Crew',
];

const PHRASES = [
  'Morning! Did you see the new mockups?',
  'Running 5 minutes late, sorry',
  'Sounds good 👍',
  'Can you send me the file when you get a chance?',
  'Lunch at 12:30?',
  '好的，明天见',
  'I pushed the fix, can you take a look? https://example.com/pr/42',
  'Haha, exactly',
  'Let me check and get back to you',
  'The meeting moved to Thursday',
  'Thanks so much!',
  'Where are we meeting?',
  '收到，谢谢！',
  'Happy birthday 🎉',
  'Is the build green again?',
  'On my way',
];

/** A small deterministic PRNG (mulberry32), so seeded data is the same on every run. */
export function createRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

// A 1×1 PNG, so seeded images download as real images.
const PNG_1X1 = [
  0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52, 0x00, 0x00,
  0x00, 0x01, 0x00, 0x00, 0x00, 0x01, 0x08, 0x06, 0x00, 0x00, 0x00, 0x1f, 0x15, 0xc4, 0x89, 0x00, 0x00, 0x00,
  0x0d, 0x49, 0x44, 0x41, 0x54, 0x78, 0x9c, 0x63, 0xf8, 0xcf, 0xc0, 0xf0, 0x1f, 0x00, 0x05, 0x00, 0x01, 0xff,
  0x89, 0x99, 0x3d, 0x1d, 0x00, 0x00, 0x00, 0x00, 0x49, 0x45, 0x4e, 0x44, 0xae, 0x42, 0x60, 0x82,
];

function bytes(values: readonly number[]): ArrayBuffer {
  return new Uint8Array(values).buffer;
}

/** Options of {@link createSeededHub}; every {@link LocalHubOptions} field is passed to the hub. */
export interface SeededHubOptions extends Omit<LocalHubOptions, 'users'> {
  /**
   * The users to register: a count (the first of {@link TEST_USERS}, then `user-17`, `user-18`…) or the
   * userIDs (named test users keep their nicks). The first user is in every group. @default 6
   */
  users?: number | readonly string[];
  /** How many groups; each has the first user (alice) and a few others. @default 2 */
  groups?: number;
  /**
   * About how many C2C conversations each user has with the other users: each user talks with the
   * nearest `⌈n/2⌉` users on either side of a ring. @default every pair
   */
  conversationsPerUser?: number;
  /** Messages in each conversation, of mixed element types. @default 12 */
  messagesPerConversation?: number;
  /** Seed of the generated history. @default 1 */
  seed?: number;
  /** Time of the newest message, ms. @default the hub's server time */
  endTime?: number;
}

/** What {@link createSeededHub} made. */
export interface SeededHub {
  hub: LocalHub;
  /** The registered users, in order (the first is `alice`). */
  users: UserProfile[];
  /** The seeded groups with their members. */
  groups: { groupID: string; name: string; memberUserIDList: string[] }[];
}

/**
 * A hub with deterministic named users, groups and history of mixed element types (text, faces,
 * locations, custom, images, files, voice, video), some of it unread. The same options give the same data.
 *
 * @example
 * const { hub, users } = await createSeededHub({ users: 8, groups: 3, messagesPerConversation: 20, seed: 7 });
 * const alice = await hub.connect('alice');
 * const { conversationList } = await alice.getConversationList(0, 50);
 *
 * @example
 * // A fixed clock makes times deterministic too (for screenshots and stories).
 * const { hub } = await createSeededHub({ now: () => Date.UTC(2025, 0, 15, 9, 30) });
 */
export async function createSeededHub(options: SeededHubOptions = {}): Promise<SeededHub> {
  const {
    users: userCount = 6,
    groups: groupCount = 2,
    conversationsPerUser,
    messagesPerConversation = 12,
    seed = 1,
    endTime,
    ...hubOptions
  } = options;
  const hub = await createLocalHub({ random: createRandom(seed ^ 0x5eed), ...hubOptions });
  const random = createRandom(seed);
  const users: UserProfile[] =
    typeof userCount === 'number'
      ? Array.from({ length: Math.max(0, userCount) }, (_, index) =>
          index < TEST_USERS.length
            ? { ...(TEST_USERS[index] as UserProfile) }
            : { userID: `user-${index + 1}`, nick: `User ${index + 1}`, faceUrl: '' },
        )
      : userCount.map((userID) => ({
          ...(TEST_USERS.find((user) => user.userID === userID) ?? { userID, nick: userID, faceUrl: '' }),
        }));
  const groups = Array.from({ length: Math.max(0, groupCount) }, (_, index) => {
    const others = users.slice(1).filter(() => random() < 0.6);
    return {
      groupID: `group-${index + 1}`,
      name: GROUP_NAMES[index % GROUP_NAMES.length] + (index >= GROUP_NAMES.length ? ` ${index + 1}` : ''),
      ownerID: users[0]?.userID ?? 'alice',
      memberUserIDList: [...new Set([users[0]?.userID ?? 'alice', ...others.map((user) => user.userID)])],
    };
  });
  const pairs: [string, string][] = [];
  const reach = conversationsPerUser === undefined ? users.length : Math.ceil(conversationsPerUser / 2);
  for (let i = 0; i < users.length; i++) {
    for (let j = i + 1; j < users.length; j++) {
      const distance = Math.min(j - i, users.length - (j - i));
      if (distance <= reach) pairs.push([(users[i] as UserProfile).userID, (users[j] as UserProfile).userID]);
    }
  }
  const end = endTime ?? hub.getServerTime();
  const messages: SeedMessage[] = [];
  const media: NonNullable<HubSeed['media']> = [];
  const threads: {
    participants: string[];
    groupID?: string;
    receiverOf: (sender: string) => string | undefined;
  }[] = [
    ...pairs.map(([a, b]) => ({
      participants: [a, b],
      receiverOf: (sender: string) => (sender === a ? b : a),
    })),
    ...groups.map((group) => ({
      participants: group.memberUserIDList,
      groupID: group.groupID,
      receiverOf: () => undefined,
    })),
  ];
  threads.forEach((thread, threadIndex) => {
    // Conversations end at staggered times, so the list has a clear order.
    const last = end - threadIndex * 47 * 60_000 - Math.floor(random() * 30 * 60_000);
    const unread = random() < 0.35 ? 1 + Math.floor(random() * Math.min(5, messagesPerConversation)) : 0;
    for (let k = 0; k < messagesPerConversation; k++) {
      const sender = thread.participants[Math.floor(random() * thread.participants.length)] as string;
      const elemList = randomElems(random, media, `${threadIndex}-${k}`);
      messages.push({
        sender,
        ...(thread.groupID ? { groupID: thread.groupID } : { receiver: thread.receiverOf(sender) }),
        elemList,
        timestamp: last - (messagesPerConversation - 1 - k) * (3 + Math.floor(random() * 90)) * 60_000,
        read: k < messagesPerConversation - unread,
      });
    }
  });
  await hub.seed({
    users,
    groups: groups.map((group) => ({ ...group, createTime: end - 30 * 86_400_000 })),
    messages,
    media,
  });
  return {
    hub,
    users,
    groups: groups.map(({ groupID, name, memberUserIDList }) => ({ groupID, name, memberUserIDList })),
  };
}

function randomElems(random: () => number, media: NonNullable<HubSeed['media']>, key: string): MessageElem[] {
  const roll = random();
  const text = PHRASES[Math.floor(random() * PHRASES.length)] as string;
  if (roll < 0.7) return [{ type: 'text', text }];
  if (roll < 0.75) return [{ type: 'face', index: Math.floor(random() * 24), data: 'default' }];
  if (roll < 0.8) {
    return [
      {
        type: 'location',
        description: 'Blue Bottle Coffee, Market St',
        longitude: -122.4194,
        latitude: 37.7749,
      },
    ];
  }
  if (roll < 0.84) {
    return [
      {
        type: 'custom',
        data: JSON.stringify({ kind: 'poll', question: 'Pizza or sushi?' }),
        description: 'Poll',
        extension: '',
      },
    ];
  }
  if (roll < 0.9) {
    const uuid = `seed-image-${key}`;
    media.push({ uuid, data: bytes(PNG_1X1), type: 'image/png' });
    return [
      {
        type: 'image',
        uuid,
        url: '',
        fileSize: PNG_1X1.length,
        mimeType: 'image/png',
        fileName: 'photo.png',
        width: 1,
        height: 1,
        thumbUrl: '',
      },
      ...(random() < 0.5 ? [{ type: 'text' as const, text }] : []),
    ];
  }
  if (roll < 0.95) {
    const uuid = `seed-file-${key}`;
    const data = new TextEncoder().encode(`Notes ${key}\n${text}\n`);
    media.push({ uuid, data: data.buffer as ArrayBuffer, type: 'text/plain' });
    return [
      {
        type: 'file',
        uuid,
        url: '',
        fileSize: data.byteLength,
        mimeType: 'text/plain',
        fileName: `notes-${key}.txt`,
      },
    ];
  }
  if (roll < 0.98) {
    const uuid = `seed-sound-${key}`;
    media.push({ uuid, data: bytes([0, 1, 2, 3]), type: 'audio/ogg' });
    return [
      {
        type: 'sound',
        uuid,
        url: '',
        fileSize: 4,
        mimeType: 'audio/ogg',
        duration: 3 + Math.floor(random() * 40),
      },
    ];
  }
  const uuid = `seed-video-${key}`;
  const snapshotUuid = `seed-snapshot-${key}`;
  media.push(
    { uuid, data: bytes([0, 0, 0, 24]), type: 'video/mp4' },
    { uuid: snapshotUuid, data: bytes(PNG_1X1), type: 'image/png' },
  );
  return [
    {
      type: 'video',
      uuid,
      url: '',
      fileSize: 4,
      mimeType: 'video/mp4',
      videoType: 'mp4',
      duration: 12,
      snapshotUuid,
      snapshotUrl: '',
      snapshotWidth: 1,
      snapshotHeight: 1,
    },
  ];
}

/** Options of {@link seedConversations}. */
export interface SeedConversationsOptions {
  /** Peers are `<prefix>-<n>` (zero-padded). @default 'peer' */
  peerPrefix?: string;
  /** Number of the first peer, to add more conversations later. @default 1 */
  startIndex?: number;
  /** Share of conversations left with one unread message. @default 0.2 */
  unreadRatio?: number;
  /** Seed of which ones are unread. @default 1 */
  seed?: number;
  /** Time of the newest message, ms; older ones are a minute apart. @default the hub's server time */
  endTime?: number;
  /** Conversations written per hub call. @default 20_000 */
  batchSize?: number;
  /** Hears, about once a second, that the hub is still writing (see `LocalHub.seed`). */
  onProgress?: (progress: HubWorkProgress) => void;
}

/**
 * Gives `userID` `count` C2C conversations with generated peers, one message each, written in bulk (not by
 * sending): 100,000 conversations take a few seconds. Returns the conversation IDs, newest first.
 *
 * @example
 * const hub = await createLocalHub();
 * await seedConversations(hub, 'alice', 100_000);
 * const alice = await hub.connect('alice');
 * (await alice.getConversationList(0, 50)).conversationList.length; // 50
 */
export async function seedConversations(
  hub: LocalHub,
  userID: string,
  count: number,
  options: SeedConversationsOptions = {},
): Promise<string[]> {
  const { peerPrefix = 'peer', startIndex = 1, unreadRatio = 0.2, seed = 1, batchSize = 20_000 } = options;
  const random = createRandom(seed);
  const end = options.endTime ?? hub.getServerTime();
  const width = String(startIndex + count).length;
  const ids = Array.from(
    { length: count },
    (_, i) => `c2c_${peerPrefix}-${String(startIndex + i).padStart(width, '0')}`,
  );
  const unread = Array.from({ length: count }, () => random() < unreadRatio);
  // Oldest batch first: orderKeys are handed out in the order conversations are written.
  const last = Math.max(0, Math.ceil(count / batchSize) - 1);
  for (let batch = last; batch >= 0; batch--) {
    const users: UserProfile[] = [];
    const messages: SeedMessage[] = [];
    for (let i = batch * batchSize; i < Math.min(count, (batch + 1) * batchSize); i++) {
      const n = startIndex + i;
      const peer = (ids[i] as string).slice('c2c_'.length);
      users.push({ userID: peer, nick: `Peer ${n}`, faceUrl: '' });
      const incoming = i % 3 !== 0;
      messages.push({
        sender: incoming ? peer : userID,
        receiver: incoming ? userID : peer,
        elemList: [{ type: 'text', text: PHRASES[i % PHRASES.length] as string }],
        timestamp: end - i * 60_000,
        read: !(incoming && unread[i]),
      });
    }
    await hub.seed({ users, messages }, options.onProgress && { onProgress: options.onProgress });
  }
  return ids;
}
