import { describe, expect, it } from 'vitest';
import { ChatErrorCode } from '../../model/chat-error';
import type { Conversation, Message } from '../../model/types';
import { TencentChatEvent as Event } from './tencent-chat-like';
import { idsOf, setupTencent } from './tencent-engine-test-kit';

function withTwoConversations() {
  const kit = setupTencent();
  kit.chat.receive('C2Cbob', 'bob', 'hi');
  kit.chat.now += 1000;
  kit.chat.receive('GROUPteam', 'carol', 'hello team');
  kit.take();
  return kit;
}

describe('Tencent engine: conversation list events', () => {
  it('reports every conversation of the first list as new, with Tidings IDs', () => {
    const { chat, take } = setupTencent();
    chat.addConversation({ conversationID: 'C2Cbob' });
    chat.addConversation({ conversationID: 'GROUPteam' });
    chat.emitList();
    expect(idsOf(take('onNewConversation')[0])).toEqual(['c2c_bob', 'group_team']);
  });

  it('reports nothing when the SDK hands out the same list again', () => {
    const { chat, take } = withTwoConversations();
    chat.emitList();
    chat.emitList();
    expect(take()).toEqual([]);
  });

  it('reports only the conversation that changed', () => {
    const { chat, take } = withTwoConversations();
    chat.now += 1000;
    chat.receive('C2Cbob', 'bob', 'again');
    const changed = take('onConversationChanged');
    expect(changed).toHaveLength(1);
    expect(idsOf(changed[0])).toEqual(['c2c_bob']);
    const [bob] = changed[0]!.args[0] as Conversation[];
    expect(bob?.unreadCount).toBe(2);
    expect(bob?.lastMessage?.elemList).toEqual([{ type: 'text', text: 'again' }]);
  });

  it('reports a conversation the SDK adds as new, and one it drops as deleted', async () => {
    const { chat, engine, take } = withTwoConversations();
    chat.receive('C2Cdave', 'dave', 'yo');
    expect(idsOf(take('onNewConversation')[0])).toEqual(['c2c_dave']);
    await engine.deleteConversation('c2c_bob');
    expect(take('onConversationDeleted').map((event) => event.args[0])).toEqual([['c2c_bob']]);
  });

  it('fires the total unread count only when it changes', async () => {
    const { chat, engine, take } = withTwoConversations();
    expect(await engine.getTotalUnreadMessageCount()).toBe(2);
    await engine.pinConversation('c2c_bob', true);
    expect(take('onTotalUnreadMessageCountChanged')).toEqual([]);
    chat.receive('C2Cbob', 'bob', 'one more');
    chat.emit(Event.TOTAL_UNREAD_MESSAGE_COUNT_UPDATED);
    chat.emitList();
    expect(take('onTotalUnreadMessageCountChanged').map((event) => event.args[0])).toEqual([3]);
  });

  it('leaves muted conversations out of the total', async () => {
    const { chat, engine, take } = withTwoConversations();
    await engine.setGroupReceiveMessageOpt('team', 'receiveNotNotify');
    expect(take('onTotalUnreadMessageCountChanged').map((event) => event.args[0])).toEqual([1]);
    chat.receive('GROUPteam', 'carol', 'muted');
    expect(take('onTotalUnreadMessageCountChanged')).toEqual([]);
    expect(await engine.getTotalUnreadMessageCount()).toBe(1);
  });

  it('fires a subscribed filter only when its own total changes', async () => {
    const { chat, engine, take } = withTwoConversations();
    await engine.subscribeUnreadMessageCountByFilter({ type: 'group' });
    chat.receive('C2Cbob', 'bob', 'not a group');
    expect(take('onUnreadMessageCountChangedByFilter')).toEqual([]);
    chat.receive('GROUPteam', 'carol', 'group message');
    expect(take('onUnreadMessageCountChangedByFilter').map((event) => event.args)).toEqual([
      [{ type: 'group' }, 2],
    ]);
    await engine.unsubscribeUnreadMessageCountByFilter({ type: 'group' });
    chat.receive('GROUPteam', 'carol', 'after unsubscribing');
    expect(take('onUnreadMessageCountChangedByFilter')).toEqual([]);
  });

  it('copies on every event: the SDK mutating its objects later changes nothing delivered', () => {
    const { chat, take } = setupTencent();
    const sdkMessage = chat.receive('C2Cbob', 'bob', 'original');
    const events = take();
    const received = events.find((event) => event.name === 'onRecvNewMessage')?.args[0] as Message;
    const [conversation] = events.find((event) => event.name === 'onNewConversation')!
      .args[0] as Conversation[];
    const before = structuredClone({ received, conversation });

    const sdkConversation = chat.conversation('C2Cbob');
    if (!sdkConversation?.lastMessage) throw new Error('fake conversation missing');
    sdkConversation.unreadCount = 99;
    sdkConversation.markList?.push(1);
    sdkConversation.lastMessage.lastSequence = 12345;
    sdkMessage.status = 'fail';
    (sdkMessage._elements![0]!.content as { text: string }).text = 'mutated';
    sdkMessage.atUserList?.push('mallory');

    expect({ received, conversation }).toEqual(before);
  });

  it('keeps the same object for a conversation that did not change', async () => {
    const { chat, engine } = withTwoConversations();
    const [first] = (await engine.getConversationListByIDs(['group_team'])) as [Conversation];
    chat.receive('C2Cbob', 'bob', 'only bob changes');
    const [again] = (await engine.getConversationListByIDs(['group_team'])) as [Conversation];
    expect(again).toBe(first);
  });
});

describe('Tencent engine: partial list updates (partialUpdatedConversations)', () => {
  /** An engine over an SDK created with `partialUpdatedConversations: true`, its list loaded. */
  async function withPartialUpdates() {
    const kit = setupTencent({ partialUpdatedConversations: true });
    kit.chat.partialUpdates = true;
    kit.chat.receive('C2Cbob', 'bob', 'hi');
    kit.chat.now += 1000;
    kit.chat.receive('GROUPteam', 'carol', 'hello team');
    await kit.engine.getConversationList(0, 20);
    kit.take();
    return kit;
  }
  const listed = async (kit: Awaited<ReturnType<typeof withPartialUpdates>>) =>
    (await kit.engine.getConversationList(0, 20)).conversationList.map((item) => item.conversationID);

  it('keeps every conversation an update leaves out, and reports only the changed one', async () => {
    const kit = await withPartialUpdates();
    kit.chat.now += 1000;
    kit.chat.receive('C2Cbob', 'bob', 'again');
    const events = kit.take();
    expect(events.filter((event) => event.name === 'onConversationDeleted')).toEqual([]);
    const changed = events.filter((event) => event.name === 'onConversationChanged');
    expect(changed.map(idsOf)).toEqual([['c2c_bob']]);
    expect(await listed(kit)).toEqual(['c2c_bob', 'group_team']);
    expect(await kit.engine.getTotalUnreadMessageCount()).toBe(3);
  });

  it('reports a conversation first seen in an update as new', async () => {
    const kit = await withPartialUpdates();
    kit.chat.now += 1000;
    kit.chat.receive('C2Cdave', 'dave', 'yo');
    expect(idsOf(kit.take('onNewConversation')[0])).toEqual(['c2c_dave']);
    expect(await listed(kit)).toEqual(['c2c_dave', 'group_team', 'c2c_bob']);
  });

  it('reports a conversation deleted through the engine as deleted (no update carries it)', async () => {
    const kit = await withPartialUpdates();
    await kit.engine.deleteConversation('c2c_bob');
    expect(kit.take('onConversationDeleted').map((event) => event.args[0])).toEqual([['c2c_bob']]);
    expect(await listed(kit)).toEqual(['group_team']);
  });
});

describe('Tencent engine: orderKey', () => {
  it('starts at the last message time and grows when a message arrives', async () => {
    const { chat, engine } = withTwoConversations();
    const before = (await engine.getConversation('c2c_bob')).orderKey;
    expect(before).toBe(1_700_000_000_000);
    chat.now += 5000;
    chat.receive('C2Cbob', 'bob', 'later');
    expect((await engine.getConversation('c2c_bob')).orderKey).toBe(1_700_000_006_000);
  });

  it('grows when pinned or when a draft is set, and stays when unpinned or the history is cleared', async () => {
    const { chat, engine } = withTwoConversations();
    chat.now += 60_000;
    await engine.pinConversation('c2c_bob', true);
    const pinned = await engine.getConversation('c2c_bob');
    expect(pinned.orderKey).toBe(chat.now);
    await engine.pinConversation('c2c_bob', false);
    expect((await engine.getConversation('c2c_bob')).orderKey).toBe(pinned.orderKey);
    chat.now += 1000;
    await engine.setConversationDraft('group_team', 'draft text');
    expect(await engine.getConversation('group_team')).toMatchObject({
      orderKey: chat.now,
      draftText: 'draft text',
      draftTimestamp: chat.now,
    });
    await engine.clearHistoryMessage('group_team');
    expect(await engine.getConversation('group_team')).toMatchObject({
      orderKey: chat.now,
      lastMessage: null,
    });
  });

  it('does not list a conversation with no activity (orderKey 0)', async () => {
    const { chat, engine } = setupTencent();
    chat.addConversation({ conversationID: 'GROUPquiet' });
    chat.receive('C2Cbob', 'bob', 'hi');
    const page = await engine.getConversationList(0, 10);
    expect(page.conversationList.map((conversation) => conversation.conversationID)).toEqual(['c2c_bob']);
    expect((await engine.getConversation('group_quiet')).orderKey).toBe(0);
  });
});

describe('Tencent engine: hidden conversations', () => {
  it('shows a hidden conversation again when a message arrives', async () => {
    const { chat, engine } = withTwoConversations();
    await engine.markConversation(['c2c_bob'], 8, true);
    expect((await engine.getConversationList(0, 10)).conversationList.map((c) => c.conversationID)).toEqual([
      'group_team',
    ]);
    chat.receive('C2Cbob', 'bob', 'knock knock');
    await Promise.resolve();
    expect(chat.calls.filter((call) => call.method === 'markConversation').at(-1)?.args[0]).toEqual({
      conversationIDList: ['C2Cbob'],
      markType: 8,
      enableMark: false,
    });
    expect((await engine.getConversation('c2c_bob')).markList).toEqual([]);
  });

  it('keeps it hidden with keepHiddenOnNewMessage', async () => {
    const { chat, engine } = setupTencent({ keepHiddenOnNewMessage: true });
    chat.receive('C2Cbob', 'bob', 'hi');
    await engine.markConversation(['c2c_bob'], 8, true);
    chat.receive('C2Cbob', 'bob', 'still hidden');
    await Promise.resolve();
    expect((await engine.getConversation('c2c_bob')).markList).toEqual([8]);
    const hidden = await engine.getConversationListByFilter({ markType: 8, nextSeq: 0, count: 10 });
    expect(hidden.conversationList.map((c) => c.conversationID)).toEqual(['c2c_bob']);
  });
});

describe('Tencent engine: message events', () => {
  it('delivers received messages, leaving out the system conversation', () => {
    const { chat, take } = setupTencent();
    chat.receive('C2Cbob', 'bob', 'hi');
    chat.emit(Event.MESSAGE_RECEIVED, [
      { ...chat.seed('C2Cbob', 'bob', 'x'), conversationID: '@TIM#SYSTEM' },
    ]);
    const received = take('onRecvNewMessage').map((event) => event.args[0] as Message);
    expect(received.map((message) => [message.conversationID, message.elemList])).toEqual([
      ['c2c_bob', [{ type: 'text', text: 'hi' }]],
    ]);
  });

  it('reports a revoked message with its revoker and reason', () => {
    const { chat, take } = setupTencent();
    const message = chat.receive('C2Cbob', 'bob', 'oops');
    take();
    message.isRevoked = true;
    message.revokerInfo = { userID: 'bob', nick: 'Bob', avatar: '' };
    message.revokeReason = 'typo';
    chat.emit(Event.MESSAGE_REVOKED, [message]);
    const [event] = take('onRecvMessageRevoked');
    expect(event?.args[0]).toBe(message.ID);
    expect(event?.args[1]).toMatchObject({ msgID: message.ID, status: 'revoked' });
    expect(event?.args.slice(2)).toEqual(['bob', 'typo']);
  });

  it('turns MESSAGE_READ_BY_PEER into a C2C read receipt and modified messages', async () => {
    const { chat, engine, take } = setupTencent();
    chat.receive('C2Cbob', 'bob', 'hi');
    const draft = await engine.createTextMessage('read me');
    const sent = await engine.sendMessage(draft, { receiver: 'bob' });
    take();
    const sdk = chat.findMessage(chat.calls.find((call) => call.method === 'sendMessage')?.args[0] as string);
    if (!sdk) throw new Error('sent message missing');
    sdk.isPeerRead = true;
    chat.emit(Event.MESSAGE_READ_BY_PEER, [sdk]);
    expect(take('onRecvC2CReadReceipt').map((event) => event.args[0])).toEqual([
      [{ userID: 'bob', conversationID: 'c2c_bob', timestamp: sent.timestamp }],
    ]);
    expect((await engine.findMessages([draft.msgID]))[0]?.isPeerRead).toBe(true);
  });

  it('passes message modifications on', () => {
    const { chat, take } = setupTencent();
    const message = chat.receive('C2Cbob', 'bob', 'before');
    take();
    (message._elements![0]!.content as { text: string }).text = 'after';
    chat.emit(Event.MESSAGE_MODIFIED, [message]);
    expect((take('onRecvMessageModified')[0]!.args[0] as Message).elemList).toEqual([
      { type: 'text', text: 'after' },
    ]);
  });
});

describe('Tencent engine: session events', () => {
  it('follows the network state, once per change', () => {
    const { chat, engine, take } = setupTencent();
    chat.emit(Event.NET_STATE_CHANGE, { state: 'disconnected' });
    chat.emit(Event.NET_STATE_CHANGE, { state: 'disconnected' });
    chat.emit(Event.NET_STATE_CHANGE, { state: 'connecting' });
    expect(take('onConnectionStateChanged').map((event) => event.args[0])).toEqual([
      'disconnected',
      'connecting',
    ]);
    expect(engine.connectionState).toBe('connecting');
  });

  it('reports sync start to a listener added before the SDK is ready, and finish on SDK_READY', async () => {
    const kit = setupTencent();
    kit.chat.ready = false;
    const log: string[] = [];
    kit.engine.addConversationListener({
      onSyncServerStart: () => log.push('start'),
      onSyncServerFinish: () => log.push('finish'),
      onSyncServerFailed: () => log.push('failed'),
    });
    await Promise.resolve();
    kit.chat.ready = true;
    kit.chat.receive('C2Cbob', 'bob', 'synced');
    kit.chat.emit(Event.SDK_READY);
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(log).toEqual(['start', 'finish']);
    expect(await kit.engine.getConversation('c2c_bob')).toMatchObject({ unreadCount: 1 });
    kit.chat.emit(Event.SDK_NOT_READY);
    expect(log).toEqual(['start', 'finish', 'failed']);
  });

  it('tells about the signed-in user profile only', () => {
    const { chat, take } = setupTencent();
    chat.emit(Event.PROFILE_UPDATED, [
      { userID: 'bob', nick: 'Bob', avatar: '' },
      { userID: 'alice', nick: 'Alice', avatar: 'a.png' },
    ]);
    expect(take('onSelfInfoUpdated').map((event) => event.args[0])).toEqual([
      { userID: 'alice', nick: 'Alice', faceUrl: 'a.png' },
    ]);
  });

  it('reports conversation groups created, renamed and deleted', async () => {
    const { engine, take } = withTwoConversations();
    await engine.createConversationGroup('work', ['c2c_bob']);
    expect(take('onConversationGroupCreated').map((event) => event.args[0])).toEqual(['work']);
    await engine.renameConversationGroup('work', 'job');
    expect(take('onConversationGroupNameChanged').map((event) => event.args)).toEqual([['work', 'job']]);
    expect(await engine.getConversationGroupList()).toEqual([
      { name: 'job', conversationIDList: ['c2c_bob'] },
    ]);
    await engine.deleteConversationGroup('job');
    expect(take('onConversationGroupDeleted').map((event) => event.args[0])).toEqual(['job']);
  });

  it('stops on KICKED_OUT: disconnected, then every call rejects with NOT_LOGGED_IN', async () => {
    const { chat, engine, take } = setupTencent();
    chat.emit(Event.KICKED_OUT, { type: 'multipleAccount' });
    expect(take('onConnectionStateChanged').map((event) => event.args[0])).toEqual(['disconnected']);
    await expect(engine.getConversationList(0, 10)).rejects.toMatchObject({
      code: ChatErrorCode.NotLoggedIn,
    });
  });

  it('logs out: SDK handlers are removed, listeners hear nothing more, calls reject', async () => {
    const { chat, engine, take } = setupTencent();
    await engine.logout();
    expect(chat.listenerCount(Event.CONVERSATION_LIST_UPDATED)).toBe(0);
    chat.receive('C2Cbob', 'bob', 'after logout');
    expect(take()).toEqual([]);
    await expect(engine.createTextMessage('x')).rejects.toMatchObject({ code: ChatErrorCode.NotLoggedIn });
    await expect(engine.logout()).rejects.toMatchObject({ code: ChatErrorCode.NotLoggedIn });
    const handle = engine.sendMessage({} as Message, { receiver: 'bob' });
    await expect(handle).rejects.toMatchObject({ code: ChatErrorCode.NotLoggedIn });
  });
});
