import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Message } from '../../model/types';
import { createSeededHub } from '../../testing/index';
import type { LocalEngine } from './local-engine';
import {
  argsArbitrary,
  describeRaw,
  materialize,
  outcomeOf,
  prototypeKeys,
  type Recipe,
  settle,
} from './local-fuzz-helpers';
import type { LocalHub } from './local-hub';

/**
 * Every public method of the local engine and every admin call of its hub, called with hostile
 * arguments: each either succeeds or rejects (throws, for the synchronous ones) with a ChatError, and a
 * rejected call changes nothing anyone can read through the engines' getters — neither for the caller
 * nor for a peer. TIDINGS_PROPERTY_RUNS calls per method (`pnpm bench` runs many more).
 */
const RUNS = Number(process.env.TIDINGS_PROPERTY_RUNS ?? 15);

/**
 * Each method and how many arguments it takes. `logout` is left out: it succeeds by design and ends the
 * engine every later call would need (it takes no arguments to fuzz).
 */
const ENGINE_METHODS: Record<Exclude<keyof LocalEngine, 'userID' | 'deviceID' | 'logout'>, number> = {
  getConversationList: 2,
  getConversationListByFilter: 1,
  getConversation: 1,
  getConversationListByIDs: 1,
  deleteConversation: 2,
  pinConversation: 2,
  setConversationDraft: 2,
  markConversation: 3,
  setConversationCustomData: 2,
  createConversationGroup: 2,
  getConversationGroupList: 0,
  renameConversationGroup: 2,
  deleteConversationGroup: 1,
  addConversationsToGroup: 2,
  deleteConversationsFromGroup: 2,
  addConversationListener: 1,
  removeConversationListener: 1,
  addAdvancedMsgListener: 1,
  removeAdvancedMsgListener: 1,
  getTotalUnreadMessageCount: 0,
  getUnreadMessageCountByFilter: 1,
  subscribeUnreadMessageCountByFilter: 1,
  unsubscribeUnreadMessageCountByFilter: 1,
  cleanConversationUnreadMessageCount: 3,
  markAllMessageAsRead: 0,
  markC2CMessageAsRead: 1,
  markGroupMessageAsRead: 1,
  createTextMessage: 1,
  createTextAtMessage: 2,
  createCustomMessage: 3,
  createImageMessage: 2,
  createSoundMessage: 2,
  createVideoMessage: 4,
  createFileMessage: 2,
  createLocationMessage: 3,
  createFaceMessage: 2,
  createMergerMessage: 4,
  createForwardMessage: 1,
  appendElem: 2,
  sendMessage: 2,
  cancelSendingMessage: 1,
  resendMessage: 2,
  sendMessageToUsers: 2,
  revokeMessage: 2,
  deleteMessages: 1,
  deleteMessagesFromServer: 1,
  clearHistoryMessage: 1,
  setLocalCustomData: 2,
  getHistoryMessageList: 1,
  findMessages: 1,
  findMessageByLocator: 2,
  searchLocalMessages: 1,
  importMessages: 2,
  insertMessageToLocalStorage: 3,
  downloadElem: 2,
  setC2CReceiveMessageOpt: 2,
  getC2CReceiveMessageOpt: 1,
  setGroupReceiveMessageOpt: 2,
  getUsersProfile: 1,
  getGroupsInfo: 1,
  getJoinedGroupList: 0,
  getGroupMemberList: 1,
  createGroup: 1,
  getServerTime: 0,
  addSDKListener: 1,
  removeSDKListener: 1,
  setNetworkConditions: 1,
  flush: 0,
  connectionState: -1,
};

/** The hub's admin calls. `close` is left out for the reason `logout` is. */
const HUB_METHODS: Record<Exclude<keyof LocalHub, 'close' | 'isLeader' | 'name'>, number> = {
  connect: 2,
  addUsers: 1,
  createGroup: 1,
  seed: 1,
  setNetworkConditions: 2,
  getServerTime: 0,
  flush: 0,
};

interface World {
  hub: LocalHub;
  alice: LocalEngine;
  bob: LocalEngine;
  /** A message alice created and has not sent, renewed before each call. */
  fresh: Message | null;
  /** A message alice sent to bob, and one bob sent to alice. */
  mine: Message;
  theirs: Message;
}

let world: World;

beforeAll(async () => {
  const { hub } = await createSeededHub({
    users: 5,
    groups: 2,
    messagesPerConversation: 3,
    rateLimits: false,
  });
  const alice = await hub.connect('alice');
  const bob = await hub.connect('bob');
  await alice.createConversationGroup('Work', ['c2c_bob']);
  const mine = await alice.sendMessage(await alice.createTextMessage('mine'), { receiver: 'bob' });
  const theirs = await bob.sendMessage(await bob.createTextMessage('theirs'), { receiver: 'alice' });
  world = { hub, alice, bob, fresh: null, mine, theirs };
});

afterAll(async () => {
  await world.hub.close();
});

/** Valid values by name, mixed into the hostile ones so calls get past their first check. */
const POOL: Record<string, () => unknown> = {
  c2cID: () => 'c2c_bob',
  groupConversationID: () => 'group_group-1',
  ids: () => ['c2c_bob', 'c2c_carol'],
  userID: () => 'bob',
  userIDs: () => ['bob', 'carol'],
  groupID: () => 'group-1',
  msgID: () => world.mine.msgID,
  theirMsgID: () => world.theirs.msgID,
  msgIDs: () => [world.mine.msgID],
  message: () => world.fresh,
  sentMessage: () => world.mine,
  messages: () => [world.mine],
  textElem: () => ({ type: 'text', text: 'hi' }),
  text: () => 'hello',
  count: () => 5,
  zero: () => 0,
  markType: () => 1,
  bool: () => true,
  recvOpt: () => 'receiveNotNotify',
  groupName: () => 'Work',
  filter: () => ({ type: 'c2c', nextSeq: 0, count: 5 }),
  unreadFilter: () => ({ type: 'group' }),
  history: () => ({ conversationID: 'c2c_bob', count: 5 }),
  locator: () => ({ seq: 1 }),
  search: () => ({ keywordList: ['mine'], keywordListMatchType: 'or', pageIndex: 0, pageSize: 5 }),
  blob: () => new Blob(['hello'], { type: 'text/plain' }),
  listener: () => ({}),
  sendOptions: () => ({ receiver: 'bob' }),
  conditions: () => ({ latencyMs: 0 }),
  users: () => [{ userID: 'zed', nick: 'Zed', faceUrl: '' }],
  group: () => ({
    groupID: 'fuzz-group',
    name: 'Fuzz',
    ownerID: 'alice',
    memberUserIDList: ['alice', 'bob'],
  }),
};
const POOL_NAMES = Object.keys(POOL);

/** Everything an engine's user can read: the lists, unread, groups, receive options and history. */
async function observe(engine: LocalEngine) {
  const { conversationList } = await engine.getConversationList(0, 100);
  const hidden = await engine.getConversationListByFilter({ markType: 8, nextSeq: 0, count: 100 });
  const history: Record<string, string[]> = {};
  for (const conversation of [...conversationList, ...hidden.conversationList]) {
    const { messageList } = await engine.getHistoryMessageList({
      conversationID: conversation.conversationID,
      count: 20,
    });
    history[conversation.conversationID] = messageList.map(
      (m) => `${m.msgID}:${m.status}:${m.localCustomData}:${m.cloudCustomData}`,
    );
  }
  return {
    conversationList,
    hidden: hidden.conversationList,
    history,
    total: await engine.getTotalUnreadMessageCount(),
    groups: await engine.getConversationGroupList(),
    recvOpts: await engine.getC2CReceiveMessageOpt(['bob', 'carol', 'alice']),
    joined: await engine.getJoinedGroupList(),
    profiles: await engine.getUsersProfile(['alice', 'bob', 'carol']),
  };
}

async function observeAll() {
  return { alice: await observe(world.alice), bob: await observe(world.bob) };
}

/** Puts the network back the way the observations need it (a fuzzed call may have changed it). */
function restoreNetwork() {
  const clear = { online: true, latencyMs: 0, failureRate: 0 };
  world.hub.setNetworkConditions(clear);
  for (const userID of ['alice', 'bob']) world.hub.setNetworkConditions(clear, userID);
  world.alice.setNetworkConditions(clear);
  world.bob.setNetworkConditions(clear);
}

async function callOnce(target: object, label: string, name: string, recipes: Recipe[]) {
  world.fresh = await world.alice.createTextMessage('fresh');
  restoreNetwork();
  await world.hub.flush();
  await settle();
  const prototypes = prototypeKeys();
  const before = await observeAll();
  const args = recipes.map((recipe) => materialize(recipe, POOL));
  const outcome = await outcomeOf(() => {
    const member = (target as Record<string, unknown>)[name];
    if (typeof member !== 'function') return member;
    const result = (member as (...a: unknown[]) => unknown).apply(target, args);
    // sendMessage and resendMessage answer with a handle whose promise carries the outcome.
    return result;
  });
  // A listener added with hostile contents would otherwise stay, and log, for every later call.
  if (outcome.kind === 'ok' && name.startsWith('add') && typeof outcome.value === 'function') {
    (outcome.value as () => void)();
  }
  if (outcome.kind === 'raw')
    throw new Error(`${label}.${name} threw a raw error: ${describeRaw(outcome.error)}`);
  expect(outcome.kind, `${label}.${name} did not answer`).not.toBe('hung');
  restoreNetwork();
  await world.hub.flush();
  await settle();
  expect(prototypeKeys(), `${label}.${name} changed a shared prototype`).toEqual(prototypes);
  if (outcome.kind === 'chatError') {
    expect(await observeAll(), `${label}.${name} rejected (${outcome.error.code}) but changed data`).toEqual(
      before,
    );
  }
}

describe('local engine, fuzzed', () => {
  it('covers every public method of the engine and the hub', () => {
    const methodsOf = (target: object) => {
      const methods = new Set<string>();
      for (let proto = Object.getPrototypeOf(target); proto && proto !== Object.prototype; ) {
        for (const key of Object.getOwnPropertyNames(proto)) if (key !== 'constructor') methods.add(key);
        proto = Object.getPrototypeOf(proto);
      }
      return [...methods].sort();
    };
    // `start` is the engine class's own start-up step, not part of LocalEngine (the class is @internal).
    const engineMethods = new Set([...Object.keys(ENGINE_METHODS), 'logout', 'start']);
    expect(methodsOf(world.alice)).toEqual([...engineMethods].sort());
    const hubMethods = new Set([...Object.keys(HUB_METHODS), 'close', 'isLeader']);
    expect(methodsOf(world.hub)).toEqual([...hubMethods].sort());
  });

  for (const [name, arity] of Object.entries(ENGINE_METHODS)) {
    it(`engine.${name}: succeeds or rejects with a ChatError, changing nothing`, async () => {
      await fc.assert(
        fc.asyncProperty(argsArbitrary(POOL_NAMES, Math.max(0, arity) + 1), (recipes) =>
          callOnce(world.alice, 'engine', name, recipes),
        ),
        { numRuns: RUNS },
      );
    }, 120_000);
  }

  for (const [name, arity] of Object.entries(HUB_METHODS)) {
    it(`hub.${name}: succeeds or rejects with a ChatError, changing nothing`, async () => {
      await fc.assert(
        fc.asyncProperty(argsArbitrary(POOL_NAMES, arity + 1), (recipes) =>
          callOnce(world.hub, 'hub', name, recipes),
        ),
        { numRuns: RUNS },
      );
    }, 120_000);
  }
});
