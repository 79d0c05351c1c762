import { describe, expect, it } from 'vitest';
import { en, enChat, enInbox } from './format-strings-en';
import { zhCN, zhCNChat, zhCNInbox } from './format-strings-zh-cn';

describe('string tables', () => {
  it('define the same entries in every language', () => {
    expect(Object.keys(zhCN).sort()).toEqual(Object.keys(en).sort());
    for (const key of Object.keys(en) as (keyof typeof en)[]) {
      expect(typeof zhCN[key], key).toBe(typeof en[key]);
    }
  });

  it('are the inbox’s half and the chat view’s half together, with no entry in both', () => {
    for (const [whole, inbox, chat] of [
      [en, enInbox, enChat],
      [zhCN, zhCNInbox, zhCNChat],
    ] as const) {
      expect(Object.keys(inbox).filter((key) => key in chat)).toEqual([]);
      expect(whole).toEqual({ ...inbox, ...chat });
    }
    expect(Object.keys(zhCNInbox).sort()).toEqual(Object.keys(enInbox).sort());
  });

  it('use the preview markers of the spec', () => {
    expect([
      en.previewImage,
      en.previewVoice,
      en.previewVideo,
      en.previewFile,
      en.previewLocation,
      en.previewSticker,
      en.previewChatHistory,
      en.previewDraft,
    ]).toEqual([
      '[Image]',
      '[Voice]',
      '[Video]',
      '[File]',
      '[Location]',
      '[Sticker]',
      '[Chat history]',
      '[Draft]',
    ]);
    expect([
      zhCN.previewImage,
      zhCN.previewVoice,
      zhCN.previewVideo,
      zhCN.previewFile,
      zhCN.previewLocation,
      zhCN.previewSticker,
      zhCN.previewChatHistory,
      zhCN.previewDraft,
    ]).toEqual(['[图片]', '[语音]', '[视频]', '[文件]', '[位置]', '[表情]', '[聊天记录]', '[草稿]']);
  });

  it('say unread counts with the right plural', () => {
    expect(en.unreadMessages(1)).toBe('1 unread message');
    expect(en.unreadMessages(3)).toBe('3 unread messages');
    expect(en.unreadMessages(1200)).toBe('1,200 unread messages');
    expect(zhCN.unreadMessages(3)).toBe('3 条未读消息');
    expect(en.newMessages(1)).toBe('1 new message');
    expect(zhCN.newMessages(12)).toBe('12 条新消息');
  });

  it('list names and typing people naturally', () => {
    expect(en.listOfNames(['Carol', 'Dave', 'Erin'])).toBe('Carol, Dave, and Erin');
    expect(zhCN.listOfNames(['张三', '李四'])).toBe('张三和李四');
    expect(en.typing(['Bob'])).toBe('Bob is typing…');
    expect(en.typing(['Bob', 'Carol'])).toBe('Bob and Carol are typing…');
    expect(en.typing(['Bob', 'Carol', 'Dave'])).toBe('Several people are typing…');
    expect(zhCN.typing(['Bob'])).toBe('Bob 正在输入…');
    expect(zhCN.typing(['张三'])).toBe('张三正在输入…');
  });

  it('space Chinese sentences only between Chinese and Latin text', () => {
    expect(zhCN.groupTipJoined('Carol')).toBe('Carol 加入了群聊');
    expect(zhCN.groupTipJoined('张三')).toBe('张三加入了群聊');
    expect(zhCN.groupTipKicked('Alice', '你')).toBe('你被 Alice 移出了群聊');
    expect(zhCN.recalledBy('Bob')).toBe('Bob 撤回了一条消息');
    expect(zhCN.messageListLabel('Bob')).toBe('与 Bob 的聊天');
  });
});
