import { describe, expect, it } from 'vitest';
import { createTestConversation } from '../testing/index';
import { isUnread, markedRead, revertFields, unreadIDsInScope, withMark } from './conversation-changes';
import { ConversationMarkType } from './types';

const { star, unread, fold, hide } = ConversationMarkType;

describe('withMark', () => {
  it('adds a mark in ascending order, as the engines list marks', () => {
    expect(withMark([star, hide], unread, true)).toEqual([star, unread, hide]);
  });

  it('removes a mark and keeps the others', () => {
    expect(withMark([star, unread, fold], unread, false)).toEqual([star, fold]);
  });

  it('never lists a mark twice when it is set again', () => {
    expect(withMark([star], star, true)).toEqual([star]);
  });
});

describe('markedRead', () => {
  it('leaves no unread count, no waiting mention and no unread mark, keeping other marks', () => {
    const conversation = createTestConversation({
      conversationID: 'group_team',
      unreadCount: 4,
      groupAtInfoList: [{ seq: 9, atType: 'me' }],
      markList: [star, unread],
    });
    const read = markedRead(conversation);
    expect(read).toMatchObject({ unreadCount: 0, groupAtInfoList: [], markList: [star] });
    expect(isUnread(read)).toBe(false);
    expect(conversation.unreadCount).toBe(4);
  });
});

describe('isUnread', () => {
  it('counts unread messages, a waiting mention or the unread mark', () => {
    expect(isUnread(createTestConversation({ unreadCount: 0, markList: [] }))).toBe(false);
    expect(isUnread(createTestConversation({ unreadCount: 2 }))).toBe(true);
    expect(isUnread(createTestConversation({ unreadCount: 0, markList: [unread] }))).toBe(true);
    expect(
      isUnread(createTestConversation({ unreadCount: 0, groupAtInfoList: [{ seq: 1, atType: 'all' }] })),
    ).toBe(true);
  });
});

describe('unreadIDsInScope', () => {
  const list = [
    createTestConversation({ conversationID: 'c2c_bob', unreadCount: 3 }),
    createTestConversation({ conversationID: 'c2c_carol', unreadCount: 0, markList: [unread] }),
    createTestConversation({ conversationID: 'c2c_dave', unreadCount: 0 }),
    createTestConversation({ conversationID: 'group_team', unreadCount: 1 }),
  ];

  it('picks every unread or marked-unread conversation for "all"', () => {
    expect(unreadIDsInScope(list, 'all')).toEqual(['c2c_bob', 'c2c_carol', 'group_team']);
  });

  it('keeps to one-to-one chats or to groups when asked', () => {
    expect(unreadIDsInScope(list, 'c2c')).toEqual(['c2c_bob', 'c2c_carol']);
    expect(unreadIDsInScope(list, 'group')).toEqual(['group_team']);
  });
});

describe('revertFields', () => {
  it('takes back what a failed change set', () => {
    const prev = createTestConversation({ isPinned: false });
    const next = { ...prev, isPinned: true };
    expect(revertFields(next, prev, next).isPinned).toBe(false);
  });

  it('keeps what someone else changed since, in the same field or another', () => {
    const prev = createTestConversation({ isPinned: false, unreadCount: 1, draftText: null });
    const next = { ...prev, isPinned: true, draftText: 'hi' };
    const current = { ...next, draftText: 'hello', unreadCount: 5 };
    const reverted = revertFields(current, prev, next);
    expect(reverted).toMatchObject({ isPinned: false, draftText: 'hello', unreadCount: 5 });
  });

  it('compares list fields by content, so an equal mark list counts as unchanged', () => {
    const prev = createTestConversation({ markList: [star] });
    const next = { ...prev, markList: [star, unread] };
    const current = { ...prev, markList: [star, unread] };
    expect(revertFields(current, prev, next).markList).toEqual([star]);
    expect(revertFields(prev, prev, prev)).toBe(prev);
  });
});
