import { unreadFilterKey } from '../../model/conversation-filter';
import type { UnreadFilter } from '../../model/types';
import { assertConversationID, assertInteger, assertString } from '../engine-validation';
import { TencentChatTypes as Types } from './tencent-chat-like';
import type { TencentEngineList } from './tencent-engine-list';
import type { TencentEngineSession } from './tencent-engine-session';
import { callTencent, notSupported } from './tencent-errors';
import { toSdkConversationID } from './tencent-mappers';
import { assertUnreadFilter } from './tencent-validation';

/**
 * @internal The unread calls of a Tencent engine: totals from the engine's copy of the list (subscribed
 * filters are reported by the list as it changes), and the SDK's read calls.
 */
export class TencentEngineUnread {
  readonly #session: TencentEngineSession;
  readonly #list: TencentEngineList;

  constructor(session: TencentEngineSession, list: TencentEngineList) {
    this.#session = session;
    this.#list = list;
  }

  async getTotalUnreadMessageCount(): Promise<number> {
    const method = 'getTotalUnreadMessageCount';
    this.#session.guard(method);
    await this.#list.ensureList(method);
    return this.#list.unreadTotal();
  }

  async getUnreadMessageCountByFilter(filter: UnreadFilter): Promise<number> {
    const method = 'getUnreadMessageCountByFilter';
    this.#session.guard(method);
    const checked = assertUnreadFilter(method, filter);
    await this.#list.ensureList(method);
    return this.#list.unreadTotal(checked);
  }

  async subscribeUnreadMessageCountByFilter(filter: UnreadFilter): Promise<void> {
    const method = 'subscribeUnreadMessageCountByFilter';
    this.#session.guard(method);
    const checked = assertUnreadFilter(method, filter);
    await this.#list.ensureList(method);
    const key = unreadFilterKey(checked);
    if (!this.#list.unreadSubscriptions.has(key)) {
      this.#list.unreadSubscriptions.set(key, { filter: checked, total: this.#list.unreadTotal(checked) });
    }
  }

  async unsubscribeUnreadMessageCountByFilter(filter: UnreadFilter): Promise<void> {
    const method = 'unsubscribeUnreadMessageCountByFilter';
    this.#session.guard(method);
    this.#list.unreadSubscriptions.delete(unreadFilterKey(assertUnreadFilter(method, filter)));
  }

  async cleanConversationUnreadMessageCount(
    conversationID: string,
    cleanTimestamp = 0,
    cleanSequence = 0,
  ): Promise<void> {
    const method = 'cleanConversationUnreadMessageCount';
    this.#session.guard(method);
    const timestamp = assertInteger(method, 'cleanTimestamp', cleanTimestamp, 0, Number.MAX_SAFE_INTEGER);
    const sequence = assertInteger(method, 'cleanSequence', cleanSequence, 0, Number.MAX_SAFE_INTEGER);
    const scopes: Record<string, string> = {
      '': Types.READ_ALL_MSG,
      c2c: Types.READ_ALL_C2C_MSG,
      group: Types.READ_ALL_GROUP_MSG,
    };
    const scope = typeof conversationID === 'string' ? scopes[conversationID] : undefined;
    if (scope !== undefined) {
      await callTencent(method, () => this.#session.chat.setAllMessageRead({ scope }));
      return;
    }
    const parsed = assertConversationID(method, conversationID);
    await this.#list.ensureList(method);
    const last = this.#list.get(conversationID)?.lastMessage;
    const partial =
      parsed.type === 'c2c'
        ? timestamp > 0 && last !== null && last !== undefined && timestamp < last.timestamp
        : sequence > 0 && last !== null && last !== undefined && sequence < last.seq;
    if (partial) {
      throw notSupported(
        method,
        'setMessageRead marks a whole conversation read; clean up to the last message (or pass 0)',
      );
    }
    await callTencent(method, () =>
      this.#session.chat.setMessageRead({ conversationID: toSdkConversationID(conversationID) }),
    );
  }

  async markAllMessageAsRead(): Promise<void> {
    const method = 'markAllMessageAsRead';
    this.#session.guard(method);
    await callTencent(method, () => this.#session.chat.setAllMessageRead({ scope: Types.READ_ALL_MSG }));
  }

  async markC2CMessageAsRead(userID: string): Promise<void> {
    const method = 'markC2CMessageAsRead';
    this.#session.guard(method);
    const id = assertString(method, 'userID', userID, { nonEmpty: true });
    await callTencent(method, () =>
      this.#session.chat.setMessageRead({ conversationID: `${Types.CONV_C2C}${id}` }),
    );
  }

  async markGroupMessageAsRead(groupID: string): Promise<void> {
    const method = 'markGroupMessageAsRead';
    this.#session.guard(method);
    const id = assertString(method, 'groupID', groupID, { nonEmpty: true });
    await callTencent(method, () =>
      this.#session.chat.setMessageRead({ conversationID: `${Types.CONV_GROUP}${id}` }),
    );
  }
}
