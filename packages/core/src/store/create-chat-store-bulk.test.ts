import { afterEach, describe, expect, it, vi } from 'vitest';
import type { LocalEngine, LocalHub } from '../engine/local/index';
import { ChatErrorCode } from '../model/chat-error';
import type { MergerElem, Message } from '../model/types';
import { selectConversation, selectWindowMessages } from '../selectors/index';
import { createSeededHub } from '../testing/index';
import type { ChatState, ChatStore } from './chat-store-types';
import { createChatStore } from './create-chat-store';

const open: { hub: LocalHub; stores: ChatStore[] }[] = [];

afterEach(async () => {
  for (const { hub, stores } of open.splice(0)) {
    for (const store of stores) store.getState().destroy();
    await hub.close();
  }
});

async function setup() {
  const seeded = await createSeededHub({ users: 4, groups: 1, messagesPerConversation: 0 });
  const { hub } = seeded;
  const alice = await hub.connect('alice');
  const bob = await hub.connect('bob');
  const store = createChatStore(alice);
  const bobStore = createChatStore(bob);
  open.push({ hub, stores: [store, bobStore] });
  await store.getState().start();
  await bobStore.getState().start();
  const group = await alice.createGroup({ name: 'Mentions', memberUserIDList: ['bob', 'carol'] });
  return { hub, alice, bob, store, bobStore, groupID: group.groupID };
}

async function until(store: ChatStore, check: (state: ChatState) => boolean) {
  await vi.waitFor(() => expect(check(store.getState())).toBe(true), { timeout: 3000, interval: 5 });
}

async function sendTexts(engine: LocalEngine, to: string, count: number, prefix = 'm') {
  const sent: Message[] = [];
  for (let i = 0; i < count; i++) {
    const message = await engine.createTextMessage(`${prefix}${i}`);
    sent.push(await engine.sendMessage(message, { receiver: to }));
  }
  return sent;
}

const textOf = (message: Message | null | undefined) =>
  message?.elemList[0]?.type === 'text' ? message.elemList[0].text : message?.elemList[0]?.type;

describe('deleting many messages', () => {
  it('deletes 45 messages in calls of at most 30 and the conversation falls back to the newest left', async () => {
    const { alice, store } = await setup();
    const sent = await sendTexts(alice, 'bob', 50);
    await store.getState().openConversation('c2c_bob');
    await store.getState().loadOlderMessages('c2c_bob');
    const deleteSpy = vi.spyOn(alice, 'deleteMessages');
    const newest45 = sent.slice(5).map((message) => message.msgID);

    await store.getState().deleteMessages(newest45);

    expect(deleteSpy.mock.calls.map(([ids]) => ids.length)).toEqual([30, 15]);
    const left = selectWindowMessages(store.getState(), 'c2c_bob').map(textOf);
    expect(left).toEqual(['m0', 'm1', 'm2', 'm3', 'm4']);
    await until(store, (state) => textOf(selectConversation(state, 'c2c_bob')?.lastMessage) === 'm4');
    expect((await alice.getConversation('c2c_bob')).lastMessage?.msgID).toBe(sent[4]?.msgID);
  });

  it('deletes from the server in chunks of 30, so the peer’s other devices lose them too', async () => {
    const { alice, hub, store } = await setup();
    const sent = await sendTexts(alice, 'bob', 35);
    const serverSpy = vi.spyOn(alice, 'deleteMessagesFromServer');
    await store.getState().deleteMessages(
      sent.map((message) => message.msgID),
      { fromServer: true },
    );
    // The service allows one call a second: the second chunk waits its turn and is tried again.
    expect(serverSpy.mock.calls.every(([ids]) => ids.length <= 30)).toBe(true);
    expect(new Set(serverSpy.mock.calls.flatMap(([ids]) => ids)).size).toBe(35);
    const otherDevice = await hub.connect('alice');
    const history = await otherDevice.getHistoryMessageList({ conversationID: 'c2c_bob', count: 50 });
    expect(history.messageList).toEqual([]);
  });

  it('keeps the chunks already deleted and names them when a later chunk fails', async () => {
    const { alice, store } = await setup();
    const sent = await sendTexts(alice, 'bob', 40);
    await store.getState().openConversation('c2c_bob');
    const ids = sent.map((message) => message.msgID);
    const real = alice.deleteMessages.bind(alice);
    let calls = 0;
    vi.spyOn(alice, 'deleteMessages').mockImplementation((list) => {
      calls++;
      return calls === 2 ? Promise.reject(new Error('disk full')) : real(list);
    });
    const error = await store
      .getState()
      .deleteMessages(ids)
      .catch((caught: unknown) => caught);
    expect(error).toMatchObject({
      details: { deletedMsgIDs: ids.slice(0, 30), failedMsgIDs: ids.slice(30) },
    });
    const held = new Set(selectWindowMessages(store.getState(), 'c2c_bob').map((m) => m.msgID));
    expect(ids.slice(0, 30).some((id) => held.has(id))).toBe(false);
  });
});

describe('forwarding', () => {
  it('forwards messages one by one, in the order they were sent, to every chosen conversation', async () => {
    const { alice, store, bobStore } = await setup();
    const sent = await sendTexts(alice, 'carol', 3, 'hello ');
    await alice.sendMessage(await alice.createTextMessage('to bob first'), { receiver: 'bob' });
    await store.getState().openConversation('c2c_bob');

    // Asked newest first: they still arrive oldest first.
    const ids = [...sent].reverse().map((message) => message.msgID);
    const results = await store.getState().forwardMessages(['c2c_bob', 'c2c_dave'], ids);

    expect(results.map((result) => result.status)).toEqual(Array(6).fill('fulfilled'));
    const inBob = selectWindowMessages(store.getState(), 'c2c_bob').map(textOf);
    expect(inBob.slice(-3)).toEqual(['hello 0', 'hello 1', 'hello 2']);
    await bobStore.getState().openConversation('c2c_alice');
    await until(
      bobStore,
      (state) => textOf(selectConversation(state, 'c2c_alice')?.lastMessage) === 'hello 2',
    );
    expect((await alice.getConversation('c2c_dave')).lastMessage?.elemList[0]).toEqual({
      type: 'text',
      text: 'hello 2',
    });
  });

  it('shows a forwarded message in its target as sending at once, then sent', async () => {
    const { alice, store } = await setup();
    const [first] = await sendTexts(alice, 'carol', 1);
    await store.getState().openConversation('c2c_bob');
    const seen: string[] = [];
    const stop = store.subscribe((state) => {
      const status = selectWindowMessages(state, 'c2c_bob')[0]?.status;
      if (status && seen.at(-1) !== status) seen.push(status);
    });
    await store.getState().forwardMessages(['c2c_bob'], [first?.msgID ?? '']);
    stop();
    expect(seen).toEqual(['sending', 'sent']);
    expect(selectWindowMessages(store.getState(), 'c2c_bob').map((m) => m.status)).toEqual(['sent']);
  });

  it('merges the selection into one chat-history message with its title and abstract', async () => {
    const { alice, store, bobStore } = await setup();
    const sent = await sendTexts(alice, 'carol', 4, 'line ');
    const [result] = await store.getState().forwardMessages(
      ['c2c_bob'],
      sent.map((message) => message.msgID),
      {
        merge: {
          title: 'Chat history of Alice and Carol',
          abstractList: ['Alice: line 0', 'Alice: line 1'],
          compatibleText: '[Chat history]',
        },
      },
    );
    expect(result?.status).toBe('fulfilled');
    await until(bobStore, (state) => selectConversation(state, 'c2c_alice')?.lastMessage != null);
    const received = bobStore.getState().conversations.get('c2c_alice')?.lastMessage;
    const merger = received?.elemList[0] as MergerElem;
    expect(merger.type).toBe('merger');
    expect(merger.title).toBe('Chat history of Alice and Carol');
    expect(merger.abstractList).toEqual(['Alice: line 0', 'Alice: line 1']);
    expect(merger.messageList.map(textOf)).toEqual(['line 0', 'line 1', 'line 2', 'line 3']);
  });

  it('forwards a picture by reference, without uploading it again', async () => {
    const { alice, store } = await setup();
    const image = await alice.createImageMessage(new Blob([new Uint8Array(64)], { type: 'image/png' }), {
      width: 8,
      height: 8,
    });
    const sent = await alice.sendMessage(image, { receiver: 'carol' });
    const progress = vi.fn();
    const [result] = await store.getState().forwardMessages(['c2c_bob'], [sent.msgID]);
    expect(result?.status).toBe('fulfilled');
    const forwarded = (result as PromiseFulfilledResult<Message>).value;
    expect(forwarded.elemList[0]).toMatchObject({
      type: 'image',
      uuid: (sent.elemList[0] as { uuid: string }).uuid,
    });
    expect(progress).not.toHaveBeenCalled();
  });

  it('refuses a recalled message, sending nothing anywhere', async () => {
    const { alice, store } = await setup();
    const [kept, recalled] = await sendTexts(alice, 'carol', 2);
    await alice.revokeMessage(recalled?.msgID ?? '');
    await store.getState().openConversation('c2c_carol');
    const sendSpy = vi.spyOn(alice, 'sendMessage');
    await expect(
      store.getState().forwardMessages(['c2c_bob'], [kept?.msgID ?? '', recalled?.msgID ?? '']),
    ).rejects.toMatchObject({ code: ChatErrorCode.InvalidParameter });
    expect(sendSpy).not.toHaveBeenCalled();
  });

  it.each([
    ['no target', [], ['x']],
    ['a malformed target', ['bob'], ['x']],
    ['no message', ['c2c_bob'], []],
  ])('rejects %s with INVALID_PARAMETER', async (_, targets, ids) => {
    const { store } = await setup();
    await expect(store.getState().forwardMessages(targets, ids)).rejects.toMatchObject({
      code: ChatErrorCode.InvalidParameter,
    });
  });
});

describe('mentions', () => {
  it('sends a group text with atUserList; the mentioned member sees @me until they read it', async () => {
    const { store, bobStore, groupID } = await setup();
    const conversationID = `group_${groupID}`;
    const sent = await store.getState().sendText(conversationID, '@Bob Martin look', { atUserList: ['bob'] });
    expect(sent.atUserList).toEqual(['bob']);
    await until(
      bobStore,
      (state) => selectConversation(state, conversationID)?.groupAtInfoList[0]?.atType === 'me',
    );
    await bobStore.getState().markConversationRead(conversationID);
    expect(selectConversation(bobStore.getState(), conversationID)?.groupAtInfoList).toEqual([]);
    // The engine agrees: a fresh pull keeps it cleared.
    const fresh = await bobStore.engine.getConversation(conversationID);
    expect(fresh.groupAtInfoList).toEqual([]);
  });

  it('lists a group’s members with their roles', async () => {
    const { store, groupID } = await setup();
    const members = await store.getState().getGroupMembers(groupID);
    expect(members.find((member) => member.userID === 'alice')?.role).toBe('owner');
    expect(members.some((member) => member.userID === 'bob')).toBe(true);
  });

  it('rejects a malformed atUserList and sends nothing', async () => {
    const { store, alice, groupID } = await setup();
    const sendSpy = vi.spyOn(alice, 'sendMessage');
    await expect(
      store.getState().sendText(`group_${groupID}`, 'hi', { atUserList: [''] }),
    ).rejects.toMatchObject({ code: ChatErrorCode.InvalidParameter });
    expect(sendSpy).not.toHaveBeenCalled();
  });
});
