import { afterEach, describe, expect, test } from 'vitest';
import { ChatErrorCode } from '../../model/chat-error';
import { createMemoryChannelFactory, createMemoryLockManager } from '../../testing/index';
import { createLocalHub, type HubWorkProgress, type LocalHub } from './local-hub';
import type { ChannelFactory, ChannelLike } from './local-hub-broadcast';
import type { LocalStorageAdapter } from './local-persistence';
import { expectCode, rejection } from './local-test-helpers';

const open: LocalHub[] = [];
afterEach(async () => {
  for (const hub of open.splice(0).reverse()) await hub.close().catch(() => undefined);
});

/** The request limit of these tests: short, so a slow hub exceeds it many times over without waiting 15 s. */
const LIMIT_MS = 150;

/** Storage in memory whose writes take `delayMs` while `slow` is on, like a 100,000-conversation seed. */
function slowStorage(delayMs: number) {
  const state = { slow: false };
  const storage: LocalStorageAdapter = {
    load: async () => ({ buckets: [], meta: {} }),
    write: (): Promise<void> =>
      state.slow ? new Promise((resolve) => setTimeout(resolve, delayMs)) : Promise.resolve(),
    readBlob: async () => undefined,
    close: () => undefined,
  };
  return { storage, state };
}

/** Channels of one origin where a tab's channel can be frozen: it hears and says nothing (a hung tab). */
function freezableChannels() {
  const inner = createMemoryChannelFactory();
  const made: { channel: ChannelLike; frozen: boolean }[] = [];
  const factory: ChannelFactory = (name) => {
    const channel = inner(name);
    const entry = { channel, frozen: false };
    made.push(entry);
    return {
      get onmessage() {
        return channel.onmessage;
      },
      set onmessage(handler) {
        channel.onmessage = handler && ((event) => (entry.frozen ? undefined : handler(event)));
      },
      postMessage: (message) => (entry.frozen ? undefined : channel.postMessage(message)),
      close: () => channel.close(),
    };
  };
  return { factory, freeze: (index: number) => ((made[index] as { frozen: boolean }).frozen = true) };
}

async function twoTabs(storage: LocalStorageAdapter, createChannel: ChannelFactory) {
  const name = `long-work-${Math.random().toString(36).slice(2)}`;
  const locks = createMemoryLockManager();
  const openTab = async () => {
    const hub = await createLocalHub({
      name,
      persist: true,
      shareAcrossTabs: true,
      locks,
      createChannel,
      storage,
      rateLimits: false,
      requestTimeoutMs: LIMIT_MS,
    });
    open.push(hub);
    return hub;
  };
  const hubTab = await openTab();
  const otherTab = await openTab();
  return { hubTab, otherTab };
}

const bigSeed = {
  users: [{ userID: 'alice', nick: 'Alice', faceUrl: '' }],
  messages: Array.from({ length: 50 }, (_, index) => ({
    sender: `peer-${index}`,
    receiver: 'alice',
    elemList: [{ type: 'text' as const, text: `hello ${index}` }],
  })),
};

describe('long work in a hub shared across tabs', () => {
  test('a second tab seeds a world that takes far longer than the request limit, and signs in', async () => {
    const { storage, state } = slowStorage(LIMIT_MS * 6);
    const { hubTab, otherTab } = await twoTabs(storage, createMemoryChannelFactory());
    expect(hubTab.isLeader).toBe(true);
    expect(otherTab.isLeader).toBe(false);
    state.slow = true;
    const progress: HubWorkProgress[] = [];
    await otherTab.seed(bigSeed, { onProgress: (step) => progress.push(step) });
    state.slow = false;
    // The waiting tab heard the hub tab working while it waited, so it can show that it is not stuck.
    expect(progress.length).toBeGreaterThanOrEqual(2);
    expect(progress.at(-1)?.elapsedMs).toBeGreaterThan(LIMIT_MS);
    const alice = await otherTab.connect('alice', { persist: false });
    const { conversationList } = await alice.getConversationList(0, 100);
    expect(conversationList).toHaveLength(50);
    await alice.logout();
  });

  test('the tab running the hub hears seed progress too, and a progress listener that is no function is refused', async () => {
    const { storage, state } = slowStorage(1300);
    const { hubTab } = await twoTabs(storage, createMemoryChannelFactory());
    await expectCode(hubTab.seed(bigSeed, { onProgress: 'yes' as never }), ChatErrorCode.InvalidParameter);
    const before = await hubTab.connect('alice', { persist: false });
    expect((await before.getConversationList(0, 100)).conversationList).toHaveLength(0);
    await before.logout();
    state.slow = true;
    const progress: HubWorkProgress[] = [];
    await hubTab.seed(bigSeed, { onProgress: (step) => progress.push(step) });
    state.slow = false;
    expect(progress.length).toBeGreaterThanOrEqual(1);
  });

  test('a hub tab that stopped answering fails the request within the limit, saying what to do', async () => {
    const { storage } = slowStorage(0);
    const channels = freezableChannels();
    const { otherTab } = await twoTabs(storage, channels.factory);
    channels.freeze(0);
    const started = Date.now();
    const error = await rejection(otherTab.seed(bigSeed));
    expect(Date.now() - started).toBeLessThan(LIMIT_MS * 4);
    expect(error.code).toBe(ChatErrorCode.NetworkError);
    expect(error.message).toMatch(/close.*tab|reload/i);
  });
});
