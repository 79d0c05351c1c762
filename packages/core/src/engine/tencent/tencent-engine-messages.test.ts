import { describe, expect, it } from 'vitest';
import { ChatError, ChatErrorCode } from '../../model/chat-error';
import type { Message } from '../../model/types';
import { setupTencent } from './tencent-engine-test-kit';

function lastCall(chat: ReturnType<typeof setupTencent>['chat'], method: string) {
  return chat.calls.filter((call) => call.method === method).at(-1);
}

/** The first argument of the last SDK call of `method`. */
function lastArg(chat: ReturnType<typeof setupTencent>['chat'], method: string): unknown {
  const call = lastCall(chat, method);
  if (!call) throw new Error(`no ${method} call`);
  return call.args[0];
}

describe('Tencent engine: sending', () => {
  it('returns the message at once (sending, its msgID), then resolves with it sent', async () => {
    const { chat, engine } = setupTencent();
    const draft = await engine.createTextMessage('hello bob');
    expect(draft).toMatchObject({ status: 'sending', seq: 0, conversationID: '', isSelf: true });
    const handle = engine.sendMessage(draft, { receiver: 'bob' });
    expect(handle.message).toMatchObject({
      msgID: draft.msgID,
      status: 'sending',
      conversationID: 'c2c_bob',
      elemList: [{ type: 'text', text: 'hello bob' }],
    });
    expect(handle.promise).toBe(handle);
    const sent = await handle;
    expect(sent).toMatchObject({
      msgID: draft.msgID,
      status: 'sent',
      conversationID: 'c2c_bob',
      isSelf: true,
    });
    expect(sent.seq).toBeGreaterThan(0);
    expect(lastArg(chat, 'create:TIMTextElem')).toMatchObject({
      to: 'bob',
      conversationType: 'C2C',
      payload: { text: 'hello bob' },
      priority: 'Normal',
    });
  });

  it('destructures: { message, promise } work like awaiting the handle', async () => {
    const { engine } = setupTencent();
    const { message, promise } = engine.sendMessage(await engine.createTextMessage('x'), { receiver: 'bob' });
    expect(message.status).toBe('sending');
    await expect(promise).resolves.toMatchObject({ msgID: message.msgID, status: 'sent' });
  });

  it('passes send options to the SDK: online-only, push info, unread and last-message exclusions', async () => {
    const { chat, engine } = setupTencent();
    const draft = await engine.createCustomMessage('{"typing":1}');
    await engine.sendMessage(draft, {
      receiver: 'bob',
      onlineUserOnly: true,
      isExcludedFromUnreadCount: true,
      isExcludedFromLastMessage: true,
      offlinePushInfo: { title: 'New', desc: 'You have a message', ext: '{}' },
    });
    expect(lastCall(chat, 'sendMessage')?.args[1]).toEqual({
      onlineUserOnly: true,
      offlinePushInfo: { title: 'New', description: 'You have a message', extension: '{}' },
      messageControlInfo: { excludedFromUnreadCount: true, excludedFromLastMessage: true },
    });
  });

  it('sends a targeted group message with receiver + groupID, and @ mentions in groups', async () => {
    const { chat, engine } = setupTencent();
    await engine.sendMessage(await engine.createTextMessage('psst'), {
      groupID: 'team',
      receiver: 'carol',
      priority: 'high',
    });
    expect(lastArg(chat, 'create:TIMTextElem')).toMatchObject({
      to: 'team',
      conversationType: 'GROUP',
      receiverList: ['carol'],
      priority: 'High',
    });
    const at = await engine.createTextAtMessage('hey @all', ['@all', 'carol']);
    const sent = await engine.sendMessage(at, { groupID: 'team' });
    expect((lastArg(chat, 'create:TIMTextElem') as { payload: unknown }).payload).toEqual({
      text: 'hey @all',
      atUserList: ['__kImSDK_MesssageAtALL__', 'carol'],
    });
    expect(sent.atUserList).toEqual(['@all', 'carol']);
  });

  it('reports upload progress 0–100 to onProgress and onSendProgress, and uploads a named File', async () => {
    const { chat, engine, take } = setupTencent();
    const draft = await engine.createImageMessage(new Blob(['png'], { type: 'image/png' }), {
      width: 40,
      height: 30,
    });
    expect(draft.elemList[0]).toMatchObject({
      type: 'image',
      width: 40,
      height: 30,
      mimeType: 'image/png',
      fileSize: 3,
    });
    const progress: number[] = [];
    await engine.sendMessage(draft, { receiver: 'bob', onProgress: (value) => progress.push(value) });
    expect(progress).toEqual([0, 50, 100]);
    expect(take('onSendProgress').map((event) => event.args)).toEqual([
      [draft.msgID, 0],
      [draft.msgID, 50],
      [draft.msgID, 100],
    ]);
    const file = (lastArg(chat, 'create:TIMImageElem') as { payload: { file: File } }).payload.file;
    expect(file).toBeInstanceOf(File);
    expect(file.name).toBe('image');
  });

  it('hands a video its length on the file, and a file message its name', async () => {
    const { chat, engine } = setupTencent();
    const video = await engine.createVideoMessage(new Blob(['v']), 'mp4', 12, new Blob(['s']));
    await engine.sendMessage(video, { receiver: 'bob' });
    const videoFile = (lastArg(chat, 'create:TIMVideoFileElem') as { payload: { file: File } }).payload.file;
    expect((videoFile as File & { duration?: number }).duration).toBe(12);
    const file = await engine.createFileMessage(new Blob(['%PDF']), 'report.pdf');
    expect(file.elemList[0]).toMatchObject({ type: 'file', fileName: 'report.pdf' });
    await engine.sendMessage(file, { receiver: 'bob' });
    expect((lastArg(chat, 'create:TIMFileElem') as { payload: { file: File } }).payload.file.name).toBe(
      'report.pdf',
    );
  });

  it('rejects a failed send with the closest code, keeps the SDK error, and resends with the same msgID', async () => {
    const { chat, engine } = setupTencent();
    const draft = await engine.createTextMessage('blocked?');
    chat.failNext = { code: 20007, message: 'in the blocklist' };
    const error = await engine.sendMessage(draft, { receiver: 'bob' }).catch((reason: unknown) => reason);
    expect(error).toBeInstanceOf(ChatError);
    expect(error).toMatchObject({
      code: ChatErrorCode.PermissionDenied,
      details: { method: 'sendMessage', sdkCode: 20007, sdkMessage: 'in the blocklist' },
    });
    expect((error as ChatError).cause).toMatchObject({ code: 20007 });
    expect(await engine.findMessages([draft.msgID])).toMatchObject([
      { msgID: draft.msgID, status: 'failed' },
    ]);
    const handle = engine.resendMessage(draft.msgID);
    expect(handle.message).toMatchObject({ msgID: draft.msgID, status: 'sending' });
    await expect(handle).resolves.toMatchObject({ msgID: draft.msgID, status: 'sent' });
  });

  it('sends a failed message again through sendMessage too', async () => {
    const { chat, engine } = setupTencent();
    const draft = await engine.createTextMessage('retry me');
    chat.failNext = { code: 2800, message: 'network' };
    await expect(engine.sendMessage(draft, { receiver: 'bob' })).rejects.toMatchObject({
      code: ChatErrorCode.NetworkError,
    });
    await expect(engine.sendMessage(draft, { receiver: 'bob' })).resolves.toMatchObject({ status: 'sent' });
    expect(lastCall(chat, 'resendMessage')).toBeDefined();
  });

  it('rejects sending a message twice and resending one that did not fail (INVALID_STATE)', async () => {
    const { engine } = setupTencent();
    const draft = await engine.createTextMessage('once');
    await engine.sendMessage(draft, { receiver: 'bob' });
    await expect(engine.sendMessage(draft, { receiver: 'bob' })).rejects.toMatchObject({
      code: ChatErrorCode.InvalidState,
    });
    await expect(engine.resendMessage(draft.msgID)).rejects.toMatchObject({
      code: ChatErrorCode.InvalidState,
    });
    await expect(engine.resendMessage('nope')).rejects.toMatchObject({ code: ChatErrorCode.MessageNotFound });
  });

  it('rejects a text over the limit with MESSAGE_TOO_LARGE before creating anything', async () => {
    const { chat, engine } = setupTencent({ maxTextBytes: 10 });
    const draft = await engine.createTextMessage('这是十一个字节以上');
    const before = chat.calls.length;
    await expect(engine.sendMessage(draft, { receiver: 'bob' })).rejects.toMatchObject({
      code: ChatErrorCode.MessageTooLarge,
      details: { bytes: 27, limit: 10 },
    });
    expect(chat.calls.slice(before).filter((call) => call.method.startsWith('create:'))).toEqual([]);
  });

  it('forwards a message and merges messages from the SDK objects', async () => {
    const { chat, engine } = setupTencent();
    const incoming = chat.receive('C2Cbob', 'bob', 'forward me');
    const [received] = await engine.findMessages([incoming.ID]);
    const forward = await engine.createForwardMessage(received as Message);
    await engine.sendMessage(forward, { receiver: 'carol' });
    expect((lastArg(chat, 'create:TIMTextElem') as { payload: unknown }).payload).toEqual({
      text: 'forward me',
    });
    const merger = await engine.createMergerMessage(
      [received as Message],
      'Chat with Bob',
      ['bob: forward me'],
      'upgrade',
    );
    await engine.sendMessage(merger, { receiver: 'carol' });
    const payload = (lastArg(chat, 'create:TIMRelayElem') as { payload: { messageList: unknown[] } }).payload;
    expect(payload).toMatchObject({
      title: 'Chat with Bob',
      abstractList: ['bob: forward me'],
      compatibleText: 'upgrade',
    });
    expect(payload.messageList).toEqual([incoming]);
  });

  it('sends one message to several users, with a result per user', async () => {
    const { chat, engine } = setupTencent();
    const draft = await engine.createTextMessage('to everyone');
    chat.failNext = { code: 20009, message: 'not friends' };
    const results = await engine.sendMessageToUsers(draft, ['bob', 'carol']);
    expect(
      results.map((result) => [
        result.userID,
        result.message?.conversationID ?? null,
        result.error?.code ?? null,
      ]),
    ).toEqual([
      ['bob', null, ChatErrorCode.PermissionDenied],
      ['carol', 'c2c_carol', null],
    ]);
  });
});

describe('Tencent engine: revoking', () => {
  it('revokes an own recent message and tells own listeners it changed', async () => {
    const { chat, engine, take } = setupTencent();
    const sent = await engine.sendMessage(await engine.createTextMessage('oops'), { receiver: 'bob' });
    take();
    await engine.revokeMessage(sent.msgID);
    expect(lastCall(chat, 'revokeMessage')).toBeDefined();
    expect(take('onRecvMessageModified').map((event) => event.args[0])).toMatchObject([
      { msgID: sent.msgID, status: 'revoked', revoker: 'alice' },
    ]);
    expect(await engine.findMessages([sent.msgID])).toMatchObject([{ status: 'revoked' }]);
  });

  it('rejects an own message older than the revoke window without asking the SDK', async () => {
    const { chat, engine } = setupTencent({ revokeWindowMs: 120_000 });
    const sent = await engine.sendMessage(await engine.createTextMessage('old'), { receiver: 'bob' });
    chat.now += 121_000;
    await expect(engine.revokeMessage(sent.msgID)).rejects.toMatchObject({
      code: ChatErrorCode.RevokeWindowPassed,
      details: { limitMs: 120_000 },
    });
    expect(lastCall(chat, 'revokeMessage')).toBeUndefined();
  });

  it("maps the server's revoke time limit error to REVOKE_WINDOW_PASSED", async () => {
    const { chat, engine } = setupTencent();
    const sent = await engine.sendMessage(await engine.createTextMessage('x'), { receiver: 'bob' });
    chat.failNext = { code: 20016, message: 'revoke time limit exceeded' };
    await expect(engine.revokeMessage(sent.msgID)).rejects.toMatchObject({
      code: ChatErrorCode.RevokeWindowPassed,
      details: { sdkCode: 20016 },
    });
  });

  it('rejects a revoke reason (the web SDK takes none) and an unknown message', async () => {
    const { engine } = setupTencent();
    const sent = await engine.sendMessage(await engine.createTextMessage('x'), { receiver: 'bob' });
    await expect(engine.revokeMessage(sent.msgID, 'because')).rejects.toMatchObject({
      code: ChatErrorCode.NotSupported,
    });
    await expect(engine.revokeMessage('missing')).rejects.toMatchObject({
      code: ChatErrorCode.MessageNotFound,
    });
  });
});

describe('Tencent engine: reading', () => {
  it('marks a C2C conversation read (the SDK sends the receipt) and reports the unread change', async () => {
    const { chat, engine, take } = setupTencent();
    chat.receive('C2Cbob', 'bob', 'one');
    chat.receive('C2Cbob', 'bob', 'two');
    take();
    await engine.markC2CMessageAsRead('bob');
    expect(lastArg(chat, 'setMessageRead')).toEqual({ conversationID: 'C2Cbob' });
    expect(take('onTotalUnreadMessageCountChanged').map((event) => event.args[0])).toEqual([0]);
  });

  it('cleans unread for a whole conversation, a scope, or rejects a partial clean as NOT_SUPPORTED', async () => {
    const { chat, engine } = setupTencent();
    chat.receive('GROUPteam', 'carol', 'one');
    chat.now += 5000;
    const last = chat.receive('GROUPteam', 'carol', 'two');
    await engine.cleanConversationUnreadMessageCount('c2c', 0, 0);
    expect(lastArg(chat, 'setAllMessageRead')).toEqual({ scope: 'readAllC2CMessage' });
    await expect(
      engine.cleanConversationUnreadMessageCount('group_team', 0, (last.sequence ?? 0) - 1),
    ).rejects.toMatchObject({
      code: ChatErrorCode.NotSupported,
    });
    await engine.cleanConversationUnreadMessageCount('group_team', 0, last.sequence);
    expect(lastArg(chat, 'setMessageRead')).toEqual({ conversationID: 'GROUPteam' });
  });
});

describe('Tencent engine: history', () => {
  function withHistory(conversationID: string, count: number) {
    const kit = setupTencent();
    const from = conversationID.startsWith('GROUP') ? 'carol' : 'bob';
    for (let i = 0; i < count; i++) {
      kit.chat.now += 1000;
      kit.chat.seed(conversationID, i % 3 === 0 ? 'alice' : from, `m${i}`, {
        time: Math.floor(kit.chat.now / 1000),
      });
    }
    return kit;
  }
  const texts = (list: Message[]) => list.map((message) => (message.elemList[0] as { text: string }).text);

  it('pages older history oldest first, 15 per SDK call, until it is finished', async () => {
    const { chat, engine } = withHistory('C2Cbob', 40);
    const newest = await engine.getHistoryMessageList({ conversationID: 'c2c_bob', count: 20 });
    expect(texts(newest.messageList)).toEqual(Array.from({ length: 20 }, (_, i) => `m${20 + i}`));
    expect(newest.isFinished).toBe(false);
    expect(chat.calls.filter((call) => call.method === 'getMessageList')).toHaveLength(2);
    const older = await engine.getHistoryMessageList({
      conversationID: 'c2c_bob',
      count: 20,
      lastMsg: newest.messageList[0] as Message,
    });
    expect(texts(older.messageList)).toEqual(Array.from({ length: 20 }, (_, i) => `m${i}`));
    expect(older.isFinished).toBe(true);
    expect(newest.messageList[0]).toMatchObject({ conversationID: 'c2c_bob', timestamp: expect.any(Number) });
  });

  it('pages newer group history from a message (excluded) and from a sequence (included)', async () => {
    const { engine } = withHistory('GROUPteam', 10);
    const all = await engine.getHistoryMessageList({ conversationID: 'group_team', count: 10 });
    const fourth = all.messageList[3] as Message;
    const newer = await engine.getHistoryMessageList({
      conversationID: 'group_team',
      count: 3,
      direction: 'newer',
      lastMsg: fourth,
    });
    expect(texts(newer.messageList)).toEqual(['m4', 'm5', 'm6']);
    expect(newer.isFinished).toBe(false);
    const fromSeq = await engine.getHistoryMessageList({
      conversationID: 'group_team',
      count: 20,
      direction: 'newer',
      lastMsgSeq: fourth.seq,
    });
    expect(texts(fromSeq.messageList)).toEqual(['m3', 'm4', 'm5', 'm6', 'm7', 'm8', 'm9']);
    expect(fromSeq.isFinished).toBe(true);
  });

  it('pages newer C2C history from a message by time', async () => {
    const { engine } = withHistory('C2Cbob', 6);
    const all = await engine.getHistoryMessageList({ conversationID: 'c2c_bob', count: 6 });
    const newer = await engine.getHistoryMessageList({
      conversationID: 'c2c_bob',
      count: 10,
      direction: 'newer',
      lastMsg: all.messageList[1] as Message,
    });
    expect(texts(newer.messageList)).toEqual(['m2', 'm3', 'm4', 'm5']);
    expect(newer.isFinished).toBe(true);
  });

  it('rejects group paging by time (the SDK pages groups by sequence) with NOT_SUPPORTED', async () => {
    const { engine } = withHistory('GROUPteam', 2);
    await expect(
      engine.getHistoryMessageList({ conversationID: 'group_team', count: 5, timeBegin: 1_700_000_000_000 }),
    ).rejects.toMatchObject({ code: ChatErrorCode.NotSupported });
  });

  it('downloads a merged message kept in the cloud: received empty, then modified with its messages', async () => {
    const { chat, take } = setupTencent();
    const merged = (downloadKey: string) => ({
      _elements: [
        {
          type: 'TIMRelayElem',
          content: {
            downloadKey,
            messageList: [],
            title: 'History',
            abstractList: ['bob: inside'],
            compatibleText: '',
          },
        },
      ],
    });
    chat.cloudMergers.set('k1', [
      {
        ID: 'inner',
        from: 'bob',
        nick: 'Bob',
        avatar: '',
        time: 1_700_000_000,
        cloudCustomData: '',
        messageBody: [{ type: 'TIMTextElem', payload: { text: 'inside' } }],
      },
    ]);
    const stored = chat.receive('C2Cbob', 'bob', '', merged('k1'));
    chat.receive('C2Cbob', 'bob', '', merged('missing'));
    await new Promise((resolve) => setTimeout(resolve, 0));
    const events = take();
    const received = events
      .filter((event) => event.name === 'onRecvNewMessage')
      .map((event) => (event.args[0] as Message).elemList[0]);
    expect(received).toMatchObject([
      { type: 'merger', messageList: [] },
      { type: 'merger', messageList: [] },
    ]);
    const modified = events
      .filter((event) => event.name === 'onRecvMessageModified')
      .map((event) => event.args[0] as Message);
    expect(modified).toHaveLength(1);
    expect(modified[0]).toMatchObject({
      msgID: stored.ID,
      elemList: [
        {
          type: 'merger',
          title: 'History',
          messageList: [{ msgID: 'inner', elemList: [{ type: 'text', text: 'inside' }] }],
        },
      ],
    });
  });

  it('finds messages by ID and a group message by sequence', async () => {
    const { engine } = withHistory('GROUPteam', 3);
    const { messageList } = await engine.getHistoryMessageList({ conversationID: 'group_team', count: 3 });
    const second = messageList[1] as Message;
    expect(await engine.findMessages([second.msgID, 'unknown'])).toEqual([second]);
    expect(await engine.findMessageByLocator('group_team', { seq: second.seq })).toEqual(second);
    expect(await engine.findMessageByLocator('group_team', { seq: 1 })).toBeNull();
  });

  it('searches with the cloud search, page by page', async () => {
    const { chat, engine } = setupTencent();
    for (let i = 0; i < 5; i++) chat.seed('C2Cbob', 'bob', `apple ${i}`);
    chat.seed('C2Cbob', 'bob', 'banana');
    const second = await engine.searchLocalMessages({ keywordList: ['apple'], pageSize: 2, pageIndex: 1 });
    expect(second.totalCount).toBe(5);
    expect(second.items.map((item) => [item.conversationID, item.messageList.length])).toEqual([
      ['c2c_bob', 2],
    ]);
    expect(chat.calls.filter((call) => call.method === 'searchCloudMessages')).toHaveLength(2);
  });

  it('rejects a search with NOT_SUPPORTED naming the missing module when the SDK answers 2998', async () => {
    const { chat, engine } = setupTencent();
    chat.cloudSearchModule = false;
    chat.seed('C2Cbob', 'bob', 'apple');
    const search = engine.searchLocalMessages({ keywordList: ['apple'], pageSize: 20, pageIndex: 0 });
    await expect(search).rejects.toMatchObject({
      code: ChatErrorCode.NotSupported,
      details: { sdkCode: 2998 },
      message: expect.stringContaining('cloud-search-module'),
    });
  });
});

describe('Tencent engine: other calls', () => {
  it('downloads a media element from its URL with the given fetch', async () => {
    const requested: string[] = [];
    const { engine } = setupTencent({
      fetch: async (url) => {
        requested.push(url);
        return new Response('bytes');
      },
    });
    const blob = await engine.downloadElem({
      type: 'file',
      uuid: 'u',
      url: 'https://example.invalid/f.pdf',
      fileSize: 5,
      mimeType: '',
      fileName: 'f.pdf',
    });
    expect(await blob.text()).toBe('bytes');
    expect(requested).toEqual(['https://example.invalid/f.pdf']);
  });

  it('sets and reads receive options through messageRemindType', async () => {
    const { chat, engine } = setupTencent();
    chat.receive('C2Cbob', 'bob', 'hi');
    await engine.setC2CReceiveMessageOpt(['bob'], 'receiveNotNotify');
    expect(lastArg(chat, 'setMessageRemindType')).toEqual({
      userIDList: ['bob'],
      messageRemindType: 'AcceptNotNotify',
    });
    expect(await engine.getC2CReceiveMessageOpt(['bob', 'stranger'])).toEqual([
      { userID: 'bob', opt: 'receiveNotNotify' },
      { userID: 'stranger', opt: 'receive' },
    ]);
  });

  it('reports per-conversation results of a batch call, with the closest code for failures', async () => {
    const { chat, engine } = setupTencent();
    chat.receive('C2Cbob', 'bob', 'hi');
    expect(await engine.markConversation(['c2c_bob', 'c2c_ghost'], 1, true)).toEqual([
      { id: 'c2c_bob', resultCode: 0, resultInfo: '' },
      {
        id: 'c2c_ghost',
        resultCode: ChatErrorCode.ConversationNotFound,
        resultInfo: 'conversation not found',
      },
    ]);
    expect((await engine.getConversation('c2c_bob')).markList).toEqual([1]);
  });

  it('maps users, groups and members', async () => {
    const { chat, engine } = setupTencent();
    chat.profiles.set('bob', { userID: 'bob', nick: 'Bob', avatar: 'b.png' });
    expect(await engine.getUsersProfile(['bob', 'nobody'])).toEqual([
      { userID: 'bob', nick: 'Bob', faceUrl: 'b.png' },
    ]);
    const group = await engine.createGroup({ name: 'Team', memberUserIDList: ['bob'], groupID: 'team' });
    expect(group).toEqual({
      groupID: 'team',
      name: 'Team',
      faceUrl: '',
      ownerID: 'alice',
      memberCount: 2,
      createTime: 1_700_000_000_000,
    });
    expect(lastArg(chat, 'createGroup')).toMatchObject({
      type: 'Private',
      memberList: [{ userID: 'bob' }],
    });
    expect(await engine.getGroupsInfo(['team', 'missing'])).toEqual([group]);
    chat.groups
      .get('team')
      ?.members.push({ userID: 'bob', nick: 'Bob', role: 'Admin', joinTime: 1_700_000_000 });
    expect(await engine.getGroupMemberList('team')).toEqual([
      { userID: 'bob', nick: 'Bob', faceUrl: '', role: 'admin', joinTime: 1_700_000_000_000 },
    ]);
  });

  it.each([
    [
      'createSoundMessage',
      (e: ReturnType<typeof setupTencent>['engine']) => e.createSoundMessage(new Blob(['a']), 3),
    ],
    ['cancelSendingMessage', (e: ReturnType<typeof setupTencent>['engine']) => e.cancelSendingMessage('m1')],
    ['deleteMessages', (e: ReturnType<typeof setupTencent>['engine']) => e.deleteMessages(['m1'])],
    ['setLocalCustomData', (e: ReturnType<typeof setupTencent>['engine']) => e.setLocalCustomData('m1', 'x')],
    ['importMessages', (e: ReturnType<typeof setupTencent>['engine']) => e.importMessages('c2c_bob', [])],
  ])('%s rejects with NOT_SUPPORTED naming the method and the reason', async (method, call) => {
    const { engine } = setupTencent();
    const error = await call(engine).catch((reason: unknown) => reason);
    expect(error).toMatchObject({ code: ChatErrorCode.NotSupported, details: { method } });
    expect((error as Error).message).toMatch(
      new RegExp(`^${method} is not supported by the Tencent web SDK: .+`),
    );
  });

  it('appendElem checks the element first, then rejects with NOT_SUPPORTED', async () => {
    const { engine } = setupTencent();
    const draft = await engine.createTextMessage('caption');
    await expect(
      engine.appendElem(draft, {
        type: 'image',
        uuid: '',
        url: '',
        fileSize: 0,
        mimeType: '',
        fileName: '',
        width: 0,
        height: 0,
        thumbUrl: '',
      } as never),
    ).rejects.toMatchObject({ code: ChatErrorCode.ElemNotAppendable });
    await expect(engine.appendElem(draft, { type: 'text', text: 'more' })).rejects.toMatchObject({
      code: ChatErrorCode.NotSupported,
    });
  });

  it('translates an SDK failure with an unknown code to NETWORK_ERROR, keeping code and message', async () => {
    const { chat, engine } = setupTencent();
    chat.receive('C2Cbob', 'bob', 'hi');
    chat.pinConversation = async () => Promise.reject({ code: 99999, message: 'odd' });
    await expect(engine.pinConversation('c2c_bob', true)).rejects.toMatchObject({
      code: ChatErrorCode.NetworkError,
      details: { sdkCode: 99999, sdkMessage: 'odd', method: 'pinConversation' },
    });
  });

  it('treats arguments the SDK refuses (it returns undefined) as INVALID_PARAMETER', async () => {
    const { chat, engine } = setupTencent();
    chat.receive('C2Cbob', 'bob', 'hi');
    chat.setConversationCustomData = (() => undefined) as never;
    await expect(engine.setConversationCustomData(['c2c_bob'], 'x'.repeat(300))).rejects.toMatchObject({
      code: ChatErrorCode.InvalidParameter,
    });
  });
});
