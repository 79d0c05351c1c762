import fc from 'fast-check';
import { afterEach, describe, expect, test } from 'vitest';
import type { Message } from '../../model/types';
import { createChatStore } from '../../store/create-chat-store';
import { createMemoryChannelFactory, createMemoryLockManager } from '../../testing/index';
import { createLocalHub, type LocalHub } from './local-hub';
import type { ChannelFactory } from './local-hub-broadcast';
import { record, sendText, textOf, uniqueName, waitFor } from './local-test-helpers';

/**
 * Two engines of one user on one device share one local database (issue 9: "two tabs of the same user lose
 * local data"): whatever the interleaving of their writes, nothing either of them wrote is lost, and each
 * sees the other's local changes live.
 */

const opened: LocalHub[] = [];
afterEach(async () => {
  for (const hub of opened.splice(0).reverse()) await hub.close();
});

async function open(name: string, extra: { channels?: ChannelFactory; shared?: boolean } = {}) {
  const hub = await createLocalHub({
    name,
    persist: true,
    rateLimits: false,
    users: ['alice', 'bob'],
    ...(extra.shared && { shareAcrossTabs: true, locks: sharedLocks(name) }),
    ...(extra.channels && { createChannel: extra.channels }),
  });
  opened.push(hub);
  return hub;
}

const lockManagers = new Map<string, ReturnType<typeof createMemoryLockManager>>();
function sharedLocks(name: string) {
  let locks = lockManagers.get(name);
  if (!locks) {
    locks = createMemoryLockManager();
    lockManagers.set(name, locks);
  }
  return locks;
}

async function closeHub(hub: LocalHub): Promise<void> {
  opened.splice(opened.indexOf(hub), 1);
  await hub.close();
}

/** What alice holds in her conversation with bob after a reload, by msgID. */
async function afterReload(name: string): Promise<Map<string, Message>> {
  const hub = await open(name);
  const alice = await hub.connect('alice');
  const held = new Map<string, Message>();
  let lastMsg: Message | undefined;
  for (let guard = 0; guard < 100; guard++) {
    const page = await alice.getHistoryMessageList({
      conversationID: 'c2c_bob',
      count: 100,
      ...(lastMsg && { lastMsg }),
    });
    for (const message of page.messageList) held.set(message.msgID, message);
    lastMsg = page.messageList[0];
    if (page.isFinished || !lastMsg) break;
  }
  await closeHub(hub);
  return held;
}

describe('two tabs of one user on one device', () => {
  test('custom data, a local delete and an inserted tip made in one tab survive a reload while the other tab keeps receiving', async () => {
    const name = uniqueName('same-device');
    const hub = await open(name);
    const tab1 = await hub.connect('alice');
    const tab2 = await hub.connect('alice');
    const bob = await hub.connect('bob');
    const keep = await sendText(bob, 'keep me', { receiver: 'alice' });
    const drop = await sendText(bob, 'drop me', { receiver: 'alice' });
    await waitFor(async () => (await tab1.findMessages([drop.msgID])).length === 1);
    await tab1.setLocalCustomData(keep.msgID, '{"note":true}');
    await tab1.deleteMessages([drop.msgID]);
    const tip = await tab1.insertMessageToLocalStorage(
      'c2c_bob',
      await tab1.createTextMessage('a local tip'),
    );
    for (let i = 0; i < 3; i++) {
      await sendText(bob, `more ${i}`, { receiver: 'alice' });
      await tab2.flush();
    }
    await hub.flush();
    await closeHub(hub);

    const held = await afterReload(name);
    expect(held.get(keep.msgID)?.localCustomData).toBe('{"note":true}');
    expect(held.has(drop.msgID)).toBe(false);
    expect(held.get(tip.msgID)).toMatchObject({ status: 'local' });
    expect([...held.values()].filter((message) => textOf(message)?.startsWith('more'))).toHaveLength(3);
  });

  test('across browser tabs (shareAcrossTabs), local changes of one tab survive the other tab writing', async () => {
    const name = uniqueName('shared-tabs');
    const channels = createMemoryChannelFactory();
    const tabA = await open(name, { shared: true, channels });
    const tabB = await open(name, { shared: true, channels });
    const aliceA = await tabA.connect('alice');
    const aliceB = await tabB.connect('alice');
    const bob = await tabA.connect('bob');
    const keep = await sendText(bob, 'keep me', { receiver: 'alice' });
    await waitFor(async () => (await aliceB.findMessages([keep.msgID])).length === 1);
    await aliceA.setLocalCustomData(keep.msgID, 'starred');
    const tip = await aliceA.insertMessageToLocalStorage('c2c_bob', await aliceA.createTextMessage('tip'));
    const events = record(aliceB);
    await sendText(bob, 'later', { receiver: 'alice' });
    await waitFor(() => events.named('onRecvNewMessage').length >= 1);
    await tabB.flush();
    await closeHub(tabB);
    await closeHub(tabA);

    const held = await afterReload(name);
    expect(held.get(keep.msgID)?.localCustomData).toBe('starred');
    expect(held.has(tip.msgID)).toBe(true);
  });

  test("the other tab sees one tab's custom data, local delete and inserted tip live", async () => {
    const name = uniqueName('live');
    const hub = await open(name);
    const tab1 = await hub.connect('alice');
    const tab2 = await hub.connect('alice');
    const bob = await hub.connect('bob');
    const keep = await sendText(bob, 'keep me', { receiver: 'alice' });
    const drop = await sendText(bob, 'drop me', { receiver: 'alice' });
    await waitFor(async () => (await tab2.findMessages([drop.msgID])).length === 1);
    const store = createChatStore(tab2);
    await store.getState().start();
    await store.getState().openConversation('c2c_bob');
    await waitFor(() => store.getState().windows.c2c_bob?.messageIDs.includes(drop.msgID) ?? false);

    await tab1.setLocalCustomData(keep.msgID, 'seen elsewhere');
    await tab1.deleteMessages([drop.msgID]);
    const tip = await tab1.insertMessageToLocalStorage(
      'c2c_bob',
      await tab1.createTextMessage('a local tip'),
    );

    await waitFor(() => {
      const state = store.getState();
      const ids = state.windows.c2c_bob?.messageIDs ?? [];
      return (
        state.messages.get(keep.msgID)?.localCustomData === 'seen elsewhere' &&
        !ids.includes(drop.msgID) &&
        ids.includes(tip.msgID)
      );
    });
    expect((await tab2.findMessages([keep.msgID]))[0]?.localCustomData).toBe('seen elsewhere');
    expect(await tab2.findMessages([drop.msgID])).toEqual([]);
    const history = await tab2.getHistoryMessageList({ conversationID: 'c2c_bob', count: 10 });
    expect(history.messageList.map((message) => message.msgID)).toContain(tip.msgID);
    expect(history.messageList.map((message) => message.msgID)).not.toContain(drop.msgID);
    store.getState().destroy();
  });

  type Step =
    | { kind: 'custom'; tab: 0 | 1; pick: number; data: string }
    | { kind: 'delete'; tab: 0 | 1; pick: number }
    | { kind: 'insert'; tab: 0 | 1; text: string }
    | { kind: 'receive'; text: string }
    | { kind: 'flush'; tab: 0 | 1 };

  const step: fc.Arbitrary<Step> = fc.oneof(
    fc.record({
      kind: fc.constant('custom' as const),
      tab: fc.constantFrom(0 as const, 1 as const),
      pick: fc.nat(),
      data: fc.string({ maxLength: 8 }),
    }),
    fc.record({
      kind: fc.constant('delete' as const),
      tab: fc.constantFrom(0 as const, 1 as const),
      pick: fc.nat(),
    }),
    fc.record({
      kind: fc.constant('insert' as const),
      tab: fc.constantFrom(0 as const, 1 as const),
      text: fc.string({ minLength: 1, maxLength: 8 }),
    }),
    fc.record({ kind: fc.constant('receive' as const), text: fc.string({ minLength: 1, maxLength: 8 }) }),
    fc.record({ kind: fc.constant('flush' as const), tab: fc.constantFrom(0 as const, 1 as const) }),
  );

  test('property: whatever the interleaving of local writes in two tabs and incoming messages, both tabs converge and a reload loses nothing', async () => {
    const runs = Number(process.env.TIDINGS_PROPERTY_RUNS ?? 12);
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 14 }), async (steps) => {
        const name = uniqueName('interleave');
        const hub = await open(name);
        const tabs = [await hub.connect('alice'), await hub.connect('alice')] as const;
        const bob = await hub.connect('bob');
        const received: string[] = [];
        const custom = new Map<string, string>();
        const deleted = new Set<string>();
        const inserted = new Set<string>();
        const pending: Promise<unknown>[] = [];
        const alive = () => received.filter((id) => !deleted.has(id));
        for (const s of steps) {
          switch (s.kind) {
            case 'receive':
              received.push((await sendText(bob, s.text, { receiver: 'alice' })).msgID);
              break;
            case 'custom': {
              const ids = alive();
              const msgID = ids[s.pick % Math.max(1, ids.length)];
              if (!msgID) break;
              // Two tabs writing one message's custom data at the same moment have no defined winner, so
              // an overwrite waits for the writes in flight.
              if (custom.has(msgID)) await Promise.all(pending);
              // Not awaited: the next step runs while this write is in flight.
              const tab = tabs[s.tab];
              const write = (async () => {
                await waitFor(async () => (await tab.findMessages([msgID])).length === 1);
                await tab.setLocalCustomData(msgID, s.data);
              })();
              custom.set(msgID, s.data);
              pending.push(write);
              await Promise.resolve();
              break;
            }
            case 'delete': {
              const ids = alive().filter((id) => !custom.has(id));
              const msgID = ids[s.pick % Math.max(1, ids.length)];
              if (!msgID) break;
              deleted.add(msgID);
              const tab = tabs[s.tab];
              pending.push(
                (async () => {
                  await waitFor(async () => (await tab.findMessages([msgID])).length === 1);
                  await tab.deleteMessages([msgID]);
                })(),
              );
              await Promise.resolve();
              break;
            }
            case 'insert': {
              const tab = tabs[s.tab];
              const message = await tab.createTextMessage(s.text);
              inserted.add(message.msgID);
              pending.push(tab.insertMessageToLocalStorage('c2c_bob', message));
              break;
            }
            case 'flush':
              await tabs[s.tab].flush();
              break;
          }
        }
        await Promise.all(pending);
        await hub.flush();
        // Both tabs converge live on every local change, whichever tab made it.
        const ids = [...deleted, ...inserted, ...custom.keys()];
        for (const tab of ids.length > 0 ? tabs : []) {
          await waitFor(async () => {
            const found = new Map((await tab.findMessages(ids)).map((message) => [message.msgID, message]));
            return (
              [...deleted].every((msgID) => !found.has(msgID)) &&
              [...inserted].every((msgID) => found.has(msgID)) &&
              [...custom].every(([msgID, data]) => found.get(msgID)?.localCustomData === data)
            );
          });
        }
        await closeHub(hub);

        const held = await afterReload(name);
        for (const msgID of deleted) expect(held.has(msgID), `deleted ${msgID} came back`).toBe(false);
        for (const msgID of inserted) expect(held.has(msgID), `inserted ${msgID} was lost`).toBe(true);
        for (const [msgID, data] of custom) {
          expect(held.get(msgID)?.localCustomData, `custom data of ${msgID}`).toBe(data);
        }
      }),
      { numRuns: runs },
    );
  }, 120_000);
});
