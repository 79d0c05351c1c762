/**
 * Per-event cost of the store, flat in N (issue "Performance", part 1): each real event type is fed to
 * the store as an engine delivers it, at 1,000 and at 100,000 conversations and known users, and the
 * mean CPU cost of one event in the store (the same run with the store's listeners muted is the
 * baseline, subtracted) is compared between the two sizes.
 *
 *   node --import tsx bench/event-bench.ts      (part of `pnpm --filter @tidings/core bench`)
 *
 * Budget: for every event type, cost at 100,000 ÷ cost at 1,000 ≤ 1.5. The run exits non-zero when one
 * is missed, so the table in README.md stays honest.
 */
import {
  type AdvancedMsgListener,
  type ChatEngine,
  type ChatStore,
  type Conversation,
  type ConversationListener,
  createChatStore,
  type Message,
  TYPING_BUSINESS_ID,
} from '../src/index';
import { createTestConversation, createTestMessage } from '../src/testing';

const SIZES = (process.env.TIDINGS_BENCH_SIZES ?? '1000,100000').split(',').map(Number);
/** Events per measured batch, and batches per event type (the median batch is reported). */
const EVENTS = Number(process.env.TIDINGS_BENCH_EVENTS_PER_BATCH ?? 2_000);
const BATCHES = 7;
const BUDGET = 1.5;
/** One event type by name, to profile it alone. */
const ONLY = process.env.TIDINGS_BENCH_ONLY;

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
  current: Map<string, Conversation>;
  total: number;
  orderKey: number;
  /** Own messages in the open conversation, for read receipts. */
  openID: string;
  random: () => number;
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
  };
}

/** The conversation change an engine reports after a message: moved up, one more unread. */
function bump(world: World, id: string, last: Message): Conversation {
  const held = world.current.get(id) as Conversation;
  const next = { ...held, orderKey: ++world.orderKey, unreadCount: held.unreadCount + 1, lastMessage: last };
  world.current.set(id, next);
  return next;
}

function pick(world: World): Conversation {
  const i = Math.floor(world.random() * world.n);
  return world.current.get(`c2c_user${i}`) as Conversation;
}

/** Each real event type as the full sequence of listener calls an engine makes for it. */
const EVENT_TYPES: Record<string, (world: World, i: number) => void> = {
  'new message, new sender': (world, i) => {
    const target = pick(world);
    const msg = message(target.conversationID, `stranger${world.n}_${i}_${nextMessage}`);
    const changed = bump(world, target.conversationID, msg);
    world.bench.message((l) => l.onRecvNewMessage?.(msg));
    world.bench.conversation((l) => {
      l.onConversationChanged?.([changed]);
      l.onTotalUnreadMessageCountChanged?.(++world.total);
    });
  },
  'new message, known sender': (world) => {
    const target = pick(world);
    const msg = message(target.conversationID, target.userID);
    const changed = bump(world, target.conversationID, msg);
    world.bench.message((l) => l.onRecvNewMessage?.(msg));
    world.bench.conversation((l) => {
      l.onConversationChanged?.([changed]);
      l.onTotalUnreadMessageCountChanged?.(++world.total);
    });
  },
  'conversation changed': (world) => {
    const target = pick(world);
    const changed = { ...target, orderKey: ++world.orderKey };
    world.current.set(changed.conversationID, changed);
    world.bench.conversation((l) => l.onConversationChanged?.([changed]));
  },
  'total unread': (world) => {
    world.bench.conversation((l) => l.onTotalUnreadMessageCountChanged?.(++world.total));
  },
  'read receipt': (world, i) => {
    world.bench.message((l) =>
      l.onRecvC2CReadReceipt?.([
        { userID: 'user1', conversationID: world.openID, timestamp: 1_700_000_000_000 + i },
      ]),
    );
  },
  revoke: (world) => {
    const target = pick(world);
    const last = target.lastMessage as Message;
    const revoked = { ...last, status: 'revoked' as const, revoker: last.sender };
    const changed = { ...target, lastMessage: revoked };
    world.current.set(changed.conversationID, changed);
    world.bench.message((l) => l.onRecvMessageRevoked?.(revoked.msgID, revoked, revoked.sender, ''));
    world.bench.conversation((l) => l.onConversationChanged?.([changed]));
  },
  typing: (world) => {
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
};

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] as number;
}

/** Median over batches of the mean CPU cost of one event, in microseconds. */
function measure(world: World, fire: (world: World, i: number) => void): number {
  for (let i = 0; i < EVENTS; i++) fire(world, i); // warm-up
  const batches: number[] = [];
  for (let b = 0; b < BATCHES; b++) {
    // No forced gc() between batches: an app does not collect between events, and a full collection of
    // a 100,000-conversation heap leaves the next batch with cold caches, which is not the store's cost.
    // CPU time of this process, not wall time: on a shared machine wall time mostly measures the others.
    const start = process.cpuUsage();
    for (let i = 0; i < EVENTS; i++) fire(world, i);
    const used = process.cpuUsage(start);
    batches.push((used.user + used.system) / EVENTS);
  }
  return median(batches);
}

function fmt(us: number): string {
  return us >= 1000 ? `${(us / 1000).toFixed(2)} ms` : `${us.toFixed(2)} µs`;
}

async function main() {
  console.log(
    `Per-event bench: ${SIZES.map((n) => n.toLocaleString('en')).join(' vs ')} conversations and users, ` +
      `${EVENTS.toLocaleString('en')} events × ${BATCHES} batches per type (median batch)\n`,
  );
  const results = new Map<string, number[]>();
  for (const n of SIZES) {
    const world = await buildWorld(n);
    if (world.store.getState().conversations.size !== n) throw new Error('the store did not load the list');
    for (const [name, fire] of Object.entries(EVENT_TYPES)) {
      if (ONLY && name !== ONLY) continue;
      // The baseline is the same run with the store's listeners muted: what making the events costs (in a
      // 100,000-entry world its lookups miss the cache more), so the ratio is the store's alone.
      world.bench.mute(true);
      const harness = measure(world, fire);
      world.bench.mute(false);
      const us = Math.max(measure(world, fire) - harness, 0.01);
      results.set(name, [...(results.get(name) ?? []), us]);
    }
    world.store.getState().destroy();
  }
  const [small, large] = SIZES as [number, number];
  console.log(
    `| event type | ${small.toLocaleString('en')} | ${large.toLocaleString('en')} | ratio | budget | met |`,
  );
  console.log('| --- | --- | --- | --- | --- | --- |');
  let missed = false;
  for (const [name, [a, b]] of results as Map<string, [number, number]>) {
    const ratio = b / a;
    const met = ratio <= BUDGET;
    missed ||= !met;
    console.log(
      `| ${name} | ${fmt(a)} | ${fmt(b)} | ${ratio.toFixed(2)}× | ≤ ${BUDGET}× | ${met ? 'yes' : 'NO'} |`,
    );
  }
  if (missed) {
    console.error('\nA budget was missed.');
    process.exitCode = 1;
  }
}

await main();
