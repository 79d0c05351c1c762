import { createLocalHub, type HubWorkProgress, type LocalEngine, type LocalHub } from '@tidings/core/local';
import { GROUPS, PEOPLE, TIDINGS_USER_ID } from './world-people';
import { loadMarkerUserID, SEED_MARKER_GROUP, seedLoad, seedWorld } from './world-seed';
import { type WorldSettings, worldName } from './world-settings';

/**
 * The demo world of this tab: the embedded hub, shared by the site's tabs (one tab runs it from
 * IndexedDB, the others talk to it over a BroadcastChannel; when that tab closes another takes over).
 */
export interface World {
  /** The hub's name, which is also its database's. */
  readonly name: string;
  /** Extra conversations per account in this world. */
  readonly load: WorldSettings['load'];
  readonly hub: LocalHub;
  /** This tab, for device IDs: stable across reloads of the tab, different in every other tab. */
  readonly tabID: string;
}

const TAB_KEY = 'tidings-demo:tab';

function tabIDOf(): string {
  try {
    const held = sessionStorage.getItem(TAB_KEY);
    if (held) return held;
    const id = `tab-${crypto.randomUUID().slice(0, 8)}`;
    sessionStorage.setItem(TAB_KEY, id);
    return id;
  } catch {
    return `tab-${Math.random().toString(36).slice(2, 10)}`;
  }
}

/** Runs `fn` while holding a Web Lock of this origin (exclusive), or right away where there are none. */
export async function withLock<T>(name: string, fn: () => Promise<T>): Promise<T> {
  const locks = globalThis.navigator?.locks;
  if (!locks) return fn();
  return locks.request(name, fn) as Promise<T>;
}

/** Calls `fn` with a short-lived session of the Tidings account, for questions about the hub's data. */
async function withProbe<T>(world: World, fn: (engine: LocalEngine) => Promise<T>): Promise<T> {
  const engine = await world.hub.connect(TIDINGS_USER_ID, {
    persist: false,
    deviceID: `probe-${world.tabID}`,
  });
  try {
    return await fn(engine);
  } finally {
    await engine.logout().catch(() => undefined);
  }
}

/**
 * Opens the world with this load: the shared hub, seeded on the first visit only (whichever tab gets
 * there first seeds it while the others wait).
 */
export async function openWorld(load: WorldSettings['load']): Promise<World> {
  const name = worldName(load);
  const hub = await createLocalHub({ name, persist: true, shareAcrossTabs: true });
  const world: World = { name, load, hub, tabID: tabIDOf() };
  await withLock(`tidings-demo:setup:${name}`, () =>
    withProbe(world, async (probe) => {
      const seeded = (await probe.getGroupsInfo([SEED_MARKER_GROUP])).length > 0;
      if (!seeded) await seedWorld(hub);
    }),
  );
  // Signing the tab's engines out hands the hub to another tab at once instead of on a timeout.
  globalThis.addEventListener?.('pagehide', () => void hub.close().catch(() => undefined), { once: true });
  return world;
}

/**
 * Gives an account the world's extra conversations, once (the first time it signs in to this world).
 * Resolves with whether it did just now; `onProgress` hears about once a second while the hub writes.
 */
export async function ensureLoad(
  world: World,
  userID: string,
  onProgress?: (progress: HubWorkProgress) => void,
): Promise<boolean> {
  if (world.load === 0) return false;
  return withLock(`tidings-demo:setup:${world.name}`, () =>
    withProbe(world, async (probe) => {
      const marker = loadMarkerUserID(userID);
      if ((await probe.getUsersProfile([marker])).length > 0) return false;
      await seedLoad(world.hub, userID, world.load, onProgress);
      return true;
    }),
  );
}

/**
 * Puts an account's own conversations back above a load that was just written (written later, the load's
 * conversations were activated later): each is pinned and unpinned, oldest first, which activates it
 * and keeps the order among them, as SPEC's orderKey rules say.
 */
export async function raiseOwnConversations(engine: LocalEngine): Promise<void> {
  const ids = [
    `c2c_${TIDINGS_USER_ID}`,
    ...PEOPLE.map((person) => `c2c_${person.userID}`),
    ...GROUPS.map((group) => `group_${group.groupID}`),
  ];
  const own = (await engine.getConversationListByIDs(ids))
    .filter((conversation) => !conversation.isPinned && conversation.orderKey > 0)
    .sort((a, b) => a.orderKey - b.orderKey);
  for (const conversation of own) {
    await engine.pinConversation(conversation.conversationID, true);
    await engine.pinConversation(conversation.conversationID, false);
  }
}

/** A device of an account in this tab: its ID, and a function that frees it for another tab. */
export interface DeviceClaim {
  deviceID: string;
  release(): void;
}

/**
 * Claims the lowest free device slot of an account in this browser (`web-0`, `web-1`…), held with an
 * exclusive Web Lock while the tab lives. Each device keeps its own local database, so slots are reused
 * across visits instead of leaving a database behind for every tab ever opened, and two tabs of one
 * account are still two devices.
 */
export async function claimDevice(world: World, userID: string): Promise<DeviceClaim> {
  const locks = globalThis.navigator?.locks;
  if (!locks) return { deviceID: world.tabID, release: () => undefined };
  for (let slot = 0; slot < 32; slot++) {
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    const claimed = await new Promise<boolean>((resolve) => {
      void locks
        .request(`tidings-demo:device:${world.name}:${userID}:${slot}`, { ifAvailable: true }, (lock) => {
          resolve(lock !== null);
          return lock ? held : undefined;
        })
        .catch(() => resolve(false));
    });
    if (claimed) return { deviceID: `web-${slot}`, release };
  }
  return { deviceID: world.tabID, release: () => undefined };
}

const PRESENCE = 'tidings-demo:presence:';

/**
 * Marks `userID` as signed in in this tab for as long as the returned function is not called: a shared
 * Web Lock, which other tabs see through `navigator.locks.query()` and which the browser drops when the
 * tab closes.
 */
export function holdPresence(userID: string): () => void {
  const locks = globalThis.navigator?.locks;
  if (!locks) return () => undefined;
  let release: () => void = () => undefined;
  const held = new Promise<void>((resolve) => {
    release = resolve;
  });
  void locks.request(`${PRESENCE}${userID}`, { mode: 'shared' }, () => held).catch(() => undefined);
  return release;
}

/** The users signed in in some tab of this site right now. */
export async function presentUsers(): Promise<Set<string>> {
  const locks = globalThis.navigator?.locks;
  if (!locks) return new Set();
  const { held = [] } = await locks.query();
  return new Set(
    held.flatMap((lock) => (lock.name?.startsWith(PRESENCE) ? [lock.name.slice(PRESENCE.length)] : [])),
  );
}

/**
 * Deletes every database of the demo (hubs and the accounts' local stores) and its settings in this
 * browser. The tabs must reload afterwards.
 */
export async function resetDemoData(world: World): Promise<void> {
  await world.hub.close().catch(() => undefined);
  const names = (await indexedDB.databases?.()) ?? [];
  await Promise.all(
    names
      .map((database) => database.name ?? '')
      .filter((name) => name.includes('tidings-demo'))
      .map(
        (name) =>
          new Promise<void>((resolve) => {
            const request = indexedDB.deleteDatabase(name);
            request.onsuccess = request.onerror = request.onblocked = () => resolve();
          }),
      ),
  );
  for (const key of Object.keys(localStorage))
    if (key.startsWith('tidings-demo:')) localStorage.removeItem(key);
}
