import { ChatError, ChatErrorCode } from '../../model/chat-error';
import { assertOptions, invalidParameter } from '../engine-validation';
import type { HubServer } from './local-hub-server';
import type { HubMethod, HubMethods, HubPush } from './local-protocol';

/**
 * How engines reach a hub: requests by connection, pushes back to a connection. One implementation calls a
 * {@link HubServer} in this tab; the cross-tab one forwards over a BroadcastChannel.
 */
export interface HubTransport {
  /** Registers a connection. `onReset` is called when the hub changed hands and the engine must resync. */
  open(connID: string, handlers: ConnectionHandlers): void;
  close(connID: string): void;
  /**
   * One request; rejects with a ChatError. `connID` null is the hub's own admin connection. `onProgress`
   * hears, about once a second, that the hub is still working on it (long work such as a bulk seed).
   */
  request<M extends HubMethod>(
    connID: string | null,
    method: M,
    args: HubMethods[M]['args'],
    onProgress?: (progress: HubWorkProgress) => void,
  ): Promise<HubMethods[M]['result']>;
  /** Best estimate of the server time, synchronously. */
  serverTime(): number;
}

/** That the hub is still working on a request, and for how long it has been. */
export interface HubWorkProgress {
  /** Time since the hub started on the request, ms. */
  elapsedMs: number;
}

/** How often the hub says it is still working on a long request, ms (at most; a shorter request limit halves it). */
export const HUB_PROGRESS_INTERVAL_MS = 1000;

/**
 * Calls `onProgress` every `intervalMs` until `work` settles, so whoever waits for long work sees that it
 * goes on. Returns `work`.
 */
export function reportWhileRunning<T>(
  work: Promise<T>,
  onProgress: ((progress: HubWorkProgress) => void) | undefined,
  intervalMs = HUB_PROGRESS_INTERVAL_MS,
): Promise<T> {
  if (!onProgress) return work;
  const started = Date.now();
  const timer = setInterval(() => onProgress({ elapsedMs: Date.now() - started }), intervalMs);
  const stop = () => clearInterval(timer);
  work.then(stop, stop);
  return work;
}

/** What a transport calls on a connection. */
export interface ConnectionHandlers {
  /** Who the connection signs in as (so a hub that changed hands knows it before the next hello). */
  userID: string;
  onPush(push: HubPush): void;
  onReset(): void;
}

/** A transport to a hub server in this tab. Pushes arrive in a microtask, after the server's write. */
export class InProcessTransport implements HubTransport {
  readonly #server: HubServer;

  constructor(server: HubServer) {
    this.#server = server;
  }

  open(connID: string, handlers: ConnectionHandlers): void {
    // A microtask keeps pushes in order with responses, and out of the server's call stack.
    this.#server.openConnection(
      connID,
      (push) => queueMicrotask(() => handlers.onPush(push)),
      handlers.userID,
    );
  }

  close(connID: string): void {
    this.#server.closeConnection(connID);
  }

  request<M extends HubMethod>(
    connID: string | null,
    method: M,
    args: HubMethods[M]['args'],
    onProgress?: (progress: HubWorkProgress) => void,
  ): Promise<HubMethods[M]['result']> {
    return reportWhileRunning(this.#server.handle(connID, method, args), onProgress);
  }

  serverTime(): number {
    return this.#server.now();
  }
}

/** A simulated network between one engine and its hub. Fields left out keep their value. */
export interface NetworkConditions {
  /** Whether the engine can reach the hub. @default true */
  online?: boolean;
  /** Delay of each request, response and push, in ms. @default 0 */
  latencyMs?: number;
  /** Probability (0–1) that a request fails in transit with `NETWORK_ERROR`. @default 0 */
  failureRate?: number;
}

/** Network conditions with every field known. */
export type ResolvedNetworkConditions = Required<NetworkConditions>;

/** What an engine hears from its link. */
export interface LinkHandlers {
  onPush(push: HubPush): void;
  /**
   * The link went offline (false) or came back (true), the hub changed hands (`'reset'`), or the
   * conditions changed while online (`'changed'`).
   */
  onStatus(status: boolean | 'reset' | 'changed'): void;
}

/**
 * One engine's connection through a simulated network: offline requests reject with `NETWORK_ERROR` and
 * pushes are dropped; latency delays both ways; a failure rate loses requests in transit.
 */
export class NetworkLink {
  readonly connID: string;
  readonly userID: string;
  readonly #transport: HubTransport;
  readonly #random: () => number;
  readonly #resolve: (own: NetworkConditions) => ResolvedNetworkConditions;
  #own: NetworkConditions = {};
  #conditions: ResolvedNetworkConditions;
  #handlers: LinkHandlers | null = null;
  #closed = false;
  readonly #onClose: () => void;

  constructor(options: {
    connID: string;
    userID: string;
    transport: HubTransport;
    random: () => number;
    resolve: (own: NetworkConditions) => ResolvedNetworkConditions;
    onClose: () => void;
  }) {
    this.connID = options.connID;
    this.userID = options.userID;
    this.#transport = options.transport;
    this.#random = options.random;
    this.#resolve = options.resolve;
    this.#onClose = options.onClose;
    this.#conditions = this.#resolve({});
  }

  get online(): boolean {
    return this.#conditions.online && !this.#closed;
  }

  get conditions(): ResolvedNetworkConditions {
    return this.#conditions;
  }

  /** Starts delivering pushes and status changes to `handlers`. */
  attach(handlers: LinkHandlers): void {
    this.#handlers = handlers;
    this.#transport.open(this.connID, {
      userID: this.userID,
      onPush: (push) => this.#deliverPush(push),
      onReset: () => {
        if (this.online) this.#handlers?.onStatus('reset');
      },
    });
  }

  /** Sets this engine's own conditions (they win over the hub's user and global ones). */
  setOwn(conditions: NetworkConditions): void {
    this.#own = { ...this.#own, ...conditions };
    this.refresh();
  }

  /** Re-reads the effective conditions, telling the engine when it went offline or came back. */
  refresh(): void {
    const wasOnline = this.online;
    this.#conditions = this.#resolve(this.#own);
    if (this.online !== wasOnline) this.#handlers?.onStatus(this.online);
    else if (this.online) this.#handlers?.onStatus('changed');
  }

  async request<M extends HubMethod>(
    method: M,
    args: HubMethods[M]['args'],
  ): Promise<HubMethods[M]['result']> {
    if (!this.online) throw offline(method);
    await this.#delay();
    if (!this.online) throw offline(method);
    if (this.#conditions.failureRate > 0 && this.#random() < this.#conditions.failureRate) {
      throw new ChatError(ChatErrorCode.NetworkError, `${method}: the request was lost in transit.`, {
        method,
      });
    }
    const result = await this.#transport.request(this.connID, method, args);
    await this.#delay();
    // A response that arrives after the link dropped is lost, as on a real network.
    if (!this.online) throw offline(method);
    return result;
  }

  serverTime(): number {
    return this.#transport.serverTime();
  }

  close(): void {
    if (this.#closed) return;
    this.#closed = true;
    this.#handlers = null;
    this.#transport.close(this.connID);
    this.#onClose();
  }

  #deliverPush(push: HubPush): void {
    if (!this.online) return;
    const latency = this.#conditions.latencyMs;
    if (latency <= 0) {
      this.#handlers?.onPush(push);
      return;
    }
    setTimeout(() => {
      if (this.online) this.#handlers?.onPush(push);
    }, latency);
  }

  #delay(): Promise<void> | undefined {
    const latency = this.#conditions.latencyMs;
    return latency > 0 ? new Promise((resolve) => setTimeout(resolve, latency)) : undefined;
  }
}

function offline(method: string): ChatError {
  return new ChatError(ChatErrorCode.NetworkError, `${method}: the engine is offline.`, { method });
}

/** Checks network conditions (shared by the hub and engines). */
export function validateConditions(conditions: unknown): NetworkConditions {
  try {
    return readConditions(conditions);
  } catch (error) {
    // Reading a hostile argument (a Proxy's trap, a throwing getter) must end as a ChatError too.
    throw asInvalidArgument('setNetworkConditions', error);
  }
}

/**
 * A ChatError for a failure while reading a caller's arguments: ChatErrors pass unchanged, anything else
 * (what a Proxy's trap or a getter threw) becomes `INVALID_PARAMETER`.
 */
export function asInvalidArgument(method: string, error: unknown): ChatError {
  if (error instanceof ChatError) return error;
  return new ChatError(
    ChatErrorCode.InvalidParameter,
    `${method}: its arguments could not be read.`,
    { method },
    { cause: error },
  );
}

function readConditions(conditions: unknown): NetworkConditions {
  const method = 'setNetworkConditions';
  const opts = assertOptions(method, conditions, 'conditions');
  if (conditions === undefined) throw invalidParameter(method, 'conditions', 'an object');
  const out: NetworkConditions = {};
  if (opts.online !== undefined) {
    if (typeof opts.online !== 'boolean')
      throw invalidParameter(method, 'conditions.online', 'a boolean', opts.online);
    out.online = opts.online;
  }
  if (opts.latencyMs !== undefined) {
    if (typeof opts.latencyMs !== 'number' || !(opts.latencyMs >= 0) || !Number.isFinite(opts.latencyMs)) {
      throw invalidParameter(method, 'conditions.latencyMs', 'a number ≥ 0', opts.latencyMs);
    }
    out.latencyMs = opts.latencyMs;
  }
  if (opts.failureRate !== undefined) {
    if (typeof opts.failureRate !== 'number' || !(opts.failureRate >= 0 && opts.failureRate <= 1)) {
      throw invalidParameter(method, 'conditions.failureRate', 'a number from 0 to 1', opts.failureRate);
    }
    out.failureRate = opts.failureRate;
  }
  return out;
}
