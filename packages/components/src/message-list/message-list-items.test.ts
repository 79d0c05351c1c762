import { createTestMessage } from '@tidings/core/testing';
import { describe, expect, it } from 'vitest';
import { buildMessageListItems, estimateItemSize, type MessageListMessageItem } from './message-list-items';

const at = (day: number, hour: number, minute = 0) => new Date(2024, 2, day, hour, minute).getTime();

function message(sender: string, timestamp: number, extra: Parameters<typeof createTestMessage>[0] = {}) {
  return createTestMessage({ sender, isSelf: sender === 'alice', timestamp, ...extra });
}

function shape(items: ReturnType<typeof buildMessageListItems>) {
  return items.map((item) =>
    item.type === 'message'
      ? `${item.message.sender}${item.variant === 'system' ? ':system' : ''}${item.isRunStart ? '^' : ''}${item.isRunEnd ? '$' : ''}`
      : item.type,
  );
}

describe('buildMessageListItems', () => {
  it('puts a date separator before the first message of each day', () => {
    const items = buildMessageListItems([
      message('bob', at(13, 9)),
      message('bob', at(14, 9)),
      message('bob', at(14, 10)),
    ]);
    expect(shape(items)).toEqual(['date', 'bob^$', 'date', 'bob^$', 'bob^$']);
    expect(items.filter((item) => item.type === 'date').map((item) => item.key)).toEqual([
      'date:2024-3-13',
      'date:2024-3-14',
    ]);
  });

  it('leaves out the first day’s separator while older messages may still come before it', () => {
    const items = buildMessageListItems([message('bob', at(14, 9)), message('bob', at(15, 9))], {
      hasOlder: true,
    });
    expect(shape(items)).toEqual(['bob^$', 'date', 'bob^$']);
  });

  it('groups a sender’s messages into runs that show the avatar and name once', () => {
    const items = buildMessageListItems(
      [
        message('bob', at(14, 9, 0)),
        message('bob', at(14, 9, 1)),
        message('bob', at(14, 9, 2)),
        message('alice', at(14, 9, 3)),
        message('bob', at(14, 9, 4)),
      ],
      { hasOlder: true },
    );
    expect(shape(items)).toEqual(['bob^', 'bob', 'bob$', 'alice^$', 'bob^$']);
  });

  it('starts a new run after a pause longer than the run gap', () => {
    const items = buildMessageListItems([message('bob', at(14, 9, 0)), message('bob', at(14, 9, 6))], {
      hasOlder: true,
    });
    expect(shape(items)).toEqual(['bob^$', 'bob^$']);
  });

  it('shows group tips and recalled messages as system lines that break runs', () => {
    const tip = message('bob', at(14, 9, 1), {
      elemList: [
        {
          type: 'groupTip',
          tipType: 'join',
          opUserID: 'carol',
          userIDList: ['carol'],
          groupInfo: {},
          memberCount: 3,
        },
      ],
    });
    const recalled = message('bob', at(14, 9, 3), { status: 'revoked', revoker: 'bob' });
    const items = buildMessageListItems(
      [
        message('bob', at(14, 9, 0)),
        tip,
        message('bob', at(14, 9, 2)),
        recalled,
        message('bob', at(14, 9, 4)),
      ],
      { hasOlder: true },
    );
    expect(shape(items)).toEqual(['bob^$', 'bob:system', 'bob^$', 'bob:system', 'bob^$']);
  });

  it('puts the unread separator before the first unread message and breaks the run there', () => {
    const first = message('bob', at(14, 9, 0));
    const unread = message('bob', at(14, 9, 1));
    const items = buildMessageListItems([first, unread], { firstUnreadMsgID: unread.msgID, hasOlder: true });
    expect(shape(items)).toEqual(['bob^$', 'unread', 'bob^$']);
  });

  it('ends with the typing indicator while someone types', () => {
    const items = buildMessageListItems([message('bob', at(14, 9))], { isTyping: true, hasOlder: true });
    expect(items.at(-1)).toEqual({ type: 'typing', key: 'typing' });
  });

  it('keys messages by msgID, so rows keep their identity when pages are prepended', () => {
    const older = message('bob', at(14, 8));
    const newer = message('alice', at(14, 9));
    const before = buildMessageListItems([newer], { hasOlder: true });
    const after = buildMessageListItems([older, newer], { hasOlder: true });
    expect(before.at(-1)?.key).toBe(newer.msgID);
    expect(after.at(-1)?.key).toBe(newer.msgID);
  });
});

describe('estimateItemSize', () => {
  it('reserves a picture’s exact box from its known size', () => {
    const [item] = buildMessageListItems(
      [
        message('bob', at(14, 9), {
          elemList: [
            {
              type: 'image',
              uuid: 'i',
              url: '',
              fileSize: 1,
              mimeType: 'image/png',
              fileName: 'a.png',
              width: 480,
              height: 960,
              thumbUrl: '',
            },
          ],
        }),
      ],
      { hasOlder: true },
    );
    // 240 × 480 fits 240 × 280 as 140 × 280; plus bubble chrome and the run start's header.
    expect(estimateItemSize(item as MessageListMessageItem)).toBe(280 + 36 + 24);
  });

  it('estimates long texts taller than short ones', () => {
    const [short, long] = buildMessageListItems(
      [
        message('bob', at(14, 9), { elemList: [{ type: 'text', text: 'Hi' }] }),
        message('bob', at(14, 9, 1), { elemList: [{ type: 'text', text: 'word '.repeat(60) }] }),
      ],
      { hasOlder: true },
    );
    expect(estimateItemSize(long as MessageListMessageItem)).toBeGreaterThan(
      estimateItemSize(short as MessageListMessageItem) + 100,
    );
  });
});
