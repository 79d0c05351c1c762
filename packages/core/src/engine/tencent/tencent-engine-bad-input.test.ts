import { describe, expect, it } from 'vitest';
import { ChatError, ChatErrorCode } from '../../model/chat-error';
import type { Message, MessageElem } from '../../model/types';
import type { ChatEngine } from '../chat-engine';
import { setupTencent } from './tencent-engine-test-kit';

/** SDK calls that only read; a rejected call may make these, and nothing else. */
const READS = new Set([
  'getConversationList',
  'getConversationGroupList',
  'getConversationProfile',
  'findMessage',
  'getMessageList',
  'getMessageListHopping',
]);

const ids = (count: number, prefix = 'c2c_u') => Array.from({ length: count }, (_, i) => `${prefix}${i}`);
const imageElem: MessageElem = {
  type: 'image',
  uuid: '',
  url: '',
  fileSize: 0,
  mimeType: '',
  fileName: '',
  width: 0,
  height: 0,
  thumbUrl: '',
};

type Case = [name: string, code: string, call: (engine: ChatEngine, draft: Message) => Promise<unknown>];
const { InvalidParameter: INVALID, TooManyIDs: TOO_MANY, MessageNotFound: NO_MESSAGE } = ChatErrorCode;

const cases: Case[] = [
  ['getConversationList: negative nextSeq', INVALID, (e) => e.getConversationList(-1, 10)],
  ['getConversationList: count 0', INVALID, (e) => e.getConversationList(0, 0)],
  ['getConversationList: count over 100', INVALID, (e) => e.getConversationList(0, 101)],
  ['getConversationList: fractional nextSeq', INVALID, (e) => e.getConversationList(1.5, 10)],
  [
    'getConversationListByFilter: unknown type',
    INVALID,
    (e) => e.getConversationListByFilter({ type: 'x' as never, nextSeq: 0, count: 5 }),
  ],
  [
    'getConversationListByFilter: mark 3',
    INVALID,
    (e) => e.getConversationListByFilter({ markType: 3 as never, nextSeq: 0, count: 5 }),
  ],
  [
    'getConversationListByFilter: not an object',
    INVALID,
    (e) => e.getConversationListByFilter(null as never),
  ],
  ['getConversation: not a conversation ID', INVALID, (e) => e.getConversation('bob')],
  ['getConversationListByIDs: not an array', INVALID, (e) => e.getConversationListByIDs('c2c_bob' as never)],
  ['deleteConversation: bad ID', INVALID, (e) => e.deleteConversation('C2Cbob')],
  [
    'deleteConversation: clearMessages not boolean',
    INVALID,
    (e) => e.deleteConversation('c2c_bob', { clearMessages: 1 as never }),
  ],
  ['pinConversation: isPinned not boolean', INVALID, (e) => e.pinConversation('c2c_bob', 'yes' as never)],
  ['setConversationDraft: draft a number', INVALID, (e) => e.setConversationDraft('c2c_bob', 5 as never)],
  ['markConversation: no IDs', INVALID, (e) => e.markConversation([], 1, true)],
  ['markConversation: 101 IDs', TOO_MANY, (e) => e.markConversation(ids(101), 1, true)],
  ['markConversation: mark 3', INVALID, (e) => e.markConversation(['c2c_bob'], 3 as never, true)],
  ['markConversation: bad ID in list', INVALID, (e) => e.markConversation(['c2c_bob', 'bob'], 1, true)],
  [
    'setConversationCustomData: data not a string',
    INVALID,
    (e) => e.setConversationCustomData(['c2c_bob'], {} as never),
  ],
  ['createConversationGroup: empty name', INVALID, (e) => e.createConversationGroup('', ['c2c_bob'])],
  [
    'createConversationGroup: existing name',
    ChatErrorCode.AlreadyExists,
    (e) => e.createConversationGroup('work', ['c2c_bob']),
  ],
  ['renameConversationGroup: unknown group', INVALID, (e) => e.renameConversationGroup('missing', 'x')],
  [
    'renameConversationGroup: to an existing name',
    ChatErrorCode.AlreadyExists,
    (e) => e.renameConversationGroup('work', 'home'),
  ],
  ['deleteConversationGroup: unknown group', INVALID, (e) => e.deleteConversationGroup('missing')],
  [
    'addConversationsToGroup: unknown group',
    INVALID,
    (e) => e.addConversationsToGroup('missing', ['c2c_bob']),
  ],
  [
    'getUnreadMessageCountByFilter: unknown type',
    INVALID,
    (e) => e.getUnreadMessageCountByFilter({ type: 'all' as never }),
  ],
  [
    'subscribeUnreadMessageCountByFilter: empty group name',
    INVALID,
    (e) => e.subscribeUnreadMessageCountByFilter({ conversationGroup: '' }),
  ],
  [
    'cleanConversationUnreadMessageCount: bad ID',
    INVALID,
    (e) => e.cleanConversationUnreadMessageCount('everything'),
  ],
  [
    'cleanConversationUnreadMessageCount: negative time',
    INVALID,
    (e) => e.cleanConversationUnreadMessageCount('c2c_bob', -1),
  ],
  ['markC2CMessageAsRead: empty userID', INVALID, (e) => e.markC2CMessageAsRead('')],
  ['markGroupMessageAsRead: not a string', INVALID, (e) => e.markGroupMessageAsRead(7 as never)],
  ['createTextMessage: empty', INVALID, (e) => e.createTextMessage('')],
  [
    'createTextAtMessage: atUserList not an array',
    INVALID,
    (e) => e.createTextAtMessage('hi', 'bob' as never),
  ],
  ['createCustomMessage: data not a string', INVALID, (e) => e.createCustomMessage(1 as never)],
  ['createImageMessage: not a Blob', INVALID, (e) => e.createImageMessage('photo.png' as never)],
  [
    'createImageMessage: negative width',
    INVALID,
    (e) => e.createImageMessage(new Blob(['x']), { width: -1, height: 2 }),
  ],
  ['createSoundMessage: bad duration', INVALID, (e) => e.createSoundMessage(new Blob(['x']), -3)],
  [
    'createVideoMessage: no snapshot',
    INVALID,
    (e) => e.createVideoMessage(new Blob(['x']), 'mp4', 3, null as never),
  ],
  ['createFileMessage: not a Blob', INVALID, (e) => e.createFileMessage({} as never)],
  ['createLocationMessage: longitude 200', INVALID, (e) => e.createLocationMessage('x', 200, 0)],
  ['createFaceMessage: negative index', INVALID, (e) => e.createFaceMessage(-1, 'x')],
  ['createMergerMessage: no messages', INVALID, (e) => e.createMergerMessage([], 't', [], 'c')],
  ['createForwardMessage: not a message', INVALID, (e) => e.createForwardMessage({} as never)],
  [
    'createForwardMessage: unknown message',
    NO_MESSAGE,
    (e, draft) => e.createForwardMessage({ ...draft, msgID: 'gone' }),
  ],
  [
    'appendElem: image after text',
    ChatErrorCode.ElemNotAppendable,
    (e, draft) => e.appendElem(draft, imageElem as never),
  ],
  ['appendElem: unknown element', INVALID, (e, draft) => e.appendElem(draft, { type: 'poll' } as never)],
  ['sendMessage: no receiver or group', INVALID, async (e, draft) => e.sendMessage(draft, {})],
  [
    'sendMessage: not a message',
    INVALID,
    async (e) => e.sendMessage({ text: 'hi' } as never, { receiver: 'bob' }),
  ],
  [
    'sendMessage: bad priority',
    INVALID,
    async (e, draft) => e.sendMessage(draft, { receiver: 'bob', priority: 'urgent' as never }),
  ],
  [
    'sendMessage: onProgress not a function',
    INVALID,
    async (e, draft) => e.sendMessage(draft, { receiver: 'bob', onProgress: 1 as never }),
  ],
  [
    'sendMessage: @ in a C2C message',
    INVALID,
    async (e, draft) => e.sendMessage({ ...draft, atUserList: ['bob'] }, { receiver: 'bob' }),
  ],
  [
    'sendMessage: a sent message',
    ChatErrorCode.InvalidState,
    async (e, draft) => e.sendMessage({ ...draft, status: 'sent', seq: 3 }, { receiver: 'bob' }),
  ],
  [
    'sendMessage: a group tip',
    INVALID,
    async (e, draft) =>
      e.sendMessage(
        {
          ...draft,
          elemList: [
            {
              type: 'groupTip',
              tipType: 'join',
              opUserID: 'a',
              userIDList: [],
              groupInfo: {},
              memberCount: 1,
            },
          ],
        },
        { groupID: 'team' },
      ),
  ],
  [
    'sendMessage: an image not made here',
    INVALID,
    async (e, draft) => e.sendMessage({ ...draft, elemList: [imageElem] }, { receiver: 'bob' }),
  ],
  ['resendMessage: empty msgID', INVALID, async (e) => e.resendMessage('')],
  ['resendMessage: unknown msgID', NO_MESSAGE, async (e) => e.resendMessage('missing')],
  ['sendMessageToUsers: no users', INVALID, (e, draft) => e.sendMessageToUsers(draft, [])],
  ['revokeMessage: empty msgID', INVALID, (e) => e.revokeMessage('')],
  ['revokeMessage: unknown message', NO_MESSAGE, (e) => e.revokeMessage('missing')],
  [
    'revokeMessage: a message still being created',
    ChatErrorCode.InvalidState,
    (e) => e.revokeMessage('pending'),
  ],
  ['deleteMessagesFromServer: 31 IDs', TOO_MANY, (e) => e.deleteMessagesFromServer(ids(31, 'm'))],
  ['deleteMessagesFromServer: unknown message', NO_MESSAGE, (e) => e.deleteMessagesFromServer(['missing'])],
  ['clearHistoryMessage: bad ID', INVALID, (e) => e.clearHistoryMessage('')],
  [
    'getHistoryMessageList: count 0',
    INVALID,
    (e) => e.getHistoryMessageList({ conversationID: 'c2c_bob', count: 0 }),
  ],
  [
    'getHistoryMessageList: count 101',
    INVALID,
    (e) => e.getHistoryMessageList({ conversationID: 'c2c_bob', count: 101 }),
  ],
  [
    'getHistoryMessageList: direction up',
    INVALID,
    (e) => e.getHistoryMessageList({ conversationID: 'c2c_bob', count: 5, direction: 'up' as never }),
  ],
  [
    'getHistoryMessageList: lastMsgSeq for C2C',
    INVALID,
    (e) => e.getHistoryMessageList({ conversationID: 'c2c_bob', count: 5, lastMsgSeq: 3 }),
  ],
  [
    'getHistoryMessageList: newer without a cursor',
    INVALID,
    (e) => e.getHistoryMessageList({ conversationID: 'c2c_bob', count: 5, direction: 'newer' }),
  ],
  ['findMessages: not an array', INVALID, (e) => e.findMessages('m1' as never)],
  ['findMessageByLocator: seq for C2C', INVALID, (e) => e.findMessageByLocator('c2c_bob', { seq: 3 })],
  [
    'findMessageByLocator: time without random',
    INVALID,
    (e) => e.findMessageByLocator('c2c_bob', { time: 1, isSelf: true } as never),
  ],
  ['searchLocalMessages: nothing to search for', INVALID, (e) => e.searchLocalMessages({})],
  [
    'searchLocalMessages: unknown element type',
    INVALID,
    (e) => e.searchLocalMessages({ messageTypeList: ['poll' as never] }),
  ],
  [
    'searchLocalMessages: page size 0',
    INVALID,
    (e) => e.searchLocalMessages({ keywordList: ['a'], pageSize: 0 }),
  ],
  ['insertMessageToLocalStorage: bad ID', INVALID, (e, draft) => e.insertMessageToLocalStorage('bob', draft)],
  ['downloadElem: a text element', INVALID, (e) => e.downloadElem({ type: 'text', text: 'x' })],
  ['downloadElem: a file not uploaded', INVALID, (e) => e.downloadElem({ ...imageElem })],
  [
    'downloadElem: snapshot of an image',
    INVALID,
    (e) => e.downloadElem({ ...imageElem, url: 'https://x.invalid/a' }, 'snapshot'),
  ],
  ['setC2CReceiveMessageOpt: 31 users', TOO_MANY, (e) => e.setC2CReceiveMessageOpt(ids(31, 'u'), 'receive')],
  [
    'setC2CReceiveMessageOpt: unknown option',
    INVALID,
    (e) => e.setC2CReceiveMessageOpt(['bob'], 'mute' as never),
  ],
  ['getC2CReceiveMessageOpt: 31 users', TOO_MANY, (e) => e.getC2CReceiveMessageOpt(ids(31, 'u'))],
  ['setGroupReceiveMessageOpt: empty group', INVALID, (e) => e.setGroupReceiveMessageOpt('', 'receive')],
  ['getUsersProfile: bad ID in list', INVALID, (e) => e.getUsersProfile(['bob', ''])],
  ['getGroupMemberList: no group', INVALID, (e) => e.getGroupMemberList(undefined as never)],
  ['createGroup: no name', INVALID, (e) => e.createGroup({ name: '', memberUserIDList: [] })],
];

describe('Tencent engine: bad input', () => {
  it.each(cases)('%s rejects with %s and changes nothing', async (_name, code, call) => {
    const { chat, engine } = setupTencent();
    chat.receive('C2Cbob', 'bob', 'hi');
    chat.groupNames.push('work', 'home');
    chat.seed('C2Cbob', 'alice', 'pending', { ID: 'pending', status: 'unSend' });
    const draft = await engine.createTextMessage('draft');
    const before = chat.calls.length;
    const conversations = structuredClone(chat.conversations);
    const error = await Promise.resolve()
      .then(() => call(engine, draft))
      .then(
        () => null,
        (reason: unknown) => reason,
      );
    expect(error).toBeInstanceOf(ChatError);
    expect(error).toMatchObject({ code });
    expect((error as Error).message).toMatch(/^\w+/);
    expect(chat.calls.slice(before).filter((entry) => !READS.has(entry.method))).toEqual([]);
    expect(chat.conversations).toEqual(conversations);
  });

  it('rejects a bad SDK instance or options when creating the engine', async () => {
    const { createTencentEngine } = await import('./tencent-engine');
    expect(() => createTencentEngine({} as never, { userID: 'alice' })).toThrow(ChatError);
    const { chat } = setupTencent();
    expect(() => createTencentEngine(chat, { userID: '' })).toThrow(/userID/);
    expect(() => createTencentEngine(chat, { userID: 'a', revokeWindowMs: -1 })).toThrow(ChatError);
  });
});
