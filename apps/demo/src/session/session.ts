import { type ChatStore, createChatStore, type UserProfile } from '@tidings/core';
import type { HubWorkProgress, LocalEngine } from '@tidings/core/local';
import { createSettingsStore } from '../settings/settings-store';
import { claimDevice, ensureLoad, holdPresence, raiseOwnConversations, type World } from '../world/world';
import {
  CHINESE_SPEAKERS,
  isSeededUser,
  PEOPLE,
  TIDINGS_PROFILE,
  TIDINGS_USER_ID,
} from '../world/world-people';
import { WELCOME } from '../world/world-scripts';
import { createNetworkControl, initialNetwork, type NetworkControl } from './network';

/** The User Timing mark set when a session's store is created. */
export const STORE_CREATED_MARK = 'tidings-demo:store-created';

/** Who is signed in in this tab: `sessionStorage`, so it survives a reload and differs per tab. */
export const sessionStore = createSettingsStore<{ userID: string | null }>(
  'tidings-demo:session',
  { userID: null },
  (stored) => ({ userID: typeof stored.userID === 'string' && stored.userID ? stored.userID : undefined }),
  'session',
);

/** A signed-in account in this tab. */
export interface Session {
  userID: string;
  /** The account's name and picture. */
  profile: UserProfile;
  engine: LocalEngine;
  store: ChatStore;
  /** This tab's simulated network. */
  network: NetworkControl;
  /** Signs out: stops the store, ends the engine's session, lets other tabs see the account is gone. */
  end(): Promise<void>;
}

/** A new account's ID from the name a person typed: `Zoë Lin` → `zoe-lin`. */
export function userIDFromName(name: string): string {
  const slug = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N}._-]+/gu, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 32);
  const person = PEOPLE.find((p) => p.userID === slug || p.nick.toLowerCase() === name.trim().toLowerCase());
  if (person) return person.userID;
  // The Tidings account is the demo's own; nobody signs in as it.
  return slug === TIDINGS_USER_ID ? `${slug}-fan` : slug;
}

/**
 * Signs `userID` in to the world in this tab: registers a new account with its name, gives it the
 * world's load, connects its engine (a device slot of its own per tab, so two tabs of one account are
 * two devices), and welcomes a new account with a few messages. `options.onProgress` hears about once a
 * second while the hub writes the load, which can take a while in a tab that does not run the hub.
 */
export async function startSession(
  world: World,
  userID: string,
  options: { nick?: string; locale?: string; onProgress?: (progress: HubWorkProgress) => void } = {},
): Promise<Session> {
  const isNew = !isSeededUser(userID);
  if (isNew && options.nick) await world.hub.addUsers([{ userID, nick: options.nick }]);
  const loadedNow = await ensureLoad(world, userID, options.onProgress);
  const device = await claimDevice(world, userID);
  const leave = holdPresence(userID);
  const release = () => {
    leave();
    device.release();
  };
  const network = initialNetwork();
  let engine: LocalEngine;
  try {
    engine = await world.hub.connect(userID, { deviceID: device.deviceID, network });
  } catch (error) {
    release();
    throw error;
  }
  // From here on the browser going offline or online reaches the engine.
  const networkControl = createNetworkControl(engine, network);
  if (loadedNow) await raiseOwnConversations(engine).catch(() => undefined);
  const store = createChatStore(engine);
  // For the e2e suite's cold-start timing: how long after this the first rows show.
  globalThis.performance?.mark?.(STORE_CREATED_MARK);
  const [profile = { userID, nick: options.nick ?? userID, faceUrl: '' }] = await engine
    .getUsersProfile([userID])
    .catch(() => []);
  if (isNew) await welcome(world, engine, options.nick ?? userID, options.locale).catch(() => undefined);
  sessionStore.set({ userID });
  let ended = false;
  void warmHistory(engine, () => ended);
  return {
    userID,
    profile,
    engine,
    store,
    network: networkControl,
    async end() {
      if (ended) return;
      ended = true;
      networkControl.dispose();
      sessionStore.set({ userID: null });
      store.getState().destroy();
      release();
      await engine.logout().catch(() => undefined);
    },
  };
}

/** The Tidings account says hello to an account that has no conversations yet. */
async function welcome(world: World, engine: LocalEngine, nick: string, locale?: string): Promise<void> {
  const { conversationList } = await engine.getConversationList(0, 1);
  if (conversationList.length > 0) return;
  const tidings = await world.hub.connect(TIDINGS_PROFILE.userID, {
    persist: false,
    deviceID: `welcome-${world.tabID}`,
  });
  try {
    const chinese = locale?.startsWith('zh') || CHINESE_SPEAKERS.has(engine.userID);
    const first = nick.split(' ')[0] ?? nick;
    for (const line of chinese ? WELCOME.zh : WELCOME.en) {
      const message = await tidings.createTextMessage(line(first));
      await tidings.sendMessage(message, { receiver: engine.userID }).promise;
    }
  } finally {
    await tidings.logout().catch(() => undefined);
  }
}

/**
 * Brings the recent history of the newest conversations into the account's local store, a page each, in
 * the background, as chat apps do after signing in on a new device: local message search then finds
 * messages in chats that were not opened on this device yet.
 */
async function warmHistory(engine: LocalEngine, isEnded: () => boolean): Promise<void> {
  // After the first paint, and one conversation at a time, so the UI never waits on it.
  await new Promise((resolve) => setTimeout(resolve, 1500));
  const { conversationList } = await engine
    .getConversationList(0, 40)
    .catch(() => ({ conversationList: [] }));
  for (const conversation of conversationList) {
    if (isEnded()) return;
    await engine
      .getHistoryMessageList({ conversationID: conversation.conversationID, count: 50 })
      .catch(() => undefined);
  }
}
