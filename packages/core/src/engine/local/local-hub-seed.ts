import { assertElem, c2cConversationID, groupConversationID, invalidParameter } from '../engine-validation';
import { groupMembers } from './local-hub-directory';
import { storeMedia } from './local-hub-media';
import {
  countsAsUnread,
  type HubConversationRecord,
  type HubMessageRecord,
  threadIDOf,
} from './local-hub-records';
import { type HandlerContext, type HubState, notFound } from './local-hub-state';
import { randomUint32 } from './local-message-utils';
import type { HubSeed, SeedMessage } from './local-protocol';

/** Seeding the hub: users, media, groups and history written in bulk, as fast as the tables allow. */

/** A shared empty list for records (records are never changed in place, so sharing is safe). */
const NONE: string[] = [];

/** Writes users, media, groups and history in bulk (`LocalHub.seed`). */
export function seed(hub: HubState, ctx: HandlerContext, seed: HubSeed): null {
  for (const profile of seed.users ?? []) hub.ensureUser(profile.userID, profile);
  for (const media of seed.media ?? []) {
    storeMedia(hub, media.uuid, media.data, media.type, '');
  }
  for (const group of seed.groups ?? []) {
    const memberIDs = [...new Set([group.ownerID, ...group.memberUserIDList])];
    for (const userID of memberIDs) hub.ensureUser(userID);
    const createTime = group.createTime ?? hub.now();
    hub.groups.set(group.groupID, {
      groupID: group.groupID,
      name: group.name,
      faceUrl: group.faceUrl ?? '',
      ownerID: group.ownerID,
      createTime,
      members: groupMembers(hub, memberIDs, group.ownerID, createTime),
    });
  }
  seedMessages(hub, ctx, seed.messages ?? []);
  return null;
}

/**
 * Seeded messages, oldest first (none later than now), each stored with its thread's next seq and counted
 * into its participants' records, read for the recipients when it says so. Seeding pushes nothing.
 */
function seedMessages(hub: HubState, ctx: HandlerContext, seeded: readonly SeedMessage[]): void {
  const now = hub.now();
  const messages = seeded
    .map((message, index) => ({ message, index, timestamp: Math.min(message.timestamp ?? now, now) }))
    .sort((a, b) => a.timestamp - b.timestamp || a.index - b.index);
  const seedBase = now.toString(36);
  for (const { message, index, timestamp } of messages) {
    const isGroup = Boolean(message.groupID);
    const groupID = message.groupID ?? '';
    const receiver = message.receiver ?? '';
    for (const elem of message.elemList) assertElem('seed', elem);
    const sender = hub.ensureUser(message.sender);
    let recipients: string[];
    if (isGroup) {
      const group = hub.groups.get(groupID);
      if (!group) throw notFound('seed', groupConversationID(groupID));
      recipients = group.members.map((member) => member.userID).filter((id) => id !== message.sender);
    } else {
      if (!receiver) throw invalidParameter('seed', `messages[${index}].receiver`, 'a userID or a groupID');
      hub.ensureUser(receiver);
      recipients = receiver === message.sender ? [] : [receiver];
    }
    const threadID = isGroup ? threadIDOf('group', groupID, '') : threadIDOf('c2c', message.sender, receiver);
    const thread = hub.threads.get(threadID) ?? {
      threadID,
      type: isGroup ? ('group' as const) : ('c2c' as const),
      groupID,
      lastSeq: 0,
    };
    const previous = hub.threadMessages(threadID);
    const last = previous[previous.length - 1];
    const record: HubMessageRecord = {
      msgID: message.msgID ?? `${message.sender}-seed-${seedBase}-${index.toString(36)}`,
      threadID,
      type: isGroup ? 'group' : 'c2c',
      groupID,
      receiver: isGroup ? '' : receiver,
      sender: message.sender,
      nick: sender.nick,
      faceUrl: sender.faceUrl,
      timestamp: Math.max(timestamp, last?.timestamp ?? 0),
      seq: thread.lastSeq + 1,
      random: randomUint32(hub.options.random),
      elemList: message.elemList,
      priority: 'normal',
      excludedFromUnread: message.isExcludedFromUnreadCount ?? false,
      excludedFromLast: message.isExcludedFromLastMessage ?? false,
      cloudCustomData: message.cloudCustomData ?? '',
      targetUserIDList: NONE,
      atUserList: NONE,
      revoked: false,
      revoker: '',
      revokeReason: '',
      hiddenFor: NONE,
    };
    hub.threads.set(threadID, { ...thread, lastSeq: record.seq });
    hub.messages.set(record.msgID, record);
    for (const userID of [message.sender, ...recipients]) {
      const conversationID = isGroup
        ? groupConversationID(groupID)
        : c2cConversationID(userID === message.sender ? receiver : message.sender);
      const next: HubConversationRecord = { ...hub.recordOrEmpty(userID, conversationID), deleted: false };
      if (!record.excludedFromLast) next.orderKey = hub.nextOrderKey(userID);
      if (userID !== message.sender && message.read) {
        next.readSeq = record.seq;
        next.unreadCount = 0;
      } else if (countsAsUnread(record, userID) && record.seq > next.readSeq) {
        next.unreadCount += 1;
      }
      hub.put(ctx, next);
    }
  }
}
