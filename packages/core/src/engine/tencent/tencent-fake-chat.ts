import type {
  TencentBatchResultData,
  TencentChatLike,
  TencentConversation,
  TencentElement,
  TencentEvent,
  TencentGroup,
  TencentGroupMember,
  TencentHoppingData,
  TencentMessage,
  TencentMessageListData,
  TencentMessageOptions,
  TencentProfile,
  TencentResponse,
  TencentSearchResultItem,
} from './tencent-chat-like';
import { TencentChatEvent as Event } from './tencent-chat-like';

/**
 * A stand-in for a logged-in `@tencentcloud/chat` instance, for tests. Like the SDK it keeps one object
 * per conversation and message, mutates them in place, hands the same objects out again, and emits its
 * whole conversation list on every change. Tests drive it with `receive`, `addConversation` and `emit`,
 * and read `calls` to see what the engine asked for.
 */
export class FakeTencentChat implements TencentChatLike {
  readonly userID: string;
  /** Milliseconds; `getServerTime()` returns it. */
  now = 1_700_000_000_000;
  ready = true;
  readonly conversations: TencentConversation[] = [];
  readonly messages = new Map<string, TencentMessage[]>();
  readonly groupNames: string[] = [];
  readonly profiles = new Map<string, TencentProfile>();
  readonly groups = new Map<string, TencentGroup & { members: TencentGroupMember[] }>();
  /** Every call the engine made, by method name, with its arguments. */
  readonly calls: { method: string; args: unknown[] }[] = [];
  /** Makes the next send (or resend, revoke) reject with this SDK error. */
  failNext: { code: number; message: string } | null = null;
  /** Messages of merged messages stored in the cloud, by download key (`downloadMergerMessage` reads them). */
  readonly cloudMergers = new Map<string, unknown[]>();
  /** Upload progress fractions reported while sending a media message. */
  uploadSteps = [0, 0.5, 1];
  readonly #handlers = new Map<string, Set<(event: TencentEvent) => void>>();
  readonly #created = new Map<string, TencentMessage>();
  readonly #onProgress = new Map<string, (fraction: number) => void>();
  #nextID = 1;
  #nextSequence = 1000;

  /**
   * SDK calls made while not ready, by name. The real SDK answers them with a rejected promise (code 2024
   * before login, 2999 while syncing) and an "Oops!" warning on the console; an engine should make none.
   */
  readonly notReadyCalls: string[] = [];
  /** What a call made while not ready rejects with: 2024 (not logged in) or 2999 (not ready). */
  notReadyCode: 2024 | 2999 = 2999;

  constructor(userID = 'alice') {
    this.userID = userID;
    // Like the real `TencentCloudChat.create()` wrapper: before the SDK is ready every call but a few
    // answers with a rejected promise, even the synchronous ones (getServerTime, findMessage, create*).
    // Methods are bound to the fake itself, whose private fields a proxy receiver cannot reach.
    // biome-ignore lint/correctness/noConstructorReturn: the proxy is the fake, as the SDK's wrapper is the SDK.
    return new Proxy(this, {
      get(target, key) {
        const value: unknown = Reflect.get(target, key, target);
        if (typeof value !== 'function') return value;
        const method = (value as (...args: unknown[]) => unknown).bind(target);
        if (typeof key !== 'string' || !GATED_CALLS.has(key)) return method;
        return (...args: unknown[]) => {
          if (target.ready) return method(...args);
          target.notReadyCalls.push(key);
          return Promise.reject(
            Object.assign(new Error(` | ${key} | `), { code: target.notReadyCode, data: {} }),
          );
        };
      },
    });
  }

  // ── Test controls ─────────────────────────────────────────────────────────────────────────────────

  /** Calls the handlers of an SDK event, as the SDK does, with `{ name, data }`. */
  emit(name: string, data?: unknown): void {
    for (const handler of [...(this.#handlers.get(name) ?? [])]) handler({ name, data });
  }

  /**
   * Like the SDK created with `partialUpdatedConversations: true`: list updates carry only the
   * conversations that changed since the last update (a deleted one is in none), and none is emitted when
   * nothing changed.
   */
  partialUpdates = false;
  readonly #lastEmitted = new Map<string, string>();

  /** Emits the whole list (the same objects as before, as the SDK does), or only what changed (partial). */
  emitList(): void {
    if (!this.partialUpdates) {
      this.emit(Event.CONVERSATION_LIST_UPDATED, this.conversations);
      return;
    }
    const changed = this.conversations.filter(
      (conversation) => this.#lastEmitted.get(conversation.conversationID) !== JSON.stringify(conversation),
    );
    this.#lastEmitted.clear();
    for (const conversation of this.conversations) {
      this.#lastEmitted.set(conversation.conversationID, JSON.stringify(conversation));
    }
    if (changed.length > 0) this.emit(Event.CONVERSATION_LIST_UPDATED, changed);
  }

  listenerCount(name: string): number {
    return this.#handlers.get(name)?.size ?? 0;
  }

  /** Adds (or replaces) a conversation without emitting. */
  addConversation(partial: Partial<TencentConversation> & { conversationID: string }): TencentConversation {
    const isGroup = partial.conversationID.startsWith('GROUP');
    const peer = partial.conversationID.replace(/^(C2C|GROUP)/, '');
    const conversation: TencentConversation = {
      type: isGroup ? 'GROUP' : 'C2C',
      unreadCount: 0,
      lastMessage: emptyLastMessage(),
      groupAtInfoList: [],
      remark: '',
      isPinned: false,
      messageRemindType: '',
      markList: [],
      customData: '',
      conversationGroupList: [],
      draftText: '',
      ...(isGroup
        ? {
            groupProfile: {
              groupID: peer,
              name: '',
              avatar: '',
              selfInfo: { messageRemindType: '', readedSequence: 0 },
            },
          }
        : { userProfile: { userID: peer, nick: '', avatar: '' } }),
      ...partial,
    };
    const index = this.conversations.findIndex((item) => item.conversationID === conversation.conversationID);
    if (index >= 0) this.conversations.splice(index, 1, conversation);
    else this.conversations.push(conversation);
    return conversation;
  }

  conversation(conversationID: string): TencentConversation | undefined {
    return this.conversations.find((item) => item.conversationID === conversationID);
  }

  /**
   * A message from `from` arrives: stored, the conversation's last message and unread count move, and the
   * SDK's events fire (MESSAGE_RECEIVED, then CONVERSATION_LIST_UPDATED).
   */
  receive(
    conversationID: string,
    from: string,
    text: string,
    extra: Partial<TencentMessage> = {},
  ): TencentMessage {
    const message = this.#message(conversationID, {
      from,
      to: conversationID.startsWith('GROUP') ? conversationID.slice(5) : this.userID,
      flow: from === this.userID ? 'out' : 'in',
      status: 'success',
      _elements: [{ type: 'TIMTextElem', content: { text } }],
      ...extra,
    });
    this.#store(message);
    const conversation = this.conversation(conversationID) ?? this.addConversation({ conversationID });
    if (message.flow === 'in' && !message._isExcludedFromUnreadCount) conversation.unreadCount += 1;
    this.emit(Event.MESSAGE_RECEIVED, [message]);
    this.emitList();
    return message;
  }

  /** Stores a message in history without events (`time` in seconds). */
  seed(
    conversationID: string,
    from: string,
    text: string,
    extra: Partial<TencentMessage> = {},
  ): TencentMessage {
    const message = this.#message(conversationID, {
      from,
      flow: from === this.userID ? 'out' : 'in',
      status: 'success',
      _elements: [{ type: 'TIMTextElem', content: { text } }],
      ...extra,
    });
    this.#store(message);
    return message;
  }

  #message(conversationID: string, partial: Partial<TencentMessage>): TencentMessage {
    const isGroup = conversationID.startsWith('GROUP');
    const sequence = partial.sequence ?? this.#nextSequence++;
    const elements: TencentElement[] = partial._elements ?? [];
    const first = elements[0];
    return {
      ID: `msg-${this.#nextID++}`,
      conversationID,
      conversationType: isGroup ? 'GROUP' : 'C2C',
      to: conversationID.replace(/^(C2C|GROUP)/, ''),
      from: this.userID,
      flow: 'out',
      time: Math.floor(this.now / 1000),
      status: 'unSend',
      isRevoked: false,
      isDeleted: false,
      priority: 'Normal',
      nick: '',
      avatar: '',
      nameCard: '',
      isPeerRead: false,
      isRead: false,
      atUserList: [],
      cloudCustomData: '',
      sequence,
      random: 1000 + sequence,
      revoker: '',
      revokerInfo: { userID: '', nick: '', avatar: '' },
      revokeReason: '',
      _onlineOnlyFlag: false,
      _isExcludedFromUnreadCount: false,
      _isExcludedFromLastMessage: false,
      ...(first && { type: first.type, payload: first.content }),
      ...partial,
      _elements: elements,
    };
  }

  #store(message: TencentMessage): void {
    const list = this.messages.get(message.conversationID) ?? [];
    list.push(message);
    list.sort((a, b) => (a.time ?? 0) - (b.time ?? 0) || (a.sequence ?? 0) - (b.sequence ?? 0));
    this.messages.set(message.conversationID, list);
    if (message._isExcludedFromLastMessage || message._onlineOnlyFlag) return;
    const conversation =
      this.conversation(message.conversationID) ??
      this.addConversation({ conversationID: message.conversationID });
    const first = message._elements?.[0];
    conversation.lastMessage = {
      ...emptyLastMessage(),
      lastTime: message.time,
      lastSequence: message.sequence,
      fromAccount: message.from,
      type: first?.type ?? null,
      payload: first?.content ?? null,
      messageForShow: '',
    };
  }

  // ── TencentChatLike ───────────────────────────────────────────────────────────────────────────────

  on(eventName: string, handler: (event: TencentEvent) => void): void {
    const set = this.#handlers.get(eventName) ?? new Set();
    set.add(handler);
    this.#handlers.set(eventName, set);
  }

  off(eventName: string, handler: (event: TencentEvent) => void): void {
    this.#handlers.get(eventName)?.delete(handler);
  }

  isReady(): boolean {
    return this.ready;
  }

  getServerTime(): unknown {
    return this.now;
  }

  /** Makes `logout` reject with this SDK code (the SDK answers 2024 when it was never logged in). */
  logoutCode: number | null = null;

  async logout(): Promise<unknown> {
    this.#log('logout');
    if (this.logoutCode !== null) throw { code: this.logoutCode, message: 'not logged in' };
    this.ready = false;
    return { code: 0, data: {} };
  }

  #log(method: string, ...args: unknown[]): void {
    this.calls.push({ method, args });
  }

  async getConversationList(options?: unknown) {
    this.#log('getConversationList', options);
    return ok({ conversationList: [...this.conversations], isSyncCompleted: true });
  }

  async getConversationProfile(conversationID: string) {
    this.#log('getConversationProfile', conversationID);
    const conversation = this.conversation(conversationID);
    if (!conversation) throw { code: 2500, message: 'conversation not found' };
    return ok({ conversation });
  }

  async deleteConversation(
    options: string | { conversationIDList: string[]; clearHistoryMessage?: boolean },
  ) {
    this.#log('deleteConversation', options);
    const ids = typeof options === 'string' ? [options] : options.conversationIDList;
    for (const id of ids) {
      const index = this.conversations.findIndex((item) => item.conversationID === id);
      if (index < 0) throw { code: 2500, message: 'conversation not found' };
      this.conversations.splice(index, 1);
    }
    this.emitList();
    return ok({ conversationIDList: ids });
  }

  async pinConversation(options: { conversationID: string; isPinned: boolean }) {
    this.#log('pinConversation', options);
    const conversation = this.#require(options.conversationID);
    conversation.isPinned = options.isPinned;
    this.emitList();
    return ok({});
  }

  async setConversationDraft(options: { conversationID: string; draftText: string }) {
    this.#log('setConversationDraft', options);
    this.#require(options.conversationID).draftText = options.draftText;
    this.emitList();
    return ok({});
  }

  #require(conversationID: string): TencentConversation {
    const conversation = this.conversation(conversationID);
    if (!conversation) throw { code: 2500, message: `conversation ${conversationID} not found` };
    return conversation;
  }

  #batch(
    ids: string[],
    change: (conversation: TencentConversation) => void,
  ): TencentResponse<TencentBatchResultData> {
    const result: Required<TencentBatchResultData> = {
      successConversationIDList: [],
      failureConversationIDList: [],
    };
    for (const id of ids) {
      const conversation = this.conversation(id);
      if (!conversation) {
        result.failureConversationIDList.push({
          conversationID: id,
          code: 2500,
          message: 'conversation not found',
        });
        continue;
      }
      change(conversation);
      result.successConversationIDList.push(id);
    }
    this.emitList();
    return ok(result);
  }

  async markConversation(options: { conversationIDList: string[]; markType: number; enableMark: boolean }) {
    this.#log('markConversation', options);
    return this.#batch(options.conversationIDList, (conversation) => {
      const marks = conversation.markList ?? [];
      conversation.markList = options.enableMark
        ? [...new Set([...marks, options.markType])]
        : marks.filter((bit) => bit !== options.markType);
    });
  }

  async setConversationCustomData(options: { conversationIDList: string[]; customData: string }) {
    this.#log('setConversationCustomData', options);
    return this.#batch(options.conversationIDList, (conversation) => {
      conversation.customData = options.customData;
    });
  }

  async getConversationGroupList() {
    this.#log('getConversationGroupList');
    return ok([...this.groupNames]);
  }

  async createConversationGroup(options: { conversationIDList: string[]; groupName: string }) {
    this.#log('createConversationGroup', options);
    this.groupNames.push(options.groupName);
    this.emit(Event.CONVERSATION_GROUP_LIST_UPDATED, [...this.groupNames]);
    return this.#batch(options.conversationIDList, (conversation) => {
      conversation.conversationGroupList = [...(conversation.conversationGroupList ?? []), options.groupName];
    });
  }

  async deleteConversationGroup(groupName: string) {
    this.#log('deleteConversationGroup', groupName);
    this.groupNames.splice(this.groupNames.indexOf(groupName), 1);
    for (const conversation of this.conversations) {
      conversation.conversationGroupList = (conversation.conversationGroupList ?? []).filter(
        (name) => name !== groupName,
      );
    }
    this.emit(Event.CONVERSATION_GROUP_LIST_UPDATED, [...this.groupNames]);
    this.emitList();
    return ok({});
  }

  async renameConversationGroup(options: { oldName: string; newName: string }) {
    this.#log('renameConversationGroup', options);
    this.groupNames.splice(this.groupNames.indexOf(options.oldName), 1, options.newName);
    for (const conversation of this.conversations) {
      conversation.conversationGroupList = (conversation.conversationGroupList ?? []).map((name) =>
        name === options.oldName ? options.newName : name,
      );
    }
    this.emit(Event.CONVERSATION_GROUP_LIST_UPDATED, [...this.groupNames]);
    this.emitList();
    return ok({});
  }

  async addConversationsToGroup(options: { conversationIDList: string[]; groupName: string }) {
    this.#log('addConversationsToGroup', options);
    return this.#batch(options.conversationIDList, (conversation) => {
      conversation.conversationGroupList = [...(conversation.conversationGroupList ?? []), options.groupName];
    });
  }

  async deleteConversationsFromGroup(options: { conversationIDList: string[]; groupName: string }) {
    this.#log('deleteConversationsFromGroup', options);
    return this.#batch(options.conversationIDList, (conversation) => {
      conversation.conversationGroupList = (conversation.conversationGroupList ?? []).filter(
        (name) => name !== options.groupName,
      );
    });
  }

  async setMessageRead(options: { conversationID: string }) {
    this.#log('setMessageRead', options);
    this.#require(options.conversationID).unreadCount = 0;
    this.emitList();
    return ok({});
  }

  async setAllMessageRead(options: { scope: unknown }) {
    this.#log('setAllMessageRead', options);
    for (const conversation of this.conversations) {
      const all = options.scope === 'readAllMessage';
      if (all || (options.scope === 'readAllC2CMessage') === (conversation.type === 'C2C'))
        conversation.unreadCount = 0;
    }
    this.emitList();
    return ok({});
  }

  async setMessageRemindType(options: {
    groupID?: string;
    userIDList?: string[];
    messageRemindType: unknown;
  }) {
    this.#log('setMessageRemindType', options);
    const ids = options.groupID
      ? [`GROUP${options.groupID}`]
      : (options.userIDList ?? []).map((id) => `C2C${id}`);
    for (const id of ids) {
      const conversation = this.conversation(id);
      if (conversation) conversation.messageRemindType = String(options.messageRemindType);
    }
    this.emitList();
    return ok({});
  }

  #create(type: string, options: TencentMessageOptions): TencentMessage {
    this.#log(`create:${type}`, options);
    const conversationType = String(options.conversationType);
    const message = this.#message(`${conversationType}${options.to}`, {
      to: options.to,
      from: this.userID,
      flow: 'out',
      status: 'unSend',
      sequence: 0,
      priority: typeof options.priority === 'string' ? options.priority : 'Normal',
      cloudCustomData: options.cloudCustomData ?? '',
      ...(options.receiverList && { _receiverList: [...options.receiverList] }),
      _elements: [{ type, content: options.payload }],
    });
    if (typeof options.onProgress === 'function')
      this.#onProgress.set(message.ID, options.onProgress as (f: number) => void);
    this.#created.set(message.ID, message);
    return message;
  }

  createTextMessage(options: TencentMessageOptions) {
    return this.#create('TIMTextElem', options);
  }
  createTextAtMessage(options: TencentMessageOptions) {
    const message = this.#create('TIMTextElem', options);
    message.atUserList = [...((options.payload as { atUserList?: string[] }).atUserList ?? [])];
    return message;
  }
  createCustomMessage(options: TencentMessageOptions) {
    return this.#create('TIMCustomElem', options);
  }
  createImageMessage(options: TencentMessageOptions) {
    return this.#create('TIMImageElem', options);
  }
  createVideoMessage(options: TencentMessageOptions) {
    return this.#create('TIMVideoFileElem', options);
  }
  createFileMessage(options: TencentMessageOptions) {
    return this.#create('TIMFileElem', options);
  }
  createLocationMessage(options: TencentMessageOptions) {
    return this.#create('TIMLocationElem', options);
  }
  createFaceMessage(options: TencentMessageOptions) {
    return this.#create('TIMFaceElem', options);
  }
  createMergerMessage(options: TencentMessageOptions) {
    return this.#create('TIMRelayElem', options);
  }
  createForwardMessage(options: TencentMessageOptions) {
    const source = options.payload as TencentMessage;
    const message = this.#create(source._elements?.[0]?.type ?? 'TIMTextElem', {
      ...options,
      payload: source._elements?.[0]?.content,
    });
    return message;
  }

  async sendMessage(
    message: TencentMessage,
    options?: unknown,
  ): Promise<TencentResponse<{ message: TencentMessage }>> {
    this.#log('sendMessage', message.ID, options);
    return this.#deliver(message);
  }

  async resendMessage(message: TencentMessage): Promise<TencentResponse<{ message: TencentMessage }>> {
    this.#log('resendMessage', message.ID);
    message.status = 'unSend';
    return this.#deliver(message);
  }

  async #deliver(message: TencentMessage): Promise<TencentResponse<{ message: TencentMessage }>> {
    const onProgress = this.#onProgress.get(message.ID);
    const media = ['TIMImageElem', 'TIMVideoFileElem', 'TIMFileElem'].includes(
      String(message._elements?.[0]?.type),
    );
    await Promise.resolve();
    if (media && onProgress) for (const step of this.uploadSteps) onProgress(step);
    const failure = this.failNext;
    if (failure) {
      this.failNext = null;
      message.status = 'fail';
      throw { code: failure.code, message: failure.message, data: { message } };
    }
    message.status = 'success';
    message.time = Math.floor(this.now / 1000);
    message.sequence = this.#nextSequence++;
    this.#created.delete(message.ID);
    this.#store(message);
    this.emitList();
    return ok({ message });
  }

  async revokeMessage(message: TencentMessage) {
    this.#log('revokeMessage', message.ID);
    const failure = this.failNext;
    if (failure) {
      this.failNext = null;
      throw { code: failure.code, message: failure.message };
    }
    message.isRevoked = true;
    message.revokerInfo = { userID: this.userID, nick: '', avatar: '' };
    const conversation = this.conversation(message.conversationID);
    if (conversation?.lastMessage && conversation.lastMessage.lastSequence === message.sequence) {
      conversation.lastMessage.isRevoked = true;
      this.emitList();
    }
    return ok({ message });
  }

  async deleteMessage(messageList: TencentMessage[]) {
    this.#log(
      'deleteMessage',
      messageList.map((message) => message.ID),
    );
    for (const message of messageList) message.isDeleted = true;
    return ok({ messageList });
  }

  async clearHistoryMessage(conversationID: string) {
    this.#log('clearHistoryMessage', conversationID);
    this.messages.set(conversationID, []);
    this.#require(conversationID).lastMessage = emptyLastMessage();
    this.emitList();
    return ok({});
  }

  #history(conversationID: string): TencentMessage[] {
    return (this.messages.get(conversationID) ?? []).filter((message) => !message.isDeleted);
  }

  async getMessageList(options: { conversationID: string; nextReqMessageID?: string }) {
    this.#log('getMessageList', options);
    const all = this.#history(options.conversationID);
    const end = options.nextReqMessageID
      ? all.findIndex((message) => message.ID === options.nextReqMessageID)
      : all.length;
    const start = Math.max(0, end - 15);
    const messageList = all.slice(start, Math.max(end, 0));
    const data: TencentMessageListData = {
      messageList,
      nextReqMessageID: messageList[0]?.ID ?? '',
      isCompleted: start === 0,
    };
    return ok(data);
  }

  async getMessageListHopping(options: {
    conversationID: string;
    sequence?: number;
    time?: number;
    direction?: number;
    count?: number;
  }) {
    this.#log('getMessageListHopping', options);
    const all = this.#history(options.conversationID);
    const count = Math.min(options.count ?? 15, 15);
    const key = (message: TencentMessage) =>
      options.sequence !== undefined ? (message.sequence ?? 0) : (message.time ?? 0);
    const at = options.sequence ?? options.time ?? 0;
    const older = (options.direction ?? 0) === 0;
    const matching = all.filter((message) => (older ? key(message) <= at : key(message) >= at));
    const messageList = older ? matching.slice(-count) : matching.slice(0, count);
    const isCompleted = matching.length <= count;
    const edge = older ? messageList[0] : messageList[messageList.length - 1];
    const next = edge === undefined ? 0 : older ? key(edge) - 1 : key(edge) + 1;
    const data: TencentHoppingData = {
      messageList,
      isCompleted,
      ...(options.sequence !== undefined
        ? { nextMessageSeq: isCompleted ? '' : next }
        : { nextMessageTime: isCompleted ? '' : next }),
    };
    return ok(data);
  }

  findMessage(messageID: string): TencentMessage | null {
    this.#log('findMessage', messageID);
    const created = this.#created.get(messageID);
    if (created) return created;
    for (const list of this.messages.values()) {
      const found = list.find((message) => message.ID === messageID);
      if (found) return found;
    }
    return null;
  }

  async downloadMergerMessage(message: unknown): Promise<unknown> {
    const target = message as TencentMessage;
    this.#log('downloadMergerMessage', target.ID);
    const content = target._elements?.[0]?.content as
      | { downloadKey?: string; messageList?: unknown[] }
      | undefined;
    const list = content?.downloadKey ? this.cloudMergers.get(content.downloadKey) : undefined;
    if (!content || !list) throw { code: 2452, message: 'merger download failed' };
    content.messageList = list;
    content.downloadKey = '';
    return target;
  }

  /** Whether the SDK was created with its cloud search module; without it, search answers 2998 (NO_MODULE). */
  cloudSearchModule = true;

  async searchCloudMessages(options: { keywordList?: string[]; count?: number; cursor?: string }) {
    this.#log('searchCloudMessages', options);
    if (!this.cloudSearchModule) throw { code: 2998, message: 'no module' };
    const keywords = options.keywordList ?? [];
    const hits: TencentMessage[] = [];
    for (const list of this.messages.values()) {
      for (const message of list) {
        const text = String((message._elements?.[0]?.content as { text?: unknown } | undefined)?.text ?? '');
        if (keywords.some((keyword) => text.includes(keyword))) hits.push(message);
      }
    }
    const start = Number(options.cursor ?? 0);
    const count = options.count ?? 20;
    const page = hits.slice(start, start + count);
    const byConversation = new Map<string, TencentMessage[]>();
    for (const message of page) {
      byConversation.set(message.conversationID, [
        ...(byConversation.get(message.conversationID) ?? []),
        message,
      ]);
    }
    const searchResultList: TencentSearchResultItem[] = [...byConversation].map(
      ([conversationID, messageList]) => ({
        conversationID,
        messageCount: messageList.length,
        messageList,
      }),
    );
    return ok({
      searchResultList,
      cursor: start + count < hits.length ? String(start + count) : '',
      totalCount: hits.length,
    });
  }

  async getUserProfile(options: { userIDList: string[] }) {
    this.#log('getUserProfile', options);
    return ok(options.userIDList.flatMap((id) => this.profiles.get(id) ?? []));
  }

  async getGroupProfile(options: { groupID: string }) {
    this.#log('getGroupProfile', options);
    const group = this.groups.get(options.groupID);
    if (!group) throw { code: 10010, message: 'group not found' };
    return ok({ group });
  }

  async getGroupList() {
    this.#log('getGroupList');
    return ok({ groupList: [...this.groups.values()] });
  }

  async getGroupMemberList(options: { groupID: string; count?: number; offset?: number }) {
    this.#log('getGroupMemberList', options);
    const members = this.groups.get(options.groupID)?.members ?? [];
    const offset = options.offset ?? 0;
    return ok({ memberList: members.slice(offset, offset + (options.count ?? 100)) });
  }

  async createGroup(options: {
    type: unknown;
    name: string;
    groupID?: string;
    avatar?: string;
    memberList?: { userID: string }[];
  }) {
    this.#log('createGroup', options);
    const groupID = options.groupID ?? `@TGS#${this.#nextID++}`;
    const group = {
      groupID,
      name: options.name,
      avatar: options.avatar ?? '',
      ownerID: this.userID,
      memberNum: (options.memberList?.length ?? 0) + 1,
      createTime: Math.floor(this.now / 1000),
      members: [],
    };
    this.groups.set(groupID, group);
    return ok({ group });
  }
}

/** The SDK calls the real wrapper refuses before ready (all but on, off, isReady, login, logout, destroy). */
const GATED_CALLS: ReadonlySet<string> = new Set([
  'getServerTime',
  'getConversationList',
  'getConversationProfile',
  'deleteConversation',
  'pinConversation',
  'setConversationDraft',
  'markConversation',
  'setConversationCustomData',
  'getConversationGroupList',
  'createConversationGroup',
  'deleteConversationGroup',
  'renameConversationGroup',
  'addConversationsToGroup',
  'deleteConversationsFromGroup',
  'setMessageRead',
  'setAllMessageRead',
  'setMessageRemindType',
  'createTextMessage',
  'createTextAtMessage',
  'createCustomMessage',
  'createImageMessage',
  'createVideoMessage',
  'createFileMessage',
  'createLocationMessage',
  'createFaceMessage',
  'createMergerMessage',
  'createForwardMessage',
  'sendMessage',
  'resendMessage',
  'revokeMessage',
  'deleteMessage',
  'clearHistoryMessage',
  'getMessageList',
  'getMessageListHopping',
  'findMessage',
  'downloadMergerMessage',
  'searchCloudMessages',
  'getUserProfile',
  'getGroupProfile',
  'getGroupList',
  'getGroupMemberList',
  'createGroup',
]);

function ok<T>(data: T): TencentResponse<T> {
  return { code: 0, data };
}

function emptyLastMessage() {
  return {
    lastTime: 0,
    lastSequence: 0,
    fromAccount: '',
    messageForShow: '',
    payload: null,
    type: '',
    isRevoked: false,
    cloudCustomData: '',
    onlineOnlyFlag: false,
    nick: '',
    nameCard: '',
    isPeerRead: false,
    revoker: null,
  };
}
