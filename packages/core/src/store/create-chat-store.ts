import { createStore } from 'zustand/vanilla';
import type { ChatEngine } from '../engine/chat-engine';
import { createMessageReply } from '../format/format-reply';
import { ChatError, ChatErrorCode } from '../model/chat-error';
import {
  conversationFilterKey,
  hasMark,
  parseConversationID,
  unreadFilterKey,
} from '../model/conversation-filter';
import {
  type ConversationSlice,
  createView,
  removeConversations,
  upsertConversations,
} from '../model/conversation-view';
import {
  addPage,
  type MessageSlice,
  patchWindow,
  putMessages,
  removeMessages,
  replaceWindow,
} from '../model/message-window';
import { hasOwnEntry, ownEntry, ownRecord, withEntry, withoutEntry } from '../model/own-record';
import type { RecordMap } from '../model/record-map';
import {
  type AdvancedMsgListener,
  type Conversation,
  type ConversationFilter,
  type ConversationListener,
  ConversationMarkType,
  type Message,
  type SendMessageHandle,
  type SendMessageOptions,
  type UnreadFilter,
  type UserProfile,
} from '../model/types';
import { deleteMessagesInChunks, forwardMessages } from './chat-store-bulk';
import { ALL_VIEW, createInitialChatState } from './chat-store-initial';
import { createAttachmentMessage } from './chat-store-media';
import type { ChatState, ChatStateData, ChatStore, ChatStoreOptions, SyncStatus } from './chat-store-types';
import { isTypingMessage, TYPING_BUSINESS_ID } from './chat-store-typing';
import * as check from './chat-store-validation';
import * as checkSend from './chat-store-validation-send';

type Patch = Partial<ChatStateData> | null;

/**
 * Creates the chat store for one signed-in engine: a zustand vanilla store holding the conversation list
 * (kept in order incrementally), unread totals, message windows, send progress and typing state, with
 * actions that call the engine — optimistic where a user expects it, rolled back on error.
 *
 * Nothing happens until `start()`; `<ChatProvider>` calls it on mount. One store per provider: there is
 * no singleton.
 *
 * @example
 * const hub = await createLocalHub();
 * const store = createChatStore(await hub.connect('alice'));
 * await store.getState().start();
 * selectConversationIDs(store.getState()); // ['c2c_bob', 'group_team', …]
 */
export function createChatStore(engine: ChatEngine, options: ChatStoreOptions = {}): ChatStore {
  const pageSize = options.conversationPageSize ?? 50;
  const messagePageSize = options.messagePageSize ?? 30;
  const typingTimeoutMs = options.typingTimeoutMs ?? 5000;
  const now = options.now ?? Date.now;

  // Bookkeeping that no component renders, kept out of the state.
  const viewRefs = new Map<string, number>([[ALL_VIEW, 1]]);
  const unreadRefs = new Map<string, { count: number; filter: UnreadFilter }>();
  // Event epochs let a page that was in flight while an event arrived skip its older copy of a conversation.
  let epoch = 0;
  const conversationEpoch = new Map<string, number>();
  const unreadEpoch = new Map<string, number>();
  const typingTimers = new Map<string, ReturnType<typeof setTimeout>>();
  // Optimistic actions in flight per conversation, and conversations a failed one left to re-read.
  const inFlight = new Map<string, number>();
  const stale = new Set<string>();
  const unsubscribers: (() => void)[] = [];
  let started: Promise<void> | null = null;

  const store = createStore<ChatState>()((set, get) => {
    /** Applies a change; returning null (or nothing changed) notifies no one. */
    const update = (fn: (state: ChatState) => Patch) =>
      set((state) => {
        const patch = fn(state);
        return patch ? patch : state;
      });

    /** Sets one field, notifying no one when it already holds the value. */
    const setField = <K extends keyof ChatStateData>(key: K, value: ChatStateData[K]) =>
      update((state) => (state[key] === value ? null : ({ [key]: value } as Patch)));

    const conversationSlice = (state: ChatStateData): ConversationSlice => ({
      conversations: state.conversations,
      views: state.views,
    });
    const messageSlice = (state: ChatStateData): MessageSlice => ({
      messages: state.messages,
      windows: state.windows,
    });

    const changedConversations = (state: ChatStateData, next: ConversationSlice): Patch =>
      next.conversations === state.conversations && next.views === state.views ? null : next;
    const changedMessages = (state: ChatStateData, next: MessageSlice): Patch =>
      next.messages === state.messages && next.windows === state.windows ? null : next;

    /** Patches a conversation's message window (status, highlight…). */
    const patch = (conversationID: string, windowPatch: Parameters<typeof patchWindow>[2]) =>
      update((state) => patchWindow(messageSlice(state), conversationID, windowPatch));

    /** A failed window load: the window says so, and the error is returned to throw. */
    const failWindow = (conversationID: string, action: string, error: unknown) => {
      const chatError = check.toChatError(error, action);
      patch(conversationID, { status: 'error', error: chatError });
      return chatError;
    };

    /** Where the sync stands; a failure stays reported (`isSyncFailed`) until a sync finishes. */
    const setSyncStatus = (syncStatus: SyncStatus) =>
      update((state) => {
        const isSyncFailed =
          syncStatus === 'failed' ? true : syncStatus === 'synced' ? false : state.isSyncFailed;
        return state.syncStatus === syncStatus && state.isSyncFailed === isSyncFailed
          ? null
          : { syncStatus, isSyncFailed };
      });

    const setUnreadByFilter = (key: string, total: number) =>
      update((state) =>
        ownEntry(state.unreadByFilter, key) === total
          ? null
          : { unreadByFilter: withEntry(state.unreadByFilter, key, total) },
      );

    const upsert = (list: readonly Conversation[]) =>
      update((state) => changedConversations(state, upsertConversations(conversationSlice(state), list)));

    const touch = (ids: readonly string[]) => {
      epoch++;
      for (const id of ids) conversationEpoch.set(id, epoch);
    };

    const put = (list: readonly Message[]) =>
      update((state) => {
        const next = putMessages(messageSlice(state), list);
        const users = withSenders(state.users, list);
        const patch = changedMessages(state, next);
        return users === state.users ? patch : { ...patch, users };
      });

    const setProgress = (msgID: string, progress: number | null) =>
      update((state) => {
        if (progress === null) {
          if (!hasOwnEntry(state.sendProgress, msgID)) return null;
          return { sendProgress: withoutEntry(state.sendProgress, msgID) };
        }
        return ownEntry(state.sendProgress, msgID) === progress
          ? null
          : { sendProgress: withEntry(state.sendProgress, msgID, progress) };
      });

    const removeTyping = (conversationID: string, userID: string) => {
      const timerKey = `${conversationID}\n${userID}`;
      clearTimeout(typingTimers.get(timerKey));
      typingTimers.delete(timerKey);
      update((state) => {
        const list = state.typing.get(conversationID);
        if (!list?.some((user) => user.userID === userID)) return null;
        const rest = list.filter((user) => user.userID !== userID);
        return {
          typing:
            rest.length === 0 ? state.typing.delete(conversationID) : state.typing.set(conversationID, rest),
        };
      });
    };

    const onTyping = (message: Message) => {
      if (message.isSelf) return;
      const { conversationID, sender } = message;
      const expiresAt = now() + typingTimeoutMs;
      const timerKey = `${conversationID}\n${sender}`;
      clearTimeout(typingTimers.get(timerKey));
      typingTimers.set(
        timerKey,
        setTimeout(() => removeTyping(conversationID, sender), typingTimeoutMs),
      );
      update((state) => {
        const others = (state.typing.get(conversationID) ?? []).filter((user) => user.userID !== sender);
        return { typing: state.typing.set(conversationID, [...others, { userID: sender, expiresAt }]) };
      });
    };

    // Counts total-unread events, so an answer to a request that one overtook is dropped.
    let totalEpoch = 0;
    const refreshTotal = async () => {
      const asked = totalEpoch;
      const total = await engine.getTotalUnreadMessageCount();
      if (asked === totalEpoch) setField('totalUnread', total);
    };

    const refreshGroups = async () => {
      const groups = await engine.getConversationGroupList();
      setField('conversationGroups', groups);
    };

    const onConversations = (list: readonly Conversation[]) => {
      touch(list.map((conversation) => conversation.conversationID));
      upsert(list);
    };
    const onGroupsChanged = () => void refreshGroups().catch(() => undefined);

    const conversationListener: ConversationListener = {
      onSyncServerStart: () => setSyncStatus('syncing'),
      onSyncServerFinish: () => setSyncStatus('synced'),
      onSyncServerFailed: () => setSyncStatus('failed'),
      onNewConversation: onConversations,
      onConversationChanged: onConversations,
      onConversationDeleted: (ids) => {
        touch(ids);
        update((state) => {
          const conversations = changedConversations(
            state,
            removeConversations(conversationSlice(state), ids),
          );
          const dropped = ids.flatMap((id) => ownEntry(state.windows, id)?.messageIDs ?? []);
          const windows = ownRecord(state.windows);
          for (const id of ids) delete windows[id];
          const activeGone = state.activeConversationID !== null && ids.includes(state.activeConversationID);
          return {
            ...conversations,
            messages: state.messages.deleteMany(dropped),
            windows,
            ...(activeGone && { activeConversationID: null }),
          };
        });
      },
      onTotalUnreadMessageCountChanged: (total) => {
        totalEpoch++;
        setField('totalUnread', total);
      },
      onUnreadMessageCountChangedByFilter: (filter, total) => {
        const key = unreadFilterKey(filter);
        if (!unreadRefs.has(key)) return;
        epoch++;
        unreadEpoch.set(key, epoch);
        setUnreadByFilter(key, total);
      },
      onConversationGroupCreated: onGroupsChanged,
      onConversationGroupDeleted: onGroupsChanged,
      onConversationGroupNameChanged: onGroupsChanged,
    };

    const messageListener: AdvancedMsgListener = {
      onRecvNewMessage: (message) => {
        if (message.isOnlineOnly) {
          if (isTypingMessage(message)) onTyping(message);
          return;
        }
        removeTyping(message.conversationID, message.sender);
        put([message]);
      },
      onRecvMessageModified: (message) => put([message]),
      // Deleted on this device by another tab of the same user: the list drops them as it does its own.
      onMessagesDeleted: (msgIDs) =>
        update((current) => changedMessages(current, removeMessages(messageSlice(current), msgIDs))),
      onRecvMessageRevoked: (msgID, message) => {
        if (message) return put([message]);
        const held = get().messages.get(msgID);
        if (held) put([{ ...held, status: 'revoked' }]);
      },
      onRecvC2CReadReceipt: (receipts) => {
        const state = get();
        const read: Message[] = [];
        for (const receipt of receipts) {
          for (const id of ownEntry(state.windows, receipt.conversationID)?.messageIDs ?? []) {
            const message = state.messages.get(id);
            if (message?.isSelf && !message.isPeerRead && message.timestamp <= receipt.timestamp) {
              read.push({ ...message, isPeerRead: true });
            }
          }
        }
        if (read.length > 0) put(read);
      },
      onSendProgress: (msgID, progress) => setProgress(msgID, progress),
    };

    /**
     * Re-reads conversations from the engine once no optimistic action on them is in flight, so a store that
     * rolled back several overlapping failures ends where the engine is. An event that arrives meanwhile
     * is newer than the answer and wins.
     */
    const reconcile = async (ids: readonly string[]) => {
      const settled = ids.filter((id) => !inFlight.has(id) && stale.delete(id));
      if (settled.length === 0) return;
      const startEpoch = epoch;
      const truth = await Promise.all(settled.map((id) => engine.getConversation(id).catch(() => undefined)));
      const fresh = truth.filter(
        (conversation): conversation is Conversation =>
          conversation !== undefined &&
          !inFlight.has(conversation.conversationID) &&
          (conversationEpoch.get(conversation.conversationID) ?? -1) <= startEpoch &&
          get().conversations.has(conversation.conversationID),
      );
      upsert(fresh);
    };

    /**
     * Runs an optimistic change. If the engine refuses, each field the change set goes back to what it was,
     * unless something else has changed that field since; then, once nothing else is in flight on those
     * conversations, they are re-read from the engine: overlapping failures each restore a snapshot taken
     * before the others' changes, and only the engine knows what survived.
     */
    const optimistic = async (
      action: string,
      ids: readonly string[],
      change: (conversation: Conversation) => Conversation,
      call: () => Promise<unknown>,
    ) => {
      const before = new Map<string, Conversation>();
      for (const id of ids) {
        const held = get().conversations.get(id);
        if (held) before.set(id, held);
      }
      const changed = [...before.values()].map(change);
      for (const id of before.keys()) inFlight.set(id, (inFlight.get(id) ?? 0) + 1);
      upsert(changed);
      let failure: ChatError | null = null;
      try {
        await call();
      } catch (error) {
        failure = check.toChatError(error, action);
        const rollback: Conversation[] = [];
        for (const next of changed) {
          const prev = before.get(next.conversationID) as Conversation;
          const current = get().conversations.get(next.conversationID);
          if (!current) continue;
          const restored = revertFields(current, prev, next);
          if (restored !== current) rollback.push(restored);
          stale.add(next.conversationID);
        }
        upsert(rollback);
      } finally {
        for (const id of before.keys()) {
          const count = (inFlight.get(id) ?? 1) - 1;
          if (count > 0) inFlight.set(id, count);
          else inFlight.delete(id);
        }
      }
      await reconcile([...before.keys()]);
      if (failure) throw failure;
    };

    /**
     * Makes sure a conversation the store does not hold exists before an action shows it: the engine is
     * asked first, so an unknown ID is rejected before anything changes.
     */
    const ensureKnown = async (action: string, conversationID: string) => {
      const state = get();
      if (state.conversations.has(conversationID) || hasOwnEntry(state.windows, conversationID)) return;
      await call(action, () => engine.getConversation(conversationID));
    };

    const call = async <T>(action: string, run: () => Promise<T>): Promise<T> => {
      try {
        return await run();
      } catch (error) {
        throw check.toChatError(error, action);
      }
    };

    /** A conversation group change: checks names (and IDs), calls the engine, then reloads the groups. */
    const groupAction = async (
      action: string,
      names: unknown[],
      conversationIDs: unknown,
      run: (ids: string[]) => Promise<unknown>,
    ) => {
      for (const name of names) check.assertGroupName(action, name);
      // The checked copy goes to the engine, so a list cannot change between the check and the call.
      const ids = conversationIDs === null ? [] : check.assertConversationIDs(action, conversationIDs);
      await call(action, () => run(ids));
      await refreshGroups();
    };

    const loadPage = async (key: string) => {
      const view = ownEntry(get().views, key);
      if (!view)
        throw new ChatError(
          ChatErrorCode.InvalidParameter,
          `\`loadMoreConversations\`: no view "${key.slice(0, 64)}" is registered`,
        );
      if (view.status === 'loading' || view.isFinished) return;
      const startEpoch = epoch;
      const setView = (patch: Partial<typeof view>) =>
        update((state) => {
          const current = ownEntry(state.views, key);
          return current ? { views: withEntry(state.views, key, { ...current, ...patch }) } : null;
        });
      setView({ status: 'loading', error: null });
      try {
        const result =
          key === ALL_VIEW
            ? await engine.getConversationList(view.nextSeq, pageSize)
            : await engine.getConversationListByFilter({
                ...view.filter,
                nextSeq: view.nextSeq,
                count: pageSize,
              });
        const fresh = result.conversationList.filter(
          (conversation) => (conversationEpoch.get(conversation.conversationID) ?? -1) <= startEpoch,
        );
        update((state) => {
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
      }
    };

    /** Loads the newest messages; on opening, the first unread one is found (or loaded) for the separator. */
    const loadLatest = async (conversationID: string, withUnread: boolean) => {
      patch(conversationID, { status: 'loadingAround', error: null });
      try {
        const conversation = get().conversations.get(conversationID);
        const unread = withUnread ? (conversation?.unreadCount ?? 0) : 0;
        const count = Math.min(100, Math.max(messagePageSize, unread + 1));
        const latest = await engine.getHistoryMessageList({ conversationID, count, direction: 'older' });
        if (unread > count && conversation?.type === 'group' && conversation.readSeq > 0) {
          // More unread than one page: start at the first unread and let the user read forward.
          const fromUnread = await engine.getHistoryMessageList({
            conversationID,
            count: messagePageSize,
            lastMsgSeq: conversation.readSeq + 1,
            direction: 'newer',
          });
          const firstUnread = fromUnread.messageList.find((message) => !message.isSelf) ?? null;
          update((state) =>
            replaceWindow(messageSlice(state), conversationID, fromUnread.messageList, {
              hasOlder: true,
              hasNewer: !fromUnread.isFinished,
              firstUnreadMsgID: firstUnread?.msgID ?? null,
            }),
          );
          return;
        }
        update((state) =>
          replaceWindow(messageSlice(state), conversationID, latest.messageList, {
            hasOlder: !latest.isFinished,
            hasNewer: false,
            firstUnreadMsgID: unread > 0 ? firstUnreadOf(latest.messageList, unread) : null,
          }),
        );
      } catch (error) {
        throw failWindow(conversationID, 'openConversation', error);
      }
    };

    const loadPageOfMessages = async (conversationID: string, direction: 'older' | 'newer') => {
      const action = direction === 'older' ? 'loadOlderMessages' : 'loadNewerMessages';
      check.assertConversationID(action, conversationID);
      const window = ownEntry(get().windows, conversationID);
      if (!window || window.messageIDs.length === 0) {
        await ensureKnown(action, conversationID);
        return loadLatest(conversationID, false);
      }
      if (window.status !== 'idle' && window.status !== 'error') return;
      if (direction === 'older' ? !window.hasOlder : !window.hasNewer) return;
      const edgeID =
        direction === 'older' ? window.messageIDs[0] : window.messageIDs[window.messageIDs.length - 1];
      const edge = get().messages.get(edgeID as string);
      patch(conversationID, { status: direction === 'older' ? 'loadingOlder' : 'loadingNewer', error: null });
      try {
        const result = await engine.getHistoryMessageList({
          conversationID,
          count: messagePageSize,
          direction,
          ...(edge && { lastMsg: edge }),
        });
        update((state) =>
          addPage(messageSlice(state), conversationID, result.messageList, direction, !result.isFinished),
        );
      } catch (error) {
        throw failWindow(conversationID, action, error);
      }
    };

    /** Sends through the engine, showing the message at once and keeping it (as failed) if the send fails. */
    const track = async (
      action: string,
      conversationID: string,
      handle: SendMessageHandle,
    ): Promise<Message> => {
      const pending = handle.message;
      const accepted = pending?.conversationID === conversationID;
      if (accepted) {
        update((state) => {
          let slice = messageSlice(state);
          // Sending always goes to the newest end: a window scrolled into the past starts over there.
          if (ownEntry(slice.windows, conversationID)?.hasNewer)
            slice = replaceWindow(slice, conversationID, [], { hasOlder: true });
          return changedMessages(state, putMessages(slice, [pending]));
        });
      }
      try {
        const sent = await handle;
        put([sent]);
        return sent;
      } catch (error) {
        const cause = check.toChatError(error, action);
        // The message stays as failed; saying which one lets a composer or a toast offer to resend it.
        const chatError = accepted
          ? new ChatError(cause.code, cause.message, { ...cause.details, msgID: pending.msgID }, { cause })
          : cause;
        if (accepted) {
          const [stored] = await engine.findMessages([pending.msgID]).catch(() => [] as Message[]);
          if (stored) put([stored.status === 'sending' ? { ...stored, status: 'failed' } : stored]);
          else put([{ ...pending, status: 'failed' }]);
        }
        throw chatError;
      } finally {
        if (pending) setProgress(pending.msgID, null);
      }
    };

    const targetOf = (conversationID: string): Pick<SendMessageOptions, 'receiver' | 'groupID'> => {
      const parsed = parseConversationID(conversationID);
      return parsed?.type === 'group' ? { groupID: parsed.groupID } : { receiver: parsed?.userID ?? '' };
    };

    const bulk = {
      engine,
      get,
      removeHeld: (msgIDs: readonly string[]) =>
        update((current) => changedMessages(current, removeMessages(messageSlice(current), msgIDs))),
    };

    const state: ChatState = {
      ...createInitialChatState(engine.userID),

      start: () => {
        started ??= (async () => {
          unsubscribers.push(engine.addConversationListener(conversationListener));
          unsubscribers.push(engine.addAdvancedMsgListener(messageListener));
          await Promise.all([
            loadPage(ALL_VIEW),
            refreshTotal().catch(() => undefined),
            refreshGroups().catch(() => undefined),
          ]);
        })();
        return started;
      },

      destroy: () => {
        for (const unsubscribe of unsubscribers.splice(0)) unsubscribe();
        for (const timer of typingTimers.values()) clearTimeout(timer);
        typingTimers.clear();
        started = null;
      },

      registerView: (input: ConversationFilter) => {
        const filter = check.inspect('registerView', () =>
          check.assertFilter<ConversationFilter>('registerView', input),
        );
        const key = conversationFilterKey(filter);
        viewRefs.set(key, (viewRefs.get(key) ?? 0) + 1);
        if (!hasOwnEntry(get().views, key)) {
          update((current) => ({
            views: withEntry(current.views, key, createView(filter, current.conversations)),
          }));
        }
        if (ownEntry(get().views, key)?.nextSeq === 0 && started) void loadPage(key);
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
        update((current) =>
          hasOwnEntry(current.views, key) ? { views: withoutEntry(current.views, key) } : null,
        );
      },

      loadMoreConversations: async (input = ALL_VIEW) => {
        const key = check.inspect('loadMoreConversations', () =>
          check.assertViewKey('loadMoreConversations', input),
        );
        await loadPage(key);
      },

      retry: async (input = ALL_VIEW) => {
        const key = check.inspect('retry', () => check.assertViewKey('retry', input));
        const view = ownEntry(get().views, key);
        if (view?.status === 'error') {
          update((current) => ({
            views: withEntry(current.views, key, { ...view, status: 'idle' as const, error: null }),
          }));
          await loadPage(key);
        }
        if (get().syncStatus === 'failed') {
          setSyncStatus('syncing');
          try {
            const result = await engine.getConversationList(0, pageSize);
            upsert(result.conversationList);
            await refreshTotal();
            if (get().syncStatus === 'syncing') setSyncStatus('synced');
          } catch (error) {
            setSyncStatus('failed');
            throw check.toChatError(error, 'retry');
          }
        }
      },

      pinConversation: async (conversationID, pinned) => {
        check.assertConversationID('pinConversation', conversationID);
        check.assertBoolean('pinConversation', 'pinned', pinned);
        await optimistic(
          'pinConversation',
          [conversationID],
          (conversation) => ({ ...conversation, isPinned: pinned }),
          () => engine.pinConversation(conversationID, pinned),
        );
      },

      markConversation: async (input, markType, enable) => {
        const conversationIDs = check.assertConversationIDs('markConversation', input);
        check.assertMarkType('markConversation', markType);
        check.assertBoolean('markConversation', 'enable', enable);
        await optimistic(
          'markConversation',
          conversationIDs,
          (conversation) => ({
            ...conversation,
            markList: withMark(conversation.markList, markType, enable),
          }),
          async () => {
            const results = await engine.markConversation(conversationIDs, markType, enable);
            const failed = results.filter((result) => result.resultCode !== 0);
            if (failed.length > 0) {
              throw new ChatError(
                ChatErrorCode.InvalidState,
                `\`markConversation\`: ${failed.length} of ${results.length} conversations could not be marked`,
                { failed },
              );
            }
          },
        );
      },

      setReceiveMessageOpt: async (conversationID, opt) => {
        const target = check.assertConversationID('setReceiveMessageOpt', conversationID);
        check.assertReceiveOpt('setReceiveMessageOpt', opt);
        await optimistic(
          'setReceiveMessageOpt',
          [conversationID],
          (conversation) => ({ ...conversation, recvOpt: opt }),
          () =>
            target.type === 'c2c'
              ? engine.setC2CReceiveMessageOpt([target.userID], opt)
              : engine.setGroupReceiveMessageOpt(target.groupID, opt),
        );
      },

      markConversationRead: async (conversationID) => {
        const target = check.assertConversationID('markConversationRead', conversationID);
        const held = get().conversations.get(conversationID);
        const markedUnread = held !== undefined && hasMark(held, ConversationMarkType.unread);
        if (held && held.unreadCount === 0 && !markedUnread && held.groupAtInfoList.length === 0) return;
        await optimistic(
          'markConversationRead',
          [conversationID],
          (conversation) => ({
            ...conversation,
            unreadCount: 0,
            groupAtInfoList: [],
            markList: withMark(conversation.markList, ConversationMarkType.unread, false),
          }),
          async () => {
            if (target.type === 'c2c') await engine.markC2CMessageAsRead(target.userID);
            else await engine.markGroupMessageAsRead(target.groupID);
            if (markedUnread)
              await engine.markConversation([conversationID], ConversationMarkType.unread, false);
          },
        );
      },

      markAllRead: async (scope = 'all') => {
        if (scope !== 'all' && scope !== 'c2c' && scope !== 'group') {
          throw new ChatError(
            ChatErrorCode.InvalidParameter,
            '`markAllRead`: scope must be "all", "c2c" or "group"',
          );
        }
        const ids: string[] = [];
        for (const conversation of get().conversations.values()) {
          const inScope = scope === 'all' || conversation.type === scope;
          if (
            inScope &&
            (conversation.unreadCount > 0 || hasMark(conversation, ConversationMarkType.unread))
          ) {
            ids.push(conversation.conversationID);
          }
        }
        await optimistic(
          'markAllRead',
          ids,
          (conversation) => ({
            ...conversation,
            unreadCount: 0,
            groupAtInfoList: [],
            markList: withMark(conversation.markList, ConversationMarkType.unread, false),
          }),
          () => engine.cleanConversationUnreadMessageCount(scope === 'all' ? '' : scope, 0, 0),
        );
      },

      deleteConversation: async (conversationID, input) => {
        check.assertConversationID('deleteConversation', conversationID);
        const deleteOptions = check.assertDeleteOptions('deleteConversation', input);
        const held = get().conversations.get(conversationID);
        touch([conversationID]);
        update((current) =>
          changedConversations(current, removeConversations(conversationSlice(current), [conversationID])),
        );
        try {
          await engine.deleteConversation(conversationID, deleteOptions);
        } catch (error) {
          if (held && !get().conversations.has(conversationID)) upsert([held]);
          // The restored copy may predate an optimistic change that failed meanwhile: ask the engine.
          if (held) {
            stale.add(conversationID);
            await reconcile([conversationID]);
          }
          throw check.toChatError(error, 'deleteConversation');
        }
        if (deleteOptions?.clearMessages !== false) {
          update((current) => {
            const window = ownEntry(current.windows, conversationID);
            if (!window) return null;
            return {
              windows: withoutEntry(current.windows, conversationID),
              messages: current.messages.deleteMany(window.messageIDs),
            };
          });
        }
      },

      saveDraft: async (conversationID, text) => {
        check.assertConversationID('saveDraft', conversationID);
        const draft = check.assertDraft('saveDraft', text);
        const held = get().conversations.get(conversationID);
        if (held && held.draftText === draft) return;
        await optimistic(
          'saveDraft',
          [conversationID],
          (conversation) => ({
            ...conversation,
            draftText: draft,
            draftTimestamp: draft === null ? null : now(),
          }),
          () => engine.setConversationDraft(conversationID, draft),
        );
      },

      createConversationGroup: (name, conversationIDs) =>
        groupAction('createConversationGroup', [name], conversationIDs, (ids) =>
          engine.createConversationGroup(name, ids),
        ),
      renameConversationGroup: (oldName, newName) =>
        groupAction('renameConversationGroup', [oldName, newName], null, () =>
          engine.renameConversationGroup(oldName, newName),
        ),
      deleteConversationGroup: (name) =>
        groupAction('deleteConversationGroup', [name], null, () => engine.deleteConversationGroup(name)),
      addConversationsToGroup: (name, conversationIDs) =>
        groupAction('addConversationsToGroup', [name], conversationIDs, (ids) =>
          engine.addConversationsToGroup(name, ids),
        ),
      deleteConversationsFromGroup: (name, conversationIDs) =>
        groupAction('deleteConversationsFromGroup', [name], conversationIDs, (ids) =>
          engine.deleteConversationsFromGroup(name, ids),
        ),

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
        const startEpoch = epoch;
        void (async () => {
          await engine.subscribeUnreadMessageCountByFilter(filter);
          const total = await engine.getUnreadMessageCountByFilter(filter);
          if (unreadRefs.has(key) && (unreadEpoch.get(key) ?? -1) <= startEpoch)
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
        unreadEpoch.delete(key);
        void engine.unsubscribeUnreadMessageCountByFilter(held.filter).catch(() => undefined);
        update((current) =>
          hasOwnEntry(current.unreadByFilter, key)
            ? { unreadByFilter: withoutEntry(current.unreadByFilter, key) }
            : null,
        );
      },

      openConversation: async (conversationID) => {
        if (conversationID !== null) {
          check.assertConversationID('openConversation', conversationID);
          await ensureKnown('openConversation', conversationID);
        }
        setField('activeConversationID', conversationID);
        if (conversationID === null) return;
        const window = ownEntry(get().windows, conversationID);
        if (window && (window.messageIDs.length > 0 || window.status !== 'idle')) return;
        await loadLatest(conversationID, true);
      },

      loadOlderMessages: (conversationID) => loadPageOfMessages(conversationID, 'older'),
      loadNewerMessages: (conversationID) => loadPageOfMessages(conversationID, 'newer'),

      jumpToMessage: async (conversationID, msgID) => {
        check.assertConversationID('jumpToMessage', conversationID);
        check.assertMsgID('jumpToMessage', msgID);
        if (ownEntry(get().windows, conversationID)?.messageIDs.includes(msgID)) {
          setField('activeConversationID', conversationID);
          patch(conversationID, { highlightedMsgID: msgID });
          return;
        }
        const [message] = await call('jumpToMessage', () => engine.findMessages([msgID]));
        if (!message || message.conversationID !== conversationID) {
          throw new ChatError(
            ChatErrorCode.MessageNotFound,
            `\`jumpToMessage\`: no message "${msgID}" in conversation "${conversationID}"`,
            { conversationID, msgID },
          );
        }
        setField('activeConversationID', conversationID);
        patch(conversationID, { status: 'loadingAround', error: null });
        const half = Math.max(1, Math.floor(messagePageSize / 2));
        try {
          const [older, newer] = await Promise.all([
            engine.getHistoryMessageList({
              conversationID,
              count: half,
              lastMsg: message,
              direction: 'older',
            }),
            engine.getHistoryMessageList({
              conversationID,
              count: half,
              lastMsg: message,
              direction: 'newer',
            }),
          ]);
          update((current) =>
            replaceWindow(
              messageSlice(current),
              conversationID,
              [...older.messageList, message, ...newer.messageList],
              {
                hasOlder: !older.isFinished,
                hasNewer: !newer.isFinished,
                highlightedMsgID: msgID,
              },
            ),
          );
        } catch (error) {
          throw failWindow(conversationID, 'jumpToMessage', error);
        }
      },

      jumpToLatest: async (conversationID) => {
        check.assertConversationID('jumpToLatest', conversationID);
        await ensureKnown('jumpToLatest', conversationID);
        await loadLatest(conversationID, false);
      },

      clearHighlight: (conversationID) => {
        check.inspect('clearHighlight', () => check.assertConversationID('clearHighlight', conversationID));
        if (ownEntry(get().windows, conversationID)?.highlightedMsgID)
          patch(conversationID, { highlightedMsgID: null });
      },

      sendMessage: async (conversationID, message, sendOptions) => {
        const { msgID, options } = check.inspect('sendMessage', () => {
          check.assertConversationID('sendMessage', conversationID);
          const { msgID } = check.assertMessage('sendMessage', message);
          return { msgID, options: check.assertSendOptions('sendMessage', conversationID, sendOptions) };
        });
        const onProgress = options.onProgress;
        const handle = engine.sendMessage(message, {
          ...options,
          onProgress: (progress) => {
            setProgress(msgID, progress);
            onProgress?.(progress);
          },
        });
        return track('sendMessage', conversationID, handle);
      },

      sendText: async (conversationID, text, textOptions) => {
        const { atUserList, reply } = check.inspect('sendText', () => {
          check.assertConversationID('sendText', conversationID);
          check.assertText('sendText', text);
          return {
            atUserList: check.assertAtUserList('sendText', textOptions?.atUserList),
            reply: checkSend.assertReply('sendText', textOptions?.reply),
          };
        });
        const message = await call('sendText', () =>
          atUserList.length > 0
            ? engine.createTextAtMessage(text, atUserList)
            : engine.createTextMessage(text),
        );
        if (!reply) return get().sendMessage(conversationID, message);
        const cloudCustomData = createMessageReply(reply.message, {
          strings: reply.strings,
          senderName: reply.senderName,
          cloudCustomData: message.cloudCustomData,
        });
        return get().sendMessage(conversationID, { ...message, cloudCustomData });
      },

      sendFace: async (conversationID, index, data) => {
        check.assertConversationID('sendFace', conversationID);
        const face = checkSend.assertFace('sendFace', index, data);
        const message = await call('sendFace', () => engine.createFaceMessage(face.index, face.data));
        return get().sendMessage(conversationID, message);
      },

      sendFiles: async (conversationID, input, filesOptions) => {
        check.assertConversationID('sendFiles', conversationID);
        const files = check.assertFiles('sendFiles', input);
        const { onCreated, onProgress } = check.inspect('sendFiles', () =>
          checkSend.assertSendFilesOptions('sendFiles', filesOptions),
        );
        return Promise.allSettled(
          files.map(async (file) => {
            const message = await call('sendFiles', () => createAttachmentMessage(engine, file));
            if (onCreated?.(file, message) === false) {
              throw new ChatError(
                ChatErrorCode.SendCancelled,
                `\`sendFiles\`: "${file.name}" was taken back before it was sent`,
                { fileName: file.name },
              );
            }
            return get().sendMessage(
              conversationID,
              message,
              onProgress ? { onProgress: (progress) => onProgress(file, progress) } : undefined,
            );
          }),
        );
      },

      downloadElem: async (elem, part) => {
        const target = check.inspect('downloadElem', () =>
          checkSend.assertDownload('downloadElem', elem, part),
        );
        return call('downloadElem', () => engine.downloadElem(target.elem, target.part));
      },

      resendMessage: async (msgID) => {
        check.assertMsgID('resendMessage', msgID);
        const held = get().messages.get(msgID);
        const handle = engine.resendMessage(msgID, {
          onProgress: (progress) => setProgress(msgID, progress),
        });
        return track('resendMessage', held?.conversationID ?? handle.message?.conversationID ?? '', handle);
      },

      cancelSendingMessage: async (msgID) => {
        check.assertMsgID('cancelSendingMessage', msgID);
        await call('cancelSendingMessage', () => engine.cancelSendingMessage(msgID));
      },

      revokeMessage: async (msgID) => {
        check.assertMsgID('revokeMessage', msgID);
        await call('revokeMessage', () => engine.revokeMessage(msgID));
        const [revoked] = await engine.findMessages([msgID]).catch(() => [] as Message[]);
        const held = get().messages.get(msgID);
        if (revoked) put([revoked]);
        else if (held) put([{ ...held, status: 'revoked' }]);
      },

      deleteMessages: (msgIDs, deleteOptions) =>
        deleteMessagesInChunks(bulk, msgIDs, deleteOptions?.fromServer === true),

      forwardMessages: (conversationIDs, msgIDs, forwardOptions) =>
        forwardMessages(bulk, conversationIDs, msgIDs, forwardOptions),

      getGroupMembers: async (groupID) => {
        if (typeof groupID !== 'string' || groupID === '') {
          throw new ChatError(
            ChatErrorCode.InvalidParameter,
            '`getGroupMembers`: groupID must be a group ID',
            {
              groupID,
            },
          );
        }
        return call('getGroupMembers', () => engine.getGroupMemberList(groupID));
      },

      clearHistory: async (conversationID) => {
        check.assertConversationID('clearHistory', conversationID);
        await call('clearHistory', () => engine.clearHistoryMessage(conversationID));
        update((current) =>
          hasOwnEntry(current.windows, conversationID)
            ? replaceWindow(messageSlice(current), conversationID, [], { hasOlder: false })
            : null,
        );
      },

      sendTyping: async (conversationID) => {
        check.assertConversationID('sendTyping', conversationID);
        const message = await call('sendTyping', () =>
          engine.createCustomMessage(JSON.stringify({ businessID: TYPING_BUSINESS_ID, typingStatus: 1 })),
        );
        await call(
          'sendTyping',
          () =>
            engine.sendMessage(message, {
              ...targetOf(conversationID),
              onlineUserOnly: true,
              isExcludedFromUnreadCount: true,
              isExcludedFromLastMessage: true,
            }).promise,
        );
      },

      searchMessages: (params) => call('searchMessages', () => engine.searchLocalMessages(params)),
    };
    return guardActions(state);
  });

  return Object.assign(store, { engine });
}

/** Actions that answer synchronously (they throw rather than reject). */
const SYNC_ACTIONS = new Set<string>([
  'destroy',
  'registerView',
  'unregisterView',
  'subscribeUnread',
  'unsubscribeUnread',
  'clearHighlight',
]);

/**
 * Every action answers with a ChatError only: whatever else escapes one (reading a hostile argument the
 * checks did not reach) becomes `INVALID_PARAMETER` instead of a raw TypeError.
 */
function guardActions(state: ChatState): ChatState {
  const guarded: Record<string, unknown> = { ...state };
  for (const [name, value] of Object.entries(state)) {
    if (typeof value !== 'function') continue;
    const action = value as (...args: unknown[]) => unknown;
    guarded[name] = SYNC_ACTIONS.has(name)
      ? (...args: unknown[]) => {
          try {
            return action(...args);
          } catch (error) {
            throw check.asInvalidParameter(error, name);
          }
        }
      : async (...args: unknown[]) => {
          try {
            return await action(...args);
          } catch (error) {
            throw check.asInvalidParameter(error, name);
          }
        };
  }
  return guarded as unknown as ChatState;
}

/** The first unread message of a page, counting back `unread` messages that count as unread. */
function firstUnreadOf(list: readonly Message[], unread: number): string | null {
  let counted = 0;
  for (let i = list.length - 1; i >= 0; i--) {
    const message = list[i] as Message;
    if (message.isSelf || message.isExcludedFromUnreadCount || message.status === 'revoked') continue;
    counted++;
    if (counted === unread) return message.msgID;
  }
  return list.find((message) => !message.isSelf)?.msgID ?? null;
}

function withMark<T extends number>(markList: readonly T[], markType: T, enable: boolean): T[] {
  const without = markList.filter((mark) => mark !== markType);
  return enable ? [...without, markType].sort((a, b) => a - b) : without;
}

/** `current` with each field that `next` changed from `prev` back at `prev`'s value, where it still holds `next`'s. */
function revertFields(current: Conversation, prev: Conversation, next: Conversation): Conversation {
  let reverted: Record<string, unknown> | null = null;
  for (const key of Object.keys(next) as (keyof Conversation)[]) {
    if (sameValue(next[key], prev[key]) || !sameValue(current[key], next[key])) continue;
    reverted ??= { ...current };
    reverted[key] = prev[key];
  }
  return (reverted as Conversation | null) ?? current;
}

/** Equality of conversation field values: plain data from the engine, so structure decides. */
function sameValue(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  return JSON.stringify(a) === JSON.stringify(b);
}

/** `users` with the profiles the messages carry; the same map when none is new or changed. */
function withSenders(users: RecordMap<UserProfile>, list: readonly Message[]): RecordMap<UserProfile> {
  let next = users;
  for (const message of list) {
    if (message.isSelf || !message.nick) continue;
    const held = next.get(message.sender);
    if (held && held.nick === message.nick && held.faceUrl === message.faceUrl) continue;
    next = next.set(message.sender, { userID: message.sender, nick: message.nick, faceUrl: message.faceUrl });
  }
  return next;
}
