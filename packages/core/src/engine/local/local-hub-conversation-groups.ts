import { ChatError, ChatErrorCode } from '../../model/chat-error';
import type { ConversationGroup } from '../../model/types';
import { perConversation } from './local-hub-conversations';
import type { HubUserRecord } from './local-hub-records';
import type { HandlerContext, HubState } from './local-hub-state';
import type { HubConversationGroups, HubMethods, OperationsResult } from './local-protocol';

/**
 * Conversation groups (folders) on the hub: each user's list of named groups, kept in step with the group
 * names on the member conversations' records.
 */

/** The user's conversation group named `name`, else `INVALID_PARAMETER`. */
function requireConvGroup(hub: HubState, userID: string, name: string, method: string): ConversationGroup {
  const group = hub.users.get(userID)?.convGroups.find((item) => item.name === name);
  if (!group) {
    throw new ChatError(
      ChatErrorCode.InvalidParameter,
      `${method}: there is no conversation group named "${name}".`,
      {
        method,
        groupName: name,
      },
    );
  }
  return group;
}

/** Creates a conversation group (`ALREADY_EXISTS` for a name in use) with the conversations given. */
export function createConversationGroup(
  hub: HubState,
  ctx: HandlerContext,
  args: HubMethods['createConversationGroup']['args'],
): HubMethods['createConversationGroup']['result'] {
  const user = hub.users.get(ctx.userID) as HubUserRecord;
  if (user.convGroups.some((group) => group.name === args.groupName)) {
    throw new ChatError(
      ChatErrorCode.AlreadyExists,
      `createConversationGroup: a conversation group named "${args.groupName}" exists.`,
      { groupName: args.groupName },
    );
  }
  const added: string[] = [];
  const result = perConversation(hub, ctx, 'createConversationGroup', args.conversationIDList, (record) => {
    if (!added.includes(record.conversationID)) added.push(record.conversationID);
    return { ...record, groups: [...record.groups, args.groupName] };
  });
  const list = [...user.convGroups, { name: args.groupName, conversationIDList: added }];
  hub.setConvGroups(ctx, ctx.userID, list, { kind: 'created', name: args.groupName });
  return { ...result, ...changes(hub, ctx) };
}

/** Renames a conversation group, in the group list and on each member's record. */
export function renameConversationGroup(
  hub: HubState,
  ctx: HandlerContext,
  args: HubMethods['renameConversationGroup']['args'],
): HubMethods['renameConversationGroup']['result'] {
  const group = requireConvGroup(hub, ctx.userID, args.oldName, 'renameConversationGroup');
  const user = hub.users.get(ctx.userID) as HubUserRecord;
  if (args.oldName !== args.newName && user.convGroups.some((item) => item.name === args.newName)) {
    throw new ChatError(
      ChatErrorCode.AlreadyExists,
      `renameConversationGroup: a conversation group named "${args.newName}" exists.`,
      { groupName: args.newName },
    );
  }
  if (args.oldName !== args.newName) {
    retagMembers(hub, ctx, group, (groups) =>
      groups.map((name) => (name === args.oldName ? args.newName : name)),
    );
    const list = user.convGroups.map((item) =>
      item.name === args.oldName ? { ...item, name: args.newName } : item,
    );
    hub.setConvGroups(ctx, ctx.userID, list, {
      kind: 'renamed',
      oldName: args.oldName,
      newName: args.newName,
    });
  }
  return changes(hub, ctx);
}

/** Deletes a conversation group; its conversations stay, outside it. */
export function deleteConversationGroup(
  hub: HubState,
  ctx: HandlerContext,
  args: HubMethods['deleteConversationGroup']['args'],
): HubMethods['deleteConversationGroup']['result'] {
  const group = requireConvGroup(hub, ctx.userID, args.groupName, 'deleteConversationGroup');
  retagMembers(hub, ctx, group, (groups) => groups.filter((name) => name !== args.groupName));
  const user = hub.users.get(ctx.userID) as HubUserRecord;
  const list = user.convGroups.filter((item) => item.name !== args.groupName);
  hub.setConvGroups(ctx, ctx.userID, list, { kind: 'deleted', name: args.groupName });
  return changes(hub, ctx);
}

/** Adds conversations to a conversation group, or takes them out. */
export function changeGroupMembers(
  hub: HubState,
  ctx: HandlerContext,
  groupName: string,
  ids: string[],
  add: boolean,
): OperationsResult & { groups: HubConversationGroups } {
  const method = add ? 'addConversationsToGroup' : 'deleteConversationsFromGroup';
  const group = requireConvGroup(hub, ctx.userID, groupName, method);
  let members = group.conversationIDList;
  const result = perConversation(hub, ctx, method, ids, (record) => {
    const inGroup = record.groups.includes(groupName);
    if (add === inGroup) return null;
    members = add
      ? [...members, record.conversationID]
      : members.filter((id) => id !== record.conversationID);
    return {
      ...record,
      groups: add ? [...record.groups, groupName] : record.groups.filter((name) => name !== groupName),
    };
  });
  if (members !== group.conversationIDList) {
    const user = hub.users.get(ctx.userID) as HubUserRecord;
    const list = user.convGroups.map((item) =>
      item.name === groupName ? { ...item, conversationIDList: members } : item,
    );
    hub.setConvGroups(ctx, ctx.userID, list, { kind: 'changed' });
  }
  return { ...result, ...changes(hub, ctx) };
}

/** Changes the group names on the record of each conversation in `group`. */
function retagMembers(
  hub: HubState,
  ctx: HandlerContext,
  group: ConversationGroup,
  retag: (groups: string[]) => string[],
): void {
  for (const id of group.conversationIDList) {
    const record = hub.record(ctx.userID, id);
    if (record) hub.put(ctx, { ...record, groups: retag(record.groups) });
  }
}

/** What a conversation group request changed: the records and the user's groups. */
function changes(hub: HubState, ctx: HandlerContext) {
  return {
    conversations: hub.changedViews(ctx, ctx.userID),
    groups: hub.groupsOf(ctx.userID, ctx.groupChanges.get(ctx.userID)),
  };
}
