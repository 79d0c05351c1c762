import { describe, expect, it } from 'vitest';
import type { Conversation, GroupTipElem, Message, MessageElem } from '../model/types';
import {
  formatConversationPreview,
  formatElemPreview,
  formatMessagePreview,
  getConversationPreview,
} from './format-preview';
import { en } from './format-strings-en';
import { zhCN } from './format-strings-zh-cn';

function message(elemList: MessageElem[], overrides: Partial<Message> = {}): Message {
  return {
    msgID: 'm1',
    conversationID: 'c2c_bob',
    conversationType: 'c2c',
    userID: 'bob',
    groupID: '',
    sender: 'bob',
    nick: 'Bob',
    faceUrl: '',
    isSelf: false,
    timestamp: 1,
    seq: 1,
    random: 1,
    status: 'sent',
    elemList,
    priority: 'normal',
    isRead: true,
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
    ...overrides,
  };
}

const inGroup: Partial<Message> = {
  conversationID: 'group_team',
  conversationType: 'group',
  userID: '',
  groupID: 'team',
};

function conversation(overrides: Partial<Conversation> = {}): Conversation {
  return {
    conversationID: 'c2c_bob',
    type: 'c2c',
    userID: 'bob',
    groupID: '',
    showName: 'Bob',
    faceUrl: '',
    orderKey: 1,
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
    ...overrides,
  };
}

const text = (value: string): MessageElem => ({ type: 'text', text: value });
const media = { uuid: 'u', url: '', fileSize: 10, mimeType: '' };
const tip = (overrides: Partial<GroupTipElem>): GroupTipElem => ({
  type: 'groupTip',
  tipType: 'join',
  opUserID: 'carol',
  userIDList: [],
  groupInfo: {},
  memberCount: 3,
  ...overrides,
});
const names: Record<string, string> = { alice: 'Alice', bob: 'Bob', carol: 'Carol', dave: 'Dave' };
const nameOf = (id: string) => names[id] ?? id;

describe('formatElemPreview', () => {
  it('shows a marker for each media type', () => {
    expect(
      formatElemPreview(
        { ...media, type: 'image', fileName: 'a.png', width: 1, height: 1, thumbUrl: '' },
        en,
      ),
    ).toBe('[Image]');
    expect(formatElemPreview({ ...media, type: 'sound', duration: 3 }, en)).toBe('[Voice]');
    expect(
      formatElemPreview(
        {
          ...media,
          type: 'video',
          videoType: 'mp4',
          duration: 3,
          snapshotUuid: '',
          snapshotUrl: '',
          snapshotWidth: 0,
          snapshotHeight: 0,
        },
        en,
      ),
    ).toBe('[Video]');
    expect(formatElemPreview({ type: 'face', index: 1, data: 'smile' }, en)).toBe('[Sticker]');
    expect(
      formatElemPreview(
        { type: 'merger', title: 't', abstractList: [], compatibleText: '', messageList: [] },
        en,
      ),
    ).toBe('[Chat history]');
  });

  it('adds the file name and the location description', () => {
    expect(formatElemPreview({ ...media, type: 'file', fileName: 'report.pdf' }, en)).toBe(
      '[File] report.pdf',
    );
    expect(
      formatElemPreview({ type: 'location', description: 'Office', longitude: 0, latitude: 0 }, en),
    ).toBe('[Location] Office');
    expect(formatElemPreview({ type: 'location', description: '', longitude: 0, latitude: 0 }, zhCN)).toBe(
      '[位置]',
    );
  });

  it('shows a custom element by its description', () => {
    expect(
      formatElemPreview({ type: 'custom', data: '{}', description: 'Order #12', extension: '' }, en),
    ).toBe('Order #12');
    expect(formatElemPreview({ type: 'custom', data: '{}', description: '', extension: '' }, en)).toBe(
      '[Custom message]',
    );
  });

  it('keeps the first line of a text with its whitespace collapsed', () => {
    expect(formatElemPreview(text('\n\n  hello \t  world  \nsecond line'), en)).toBe('hello world');
  });

  it('cuts a very long text without splitting an emoji', () => {
    const preview = formatElemPreview(text('😀'.repeat(500)), en);
    expect(Array.from(preview)).toHaveLength(201);
    expect(preview.endsWith('😀…')).toBe(true);
  });
});

describe('formatMessagePreview', () => {
  it('is empty for no message', () => {
    expect(formatMessagePreview(null, { strings: en })).toBe('');
  });

  it('shows a one-to-one message without the sender', () => {
    expect(formatMessagePreview(message([text('hi')]), { strings: en })).toBe('hi');
  });

  it('prefixes group messages with the sender', () => {
    expect(formatMessagePreview(message([text('hi')], inGroup), { strings: en })).toBe('Bob: hi');
    expect(formatMessagePreview(message([text('hi')], inGroup), { strings: en, senderName: 'Bobby' })).toBe(
      'Bobby: hi',
    );
    expect(
      formatMessagePreview(message([text('hi')], { ...inGroup, sender: 'alice', isSelf: true }), {
        strings: en,
      }),
    ).toBe('You: hi');
    expect(
      formatMessagePreview(message([{ ...media, type: 'file', fileName: 'a.zip' }], inGroup), {
        strings: zhCN,
      }),
    ).toBe('Bob: [文件] a.zip');
  });

  it('joins the elements of a message', () => {
    expect(
      formatMessagePreview(message([text('look'), { type: 'face', index: 2, data: '' }, text('here')]), {
        strings: en,
      }),
    ).toBe('look [Sticker] here');
  });

  it('tells who recalled a message', () => {
    expect(
      formatMessagePreview(message([text('oops')], { status: 'revoked', isSelf: true, sender: 'alice' }), {
        strings: en,
      }),
    ).toBe('You recalled a message');
    expect(
      formatMessagePreview(message([text('oops')], { status: 'revoked', revoker: 'bob' }), { strings: en }),
    ).toBe('Bob recalled a message');
    expect(
      formatMessagePreview(message([text('oops')], { ...inGroup, status: 'revoked', revoker: 'bob' }), {
        strings: zhCN,
      }),
    ).toBe('Bob 撤回了一条消息');
    expect(
      formatMessagePreview(message([text('oops')], { ...inGroup, status: 'revoked', revoker: 'alice' }), {
        strings: en,
        selfUserID: 'alice',
      }),
    ).toBe('You recalled a message');
  });

  it('writes group tips as sentences', () => {
    const tipMessage = (elem: GroupTipElem) =>
      message([elem], { ...inGroup, sender: elem.opUserID, nick: '' });
    const options = { strings: en, selfUserID: 'alice', nameOf };
    expect(formatMessagePreview(tipMessage(tip({ tipType: 'join', userIDList: ['carol'] })), options)).toBe(
      'Carol joined the group',
    );
    expect(
      formatMessagePreview(tipMessage(tip({ tipType: 'join', userIDList: ['carol', 'dave'] })), options),
    ).toBe('Carol and Dave joined the group');
    expect(formatMessagePreview(tipMessage(tip({ tipType: 'quit', opUserID: 'dave' })), options)).toBe(
      'Dave left the group',
    );
    expect(
      formatMessagePreview(
        tipMessage(tip({ tipType: 'kicked', opUserID: 'bob', userIDList: ['alice'] })),
        options,
      ),
    ).toBe('Bob removed you');
    expect(
      formatMessagePreview(
        tipMessage(tip({ tipType: 'setAdmin', opUserID: 'alice', userIDList: ['carol'] })),
        options,
      ),
    ).toBe('You made Carol admin');
    expect(
      formatMessagePreview(
        tipMessage(tip({ tipType: 'cancelAdmin', opUserID: 'bob', userIDList: ['carol'] })),
        options,
      ),
    ).toBe('Bob removed Carol as admin');
    expect(
      formatMessagePreview(
        tipMessage(tip({ tipType: 'groupInfoChange', opUserID: 'bob', groupInfo: { name: 'Ops' } })),
        options,
      ),
    ).toBe('Bob renamed the group to “Ops”');
    expect(
      formatMessagePreview(
        tipMessage(tip({ tipType: 'groupInfoChange', opUserID: 'bob', groupInfo: { notification: 'x' } })),
        options,
      ),
    ).toBe('Bob changed the group info');
    expect(
      formatMessagePreview(
        tipMessage(tip({ tipType: 'memberInfoChange', opUserID: 'bob', userIDList: ['dave'] })),
        options,
      ),
    ).toBe('Member info updated for Dave');
    expect(formatMessagePreview(tipMessage(tip({ tipType: 'create', opUserID: 'bob' })), options)).toBe(
      'Bob created the group',
    );
    expect(formatMessagePreview(tipMessage(tip({ tipType: 'dismiss', opUserID: 'bob' })), options)).toBe(
      'The group was dismissed',
    );
    expect(
      formatMessagePreview(tipMessage(tip({ tipType: 'join', userIDList: ['alice'] })), {
        ...options,
        strings: zhCN,
      }),
    ).toBe('你加入了群聊');
  });
});

describe('getConversationPreview', () => {
  it('lets a draft win over the last message', () => {
    const withDraft = conversation({ draftText: 'see you\nlater', lastMessage: message([text('hi')]) });
    expect(getConversationPreview(withDraft, { strings: en })).toEqual({
      kind: 'draft',
      markerType: 'draft',
      marker: '[Draft]',
      text: 'see you',
    });
    expect(formatConversationPreview(withDraft, { strings: zhCN })).toBe('[草稿] see you');
  });

  it('says "You:" before your own last message in a one-to-one chat, and nothing before the peer’s', () => {
    const own = conversation({ lastMessage: { ...message([text('see you at 8')]), isSelf: true } });
    expect(formatConversationPreview(own, { strings: en })).toBe('You: see you at 8');
    const peer = conversation({ lastMessage: { ...message([text('ok')]), isSelf: false } });
    expect(formatConversationPreview(peer, { strings: en })).toBe('ok');
  });

  it('ignores a blank draft', () => {
    expect(
      formatConversationPreview(conversation({ draftText: '  ', lastMessage: message([text('hi')]) }), {
        strings: en,
      }),
    ).toBe('hi');
  });

  it('shows the last message with its sender in groups', () => {
    const group = conversation({
      conversationID: 'group_team',
      type: 'group',
      groupID: 'team',
      userID: '',
      lastMessage: message([text('hello')], inGroup),
    });
    expect(formatConversationPreview(group, { strings: en })).toBe('Bob: hello');
  });

  it('marks unread mentions of me before the last message', () => {
    const mentioned = conversation({
      type: 'group',
      unreadCount: 2,
      groupAtInfoList: [{ seq: 3, atType: 'me' }],
      lastMessage: message([text('@Alice look')], inGroup),
    });
    expect(getConversationPreview(mentioned, { strings: en })).toMatchObject({
      markerType: 'mentionMe',
      marker: '[@me]',
      text: 'Bob: @Alice look',
    });
    expect(formatConversationPreview(mentioned, { strings: zhCN })).toBe('[有人@我] Bob: @Alice look');
    const all = { ...mentioned, groupAtInfoList: [{ seq: 3, atType: 'all' as const }] };
    expect(getConversationPreview(all, { strings: en }).marker).toBe('[@all]');
    expect(getConversationPreview({ ...mentioned, unreadCount: 0 }, { strings: en }).markerType).toBeNull();
  });

  it('is empty after the history was cleared', () => {
    expect(getConversationPreview(conversation(), { strings: en })).toEqual({
      kind: 'empty',
      markerType: null,
      marker: '',
      text: '',
    });
    expect(formatConversationPreview(conversation(), { strings: en })).toBe('');
  });
});

describe('previews stay short whatever a peer sends', () => {
  const inGroupTip = (elem: GroupTipElem) =>
    message([elem], {
      conversationID: 'group_team',
      conversationType: 'group',
      userID: '',
      groupID: 'team',
      sender: elem.opUserID,
      nick: '',
    });
  const many = Array.from({ length: 10_000 }, (_, i) => `member-with-a-long-id-${i}`);

  it('a join tip naming 10,000 members names two and counts the others', () => {
    const preview = formatMessagePreview(inGroupTip(tip({ tipType: 'join', userIDList: many })), {
      strings: en,
      selfUserID: 'alice',
      nameOf,
    });
    expect(preview).toBe(
      'member-with-a-long-id-0, member-with-a-long-id-1, and 9,998 others joined the group',
    );
  });

  it('counts the others in Chinese too, and still lists three names in full', () => {
    const zh = formatMessagePreview(inGroupTip(tip({ tipType: 'join', userIDList: many })), {
      strings: zhCN,
      selfUserID: 'alice',
    });
    expect(zh.length).toBeLessThan(120);
    expect(zh).toContain('9,998');
    expect(
      formatMessagePreview(inGroupTip(tip({ tipType: 'join', userIDList: ['bob', 'carol', 'dave'] })), {
        strings: en,
        selfUserID: 'alice',
        nameOf,
      }),
    ).toBe('Bob, Carol, and Dave joined the group');
  });

  it('no preview is longer than 200 characters plus an ellipsis', () => {
    const longName = 'N'.repeat(5_000);
    const sender = formatMessagePreview(
      message([text('hi')], {
        conversationID: 'group_team',
        conversationType: 'group',
        groupID: 'team',
        nick: longName,
      }),
      { strings: en },
    );
    const elements = formatMessagePreview(message(Array.from({ length: 1_000 }, () => text('word'))), {
      strings: en,
    });
    const renamed = formatMessagePreview(
      inGroupTip(tip({ tipType: 'groupInfoChange', groupInfo: { name: 'G'.repeat(5_000) } })),
      { strings: en },
    );
    const row = formatConversationPreview(
      conversation({ type: 'group', lastMessage: inGroupTip(tip({ userIDList: [longName] })) }),
      { strings: en },
    );
    for (const preview of [sender, elements, renamed, row]) {
      expect(Array.from(preview).length).toBeLessThanOrEqual(201);
    }
  });
});
