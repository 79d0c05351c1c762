import { afterEach, describe, expect, test } from 'vitest';
import type { Conversation, Message } from '../../model/types';
import { seedConversations } from '../../testing/index';
import { createLocalHub, type LocalHub } from './local-hub';
import { createIndexedDBStorage, type LocalStorageAdapter } from './local-persistence';
import { pullAll, record, sendText, textOf, uniqueName, waitFor } from './local-test-helpers';

/**
 * Cold start from IndexedDB, offline first (issue 10, section 3): a persisted engine shows its inbox and
 * a conversation's cached history from its own database at once, offline or online, then reconciles with
 * the hub through events for what changed.
 */

const opened: LocalHub[] = [];
afterEach(async () => {
  for (const hub of opened.splice(0).reverse()) await hub.close();
});

async function open(name: string): Promise<LocalHub> {
  const hub = await createLocalHub({
    name,
    persist: true,
    rateLimits: false,
    users: ['alice', 'bob', 'carol', 'dave'],
  });
  opened.push(hub);
  return hub;
}

async function closeHub(hub: LocalHub): Promise<void> {
  opened.splice(opened.indexOf(hub), 1);
  await hub.close();
}

/**
 * Alice's engine storage in hub `name`, whose reads of the conversation cache's buckets (all at once or by
 * range) wait until `release()`: the first page must not need them.
 */
function heldBucketReads(name: string) {
  let release: () => void = () => undefined;
  const held = new Promise<void>((resolve) => {
    release = resolve;
  });
  const base = createIndexedDBStorage(`tidings-engine:${name}:alice:default`);
  const storage: LocalStorageAdapter = {
    ...base,
    readConversationBuckets: () => held.then(() => base.readConversationBuckets!()),
    readConversationBucketRange: (prefix) => held.then(() => base.readConversationBucketRange!(prefix)),
  };
  return { base, storage, release };
}

const idsOf = (list: readonly Conversation[]) => list.map((conversation) => conversation.conversationID);

describe('cold start from IndexedDB', () => {
  test('an engine that starts offline shows the persisted inbox and the cached history', async () => {
    const name = uniqueName('offline-start');
    const first = await open(name);
    const alice = await first.connect('alice');
    const bob = await first.connect('bob');
    const carol = await first.connect('carol');
    for (let i = 0; i < 3; i++) await sendText(bob, `bob ${i}`, { receiver: 'alice' });
    await sendText(carol, 'carol here', { receiver: 'alice' });
    await alice.pinConversation('c2c_bob', true);
    await alice.getHistoryMessageList({ conversationID: 'c2c_bob', count: 20 });
    const before = await pullAll(alice);
    await first.flush();
    await closeHub(first);

    const second = await open(name);
    const again = await second.connect('alice', { network: { online: false } });
    const page = await again.getConversationList(0, 20);
    // The whole conversations, as the engine showed them before the reload.
    expect(page.conversationList).toEqual(before);
    expect(textOf(page.conversationList[1]?.lastMessage)).toBe('carol here');
    const history = await again.getHistoryMessageList({ conversationID: 'c2c_bob', count: 20 });
    expect(history.messageList.map(textOf)).toEqual(['bob 0', 'bob 1', 'bob 2']);
    expect(await again.getTotalUnreadMessageCount()).toBe(4);
  });

  test('a message sent before the reload is shown as sent, not failed, when the engine starts offline', async () => {
    const name = uniqueName('sent-before-reload');
    const first = await open(name);
    const alice = await first.connect('alice');
    await first.connect('bob');
    await alice.getHistoryMessageList({ conversationID: 'c2c_bob', count: 20 });
    const sent = await sendText(alice, 'saved on this laptop', { receiver: 'bob' });
    expect(sent.status).toBe('sent');
    await first.flush();
    await closeHub(first);

    const second = await open(name);
    const again = await second.connect('alice', { network: { online: false } });
    const history = await again.getHistoryMessageList({ conversationID: 'c2c_bob', count: 20 });
    expect(history.messageList.map((message) => [textOf(message), message.status])).toEqual([
      ['saved on this laptop', 'sent'],
    ]);
    const { conversationList } = await again.getConversationList(0, 20);
    expect(conversationList[0]?.lastMessage?.status).toBe('sent');
  });

  test('a conversation moved to the top by a message just before the reload is still on top after it', async () => {
    const name = uniqueName('moved-before-reload');
    const first = await open(name);
    const alice = await first.connect('alice');
    const bob = await first.connect('bob');
    const carol = await first.connect('carol');
    const dave = await first.connect('dave');
    await sendText(bob, 'oldest', { receiver: 'alice' });
    await sendText(carol, 'middle', { receiver: 'alice' });
    await sendText(dave, 'newest', { receiver: 'alice' });
    await pullAll(alice);
    await alice.getHistoryMessageList({ conversationID: 'c2c_bob', count: 20 });
    await sendText(alice, 'back to bob', { receiver: 'bob' });
    const before = await alice.getConversationList(0, 20);
    expect(idsOf(before.conversationList)).toEqual(['c2c_bob', 'c2c_dave', 'c2c_carol']);
    await first.flush();
    await closeHub(first);

    const second = await open(name);
    const again = await second.connect('alice', { network: { online: false } });
    const after = await again.getConversationList(0, 20);
    expect(idsOf(after.conversationList)).toEqual(['c2c_bob', 'c2c_dave', 'c2c_carol']);
    // Asked one by one (as the store does after a failed action), it is the same conversation.
    expect(await again.getConversation('c2c_bob')).toEqual(after.conversationList[0]);
    await expect(again.cleanConversationUnreadMessageCount('c2c_bob')).rejects.toThrow();
    expect(idsOf((await again.getConversationList(0, 20)).conversationList)).toEqual([
      'c2c_bob',
      'c2c_dave',
      'c2c_carol',
    ]);
  });

  test('a reload that lands before the conversation cache is written still lists a sent message’s chat on top', async () => {
    const name = uniqueName('reload-before-cache-write');
    const first = await open(name);
    const base = createIndexedDBStorage(`tidings-engine:${name}:alice:default`);
    let dropConversationWrites = false;
    // The tab goes away after the message store's write and before the conversation cache's.
    const storage: LocalStorageAdapter = {
      ...base,
      writeConversationCache: (patches, meta) =>
        dropConversationWrites ? Promise.resolve() : base.writeConversationCache!(patches, meta),
    };
    const alice = await first.connect('alice', { storage });
    const bob = await first.connect('bob');
    const carol = await first.connect('carol');
    await sendText(bob, 'older', { receiver: 'alice' });
    await sendText(carol, 'newer', { receiver: 'alice' });
    await pullAll(alice);
    await first.flush();
    dropConversationWrites = true;
    await sendText(alice, 'back to bob', { receiver: 'bob' });
    await first.flush();
    await closeHub(first);

    const second = await open(name);
    const again = await second.connect('alice', { network: { online: false } });
    const { conversationList } = await again.getConversationList(0, 20);
    expect(conversationList.map((c) => [c.conversationID, textOf(c.lastMessage)])).toEqual([
      ['c2c_bob', 'back to bob'],
      ['c2c_carol', 'newer'],
    ]);
  });

  test('the first page is served before the rest of the cached conversations is read', async () => {
    const name = uniqueName('first-page');
    const first = await open(name);
    await seedConversations(first, 'alice', 500);
    const alice = await first.connect('alice');
    const before = await alice.getConversationList(0, 30);
    await first.flush();
    await closeHub(first);

    const asked: number[] = [];
    const { base, storage: held, release } = heldBucketReads(name);
    const storage: LocalStorageAdapter = {
      ...held,
      readConversationMeta: async () => {
        const values = await base.readConversationMeta!();
        asked.push((values.top as { states: unknown[] }).states.length);
        return values;
      },
    };
    const second = await open(name);
    const again = await second.connect('alice', { storage, network: { online: false } });
    const page = await again.getConversationList(0, 30);
    expect(idsOf(page.conversationList)).toEqual(idsOf(before.conversationList));
    expect(Math.max(...asked)).toBeLessThan(500);
    // Further pages need the rest, and get it once it is read.
    let rest: Conversation[] | null = null;
    const restPage = again.getConversationList(page.nextSeq, 400).then((result) => {
      rest = result.conversationList;
    });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(rest).toBeNull();
    release();
    await restPage;
    expect(rest).toHaveLength(400);
    expect((await pullAll(again, 100)).length).toBe(500);
  });

  test('profiles and groups are answered while the rest of the cached conversations is read', async () => {
    const name = uniqueName('directory-during-read');
    const first = await open(name);
    await seedConversations(first, 'alice', 300);
    await first.connect('alice');
    await first.flush();
    await closeHub(first);

    const { base, storage: held, release } = heldBucketReads(name);
    const storage: LocalStorageAdapter = {
      ...held,
      readConversationMeta: async () => {
        const values = await base.readConversationMeta!();
        // A smaller top than the 300 conversations, so the rest has to be read.
        const top = values.top as { states: unknown[]; count: number };
        return { ...values, top: { ...top, states: top.states.slice(0, 30) } };
      },
    };
    const second = await open(name);
    const again = await second.connect('alice', { storage });
    const waiting = new Promise<'waiting'>((resolve) => setTimeout(() => resolve('waiting'), 1000));
    const profile = again.getUsersProfile(['alice']).then((list) => list.map((user) => user.userID));
    await expect(Promise.race([profile, waiting])).resolves.toEqual(['alice']);
    release();
    expect((await pullAll(again, 100)).length).toBe(300);
  });

  test('the rest of the cache is read part by part, letting other work run in between', async () => {
    const name = uniqueName('read-in-parts');
    const first = await open(name);
    await seedConversations(first, 'alice', 2000);
    const alice = await first.connect('alice');
    const before = await pullAll(alice, 100);
    await first.flush();
    await closeHub(first);

    const events: string[] = [];
    const base = createIndexedDBStorage(`tidings-engine:${name}:alice:default`);
    const storage: LocalStorageAdapter = {
      ...base,
      readConversationBucketRange: async (prefix) => {
        const buckets = await base.readConversationBucketRange!(prefix);
        if (!events.includes('part')) setTimeout(() => events.push('other work'), 0);
        events.push('part');
        return buckets;
      },
    };
    const second = await open(name);
    const again = await second.connect('alice', { storage, network: { online: false } });
    expect(idsOf(await pullAll(again, 100))).toEqual(idsOf(before));
    expect(events.filter((event) => event === 'part').length).toBeGreaterThan(10);
    expect(events.indexOf('other work')).toBeLessThan(events.lastIndexOf('part'));
  });

  test('online, new messages arrive while the rest of the cache is still being read, and totals come right after', async () => {
    const name = uniqueName('sync-during-read');
    const first = await open(name);
    await seedConversations(first, 'alice', 500, { unreadRatio: 0 });
    const alice = await first.connect('alice');
    await first.flush();
    await alice.logout();
    await closeHub(first);

    const { storage, release } = heldBucketReads(name);
    const second = await open(name);
    const again = await second.connect('alice', { storage });
    const events = record(again);
    const bob = await second.connect('bob');
    await sendText(bob, 'fresh', { receiver: 'alice' });
    await waitFor(() => events.named('onRecvNewMessage').length === 1, 5000);
    expect(textOf(events.named('onRecvNewMessage')[0]?.[0] as Message)).toBe('fresh');
    expect(events.named('onTotalUnreadMessageCountChanged')).toEqual([]);
    release();
    expect(await again.getTotalUnreadMessageCount()).toBe(1);
    await waitFor(() => events.named('onTotalUnreadMessageCountChanged').length > 0);
    expect(events.named('onTotalUnreadMessageCountChanged').at(-1)).toEqual([1]);
    expect((await pullAll(again, 100)).length).toBe(501);
  });

  test('a conversation shows its cached history at once and the newer messages fill in after', async () => {
    const name = uniqueName('history-first');
    const first = await open(name);
    const alice = await first.connect('alice');
    const bob = await first.connect('bob');
    for (let i = 0; i < 25; i++) await sendText(bob, `old ${i}`, { receiver: 'alice' });
    await alice.getHistoryMessageList({ conversationID: 'c2c_bob', count: 20 });
    await first.flush();
    await alice.logout();
    for (let i = 0; i < 3; i++) await sendText(bob, `new ${i}`, { receiver: 'alice' });
    await first.flush();
    await closeHub(first);

    const second = await open(name);
    const latencyMs = 300;
    const started = Date.now();
    const again = await second.connect('alice', { network: { latencyMs } });
    const events = record(again);
    const history = await again.getHistoryMessageList({ conversationID: 'c2c_bob', count: 20 });
    // Served from this device, without waiting a single round trip to the hub.
    expect(Date.now() - started).toBeLessThan(latencyMs);
    expect(history.messageList.map(textOf).at(-1)).toBe('old 24');
    expect(history.messageList).toHaveLength(20);
    await waitFor(() => events.named('onRecvNewMessage').length >= 3, 5000);
    expect(
      events
        .named('onRecvNewMessage')
        .map(([message]) => textOf(message as Message))
        .sort(),
    ).toEqual(['new 0', 'new 1', 'new 2']);
    await waitFor(() => events.named('onSyncServerFinish').length >= 1, 5000);
    const latest = await again.getHistoryMessageList({ conversationID: 'c2c_bob', count: 5 });
    expect(latest.messageList.map(textOf)).toEqual(['old 23', 'old 24', 'new 0', 'new 1', 'new 2']);
  });

  test('reconnecting after a cold start reports only the conversations that changed', async () => {
    const name = uniqueName('reconcile');
    const first = await open(name);
    await seedConversations(first, 'alice', 50);
    const alice = await first.connect('alice');
    await first.flush();
    await alice.logout();
    const bob = await first.connect('bob');
    await sendText(bob, 'while you were away', { receiver: 'alice' });
    await first.flush();
    await closeHub(first);

    const second = await open(name);
    const again = await second.connect('alice', { network: { online: false } });
    const events = record(again);
    const shown = await again.getConversationList(0, 20);
    expect(shown.conversationList).toHaveLength(20);
    expect(idsOf(shown.conversationList)).not.toContain('c2c_bob');
    again.setNetworkConditions({ online: true });
    await waitFor(() => events.named('onSyncServerFinish').length >= 1, 5000);
    const reported = [
      ...events.named('onNewConversation').flatMap(([list]) => idsOf(list as Conversation[])),
      ...events.named('onConversationChanged').flatMap(([list]) => idsOf(list as Conversation[])),
    ];
    expect(reported).toEqual(['c2c_bob']);
    expect(idsOf((await again.getConversationList(0, 1)).conversationList)).toEqual(['c2c_bob']);
  });
});
