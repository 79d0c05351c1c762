import type { HubConversationRecord, HubUserRecord } from './local-hub-records';
import { type HandlerContext, type HubState, notFound } from './local-hub-state';
import type { HubConversation, HubMethods, OperationsResult } from './local-protocol';
import { toWireError } from './local-protocol';

/**
 * Conversation requests on the hub: reading one, and the changes a user makes to their own records
 * (delete, pin, draft, marks, custom data). Each returns the records it changed for the caller to apply.
 */

/** One conversation (an empty one with a known peer that has no record yet). */
export function getConversation(hub: HubState, ctx: HandlerContext, conversationID: string): HubConversation {
  return hub.view(hub.requireConversation(ctx.userID, conversationID, 'getConversation'));
}

/** Takes a conversation out of the list (and its groups), clearing its history unless asked not to. */
export function deleteConversation(
  hub: HubState,
  ctx: HandlerContext,
  args: HubMethods['deleteConversation']['args'],
): HubMethods['deleteConversation']['result'] {
  const record = hub.record(ctx.userID, args.conversationID);
  if (!record || record.deleted || record.orderKey === 0)
    throw notFound('deleteConversation', args.conversationID);
  const lastSeq = hub.lastSeqOf(record);
  if (record.groups.length > 0) {
    const user = hub.users.get(ctx.userID) as HubUserRecord;
    const list = user.convGroups.map((group) =>
      record.groups.includes(group.name)
        ? {
            ...group,
            conversationIDList: group.conversationIDList.filter((id) => id !== record.conversationID),
          }
        : group,
    );
    hub.setConvGroups(ctx, ctx.userID, list, { kind: 'changed' });
  }
  hub.put(ctx, {
    ...record,
    deleted: true,
    orderKey: 0,
    isPinned: false,
    marks: 0,
    groups: [],
    draftText: null,
    draftTimestamp: null,
    readSeq: Math.max(record.readSeq, lastSeq),
    unreadCount: 0,
    groupAtInfoList: [],
    ...(args.clearMessages && { clearedSeq: lastSeq, clearedTime: hub.now() }),
  });
  return { conversations: hub.changedViews(ctx, ctx.userID) };
}

/** Pins (moving it to the top) or unpins a conversation. */
export function pinConversation(
  hub: HubState,
  ctx: HandlerContext,
  args: HubMethods['pinConversation']['args'],
): HubMethods['pinConversation']['result'] {
  const record = hub.requireConversation(ctx.userID, args.conversationID, 'pinConversation');
  if (record.isPinned !== args.isPinned) {
    hub.put(ctx, {
      ...record,
      isPinned: args.isPinned,
      deleted: false,
      ...(args.isPinned && { orderKey: hub.nextOrderKey(ctx.userID) }),
    });
  }
  return { conversations: hub.changedViews(ctx, ctx.userID) };
}

/**
 * Sets a draft (moving the conversation to the top) or clears it. A blank draft clears too: an empty
 * draft never activates a conversation (a field typed into and emptied again must not move it).
 */
export function setDraft(
  hub: HubState,
  ctx: HandlerContext,
  args: HubMethods['setDraft']['args'],
): HubMethods['setDraft']['result'] {
  const record = hub.requireConversation(ctx.userID, args.conversationID, 'setConversationDraft');
  if (args.draftText === null || args.draftText.trim() === '') {
    if (record.draftText !== null) hub.put(ctx, { ...record, draftText: null, draftTimestamp: null });
  } else {
    hub.put(ctx, {
      ...record,
      draftText: args.draftText,
      draftTimestamp: hub.now(),
      deleted: false,
      orderKey: hub.nextOrderKey(ctx.userID),
    });
  }
  return { conversations: hub.changedViews(ctx, ctx.userID) };
}

/**
 * Applies `change` to each conversation of `ids` (once each); a conversation that cannot be changed gets its
 * error as its result instead of failing the call.
 */
export function perConversation(
  hub: HubState,
  ctx: HandlerContext,
  method: string,
  ids: string[],
  change: (record: HubConversationRecord) => HubConversationRecord | null,
): OperationsResult {
  const seen = new Set<string>();
  const results = ids.map((id) => {
    if (seen.has(id)) return { id, resultCode: 0 as const, resultInfo: '' };
    seen.add(id);
    let record: HubConversationRecord;
    try {
      record = hub.requireConversation(ctx.userID, id, method);
    } catch (error) {
      const wire = toWireError(error);
      return { id, resultCode: wire.code as string, resultInfo: wire.message };
    }
    const next = change(record);
    if (next) hub.put(ctx, next);
    return { id, resultCode: 0 as const, resultInfo: '' };
  });
  return { results, conversations: hub.changedViews(ctx, ctx.userID) };
}

/** Sets or clears a mark bit on conversations. */
export function markConversation(
  hub: HubState,
  ctx: HandlerContext,
  args: HubMethods['markConversation']['args'],
): OperationsResult {
  return perConversation(hub, ctx, 'markConversation', args.conversationIDList, (record) => {
    const marks = args.enable ? record.marks | args.markType : record.marks & ~args.markType;
    return marks === record.marks ? null : { ...record, marks };
  });
}

/** Sets the app data of conversations. */
export function setCustomData(
  hub: HubState,
  ctx: HandlerContext,
  args: HubMethods['setCustomData']['args'],
): OperationsResult {
  return perConversation(hub, ctx, 'setConversationCustomData', args.conversationIDList, (record) =>
    record.customData === args.customData ? null : { ...record, customData: args.customData },
  );
}
