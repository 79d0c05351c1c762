import { unreadFilterKey } from '../../model/conversation-filter';
import type { UnreadFilter } from '../../model/types';
import {
  assertConversationID,
  assertInteger,
  assertString,
  c2cConversationID,
  groupConversationID,
} from '../engine-validation';
import type { ConversationMirror } from './local-engine-mirror';
import type { LocalEngineSession } from './local-engine-session';
import { assertUnreadFilter } from './local-engine-validation';

/**
 * @internal The unread calls of a local engine. Totals are read from the mirror, which keeps them (and each
 * subscribed filter's) running as conversations change; cleaning asks the hub to move the read position.
 */
export class LocalEngineUnread {
  readonly #session: LocalEngineSession;
  readonly #mirror: ConversationMirror;

  constructor(session: LocalEngineSession, mirror: ConversationMirror) {
    this.#session = session;
    this.#mirror = mirror;
  }

  getTotalUnreadMessageCount(): Promise<number> {
    return this.#session.call('getTotalUnreadMessageCount', () => this.#mirror.total);
  }

  getUnreadMessageCountByFilter(filter: UnreadFilter): Promise<number> {
    return this.#session.call('getUnreadMessageCountByFilter', () => {
      const valid = assertUnreadFilter('getUnreadMessageCountByFilter', filter);
      const subscription = this.#mirror.subscriptions.get(unreadFilterKey(valid));
      if (subscription) return subscription.total;
      return this.#mirror.unreadTotal(valid);
    });
  }

  subscribeUnreadMessageCountByFilter(filter: UnreadFilter): Promise<void> {
    return this.#session.call('subscribeUnreadMessageCountByFilter', () => {
      const valid = assertUnreadFilter('subscribeUnreadMessageCountByFilter', filter);
      const key = unreadFilterKey(valid);
      if (this.#mirror.subscriptions.has(key)) return;
      const total = this.#mirror.unreadTotal(valid);
      this.#mirror.subscriptions.set(key, { filter: valid, total, emitted: total });
    });
  }

  unsubscribeUnreadMessageCountByFilter(filter: UnreadFilter): Promise<void> {
    return this.#session.call('unsubscribeUnreadMessageCountByFilter', () => {
      const valid = assertUnreadFilter('unsubscribeUnreadMessageCountByFilter', filter);
      this.#mirror.subscriptions.delete(unreadFilterKey(valid));
    });
  }

  cleanConversationUnreadMessageCount(
    conversationID: string,
    cleanTimestamp = 0,
    cleanSequence = 0,
  ): Promise<void> {
    return this.#session.call('cleanConversationUnreadMessageCount', () =>
      this.#clean('cleanConversationUnreadMessageCount', conversationID, cleanTimestamp, cleanSequence),
    );
  }

  markAllMessageAsRead(): Promise<void> {
    return this.#session.call('markAllMessageAsRead', () => this.#clean('markAllMessageAsRead', '', 0, 0));
  }

  markC2CMessageAsRead(userID: string): Promise<void> {
    return this.#session.call('markC2CMessageAsRead', () => {
      assertString('markC2CMessageAsRead', 'userID', userID, { nonEmpty: true });
      return this.#clean('markC2CMessageAsRead', c2cConversationID(userID), 0, 0);
    });
  }

  markGroupMessageAsRead(groupID: string): Promise<void> {
    return this.#session.call('markGroupMessageAsRead', () => {
      assertString('markGroupMessageAsRead', 'groupID', groupID, { nonEmpty: true });
      return this.#clean('markGroupMessageAsRead', groupConversationID(groupID), 0, 0);
    });
  }

  /** Cleans one conversation, or every one of a kind (`''`, `'c2c'`, `'group'`), up to a time or seq. */
  async #clean(
    method: string,
    conversationID: unknown,
    cleanTimestamp: unknown,
    cleanSequence: unknown,
  ): Promise<void> {
    if (conversationID !== '' && conversationID !== 'c2c' && conversationID !== 'group') {
      assertConversationID(method, conversationID);
    }
    assertInteger(method, 'cleanTimestamp', cleanTimestamp, 0, Number.MAX_SAFE_INTEGER);
    assertInteger(method, 'cleanSequence', cleanSequence, 0, Number.MAX_SAFE_INTEGER);
    const result = await this.#session.request('cleanUnread', {
      conversationID: conversationID as string,
      cleanTimestamp: cleanTimestamp as number,
      cleanSequence: cleanSequence as number,
    });
    this.#mirror.applyAndEmit(result.conversations);
  }
}
