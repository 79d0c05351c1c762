import { afterEach, describe, expect, test } from 'vitest';
import { ChatErrorCode } from '../../model/chat-error';
import { AT_ALL, ConversationMarkType } from '../../model/types';
import type { LocalEngine } from './local-engine';
import type { LocalHub } from './local-hub';
import { createTestHub, expectCode, record, sendText, type TestClock } from './local-test-helpers';

let hub: LocalHub;
let clock: TestClock;
afterEach(async () => {
  await hub?.close();
});

async function setup() {
  ({ hub, clock } = await createTestHub());
  const alice = await hub.connect('alice');
  const bob = await hub.connect('bob');
  const carol = await hub.connect('carol');
  await hub.createGroup({
    groupID: 'team',
    name: 'Team',
    ownerID: 'dave',
    memberUserIDList: ['alice', 'bob', 'carol'],
  });
  return { alice, bob, carol };
}

async function burst(from: LocalEngine, count: number, target: { receiver?: string; groupID?: string }) {
  const sent = [];
  for (let i = 0; i < count; i++) {
    clock.advance(1000);
    sent.push(await sendText(from, `message ${i + 1}`, target));
  }
  return sent;
}

const unreadOf = async (engine: LocalEngine, id: string) => (await engine.getConversation(id)).unreadCount;

describe('total unread', () => {
  test('the total is the sum of unread counts and fires onTotalUnreadMessageCountChanged when it changes', async () => {
    const { alice, bob, carol } = await setup();
    const events = record(alice);
    await burst(bob, 2, { receiver: 'alice' });
    await burst(carol, 1, { receiver: 'alice' });
    await burst(bob, 1, { groupID: 'team' });
    expect(await alice.getTotalUnreadMessageCount()).toBe(4);
    expect(events.named('onTotalUnreadMessageCountChanged')).toEqual([[1], [2], [3], [4]]);
  });

  test('own messages and messages sent with isExcludedFromUnreadCount are never counted', async () => {
    const { alice, bob } = await setup();
    const events = record(alice);
    await sendText(alice, 'mine', { receiver: 'bob' });
    await sendText(bob, 'a tip', { receiver: 'alice' }, { isExcludedFromUnreadCount: true });
    expect(await unreadOf(alice, 'c2c_bob')).toBe(0);
    expect(await alice.getTotalUnreadMessageCount()).toBe(0);
    expect(events.named('onTotalUnreadMessageCountChanged')).toEqual([]);
    // The excluded message still arrives and becomes the last message.
    expect((await alice.getConversation('c2c_bob')).lastMessage?.elemList).toEqual([
      { type: 'text', text: 'a tip' },
    ]);
  });

  test('muted conversations (receiveNotNotify) count per conversation but not in the total', async () => {
    const { alice, bob, carol } = await setup();
    await alice.setC2CReceiveMessageOpt(['bob'], 'receiveNotNotify');
    await burst(bob, 2, { receiver: 'alice' });
    await burst(carol, 1, { receiver: 'alice' });
    const muted = await alice.getConversation('c2c_bob');
    expect(muted.recvOpt).toBe('receiveNotNotify');
    expect(muted.unreadCount).toBe(2);
    expect(await alice.getTotalUnreadMessageCount()).toBe(1);
    expect(await alice.getC2CReceiveMessageOpt(['bob', 'carol'])).toEqual([
      { userID: 'bob', opt: 'receiveNotNotify' },
      { userID: 'carol', opt: 'receive' },
    ]);
  });

  test('muting a conversation with unread messages lowers the total and fires the event', async () => {
    const { alice, bob } = await setup();
    await burst(bob, 3, { groupID: 'team' });
    const events = record(alice);
    await alice.setGroupReceiveMessageOpt('team', 'receiveNotNotify');
    expect(await alice.getTotalUnreadMessageCount()).toBe(0);
    expect(events.named('onTotalUnreadMessageCountChanged')).toEqual([[0]]);
    await alice.setGroupReceiveMessageOpt('team', 'receive');
    expect(await alice.getTotalUnreadMessageCount()).toBe(3);
  });

  test('notReceive: messages are not delivered at all — no event, no unread, no move in the list', async () => {
    const { alice, bob, carol } = await setup();
    await burst(bob, 1, { receiver: 'alice' });
    await burst(carol, 1, { receiver: 'alice' });
    const before = await alice.getConversation('c2c_bob');
    await alice.setC2CReceiveMessageOpt(['bob'], 'notReceive');
    const events = record(alice);
    await burst(bob, 2, { receiver: 'alice' });
    expect(events.named('onRecvNewMessage')).toEqual([]);
    const after = await alice.getConversation('c2c_bob');
    expect(after.unreadCount).toBe(before.unreadCount);
    expect(after.orderKey).toBe(before.orderKey);
    expect(after.lastMessage?.msgID).toBe(before.lastMessage?.msgID);
    const history = await alice.getHistoryMessageList({ conversationID: 'c2c_bob', count: 10 });
    expect(history.messageList).toHaveLength(1);
  });
});

test('setC2CReceiveMessageOpt may be called five times a second', async () => {
  ({ hub, clock } = await createTestHub({ rateLimits: true }));
  const alice = await hub.connect('alice');
  for (let i = 0; i < 5; i++)
    await alice.setC2CReceiveMessageOpt(['bob'], i % 2 ? 'receive' : 'receiveNotNotify');
  await expectCode(alice.setC2CReceiveMessageOpt(['carol'], 'notReceive'), ChatErrorCode.RateLimited);
  expect((await alice.getC2CReceiveMessageOpt(['carol']))[0]?.opt).toBe('receive');
  clock.advance(1000);
  await alice.setC2CReceiveMessageOpt(['carol'], 'notReceive');
  expect((await alice.getC2CReceiveMessageOpt(['carol']))[0]?.opt).toBe('notReceive');
});

describe('unread by filter', () => {
  test('getUnreadMessageCountByFilter counts by type, mark and conversation group, leaving muted out', async () => {
    const { alice, bob, carol } = await setup();
    await burst(bob, 2, { receiver: 'alice' });
    await burst(carol, 3, { receiver: 'alice' });
    await burst(bob, 4, { groupID: 'team' });
    await alice.markConversation(['c2c_carol'], ConversationMarkType.star, true);
    await alice.createConversationGroup('close', ['c2c_bob']);
    expect(await alice.getUnreadMessageCountByFilter({})).toBe(9);
    expect(await alice.getUnreadMessageCountByFilter({ type: 'c2c' })).toBe(5);
    expect(await alice.getUnreadMessageCountByFilter({ type: 'group' })).toBe(4);
    expect(await alice.getUnreadMessageCountByFilter({ markType: ConversationMarkType.star })).toBe(3);
    expect(await alice.getUnreadMessageCountByFilter({ conversationGroup: 'close' })).toBe(2);
    await alice.setC2CReceiveMessageOpt(['carol'], 'receiveNotNotify');
    expect(await alice.getUnreadMessageCountByFilter({ type: 'c2c' })).toBe(2);
  });

  test('a subscribed filter fires only when its own total changes', async () => {
    const { alice, bob, carol } = await setup();
    const events = record(alice);
    await alice.subscribeUnreadMessageCountByFilter({ type: 'group' });
    await burst(bob, 1, { receiver: 'alice' });
    await burst(carol, 2, { groupID: 'team' });
    await alice.cleanConversationUnreadMessageCount('c2c_bob', 0, 0);
    expect(events.named('onUnreadMessageCountChangedByFilter')).toEqual([
      [{ type: 'group' }, 1],
      [{ type: 'group' }, 2],
    ]);
    await alice.unsubscribeUnreadMessageCountByFilter({ type: 'group' });
    await burst(carol, 1, { groupID: 'team' });
    expect(events.named('onUnreadMessageCountChangedByFilter')).toHaveLength(2);
  });

  test('filters are told apart by type, conversation group and mark; each fires with its own total', async () => {
    const { alice, bob } = await setup();
    await alice.createConversationGroup('close', ['c2c_bob']);
    await alice.subscribeUnreadMessageCountByFilter({ type: 'c2c' });
    await alice.subscribeUnreadMessageCountByFilter({ type: 'c2c', conversationGroup: 'close' });
    await alice.subscribeUnreadMessageCountByFilter({ markType: ConversationMarkType.star });
    const events = record(alice);
    await burst(bob, 1, { receiver: 'alice' });
    expect(events.named('onUnreadMessageCountChangedByFilter')).toEqual([
      [{ type: 'c2c' }, 1],
      [{ type: 'c2c', conversationGroup: 'close' }, 1],
    ]);
    await alice.markConversation(['c2c_bob'], ConversationMarkType.star, true);
    expect(events.named('onUnreadMessageCountChangedByFilter').at(-1)).toEqual([{ markType: 1 }, 1]);
  });
});

describe('cleaning unread counts', () => {
  test('one C2C conversation up to a timestamp clears only the messages at or before it', async () => {
    const { alice, bob } = await setup();
    const sent = await burst(bob, 4, { receiver: 'alice' });
    const events = record(alice);
    await alice.cleanConversationUnreadMessageCount('c2c_bob', sent[1]!.timestamp, 0);
    expect(await unreadOf(alice, 'c2c_bob')).toBe(2);
    expect(events.named('onConversationChanged')).toEqual([
      [[expect.objectContaining({ conversationID: 'c2c_bob', unreadCount: 2 })]],
    ]);
    expect(events.named('onTotalUnreadMessageCountChanged')).toEqual([[2]]);
    await alice.cleanConversationUnreadMessageCount('c2c_bob', 0, 0);
    expect(await unreadOf(alice, 'c2c_bob')).toBe(0);
  });

  test('one group up to a sequence clears only the messages at or before it', async () => {
    const { alice, bob } = await setup();
    const sent = await burst(bob, 5, { groupID: 'team' });
    await alice.cleanConversationUnreadMessageCount('group_team', 0, sent[2]!.seq);
    expect(await unreadOf(alice, 'group_team')).toBe(2);
    expect((await alice.getConversation('group_team')).readSeq).toBe(sent[2]!.seq);
    await alice.cleanConversationUnreadMessageCount('group_team', 0, 0);
    expect(await unreadOf(alice, 'group_team')).toBe(0);
  });

  test("'c2c' clears every C2C conversation and leaves groups alone", async () => {
    const { alice, bob, carol } = await setup();
    await burst(bob, 2, { receiver: 'alice' });
    await burst(carol, 1, { receiver: 'alice' });
    await burst(bob, 3, { groupID: 'team' });
    await alice.cleanConversationUnreadMessageCount('c2c', 0, 0);
    expect(await unreadOf(alice, 'c2c_bob')).toBe(0);
    expect(await unreadOf(alice, 'c2c_carol')).toBe(0);
    expect(await unreadOf(alice, 'group_team')).toBe(3);
  });

  test("'group' clears every group and leaves C2C alone; '' clears everything", async () => {
    const { alice, bob } = await setup();
    await hub.createGroup({ groupID: 'club', name: 'Club', ownerID: 'bob', memberUserIDList: ['alice'] });
    await burst(bob, 2, { receiver: 'alice' });
    await burst(bob, 1, { groupID: 'team' });
    await burst(bob, 1, { groupID: 'club' });
    await alice.cleanConversationUnreadMessageCount('group', 0, 0);
    expect(await unreadOf(alice, 'group_team')).toBe(0);
    expect(await unreadOf(alice, 'group_club')).toBe(0);
    expect(await unreadOf(alice, 'c2c_bob')).toBe(2);
    await burst(bob, 1, { groupID: 'team' });
    await alice.cleanConversationUnreadMessageCount('', 0, 0);
    expect(await alice.getTotalUnreadMessageCount()).toBe(0);
  });

  test('cleaning something already read fires no total event', async () => {
    const { alice } = await setup();
    const events = record(alice);
    await alice.cleanConversationUnreadMessageCount('', 0, 0);
    expect(events.named('onTotalUnreadMessageCountChanged')).toEqual([]);
  });

  test('markAllMessageAsRead, markC2CMessageAsRead and markGroupMessageAsRead clear their scope', async () => {
    const { alice, bob } = await setup();
    await burst(bob, 2, { receiver: 'alice' });
    await burst(bob, 2, { groupID: 'team' });
    await alice.markC2CMessageAsRead('bob');
    expect(await unreadOf(alice, 'c2c_bob')).toBe(0);
    await alice.markGroupMessageAsRead('team');
    expect(await unreadOf(alice, 'group_team')).toBe(0);
    await burst(bob, 1, { receiver: 'alice' });
    await alice.markAllMessageAsRead();
    expect(await alice.getTotalUnreadMessageCount()).toBe(0);
  });

  test('a received message reads as isRead once the conversation is read', async () => {
    const { alice, bob } = await setup();
    const [sent] = await burst(bob, 1, { receiver: 'alice' });
    expect((await alice.findMessages([sent!.msgID]))[0]?.isRead).toBe(false);
    await alice.markC2CMessageAsRead('bob');
    expect((await alice.findMessages([sent!.msgID]))[0]?.isRead).toBe(true);
  });
});

describe('read receipts', () => {
  test("marking a C2C conversation read makes the peer's messages isPeerRead, with receipt and modified events", async () => {
    const { alice, bob } = await setup();
    const sent = await burst(bob, 2, { receiver: 'alice' });
    const events = record(bob);
    await alice.markC2CMessageAsRead('bob');
    expect(events.named('onRecvC2CReadReceipt')).toEqual([
      [[{ userID: 'alice', conversationID: 'c2c_alice', timestamp: sent[1]!.timestamp }]],
    ]);
    const modified = events
      .named('onRecvMessageModified')
      .map(([message]) => message as { msgID: string; isPeerRead: boolean });
    expect(modified.map((message) => message.msgID).sort()).toEqual(
      sent.map((message) => message.msgID).sort(),
    );
    expect(modified.every((message) => message.isPeerRead)).toBe(true);
    expect((await bob.findMessages([sent[0]!.msgID]))[0]?.isPeerRead).toBe(true);
    expect((await bob.getConversation('c2c_alice')).lastMessage?.isPeerRead).toBe(true);
  });

  test('a partial clean by timestamp reports only the messages up to it as read', async () => {
    const { alice, bob } = await setup();
    const sent = await burst(bob, 3, { receiver: 'alice' });
    await alice.cleanConversationUnreadMessageCount('c2c_bob', sent[0]!.timestamp, 0);
    const [first, , last] = await bob.findMessages(sent.map((message) => message.msgID));
    expect(first?.isPeerRead).toBe(true);
    expect(last?.isPeerRead).toBe(false);
  });
});

describe('@ mentions', () => {
  test('a group @me mention fills groupAtInfoList for the mentioned user only, and clears when read', async () => {
    const { alice, bob, carol } = await setup();
    const mention = await bob.sendMessage(await bob.createTextAtMessage('@alice please review', ['alice']), {
      groupID: 'team',
    });
    expect((await alice.getConversation('group_team')).groupAtInfoList).toEqual([
      { seq: mention.seq, atType: 'me' },
    ]);
    expect((await carol.getConversation('group_team')).groupAtInfoList).toEqual([]);
    await alice.markGroupMessageAsRead('team');
    expect((await alice.getConversation('group_team')).groupAtInfoList).toEqual([]);
  });

  test('@all mentions everyone; @all with @me reads as allAndMe', async () => {
    const { alice, bob, carol } = await setup();
    const all = await bob.sendMessage(await bob.createTextAtMessage('@all lunch', [AT_ALL]), {
      groupID: 'team',
    });
    const both = await bob.sendMessage(await bob.createTextAtMessage('@all @carol', [AT_ALL, 'carol']), {
      groupID: 'team',
    });
    expect((await alice.getConversation('group_team')).groupAtInfoList).toEqual([
      { seq: all.seq, atType: 'all' },
      { seq: both.seq, atType: 'all' },
    ]);
    expect((await carol.getConversation('group_team')).groupAtInfoList).toEqual([
      { seq: all.seq, atType: 'all' },
      { seq: both.seq, atType: 'allAndMe' },
    ]);
  });
});
