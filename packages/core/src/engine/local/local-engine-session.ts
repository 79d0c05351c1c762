import { ChatError, ChatErrorCode } from '../../model/chat-error';
import type {
  AdvancedMsgListener,
  ConnectionState,
  ConversationListener,
  Message,
  UserProfile,
} from '../../model/types';
import type { SDKListener } from '../chat-engine';
import { invalidParameter, notLoggedIn } from '../engine-validation';
import type { EngineContext, LocalEngineOptions } from './local-engine';
import type { ConversationCache } from './local-engine-conversation-cache';
import { inboundResult } from './local-engine-inbound';
import type { EngineMessageStore } from './local-engine-store';
import type { NetworkLink } from './local-hub-transport';
import type { HubLimits, HubMethod, HubMethods } from './local-protocol';
import { fromWireError } from './local-protocol';

/** The limits an engine assumes until the hub's `hello` tells it the real ones. */
const DEFAULT_LIMITS: HubLimits = {
  maxTextBytes: 12 * 1024,
  maxFileBytes: 100 * 1024 * 1024,
  maxImageBytes: 28 * 1024 * 1024,
  uploadChunkBytes: 64 * 1024,
  revokeWindowMs: 120_000,
};

/** Calls a cold start answers from what it has read so far (the list waits itself when it must). */
const SERVED_DURING_COLD_START = new Set([
  'getConversationList',
  'getHistoryMessageList',
  'findMessages',
  'findMessageByLocator',
  'searchLocalMessages',
  'downloadElem',
  'createTextMessage',
  'createTextAtMessage',
  'createCustomMessage',
  'createImageMessage',
  'createSoundMessage',
  'createVideoMessage',
  'createFileMessage',
  'createLocationMessage',
  'createFaceMessage',
  'createMergerMessage',
  'createForwardMessage',
  'appendElem',
  // The directory is the hub's, not the mirror's: a profile or a group's members need not wait for it.
  'getUsersProfile',
  'getGroupsInfo',
  'getJoinedGroupList',
  'getGroupMemberList',
]);

/**
 * @internal What every part of a local engine shares: who is signed in, the link to the hub, the local
 * message store, the listeners, and how a call is guarded, sent to the hub and reported.
 */
export class LocalEngineSession {
  readonly userID: string;
  readonly deviceID: string;
  readonly link: NetworkLink;
  readonly store: EngineMessageStore;
  readonly random: () => number;
  readonly options: LocalEngineOptions;
  readonly onLogout: (() => void) | undefined;
  limits: HubLimits = DEFAULT_LIMITS;
  profile: UserProfile;
  loggedOut = false;
  connectionState: ConnectionState = 'disconnected';
  readonly conversationListeners = new Set<ConversationListener>();
  readonly messageListeners = new Set<AdvancedMsgListener>();
  readonly sdkListeners = new Set<SDKListener>();
  /** The persisted copy of the conversation mirror (IndexedDB engines only). */
  conversationCache: ConversationCache | null = null;
  /**
   * Set while a cold start reads the rest of the conversation cache: calls other than those a cold start
   * serves at once (the first page, history, lookups, creating messages) wait for it.
   */
  mirrorLoading: Promise<void> | null = null;
  /** Set while the engine signs in after a cold start: requests to the hub wait for it. */
  signingIn: Promise<void> | null = null;

  constructor(context: EngineContext, store: EngineMessageStore) {
    this.link = context.link;
    this.userID = context.link.userID;
    this.deviceID = context.options.deviceID ?? 'default';
    this.store = store;
    this.random = context.random;
    this.options = context.options;
    this.onLogout = context.onLogout;
    this.profile = { userID: this.userID, nick: this.userID, faceUrl: '' };
  }

  now(): number {
    return this.link.serverTime();
  }

  /** Throws `NOT_LOGGED_IN` once the engine logged out. */
  guard(method: string): void {
    if (this.loggedOut) throw notLoggedIn(method);
  }

  /** Runs an API call: guarded, and rejecting only with a ChatError (anything else is a bad argument). */
  async call<T>(method: string, run: () => Promise<T> | T): Promise<T> {
    this.guard(method);
    try {
      if (this.mirrorLoading && !SERVED_DURING_COLD_START.has(method)) {
        await this.mirrorLoading;
        this.guard(method);
      }
      return await run();
    } catch (error) {
      if (error instanceof ChatError) throw error;
      throw new ChatError(
        ChatErrorCode.InvalidParameter,
        `${method}: ${error instanceof Error ? error.message : String(error)}`,
        { method },
        { cause: error },
      );
    }
  }

  /** One request to the hub; rejects with the hub's ChatError, or `NETWORK_ERROR` when it got lost. */
  async request<M extends HubMethod>(
    method: M,
    args: HubMethods[M]['args'],
  ): Promise<HubMethods[M]['result']> {
    if (this.signingIn && method !== 'hello' && method !== 'sync') await this.signingIn;
    try {
      return inboundResult(method, await this.link.request(method, args));
    } catch (error) {
      if (error instanceof ChatError) throw error;
      if (error && typeof error === 'object' && 'code' in error) throw fromWireError(error as never);
      throw new ChatError(
        ChatErrorCode.NetworkError,
        `${method}: the request failed.`,
        { method },
        { cause: error },
      );
    }
  }

  emitSafely<L extends object>(listeners: Set<L>, call: (listener: L) => void): void {
    for (const listener of [...listeners]) {
      try {
        call(listener);
      } catch (error) {
        // A broken listener must not break the engine or the other listeners.
        console.error('Tidings local engine: a listener threw', error);
      }
    }
  }

  emitNewMessage(message: Message): void {
    this.emitSafely(this.messageListeners, (listener) => listener.onRecvNewMessage?.(message));
  }

  emitMessageModified(message: Message): void {
    this.emitSafely(this.messageListeners, (listener) => listener.onRecvMessageModified?.(message));
  }

  setConnectionState(state: ConnectionState): void {
    if (this.connectionState === state) return;
    this.connectionState = state;
    this.emitSafely(this.sdkListeners, (listener) => listener.onConnectionStateChanged?.(state));
  }

  /** Adds a listener to `set` (guarded and checked); returns a function that removes it. */
  addListener<L extends object>(method: string, set: Set<L>, listener: L): () => void {
    this.guard(method);
    if (typeof listener !== 'object' || listener === null)
      throw invalidParameter(method, 'listener', 'an object', listener);
    set.add(listener);
    return () => {
      set.delete(listener);
    };
  }

  /** Starts writing the local store; a failed write rolls back on its own (see `store.onRollback`). */
  persistSoon(): void {
    void this.store.commit().catch(() => undefined);
  }
}
