import { afterEach, describe, expect, test } from 'vitest';
import { ChatErrorCode } from '../model/chat-error';
import type { ChatEngine } from './chat-engine';
import { createLocalHub, type LocalHub } from './local/local-hub';
import { setupTencent } from './tencent/tencent-engine-test-kit';

/**
 * Both engines and the store answer bad input the same way:
 * - a filter field the kit does not know (a typo such as `markTyp`) is `INVALID_PARAMETER`, as in the
 *   store, instead of silently matching everything;
 * - every call that looks up or acts on a list of IDs needs at least one ID (`INVALID_PARAMETER` for `[]`);
 *   only a list that gives something new its first contents may be empty (a conversation group, a group's
 *   first members).
 */

let hub: LocalHub | undefined;
afterEach(async () => {
  await hub?.close();
  hub = undefined;
});

async function localEngine(): Promise<ChatEngine> {
  hub = await createLocalHub({ rateLimits: false, users: ['alice', 'bob'] });
  return hub.connect('alice');
}

const engines = [
  ['local', localEngine],
  ['Tencent', async () => setupTencent().engine],
] as const;

const bad = <T>(value: unknown) => value as T;
type Call = [string, (engine: ChatEngine) => Promise<unknown>, string];

const unknownFields: Call[] = [
  [
    'getUnreadMessageCountByFilter({ markTyp: 1 })',
    (e) => e.getUnreadMessageCountByFilter(bad({ markTyp: 1 })),
    'filter.markTyp',
  ],
  [
    'subscribeUnreadMessageCountByFilter({ typ: "c2c" })',
    (e) => e.subscribeUnreadMessageCountByFilter(bad({ typ: 'c2c' })),
    'filter.typ',
  ],
  [
    'getConversationListByFilter({ hasUnread: true })',
    (e) => e.getConversationListByFilter(bad({ hasUnread: true, nextSeq: 0, count: 10 })),
    'filter.hasUnread',
  ],
];

const emptyLists: [string, (engine: ChatEngine) => Promise<unknown>][] = [
  ['getConversationListByIDs', (e) => e.getConversationListByIDs([])],
  ['findMessages', (e) => e.findMessages([])],
  ['getUsersProfile', (e) => e.getUsersProfile([])],
  ['getGroupsInfo', (e) => e.getGroupsInfo([])],
  ['deleteMessages', (e) => e.deleteMessages([])],
  ['deleteMessagesFromServer', (e) => e.deleteMessagesFromServer([])],
  ['markConversation', (e) => e.markConversation([], 1, true)],
  ['getC2CReceiveMessageOpt', (e) => e.getC2CReceiveMessageOpt([])],
  ['setC2CReceiveMessageOpt', (e) => e.setC2CReceiveMessageOpt([], 'receive')],
];

describe.each(engines)('%s engine agrees with the store', (_name, make) => {
  test.each(unknownFields)('%s is refused, naming the unknown field', async (_call, call, parameter) => {
    const engine = await make();
    await expect(call(engine)).rejects.toMatchObject({
      code: ChatErrorCode.InvalidParameter,
      // The Tencent engine names a list query `query`, the local engine `filter`: the field is what matters.
      details: { parameter: expect.stringMatching(new RegExp(`\\.${parameter.split('.')[1]}$`)) },
    });
  });

  test('known filter fields still work, including the list-only ones the store allows', async () => {
    const engine = await make();
    await expect(engine.getUnreadMessageCountByFilter({ type: 'c2c', markType: 1 })).resolves.toBe(0);
    await expect(
      engine.getConversationListByFilter({ hasUnreadCount: true, nextSeq: 0, count: 10 }),
    ).resolves.toMatchObject({ conversationList: [] });
  });

  test.each(emptyLists)('%s([]) is refused like every other ID-list call', async (_call, call) => {
    const engine = await make();
    await expect(call(engine)).rejects.toMatchObject({ code: ChatErrorCode.InvalidParameter });
  });

  test('a new conversation group may start empty', async () => {
    const engine = await make();
    await expect(engine.createConversationGroup('Later', [])).resolves.toEqual([]);
  });
});
