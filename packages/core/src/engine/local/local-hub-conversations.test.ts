import { afterEach, describe, expect, test } from 'vitest';
import { ChatErrorCode } from '../../model/chat-error';
import { ConversationMarkType } from '../../model/types';
import { seedConversations } from '../../testing/index';
import type { LocalHub } from './local-hub';
import { createTestHub, expectCode, pullAll, record, sendText } from './local-test-helpers';

let hub: LocalHub;
afterEach(async () => {
  await hub?.close();
});

async function setup() {
  const created = await createTestHub({
    users: ['alice', 'bob', 'carol', 'dave', 'erin', 'frank', 'grace', 'heidi', 'ivan', 'judy'],
  });
  hub = created.hub;
  return created;
}

/** Gives alice a conversation with each peer, newest last. */
async function talk(peers: string[]) {
  const { clock } = await setup();
  const alice = await hub.connect('alice');
  for (const peer of peers) {
    const engine = await hub.connect(peer);
    clock.advance(1000);
    await sendText(engine, `hi from ${peer}`, { receiver: 'alice' });
    await engine.logout();
  }
  return { alice, clock };
}

const ids = (list: { conversationID: string }[]) => list.map((item) => item.conversationID);

describe('pulling the conversation list', () => {
  test('a one-time pull returns every conversation, newest activity first, and says it is finished', async () => {
    const { alice } = await talk(['bob', 'carol', 'dave']);
    const page = await alice.getConversationList(0, 2 ** 31 - 1);
    expect(ids(page.conversationList)).toEqual(['c2c_dave', 'c2c_carol', 'c2c_bob']);
    expect(page.isFinished).toBe(true);
  });

  test('paging with nextSeq returns each conversation once until isFinished', async () => {
    const { alice } = await talk(['bob', 'carol', 'dave', 'erin', 'frank']);
    const first = await alice.getConversationList(0, 2);
    expect(ids(first.conversationList)).toEqual(['c2c_frank', 'c2c_erin']);
    expect(first.isFinished).toBe(false);
    const second = await alice.getConversationList(first.nextSeq, 2);
    expect(ids(second.conversationList)).toEqual(['c2c_dave', 'c2c_carol']);
    expect(second.isFinished).toBe(false);
    const third = await alice.getConversationList(second.nextSeq, 2);
    expect(ids(third.conversationList)).toEqual(['c2c_bob']);
    expect(third.isFinished).toBe(true);
  });

  test('a conversation that jumps to the top between pages is neither skipped nor repeated', async () => {
    const { alice, clock } = await talk(['bob', 'carol', 'dave', 'erin', 'frank', 'grace']);
    const first = await alice.getConversationList(0, 2);
    expect(ids(first.conversationList)).toEqual(['c2c_grace', 'c2c_frank']);
    // bob (last on the list, not yet pulled) writes again and moves above the cursor.
    const bob = await hub.connect('bob');
    clock.advance(1000);
    await sendText(bob, 'me again', { receiver: 'alice' });
    // carol (not yet pulled) is pinned, which moves it above the cursor too.
    await alice.pinConversation('c2c_carol', true);
    const rest = await pullRest(alice, first.nextSeq, 2);
    const all = [...ids(first.conversationList), ...rest];
    expect(new Set(all).size).toBe(all.length);
    expect([...all].sort()).toEqual(
      ['c2c_bob', 'c2c_carol', 'c2c_dave', 'c2c_erin', 'c2c_frank', 'c2c_grace'].sort(),
    );
  });

  test('a conversation that appears while paging is returned before the pull finishes', async () => {
    const { alice, clock } = await talk(['bob', 'carol', 'dave']);
    const first = await alice.getConversationList(0, 2);
    const judy = await hub.connect('judy');
    clock.advance(1000);
    await sendText(judy, 'new here', { receiver: 'alice' });
    const rest = await pullRest(alice, first.nextSeq, 2);
    expect([...ids(first.conversationList), ...rest].sort()).toEqual(
      ['c2c_bob', 'c2c_carol', 'c2c_dave', 'c2c_judy'].sort(),
    );
  });

  test('asking for the same page again (a retry) returns the same page', async () => {
    const { alice } = await talk(['bob', 'carol', 'dave', 'erin']);
    const first = await alice.getConversationList(0, 2);
    const second = await alice.getConversationList(first.nextSeq, 2);
    const again = await alice.getConversationList(first.nextSeq, 2);
    expect(ids(again.conversationList)).toEqual(ids(second.conversationList));
    expect(again.nextSeq).toBe(second.nextSeq);
  });

  test('an unknown or expired nextSeq is rejected as an invalid parameter', async () => {
    const { alice } = await talk(['bob']);
    const error = await expectCode(
      alice.getConversationList(123_456_789, 10),
      ChatErrorCode.InvalidParameter,
    );
    expect(error.message).toMatch(/unknown or expired/);
  });

  test('old page cursors expire once more than maxPageSessions pulls have started', async () => {
    await setup();
    const alice = await hub.connect('alice', { maxPageSessions: 2 });
    await sendText(alice, 'hi', { receiver: 'bob' });
    await sendText(alice, 'hi', { receiver: 'carol' });
    const oldest = await alice.getConversationList(0, 1);
    await alice.getConversationList(0, 1);
    await alice.getConversationList(0, 1);
    await expectCode(alice.getConversationList(oldest.nextSeq, 1), ChatErrorCode.InvalidParameter);
  });

  test('a filtered pull returns only matching conversations: type, mark, conversation group, unread, @me', async () => {
    const { clock } = await setup();
    const alice = await hub.connect('alice');
    const bob = await hub.connect('bob');
    await hub.createGroup({
      groupID: 'team',
      name: 'Team',
      ownerID: 'carol',
      memberUserIDList: ['alice', 'bob'],
    });
    clock.advance(1000);
    await sendText(bob, 'unread one', { receiver: 'alice' });
    await sendText(alice, 'to dave', { receiver: 'dave' });
    await alice.markConversation(['c2c_dave'], ConversationMarkType.star, true);
    await alice.createConversationGroup('work', ['c2c_bob']);
    await bob.sendMessage(await bob.createTextAtMessage('@alice look', ['alice']), { groupID: 'team' });

    expect(ids(await pullAll(alice, 10, { type: 'group' }))).toEqual(['group_team']);
    expect(ids(await pullAll(alice, 10, { type: 'c2c' }))).toEqual(['c2c_dave', 'c2c_bob']);
    expect(ids(await pullAll(alice, 10, { markType: ConversationMarkType.star }))).toEqual(['c2c_dave']);
    expect(ids(await pullAll(alice, 10, { conversationGroup: 'work' }))).toEqual(['c2c_bob']);
    expect(ids(await pullAll(alice, 10, { hasUnreadCount: true }))).toEqual(['group_team', 'c2c_bob']);
    expect(ids(await pullAll(alice, 10, { hasGroupAtInfo: true }))).toEqual(['group_team']);
  });

  test('a cursor from one filter is rejected by another', async () => {
    const { alice } = await talk(['bob', 'carol']);
    const page = await alice.getConversationListByFilter({ type: 'c2c', nextSeq: 0, count: 1 });
    await expectCode(
      alice.getConversationListByFilter({ type: 'group', nextSeq: page.nextSeq, count: 1 }),
      ChatErrorCode.InvalidParameter,
    );
  });
});

async function pullRest(engine: Awaited<ReturnType<LocalHub['connect']>>, nextSeq: number, count: number) {
  const out: string[] = [];
  let cursor = nextSeq;
  for (;;) {
    const page = await engine.getConversationList(cursor, count);
    out.push(...ids(page.conversationList));
    if (page.isFinished) return out;
    cursor = page.nextSeq;
  }
}

describe('bulk changes while connected', () => {
  test('a bulk seed reaches a connected engine as one batch, in order, with the right total', async () => {
    await setup();
    const alice = await hub.connect('alice');
    const events = record(alice);
    await seedConversations(hub, 'alice', 5000, { unreadRatio: 0.5, endTime: hub.getServerTime() });
    const created = events.named('onNewConversation');
    expect(created).toHaveLength(1);
    expect(created[0]?.[0]).toHaveLength(5000);
    const list = await pullAll(alice, 500);
    expect(list).toHaveLength(5000);
    expect(list[0]?.conversationID).toBe('c2c_peer-0001');
    const total = list.reduce((sum, item) => sum + item.unreadCount, 0);
    expect(await alice.getTotalUnreadMessageCount()).toBe(total);
    expect(events.named('onTotalUnreadMessageCountChanged')).toEqual([[total]]);
  }, 30_000);
});

describe('getting single conversations', () => {
  test('a known user without activity gives a conversation with orderKey 0 that is not listed', async () => {
    await setup();
    const alice = await hub.connect('alice');
    const conversation = await alice.getConversation('c2c_bob');
    expect(conversation).toMatchObject({
      conversationID: 'c2c_bob',
      type: 'c2c',
      userID: 'bob',
      orderKey: 0,
    });
    expect(conversation.showName).toBe('bob');
    expect((await alice.getConversationList(0, 10)).conversationList).toEqual([]);
  });

  test('an unknown user or group is CONVERSATION_NOT_FOUND', async () => {
    await setup();
    const alice = await hub.connect('alice');
    await expectCode(alice.getConversation('c2c_nobody'), ChatErrorCode.ConversationNotFound);
    await expectCode(alice.getConversation('group_nothing'), ChatErrorCode.ConversationNotFound);
  });

  test('getConversationListByIDs returns listed conversations in the order asked and leaves out others', async () => {
    const { alice } = await talk(['bob', 'carol']);
    const list = await alice.getConversationListByIDs(['c2c_carol', 'c2c_nobody', 'c2c_dave', 'c2c_bob']);
    expect(ids(list)).toEqual(['c2c_carol', 'c2c_bob']);
  });

  test('the conversation shows the peer nick and the last message', async () => {
    const { alice } = await talk(['bob']);
    const conversation = await alice.getConversation('c2c_bob');
    expect(conversation.showName).toBe('bob');
    expect(conversation.lastMessage?.elemList).toEqual([{ type: 'text', text: 'hi from bob' }]);
  });
});

describe('ordering: pins, drafts and activity', () => {
  test('pinned conversations come first; unpinning keeps the orderKey and drops back among the rest', async () => {
    const { alice } = await talk(['bob', 'carol', 'dave']);
    const before = await alice.getConversation('c2c_bob');
    await alice.pinConversation('c2c_bob', true);
    const pinned = await alice.getConversation('c2c_bob');
    expect(pinned.isPinned).toBe(true);
    expect(pinned.orderKey).toBeGreaterThan(before.orderKey);
    expect(ids((await alice.getConversationList(0, 10)).conversationList)).toEqual([
      'c2c_bob',
      'c2c_dave',
      'c2c_carol',
    ]);
    await alice.pinConversation('c2c_bob', false);
    const unpinned = await alice.getConversation('c2c_bob');
    expect(unpinned.orderKey).toBe(pinned.orderKey);
    // The pin activated bob, so it stays above the others by orderKey.
    expect(ids((await alice.getConversationList(0, 10)).conversationList)).toEqual([
      'c2c_bob',
      'c2c_dave',
      'c2c_carol',
    ]);
  });

  test('setting a draft activates the conversation and records when; clearing keeps its place', async () => {
    const { alice, clock } = await talk(['bob', 'carol']);
    clock.advance(5000);
    await alice.setConversationDraft('c2c_bob', 'half a thought');
    const drafted = await alice.getConversation('c2c_bob');
    expect(drafted.draftText).toBe('half a thought');
    expect(drafted.draftTimestamp).toBe(clock.now());
    expect(ids((await alice.getConversationList(0, 10)).conversationList)[0]).toBe('c2c_bob');
    await alice.setConversationDraft('c2c_bob', null);
    const cleared = await alice.getConversation('c2c_bob');
    expect(cleared.draftText).toBeNull();
    expect(cleared.draftTimestamp).toBeNull();
    expect(cleared.orderKey).toBe(drafted.orderKey);
  });

  test('an empty or blank draft never activates a conversation', async () => {
    const { alice } = await talk(['bob', 'carol']);
    const order = ids((await alice.getConversationList(0, 10)).conversationList);
    const before = await alice.getConversation('c2c_bob');
    for (const draft of ['', '  \n ', null]) await alice.setConversationDraft('c2c_bob', draft);
    const after = await alice.getConversation('c2c_bob');
    expect(after.orderKey).toBe(before.orderKey);
    expect(after.draftText).toBeNull();
    expect(ids((await alice.getConversationList(0, 10)).conversationList)).toEqual(order);
  });

  test('a draft reaches the same user on another device', async () => {
    await setup();
    const phone = await hub.connect('alice', { deviceID: 'phone' });
    const laptop = await hub.connect('alice', { deviceID: 'laptop' });
    await phone.setConversationDraft('c2c_bob', 'from the phone');
    expect((await laptop.getConversation('c2c_bob')).draftText).toBe('from the phone');
  });

  test('ties in orderKey never happen, and the order is pinned, orderKey desc, conversationID', async () => {
    const { alice } = await talk(['bob', 'carol', 'dave', 'erin']);
    await alice.pinConversation('c2c_carol', true);
    await alice.pinConversation('c2c_bob', true);
    const list = (await alice.getConversationList(0, 10)).conversationList;
    for (let i = 1; i < list.length; i++) {
      const a = list[i - 1]!;
      const b = list[i]!;
      const ordered =
        (a.isPinned && !b.isPinned) ||
        (a.isPinned === b.isPinned &&
          (a.orderKey > b.orderKey || (a.orderKey === b.orderKey && a.conversationID < b.conversationID)));
      expect(ordered).toBe(true);
    }
    expect(ids(list)).toEqual(['c2c_bob', 'c2c_carol', 'c2c_erin', 'c2c_dave']);
  });
});

describe('marks', () => {
  test('star, unread and fold marks are set and cleared per conversation with a result for each', async () => {
    const { alice } = await talk(['bob', 'carol']);
    const results = await alice.markConversation(['c2c_bob', 'c2c_carol'], ConversationMarkType.star, true);
    expect(results).toEqual([
      { id: 'c2c_bob', resultCode: 0, resultInfo: '' },
      { id: 'c2c_carol', resultCode: 0, resultInfo: '' },
    ]);
    await alice.markConversation(['c2c_bob'], ConversationMarkType.fold, true);
    await alice.markConversation(['c2c_bob'], ConversationMarkType.unread, true);
    expect((await alice.getConversation('c2c_bob')).markList).toEqual([1, 2, 4]);
    await alice.markConversation(['c2c_bob'], ConversationMarkType.star, false);
    expect((await alice.getConversation('c2c_bob')).markList).toEqual([2, 4]);
  });

  test('marking an unknown user reports CONVERSATION_NOT_FOUND for that ID only', async () => {
    const { alice } = await talk(['bob']);
    const results = await alice.markConversation(['c2c_bob', 'c2c_nobody'], ConversationMarkType.star, true);
    expect(results[0]?.resultCode).toBe(0);
    expect(results[1]?.resultCode).toBe(ChatErrorCode.ConversationNotFound);
  });

  test('marking unread shows a dot without changing unreadCount; reading clears the mark', async () => {
    const { alice } = await talk(['bob']);
    await alice.cleanConversationUnreadMessageCount('c2c_bob', 0, 0);
    await alice.markConversation(['c2c_bob'], ConversationMarkType.unread, true);
    const marked = await alice.getConversation('c2c_bob');
    expect(marked.markList).toContain(ConversationMarkType.unread);
    expect(marked.unreadCount).toBe(0);
    expect(await alice.getTotalUnreadMessageCount()).toBe(0);
    await alice.cleanConversationUnreadMessageCount('c2c_bob', 0, 0);
    expect((await alice.getConversation('c2c_bob')).markList).not.toContain(ConversationMarkType.unread);
  });

  test('a hidden conversation leaves every list except the hide filter, and comes back on a new message', async () => {
    const { alice, clock } = await talk(['bob', 'carol']);
    await alice.markConversation(['c2c_bob'], ConversationMarkType.hide, true);
    expect(ids(await pullAll(alice))).toEqual(['c2c_carol']);
    expect(ids(await pullAll(alice, 5, { type: 'c2c' }))).toEqual(['c2c_carol']);
    expect(ids(await pullAll(alice, 5, { markType: ConversationMarkType.hide }))).toEqual(['c2c_bob']);
    const bob = await hub.connect('bob');
    clock.advance(1000);
    await sendText(bob, 'knock knock', { receiver: 'alice' });
    expect(ids(await pullAll(alice))).toEqual(['c2c_bob', 'c2c_carol']);
    expect((await alice.getConversation('c2c_bob')).markList).not.toContain(ConversationMarkType.hide);
  });

  test('with keepHiddenOnNewMessage a hidden conversation stays hidden when a message arrives', async () => {
    const { clock } = await setup();
    const alice = await hub.connect('alice', { keepHiddenOnNewMessage: true });
    const bob = await hub.connect('bob');
    await sendText(bob, 'one', { receiver: 'alice' });
    await alice.markConversation(['c2c_bob'], ConversationMarkType.hide, true);
    clock.advance(1000);
    await sendText(bob, 'two', { receiver: 'alice' });
    expect(ids(await pullAll(alice))).toEqual([]);
    const hidden = await alice.getConversation('c2c_bob');
    expect(hidden.markList).toContain(ConversationMarkType.hide);
    expect(hidden.unreadCount).toBe(2);
  });
});

describe('conversation groups', () => {
  test('create, add, remove, rename and delete with their events', async () => {
    const { alice } = await talk(['bob', 'carol', 'dave']);
    const events = record(alice);
    const created = await alice.createConversationGroup('Friends', ['c2c_bob', 'c2c_carol']);
    expect(created.map((result) => result.resultCode)).toEqual([0, 0]);
    expect(events.named('onConversationGroupCreated')).toEqual([
      [
        'Friends',
        expect.arrayContaining([
          expect.objectContaining({ conversationID: 'c2c_bob' }),
          expect.objectContaining({ conversationID: 'c2c_carol' }),
        ]),
      ],
    ]);
    expect((await alice.getConversation('c2c_bob')).conversationGroupList).toEqual(['Friends']);
    await alice.addConversationsToGroup('Friends', ['c2c_dave']);
    await alice.deleteConversationsFromGroup('Friends', ['c2c_bob']);
    expect(await alice.getConversationGroupList()).toEqual([
      { name: 'Friends', conversationIDList: ['c2c_carol', 'c2c_dave'] },
    ]);
    await alice.renameConversationGroup('Friends', 'Close friends');
    expect(events.named('onConversationGroupNameChanged')).toEqual([['Friends', 'Close friends']]);
    expect((await alice.getConversation('c2c_carol')).conversationGroupList).toEqual(['Close friends']);
    await alice.deleteConversationGroup('Close friends');
    expect(events.named('onConversationGroupDeleted')).toEqual([['Close friends']]);
    expect(await alice.getConversationGroupList()).toEqual([]);
    expect((await alice.getConversation('c2c_carol')).conversationGroupList).toEqual([]);
  });

  test('a second group with the same name is ALREADY_EXISTS and an unknown one is INVALID_PARAMETER', async () => {
    const { alice } = await talk(['bob']);
    await alice.createConversationGroup('Work', ['c2c_bob']);
    await expectCode(alice.createConversationGroup('Work', []), ChatErrorCode.AlreadyExists);
    await expectCode(alice.renameConversationGroup('Nope', 'Other'), ChatErrorCode.InvalidParameter);
    await expectCode(alice.deleteConversationGroup('Nope'), ChatErrorCode.InvalidParameter);
    expect(await alice.getConversationGroupList()).toEqual([
      { name: 'Work', conversationIDList: ['c2c_bob'] },
    ]);
  });
});

describe('deleting conversations', () => {
  test('a deleted conversation leaves the list with onConversationDeleted and comes back on a new message', async () => {
    const { alice, clock } = await talk(['bob', 'carol']);
    const events = record(alice);
    await alice.deleteConversation('c2c_bob');
    expect(events.named('onConversationDeleted')).toEqual([[['c2c_bob']]]);
    expect(ids(await pullAll(alice))).toEqual(['c2c_carol']);
    expect((await alice.getHistoryMessageList({ conversationID: 'c2c_bob', count: 10 })).messageList).toEqual(
      [],
    );
    const bob = await hub.connect('bob');
    clock.advance(1000);
    await sendText(bob, 'still there?', { receiver: 'alice' });
    expect(events.named('onNewConversation').at(-1)?.[0]).toEqual([
      expect.objectContaining({ conversationID: 'c2c_bob', unreadCount: 1 }),
    ]);
    expect(ids(await pullAll(alice))).toEqual(['c2c_bob', 'c2c_carol']);
  });

  test('deleting with clearMessages false keeps the history', async () => {
    const { alice } = await talk(['bob']);
    await alice.deleteConversation('c2c_bob', { clearMessages: false });
    const history = await alice.getHistoryMessageList({ conversationID: 'c2c_bob', count: 10 });
    expect(history.messageList.map((message) => message.elemList[0])).toEqual([
      { type: 'text', text: 'hi from bob' },
    ]);
  });

  test('deleting a conversation that is not in the list is CONVERSATION_NOT_FOUND', async () => {
    const { alice } = await talk(['bob']);
    await expectCode(alice.deleteConversation('c2c_carol'), ChatErrorCode.ConversationNotFound);
  });
});

describe('conversation events', () => {
  test('a new conversation fires onNewConversation once, later changes fire onConversationChanged', async () => {
    await setup();
    const alice = await hub.connect('alice');
    const bob = await hub.connect('bob');
    const events = record(alice);
    await sendText(bob, 'first', { receiver: 'alice' });
    await sendText(bob, 'second', { receiver: 'alice' });
    expect(events.named('onNewConversation')).toEqual([
      [[expect.objectContaining({ conversationID: 'c2c_bob', unreadCount: 1 })]],
    ]);
    expect(events.named('onConversationChanged')).toEqual([
      [[expect.objectContaining({ conversationID: 'c2c_bob', unreadCount: 2 })]],
    ]);
  });

  test('a batch delivers each conversation at most once', async () => {
    const { alice } = await talk(['bob', 'carol', 'dave']);
    const events = record(alice);
    await alice.markAllMessageAsRead();
    const changed = events.named('onConversationChanged');
    expect(changed).toHaveLength(1);
    const list = changed[0]?.[0] as { conversationID: string }[];
    expect(ids(list).sort()).toEqual(['c2c_bob', 'c2c_carol', 'c2c_dave']);
    expect(new Set(ids(list)).size).toBe(list.length);
  });

  test('a listener that throws does not stop the others or the engine', async () => {
    const { alice } = await talk(['bob']);
    const seen: number[] = [];
    const original = console.error;
    console.error = () => undefined;
    try {
      alice.addConversationListener({
        onTotalUnreadMessageCountChanged: () => {
          throw new Error('broken listener');
        },
      });
      alice.addConversationListener({ onTotalUnreadMessageCountChanged: (total) => seen.push(total) });
      await alice.markAllMessageAsRead();
    } finally {
      console.error = original;
    }
    expect(seen).toEqual([0]);
    expect(await alice.getTotalUnreadMessageCount()).toBe(0);
  });

  test('removing a listener (or calling the returned function) stops its events', async () => {
    const { alice } = await talk(['bob', 'carol']);
    const seen: number[] = [];
    const listener = { onTotalUnreadMessageCountChanged: (total: number) => seen.push(total) };
    const unsubscribe = alice.addConversationListener(listener);
    unsubscribe();
    await alice.cleanConversationUnreadMessageCount('c2c_bob', 0, 0);
    alice.addConversationListener(listener);
    alice.removeConversationListener(listener);
    await alice.cleanConversationUnreadMessageCount('c2c_carol', 0, 0);
    expect(seen).toEqual([]);
  });

  test('conversation custom data is set per conversation and synced', async () => {
    const { alice } = await talk(['bob']);
    await alice.setConversationCustomData(['c2c_bob'], '{"color":"teal"}');
    expect((await alice.getConversation('c2c_bob')).customData).toBe('{"color":"teal"}');
  });
});
