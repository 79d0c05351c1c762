import { ChatError, ChatErrorCode } from '../../model/chat-error';
import type { ConversationGroup, ConversationType, Message, UserProfile } from '../../model/types';
import { groupConversationID, invalidParameter, parseConversationID } from '../engine-validation';
import {
  conversationIDOf,
  conversationKey,
  conversationView,
  emptyConversationRecord,
  type HubConversationRecord,
  type HubGroupRecord,
  type HubMediaRecord,
  type HubMessageRecord,
  type HubThreadRecord,
  type HubUserRecord,
  isVisibleTo,
  messageView,
  threadIDOf,
} from './local-hub-records';
import { BucketTable, hashString, Journal, type LocalStorageAdapter, WriteBehind } from './local-persistence';
import type {
  ConversationGroupChange,
  HubConversation,
  HubConversationGroups,
  HubLimits,
  HubPush,
} from './local-protocol';

/** Settings of the hub server (resolved from `createLocalHub` options). */
export interface HubServerOptions extends HubLimits {
  now: () => number;
  random: () => number;
  rateLimits: boolean;
  storage: LocalStorageAdapter | null;
}

/** A connection to the hub, signed in once its `hello` came (or at once, for a known user after a hand-over). */
export interface HubConnection {
  userID: string | null;
  push: (push: HubPush) => void;
}

/** What one request did, collected while it runs and delivered as pushes once it is durable. */
export interface HandlerContext {
  connID: string | null;
  userID: string;
  /** Per user, the conversations whose records changed. */
  changed: Map<string, Set<string>>;
  messagePushes: { userID: string; kind: 'message' | 'revoked'; msgID: string; conversationID: string }[];
  receiptPushes: { userID: string; reader: string; timestamp: number }[];
  onlinePushes: { userID: string; message: Message }[];
  groupChanges: Map<string, ConversationGroupChange>;
}

/** An upload in progress: the chunks so far. */
export interface HubUpload {
  owner: string;
  size: number;
  type: string;
  chunks: ArrayBuffer[];
  received: number;
  /** Server time of the last chunk (or the start): idle uploads are dropped after `UPLOAD_IDLE_MS`. */
  touched: number;
}

/**
 * @internal Everything the hub server knows, and the reads and writes every request handler shares: the
 * stored tables (journaled, so a failed request is undone), their in-memory indexes, per-user counters,
 * open connections, and uploads in progress.
 */
export class HubState {
  readonly options: HubServerOptions;
  readonly limits: HubLimits;
  readonly journal = new Journal();
  readonly users: BucketTable<HubUserRecord>;
  readonly groups: BucketTable<HubGroupRecord>;
  readonly threads: BucketTable<HubThreadRecord>;
  readonly messages: BucketTable<HubMessageRecord>;
  readonly conversations: BucketTable<HubConversationRecord>;
  readonly media: BucketTable<HubMediaRecord>;
  readonly store: WriteBehind;
  /** Media bytes uploaded or seeded in this session (older ones are read from storage). */
  readonly blobs = new Map<string, { data: ArrayBuffer; type: string }>();
  readonly uploads = new Map<string, HubUpload>();
  readonly connections = new Map<string, HubConnection>();
  /** Users with an open, signed-in connection. */
  readonly listeningUsers = new Set<string>();
  /** Per user, the times of recent rate-limited calls. */
  readonly recvOptCalls = new Map<string, number[]>();
  readonly deleteCalls = new Map<string, number[]>();
  clock = 0;
  readonly #threadMessages = new Map<string, HubMessageRecord[]>();
  readonly #userConversations = new Map<string, Map<string, HubConversationRecord>>();
  readonly #joinedGroups = new Map<string, Set<string>>();
  /** Per user: the last orderKey and record revision handed out. */
  readonly #counters = new Map<string, { order: number; rev: number }>();

  constructor(options: HubServerOptions) {
    this.options = options;
    this.limits = {
      maxTextBytes: options.maxTextBytes,
      maxFileBytes: options.maxFileBytes,
      maxImageBytes: options.maxImageBytes,
      uploadChunkBytes: options.uploadChunkBytes,
      revokeWindowMs: options.revokeWindowMs,
    };
    const journal = this.journal;
    const shard = (value: string, count: number) => (hashString(value) % count).toString(36);
    this.users = new BucketTable('users', journal, (key) => shard(key, 1024));
    this.groups = new BucketTable('groups', journal, (key) => shard(key, 256));
    this.threads = new BucketTable('threads', journal, (key) => shard(key, 1024));
    this.messages = new BucketTable(
      'messages',
      journal,
      (_key, value) => `${shard(value.threadID, 4096)}.${Math.floor(value.seq / 128).toString(36)}`,
    );
    this.conversations = new BucketTable('conversations', journal, (key) => shard(key, 4096));
    this.media = new BucketTable('media', journal, (key) => shard(key, 256));
    this.messages.onChange = (_key, prev, next) => this.#indexMessage(prev, next);
    this.conversations.onChange = (_key, prev, next) => this.#indexConversation(prev, next);
    this.groups.onChange = (_key, prev, next) => this.#indexGroup(prev, next);
    this.store = new WriteBehind(
      journal,
      [
        this.users,
        this.groups,
        this.threads,
        this.messages,
        this.conversations,
        this.media,
      ] as BucketTable<unknown>[],
      options.storage,
    );
  }

  /** Server time: milliseconds, never going backwards. */
  now(): number {
    const time = Math.max(this.clock, Math.floor(this.options.now()));
    this.clock = time;
    return time;
  }

  updateListening(): void {
    this.listeningUsers.clear();
    for (const connection of this.connections.values()) {
      if (connection.userID) this.listeningUsers.add(connection.userID);
    }
  }

  // ── Indexes ──────────────────────────────────────────────────────────────────────────────────────

  #indexMessage(prev: HubMessageRecord | undefined, next: HubMessageRecord | undefined): void {
    const record = (next ?? prev) as HubMessageRecord;
    let list = this.#threadMessages.get(record.threadID);
    if (!list) {
      list = [];
      this.#threadMessages.set(record.threadID, list);
    }
    const index = lowerBoundSeq(list, record.seq);
    const present = list[index]?.msgID === record.msgID;
    if (next && present) list[index] = next;
    else if (next) list.splice(index, 0, next);
    else if (present) list.splice(index, 1);
  }

  #indexConversation(prev: HubConversationRecord | undefined, next: HubConversationRecord | undefined): void {
    const record = (next ?? prev) as HubConversationRecord;
    let map = this.#userConversations.get(record.userID);
    if (!map) {
      map = new Map();
      this.#userConversations.set(record.userID, map);
    }
    if (next) {
      map.set(record.conversationID, next);
      // Counters are derived from the records (and so need no storage of their own); after an undo they
      // may stay ahead, which only leaves a gap.
      const counter = this.#counter(next.userID);
      counter.order = Math.max(counter.order, next.orderKey);
      counter.rev = Math.max(counter.rev, next.rev);
    } else map.delete(record.conversationID);
  }

  #indexGroup(prev: HubGroupRecord | undefined, next: HubGroupRecord | undefined): void {
    for (const member of prev?.members ?? [])
      this.#joinedGroups.get(member.userID)?.delete(prev?.groupID ?? '');
    for (const member of next?.members ?? []) {
      let set = this.#joinedGroups.get(member.userID);
      if (!set) {
        set = new Set();
        this.#joinedGroups.set(member.userID, set);
      }
      set.add(next?.groupID ?? '');
    }
  }

  // ── Reading ──────────────────────────────────────────────────────────────────────────────────────

  record(userID: string, conversationID: string): HubConversationRecord | undefined {
    return this.#userConversations.get(userID)?.get(conversationID);
  }

  /** Every conversation record of a user. */
  recordsOf(userID: string): IterableIterator<HubConversationRecord> | [] {
    return this.#userConversations.get(userID)?.values() ?? [];
  }

  /** A user's record of a conversation, or an empty one when they have none yet. */
  recordOrEmpty(userID: string, conversationID: string): HubConversationRecord {
    const parsed = parseConversationID(conversationID) as NonNullable<ReturnType<typeof parseConversationID>>;
    return this.record(userID, conversationID) ?? emptyConversationRecord(userID, parsed.type, parsed.peerID);
  }

  /** The groups a user is a member of. */
  joinedGroupsOf(userID: string): ReadonlySet<string> {
    return this.#joinedGroups.get(userID) ?? new Set();
  }

  /** The thread a thread ID names: its messages in seq order. */
  threadMessages(threadID: string): readonly HubMessageRecord[] {
    return this.#threadMessages.get(threadID) ?? [];
  }

  /** The messages of a conversation's thread, in seq order. */
  messagesOf(record: Pick<HubConversationRecord, 'type' | 'userID' | 'peerID'>): readonly HubMessageRecord[] {
    return this.threadMessages(threadIDOfRecord(record));
  }

  /** The last seq handed out in a conversation's thread (0 when it has none). */
  lastSeqOf(record: HubConversationRecord): number {
    return this.threads.get(threadIDOfRecord(record))?.lastSeq ?? 0;
  }

  #lastMessageOf(record: HubConversationRecord): Message | null {
    const list = this.messagesOf(record);
    for (let i = list.length - 1; i >= 0; i--) {
      const message = list[i] as HubMessageRecord;
      if (message.seq <= record.clearedSeq) break;
      if (!message.excludedFromLast && isVisibleTo(message, record.userID)) {
        return messageView(message, record.userID, record);
      }
    }
    return null;
  }

  #namesOf(type: ConversationType, peerID: string): { showName: string; faceUrl: string } {
    if (type === 'c2c') {
      const user = this.users.get(peerID);
      return { showName: user?.nick || peerID, faceUrl: user?.faceUrl ?? '' };
    }
    const group = this.groups.get(peerID);
    return { showName: group?.name || peerID, faceUrl: group?.faceUrl ?? '' };
  }

  /** The conversation a record is, as its user's engines see it. */
  view(record: HubConversationRecord): HubConversation {
    return conversationView(record, this.#namesOf(record.type, record.peerID), this.#lastMessageOf(record));
  }

  viewOf(userID: string, conversationID: string): HubConversation | null {
    const record = this.record(userID, conversationID);
    return record ? this.view(record) : null;
  }

  /** A message as `userID` sees it, with their conversation it is in (for the caller to apply at once). */
  messageWithConversation(
    message: HubMessageRecord,
    userID: string,
  ): { message: Message; conversation: HubConversation | null } {
    const state = this.record(userID, conversationIDOf(message, userID));
    return { message: messageView(message, userID, state), conversation: state ? this.view(state) : null };
  }

  /** The views of a user's conversations among `ids` (those with a record). */
  viewsOf(userID: string, ids: Iterable<string>): HubConversation[] {
    return [...ids].flatMap((id) => {
      const view = this.viewOf(userID, id);
      return view ? [view] : [];
    });
  }

  /** The views of the user's conversations this request changed, for the caller to apply at once. */
  changedViews(ctx: HandlerContext, userID: string): HubConversation[] {
    return this.viewsOf(userID, ctx.changed.get(userID) ?? []);
  }

  /** The record of a conversation with a known peer (or one with nothing in it), else CONVERSATION_NOT_FOUND. */
  requireConversation(userID: string, conversationID: string, method: string): HubConversationRecord {
    const existing = this.record(userID, conversationID);
    const parsed = parseConversationID(conversationID);
    if (!parsed) throw invalidParameter(method, 'conversationID', 'a conversation ID', conversationID);
    if (parsed.type === 'c2c') {
      if (!this.users.has(parsed.peerID)) throw notFound(method, conversationID);
    } else if (!this.groups.get(parsed.peerID)?.members.some((member) => member.userID === userID)) {
      throw notFound(method, conversationID);
    }
    return existing ?? emptyConversationRecord(userID, parsed.type, parsed.peerID);
  }

  requireMembership(userID: string, groupID: string, method: string): HubGroupRecord {
    const group = this.groups.get(groupID);
    if (!group) throw notFound(method, groupConversationID(groupID));
    if (!group.members.some((member) => member.userID === userID)) {
      throw new ChatError(
        ChatErrorCode.PermissionDenied,
        `${method}: ${userID} is not a member of group ${groupID}.`,
        { method, groupID },
      );
    }
    return group;
  }

  groupsOf(userID: string, change: ConversationGroupChange = { kind: 'changed' }): HubConversationGroups {
    const user = this.users.get(userID);
    return { rev: user?.groupsRev ?? 0, list: user?.convGroups ?? [], change };
  }

  /** The last record revision handed out to a user (what a sync is complete up to). */
  revOf(userID: string): number {
    return this.#counter(userID).rev;
  }

  // ── Writing ──────────────────────────────────────────────────────────────────────────────────────

  /** A user's record, registering them (with `profile`, or their ID as nick) when unknown. */
  ensureUser(userID: string, profile?: Partial<UserProfile>): HubUserRecord {
    const existing = this.users.get(userID);
    if (existing && !profile) return existing;
    const next: HubUserRecord = existing
      ? { ...existing, nick: profile?.nick ?? existing.nick, faceUrl: profile?.faceUrl ?? existing.faceUrl }
      : {
          userID,
          nick: profile?.nick ?? userID,
          faceUrl: profile?.faceUrl ?? '',
          groupsRev: 0,
          convGroups: [],
          keepHidden: false,
        };
    this.users.set(userID, next);
    return next;
  }

  #counter(userID: string): { order: number; rev: number } {
    let counter = this.#counters.get(userID);
    if (!counter) {
      counter = { order: 0, rev: 0 };
      this.#counters.set(userID, counter);
    }
    return counter;
  }

  /**
   * The next orderKey of a user: activating a conversation moves it to the top. Keys follow server time
   * (milliseconds, and always up by at least one), so a message an engine holds but the hub never got (a
   * failed or still sending one, stamped with server time) sorts among them by when it was sent.
   */
  nextOrderKey(userID: string): number {
    const counter = this.#counter(userID);
    counter.order = Math.max(counter.order + 1, this.now());
    return counter.order;
  }

  /** Stores a conversation record with the user's next revision, noting it changed. */
  put(ctx: HandlerContext, next: HubConversationRecord): HubConversationRecord {
    const counter = this.#counter(next.userID);
    counter.rev += 1;
    // Every caller passes a record it just made, so it can take its revision in place.
    next.rev = counter.rev;
    const stored = next;
    this.conversations.set(conversationKey(next.userID, next.conversationID), stored);
    // Only users someone listens for need to know what changed (a bulk seed touches 100,000 others).
    if (next.userID !== ctx.userID && !this.listeningUsers.has(next.userID)) return stored;
    let set = ctx.changed.get(next.userID);
    if (!set) {
      set = new Set();
      ctx.changed.set(next.userID, set);
    }
    set.add(next.conversationID);
    return stored;
  }

  /** Replaces a user's conversation groups; several changes in one request are reported as `changed`. */
  setConvGroups(
    ctx: HandlerContext,
    userID: string,
    list: ConversationGroup[],
    change: ConversationGroupChange,
  ): void {
    const user = this.users.get(userID) as HubUserRecord;
    this.users.set(userID, { ...user, convGroups: list, groupsRev: user.groupsRev + 1 });
    const previous = ctx.groupChanges.get(userID);
    ctx.groupChanges.set(userID, previous ? { kind: 'changed' } : change);
  }

  /** `RATE_LIMITED` when the user made `max` calls in the last second (calls are noted with `noteCall`). */
  checkRate(userID: string, method: string, calls: Map<string, number[]>, max: number): void {
    if (!this.options.rateLimits) return;
    const now = this.now();
    const recent = (calls.get(userID) ?? []).filter((time) => now - time < 1000);
    if (recent.length >= max) {
      throw new ChatError(
        ChatErrorCode.RateLimited,
        `${method}: at most ${max} call${max === 1 ? '' : 's'} a second.`,
        { method, limitPerSecond: max },
      );
    }
  }

  noteCall(userID: string, calls: Map<string, number[]>): void {
    const now = this.now();
    calls.set(userID, [...(calls.get(userID) ?? []).filter((time) => now - time < 1000), now]);
  }
}

/** The thread of a conversation record. */
function threadIDOfRecord(record: Pick<HubConversationRecord, 'type' | 'userID' | 'peerID'>): string {
  return record.type === 'group'
    ? threadIDOf('group', record.peerID, '')
    : threadIDOf('c2c', record.userID, record.peerID);
}

/** `CONVERSATION_NOT_FOUND` for a conversation (or its user or group). */
export function notFound(method: string, conversationID: string): ChatError {
  return new ChatError(
    ChatErrorCode.ConversationNotFound,
    `${method}: there is no conversation ${conversationID}.`,
    { method, conversationID },
  );
}

/** Index of the first message with seq >= `seq`. */
export function lowerBoundSeq(list: readonly HubMessageRecord[], seq: number): number {
  return partitionPoint(list, (message) => message.seq < seq);
}

/** Index of the first element for which `pred` is false, given it is true then false along the list. */
export function partitionPoint<T>(list: readonly T[], pred: (item: T) => boolean): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (pred(list[mid] as T)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
