import { afterEach, describe, expect, test } from 'vitest';
import type { Message } from '../../model/types';
import { createMemoryChannelFactory, createMemoryLockManager } from '../../testing/index';
import { createLocalHub, type LocalHub } from './local-hub';
import type { ChannelFactory, LockManagerLike } from './local-hub-broadcast';
import { record, sendText, textOf, waitFor } from './local-test-helpers';

const open: LocalHub[] = [];
afterEach(async () => {
  for (const hub of open.splice(0).reverse()) await hub.close();
});

let counter = 0;

/** Opens "tabs": hubs of one origin sharing a name, Web Locks and a channel. */
function tabs(channels?: ChannelFactory) {
  counter++;
  const name = `tabs-${counter}-${Math.random().toString(36).slice(2)}`;
  const locks: LockManagerLike = createMemoryLockManager();
  return async () => {
    const hub = await createLocalHub({
      name,
      persist: true,
      shareAcrossTabs: true,
      locks,
      ...(channels && { createChannel: channels }),
      rateLimits: false,
      users: ['alice', 'bob', 'carol'],
    });
    open.push(hub);
    return hub;
  };
}

const messagesOf = (events: ReturnType<typeof record>) =>
  events.named('onRecvNewMessage').map(([message]) => message as Message);

describe('a hub shared across browser tabs (BroadcastChannel + Web Locks)', () => {
  test('one tab leads; tabs signed in as different users chat live', async () => {
    const openTab = tabs();
    const tabA = await openTab();
    const tabB = await openTab();
    expect(tabA.isLeader).toBe(true);
    expect(tabB.isLeader).toBe(false);
    const alice = await tabA.connect('alice');
    const bob = await tabB.connect('bob');
    const bobEvents = record(bob);
    const aliceEvents = record(alice);
    await sendText(alice, 'hi from tab A', { receiver: 'bob' });
    await waitFor(() => messagesOf(bobEvents).length === 1);
    expect(textOf(messagesOf(bobEvents)[0])).toBe('hi from tab A');
    await sendText(bob, 'hi from tab B', { receiver: 'alice' });
    await waitFor(() => messagesOf(aliceEvents).length === 1);
    expect(textOf(messagesOf(aliceEvents)[0])).toBe('hi from tab B');
    expect((await bob.getConversation('c2c_alice')).unreadCount).toBe(1);
    await alice.markC2CMessageAsRead('bob');
    await waitFor(() => bobEvents.named('onRecvC2CReadReceipt').length === 1);
  });

  test('the same user in two tabs is two devices: a message sent in one shows in the other as isSelf', async () => {
    const openTab = tabs();
    const tabA = await openTab();
    const tabB = await openTab();
    const aliceA = await tabA.connect('alice', { deviceID: 'tab-a' });
    const aliceB = await tabB.connect('alice', { deviceID: 'tab-b' });
    const events = record(aliceB);
    const sent = await sendText(aliceA, 'sent from A', { receiver: 'bob' });
    await waitFor(() => messagesOf(events).length === 1);
    expect(messagesOf(events)[0]).toMatchObject({
      msgID: sent.msgID,
      isSelf: true,
      conversationID: 'c2c_bob',
    });
  });

  test('when the leading tab closes another takes over from IndexedDB and the chat goes on', async () => {
    const openTab = tabs(createMemoryChannelFactory());
    const tabA = await openTab();
    const tabB = await openTab();
    const tabC = await openTab();
    const alice = await tabA.connect('alice');
    const bob = await tabB.connect('bob');
    const carol = await tabC.connect('carol');
    await sendText(alice, 'before the hand-over', { receiver: 'bob' });
    await waitFor(async () => (await bob.getConversationList(0, 10)).conversationList.length === 1);
    const bobEvents = record(bob);

    open.splice(open.indexOf(tabA), 1);
    await tabA.close();
    // A request made while no tab leads waits for the next leader and is answered then.
    const during = sendText(bob, 'while nobody leads', { receiver: 'carol' });
    await waitFor(() => tabB.isLeader || tabC.isLeader);
    await expect(during).resolves.toMatchObject({ status: 'sent' });
    await waitFor(() => bobEvents.named('onSyncServerFinish').length >= 1);

    const history = await bob.getHistoryMessageList({ conversationID: 'c2c_alice', count: 10 });
    expect(history.messageList.map(textOf)).toEqual(['before the hand-over']);
    const carolEvents = record(carol);
    await sendText(bob, 'after the hand-over', { receiver: 'carol' });
    await waitFor(() => messagesOf(carolEvents).some((message) => textOf(message) === 'after the hand-over'));
    const aliceAgain = await (tabB.isLeader ? tabC : tabB).connect('alice', { deviceID: 'reopened' });
    expect((await aliceAgain.getConversation('c2c_bob')).lastMessage?.elemList).toEqual([
      { type: 'text', text: 'before the hand-over' },
    ]);
  });
});
