import { createSettingsStore, oneOf, useSettings } from '../settings/settings-store';

/** Extra conversations per account: each size is a world (a hub database) of its own. */
export const LOADS = [0, 10_000, 100_000] as const;
/** How often a message arrives from someone, ms; 0 is off. */
export const TRAFFIC_INTERVALS = [0, 2000, 1000, 500, 250, 100] as const;

/** How the simulated world behaves; shared by the site's tabs and carried out by the tab running the hub. */
export interface WorldSettings {
  load: (typeof LOADS)[number];
  trafficMs: (typeof TRAFFIC_INTERVALS)[number];
  /** People who are not signed in in a tab answer messages. */
  botsReply: boolean;
  /** Group members post now and then. */
  groupChatter: boolean;
}

/** The world settings (`localStorage`, key `tidings-demo:world`). */
export const worldSettingsStore = createSettingsStore<WorldSettings>(
  'tidings-demo:world',
  { load: 0, trafficMs: 0, botsReply: true, groupChatter: true },
  (stored) => ({
    load: oneOf(stored.load, LOADS),
    trafficMs: oneOf(stored.trafficMs, TRAFFIC_INTERVALS),
    botsReply: typeof stored.botsReply === 'boolean' ? stored.botsReply : undefined,
    groupChatter: typeof stored.groupChatter === 'boolean' ? stored.groupChatter : undefined,
  }),
);

/** The world settings, live. */
export function useWorldSettings(): WorldSettings {
  return useSettings(worldSettingsStore);
}

/** The hub (and IndexedDB) name of the world with this load. */
export function worldName(load: WorldSettings['load']): string {
  return load === 0 ? 'tidings-demo' : `tidings-demo-${load / 1000}k`;
}
