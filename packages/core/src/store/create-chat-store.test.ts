import { afterEach, describe, expect, it, vi } from 'vitest';
import type { LocalEngine, LocalHub } from '../engine/local/index';
import { ChatError, ChatErrorCode } from '../model/chat-error';
import { ConversationMarkType } from '../model/types';
import {
  selectConversation,
  selectConversationIDs,
  selectTotalUnread,
  selectTypingUsers,
  selectWindowMessages,
} from '../selectors/index';
import { createSeededHub } from '../testing/index';
import type { ChatStore } from './chat-store-types';
import { createChatStore } from './create-chat-store';

const open: { hub: LocalHub; stores: ChatStore[] }[] = [];

afterEach(async () => {
  for (const { hub, stores } of open.splice(0)) {
    for (const store of stores) store.getState().destroy();
    await hub.close();
  }
  vi.useRealTimers();
});

/** A seeded hub with alice signed in through a started store, and bob and carol as plain engines. */
async function setup(options: { conversationPageSize?: number; messagesPerConversation?: number } = {}) {
  const { hub } = await createSeededHub({
    users: 6,
    groups: 2,
    messagesPerConversation: options.messagesPerConversation ?? 6,
  });
  const alice = await hub.connect('alice');
  const bob = await hub.connect('bob');
  const carol = await hub.connect('carol');
  const store = createChatStore(alice, { conversationPageSize: options.conversationPageSize ?? 50 });
  open.push({ hub, stores: [store] });
  await store.getState().start();
  return { hub, alice, bob, carol, store };
}

async function send(engine: LocalEngine, to: string, text: string) {
  const message = await engine.createTextMessage(text);
  return engine.sendMessage(message, { receiver: to });
}

/** Waits until the store satisfies `check` (events arrive asynchronously through the hub). */
async function until(store: ChatStore, check: (state: ReturnType<ChatStore['getState']>) => boolean) {
  await vi.waitFor(() => expect(check(store.getState())).toBe(true), { timeout: 2000, interval: 5 });
}

describe('createChatStore', () => {
  it('pulls the first page and the total unread count on start, in list order', async () => {
    const { store, alice } = await setup();
    const { conversationList } = await alice.getConversationList(0, 100);
    expect(selectConversationIDs(store.getState())).toEqual(conversationList.map((c) => c.conversationID));
    expect(selectTotalUnread(store.getState())).toBe(await alice.getTotalUnreadMessageCount());
  });

  it('pulls further pages until the list is finished, each conversation once', async () => {
    const { store, alice } = await setup({ conversationPageSize: 2 });
    expect(store.getState().views['']?.isFinished).toBe(false);
    while (!store.getState().views['']?.isFinished) await store.getState().loadMoreConversations();
    const ids = selectConversationIDs(store.getState());
    expect(new Set(ids).size).toBe(ids.length);
    const { conversationList } = await alice.getConversationList(0, 100);
    expect(ids).toEqual(conversationList.map((c) => c.conversationID));
  });

  it('moves a conversation to the top and counts it unread when a message arrives', async () => {
    const { store, carol } = await setup();
    const before = selectConversation(store.getState(), 'c2c_carol');
    const total = selectTotalUnread(store.getState());
    await send(carol, 'alice', 'are you there?');
    await until(store, (state) => selectConversationIDs(state)[0] === 'c2c_carol');
    const after = selectConversation(store.getState(), 'c2c_carol');
    expect(after?.unreadCount).toBe((before?.unreadCount ?? 0) + 1);
    expect(after?.lastMessage?.elemList[0]).toEqual({ type: 'text', text: 'are you there?' });
    await until(store, (state) => selectTotalUnread(state) === total + 1);
  });

  it('keeps a pinned conversation first while others get messages', async () => {
    const { store, bob, carol } = await setup();
    await store.getState().pinConversation('c2c_dave', true);
    expect(selectConversationIDs(store.getState())[0]).toBe('c2c_dave');
    await send(bob, 'alice', 'one');
    await send(carol, 'alice', 'two');
    await until(store, (state) => selectConversationIDs(state)[1] === 'c2c_carol');
    expect(selectConversationIDs(store.getState())[0]).toBe('c2c_dave');
    await store.getState().pinConversation('c2c_dave', false);
    expect(selectConversationIDs(store.getState())[0]).not.toBe('c2c_dave');
  });

  it('rolls an optimistic pin back when the engine refuses, leaving the list as it was', async () => {
    const { store, alice } = await setup();
    const ids = selectConversationIDs(store.getState());
    const last = ids[ids.length - 1] as string;
    alice.setNetworkConditions({ online: false });
    await expect(store.getState().pinConversation(last, true)).rejects.toMatchObject({
      code: ChatErrorCode.NetworkError,
    });
    expect(selectConversationIDs(store.getState())).toEqual(ids);
    expect(selectConversation(store.getState(), last)?.isPinned).toBe(false);
  });

  it('clears the unread count and the unread mark when a conversation is read, and the total follows', async () => {
    const { store, bob } = await setup();
    await send(bob, 'alice', 'ping');
    await store.getState().markConversation(['c2c_bob'], ConversationMarkType.unread, true);
    await until(store, (state) => (selectConversation(state, 'c2c_bob')?.unreadCount ?? 0) > 0);
    await store.getState().markConversationRead('c2c_bob');
    const bobConversation = selectConversation(store.getState(), 'c2c_bob');
    expect(bobConversation?.unreadCount).toBe(0);
    expect(bobConversation?.markList).not.toContain(ConversationMarkType.unread);
    const total = await store.engine.getTotalUnreadMessageCount();
    await until(store, (state) => selectTotalUnread(state) === total);
  });

  it('keeps a filtered view of groups in order as group messages arrive', async () => {
    const { store, bob } = await setup();
    const key = store.getState().registerView({ type: 'group' });
    await until(store, (state) => state.views[key]?.isFinished === true);
    const groups = selectConversationIDs(store.getState(), key);
    expect(groups.length).toBeGreaterThan(1);
    expect(groups.every((id) => id.startsWith('group_'))).toBe(true);
    const lastGroup = groups[groups.length - 1] as string;
    const message = await bob.createTextMessage('hello group');
    await bob.sendMessage(message, { groupID: lastGroup.slice('group_'.length) });
    await until(store, (state) => selectConversationIDs(state, key)[0] === lastGroup);
  });

  it('takes a hidden conversation out of the list and brings it back with a new message', async () => {
    const { store, bob } = await setup();
    await store.getState().markConversation(['c2c_bob'], ConversationMarkType.hide, true);
    expect(selectConversationIDs(store.getState())).not.toContain('c2c_bob');
    const hiddenKey = store.getState().registerView({ markType: ConversationMarkType.hide });
    expect(selectConversationIDs(store.getState(), hiddenKey)).toContain('c2c_bob');
    await send(bob, 'alice', 'back again');
    await until(store, (state) => selectConversationIDs(state)[0] === 'c2c_bob');
  });

  it('saves a draft that shows at once and moves the conversation up', async () => {
    const { store } = await setup();
    const ids = selectConversationIDs(store.getState());
    const last = ids[ids.length - 1] as string;
    await store.getState().saveDraft(last, 'see you at 5');
    expect(selectConversation(store.getState(), last)?.draftText).toBe('see you at 5');
    await until(store, (state) => selectConversationIDs(state)[0] === last);
    await store.getState().saveDraft(last, null);
    expect(selectConversation(store.getState(), last)?.draftText).toBeNull();
  });

  it('opens a conversation with its newest messages and loads older ones on request', async () => {
    const { store } = await setup({ messagesPerConversation: 80 });
    await store.getState().openConversation('c2c_bob');
    const window = store.getState().windows.c2c_bob;
    expect(store.getState().activeConversationID).toBe('c2c_bob');
    expect(window?.messageIDs.length).toBe(30);
    expect(window?.hasOlder).toBe(true);
    const newest = selectWindowMessages(store.getState(), 'c2c_bob');
    const conversation = selectConversation(store.getState(), 'c2c_bob');
    expect(newest[newest.length - 1]?.msgID).toBe(conversation?.lastMessage?.msgID);
    await store.getState().loadOlderMessages('c2c_bob');
    const older = selectWindowMessages(store.getState(), 'c2c_bob');
    expect(older.length).toBe(60);
    expect(older.slice(30)).toEqual(newest);
    const times = older.map((m) => m.timestamp);
    expect(times).toEqual([...times].sort((a, b) => a - b));
  });

  it('shows a sent message at once as sending, then as sent', async () => {
    const { store, alice } = await setup();
    await store.getState().openConversation('c2c_bob');
    alice.setNetworkConditions({ latencyMs: 20 });
    const pending = store.getState().sendText('c2c_bob', 'on my way');
    const isOurs = (m: { elemList: { type: string; text?: string }[] } | undefined) =>
      m?.elemList[0]?.text === 'on my way';
    await until(store, (state) => {
      const last = selectWindowMessages(state, 'c2c_bob').at(-1);
      return isOurs(last) && last?.status === 'sending';
    });
    const sent = await pending;
    expect(sent.status).toBe('sent');
    expect(selectWindowMessages(store.getState(), 'c2c_bob').at(-1)).toMatchObject({
      msgID: sent.msgID,
      status: 'sent',
    });
  });

  it('keeps a message that failed to send, and sends it on retry', async () => {
    const { store, alice } = await setup();
    await store.getState().openConversation('c2c_bob');
    alice.setNetworkConditions({ online: false });
    const error = await store
      .getState()
      .sendText('c2c_bob', 'offline text')
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ChatError);
    const failed = selectWindowMessages(store.getState(), 'c2c_bob').at(-1);
    expect(failed).toMatchObject({ status: 'failed', elemList: [{ type: 'text', text: 'offline text' }] });
    expect((error as ChatError).details.msgID).toBe(failed?.msgID);
    alice.setNetworkConditions({ online: true });
    const resent = await store.getState().resendMessage(failed?.msgID as string);
    expect(resent.status).toBe('sent');
    expect(
      selectWindowMessages(store.getState(), 'c2c_bob').filter((m) => m.msgID === resent.msgID),
    ).toHaveLength(1);
  });

  it('appends incoming messages to an open conversation', async () => {
    const { store, bob } = await setup();
    await store.getState().openConversation('c2c_bob');
    await send(bob, 'alice', 'new one');
    await until(store, (state) => {
      const last = selectWindowMessages(state, 'c2c_bob').at(-1);
      return last?.elemList[0]?.type === 'text' && last.elemList[0].text === 'new one';
    });
  });

  it('jumps to an old message, loading the history around it and highlighting it', async () => {
    const { store, alice } = await setup({ messagesPerConversation: 120 });
    const { messageList } = await alice.getHistoryMessageList({ conversationID: 'c2c_bob', count: 100 });
    const target = messageList[5];
    await store.getState().jumpToMessage('c2c_bob', target?.msgID as string);
    const window = store.getState().windows.c2c_bob;
    expect(window?.highlightedMsgID).toBe(target?.msgID);
    expect(window?.messageIDs).toContain(target?.msgID);
    expect(window?.hasNewer).toBe(true);
    // Sending from the past goes back to the newest end.
    const sent = await store.getState().sendText('c2c_bob', 'latest');
    expect(store.getState().windows.c2c_bob?.hasNewer).toBe(false);
    expect(store.getState().windows.c2c_bob?.messageIDs.at(-1)).toBe(sent.msgID);
  });

  it('shows who is typing from online-only messages, and forgets it after the timeout', async () => {
    const { store, bob } = await setup();
    const bobStore = createChatStore(bob, { typingTimeoutMs: 50 });
    open[open.length - 1]?.stores.push(bobStore);
    const shortLived = createChatStore(store.engine, { typingTimeoutMs: 50 });
    open[open.length - 1]?.stores.push(shortLived);
    await shortLived.getState().start();
    await bobStore.getState().sendTyping('c2c_alice');
    await until(shortLived, (state) => selectTypingUsers(state, 'c2c_bob').some((u) => u.userID === 'bob'));
    expect(selectWindowMessages(shortLived.getState(), 'c2c_bob')).toHaveLength(0);
    await until(shortLived, (state) => selectTypingUsers(state, 'c2c_bob').length === 0);
  });

  it('does not let a page that was in flight overwrite a newer event', async () => {
    const { hub, bob } = await setup();
    const slow = await hub.connect('alice', { deviceID: 'slow', network: { latencyMs: 30 } });
    const store = createChatStore(slow);
    open[open.length - 1]?.stores.push(store);
    const starting = store.getState().start();
    // While the first page travels, bob writes: the event carries newer data than the page.
    await new Promise((resolve) => setTimeout(resolve, 35));
    await send(bob, 'alice', 'during the page');
    await starting;
    await until(store, (state) => {
      const last = selectConversation(state, 'c2c_bob')?.lastMessage?.elemList[0];
      return last?.type === 'text' && last.text === 'during the page';
    });
    expect(selectConversationIDs(store.getState())[0]).toBe('c2c_bob');
  });

  it('removes a deleted conversation at once and restores it if the engine refuses', async () => {
    const { store, alice } = await setup();
    const ids = selectConversationIDs(store.getState());
    alice.setNetworkConditions({ online: false });
    await expect(store.getState().deleteConversation('c2c_bob')).rejects.toBeInstanceOf(ChatError);
    expect(selectConversationIDs(store.getState())).toEqual(ids);
    alice.setNetworkConditions({ online: true });
    await store.getState().deleteConversation('c2c_bob');
    expect(selectConversationIDs(store.getState())).not.toContain('c2c_bob');
  });
});

describe('createChatStore with bad input', () => {
  const cases: [string, (store: ChatStore) => Promise<unknown>][] = [
    ['pinConversation with a malformed ID', (s) => s.getState().pinConversation('bob', true)],
    ['pinConversation with a non-boolean', (s) => s.getState().pinConversation('c2c_bob', 'yes' as never)],
    [
      'markConversation with an unknown mark',
      (s) => s.getState().markConversation(['c2c_bob'], 3 as never, true),
    ],
    [
      'markConversation with no IDs',
      (s) => s.getState().markConversation([], ConversationMarkType.star, true),
    ],
    [
      'setReceiveMessageOpt with an unknown option',
      (s) => s.getState().setReceiveMessageOpt('c2c_bob', 'mute' as never),
    ],
    ['markConversationRead with a number', (s) => s.getState().markConversationRead(42 as never)],
    ['markAllRead with an unknown scope', (s) => s.getState().markAllRead('everyone' as never)],
    ['deleteConversation with an empty ID', (s) => s.getState().deleteConversation('')],
    ['saveDraft with a number', (s) => s.getState().saveDraft('c2c_bob', 7 as never)],
    [
      'createConversationGroup without a name',
      (s) => s.getState().createConversationGroup('  ', ['c2c_bob']),
    ],
    ['sendText with blank text', (s) => s.getState().sendText('c2c_bob', '   ')],
    [
      'sendMessage with something that is not a message',
      (s) => s.getState().sendMessage('c2c_bob', {} as never),
    ],
    ['sendFiles with no files', (s) => s.getState().sendFiles('c2c_bob', [])],
    ['deleteMessages with no IDs', (s) => s.getState().deleteMessages([])],
    ['jumpToMessage without a msgID', (s) => s.getState().jumpToMessage('c2c_bob', '')],
    ['openConversation with a malformed ID', (s) => s.getState().openConversation('nobody')],
    ['loadMoreConversations of an unregistered view', (s) => s.getState().loadMoreConversations('type=x')],
  ];

  it.each(cases)('rejects %s with INVALID_PARAMETER and changes nothing', async (_, run) => {
    const { store } = await setup();
    await store.getState().openConversation('c2c_carol');
    const before = store.getState();
    const error = await run(store).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ChatError);
    expect((error as ChatError).code).toBe(ChatErrorCode.InvalidParameter);
    expect(store.getState()).toBe(before);
  });

  it('rejects an unknown filter field instead of matching everything', () => {
    const store = createChatStore({ userID: 'x' } as never);
    expect(() => store.getState().registerView({ kind: 'c2c' } as never)).toThrow(ChatError);
    expect(() => store.getState().subscribeUnread({ type: 'room' } as never)).toThrow(/filter.type/);
  });
});
