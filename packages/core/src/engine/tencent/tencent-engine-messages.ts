import { ChatError, ChatErrorCode } from '../../model/chat-error';
import type { BatchSendResult, Message, SendMessageHandle, SendMessageOptions } from '../../model/types';
import {
  assertConversationID,
  assertIDList,
  assertMessage,
  assertOptionalString,
  assertString,
  invalidParameter,
  notLoggedIn,
} from '../engine-validation';
import type { TencentMessage } from './tencent-chat-like';
import { isSdkMessage } from './tencent-drafts';
import { emit, type TencentEngineSession } from './tencent-engine-session';
import { callTencent, invalidState, notSupported } from './tencent-errors';
import { toMessage, toMessageStatus, toSdkConversationID } from './tencent-mappers';
import { rejectedSend } from './tencent-sender';

/**
 * @internal The calls of a Tencent engine that send messages (through its sender) and change them once
 * sent: revoking, deleting from roaming history, clearing history. The web SDK keeps no local message
 * store, so the calls that need one reject with `NOT_SUPPORTED`.
 */
export class TencentEngineMessages {
  readonly #session: TencentEngineSession;

  constructor(session: TencentEngineSession) {
    this.#session = session;
  }

  /**
   * Makes the SDK message for a created one and sends it. The returned handle carries the message at once
   * (status `sending`, the msgID it was created with) and resolves with the sent message.
   */
  sendMessage(message: Message, options: SendMessageOptions): SendMessageHandle {
    const method = 'sendMessage';
    if (this.#session.loggedOut) return rejectedSend(method, message, notLoggedIn(method));
    return this.#session.sender.send(method, message, options);
  }

  /** Rejects with `NOT_SUPPORTED`: the web SDK has no way to abort an upload or a send once it started. */
  async cancelSendingMessage(msgID: string): Promise<void> {
    const method = 'cancelSendingMessage';
    this.#session.guard(method);
    assertString(method, 'msgID', msgID, { nonEmpty: true });
    throw notSupported(method, 'it has no way to abort an upload or a send once it has started');
  }

  resendMessage(msgID: string, options?: Pick<SendMessageOptions, 'onProgress'>): SendMessageHandle {
    const method = 'resendMessage';
    if (this.#session.loggedOut) return rejectedSend(method, undefined, notLoggedIn(method), String(msgID));
    return this.#session.sender.resend(method, msgID, options);
  }

  /** Sends the message to each user in turn (the web SDK has no batch send); a result per user. */
  async sendMessageToUsers(message: Message, userIDList: string[]): Promise<BatchSendResult[]> {
    const method = 'sendMessageToUsers';
    this.#session.guard(method);
    return this.#session.sender.sendToUsers(method, message, userIDList);
  }

  // ── Changing messages ────────────────────────────────────────────────────────────────────────────

  /**
   * Revokes a message. An own message older than `revokeWindowMs` rejects with `REVOKE_WINDOW_PASSED`;
   * the web SDK's revoke takes no reason, so a non-empty `reason` rejects with `NOT_SUPPORTED`. Listeners
   * get the revoked message through `onRecvMessageModified` (the SDK tells only the peers).
   */
  async revokeMessage(msgID: string, reason?: string): Promise<void> {
    const method = 'revokeMessage';
    this.#session.guard(method);
    const id = assertString(method, 'msgID', msgID, { nonEmpty: true });
    if (assertOptionalString(method, 'reason', reason, '') !== '') {
      throw notSupported(method, 'its revokeMessage takes no reason; revoke without one');
    }
    const sdk = this.#session.sender.require(method, id);
    if (sdk.isRevoked) return;
    if (sdk.status !== 'success') {
      throw invalidState(method, `only a sent message can be revoked; this one is ${toMessageStatus(sdk)}.`, {
        msgID: id,
      });
    }
    const age = this.#session.now() - (sdk.time ?? 0) * 1000;
    if (sdk.flow === 'out' && age > this.#session.revokeWindowMs) {
      throw new ChatError(
        ChatErrorCode.RevokeWindowPassed,
        `${method}: the message is ${Math.round(age / 1000)} s old; the limit is ${this.#session.revokeWindowMs / 1000} s.`,
        { method, msgID: id, ageMs: age, limitMs: this.#session.revokeWindowMs },
      );
    }
    const data = await callTencent(method, () => this.#session.chat.revokeMessage(sdk));
    const revoked = toMessage(isSdkMessage(data?.message) ? data.message : sdk, this.#session.ctx);
    emit(this.#session.messageListeners, 'onRecvMessageModified', {
      ...revoked,
      status: 'revoked',
      revoker: revoked.revoker || this.#session.userID,
    });
  }

  /** Rejects with `NOT_SUPPORTED`: the web SDK keeps no local message store to delete from. */
  async deleteMessages(msgIDList: string[]): Promise<void> {
    const method = 'deleteMessages';
    this.#session.guard(method);
    assertIDList(method, 'msgIDList', msgIDList, Number.MAX_SAFE_INTEGER);
    throw notSupported(
      method,
      'it keeps no local message store; its deleteMessage removes messages from roaming history (use deleteMessagesFromServer)',
    );
  }

  async deleteMessagesFromServer(msgIDList: string[]): Promise<void> {
    const method = 'deleteMessagesFromServer';
    this.#session.guard(method);
    const ids = assertIDList(method, 'msgIDList', msgIDList, 30);
    const byConversation = new Map<string, TencentMessage[]>();
    for (const id of ids) {
      const sdk = this.#session.sender.require(method, id);
      const list = byConversation.get(sdk.conversationID) ?? [];
      list.push(sdk);
      byConversation.set(sdk.conversationID, list);
    }
    // The SDK deletes messages of one conversation a call.
    for (const list of byConversation.values())
      await callTencent(method, () => this.#session.chat.deleteMessage(list));
  }

  async clearHistoryMessage(conversationID: string): Promise<void> {
    const method = 'clearHistoryMessage';
    this.#session.guard(method);
    assertConversationID(method, conversationID);
    await callTencent(method, () =>
      this.#session.chat.clearHistoryMessage(toSdkConversationID(conversationID)),
    );
  }

  /** Rejects with `NOT_SUPPORTED`: web SDK messages have no device-local data. */
  async setLocalCustomData(msgID: string, localCustomData: string): Promise<Message> {
    const method = 'setLocalCustomData';
    this.#session.guard(method);
    assertString(method, 'msgID', msgID, { nonEmpty: true });
    assertString(method, 'localCustomData', localCustomData);
    throw notSupported(method, 'its messages have no device-local data (cloudCustomData is sent to peers)');
  }

  /** Rejects with `NOT_SUPPORTED`: the web SDK cannot import messages. */
  async importMessages(conversationID: string, messageList: Message[]): Promise<Message[]> {
    const method = 'importMessages';
    this.#session.guard(method);
    assertConversationID(method, conversationID);
    if (!Array.isArray(messageList))
      throw invalidParameter(method, 'messageList', 'an array of messages', messageList);
    for (const [index, message] of messageList.entries())
      assertMessage(method, message, `messageList[${index}]`);
    throw notSupported(method, 'it keeps no local message store to import into');
  }

  /** Rejects with `NOT_SUPPORTED`: the web SDK cannot store local-only messages. */
  async insertMessageToLocalStorage(
    conversationID: string,
    message: Message,
    sender?: string,
  ): Promise<Message> {
    const method = 'insertMessageToLocalStorage';
    this.#session.guard(method);
    assertConversationID(method, conversationID);
    assertMessage(method, message);
    assertOptionalString(method, 'sender', sender, '');
    throw notSupported(method, 'it keeps no local message store to insert into');
  }
}
