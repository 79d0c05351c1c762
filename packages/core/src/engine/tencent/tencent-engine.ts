import { ChatErrorCode } from '../../model/chat-error';
import type { AdvancedMsgListener, ConnectionState, ConversationListener } from '../../model/types';
import type { ChatEngine, SDKListener } from '../chat-engine';
import { ChatEngineFacade, type ChatEngineParts } from '../engine-facade';
import {
  assertBoolean,
  assertInteger,
  assertOptions,
  assertString,
  invalidParameter,
  isRecord,
} from '../engine-validation';
import type { TencentChatLike, TencentGroupTypeValue } from './tencent-chat-like';
import { TencentEngineConversations } from './tencent-engine-conversations';
import { TencentEngineCreate } from './tencent-engine-create';
import { TencentEngineDirectory } from './tencent-engine-directory';
import { listenToChat } from './tencent-engine-events';
import { TencentEngineList } from './tencent-engine-list';
import { TencentEngineMessages } from './tencent-engine-messages';
import { TencentEngineReading } from './tencent-engine-reading';
import { TencentEngineSession } from './tencent-engine-session';
import { TencentEngineUnread } from './tencent-engine-unread';
import { translateTencentError } from './tencent-errors';

/**
 * The Tencent engine: a {@link ChatEngine} over the Tencent Cloud Chat web SDK. Its calls are served by
 * parts (see `ChatEngineFacade`), each concern in a `tencent-engine-*` file:
 *
 * | file | concern |
 * | --- | --- |
 * | `tencent-engine-session` | the SDK instance, options, sender, listeners, logged-out state |
 * | `tencent-engine-list` | the copy of the SDK's conversation list, unread totals, group names |
 * | `tencent-engine-events` | SDK events translated into listener calls |
 * | `tencent-engine-conversations` | the conversation list, conversation changes, conversation groups |
 * | `tencent-engine-unread` | unread totals, filters, read calls |
 * | `tencent-engine-create` | `create*Message` and `appendElem` |
 * | `tencent-engine-messages` | sending, revoking, deleting, clearing history (no local store) |
 * | `tencent-engine-reading` | history, lookups, cloud search, downloads |
 * | `tencent-engine-directory` | receive options, user profiles, groups |
 */

/** Options of {@link createTencentEngine}. */
export interface TencentEngineOptions {
  /** The signed-in user's ID, as passed to `chat.login`. */
  userID: string;
  /**
   * How long after sending its sender may revoke a message, in ms; set it to the console's setting. Older
   * own messages reject with `REVOKE_WINDOW_PASSED` without a round trip.
   * @default 120000
   */
  revokeWindowMs?: number;
  /**
   * Largest message body (text, custom data, cloudCustomData…), in UTF-8 bytes (Tencent's documented 12 KB).
   * @default 12288
   */
  maxTextBytes?: number;
  /**
   * Keep a hidden conversation hidden when a message arrives; by default the engine clears its hide mark.
   * @default false
   */
  keepHiddenOnNewMessage?: boolean;
  /**
   * How many `getConversationList` paging sessions are kept; an older `nextSeq` rejects.
   * @default 16
   */
  maxPageSessions?: number;
  /**
   * Group type of `createGroup`, a `TencentCloudChat.TYPES.GRP_*` value.
   * @default 'Private' (a work group)
   */
  groupType?: TencentGroupTypeValue;
  /**
   * Set it to what the app passed to `TencentCloudChat.create({ partialUpdatedConversations })`. With it the
   * SDK's CONVERSATION_LIST_UPDATED carries only the conversations that changed (none of the deleted), so
   * the engine merges each update into its list instead of taking it as the whole list (which would report
   * every conversation left out as deleted). A conversation deleted through this engine is reported deleted
   * when the SDK confirms; one deleted on another device leaves the list at the next full sync (SDK_READY).
   * @default false
   */
  partialUpdatedConversations?: boolean;
  /**
   * What `downloadElem` fetches media URLs with.
   * @default globalThis.fetch
   */
  fetch?: (url: string) => Promise<Response>;
}

/**
 * The {@link ChatEngine} over a Tencent Cloud Chat web SDK instance. See {@link createTencentEngine}.
 */
class TencentEngine extends ChatEngineFacade {
  readonly userID: string;
  readonly #session: TencentEngineSession;

  constructor(session: TencentEngineSession, parts: ChatEngineParts) {
    super(parts);
    this.userID = session.userID;
    this.#session = session;
  }

  addConversationListener(listener: ConversationListener): () => void {
    const session = this.#session;
    if (session.loggedOut) return () => undefined;
    session.conversationListeners.add(listener);
    if (!session.chat.isReady()) {
      // The SDK syncs after login; a listener added meanwhile hears that it started.
      queueMicrotask(() => {
        if (session.conversationListeners.has(listener) && !session.chat.isReady())
          listener.onSyncServerStart?.();
      });
    }
    return () => this.removeConversationListener(listener);
  }

  removeConversationListener(listener: ConversationListener): void {
    this.#session.conversationListeners.delete(listener);
  }

  addAdvancedMsgListener(listener: AdvancedMsgListener): () => void {
    if (this.#session.loggedOut) return () => undefined;
    this.#session.messageListeners.add(listener);
    return () => this.removeAdvancedMsgListener(listener);
  }

  removeAdvancedMsgListener(listener: AdvancedMsgListener): void {
    this.#session.messageListeners.delete(listener);
  }

  getServerTime(): number {
    return this.#session.now();
  }

  get connectionState(): ConnectionState {
    return this.#session.connectionState;
  }

  addSDKListener(listener: SDKListener): () => void {
    if (this.#session.loggedOut) return () => undefined;
    this.#session.sdkListeners.add(listener);
    return () => this.removeSDKListener(listener);
  }

  removeSDKListener(listener: SDKListener): void {
    this.#session.sdkListeners.delete(listener);
  }

  async logout(): Promise<void> {
    const method = 'logout';
    this.#session.guard(method);
    try {
      await this.#session.chat.logout();
    } catch (error) {
      const translated = translateTencentError(error, method);
      // The SDK answers 2024 when it was never logged in (or already logged out): the engine stops all the same.
      if (translated.code !== ChatErrorCode.NotLoggedIn) throw translated;
    }
    this.#session.shutdown();
  }
}

/** Makes the engine's parts over one session, and starts listening to the SDK. */
function openTencentEngine(chat: TencentChatLike, options: TencentEngineOptions): ChatEngine {
  const session = new TencentEngineSession(chat, options);
  const list = new TencentEngineList(session);
  const messages = new TencentEngineMessages(session);
  const engine = new TencentEngine(session, {
    conversations: new TencentEngineConversations(session, list, options.maxPageSessions ?? 16),
    unread: new TencentEngineUnread(session, list),
    create: new TencentEngineCreate(session),
    sending: messages,
    changes: messages,
    reading: new TencentEngineReading(session),
    directory: new TencentEngineDirectory(session, list),
  });
  listenToChat(session, list);
  return engine;
}

/**
 * A {@link ChatEngine} over a Tencent Cloud Chat web SDK (`@tencentcloud/chat` 3.x) instance that the app
 * has created and logged in. The engine listens to the SDK's events from then on and translates them into
 * Tidings listener calls; `logout()` stops it. It may be created before the SDK is ready (right after
 * `login` resolves): it never calls the SDK before SDK_READY, so calls that read data wait for it and
 * sends or message look-ups made meanwhile reject with `NOT_LOGGED_IN` (`details.reason: 'sdkNotReady'`).
 *
 * What the web SDK cannot do rejects with `NOT_SUPPORTED`: `createSoundMessage`, `appendElem`,
 * `cancelSendingMessage`, `deleteMessages` (local only), `setLocalCustomData`, `importMessages`,
 * `insertMessageToLocalStorage`, a revoke reason, a partial `cleanConversationUnreadMessageCount`, and
 * group history by time. `searchLocalMessages` uses the SDK's cloud search (a paid plugin).
 *
 * @example
 * import TencentCloudChat from '@tencentcloud/chat';
 * import { createChatStore } from '@tidings/core';
 * import { createTencentEngine } from '@tidings/core/tencent';
 *
 * const chat = TencentCloudChat.create({ SDKAppID });
 * await chat.login({ userID: 'alice', userSig });
 * const engine = createTencentEngine(chat, { userID: 'alice', revokeWindowMs: 120_000 });
 * const store = createChatStore(engine);
 */
export function createTencentEngine(chat: TencentChatLike, options: TencentEngineOptions): ChatEngine {
  if (!isRecord(chat) || typeof chat.on !== 'function' || typeof chat.getConversationList !== 'function') {
    throw invalidParameter('createTencentEngine', 'chat', 'a TencentCloudChat instance');
  }
  const opts = assertOptions('createTencentEngine', options);
  assertString('createTencentEngine', 'options.userID', opts.userID, { nonEmpty: true });
  if (opts.revokeWindowMs !== undefined) {
    assertInteger(
      'createTencentEngine',
      'options.revokeWindowMs',
      opts.revokeWindowMs,
      0,
      Number.MAX_SAFE_INTEGER,
    );
  }
  if (opts.maxTextBytes !== undefined) {
    assertInteger(
      'createTencentEngine',
      'options.maxTextBytes',
      opts.maxTextBytes,
      1,
      Number.MAX_SAFE_INTEGER,
    );
  }
  if (opts.partialUpdatedConversations !== undefined) {
    assertBoolean(
      'createTencentEngine',
      'options.partialUpdatedConversations',
      opts.partialUpdatedConversations,
    );
  }
  if (opts.maxPageSessions !== undefined) {
    assertInteger('createTencentEngine', 'options.maxPageSessions', opts.maxPageSessions, 1, 1024);
  }
  return openTencentEngine(chat, options);
}
