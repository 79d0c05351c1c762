import type { StoreApi } from 'zustand/vanilla';
import type { ChatEngine } from '../engine/chat-engine';
import type { CreateMessageReplyOptions } from '../format/format-reply';
import type { ChatStateData, SyncStatus, TypingUser } from '../model/chat-state';
import type { ConversationView } from '../model/conversation-view';
import type { MessageWindow } from '../model/message-window';
import type {
  ConversationFilter,
  ConversationMarkType,
  GroupMember,
  Message,
  MessageElem,
  MessageSearchParams,
  MessageSearchResult,
  ReceiveMessageOpt,
  SendMessageOptions,
  UnreadFilter,
} from '../model/types';

export type { ChatStateData, ConversationView, MessageWindow, SyncStatus, TypingUser };

/** Options of {@link createChatStore}. */
export interface ChatStoreOptions {
  /** Page size for conversation pulls. @default 50 */
  conversationPageSize?: number | undefined;
  /** Page size for history pulls. @default 30 */
  messagePageSize?: number | undefined;
  /** How long a typing indicator lasts without renewal, ms. @default 5000 */
  typingTimeoutMs?: number | undefined;
  /** Clock, for tests. @default Date.now */
  now?: (() => number) | undefined;
}

/** Options of {@link ChatActions.forwardMessages}. */
export interface ForwardMessagesOptions {
  /**
   * Merges the messages into one chat-history message per target (`createMergerMessage`) instead of
   * forwarding them one by one. The UI writes the title ("Chat history of Alice and Bob"), the abstract
   * (the first lines) and the text shown by clients that cannot show a merged message.
   */
  merge?: { title: string; abstractList: string[]; compatibleText: string };
}

/** Options of {@link ChatActions.deleteMessages}. */
export interface DeleteMessagesOptions {
  /**
   * Also deletes them from the server's roaming history (`deleteMessagesFromServer`), so other devices
   * lose them too. An engine whose service cannot rejects with `NOT_SUPPORTED`.
   * @default false (this device only)
   */
  fromServer?: boolean;
}

/** Options of {@link ChatActions.sendText}. */
export interface SendTextOptions {
  /** Group members mentioned with `@` (`'@all'` for everyone); sent with `createTextAtMessage`. */
  atUserList?: string[];
  /**
   * The message this one replies to: the reply carries the quote in its `cloudCustomData` the way
   * Tencent's TUIKit writes it (`messageReply`), so Tidings and TUIKit lists show it and jump to it.
   */
  reply?: SendTextReply | undefined;
}

/** The `reply` option of {@link ChatActions.sendText}: the quoted message and how its quote reads. */
export interface SendTextReply {
  /** The quoted message. */
  message: Message;
  /** The string table the quote's one-line preview is written with (`[Image]`…). */
  strings: CreateMessageReplyOptions['strings'];
  /** The quoted sender's display name. @default the quoted message's nick, else its sender ID */
  senderName?: string | undefined;
}

/** Options of {@link ChatActions.sendFiles}; each callback is told which file it is about. */
export interface SendFilesOptions {
  /**
   * Called once a file's message exists, before it is sent; returning `false` sends it not (the user took
   * the file back meanwhile), and that file's result rejects with `SEND_CANCELLED`.
   */
  onCreated?: ((file: File, message: Message) => boolean | undefined) | undefined;
  /** Upload progress 0–100 of a file's message. */
  onProgress?: ((file: File, progress: number) => void) | undefined;
}

/**
 * What the store can do. Every action validates its input and rejects with a {@link ChatError} (the
 * synchronous ones throw it); an argument that cannot even be read (a Proxy whose traps throw, a throwing
 * getter) is `INVALID_PARAMETER` too. A rejected action changes nothing, except where its TSDoc says so
 * (a failed send keeps the message as `failed`; a failed page load marks its view or window `error`).
 */
export interface ChatActions {
  /** Starts listening to the engine and pulls the first page of the whole list. Idempotent. */
  start(): Promise<void>;
  /** Stops listening to the engine. */
  destroy(): void;

  // Conversation list
  /** Registers a view for a filter (ref-counted) and pulls its first page; returns its key. */
  registerView(filter: ConversationFilter): string;
  unregisterView(key: string): void;
  /** Pulls the next page of a view (the whole list by default). No-op while loading or finished. */
  loadMoreConversations(viewKey?: string): Promise<void>;
  /** Retries a failed page or a failed sync. */
  retry(viewKey?: string): Promise<void>;

  // Conversation actions (optimistic where a user expects it; rolled back on error)
  pinConversation(conversationID: string, pinned: boolean): Promise<void>;
  markConversation(conversationIDs: string[], markType: ConversationMarkType, enable: boolean): Promise<void>;
  setReceiveMessageOpt(conversationID: string, opt: ReceiveMessageOpt): Promise<void>;
  /** Clears the unread count (and the unread mark) of a conversation, reporting read to the peer. */
  markConversationRead(conversationID: string): Promise<void>;
  /** Clears unread for everything (`'all'`), every C2C (`'c2c'`) or every group (`'group'`). */
  markAllRead(scope?: 'all' | 'c2c' | 'group'): Promise<void>;
  deleteConversation(conversationID: string, options?: { clearMessages?: boolean }): Promise<void>;
  /** Saves (or with `null`/'' clears) a conversation's draft. Call it debounced from a composer. */
  saveDraft(conversationID: string, text: string | null): Promise<void>;
  createConversationGroup(name: string, conversationIDs: string[]): Promise<void>;
  renameConversationGroup(oldName: string, newName: string): Promise<void>;
  deleteConversationGroup(name: string): Promise<void>;
  addConversationsToGroup(name: string, conversationIDs: string[]): Promise<void>;
  deleteConversationsFromGroup(name: string, conversationIDs: string[]): Promise<void>;
  /** Ref-counted subscription to an unread total; the total lands in `unreadByFilter[key]`. Returns the key. */
  subscribeUnread(filter: UnreadFilter): string;
  unsubscribeUnread(key: string): void;

  // Messages
  /** Makes a conversation the active one and loads its newest messages (or around the first unread). */
  openConversation(conversationID: string | null): Promise<void>;
  loadOlderMessages(conversationID: string): Promise<void>;
  loadNewerMessages(conversationID: string): Promise<void>;
  /** Loads the history around a message and highlights it. */
  jumpToMessage(conversationID: string, msgID: string): Promise<void>;
  /** Drops a jumped-into window back to the newest messages. */
  jumpToLatest(conversationID: string): Promise<void>;
  clearHighlight(conversationID: string): void;
  /**
   * Sends a created message into a conversation; it appears in the window at once (status `sending`).
   * Resolves with the sent message; a failure leaves it in the window as `failed`, ready to resend, and
   * rejects with a ChatError whose `details.msgID` names it. The options are checked before anything
   * happens: an unknown key, a value of the wrong type or a priority other than `high | normal | low |
   * lowest`, and a `receiver` or `groupID` that is not the conversation's, reject with `INVALID_PARAMETER`.
   */
  sendMessage(
    conversationID: string,
    message: Message,
    options?: Omit<SendMessageOptions, 'receiver' | 'groupID'>,
  ): Promise<Message>;
  /** Creates and sends a text message. */
  sendText(conversationID: string, text: string, options?: SendTextOptions): Promise<Message>;
  /**
   * Sends a face (sticker) from the app's face set, as `createFaceMessage(index, data)` makes it.
   * `index` is a non-negative integer, `data` a string (`INVALID_PARAMETER` otherwise, nothing sent).
   */
  sendFace(conversationID: string, index: number, data: string): Promise<Message>;
  /**
   * Creates and sends one message per file, the kind picked by MIME type ({@link attachmentKindOf}): an
   * image message, a video message (with its length and a snapshot when the browser can decode it, else
   * as a file), or a file message. Each resolves on its own; one failing never holds up the others.
   */
  sendFiles(
    conversationID: string,
    files: File[],
    options?: SendFilesOptions,
  ): Promise<PromiseSettledResult<Message>[]>;
  /**
   * The bytes of an image, sound, video or file element (`part: 'snapshot'` picks a video's poster), for
   * showing or saving media that has no URL the app may load. Any other element is `INVALID_PARAMETER`.
   */
  downloadElem(elem: MessageElem, part?: 'file' | 'snapshot'): Promise<Blob>;
  resendMessage(msgID: string): Promise<Message>;
  cancelSendingMessage(msgID: string): Promise<void>;
  revokeMessage(msgID: string): Promise<void>;
  /**
   * Deletes messages, in engine calls of at most 30 IDs; a conversation's lastMessage falls back to the
   * newest message left. When a call fails, the chunks before it stay deleted and the error's
   * `details.deletedMsgIDs` lists them.
   */
  deleteMessages(msgIDs: string[], options?: DeleteMessagesOptions): Promise<void>;
  /**
   * Forwards messages (in time order) to one or more conversations, one by one or merged into a
   * chat-history message. Each forwarded message shows in its target like any send (sending, sent,
   * failed with resend); the result has one entry per message sent. Revoked, unsent and group-tip
   * messages cannot be forwarded (`INVALID_PARAMETER`, nothing sent).
   */
  forwardMessages(
    conversationIDs: string[],
    msgIDs: string[],
    options?: ForwardMessagesOptions,
  ): Promise<PromiseSettledResult<Message>[]>;
  /** The members of a group the signed-in user is in (for mention pickers), with their roles. */
  getGroupMembers(groupID: string): Promise<GroupMember[]>;
  clearHistory(conversationID: string): Promise<void>;
  /** Sends an online-only typing status; call it throttled from a composer. */
  sendTyping(conversationID: string): Promise<void>;
  searchMessages(params: MessageSearchParams): Promise<MessageSearchResult>;
}

/** The whole store state: data and actions (the zustand convention). */
export type ChatState = ChatStateData & ChatActions;

/** A zustand vanilla store of {@link ChatState}, plus the engine it wraps. */
export interface ChatStore extends StoreApi<ChatState> {
  readonly engine: ChatEngine;
}
