/**
 * @tidings/core/locales/zh-cn: the Simplified Chinese string tables. Their own entry so an app that shows
 * only English does not ship them; pass one to `<ChatProvider strings={zhCN}>` (or spread it into your own).
 *
 * @example
 * import { zhCN } from '@tidings/core/locales/zh-cn';
 * <ChatProvider store={store} strings={zhCN}>…</ChatProvider>
 * @module
 */

import { formatCount, formatList } from './format-intl';
import type { TidingsChatStrings, TidingsInboxStrings, TidingsStrings } from './format-strings';
import { type TidingsForwardStrings, zhCNForward } from './format-strings-forward';

export { zhCNForward } from './format-strings-forward';

const CJK = /[\p{Script=Han}\u3000-\u303f\uff00-\uffef“”]/u;

/**
 * Joins the parts of a sentence the way Chinese is set: a space between Chinese and Latin text
 * (`Carol 加入了群聊`), none between Chinese characters (`张三加入了群聊`).
 */
function cat(...parts: string[]): string {
  let out = '';
  for (const part of parts) {
    if (!part) continue;
    const before = out.slice(-1);
    const after = part.charAt(0);
    out += before && !(CJK.test(before) && CJK.test(after)) ? ` ${part}` : part;
  }
  return out;
}

/** Simplified Chinese strings of the inbox (conversation list, filters, badges, conversation actions). */
export const zhCNInbox: TidingsInboxStrings = {
  locale: 'zh-CN',

  previewImage: '[图片]',
  previewVoice: '[语音]',
  previewVideo: '[视频]',
  previewFile: '[文件]',
  previewLocation: '[位置]',
  previewSticker: '[表情]',
  previewChatHistory: '[聊天记录]',
  previewCustom: '[自定义消息]',
  previewDraft: '[草稿]',
  previewMentionMe: '[有人@我]',
  previewMentionAll: '[@所有人]',
  previewWithSender: (senderName, text) => `${senderName}: ${text}`,

  you: '你',
  youObject: '你',
  listOfNames: (names) => formatList('zh-CN', names),
  othersCount: (count) => cat('其他', formatCount('zh-CN', count), '人'),

  recalledBySelf: '你撤回了一条消息',
  recalledBy: (name) => cat(name, '撤回了一条消息'),
  groupTipJoined: (names) => cat(names, '加入了群聊'),
  groupTipQuit: (name) => cat(name, '退出了群聊'),
  groupTipKicked: (operator, names) => cat(names, '被', operator, '移出了群聊'),
  groupTipSetAdmin: (operator, names) => cat(operator, '将', names, '设为管理员'),
  groupTipCancelAdmin: (operator, names) => cat(operator, '取消了', names, '的管理员身份'),
  groupTipRenamed: (operator, name) => cat(operator, `将群名称修改为“${name}”`),
  groupTipInfoChanged: (operator) => cat(operator, '修改了群资料'),
  groupTipMemberInfoChanged: (names) => cat(names, '的群成员资料已更新'),
  groupTipCreated: (operator) => cat(operator, '创建了群聊'),
  groupTipDismissed: '该群聊已解散',

  unreadMessages: (count) => cat(formatCount('zh-CN', count), '条未读消息'),
  markedUnread: '标为未读',
  pinned: '已置顶',
  muted: '消息免打扰',
  starred: '已星标',
  sendFailed: '发送失败',

  conversationListLabel: '会话列表',
  conversationListEmpty: '暂无会话',
  conversationListEmptyHint: '发起或收到的聊天会显示在这里',
  conversationFiltersLabel: '会话筛选',
  filterAll: '全部',
  filterDirect: '单聊',
  filterGroups: '群聊',
  filterStarred: '星标',
  filterUnread: '未读',

  conversationActions: (name) => cat(name, '的更多操作'),
  pin: '置顶',
  unpin: '取消置顶',
  mute: '消息免打扰',
  unmute: '取消免打扰',
  markRead: '标为已读',
  markUnread: '标为未读',
  star: '星标',
  unstar: '取消星标',
  hide: '隐藏',
  delete: '删除',
  moreActions: '更多操作',

  loading: '加载中…',
  syncing: '同步中…',
  syncFailed: '同步失败',
  loadFailed: '加载失败',
  retry: '重试',
  conversationUnavailable: '此会话无法显示',
  listUnavailable: '此列表暂时无法显示',

  cancel: '取消',
  deleteConversationConfirm: (name) => cat('删除与', name, '的会话？'),
  deleteConversationDescription: '该会话及其消息将从本设备删除，此操作无法撤销。',
  notifications: '消息通知',
  receiveAndNotify: '接收并提醒',
  receiveNotNotify: '接收但不提醒',
  notReceive: '屏蔽消息',
  moveToFolder: '移至分组',
  newFolder: '新建分组…',
  folderName: '分组名称',
  noFolders: '暂无分组',
  create: '创建',
  markAllRead: '全部标为已读',
};

/** Simplified Chinese strings of the chat view (messages, message actions, composer, faces, search).
 *
 * A pure-marked `Object.assign` rather than a spread (see `en`), so an inbox-only app drops it.
 */
export const zhCNChat: TidingsChatStrings = /* @__PURE__ */ Object.assign<
  object,
  TidingsForwardStrings,
  Omit<TidingsChatStrings, keyof TidingsForwardStrings>
>({}, zhCNForward, {
  messageListLabel: (conversationName) => cat('与', conversationName, '的聊天'),
  messageListEmpty: '暂无消息',
  messageListEmptyHint: '打个招呼，开始聊天吧',
  noConversationSelected: '选择一个会话开始聊天',
  loadingOlderMessages: '正在加载更早的消息…',
  newMessages: (count) => cat(formatCount('zh-CN', count), '条新消息'),
  jumpToLatest: '回到最新',
  unreadSeparator: '以下为新消息',
  typing: (names) =>
    names.length === 0
      ? ''
      : names.length <= 2
        ? cat(formatList('zh-CN', names), '正在输入…')
        : '多人正在输入…',
  statusSending: '发送中',
  statusSent: '已发送',
  statusRead: '已读',
  statusFailed: '发送失败',
  voiceMessage: (duration) => `语音消息，${duration}`,
  image: '图片',
  video: (duration) => `视频，${duration}`,
  file: (name, size) => `${name}，${size}`,
  chatHistory: (title) => `聊天记录：${title}`,

  messageActions: '消息操作',
  copy: '复制',
  reply: '回复',
  recall: '撤回',
  resend: '重新发送',
  download: '下载',
  play: '播放',
  pause: '暂停',

  composerLabel: '消息',
  composerPlaceholder: '输入消息…',
  send: '发送',
  attach: '添加附件',
  emoji: '表情',
  removeAttachment: (name) => cat('移除', name),
  cancelUpload: '取消上传',
  uploadProgress: (percent) => `上传中，${Math.round(percent)}%`,
  dropFilesHere: '拖放文件以发送',

  close: '关闭',
  back: '返回',
  search: '搜索',

  reEdit: '重新编辑',
  quotedMessage: (name, preview) => `${cat('引用', name, '的消息')}：${preview}`,
  quoteNotFound: '无法定位到原消息',
  openInMaps: '在地图中查看',
  sticker: '表情',
  copied: '已复制',
  deleteMessageConfirm: '从此设备删除这条消息？',

  composerHint: (sendKeys, newLineKeys) => `${sendKeys} 发送，${newLineKeys} 换行`,
  composerDisabled: '无法在此会话中发送消息',
  attachments: '附件',
  fileTooLarge: (name, limit) => `“${name}”超过 ${limit} 上限，未添加`,
  messageTooLong: '消息过长，请删减后再发送。',
  textLimit: (used, limit) => `已用 ${used}，上限 ${limit}`,
  sendError: (code) =>
    code === 'NETWORK_ERROR'
      ? '发送失败，请检查网络后重试。'
      : code === 'PERMISSION_DENIED'
        ? '你无法在此会话中发送消息。'
        : code === 'NOT_LOGGED_IN'
          ? '你已退出登录，请重新登录后发送。'
          : code === 'MESSAGE_TOO_LARGE'
            ? '内容过大，无法发送。'
            : code === 'RATE_LIMITED'
              ? '发送过于频繁，请稍后再试。'
              : '发送失败，请重试。',
  attachmentFailed: (name, reason) => `“${name}”未发送。${reason}`,
  dismiss: '关闭提示',
  searchMessages: '搜索聊天记录',
  clearSearch: '清除搜索',
  searchType: '类型',
  messageTypeName: (type) =>
    (
      ({
        text: '文字',
        image: '图片',
        file: '文件',
        video: '视频',
        sound: '语音',
        location: '位置',
        face: '表情',
        custom: '其他',
        merger: '聊天记录',
      }) as Record<string, string>
    )[type] ?? type,
  searchSender: '发送者',
  searchAnyone: '所有人',
  searchPrompt: '按关键词、类型或发送者查找消息',
  searchResults: '搜索结果',
  searchNoResults: '没有找到相关消息',
  searchResultCount: (count) => cat(formatCount('zh-CN', count), '条相关记录'),
  searchShowMore: '显示更多结果',
  replyingTo: (name) => cat('回复', name),
  cancelReply: '取消回复',
  messageUnavailable: '此消息无法显示',
  mediaBlocked: '已拦截：地址不安全',
});

/**
 * Simplified Chinese strings of the Tidings UI: the inbox's half and the chat view's.
 *
 * `Object.assign` marked pure rather than a spread (which bundlers keep as a possible side effect), so an
 * app that never reads `zhCN` drops the chat view's half.
 */
export const zhCN: TidingsStrings = /* @__PURE__ */ Object.assign({}, zhCNInbox, zhCNChat);
