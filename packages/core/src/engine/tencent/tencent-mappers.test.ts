import { describe, expect, it } from 'vitest';
import { formatMessagePreview } from '../../format/format-preview';
import { en } from '../../format/format-strings-en';
import { AT_ALL } from '../../model/types';
import type { TencentConversation, TencentMessage } from './tencent-chat-like';
import conversationC2C from './tencent-fixtures/conversation-c2c.json';
import conversationGroupEmpty from './tencent-fixtures/conversation-group-empty.json';
import messageCustom from './tencent-fixtures/message-custom.json';
import messageFace from './tencent-fixtures/message-face.json';
import messageFile from './tencent-fixtures/message-file.json';
import messageGroupTip from './tencent-fixtures/message-groupTip.json';
import messageImage from './tencent-fixtures/message-image.json';
import messageLocation from './tencent-fixtures/message-location.json';
import messageMerger from './tencent-fixtures/message-merger.json';
import messageMulti from './tencent-fixtures/message-multiElementTextPlusCustom.json';
import messageSound from './tencent-fixtures/message-sound.json';
import messageText from './tencent-fixtures/message-text.json';
import messageVideo from './tencent-fixtures/message-video.json';
import {
  toConversation,
  toConversationID,
  toElem,
  toLastMessage,
  toMarkList,
  toMessage,
  toMessageRemindType,
  toReceiveOpt,
  toSdkConversationID,
} from './tencent-mappers';

const ctx = { userID: 'alice' };
const extras = { orderKey: 1_700_000_000_000, draftTimestamp: 42 };

function message(fixture: TencentMessage): TencentMessage {
  return structuredClone(fixture);
}

function conversation(fixture: TencentConversation): TencentConversation {
  return structuredClone(fixture);
}

describe('Tencent IDs', () => {
  it('turns C2C<userID> and GROUP<groupID> into c2c_ and group_ IDs and back', () => {
    expect(toConversationID('C2Cbob')).toBe('c2c_bob');
    expect(toConversationID('GROUPgrp1')).toBe('group_grp1');
    expect(toSdkConversationID('c2c_bob')).toBe('C2Cbob');
    expect(toSdkConversationID('group_@TGS#1')).toBe('GROUP@TGS#1');
  });

  it('leaves out the system conversation and malformed IDs', () => {
    expect(toConversationID('@TIM#SYSTEM')).toBeNull();
    expect(toConversationID('C2C')).toBeNull();
    expect(toConversationID(undefined)).toBeNull();
  });
});

describe('Tencent messages from the fixtures', () => {
  it('maps a received text message with ms time, IDs and status sent', () => {
    expect(toMessage(message(messageText), ctx)).toEqual({
      msgID: '144115000000000001-1699999999-12345',
      conversationID: 'c2c_bob',
      conversationType: 'c2c',
      userID: 'bob',
      groupID: '',
      sender: 'bob',
      nick: 'Bob',
      faceUrl: 'https://example.invalid/bob.png',
      isSelf: false,
      timestamp: 1_700_000_000_000,
      seq: 101,
      random: 12345,
      status: 'sent',
      elemList: [{ type: 'text', text: 'hello' }],
      priority: 'normal',
      isRead: false,
      isPeerRead: false,
      isExcludedFromUnreadCount: false,
      isExcludedFromLastMessage: false,
      isOnlineOnly: false,
      targetUserIDList: [],
      atUserList: [],
      cloudCustomData: '',
      localCustomData: '',
      revoker: '',
      revokeReason: '',
    });
  });

  it('maps a custom element with data, description and extension', () => {
    expect(toMessage(message(messageCustom), ctx).elemList).toEqual([
      { type: 'custom', data: '{"businessID":"order","id":1}', description: 'desc', extension: 'ext' },
    ]);
  });

  it("sizes an image by its original, with the original's URL and the thumbnail's URL", () => {
    expect(toMessage(message(messageImage), ctx).elemList).toEqual([
      {
        type: 'image',
        uuid: 'img-uuid',
        url: 'https://example.invalid/orig.jpg',
        fileSize: 200000,
        mimeType: 'image/jpeg',
        fileName: '',
        width: 1920,
        height: 1080,
        thumbUrl: 'https://example.invalid/thumb.jpg',
      },
    ]);
  });

  it("keeps the original's aspect ratio even when the thumbnail's size says otherwise", () => {
    const raw = message(messageImage);
    const infos = (raw._elements![0]!.content as { imageInfoArray: { width: number; height: number }[] })
      .imageInfoArray;
    Object.assign(infos[2] as object, { width: 720, height: 720 });
    const [image] = toMessage(raw, ctx).elemList;
    expect(image).toMatchObject({ width: 1920, height: 1080 });
  });

  it('maps a sound element with its duration in seconds', () => {
    expect(toMessage(message(messageSound), ctx).elemList).toEqual([
      {
        type: 'sound',
        uuid: 'snd-uuid',
        url: 'https://example.invalid/a.m4a',
        fileSize: 12000,
        mimeType: '',
        duration: 7,
      },
    ]);
  });

  it('maps a video with its snapshot', () => {
    expect(toMessage(message(messageVideo), ctx).elemList).toEqual([
      {
        type: 'video',
        uuid: 'v-uuid',
        url: 'https://example.invalid/v.mp4',
        fileSize: 3000000,
        mimeType: 'video/mp4',
        videoType: 'mp4',
        duration: 12,
        snapshotUuid: 't-uuid',
        snapshotUrl: 'https://example.invalid/v.jpg',
        snapshotWidth: 640,
        snapshotHeight: 360,
      },
    ]);
  });

  it('maps a file with its name and size', () => {
    expect(toMessage(message(messageFile), ctx).elemList).toEqual([
      {
        type: 'file',
        uuid: 'f-uuid',
        url: 'https://example.invalid/f.pdf',
        fileSize: 4096,
        mimeType: '',
        fileName: 'f.pdf',
      },
    ]);
  });

  it('maps location and face elements', () => {
    expect(toMessage(message(messageLocation), ctx).elemList).toEqual([
      { type: 'location', description: 'HQ', longitude: 113.9, latitude: 22.5 },
    ]);
    expect(toMessage(message(messageFace), ctx).elemList).toEqual([{ type: 'face', index: 1, data: 'tt00' }]);
  });

  it('maps a merged message (chat history), including the messages inside it', () => {
    expect(toMessage(message(messageMerger), ctx).elemList).toEqual([
      { type: 'merger', title: '', abstractList: [], compatibleText: '', messageList: [] },
    ]);
    const [merger] = [
      toElem(
        'TIMRelayElem',
        {
          title: 'Chat history',
          abstractList: ['bob: hi'],
          compatibleText: 'upgrade',
          messageList: [
            {
              ID: 'm1',
              from: 'bob',
              nick: 'Bob',
              avatar: '',
              time: 1_700_000_001,
              cloudCustomData: '',
              messageBody: [{ type: 'TIMTextElem', payload: { text: 'hi' } }],
            },
          ],
        },
        ctx,
      ),
    ];
    expect(merger).toMatchObject({
      type: 'merger',
      title: 'Chat history',
      abstractList: ['bob: hi'],
      messageList: [
        {
          msgID: 'm1',
          sender: 'bob',
          timestamp: 1_700_000_001_000,
          elemList: [{ type: 'text', text: 'hi' }],
        },
      ],
    });
  });

  it('maps a group tip in a group conversation, with its operation type', () => {
    const tip = toMessage(message(messageGroupTip), ctx);
    expect(tip).toMatchObject({
      conversationID: 'group_grp1',
      conversationType: 'group',
      groupID: 'grp1',
      userID: '',
    });
    expect(tip.elemList).toEqual([
      {
        type: 'groupTip',
        tipType: 'join',
        opUserID: 'bob',
        userIDList: ['carol'],
        groupInfo: {},
        memberCount: 3,
        nicknames: { bob: 'Bob', carol: 'Carol' },
      },
    ]);
  });

  it('previews a group tip with the nicknames it carries, not user IDs', () => {
    const tip = message(messageGroupTip);
    const content = tip._elements?.[0]?.content as { operationType: number };
    content.operationType = 3;
    expect(formatMessagePreview(toMessage(tip, ctx), { strings: en, selfUserID: 'alice' })).toBe(
      'Bob removed Carol',
    );
  });

  it('leaves out nicknames that are empty or not text, and ignores a hostile __proto__ key', () => {
    const elem = toElem(
      'TIMGroupTipElem',
      {
        operationType: 1,
        operatorID: 'bob',
        operatorInfo: { userID: 'bob', nick: '' },
        memberList: [
          { userID: 'carol', nick: 42 },
          { userID: '__proto__', nick: 'Mallory' },
          { userID: 'dave', nick: 'Dave' },
        ],
      },
      ctx,
    );
    expect(elem).toMatchObject({ nicknames: { dave: 'Dave' } });
    expect(Object.getPrototypeOf((elem as { nicknames: object }).nicknames)).toBe(Object.prototype);
  });

  it.each([
    [1, 'join'],
    [2, 'quit'],
    [3, 'kicked'],
    [4, 'setAdmin'],
    [5, 'cancelAdmin'],
    [6, 'groupInfoChange'],
    [7, 'memberInfoChange'],
    [10, 'memberInfoChange'],
  ])('maps group tip operation %i to %s', (operationType, tipType) => {
    expect(toElem('TIMGroupTipElem', { operationType }, ctx)).toMatchObject({ tipType });
  });

  it('reports the changed group fields of a profile tip under Tidings names', () => {
    const elem = toElem(
      'TIMGroupTipElem',
      {
        operationType: 6,
        operatorID: 'bob',
        newGroupProfile: { groupName: 'New', avatar: 'a.png', muteAllMembers: true },
      },
      ctx,
    );
    expect(elem).toMatchObject({ groupInfo: { name: 'New', faceUrl: 'a.png', muteAllMembers: 'true' } });
  });

  it('keeps every element of a multi-element message in order, not just the first', () => {
    expect(toMessage(message(messageMulti), ctx).elemList).toEqual([
      { type: 'text', text: 'caption' },
      { type: 'custom', data: '{"x":1}', description: '', extension: '' },
    ]);
  });

  it('reads the elements through getElements() when the SDK object has it', () => {
    const raw = message(messageText);
    delete raw._elements;
    raw.getElements = () => [{ type: 'TIMFaceElem', content: { index: 3, data: 'x' } }];
    expect(toMessage(raw, ctx).elemList).toEqual([{ type: 'face', index: 3, data: 'x' }]);
  });

  it.each([
    ['unSend', false, 'sending'],
    ['success', false, 'sent'],
    ['fail', false, 'failed'],
    ['success', true, 'revoked'],
  ])('maps status %s (revoked %s) to %s', (status, isRevoked, expected) => {
    expect(toMessage({ ...message(messageText), status, isRevoked }, ctx).status).toBe(expected);
  });

  it('marks own messages as self and read, and maps @all', () => {
    const own = toMessage(
      {
        ...message(messageText),
        flow: 'out',
        from: 'alice',
        atUserList: ['bob', '__kImSDK_MesssageAtALL__'],
      },
      ctx,
    );
    expect(own).toMatchObject({ isSelf: true, isRead: true, atUserList: ['bob', AT_ALL] });
  });

  it('keeps who revoked a message and why', () => {
    const revoked = toMessage(
      {
        ...message(messageText),
        isRevoked: true,
        revokerInfo: { userID: 'bob', nick: 'Bob', avatar: '' },
        revokeReason: 'typo',
      },
      ctx,
    );
    expect(revoked).toMatchObject({ status: 'revoked', revoker: 'bob', revokeReason: 'typo' });
  });

  it('maps the message to the msgID the engine gave it at creation', () => {
    const mapped = toMessage(message(messageText), { ...ctx, msgIDOf: (id) => `draft-of-${id}` });
    expect(mapped.msgID).toBe('draft-of-144115000000000001-1699999999-12345');
  });

  it('copies: changing the SDK object afterwards does not change the mapped message', () => {
    const raw = message(messageImage);
    const mapped = toMessage(raw, ctx);
    const snapshot = structuredClone(mapped);
    const content = raw._elements![0]!.content as { imageInfoArray: { width: number }[]; uuid: string };
    content.uuid = 'changed';
    (content.imageInfoArray[0] as { width: number }).width = 1;
    raw.status = 'fail';
    raw.atUserList?.push('carol');
    expect(mapped).toEqual(snapshot);
  });
});

describe('Tencent conversations from the fixtures', () => {
  it('maps a C2C conversation: ID, unread, mute, marks, draft and a synthesized last message', () => {
    const mapped = toConversation(conversation(conversationC2C), extras, ctx);
    expect(mapped).toEqual({
      conversationID: 'c2c_bob',
      type: 'c2c',
      userID: 'bob',
      groupID: '',
      showName: 'bob',
      faceUrl: '',
      orderKey: 1_700_000_000_000,
      isPinned: false,
      unreadCount: 2,
      recvOpt: 'receiveNotNotify',
      lastMessage: expect.objectContaining({
        msgID: 'C2Cbob-last-101-1700000000',
        conversationID: 'c2c_bob',
        sender: 'bob',
        isSelf: false,
        timestamp: 1_700_000_000_000,
        seq: 101,
        status: 'sent',
        elemList: [],
        isRead: false,
      }),
      draftText: 'unsent',
      draftTimestamp: 42,
      markList: [1],
      conversationGroupList: [],
      groupAtInfoList: [],
      readSeq: 0,
      customData: '',
    });
  });

  it('maps a group conversation without messages: no last message, receive by default', () => {
    expect(
      toConversation(conversation(conversationGroupEmpty), { orderKey: 0, draftTimestamp: null }, ctx),
    ).toEqual({
      conversationID: 'group_grp1',
      type: 'group',
      userID: '',
      groupID: 'grp1',
      showName: 'grp1',
      faceUrl: '',
      orderKey: 0,
      isPinned: false,
      unreadCount: 0,
      recvOpt: 'receive',
      lastMessage: null,
      draftText: null,
      draftTimestamp: null,
      markList: [],
      conversationGroupList: [],
      groupAtInfoList: [],
      readSeq: 0,
      customData: '',
    });
  });

  it('names a conversation by remark, then nick, then ID, and a group by name', () => {
    const c2c = conversation(conversationC2C);
    expect(
      toConversation({ ...c2c, userProfile: { userID: 'bob', nick: 'Bobby', avatar: 'b.png' } }, extras, ctx),
    ).toMatchObject({ showName: 'Bobby', faceUrl: 'b.png' });
    expect(toConversation({ ...c2c, remark: 'Boss' }, extras, ctx)).toMatchObject({ showName: 'Boss' });
    const group = conversation(conversationGroupEmpty);
    expect(
      toConversation(
        { ...group, groupProfile: { groupID: 'grp1', name: 'Team', avatar: 't.png' } },
        extras,
        ctx,
      ),
    ).toMatchObject({ showName: 'Team', faceUrl: 't.png' });
  });

  it('builds the last message from its payload, or from messageForShow', () => {
    const c2c = conversation(conversationC2C);
    const withPayload = {
      ...c2c,
      lastMessage: { ...c2c.lastMessage, type: 'TIMTextElem', payload: { text: 'see you' } },
    };
    expect(toLastMessage(withPayload, ctx)?.elemList).toEqual([{ type: 'text', text: 'see you' }]);
    const forShow = { ...c2c, lastMessage: { ...c2c.lastMessage, messageForShow: '[Image]' } };
    expect(toLastMessage(forShow, ctx)?.elemList).toEqual([{ type: 'text', text: '[Image]' }]);
    const revoked = { ...c2c, lastMessage: { ...c2c.lastMessage, isRevoked: true, revoker: 'bob' } };
    expect(toLastMessage(revoked, ctx)).toMatchObject({ status: 'revoked', revoker: 'bob' });
    const own = { ...c2c, lastMessage: { ...c2c.lastMessage, fromAccount: 'alice' } };
    expect(toLastMessage(own, ctx)).toMatchObject({ isSelf: true, isRead: true });
  });

  it('gives the last message a msgID that stays while the last message stays', () => {
    const a = toLastMessage(conversation(conversationC2C), ctx);
    const b = toLastMessage({ ...conversation(conversationC2C), unreadCount: 0 }, ctx);
    expect(a?.msgID).toBe(b?.msgID);
    const newer = conversation(conversationC2C);
    Object.assign(newer.lastMessage as object, { lastSequence: 102, lastTime: 1_700_000_005 });
    expect(toLastMessage(newer, ctx)?.msgID).not.toBe(a?.msgID);
  });

  it('reads a group mute from the group membership when the conversation has none', () => {
    const group = conversation(conversationGroupEmpty);
    const muted = {
      ...group,
      groupProfile: { groupID: 'grp1', selfInfo: { messageRemindType: 'Discard', readedSequence: 7 } },
    };
    expect(toConversation(muted, extras, ctx)).toMatchObject({ recvOpt: 'notReceive', readSeq: 7 });
  });

  it('maps @ mentions of a group', () => {
    const group = conversation(conversationGroupEmpty);
    const mentioned = {
      ...group,
      groupAtInfoList: [
        { messageSequence: 5, atTypeArray: [1] },
        { messageSequence: 6, atTypeArray: [2] },
        { messageSequence: 7, atTypeArray: [3] },
      ],
    };
    expect(toConversation(mentioned, extras, ctx)?.groupAtInfoList).toEqual([
      { seq: 5, atType: 'me' },
      { seq: 6, atType: 'all' },
      { seq: 7, atType: 'allAndMe' },
    ]);
  });

  it('leaves out the system conversation', () => {
    expect(
      toConversation({ ...conversation(conversationC2C), conversationID: '@TIM#SYSTEM' }, extras, ctx),
    ).toBeNull();
  });

  it('copies: changing the SDK conversation afterwards does not change the mapped one', () => {
    const raw = conversation(conversationC2C);
    const mapped = toConversation(raw, extras, ctx);
    const snapshot = structuredClone(mapped);
    raw.markList?.push(2);
    raw.unreadCount = 9;
    (raw.lastMessage as { lastSequence: number }).lastSequence = 500;
    expect(mapped).toEqual(snapshot);
  });
});

describe('Tencent receive options and marks', () => {
  it.each([
    ['AcceptAndNotify', 'receive'],
    ['', 'receive'],
    [undefined, 'receive'],
    ['AcceptNotNotify', 'receiveNotNotify'],
    ['Discard', 'notReceive'],
  ])('maps messageRemindType %j to %s', (remindType, opt) => {
    expect(toReceiveOpt(remindType)).toBe(opt);
  });

  it('maps receive options back to messageRemindType', () => {
    expect(toMessageRemindType('receive')).toBe('AcceptAndNotify');
    expect(toMessageRemindType('receiveNotNotify')).toBe('AcceptNotNotify');
    expect(toMessageRemindType('notReceive')).toBe('Discard');
  });

  it('keeps the standard mark bits (star 1, unread 2, fold 4, hide 8), ascending, without custom marks', () => {
    expect(toMarkList([8, 1, 4, 2, 2, 16, 2 ** 32])).toEqual([1, 2, 4, 8]);
    expect(toMarkList(undefined)).toEqual([]);
  });
});
