import type { AdvancedMsgListener, ConnectionState, ConversationListener } from '../../model/types';
import type { SDKListener } from '../chat-engine';
import { notLoggedIn } from '../engine-validation';
import {
  TencentChatEvent as Event,
  type TencentChatLike,
  type TencentEvent,
  type TencentGroupTypeValue,
  TencentChatTypes as Types,
} from './tencent-chat-like';
import type { TencentEngineOptions } from './tencent-engine';
import { notReady } from './tencent-errors';
import type { TencentMapContext } from './tencent-mappers';
import { TencentSender } from './tencent-sender';

/** SDK calls its `create()` wrapper lets through before the SDK is ready. */
const CALLABLE_BEFORE_READY: ReadonlySet<string> = new Set(['on', 'off', 'isReady', 'logout']);

/** SDK calls that answer at once (not with a promise) once the SDK is ready. */
const SYNC_CALLS: ReadonlySet<string> = new Set([
  'getServerTime',
  'findMessage',
  'createTextMessage',
  'createTextAtMessage',
  'createCustomMessage',
  'createImageMessage',
  'createVideoMessage',
  'createFileMessage',
  'createLocationMessage',
  'createFaceMessage',
  'createMergerMessage',
  'createForwardMessage',
]);

type Callback<L, K extends keyof L> = Extract<L[K], (...args: never[]) => unknown>;

/** Calls `key` on every listener that has it; a throwing listener does not stop the others. */
export function emit<L extends object, K extends keyof L>(
  listeners: ReadonlySet<L>,
  key: K,
  ...args: Parameters<Callback<L, K>>
): void {
  for (const listener of [...listeners]) {
    const callback = listener[key];
    if (typeof callback !== 'function') continue;
    try {
      (callback as (...values: unknown[]) => unknown).apply(listener, args);
    } catch (error) {
      console.error(`Tencent engine: a ${String(key)} listener threw.`, error);
    }
  }
}

/**
 * @internal What every part of a Tencent engine shares: the SDK instance and the options, the sender that
 * maps created messages to SDK messages (and its mapping context), the listeners, and whether the engine
 * still runs.
 */
export class TencentEngineSession {
  readonly userID: string;
  /**
   * The SDK instance, gated until the SDK is ready: before SDK_READY the real `create()` wrapper answers
   * every call but `on`/`off`/`isReady`/`logout` with a rejected promise (even the synchronous ones, which
   * left unhandled rejections) and logs an "Oops!" warning. Through this gate promise calls wait for
   * SDK_READY and synchronous ones throw `NOT_LOGGED_IN`, so the SDK is never called before it is ready.
   */
  readonly chat: TencentChatLike;
  /** The SDK instance as the app passed it. */
  readonly sdk: TencentChatLike;
  readonly revokeWindowMs: number;
  readonly keepHidden: boolean;
  /** Whether the SDK's list updates carry only the changed conversations. */
  readonly partialUpdates: boolean;
  readonly groupType: TencentGroupTypeValue;
  readonly fetch: ((url: string) => Promise<Response>) | undefined;
  readonly sender: TencentSender;
  /** Maps SDK data to Tidings data (SDK IDs of messages created here to their msgIDs). */
  readonly ctx: TencentMapContext;
  readonly conversationListeners = new Set<ConversationListener>();
  readonly messageListeners = new Set<AdvancedMsgListener>();
  readonly sdkListeners = new Set<SDKListener>();
  /** The SDK event handlers this engine added, to take off at logout. */
  readonly handlers: [string, (event: TencentEvent) => void][] = [];
  connectionState: ConnectionState;
  loggedOut = false;
  readonly #readyWaiters = new Set<{
    resolve: () => void;
    reject: (error: unknown) => void;
    method: string;
  }>();

  constructor(chat: TencentChatLike, options: TencentEngineOptions) {
    this.userID = options.userID;
    this.sdk = chat;
    this.chat = gateUntilReady(chat, this);
    this.revokeWindowMs = options.revokeWindowMs ?? 120_000;
    this.keepHidden = options.keepHiddenOnNewMessage ?? false;
    this.partialUpdates = options.partialUpdatedConversations === true;
    this.groupType = options.groupType ?? Types.GRP_WORK;
    this.fetch = options.fetch;
    this.sender = new TencentSender(this.chat, {
      userID: options.userID,
      maxTextBytes: options.maxTextBytes ?? 12 * 1024,
      now: () => this.now(),
      onSendProgress: (msgID, percent) => emit(this.messageListeners, 'onSendProgress', msgID, percent),
    });
    this.ctx = this.sender.ctx;
    this.connectionState = chat.isReady() ? 'connected' : 'connecting';
    const onReady = () => {
      for (const waiter of [...this.#readyWaiters]) waiter.resolve();
      this.#readyWaiters.clear();
    };
    chat.on(Event.SDK_READY, onReady);
    this.handlers.push([Event.SDK_READY, onReady]);
  }

  /** Whether the SDK is ready for calls (logged in and synced). */
  isReady(): boolean {
    return this.sdk.isReady() === true;
  }

  /**
   * Resolves once the SDK is ready (at once if it is); rejects with `NOT_LOGGED_IN` if the engine logs out
   * or is kicked out first.
   */
  whenReady(method: string): Promise<void> {
    if (this.loggedOut) return Promise.reject(notLoggedIn(method));
    if (this.isReady()) return Promise.resolve();
    return new Promise((resolve, reject) => {
      this.#readyWaiters.add({ resolve, reject, method });
    });
  }

  /** Server time in ms (the device's clock until the SDK is ready and knows the server's). */
  now(): number {
    if (this.loggedOut || !this.isReady()) return Date.now();
    const time = Number(this.chat.getServerTime());
    return Number.isFinite(time) && time > 0 ? time : Date.now();
  }

  /** Throws `NOT_LOGGED_IN` once the engine logged out (or was kicked out). */
  guard(method: string): void {
    if (this.loggedOut) throw notLoggedIn(method);
  }

  setConnectionState(state: ConnectionState): void {
    if (state === this.connectionState) return;
    this.connectionState = state;
    emit(this.sdkListeners, 'onConnectionStateChanged', state);
  }

  /** Stops the engine: SDK events are no longer heard, listeners are dropped, held files let go. */
  shutdown(): void {
    if (this.loggedOut) return;
    this.loggedOut = true;
    for (const [name, handler] of this.handlers) this.sdk.off(name, handler);
    this.handlers.length = 0;
    for (const waiter of this.#readyWaiters) waiter.reject(notLoggedIn(waiter.method));
    this.#readyWaiters.clear();
    this.conversationListeners.clear();
    this.messageListeners.clear();
    this.sdkListeners.clear();
    this.sender.clear();
  }
}

/**
 * The SDK instance behind a gate (see {@link TencentEngineSession.chat}). Methods are bound to the instance
 * (SDK objects and test fakes keep state in closures and private fields a proxy receiver cannot reach).
 */
function gateUntilReady(chat: TencentChatLike, session: TencentEngineSession): TencentChatLike {
  return new Proxy(chat, {
    get(target, key) {
      const value: unknown = Reflect.get(target, key, target);
      if (typeof value !== 'function') return value;
      const method = value as (...args: unknown[]) => unknown;
      if (typeof key !== 'string' || CALLABLE_BEFORE_READY.has(key)) return method.bind(target);
      if (SYNC_CALLS.has(key)) {
        return (...args: unknown[]) => {
          if (!session.isReady()) throw notReady(key);
          return method.apply(target, args);
        };
      }
      return (...args: unknown[]) =>
        session.isReady()
          ? method.apply(target, args)
          : session.whenReady(key).then(() => method.apply(target, args));
    },
  });
}
