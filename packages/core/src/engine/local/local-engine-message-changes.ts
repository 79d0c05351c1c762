import { ChatError, ChatErrorCode } from '../../model/chat-error';
import type { Message } from '../../model/types';
import {
  assertConversationID,
  assertIDList,
  assertMessage,
  assertString,
  c2cConversationID,
  groupConversationID,
  invalidParameter,
} from '../engine-validation';
import { Batch, type ConversationMirror } from './local-engine-mirror';
import type { LocalEngineSession } from './local-engine-session';
import { createMessageID } from './local-message-utils';
import type { HubConversation } from './local-protocol';

/**
 * @internal The calls of a local engine that change messages: revoking and deleting them (on the hub or on
 * this device only), clearing history, local data, and messages stored on this device only (imported or
 * inserted). A local-only change is reported once it is durable, and undone when the write fails.
 */
export class LocalEngineMessageChanges {
  readonly #session: LocalEngineSession;
  readonly #mirror: ConversationMirror;

  constructor(session: LocalEngineSession, mirror: ConversationMirror) {
    this.#session = session;
    this.#mirror = mirror;
  }

  revokeMessage(msgID: string, reason = ''): Promise<void> {
    return this.#session.call('revokeMessage', async () => {
      assertString('revokeMessage', 'msgID', msgID, { nonEmpty: true });
      assertString('revokeMessage', 'reason', reason);
      const cached = this.#mirror.held(msgID);
      if (cached && cached.message.status !== 'sent') {
        throw new ChatError(
          ChatErrorCode.InvalidState,
          `revokeMessage: a message with status ${cached.message.status} cannot be revoked.`,
          { msgID },
        );
      }
      const result = await this.#session.request('revoke', { msgID, reason });
      const batch = new Batch();
      const held = cached ? this.#mirror.holdFromHub(result.message) : null;
      if (result.conversation) this.#mirror.applyState(batch, result.conversation);
      this.#mirror.refresh(batch, result.message.conversationID);
      const revoked = held ?? result.message;
      batch.events.push(() => this.#session.emitMessageModified(revoked));
      this.#mirror.emit(batch);
      this.#session.persistSoon();
    });
  }

  deleteMessages(msgIDList: string[]): Promise<void> {
    return this.#session.call('deleteMessages', async () => {
      const ids = [...new Set(assertIDList('deleteMessages', 'msgIDList', msgIDList, 100))];
      const messages = this.#requireHeld('deleteMessages', ids);
      await this.#localChange(
        messages.map((message) => message.conversationID),
        () => {
          for (const message of messages) this.#session.store.delete(message.msgID, message.seq > 0);
        },
      );
    });
  }

  deleteMessagesFromServer(msgIDList: string[]): Promise<void> {
    return this.#session.call('deleteMessagesFromServer', async () => {
      const method = 'deleteMessagesFromServer';
      const ids = [...new Set(assertIDList(method, 'msgIDList', msgIDList, 30))];
      const local = ids.map((msgID) => this.#mirror.held(msgID)?.message);
      const serverIDs = ids.filter((_, index) => {
        const message = local[index];
        return !message || message.seq > 0;
      });
      for (const message of local) {
        if (message?.status === 'sending') throw beingSent(method, message.msgID);
      }
      let states: HubConversation[] = [];
      if (serverIDs.length > 0)
        states = (await this.#session.request('deleteFromServer', { msgIDList: serverIDs })).conversations;
      const batch = new Batch();
      for (const state of states) this.#mirror.applyState(batch, state);
      this.#mirror.emit(batch);
      await this.#localChange(
        local.flatMap((message) => (message ? [message.conversationID] : [])),
        () => {
          for (const [index, msgID] of ids.entries()) {
            const message = local[index];
            this.#session.store.delete(msgID, !message || message.seq > 0);
          }
        },
      ).catch(() => undefined);
    });
  }

  clearHistoryMessage(conversationID: string): Promise<void> {
    return this.#session.call('clearHistoryMessage', async () => {
      assertConversationID('clearHistoryMessage', conversationID);
      const result = await this.#session.request('clearHistory', { conversationID });
      this.#mirror.applyAndEmit(result.conversations);
    });
  }

  setLocalCustomData(msgID: string, localCustomData: string): Promise<Message> {
    return this.#session.call('setLocalCustomData', async () => {
      assertString('setLocalCustomData', 'msgID', msgID, { nonEmpty: true });
      assertString('setLocalCustomData', 'localCustomData', localCustomData);
      const cached = this.#mirror.held(msgID);
      if (!cached) throw notOnDevice('setLocalCustomData', msgID);
      const updated = { ...cached.message, localCustomData };
      await this.#localChange([updated.conversationID], () =>
        this.#session.store.putLocalData(updated, cached.send),
      );
      this.#session.emitMessageModified(updated);
      return updated;
    });
  }

  importMessages(conversationID: string, messageList: Message[]): Promise<Message[]> {
    const session = this.#session;
    return session.call('importMessages', async () => {
      const method = 'importMessages';
      const parsed = assertConversationID(method, conversationID);
      if (!Array.isArray(messageList) || messageList.length === 0) {
        throw invalidParameter(method, 'messageList', 'a non-empty array of messages', messageList);
      }
      if (messageList.length > 1000) {
        throw new ChatError(ChatErrorCode.TooManyIDs, `${method}: at most 1000 messages a call.`, {
          max: 1000,
        });
      }
      const seen = new Set<string>();
      const imported = messageList.map((value, index) => {
        const message = assertMessage(method, value, `messageList[${index}]`);
        if (
          typeof message.timestamp !== 'number' ||
          !Number.isFinite(message.timestamp) ||
          message.timestamp < 0
        ) {
          throw invalidParameter(
            method,
            `messageList[${index}].timestamp`,
            'a time in ms',
            message.timestamp,
          );
        }
        const sender = typeof message.sender === 'string' && message.sender ? message.sender : session.userID;
        let msgID = message.msgID;
        if (seen.has(msgID) || session.store.get(msgID))
          msgID = createMessageID(sender, message.timestamp, session.random);
        seen.add(msgID);
        return this.#asLocal(message, msgID, parsed, sender, 'imported', message.timestamp);
      });
      this.#ensureLocal(conversationID);
      await this.#localChange([conversationID], () => {
        for (const message of imported) session.store.put(message);
      });
      return imported;
    });
  }

  insertMessageToLocalStorage(conversationID: string, message: Message, sender?: string): Promise<Message> {
    const session = this.#session;
    return session.call('insertMessageToLocalStorage', async () => {
      const method = 'insertMessageToLocalStorage';
      const parsed = assertConversationID(method, conversationID);
      const source = assertMessage(method, message);
      const from =
        sender === undefined ? session.userID : assertString(method, 'sender', sender, { nonEmpty: true });
      if (session.store.get(source.msgID)) {
        throw new ChatError(
          ChatErrorCode.InvalidState,
          `${method}: message ${source.msgID} is already stored.`,
          { msgID: source.msgID },
        );
      }
      const stored = this.#asLocal(source, source.msgID, parsed, from, 'local', session.now());
      this.#ensureLocal(conversationID);
      await this.#localChange([conversationID], () => session.store.put(stored));
      return stored;
    });
  }

  /** The held messages of `msgIDs`, else `MESSAGE_NOT_FOUND` (or `INVALID_STATE` for one being sent). */
  #requireHeld(method: string, msgIDs: string[]): Message[] {
    return msgIDs.map((msgID) => {
      const cached = this.#mirror.held(msgID);
      if (!cached) throw notOnDevice(method, msgID);
      if (cached.message.status === 'sending') throw beingSent(method, msgID);
      return cached.message;
    });
  }

  /** Runs a local-only change: it is emitted once durable, and undone (rejecting) when the write fails. */
  async #localChange(conversationIDs: Iterable<string>, change: () => void): Promise<void> {
    const ids = [...new Set(conversationIDs)];
    change();
    try {
      await this.#session.store.commit();
    } finally {
      const batch = new Batch();
      for (const id of ids) this.#mirror.refresh(batch, id);
      this.#mirror.emit(batch);
    }
  }

  /** Lists a conversation this device had no record of, before local messages go into it. */
  #ensureLocal(conversationID: string): void {
    const batch = new Batch();
    this.#mirror.ensureLocal(batch, conversationID);
    this.#mirror.emit(batch);
  }

  /** A message as stored on this device only, in the conversation `parsed`, from `sender`. */
  #asLocal(
    message: Message,
    msgID: string,
    parsed: { type: 'c2c' | 'group'; userID: string; groupID: string },
    sender: string,
    status: 'local' | 'imported',
    timestamp: number,
  ): Message {
    const { userID, profile } = this.#session;
    const conversationID =
      parsed.type === 'c2c' ? c2cConversationID(parsed.userID) : groupConversationID(parsed.groupID);
    return {
      ...message,
      msgID,
      conversationID,
      conversationType: parsed.type,
      userID: parsed.userID,
      groupID: parsed.groupID,
      sender,
      nick:
        sender === userID
          ? profile.nick
          : typeof message.nick === 'string' && message.sender === sender
            ? message.nick
            : sender,
      faceUrl: typeof message.faceUrl === 'string' && message.sender === sender ? message.faceUrl : '',
      isSelf: sender === userID,
      timestamp,
      seq: 0,
      random: typeof message.random === 'number' ? message.random : 0,
      status,
      priority: message.priority ?? 'normal',
      isRead: true,
      isPeerRead: false,
      isExcludedFromUnreadCount: message.isExcludedFromUnreadCount ?? false,
      isExcludedFromLastMessage: message.isExcludedFromLastMessage ?? false,
      isOnlineOnly: false,
      targetUserIDList: [],
      atUserList: message.atUserList ?? [],
      cloudCustomData: message.cloudCustomData ?? '',
      localCustomData: message.localCustomData ?? '',
      revoker: '',
      revokeReason: '',
    };
  }
}

function notOnDevice(method: string, msgID: string): ChatError {
  return new ChatError(ChatErrorCode.MessageNotFound, `${method}: no message ${msgID} on this device.`, {
    msgID,
  });
}

function beingSent(method: string, msgID: string): ChatError {
  return new ChatError(ChatErrorCode.InvalidState, `${method}: message ${msgID} is being sent.`, { msgID });
}
