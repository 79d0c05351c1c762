import { afterEach, describe, expect, test } from 'vitest';
import { ChatErrorCode } from '../../model/chat-error';
import type { Message } from '../../model/types';
import type { LocalEngine } from './local-engine';
import { createLocalHub, type LocalHub } from './local-hub';
import { createTestHub, expectCode, pullAll, rejection, sendText } from './local-test-helpers';

let hub: LocalHub;
afterEach(async () => {
  await hub?.close();
});

interface World {
  alice: LocalEngine;
  bob: LocalEngine;
  fromBob: Message;
  mine: Message;
  draft: Message;
}

async function setup(): Promise<World> {
  ({ hub } = await createTestHub());
  const alice = await hub.connect('alice');
  const bob = await hub.connect('bob');
  await hub.createGroup({
    groupID: 'team',
    name: 'Team',
    ownerID: 'carol',
    memberUserIDList: ['alice', 'bob'],
  });
  await hub.createGroup({ groupID: 'closed', name: 'Closed', ownerID: 'carol', memberUserIDList: ['dave'] });
  const fromBob = await sendText(bob, 'hello', { receiver: 'alice' });
  const mine = await sendText(alice, 'hi back', { receiver: 'bob' });
  await alice.setConversationDraft('c2c_carol', 'keep this draft');
  await alice.createConversationGroup('Work', ['c2c_bob']);
  await alice.createConversationGroup('Home', []);
  const draft = await alice.createTextMessage('not sent yet');
  return { alice, bob, fromBob, mine, draft };
}

/** Everything a user can observe; a rejected call must leave all of it as it was. */
async function observe(engine: LocalEngine) {
  const list = await pullAll(engine, 100);
  const history: Record<string, string[]> = {};
  for (const conversation of list) {
    const page = await engine.getHistoryMessageList({
      conversationID: conversation.conversationID,
      count: 100,
    });
    history[conversation.conversationID] = page.messageList.map(
      (message) => `${message.msgID}:${message.status}:${message.localCustomData}`,
    );
  }
  return {
    list,
    hidden: await pullAll(engine, 100, { markType: 8 }),
    groups: await engine.getConversationGroupList(),
    total: await engine.getTotalUnreadMessageCount(),
    recvOpts: await engine.getC2CReceiveMessageOpt(['bob', 'carol']),
    history,
  };
}

const blob = () => new Blob([new Uint8Array(8)], { type: 'image/png' });
const ids = (n: number, prefix = 'c2c_user') => Array.from({ length: n }, (_, i) => `${prefix}${i}`);

type Case = [string, (world: World) => Promise<unknown>, ChatErrorCode];
const I = ChatErrorCode.InvalidParameter;
const NF = ChatErrorCode.ConversationNotFound;
const MNF = ChatErrorCode.MessageNotFound;
const TOO_MANY = ChatErrorCode.TooManyIDs;
const bad = <T>(value: unknown) => value as T;

const cases: Case[] = [
  ['getConversationList with a negative nextSeq', (w) => w.alice.getConversationList(-1, 10), I],
  ['getConversationList with count 0', (w) => w.alice.getConversationList(0, 0), I],
  ['getConversationList with a fractional count', (w) => w.alice.getConversationList(0, 1.5), I],
  ['getConversationList with a string nextSeq', (w) => w.alice.getConversationList(bad('0'), 10), I],
  ['getConversationList with an unknown nextSeq', (w) => w.alice.getConversationList(987_654_321, 10), I],
  [
    'getConversationListByFilter without a filter',
    (w) => w.alice.getConversationListByFilter(bad(undefined)),
    I,
  ],
  [
    'getConversationListByFilter with count 101',
    (w) => w.alice.getConversationListByFilter({ nextSeq: 0, count: 101 }),
    I,
  ],
  [
    'getConversationListByFilter with an unknown type',
    (w) => w.alice.getConversationListByFilter({ type: bad('room'), nextSeq: 0, count: 10 }),
    I,
  ],
  [
    'getConversationListByFilter with mark 3',
    (w) => w.alice.getConversationListByFilter({ markType: bad(3), nextSeq: 0, count: 10 }),
    I,
  ],
  ['getConversation with a malformed ID', (w) => w.alice.getConversation('bob'), I],
  ['getConversation with a number', (w) => w.alice.getConversation(bad(42)), I],
  ['getConversation of an unknown user', (w) => w.alice.getConversation('c2c_nobody'), NF],
  ['getConversationListByIDs with a string', (w) => w.alice.getConversationListByIDs(bad('c2c_bob')), I],
  ['getConversationListByIDs with 101 IDs', (w) => w.alice.getConversationListByIDs(ids(101)), TOO_MANY],
  ['getConversationListByIDs with a malformed ID', (w) => w.alice.getConversationListByIDs(['nope']), I],
  ['deleteConversation with a malformed ID', (w) => w.alice.deleteConversation('x'), I],
  ['deleteConversation of an unknown conversation', (w) => w.alice.deleteConversation('c2c_nobody'), NF],
  [
    'deleteConversation with a non-boolean clearMessages',
    (w) => w.alice.deleteConversation('c2c_bob', { clearMessages: bad('yes') }),
    I,
  ],
  ['pinConversation with a non-boolean', (w) => w.alice.pinConversation('c2c_bob', bad('yes')), I],
  ['pinConversation of an unknown user', (w) => w.alice.pinConversation('c2c_nobody', true), NF],
  ['setConversationDraft with a number', (w) => w.alice.setConversationDraft('c2c_bob', bad(5)), I],
  ['setConversationDraft for an unknown user', (w) => w.alice.setConversationDraft('c2c_nobody', 'x'), NF],
  ['markConversation with mark 3', (w) => w.alice.markConversation(['c2c_bob'], bad(3), true), I],
  ['markConversation with no IDs', (w) => w.alice.markConversation([], 1, true), I],
  ['markConversation with 101 IDs', (w) => w.alice.markConversation(ids(101), 1, true), TOO_MANY],
  ['markConversation with a non-boolean', (w) => w.alice.markConversation(['c2c_bob'], 1, bad('on')), I],
  [
    'setConversationCustomData with a number',
    (w) => w.alice.setConversationCustomData(['c2c_bob'], bad(5)),
    I,
  ],
  ['createConversationGroup with an empty name', (w) => w.alice.createConversationGroup('', ['c2c_bob']), I],
  [
    'createConversationGroup with a string list',
    (w) => w.alice.createConversationGroup('New', bad('c2c_bob')),
    I,
  ],
  [
    'createConversationGroup with a taken name',
    (w) => w.alice.createConversationGroup('Work', []),
    ChatErrorCode.AlreadyExists,
  ],
  ['renameConversationGroup of an unknown group', (w) => w.alice.renameConversationGroup('Nope', 'X'), I],
  [
    'renameConversationGroup to a taken name',
    (w) => w.alice.renameConversationGroup('Work', 'Home'),
    ChatErrorCode.AlreadyExists,
  ],
  ['deleteConversationGroup of an unknown group', (w) => w.alice.deleteConversationGroup('Nope'), I],
  [
    'addConversationsToGroup of an unknown group',
    (w) => w.alice.addConversationsToGroup('Nope', ['c2c_bob']),
    I,
  ],
  ['addConversationsToGroup with no IDs', (w) => w.alice.addConversationsToGroup('Work', []), I],
  [
    'deleteConversationsFromGroup with a malformed ID',
    (w) => w.alice.deleteConversationsFromGroup('Work', ['bad']),
    I,
  ],
  [
    'getUnreadMessageCountByFilter with an unknown type',
    (w) => w.alice.getUnreadMessageCountByFilter({ type: bad('x') }),
    I,
  ],
  [
    'getUnreadMessageCountByFilter without a filter',
    (w) => w.alice.getUnreadMessageCountByFilter(bad(undefined)),
    I,
  ],
  [
    'subscribeUnreadMessageCountByFilter with mark 5',
    (w) => w.alice.subscribeUnreadMessageCountByFilter({ markType: bad(5) }),
    I,
  ],
  [
    'unsubscribeUnreadMessageCountByFilter with a number',
    (w) => w.alice.unsubscribeUnreadMessageCountByFilter(bad(7)),
    I,
  ],
  [
    'cleanConversationUnreadMessageCount with a malformed ID',
    (w) => w.alice.cleanConversationUnreadMessageCount('bob'),
    I,
  ],
  [
    'cleanConversationUnreadMessageCount with a negative time',
    (w) => w.alice.cleanConversationUnreadMessageCount('c2c_bob', -1),
    I,
  ],
  [
    'cleanConversationUnreadMessageCount of an unknown user',
    (w) => w.alice.cleanConversationUnreadMessageCount('c2c_nobody'),
    NF,
  ],
  ['markC2CMessageAsRead with an empty ID', (w) => w.alice.markC2CMessageAsRead(''), I],
  ['markGroupMessageAsRead of an unknown group', (w) => w.alice.markGroupMessageAsRead('nope'), NF],
  ['createTextMessage with a number', (w) => w.alice.createTextMessage(bad(5)), I],
  ['createTextMessage with an empty text', (w) => w.alice.createTextMessage(''), I],
  ['createTextAtMessage with a string list', (w) => w.alice.createTextAtMessage('hi', bad('bob')), I],
  ['createCustomMessage with a number', (w) => w.alice.createCustomMessage(bad(5)), I],
  ['createImageMessage with a string', (w) => w.alice.createImageMessage(bad('photo.png')), I],
  [
    'createImageMessage with a negative width',
    (w) => w.alice.createImageMessage(blob(), { width: -1, height: 1 }),
    I,
  ],
  ['createSoundMessage with a negative duration', (w) => w.alice.createSoundMessage(blob(), -1), I],
  [
    'createVideoMessage without a snapshot blob',
    (w) => w.alice.createVideoMessage(blob(), 'mp4', 1, bad('poster')),
    I,
  ],
  ['createFileMessage with null', (w) => w.alice.createFileMessage(bad(null)), I],
  ['createLocationMessage with longitude 200', (w) => w.alice.createLocationMessage('x', 200, 0), I],
  ['createFaceMessage with index -1', (w) => w.alice.createFaceMessage(-1, 'x'), I],
  ['createMergerMessage with no messages', (w) => w.alice.createMergerMessage([], 't', [], 'c'), I],
  ['createForwardMessage with an empty object', (w) => w.alice.createForwardMessage(bad({})), I],
  [
    'appendElem with an image',
    (w) =>
      w.alice.appendElem(
        w.draft,
        bad({
          type: 'image',
          uuid: 'u',
          url: '',
          fileSize: 1,
          mimeType: '',
          fileName: 'a',
          width: 1,
          height: 1,
          thumbUrl: '',
        }),
      ),
    ChatErrorCode.ElemNotAppendable,
  ],
  ['appendElem with a malformed text element', (w) => w.alice.appendElem(w.draft, bad({ type: 'text' })), I],
  [
    'appendElem to a sent message',
    (w) => w.alice.appendElem(w.mine, { type: 'text', text: 'late' }),
    ChatErrorCode.InvalidState,
  ],
  ['sendMessage without receiver or groupID', (w) => w.alice.sendMessage(w.draft, {}), I],
  ['sendMessage with a numeric receiver', (w) => w.alice.sendMessage(w.draft, { receiver: bad(5) }), I],
  [
    'sendMessage with an unknown priority',
    (w) => w.alice.sendMessage(w.draft, { receiver: 'bob', priority: bad('urgent') }),
    I,
  ],
  [
    'sendMessage with an empty object as message',
    (w) => w.alice.sendMessage(bad({}), { receiver: 'bob' }),
    I,
  ],
  ['sendMessage to an unknown user', (w) => w.alice.sendMessage(w.draft, { receiver: 'nobody' }), NF],
  [
    'sendMessage to a group one is not in',
    (w) => w.alice.sendMessage(w.draft, { groupID: 'closed' }),
    ChatErrorCode.PermissionDenied,
  ],
  [
    'sendMessage of a sent message',
    (w) => w.alice.sendMessage(w.mine, { receiver: 'bob' }),
    ChatErrorCode.InvalidState,
  ],
  [
    'sendMessage over 12 KB',
    (w) =>
      w.alice.createTextMessage('x'.repeat(12_289)).then((m) => w.alice.sendMessage(m, { receiver: 'bob' })),
    ChatErrorCode.MessageTooLarge,
  ],
  [
    'sendMessage of a group tip',
    (w) =>
      w.alice.sendMessage(
        {
          ...w.draft,
          elemList: [
            {
              type: 'groupTip',
              tipType: 'quit',
              opUserID: 'alice',
              userIDList: [],
              groupInfo: {},
              memberCount: 1,
            },
          ],
        },
        { groupID: 'team' },
      ),
    I,
  ],
  ['cancelSendingMessage of an unknown message', (w) => w.alice.cancelSendingMessage('nope'), MNF],
  ['cancelSendingMessage with a number', (w) => w.alice.cancelSendingMessage(bad(5)), I],
  ['resendMessage of an unknown message', (w) => w.alice.resendMessage('nope'), MNF],
  ['resendMessage of a sent message', (w) => w.alice.resendMessage(w.mine.msgID), ChatErrorCode.InvalidState],
  ['sendMessageToUsers with no users', (w) => w.alice.sendMessageToUsers(w.draft, []), I],
  [
    'sendMessageToUsers with 501 users',
    (w) => w.alice.sendMessageToUsers(w.draft, ids(501, 'user')),
    TOO_MANY,
  ],
  ['revokeMessage of an unknown message', (w) => w.alice.revokeMessage('nope'), MNF],
  ['revokeMessage with a number', (w) => w.alice.revokeMessage(bad(5)), I],
  [
    "revokeMessage of the peer's message",
    (w) => w.alice.revokeMessage(w.fromBob.msgID),
    ChatErrorCode.PermissionDenied,
  ],
  ['deleteMessages with no IDs', (w) => w.alice.deleteMessages([]), I],
  ['deleteMessages with an unknown ID', (w) => w.alice.deleteMessages([w.mine.msgID, 'nope']), MNF],
  ['deleteMessages with 101 IDs', (w) => w.alice.deleteMessages(ids(101, 'm')), TOO_MANY],
  ['deleteMessagesFromServer with 31 IDs', (w) => w.alice.deleteMessagesFromServer(ids(31, 'm')), TOO_MANY],
  [
    'deleteMessagesFromServer with an unknown ID',
    (w) => w.alice.deleteMessagesFromServer([w.mine.msgID, 'nope']),
    MNF,
  ],
  ['clearHistoryMessage with a malformed ID', (w) => w.alice.clearHistoryMessage('x'), I],
  ['clearHistoryMessage of an unknown conversation', (w) => w.alice.clearHistoryMessage('c2c_nobody'), NF],
  ['setLocalCustomData of an unknown message', (w) => w.alice.setLocalCustomData('nope', 'x'), MNF],
  ['setLocalCustomData with a number', (w) => w.alice.setLocalCustomData(w.mine.msgID, bad(5)), I],
  [
    'getHistoryMessageList with count 0',
    (w) => w.alice.getHistoryMessageList({ conversationID: 'c2c_bob', count: 0 }),
    I,
  ],
  [
    'getHistoryMessageList with count 101',
    (w) => w.alice.getHistoryMessageList({ conversationID: 'c2c_bob', count: 101 }),
    I,
  ],
  [
    'getHistoryMessageList with direction up',
    (w) => w.alice.getHistoryMessageList({ conversationID: 'c2c_bob', count: 5, direction: bad('up') }),
    I,
  ],
  [
    'getHistoryMessageList with a numeric lastMsg',
    (w) => w.alice.getHistoryMessageList({ conversationID: 'c2c_bob', count: 5, lastMsg: bad(5) }),
    I,
  ],
  [
    'getHistoryMessageList with a malformed ID',
    (w) => w.alice.getHistoryMessageList({ conversationID: 'x', count: 5 }),
    I,
  ],
  [
    'getHistoryMessageList of an unknown user',
    (w) => w.alice.getHistoryMessageList({ conversationID: 'c2c_nobody', count: 5 }),
    NF,
  ],
  ['findMessages with a string', (w) => w.alice.findMessages(bad('x')), I],
  ['findMessages with 101 IDs', (w) => w.alice.findMessages(ids(101, 'm')), TOO_MANY],
  ['findMessageByLocator with an empty locator', (w) => w.alice.findMessageByLocator('c2c_bob', bad({})), I],
  ['findMessageByLocator with a malformed ID', (w) => w.alice.findMessageByLocator('x', { seq: 1 }), I],
  ['searchLocalMessages with page size 0', (w) => w.alice.searchLocalMessages({ pageSize: 0 }), I],
  [
    'searchLocalMessages with match type xor',
    (w) => w.alice.searchLocalMessages({ keywordListMatchType: bad('xor') }),
    I,
  ],
  [
    'searchLocalMessages with an unknown type',
    (w) => w.alice.searchLocalMessages({ messageTypeList: bad(['gif']) }),
    I,
  ],
  ['importMessages with no messages', (w) => w.alice.importMessages('c2c_bob', []), I],
  ['importMessages into a malformed ID', (w) => w.alice.importMessages('x', [w.draft]), I],
  [
    'importMessages with a malformed message',
    (w) => w.alice.importMessages('c2c_bob', [w.draft, bad({})]),
    I,
  ],
  [
    'insertMessageToLocalStorage with a malformed message',
    (w) => w.alice.insertMessageToLocalStorage('c2c_bob', bad({})),
    I,
  ],
  [
    'insertMessageToLocalStorage of a stored message',
    (w) => w.alice.insertMessageToLocalStorage('c2c_bob', w.mine),
    ChatErrorCode.InvalidState,
  ],
  ['downloadElem of a text element', (w) => w.alice.downloadElem({ type: 'text', text: 'x' }), I],
  [
    'downloadElem of a file snapshot',
    (w) =>
      w.alice.downloadElem(
        { type: 'file', uuid: 'u', url: '', fileSize: 1, mimeType: '', fileName: 'a' },
        'snapshot',
      ),
    I,
  ],
  [
    'setC2CReceiveMessageOpt with 31 users',
    (w) => w.alice.setC2CReceiveMessageOpt(ids(31, 'user'), 'receive'),
    TOO_MANY,
  ],
  [
    'setC2CReceiveMessageOpt with an unknown option',
    (w) => w.alice.setC2CReceiveMessageOpt(['bob'], bad('mute')),
    I,
  ],
  [
    'setC2CReceiveMessageOpt for an unknown user',
    (w) => w.alice.setC2CReceiveMessageOpt(['bob', 'nobody'], 'notReceive'),
    NF,
  ],
  ['getC2CReceiveMessageOpt with no users', (w) => w.alice.getC2CReceiveMessageOpt([]), I],
  [
    'setGroupReceiveMessageOpt of an unknown group',
    (w) => w.alice.setGroupReceiveMessageOpt('nope', 'receive'),
    NF,
  ],
  [
    'setGroupReceiveMessageOpt with an unknown option',
    (w) => w.alice.setGroupReceiveMessageOpt('team', bad('x')),
    I,
  ],
  ['getUsersProfile with no users', (w) => w.alice.getUsersProfile([]), I],
  ['getGroupsInfo with 101 groups', (w) => w.alice.getGroupsInfo(ids(101, 'g')), TOO_MANY],
  ['getGroupMemberList of an unknown group', (w) => w.alice.getGroupMemberList('nope'), NF],
  [
    'getGroupMemberList of a group one is not in',
    (w) => w.alice.getGroupMemberList('closed'),
    ChatErrorCode.PermissionDenied,
  ],
  ['createGroup without a name', (w) => w.alice.createGroup(bad({ memberUserIDList: [] })), I],
  [
    'createGroup with an unknown member',
    (w) => w.alice.createGroup({ name: 'X', memberUserIDList: ['nobody'] }),
    NF,
  ],
];

describe('bad input is rejected with a typed ChatError and changes nothing', () => {
  test.each(cases)('%s', async (_title, call, code) => {
    const world = await setup();
    const before = await observe(world.alice);
    const peerBefore = await observe(world.bob);
    const error = await rejection(call(world));
    expect(error.code).toBe(code);
    expect(error.message.length).toBeGreaterThan(10);
    expect(await observe(world.alice)).toEqual(before);
    expect(await observe(world.bob)).toEqual(peerBefore);
  });

  test('the draft survives every rejected call', async () => {
    const world = await setup();
    for (const [, call] of cases) await call(world).catch(() => undefined);
    expect((await world.alice.getConversation('c2c_carol')).draftText).toBe('keep this draft');
  });

  test('setNetworkConditions with a failure rate above 1 throws INVALID_PARAMETER', async () => {
    const { alice } = await setup();
    expect(() => alice.setNetworkConditions({ failureRate: 2 })).toThrow(
      expect.objectContaining({ code: I }),
    );
    expect(() => hub.setNetworkConditions({ latencyMs: -5 })).toThrow(expect.objectContaining({ code: I }));
    expect(alice.connectionState).toBe('connected');
  });

  test('the hub checks its own arguments', async () => {
    await setup();
    await expectCode(hub.connect(''), I);
    await expectCode(hub.addUsers([bad({ nick: 'no id' })]), I);
    await expectCode(hub.createGroup(bad({ name: 'x' })), I);
    await expectCode(createLocalHub({ revokeWindowMs: -1 }), I);
  });
});
