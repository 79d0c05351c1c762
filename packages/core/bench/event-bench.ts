/**
 * Per-event cost of the store, flat in N (issue "Performance", part 1): each real event type is fed to
 * the store as an engine delivers it, at 1,000 and at 100,000 conversations and known users, and the
 * CPU cost of one event in the store is compared between the two sizes.
 *
 *   node --expose-gc --import tsx bench/event-bench.ts      (part of `pnpm --filter @tidings/core bench`)
 *
 * Method. Each size runs in its own child process (so neither heap nor JIT state leaks from one size into
 * the other), several rounds alternating the sizes (so load from other jobs on the machine hits both
 * alike), and the median round is reported. Within a child, each event type gets a warm-up batch, then
 * batches of events, each batch run twice after a forced full GC: once with the store's listeners muted
 * (the harness alone: making the events and keeping the engine's copy of every conversation in a plain
 * `Map`) and once live. A cell is the median live batch minus the median muted one, in CPU time of the
 * process per event (`process.cpuUsage`: on a shared machine wall time mostly measures the others). GC
 * pauses inside the live batches (`PerformanceObserver` 'gc' entries, main-thread time) are reported
 * beside it, since they are part of what an event costs. The harness row is the floor: the same random
 * reads and writes on a plain `Map` of N, which any data structure pays (a 100,000-entry heap misses the
 * CPU caches more).
 *
 * Budget: for every event type, cost at 100,000 ÷ cost at 1,000 ≤ 1.5. The run exits non-zero when one
 * is missed, so the table in README.md stays honest.
 *
 * Environment: TIDINGS_BENCH_SIZES (default "1000,100000"), TIDINGS_BENCH_ROUNDS (3),
 * TIDINGS_BENCH_BATCHES (5), TIDINGS_BENCH_EVENTS_PER_BATCH (5000: enough allocation for several
 * young-generation collections, so their cost is in every batch), TIDINGS_BENCH_ONLY (one event type by
 * name, to profile it).
 */
import { fork } from 'node:child_process';
import { PerformanceObserver, performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import {
  type AdvancedMsgListener,
  type ChatEngine,
  type ChatState,
  type ChatStore,
  type Conversation,
  type ConversationListener,
  createChatStore,
  type Message,
  TYPING_BUSINESS_ID,
} from '../src/index';
import { createTestConversation, createTestMessage } from '../src/testing';

const SIZES = (process.env.TIDINGS_BENCH_SIZES ?? '1000,100000').split(',').map(Number);
const ROUNDS = Number(process.env.TIDINGS_BENCH_ROUNDS ?? 3);
const BATCHES = Number(process.env.TIDINGS_BENCH_BATCHES ?? 5);
const EVENTS = Number(process.env.TIDINGS_BENCH_EVENTS_PER_BATCH ?? 5_000);
const BUDGET = 1.5;
const ONLY = process.env.TIDINGS_BENCH_ONLY;
const HARNESS = 'harness (plain Map of N)';

/** A small deterministic PRNG, so both sizes see the same kind of events every run. */
function mulberry32(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

let nextMessage = 0;

/** A received message (the shared test fixture; `isSelf` follows `sender === 'me'` here). */
function message(conversationID: string, sender: string, patch: Partial<Message> = {}): Message {
  nextMessage++;
  return createTestMessage({
    conversationID,
    sender,
    nick: `Nick ${sender}`,
    isSelf: sender === 'me',
    isRead: false,
    ...patch,
  });
}

function conversation(i: number): Conversation {
  const id = `c2c_user${i}`;
  return createTestConversation({
    conversationID: id,
    showName: `User ${i}`,
    orderKey: i + 1,
    isPinned: i % 1000 === 0,
    unreadCount: i % 3,
    lastMessage: message(id, `user${i}`),
  });
}

/** An engine that serves a fixed list and lets the bench fire events at the store's listeners. */
function benchEngine(list: Conversation[], history: Message[]) {
  const conversationListeners = new Set<ConversationListener>();
  const messageListeners = new Set<AdvancedMsgListener>();
  let muted = false;
  const engine = {
    userID: 'me',
    getConversationList: async () => ({ conversationList: list, nextSeq: list.length, isFinished: true }),
    getConversation: async (id: string) => list.find((c) => c.conversationID === id),
    getTotalUnreadMessageCount: async () => 0,
    getConversationGroupList: async () => [],
    getHistoryMessageList: async () => ({ messageList: history, isCompleted: true, nextMsg: null }),
    cleanConversationUnreadMessageCount: async () => undefined,
    markC2CMessageAsRead: async () => undefined,
    sendMessageReadReceipt: async () => undefined,
    addConversationListener: (listener: ConversationListener) => {
      conversationListeners.add(listener);
      return () => conversationListeners.delete(listener);
    },
    addAdvancedMsgListener: (listener: AdvancedMsgListener) => {
      messageListeners.add(listener);
      return () => messageListeners.delete(listener);
    },
  };
  return {
    engine: new Proxy(engine, {
      get: (target, key) => {
        if (key in target) return target[key as keyof typeof target];
        throw new Error(`benchEngine does not implement ${String(key)}`);
      },
    }) as unknown as ChatEngine,
    conversation: (fire: (listener: ConversationListener) => void) => {
      if (!muted) for (const listener of conversationListeners) fire(listener);
    },
    message: (fire: (listener: AdvancedMsgListener) => void) => {
      if (!muted) for (const listener of messageListeners) fire(listener);
    },
    /** While muted, events are made but reach no listener: the bench's own cost, to subtract. */
    mute: (value: boolean) => {
      muted = value;
    },
  };
}

type Bench = ReturnType<typeof benchEngine>;

interface World {
  n: number;
  bench: Bench;
  store: ChatStore;
  /** The engine's view of every conversation, as an engine holds it. */
  current: Map<string, Conversation>;
  total: number;
  orderKey: number;
  /** Own messages in the open conversation, for read receipts. */
  openID: string;
  random: () => number;
  /** Conversations a batch of revokes works on, one revoke each (see `prepare`). */
  targets: Conversation[];
  /** The users the store knew once the world was built: N, one per conversation. */
  users: ChatState['users'];
}

async function buildWorld(n: number): Promise<World> {
  const list = Array.from({ length: n }, (_, i) => conversation(i));
  const openID = (list[1] as Conversation).conversationID;
  const history = Array.from({ length: 50 }, () => message(openID, 'me', { isSelf: true, nick: '' }));
  const bench = benchEngine(list, history);
  const store = createChatStore(bench.engine);
  await store.getState().start();
  // A subscriber, as a mounted list would have, and one open conversation with a page of history.
  store.subscribe(() => undefined);
  await store
    .getState()
    .openConversation(openID)
    .catch(() => undefined);
  // Every conversation's peer is a user the store knows, as in an inbox where all of them wrote once.
  for (const c of list) bench.message((l) => l.onRecvNewMessage?.(message(c.conversationID, c.userID)));
  return {
    n,
    bench,
    store,
    current: new Map(list.map((c) => [c.conversationID, c])),
    total: 0,
    orderKey: n + 1,
    openID,
    random: mulberry32(n),
    targets: [],
    users: store.getState().users,
  };
}

/** The conversation change an engine reports after a message: moved up, one more unread. */
function bump(world: World, id: string, last: Message): Conversation {
  const held = world.current.get(id) as Conversation;
  const next = { ...held, orderKey: ++world.orderKey, unreadCount: held.unreadCount + 1, lastMessage: last };
  world.current.set(id, next);
  return next;
}

/**
 * A random conversation other than the open one: its window grows with every message it gets, and a
 * 1,000 world picks it 100 times as often as a 100,000 one, so read receipts (which walk that window)
 * would compare windows of different lengths instead of stores of different sizes.
 */
function pick(world: World): Conversation {
  const i = Math.floor(world.random() * (world.n - 1));
  return world.current.get(`c2c_user${i >= 1 ? i + 1 : i}`) as Conversation;
}

interface EventType {
  /**
   * Unmeasured set-up before a batch of `count` events, for an event whose effect would otherwise
   * depend on N: a revoke is a change only once per message, and at 1,000 conversations random picks
   * revisit a conversation within a batch where at 100,000 they almost never do.
   */
  prepare?: (world: World, count: number) => void;
  /** One event: the full sequence of listener calls an engine makes for it. */
  fire: (world: World, i: number) => void;
}

const EVENT_TYPES: Record<string, EventType> = {
  'new message, new sender': {
    // Every event adds a user. Without this, a run of these events alone would take the 1,000 world past
    // 50,000 users; the store is given back the users it started with, so a world of N holds N to N + 500.
    prepare: (world) => world.store.setState({ users: world.users }),
    fire: (world, i) => {
      const target = pick(world);
      const msg = message(target.conversationID, `stranger${world.n}_${i}_${nextMessage}`);
      const changed = bump(world, target.conversationID, msg);
      world.bench.message((l) => l.onRecvNewMessage?.(msg));
      world.bench.conversation((l) => {
        l.onConversationChanged?.([changed]);
        l.onTotalUnreadMessageCountChanged?.(++world.total);
      });
    },
  },
  'new message, known sender': {
    fire: (world) => {
      const target = pick(world);
      const msg = message(target.conversationID, target.userID);
      const changed = bump(world, target.conversationID, msg);
      world.bench.message((l) => l.onRecvNewMessage?.(msg));
      world.bench.conversation((l) => {
        l.onConversationChanged?.([changed]);
        l.onTotalUnreadMessageCountChanged?.(++world.total);
      });
    },
  },
  'conversation changed': {
    fire: (world) => {
      const target = pick(world);
      const changed = { ...target, orderKey: ++world.orderKey };
      world.current.set(changed.conversationID, changed);
      world.bench.conversation((l) => l.onConversationChanged?.([changed]));
    },
  },
  'total unread': {
    fire: (world) => {
      world.bench.conversation((l) => l.onTotalUnreadMessageCountChanged?.(++world.total));
    },
  },
  'read receipt': {
    fire: (world, i) => {
      world.bench.message((l) =>
        l.onRecvC2CReadReceipt?.([
          { userID: 'user1', conversationID: world.openID, timestamp: 1_700_000_000_000 + i },
        ]),
      );
    },
  },
  revoke: {
    // Distinct conversations, each given a fresh last message first (delivered, not measured), so every
    // revoke in the batch revokes a message that was not revoked yet, at both sizes.
    prepare: (world, count) => {
      const chosen = new Set<string>();
      while (chosen.size < count) chosen.add(pick(world).conversationID);
      world.targets = [...chosen].map((id) => {
        const fresh = message(id, (world.current.get(id) as Conversation).userID);
        const changed = bump(world, id, fresh);
        world.bench.message((l) => l.onRecvNewMessage?.(fresh));
        world.bench.conversation((l) => l.onConversationChanged?.([changed]));
        return changed;
      });
    },
    fire: (world, i) => {
      const target = world.targets[i] as Conversation;
      const last = target.lastMessage as Message;
      const revoked = { ...last, status: 'revoked' as const, revoker: last.sender };
      const changed = { ...target, lastMessage: revoked };
      world.current.set(changed.conversationID, changed);
      world.bench.message((l) => l.onRecvMessageRevoked?.(revoked.msgID, revoked, revoked.sender, ''));
      world.bench.conversation((l) => l.onConversationChanged?.([changed]));
    },
  },
  typing: {
    fire: (world) => {
      const target = pick(world);
      const msg = message(target.conversationID, target.userID, {
        isOnlineOnly: true,
        elemList: [
          {
            type: 'custom',
            data: JSON.stringify({ businessID: TYPING_BUSINESS_ID, typingStatus: 1 }),
            description: '',
            extension: '',
          },
        ],
      });
      world.bench.message((l) => l.onRecvNewMessage?.(msg));
    },
  },
};

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

/** GC pauses on the main thread, as [start, duration] in performance.now() milliseconds. */
const pauses: [number, number][] = [];
const observer = new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) pauses.push([entry.startTime, entry.duration]);
});

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * A full GC, then a wait until the process is idle: the collector sweeps on helper threads after the
 * pause, and `process.cpuUsage` counts every thread, so a batch started at once would pay for it.
 */
async function collect() {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) throw new Error('run with node --expose-gc');
  gc();
  for (let i = 0; i < 50; i++) {
    const start = process.cpuUsage();
    await sleep(5);
    const used = process.cpuUsage(start);
    if (used.user + used.system < 300) break;
  }
}

/**
 * One batch after a full GC: CPU µs and main-thread GC pause µs per event. An event type with a
 * `prepare` runs in chunks no larger than the smaller world, each prepared outside the timing.
 */
async function batch(world: World, type: EventType, muted: boolean): Promise<{ cpu: number; gc: number }> {
  // Half the smaller world, so a chunk of revokes always finds that many distinct conversations to pick.
  const chunk = type.prepare ? Math.min(EVENTS, Math.floor(Math.min(...SIZES) / 2)) : EVENTS;
  if (type.prepare) type.prepare(world, chunk);
  await collect();
  const windows: [number, number][] = [];
  let cpu = 0;
  for (let done = 0; done < EVENTS; done += chunk) {
    if (done > 0) type.prepare?.(world, chunk);
    world.bench.mute(muted);
    const from = performance.now();
    const start = process.cpuUsage();
    for (let i = 0; i < chunk; i++) type.fire(world, i);
    const used = process.cpuUsage(start);
    windows.push([from, performance.now()]);
    world.bench.mute(false);
    cpu += used.user + used.system;
  }
  await sleep(1); // the observer delivers GC entries from a timer, not at once
  let gc = 0;
  for (const [at, duration] of pauses) {
    if (windows.some(([from, to]) => at >= from && at < to)) gc += duration;
  }
  pauses.length = 0;
  return { cpu: cpu / EVENTS, gc: (gc * 1000) / EVENTS };
}

/** What one child reports per row: store CPU µs per event (harness subtracted) and store GC µs. */
interface Row {
  cpu: number;
  gc: number;
}

/** Measures every event type in a world of `n` and prints one JSON line of rows. */
async function child(n: number) {
  observer.observe({ entryTypes: ['gc'] });
  const world = await buildWorld(n);
  if (world.store.getState().conversations.size !== n) throw new Error('the store did not load the list');
  const rows: Record<string, Row> = {};
  const harness: Row[] = [];
  for (const [name, type] of Object.entries(EVENT_TYPES)) {
    if (ONLY && name !== ONLY) continue;
    await batch(world, type, false); // warm-up
    const muted: Row[] = [];
    const live: Row[] = [];
    for (let b = 0; b < BATCHES; b++) {
      muted.push(await batch(world, type, true));
      live.push(await batch(world, type, false));
    }
    const base = median(muted.map((r) => r.cpu));
    rows[name] = {
      cpu: median(live.map((r) => r.cpu)) - base,
      gc: median(live.map((r) => r.gc)) - median(muted.map((r) => r.gc)),
    };
    if (name === 'conversation changed') harness.push(...muted);
  }
  if (harness.length > 0) {
    rows[HARNESS] = { cpu: median(harness.map((r) => r.cpu)), gc: median(harness.map((r) => r.gc)) };
  }
  world.store.getState().destroy();
  observer.disconnect();
  process.stdout.write(`${JSON.stringify(rows)}\n`);
}

function runChild(n: number): Promise<Record<string, Row>> {
  return new Promise((resolve, reject) => {
    const proc = fork(fileURLToPath(import.meta.url), [], {
      execArgv: process.execArgv,
      env: { ...process.env, TIDINGS_BENCH_CHILD: String(n) },
      stdio: ['ignore', 'pipe', 'inherit', 'ipc'],
    });
    let out = '';
    proc.stdout?.on('data', (chunk) => {
      out += chunk;
    });
    proc.on('error', reject);
    proc.on('exit', (code) => {
      if (code !== 0) reject(new Error(`the bench at ${n} exited with ${code}`));
      else resolve(JSON.parse(out.trim().split('\n').pop() as string) as Record<string, Row>);
    });
  });
}

function fmt(us: number): string {
  return us >= 1000 ? `${(us / 1000).toFixed(2)} ms` : `${us.toFixed(2)} µs`;
}

async function main() {
  const [small, large] = SIZES as [number, number];
  console.log(
    `Per-event bench: ${SIZES.map((n) => n.toLocaleString('en')).join(' vs ')} conversations and users, ` +
      `${EVENTS.toLocaleString('en')} events × ${BATCHES} batches per type (median batch), ` +
      `${ROUNDS} rounds of one child process per size (median round)\n`,
  );
  const rounds = new Map<number, Record<string, Row>[]>(SIZES.map((n) => [n, []]));
  for (let r = 0; r < ROUNDS; r++) {
    // Alternate which size goes first, so a burst of load from elsewhere does not favour one size.
    for (const n of r % 2 ? [...SIZES].reverse() : SIZES) rounds.get(n)?.push(await runChild(n));
  }
  const cell = (n: number, name: string, field: keyof Row) =>
    median((rounds.get(n) ?? []).map((rows) => rows[name]?.[field] ?? 0));
  const names = Object.keys(rounds.get(small)?.[0] ?? {});
  const size = (n: number) => n.toLocaleString('en');
  console.log(
    `| event type | ${size(small)} | ${size(large)} | ratio | budget | met | GC pause ${size(small)} | GC pause ${size(large)} |`,
  );
  console.log('| --- | --: | --: | --: | --: | --- | --: | --: |');
  let missed = false;
  for (const name of names) {
    const a = Math.max(cell(small, name, 'cpu'), 0.01);
    const b = Math.max(cell(large, name, 'cpu'), 0.01);
    const ratio = b / a;
    const floor = name === HARNESS;
    const met = ratio <= BUDGET;
    if (!floor) missed ||= !met;
    console.log(
      `| ${name} | ${fmt(a)} | ${fmt(b)} | ${ratio.toFixed(2)}× | ${floor ? 'floor' : `≤ ${BUDGET}×`} | ` +
        `${floor ? '' : met ? 'yes' : 'NO'} | ${fmt(cell(small, name, 'gc'))} | ${fmt(cell(large, name, 'gc'))} |`,
    );
  }
  if (missed) {
    console.error('\nA budget was missed.');
    process.exitCode = 1;
  }
}

const childSize = process.env.TIDINGS_BENCH_CHILD;
if (childSize) await child(Number(childSize));
else await main();
