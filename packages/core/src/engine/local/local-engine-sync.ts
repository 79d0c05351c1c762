import { inboundPush } from './local-engine-inbound';
import { Batch, type ConversationMirror } from './local-engine-mirror';
import type { LocalEngineSession } from './local-engine-session';
import { validateConditions } from './local-hub-transport';
import type { HubPush } from './local-protocol';

/** How many recent messages per changed conversation a resync brings (a first sync brings none). */
const RECENT_ON_SYNC = 20;

/**
 * @internal The engine's connection to the hub: signing in, syncing what changed since the last sync
 * (retrying with backoff while online), and applying the hub's pushes to the mirror.
 */
export class LocalEngineSync {
  readonly #session: LocalEngineSession;
  readonly #mirror: ConversationMirror;
  #syncing = false;
  #syncAgain = false;
  #retryTimer: ReturnType<typeof setTimeout> | null = null;
  #retryAttempt = 0;

  constructor(session: LocalEngineSession, mirror: ConversationMirror) {
    this.#session = session;
    this.#mirror = mirror;
  }

  /** Listens to the link and, when online, signs in and syncs. */
  async start(): Promise<void> {
    const { link, options } = this.#session;
    link.attach({
      onPush: (push) => this.#onPush(push),
      onStatus: (status) => this.#onStatus(status),
    });
    if (options.network) link.setOwn(validateConditions(options.network));
    if (link.online) await this.#resync();
  }

  /** Stops retrying (at logout). */
  stop(): void {
    this.#clearRetry();
  }

  #clearRetry(): void {
    if (this.#retryTimer) clearTimeout(this.#retryTimer);
    this.#retryTimer = null;
  }

  #onStatus(status: boolean | 'reset' | 'changed'): void {
    if (this.#session.loggedOut) return;
    if (status === false) {
      this.#clearRetry();
      this.#session.setConnectionState('disconnected');
      return;
    }
    // A better network is worth trying at once rather than after the backoff.
    if (status === 'changed' && !this.#retryTimer) return;
    this.#retryAttempt = 0;
    void this.#resync();
  }

  async #resync(): Promise<void> {
    const session = this.#session;
    if (this.#syncing) {
      this.#syncAgain = true;
      return;
    }
    this.#syncing = true;
    this.#clearRetry();
    session.setConnectionState('connecting');
    session.emitSafely(session.conversationListeners, (listener) => listener.onSyncServerStart?.());
    try {
      const hello = await session.request('hello', {
        userID: session.userID,
        deviceID: session.deviceID,
        keepHiddenOnNewMessage: session.options.keepHiddenOnNewMessage ?? false,
      });
      session.profile = hello.profile;
      session.limits = hello.limits;
      await this.#syncOnce();
      if (session.loggedOut) return;
      this.#retryAttempt = 0;
      session.setConnectionState('connected');
      session.emitSafely(session.conversationListeners, (listener) => listener.onSyncServerFinish?.());
    } catch {
      if (session.loggedOut) return;
      session.emitSafely(session.conversationListeners, (listener) => listener.onSyncServerFailed?.());
      if (session.link.online) {
        const base = session.options.syncRetryDelayMs ?? 250;
        const delay = Math.min(base * 2 ** this.#retryAttempt, 5_000);
        this.#retryAttempt++;
        this.#retryTimer = setTimeout(() => {
          this.#retryTimer = null;
          void this.#resync();
        }, delay);
      } else {
        session.setConnectionState('disconnected');
      }
    } finally {
      this.#syncing = false;
      if (this.#syncAgain && !session.loggedOut) {
        this.#syncAgain = false;
        if (session.link.online) void this.#resync();
      }
    }
  }

  async #syncOnce(): Promise<void> {
    const { store } = this.#session;
    const mirror = this.#mirror;
    const sinceRev = mirror.syncRev;
    const result = await this.#session.request('sync', {
      sinceRev,
      recentCount: sinceRev > 0 ? RECENT_ON_SYNC : 0,
    });
    if (this.#session.loggedOut) return;
    const batch = new Batch();
    // What this device had seen of each conversation before the sync: newer messages are new to it.
    const thresholds = new Map<string, number>();
    for (const message of result.recent) {
      if (thresholds.has(message.conversationID)) continue;
      const held = mirror.get(message.conversationID);
      thresholds.set(
        message.conversationID,
        Math.max(store.maxSeq(message.conversationID), held?.state.lastMessage?.seq ?? 0),
      );
    }
    for (const message of result.recent) {
      const threshold = thresholds.get(message.conversationID) ?? 0;
      const cached = store.get(message.msgID);
      if (store.isDeleted(message.msgID)) continue;
      const merged = cached ? { ...message, localCustomData: cached.message.localCustomData } : message;
      store.put(merged);
      if (cached && cached.message.status !== 'sent') {
        batch.events.push(() => this.#session.emitMessageModified(merged));
      } else if (!cached && message.seq > threshold) {
        batch.events.push(() => this.#session.emitNewMessage(merged));
      }
    }
    mirror.applyMany(batch, result.conversations);
    mirror.applyGroups(batch, result.groups);
    mirror.syncRev = Math.max(mirror.syncRev, result.rev);
    mirror.emit(batch);
    this.#session.persistSoon();
  }

  #onPush(received: HubPush): void {
    const session = this.#session;
    // Pushes may come from any tab on the channel: only well-formed ones go on.
    const push = inboundPush(received);
    if (!push) return;
    const mirror = this.#mirror;
    if (session.loggedOut) return;
    const batch = new Batch();
    switch (push.type) {
      case 'conversations':
        mirror.applyMany(batch, push.conversations);
        break;
      case 'groups':
        mirror.applyMany(batch, push.conversations);
        mirror.applyGroups(batch, push.groups);
        break;
      case 'message': {
        const wasHeld = session.store.get(push.message.msgID);
        const held = mirror.holdFromHub(push.message);
        if (push.conversation) mirror.applyState(batch, push.conversation);
        mirror.refresh(batch, push.message.conversationID);
        if (held && !wasHeld) batch.events.push(() => session.emitNewMessage(held));
        else if (held && wasHeld?.message.status !== 'sent')
          batch.events.push(() => session.emitMessageModified(held));
        break;
      }
      case 'onlineMessage':
        batch.events.push(() => session.emitNewMessage(push.message));
        break;
      case 'revoked': {
        const cached = session.store.get(push.message.msgID);
        const message = cached ? (mirror.holdFromHub(push.message) ?? push.message) : push.message;
        if (push.conversation) mirror.applyState(batch, push.conversation);
        mirror.refresh(batch, push.message.conversationID);
        batch.events.push(() =>
          session.emitSafely(session.messageListeners, (listener) =>
            listener.onRecvMessageRevoked?.(message.msgID, message, message.revoker, message.revokeReason),
          ),
        );
        break;
      }
      case 'receipt':
        mirror.applyState(batch, push.conversation);
        break;
    }
    mirror.emit(batch);
    session.persistSoon();
  }
}
