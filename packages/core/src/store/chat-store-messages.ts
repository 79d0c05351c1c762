import { ChatError, ChatErrorCode } from '../model/chat-error';
import { firstUnreadOf, peerReadMessages } from '../model/message-changes';
import { addPage, replaceWindow } from '../model/message-window';
import { hasOwnEntry, ownEntry } from '../model/own-record';
import type { Message } from '../model/types';
import { deleteMessagesInChunks } from './chat-store-bulk';
import { type ChatStoreCore, type ChatStoreSlice, messageSlice } from './chat-store-core';
import { isTypingMessage, type TypingTracker } from './chat-store-typing';
import * as check from './chat-store-validation';
import { assertDownload } from './chat-store-validation-send';

type MessageActions =
  | 'openConversation'
  | 'loadOlderMessages'
  | 'loadNewerMessages'
  | 'jumpToMessage'
  | 'jumpToLatest'
  | 'clearHighlight'
  | 'revokeMessage'
  | 'deleteMessages'
  | 'getGroupMembers'
  | 'clearHistory'
  | 'searchMessages'
  | 'downloadElem';

/**
 * Messages and windows: the active conversation, each conversation's window of history (newest, older and
 * newer pages, around a message), changes to held messages (revoked, deleted, read by the peer, modified)
 * and incoming messages, typing indicators included.
 */
export function createMessagesSlice(
  core: ChatStoreCore,
  typing: TypingTracker,
): ChatStoreSlice<MessageActions> {
  const { engine, get } = core;
  const removeHeld = (msgIDs: readonly string[]) => core.removeHeld(msgIDs);

  return {
    messageListener: {
      onRecvNewMessage: (message) => {
        if (message.isOnlineOnly) {
          if (isTypingMessage(message)) typing.onTyping(message);
          return;
        }
        typing.remove(message.conversationID, message.sender);
        core.put([message]);
      },
      onRecvMessageModified: (message) => core.put([message]),
      // Deleted on this device by another tab of the same user: the list drops them as it does its own.
      onMessagesDeleted: removeHeld,
      onRecvMessageRevoked: (msgID, message) => {
        if (message) return core.put([message]);
        const held = get().messages.get(msgID);
        if (held) core.put([{ ...held, status: 'revoked' }]);
      },
      onRecvC2CReadReceipt: (receipts) => {
        const read = peerReadMessages(messageSlice(get()), receipts);
        if (read.length > 0) core.put(read);
      },
    },

    destroy: () => typing.destroy(),

    actions: {
      openConversation: async (conversationID) => {
        if (conversationID !== null) {
          check.assertConversationID('openConversation', conversationID);
          await core.ensureKnown('openConversation', conversationID);
        }
        core.setField('activeConversationID', conversationID);
        if (conversationID === null) return;
        const window = ownEntry(get().windows, conversationID);
        if (window && (window.messageIDs.length > 0 || window.status !== 'idle')) return;
        await loadLatest(core, conversationID, true);
      },

      loadOlderMessages: (conversationID) => loadPageOfMessages(core, conversationID, 'older'),
      loadNewerMessages: (conversationID) => loadPageOfMessages(core, conversationID, 'newer'),

      jumpToMessage: async (conversationID, msgID) => {
        check.assertConversationID('jumpToMessage', conversationID);
        check.assertMsgID('jumpToMessage', msgID);
        if (ownEntry(get().windows, conversationID)?.messageIDs.includes(msgID)) {
          core.setField('activeConversationID', conversationID);
          core.patchWindow(conversationID, { highlightedMsgID: msgID });
          return;
        }
        const [message] = await core.call('jumpToMessage', () => engine.findMessages([msgID]));
        if (!message || message.conversationID !== conversationID) {
          throw new ChatError(
            ChatErrorCode.MessageNotFound,
            `\`jumpToMessage\`: no message "${msgID}" in conversation "${conversationID}"`,
            { conversationID, msgID },
          );
        }
        core.setField('activeConversationID', conversationID);
        await loadAround(core, message);
      },

      jumpToLatest: async (conversationID) => {
        check.assertConversationID('jumpToLatest', conversationID);
        await core.ensureKnown('jumpToLatest', conversationID);
        await loadLatest(core, conversationID, false);
      },

      clearHighlight: (conversationID) => {
        check.inspect('clearHighlight', () => check.assertConversationID('clearHighlight', conversationID));
        if (ownEntry(get().windows, conversationID)?.highlightedMsgID)
          core.patchWindow(conversationID, { highlightedMsgID: null });
      },

      revokeMessage: async (msgID) => {
        check.assertMsgID('revokeMessage', msgID);
        await core.call('revokeMessage', () => engine.revokeMessage(msgID));
        const [revoked] = await engine.findMessages([msgID]).catch(() => [] as Message[]);
        const held = get().messages.get(msgID);
        if (revoked) core.put([revoked]);
        else if (held) core.put([{ ...held, status: 'revoked' }]);
      },

      deleteMessages: (msgIDs, deleteOptions) =>
        deleteMessagesInChunks({ engine, get, removeHeld }, msgIDs, deleteOptions?.fromServer === true),

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
        return core.call('getGroupMembers', () => engine.getGroupMemberList(groupID));
      },

      clearHistory: async (conversationID) => {
        check.assertConversationID('clearHistory', conversationID);
        await core.call('clearHistory', () => engine.clearHistoryMessage(conversationID));
        core.update((current) =>
          hasOwnEntry(current.windows, conversationID)
            ? replaceWindow(messageSlice(current), conversationID, [], { hasOlder: false })
            : null,
        );
      },

      searchMessages: (params) => core.call('searchMessages', () => engine.searchLocalMessages(params)),

      downloadElem: async (elem, part) => {
        const target = check.inspect('downloadElem', () => assertDownload('downloadElem', elem, part));
        return core.call('downloadElem', () => engine.downloadElem(target.elem, target.part));
      },
    },
  };
}

/** Loads the newest messages; on opening, the first unread one is found (or loaded) for the separator. */
async function loadLatest(core: ChatStoreCore, conversationID: string, withUnread: boolean): Promise<void> {
  const { engine, get } = core;
  const { messagePageSize } = core.options;
  core.patchWindow(conversationID, { status: 'loadingAround', error: null });
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
      core.update((state) =>
        replaceWindow(messageSlice(state), conversationID, fromUnread.messageList, {
          hasOlder: true,
          hasNewer: !fromUnread.isFinished,
          firstUnreadMsgID: firstUnread?.msgID ?? null,
        }),
      );
      return;
    }
    core.update((state) =>
      replaceWindow(messageSlice(state), conversationID, latest.messageList, {
        hasOlder: !latest.isFinished,
        hasNewer: false,
        firstUnreadMsgID: unread > 0 ? firstUnreadOf(latest.messageList, unread) : null,
      }),
    );
  } catch (error) {
    throw core.failWindow(conversationID, 'openConversation', error);
  }
}

/** Loads the page before the window's oldest message or after its newest; the newest when it holds none. */
async function loadPageOfMessages(
  core: ChatStoreCore,
  conversationID: string,
  direction: 'older' | 'newer',
): Promise<void> {
  const action = direction === 'older' ? 'loadOlderMessages' : 'loadNewerMessages';
  check.assertConversationID(action, conversationID);
  const window = ownEntry(core.get().windows, conversationID);
  if (!window || window.messageIDs.length === 0) {
    await core.ensureKnown(action, conversationID);
    return loadLatest(core, conversationID, false);
  }
  if (window.status !== 'idle' && window.status !== 'error') return;
  if (direction === 'older' ? !window.hasOlder : !window.hasNewer) return;
  const edgeID =
    direction === 'older' ? window.messageIDs[0] : window.messageIDs[window.messageIDs.length - 1];
  const edge = core.get().messages.get(edgeID as string);
  core.patchWindow(conversationID, {
    status: direction === 'older' ? 'loadingOlder' : 'loadingNewer',
    error: null,
  });
  try {
    const result = await core.engine.getHistoryMessageList({
      conversationID,
      count: core.options.messagePageSize,
      direction,
      ...(edge && { lastMsg: edge }),
    });
    core.update((state) =>
      addPage(messageSlice(state), conversationID, result.messageList, direction, !result.isFinished),
    );
  } catch (error) {
    throw core.failWindow(conversationID, action, error);
  }
}

/** Replaces the window with the history around a message (half a page each way), highlighting it. */
async function loadAround(core: ChatStoreCore, message: Message): Promise<void> {
  const { conversationID, msgID } = message;
  core.patchWindow(conversationID, { status: 'loadingAround', error: null });
  const half = Math.max(1, Math.floor(core.options.messagePageSize / 2));
  try {
    const [older, newer] = await Promise.all([
      core.engine.getHistoryMessageList({
        conversationID,
        count: half,
        lastMsg: message,
        direction: 'older',
      }),
      core.engine.getHistoryMessageList({
        conversationID,
        count: half,
        lastMsg: message,
        direction: 'newer',
      }),
    ]);
    core.update((current) =>
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
    throw core.failWindow(conversationID, 'jumpToMessage', error);
  }
}
