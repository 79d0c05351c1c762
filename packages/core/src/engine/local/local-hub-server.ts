import { ChatError, ChatErrorCode } from '../../model/chat-error';
import { c2cConversationID } from '../engine-validation';
import {
  changeGroupMembers,
  createConversationGroup,
  deleteConversationGroup,
  renameConversationGroup,
} from './local-hub-conversation-groups';
import {
  deleteConversation,
  getConversation,
  markConversation,
  pinConversation,
  setCustomData,
  setDraft,
} from './local-hub-conversations';
import {
  addUsers,
  createGroup,
  createOwnGroup,
  getC2CReceiveMessageOpt,
  getGroupMemberList,
  getGroupsInfo,
  getJoinedGroupList,
  getUsersProfile,
  setC2CReceiveMessageOpt,
  setGroupReceiveMessageOpt,
} from './local-hub-directory';
import { download, uploadAbort, uploadBegin, uploadChunk, uploadFinish } from './local-hub-media';
import { clearHistory, deleteFromServer, findByLocator, history, revoke } from './local-hub-messages';
import { messageView } from './local-hub-records';
import { seed } from './local-hub-seed';
import { send, sendToUsers } from './local-hub-sending';
import { type HandlerContext, type HubConnection, type HubServerOptions, HubState } from './local-hub-state';
import { hello, sync } from './local-hub-sync';
import { cleanUnread } from './local-hub-unread';
import type { HubMethod, HubMethods, HubPush } from './local-protocol';
import { toWireError } from './local-protocol';

export type { HubServerOptions } from './local-hub-state';

/** A request handler: runs synchronously on the hub's state, recording what to push in `ctx`. */
type Handler<M extends HubMethod> = (
  hub: HubState,
  ctx: HandlerContext,
  args: HubMethods[M]['args'],
) => HubMethods[M]['result'];

/**
 * Every request but `download` (asynchronous: it may read storage) and `admin.flush`, each handled in the
 * `local-hub-*` file of its concern.
 */
const HANDLERS: { [M in HubMethod]?: Handler<M> } = {
  hello,
  sync,
  getConversation: (hub, ctx, args) => getConversation(hub, ctx, args.conversationID),
  deleteConversation,
  pinConversation,
  setDraft,
  markConversation,
  setCustomData,
  createConversationGroup,
  renameConversationGroup,
  deleteConversationGroup,
  addConversationsToGroup: (hub, ctx, args) =>
    changeGroupMembers(hub, ctx, args.groupName, args.conversationIDList, true),
  deleteConversationsFromGroup: (hub, ctx, args) =>
    changeGroupMembers(hub, ctx, args.groupName, args.conversationIDList, false),
  cleanUnread,
  send: (hub, ctx, args) => send(hub, ctx, args.message, args.options),
  sendToUsers,
  uploadBegin,
  uploadChunk,
  uploadFinish,
  uploadAbort,
  revoke,
  deleteFromServer: (hub, ctx, args) => deleteFromServer(hub, ctx, args.msgIDList),
  clearHistory: (hub, ctx, args) => clearHistory(hub, ctx, args.conversationID),
  history,
  findByLocator,
  setC2CReceiveMessageOpt,
  getC2CReceiveMessageOpt,
  setGroupReceiveMessageOpt,
  getUsersProfile,
  getGroupsInfo,
  getJoinedGroupList,
  getGroupMemberList,
  createGroup: createOwnGroup,
  'admin.addUsers': addUsers,
  'admin.createGroup': createGroup,
  'admin.seed': (hub, ctx, args) => seed(hub, ctx, args.seed),
  'admin.serverTime': (hub) => hub.now(),
};

/**
 * The embedded chat server: users, groups, threads with their seq counters, roaming history, and each
 * user's server-side conversation state. Engines reach it only through {@link HubServer.handle} and the
 * pushes it sends, so it can run in this tab or serve other tabs. Its state is a {@link HubState}; each
 * request is handled in the `local-hub-*` file of its concern (see `HANDLERS`).
 */
export class HubServer {
  readonly #hub: HubState;
  #closed = false;

  private constructor(options: HubServerOptions) {
    this.#hub = new HubState(options);
  }

  /** Opens a hub server, loading what `storage` holds. */
  static async open(options: HubServerOptions): Promise<HubServer> {
    const server = new HubServer(options);
    const meta = await server.#hub.store.load();
    server.#hub.clock = typeof meta.clock === 'number' ? meta.clock : 0;
    return server;
  }

  /** Server time: milliseconds, never going backwards. */
  now(): number {
    return this.#hub.now();
  }

  /** Registers a connection; pushes for it go to `push`. */
  openConnection(connID: string, push: (push: HubPush) => void, userID?: string): void {
    const hub = this.#hub;
    const existing = hub.connections.get(connID);
    // A known user is signed in at once, so requests retried after a hand-over do not wait for hello.
    const known = userID !== undefined && hub.users.has(userID) ? userID : null;
    hub.connections.set(connID, { userID: existing?.userID ?? known, push });
    hub.updateListening();
  }

  closeConnection(connID: string): void {
    this.#hub.connections.delete(connID);
    this.#hub.updateListening();
  }

  /** Waits until every write so far is durable. */
  flush(): Promise<void> {
    return this.#hub.store.idle();
  }

  close(): void {
    this.#closed = true;
    this.#hub.connections.clear();
    this.#hub.store.close();
  }

  /**
   * Handles one request: runs its handler, undoes its writes when it throws, waits until they are durable,
   * then pushes what changed. Rejects only with a ChatError (as thrown by the handler).
   */
  async handle<M extends HubMethod>(
    connID: string | null,
    method: M,
    args: HubMethods[M]['args'],
  ): Promise<HubMethods[M]['result']> {
    const hub = this.#hub;
    if (this.#closed) throw new ChatError(ChatErrorCode.NetworkError, 'The hub is closed.');
    if (method === 'admin.flush') {
      await this.flush();
      return null as HubMethods[M]['result'];
    }
    if (method === 'download') return (await download(hub, args as HubMethods['download']['args'])) as never;
    const handler = HANDLERS[method] as Handler<M> | undefined;
    if (!handler) throw new ChatError(ChatErrorCode.NotSupported, `The hub has no method ${method}.`);
    const connection = connID === null ? undefined : hub.connections.get(connID);
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
    const mark = hub.journal.length;
    let result: HubMethods[M]['result'];
    try {
      result = handler(hub, ctx, args);
    } catch (error) {
      hub.journal.rollbackTo(mark);
      throw error instanceof ChatError
        ? error
        : new ChatError(ChatErrorCode.InvalidParameter, toWireError(error).message);
    }
    if (hub.journal.length > mark) {
      hub.store.setMeta('clock', hub.clock);
      await hub.store.commit();
    }
    deliver(hub, ctx);
    return result;
  }
}

/** Pushes what a request did to every other open connection of the users it concerns. */
function deliver(hub: HubState, ctx: HandlerContext): void {
  // Only users with an open connection (other than the caller's) get pushes; nothing is built for others.
  const listening = new Map<string, HubConnection[]>();
  for (const [id, connection] of hub.connections) {
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
    const record = hub.messages.get(item.msgID);
    const state = hub.record(item.userID, item.conversationID);
    if (!record) continue;
    cover(item.userID, item.conversationID);
    const conversation = state ? hub.view(state) : null;
    send(item.userID, { type: item.kind, message: messageView(record, item.userID, state), conversation });
  }
  for (const item of ctx.receiptPushes) {
    if (!listening.has(item.userID)) continue;
    const conversationID = c2cConversationID(item.reader);
    const state = hub.record(item.userID, conversationID);
    if (!state) continue;
    cover(item.userID, conversationID);
    const receipt = { userID: item.reader, conversationID, timestamp: item.timestamp };
    send(item.userID, { type: 'receipt', receipt, conversation: hub.view(state) });
  }
  for (const item of ctx.onlinePushes) send(item.userID, { type: 'onlineMessage', message: item.message });
  for (const [userID, change] of ctx.groupChanges) {
    if (!listening.has(userID)) continue;
    const conversations = hub.changedViews(ctx, userID);
    for (const view of conversations) cover(userID, view.conversationID);
    send(userID, { type: 'groups', groups: hub.groupsOf(userID, change), conversations });
  }
  for (const [userID, ids] of ctx.changed) {
    if (!listening.has(userID)) continue;
    const done = covered.get(userID);
    const conversations = hub.viewsOf(
      userID,
      [...ids].filter((id) => !done?.has(id)),
    );
    if (conversations.length > 0) send(userID, { type: 'conversations', conversations });
  }
}

function safePush(connection: HubConnection, push: HubPush): void {
  try {
    connection.push(push);
  } catch (error) {
    console.error('Tidings hub: delivering a push failed', error);
  }
}
