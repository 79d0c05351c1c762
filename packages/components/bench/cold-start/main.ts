/**
 * The cold-start benchmark page: `run.ts` drives it through `window.bench` in a Chromium with a fresh
 * profile. `write` seeds a hub and lets a persisted engine sync and write its conversation cache into this
 * origin's IndexedDB; after a reload, `coldStart` times an engine opening on that database and a chat
 * store showing its first page.
 */
import { createChatStore } from '@tidings/core';
import { createIndexedDBStorage, createLocalHub, type LocalStorageAdapter } from '@tidings/core/local';
import { seedConversations } from '@tidings/core/testing';

const HUB = 'bench-cold-start';
const ENGINE_DB = `tidings-engine:${HUB}:alice:default`;

/** Engine storage that adds up the time spent writing the conversation cache, and what a cold start reads. */
function measured() {
  const base = createIndexedDBStorage(ENGINE_DB);
  const stats = { writeMs: 0, rowsWritten: 0, topRowsRead: 0, writes: [] as [number, number][] };
  const storage: LocalStorageAdapter = {
    ...base,
    writeConversationCache: async (patches, meta) => {
      const start = performance.now();
      await base.writeConversationCache?.(patches, meta);
      const rows = patches.reduce((sum, patch) => sum + patch.put.length, 0);
      stats.writeMs += performance.now() - start;
      stats.rowsWritten += rows;
      stats.writes.push([rows, Math.round(performance.now() - start)]);
    },
    readConversationMeta: async () => {
      const values = await (
        base.readConversationMeta as NonNullable<LocalStorageAdapter['readConversationMeta']>
      )();
      stats.topRowsRead += (values.top as { states?: unknown[] } | undefined)?.states?.length ?? 0;
      return values;
    },
  };
  return { storage, stats };
}

const bench = {
  /** Seeds `conversations` into the hub, then syncs a persisted engine that writes them into IndexedDB. */
  async write({ conversations }: { conversations: number }) {
    const hub = await createLocalHub({ name: HUB, persist: true, rateLimits: false });
    let start = performance.now();
    await seedConversations(hub, 'alice', conversations);
    await hub.flush();
    const hubSeedMs = performance.now() - start;
    const { storage, stats } = measured();
    start = performance.now();
    const alice = await hub.connect('alice', { storage });
    const syncMs = performance.now() - start;
    await alice.flush();
    const page = await alice.getConversationList(0, 50);
    await hub.close();
    return {
      hubSeedMs,
      syncMs,
      writeMs: stats.writeMs,
      rowsWritten: stats.rowsWritten,
      writes: stats.writes,
      first: page.conversationList[0]?.conversationID,
    };
  },

  /**
   * Opens the engine on the persisted database and starts a chat store on it; resolves when the store
   * holds its first page. `online: false` starts with the network off.
   */
  async coldStart({ online }: { online: boolean }) {
    const hubStart = performance.now();
    const hub = await createLocalHub({ name: HUB, persist: true, rateLimits: false });
    const hubOpenMs = performance.now() - hubStart;
    const { storage, stats } = measured();
    const start = performance.now();
    const alice = await hub.connect('alice', { storage, network: { online } });
    const engineOpenMs = performance.now() - start;
    const store = createChatStore(alice);
    // The first page is in the state when the list has rows; start() itself also waits for the totals.
    const shown = new Promise<number>((resolve) => {
      const check = () => {
        if (store.getState().conversations.size > 0) {
          unsubscribe();
          resolve(performance.now());
        }
      };
      const unsubscribe = store.subscribe(check);
    });
    const started = store.getState().start();
    const firstPageMs = (await shown) - start;
    const rowsShown = store.getState().conversations.size;
    const topRowsRead = stats.topRowsRead;
    await started;
    const settledMs = performance.now() - start;
    store.getState().destroy();
    await hub.close();
    return { hubOpenMs, engineOpenMs, firstPageMs, settledMs, rowsShown, topRowsRead };
  },
};

(window as unknown as { bench: typeof bench }).bench = bench;
document.title = 'bench ready';
