import { describe, expect, test } from 'vitest';
import { ChatErrorCode } from '../../model/chat-error';
import { ConversationMarkType } from '../../model/types';
import { seedConversations } from '../../testing/index';
import { createLocalHub, type LocalHubOptions } from './local-hub';
import { createIndexedDBStorage, type LocalStorageAdapter } from './local-persistence';
import { createTestClock, expectCode, pullAll, sendText, textOf, uniqueName } from './local-test-helpers';

function open(name: string, options: LocalHubOptions = {}) {
  return createLocalHub({
    name,
    persist: true,
    rateLimits: false,
    users: ['alice', 'bob', 'carol'],
    ...options,
  });
}

/** Wraps storage so a test can make writes fail. */
function breakable(adapter: LocalStorageAdapter) {
  let failing = false;
  const wrapped: LocalStorageAdapter = {
    ...adapter,
    write: (batch) =>
      failing ? Promise.reject(new Error('QuotaExceededError: disk full')) : adapter.write(batch),
  };
  return {
    adapter: wrapped,
    fail: (value: boolean) => {
      failing = value;
    },
  };
}

describe('persistence', () => {
  test('a hub reopened on the same database has every conversation, message, draft, pin, mark, group and receive option', async () => {
    const name = uniqueName('reopen');
    const clock = createTestClock();
    const first = await open(name, { now: clock.now });
    const alice = await first.connect('alice');
    const bob = await first.connect('bob');
    await first.createGroup({
      groupID: 'team',
      name: 'Team',
      ownerID: 'carol',
      memberUserIDList: ['alice', 'bob'],
    });
    clock.advance(1000);
    await sendText(bob, 'hello alice', { receiver: 'alice' });
    clock.advance(1000);
    await sendText(bob, 'team news', { groupID: 'team' });
    await alice.setConversationDraft('c2c_bob', 'unsent reply');
    await alice.pinConversation('group_team', true);
    await alice.markConversation(['c2c_bob'], ConversationMarkType.star, true);
    await alice.createConversationGroup('Work', ['group_team']);
    await alice.setC2CReceiveMessageOpt(['bob'], 'receiveNotNotify');
    const before = await pullAll(alice);
    const beforeGroups = await alice.getConversationGroupList();
    await first.close();

    const second = await open(name, { now: clock.now });
    const again = await second.connect('alice', { deviceID: 'after-reload' });
    const after = await pullAll(again);
    expect(after.map((item) => item.conversationID)).toEqual(before.map((item) => item.conversationID));
    expect(
      after.map(
        ({ orderKey, isPinned, unreadCount, draftText, markList, recvOpt, conversationGroupList }) => ({
          orderKey,
          isPinned,
          unreadCount,
          draftText,
          markList,
          recvOpt,
          conversationGroupList,
        }),
      ),
    ).toEqual(
      before.map(
        ({ orderKey, isPinned, unreadCount, draftText, markList, recvOpt, conversationGroupList }) => ({
          orderKey,
          isPinned,
          unreadCount,
          draftText,
          markList,
          recvOpt,
          conversationGroupList,
        }),
      ),
    );
    expect(await again.getConversationGroupList()).toEqual(beforeGroups);
    const history = await again.getHistoryMessageList({ conversationID: 'c2c_bob', count: 10 });
    expect(history.messageList.map(textOf)).toEqual(['hello alice']);
    // Seq and orderKey continue where they left off.
    const bobAgain = await second.connect('bob');
    const next = await sendText(bobAgain, 'after reload', { groupID: 'team' });
    expect(next.seq).toBe(3);
    expect((await again.getConversation('group_team')).orderKey).toBeGreaterThan(after[0]!.orderKey);
    await second.close();
  });

  test('local custom data, local deletions and imported messages survive a reload of the engine', async () => {
    const name = uniqueName('engine-store');
    const first = await open(name);
    const alice = await first.connect('alice');
    const bob = await first.connect('bob');
    const keep = await sendText(bob, 'keep me', { receiver: 'alice' });
    const drop = await sendText(bob, 'drop me', { receiver: 'alice' });
    await alice.setLocalCustomData(keep.msgID, '{"pinnedNote":true}');
    await alice.deleteMessages([drop.msgID]);
    const [imported] = await alice.importMessages('c2c_bob', [
      { ...(await alice.createTextMessage('from an old phone')), timestamp: 1_000 },
    ]);
    await first.close();

    const second = await open(name);
    const again = await second.connect('alice');
    expect((await again.findMessages([keep.msgID]))[0]?.localCustomData).toBe('{"pinnedNote":true}');
    const history = await again.getHistoryMessageList({ conversationID: 'c2c_bob', count: 10 });
    expect(history.messageList.map((message) => message.msgID)).toEqual([imported!.msgID, keep.msgID]);
    // Another device never had local custom data.
    const other = await second.connect('alice', { deviceID: 'other' });
    await other.getHistoryMessageList({ conversationID: 'c2c_bob', count: 10 });
    expect((await other.findMessages([keep.msgID]))[0]?.localCustomData).toBe('');
    await second.close();
  });

  test('a failed send (with its attachment) survives a reload and can be resent', async () => {
    const name = uniqueName('failed-send');
    const first = await open(name);
    const alice = await first.connect('alice');
    alice.setNetworkConditions({ online: false });
    const file = await alice.createFileMessage(new Blob([new Uint8Array([1, 2, 3, 4])]), 'four.bin');
    await expectCode(alice.sendMessage(file, { receiver: 'bob' }), ChatErrorCode.NetworkError);
    await first.close();

    const second = await open(name);
    const again = await second.connect('alice');
    expect((await again.findMessages([file.msgID]))[0]?.status).toBe('failed');
    const sent = await again.resendMessage(file.msgID);
    expect(sent.status).toBe('sent');
    const bob = await second.connect('bob');
    const [atBob] = await bob
      .getHistoryMessageList({ conversationID: 'c2c_alice', count: 1 })
      .then((page) => page.messageList);
    expect([...new Uint8Array(await (await bob.downloadElem(atBob!.elemList[0]!)).arrayBuffer())]).toEqual([
      1, 2, 3, 4,
    ]);
    await second.close();
  });

  test('a hub storage failure rejects with STORAGE_FAILURE and leaves the state as it was', async () => {
    const name = uniqueName('hub-failure');
    const storage = breakable(createIndexedDBStorage(`tidings-hub:${name}`));
    const hub = await open(name, { storage: storage.adapter });
    const alice = await hub.connect('alice');
    const bob = await hub.connect('bob');
    await sendText(bob, 'hi', { receiver: 'alice' });
    const before = await alice.getConversation('c2c_bob');
    storage.fail(true);
    await expectCode(alice.pinConversation('c2c_bob', true), ChatErrorCode.StorageFailure);
    await expectCode(alice.setConversationDraft('c2c_bob', 'lost?'), ChatErrorCode.StorageFailure);
    const message = await bob.createTextMessage('during the outage');
    await expectCode(bob.sendMessage(message, { receiver: 'alice' }), ChatErrorCode.StorageFailure);
    storage.fail(false);
    const fresh = await hub.connect('alice', { deviceID: 'check' });
    expect(await fresh.getConversation('c2c_bob')).toMatchObject({
      isPinned: false,
      draftText: null,
      unreadCount: before.unreadCount,
      orderKey: before.orderKey,
    });
    expect((await bob.findMessages([message.msgID]))[0]?.status).toBe('failed');
    await expect(bob.resendMessage(message.msgID)).resolves.toMatchObject({ status: 'sent' });
    await hub.close();
  });

  test('an engine storage failure rejects a local change with STORAGE_FAILURE and undoes it', async () => {
    const name = uniqueName('engine-failure');
    const hub = await open(name);
    const storage = breakable(createIndexedDBStorage(`engine-${name}`));
    const alice = await hub.connect('alice', { storage: storage.adapter });
    const bob = await hub.connect('bob');
    const sent = await sendText(bob, 'hello', { receiver: 'alice' });
    await alice.flush();
    storage.fail(true);
    await expectCode(alice.setLocalCustomData(sent.msgID, 'x'), ChatErrorCode.StorageFailure);
    await expectCode(alice.deleteMessages([sent.msgID]), ChatErrorCode.StorageFailure);
    storage.fail(false);
    const [held] = await alice.findMessages([sent.msgID]);
    expect(held?.localCustomData).toBe('');
    expect((await alice.getConversation('c2c_bob')).lastMessage?.msgID).toBe(sent.msgID);
    await hub.close();
  });

  test('10,000 seeded conversations persist in batches and reload', async () => {
    const name = uniqueName('bulk');
    const first = await open(name);
    await seedConversations(first, 'alice', 10_000);
    await first.flush();
    await first.close();
    const second = await open(name);
    const alice = await second.connect('alice');
    const page = await alice.getConversationList(0, 20);
    expect(page.conversationList).toHaveLength(20);
    expect(page.conversationList[0]?.conversationID).toBe('c2c_peer-00001');
    await second.close();
  }, 60_000);
});
