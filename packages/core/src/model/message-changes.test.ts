import { describe, expect, it } from 'vitest';
import { createTestMessage } from '../testing/index';
import {
  dropWindows,
  firstUnreadOf,
  peerReadMessages,
  withoutTypingUser,
  withProgress,
  withSenders,
  withTypingUser,
} from './message-changes';
import { emptyWindow, type MessageSlice, putMessages } from './message-window';
import { ownRecord } from './own-record';
import { RecordMap } from './record-map';
import type { Message, UserProfile } from './types';

function sliceOf(messages: Message[]): MessageSlice {
  let slice: MessageSlice = { messages: RecordMap.empty(), windows: ownRecord() };
  for (const message of messages) {
    const id = message.conversationID;
    if (!slice.windows[id]) slice = { ...slice, windows: { ...slice.windows, [id]: emptyWindow(id) } };
  }
  return putMessages(slice, messages);
}

describe('firstUnreadOf', () => {
  it('finds the oldest of the last N messages that count as unread', () => {
    const page = [
      createTestMessage({ msgID: 'a', isSelf: false }),
      createTestMessage({ msgID: 'b', isSelf: false }),
      createTestMessage({ msgID: 'mine', isSelf: true }),
      createTestMessage({ msgID: 'c', isSelf: false }),
    ];
    expect(firstUnreadOf(page, 2)).toBe('b');
  });

  it('skips own, recalled and excluded messages while counting', () => {
    const page = [
      createTestMessage({ msgID: 'a', isSelf: false }),
      createTestMessage({ msgID: 'quiet', isSelf: false, isExcludedFromUnreadCount: true }),
      createTestMessage({ msgID: 'gone', isSelf: false, status: 'revoked' }),
      createTestMessage({ msgID: 'b', isSelf: false }),
    ];
    expect(firstUnreadOf(page, 2)).toBe('a');
  });

  it('falls back to the first message from someone else when the page holds fewer unread', () => {
    const page = [
      createTestMessage({ msgID: 'mine', isSelf: true }),
      createTestMessage({ msgID: 'a', isSelf: false }),
    ];
    expect(firstUnreadOf(page, 5)).toBe('a');
    expect(firstUnreadOf([createTestMessage({ isSelf: true })], 1)).toBeNull();
  });
});

describe('dropWindows', () => {
  it('drops a conversation’s window and the messages it held, and nothing else', () => {
    const bob = createTestMessage({ conversationID: 'c2c_bob' });
    const carol = createTestMessage({ conversationID: 'c2c_carol' });
    const slice = sliceOf([bob, carol]);
    const next = dropWindows(slice, ['c2c_bob']);
    expect(Object.keys(next.windows)).toEqual(['c2c_carol']);
    expect(next.messages.has(bob.msgID)).toBe(false);
    expect(next.messages.has(carol.msgID)).toBe(true);
    expect(Object.getPrototypeOf(next.windows)).toBe(null);
  });

  it('is the same slice when none of the conversations has a window', () => {
    const slice = sliceOf([createTestMessage({ conversationID: 'c2c_bob' })]);
    expect(dropWindows(slice, ['c2c_nobody'])).toBe(slice);
  });
});

describe('peerReadMessages', () => {
  it('marks own messages sent up to the receipt as read by the peer, not later ones nor theirs', () => {
    const early = createTestMessage({ msgID: 'early', isSelf: true, timestamp: 100, isPeerRead: false });
    const late = createTestMessage({ msgID: 'late', isSelf: true, timestamp: 300, isPeerRead: false });
    const theirs = createTestMessage({ msgID: 'theirs', isSelf: false, timestamp: 50 });
    const read = peerReadMessages(sliceOf([early, late, theirs]), [
      { userID: 'bob', conversationID: 'c2c_bob', timestamp: 200 },
    ]);
    expect(read.map((message) => [message.msgID, message.isPeerRead])).toEqual([['early', true]]);
  });

  it('finds nothing for a conversation the store holds no window of', () => {
    expect(
      peerReadMessages(sliceOf([]), [{ userID: 'bob', conversationID: 'c2c_bob', timestamp: 1 }]),
    ).toEqual([]);
  });
});

describe('withSenders', () => {
  it('learns a sender’s name and picture from their message, and keeps the same map when nothing is new', () => {
    const message = createTestMessage({
      sender: 'bob',
      isSelf: false,
      nick: 'Bob',
      faceUrl: 'https://x/b.png',
    });
    const users = withSenders(RecordMap.empty<UserProfile>(), [message]);
    expect(users.get('bob')).toEqual({ userID: 'bob', nick: 'Bob', faceUrl: 'https://x/b.png' });
    expect(withSenders(users, [message])).toBe(users);
    expect(withSenders(users, [createTestMessage({ isSelf: true, nick: 'Me' })])).toBe(users);
  });
});

describe('withProgress', () => {
  it('sets, keeps and clears a message’s upload progress', () => {
    const empty = ownRecord<number>();
    const at40 = withProgress(empty, 'm1', 40);
    expect(at40.m1).toBe(40);
    expect(withProgress(at40, 'm1', 40)).toBe(at40);
    expect(withProgress(at40, 'm1', null).m1).toBeUndefined();
    expect(withProgress(empty, 'm1', null)).toBe(empty);
  });
});

describe('typing', () => {
  it('shows each typist once, with their latest expiry, and forgets a conversation nobody types in', () => {
    let typing = RecordMap.empty<readonly { userID: string; expiresAt: number }[]>();
    typing = withTypingUser(typing, 'group_team', { userID: 'bob', expiresAt: 1 });
    typing = withTypingUser(typing, 'group_team', { userID: 'carol', expiresAt: 2 });
    typing = withTypingUser(typing, 'group_team', { userID: 'bob', expiresAt: 3 });
    expect(typing.get('group_team')).toEqual([
      { userID: 'carol', expiresAt: 2 },
      { userID: 'bob', expiresAt: 3 },
    ]);
    expect(withoutTypingUser(typing, 'group_team', 'dave')).toBe(typing);
    typing = withoutTypingUser(typing, 'group_team', 'bob');
    typing = withoutTypingUser(typing, 'group_team', 'carol');
    expect(typing.has('group_team')).toBe(false);
  });
});
