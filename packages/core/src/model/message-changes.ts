import type { MessageSlice } from './message-window';
import { ownEntry, ownRecord, withEntry, withoutEntry } from './own-record';
import type { RecordMap } from './record-map';
import type { C2CReadReceipt, Message, UserProfile } from './types';

// Pure changes to the messages, windows and per-message records the store holds.

/**
 * The first unread message of a page (oldest first), counting back `unread` messages that count as
 * unread (not own, not excluded from unread, not recalled); when the page holds fewer, its first message
 * from someone else.
 *
 * @example
 * firstUnreadOf(page, 2); // msgID of the second-newest message that counts as unread
 */
export function firstUnreadOf(list: readonly Message[], unread: number): string | null {
  let counted = 0;
  for (let i = list.length - 1; i >= 0; i--) {
    const message = list[i] as Message;
    if (message.isSelf || message.isExcludedFromUnreadCount || message.status === 'revoked') continue;
    counted++;
    if (counted === unread) return message.msgID;
  }
  return list.find((message) => !message.isSelf)?.msgID ?? null;
}

/**
 * The slice without the windows of these conversations and without the messages those windows held
 * (a deleted conversation, a conversation deleted with its messages); the same slice when none has one.
 *
 * @example
 * dropWindows(slice, ['c2c_bob']).windows.c2c_bob; // undefined
 */
export function dropWindows(slice: MessageSlice, conversationIDs: readonly string[]): MessageSlice {
  const held = conversationIDs.filter((id) => ownEntry(slice.windows, id) !== undefined);
  if (held.length === 0) return slice;
  const windows = ownRecord(slice.windows);
  const dropped: string[] = [];
  for (const id of held) {
    dropped.push(...(ownEntry(windows, id)?.messageIDs ?? []));
    delete windows[id];
  }
  return { messages: slice.messages.deleteMany(dropped), windows };
}

/**
 * Own messages the peer has now read, by the read receipts: each held own message of the receipt's
 * conversation sent at or before its time and not yet `isPeerRead`, as a copy that is.
 *
 * @example
 * peerReadMessages(slice, [{ userID: 'bob', conversationID: 'c2c_bob', timestamp }]); // [{ …, isPeerRead: true }]
 */
export function peerReadMessages(slice: MessageSlice, receipts: readonly C2CReadReceipt[]): Message[] {
  const read: Message[] = [];
  for (const receipt of receipts) {
    for (const id of ownEntry(slice.windows, receipt.conversationID)?.messageIDs ?? []) {
      const message = slice.messages.get(id);
      if (message?.isSelf && !message.isPeerRead && message.timestamp <= receipt.timestamp) {
        read.push({ ...message, isPeerRead: true });
      }
    }
  }
  return read;
}

/**
 * `users` with the profiles the messages carry (senders other than oneself, with a nick); the same map
 * when none is new or changed.
 *
 * @example
 * withSenders(users, [message]).get(message.sender)?.nick; // message.nick
 */
export function withSenders(users: RecordMap<UserProfile>, list: readonly Message[]): RecordMap<UserProfile> {
  let next = users;
  for (const message of list) {
    if (message.isSelf || !message.nick) continue;
    const held = next.get(message.sender);
    if (held && held.nick === message.nick && held.faceUrl === message.faceUrl) continue;
    next = next.set(message.sender, { userID: message.sender, nick: message.nick, faceUrl: message.faceUrl });
  }
  return next;
}

/**
 * Upload progress by msgID with one message's progress set (or with `null`, removed once it is sent);
 * the same record when nothing changes.
 *
 * @example
 * withProgress(progress, 'm1', 40).m1; // 40
 */
export function withProgress(
  progress: Readonly<Record<string, number>>,
  msgID: string,
  value: number | null,
): Readonly<Record<string, number>> {
  if (value === null)
    return ownEntry(progress, msgID) === undefined ? progress : withoutEntry(progress, msgID);
  return ownEntry(progress, msgID) === value ? progress : withEntry(progress, msgID, value);
}

/**
 * Who is typing per conversation, with `user` typing in `conversationID` (replacing an earlier entry of
 * theirs, so the latest expiry counts).
 *
 * @example
 * withTypingUser(typing, 'c2c_bob', { userID: 'bob', expiresAt }).get('c2c_bob'); // [{ userID: 'bob', … }]
 */
export function withTypingUser<T extends { userID: string }>(
  typing: RecordMap<readonly T[]>,
  conversationID: string,
  user: T,
): RecordMap<readonly T[]> {
  const others = (typing.get(conversationID) ?? []).filter((held) => held.userID !== user.userID);
  return typing.set(conversationID, [...others, user]);
}

/**
 * Who is typing per conversation, without `userID` in `conversationID` (a conversation nobody types in
 * any more has no entry); the same map when they were not typing there.
 *
 * @example
 * withoutTypingUser(typing, 'c2c_bob', 'bob').has('c2c_bob'); // false
 */
export function withoutTypingUser<T extends { userID: string }>(
  typing: RecordMap<readonly T[]>,
  conversationID: string,
  userID: string,
): RecordMap<readonly T[]> {
  const list = typing.get(conversationID);
  if (!list?.some((user) => user.userID === userID)) return typing;
  const rest = list.filter((user) => user.userID !== userID);
  return rest.length === 0 ? typing.delete(conversationID) : typing.set(conversationID, rest);
}
