import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { ChatError } from '../../model/chat-error';
import { compareOrderKeys } from '../../model/conversation-order';
import type { Conversation, ConversationMarkType, ReceiveMessageOpt, UnreadFilter } from '../../model/types';
import type { LocalEngine } from './local-engine';
import { createTestHub, pullAll, type Recorded, record } from './local-test-helpers';

/**
 * Random operation sequences from several users against the invariants of SPEC.md, checked after every
 * step. Runs: TIDINGS_PROPERTY_RUNS (default 100; the bench profile uses ≥ 1,000).
 */
const RUNS = Number(process.env.TIDINGS_PROPERTY_RUNS ?? 100);

const USERS = ['alice', 'bob', 'carol'] as const;
type User = (typeof USERS)[number];
const CONVERSATIONS: Record<User, string[]> = {
  alice: ['c2c_bob', 'c2c_carol', 'group_team'],
  bob: ['c2c_alice', 'c2c_carol', 'group_team'],
  carol: ['c2c_alice', 'c2c_bob', 'group_team'],
};
const FILTERS: UnreadFilter[] = [
  { type: 'c2c' },
  { type: 'group' },
  { markType: 1 },
  { conversationGroup: 'pinned-ones' },
];

type Op =
  | {
      kind: 'send';
      user: User;
      target: number;
      excludeUnread: boolean;
      excludeLast: boolean;
      onlineOnly: boolean;
    }
  | { kind: 'pin'; user: User; target: number; value: boolean }
  | { kind: 'draft'; user: User; target: number; text: string | null }
  | { kind: 'mark'; user: User; target: number; mark: ConversationMarkType; enable: boolean }
  | { kind: 'delete'; user: User; target: number }
  | { kind: 'clean'; user: User; scope: number; partial: boolean }
  | { kind: 'revoke'; user: User; pick: number }
  | { kind: 'clear'; user: User; target: number }
  | { kind: 'recvOpt'; user: User; target: number; opt: ReceiveMessageOpt }
  | { kind: 'deleteLocal'; user: User; pick: number }
  | { kind: 'deleteServer'; user: User; pick: number }
  | { kind: 'group'; user: User; target: number; add: boolean }
  | { kind: 'page'; user: User; count: number }
  | { kind: 'tick'; ms: number };

const user = fc.constantFrom(...USERS);
const target = fc.nat({ max: 2 });
const opArb: fc.Arbitrary<Op> = fc.oneof(
  {
    weight: 6,
    arbitrary: fc
      .record({
        kind: fc.constant('send' as const),
        user,
        target,
        excludeUnread: fc.boolean(),
        excludeLast: fc.boolean(),
        onlineOnly: fc.boolean(),
      })
      .map((op) => ({
        ...op,
        excludeUnread: op.excludeUnread && op.target !== 0,
        excludeLast: op.excludeLast && op.target === 1,
        onlineOnly: op.onlineOnly && op.target === 2,
      })),
  },
  {
    weight: 2,
    arbitrary: fc.record({ kind: fc.constant('pin' as const), user, target, value: fc.boolean() }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('draft' as const),
      user,
      target,
      text: fc.option(fc.constantFrom('draft a', 'draft b'), { nil: null }),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('mark' as const),
      user,
      target,
      mark: fc.constantFrom<ConversationMarkType>(1, 2, 4, 8),
      enable: fc.boolean(),
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('delete' as const), user, target }) },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('clean' as const),
      user,
      scope: fc.nat({ max: 5 }),
      partial: fc.boolean(),
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('revoke' as const), user, pick: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('clear' as const), user, target }) },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('recvOpt' as const),
      user,
      target,
      opt: fc.constantFrom<ReceiveMessageOpt>('receive', 'notReceive', 'receiveNotNotify'),
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('deleteLocal' as const), user, pick: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('deleteServer' as const), user, pick: fc.nat() }) },
  {
    weight: 1,
    arbitrary: fc.record({ kind: fc.constant('group' as const), user, target, add: fc.boolean() }),
  },
  {
    weight: 3,
    arbitrary: fc.record({ kind: fc.constant('page' as const), user, count: fc.integer({ min: 1, max: 3 }) }),
  },
  {
    weight: 1,
    arbitrary: fc.record({ kind: fc.constant('tick' as const), ms: fc.integer({ min: 1, max: 200_000 }) }),
  },
);

interface Paging {
  nextSeq: number;
  returned: string[];
  everListed: Set<string>;
}

interface Actor {
  engine: LocalEngine;
  events: Recorded;
  sent: string[];
  paging: Paging;
}

function peerOf(conversationID: string): { receiver?: string; groupID?: string } {
  return conversationID.startsWith('group_')
    ? { groupID: conversationID.slice(6) }
    : { receiver: conversationID.slice(4) };
}

async function apply(op: Op, actors: Record<User, Actor>, advance: (ms: number) => void): Promise<void> {
  if (op.kind === 'tick') {
    advance(op.ms);
    return;
  }
  const actor = actors[op.user];
  const { engine } = actor;
  const conversationID = 'target' in op ? (CONVERSATIONS[op.user][op.target] as string) : '';
  switch (op.kind) {
    case 'send': {
      advance(1);
      const message = await engine.createTextMessage(`from ${op.user}`);
      const sent = await engine.sendMessage(message, {
        ...peerOf(conversationID),
        isExcludedFromUnreadCount: op.excludeUnread,
        isExcludedFromLastMessage: op.excludeLast,
        onlineUserOnly: op.onlineOnly,
      });
      if (!op.onlineOnly) actor.sent.push(sent.msgID);
      return;
    }
    case 'pin':
      return engine.pinConversation(conversationID, op.value);
    case 'draft':
      return engine.setConversationDraft(conversationID, op.text);
    case 'mark':
      await engine.markConversation([conversationID], op.mark, op.enable);
      return;
    case 'delete':
      return engine.deleteConversation(conversationID);
    case 'clean': {
      const scopes = ['', 'c2c', 'group', ...CONVERSATIONS[op.user]];
      const scope = scopes[op.scope] as string;
      if (!op.partial || !scope.includes('_')) return engine.cleanConversationUnreadMessageCount(scope, 0, 0);
      const history = await engine.getHistoryMessageList({ conversationID: scope, count: 100 });
      const middle = history.messageList[Math.floor(history.messageList.length / 2)];
      return engine.cleanConversationUnreadMessageCount(scope, middle?.timestamp ?? 0, middle?.seq ?? 0);
    }
    case 'revoke': {
      const msgID = actor.sent[op.pick % Math.max(1, actor.sent.length)];
      if (msgID) await engine.revokeMessage(msgID);
      return;
    }
    case 'clear':
      return engine.clearHistoryMessage(conversationID);
    case 'recvOpt':
      if (conversationID.startsWith('group_')) return engine.setGroupReceiveMessageOpt('team', op.opt);
      return engine.setC2CReceiveMessageOpt([conversationID.slice(4)], op.opt);
    case 'deleteLocal':
    case 'deleteServer': {
      const all = await heldMessageIDs(engine, op.user);
      const msgID = all[op.pick % Math.max(1, all.length)];
      if (!msgID) return;
      if (op.kind === 'deleteLocal') return engine.deleteMessages([msgID]);
      return engine.deleteMessagesFromServer([msgID]);
    }
    case 'group':
      if (op.add) await engine.addConversationsToGroup('pinned-ones', [conversationID]);
      else await engine.deleteConversationsFromGroup('pinned-ones', [conversationID]);
      return;
    case 'page': {
      const page = await engine.getConversationList(actor.paging.nextSeq, op.count);
      actor.paging.returned.push(...page.conversationList.map((item) => item.conversationID));
      expect(new Set(actor.paging.returned).size, 'a paged pass never repeats a conversation').toBe(
        actor.paging.returned.length,
      );
      for (const id of actor.paging.returned) {
        expect(actor.paging.everListed.has(id), 'paging returns only listed conversations').toBe(true);
      }
      if (page.isFinished) {
        const now = (await pullAll(engine, 100)).map((item) => item.conversationID);
        expect(
          [...now].filter((id) => !actor.paging.returned.includes(id)),
          'a finished pass skipped nothing',
        ).toEqual([]);
        actor.paging.nextSeq = 0;
        actor.paging.returned = [];
        actor.paging.everListed = new Set(now);
      } else {
        actor.paging.nextSeq = page.nextSeq;
      }
      return;
    }
  }
}

async function heldMessageIDs(engine: LocalEngine, who: User): Promise<string[]> {
  const ids: string[] = [];
  for (const conversationID of CONVERSATIONS[who]) {
    const page = await engine.getHistoryMessageList({ conversationID, count: 100 });
    ids.push(
      ...page.messageList.filter((message) => message.status !== 'failed').map((message) => message.msgID),
    );
  }
  return ids;
}

function matches(conversation: Conversation, filter: UnreadFilter): boolean {
  if (conversation.recvOpt !== 'receive') return false;
  if (filter.type && conversation.type !== filter.type) return false;
  if (filter.markType && !conversation.markList.includes(filter.markType)) return false;
  if (filter.conversationGroup && !conversation.conversationGroupList.includes(filter.conversationGroup))
    return false;
  return true;
}

async function checkInvariants(who: User, actor: Actor): Promise<void> {
  const { engine, events } = actor;
  // 1. The list is strictly ordered by (pinned, orderKey desc, conversationID), each conversation once.
  const list = await pullAll(engine, 2);
  for (let i = 1; i < list.length; i++) {
    const a = list[i - 1] as Conversation;
    const b = list[i] as Conversation;
    expect(
      compareOrderKeys(
        { id: a.conversationID, pinned: a.isPinned, orderKey: a.orderKey },
        { id: b.conversationID, pinned: b.isPinned, orderKey: b.orderKey },
      ),
      `${who}: the list is strictly ordered`,
    ).toBeLessThan(0);
  }
  expect(list.every((conversation) => conversation.orderKey > 0 && !conversation.markList.includes(8))).toBe(
    true,
  );
  const oneShot = (await engine.getConversationList(0, 1000)).conversationList;
  expect(oneShot.map((item) => item.conversationID)).toEqual(list.map((item) => item.conversationID));
  for (const id of list.map((item) => item.conversationID)) actor.paging.everListed.add(id);

  // 2. Total unread = Σ unreadCount over `receive` conversations; events only fire on a change.
  const all: Conversation[] = [];
  for (const conversationID of CONVERSATIONS[who]) all.push(await engine.getConversation(conversationID));
  const total = all.reduce((sum, item) => sum + (item.recvOpt === 'receive' ? item.unreadCount : 0), 0);
  expect(await engine.getTotalUnreadMessageCount(), `${who}: total unread`).toBe(total);
  const totals = events.named('onTotalUnreadMessageCountChanged').map(([value]) => value as number);
  expect(totals.at(-1) ?? 0, `${who}: the last total event is the total`).toBe(total);
  for (let i = 0; i < totals.length; i++) {
    expect(totals[i], `${who}: no total event without a change`).not.toBe(i === 0 ? 0 : totals[i - 1]);
  }

  // 3. Each subscribed filter's last event is its recomputed total, and none fires without a change.
  for (const filter of FILTERS) {
    const expected = all.reduce((sum, item) => sum + (matches(item, filter) ? item.unreadCount : 0), 0);
    const fired = events
      .named('onUnreadMessageCountChangedByFilter')
      .filter(([seen]) => JSON.stringify(seen) === JSON.stringify(filter))
      .map(([, value]) => value as number);
    expect(fired.at(-1) ?? 0, `${who}: filter ${JSON.stringify(filter)}`).toBe(expected);
    for (let i = 0; i < fired.length; i++) {
      expect(fired[i], `${who}: no filter event without a change`).not.toBe(i === 0 ? 0 : fired[i - 1]);
    }
  }

  // 4. lastMessage is the newest stored message not excluded from lastMessage (revoked shows; cleared is null).
  for (const conversation of all) {
    const history = await engine.getHistoryMessageList({
      conversationID: conversation.conversationID,
      count: 100,
    });
    const eligible = history.messageList.filter((message) => !message.isExcludedFromLastMessage);
    const newest = eligible.at(-1) ?? null;
    expect(
      conversation.lastMessage?.msgID ?? null,
      `${who}: lastMessage of ${conversation.conversationID}`,
    ).toBe(newest?.msgID ?? null);
    expect(conversation.lastMessage?.status ?? null).toBe(newest?.status ?? null);
  }
}

describe('invariants under random operations from several users', () => {
  test('ordering, paging, unread totals, filter events and lastMessage hold after every step', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(opArb, { minLength: 5, maxLength: 30, size: 'max' }), async (ops) => {
        const { hub, clock } = await createTestHub();
        try {
          await hub.createGroup({
            groupID: 'team',
            name: 'Team',
            ownerID: 'dave',
            memberUserIDList: [...USERS],
          });
          const actors = {} as Record<User, Actor>;
          for (const who of USERS) {
            const engine = await hub.connect(who, { maxPageSessions: 10_000 });
            const events = record(engine);
            for (const filter of FILTERS) await engine.subscribeUnreadMessageCountByFilter(filter);
            await engine.createConversationGroup('pinned-ones', []);
            const everListed = new Set((await pullAll(engine, 100)).map((item) => item.conversationID));
            actors[who] = { engine, events, sent: [], paging: { nextSeq: 0, returned: [], everListed } };
          }
          for (const op of ops) {
            try {
              await apply(op, actors, clock.advance);
            } catch (error) {
              // Operations that do not apply (deleting a conversation that is gone, revoking too late)
              // reject with a typed error; anything else is a bug.
              if (!(error instanceof ChatError)) throw error;
            }
            for (const who of USERS) await checkInvariants(who, actors[who]);
          }
        } finally {
          await hub.close();
        }
      }),
      { numRuns: RUNS },
    );
  }, 600_000);
});
