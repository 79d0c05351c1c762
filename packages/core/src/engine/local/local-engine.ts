import type { AdvancedMsgListener, ConnectionState, ConversationListener } from '../../model/types';
import type { ChatEngine, SDKListener } from '../chat-engine';
import { ChatEngineFacade, type ChatEngineParts } from '../engine-facade';
import { ConversationCache } from './local-engine-conversation-cache';
import { LocalEngineConversations } from './local-engine-conversations';
import { LocalEngineCreate } from './local-engine-create';
import { LocalEngineDirectory } from './local-engine-directory';
import { LocalEngineHistory } from './local-engine-history';
import { LocalEngineMedia } from './local-engine-media';
import { LocalEngineMessageChanges } from './local-engine-message-changes';
import { Batch, ConversationMirror } from './local-engine-mirror';
import { LocalEngineSending } from './local-engine-sending';
import { LocalEngineSession } from './local-engine-session';
import { EngineMessageStore } from './local-engine-store';
import { LocalEngineSync } from './local-engine-sync';
import { LocalEngineUnread } from './local-engine-unread';
import type { ChannelLike } from './local-hub-broadcast';
import { type NetworkConditions, type NetworkLink, validateConditions } from './local-hub-transport';
import type { LocalStorageAdapter } from './local-persistence';

/**
 * The local engine: a {@link ChatEngine} signed in to a {@link LocalHub}. Its calls are served by parts
 * (see `ChatEngineFacade`), each concern in a `local-engine-*` file:
 *
 * | file | concern |
 * | --- | --- |
 * | `local-engine-session` | who is signed in, the hub link, listeners, how calls are guarded and sent |
 * | `local-engine-mirror` | the copy of the user's conversations: order, unread totals, change events |
 * | `local-engine-mirror-equality` | when a rebuilt conversation is the same, and what it adds to unread |
 * | `local-engine-sync` | connecting, syncing with backoff, applying the hub's pushes |
 * | `local-engine-conversations` | the conversation list, conversation changes, conversation groups |
 * | `local-engine-unread` | unread totals, filters, and cleaning them |
 * | `local-engine-create` | `create*Message` and `appendElem` |
 * | `local-engine-sending` | sending, resending, cancelling, sending to many users |
 * | `local-engine-media` | media bytes held on this device and their chunked upload |
 * | `local-engine-message-changes` | revoking, deleting, clearing, local data, imported and inserted messages |
 * | `local-engine-history` | history pages, lookups, search, downloads |
 * | `local-engine-directory` | receive options, user profiles, groups |
 * | `local-engine-store` | the local message store (IndexedDB when persistent), shared live with sibling tabs |
 * | `local-engine-conversation-cache` | the persisted copy of the mirror a cold start answers from |
 * | `local-engine-validation` | the local engine's own argument checks (filters, conversation ID lists) |
 */

/** Options of `LocalHub.connect`. */
export interface LocalEngineOptions {
  /**
   * Keep a hidden conversation hidden when a new message arrives (by default it comes back, as SPEC says).
   * @default false
   */
  keepHiddenOnNewMessage?: boolean;
  /**
   * Tells devices of one user apart: each device keeps its own local store. Two tabs signed in as the same
   * user with the same deviceID share one local database: neither loses what the other wrote, and each
   * sees the other's local changes (custom data, local deletes, inserted messages) live.
   * @default 'default'
   */
  deviceID?: string;
  /**
   * Keep the local store (message cache, local messages, deletions, failed sends) and a copy of the
   * conversation list in IndexedDB, so a reload shows the inbox and cached history at once, offline too.
   * @default the hub's `persist`
   */
  persist?: boolean;
  /** Storage for the local store, instead of IndexedDB (tests inject failing ones). */
  storage?: LocalStorageAdapter;
  /** This engine's own network conditions. */
  network?: NetworkConditions;
  /** First delay before retrying a failed sync; it doubles up to 5 s. @default 250 */
  syncRetryDelayMs?: number;
  /** How many conversation page cursors stay valid at once. @default 16 */
  maxPageSessions?: number;
}

/**
 * A signed-in user's engine on a {@link LocalHub}: the full {@link ChatEngine} with its own local store,
 * plus a switch for its simulated network.
 */
export interface LocalEngine extends ChatEngine {
  /** The device this engine is (see {@link LocalEngineOptions.deviceID}). */
  readonly deviceID: string;
  /** Changes this engine's network conditions (they win over the hub's). */
  setNetworkConditions(conditions: NetworkConditions): void;
  /** Resolves when every local write so far is durable. */
  flush(): Promise<void>;
}

/** What the hub facade hands an engine it opens. */
export interface EngineContext {
  link: NetworkLink;
  storage: LocalStorageAdapter | null;
  /** Connects the local store with other engines on the same database (other tabs of this user and device). */
  channel: ChannelLike | null;
  random: () => number;
  options: LocalEngineOptions;
  /** Called once when the engine logs out. */
  onLogout?: () => void;
}

/**
 * How many conversations the cache keeps at the top of the list, for a cold start to answer from: the
 * first page of any list, with room for hidden ones.
 */
const COLD_START_ROWS = 200;

/**
 * Opens an engine on a link: loads its local store, signs in and syncs (when online). An engine whose
 * conversation cache holds an inbox answers from it at once (offline too) and syncs behind it.
 */
export async function openLocalEngine(context: EngineContext): Promise<LocalEngine> {
  const cache = ConversationCache.on(context.storage);
  const [store, top] = await Promise.all([
    EngineMessageStore.open(context.storage, context.channel),
    cache ? cache.readTop() : null,
  ]);
  const session = new LocalEngineSession(context, store);
  session.conversationCache = cache;
  const mirror = new ConversationMirror(session);
  if (cache) cache.top = () => mirror.top(COLD_START_ROWS);
  const media = new LocalEngineMedia(session);
  const sending = new LocalEngineSending(session, mirror, media);
  const engine = new LocalChatEngine(session, new LocalEngineSync(session, mirror), sending, {
    conversations: new LocalEngineConversations(session, mirror),
    unread: new LocalEngineUnread(session, mirror),
    create: new LocalEngineCreate(session, media),
    sending,
    changes: new LocalEngineMessageChanges(session, mirror),
    reading: new LocalEngineHistory(session, mirror, media),
    directory: new LocalEngineDirectory(session, mirror),
  });
  store.onRollback = () => mirror.refreshAll();
  store.onSiblingChanges = (changes) => mirror.applySiblingChanges(changes);
  if (cache && top && top.states.length > 0) {
    mirror.loadCached(top.states, top.meta);
    const rest = top.complete
      ? Promise.resolve()
      : cache.readInParts((states) => {
          if (!session.loggedOut) mirror.loadCached(states, null);
        });
    session.mirrorLoading = rest.finally(() => {
      session.mirrorLoading = null;
      // Totals held back while the rest was read (see `emit`) go out now.
      mirror.emit(new Batch());
    });
    // What the user looks at comes from the cache; the sync reconciles it with the hub through events,
    // while the rest of the cache is read (records apply by revision, so either order ends the same).
    session.signingIn = engine
      .start()
      .catch(() => undefined)
      .finally(() => {
        session.signingIn = null;
      });
    return engine;
  }
  await engine.start();
  return engine;
}

/** @internal The local engine; create it with `LocalHub.connect`. */
class LocalChatEngine extends ChatEngineFacade implements LocalEngine {
  readonly userID: string;
  readonly deviceID: string;
  readonly #session: LocalEngineSession;
  readonly #sync: LocalEngineSync;
  readonly #sending: LocalEngineSending;

  constructor(
    session: LocalEngineSession,
    sync: LocalEngineSync,
    sending: LocalEngineSending,
    parts: ChatEngineParts,
  ) {
    super(parts);
    this.#session = session;
    this.#sync = sync;
    this.#sending = sending;
    this.userID = session.userID;
    this.deviceID = session.deviceID;
  }

  start(): Promise<void> {
    return this.#sync.start();
  }

  get connectionState(): ConnectionState {
    return this.#session.connectionState;
  }

  setNetworkConditions(conditions: NetworkConditions): void {
    this.#session.guard('setNetworkConditions');
    this.#session.link.setOwn(validateConditions(conditions));
  }

  async flush(): Promise<void> {
    await this.#session.store.idle();
    await this.#session.conversationCache?.idle();
  }

  getServerTime(): number {
    return this.#session.now();
  }

  addConversationListener(listener: ConversationListener): () => void {
    return this.#session.addListener(
      'addConversationListener',
      this.#session.conversationListeners,
      listener,
    );
  }

  removeConversationListener(listener: ConversationListener): void {
    this.#session.conversationListeners.delete(listener);
  }

  addAdvancedMsgListener(listener: AdvancedMsgListener): () => void {
    return this.#session.addListener('addAdvancedMsgListener', this.#session.messageListeners, listener);
  }

  removeAdvancedMsgListener(listener: AdvancedMsgListener): void {
    this.#session.messageListeners.delete(listener);
  }

  addSDKListener(listener: SDKListener): () => void {
    return this.#session.addListener('addSDKListener', this.#session.sdkListeners, listener);
  }

  removeSDKListener(listener: SDKListener): void {
    this.#session.sdkListeners.delete(listener);
  }

  async logout(): Promise<void> {
    const session = this.#session;
    if (session.loggedOut) return;
    this.#sending.cancelAll();
    session.loggedOut = true;
    this.#sync.stop();
    session.connectionState = 'disconnected';
    session.conversationListeners.clear();
    session.messageListeners.clear();
    session.sdkListeners.clear();
    session.link.close();
    session.onLogout?.();
    await session.store.idle();
    await session.conversationCache?.idle();
    session.conversationCache?.close();
    session.store.close();
  }
}
