import type {
  ConversationGroup,
  ConversationType,
  GroupMember,
  GroupProfile,
  Message,
  ReceiveMessageOpt,
  UserProfile,
} from '../../model/types';
import { ChatError, ChatErrorCode } from '../chat-error';
import { payloadBytes } from '../engine-message';
import {
  assertElem,
  assertMessage,
  c2cConversationID,
  groupConversationID,
  invalidParameter,
  parseConversationID,
} from '../engine-validation';
import {
  atInfoFor,
  conversationKey,
  conversationView,
  countsAsUnread,
  emptyConversationRecord,
  groupProfileOf,
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
import { compareMessages, createUuid, mediaOf, randomUint32 } from './local-message-utils';
import { BucketTable, hashString, Journal, type LocalStorageAdapter, WriteBehind } from './local-persistence';
import type {
  ConversationGroupChange,
  HubConversation,
  HubConversationGroups,
  HubLimits,
  HubMethod,
  HubMethods,
  HubPush,
  HubSeed,
  OperationsResult,
  WireHistoryQuery,
  WireSendOptions,
} from './local-protocol';
import { toWireError } from './local-protocol';

/** Settings of the hub server (resolved from `createLocalHub` options). */
export interface HubServerOptions extends HubLimits {
  now: () => number;
  random: () => number;
  rateLimits: boolean;
  storage: LocalStorageAdapter | null;
}

const HIDE = 8;
const UNREAD_MARK = 2;

interface Connection {
  userID: string | null;
  push: (push: HubPush) => void;
}

interface MessagePush {
  userID: string;
  kind: 'message' | 'revoked';
  msgID: string;
  conversationID: string;
}

interface HandlerContext {
  connID: string | null;
  userID: string;
  changed: Map<string, Set<string>>;
  messagePushes: MessagePush[];
  receiptPushes: { userID: string; reader: string; timestamp: number }[];
  onlinePushes: { userID: string; message: Message }[];
  groupChanges: Map<string, ConversationGroupChange>;
}

interface Upload {
  owner: string;
  size: number;
  type: string;
  chunks: ArrayBuffer[];
  received: number;
}

type Handler<M extends HubMethod> = (
  ctx: HandlerContext,
  args: HubMethods[M]['args'],
) => HubMethods[M]['result'];

/**
 * The embedded chat server: users, groups, threads with their seq counters, roaming history, and each
 * user's server-side conversation state. Engines reach it only through {@link HubServer.handle} and the
 * pushes it sends, so it can run in this tab or serve other tabs.
 */
export class HubServer {
  readonly limits: HubLimits;
  readonly #options: HubServerOptions;
  readonly #journal = new Journal();
  readonly #users: BucketTable<HubUserRecord>;
  readonly #groups: BucketTable<HubGroupRecord>;
  readonly #threads: BucketTable<HubThreadRecord>;
  readonly #messages: BucketTable<HubMessageRecord>;
  readonly #conversations: BucketTable<HubConversationRecord>;
  readonly #media: BucketTable<HubMediaRecord>;
  readonly #store: WriteBehind;
  readonly #threadMessages = new Map<string, HubMessageRecord[]>();
  readonly #userConversations = new Map<string, Map<string, HubConversationRecord>>();
  readonly #joinedGroups = new Map<string, Set<string>>();
  /** Per user: the last orderKey and record revision handed out. */
  readonly #counters = new Map<string, { order: number; rev: number }>();
  readonly #blobs = new Map<string, { data: ArrayBuffer; type: string }>();
  readonly #uploads = new Map<string, Upload>();
  readonly #connections = new Map<string, Connection>();
  readonly #listeningUsers = new Set<string>();
  readonly #recvOptCalls = new Map<string, number[]>();
  #clock = 0;
  #closed = false;
  readonly #handlers: { [M in HubMethod]?: Handler<M> };

  private constructor(options: HubServerOptions) {
    this.#options = options;
    this.limits = {
      maxTextBytes: options.maxTextBytes,
      maxFileBytes: options.maxFileBytes,
      maxImageBytes: options.maxImageBytes,
      uploadChunkBytes: options.uploadChunkBytes,
      revokeWindowMs: options.revokeWindowMs,
    };
    const journal = this.#journal;
    const shard = (value: string, count: number) => (hashString(value) % count).toString(36);
    this.#users = new BucketTable('users', journal, (key) => shard(key, 1024));
    this.#groups = new BucketTable('groups', journal, (key) => shard(key, 256));
    this.#threads = new BucketTable('threads', journal, (key) => shard(key, 1024));
    this.#messages = new BucketTable(
      'messages',
      journal,
      (_key, value) => `${shard(value.threadID, 4096)}.${Math.floor(value.seq / 128).toString(36)}`,
    );
    this.#conversations = new BucketTable('conversations', journal, (key) => shard(key, 4096));
    this.#media = new BucketTable('media', journal, (key) => shard(key, 256));
    this.#messages.onChange = (_key, prev, next) => this.#indexMessage(prev, next);
    this.#conversations.onChange = (_key, prev, next) => this.#indexConversation(prev, next);
    this.#groups.onChange = (_key, prev, next) => this.#indexGroup(prev, next);
    this.#store = new WriteBehind(
      journal,
      [
        this.#users,
        this.#groups,
        this.#threads,
        this.#messages,
        this.#conversations,
        this.#media,
      ] as BucketTable<unknown>[],
      options.storage,
    );
    this.#handlers = {
      hello: (ctx, args) => this.#hello(ctx, args),
      sync: (ctx, args) => this.#sync(ctx, args),
      getConversation: (ctx, args) => this.#getConversation(ctx, args.conversationID),
      deleteConversation: (ctx, args) => this.#deleteConversation(ctx, args),
      pinConversation: (ctx, args) => this.#pinConversation(ctx, args),
      setDraft: (ctx, args) => this.#setDraft(ctx, args),
      markConversation: (ctx, args) => this.#markConversation(ctx, args),
      setCustomData: (ctx, args) => this.#setCustomData(ctx, args),
      createConversationGroup: (ctx, args) => this.#createConversationGroup(ctx, args),
      renameConversationGroup: (ctx, args) => this.#renameConversationGroup(ctx, args),
      deleteConversationGroup: (ctx, args) => this.#deleteConversationGroup(ctx, args),
      addConversationsToGroup: (ctx, args) =>
        this.#changeGroupMembers(ctx, args.groupName, args.conversationIDList, true),
      deleteConversationsFromGroup: (ctx, args) =>
        this.#changeGroupMembers(ctx, args.groupName, args.conversationIDList, false),
      cleanUnread: (ctx, args) => this.#cleanUnread(ctx, args),
      send: (ctx, args) => this.#send(ctx, args.message, args.options),
      sendToUsers: (ctx, args) => this.#sendToUsers(ctx, args),
      uploadBegin: (ctx, args) => this.#uploadBegin(ctx, args),
      uploadChunk: (ctx, args) => this.#uploadChunk(ctx, args),
      uploadFinish: (ctx, args) => this.#uploadFinish(ctx, args),
      uploadAbort: (_ctx, args) => {
        this.#uploads.delete(args.uuid);
        return null;
      },
      revoke: (ctx, args) => this.#revoke(ctx, args),
      deleteFromServer: (ctx, args) => this.#deleteFromServer(ctx, args.msgIDList),
      clearHistory: (ctx, args) => this.#clearHistory(ctx, args.conversationID),
      history: (ctx, args) => this.#history(ctx, args),
      findByLocator: (ctx, args) => this.#findByLocator(ctx, args),
      setC2CReceiveMessageOpt: (ctx, args) => this.#setC2CReceiveMessageOpt(ctx, args),
      getC2CReceiveMessageOpt: (ctx, args) =>
        args.userIDList
          .filter((id) => this.#users.has(id))
          .map((id) => ({
            userID: id,
            opt: this.#record(ctx.userID, c2cConversationID(id))?.recvOpt ?? ('receive' as ReceiveMessageOpt),
          })),
      setGroupReceiveMessageOpt: (ctx, args) => this.#setGroupReceiveMessageOpt(ctx, args),
      getUsersProfile: (_ctx, args) =>
        args.userIDList.flatMap((id) => {
          const user = this.#users.get(id);
          return user ? [profileOf(user)] : [];
        }),
      getGroupsInfo: (_ctx, args) =>
        args.groupIDList.flatMap((id) => {
          const group = this.#groups.get(id);
          return group ? [groupProfileOf(group)] : [];
        }),
      getJoinedGroupList: (ctx) =>
        [...(this.#joinedGroups.get(ctx.userID) ?? [])]
          .map((id) => groupProfileOf(this.#groups.get(id) as HubGroupRecord))
          .sort((a, b) => a.createTime - b.createTime || (a.groupID < b.groupID ? -1 : 1)),
      getGroupMemberList: (ctx, args) =>
        this.#requireMembership(ctx.userID, args.groupID, 'getGroupMemberList').members,
      createGroup: (ctx, args) => {
        const group = this.#createGroup(ctx, { ...args, ownerID: ctx.userID });
        return { group, conversation: this.#viewOf(ctx.userID, groupConversationID(group.groupID)) };
      },
      'admin.addUsers': (_ctx, args) => {
        for (const profile of args.users) this.#ensureUser(profile.userID, profile);
        return null;
      },
      'admin.createGroup': (ctx, args) => this.#createGroup(ctx, args),
      'admin.seed': (ctx, args) => this.#seed(ctx, args.seed),
      'admin.serverTime': () => this.now(),
    };
  }

  /** Opens a hub server, loading what `storage` holds. */
  static async open(options: HubServerOptions): Promise<HubServer> {
    const server = new HubServer(options);
    const meta = await server.#store.load();
    server.#clock = typeof meta.clock === 'number' ? meta.clock : 0;
    return server;
  }

  /** Server time: milliseconds, never going backwards. */
  now(): number {
    const time = Math.max(this.#clock, Math.floor(this.#options.now()));
    this.#clock = time;
    return time;
  }

  /** Registers a connection; pushes for it go to `push`. */
  openConnection(connID: string, push: (push: HubPush) => void, userID?: string): void {
    const existing = this.#connections.get(connID);
    // A known user is signed in at once, so requests retried after a hand-over do not wait for hello.
    const known = userID !== undefined && this.#users.has(userID) ? userID : null;
    this.#connections.set(connID, { userID: existing?.userID ?? known, push });
    this.#updateListening();
  }

  closeConnection(connID: string): void {
    this.#connections.delete(connID);
    this.#updateListening();
  }

  #updateListening(): void {
    this.#listeningUsers.clear();
    for (const connection of this.#connections.values()) {
      if (connection.userID) this.#listeningUsers.add(connection.userID);
    }
  }

  /** Waits until every write so far is durable. */
  flush(): Promise<void> {
    return this.#store.idle();
  }

  close(): void {
    this.#closed = true;
    this.#connections.clear();
    this.#store.close();
  }

  /** Handles one request. Rejects only with a ChatError (as thrown by the handler). */
  async handle<M extends HubMethod>(
    connID: string | null,
    method: M,
    args: HubMethods[M]['args'],
  ): Promise<HubMethods[M]['result']> {
    if (this.#closed) throw new ChatError(ChatErrorCode.NetworkError, 'The hub is closed.');
    if (method === 'admin.flush') {
      await this.flush();
      return null as HubMethods[M]['result'];
    }
    if (method === 'download') return (await this.#download(args as HubMethods['download']['args'])) as never;
    const handler = this.#handlers[method] as Handler<M> | undefined;
    if (!handler) throw new ChatError(ChatErrorCode.NotSupported, `The hub has no method ${method}.`);
    const connection = connID === null ? undefined : this.#connections.get(connID);
    const userID = method === 'hello' ? '' : (connection?.userID ?? '');
    if (!method.startsWith('admin.') && method !== 'hello' && !userID) {
      throw new ChatError(ChatErrorCode.NotLoggedIn, `${method}: the connection is not signed in.`);
    }
    const ctx: HandlerContext = {
      connID,
      userID,
      changed: new Map(),
      messagePushes: [],
      receiptPushes: [],
      onlinePushes: [],
      groupChanges: new Map(),
    };
    const mark = this.#journal.length;
    let result: HubMethods[M]['result'];
    try {
      result = handler(ctx, args);
    } catch (error) {
      this.#journal.rollbackTo(mark);
      throw error instanceof ChatError
        ? error
        : new ChatError(ChatErrorCode.InvalidParameter, toWireError(error).message);
    }
    if (this.#journal.length > mark) {
      this.#store.setMeta('clock', this.#clock);
      await this.#store.commit();
    }
    this.#deliver(ctx);
    return result;
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

  // ── Reading state ────────────────────────────────────────────────────────────────────────────────

  #record(userID: string, conversationID: string): HubConversationRecord | undefined {
    return this.#userConversations.get(userID)?.get(conversationID);
  }

  #threadIDOfRecord(record: Pick<HubConversationRecord, 'type' | 'userID' | 'peerID'>): string {
    return record.type === 'group'
      ? threadIDOf('group', record.peerID, '')
      : threadIDOf('c2c', record.userID, record.peerID);
  }

  #lastMessageOf(record: HubConversationRecord): Message | null {
    const list = this.#threadMessages.get(this.#threadIDOfRecord(record));
    if (!list) return null;
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
      const user = this.#users.get(peerID);
      return { showName: user?.nick || peerID, faceUrl: user?.faceUrl ?? '' };
    }
    const group = this.#groups.get(peerID);
    return { showName: group?.name || peerID, faceUrl: group?.faceUrl ?? '' };
  }

  #view(record: HubConversationRecord): HubConversation {
    return conversationView(record, this.#namesOf(record.type, record.peerID), this.#lastMessageOf(record));
  }

  #viewOf(userID: string, conversationID: string): HubConversation | null {
    const record = this.#record(userID, conversationID);
    return record ? this.#view(record) : null;
  }

  #changedViews(ctx: HandlerContext, userID: string): HubConversation[] {
    return [...(ctx.changed.get(userID) ?? [])].flatMap((id) => {
      const view = this.#viewOf(userID, id);
      return view ? [view] : [];
    });
  }

  /** The record of a conversation with a known peer (or one with nothing in it), else CONVERSATION_NOT_FOUND. */
  #requireConversation(userID: string, conversationID: string, method: string): HubConversationRecord {
    const existing = this.#record(userID, conversationID);
    const parsed = parseConversationID(conversationID);
    if (!parsed) throw invalidParameter(method, 'conversationID', 'a conversation ID', conversationID);
    if (parsed.type === 'c2c') {
      if (!this.#users.has(parsed.peerID)) throw notFound(method, conversationID);
    } else if (!this.#groups.get(parsed.peerID)?.members.some((member) => member.userID === userID)) {
      throw notFound(method, conversationID);
    }
    return existing ?? emptyConversationRecord(userID, parsed.type, parsed.peerID);
  }

  #requireMembership(userID: string, groupID: string, method: string): HubGroupRecord {
    const group = this.#groups.get(groupID);
    if (!group) throw notFound(method, groupConversationID(groupID));
    if (!group.members.some((member) => member.userID === userID)) {
      throw new ChatError(
        ChatErrorCode.PermissionDenied,
        `${method}: ${userID} is not a member of group ${groupID}.`,
        {
          method,
          groupID,
        },
      );
    }
    return group;
  }

  // ── Writing state ────────────────────────────────────────────────────────────────────────────────

  #ensureUser(userID: string, profile?: Partial<UserProfile>): HubUserRecord {
    const existing = this.#users.get(userID);
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
    this.#users.set(userID, next);
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

  #nextOrderKey(userID: string): number {
    const counter = this.#counter(userID);
    counter.order += 1;
    return counter.order;
  }

  #put(ctx: HandlerContext, next: HubConversationRecord): HubConversationRecord {
    const counter = this.#counter(next.userID);
    counter.rev += 1;
    // Every caller passes a record it just made, so it can take its revision in place.
    next.rev = counter.rev;
    const stored = next;
    this.#conversations.set(conversationKey(next.userID, next.conversationID), stored);
    // Only users someone listens for need to know what changed (a bulk seed touches 100,000 others).
    if (next.userID !== ctx.userID && !this.#listeningUsers.has(next.userID)) return stored;
    let set = ctx.changed.get(next.userID);
    if (!set) {
      set = new Set();
      ctx.changed.set(next.userID, set);
    }
    set.add(next.conversationID);
    return stored;
  }

  #setConvGroups(
    ctx: HandlerContext,
    userID: string,
    list: ConversationGroup[],
    change: ConversationGroupChange,
  ): void {
    const user = this.#users.get(userID) as HubUserRecord;
    this.#users.set(userID, { ...user, convGroups: list, groupsRev: user.groupsRev + 1 });
    const previous = ctx.groupChanges.get(userID);
    ctx.groupChanges.set(userID, previous ? { kind: 'changed' } : change);
  }

  #groupsOf(userID: string, change: ConversationGroupChange = { kind: 'changed' }): HubConversationGroups {
    const user = this.#users.get(userID);
    return { rev: user?.groupsRev ?? 0, list: user?.convGroups ?? [], change };
  }

  // ── Delivering pushes ────────────────────────────────────────────────────────────────────────────

  #deliver(ctx: HandlerContext): void {
    // Only users with an open connection (other than the caller's) get pushes; nothing is built for others.
    const listening = new Map<string, Connection[]>();
    for (const [id, connection] of this.#connections) {
      if (id === ctx.connID || connection.userID === null) continue;
      const list = listening.get(connection.userID) ?? [];
      list.push(connection);
      listening.set(connection.userID, list);
    }
    if (listening.size === 0) return;
    const covered = new Map<string, Set<string>>();
    const cover = (userID: string, conversationID: string) => {
      let set = covered.get(userID);
      if (!set) {
        set = new Set();
        covered.set(userID, set);
      }
      set.add(conversationID);
    };
    const send = (userID: string, push: HubPush) => {
      for (const connection of listening.get(userID) ?? []) safePush(connection, push);
    };
    for (const item of ctx.messagePushes) {
      if (!listening.has(item.userID)) continue;
      const record = this.#messages.get(item.msgID);
      const state = this.#record(item.userID, item.conversationID);
      if (!record) continue;
      cover(item.userID, item.conversationID);
      const conversation = state ? this.#view(state) : null;
      send(item.userID, { type: item.kind, message: messageView(record, item.userID, state), conversation });
    }
    for (const item of ctx.receiptPushes) {
      if (!listening.has(item.userID)) continue;
      const conversationID = c2cConversationID(item.reader);
      const state = this.#record(item.userID, conversationID);
      if (!state) continue;
      cover(item.userID, conversationID);
      const receipt = { userID: item.reader, conversationID, timestamp: item.timestamp };
      send(item.userID, { type: 'receipt', receipt, conversation: this.#view(state) });
    }
    for (const item of ctx.onlinePushes) send(item.userID, { type: 'onlineMessage', message: item.message });
    for (const [userID, change] of ctx.groupChanges) {
      if (!listening.has(userID)) continue;
      const conversations = this.#changedViews(ctx, userID);
      for (const view of conversations) cover(userID, view.conversationID);
      send(userID, { type: 'groups', groups: this.#groupsOf(userID, change), conversations });
    }
    for (const [userID, ids] of ctx.changed) {
      if (!listening.has(userID)) continue;
      const done = covered.get(userID);
      const conversations = [...ids]
        .filter((id) => !done?.has(id))
        .flatMap((id) => {
          const view = this.#viewOf(userID, id);
          return view ? [view] : [];
        });
      if (conversations.length > 0) send(userID, { type: 'conversations', conversations });
    }
  }

  // ── Session ──────────────────────────────────────────────────────────────────────────────────────

  #hello(ctx: HandlerContext, args: HubMethods['hello']['args']): HubMethods['hello']['result'] {
    if (typeof args.userID !== 'string' || args.userID.length === 0) {
      throw invalidParameter('connect', 'userID', 'a non-empty string', args.userID);
    }
    const user = this.#ensureUser(args.userID);
    if (user.keepHidden !== args.keepHiddenOnNewMessage) {
      this.#users.set(user.userID, { ...user, keepHidden: args.keepHiddenOnNewMessage });
    }
    if (ctx.connID !== null) {
      const connection = this.#connections.get(ctx.connID);
      if (connection) connection.userID = args.userID;
      this.#updateListening();
    }
    return { profile: profileOf(user), limits: this.limits, serverTime: this.now() };
  }

  #sync(ctx: HandlerContext, args: HubMethods['sync']['args']): HubMethods['sync']['result'] {
    const conversations: HubConversation[] = [];
    const recent: Message[] = [];
    for (const record of this.#userConversations.get(ctx.userID)?.values() ?? []) {
      if (record.rev <= args.sinceRev) continue;
      conversations.push(this.#view(record));
      if (args.sinceRev > 0 && args.recentCount > 0) {
        const list = this.#threadMessages.get(this.#threadIDOfRecord(record)) ?? [];
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
      rev: this.#counter(ctx.userID).rev,
      conversations,
      groups: this.#groupsOf(ctx.userID, ctx.groupChanges.get(ctx.userID)),
      recent,
      serverTime: this.now(),
    };
  }

  // ── Conversations ────────────────────────────────────────────────────────────────────────────────

  #getConversation(ctx: HandlerContext, conversationID: string): HubConversation {
    return this.#view(this.#requireConversation(ctx.userID, conversationID, 'getConversation'));
  }

  #deleteConversation(
    ctx: HandlerContext,
    args: HubMethods['deleteConversation']['args'],
  ): HubMethods['deleteConversation']['result'] {
    const record = this.#record(ctx.userID, args.conversationID);
    if (!record || record.deleted || record.orderKey === 0)
      throw notFound('deleteConversation', args.conversationID);
    const lastSeq = this.#threads.get(this.#threadIDOfRecord(record))?.lastSeq ?? 0;
    if (record.groups.length > 0) {
      const user = this.#users.get(ctx.userID) as HubUserRecord;
      const list = user.convGroups.map((group) =>
        record.groups.includes(group.name)
          ? {
              ...group,
              conversationIDList: group.conversationIDList.filter((id) => id !== record.conversationID),
            }
          : group,
      );
      this.#setConvGroups(ctx, ctx.userID, list, { kind: 'changed' });
    }
    this.#put(ctx, {
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
      ...(args.clearMessages && { clearedSeq: lastSeq, clearedTime: this.now() }),
    });
    return { conversations: this.#changedViews(ctx, ctx.userID) };
  }

  #pinConversation(
    ctx: HandlerContext,
    args: HubMethods['pinConversation']['args'],
  ): HubMethods['pinConversation']['result'] {
    const record = this.#requireConversation(ctx.userID, args.conversationID, 'pinConversation');
    if (record.isPinned !== args.isPinned) {
      this.#put(ctx, {
        ...record,
        isPinned: args.isPinned,
        deleted: false,
        ...(args.isPinned && { orderKey: this.#nextOrderKey(ctx.userID) }),
      });
    }
    return { conversations: this.#changedViews(ctx, ctx.userID) };
  }

  #setDraft(ctx: HandlerContext, args: HubMethods['setDraft']['args']): HubMethods['setDraft']['result'] {
    const record = this.#requireConversation(ctx.userID, args.conversationID, 'setConversationDraft');
    if (args.draftText === null || args.draftText === '') {
      if (record.draftText !== null) this.#put(ctx, { ...record, draftText: null, draftTimestamp: null });
    } else {
      this.#put(ctx, {
        ...record,
        draftText: args.draftText,
        draftTimestamp: this.now(),
        deleted: false,
        orderKey: this.#nextOrderKey(ctx.userID),
      });
    }
    return { conversations: this.#changedViews(ctx, ctx.userID) };
  }

  #perConversation(
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
        record = this.#requireConversation(ctx.userID, id, method);
      } catch (error) {
        const wire = toWireError(error);
        return { id, resultCode: wire.code as string, resultInfo: wire.message };
      }
      const next = change(record);
      if (next) this.#put(ctx, next);
      return { id, resultCode: 0 as const, resultInfo: '' };
    });
    return { results, conversations: this.#changedViews(ctx, ctx.userID) };
  }

  #markConversation(ctx: HandlerContext, args: HubMethods['markConversation']['args']): OperationsResult {
    return this.#perConversation(ctx, 'markConversation', args.conversationIDList, (record) => {
      const marks = args.enable ? record.marks | args.markType : record.marks & ~args.markType;
      return marks === record.marks ? null : { ...record, marks };
    });
  }

  #setCustomData(ctx: HandlerContext, args: HubMethods['setCustomData']['args']): OperationsResult {
    return this.#perConversation(ctx, 'setConversationCustomData', args.conversationIDList, (record) =>
      record.customData === args.customData ? null : { ...record, customData: args.customData },
    );
  }

  // ── Conversation groups ──────────────────────────────────────────────────────────────────────────

  #requireConvGroup(userID: string, name: string, method: string): ConversationGroup {
    const group = this.#users.get(userID)?.convGroups.find((item) => item.name === name);
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

  #createConversationGroup(
    ctx: HandlerContext,
    args: HubMethods['createConversationGroup']['args'],
  ): HubMethods['createConversationGroup']['result'] {
    const user = this.#users.get(ctx.userID) as HubUserRecord;
    if (user.convGroups.some((group) => group.name === args.groupName)) {
      throw new ChatError(
        ChatErrorCode.AlreadyExists,
        `createConversationGroup: a conversation group named "${args.groupName}" exists.`,
        { groupName: args.groupName },
      );
    }
    const added: string[] = [];
    const result = this.#perConversation(
      ctx,
      'createConversationGroup',
      args.conversationIDList,
      (record) => {
        if (!added.includes(record.conversationID)) added.push(record.conversationID);
        return { ...record, groups: [...record.groups, args.groupName] };
      },
    );
    const list = [...user.convGroups, { name: args.groupName, conversationIDList: added }];
    this.#setConvGroups(ctx, ctx.userID, list, { kind: 'created', name: args.groupName });
    return {
      ...result,
      conversations: this.#changedViews(ctx, ctx.userID),
      groups: this.#groupsOf(ctx.userID, ctx.groupChanges.get(ctx.userID)),
    };
  }

  #renameConversationGroup(
    ctx: HandlerContext,
    args: HubMethods['renameConversationGroup']['args'],
  ): HubMethods['renameConversationGroup']['result'] {
    const group = this.#requireConvGroup(ctx.userID, args.oldName, 'renameConversationGroup');
    const user = this.#users.get(ctx.userID) as HubUserRecord;
    if (args.oldName !== args.newName && user.convGroups.some((item) => item.name === args.newName)) {
      throw new ChatError(
        ChatErrorCode.AlreadyExists,
        `renameConversationGroup: a conversation group named "${args.newName}" exists.`,
        { groupName: args.newName },
      );
    }
    if (args.oldName !== args.newName) {
      for (const id of group.conversationIDList) {
        const record = this.#record(ctx.userID, id);
        if (record) {
          this.#put(ctx, {
            ...record,
            groups: record.groups.map((name) => (name === args.oldName ? args.newName : name)),
          });
        }
      }
      const list = user.convGroups.map((item) =>
        item.name === args.oldName ? { ...item, name: args.newName } : item,
      );
      this.#setConvGroups(ctx, ctx.userID, list, {
        kind: 'renamed',
        oldName: args.oldName,
        newName: args.newName,
      });
    }
    return {
      conversations: this.#changedViews(ctx, ctx.userID),
      groups: this.#groupsOf(ctx.userID, ctx.groupChanges.get(ctx.userID)),
    };
  }

  #deleteConversationGroup(
    ctx: HandlerContext,
    args: HubMethods['deleteConversationGroup']['args'],
  ): HubMethods['deleteConversationGroup']['result'] {
    const group = this.#requireConvGroup(ctx.userID, args.groupName, 'deleteConversationGroup');
    for (const id of group.conversationIDList) {
      const record = this.#record(ctx.userID, id);
      if (record)
        this.#put(ctx, { ...record, groups: record.groups.filter((name) => name !== args.groupName) });
    }
    const user = this.#users.get(ctx.userID) as HubUserRecord;
    const list = user.convGroups.filter((item) => item.name !== args.groupName);
    this.#setConvGroups(ctx, ctx.userID, list, { kind: 'deleted', name: args.groupName });
    return {
      conversations: this.#changedViews(ctx, ctx.userID),
      groups: this.#groupsOf(ctx.userID, ctx.groupChanges.get(ctx.userID)),
    };
  }

  #changeGroupMembers(
    ctx: HandlerContext,
    groupName: string,
    ids: string[],
    add: boolean,
  ): OperationsResult & { groups: HubConversationGroups } {
    const method = add ? 'addConversationsToGroup' : 'deleteConversationsFromGroup';
    const group = this.#requireConvGroup(ctx.userID, groupName, method);
    let members = group.conversationIDList;
    const result = this.#perConversation(ctx, method, ids, (record) => {
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
      const user = this.#users.get(ctx.userID) as HubUserRecord;
      const list = user.convGroups.map((item) =>
        item.name === groupName ? { ...item, conversationIDList: members } : item,
      );
      this.#setConvGroups(ctx, ctx.userID, list, { kind: 'changed' });
    }
    return {
      ...result,
      conversations: this.#changedViews(ctx, ctx.userID),
      groups: this.#groupsOf(ctx.userID, ctx.groupChanges.get(ctx.userID)),
    };
  }

  // ── Unread ───────────────────────────────────────────────────────────────────────────────────────

  #countUnread(record: HubConversationRecord, readSeq: number): number {
    const list = this.#threadMessages.get(this.#threadIDOfRecord(record)) ?? [];
    const floor = Math.max(readSeq, record.clearedSeq);
    let count = 0;
    for (let i = list.length - 1; i >= 0; i--) {
      const message = list[i] as HubMessageRecord;
      if (message.seq <= floor) break;
      if (countsAsUnread(message, record.userID)) count++;
    }
    return count;
  }

  /** Moves a user's read position forward (never back), clearing unread, mentions and the unread mark. */
  #markRead(ctx: HandlerContext, record: HubConversationRecord, readSeq: number): void {
    const target = Math.max(record.readSeq, readSeq);
    const unreadCount = target === record.readSeq ? record.unreadCount : this.#countUnread(record, target);
    const groupAtInfoList = record.groupAtInfoList.filter((info) => info.seq > target);
    const marks = record.marks & ~UNREAD_MARK;
    if (
      target === record.readSeq &&
      unreadCount === record.unreadCount &&
      groupAtInfoList.length === record.groupAtInfoList.length &&
      marks === record.marks
    ) {
      return;
    }
    this.#put(ctx, { ...record, readSeq: target, unreadCount, groupAtInfoList, marks });
    if (record.type === 'c2c' && target > record.readSeq && record.peerID !== record.userID) {
      this.#sendReadReceipt(ctx, record, target);
    }
  }

  #sendReadReceipt(ctx: HandlerContext, record: HubConversationRecord, readSeq: number): void {
    const list = this.#threadMessages.get(this.#threadIDOfRecord(record)) ?? [];
    const index = lowerBoundSeq(list, readSeq + 1) - 1;
    const readTime = index >= 0 ? (list[index] as HubMessageRecord).timestamp : 0;
    const peer = this.#users.get(record.peerID);
    if (!peer) return;
    const peerRecord =
      this.#record(record.peerID, c2cConversationID(record.userID)) ??
      emptyConversationRecord(record.peerID, 'c2c', record.userID);
    if (readTime <= peerRecord.peerReadTime) return;
    this.#put(ctx, { ...peerRecord, peerReadTime: readTime });
    ctx.receiptPushes.push({ userID: record.peerID, reader: record.userID, timestamp: readTime });
  }

  #cleanUnread(
    ctx: HandlerContext,
    args: HubMethods['cleanUnread']['args'],
  ): HubMethods['cleanUnread']['result'] {
    const scope = args.conversationID;
    if (scope === '' || scope === 'c2c' || scope === 'group') {
      for (const record of [...(this.#userConversations.get(ctx.userID)?.values() ?? [])]) {
        if (scope !== '' && record.type !== scope) continue;
        const lastSeq = this.#threads.get(this.#threadIDOfRecord(record))?.lastSeq ?? 0;
        this.#markRead(ctx, record, lastSeq);
      }
      return { conversations: this.#changedViews(ctx, ctx.userID) };
    }
    const record = this.#requireConversation(ctx.userID, scope, 'cleanConversationUnreadMessageCount');
    const list = this.#threadMessages.get(this.#threadIDOfRecord(record)) ?? [];
    const lastSeq = this.#threads.get(this.#threadIDOfRecord(record))?.lastSeq ?? 0;
    let readSeq = lastSeq;
    if (record.type === 'c2c' && args.cleanTimestamp > 0) {
      // The newest message at or before the timestamp: timestamps grow with seq in a thread.
      let lo = 0;
      let hi = list.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if ((list[mid] as HubMessageRecord).timestamp <= args.cleanTimestamp) lo = mid + 1;
        else hi = mid;
      }
      readSeq = lo > 0 ? (list[lo - 1] as HubMessageRecord).seq : 0;
    } else if (record.type === 'group' && args.cleanSequence > 0) {
      readSeq = Math.min(args.cleanSequence, lastSeq);
    }
    if (this.#record(ctx.userID, scope)) this.#markRead(ctx, record, readSeq);
    return { conversations: this.#changedViews(ctx, ctx.userID) };
  }

  // ── Sending ──────────────────────────────────────────────────────────────────────────────────────

  #validateOutgoing(message: Message, method: string): void {
    assertMessage(method, message);
    if (message.elemList.some((elem) => elem.type === 'groupTip')) {
      throw invalidParameter(method, 'message', 'a message without group tips (only the server sends those)');
    }
    const bytes = payloadBytes(message.elemList);
    if (bytes > this.limits.maxTextBytes) {
      throw new ChatError(
        ChatErrorCode.MessageTooLarge,
        `${method}: the text and custom payload is ${bytes} bytes; the limit is ${this.limits.maxTextBytes}.`,
        { bytes, limit: this.limits.maxTextBytes },
      );
    }
    for (const media of mediaOf(message.elemList)) {
      if (!this.#media.has(media.uuid)) {
        throw new ChatError(ChatErrorCode.InvalidState, `${method}: media ${media.uuid} was not uploaded.`, {
          uuid: media.uuid,
        });
      }
    }
  }

  #send(
    ctx: HandlerContext,
    message: Message,
    options: WireSendOptions,
  ): { message: Message; conversation: HubConversation | null } {
    const sender = ctx.userID;
    this.#validateOutgoing(message, 'sendMessage');
    const existing = this.#messages.get(message.msgID);
    if (existing) {
      // A retried request (the hub may have changed hands before it answered) gets the same answer.
      if (existing.sender !== sender)
        throw invalidParameter('sendMessage', 'message.msgID', 'unique', message.msgID);
      const conversationID =
        existing.type === 'c2c'
          ? c2cConversationID(existing.receiver)
          : groupConversationID(existing.groupID);
      const state = this.#record(sender, conversationID);
      return {
        message: messageView(existing, sender, state),
        conversation: state ? this.#view(state) : null,
      };
    }
    const isGroup = options.groupID !== '';
    let recipients: string[];
    if (isGroup) {
      const group = this.#requireMembership(sender, options.groupID, 'sendMessage');
      if (options.receiver && !group.members.some((member) => member.userID === options.receiver)) {
        throw new ChatError(
          ChatErrorCode.InvalidParameter,
          `sendMessage: ${options.receiver} is not a member of group ${options.groupID}.`,
          { receiver: options.receiver, groupID: options.groupID },
        );
      }
      recipients = options.receiver
        ? [options.receiver].filter((id) => id !== sender)
        : group.members.map((member) => member.userID).filter((id) => id !== sender);
    } else {
      if (!this.#users.has(options.receiver))
        throw notFound('sendMessage', c2cConversationID(options.receiver));
      recipients = options.receiver === sender ? [] : [options.receiver];
    }
    const type: ConversationType = isGroup ? 'group' : 'c2c';
    const threadID = isGroup
      ? threadIDOf('group', options.groupID, '')
      : threadIDOf('c2c', sender, options.receiver);
    const conversationIDFor = (userID: string) =>
      isGroup
        ? groupConversationID(options.groupID)
        : c2cConversationID(userID === sender ? options.receiver : sender);
    const hiddenFor = recipients.filter(
      (userID) => this.#record(userID, conversationIDFor(userID))?.recvOpt === 'notReceive',
    );
    const profile = this.#users.get(sender) as HubUserRecord;
    const record: HubMessageRecord = {
      msgID: message.msgID,
      threadID,
      type,
      groupID: isGroup ? options.groupID : '',
      receiver: isGroup ? '' : options.receiver,
      sender,
      nick: profile.nick,
      faceUrl: profile.faceUrl,
      timestamp: this.now(),
      seq: 0,
      random: message.random,
      elemList: message.elemList,
      priority: options.priority,
      excludedFromUnread: options.isExcludedFromUnreadCount,
      excludedFromLast: options.isExcludedFromLastMessage,
      cloudCustomData: typeof message.cloudCustomData === 'string' ? message.cloudCustomData : '',
      targetUserIDList: isGroup && options.receiver ? [options.receiver] : [],
      atUserList: isGroup && Array.isArray(message.atUserList) ? message.atUserList : [],
      revoked: false,
      revoker: '',
      revokeReason: '',
      hiddenFor,
    };
    if (options.onlineUserOnly) {
      for (const userID of recipients) {
        if (hiddenFor.includes(userID)) continue;
        ctx.onlinePushes.push({
          userID,
          message: { ...messageView(record, userID, undefined), isOnlineOnly: true },
        });
      }
      return {
        message: { ...messageView(record, sender, undefined), isOnlineOnly: true },
        conversation: null,
      };
    }
    const thread = this.#threads.get(threadID) ?? {
      threadID,
      type,
      groupID: record.groupID,
      lastSeq: 0,
    };
    const stored = { ...record, seq: thread.lastSeq + 1 };
    this.#threads.set(threadID, { ...thread, lastSeq: stored.seq });
    this.#messages.set(stored.msgID, stored);
    this.#deliverStored(ctx, stored, sender, conversationIDFor(sender));
    for (const userID of recipients) {
      if (!hiddenFor.includes(userID)) this.#deliverStored(ctx, stored, userID, conversationIDFor(userID));
    }
    const state = this.#record(sender, conversationIDFor(sender));
    return { message: messageView(stored, sender, state), conversation: state ? this.#view(state) : null };
  }

  /** Puts a stored message into one participant's conversation state and queues its push. */
  #deliverStored(
    ctx: HandlerContext,
    message: HubMessageRecord,
    userID: string,
    conversationID: string,
  ): void {
    const parsed = parseConversationID(conversationID) as NonNullable<ReturnType<typeof parseConversationID>>;
    const record =
      this.#record(userID, conversationID) ?? emptyConversationRecord(userID, parsed.type, parsed.peerID);
    const user = this.#users.get(userID) as HubUserRecord;
    const next: HubConversationRecord = { ...record, deleted: false };
    if (!message.excludedFromLast) next.orderKey = this.#nextOrderKey(userID);
    if ((next.marks & HIDE) !== 0 && !user.keepHidden) next.marks &= ~HIDE;
    if (countsAsUnread(message, userID) && message.seq > next.readSeq) next.unreadCount += 1;
    const at = atInfoFor(message, userID);
    if (at) next.groupAtInfoList = [...next.groupAtInfoList, at];
    this.#put(ctx, next);
    ctx.messagePushes.push({ userID, kind: 'message', msgID: message.msgID, conversationID });
  }

  #sendToUsers(
    ctx: HandlerContext,
    args: HubMethods['sendToUsers']['args'],
  ): HubMethods['sendToUsers']['result'] {
    this.#validateOutgoing(args.message, 'sendMessageToUsers');
    const results = args.userIDList.map((userID, index) => {
      try {
        const sent = this.#send(
          ctx,
          { ...args.message, msgID: args.msgIDs[index] ?? args.message.msgID },
          {
            receiver: userID,
            groupID: '',
            priority: 'normal',
            onlineUserOnly: false,
            offlinePushInfo: null,
            isExcludedFromUnreadCount: false,
            isExcludedFromLastMessage: false,
          },
        );
        return { userID, message: sent.message, error: null };
      } catch (error) {
        return { userID, message: null, error: toWireError(error) };
      }
    });
    return { results, conversations: this.#changedViews(ctx, ctx.userID) };
  }

  // ── Media ────────────────────────────────────────────────────────────────────────────────────────

  #uploadBegin(ctx: HandlerContext, args: HubMethods['uploadBegin']['args']): null {
    const limit = args.kind === 'image' ? this.limits.maxImageBytes : this.limits.maxFileBytes;
    if (args.size > limit) {
      throw new ChatError(
        ChatErrorCode.MessageTooLarge,
        `The ${args.kind} is ${args.size} bytes; the limit is ${limit}.`,
        {
          size: args.size,
          limit,
        },
      );
    }
    this.#uploads.set(args.uuid, {
      owner: ctx.userID,
      size: args.size,
      type: args.type,
      chunks: [],
      received: 0,
    });
    return null;
  }

  #uploadChunk(ctx: HandlerContext, args: HubMethods['uploadChunk']['args']): { received: number } {
    const upload = this.#uploads.get(args.uuid);
    if (!upload || upload.owner !== ctx.userID) {
      throw new ChatError(ChatErrorCode.InvalidState, `No upload ${args.uuid} is in progress.`, {
        uuid: args.uuid,
      });
    }
    if (args.offset !== upload.received || upload.received + args.data.byteLength > upload.size) {
      throw new ChatError(ChatErrorCode.InvalidState, `Upload ${args.uuid} got a chunk out of order.`, {
        uuid: args.uuid,
      });
    }
    upload.chunks.push(args.data);
    upload.received += args.data.byteLength;
    return { received: upload.received };
  }

  #uploadFinish(ctx: HandlerContext, args: HubMethods['uploadFinish']['args']): null {
    const upload = this.#uploads.get(args.uuid);
    if (!upload || upload.owner !== ctx.userID || upload.received !== upload.size) {
      throw new ChatError(ChatErrorCode.InvalidState, `Upload ${args.uuid} is incomplete.`, {
        uuid: args.uuid,
      });
    }
    const data = new Uint8Array(upload.size);
    let offset = 0;
    for (const chunk of upload.chunks) {
      data.set(new Uint8Array(chunk), offset);
      offset += chunk.byteLength;
    }
    this.#uploads.delete(args.uuid);
    this.#blobs.set(args.uuid, { data: data.buffer, type: upload.type });
    this.#media.set(args.uuid, { uuid: args.uuid, size: upload.size, type: upload.type, owner: ctx.userID });
    if (this.#store.persistent)
      this.#store.putBlob({ uuid: args.uuid, data: data.buffer, type: upload.type });
    return null;
  }

  async #download(args: HubMethods['download']['args']): Promise<HubMethods['download']['result']> {
    const meta = this.#media.get(args.uuid);
    const held = this.#blobs.get(args.uuid) ?? (meta ? await this.#store.readBlob(args.uuid) : undefined);
    if (!meta || !held) {
      throw new ChatError(ChatErrorCode.MessageNotFound, `downloadElem: no media ${args.uuid} on the hub.`, {
        uuid: args.uuid,
      });
    }
    return { data: held.data, type: held.type };
  }

  // ── Changing messages ────────────────────────────────────────────────────────────────────────────

  #participants(message: HubMessageRecord): string[] {
    if (message.type === 'c2c') return [...new Set([message.sender, message.receiver])];
    return (this.#groups.get(message.groupID)?.members ?? []).map((member) => member.userID);
  }

  #conversationIDFor(message: HubMessageRecord, userID: string): string {
    if (message.type === 'group') return groupConversationID(message.groupID);
    return c2cConversationID(message.sender === userID ? message.receiver : message.sender);
  }

  #revoke(ctx: HandlerContext, args: HubMethods['revoke']['args']): HubMethods['revoke']['result'] {
    const message = this.#messages.get(args.msgID);
    if (!message || !isVisibleTo(message, ctx.userID)) {
      throw new ChatError(ChatErrorCode.MessageNotFound, `revokeMessage: no message ${args.msgID}.`, {
        msgID: args.msgID,
      });
    }
    if (message.revoked) {
      throw new ChatError(
        ChatErrorCode.InvalidState,
        `revokeMessage: message ${args.msgID} is already revoked.`,
        {
          msgID: args.msgID,
        },
      );
    }
    if (message.sender !== ctx.userID) {
      const role = this.#groups
        .get(message.groupID)
        ?.members.find((member) => member.userID === ctx.userID)?.role;
      if (message.type !== 'group' || (role !== 'owner' && role !== 'admin')) {
        throw new ChatError(
          ChatErrorCode.PermissionDenied,
          `revokeMessage: ${ctx.userID} may not revoke a message ${message.sender} sent.`,
          { msgID: args.msgID },
        );
      }
    }
    const age = this.now() - message.timestamp;
    if (age > this.limits.revokeWindowMs) {
      throw new ChatError(
        ChatErrorCode.RevokeWindowPassed,
        `revokeMessage: the message is ${Math.round(age / 1000)} s old; the limit is ${this.limits.revokeWindowMs / 1000} s.`,
        { msgID: args.msgID, ageMs: age, limitMs: this.limits.revokeWindowMs },
      );
    }
    const revoked: HubMessageRecord = {
      ...message,
      revoked: true,
      revoker: ctx.userID,
      revokeReason: args.reason,
    };
    this.#messages.set(revoked.msgID, revoked);
    for (const userID of this.#participants(message)) {
      if (!isVisibleTo(message, userID)) continue;
      const conversationID = this.#conversationIDFor(message, userID);
      const record = this.#record(userID, conversationID);
      if (!record || message.seq <= record.clearedSeq) continue;
      const wasUnread = countsAsUnread(message, userID) && message.seq > record.readSeq;
      this.#put(ctx, {
        ...record,
        unreadCount: record.unreadCount - (wasUnread ? 1 : 0),
        groupAtInfoList: record.groupAtInfoList.filter((info) => info.seq !== message.seq),
      });
      ctx.messagePushes.push({ userID, kind: 'revoked', msgID: message.msgID, conversationID });
    }
    const state = this.#record(ctx.userID, this.#conversationIDFor(message, ctx.userID));
    return {
      message: messageView(revoked, ctx.userID, state),
      conversation: state ? this.#view(state) : null,
    };
  }

  #checkRate(userID: string, method: string, calls: Map<string, number[]>, max: number): void {
    if (!this.#options.rateLimits) return;
    const now = this.now();
    const recent = (calls.get(userID) ?? []).filter((time) => now - time < 1000);
    if (recent.length >= max) {
      throw new ChatError(
        ChatErrorCode.RateLimited,
        `${method}: at most ${max} call${max === 1 ? '' : 's'} a second.`,
        {
          method,
          limitPerSecond: max,
        },
      );
    }
  }

  #recordCall(userID: string, calls: Map<string, number[]>): void {
    const now = this.now();
    calls.set(userID, [...(calls.get(userID) ?? []).filter((time) => now - time < 1000), now]);
  }

  readonly #deleteCallTimes = new Map<string, number[]>();

  #deleteFromServer(ctx: HandlerContext, msgIDList: string[]): HubMethods['deleteFromServer']['result'] {
    this.#checkRate(ctx.userID, 'deleteMessagesFromServer', this.#deleteCallTimes, 1);
    const messages = msgIDList.map((msgID) => {
      const message = this.#messages.get(msgID);
      if (!message || !isVisibleTo(message, ctx.userID)) {
        throw new ChatError(ChatErrorCode.MessageNotFound, `deleteMessagesFromServer: no message ${msgID}.`, {
          msgID,
        });
      }
      return message;
    });
    for (const message of messages) {
      const current = this.#messages.get(message.msgID) as HubMessageRecord;
      if (current.hiddenFor.includes(ctx.userID)) continue;
      this.#messages.set(current.msgID, { ...current, hiddenFor: [...current.hiddenFor, ctx.userID] });
      const record = this.#record(ctx.userID, this.#conversationIDFor(current, ctx.userID));
      if (!record) continue;
      const wasUnread = countsAsUnread(current, ctx.userID) && current.seq > record.readSeq;
      this.#put(ctx, {
        ...record,
        unreadCount: record.unreadCount - (wasUnread ? 1 : 0),
        groupAtInfoList: record.groupAtInfoList.filter((info) => info.seq !== current.seq),
      });
    }
    this.#recordCall(ctx.userID, this.#deleteCallTimes);
    return { conversations: this.#changedViews(ctx, ctx.userID) };
  }

  #clearHistory(ctx: HandlerContext, conversationID: string): HubMethods['clearHistory']['result'] {
    const record = this.#record(ctx.userID, conversationID);
    if (!record || (record.deleted && record.orderKey === 0))
      throw notFound('clearHistoryMessage', conversationID);
    const lastSeq = this.#threads.get(this.#threadIDOfRecord(record))?.lastSeq ?? 0;
    this.#put(ctx, {
      ...record,
      clearedSeq: lastSeq,
      clearedTime: this.now(),
      readSeq: Math.max(record.readSeq, lastSeq),
      unreadCount: 0,
      groupAtInfoList: [],
    });
    return { conversations: this.#changedViews(ctx, ctx.userID) };
  }

  // ── Reading messages ─────────────────────────────────────────────────────────────────────────────

  #history(ctx: HandlerContext, query: WireHistoryQuery): HubMethods['history']['result'] {
    const record = this.#requireConversation(ctx.userID, query.conversationID, 'getHistoryMessageList');
    const list = this.#threadMessages.get(this.#threadIDOfRecord(record)) ?? [];
    const older = query.direction === 'older';
    // Every bound is monotonic along the thread (seq and time grow together), so the start is a binary search.
    const beforeEnd = (message: HubMessageRecord) =>
      (!query.cursor || compareMessages(message, query.cursor) < 0) &&
      (query.seqBound === null || message.seq <= query.seqBound) &&
      (query.timeTo === null || message.timestamp <= query.timeTo);
    const afterStart = (message: HubMessageRecord) =>
      message.seq > record.clearedSeq &&
      (!query.cursor || compareMessages(message, query.cursor) > 0) &&
      (query.seqBound === null || message.seq >= query.seqBound) &&
      (query.timeFrom === null || message.timestamp >= query.timeFrom);
    const out: Message[] = [];
    let hasMore = false;
    if (older) {
      let index = partitionPoint(list, beforeEnd) - 1;
      for (; index >= 0; index--) {
        const message = list[index] as HubMessageRecord;
        if (message.seq <= record.clearedSeq) break;
        if (query.timeFrom !== null && message.timestamp < query.timeFrom) break;
        if (!isVisibleTo(message, ctx.userID)) continue;
        if (out.length === query.count) {
          hasMore = true;
          break;
        }
        out.push(messageView(message, ctx.userID, record));
      }
      out.reverse();
    } else {
      let index = partitionPoint(list, (message) => !afterStart(message));
      for (; index < list.length; index++) {
        const message = list[index] as HubMessageRecord;
        if (!beforeEnd(message)) break;
        if (!isVisibleTo(message, ctx.userID)) continue;
        if (out.length === query.count) {
          hasMore = true;
          break;
        }
        out.push(messageView(message, ctx.userID, record));
      }
    }
    return { messages: out, hasMore };
  }

  #findByLocator(ctx: HandlerContext, args: HubMethods['findByLocator']['args']): Message | null {
    const record = this.#requireConversation(ctx.userID, args.conversationID, 'findMessageByLocator');
    const list = this.#threadMessages.get(this.#threadIDOfRecord(record)) ?? [];
    const found = list.find((message) =>
      args.seq !== null
        ? message.seq === args.seq
        : message.timestamp === args.time &&
          message.random === args.random &&
          (message.sender === ctx.userID) === args.isSelf,
    );
    if (!found || found.seq <= record.clearedSeq || !isVisibleTo(found, ctx.userID)) return null;
    return messageView(found, ctx.userID, record);
  }

  // ── Receive options ──────────────────────────────────────────────────────────────────────────────

  #setC2CReceiveMessageOpt(
    ctx: HandlerContext,
    args: HubMethods['setC2CReceiveMessageOpt']['args'],
  ): HubMethods['setC2CReceiveMessageOpt']['result'] {
    this.#checkRate(ctx.userID, 'setC2CReceiveMessageOpt', this.#recvOptCalls, 5);
    const records = args.userIDList.map((userID) =>
      this.#requireConversation(ctx.userID, c2cConversationID(userID), 'setC2CReceiveMessageOpt'),
    );
    for (const record of records) {
      const current = this.#record(ctx.userID, record.conversationID) ?? record;
      if (current.recvOpt !== args.opt) this.#put(ctx, { ...current, recvOpt: args.opt });
    }
    this.#recordCall(ctx.userID, this.#recvOptCalls);
    return { conversations: this.#changedViews(ctx, ctx.userID) };
  }

  #setGroupReceiveMessageOpt(
    ctx: HandlerContext,
    args: HubMethods['setGroupReceiveMessageOpt']['args'],
  ): HubMethods['setGroupReceiveMessageOpt']['result'] {
    this.#requireMembership(ctx.userID, args.groupID, 'setGroupReceiveMessageOpt');
    const record = this.#requireConversation(
      ctx.userID,
      groupConversationID(args.groupID),
      'setGroupReceiveMessageOpt',
    );
    if (record.recvOpt !== args.opt) this.#put(ctx, { ...record, recvOpt: args.opt });
    return { conversations: this.#changedViews(ctx, ctx.userID) };
  }

  // ── Groups ───────────────────────────────────────────────────────────────────────────────────────

  #createGroup(
    ctx: HandlerContext,
    args: { groupID: string; name: string; faceUrl: string; ownerID: string; memberUserIDList: string[] },
  ): GroupProfile {
    const groupID =
      args.groupID || `group-${this.now().toString(36)}${createUuid(this.#options.random).slice(0, 8)}`;
    if (this.#groups.has(groupID)) {
      throw new ChatError(ChatErrorCode.AlreadyExists, `createGroup: a group with ID ${groupID} exists.`, {
        groupID,
      });
    }
    const memberIDs = [...new Set([args.ownerID, ...args.memberUserIDList])];
    for (const userID of memberIDs) {
      if (!this.#users.has(userID)) {
        throw new ChatError(ChatErrorCode.ConversationNotFound, `createGroup: there is no user ${userID}.`, {
          userID,
        });
      }
    }
    const now = this.now();
    const members: GroupMember[] = memberIDs.map((userID) => {
      const user = this.#users.get(userID) as HubUserRecord;
      return {
        userID,
        nick: user.nick,
        faceUrl: user.faceUrl,
        role: userID === args.ownerID ? 'owner' : 'member',
        joinTime: now,
      };
    });
    const group: HubGroupRecord = {
      groupID,
      name: args.name,
      faceUrl: args.faceUrl,
      ownerID: args.ownerID,
      createTime: now,
      members,
    };
    this.#groups.set(groupID, group);
    const threadID = threadIDOf('group', groupID, '');
    this.#threads.set(threadID, { threadID, type: 'group', groupID, lastSeq: 1 });
    const owner = this.#users.get(args.ownerID) as HubUserRecord;
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
      random: randomUint32(this.#options.random),
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
    this.#messages.set(tip.msgID, tip);
    for (const userID of memberIDs) this.#deliverStored(ctx, tip, userID, groupConversationID(groupID));
    return groupProfileOf(group);
  }

  // ── Seeding ──────────────────────────────────────────────────────────────────────────────────────

  #seed(ctx: HandlerContext, seed: HubSeed): null {
    for (const profile of seed.users ?? []) this.#ensureUser(profile.userID, profile);
    for (const media of seed.media ?? []) {
      this.#blobs.set(media.uuid, { data: media.data, type: media.type });
      this.#media.set(media.uuid, {
        uuid: media.uuid,
        size: media.data.byteLength,
        type: media.type,
        owner: '',
      });
      if (this.#store.persistent)
        this.#store.putBlob({ uuid: media.uuid, data: media.data, type: media.type });
    }
    for (const group of seed.groups ?? []) {
      const memberIDs = [...new Set([group.ownerID, ...group.memberUserIDList])];
      for (const userID of memberIDs) this.#ensureUser(userID);
      const createTime = group.createTime ?? this.now();
      this.#groups.set(group.groupID, {
        groupID: group.groupID,
        name: group.name,
        faceUrl: group.faceUrl ?? '',
        ownerID: group.ownerID,
        createTime,
        members: memberIDs.map((userID) => {
          const user = this.#users.get(userID) as HubUserRecord;
          return {
            userID,
            nick: user.nick,
            faceUrl: user.faceUrl,
            role: userID === group.ownerID ? 'owner' : 'member',
            joinTime: createTime,
          };
        }),
      });
    }
    const now = this.now();
    const messages = (seed.messages ?? [])
      .map((message, index) => ({ message, index, timestamp: Math.min(message.timestamp ?? now, now) }))
      .sort((a, b) => a.timestamp - b.timestamp || a.index - b.index);
    const seedBase = now.toString(36);
    for (const { message, index, timestamp } of messages) {
      const isGroup = Boolean(message.groupID);
      const groupID = message.groupID ?? '';
      const receiver = message.receiver ?? '';
      for (const elem of message.elemList) assertElem('seed', elem);
      const sender = this.#ensureUser(message.sender);
      let recipients: string[];
      if (isGroup) {
        const group = this.#groups.get(groupID);
        if (!group) throw notFound('seed', groupConversationID(groupID));
        recipients = group.members.map((member) => member.userID).filter((id) => id !== message.sender);
      } else {
        if (!receiver) throw invalidParameter('seed', `messages[${index}].receiver`, 'a userID or a groupID');
        this.#ensureUser(receiver);
        recipients = receiver === message.sender ? [] : [receiver];
      }
      const threadID = isGroup
        ? threadIDOf('group', groupID, '')
        : threadIDOf('c2c', message.sender, receiver);
      const thread = this.#threads.get(threadID) ?? {
        threadID,
        type: isGroup ? ('group' as const) : ('c2c' as const),
        groupID,
        lastSeq: 0,
      };
      const previous = this.#threadMessages.get(threadID);
      const last = previous?.[previous.length - 1];
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
        random: randomUint32(this.#options.random),
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
      this.#threads.set(threadID, { ...thread, lastSeq: record.seq });
      this.#messages.set(record.msgID, record);
      for (const userID of [message.sender, ...recipients]) {
        const conversationID = isGroup
          ? groupConversationID(groupID)
          : c2cConversationID(userID === message.sender ? receiver : message.sender);
        const peerID = isGroup ? groupID : userID === message.sender ? receiver : message.sender;
        const state =
          this.#record(userID, conversationID) ??
          emptyConversationRecord(userID, isGroup ? 'group' : 'c2c', peerID);
        const next: HubConversationRecord = { ...state, deleted: false };
        if (!record.excludedFromLast) next.orderKey = this.#nextOrderKey(userID);
        if (userID !== message.sender && message.read) {
          next.readSeq = record.seq;
          next.unreadCount = 0;
        } else if (countsAsUnread(record, userID) && record.seq > next.readSeq) {
          next.unreadCount += 1;
        }
        this.#put(ctx, next);
      }
    }
    return null;
  }
}

/** A shared empty list for records (records are never changed in place, so sharing is safe). */
const NONE: string[] = [];

function profileOf(user: HubUserRecord): UserProfile {
  return { userID: user.userID, nick: user.nick, faceUrl: user.faceUrl };
}

function notFound(method: string, conversationID: string): ChatError {
  return new ChatError(
    ChatErrorCode.ConversationNotFound,
    `${method}: there is no conversation ${conversationID}.`,
    {
      method,
      conversationID,
    },
  );
}

function safePush(connection: Connection, push: HubPush): void {
  try {
    connection.push(push);
  } catch (error) {
    console.error('Tidings hub: delivering a push failed', error);
  }
}

/** Index of the first message with seq >= `seq`. */
function lowerBoundSeq(list: readonly HubMessageRecord[], seq: number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((list[mid] as HubMessageRecord).seq < seq) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Index of the first element for which `pred` is false, given it is true then false along the list. */
function partitionPoint<T>(list: readonly T[], pred: (item: T) => boolean): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (pred(list[mid] as T)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
