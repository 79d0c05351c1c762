import { afterEach, describe, expect, test } from 'vitest';
import { ChatErrorCode } from '../../model/chat-error';
import { findMessageProblem, UNSUPPORTED_ELEM_EXTENSION } from '../../model/message-schema';
import type { MergerElem, Message } from '../../model/types';
import { createMemoryChannelFactory, createMemoryLockManager } from '../../testing/index';
import type { LocalEngine } from './local-engine';
import { createLocalHub, type LocalHub } from './local-hub';
import type { ChannelLike } from './local-hub-broadcast';
import { createTestHub, expectCode, pullAll, record, sendText, settle, waitFor } from './local-test-helpers';

/**
 * A hostile peer does not have to go through its own engine: any tab of the origin can post to the hub's
 * BroadcastChannel, as a client of the hub or pretending to be the hub. What it sends must reach no other
 * engine as an unexpected shape, and the sender must get a typed error.
 */

const open: LocalHub[] = [];
let hub: LocalHub | undefined;
afterEach(async () => {
  for (const tab of open.splice(0).reverse()) await tab.close();
  await hub?.close();
  hub = undefined;
});

type Wire = Record<string, unknown>;

/** Two tabs of one origin (tab A leads) and a raw channel on the same BroadcastChannel: the attacker. */
async function tabsWithAttacker() {
  const channels = createMemoryChannelFactory();
  const locks = createMemoryLockManager();
  const name = `hostile-${Math.random().toString(36).slice(2)}`;
  const openTab = async () => {
    const tab = await createLocalHub({
      name,
      persist: true,
      shareAcrossTabs: true,
      locks,
      createChannel: channels,
      rateLimits: false,
      users: ['alice', 'bob', 'carol'],
    });
    open.push(tab);
    return tab;
  };
  const heard: Wire[] = [];
  const attacker: ChannelLike = channels(`tidings-hub:${name}`);
  attacker.onmessage = (event) => heard.push(event.data as Wire);
  const tabA = await openTab();
  const tabB = await openTab();
  return { tabA, tabB, attacker, heard };
}

/** A merged message as `createMergerMessage` makes it, then tampered with as an attacker would. */
async function maliciousMerger(engine: LocalEngine): Promise<Message> {
  const inner = await engine.createTextMessage('quoted');
  const merger = await engine.createMergerMessage([inner], 'Chat history', ['alice: quoted'], 'upgrade');
  const evil = structuredClone(merger);
  const elem = evil.elemList[0] as MergerElem;
  elem.abstractList = [{ evil: 1 } as never];
  (elem.messageList[0] as Message).timestamp = Number.NaN;
  return evil;
}

/** What React would choke on: anything in a received message that the schema does not allow. */
function expectRenderable(message: Message): void {
  expect(typeof message.msgID).toBe('string');
  expect(Number.isFinite(new Date(message.timestamp).getTime())).toBe(true);
  expect(message.elemList.length).toBeGreaterThan(0);
  // A received message is a well-formed nested message too: same schema, all fields typed.
  expect(findMessageProblem(message)).toBeNull();
  for (const key of ['nick', 'faceUrl', 'sender', 'cloudCustomData', 'conversationID'] as const) {
    expect(typeof message[key]).toBe('string');
  }
}

describe('a hostile peer posting straight to the hub', () => {
  test('a malformed merged message sent past its own engine is refused with a typed error and reaches nobody', async () => {
    const { tabA, attacker, heard } = await tabsWithAttacker();
    const alice = await tabA.connect('alice');
    const carol = await tabA.connect('carol');
    const aliceEvents = record(alice);
    const evil = await maliciousMerger(carol);
    attacker.postMessage({ t: 'who', from: 'tab-evil' });
    await waitFor(() => heard.some((item) => item.t === 'leader'));
    const leader = heard.find((item) => item.t === 'leader')?.from as string;
    attacker.postMessage({ t: 'open', from: 'tab-evil', conn: 'evil-conn', user: 'carol' });
    attacker.postMessage({
      t: 'req',
      from: 'tab-evil',
      to: leader,
      id: 1,
      conn: 'evil-conn',
      method: 'send',
      args: {
        message: evil,
        options: {
          receiver: 'alice',
          groupID: '',
          priority: 'normal',
          onlineUserOnly: false,
          offlinePushInfo: null,
          isExcludedFromUnreadCount: false,
          isExcludedFromLastMessage: false,
        },
      },
    });
    await waitFor(() => heard.some((item) => item.t === 'res' && item.to === 'tab-evil'));
    const response = heard.find((item) => item.t === 'res' && item.to === 'tab-evil') as Wire;
    expect(response.ok).toBe(false);
    expect(response.error).toMatchObject({
      code: ChatErrorCode.InvalidParameter,
      details: { parameter: 'message.elemList[0].abstractList[0]' },
    });
    await settle();
    expect(aliceEvents.named('onRecvNewMessage')).toEqual([]);
    expect(await pullAll(alice)).toEqual([]);
  });

  test('messages pushed by a tab posing as the hub reach the engine well-formed, and garbage is ignored', async () => {
    const { tabA, tabB, attacker, heard } = await tabsWithAttacker();
    await tabA.connect('carol');
    const bob = await tabB.connect('bob');
    const bobEvents = record(bob);
    const opened = heard.find((item) => item.t === 'open' && item.user === 'bob') as Wire;
    expect(opened).toBeDefined();
    const evil = await maliciousMerger(bob);
    const hostile: Wire = {
      ...evil,
      msgID: 'evil-1',
      conversationID: 'c2c_carol',
      conversationType: 'c2c',
      userID: 'carol',
      sender: 'carol',
      nick: { first: 'Carol' },
      isSelf: false,
      timestamp: 'soon',
      seq: Number.POSITIVE_INFINITY,
      status: 'sent',
      elemList: [
        ...evil.elemList,
        { type: 'text', text: { html: '<b>x</b>' } },
        { type: 'hologram', data: 1 },
        {
          type: 'image',
          uuid: 7,
          url: ['x'],
          fileSize: -1,
          width: Number.NaN,
          height: Number.POSITIVE_INFINITY,
        },
      ],
    };
    const push = (message: unknown) =>
      attacker.postMessage({
        t: 'push',
        to: opened.from,
        conn: opened.conn,
        push: { type: 'message', message, conversation: null },
      });
    push(null);
    push({ msgID: 42, elemList: 'nope' });
    push(hostile);
    await waitFor(() => bobEvents.named('onRecvNewMessage').length >= 1);
    await settle();
    const received = bobEvents.named('onRecvNewMessage').map(([message]) => message as Message);
    expect(received.map((message) => message.msgID)).toEqual(['evil-1']);
    const [message] = received as [Message];
    expectRenderable(message);
    const merger = message.elemList[0] as MergerElem;
    expect(merger.abstractList).toEqual([]);
    expect(merger.messageList[0]?.timestamp).toBe(0);
    expect(message.elemList.slice(1).map((elem) => elem.type)).toEqual(['custom', 'custom', 'image']);
    expect(message.elemList[1]).toMatchObject({ extension: UNSUPPORTED_ELEM_EXTENSION });
    expect(message.elemList[3]).toMatchObject({ uuid: '', url: '', fileSize: 0, width: 0 });
    const [found] = await bob.findMessages(['evil-1']);
    expectRenderable(found as Message);
  });
});

describe('senders get a typed error naming the element and field; nothing changes', () => {
  test.each([
    [
      'an abstract line that is an object',
      (m: MergerElem) => {
        m.abstractList = [{ evil: 1 } as never];
      },
      'message.elemList[0].abstractList[0]',
    ],
    [
      'a quoted message with a NaN time',
      (m: MergerElem) => {
        (m.messageList[0] as Message).timestamp = Number.NaN;
      },
      'message.elemList[0].messageList[0].timestamp',
    ],
    [
      'a quoted message whose text is not a string',
      (m: MergerElem) => {
        (m.messageList[0] as Message).elemList = [{ type: 'text', text: 5 as never }];
      },
      'message.elemList[0].messageList[0].elemList[0].text',
    ],
  ])('sendMessage refuses a merged message with %s', async (_name, tamper, parameter) => {
    ({ hub } = await createTestHub());
    const alice = await hub.connect('alice');
    await sendText(alice, 'hi', { receiver: 'bob' });
    const before = await pullAll(alice);
    const inner = await alice.createTextMessage('quoted');
    const merger = await alice.createMergerMessage([inner], 'Chat history', ['alice: quoted'], 'upgrade');
    tamper(merger.elemList[0] as MergerElem);
    const error = await expectCode(
      alice.sendMessage(merger, { receiver: 'bob' }),
      ChatErrorCode.InvalidParameter,
    );
    expect(error.details).toMatchObject({ method: 'sendMessage', parameter });
    expect(await pullAll(alice)).toEqual(before);
  });

  test('merged messages nested deeper than the limit are refused', async () => {
    ({ hub } = await createTestHub());
    const alice = await hub.connect('alice');
    let message = await alice.createTextMessage('bottom');
    let refused = false;
    for (let level = 0; level < 40 && !refused; level++) {
      try {
        message = await alice.createMergerMessage([message], `level ${level}`, [], 'upgrade');
      } catch (error) {
        refused = true;
        expect(error).toMatchObject({ code: ChatErrorCode.InvalidParameter });
      }
    }
    expect(refused).toBe(true);
  });

  test('importMessages refuses a message whose time a Date cannot show', async () => {
    ({ hub } = await createTestHub());
    const alice = await hub.connect('alice');
    const message = await alice.createTextMessage('from the past');
    const error = await expectCode(
      alice.importMessages('c2c_bob', [{ ...message, timestamp: 1e300 }]),
      ChatErrorCode.InvalidParameter,
    );
    expect(error.details).toMatchObject({ parameter: 'messageList[0].timestamp' });
    expect(await pullAll(alice)).toEqual([]);
  });
});
