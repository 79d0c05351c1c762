import { ChatError, ChatErrorCode } from '../model/chat-error';
import { isUnread, markedRead, unreadIDsInScope } from '../model/conversation-changes';
import { unreadFilterKey } from '../model/conversation-filter';
import { hasOwnEntry, ownEntry, withEntry, withoutEntry } from '../model/own-record';
import { ConversationMarkType, type UnreadFilter } from '../model/types';
import type { ChatStoreCore, ChatStoreSlice } from './chat-store-core';
import * as check from './chat-store-validation';

type UnreadActions = 'markConversationRead' | 'markAllRead' | 'subscribeUnread' | 'unsubscribeUnread';

/**
 * Unread and reading: the total unread count, subscribed unread totals per filter (ref-counted), and
 * marking conversations read, optimistically. `refreshTotal` re-reads the total (a retried sync uses it).
 */
export function createUnreadSlice(
  core: ChatStoreCore,
): ChatStoreSlice<UnreadActions> & { refreshTotal: () => Promise<void> } {
  const { engine, get } = core;
  const unreadRefs = new Map<string, { count: number; filter: UnreadFilter }>();
  // Counts total-unread events, so an answer to a request that one overtook is dropped.
  let totalEpoch = 0;

  const refreshTotal = async () => {
    const asked = totalEpoch;
    const total = await engine.getTotalUnreadMessageCount();
    if (asked === totalEpoch) core.setField('totalUnread', total);
  };

  const setUnreadByFilter = (key: string, total: number) =>
    core.update((state) =>
      ownEntry(state.unreadByFilter, key) === total
        ? null
        : { unreadByFilter: withEntry(state.unreadByFilter, key, total) },
    );

  return {
    refreshTotal,

    conversationListener: {
      onTotalUnreadMessageCountChanged: (total) => {
        totalEpoch++;
        core.setField('totalUnread', total);
      },
      onUnreadMessageCountChangedByFilter: (filter, total) => {
        const key = unreadFilterKey(filter);
        if (!unreadRefs.has(key)) return;
        core.epoch++;
        core.unreadEpoch.set(key, core.epoch);
        setUnreadByFilter(key, total);
      },
    },

    start: () => refreshTotal().catch(() => undefined),

    actions: {
      markConversationRead: async (conversationID) => {
        const target = check.assertConversationID('markConversationRead', conversationID);
        const held = get().conversations.get(conversationID);
        const markedUnread = held?.markList.includes(ConversationMarkType.unread) ?? false;
        if (held && !isUnread(held)) return;
        await core.optimistic('markConversationRead', [conversationID], markedRead, async () => {
          if (target.type === 'c2c') await engine.markC2CMessageAsRead(target.userID);
          else await engine.markGroupMessageAsRead(target.groupID);
          if (markedUnread)
            await engine.markConversation([conversationID], ConversationMarkType.unread, false);
        });
      },

      markAllRead: async (scope = 'all') => {
        if (scope !== 'all' && scope !== 'c2c' && scope !== 'group') {
          throw new ChatError(
            ChatErrorCode.InvalidParameter,
            '`markAllRead`: scope must be "all", "c2c" or "group"',
          );
        }
        await core.optimistic(
          'markAllRead',
          unreadIDsInScope(get().conversations.values(), scope),
          markedRead,
          () => engine.cleanConversationUnreadMessageCount(scope === 'all' ? '' : scope, 0, 0),
        );
      },

      subscribeUnread: (input) => {
        const filter = check.inspect('subscribeUnread', () =>
          check.assertFilter<UnreadFilter>('subscribeUnread', input),
        );
        const key = unreadFilterKey(filter);
        const held = unreadRefs.get(key);
        if (held) {
          held.count++;
          return key;
        }
        unreadRefs.set(key, { count: 1, filter });
        const startEpoch = core.epoch;
        void (async () => {
          await engine.subscribeUnreadMessageCountByFilter(filter);
          const total = await engine.getUnreadMessageCountByFilter(filter);
          if (unreadRefs.has(key) && (core.unreadEpoch.get(key) ?? -1) <= startEpoch)
            setUnreadByFilter(key, total);
        })().catch((error: unknown) => {
          console.warn(`Tidings: subscribing to the unread total of filter "${key}" failed`, error);
        });
        return key;
      },

      unsubscribeUnread: (input) => {
        const key = check.inspect('unsubscribeUnread', () =>
          check.assertUnreadKey('unsubscribeUnread', input),
        );
        const held = unreadRefs.get(key);
        if (!held) return;
        if (--held.count > 0) return;
        unreadRefs.delete(key);
        core.unreadEpoch.delete(key);
        void engine.unsubscribeUnreadMessageCountByFilter(held.filter).catch(() => undefined);
        core.update((current) =>
          hasOwnEntry(current.unreadByFilter, key)
            ? { unreadByFilter: withoutEntry(current.unreadByFilter, key) }
            : null,
        );
      },
    },
  };
}
