import { afterEach, describe, expect, test } from 'vitest';
import { ChatErrorCode } from '../../model/chat-error';
import type { Message } from '../../model/types';
import type { LocalEngine } from './local-engine';
import type { LocalHub } from './local-hub';
import { createTestHub, expectCode, record, sendText, type TestClock, textOf } from './local-test-helpers';

let hub: LocalHub;
let clock: TestClock;
afterEach(async () => {
  await hub?.close();
});

async function setup(options: Parameters<typeof createTestHub>[0] = {}) {
  ({ hub, clock } = await createTestHub(options));
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
  const sent: Message[] = [];
  for (let i = 0; i < count; i++) {
    clock.advance(1000);
    sent.push(await sendText(from, `m${i + 1}`, target));
  }
  return sent;
}

describe('creating and sending every message type', () => {
  test('create* returns a message with status sending, seq 0 and a unique ID', async () => {
    const { alice } = await setup();
    const a = await alice.createTextMessage('one');
    const b = await alice.createTextMessage('one');
    expect(a).toMatchObject({ status: 'sending', seq: 0, sender: 'alice', isSelf: true, conversationID: '' });
    expect(a.msgID).not.toBe(b.msgID);
    expect(a.msgID).toMatch(/^alice-[0-9a-z]+-[0-9a-z]+$/);
  });

  test('text, custom, face, location and merger messages arrive with their elements', async () => {
    const { alice, bob } = await setup();
    const received = record(bob);
    const messages = [
      await alice.createTextMessage('Hello'),
      await alice.createCustomMessage('{"kind":"order"}', 'Order #42', 'ext'),
      await alice.createFaceMessage(3, 'smile'),
      await alice.createLocationMessage('Cafe', 2.35, 48.85),
    ];
    const sent = [];
    for (const message of messages) sent.push(await alice.sendMessage(message, { receiver: 'bob' }));
    const merger = await alice.createMergerMessage(
      sent.slice(0, 2),
      'Chat history',
      ['Alice: Hello'],
      '[Chat history]',
    );
    sent.push(await alice.sendMessage(merger, { receiver: 'bob' }));
    const arrived = received.named('onRecvNewMessage').map(([message]) => message as Message);
    expect(arrived.map((message) => message.elemList[0]?.type)).toEqual([
      'text',
      'custom',
      'face',
      'location',
      'merger',
    ]);
    expect(arrived[1]?.elemList[0]).toEqual({
      type: 'custom',
      data: '{"kind":"order"}',
      description: 'Order #42',
      extension: 'ext',
    });
    expect(arrived[4]?.elemList[0]).toMatchObject({
      type: 'merger',
      title: 'Chat history',
      abstractList: ['Alice: Hello'],
    });
    expect(
      arrived.every(
        (message) => message.status === 'sent' && !message.isSelf && message.conversationID === 'c2c_alice',
      ),
    ).toBe(true);
    expect(sent.every((message) => message.seq > 0 && message.conversationID === 'c2c_bob')).toBe(true);
  });

  test('sendMessage returns the message at once (status sending) and a promise of the sent one', async () => {
    const { alice } = await setup();
    const created = await alice.createTextMessage('quick');
    const handle = alice.sendMessage(created, { receiver: 'bob' });
    expect(handle.message).toMatchObject({
      msgID: created.msgID,
      status: 'sending',
      conversationID: 'c2c_bob',
    });
    const sent = await handle.promise;
    expect(sent).toMatchObject({ msgID: created.msgID, status: 'sent' });
    expect(await handle).toEqual(sent);
  });

  test('a forwarded message copies the elements into a new message', async () => {
    const { alice, bob } = await setup();
    const original = await sendText(bob, 'forward me', { receiver: 'alice' });
    const forward = await alice.createForwardMessage(original);
    expect(forward.msgID).not.toBe(original.msgID);
    const sent = await alice.sendMessage(forward, { receiver: 'carol' });
    expect(textOf(sent)).toBe('forward me');
  });

  test('appendElem adds text, custom, face or location after any first element, and rejects the rest', async () => {
    const { alice } = await setup();
    const image = await alice.createImageMessage(new Blob([new Uint8Array(10)], { type: 'image/png' }), {
      width: 4,
      height: 3,
    });
    const withText = await alice.appendElem(image, { type: 'text', text: 'caption' });
    const withMore = await alice.appendElem(withText, {
      type: 'location',
      description: 'here',
      longitude: 1,
      latitude: 2,
    });
    expect(withMore.elemList.map((elem) => elem.type)).toEqual(['image', 'text', 'location']);
    expect(image.elemList).toHaveLength(1);
    const text = await alice.createTextMessage('hi');
    await expectCode(alice.appendElem(text, image.elemList[0] as never), ChatErrorCode.ElemNotAppendable);
    const file = await alice.createFileMessage(new Blob(['x']), 'x.txt');
    await expectCode(alice.appendElem(image, file.elemList[0] as never), ChatErrorCode.ElemNotAppendable);
    const sent = await alice.sendMessage(withMore, { receiver: 'bob' });
    expect(sent.elemList.map((elem) => elem.type)).toEqual(['image', 'text', 'location']);
  });

  test('a group tip cannot be sent: only the server sends those', async () => {
    const { alice } = await setup();
    const message = await alice.createTextMessage('x');
    const tip = {
      ...message,
      elemList: [
        {
          type: 'groupTip' as const,
          tipType: 'join' as const,
          opUserID: 'alice',
          userIDList: [],
          groupInfo: {},
          memberCount: 3,
        },
      ],
    };
    await expectCode(alice.sendMessage(tip, { groupID: 'team' }), ChatErrorCode.InvalidParameter);
  });

  test('text over 12 KB (UTF-8 bytes) is MESSAGE_TOO_LARGE and nothing is stored', async () => {
    const { alice } = await setup();
    const big = await alice.createTextMessage('汉'.repeat(4097));
    await expectCode(alice.sendMessage(big, { receiver: 'bob' }), ChatErrorCode.MessageTooLarge);
    expect(await alice.findMessages([big.msgID])).toEqual([]);
    const fits = await alice.createTextMessage('a'.repeat(12 * 1024));
    await expect(alice.sendMessage(fits, { receiver: 'bob' })).resolves.toMatchObject({ status: 'sent' });
  });

  test('the payload limit is an option', async () => {
    const { alice } = await setup({ maxTextBytes: 10 });
    await expectCode(
      alice.sendMessage(await alice.createTextMessage('eleven char'), { receiver: 'bob' }),
      ChatErrorCode.MessageTooLarge,
    );
  });

  test('a message to an unknown user is CONVERSATION_NOT_FOUND and leaves nothing behind', async () => {
    const { alice } = await setup();
    const message = await alice.createTextMessage('hello?');
    await expectCode(alice.sendMessage(message, { receiver: 'nobody' }), ChatErrorCode.ConversationNotFound);
    expect(await alice.findMessages([message.msgID])).toEqual([]);
    const listed = (await alice.getConversationList(0, 10)).conversationList.map(
      (item) => item.conversationID,
    );
    expect(listed).toEqual(['group_team']);
  });

  test('a message to a group one is not in is PERMISSION_DENIED', async () => {
    const { alice } = await setup();
    await hub.createGroup({ groupID: 'secret', name: 'Secret', ownerID: 'bob', memberUserIDList: ['carol'] });
    await expectCode(
      alice.sendMessage(await alice.createTextMessage('let me in'), { groupID: 'secret' }),
      ChatErrorCode.PermissionDenied,
    );
  });

  test('sending the same message twice is INVALID_STATE', async () => {
    const { alice } = await setup();
    const message = await alice.createTextMessage('once');
    await alice.sendMessage(message, { receiver: 'bob' });
    await expectCode(alice.sendMessage(message, { receiver: 'bob' }), ChatErrorCode.InvalidState);
  });
});

describe('group messages', () => {
  test('a group message fans out to every member with one seq, and each member sees it in group_<id>', async () => {
    const { alice, bob, carol } = await setup();
    const bobEvents = record(bob);
    const carolEvents = record(carol);
    const sent = await sendText(alice, 'hello team', { groupID: 'team' }, { priority: 'high' });
    const atBob = bobEvents.named('onRecvNewMessage')[0]?.[0] as Message;
    const atCarol = carolEvents.named('onRecvNewMessage')[0]?.[0] as Message;
    expect(atBob).toMatchObject({
      msgID: sent.msgID,
      seq: sent.seq,
      conversationID: 'group_team',
      groupID: 'team',
      priority: 'high',
    });
    expect(atCarol.seq).toBe(sent.seq);
  });

  test('receiver + groupID sends a targeted group message only that member receives', async () => {
    const { alice, bob, carol } = await setup();
    const bobEvents = record(bob);
    const carolEvents = record(carol);
    const sent = await sendText(alice, 'just for bob', { groupID: 'team', receiver: 'bob' });
    expect(sent.targetUserIDList).toEqual(['bob']);
    expect(bobEvents.named('onRecvNewMessage')).toHaveLength(1);
    expect(carolEvents.named('onRecvNewMessage')).toHaveLength(0);
    const carolHistory = await carol.getHistoryMessageList({ conversationID: 'group_team', count: 10 });
    expect(carolHistory.messageList.map(textOf)).not.toContain('just for bob');
  });

  test('createGroup makes the caller owner, and members get a create tip as their first message', async () => {
    const { alice, bob } = await setup();
    const bobEvents = record(bob);
    clock.advance(1000);
    const group = await alice.createGroup({ name: 'Pals', memberUserIDList: ['bob'], groupID: 'pals' });
    expect(group).toMatchObject({ groupID: 'pals', name: 'Pals', ownerID: 'alice', memberCount: 2 });
    const tip = bobEvents.named('onRecvNewMessage')[0]?.[0] as Message;
    expect(tip.elemList[0]).toMatchObject({
      type: 'groupTip',
      tipType: 'create',
      opUserID: 'alice',
      userIDList: ['bob'],
    });
    const conversation = await bob.getConversation('group_pals');
    expect(conversation).toMatchObject({ showName: 'Pals', unreadCount: 0 });
    expect(conversation.orderKey).toBeGreaterThan(0);
    expect((await alice.getGroupMemberList('pals')).map((member) => [member.userID, member.role])).toEqual([
      ['alice', 'owner'],
      ['bob', 'member'],
    ]);
    expect((await bob.getJoinedGroupList()).map((item) => item.groupID)).toEqual(['team', 'pals']);
    await expectCode(
      alice.createGroup({ name: 'Again', memberUserIDList: [], groupID: 'pals' }),
      ChatErrorCode.AlreadyExists,
    );
  });

  test('profiles and group info are looked up by ID, leaving unknown IDs out', async () => {
    const { alice } = await setup();
    expect(await alice.getUsersProfile(['bob', 'nobody'])).toEqual([
      { userID: 'bob', nick: 'Bob', faceUrl: '' },
    ]);
    expect((await alice.getGroupsInfo(['team', 'none'])).map((group) => group.groupID)).toEqual(['team']);
  });
});

describe('online-only and excluded messages', () => {
  test('an online-only message reaches connected engines only and is never stored, counted or lastMessage', async () => {
    const { alice, bob } = await setup();
    await sendText(bob, 'hello', { receiver: 'alice' });
    const before = await alice.getConversation('c2c_bob');
    const events = record(alice);
    const typing = await bob.sendMessage(await bob.createCustomMessage('{"typing":1}'), {
      receiver: 'alice',
      onlineUserOnly: true,
    });
    expect(typing.isOnlineOnly).toBe(true);
    const arrived = events.named('onRecvNewMessage')[0]?.[0] as Message;
    expect(arrived).toMatchObject({ msgID: typing.msgID, isOnlineOnly: true });
    const after = await alice.getConversation('c2c_bob');
    expect(after.orderKey).toBe(before.orderKey);
    expect(after.unreadCount).toBe(before.unreadCount);
    expect(after.lastMessage?.msgID).toBe(before.lastMessage?.msgID);
    expect(await alice.findMessages([typing.msgID])).toEqual([]);
    expect(events.named('onConversationChanged')).toEqual([]);
    // An engine that is offline never gets it, not even later.
    alice.setNetworkConditions({ online: false });
    await bob.sendMessage(await bob.createCustomMessage('{"typing":1}'), {
      receiver: 'alice',
      onlineUserOnly: true,
    });
    alice.setNetworkConditions({ online: true });
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(events.named('onRecvNewMessage')).toHaveLength(1);
  });

  test('a message excluded from lastMessage does not become lastMessage or move the conversation', async () => {
    const { alice, bob, carol } = await setup();
    await sendText(bob, 'real', { receiver: 'alice' });
    await sendText(carol, 'later', { receiver: 'alice' });
    const before = await alice.getConversation('c2c_bob');
    await sendText(bob, 'system tip', { receiver: 'alice' }, { isExcludedFromLastMessage: true });
    const after = await alice.getConversation('c2c_bob');
    expect(textOf(after.lastMessage)).toBe('real');
    expect(after.orderKey).toBe(before.orderKey);
    expect(after.unreadCount).toBe(2);
    expect((await alice.getConversationList(0, 10)).conversationList[0]?.conversationID).toBe('c2c_carol');
    const mine = await alice.getConversation('c2c_bob');
    expect(mine.lastMessage?.isExcludedFromLastMessage).toBe(false);
  });
});

describe('revoking', () => {
  test('the sender revokes within the window: the peer gets onRecvMessageRevoked and a recalled lastMessage', async () => {
    const { alice, bob } = await setup();
    const [, last] = await burst(alice, 2, { receiver: 'bob' });
    const events = record(bob);
    expect(await bob.getTotalUnreadMessageCount()).toBe(2);
    await alice.revokeMessage(last!.msgID, 'typo');
    const [revoked] = events.named('onRecvMessageRevoked');
    expect(revoked?.[0]).toBe(last!.msgID);
    expect(revoked?.[1]).toMatchObject({
      msgID: last!.msgID,
      status: 'revoked',
      revoker: 'alice',
      revokeReason: 'typo',
    });
    const conversation = await bob.getConversation('c2c_alice');
    expect(conversation.lastMessage).toMatchObject({ msgID: last!.msgID, status: 'revoked' });
    expect(conversation.unreadCount).toBe(1);
    expect(await bob.getTotalUnreadMessageCount()).toBe(1);
    expect((await alice.getConversation('c2c_bob')).lastMessage?.status).toBe('revoked');
    expect((await alice.findMessages([last!.msgID]))[0]?.status).toBe('revoked');
  });

  test('after the window it is REVOKE_WINDOW_PASSED, and the window is an option', async () => {
    const { alice } = await setup({ revokeWindowMs: 10_000 });
    const sent = await sendText(alice, 'old news', { receiver: 'bob' });
    clock.advance(10_001);
    await expectCode(alice.revokeMessage(sent.msgID), ChatErrorCode.RevokeWindowPassed);
    expect((await alice.findMessages([sent.msgID]))[0]?.status).toBe('sent');
  });

  test("revoking someone else's message is PERMISSION_DENIED, except for the group owner", async () => {
    const { alice, bob } = await setup();
    const fromBob = await sendText(bob, 'hmm', { receiver: 'alice' });
    await expectCode(alice.revokeMessage(fromBob.msgID), ChatErrorCode.PermissionDenied);
    const inGroup = await sendText(bob, 'oops in group', { groupID: 'team' });
    await expectCode(alice.revokeMessage(inGroup.msgID), ChatErrorCode.PermissionDenied);
    const dave = await hub.connect('dave');
    await dave.revokeMessage(inGroup.msgID);
    expect((await alice.getConversation('group_team')).lastMessage).toMatchObject({
      status: 'revoked',
      revoker: 'dave',
    });
  });

  test('a revoked @me mention no longer counts', async () => {
    const { alice, bob } = await setup();
    const mention = await bob.sendMessage(await bob.createTextAtMessage('@alice', ['alice']), {
      groupID: 'team',
    });
    await bob.revokeMessage(mention.msgID);
    expect((await alice.getConversation('group_team')).groupAtInfoList).toEqual([]);
  });
});

describe('deleting and clearing', () => {
  test('deleteMessages removes messages from this device only', async () => {
    const { alice, bob } = await setup();
    const [first, second] = await burst(bob, 2, { receiver: 'alice' });
    const phone = await hub.connect('alice', { deviceID: 'phone' });
    await phone.getHistoryMessageList({ conversationID: 'c2c_bob', count: 10 });
    await alice.deleteMessages([second!.msgID]);
    expect(await alice.findMessages([first!.msgID, second!.msgID])).toHaveLength(1);
    expect(textOf((await alice.getConversation('c2c_bob')).lastMessage)).toBe('m1');
    expect(
      (await alice.getHistoryMessageList({ conversationID: 'c2c_bob', count: 10 })).messageList.map(textOf),
    ).toEqual(['m1']);
    expect(
      (await phone.getHistoryMessageList({ conversationID: 'c2c_bob', count: 10 })).messageList.map(textOf),
    ).toEqual(['m1', 'm2']);
    expect(await bob.findMessages([second!.msgID])).toHaveLength(1);
    await expectCode(alice.deleteMessages(['no-such-id']), ChatErrorCode.MessageNotFound);
  });

  test('deleteMessagesFromServer removes from roaming history too, so a new device does not get them', async () => {
    const { alice, bob } = await setup();
    const [first, second] = await burst(bob, 2, { receiver: 'alice' });
    await alice.deleteMessagesFromServer([first!.msgID]);
    const fresh = await hub.connect('alice', { deviceID: 'new-laptop' });
    const history = await fresh.getHistoryMessageList({ conversationID: 'c2c_bob', count: 10 });
    expect(history.messageList.map((message) => message.msgID)).toEqual([second!.msgID]);
    expect(await bob.findMessages([first!.msgID])).toHaveLength(1);
  });

  test('deleteMessagesFromServer takes at most 30 IDs', async () => {
    const { alice } = await setup();
    const ids = Array.from({ length: 31 }, (_, i) => `id-${i}`);
    await expectCode(alice.deleteMessagesFromServer(ids), ChatErrorCode.TooManyIDs);
  });

  test('deleteMessagesFromServer may be called once a second', async () => {
    const { alice, bob } = await setup({ rateLimits: true });
    const [first, second] = await burst(bob, 2, { receiver: 'alice' });
    await alice.deleteMessagesFromServer([first!.msgID]);
    await expectCode(alice.deleteMessagesFromServer([second!.msgID]), ChatErrorCode.RateLimited);
    expect(await alice.findMessages([second!.msgID])).toHaveLength(1);
    clock.advance(1000);
    await alice.deleteMessagesFromServer([second!.msgID]);
    expect(await alice.findMessages([second!.msgID])).toHaveLength(0);
  });

  test('clearHistoryMessage empties local and roaming history; the conversation stays in place with no lastMessage', async () => {
    const { alice, bob } = await setup();
    await burst(bob, 3, { receiver: 'alice' });
    const before = await alice.getConversation('c2c_bob');
    await alice.clearHistoryMessage('c2c_bob');
    const after = await alice.getConversation('c2c_bob');
    expect(after.lastMessage).toBeNull();
    expect(after.orderKey).toBe(before.orderKey);
    expect(after.unreadCount).toBe(0);
    expect(
      (await alice.getConversationList(0, 10)).conversationList.map((item) => item.conversationID),
    ).toContain('c2c_bob');
    expect((await alice.getHistoryMessageList({ conversationID: 'c2c_bob', count: 10 })).messageList).toEqual(
      [],
    );
    const fresh = await hub.connect('alice', { deviceID: 'tablet' });
    expect((await fresh.getHistoryMessageList({ conversationID: 'c2c_bob', count: 10 })).messageList).toEqual(
      [],
    );
    expect(
      (await bob.getHistoryMessageList({ conversationID: 'c2c_alice', count: 10 })).messageList,
    ).toHaveLength(3);
  });
});

describe('history paging (seed 004 rules)', () => {
  test('older pages come oldest→newest; lastMsg is excluded; isFinished at the start', async () => {
    const { alice, bob } = await setup();
    const sent = await burst(bob, 5, { receiver: 'alice' });
    const newest = await alice.getHistoryMessageList({ conversationID: 'c2c_bob', count: 2 });
    expect(newest.messageList.map(textOf)).toEqual(['m4', 'm5']);
    expect(newest.isFinished).toBe(false);
    const older = await alice.getHistoryMessageList({
      conversationID: 'c2c_bob',
      count: 2,
      lastMsg: newest.messageList[0],
    });
    expect(older.messageList.map(textOf)).toEqual(['m2', 'm3']);
    const oldest = await alice.getHistoryMessageList({
      conversationID: 'c2c_bob',
      count: 2,
      lastMsg: older.messageList[0],
    });
    expect(oldest.messageList.map(textOf)).toEqual(['m1']);
    expect(oldest.isFinished).toBe(true);
    expect(sent).toHaveLength(5);
  });

  test('newer pages go forward from lastMsg (excluded)', async () => {
    const { alice, bob } = await setup();
    const sent = await burst(bob, 4, { receiver: 'alice' });
    const page = await alice.getHistoryMessageList({
      conversationID: 'c2c_bob',
      count: 2,
      lastMsg: sent[0],
      direction: 'newer',
    });
    expect(page.messageList.map(textOf)).toEqual(['m2', 'm3']);
    expect(page.isFinished).toBe(false);
    const rest = await alice.getHistoryMessageList({
      conversationID: 'c2c_bob',
      count: 5,
      lastMsg: page.messageList[1],
      direction: 'newer',
    });
    expect(rest.messageList.map(textOf)).toEqual(['m4']);
    expect(rest.isFinished).toBe(true);
  });

  test('lastMsgSeq includes the message with that seq, in either direction', async () => {
    const { alice, bob } = await setup();
    const sent = await burst(bob, 5, { groupID: 'team' });
    const older = await alice.getHistoryMessageList({
      conversationID: 'group_team',
      count: 2,
      lastMsgSeq: sent[2]!.seq,
    });
    expect(older.messageList.map(textOf)).toEqual(['m2', 'm3']);
    const newer = await alice.getHistoryMessageList({
      conversationID: 'group_team',
      count: 2,
      lastMsgSeq: sent[2]!.seq,
      direction: 'newer',
    });
    expect(newer.messageList.map(textOf)).toEqual(['m3', 'm4']);
  });

  test('lastMsg wins over lastMsgSeq when both are given', async () => {
    const { alice, bob } = await setup();
    const sent = await burst(bob, 4, { groupID: 'team' });
    const page = await alice.getHistoryMessageList({
      conversationID: 'group_team',
      count: 3,
      lastMsg: sent[3],
      lastMsgSeq: sent[1]!.seq,
    });
    expect(page.messageList.map(textOf)).toEqual(['m1', 'm2', 'm3']);
  });

  test('timeBegin + timePeriod limits the page to that time range', async () => {
    const { alice, bob } = await setup();
    const sent = await burst(bob, 5, { receiver: 'alice' });
    const page = await alice.getHistoryMessageList({
      conversationID: 'c2c_bob',
      count: 10,
      timeBegin: sent[1]!.timestamp,
      timePeriod: sent[3]!.timestamp - sent[1]!.timestamp,
    });
    expect(page.messageList.map(textOf)).toEqual(['m2', 'm3', 'm4']);
    const fromStart = await alice.getHistoryMessageList({
      conversationID: 'c2c_bob',
      count: 2,
      direction: 'newer',
      timeBegin: sent[2]!.timestamp,
    });
    expect(fromStart.messageList.map(textOf)).toEqual(['m3', 'm4']);
  });

  test('a new device pulls roaming history from the hub when it has nothing locally', async () => {
    const { bob } = await setup();
    await burst(bob, 3, { receiver: 'alice' });
    const laptop = await hub.connect('alice', { deviceID: 'laptop' });
    // A lookup needs at least one ID (the same rule for every ID-list call); an unknown one finds nothing.
    expect(await laptop.findMessages(['never-sent'])).toEqual([]);
    const page = await laptop.getHistoryMessageList({ conversationID: 'c2c_bob', count: 10 });
    expect(page.messageList.map(textOf)).toEqual(['m1', 'm2', 'm3']);
    expect((await laptop.findMessages(page.messageList.map((message) => message.msgID))).length).toBe(3);
  });

  test('a freshly synced device holds each conversation’s last message: find, annotate and read it offline', async () => {
    const { bob } = await setup();
    const [, last] = await burst(bob, 2, { receiver: 'alice' });
    const tablet = await hub.connect('alice', { deviceID: 'tablet' });
    expect((await tablet.findMessages([last!.msgID])).map((message) => message.msgID)).toEqual([last!.msgID]);
    const annotated = await tablet.setLocalCustomData(last!.msgID, 'seen on tablet');
    expect(annotated.localCustomData).toBe('seen on tablet');
    expect((await tablet.getConversation('c2c_bob')).lastMessage?.localCustomData).toBe('seen on tablet');
    const phone = await hub.connect('alice', { deviceID: 'phone' });
    phone.setNetworkConditions({ online: false });
    const offline = await phone.getHistoryMessageList({ conversationID: 'c2c_bob', count: 10 });
    expect(offline.messageList.map(textOf)).toEqual(['m2']);
  });

  test('offline, history comes from what this device holds', async () => {
    const { alice, bob } = await setup();
    await burst(bob, 3, { receiver: 'alice' });
    alice.setNetworkConditions({ online: false });
    const page = await alice.getHistoryMessageList({ conversationID: 'c2c_bob', count: 10 });
    expect(page.messageList.map(textOf)).toEqual(['m1', 'm2', 'm3']);
  });
});

describe('finding and searching', () => {
  test('findMessages returns local messages in the order asked, leaving unknown IDs out', async () => {
    const { alice, bob } = await setup();
    const [a, b] = await burst(bob, 2, { receiver: 'alice' });
    const found = await alice.findMessages([b!.msgID, 'nope', a!.msgID]);
    expect(found.map((message) => message.msgID)).toEqual([b!.msgID, a!.msgID]);
  });

  test('findMessageByLocator finds by seq, or by time + random + isSelf', async () => {
    const { alice, bob } = await setup();
    const [a, b] = await burst(bob, 2, { groupID: 'team' });
    expect((await alice.findMessageByLocator('group_team', { seq: b!.seq }))?.msgID).toBe(b!.msgID);
    expect(
      (
        await alice.findMessageByLocator('group_team', {
          time: a!.timestamp,
          random: a!.random,
          isSelf: false,
        })
      )?.msgID,
    ).toBe(a!.msgID);
    expect(
      await alice.findMessageByLocator('group_team', { time: a!.timestamp, random: a!.random, isSelf: true }),
    ).toBeNull();
    const fresh = await hub.connect('alice', { deviceID: 'fresh' });
    expect((await fresh.findMessageByLocator('group_team', { seq: a!.seq }))?.msgID).toBe(a!.msgID);
  });

  test('searchLocalMessages matches keywords (or/and), types, senders and time, grouped by conversation', async () => {
    const { alice, bob, carol } = await setup();
    clock.advance(1000);
    await sendText(bob, 'Lunch at noon?', { receiver: 'alice' });
    clock.advance(1000);
    const start = clock.now();
    await sendText(bob, 'lunch moved to 1pm', { receiver: 'alice' });
    await sendText(carol, 'Team lunch friday', { groupID: 'team' });
    await alice.sendMessage(await alice.createFileMessage(new Blob(['x']), 'lunch-menu.pdf'), {
      receiver: 'carol',
    });
    await sendText(carol, 'dinner instead', { receiver: 'alice' });

    const or = await alice.searchLocalMessages({ keywordList: ['lunch', 'dinner'] });
    expect(or.totalCount).toBe(5);
    const and = await alice.searchLocalMessages({
      keywordList: ['lunch', 'moved'],
      keywordListMatchType: 'and',
    });
    expect(and.items).toEqual([
      {
        conversationID: 'c2c_bob',
        messageCount: 1,
        messageList: [expect.objectContaining({ sender: 'bob' })],
      },
    ]);
    const files = await alice.searchLocalMessages({ keywordList: ['lunch'], messageTypeList: ['file'] });
    expect(files.totalCount).toBe(1);
    const fromBob = await alice.searchLocalMessages({ keywordList: ['lunch'], senderUserIDList: ['bob'] });
    expect(fromBob.items).toEqual([expect.objectContaining({ conversationID: 'c2c_bob', messageCount: 2 })]);
    const recent = await alice.searchLocalMessages({
      keywordList: ['lunch'],
      senderUserIDList: ['bob'],
      timePosition: start,
    });
    expect(recent.totalCount).toBe(1);
    const inGroup = await alice.searchLocalMessages({ keywordList: ['lunch'], conversationID: 'group_team' });
    expect(inGroup.items.map((item) => item.conversationID)).toEqual(['group_team']);
    const paged = await alice.searchLocalMessages({ keywordList: ['lunch'], pageSize: 2, pageIndex: 1 });
    expect(paged.totalCount).toBe(4);
    expect(paged.items.reduce((sum, item) => sum + item.messageList.length, 0)).toBe(2);
  });
});

describe('local-only messages', () => {
  test('importMessages stores messages locally with status imported; they never reach the peer', async () => {
    const { alice, bob } = await setup();
    const draft = await alice.createTextMessage('from the old app');
    const imported = await alice.importMessages('c2c_bob', [
      { ...draft, timestamp: clock.now() - 86_400_000, sender: 'bob' },
    ]);
    expect(imported[0]).toMatchObject({
      status: 'imported',
      conversationID: 'c2c_bob',
      sender: 'bob',
      isSelf: false,
      seq: 0,
    });
    const history = await alice.getHistoryMessageList({ conversationID: 'c2c_bob', count: 10 });
    expect(history.messageList.map(textOf)).toEqual(['from the old app']);
    expect((await bob.getHistoryMessageList({ conversationID: 'c2c_alice', count: 10 })).messageList).toEqual(
      [],
    );
  });

  test('insertMessageToLocalStorage stores a local message (a tip) that shows as lastMessage', async () => {
    const { alice, bob } = await setup();
    await sendText(bob, 'hi', { receiver: 'alice' });
    clock.advance(1000);
    const tip = await alice.insertMessageToLocalStorage(
      'c2c_bob',
      await alice.createCustomMessage('{"tip":"verified"}'),
    );
    expect(tip).toMatchObject({ status: 'local', conversationID: 'c2c_bob', isSelf: true, seq: 0 });
    expect((await alice.getConversation('c2c_bob')).lastMessage?.msgID).toBe(tip.msgID);
    expect(
      (await bob.getHistoryMessageList({ conversationID: 'c2c_alice', count: 10 })).messageList,
    ).toHaveLength(1);
  });

  test('setLocalCustomData changes the message on this device only and is never sent', async () => {
    const { alice, bob } = await setup();
    const sent = await sendText(alice, 'note this', { receiver: 'bob' });
    const events = record(alice);
    const updated = await alice.setLocalCustomData(sent.msgID, '{"starred":true}');
    expect(updated.localCustomData).toBe('{"starred":true}');
    expect((await alice.findMessages([sent.msgID]))[0]?.localCustomData).toBe('{"starred":true}');
    expect(events.named('onRecvMessageModified')).toEqual([[expect.objectContaining({ msgID: sent.msgID })]]);
    expect((await bob.findMessages([sent.msgID]))[0]?.localCustomData).toBe('');
    expect((await alice.getConversation('c2c_bob')).lastMessage?.localCustomData).toBe('{"starred":true}');
  });
});

describe('batch send and multiple devices', () => {
  test('sendMessageToUsers sends to each user with a result per user', async () => {
    const { alice, bob, carol } = await setup();
    const bobEvents = record(bob);
    const carolEvents = record(carol);
    const results = await alice.sendMessageToUsers(await alice.createTextMessage('announcement'), [
      'bob',
      'carol',
      'nobody',
    ]);
    expect(results.map((result) => [result.userID, result.error?.code ?? null])).toEqual([
      ['bob', null],
      ['carol', null],
      ['nobody', ChatErrorCode.ConversationNotFound],
    ]);
    expect(bobEvents.named('onRecvNewMessage')).toHaveLength(1);
    expect(carolEvents.named('onRecvNewMessage')).toHaveLength(1);
    expect(results[0]?.message?.msgID).not.toBe(results[1]?.message?.msgID);
    expect(textOf((await alice.getConversation('c2c_carol')).lastMessage)).toBe('announcement');
  });

  test('a message sent on one device shows on the same user’s other device as isSelf', async () => {
    const { alice } = await setup();
    const phone = await hub.connect('alice', { deviceID: 'phone' });
    const events = record(phone);
    const sent = await sendText(alice, 'from laptop', { receiver: 'bob' });
    const arrived = events.named('onRecvNewMessage')[0]?.[0] as Message;
    expect(arrived).toMatchObject({ msgID: sent.msgID, isSelf: true, conversationID: 'c2c_bob' });
    expect((await phone.getConversation('c2c_bob')).lastMessage?.msgID).toBe(sent.msgID);
  });
});

describe('session', () => {
  test('after logout every call rejects with NOT_LOGGED_IN', async () => {
    const { alice } = await setup();
    await alice.logout();
    await expectCode(alice.getConversationList(0, 10), ChatErrorCode.NotLoggedIn);
    await expectCode(alice.createTextMessage('x'), ChatErrorCode.NotLoggedIn);
    await expectCode(alice.sendMessage({} as Message, { receiver: 'bob' }), ChatErrorCode.NotLoggedIn);
    expect(() => alice.addConversationListener({})).toThrow(/logged out/);
  });

  test('getServerTime follows the hub clock', async () => {
    const { alice } = await setup();
    const before = alice.getServerTime();
    clock.advance(5000);
    expect(alice.getServerTime()).toBe(before + 5000);
    expect(hub.getServerTime()).toBe(before + 5000);
  });
});
