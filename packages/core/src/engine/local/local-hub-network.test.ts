import { afterEach, describe, expect, test } from 'vitest';
import { ChatErrorCode } from '../../model/chat-error';
import type { Message } from '../../model/types';
import type { LocalHub } from './local-hub';
import { createTestHub, expectCode, record, sendText, textOf, waitFor } from './local-test-helpers';

let hub: LocalHub;
afterEach(async () => {
  await hub?.close();
});

async function setup(options: Parameters<typeof createTestHub>[0] = {}) {
  ({ hub } = await createTestHub(options));
  return { alice: await hub.connect('alice'), bob: await hub.connect('bob') };
}

describe('going offline and coming back', () => {
  test('offline: the engine is disconnected, server calls reject with NETWORK_ERROR, and local reads still work', async () => {
    const { alice, bob } = await setup();
    await sendText(bob, 'before', { receiver: 'alice' });
    const events = record(alice);
    hub.setNetworkConditions({ online: false }, 'alice');
    expect(alice.connectionState).toBe('disconnected');
    expect(events.named('onConnectionStateChanged')).toEqual([['disconnected']]);
    await expectCode(alice.pinConversation('c2c_bob', true), ChatErrorCode.NetworkError);
    expect((await alice.getConversation('c2c_bob')).isPinned).toBe(false);
    expect((await alice.getConversationList(0, 10)).conversationList).toHaveLength(1);
    expect(await alice.getTotalUnreadMessageCount()).toBe(1);
  });

  test('a send while offline ends failed and is kept; after reconnecting it can be resent', async () => {
    const { alice, bob } = await setup();
    alice.setNetworkConditions({ online: false });
    const message = await alice.createTextMessage('are you there?');
    const handle = alice.sendMessage(message, { receiver: 'bob' });
    expect(handle.message.status).toBe('sending');
    await expectCode(handle, ChatErrorCode.NetworkError);
    const [kept] = await alice.findMessages([message.msgID]);
    expect(kept?.status).toBe('failed');
    expect((await alice.getConversation('c2c_bob')).lastMessage?.status).toBe('failed');
    alice.setNetworkConditions({ online: true });
    await waitFor(() => alice.connectionState === 'connected');
    const resent = await alice.resendMessage(message.msgID);
    expect(resent).toMatchObject({ msgID: message.msgID, status: 'sent' });
    expect(textOf((await bob.findMessages([message.msgID]))[0])).toBe('are you there?');
    await expectCode(alice.resendMessage(message.msgID), ChatErrorCode.InvalidState);
  });

  test('a send that fails still activates its conversation here: it moves up, a new one is listed, newer messages go above it', async () => {
    const created = await createTestHub();
    hub = created.hub;
    const [alice, bob, carol] = await Promise.all(['alice', 'bob', 'carol'].map((id) => hub.connect(id)));
    if (!alice || !bob || !carol) throw new Error('three engines');
    const ids = async () =>
      (await alice.getConversationList(0, 10)).conversationList.map((item) => item.conversationID);
    await sendText(bob, 'one', { receiver: 'alice' });
    created.clock.advance(1_000);
    await sendText(carol, 'two', { receiver: 'alice' });
    await waitFor(async () => (await ids()).length === 2);
    expect(await ids()).toEqual(['c2c_carol', 'c2c_bob']);

    alice.setNetworkConditions({ online: false });
    created.clock.advance(1_000);
    await expectCode(sendText(alice, 'still there?', { receiver: 'bob' }), ChatErrorCode.NetworkError);
    expect(await ids()).toEqual(['c2c_bob', 'c2c_carol']);
    created.clock.advance(1_000);
    await expectCode(sendText(alice, 'hello Dave', { receiver: 'dave' }), ChatErrorCode.NetworkError);
    expect(await ids()).toEqual(['c2c_dave', 'c2c_bob', 'c2c_carol']);
    expect((await alice.getConversation('c2c_dave')).lastMessage?.status).toBe('failed');

    alice.setNetworkConditions({ online: true });
    await waitFor(() => alice.connectionState === 'connected');
    created.clock.advance(1_000);
    await sendText(carol, 'three', { receiver: 'alice' });
    await waitFor(async () => (await ids())[0] === 'c2c_carol');
    expect(await ids()).toEqual(['c2c_carol', 'c2c_dave', 'c2c_bob']);
  });

  test('coming back online syncs: onSyncServerStart, the missed changes, then onSyncServerFinish', async () => {
    const { alice, bob } = await setup();
    await sendText(bob, 'one', { receiver: 'alice' });
    alice.setNetworkConditions({ online: false });
    const events = record(alice);
    const missed = await sendText(bob, 'two', { receiver: 'alice' });
    await hub.connect('alice', { deviceID: 'phone' }).then((phone) => phone.pinConversation('c2c_bob', true));
    expect(events.named('onRecvNewMessage')).toEqual([]);
    alice.setNetworkConditions({ online: true });
    await waitFor(() => alice.connectionState === 'connected');
    const names = events.events.map((event) => event.name);
    expect(names.indexOf('onSyncServerStart')).toBeGreaterThan(-1);
    expect(names.indexOf('onSyncServerFinish')).toBeGreaterThan(names.indexOf('onConversationChanged'));
    expect(names.indexOf('onConversationChanged')).toBeGreaterThan(names.indexOf('onSyncServerStart'));
    expect(events.named('onRecvNewMessage').map(([message]) => (message as Message).msgID)).toEqual([
      missed.msgID,
    ]);
    expect(events.named('onConnectionStateChanged')).toEqual([['connecting'], ['connected']]);
    const conversation = await alice.getConversation('c2c_bob');
    expect(conversation).toMatchObject({ isPinned: true, unreadCount: 2 });
    expect(textOf(conversation.lastMessage)).toBe('two');
  });

  test('a failing network fires onSyncServerFailed and retries with backoff until it works', async () => {
    const { alice, bob } = await setup({ random: () => 0 });
    await sendText(bob, 'hi', { receiver: 'alice' });
    const retrying = await hub.connect('alice', { deviceID: 'flaky', syncRetryDelayMs: 5 });
    const events = record(retrying);
    retrying.setNetworkConditions({ online: false });
    retrying.setNetworkConditions({ failureRate: 1, online: true });
    await waitFor(() => events.named('onSyncServerFailed').length >= 2);
    expect(retrying.connectionState).toBe('connecting');
    retrying.setNetworkConditions({ failureRate: 0 });
    await waitFor(() => retrying.connectionState === 'connected');
    expect(events.named('onSyncServerFinish')).toHaveLength(1);
    expect(alice.connectionState).toBe('connected');
  });

  test('when the network gets better while a sync is waiting to retry, it retries at once', async () => {
    await setup({ random: () => 0 });
    const alice = await hub.connect('alice', { deviceID: 'patient', syncRetryDelayMs: 60_000 });
    const events = record(alice);
    hub.setNetworkConditions({ online: false });
    hub.setNetworkConditions({ online: true, failureRate: 1 });
    await waitFor(() => events.named('onSyncServerFailed').length >= 1);
    hub.setNetworkConditions({ failureRate: 0 });
    // The backoff is a minute here, so reconnecting within the wait means it did not wait for it.
    await waitFor(() => alice.connectionState === 'connected', 5_000);
    expect(events.named('onSyncServerFinish')).toHaveLength(1);
  });

  test('latency delays requests and pushes but keeps them in order', async () => {
    const { alice, bob } = await setup({ network: { latencyMs: 5 } });
    const events = record(bob);
    const started = Date.now();
    for (const text of ['a', 'b', 'c']) await sendText(alice, text, { receiver: 'bob' });
    expect(Date.now() - started).toBeGreaterThanOrEqual(25);
    await waitFor(() => events.named('onRecvNewMessage').length === 3);
    expect(events.named('onRecvNewMessage').map(([message]) => textOf(message as Message))).toEqual([
      'a',
      'b',
      'c',
    ]);
  });

  test('a user taken offline by the hub stays offline for their engines until brought back', async () => {
    const { alice } = await setup();
    hub.setNetworkConditions({ online: false }, 'alice');
    const second = await hub.connect('alice', { deviceID: 'second' });
    expect(second.connectionState).toBe('disconnected');
    hub.setNetworkConditions({ online: true }, 'alice');
    await waitFor(() => second.connectionState === 'connected' && alice.connectionState === 'connected');
  });
});
