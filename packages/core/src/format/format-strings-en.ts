/**
 * @tidings/core/locales/en: the English string tables, the kit's default. Their own entry, like
 * `@tidings/core/locales/zh-cn`, so the model and the store ship without any language; the components take
 * the half they need (an inbox only `enInbox`).
 *
 * @example
 * import { en } from '@tidings/core/locales/en';
 * <ChatProvider store={store} strings={{ ...en, previewDraft: '[Unsent]' }}>…</ChatProvider>
 * @module
 */
import { formatCount, formatList } from './format-intl';
import type { TidingsChatStrings, TidingsInboxStrings, TidingsStrings } from './format-strings';
import { enForward, type TidingsForwardStrings } from './format-strings-forward';

export { enForward } from './format-strings-forward';

const plural = (count: number, one: string, many: string): string =>
  `${formatCount('en', count)} ${count === 1 ? one : many}`;

/** English strings of the inbox (conversation list, filters, badges, conversation actions). */
export const enInbox: TidingsInboxStrings = {
  locale: 'en',

  previewImage: '[Image]',
  previewVoice: '[Voice]',
  previewVideo: '[Video]',
  previewFile: '[File]',
  previewLocation: '[Location]',
  previewSticker: '[Sticker]',
  previewChatHistory: '[Chat history]',
  previewCustom: '[Custom message]',
  previewDraft: '[Draft]',
  previewMentionMe: '[@me]',
  previewMentionAll: '[@all]',
  previewWithSender: (senderName, text) => `${senderName}: ${text}`,

  you: 'You',
  youObject: 'you',
  listOfNames: (names) => formatList('en', names),
  othersCount: (count) => plural(count, 'other', 'others'),

  recalledBySelf: 'You recalled a message',
  recalledBy: (name) => `${name} recalled a message`,
  groupTipJoined: (names) => `${names} joined the group`,
  groupTipQuit: (name) => `${name} left the group`,
  groupTipKicked: (operator, names) => `${operator} removed ${names}`,
  groupTipSetAdmin: (operator, names) => `${operator} made ${names} admin`,
  groupTipCancelAdmin: (operator, names) => `${operator} removed ${names} as admin`,
  groupTipRenamed: (operator, name) => `${operator} renamed the group to “${name}”`,
  groupTipInfoChanged: (operator) => `${operator} changed the group info`,
  groupTipMemberInfoChanged: (names) => `Member info updated for ${names}`,
  groupTipCreated: (operator) => `${operator} created the group`,
  groupTipDismissed: 'The group was dismissed',

  unreadMessages: (count) => plural(count, 'unread message', 'unread messages'),
  markedUnread: 'Marked as unread',
  pinned: 'Pinned',
  muted: 'Muted',
  starred: 'Starred',
  sendFailed: 'Failed to send',

  conversationListLabel: 'Conversations',
  conversationListEmpty: 'No conversations yet',
  conversationListEmptyHint: 'Chats you start or receive show up here',
  conversationFiltersLabel: 'Conversation filters',
  filterAll: 'All',
  filterDirect: 'Direct',
  filterGroups: 'Groups',
  filterStarred: 'Starred',
  filterUnread: 'Unread',

  conversationActions: (name) => `Actions for ${name}`,
  pin: 'Pin',
  unpin: 'Unpin',
  mute: 'Mute',
  unmute: 'Unmute',
  markRead: 'Mark as read',
  markUnread: 'Mark as unread',
  star: 'Star',
  unstar: 'Remove star',
  hide: 'Hide',
  delete: 'Delete',
  moreActions: 'More actions',

  loading: 'Loading…',
  syncing: 'Syncing…',
  syncFailed: 'Couldn’t sync',
  loadFailed: 'Couldn’t load',
  retry: 'Retry',
  conversationUnavailable: 'This conversation can’t be shown',
  listUnavailable: 'This list can’t be shown right now',

  cancel: 'Cancel',
  deleteConversationConfirm: (name) => `Delete the chat with ${name}?`,
  deleteConversationDescription:
    'The chat and its messages are removed from this device. This can’t be undone.',
  notifications: 'Notifications',
  receiveAndNotify: 'Notify me',
  receiveNotNotify: 'Don’t notify me',
  notReceive: 'Block messages',
  moveToFolder: 'Move to folder',
  newFolder: 'New folder…',
  folderName: 'Folder name',
  noFolders: 'No folders yet',
  create: 'Create',
  markAllRead: 'Mark all as read',
};

/** English strings of the chat view (messages, message actions, composer, faces, search).
 *
 * A pure-marked `Object.assign` rather than a spread (see `en`), so an inbox-only app drops it.
 */
export const enChat: TidingsChatStrings = /* @__PURE__ */ Object.assign<
  object,
  TidingsForwardStrings,
  Omit<TidingsChatStrings, keyof TidingsForwardStrings>
>({}, enForward, {
  messageListLabel: (conversationName) => `Messages with ${conversationName}`,
  messageListEmpty: 'No messages yet',
  messageListEmptyHint: 'Say hello to start the conversation',
  noConversationSelected: 'Select a conversation to start chatting',
  loadingOlderMessages: 'Loading earlier messages…',
  newMessages: (count) => plural(count, 'new message', 'new messages'),
  jumpToLatest: 'Jump to latest',
  unreadSeparator: 'Unread messages',
  typing: (names) =>
    names.length === 0
      ? ''
      : names.length === 1
        ? `${names[0]} is typing…`
        : names.length === 2
          ? `${formatList('en', names)} are typing…`
          : 'Several people are typing…',
  statusSending: 'Sending',
  statusSent: 'Sent',
  statusRead: 'Read',
  statusFailed: 'Failed to send',
  voiceMessage: (duration) => `Voice message, ${duration}`,
  image: 'Image',
  video: (duration) => `Video, ${duration}`,
  file: (name, size) => `${name}, ${size}`,
  chatHistory: (title) => `Chat history: ${title}`,

  messageActions: 'Message actions',
  copy: 'Copy',
  reply: 'Reply',
  recall: 'Recall',
  resend: 'Resend',
  download: 'Download',
  play: 'Play',
  pause: 'Pause',

  composerLabel: 'Message',
  composerPlaceholder: 'Write a message…',
  send: 'Send',
  attach: 'Attach files',
  emoji: 'Stickers and emoji',
  removeAttachment: (name) => `Remove ${name}`,
  cancelUpload: 'Cancel upload',
  uploadProgress: (percent) => `Uploading, ${Math.round(percent)}%`,
  dropFilesHere: 'Drop files to send',

  close: 'Close',
  back: 'Back',
  search: 'Search',

  reEdit: 'Re-edit',
  quotedMessage: (name, preview) => `Quoted message from ${name}: ${preview}`,
  quoteNotFound: 'The original message is no longer available',
  openInMaps: 'Open in maps',
  sticker: 'Sticker',
  copied: 'Copied',
  deleteMessageConfirm: 'Delete this message from this device?',

  composerHint: (sendKeys, newLineKeys) => `${sendKeys} to send, ${newLineKeys} for a new line`,
  composerDisabled: 'You can’t send messages here',
  attachments: 'Attachments',
  fileTooLarge: (name, limit) => `“${name}” is over the ${limit} limit and wasn’t attached`,
  messageTooLong: 'This message is too long to send. Shorten it first.',
  textLimit: (used, limit) => `${used} of ${limit}`,
  sendError: (code) =>
    code === 'NETWORK_ERROR'
      ? 'Couldn’t send. Check your connection and try again.'
      : code === 'PERMISSION_DENIED'
        ? 'You can’t send messages in this conversation.'
        : code === 'NOT_LOGGED_IN'
          ? 'You’re signed out. Sign in again to send.'
          : code === 'MESSAGE_TOO_LARGE'
            ? 'Too large to send.'
            : code === 'RATE_LIMITED'
              ? 'Sending too fast. Wait a moment and try again.'
              : 'Couldn’t send. Try again.',
  attachmentFailed: (name, reason) => `“${name}” wasn’t sent. ${reason}`,
  dismiss: 'Dismiss',
  searchMessages: 'Search messages',
  clearSearch: 'Clear search',
  searchType: 'Type',
  messageTypeName: (type) =>
    (
      ({
        text: 'Text',
        image: 'Images',
        file: 'Files',
        video: 'Videos',
        sound: 'Voice',
        location: 'Locations',
        face: 'Stickers',
        custom: 'Other',
        merger: 'Chat history',
      }) as Record<string, string>
    )[type] ?? type,
  searchSender: 'From',
  searchAnyone: 'Anyone',
  searchPrompt: 'Search by words, type or sender',
  searchResults: 'Search results',
  searchNoResults: 'No messages found',
  searchResultCount: (count) => plural(count, 'result', 'results'),
  searchShowMore: 'Show more results',
  replyingTo: (name) => `Replying to ${name}`,
  cancelReply: 'Cancel reply',
  messageUnavailable: 'This message can’t be shown',
  mediaBlocked: 'Blocked: unsafe address',
});

/**
 * English strings of the Tidings UI: the inbox's half and the chat view's.
 *
 * `Object.assign` marked pure rather than a spread (which bundlers keep as a possible side effect), so an
 * app that never reads `en` drops the chat view's half.
 */
export const en: TidingsStrings = /* @__PURE__ */ Object.assign({}, enInbox, enChat);
