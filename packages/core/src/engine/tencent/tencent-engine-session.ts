import type { AdvancedMsgListener, ConnectionState, ConversationListener } from '../../model/types';
import type { SDKListener } from '../chat-engine';
import { notLoggedIn } from '../engine-validation';
import { type TencentChatLike, type TencentEvent, TencentChatTypes as Types } from './tencent-chat-like';
import type { TencentEngineOptions } from './tencent-engine';
import type { TencentMapContext } from './tencent-mappers';
import { TencentSender } from './tencent-sender';

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
  readonly chat: TencentChatLike;
  readonly revokeWindowMs: number;
  readonly keepHidden: boolean;
  readonly groupType: string;
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

  constructor(chat: TencentChatLike, options: TencentEngineOptions) {
    this.userID = options.userID;
    this.chat = chat;
    this.revokeWindowMs = options.revokeWindowMs ?? 120_000;
    this.keepHidden = options.keepHiddenOnNewMessage ?? false;
    this.groupType = options.groupType ?? Types.GRP_WORK;
    this.fetch = options.fetch;
    this.sender = new TencentSender(chat, {
      userID: options.userID,
      maxTextBytes: options.maxTextBytes ?? 12 * 1024,
      now: () => this.now(),
      onSendProgress: (msgID, percent) => emit(this.messageListeners, 'onSendProgress', msgID, percent),
    });
    this.ctx = this.sender.ctx;
    this.connectionState = chat.isReady() ? 'connected' : 'connecting';
  }

  /** Server time in ms (the device's clock until the SDK knows the server's). */
  now(): number {
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
    for (const [name, handler] of this.handlers) this.chat.off(name, handler);
    this.handlers.length = 0;
    this.conversationListeners.clear();
    this.messageListeners.clear();
    this.sdkListeners.clear();
    this.sender.clear();
  }
}
