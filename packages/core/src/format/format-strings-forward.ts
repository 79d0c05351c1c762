import { formatCount, formatList } from './format-intl';

/**
 * Strings of selecting, forwarding, deleting many and mentioning (part of {@link TidingsChatStrings}).
 * Both languages sit in this one file, so the feature's strings travel together.
 */
export interface TidingsForwardStrings {
  // ── Selection ──────────────────────────────────────────────────────────────────────────────────
  /** Message action: enters selection mode with this message selected, e.g. `Select`. */
  select: string;
  /** Message action: forwards this one message, e.g. `Forward`. */
  forward: string;
  /** Accessible name of the selection bar, e.g. `Selected messages`. */
  selectionBar: string;
  /** How many are selected (the bar's live region), e.g. `3 selected`. */
  selectedCount: (count: number) => string;
  /** Appended to a selected message's accessible name, e.g. `selected`. */
  selected: string;
  /** Accessible name of a message's checkbox in selection mode, e.g. `Select message from Bob, 10:02`. */
  selectMessage: (label: string) => string;
  /** Forwards the selection one message at a time, e.g. `Forward one by one`. */
  forwardOneByOne: string;
  /** Forwards the selection merged into one chat-history message, e.g. `Forward as chat history`. */
  forwardMerged: string;
  /** Leaves selection mode, e.g. `Cancel`. */
  cancelSelection: string;
  /** Asks before deleting the selection, e.g. `Delete 3 messages from this device?`. */
  deleteSelectedConfirm: (count: number) => string;

  // ── Forward picker ─────────────────────────────────────────────────────────────────────────────
  /** Title of the forward dialog, e.g. `Forward to`. */
  forwardTo: string;
  /** Describes what is forwarded, e.g. `3 messages, as chat history`. */
  forwardSummary: (count: number, merged: boolean) => string;
  /** Accessible name of the conversation search field, e.g. `Search chats`. */
  searchConversations: string;
  /** Accessible name of the list of conversations to pick from, e.g. `Chats`. */
  forwardTargets: string;
  /** Nothing matched the search, e.g. `No chats found`. */
  noConversationsFound: string;
  /** The send button with how many chats are picked, e.g. `Send to 2 chats`. */
  sendToCount: (count: number) => string;
  /** Announced when forwarding finished, e.g. `Forwarded to 2 chats`. */
  forwardedTo: (count: number) => string;
  /** Announced when some forwards failed, e.g. `2 messages weren’t forwarded`. */
  forwardFailed: (count: number) => string;
  /**
   * Title of a merged chat history, from the names of the people in it, e.g.
   * `Chat history of Alice and Bob`; a group's is `Chat history of Design Team`.
   */
  chatHistoryTitle: (names: readonly string[]) => string;

  // ── Mentions ───────────────────────────────────────────────────────────────────────────────────
  /** Accessible name of the member picker that `@` opens, e.g. `Mention someone`. */
  mentionPicker: string;
  /** The choice that mentions everyone, e.g. `Everyone`. */
  mentionAll: string;
  /** Under "Everyone", e.g. `Notify all members`. */
  mentionAllHint: string;
  /** Nobody matched the name typed after `@`, e.g. `No members found`. */
  noMembersFound: string;
  /** Members are loading, e.g. `Loading members…`. */
  loadingMembers: string;
  /** Appended to the accessible name of a message that mentions the signed-in user, e.g. `mentions you`. */
  mentionsYou: string;
  /** A member's role in the picker, e.g. `Owner`, `Admin`, `` for members. */
  memberRole: (role: 'owner' | 'admin' | 'member') => string;
}

/** English strings of selecting, forwarding and mentioning. */
export const enForward: TidingsForwardStrings = {
  select: 'Select',
  forward: 'Forward',
  selectionBar: 'Selected messages',
  selectedCount: (count) => `${formatCount('en', count)} selected`,
  selected: 'selected',
  selectMessage: (label) => `Select message from ${label}`,
  forwardOneByOne: 'Forward one by one',
  forwardMerged: 'Forward as chat history',
  cancelSelection: 'Cancel',
  deleteSelectedConfirm: (count) =>
    count === 1
      ? 'Delete this message from this device?'
      : `Delete ${formatCount('en', count)} messages from this device?`,
  forwardTo: 'Forward to',
  forwardSummary: (count, merged) =>
    `${count === 1 ? '1 message' : `${formatCount('en', count)} messages`}${merged ? ', as chat history' : ''}`,
  searchConversations: 'Search chats',
  forwardTargets: 'Chats',
  noConversationsFound: 'No chats found',
  sendToCount: (count) =>
    count === 0 ? 'Send' : count === 1 ? 'Send to 1 chat' : `Send to ${formatCount('en', count)} chats`,
  forwardedTo: (count) =>
    count === 1 ? 'Forwarded to 1 chat' : `Forwarded to ${formatCount('en', count)} chats`,
  forwardFailed: (count) =>
    count === 1 ? '1 message wasn’t forwarded' : `${formatCount('en', count)} messages weren’t forwarded`,
  chatHistoryTitle: (names) => `Chat history of ${formatList('en', names)}`,
  mentionPicker: 'Mention someone',
  mentionAll: 'Everyone',
  mentionAllHint: 'Notify all members',
  noMembersFound: 'No members found',
  loadingMembers: 'Loading members…',
  mentionsYou: 'mentions you',
  memberRole: (role) => (role === 'owner' ? 'Owner' : role === 'admin' ? 'Admin' : ''),
};

/** Simplified Chinese strings of selecting, forwarding and mentioning. */
export const zhCNForward: TidingsForwardStrings = {
  select: '多选',
  forward: '转发',
  selectionBar: '已选消息',
  selectedCount: (count) => `已选择 ${count} 条`,
  selected: '已选中',
  selectMessage: (label) => `选择消息：${label}`,
  forwardOneByOne: '逐条转发',
  forwardMerged: '合并转发',
  cancelSelection: '取消',
  deleteSelectedConfirm: (count) =>
    count === 1 ? '要从本设备删除这条消息吗？' : `要从本设备删除这 ${count} 条消息吗？`,
  forwardTo: '转发给',
  forwardSummary: (count, merged) => `${count} 条消息${merged ? '，合并为聊天记录' : ''}`,
  searchConversations: '搜索会话',
  forwardTargets: '会话',
  noConversationsFound: '没有找到会话',
  sendToCount: (count) => (count === 0 ? '发送' : `发送给 ${count} 个会话`),
  forwardedTo: (count) => `已转发给 ${count} 个会话`,
  forwardFailed: (count) => `${count} 条消息转发失败`,
  chatHistoryTitle: (names) =>
    names.length === 1 ? `${names[0]}的聊天记录` : `${formatList('zh-CN', names)}的聊天记录`,
  mentionPicker: '选择提醒的人',
  mentionAll: '所有人',
  mentionAllHint: '提醒全部成员',
  noMembersFound: '没有找到成员',
  loadingMembers: '正在加载成员…',
  mentionsYou: '有人@我',
  memberRole: (role) => (role === 'owner' ? '群主' : role === 'admin' ? '管理员' : ''),
};
