import { describe, expect, it } from 'vitest';
import { createTestConversation, createTestMessage } from '../testing';
import { createView, upsertConversations } from './conversation-view';
import { ownRecord } from './own-record';
import { RecordMap } from './record-map';

function sliceOf(count: number) {
  const list = Array.from({ length: count }, (_, i) =>
    createTestConversation({ conversationID: `c2c_user${i}`, orderKey: i + 1 }),
  );
  const conversations = RecordMap.from(list.map((c) => [c.conversationID, c] as const));
  const views = ownRecord({ '': createView({}, conversations) });
  return { list, slice: { conversations, views } };
}

describe('upsertConversations', () => {
  it('keeps every list as it was when a change does not move the conversation', () => {
    const { list, slice } = sliceOf(40);
    const held = list[7] as (typeof list)[number];
    const revoked = {
      ...(held.lastMessage as NonNullable<typeof held.lastMessage>),
      status: 'revoked' as const,
    };
    const next = upsertConversations(slice, [{ ...held, lastMessage: revoked }]);
    expect(next.conversations.get(held.conversationID)?.lastMessage?.status).toBe('revoked');
    // Subscribers to the lists see no change: the same views record, the same orders.
    expect(next.views).toBe(slice.views);
  });

  it('moves a conversation with a new message to the top of the list', () => {
    const { list, slice } = sliceOf(40);
    const held = list[7] as (typeof list)[number];
    const message = createTestMessage({ conversationID: held.conversationID, sender: 'user7' });
    const next = upsertConversations(slice, [{ ...held, orderKey: 1000, lastMessage: message }]);
    expect(next.views['']?.order.at(0)).toBe(held.conversationID);
    expect(next.views['']?.order.size).toBe(40);
    expect(slice.views['']?.order.at(0)).toBe('c2c_user39');
  });

  it('changes nothing when the same conversation is delivered again', () => {
    const { list, slice } = sliceOf(5);
    expect(upsertConversations(slice, [{ ...(list[2] as (typeof list)[number]) }])).toBe(slice);
  });
});
