import { afterEach, describe, expect, it, vi } from 'vitest';
import type { LocalHub } from '../engine/local/index';
import { ChatError, ChatErrorCode } from '../model/chat-error';
import { selectConversation } from '../selectors/index';
import { createSeededHub } from '../testing/index';
import type { ChatState, ChatStore } from './chat-store-types';
import { createChatStore } from './create-chat-store';

const open: { hub: LocalHub; stores: ChatStore[] }[] = [];

afterEach(async () => {
  for (const { hub, stores } of open.splice(0)) {
    for (const store of stores) store.getState().destroy();
    await hub.close();
  }
});

async function setup(users: number | string[] = 6) {
  const { hub } = await createSeededHub({ users, groups: 2, messagesPerConversation: 4 });
  const alice = await hub.connect('alice');
  const store = createChatStore(alice);
  open.push({ hub, stores: [store] });
  await store.getState().start();
  return { hub, alice, store };
}

/** The data of the store (no actions), as plain values, so two moments can be compared deeply. */
function snapshot(state: ChatState) {
  return {
    activeConversationID: state.activeConversationID,
    conversations: [...state.conversations.entries()],
    messages: [...state.messages.entries()],
    views: { ...state.views },
    windows: { ...state.windows },
    unreadByFilter: { ...state.unreadByFilter },
    sendProgress: { ...state.sendProgress },
    users: [...state.users.entries()],
  };
}

async function expectInvalid(run: () => unknown, code: string = ChatErrorCode.InvalidParameter) {
  let outcome: unknown;
  try {
    outcome = await run();
  } catch (error) {
    expect(error).toBeInstanceOf(ChatError);
    expect((error as ChatError).code).toBe(code);
    return;
  }
  throw new Error(`expected a ChatError ${code}, got ${String(outcome)}`);
}

describe('createChatStore, failed optimistic actions', () => {
  it('shows what the server holds after a pin and a draft both fail offline', async () => {
    const { alice, store } = await setup();
    const id = 'c2c_bob';
    const before = selectConversation(store.getState(), id);
    expect(before?.isPinned).toBe(false);
    alice.setNetworkConditions({ online: false });
    const results = await Promise.allSettled([
      store.getState().pinConversation(id, true),
      store.getState().saveDraft(id, 'x'),
    ]);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected']);
    alice.setNetworkConditions({ online: true });
    const server = await alice.getConversation(id);
    expect(server.isPinned).toBe(false);
    await vi.waitFor(() => {
      const held = selectConversation(store.getState(), id);
      expect(held?.isPinned).toBe(false);
      expect(held?.draftText).toBe(server.draftText);
    });
  });

  it('brings back a conversation whose delete failed without the draft that failed with it', async () => {
    const { alice, store } = await setup();
    const id = 'c2c_carol';
    alice.setNetworkConditions({ online: false });
    const results = await Promise.allSettled([
      store.getState().saveDraft(id, 'x'),
      store.getState().deleteConversation(id),
    ]);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected']);
    alice.setNetworkConditions({ online: true });
    const server = await alice.getConversation(id);
    await vi.waitFor(() => {
      const held = selectConversation(store.getState(), id);
      expect(held?.draftText).toBe(server.draftText);
      expect(held?.isPinned).toBe(server.isPinned);
    });
  });
});

describe('createChatStore, send options', () => {
  it('refuses a group ID in the options of a one-to-one send, and sends nothing', async () => {
    const { store } = await setup();
    const message = await store.engine.createTextMessage('meant for bob');
    const before = snapshot(store.getState());
    await expectInvalid(() =>
      store.getState().sendMessage('c2c_bob', message, { groupID: 'group-1' } as never),
    );
    expect(snapshot(store.getState())).toEqual(before);
    const { messageList } = await store.engine.getHistoryMessageList({
      conversationID: 'group_group-1',
      count: 100,
    });
    expect(messageList.some((m) => m.msgID === message.msgID)).toBe(false);
  });

  it.each([
    ['null', null],
    ['a string', 'urgent'],
    ['a number', 42],
    ['an array', []],
    ['an unknown priority', { priority: 'urgent' }],
    ['an unknown option', { priorty: 'high' }],
    ['a non-boolean flag', { onlineUserOnly: 'yes' }],
    ['a non-function onProgress', { onProgress: 'log' }],
    ['a push info of the wrong shape', { offlinePushInfo: { title: 7 } }],
    ['a receiver other than the peer', { receiver: 'carol' }],
  ])('refuses send options that are %s without changing anything', async (_, options) => {
    const { store } = await setup();
    const message = await store.engine.createTextMessage('hello');
    const before = snapshot(store.getState());
    await expectInvalid(() => store.getState().sendMessage('c2c_bob', message, options as never));
    expect(snapshot(store.getState())).toEqual(before);
  });

  it('still sends with valid options', async () => {
    const { store } = await setup();
    const message = await store.engine.createTextMessage('hello');
    const sent = await store.getState().sendMessage('c2c_bob', message, {
      priority: 'high',
      isExcludedFromUnreadCount: true,
    });
    expect(sent.status).toBe('sent');
  });
});

describe('createChatStore, rejected calls change nothing', () => {
  it.each([
    ['openConversation', (s: ChatState) => s.openConversation('c2c_nobody-at-all')],
    ['loadOlderMessages', (s: ChatState) => s.loadOlderMessages('c2c_nobody-at-all')],
    ['loadNewerMessages', (s: ChatState) => s.loadNewerMessages('c2c_nobody-at-all')],
    ['jumpToLatest', (s: ChatState) => s.jumpToLatest('group_no-such-group')],
    ['jumpToMessage', (s: ChatState) => s.jumpToMessage('c2c_bob', 'no-such-message')],
  ])('%s on something unknown rejects and leaves the open conversation as it was', async (_, run) => {
    const { store } = await setup();
    await store.getState().openConversation('c2c_carol');
    const before = snapshot(store.getState());
    let failure: unknown;
    await Promise.resolve(run(store.getState())).catch((error: unknown) => {
      failure = error;
    });
    expect(failure).toBeInstanceOf(ChatError);
    expect(snapshot(store.getState())).toEqual(before);
  });
});

describe('createChatStore, prototype keys', () => {
  it('refuses to load a view named after an Object prototype key', async () => {
    const { store } = await setup();
    for (const key of ['__proto__', 'constructor', 'toString']) {
      const before = snapshot(store.getState());
      await expectInvalid(() => store.getState().loadMoreConversations(key));
      expect(snapshot(store.getState())).toEqual(before);
      expect(Object.hasOwn(store.getState().views, key)).toBe(false);
    }
  });

  it('keeps the whole-list view when asked to unregister a key that is not a string', async () => {
    const { store } = await setup();
    await expectInvalid(() => store.getState().unregisterView([''] as never));
    expect(store.getState().views['']).toBeDefined();
  });

  it('shows a peer whose user ID is "__proto__" like any other sender', async () => {
    const { hub, store } = await setup(['alice', 'bob', '__proto__']);
    await hub.addUsers([{ userID: '__proto__', nick: 'Proto', faceUrl: '' }]);
    const peer = await hub.connect('__proto__');
    await peer.sendMessage(await peer.createTextMessage('hi'), { receiver: 'alice' });
    await store.getState().openConversation('c2c___proto__');
    const proto = '__proto__';
    await vi.waitFor(() => expect(store.getState().users.get(proto)?.nick).toBe('Proto'));
    const users = store.getState().users;
    expect([...users.keys()]).toContain('__proto__');
    expect(users.get('nick')).toBeUndefined();
    expect(users.get('userID')).toBeUndefined();
  });
});

describe('createChatStore, hostile arguments', () => {
  const throwing = new Proxy(
    {},
    {
      get: () => {
        throw new TypeError('trap');
      },
      ownKeys: () => {
        throw new TypeError('trap');
      },
      getPrototypeOf: () => {
        throw new TypeError('trap');
      },
      has: () => {
        throw new TypeError('trap');
      },
    },
  );
  // Getters on fields each call reads: a filter's type, a message's msgID, network conditions' online.
  const getter = {};
  for (const key of ['type', 'msgID', 'online', 'priority']) {
    Object.defineProperty(getter, key, {
      enumerable: true,
      get: () => {
        throw new Error('getter');
      },
    });
  }
  // A null-prototype object is an empty filter or empty options, which is valid: it may succeed, not throw raw.
  const hostile: [string, unknown, boolean][] = [
    ['a proxy with throwing traps', throwing, true],
    ['an object with a throwing getter', getter, true],
    ['a null-prototype object', Object.create(null), false],
    ['a symbol', Symbol('x'), true],
  ];

  it.each(hostile)(
    'every entry point answers %s with a ChatError or a valid result',
    async (_, value, mustFail) => {
      const { hub, store } = await setup();
      const message = await store.engine.createTextMessage('hello');
      const s = store.getState();
      const calls: [string, () => unknown][] = [
        ['registerView', () => s.registerView(value as never)],
        ['subscribeUnread', () => s.subscribeUnread(value as never)],
        ['sendMessage', () => s.sendMessage('c2c_bob', value as never)],
        ['sendMessage options', () => s.sendMessage('c2c_bob', message, value as never)],
        ['unregisterView', () => s.unregisterView(value as never)],
        ['unsubscribeUnread', () => s.unsubscribeUnread(value as never)],
        ['loadMoreConversations', () => s.loadMoreConversations(value as never)],
        ['retry', () => s.retry(value as never)],
        ['clearHighlight', () => s.clearHighlight(value as never)],
        ['setNetworkConditions', () => hub.setNetworkConditions(value as never)],
      ];
      for (const [name, run] of calls) {
        const before = snapshot(store.getState());
        let failure: unknown;
        try {
          await run();
        } catch (error) {
          failure = error;
        }
        if (failure === undefined && !mustFail) continue;
        expect(failure, name).toBeInstanceOf(ChatError);
        expect(snapshot(store.getState()), name).toEqual(before);
      }
    },
  );
});
