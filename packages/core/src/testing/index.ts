/**
 * Test and demo helpers for Tidings (`@tidings/core/testing`): fixture builders, seeded hubs, bulk
 * conversation seeding, and in-memory Web Locks / BroadcastChannel for simulating browser tabs.
 *
 * Main files: `testing-fixtures.ts` (builders), `testing-seed.ts` (seeded hubs), `testing-tabs.ts`. May
 * import anything in core; nothing in core's source imports it.
 */
export { createInitialChatState } from '../store/chat-store-initial';
export { createTestConversation, createTestMessage } from './testing-fixtures';
export {
  createRandom,
  createSeededHub,
  type SeedConversationsOptions,
  type SeededHub,
  type SeededHubOptions,
  seedConversations,
  TEST_USERS,
} from './testing-seed';
export { createMemoryChannelFactory, createMemoryLockManager } from './testing-tabs';
