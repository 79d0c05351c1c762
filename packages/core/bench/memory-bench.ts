/**
 * Retained memory of the store per conversation at 100,000 (issue "Performance", part 4): the heap after
 * GC with the conversation objects alone, then with a started store holding them, so the store's own
 * cost is what it adds on top of the objects it is given.
 *
 *   node --expose-gc --import tsx bench/memory-bench.ts      (part of `pnpm --filter @tidings/core bench`)
 *
 * Budget: the store adds less than the conversation objects themselves weigh (total ≤ 2× the objects).
 * The run exits non-zero when it is missed.
 */
import { type ChatEngine, type Conversation, type ConversationListener, createChatStore } from '../src/index';
import { createTestConversation, createTestMessage } from '../src/testing';

const N = Number(process.env.TIDINGS_BENCH_CONVERSATIONS ?? 100_000);
const BUDGET = 2;

function gc() {
  const collect = (globalThis as { gc?: () => void }).gc;
  if (!collect) throw new Error('run with node --expose-gc');
  for (let i = 0; i < 3; i++) collect();
}

function heap(): number {
  gc();
  return process.memoryUsage().heapUsed;
}

function conversations(n: number): Conversation[] {
  return Array.from({ length: n }, (_, i) => {
    const conversationID = `c2c_user${i}`;
    return createTestConversation({
      conversationID,
      showName: `User ${i}`,
      orderKey: i + 1,
      unreadCount: i % 3,
      lastMessage: createTestMessage({ conversationID, sender: `user${i}`, isRead: false }),
    });
  });
}

/** An engine that serves a fixed list in one page, as a loaded inbox would be. */
function listEngine(list: Conversation[]): ChatEngine {
  const engine = {
    userID: 'me',
    getConversationList: async () => ({ conversationList: list, nextSeq: list.length, isFinished: true }),
    getTotalUnreadMessageCount: async () => 0,
    getConversationGroupList: async () => [],
    addConversationListener: (_: ConversationListener) => () => undefined,
    addAdvancedMsgListener: () => () => undefined,
  };
  return new Proxy(engine, {
    get: (target, key) => {
      if (key in target) return target[key as keyof typeof target];
      throw new Error(`listEngine does not implement ${String(key)}`);
    },
  }) as unknown as ChatEngine;
}

function mb(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

async function main() {
  const before = heap();
  const list = conversations(N);
  const withObjects = heap();
  const store = createChatStore(listEngine(list));
  await store.getState().start();
  if (store.getState().conversations.size !== N) throw new Error('the store did not load the list');
  const withStore = heap();

  const objects = withObjects - before;
  const added = withStore - withObjects;
  const ratio = (objects + added) / objects;
  const met = ratio <= BUDGET;
  console.log(`Memory bench: ${N.toLocaleString('en')} conversations, heap after GC\n`);
  console.log('| measure | total | per conversation |');
  console.log('| --- | --- | --- |');
  console.log(
    `| the conversation objects (with their last messages) | ${mb(objects)} | ${(objects / N).toFixed(0)} B |`,
  );
  console.log(
    `| added by a started store (records, order, views) | ${mb(added)} | ${(added / N).toFixed(0)} B |`,
  );
  console.log(
    `| store + objects ÷ objects | ${ratio.toFixed(2)}× | budget ≤ ${BUDGET}×: ${met ? 'yes' : 'NO'} |`,
  );
  store.getState().destroy();
  // Keep the list alive until here, so the measurement above is not of a collected list.
  if (list.length !== N) throw new Error('unreachable');
  if (!met) {
    console.error('\nA budget was missed.');
    process.exitCode = 1;
  }
}

await main();
