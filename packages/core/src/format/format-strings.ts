import type { TidingsForwardStrings } from './format-strings-forward';

/**
 * Every piece of text the Tidings UI shows or announces, in one flat table so an app can override a few
 * entries with a spread: `{ ...en, previewDraft: '[Unsent]' }`. Entries that depend on a number or a name
 * are functions, so each language can place the value and choose its plural form.
 *
 * Two languages ship, each its own entry so the model and the store carry no language: `en`
 * (`@tidings/core/locales/en`, the components' default) and `zhCN` (`@tidings/core/locales/zh-cn`). Each is made of two halves, the inbox's
 * ({@link TidingsInboxStrings}: `enInbox`, `zhCNInbox`) and the chat view's ({@link TidingsChatStrings}:
 * `enChat`, `zhCNChat`), so that the inbox's parts, which need only their half, can default to it.
 */
export interface TidingsStrings extends TidingsInboxStrings, TidingsChatStrings {}

/**
 * The strings of the inbox: conversation previews, the conversation list, its filters and badges, the
 * conversation actions and their dialogs. An app that shows only the inbox ships only these
 * (`enInbox`, `zhCNInbox`).
 */
export interface TidingsInboxStrings {
  /** BCP 47 tag used for dates, times, numbers and lists when no other locale is given, e.g. `'en'`. */
  locale: string;

  // ── Preview markers (conversation list, notifications) ───────────────────────────────────────────
  /** An image, e.g. `[Image]`. */
  previewImage: string;
  /** A voice message, e.g. `[Voice]`. */
  previewVoice: string;
  /** A video, e.g. `[Video]`. */
  previewVideo: string;
  /** A file; the file name follows it, e.g. `[File]`. */
  previewFile: string;
  /** A location; its description follows it, e.g. `[Location]`. */
  previewLocation: string;
  /** A sticker or face, e.g. `[Sticker]`. */
  previewSticker: string;
  /** A merged message (forwarded chat history), e.g. `[Chat history]`. */
  previewChatHistory: string;
  /** A custom element without a description, e.g. `[Custom message]`. */
  previewCustom: string;
  /** Marks an unsent draft; the draft text follows it, e.g. `[Draft]`. */
  previewDraft: string;
  /** Marks an unread `@` mention of the signed-in user, e.g. `[@me]`. */
  previewMentionMe: string;
  /** Marks an unread `@all` mention, e.g. `[@all]`. */
  previewMentionAll: string;
  /** A group preview: the sender's name before the text, e.g. `Bob: hi`. */
  previewWithSender: (senderName: string, text: string) => string;

  // ── People ─────────────────────────────────────────────────────────────────────────────────────
  /** The signed-in user where a sentence starts with them (a sender, a subject), e.g. `You`. */
  you: string;
  /** The signed-in user inside a sentence (an object), e.g. `you` in `Alice removed you`. */
  youObject: string;
  /** Joins names into a list, e.g. `Carol, Dave and Erin`. */
  listOfNames: (names: readonly string[]) => string;
  /**
   * The rest of a long list of names, e.g. `9,998 others` (group tips name a few members and count the
   * others). @default `+<count>`
   */
  othersCount?: (count: number) => string;

  // ── Recalled messages and group tips ───────────────────────────────────────────────────────────
  /** A message the signed-in user recalled. */
  recalledBySelf: string;
  /** A message someone else recalled. */
  recalledBy: (name: string) => string;
  /** Members joined the group. */
  groupTipJoined: (names: string) => string;
  /** A member left the group. */
  groupTipQuit: (name: string) => string;
  /** Members were removed from the group by someone. */
  groupTipKicked: (operator: string, names: string) => string;
  /** Members were made admins by someone. */
  groupTipSetAdmin: (operator: string, names: string) => string;
  /** Members were removed as admins by someone. */
  groupTipCancelAdmin: (operator: string, names: string) => string;
  /** The group was renamed. */
  groupTipRenamed: (operator: string, name: string) => string;
  /** Other group information changed (avatar, notice, introduction…). */
  groupTipInfoChanged: (operator: string) => string;
  /** Members' group profiles changed (for example they were muted). */
  groupTipMemberInfoChanged: (names: string) => string;
  /** The group was created. */
  groupTipCreated: (operator: string) => string;
  /** The group was dismissed. */
  groupTipDismissed: string;

  // ── Badges and markers ─────────────────────────────────────────────────────────────────────────
  /** Accessible name of an unread badge, e.g. `3 unread messages`. */
  unreadMessages: (count: number) => string;
  /** Accessible name of the dot of a conversation marked unread with no unread count. */
  markedUnread: string;
  /** A pinned conversation. */
  pinned: string;
  /** A muted (do-not-disturb) conversation. */
  muted: string;
  /** A starred conversation. */
  starred: string;
  /** The last message could not be sent. */
  sendFailed: string;

  // ── Conversation list ──────────────────────────────────────────────────────────────────────────
  /** Accessible name of the conversation list. */
  conversationListLabel: string;
  /** The conversation list has nothing to show. */
  conversationListEmpty: string;
  /** Under {@link TidingsInboxStrings.conversationListEmpty}: what to do next. */
  conversationListEmptyHint: string;
  /** Accessible name of the filter tabs. */
  conversationFiltersLabel: string;
  /** Filter tab: every conversation. */
  filterAll: string;
  /** Filter tab: one-to-one conversations. */
  filterDirect: string;
  /** Filter tab: group conversations. */
  filterGroups: string;
  /** Filter tab: starred conversations. */
  filterStarred: string;
  /** Filter tab: conversations with unread messages. */
  filterUnread: string;

  // ── Conversation actions ───────────────────────────────────────────────────────────────────────
  /** Accessible name of the actions button of a conversation. */
  conversationActions: (name: string) => string;
  /** Pin a conversation to the top. */
  pin: string;
  /** Unpin a conversation. */
  unpin: string;
  /** Mute a conversation (do not disturb). */
  mute: string;
  /** Unmute a conversation. */
  unmute: string;
  /** Mark a conversation read. */
  markRead: string;
  /** Mark a conversation unread. */
  markUnread: string;
  /** Star a conversation. */
  star: string;
  /** Remove a conversation's star. */
  unstar: string;
  /** Hide a conversation until a new message arrives. */
  hide: string;
  /** Delete a conversation or a message. */
  delete: string;
  /** Accessible name of a button that opens more actions. */
  moreActions: string;

  // ── States ─────────────────────────────────────────────────────────────────────────────────────
  /** Something is loading. */
  loading: string;
  /** The store is syncing with the server. */
  syncing: string;
  /** Syncing with the server failed. */
  syncFailed: string;
  /** Loading failed. */
  loadFailed: string;
  /** Try a failed operation again. */
  retry: string;
  /** A conversation row that failed to render (the rest of the list keeps working). */
  conversationUnavailable: string;
  /** A list that failed to render as a whole, e.g. `This list can’t be shown right now`. */
  listUnavailable: string;

  // ── Conversation actions and folders ───────────────────────────────────────────────────────────
  /** Dismiss a dialog without doing anything, e.g. `Cancel`. */
  cancel: string;
  /** Title of the confirmation before deleting a conversation, e.g. `Delete the chat with Bob?`. */
  deleteConversationConfirm: (name: string) => string;
  /** What deleting a conversation does, under that title. */
  deleteConversationDescription: string;
  /** Submenu of how a conversation's messages are received, e.g. `Notifications`. */
  notifications: string;
  /** Receive option `receive`: messages arrive and notify, e.g. `Notify me`. */
  receiveAndNotify: string;
  /** Receive option `receiveNotNotify`: messages arrive silently (muted), e.g. `Don’t notify me`. */
  receiveNotNotify: string;
  /** Receive option `notReceive`: messages are not delivered, e.g. `Block messages`. */
  notReceive: string;
  /** Submenu of the conversation groups (folders) a conversation is in, e.g. `Move to folder`. */
  moveToFolder: string;
  /** Creates a conversation group (folder) with the conversation in it, e.g. `New folder…`. */
  newFolder: string;
  /** Label of the field naming a new folder, e.g. `Folder name`. */
  folderName: string;
  /** Shown in the folder submenu when there are none, e.g. `No folders yet`. */
  noFolders: string;
  /** Confirms creating something, e.g. `Create`. */
  create: string;
  /** Marks every conversation in a scope read, e.g. `Mark all as read`. */
  markAllRead: string;
}

/**
 * The strings of the chat view: the message list and its content, message actions, the composer, faces and
 * message search (`enChat`, `zhCNChat`).
 */
export interface TidingsChatStrings extends TidingsForwardStrings {
  // ── Message list ───────────────────────────────────────────────────────────────────────────────
  /** Accessible name of the message list of a conversation. */
  messageListLabel: (conversationName: string) => string;
  /** The conversation has no messages. */
  messageListEmpty: string;
  /** Under `messageListEmpty`: what to do next. */
  messageListEmptyHint: string;
  /** Shown while no conversation is open. */
  noConversationSelected: string;
  /** Older messages are loading. */
  loadingOlderMessages: string;
  /** The pill that scrolls to new messages below, e.g. `3 new messages`. */
  newMessages: (count: number) => string;
  /** Scrolls to the newest message. */
  jumpToLatest: string;
  /** The line above the first unread message. */
  unreadSeparator: string;
  /** Someone is typing, e.g. `Bob is typing…`. */
  typing: (names: readonly string[]) => string;
  /** Message status: being sent. */
  statusSending: string;
  /** Message status: sent, not yet read by the peer. */
  statusSent: string;
  /** Message status: read by the peer. */
  statusRead: string;
  /** Message status: failed to send. */
  statusFailed: string;
  /** Accessible name of a voice message, e.g. `Voice message, 0:05`. */
  voiceMessage: (duration: string) => string;
  /** Accessible name of an image without a name. */
  image: string;
  /** Accessible name of a video, e.g. `Video, 1:02`. */
  video: (duration: string) => string;
  /** Accessible name of a file, e.g. `report.pdf, 1.2 MB`. */
  file: (name: string, size: string) => string;
  /** Accessible name of a merged message, e.g. `Chat history: Team sync`. */
  chatHistory: (title: string) => string;

  // ── Message actions ────────────────────────────────────────────────────────────────────────────
  /** Accessible name of the actions button of a message. */
  messageActions: string;
  /** Copy a message's text. */
  copy: string;
  /** Reply to a message. */
  reply: string;
  /** Recall (revoke) one's own message. */
  recall: string;
  /** Send a failed message again. */
  resend: string;
  /** Download an attachment. */
  download: string;
  /** Play a voice message or video. */
  play: string;
  /** Pause playback. */
  pause: string;

  // ── Composer ───────────────────────────────────────────────────────────────────────────────────
  /** Accessible name of the message field. */
  composerLabel: string;
  /** Placeholder of the message field. */
  composerPlaceholder: string;
  /** Send the message. */
  send: string;
  /** Attach files. */
  attach: string;
  /** Open the sticker and emoji picker. */
  emoji: string;
  /** Remove an attachment before sending. */
  removeAttachment: (name: string) => string;
  /** Stop an upload in progress. */
  cancelUpload: string;
  /** Upload progress, e.g. `Uploading, 40%`. */
  uploadProgress: (percent: number) => string;
  /** Shown while files are dragged over the composer. */
  dropFilesHere: string;

  // ── States ─────────────────────────────────────────────────────────────────────────────────────
  /** Close a menu, dialog or panel. */
  close: string;
  /** Go back (narrow layouts). */
  back: string;
  /** Search. */
  search: string;

  // ── Message list and content ───────────────────────────────────────────────────────────────────
  /** Puts a recalled message's text back into the composer, e.g. `Re-edit`. */
  reEdit: string;
  /** Accessible name of a quote of another message (activating it jumps there), e.g. `Quoted message from Bob: see you`. */
  quotedMessage: (name: string, preview: string) => string;
  /** Said under a quote whose original message cannot be found (deleted, or never on this device). */
  quoteNotFound: string;
  /** A link that opens a location in a map, e.g. `Open in maps`. */
  openInMaps: string;
  /** Accessible name of a sticker (face) that has no name of its own, e.g. `Sticker`. */
  sticker: string;
  /** Announced after a message's text was copied, e.g. `Copied`. */
  copied: string;
  /** Asks before deleting a message from this device, e.g. `Delete this message from this device?`. */
  deleteMessageConfirm: string;

  // ── Composer, faces and message search ─────────────────────────────────────────────────────────
  /** How to send from the message field, e.g. `Enter to send, Shift+Enter for a new line`. */
  composerHint: (sendKeys: string, newLineKeys: string) => string;
  /** Why the composer is disabled when the app gives no reason, e.g. `You can’t send messages here`. */
  composerDisabled: string;
  /** Accessible name of the attachments waiting above the message field, e.g. `Attachments`. */
  attachments: string;
  /** A file over the size limit was not attached, e.g. `“clip.mov” is over the 100 MB limit`. */
  fileTooLarge: (name: string, limit: string) => string;
  /** The text is over the engine's limit, e.g. `This message is too long to send. Shorten it first.` */
  messageTooLong: string;
  /** How much of the text limit is used, e.g. `11 KB of 12 KB`. */
  textLimit: (used: string, limit: string) => string;
  /**
   * Why a send failed, by {@link ChatErrorCode} (`NETWORK_ERROR`, `PERMISSION_DENIED`, `NOT_LOGGED_IN`,
   * `MESSAGE_TOO_LARGE`…), e.g. `Couldn’t send. Check your connection and try again.`
   */
  sendError: (code: string) => string;
  /** An attachment could not be sent, e.g. `“photo.png” wasn’t sent. Couldn’t connect.` */
  attachmentFailed: (name: string, reason: string) => string;
  /** Dismisses a notice. */
  dismiss: string;
  /** Accessible name of the message search field, e.g. `Search messages`. */
  searchMessages: string;
  /** Clears the search field. */
  clearSearch: string;
  /** Accessible name of the message type filter, e.g. `Type`. */
  searchType: string;
  /** A message type filter, by element type (`text`, `image`, `file`, `video`, `sound`, `location`…). */
  messageTypeName: (type: string) => string;
  /** Accessible name of the sender filter, e.g. `From`. */
  searchSender: string;
  /** The sender filter's "any sender" choice, e.g. `Anyone`. */
  searchAnyone: string;
  /** Shown before anything is searched, e.g. `Search by words, type or sender`. */
  searchPrompt: string;
  /** Accessible name of the list of results, e.g. `Search results`. */
  searchResults: string;
  /** Nothing matched. */
  searchNoResults: string;
  /** Matches in one conversation, e.g. `3 results`. */
  searchResultCount: (count: number) => string;
  /** Loads the next page of results. */
  searchShowMore: string;
  /** Above the field while a reply is written, e.g. `Replying to Bob`. */
  replyingTo: (name: string) => string;
  /** Stops replying (the quote above the field goes away). */
  cancelReply: string;
  /** A message that failed to render, in place of it (the rest of the list keeps working). */
  messageUnavailable: string;
  /**
   * A picture, video, voice message, file or link whose address the URL policy refused (an unsafe scheme,
   * or a host the app does not allow), e.g. `Blocked: unsafe address`.
   */
  mediaBlocked: string;
}
