import { ChatError, ChatErrorCode } from '../../model/chat-error';
import type { BatchSendResult, Message, SendMessageHandle, SendMessageOptions } from '../../model/types';
import { assertPayloadFits } from '../engine-message';
import {
  assertIDList,
  assertMessage,
  assertOptionalBoolean,
  assertOptions,
  assertString,
  c2cConversationID,
  groupConversationID,
  invalidParameter,
  MESSAGE_PRIORITIES,
} from '../engine-validation';
import type { LocalEngineMedia } from './local-engine-media';
import { Batch, type ConversationMirror } from './local-engine-mirror';
import type { LocalEngineSession } from './local-engine-session';
import { assertNoGroupTips, createMessageID, type MessageMedia, mediaOf } from './local-message-utils';
import type { WireSendOptions } from './local-protocol';
import { fromWireError } from './local-protocol';

/** A send in flight: whether its media is still uploading, and a way to cancel it. */
interface PendingSend {
  uploading: boolean;
  cancelled: boolean;
  done: Promise<unknown>;
}

/** Errors after which the hub will never take the message: it is dropped rather than kept as failed. */
const PERMANENT_SEND_ERRORS: readonly string[] = [
  ChatErrorCode.ConversationNotFound,
  ChatErrorCode.PermissionDenied,
  ChatErrorCode.InvalidParameter,
  ChatErrorCode.MessageTooLarge,
];

/**
 * @internal Sending from a local engine. A message shows at once as `sending` in its conversation, its
 * media uploads with progress, and the hub's answer replaces it; a failed send stays `failed` to resend
 * (its media kept in the local store when persistent).
 */
export class LocalEngineSending {
  readonly #session: LocalEngineSession;
  readonly #mirror: ConversationMirror;
  readonly #media: LocalEngineMedia;
  readonly #pending = new Map<string, PendingSend>();

  constructor(session: LocalEngineSession, mirror: ConversationMirror, media: LocalEngineMedia) {
    this.#session = session;
    this.#mirror = mirror;
    this.#media = media;
  }

  sendMessage(message: Message, options: SendMessageOptions): SendMessageHandle {
    let validated: {
      message: Message;
      wire: WireSendOptions;
      onProgress: ((progress: number) => void) | null;
    };
    try {
      validated = this.#validateSend(message, options);
    } catch (error) {
      return rejectedHandle(message, error);
    }
    return this.#startSend(validated.message, validated.wire, validated.onProgress);
  }

  resendMessage(msgID: string, options?: Pick<SendMessageOptions, 'onProgress'>): SendMessageHandle {
    const method = 'resendMessage';
    try {
      this.#session.guard(method);
      assertString(method, 'msgID', msgID, { nonEmpty: true });
      const opts = assertOptions(method, options);
      if (opts.onProgress !== undefined && typeof opts.onProgress !== 'function') {
        throw invalidParameter(method, 'options.onProgress', 'a function', opts.onProgress);
      }
      const cached = this.#session.store.get(msgID);
      if (!cached)
        throw new ChatError(ChatErrorCode.MessageNotFound, `resendMessage: no message ${msgID}.`, { msgID });
      if (cached.message.status !== 'failed' || !cached.send || this.#pending.has(msgID)) {
        throw new ChatError(ChatErrorCode.InvalidState, `resendMessage: message ${msgID} did not fail.`, {
          msgID,
        });
      }
      return this.#startSend(
        cached.message,
        cached.send,
        (opts.onProgress as (progress: number) => void) ?? null,
      );
    } catch (error) {
      return rejectedHandle({ msgID } as Message, error);
    }
  }

  cancelSendingMessage(msgID: string): Promise<void> {
    return this.#session.call('cancelSendingMessage', async () => {
      assertString('cancelSendingMessage', 'msgID', msgID, { nonEmpty: true });
      const record = this.#pending.get(msgID);
      if (!record) {
        if (this.#session.store.get(msgID)) {
          throw new ChatError(
            ChatErrorCode.InvalidState,
            `cancelSendingMessage: message ${msgID} is not being sent.`,
            { msgID },
          );
        }
        throw new ChatError(ChatErrorCode.MessageNotFound, `cancelSendingMessage: no message ${msgID}.`, {
          msgID,
        });
      }
      if (!record.uploading) {
        throw new ChatError(
          ChatErrorCode.InvalidState,
          `cancelSendingMessage: message ${msgID} has no upload in progress to cancel.`,
          { msgID },
        );
      }
      record.cancelled = true;
      await record.done;
    });
  }

  sendMessageToUsers(message: Message, userIDList: string[]): Promise<BatchSendResult[]> {
    const session = this.#session;
    return session.call('sendMessageToUsers', async () => {
      const method = 'sendMessageToUsers';
      const source = assertMessage(method, message);
      const ids = assertIDList(method, 'userIDList', userIDList, 500);
      this.#checkOutgoing(method, source);
      const media = mediaOf(source.elemList).filter((item) => this.#media.has(item.uuid));
      if (media.length > 0) await this.#media.upload(source.msgID, media, null, { cancelled: false });
      const msgIDs = ids.map(() => createMessageID(session.userID, session.now(), session.random));
      const result = await session.request('sendToUsers', {
        message: toWire(source),
        userIDList: ids,
        msgIDs,
      });
      const batch = new Batch();
      for (const item of result.results) if (item.message) session.store.put(item.message);
      for (const state of result.conversations) this.#mirror.applyState(batch, state);
      for (const item of result.results) {
        if (item.message) this.#mirror.refresh(batch, item.message.conversationID);
      }
      this.#mirror.emit(batch);
      session.persistSoon();
      return result.results.map((item) => ({
        userID: item.userID,
        message: item.message,
        error: item.error ? fromWireError(item.error) : null,
      }));
    });
  }

  /** Marks every send in flight cancelled (at logout). */
  cancelAll(): void {
    for (const record of this.#pending.values()) record.cancelled = true;
  }

  /** What the hub would refuse anyway, refused here first: group tips, too much payload, too large files. */
  #checkOutgoing(method: string, message: Message): void {
    assertNoGroupTips(method, message);
    const limits = this.#session.limits;
    assertPayloadFits(method, message, limits.maxTextBytes);
    for (const media of mediaOf(message.elemList)) {
      const limit = media.kind === 'image' ? limits.maxImageBytes : limits.maxFileBytes;
      const size = this.#media.heldSize(media.uuid) ?? media.size;
      if (size > limit) {
        throw new ChatError(
          ChatErrorCode.MessageTooLarge,
          `${method}: the file is ${size} bytes; the limit is ${limit}.`,
          { size, limit },
        );
      }
    }
  }

  #validateSend(
    message: unknown,
    options: unknown,
  ): { message: Message; wire: WireSendOptions; onProgress: ((progress: number) => void) | null } {
    const method = 'sendMessage';
    this.#session.guard(method);
    const source = assertMessage(method, message);
    const opts = assertOptions(method, options) as SendMessageOptions & Record<string, unknown>;
    if (options === undefined)
      throw invalidParameter(method, 'options', 'an object with receiver or groupID');
    const receiver =
      opts.receiver === undefined ? '' : assertString(method, 'options.receiver', opts.receiver);
    const groupID = opts.groupID === undefined ? '' : assertString(method, 'options.groupID', opts.groupID);
    if (!receiver && !groupID)
      throw invalidParameter(method, 'options', 'an object with a receiver or a groupID');
    const priority = opts.priority ?? 'normal';
    if (!MESSAGE_PRIORITIES.includes(priority))
      throw invalidParameter(method, 'options.priority', MESSAGE_PRIORITIES.join(', '), priority);
    if (opts.onProgress !== undefined && typeof opts.onProgress !== 'function') {
      throw invalidParameter(method, 'options.onProgress', 'a function', opts.onProgress);
    }
    if (opts.offlinePushInfo !== undefined)
      assertOptions(method, opts.offlinePushInfo, 'options.offlinePushInfo');
    const flag = (name: 'onlineUserOnly' | 'isExcludedFromUnreadCount' | 'isExcludedFromLastMessage') =>
      assertOptionalBoolean(method, `options.${name}`, opts[name], false);
    const wire: WireSendOptions = {
      receiver,
      groupID,
      priority,
      onlineUserOnly: flag('onlineUserOnly'),
      offlinePushInfo: opts.offlinePushInfo ? { ...opts.offlinePushInfo } : null,
      isExcludedFromUnreadCount: flag('isExcludedFromUnreadCount'),
      isExcludedFromLastMessage: flag('isExcludedFromLastMessage'),
    };
    const cached = this.#session.store.get(source.msgID);
    if (this.#pending.has(source.msgID) || (cached && cached.message.status !== 'failed')) {
      throw new ChatError(
        ChatErrorCode.InvalidState,
        `sendMessage: message ${source.msgID} was already sent.`,
        { msgID: source.msgID },
      );
    }
    if (source.status !== 'sending' && source.status !== 'failed') {
      throw new ChatError(
        ChatErrorCode.InvalidState,
        `sendMessage: a message with status ${source.status} cannot be sent.`,
        { msgID: source.msgID },
      );
    }
    this.#checkOutgoing(method, source);
    return { message: source, wire, onProgress: opts.onProgress ?? null };
  }

  #startSend(
    source: Message,
    wire: WireSendOptions,
    onProgress: ((progress: number) => void) | null,
  ): SendMessageHandle {
    const { store, profile } = this.#session;
    const isGroup = wire.groupID !== '';
    const conversationID = isGroup ? groupConversationID(wire.groupID) : c2cConversationID(wire.receiver);
    const wasFailed = store.get(source.msgID)?.message.status === 'failed';
    const pending: Message = {
      ...source,
      conversationID,
      conversationType: isGroup ? 'group' : 'c2c',
      userID: isGroup ? '' : wire.receiver,
      groupID: wire.groupID,
      sender: this.#session.userID,
      nick: profile.nick,
      faceUrl: profile.faceUrl,
      isSelf: true,
      timestamp: this.#session.now(),
      seq: 0,
      status: 'sending',
      priority: wire.priority,
      isRead: true,
      isPeerRead: false,
      isExcludedFromUnreadCount: wire.isExcludedFromUnreadCount,
      isExcludedFromLastMessage: wire.isExcludedFromLastMessage,
      isOnlineOnly: wire.onlineUserOnly,
      targetUserIDList: isGroup && wire.receiver ? [wire.receiver] : [],
      atUserList: isGroup ? (source.atUserList ?? []) : [],
      localCustomData: source.localCustomData ?? '',
      revoker: '',
      revokeReason: '',
    };
    const media = mediaOf(pending.elemList).filter(
      (item) => this.#media.has(item.uuid) || (wasFailed && store.persistent),
    );
    // From here the engine holds the message: its bytes stay until sent, deleted or refused for good.
    for (const item of media) this.#media.pin(item.uuid);
    if (!wire.onlineUserOnly) {
      const batch = new Batch();
      this.#mirror.ensureLocal(batch, conversationID);
      store.put(pending, wire);
      this.#mirror.refresh(batch, conversationID);
      this.#mirror.emit(batch);
      this.#session.persistSoon();
    }
    const record: PendingSend = { uploading: media.length > 0, cancelled: false, done: Promise.resolve() };
    this.#pending.set(pending.msgID, record);
    const promise = this.#runSend(pending, wire, media, onProgress, record, wasFailed);
    record.done = promise.catch(() => undefined);
    return makeHandle(pending, promise);
  }

  async #runSend(
    pending: Message,
    wire: WireSendOptions,
    media: MessageMedia[],
    onProgress: ((progress: number) => void) | null,
    record: PendingSend,
    wasFailed: boolean,
  ): Promise<Message> {
    const session = this.#session;
    try {
      if (media.length > 0) await this.#media.upload(pending.msgID, media, onProgress, record);
      record.uploading = false;
      const result = await session.request('send', { message: toWire(pending), options: wire });
      if (session.loggedOut) return result.message;
      if (wire.onlineUserOnly) return result.message;
      const sent: Message = { ...result.message, localCustomData: pending.localCustomData };
      const batch = new Batch();
      session.store.put(sent);
      if (result.conversation) this.#mirror.applyState(batch, result.conversation);
      this.#mirror.refresh(batch, pending.conversationID);
      this.#mirror.emit(batch);
      for (const item of mediaOf(pending.elemList)) {
        this.#media.release(item.uuid);
        if (wasFailed) session.store.deleteBlob(item.uuid);
      }
      session.persistSoon();
      return sent;
    } catch (cause) {
      const error =
        cause instanceof ChatError
          ? cause
          : new ChatError(ChatErrorCode.NetworkError, 'sendMessage: the send failed.', {}, { cause });
      if (!session.loggedOut && !wire.onlineUserOnly) this.#keepFailed(pending, wire, error, wasFailed);
      throw error;
    } finally {
      this.#pending.delete(pending.msgID);
    }
  }

  /** A send that failed: kept as `failed` to resend, unless the hub refused it for good (then nothing changed). */
  #keepFailed(pending: Message, wire: WireSendOptions, error: ChatError, wasFailed: boolean): void {
    const { store } = this.#session;
    const batch = new Batch();
    if (PERMANENT_SEND_ERRORS.includes(error.code) && !wasFailed) {
      store.delete(pending.msgID, false);
      const entry = this.#mirror.get(pending.conversationID);
      if (entry && entry.state.rev === 0 && store.list(pending.conversationID).length === 0) {
        this.#mirror.setEntry(batch, pending.conversationID, undefined);
      }
    } else {
      store.put({ ...pending, status: 'failed' }, wire);
      if (store.persistent) {
        for (const item of mediaOf(pending.elemList)) this.#media.persist(item.uuid);
      }
    }
    this.#mirror.refresh(batch, pending.conversationID);
    this.#mirror.emit(batch);
    this.#session.persistSoon();
  }
}

/** A message as it travels to the hub (local fields stay on this device). */
function toWire(message: Message): Message {
  return { ...message, localCustomData: '' };
}

function makeHandle(message: Message, promise: Promise<Message>): SendMessageHandle {
  return Object.assign(promise, { message, promise }) as SendMessageHandle;
}

function rejectedHandle(message: unknown, error: unknown): SendMessageHandle {
  const chatError =
    error instanceof ChatError
      ? error
      : new ChatError(ChatErrorCode.InvalidParameter, `sendMessage: ${String(error)}`, {}, { cause: error });
  const promise = Promise.reject(chatError);
  // The handle may be dropped unawaited; the rejection is still reported through `promise`.
  promise.catch(() => undefined);
  return makeHandle((message ?? {}) as Message, promise);
}
