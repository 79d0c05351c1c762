import { ChatError, ChatErrorCode } from '../../model/chat-error';
import type { GroupProfile, UserProfile } from '../../model/types';
import {
  assertGroupName,
  assertIDList,
  assertOptions,
  assertString,
  invalidParameter,
} from '../engine-validation';
import { type LocalEngine, type LocalEngineOptions, openLocalEngine } from './local-engine';
import {
  type ChannelFactory,
  type ChannelLike,
  type LockManagerLike,
  TabTransport,
} from './local-hub-broadcast';
import { HubServer } from './local-hub-server';
import {
  asInvalidArgument,
  type HubTransport,
  type HubWorkProgress,
  InProcessTransport,
  type NetworkConditions,
  NetworkLink,
  type ResolvedNetworkConditions,
  validateConditions,
} from './local-hub-transport';
import { createUuid } from './local-message-utils';
import { createIndexedDBStorage, type LocalStorageAdapter } from './local-persistence';
import type { HubSeed } from './local-protocol';

export type { HubWorkProgress } from './local-hub-transport';

/** Options of {@link createLocalHub}. */
export interface LocalHubOptions {
  /** Names the hub: its IndexedDB database and its cross-tab channel. @default 'tidings' */
  name?: string;
  /** Keep the hub (and, by default, each engine's local store) in IndexedDB. @default false */
  persist?: boolean;
  /**
   * Share one hub between the browser tabs of this origin: one tab (elected with Web Locks) runs it from
   * IndexedDB and serves the others over a BroadcastChannel; when it closes, another tab takes over.
   * Use with `persist: true` so the next leader finds the data. @default false
   */
  shareAcrossTabs?: boolean;
  /** Users to register (a string is a userID whose nick is the ID). Users also register on first connect. */
  users?: (UserProfile | string)[];
  /** How long after sending a message can be revoked, ms. @default 120_000 */
  revokeWindowMs?: number;
  /** Limit of a message body (text, custom data, cloudCustomData…), UTF-8 bytes. @default 12_288 (12 KB) */
  maxTextBytes?: number;
  /** Limit of a file, sound or video, bytes. @default 104_857_600 (100 MiB) */
  maxFileBytes?: number;
  /** Limit of an image, bytes. @default 29_360_128 (28 MiB) */
  maxImageBytes?: number;
  /** Upload chunk size, bytes. @default 65_536 (64 KiB) */
  uploadChunkBytes?: number;
  /** Enforce the seeds' rate limits (deleteMessagesFromServer 1/s, setC2CReceiveMessageOpt 5/s). @default true */
  rateLimits?: boolean;
  /** Network conditions every engine starts with. */
  network?: NetworkConditions;
  /** The server's clock, ms (tests pass a fake one). Server time never goes backwards. @default Date.now */
  now?: () => number;
  /** Randomness for IDs and simulated failures (tests pass a seeded one). @default Math.random */
  random?: () => number;
  /** Where the hub keeps its data when `persist` is on, instead of IndexedDB. */
  storage?: LocalStorageAdapter;
  /** Web Locks for electing the leader tab. @default navigator.locks */
  locks?: LockManagerLike;
  /** Makes the cross-tab channel. @default (name) => new BroadcastChannel(name) */
  createChannel?: ChannelFactory;
  /**
   * How long a tab waits for the tab running the hub to answer a request or say it is still working on
   * it, ms. Long work (a seed) goes on past it as long as that tab keeps saying so. @default 15_000
   */
  requestTimeoutMs?: number;
}

/** Options of long hub work ({@link LocalHub.seed}). */
export interface HubWorkOptions {
  /** Called about once a second while the hub works, so a waiting UI can show that it goes on. */
  onProgress?: (progress: HubWorkProgress) => void;
}

/** A user to register: a full profile, or just the userID. */
export type HubUserInput = (Partial<UserProfile> & { userID: string }) | string;

/** Options of {@link LocalHub.createGroup}. */
export interface HubGroupInput {
  /** @default a generated ID */
  groupID?: string;
  name: string;
  ownerID: string;
  memberUserIDList: string[];
  faceUrl?: string;
}

/**
 * The embedded chat server every {@link LocalEngine} connects to: users and groups, server time, seq per
 * conversation, fan-out, roaming history, each user's conversation state, and a switchable network.
 */
export interface LocalHub {
  readonly name: string;
  /** Whether this tab runs the hub (always true unless `shareAcrossTabs`). */
  readonly isLeader: boolean;
  /**
   * Signs a user in and returns their engine, synced with the hub (when online). An unknown user is
   * registered with their userID as nick.
   */
  connect(userID: string, options?: LocalEngineOptions): Promise<LocalEngine>;
  /** Registers users (or updates their nick and avatar). */
  addUsers(users: HubUserInput[]): Promise<void>;
  /** Creates a group on the server side; members get a `create` group tip. */
  createGroup(options: HubGroupInput): Promise<GroupProfile>;
  /**
   * Writes users, groups and history in bulk (100,000 conversations in a few seconds). In a tab that
   * does not run the hub this can take much longer than one request may; it goes through as long as the
   * hub's tab keeps working on it, and `options.onProgress` hears about that every second.
   */
  seed(seed: HubSeed, options?: HubWorkOptions): Promise<void>;
  /**
   * Changes network conditions for every engine, or for one user's engines. Fields left out keep their
   * value. Going offline disconnects the engines; coming back makes them sync.
   */
  setNetworkConditions(conditions: NetworkConditions, userID?: string): void;
  /** Server time, ms. */
  getServerTime(): number;
  /** Resolves when every write so far is durable (hub and engines). */
  flush(): Promise<void>;
  /** Logs every engine out and closes the hub (in a shared hub, another tab takes over). */
  close(): Promise<void>;
}

interface LockCapable {
  locks?: LockManagerLike;
}

/**
 * Creates the embedded hub, loading it from IndexedDB when `persist` is on.
 *
 * @example
 * const hub = await createLocalHub({ users: [{ userID: 'alice', nick: 'Alice', faceUrl: '' }, 'bob'] });
 * const alice = await hub.connect('alice');
 * const bob = await hub.connect('bob');
 * bob.addAdvancedMsgListener({ onRecvNewMessage: (message) => console.log(message.elemList) });
 * await alice.sendMessage(await alice.createTextMessage('Hi Bob'), { receiver: 'bob' });
 *
 * @example
 * // Browser tabs of one origin share the hub; tabs signed in as different users chat live.
 * const hub = await createLocalHub({ name: 'demo', persist: true, shareAcrossTabs: true });
 */
export async function createLocalHub(options: LocalHubOptions = {}): Promise<LocalHub> {
  const opts = assertOptions('createLocalHub', options);
  const name =
    opts.name === undefined
      ? 'tidings'
      : assertString('createLocalHub', 'options.name', opts.name, { nonEmpty: true });
  const positive = (key: keyof LocalHubOptions, fallback: number): number => {
    const value = opts[key];
    if (value === undefined) return fallback;
    if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0) {
      throw invalidParameter('createLocalHub', `options.${key}`, 'a positive number', value);
    }
    return value;
  };
  const random = options.random ?? Math.random;
  const persist = options.persist ?? false;
  const serverOptions = {
    now: options.now ?? Date.now,
    random,
    rateLimits: options.rateLimits ?? true,
    revokeWindowMs: positive('revokeWindowMs', 120_000),
    maxTextBytes: positive('maxTextBytes', 12 * 1024),
    maxFileBytes: positive('maxFileBytes', 100 * 1024 * 1024),
    maxImageBytes: positive('maxImageBytes', 28 * 1024 * 1024),
    uploadChunkBytes: positive('uploadChunkBytes', 64 * 1024),
  };
  const openServer = () =>
    HubServer.open({
      ...serverOptions,
      storage: persist ? (options.storage ?? createIndexedDBStorage(`tidings-hub:${name}`)) : null,
    });

  const locks = options.locks ?? (globalThis as { navigator?: LockCapable }).navigator?.locks;
  const createChannel =
    options.createChannel ??
    (typeof BroadcastChannel === 'function'
      ? (channelName: string) => new BroadcastChannel(channelName) as unknown as ChannelLike
      : undefined);

  let transport: HubTransport;
  let tabs: TabTransport | null = null;
  let server: HubServer | null = null;
  let closeShared: () => Promise<void> = async () => undefined;
  if (options.shareAcrossTabs && locks && createChannel) {
    const shared = new TabTransport(
      createChannel(`tidings-hub:${name}`),
      `tab-${createUuid(random)}`,
      positive('requestTimeoutMs', 15_000),
    );
    tabs = shared;
    transport = shared;
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    let closing = false;
    let leaderDone: Promise<unknown> | null = null;
    const leading = new Promise<void>((resolve, reject) => {
      const granted = locks.request(`tidings-hub:${name}`, async () => {
        // A tab that closed while it waited for the lock hands it straight on.
        if (closing) return;
        let leader: HubServer;
        try {
          leader = await openServer();
        } catch (error) {
          reject(error);
          return;
        }
        server = leader;
        leaderDone = granted;
        shared.becomeLeader(leader);
        resolve();
        await held;
        await leader.flush();
        leader.close();
      });
      granted.catch(reject);
    });
    closeShared = async () => {
      closing = true;
      release();
      if (leaderDone) await leaderDone;
      shared.shutdown();
    };
    shared.probe();
    await Promise.race([leading, shared.whenLeaderKnown()]);
  } else {
    server = await openServer();
    transport = new InProcessTransport(server);
  }
  const hub = new LocalHubImpl({
    name,
    persist,
    random,
    transport,
    tabs,
    createChannel,
    network: options.network ?? {},
    close: async () => {
      if (tabs) {
        await closeShared();
      } else {
        await server?.flush();
        server?.close();
      }
    },
  });
  const users = opts.users === undefined ? [] : (opts.users as HubUserInput[]);
  if (users.length > 0) await hub.addUsers(users);
  return hub;
}

class LocalHubImpl implements LocalHub {
  readonly name: string;
  readonly #persist: boolean;
  readonly #random: () => number;
  readonly #transport: HubTransport;
  readonly #tabs: TabTransport | null;
  readonly #createChannel: ChannelFactory | undefined;
  readonly #close: () => Promise<void>;
  #global: NetworkConditions;
  readonly #perUser = new Map<string, NetworkConditions>();
  readonly #links = new Set<NetworkLink>();
  readonly #engines = new Set<LocalEngine>();
  #connections = 0;
  #closed = false;

  constructor(init: {
    name: string;
    persist: boolean;
    random: () => number;
    transport: HubTransport;
    tabs: TabTransport | null;
    createChannel: ChannelFactory | undefined;
    network: NetworkConditions;
    close: () => Promise<void>;
  }) {
    this.#createChannel = init.createChannel;
    this.name = init.name;
    this.#persist = init.persist;
    this.#random = init.random;
    this.#transport = init.transport;
    this.#tabs = init.tabs;
    this.#global = init.network;
    this.#close = init.close;
  }

  get isLeader(): boolean {
    return this.#tabs ? this.#tabs.isLeader : true;
  }

  /** Runs an admin call so that only ChatErrors escape it, even when reading its arguments throws. */
  #admin<T>(method: string, run: () => T): T {
    const fail = (error: unknown): never => {
      throw asInvalidArgument(method, error);
    };
    try {
      const result = run();
      return (result instanceof Promise ? result.catch(fail) : result) as T;
    } catch (error) {
      return fail(error);
    }
  }

  connect(userID: string, options?: LocalEngineOptions): Promise<LocalEngine> {
    return this.#admin('connect', () => this.#connect(userID, options));
  }

  addUsers(users: HubUserInput[]): Promise<void> {
    return this.#admin('addUsers', () => this.#addUsers(users));
  }

  createGroup(options: HubGroupInput): Promise<GroupProfile> {
    return this.#admin('createGroup', () => this.#createGroup(options));
  }

  seed(seed: HubSeed, options?: HubWorkOptions): Promise<void> {
    return this.#admin('seed', () => this.#seed(seed, options));
  }

  #guard(method: string): void {
    if (this.#closed)
      throw new ChatError(ChatErrorCode.InvalidState, `${method}: the hub is closed.`, { method });
  }

  #resolve(userID: string, own: NetworkConditions): ResolvedNetworkConditions {
    return {
      online: true,
      latencyMs: 0,
      failureRate: 0,
      ...definedOnly(this.#global),
      ...definedOnly(this.#perUser.get(userID) ?? {}),
      ...definedOnly(own),
    };
  }

  async #connect(userID: string, options: LocalEngineOptions = {}): Promise<LocalEngine> {
    this.#guard('connect');
    assertString('connect', 'userID', userID, { nonEmpty: true });
    const opts = assertOptions('connect', options) as LocalEngineOptions;
    const deviceID =
      opts.deviceID === undefined
        ? 'default'
        : assertString('connect', 'options.deviceID', opts.deviceID, { nonEmpty: true });
    const persist = opts.persist ?? this.#persist;
    const connID = `${this.#tabs?.tabID ?? 'local'}:${++this.#connections}:${createUuid(this.#random).slice(0, 8)}`;
    const link: NetworkLink = new NetworkLink({
      connID,
      userID,
      transport: this.#transport,
      random: this.#random,
      resolve: (own) => this.#resolve(userID, own),
      onClose: () => this.#links.delete(link),
    });
    this.#links.add(link);
    const databaseName = `tidings-engine:${this.name}:${userID}:${deviceID}`;
    const storage = persist ? (opts.storage ?? createIndexedDBStorage(databaseName)) : null;
    const engine = await openLocalEngine({
      link,
      storage,
      channel: persist ? openChannel(this.#createChannel, databaseName) : null,
      random: this.#random,
      options: { ...opts, deviceID },
      onLogout: () => this.#engines.delete(engine),
    });
    this.#engines.add(engine);
    return engine;
  }

  async #addUsers(users: HubUserInput[]): Promise<void> {
    this.#guard('addUsers');
    if (!Array.isArray(users)) throw invalidParameter('addUsers', 'users', 'an array', users);
    const profiles = users.map((user, index) => {
      if (typeof user === 'string') {
        assertString('addUsers', `users[${index}]`, user, { nonEmpty: true });
        return { userID: user, nick: user, faceUrl: '' };
      }
      const input = assertOptions('addUsers', user, `users[${index}]`);
      const userID = assertString('addUsers', `users[${index}].userID`, input.userID, { nonEmpty: true });
      const nick =
        input.nick === undefined ? userID : assertString('addUsers', `users[${index}].nick`, input.nick);
      const faceUrl =
        input.faceUrl === undefined ? '' : assertString('addUsers', `users[${index}].faceUrl`, input.faceUrl);
      return { userID, nick, faceUrl };
    });
    await this.#transport.request(null, 'admin.addUsers', { users: profiles });
  }

  async #createGroup(options: HubGroupInput): Promise<GroupProfile> {
    this.#guard('createGroup');
    const opts = assertOptions('createGroup', options);
    const name = assertGroupName('createGroup', 'options.name', opts.name);
    const ownerID = assertString('createGroup', 'options.ownerID', opts.ownerID, { nonEmpty: true });
    const members = assertIDList('createGroup', 'options.memberUserIDList', opts.memberUserIDList, 10_000, {
      allowEmpty: true,
    });
    const groupID =
      opts.groupID === undefined
        ? ''
        : assertString('createGroup', 'options.groupID', opts.groupID, { nonEmpty: true });
    const faceUrl =
      opts.faceUrl === undefined ? '' : assertString('createGroup', 'options.faceUrl', opts.faceUrl);
    return this.#transport.request(null, 'admin.createGroup', {
      groupID,
      name,
      faceUrl,
      ownerID,
      memberUserIDList: members,
    });
  }

  async #seed(seed: HubSeed, options: HubWorkOptions | undefined): Promise<void> {
    this.#guard('seed');
    assertOptions('seed', seed, 'seed');
    const { onProgress } = assertOptions('seed', options) as HubWorkOptions;
    if (onProgress !== undefined && typeof onProgress !== 'function') {
      throw invalidParameter('seed', 'options.onProgress', 'a function');
    }
    // A throwing listener must not fail the seed it only watches.
    const report =
      onProgress &&
      ((progress: HubWorkProgress) => {
        try {
          onProgress(progress);
        } catch (error) {
          console.error('Tidings hub: a seed progress listener threw', error);
        }
      });
    await this.#transport.request(null, 'admin.seed', { seed }, report);
  }

  setNetworkConditions(conditions: NetworkConditions, userID?: string): void {
    this.#guard('setNetworkConditions');
    const valid = this.#admin('setNetworkConditions', () => {
      const checked = validateConditions(conditions);
      if (userID !== undefined) assertString('setNetworkConditions', 'userID', userID, { nonEmpty: true });
      return checked;
    });
    if (userID === undefined) this.#global = { ...this.#global, ...valid };
    else this.#perUser.set(userID, { ...this.#perUser.get(userID), ...valid });
    for (const link of [...this.#links]) if (userID === undefined || link.userID === userID) link.refresh();
  }

  getServerTime(): number {
    return this.#transport.serverTime();
  }

  async flush(): Promise<void> {
    await Promise.all([...this.#engines].map((engine) => engine.flush()));
    await this.#transport.request(null, 'admin.flush', {});
  }

  async close(): Promise<void> {
    if (this.#closed) return;
    for (const engine of [...this.#engines]) await engine.logout();
    this.#closed = true;
    await this.#close();
  }
}

/**
 * The channel between engines on one local database (tabs of one user and device), or null where the
 * platform has none. A Node BroadcastChannel must not keep the process alive.
 */
function openChannel(createChannel: ChannelFactory | undefined, name: string): ChannelLike | null {
  if (!createChannel) return null;
  try {
    const channel = createChannel(name);
    (channel as { unref?: () => void }).unref?.();
    return channel;
  } catch (error) {
    console.error('Tidings local engine: opening the channel to other tabs failed', error);
    return null;
  }
}

function definedOnly(conditions: NetworkConditions): NetworkConditions {
  const out: NetworkConditions = {};
  if (conditions.online !== undefined) out.online = conditions.online;
  if (conditions.latencyMs !== undefined) out.latencyMs = conditions.latencyMs;
  if (conditions.failureRate !== undefined) out.failureRate = conditions.failureRate;
  return out;
}
