import type { C2CReadReceipt, Message } from '../../model/types';
import { isRecord } from '../engine-validation';
import {
  TencentChatEvent as Event,
  type TencentChatLike,
  type TencentConversation,
  type TencentEvent,
  type TencentMessage,
  type TencentProfile,
} from './tencent-chat-like';
import { isSdkMessage } from './tencent-drafts';
import type { TencentEngineList } from './tencent-engine-list';
import { emit, type TencentEngineSession } from './tencent-engine-session';
import { needsMergerDownload, toConversationID, toMessage, toUserProfile } from './tencent-mappers';

/**
 * Listens to the SDK's events for a Tencent engine, translating them into Tidings listener calls until it
 * shuts down: list updates, unread totals, group names, received, modified and revoked messages, read
 * receipts, the network state, sync start and end, profile updates, and being kicked out.
 */
export function listenToChat(session: TencentEngineSession, list: TencentEngineList): void {
  const on = (name: string, handler: (data: unknown) => void) => {
    const wrapped = (event: TencentEvent) => {
      if (!session.loggedOut) handler(event?.data);
    };
    session.chat.on(name, wrapped);
    session.handlers.push([name, wrapped]);
  };
  on(Event.CONVERSATION_LIST_UPDATED, (data) => {
    if (!Array.isArray(data)) return;
    // A partial update only makes sense over a whole list; before the first load, that load brings it.
    if (session.partialUpdates) {
      if (list.loaded) list.applyList(data as TencentConversation[], true, true);
      return;
    }
    list.applyList(data as TencentConversation[], false, true);
  });
  on(Event.CONVERSATION_IN_GROUP_UPDATED, (data) => {
    const updated = isRecord(data) ? data.conversationList : undefined;
    if (Array.isArray(updated) && list.loaded) list.applyList(updated as TencentConversation[], true, true);
  });
  on(Event.TOTAL_UNREAD_MESSAGE_COUNT_UPDATED, () => list.emitUnread());
  on(Event.CONVERSATION_GROUP_LIST_UPDATED, (data) => {
    if (Array.isArray(data))
      list.applyGroupNames(data.filter((name): name is string => typeof name === 'string'));
  });
  on(Event.MESSAGE_RECEIVED, (data) => {
    for (const message of eventMessages(session, data))
      emit(session.messageListeners, 'onRecvNewMessage', message);
    void downloadMergers(session.chat, Array.isArray(data) ? (data as TencentMessage[]) : []).then(
      (filled) => {
        if (session.loggedOut) return;
        for (const message of eventMessages(session, filled)) {
          emit(session.messageListeners, 'onRecvMessageModified', message);
        }
      },
    );
  });
  on(Event.MESSAGE_MODIFIED, (data) => {
    for (const message of eventMessages(session, data))
      emit(session.messageListeners, 'onRecvMessageModified', message);
  });
  on(Event.MESSAGE_REVOKED, (data) => {
    for (const message of eventMessages(session, data)) {
      const revoked: Message = { ...message, status: 'revoked' };
      emit(
        session.messageListeners,
        'onRecvMessageRevoked',
        revoked.msgID,
        revoked,
        revoked.revoker,
        revoked.revokeReason,
      );
    }
  });
  on(Event.MESSAGE_READ_BY_PEER, (data) => onReadByPeer(session, eventMessages(session, data)));
  on(Event.NET_STATE_CHANGE, (data) => {
    const state = isRecord(data) ? data.state : undefined;
    if (state === 'connected' || state === 'connecting' || state === 'disconnected')
      session.setConnectionState(state);
  });
  on(Event.SDK_READY, () => {
    // Finished once the list the SDK synced is in, so listeners never see "finished" with a stale list.
    void list.loadList('getConversationList', true).then(
      () => emit(session.conversationListeners, 'onSyncServerFinish'),
      () => emit(session.conversationListeners, 'onSyncServerFailed'),
    );
  });
  on(Event.SDK_NOT_READY, () => emit(session.conversationListeners, 'onSyncServerFailed'));
  on(Event.PROFILE_UPDATED, (data) => {
    if (!Array.isArray(data)) return;
    for (const profile of data as TencentProfile[]) {
      if (profile?.userID === session.userID)
        emit(session.sdkListeners, 'onSelfInfoUpdated', toUserProfile(profile));
    }
  });
  on(Event.KICKED_OUT, () => {
    session.setConnectionState('disconnected');
    session.shutdown();
  });
}

/** Messages of an event as Tidings messages (copies), leaving out the system conversation and deleted ones. */
function eventMessages(session: TencentEngineSession, data: unknown): Message[] {
  if (!Array.isArray(data)) return [];
  return (data as TencentMessage[])
    .filter(
      (message) => isSdkMessage(message) && !message.isDeleted && toConversationID(message.conversationID),
    )
    .map((message) => toMessage(message, session.ctx));
}

/**
 * Downloads the messages of merged messages the SDK left in the cloud (large merges), best effort: one
 * that fails keeps its title and abstracts with an empty list. Returns the messages it filled.
 */
export async function downloadMergers(
  chat: TencentChatLike,
  messages: readonly TencentMessage[],
): Promise<TencentMessage[]> {
  const filled: TencentMessage[] = [];
  for (const message of messages) {
    if (!isSdkMessage(message) || !needsMergerDownload(message)) continue;
    try {
      await chat.downloadMergerMessage(message);
      filled.push(message);
    } catch {
      // The SDK answers MSG_MERGER_DOWNLOAD_FAIL; the merged message still shows its title and abstracts.
    }
  }
  return filled;
}

/** Read receipts of C2C messages the peer read (the newest per conversation), then each message modified. */
function onReadByPeer(session: TencentEngineSession, messages: Message[]): void {
  const receipts = new Map<string, C2CReadReceipt>();
  for (const message of messages) {
    if (message.conversationType !== 'c2c') continue;
    const receipt = receipts.get(message.conversationID);
    if (!receipt || receipt.timestamp < message.timestamp) {
      receipts.set(message.conversationID, {
        userID: message.userID,
        conversationID: message.conversationID,
        timestamp: message.timestamp,
      });
    }
  }
  if (receipts.size > 0) emit(session.messageListeners, 'onRecvC2CReadReceipt', [...receipts.values()]);
  for (const message of messages) emit(session.messageListeners, 'onRecvMessageModified', message);
}
