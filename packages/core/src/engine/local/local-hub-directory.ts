import { ChatError, ChatErrorCode } from '../../model/chat-error';
import type { GroupMember, GroupProfile, ReceiveMessageOpt, UserProfile } from '../../model/types';
import { assertGroupName, c2cConversationID, groupConversationID } from '../engine-validation';
import {
  groupProfileOf,
  type HubGroupRecord,
  type HubMessageRecord,
  type HubUserRecord,
  threadIDOf,
} from './local-hub-records';
import { deliverStored } from './local-hub-sending';
import type { HandlerContext, HubState } from './local-hub-state';
import { profileOf } from './local-hub-sync';
import { createUuid, randomUint32 } from './local-message-utils';
import type { HubMethods } from './local-protocol';

/** Receive options, users and groups on the hub. */

/** Sets the receive option of C2C conversations (rate limited to five calls a second). */
export function setC2CReceiveMessageOpt(
  hub: HubState,
  ctx: HandlerContext,
  args: HubMethods['setC2CReceiveMessageOpt']['args'],
): HubMethods['setC2CReceiveMessageOpt']['result'] {
  hub.checkRate(ctx.userID, 'setC2CReceiveMessageOpt', hub.recvOptCalls, 5);
  const records = args.userIDList.map((userID) =>
    hub.requireConversation(ctx.userID, c2cConversationID(userID), 'setC2CReceiveMessageOpt'),
  );
  for (const record of records) {
    const current = hub.record(ctx.userID, record.conversationID) ?? record;
    if (current.recvOpt !== args.opt) hub.put(ctx, { ...current, recvOpt: args.opt });
  }
  hub.noteCall(ctx.userID, hub.recvOptCalls);
  return { conversations: hub.changedViews(ctx, ctx.userID) };
}

/** The receive option of each known user's C2C conversation (`receive` when there is none yet). */
export function getC2CReceiveMessageOpt(
  hub: HubState,
  ctx: HandlerContext,
  args: HubMethods['getC2CReceiveMessageOpt']['args'],
): HubMethods['getC2CReceiveMessageOpt']['result'] {
  return args.userIDList
    .filter((id) => hub.users.has(id))
    .map((id) => ({
      userID: id,
      opt: hub.record(ctx.userID, c2cConversationID(id))?.recvOpt ?? ('receive' as ReceiveMessageOpt),
    }));
}

/** Sets the receive option of a group the user is a member of. */
export function setGroupReceiveMessageOpt(
  hub: HubState,
  ctx: HandlerContext,
  args: HubMethods['setGroupReceiveMessageOpt']['args'],
): HubMethods['setGroupReceiveMessageOpt']['result'] {
  hub.requireMembership(ctx.userID, args.groupID, 'setGroupReceiveMessageOpt');
  const record = hub.requireConversation(
    ctx.userID,
    groupConversationID(args.groupID),
    'setGroupReceiveMessageOpt',
  );
  if (record.recvOpt !== args.opt) hub.put(ctx, { ...record, recvOpt: args.opt });
  return { conversations: hub.changedViews(ctx, ctx.userID) };
}

// ── Users and groups ─────────────────────────────────────────────────────────────────────────────

/** Registers users, or updates the nick and avatar of known ones. */
export function addUsers(
  hub: HubState,
  _ctx: HandlerContext,
  args: HubMethods['admin.addUsers']['args'],
): null {
  for (const profile of args.users) hub.ensureUser(profile.userID, profile);
  return null;
}

/** The profiles of the known users among `userIDList`. */
export function getUsersProfile(
  hub: HubState,
  _ctx: HandlerContext,
  args: HubMethods['getUsersProfile']['args'],
): UserProfile[] {
  return args.userIDList.flatMap((id) => {
    const user = hub.users.get(id);
    return user ? [profileOf(user)] : [];
  });
}

/** The profiles of the known groups among `groupIDList`. */
export function getGroupsInfo(
  hub: HubState,
  _ctx: HandlerContext,
  args: HubMethods['getGroupsInfo']['args'],
): GroupProfile[] {
  return args.groupIDList.flatMap((id) => {
    const group = hub.groups.get(id);
    return group ? [groupProfileOf(group)] : [];
  });
}

/** The groups the user is a member of, oldest first. */
export function getJoinedGroupList(hub: HubState, ctx: HandlerContext): GroupProfile[] {
  return [...hub.joinedGroupsOf(ctx.userID)]
    .map((id) => groupProfileOf(hub.groups.get(id) as HubGroupRecord))
    .sort((a, b) => a.createTime - b.createTime || (a.groupID < b.groupID ? -1 : 1));
}

/** The members of a group the user is in. */
export function getGroupMemberList(
  hub: HubState,
  ctx: HandlerContext,
  args: HubMethods['getGroupMemberList']['args'],
): GroupMember[] {
  return hub.requireMembership(ctx.userID, args.groupID, 'getGroupMemberList').members;
}

/** `createGroup` from an engine: the signed-in user owns the group. */
export function createOwnGroup(
  hub: HubState,
  ctx: HandlerContext,
  args: HubMethods['createGroup']['args'],
): HubMethods['createGroup']['result'] {
  const group = createGroup(hub, ctx, { ...args, ownerID: ctx.userID });
  return { group, conversation: hub.viewOf(ctx.userID, groupConversationID(group.groupID)) };
}

/**
 * Creates a group (`ALREADY_EXISTS` for an ID in use) of known users; every member gets a `create` group
 * tip as the thread's first message.
 */
export function createGroup(
  hub: HubState,
  ctx: HandlerContext,
  args: { groupID: string; name: string; faceUrl: string; ownerID: string; memberUserIDList: string[] },
): GroupProfile {
  // Checked here too: any tab can post a request to the hub without going through an engine.
  assertGroupName('createGroup', 'options.name', args.name);
  const groupID =
    args.groupID || `group-${hub.now().toString(36)}${createUuid(hub.options.random).slice(0, 8)}`;
  if (hub.groups.has(groupID)) {
    throw new ChatError(ChatErrorCode.AlreadyExists, `createGroup: a group with ID ${groupID} exists.`, {
      groupID,
    });
  }
  const memberIDs = [...new Set([args.ownerID, ...args.memberUserIDList])];
  for (const userID of memberIDs) {
    if (!hub.users.has(userID)) {
      throw new ChatError(ChatErrorCode.ConversationNotFound, `createGroup: there is no user ${userID}.`, {
        userID,
      });
    }
  }
  const now = hub.now();
  const members = groupMembers(hub, memberIDs, args.ownerID, now);
  const group: HubGroupRecord = {
    groupID,
    name: args.name,
    faceUrl: args.faceUrl,
    ownerID: args.ownerID,
    createTime: now,
    members,
  };
  hub.groups.set(groupID, group);
  const threadID = threadIDOf('group', groupID, '');
  hub.threads.set(threadID, { threadID, type: 'group', groupID, lastSeq: 1 });
  const owner = hub.users.get(args.ownerID) as HubUserRecord;
  const tip: HubMessageRecord = {
    msgID: `${groupID}-create-${now.toString(36)}`,
    threadID,
    type: 'group',
    groupID,
    receiver: '',
    sender: args.ownerID,
    nick: owner.nick,
    faceUrl: owner.faceUrl,
    timestamp: now,
    seq: 1,
    random: randomUint32(hub.options.random),
    elemList: [
      {
        type: 'groupTip',
        tipType: 'create',
        opUserID: args.ownerID,
        userIDList: memberIDs.filter((id) => id !== args.ownerID),
        groupInfo: { name: args.name },
        memberCount: members.length,
      },
    ],
    priority: 'normal',
    excludedFromUnread: true,
    excludedFromLast: false,
    cloudCustomData: '',
    targetUserIDList: [],
    atUserList: [],
    revoked: false,
    revoker: '',
    revokeReason: '',
    hiddenFor: [],
  };
  hub.messages.set(tip.msgID, tip);
  for (const userID of memberIDs) deliverStored(hub, ctx, tip, userID, groupConversationID(groupID));
  return groupProfileOf(group);
}

/** Known users as members of a group `ownerID` owns, joined at `joinTime`. */
export function groupMembers(
  hub: HubState,
  memberIDs: readonly string[],
  ownerID: string,
  joinTime: number,
): GroupMember[] {
  return memberIDs.map((userID) => {
    const user = hub.users.get(userID) as HubUserRecord;
    return {
      userID,
      nick: user.nick,
      faceUrl: user.faceUrl,
      role: userID === ownerID ? 'owner' : 'member',
      joinTime,
    };
  });
}
