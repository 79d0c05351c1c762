import { describe, expect, it } from 'vitest';
import { ChatErrorCode } from '../../model/chat-error';
import { findMessageProblem, MAX_MERGER_DEPTH } from '../../model/message-schema';
import type { MergerElem, Message, MessageElem } from '../../model/types';
import type { TencentMessage } from './tencent-chat-like';
import { setupTencent } from './tencent-engine-test-kit';
import { toLastMessage, toMessage } from './tencent-mappers';

/**
 * Whatever a peer (or a compromised SDK payload) puts in a Tencent message, the adapter hands the store a
 * message of the kit's types; a sender trying the same gets a typed error and the SDK is not asked.
 */

const ctx = { userID: 'alice' };

/** A merged message payload nested `levels` deep. */
function nested(levels: number): unknown {
  let body: unknown[] = [{ type: 'TIMTextElem', payload: { text: 'bottom' } }];
  for (let level = 0; level < levels; level++) {
    body = [
      {
        type: 'TIMRelayElem',
        payload: {
          title: `level ${level}`,
          abstractList: [],
          compatibleText: '',
          messageList: [{ ID: `m${level}`, from: 'bob', time: 1_700_000_000, messageBody: body }],
        },
      },
    ];
  }
  return body[0];
}

function depthOf(elem: MessageElem | undefined): number {
  let depth = 0;
  let current = elem;
  while (current?.type === 'merger' && current.messageList.length > 0) {
    depth++;
    current = current.messageList[0]?.elemList[0];
  }
  return depth;
}

function hostile(overrides: Partial<TencentMessage>): TencentMessage {
  return {
    ID: 'evil-1',
    conversationID: 'C2Cbob',
    from: 'bob',
    flow: 'in',
    time: 1_700_000_000,
    status: 'success',
    ...overrides,
  } as TencentMessage;
}

describe('Tencent payloads from a hostile peer become well-formed messages', () => {
  it('a merged message with object abstract lines and quoted messages with impossible times', () => {
    const message = toMessage(
      hostile({
        _elements: [
          {
            type: 'TIMRelayElem',
            content: {
              title: { evil: 1 },
              abstractList: [{ evil: 1 }, 'bob: hi'],
              compatibleText: 'upgrade',
              messageList: [
                {
                  ID: 'a',
                  from: 'bob',
                  time: 1e20,
                  messageBody: [{ type: 'TIMTextElem', payload: { text: 'x' } }],
                },
                { ID: 'b', from: 'bob', time: 'soon', messageBody: 'nope' },
                null,
              ],
            },
          },
        ],
      } as never),
      ctx,
    );
    expect(findMessageProblem(message)).toBeNull();
    const merger = message.elemList[0] as MergerElem;
    expect(merger).toMatchObject({ title: '', abstractList: ['bob: hi'] });
    for (const quoted of merger.messageList) {
      expect(Number.isFinite(new Date(quoted.timestamp).getTime())).toBe(true);
      expect(quoted.elemList.length).toBeGreaterThan(0);
    }
  });

  it('merged messages nested far deeper than the limit are cut at the limit', () => {
    const message = toMessage(hostile({ _elements: [nested(5_000)] } as never), ctx);
    expect(findMessageProblem(message)).toBeNull();
    expect(depthOf(message.elemList[0])).toBeLessThan(MAX_MERGER_DEPTH);
  });

  it('a message of element types the kit does not know still shows as a placeholder', () => {
    const message = toMessage(
      hostile({ _elements: [{ type: 'TIMHologramElem', content: { beam: 1 } }], time: -5e20 } as never),
      ctx,
    );
    expect(findMessageProblem(message)).toBeNull();
    expect(message.elemList).toEqual([expect.objectContaining({ type: 'custom', data: '' })]);
    expect(message.timestamp).toBe(0);
  });

  it('a conversation summary with a time a Date cannot show', () => {
    const last = toLastMessage(
      {
        conversationID: 'C2Cbob',
        type: 'C2C',
        unreadCount: 1,
        lastMessage: { lastTime: 1e20, lastSequence: 3, type: 'TIMTextElem', payload: { text: 5 } },
      } as never,
      ctx,
    ) as Message;
    expect(findMessageProblem(last)).toBeNull();
  });
});

describe('a Tencent sender of a malformed merged message', () => {
  it.each([
    ['abstract line that is an object', 'message.elemList[0].abstractList[0]'],
    ['quoted message with a NaN time', 'message.elemList[0].messageList[0].timestamp'],
  ])('gets INVALID_PARAMETER naming the %s, and the SDK sends nothing', async (kind, parameter) => {
    const { chat, engine } = setupTencent();
    const inner = await engine.createTextMessage('quoted');
    const merger = await engine.createMergerMessage([inner], 'Chat history', ['alice: quoted'], 'upgrade');
    const elem = merger.elemList[0] as MergerElem;
    if (kind.startsWith('abstract')) elem.abstractList = [{ evil: 1 } as never];
    else (elem.messageList[0] as Message).timestamp = Number.NaN;
    chat.calls.length = 0;
    await expect(engine.sendMessage(merger, { receiver: 'bob' })).rejects.toMatchObject({
      code: ChatErrorCode.InvalidParameter,
      details: { parameter },
    });
    expect(chat.calls.map((call) => call.method)).not.toContain('sendMessage');
  });
});
