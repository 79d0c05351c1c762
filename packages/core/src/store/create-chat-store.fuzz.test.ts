import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalEngine, LocalHub } from '../engine/local/index';
import {
  argsArbitrary,
  describeRaw,
  materialize,
  outcomeOf,
  prototypeKeys,
  type Recipe,
  settle,
} from '../engine/local/local-fuzz-helpers';
import { en } from '../format/format-strings-en';
import { parseConversationID } from '../model/conversation-filter';
import type { Message, MessageElem } from '../model/types';
import { createSeededHub } from '../testing/index';
import type { ChatActions, ChatState, ChatStore } from './chat-store-types';
import { createChatStore } from './create-chat-store';

/**
 * Every public store action, called with hostile arguments: it either succeeds and leaves a valid state,
 * or rejects (throws, for the synchronous ones) with a ChatError and changes nothing, neither in the store
 * nor in the engine. TIDINGS_PROPERTY_RUNS calls per action (`pnpm bench` runs many more).
 */
const RUNS = Number(process.env.TIDINGS_PROPERTY_RUNS ?? 15);

/** Each action and how many arguments it takes; `start` and `destroy` take none and are fuzzed too. */
const ACTIONS: Record<keyof ChatActions, number> = {
  start: 0,
  destroy: 0,
  registerView: 1,
  unregisterView: 1,
  loadMoreConversations: 1,
  retry: 1,
  pinConversation: 2,
  markConversation: 3,
  setReceiveMessageOpt: 2,
  markConversationRead: 1,
  markAllRead: 1,
  deleteConversation: 2,
  saveDraft: 2,
  createConversationGroup: 2,
  renameConversationGroup: 2,
  deleteConversationGroup: 1,
  addConversationsToGroup: 2,
  deleteConversationsFromGroup: 2,
  subscribeUnread: 1,
  unsubscribeUnread: 1,
  openConversation: 1,
  loadOlderMessages: 1,
  loadNewerMessages: 1,
  jumpToMessage: 2,
  jumpToLatest: 1,
  clearHighlight: 1,
  sendMessage: 3,
  sendText: 3,
  sendFace: 3,
  sendFiles: 3,
  downloadElem: 2,
  resendMessage: 1,
  cancelSendingMessage: 1,
  revokeMessage: 1,
  deleteMessages: 2,
  forwardMessages: 3,
  getGroupMembers: 1,
  clearHistory: 1,
  sendTyping: 1,
  searchMessages: 1,
};

interface World {
  hub: LocalHub;
  alice: LocalEngine;
  bob: LocalEngine;
  store: ChatStore;
  /** A message alice created and has not sent, renewed before each call. */
  fresh: Message | null;
  /** The element of a file alice sent bob, to download. */
  fileElem: MessageElem | undefined;
}

let world: World;

beforeAll(async () => {
  const { hub } = await createSeededHub({ users: 5, groups: 2, messagesPerConversation: 4 });
  const alice = await hub.connect('alice');
  const bob = await hub.connect('bob');
  const store = createChatStore(alice, { conversationPageSize: 3, messagePageSize: 4 });
  await store.getState().start();
  store.getState().registerView({ type: 'group' });
  await store.getState().openConversation('c2c_bob');
  await alice.createConversationGroup('Work', ['c2c_bob']);
  const file = new File(['hello'], 'hello.txt', { type: 'text/plain' });
  const [sent] = await store.getState().sendFiles('c2c_bob', [file]);
  const fileElem = sent?.status === 'fulfilled' ? sent.value.elemList[0] : undefined;
  world = { hub, alice, bob, store, fresh: null, fileElem };
});

afterAll(async () => {
  world.store.getState().destroy();
  await world.hub.close();
});

function firstMessageID(state: ChatState, conversationID: string): string | undefined {
  return state.windows[conversationID]?.messageIDs[0];
}

/** Valid values by name, mixed into the hostile ones so calls get past their first check. */
const POOL: Record<string, () => unknown> = {
  c2cID: () => 'c2c_bob',
  otherC2CID: () => 'c2c_carol',
  groupID: () => 'group_group-1',
  ids: () => ['c2c_bob', 'c2c_carol'],
  msgID: () => firstMessageID(world.store.getState(), 'c2c_bob') ?? 'missing',
  msgIDs: () => [firstMessageID(world.store.getState(), 'c2c_bob') ?? 'missing'],
  message: () => world.fresh,
  heldMessage: () => world.store.getState().messages.values().next().value,
  text: () => 'hello',
  filter: () => ({ type: 'c2c' }),
  unreadFilter: () => ({ type: 'group' }),
  viewKey: () => Object.keys(world.store.getState().views).at(-1),
  unreadKey: () => Object.keys(world.store.getState().unreadByFilter).at(-1) ?? 'type=group',
  markType: () => 1,
  bool: () => true,
  recvOpt: () => 'receiveNotNotify',
  groupName: () => 'Work',
  newGroupName: () => 'Home',
  scope: () => 'c2c',
  file: () => new File(['hello'], 'hello.txt', { type: 'text/plain' }),
  files: () => [new File(['hello'], 'hello.txt', { type: 'text/plain' })],
  sendOptions: () => ({ priority: 'high', isExcludedFromUnreadCount: true }),
  deleteOptions: () => ({ clearMessages: false }),
  faceIndex: () => 2,
  faceData: () => 'smile',
  reply: () => ({ message: world.store.getState().messages.values().next().value, strings: en }),
  sendFilesOptions: () => ({ onProgress: () => {}, onCreated: () => true }),
  mediaElem: () => world.fileElem,
  snapshotPart: () => 'snapshot',
  search: () => ({ keywordList: ['hello'], keywordListMatchType: 'or', pageIndex: 0, pageSize: 5 }),
};
const POOL_NAMES = Object.keys(POOL);

/** The store's data as plain values (orders as ID lists, errors as codes), for deep comparison. */
function storeSnapshot(state: ChatState) {
  const views: Record<string, unknown> = {};
  for (const [key, view] of Object.entries(state.views)) {
    views[key] = { ...view, order: view.order.toArray(), error: view.error?.code ?? null };
  }
  const windows: Record<string, unknown> = {};
  for (const [key, window] of Object.entries(state.windows)) {
    windows[key] = { ...window, error: window.error?.code ?? null };
  }
  return {
    userID: state.userID,
    syncStatus: state.syncStatus,
    activeConversationID: state.activeConversationID,
    totalUnread: state.totalUnread,
    conversations: [...state.conversations.entries()].sort(([a], [b]) => a.localeCompare(b)),
    messages: [...state.messages.entries()].sort(([a], [b]) => a.localeCompare(b)),
    views,
    windows,
    unreadByFilter: { ...state.unreadByFilter },
    conversationGroups: state.conversationGroups,
    sendProgress: { ...state.sendProgress },
    typing: [...state.typing.entries()].sort(([a], [b]) => a.localeCompare(b)),
    users: [...state.users.entries()].sort(([a], [b]) => a.localeCompare(b)),
  };
}

/** What the engine holds, through its getters: the list, unread, groups and recent history. */
async function engineSnapshot(engine: LocalEngine) {
  const { conversationList } = await engine.getConversationList(0, 100);
  const history: Record<string, string[]> = {};
  for (const conversation of conversationList) {
    const { messageList } = await engine.getHistoryMessageList({
      conversationID: conversation.conversationID,
      count: 10,
    });
    history[conversation.conversationID] = messageList.map((m) => `${m.msgID}:${m.status}`);
  }
  return {
    conversationList,
    history,
    total: await engine.getTotalUnreadMessageCount(),
    groups: await engine.getConversationGroupList(),
  };
}

/** What must hold after any call that succeeded. */
function expectValid(state: ChatState) {
  for (const record of [state.views, state.windows, state.unreadByFilter, state.sendProgress]) {
    expect(Object.getPrototypeOf(record)).toBe(null);
  }
  expect(Object.hasOwn(state.views, '')).toBe(true);
  for (const view of Object.values(state.views)) {
    const ids = view.order.toArray();
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(state.conversations.has(id)).toBe(true);
  }
  for (const [id, window] of Object.entries(state.windows)) {
    expect(parseConversationID(id)).not.toBeNull();
    for (const msgID of window.messageIDs) expect(state.messages.has(msgID)).toBe(true);
  }
  if (state.activeConversationID !== null)
    expect(parseConversationID(state.activeConversationID)).not.toBeNull();
}

async function callOnce(name: keyof ChatActions, recipes: Recipe[]) {
  const { store, alice } = world;
  world.fresh = await alice.createTextMessage('fresh');
  await settle();
  const prototypes = prototypeKeys();
  const beforeStore = storeSnapshot(store.getState());
  const beforeEngine = await engineSnapshot(alice);
  const args = recipes.map((recipe) => materialize(recipe, POOL));
  const action = store.getState()[name] as (...a: unknown[]) => unknown;
  const outcome = await outcomeOf(() => action(...args));
  if (outcome.kind === 'raw') throw new Error(`${name} threw a raw error: ${describeRaw(outcome.error)}`);
  expect(outcome.kind, `${name} did not answer`).not.toBe('hung');
  await settle();
  expect(prototypeKeys()).toEqual(prototypes);
  if (outcome.kind === 'chatError') {
    expect(
      storeSnapshot(store.getState()),
      `${name} rejected (${outcome.error.code}) but changed the store`,
    ).toEqual(beforeStore);
    expect(await engineSnapshot(alice), `${name} rejected but changed the engine`).toEqual(beforeEngine);
  } else {
    expectValid(store.getState());
  }
  if (name === 'destroy') await store.getState().start();
}

describe('createChatStore, fuzzed', () => {
  it('covers every public action', () => {
    const actions = Object.entries(world.store.getState())
      .filter(([, value]) => typeof value === 'function')
      .map(([key]) => key)
      .sort();
    expect(actions).toEqual(Object.keys(ACTIONS).sort());
  });

  for (const [name, arity] of Object.entries(ACTIONS) as [keyof ChatActions, number][]) {
    it(`${name}: succeeds into a valid state or rejects with a ChatError, changing nothing`, async () => {
      await fc.assert(
        fc.asyncProperty(argsArbitrary(POOL_NAMES, arity + 1), (recipes) => callOnce(name, recipes)),
        { numRuns: RUNS },
      );
    }, 120_000);
  }
});
