import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ChatErrorCode } from '../../model/chat-error';
import type { ChatEngine, ConversationListFilterQuery } from '../chat-engine';
import { setupTencent } from './tencent-engine-test-kit';
import type { FakeTencentChat } from './tencent-fake-chat';

/** `count` conversations with bob0…, newest first by index (bob0 is the newest). */
function withConversations(count: number, options = {}) {
  const kit = setupTencent(options);
  for (let i = count - 1; i >= 0; i--) {
    kit.chat.now += 1000;
    kit.chat.receive(`C2Cbob${i}`, `bob${i}`, `hello ${i}`);
  }
  kit.take();
  return kit;
}

async function pageAll(
  engine: ChatEngine,
  count: number,
  query?: Omit<ConversationListFilterQuery, 'nextSeq' | 'count'>,
) {
  const ids: string[] = [];
  let nextSeq = 0;
  for (let guard = 0; guard < 1000; guard++) {
    const page = query
      ? await engine.getConversationListByFilter({ ...query, nextSeq, count })
      : await engine.getConversationList(nextSeq, count);
    ids.push(...page.conversationList.map((conversation) => conversation.conversationID));
    if (page.isFinished) return ids;
    nextSeq = page.nextSeq;
  }
  throw new Error('paging did not finish');
}

describe('Tencent engine: conversation paging', () => {
  it('orders pinned first, then newest first, ties by conversationID', async () => {
    const { chat, engine } = setupTencent();
    chat.receive('C2Czed', 'zed', 'same second');
    chat.receive('C2Camy', 'amy', 'same second');
    chat.now += 1000;
    chat.receive('C2Cnew', 'new', 'newest');
    chat.receive('GROUPold', 'carol', 'oldest but pinned', { time: 1_600_000_000 });
    await engine.pinConversation('group_old', true);
    chat.now += 1000;
    chat.receive('C2Clater', 'later', 'after the pin');
    expect(await pageAll(engine, 2)).toEqual(['group_old', 'c2c_later', 'c2c_new', 'c2c_amy', 'c2c_zed']);
  });

  it('pages through the list with nextSeq until isFinished', async () => {
    const { engine } = withConversations(7);
    const first = await engine.getConversationList(0, 3);
    expect(first.conversationList.map((c) => c.conversationID)).toEqual(['c2c_bob0', 'c2c_bob1', 'c2c_bob2']);
    expect(first.isFinished).toBe(false);
    const second = await engine.getConversationList(first.nextSeq, 3);
    const third = await engine.getConversationList(second.nextSeq, 3);
    expect(third.conversationList.map((c) => c.conversationID)).toEqual(['c2c_bob6']);
    expect(third.isFinished).toBe(true);
  });

  it('neither skips nor repeats while conversations move between pages', async () => {
    const { chat, engine } = withConversations(10);
    const first = await engine.getConversationList(0, 4);
    // bob8 (not yet returned) jumps to the top, bob1 (returned) gets a message, a new one appears, bob5 goes.
    chat.now += 1000;
    chat.receive('C2Cbob8', 'bob8', 'I moved up');
    chat.receive('C2Cbob1', 'bob1', 'again');
    chat.receive('C2Cnewcomer', 'newcomer', 'hi');
    chat.conversations.splice(
      chat.conversations.findIndex((c) => c.conversationID === 'C2Cbob5'),
      1,
    );
    chat.emitList();
    const rest: string[] = [];
    let nextSeq = first.nextSeq;
    for (;;) {
      const page = await engine.getConversationList(nextSeq, 4);
      rest.push(...page.conversationList.map((c) => c.conversationID));
      if (page.isFinished) break;
      nextSeq = page.nextSeq;
    }
    // Later pages follow the snapshot taken at nextSeq 0 (bob8 keeps its place); newcomers come last.
    expect(rest).toEqual(['c2c_bob4', 'c2c_bob6', 'c2c_bob7', 'c2c_bob8', 'c2c_bob9', 'c2c_newcomer']);
    const all = [...first.conversationList.map((c) => c.conversationID), ...rest];
    expect(new Set(all).size).toBe(all.length);
    expect([...all].sort()).toEqual(
      [
        'c2c_bob0',
        'c2c_bob1',
        'c2c_bob2',
        'c2c_bob3',
        'c2c_bob4',
        'c2c_bob6',
        'c2c_bob7',
        'c2c_bob8',
        'c2c_bob9',
        'c2c_newcomer',
      ].sort(),
    );
    expect(all.at(-1)).toBe('c2c_newcomer');
  });

  it('keeps that guarantee under random moves, arrivals, pins and deletions', async () => {
    type Op =
      | { kind: 'message'; index: number }
      | { kind: 'new' }
      | { kind: 'pin'; index: number; pinned: boolean }
      | { kind: 'delete'; index: number };
    const op: fc.Arbitrary<Op> = fc.oneof(
      fc.record({ kind: fc.constant('message' as const), index: fc.nat() }),
      fc.record({ kind: fc.constant('new' as const) }),
      fc.record({ kind: fc.constant('pin' as const), index: fc.nat(), pinned: fc.boolean() }),
      fc.record({ kind: fc.constant('delete' as const), index: fc.nat() }),
    );
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 25 }),
        fc.integer({ min: 1, max: 6 }),
        fc.array(fc.array(op, { maxLength: 4 }), { maxLength: 12 }),
        async (size, pageSize, opsBetweenPages) => {
          const { chat, engine } = withConversations(size);
          const deleted = new Set<string>();
          let created = 0;
          const apply = (change: Op, fake: FakeTencentChat) => {
            const ids = fake.conversations.map((c) => c.conversationID);
            const target = ids[('index' in change ? change.index : 0) % Math.max(1, ids.length)];
            fake.now += 1000;
            if (change.kind === 'new') fake.receive(`C2Cnew${created++}`, 'someone', 'new');
            else if (!target) return;
            else if (change.kind === 'message') fake.receive(target, 'someone', 'moved');
            else if (change.kind === 'pin') {
              const conversation = fake.conversation(target);
              if (conversation) conversation.isPinned = change.pinned;
              fake.emitList();
            } else {
              fake.conversations.splice(ids.indexOf(target), 1);
              deleted.add(target.replace('C2C', 'c2c_'));
              fake.emitList();
            }
          };
          const seen: string[] = [];
          let nextSeq = 0;
          for (let pageIndex = 0; pageIndex < 200; pageIndex++) {
            const page = await engine.getConversationList(nextSeq, pageSize);
            seen.push(...page.conversationList.map((c) => c.conversationID));
            if (page.isFinished) break;
            nextSeq = page.nextSeq;
            for (const change of opsBetweenPages[pageIndex] ?? []) apply(change, chat);
          }
          expect(new Set(seen).size).toBe(seen.length);
          const alive = chat.conversations.map((c) => c.conversationID.replace('C2C', 'c2c_'));
          for (const id of alive) if (!deleted.has(id)) expect(seen).toContain(id);
        },
      ),
      { numRuns: Number(process.env.TIDINGS_PROPERTY_RUNS ?? 150) },
    );
  });

  it('gives the same page again for the same nextSeq (a failed page can be retried)', async () => {
    const { engine } = withConversations(6);
    const first = await engine.getConversationList(0, 2);
    const second = await engine.getConversationList(first.nextSeq, 2);
    const retried = await engine.getConversationList(first.nextSeq, 2);
    expect(retried.conversationList.map((c) => c.conversationID)).toEqual(
      second.conversationList.map((c) => c.conversationID),
    );
    expect(retried.nextSeq).toBe(second.nextSeq);
  });

  it('rejects an expired, unknown or other-filter nextSeq with INVALID_PARAMETER', async () => {
    const { engine } = withConversations(6, { maxPageSessions: 2 });
    const oldest = await engine.getConversationList(0, 2);
    await engine.getConversationList(0, 2);
    await engine.getConversationList(0, 2);
    await expect(engine.getConversationList(oldest.nextSeq, 2)).rejects.toMatchObject({
      code: ChatErrorCode.InvalidParameter,
    });
    await expect(engine.getConversationList(123_456_789, 2)).rejects.toMatchObject({
      code: ChatErrorCode.InvalidParameter,
    });
    const unfiltered = await engine.getConversationList(0, 2);
    await expect(
      engine.getConversationListByFilter({ type: 'c2c', nextSeq: unfiltered.nextSeq, count: 2 }),
    ).rejects.toMatchObject({ code: ChatErrorCode.InvalidParameter });
  });

  it('pages by filter: type, mark, conversation group, unread', async () => {
    const { chat, engine } = withConversations(4);
    chat.receive('GROUPteam', 'carol', 'hi');
    await engine.markConversation(['c2c_bob2'], 1, true);
    await engine.createConversationGroup('work', ['c2c_bob3', 'group_team']);
    await engine.markC2CMessageAsRead('bob1');
    expect(await pageAll(engine, 2, { type: 'group' })).toEqual(['group_team']);
    expect(await pageAll(engine, 2, { markType: 1 })).toEqual(['c2c_bob2']);
    expect(await pageAll(engine, 2, { conversationGroup: 'work' })).toEqual(['group_team', 'c2c_bob3']);
    expect(await pageAll(engine, 10, { hasUnreadCount: false })).toEqual(['c2c_bob1']);
  });

  it('leaves hidden conversations out unless the filter asks for the hide mark', async () => {
    const { engine } = withConversations(3);
    await engine.markConversation(['c2c_bob1'], 8, true);
    expect(await pageAll(engine, 10)).toEqual(['c2c_bob0', 'c2c_bob2']);
    expect(await pageAll(engine, 10, { markType: 8 })).toEqual(['c2c_bob1']);
  });
});
