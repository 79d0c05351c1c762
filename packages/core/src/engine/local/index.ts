/**
 * The embedded local engine, Tidings' default backend: a hub that plays the chat server (in this tab, or
 * shared by the tabs of an origin) and engines that sign in to it, each with its own local store.
 *
 * Main files: `local-hub.ts` and `local-hub-*.ts` (the server side, a file per concern),
 * `local-engine.ts` and `local-engine-*.ts` (the client side), `local-protocol.ts` (what they exchange),
 * `local-persistence.ts` (IndexedDB). May import `engine/` and `model/`; never `store/`, `selectors/` or
 * `testing/`.
 */
export type { LocalEngine, LocalEngineOptions } from './local-engine';
export {
  createLocalHub,
  type HubGroupInput,
  type HubUserInput,
  type HubWorkOptions,
  type HubWorkProgress,
  type LocalHub,
  type LocalHubOptions,
} from './local-hub';
export type { ChannelFactory, ChannelLike, LockManagerLike } from './local-hub-broadcast';
export type { NetworkConditions } from './local-hub-transport';
export {
  type BucketPatch,
  createIndexedDBStorage,
  type LocalStorageAdapter,
  type StorageBatch,
  type StoredBlob,
  type StoredBucket,
} from './local-persistence';
export type { HubSeed, SeedMessage } from './local-protocol';
