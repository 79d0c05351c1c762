import { ChatError, ChatErrorCode } from '../../model/chat-error';
import type { HubServer } from './local-hub-server';
import {
  type ConnectionHandlers,
  HUB_PROGRESS_INTERVAL_MS,
  type HubTransport,
  type HubWorkProgress,
  reportWhileRunning,
} from './local-hub-transport';
import {
  fromWireError,
  type HubMethod,
  type HubMethods,
  type HubPush,
  toWireError,
  type WireError,
} from './local-protocol';

/** The part of the Web Locks API leader election needs (`navigator.locks` in browsers). */
export interface LockManagerLike {
  request(name: string, callback: (lock: unknown) => Promise<unknown>): Promise<unknown>;
}

/** The part of `BroadcastChannel` the cross-tab hub needs. */
export interface ChannelLike {
  postMessage(message: unknown): void;
  onmessage: ((event: { data: unknown }) => void) | null;
  close(): void;
}

/** Makes a channel by name (`(name) => new BroadcastChannel(name)` in browsers). */
export type ChannelFactory = (name: string) => ChannelLike;

type TabMessage =
  | { t: 'who'; from: string }
  | { t: 'leader'; from: string; serverTime: number }
  | { t: 'open'; from: string; conn: string; user: string }
  | { t: 'close'; from: string; conn: string }
  | { t: 'req'; from: string; to: string; id: number; conn: string | null; method: HubMethod; args: unknown }
  | { t: 'res'; to: string; id: number; ok: true; value: unknown; serverTime: number }
  | { t: 'res'; to: string; id: number; ok: false; error: WireError; serverTime: number }
  | { t: 'push'; to: string; conn: string; push: HubPush }
  | { t: 'work'; to: string; id: number; elapsedMs: number };

interface PendingRequest {
  conn: string | null;
  method: HubMethod;
  args: unknown;
  resolve: (value: unknown) => void;
  reject: (error: ChatError) => void;
  onProgress: ((progress: HubWorkProgress) => void) | undefined;
  timer: ReturnType<typeof setTimeout>;
}

/**
 * The transport of one browser tab in a hub shared across tabs. The leader tab runs the {@link HubServer}
 * and serves the others over the channel; a follower forwards requests to the leader and receives pushes.
 * When the leader goes away and another tab takes over, followers open their connections again, retry the
 * requests that got no answer, and tell their engines to resync.
 *
 * The request limit is for a leader that is gone, not for work that takes long: while the leader works on
 * a request it says so every {@link HUB_PROGRESS_INTERVAL_MS} (or a third of the limit, if shorter), and
 * each time it does the limit starts over, so a seed of 100,000 conversations that takes a minute goes
 * through, while a request to a tab that stopped answering fails within the limit.
 */
export class TabTransport implements HubTransport {
  readonly tabID: string;
  readonly #channel: ChannelLike;
  readonly #requestTimeoutMs: number;
  #server: HubServer | null = null;
  #leaderID: string | null = null;
  #offset = 0;
  #nextID = 1;
  #closed = false;
  readonly #connections = new Map<string, ConnectionHandlers>();
  readonly #pending = new Map<number, PendingRequest>();
  readonly #leaderWaiters: (() => void)[] = [];

  constructor(channel: ChannelLike, tabID: string, requestTimeoutMs: number) {
    this.#channel = channel;
    this.tabID = tabID;
    this.#requestTimeoutMs = requestTimeoutMs;
    channel.onmessage = (event) => this.#onMessage(event.data as TabMessage);
  }

  /** Whether this tab runs the hub. */
  get isLeader(): boolean {
    return this.#server !== null;
  }

  /** Resolves once a leader (this tab or another) is known. */
  whenLeaderKnown(): Promise<void> {
    if (this.#leaderID) return Promise.resolve();
    return new Promise((resolve) => this.#leaderWaiters.push(resolve));
  }

  /** Asks the other tabs who leads. */
  probe(): void {
    this.#post({ t: 'who', from: this.tabID });
  }

  /** This tab now runs the hub: serve the others, and move this tab's own connections onto the server. */
  becomeLeader(server: HubServer): void {
    this.#server = server;
    this.#setLeader(this.tabID);
    for (const [connID, handlers] of this.#connections) this.#openLocal(connID, handlers);
    this.#post({ t: 'leader', from: this.tabID, serverTime: server.now() });
    for (const [id, pending] of this.#pending) {
      this.#pending.delete(id);
      clearTimeout(pending.timer);
      reportWhileRunning(
        server.handle(pending.conn, pending.method, pending.args as never),
        pending.onProgress,
      ).then(pending.resolve, (error) =>
        pending.reject(error instanceof ChatError ? error : fromWireError(toWireError(error))),
      );
    }
    for (const handlers of this.#connections.values()) handlers.onReset();
  }

  open(connID: string, handlers: ConnectionHandlers): void {
    this.#connections.set(connID, handlers);
    if (this.#server) this.#openLocal(connID, handlers);
    else if (this.#leaderID) this.#post({ t: 'open', from: this.tabID, conn: connID, user: handlers.userID });
  }

  close(connID: string): void {
    this.#connections.delete(connID);
    if (this.#server) this.#server.closeConnection(connID);
    else if (this.#leaderID && !this.#closed) this.#post({ t: 'close', from: this.tabID, conn: connID });
  }

  request<M extends HubMethod>(
    connID: string | null,
    method: M,
    args: HubMethods[M]['args'],
    onProgress?: (progress: HubWorkProgress) => void,
  ): Promise<HubMethods[M]['result']> {
    if (this.#closed)
      return Promise.reject(new ChatError(ChatErrorCode.NetworkError, `${method}: the hub is closed.`));
    if (this.#server) return reportWhileRunning(this.#server.handle(connID, method, args), onProgress);
    return new Promise((resolve, reject) => {
      const id = this.#nextID++;
      this.#pending.set(id, {
        conn: connID,
        method,
        args,
        resolve: resolve as (value: unknown) => void,
        reject,
        onProgress,
        timer: this.#deadline(id, method, reject),
      });
      if (this.#leaderID) this.#send(id);
    });
  }

  /** Fails request `id` when the leader says nothing about it within the limit. */
  #deadline(
    id: number,
    method: HubMethod,
    reject: (error: ChatError) => void,
  ): ReturnType<typeof setTimeout> {
    return setTimeout(() => {
      this.#pending.delete(id);
      reject(
        new ChatError(
          ChatErrorCode.NetworkError,
          `${method}: the tab running the chat hub stopped answering. Close or reload the site's other tabs, then try again.`,
          { method },
        ),
      );
    }, this.#requestTimeoutMs);
  }

  /** How often the leader says it is still working: well within the limit, so one late message is no failure. */
  get #progressIntervalMs(): number {
    return Math.min(HUB_PROGRESS_INTERVAL_MS, this.#requestTimeoutMs / 3);
  }

  serverTime(): number {
    return this.#server ? this.#server.now() : Date.now() + this.#offset;
  }

  shutdown(): void {
    if (this.#closed) return;
    this.#closed = true;
    for (const pending of this.#pending.values()) {
      clearTimeout(pending.timer);
      pending.reject(new ChatError(ChatErrorCode.NetworkError, `${pending.method}: the hub is closed.`));
    }
    this.#pending.clear();
    this.#channel.onmessage = null;
    this.#channel.close();
  }

  #post(message: TabMessage): void {
    if (this.#closed) return;
    try {
      this.#channel.postMessage(message);
    } catch (error) {
      console.error('Tidings hub: posting to other tabs failed', error);
    }
  }

  #send(id: number): void {
    const pending = this.#pending.get(id);
    if (!pending || !this.#leaderID) return;
    this.#post({
      t: 'req',
      from: this.tabID,
      to: this.#leaderID,
      id,
      conn: pending.conn,
      method: pending.method,
      args: pending.args,
    });
  }

  #openLocal(connID: string, handlers: ConnectionHandlers): void {
    (this.#server as HubServer).openConnection(
      connID,
      (push) => queueMicrotask(() => handlers.onPush(push)),
      handlers.userID,
    );
  }

  #setLeader(leaderID: string): void {
    this.#leaderID = leaderID;
    for (const resolve of this.#leaderWaiters.splice(0)) resolve();
  }

  #onMessage(message: TabMessage): void {
    if (this.#closed || !message || typeof message !== 'object') return;
    const server = this.#server;
    if (server) {
      this.#serve(server, message);
      return;
    }
    switch (message.t) {
      case 'leader': {
        this.#offset = message.serverTime - Date.now();
        if (message.from === this.#leaderID) return;
        this.#setLeader(message.from);
        for (const [connID, handlers] of this.#connections) {
          this.#post({ t: 'open', from: this.tabID, conn: connID, user: handlers.userID });
        }
        for (const id of this.#pending.keys()) this.#send(id);
        for (const handlers of this.#connections.values()) handlers.onReset();
        return;
      }
      case 'res': {
        if (message.to !== this.tabID) return;
        const pending = this.#pending.get(message.id);
        if (!pending) return;
        this.#pending.delete(message.id);
        clearTimeout(pending.timer);
        this.#offset = message.serverTime - Date.now();
        if (message.ok) pending.resolve(message.value);
        else pending.reject(fromWireError(message.error));
        return;
      }
      case 'push':
        if (message.to === this.tabID) this.#connections.get(message.conn)?.onPush(message.push);
        return;
      case 'work': {
        if (message.to !== this.tabID) return;
        const pending = this.#pending.get(message.id);
        if (!pending) return;
        clearTimeout(pending.timer);
        pending.timer = this.#deadline(message.id, pending.method, pending.reject);
        pending.onProgress?.({ elapsedMs: message.elapsedMs });
        return;
      }
      default:
        return;
    }
  }

  #serve(server: HubServer, message: TabMessage): void {
    switch (message.t) {
      case 'who':
        this.#post({ t: 'leader', from: this.tabID, serverTime: server.now() });
        return;
      case 'open':
        server.openConnection(
          message.conn,
          (push) => this.#post({ t: 'push', to: message.from, conn: message.conn, push }),
          message.user,
        );
        return;
      case 'close':
        server.closeConnection(message.conn);
        return;
      case 'req': {
        if (message.to !== this.tabID) return;
        const reply = (result: { ok: true; value: unknown } | { ok: false; error: WireError }) =>
          this.#post({
            t: 'res',
            to: message.from,
            id: message.id,
            serverTime: server.now(),
            ...result,
          } as TabMessage);
        const working = (progress: HubWorkProgress) =>
          this.#post({ t: 'work', to: message.from, id: message.id, elapsedMs: progress.elapsedMs });
        reportWhileRunning(
          server.handle(message.conn, message.method, message.args as never),
          working,
          this.#progressIntervalMs,
        ).then(
          (value) => reply({ ok: true, value }),
          (error) => reply({ ok: false, error: toWireError(error) }),
        );
        return;
      }
      default:
        return;
    }
  }
}
