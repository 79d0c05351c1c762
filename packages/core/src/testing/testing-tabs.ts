import type { ChannelFactory, ChannelLike, LockManagerLike } from '../engine/local/index';

/**
 * Web Locks in memory, for simulating several browser tabs in one process (Node has no `navigator.locks`).
 * Pass the same manager to every "tab"'s `createLocalHub`: the first holds the lock and leads; when it
 * closes, the next one waiting gets it.
 *
 * @example
 * const locks = createMemoryLockManager();
 * const channels = createMemoryChannelFactory();
 * const tabA = await createLocalHub({ name: 'two-tabs', persist: true, shareAcrossTabs: true, locks, createChannel: channels });
 * const tabB = await createLocalHub({ name: 'two-tabs', persist: true, shareAcrossTabs: true, locks, createChannel: channels });
 * tabA.isLeader; // true
 * await tabA.close();
 * // tabB takes over, loading the hub from IndexedDB.
 */
export function createMemoryLockManager(): LockManagerLike {
  const queues = new Map<string, (() => void)[]>();
  const held = new Set<string>();
  const next = (name: string) => {
    const queue = queues.get(name);
    const run = queue?.shift();
    if (run) run();
    else held.delete(name);
  };
  return {
    request(name, callback) {
      return new Promise((resolve, reject) => {
        const run = () => {
          held.add(name);
          Promise.resolve()
            .then(() => callback({ name }))
            .then(resolve, reject)
            .finally(() => next(name));
        };
        if (!held.has(name)) run();
        else {
          const queue = queues.get(name) ?? [];
          queue.push(run);
          queues.set(name, queue);
        }
      });
    },
  };
}

/**
 * BroadcastChannel in memory: channels of one factory with the same name hear each other (never
 * themselves), asynchronously, with structured-cloned messages, like tabs of one origin.
 *
 * @example
 * const channels = createMemoryChannelFactory();
 * const a = channels('room');
 * const b = channels('room');
 * b.onmessage = (event) => console.log(event.data); // { hello: 'tab' }
 * a.postMessage({ hello: 'tab' });
 */
export function createMemoryChannelFactory(): ChannelFactory {
  const rooms = new Map<string, Set<ChannelLike>>();
  return (name) => {
    const room = rooms.get(name) ?? new Set<ChannelLike>();
    rooms.set(name, room);
    const channel: ChannelLike = {
      onmessage: null,
      postMessage(message) {
        if (!room.has(channel)) throw new Error(`The channel ${name} is closed.`);
        const data = structuredClone(message);
        for (const other of room) {
          if (other === channel) continue;
          setTimeout(() => {
            if (room.has(other)) other.onmessage?.({ data });
          }, 0);
        }
      },
      close() {
        room.delete(channel);
      },
    };
    room.add(channel);
    return channel;
  };
}
