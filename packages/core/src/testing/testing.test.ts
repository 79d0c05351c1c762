import { afterEach, describe, expect, test } from 'vitest';
import type { LocalHub } from '../engine/local/index';
import { createLocalHub } from '../engine/local/index';
import { pullAll } from '../engine/local/local-test-helpers';
import {
  createMemoryChannelFactory,
  createMemoryLockManager,
  createRandom,
  createSeededHub,
  createTestConversation,
  createTestMessage,
  seedConversations,
  TEST_USERS,
} from './index';

const hubs: LocalHub[] = [];
afterEach(async () => {
  for (const hub of hubs.splice(0)) await hub.close();
});

describe('fixture builders', () => {
  test('createTestMessage fills every field and lets the caller override any', () => {
    const message = createTestMessage();
    expect(message).toMatchObject({
      conversationID: 'c2c_bob',
      conversationType: 'c2c',
      userID: 'bob',
      status: 'sent',
    });
    expect(Object.values(message).every((value) => value !== undefined)).toBe(true);
    const group = createTestMessage({ conversationID: 'group_team', sender: 'carol' });
    expect(group).toMatchObject({
      conversationType: 'group',
      groupID: 'team',
      userID: '',
      isSelf: false,
      nick: 'Carol',
    });
    expect(createTestMessage().msgID).not.toBe(createTestMessage().msgID);
  });

  test('createTestConversation derives type, peer and name from the ID', () => {
    const conversation = createTestConversation({ conversationID: 'group_team', unreadCount: 3 });
    expect(conversation).toMatchObject({ type: 'group', groupID: 'team', showName: 'Team', unreadCount: 3 });
    expect(conversation.lastMessage?.conversationID).toBe('group_team');
    expect(createTestConversation({ lastMessage: null }).lastMessage).toBeNull();
  });
});

describe('seeded hubs', () => {
  test('createSeededHub registers named users, groups and history of mixed element types', async () => {
    const now = Date.UTC(2025, 0, 15, 9, 30);
    const { hub, users, groups } = await createSeededHub({
      users: 5,
      groups: 2,
      messagesPerConversation: 30,
      now: () => now,
    });
    hubs.push(hub);
    expect(users.map((user) => user.userID)).toEqual(['alice', 'bob', 'carol', 'dave', 'erin']);
    expect(users[0]?.nick).toBe(TEST_USERS[0]?.nick);
    expect(groups).toHaveLength(2);
    expect(groups.every((group) => group.memberUserIDList.includes('alice'))).toBe(true);
    const alice = await hub.connect('alice');
    const list = await pullAll(alice, 50);
    expect(list.map((item) => item.conversationID)).toEqual(
      expect.arrayContaining([
        'c2c_bob',
        'c2c_carol',
        'c2c_dave',
        'c2c_erin',
        ...groups.map((group) => `group_${group.groupID}`),
      ]),
    );
    const types = new Set<string>();
    for (const conversation of list) {
      const page = await alice.getHistoryMessageList({
        conversationID: conversation.conversationID,
        count: 100,
      });
      for (const message of page.messageList) for (const elem of message.elemList) types.add(elem.type);
    }
    expect(types.size).toBeGreaterThanOrEqual(4);
    expect(types.has('text')).toBe(true);
    expect(list.every((conversation) => (conversation.lastMessage?.timestamp ?? 0) <= now)).toBe(true);
  });

  test('the same seed gives the same data', async () => {
    const snapshot = async (seed: number) => {
      const { hub } = await createSeededHub({ seed, now: () => 1_700_000_000_000 });
      hubs.push(hub);
      const alice = await hub.connect('alice');
      return (await pullAll(alice, 50)).map((item) => [
        item.conversationID,
        item.unreadCount,
        item.lastMessage?.elemList,
      ]);
    };
    expect(await snapshot(7)).toEqual(await snapshot(7));
    expect(await snapshot(7)).not.toEqual(await snapshot(8));
  });

  test('seeded media downloads', async () => {
    const { hub } = await createSeededHub({ users: 4, messagesPerConversation: 60, seed: 3 });
    hubs.push(hub);
    const alice = await hub.connect('alice');
    const media = [];
    for (const conversation of await pullAll(alice, 50)) {
      const page = await alice.getHistoryMessageList({
        conversationID: conversation.conversationID,
        count: 100,
      });
      media.push(
        ...page.messageList.flatMap((message) => message.elemList).filter((elem) => elem.type === 'image'),
      );
    }
    expect(media.length).toBeGreaterThan(0);
    const blob = await alice.downloadElem(media[0]!);
    expect(blob.type).toBe('image/png');
    expect(blob.size).toBeGreaterThan(0);
  });

  test('users may be given by ID; named test users keep their nicks', async () => {
    const { hub, users } = await createSeededHub({ users: ['grace', 'zed'], groups: 1 });
    hubs.push(hub);
    expect(users).toEqual([
      { userID: 'grace', nick: 'Grace 李', faceUrl: '' },
      { userID: 'zed', nick: 'zed', faceUrl: '' },
    ]);
    const grace = await hub.connect('grace');
    expect((await pullAll(grace, 10)).map((item) => item.conversationID).sort()).toEqual([
      'c2c_zed',
      'group_group-1',
    ]);
  });

  test('conversationsPerUser limits who talks with whom', async () => {
    const { hub } = await createSeededHub({ users: 10, groups: 0, conversationsPerUser: 4 });
    hubs.push(hub);
    const alice = await hub.connect('alice');
    expect(await pullAll(alice, 50)).toHaveLength(4);
  });

  test('createRandom is deterministic and in [0, 1)', () => {
    const a = createRandom(42);
    const b = createRandom(42);
    const values = Array.from({ length: 100 }, () => a());
    expect(values).toEqual(Array.from({ length: 100 }, () => b()));
    expect(values.every((value) => value >= 0 && value < 1)).toBe(true);
  });
});

describe('bulk seeding', () => {
  test('seedConversations gives a user thousands of conversations, newest first, and pages through them', async () => {
    const hub = await createLocalHub({ now: () => 1_700_000_000_000 });
    hubs.push(hub);
    // Speed at 100,000 is measured by `pnpm bench`, not asserted here.
    const ids = await seedConversations(hub, 'alice', 20_000);
    expect(ids).toHaveLength(20_000);
    const alice = await hub.connect('alice');
    const first = await alice.getConversationList(0, 50);
    const second = await alice.getConversationList(first.nextSeq, 50);
    expect(first.conversationList.map((item) => item.conversationID)).toEqual(ids.slice(0, 50));
    expect(second.conversationList.map((item) => item.conversationID)).toEqual(ids.slice(50, 100));
    const total = await alice.getTotalUnreadMessageCount();
    expect(total).toBeGreaterThan(2_000);
    expect(total).toBeLessThan(4_000);
  }, 60_000);

  test('seedConversations can add more later (startIndex), newest first', async () => {
    const hub = await createLocalHub();
    hubs.push(hub);
    await seedConversations(hub, 'bob', 3);
    const more = await seedConversations(hub, 'bob', 2, {
      startIndex: 100,
      peerPrefix: 'fan',
      endTime: hub.getServerTime() + 1,
    });
    const bob = await hub.connect('bob');
    expect((await pullAll(bob, 10)).slice(0, 2).map((item) => item.conversationID)).toEqual(more);
  });
});

describe('simulated tabs', () => {
  test('the memory lock manager grants a lock to one holder at a time, in order', async () => {
    const locks = createMemoryLockManager();
    const order: string[] = [];
    let release: () => void = () => undefined;
    const first = locks.request('hub', async () => {
      order.push('first');
      await new Promise<void>((resolve) => {
        release = resolve;
      });
      order.push('first done');
    });
    const second = locks.request('hub', async () => {
      order.push('second');
    });
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(order).toEqual(['first']);
    release();
    await Promise.all([first, second]);
    expect(order).toEqual(['first', 'first done', 'second']);
  });

  test('memory channels reach the other channels of the same name, never themselves', async () => {
    const channels = createMemoryChannelFactory();
    const a = channels('room');
    const b = channels('room');
    const other = channels('elsewhere');
    const heard: string[] = [];
    a.onmessage = () => heard.push('a');
    b.onmessage = (event) => heard.push(`b:${(event.data as { hi: string }).hi}`);
    other.onmessage = () => heard.push('other');
    a.postMessage({ hi: 'there' });
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(heard).toEqual(['b:there']);
    b.close();
    a.postMessage({ hi: 'again' });
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(heard).toEqual(['b:there']);
  });
});
