import type { Message, UserProfile } from '../../model/types';
import { invalidParameter } from '../engine-validation';
import { dropIdleUploads } from './local-hub-media';
import { type HubMessageRecord, type HubUserRecord, isVisibleTo, messageView } from './local-hub-records';
import type { HandlerContext, HubState } from './local-hub-state';
import type { HubConversation, HubMethods } from './local-protocol';

/** Signing in and syncing: what an engine asks the hub first, and again after each reconnect. */

/** Signs the connection in as the user (registering them when new) and tells them their limits. */
export function hello(
  hub: HubState,
  ctx: HandlerContext,
  args: HubMethods['hello']['args'],
): HubMethods['hello']['result'] {
  if (typeof args.userID !== 'string' || args.userID.length === 0) {
    throw invalidParameter('connect', 'userID', 'a non-empty string', args.userID);
  }
  // Every sign-in (a reconnect too) is a moment to let go of uploads their uploaders abandoned.
  dropIdleUploads(hub);
  const user = hub.ensureUser(args.userID);
  if (user.keepHidden !== args.keepHiddenOnNewMessage) {
    hub.users.set(user.userID, { ...user, keepHidden: args.keepHiddenOnNewMessage });
  }
  if (ctx.connID !== null) {
    const connection = hub.connections.get(ctx.connID);
    if (connection) connection.userID = args.userID;
    hub.updateListening();
  }
  return { profile: profileOf(user), limits: hub.limits, serverTime: hub.now() };
}

/** The user's records changed since `sinceRev`, with recent messages of each (after a first sync). */
export function sync(
  hub: HubState,
  ctx: HandlerContext,
  args: HubMethods['sync']['args'],
): HubMethods['sync']['result'] {
  const conversations: HubConversation[] = [];
  const recent: Message[] = [];
  for (const record of hub.recordsOf(ctx.userID)) {
    if (record.rev <= args.sinceRev) continue;
    conversations.push(hub.view(record));
    if (args.sinceRev > 0 && args.recentCount > 0) {
      const list = hub.messagesOf(record);
      let taken = 0;
      for (let i = list.length - 1; i >= 0 && taken < args.recentCount; i--) {
        const message = list[i] as HubMessageRecord;
        if (message.seq <= record.clearedSeq) break;
        if (!isVisibleTo(message, ctx.userID)) continue;
        recent.push(messageView(message, ctx.userID, record));
        taken++;
      }
    }
  }
  return {
    rev: hub.revOf(ctx.userID),
    conversations,
    groups: hub.groupsOf(ctx.userID, ctx.groupChanges.get(ctx.userID)),
    recent,
    serverTime: hub.now(),
  };
}

/** The public profile of a user. */
export function profileOf(user: HubUserRecord): UserProfile {
  return { userID: user.userID, nick: user.nick, faceUrl: user.faceUrl };
}
