/**
 * Conversations for the message list's tests and stories: a real local hub seeded with a chosen history,
 * Alice's engine and a started `createChatStore` over it, and Bob's engine to talk back. Not exported from
 * the package.
 */
import {
  type ChatStore,
  type ChatStoreOptions,
  createChatStore,
  type MessageElem,
  TYPING_BUSINESS_ID,
} from '@tidings/core';
import {
  createLocalHub,
  type HubSeed,
  type LocalEngine,
  type LocalHub,
  type LocalHubOptions,
  type SeedMessage,
} from '@tidings/core/local';
import { createRandom, TEST_USERS } from '@tidings/core/testing';

/** The fixed "now" of fixtures: Thursday, March 14, 2024, 15:30 local time (the stories' clock). */
export const FIXTURE_NOW = new Date(2024, 2, 14, 15, 30).getTime();

/** A picture of `width` × `height`: a soft diagonal gradient with a sun, as SVG bytes. */
export function pictureBytes(width: number, height: number, hue = 210): ArrayBuffer {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}"><defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="hsl(${hue} 70% 62%)"/><stop offset="1" stop-color="hsl(${(hue + 60) % 360} 65% 45%)"/></linearGradient></defs><rect width="100%" height="100%" fill="url(#g)"/><circle cx="${width * 0.72}" cy="${height * 0.3}" r="${Math.min(width, height) * 0.12}" fill="hsl(48 100% 75%)"/><path d="M0 ${height * 0.8} L${width * 0.35} ${height * 0.5} L${width * 0.6} ${height * 0.72} L${width * 0.8} ${height * 0.58} L${width} ${height * 0.78} V${height} H0Z" fill="hsl(${(hue + 120) % 360} 35% 30% / 0.8)"/></svg>`;
  return new TextEncoder().encode(svg).buffer as ArrayBuffer;
}

/** One message of a fixture's history. */
export interface FixtureMessage {
  /** Sender; `alice` is the signed-in user. @default alternates bob / alice */
  from?: string;
  /** Text, or elements. */
  text?: string;
  elems?: MessageElem[];
  /** Minutes before {@link FIXTURE_NOW} (or `endTime`). @default spaced three minutes apart, newest last */
  minutesAgo?: number;
  /** Whether Alice has read it (received messages). @default true */
  read?: boolean;
  msgID?: string;
  cloudCustomData?: string;
}

/** Options of {@link createMessageListFixture}. */
export interface MessageListFixtureOptions {
  /** `c2c` with Bob, or a group of Alice, Bob, Carol and Dave. @default 'c2c' */
  type?: 'c2c' | 'group';
  /** The history, oldest first. @default {@link DEFAULT_HISTORY} */
  messages?: FixtureMessage[];
  /** Adds this many generated text messages before `messages` (long conversations). @default 0 */
  generated?: number;
  /** Of the generated ones, how many of the newest are unread. @default 0 */
  generatedUnread?: number;
  /** Media bytes by uuid, for the elements of `messages`. */
  media?: HubSeed['media'];
  /** Time of the newest message. @default FIXTURE_NOW */
  endTime?: number;
  /** The hub's clock. @default a clock that starts at `endTime` + 1 minute and runs */
  now?: () => number;
  /** Options of the hub (revoke window…). */
  hub?: Omit<LocalHubOptions, 'users' | 'now'>;
  /** Options of the store (page size…). */
  store?: ChatStoreOptions;
  /** Opens the conversation in the store before returning. @default true */
  open?: boolean;
}

/** What {@link createMessageListFixture} made. */
export interface MessageListFixture {
  hub: LocalHub;
  /** Alice's store, started. */
  store: ChatStore;
  alice: LocalEngine;
  /** Bob's engine, to send Alice messages. */
  bob: LocalEngine;
  conversationID: string;
  /** Sends Alice a text from Bob (in the group for a group fixture). */
  receive: (text: string) => Promise<void>;
  /** Tells Alice that Bob is typing (an online-only message, as the composer sends). */
  type: () => Promise<void>;
  /** Closes the hub. */
  close: () => Promise<void>;
}

const PHRASES = [
  'Morning! Did you see the new mockups?',
  'Sounds good 👍',
  'Can you send me the file when you get a chance?',
  'Lunch at 12:30?',
  '好的，明天见',
  'I pushed the fix, can you take a look? https://example.com/pr/42',
  'Let me check and get back to you — the staging build was flaky this morning, so I want to be sure before we ship it to everyone.',
  'The meeting moved to Thursday',
  'Thanks so much!',
  '收到，谢谢！',
  'On my way',
  'Is the build green again?',
];

/** A short, friendly history with a run of each sender, a link and a picture. */
export const DEFAULT_HISTORY: FixtureMessage[] = [
  { from: 'bob', text: 'Hey Alice! Are we still on for the design review?', minutesAgo: 60 * 26 },
  { from: 'alice', text: 'Yes — 3pm in the big room.', minutesAgo: 60 * 26 - 2 },
  { from: 'bob', text: 'Morning! Did you see the new mockups?', minutesAgo: 42 },
  { from: 'bob', text: 'I pushed the fix, can you take a look? https://example.com/pr/42', minutesAgo: 41 },
  { from: 'alice', text: 'Looking now', minutesAgo: 30 },
  { from: 'alice', text: 'Looks great, approved ✅', minutesAgo: 29 },
  { from: 'bob', text: 'Thanks so much!', minutesAgo: 5 },
];

/**
 * A seeded hub with Alice's conversation with Bob (or a group), Alice's started store and Bob's engine.
 *
 * @example
 * const { store, conversationID, receive } = await createMessageListFixture({ generated: 200 });
 * render(<ChatProvider store={store}><MessageList conversationID={conversationID} /></ChatProvider>);
 * await receive('Are you there?');
 */
export async function createMessageListFixture(
  options: MessageListFixtureOptions = {},
): Promise<MessageListFixture> {
  const type = options.type ?? 'c2c';
  const endTime = options.endTime ?? FIXTURE_NOW;
  let clock = endTime + 60_000;
  const now = options.now ?? (() => clock++);
  const users = TEST_USERS.slice(0, 4);
  const hub = await createLocalHub({ ...options.hub, users, now });
  const groupID = 'design';
  const conversationID = type === 'group' ? `group_${groupID}` : 'c2c_bob';
  const random = createRandom(7);

  const count = options.generated ?? 0;
  const generated: FixtureMessage[] = Array.from({ length: count }, (_, i) => ({
    from:
      type === 'group' ? (['bob', 'carol', 'alice', 'dave'][i % 4] as string) : i % 3 === 0 ? 'alice' : 'bob',
    text: PHRASES[Math.floor(random() * PHRASES.length)] as string,
    minutesAgo: (count - i) * 7 + (options.messages?.length ?? 0) * 3,
    read: i < count - (options.generatedUnread ?? 0),
  }));
  const history = [...generated, ...(options.messages ?? DEFAULT_HISTORY)];
  const messages: SeedMessage[] = history.map((message, i) => {
    const sender = message.from ?? (i % 2 === 0 ? 'bob' : 'alice');
    return {
      sender,
      ...(type === 'group' ? { groupID } : { receiver: sender === 'alice' ? 'bob' : 'alice' }),
      elemList: message.elems ?? [{ type: 'text', text: message.text ?? '' }],
      timestamp: endTime - (message.minutesAgo ?? (history.length - 1 - i) * 3) * 60_000,
      read: message.read ?? true,
      ...(message.msgID && { msgID: message.msgID }),
      ...(message.cloudCustomData && { cloudCustomData: message.cloudCustomData }),
    };
  });
  await hub.seed({
    ...(type === 'group' && {
      groups: [
        {
          groupID,
          name: 'Design Team',
          ownerID: 'alice',
          memberUserIDList: ['alice', 'bob', 'carol', 'dave'],
          createTime: endTime - 30 * 86_400_000,
        },
      ],
    }),
    messages,
    ...(options.media && { media: options.media }),
  });
  const [alice, bob] = await Promise.all([hub.connect('alice'), hub.connect('bob')]);
  const store = createChatStore(alice, options.store);
  await store.getState().start();
  if (options.open ?? true) await store.getState().openConversation(conversationID);

  const receive = async (text: string) => {
    const message = await bob.createTextMessage(text);
    await bob.sendMessage(message, type === 'group' ? { groupID } : { receiver: 'alice' });
  };
  const typing = async () => {
    const message = await bob.createCustomMessage(
      JSON.stringify({ businessID: TYPING_BUSINESS_ID, typingStatus: 1 }),
    );
    await bob.sendMessage(message, {
      ...(type === 'group' ? { groupID } : { receiver: 'alice' }),
      onlineUserOnly: true,
      isExcludedFromUnreadCount: true,
      isExcludedFromLastMessage: true,
    });
  };
  return {
    hub,
    store,
    alice,
    bob,
    conversationID,
    receive,
    type: typing,
    close: async () => {
      store.getState().destroy();
      await hub.close();
    },
  };
}
