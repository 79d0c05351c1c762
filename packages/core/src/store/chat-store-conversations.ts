import { ChatError, ChatErrorCode } from '../model/chat-error';
import { conversationFilterKey } from '../model/conversation-filter';
import { createView, removeConversations, upsertConversations } from '../model/conversation-view';
import { dropWindows } from '../model/message-changes';
import { hasOwnEntry, ownEntry, withEntry, withoutEntry } from '../model/own-record';
import type { Conversation, ConversationFilter } from '../model/types';
import {
  type ChatStoreCore,
  type ChatStoreSlice,
  changedConversations,
  changedMessages,
  conversationSlice,
  messageSlice,
} from './chat-store-core';
import { ALL_VIEW } from './chat-store-initial';
import type { ConversationView, SyncStatus } from './chat-store-types';
import * as check from './chat-store-validation';

type ConversationActions =
  | 'registerView'
  | 'unregisterView'
  | 'loadMoreConversations'
  | 'retry'
  | 'deleteConversation';

/**
 * Conversations and paging: the views (one per filter, ref-counted), their pages, the sync status, and
 * the engine's conversation events (new, changed, deleted), which win over pages in flight.
 */
export function createConversationsSlice(
  core: ChatStoreCore,
  deps: { refreshTotal: () => Promise<void> },
): ChatStoreSlice<ConversationActions> {
  const { engine, get } = core;
  // Registrations per view key, which no component renders; the whole list is always registered.
  const viewRefs = new Map<string, number>([[ALL_VIEW, 1]]);

  const setSyncStatus = (syncStatus: SyncStatus) =>
    core.update((state) => {
      // A failure stays reported (`isSyncFailed`) through syncing again, until a sync finishes.
      const isSyncFailed =
        syncStatus === 'failed' ? true : syncStatus === 'synced' ? false : state.isSyncFailed;
      return state.syncStatus === syncStatus && state.isSyncFailed === isSyncFailed
        ? null
        : { syncStatus, isSyncFailed };
    });

  const onConversations = (list: readonly Conversation[]) => {
    core.touch(list.map((conversation) => conversation.conversationID));
    core.upsert(list);
  };

  return {
    conversationListener: {
      onSyncServerStart: () => setSyncStatus('syncing'),
      onSyncServerFinish: () => setSyncStatus('synced'),
      onSyncServerFailed: () => setSyncStatus('failed'),
      onNewConversation: onConversations,
      onConversationChanged: onConversations,
      onConversationDeleted: (ids) => {
        core.touch(ids);
        core.update((state) => {
          const activeGone = state.activeConversationID !== null && ids.includes(state.activeConversationID);
          const conversations = changedConversations(
            state,
            removeConversations(conversationSlice(state), ids),
          );
          const messages = changedMessages(state, dropWindows(messageSlice(state), ids));
          if (!conversations && !messages && !activeGone) return null;
          return { ...conversations, ...messages, ...(activeGone && { activeConversationID: null }) };
        });
      },
    },

    start: () => loadPage(core, ALL_VIEW),

    actions: {
      registerView: (input: ConversationFilter) => {
        const filter = check.inspect('registerView', () =>
          check.assertFilter<ConversationFilter>('registerView', input),
        );
        const key = conversationFilterKey(filter);
        viewRefs.set(key, (viewRefs.get(key) ?? 0) + 1);
        if (!hasOwnEntry(get().views, key)) {
          core.update((current) => ({
            views: withEntry(current.views, key, createView(filter, current.conversations)),
          }));
        }
        if (ownEntry(get().views, key)?.nextSeq === 0 && core.started) void loadPage(core, key);
        return key;
      },

      unregisterView: (input) => {
        const key = check.inspect('unregisterView', () => check.assertViewKey('unregisterView', input));
        if (key === ALL_VIEW) return;
        const refs = (viewRefs.get(key) ?? 0) - 1;
        if (refs > 0) {
          viewRefs.set(key, refs);
          return;
        }
        viewRefs.delete(key);
        core.update((current) =>
          hasOwnEntry(current.views, key) ? { views: withoutEntry(current.views, key) } : null,
        );
      },

      loadMoreConversations: async (input = ALL_VIEW) => {
        const key = check.inspect('loadMoreConversations', () =>
          check.assertViewKey('loadMoreConversations', input),
        );
        await loadPage(core, key);
      },

      retry: async (input = ALL_VIEW) => {
        const key = check.inspect('retry', () => check.assertViewKey('retry', input));
        const view = ownEntry(get().views, key);
        if (view?.status === 'error') {
          core.update((current) => ({
            views: withEntry(current.views, key, { ...view, status: 'idle' as const, error: null }),
          }));
          await loadPage(core, key);
        }
        if (get().syncStatus !== 'failed') return;
        setSyncStatus('syncing');
        try {
          const result = await engine.getConversationList(0, core.options.conversationPageSize);
          core.upsert(result.conversationList);
          await deps.refreshTotal();
          if (get().syncStatus === 'syncing') setSyncStatus('synced');
        } catch (error) {
          setSyncStatus('failed');
          throw check.toChatError(error, 'retry');
        }
      },

      deleteConversation: async (conversationID, input) => {
        check.assertConversationID('deleteConversation', conversationID);
        const deleteOptions = check.assertDeleteOptions('deleteConversation', input);
        const held = get().conversations.get(conversationID);
        core.touch([conversationID]);
        core.update((current) =>
          changedConversations(current, removeConversations(conversationSlice(current), [conversationID])),
        );
        try {
          await engine.deleteConversation(conversationID, deleteOptions);
        } catch (error) {
          if (held && !get().conversations.has(conversationID)) core.upsert([held]);
          // The restored copy may predate an optimistic change that failed meanwhile: ask the engine.
          if (held) {
            core.markStale(conversationID);
            await core.reconcile([conversationID]);
          }
          throw check.toChatError(error, 'deleteConversation');
        }
        if (deleteOptions?.clearMessages !== false) {
          core.update((current) =>
            changedMessages(current, dropWindows(messageSlice(current), [conversationID])),
          );
        }
      },
    },
  };
}

/** Pulls the next page of a view; a conversation an event touched since the pull began keeps the event's copy. */
async function loadPage(core: ChatStoreCore, key: string): Promise<void> {
  const view = ownEntry(core.get().views, key);
  if (!view)
    throw new ChatError(
      ChatErrorCode.InvalidParameter,
      `\`loadMoreConversations\`: no view "${key.slice(0, 64)}" is registered`,
    );
  if (view.status === 'loading' || view.isFinished) return;
  const startEpoch = core.beginRead();
  const pageSize = core.options.conversationPageSize;
  const setView = (patch: Partial<ConversationView>) =>
    core.update((state) => {
      const current = ownEntry(state.views, key);
      return current ? { views: withEntry(state.views, key, { ...current, ...patch }) } : null;
    });
  setView({ status: 'loading', error: null });
  try {
    const result =
      key === ALL_VIEW
        ? await core.engine.getConversationList(view.nextSeq, pageSize)
        : await core.engine.getConversationListByFilter({
            ...view.filter,
            nextSeq: view.nextSeq,
            count: pageSize,
          });
    const fresh = result.conversationList.filter(
      (conversation) => (core.conversationEpoch.get(conversation.conversationID) ?? -1) <= startEpoch,
    );
    core.update((state) => {
      const slice = upsertConversations(conversationSlice(state), fresh);
      const current = ownEntry(slice.views, key);
      if (!current) return changedConversations(state, slice);
      return {
        conversations: slice.conversations,
        views: withEntry(slice.views, key, {
          ...current,
          nextSeq: result.nextSeq,
          isFinished: result.isFinished,
          status: 'idle' as const,
          error: null,
        }),
      };
    });
  } catch (error) {
    setView({ status: 'error', error: check.toChatError(error, 'loadMoreConversations') });
  } finally {
    core.endRead();
  }
}
