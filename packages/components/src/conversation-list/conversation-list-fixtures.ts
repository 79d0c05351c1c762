/**
 * Real data for the conversation list's stories, tests and benchmark: seeded local hubs and stores made
 * with `createChatStore`, as an app makes them. Not exported from the package.
 */
import {
  type AdvancedMsgListener,
  type ChatEngine,
  ChatError,
  ChatErrorCode,
  type ChatStore,
  type Conversation,
  type ConversationListener,
  type ConversationListResult,
  type ConversationView,
  conversationsEqual,
  createChatStore,
  createView,
  type MessageElem,
  RecordMap,
} from '@tidings/core';
import { createLocalHub, type LocalEngine, type LocalHub } from '@tidings/core/local';
import {
  createSeededHub,
  createTestConversation,
  createTestMessage,
  seedConversations,
} from '@tidings/core/testing';

/** Stories' fixed "now": Thursday, March 14, 2024, 15:30 local time (the same as the Storybook clock). */
export const FIXTURE_NOW = new Date(2024, 2, 14, 15, 30).getTime();

/** A hub clock that starts at {@link FIXTURE_NOW} and runs, so live messages still get later times. */
function fixtureClock(): () => number {
  const started = Date.now();
  return () => FIXTURE_NOW + (Date.now() - started);
}

/** What a fixture made: the hub, the signed-in user's engine and a started store over it. */
export interface ListFixture {
  hub: LocalHub;
  engine: LocalEngine;
  store: ChatStore;
  /** The seeded groups and their members, when the fixture has any. */
  groups?: { groupID: string; memberUserIDList: string[] }[];
  /** The store's conversation listener, to deliver engine events directly (when tapped). */
  listener?: () => ConversationListener | null;
  /** The store's message listener, likewise. */
  messageListener?: () => AdvancedMsgListener | null;
}

async function storeFor(hub: LocalHub, userID = 'alice', pageSize?: number): Promise<ListFixture> {
  const engine = await hub.connect(userID);
  const store = createChatStore(engine, pageSize ? { conversationPageSize: pageSize } : {});
  await store.getState().start();
  return { hub, engine, store };
}

/** Alice's inbox: 15 one-to-one chats and 6 groups with mixed history, some unread. */
export async function createInboxFixture(options: { pageSize?: number } = {}): Promise<ListFixture> {
  const { hub, groups } = await createSeededHub({
    users: 16,
    groups: 6,
    messagesPerConversation: 6,
    seed: 7,
    now: fixtureClock(),
    rateLimits: false,
  });
  return { ...(await storeFor(hub, 'alice', options.pageSize)), groups };
}

/** Alice with no conversations at all. */
export async function createEmptyFixture(): Promise<ListFixture> {
  const hub = await createLocalHub({ users: ['alice'], now: fixtureClock() });
  return storeFor(hub);
}

/** An engine whose `getConversationList` never answers (a slow first sync). */
export function stallConversationList(engine: ChatEngine): ChatEngine {
  return new Proxy(engine, {
    get(target, property, receiver) {
      if (property === 'getConversationList' || property === 'getConversationListByFilter')
        return () => new Promise(() => {});
      const value = Reflect.get(target, property, receiver);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

/** An engine whose conversation pages fail `failures` times (after `failAfter` good pages), then work. */
export function failConversationPages(engine: ChatEngine, failures = 2, failAfter = 0): ChatEngine {
  let served = 0;
  let failed = 0;
  return new Proxy(engine, {
    get(target, property, receiver) {
      if (property === 'getConversationList') {
        return (nextSeq: number, count: number) => {
          if (served >= failAfter && failed < failures) {
            failed++;
            return Promise.reject(new ChatError(ChatErrorCode.NetworkError, 'The network is down'));
          }
          served++;
          return target.getConversationList(nextSeq, count);
        };
      }
      const value = Reflect.get(target, property, receiver);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

/** A store whose first page never arrives: the loading state. */
export async function createLoadingFixture(): Promise<ChatStore> {
  const hub = await createLocalHub({ users: ['alice'], now: fixtureClock() });
  const store = createChatStore(stallConversationList(await hub.connect('alice')));
  void store.getState().start();
  return store;
}

/**
 * A store whose first page failed: the error state, with a working Retry (the page fails twice: for the
 * store's start and for the list's first pull).
 */
export async function createPageFailedFixture(): Promise<ChatStore> {
  const { hub } = await createSeededHub({
    users: 8,
    groups: 2,
    messagesPerConversation: 3,
    now: fixtureClock(),
  });
  const store = createChatStore(failConversationPages(await hub.connect('alice')));
  await store.getState().start();
  return store;
}

/** Alice's inbox while syncing with the server keeps failing: the sync-failed banner. */
export async function createSyncFailedFixture(): Promise<ListFixture> {
  const fixture = await createInboxFixture();
  fixture.engine.setNetworkConditions({ online: false });
  fixture.engine.setNetworkConditions({ online: true, failureRate: 1 });
  await new Promise<void>((resolve) => {
    const stop = fixture.store.subscribe((state) => {
      if (state.syncStatus === 'failed') {
        stop();
        resolve();
      }
    });
  });
  return fixture;
}

const text = (value: string): MessageElem[] => [{ type: 'text', text: value }];

/**
 * An inbox showing every kind of preview: text, image, file, voice, video, location, sticker, chat
 * history, a custom message, a group tip, a recalled message, a group message with its sender, an
 * `@me` mention, a draft, a failed send, pinned, muted and marked-unread conversations, and long names.
 */
export async function createShowcaseFixture(): Promise<ListFixture> {
  const now = fixtureClock();
  const hub = await createLocalHub({ now, rateLimits: false });
  const t = (minutesAgo: number) => FIXTURE_NOW - minutesAgo * 60_000;
  const users = [
    ['alice', 'Alice Chen'],
    ['bob', 'Bob Martin'],
    ['carol', 'Carol 王'],
    ['dave', 'Dave Okafor'],
    ['erin', 'Erin Walsh'],
    ['frank', 'Frank Müller'],
    ['grace', 'Grace 李'],
    ['heidi', 'Heidi Larsen'],
    ['ivan', 'Ivan Petrov'],
    ['judy', 'Judy Alvarez'],
    ['mallory', 'Maximiliane Alexandra von Hohenberg-Schwarzenfeld'],
    ['niaj', 'Niaj Rahman'],
    ['olivia', 'Olivia 张'],
  ] as const;
  await hub.seed({
    users: users.map(([userID, nick]) => ({ userID, nick, faceUrl: '' })),
    groups: [
      {
        groupID: 'design',
        name: 'Design Team',
        ownerID: 'alice',
        memberUserIDList: ['alice', 'bob', 'carol', 'dave'],
      },
      {
        groupID: 'hikers',
        name: 'Weekend Hikers',
        ownerID: 'erin',
        memberUserIDList: ['alice', 'erin', 'frank'],
      },
      {
        groupID: 'release',
        name: 'Release Train — Q2 planning, retro notes and the very long thread',
        ownerID: 'alice',
        memberUserIDList: ['alice', 'bob', 'grace'],
      },
    ],
    messages: [
      { sender: 'bob', receiver: 'alice', elemList: text('Running 5 minutes late, sorry'), timestamp: t(2) },
      {
        sender: 'carol',
        receiver: 'alice',
        elemList: [
          {
            type: 'image',
            uuid: 'img-1',
            url: '',
            fileSize: 2048,
            mimeType: 'image/png',
            fileName: 'photo.png',
            width: 640,
            height: 480,
            thumbUrl: '',
          },
        ],
        timestamp: t(9),
      },
      {
        sender: 'dave',
        receiver: 'alice',
        elemList: [
          {
            type: 'file',
            uuid: 'file-1',
            url: '',
            fileSize: 120_000,
            mimeType: 'application/pdf',
            fileName: 'report.pdf',
          },
        ],
        timestamp: t(30),
      },
      {
        sender: 'carol',
        groupID: 'design',
        elemList: text('New icons are in Figma'),
        timestamp: t(45),
        read: true,
      },
      {
        sender: 'erin',
        receiver: 'alice',
        elemList: [
          { type: 'sound', uuid: 'snd-1', url: '', fileSize: 4, mimeType: 'audio/ogg', duration: 7 },
        ],
        timestamp: t(70),
      },
      {
        sender: 'frank',
        receiver: 'alice',
        elemList: [
          {
            type: 'video',
            uuid: 'vid-1',
            url: '',
            fileSize: 4,
            mimeType: 'video/mp4',
            videoType: 'mp4',
            duration: 12,
            snapshotUuid: 'vid-1-s',
            snapshotUrl: '',
            snapshotWidth: 1,
            snapshotHeight: 1,
          },
        ],
        timestamp: t(60 * 5),
        read: true,
      },
      {
        sender: 'grace',
        receiver: 'alice',
        elemList: [
          {
            type: 'location',
            description: 'Blue Bottle Coffee, Market St',
            longitude: -122.4,
            latitude: 37.77,
          },
        ],
        timestamp: t(60 * 20),
        read: true,
      },
      {
        sender: 'heidi',
        receiver: 'alice',
        elemList: [{ type: 'face', index: 3, data: 'default' }],
        timestamp: t(60 * 26),
        read: true,
      },
      {
        sender: 'ivan',
        receiver: 'alice',
        elemList: [
          {
            type: 'merger',
            title: 'Chat history of Ivan and Judy',
            abstractList: ['Ivan: hi', 'Judy: hello'],
            compatibleText: '[Chat history]',
            messageList: [],
          },
        ],
        timestamp: t(60 * 50),
        read: true,
      },
      {
        sender: 'judy',
        receiver: 'alice',
        elemList: [
          { type: 'custom', data: '{"kind":"poll"}', description: 'Poll: Pizza or sushi?', extension: '' },
        ],
        timestamp: t(60 * 80),
        read: true,
      },
      {
        sender: 'mallory',
        receiver: 'alice',
        elemList: text(
          'A long name, and a long message that goes on and on until it must be cut with an ellipsis at the end of the line',
        ),
        timestamp: t(60 * 24 * 9),
        read: true,
      },
      {
        sender: 'olivia',
        receiver: 'alice',
        elemList: text('好的，明天见'),
        timestamp: t(60 * 24 * 400),
        read: true,
      },
      { sender: 'erin', groupID: 'hikers', elemList: text('Who’s in for Saturday?'), timestamp: t(60 * 3) },
      {
        sender: 'grace',
        groupID: 'release',
        elemList: text('Release notes are up'),
        timestamp: t(60 * 24 * 3),
        read: true,
      },
    ],
    media: [
      { uuid: 'img-1', data: new ArrayBuffer(8), type: 'image/png' },
      { uuid: 'file-1', data: new ArrayBuffer(8), type: 'application/pdf' },
    ],
  });
  const fixture = await storeFor(hub);
  const { store } = fixture;
  const bob = await hub.connect('bob');
  // A group tip: Niaj joins the Design Team (server-side, as only the server sends tips).
  await hub.createGroup({
    groupID: 'book',
    name: 'Book Club',
    ownerID: 'niaj',
    memberUserIDList: ['niaj', 'alice'],
  });
  // An @me mention in a group, unread.
  await bob.sendMessage(await bob.createTextAtMessage('@Alice can you review the mockups?', ['alice']), {
    groupID: 'design',
  });
  // A message Bob sent and then recalled.
  const recalled = await bob.sendMessage(await bob.createTextMessage('oops, wrong chat'), {
    receiver: 'alice',
  });
  await bob.revokeMessage(recalled.msgID);
  const state = store.getState();
  await state.saveDraft('c2c_erin', 'See you at the trailhead at 8?');
  await state.pinConversation('group_design', true);
  await state.pinConversation('c2c_carol', true);
  await state.setReceiveMessageOpt('group_hikers', 'receiveNotNotify');
  await state.setReceiveMessageOpt('c2c_grace', 'receiveNotNotify');
  await state.markConversation(['c2c_ivan'], 2, true);
  await state.markConversation(['c2c_dave', 'group_design'], 1, true);
  await state.createConversationGroup('Work', ['group_design', 'group_release', 'c2c_dave']);
  await state.createConversationGroup('Family', ['c2c_olivia']);
  // A message to Judy that failed to send.
  fixture.engine.setNetworkConditions({ failureRate: 1 });
  await state.sendText('c2c_judy', 'Count me in!').catch(() => {});
  fixture.engine.setNetworkConditions({ failureRate: 0 });
  await settle(store);
  return fixture;
}

/** Waits until the store has been quiet for a moment (events from the hub are asynchronous). */
export async function settle(store: ChatStore, quietMs = 50): Promise<void> {
  await new Promise<void>((resolve) => {
    let timer = setTimeout(done, quietMs);
    const stop = store.subscribe(() => {
      clearTimeout(timer);
      timer = setTimeout(done, quietMs);
    });
    function done() {
      stop();
      resolve();
    }
  });
}

const FIRST_NAMES = [
  'Ada',
  'Ben',
  'Chloé',
  'Diego',
  'Emma',
  'Farah',
  'Gus',
  'Hana',
  'Ivo',
  'Jun',
  '李娜',
  '王伟',
];
const LAST_NAMES = [
  'Lovelace',
  'Okafor',
  'Martin',
  'Rossi',
  'Novak',
  'Haddad',
  'Larsen',
  'Sato',
  'Costa',
  'Kim',
];
const PHRASES = [
  'Sounds good 👍',
  'Running 5 minutes late, sorry',
  'Can you send me the file?',
  '好的，明天见',
  'Lunch at 12:30?',
  'Thanks so much!',
];

/**
 * A store already holding `count` conversations (every page loaded), built directly as store data: the
 * benchmark and the 100,000 story measure and show the list, not seeding. The engine behind it (an empty
 * local hub) does not know these conversations, so actions on them are refused and rolled back.
 */
export async function createLoadedStore(count: number): Promise<ListFixture> {
  const hub = await createLocalHub({ users: ['alice'], now: fixtureClock(), rateLimits: false });
  const engine = await hub.connect('alice');
  const tap = tapConversationListener(engine);
  const store = createChatStore(engine);
  await store.getState().start();
  const entries: [string, Conversation][] = [];
  const width = String(count).length;
  for (let i = 0; i < count; i++) {
    const peer = `peer-${String(i + 1).padStart(width, '0')}`;
    const conversationID = `c2c_${peer}`;
    const unread = i % 5 === 2 ? 1 + (i % 7) : 0;
    const lastMessage = createTestMessage({
      msgID: `seed-${i}`,
      conversationID,
      sender: i % 3 === 0 ? 'alice' : peer,
      isSelf: i % 3 === 0,
      nick: '',
      timestamp: FIXTURE_NOW - i * 60_000,
      seq: 1,
      elemList: [{ type: 'text', text: PHRASES[i % PHRASES.length] as string }],
    });
    entries.push([
      conversationID,
      createTestConversation({
        conversationID,
        showName: `${FIRST_NAMES[i % FIRST_NAMES.length]} ${LAST_NAMES[Math.floor(i / FIRST_NAMES.length) % LAST_NAMES.length]}`,
        orderKey: count - i,
        unreadCount: unread,
        lastMessage,
        readSeq: unread ? 0 : 1,
      }),
    ]);
  }
  const conversations = RecordMap.from(entries);
  store.setState({
    conversations,
    views: { '': { ...createView({}, conversations), nextSeq: count, isFinished: true } },
  });
  return { hub, engine, store, listener: tap.listener, messageListener: tap.messageListener };
}

/**
 * `count` one-to-one conversations seeded in a hub (`seedConversations`), every page pulled into the
 * store: real engine data, for tests that need actions and live messages to work.
 */
export async function createLargeFixture(count: number): Promise<ListFixture> {
  const hub = await createLocalHub({ users: ['alice'], now: fixtureClock(), rateLimits: false });
  await seedConversations(hub, 'alice', count, { endTime: FIXTURE_NOW });
  const fixture = await storeFor(hub, 'alice', 100);
  await loadAllConversations(fixture.store);
  return fixture;
}

/**
 * Pulls every page of the whole list from the engine and merges them into the store in one update (as
 * the store merges a page), so 100,000 conversations load in about a second.
 */
export async function loadAllConversations(store: ChatStore): Promise<void> {
  const { engine } = store;
  const list: Conversation[] = [];
  let nextSeq = 0;
  let result: ConversationListResult;
  do {
    result = await engine.getConversationList(nextSeq, 100);
    list.push(...result.conversationList);
    nextSeq = result.nextSeq;
  } while (!result.isFinished);
  // Through the public API only: the merged conversations, and every view's order rebuilt over them in
  // one sort each. A conversation equal to the one held keeps its identity, as in the store.
  store.setState((state) => {
    const changed = list.filter((next) => {
      const held = state.conversations.get(next.conversationID);
      return !held || !conversationsEqual(held, next);
    });
    const conversations = state.conversations.setMany(
      changed.map((conversation) => [conversation.conversationID, conversation] as const),
    );
    const views: Record<string, ConversationView> = Object.create(null);
    for (const [key, view] of Object.entries(state.views)) {
      const order = createView(view.filter, conversations).order;
      views[key] =
        key === '' ? { ...view, order, nextSeq, isFinished: true, status: 'idle' } : { ...view, order };
    }
    return { conversations, views };
  });
}

/**
 * Sends a message to alice from a random peer every `intervalMs` (the "live traffic" story). Returns a
 * function that stops it.
 */
export function startTraffic(fixture: ListFixture, intervalMs = 100, peers = 12): () => void {
  const lines = [
    'On my way',
    'Sounds good 👍',
    'Lunch at 12:30?',
    'Haha, exactly',
    '收到，谢谢！',
    'Is the build green?',
  ];
  const engines = new Map<string, Promise<LocalEngine>>();
  let n = 0;
  let stopped = false;
  const timer = setInterval(() => {
    const order = fixture.store.getState().views['']?.order;
    const id = order?.at((n * 7919) % Math.min(order.size, peers)) ?? '';
    n++;
    const peer = id.startsWith('c2c_') ? id.slice(4) : null;
    if (!peer || stopped) return;
    let engine = engines.get(peer);
    if (!engine) {
      engine = fixture.hub.connect(peer);
      engines.set(peer, engine);
    }
    void engine
      .then(async (sender) =>
        sender.sendMessage(await sender.createTextMessage(lines[n % lines.length] as string), {
          receiver: 'alice',
        }),
      )
      .catch(() => {});
  }, intervalMs);
  return () => {
    stopped = true;
    clearInterval(timer);
  };
}

/** Captures the store's conversation and message listeners, to inject engine events directly (benchmark, tests). */
export function tapConversationListener(engine: ChatEngine): {
  listener: () => ConversationListener | null;
  messageListener: () => AdvancedMsgListener | null;
} {
  let captured: ConversationListener | null = null;
  let capturedMessages: AdvancedMsgListener | null = null;
  const add = engine.addConversationListener.bind(engine);
  engine.addConversationListener = (listener: ConversationListener) => {
    captured = listener;
    return add(listener);
  };
  const addMessages = engine.addAdvancedMsgListener.bind(engine);
  engine.addAdvancedMsgListener = (listener: AdvancedMsgListener) => {
    capturedMessages = listener;
    return addMessages(listener);
  };
  return { listener: () => captured, messageListener: () => capturedMessages };
}
