/**
 * Store benchmark (issue "Foundation and core"): Tidings' store against a baseline store that re-sorts the
 * whole list on every event, as the seeds' sample code does, in the same process on the same events.
 *
 *   pnpm --filter @tidings/core bench
 *
 * Budgets: events applied ≥ 50× faster than the baseline; a page read of 100 ≤ 1 ms median; total unread
 * O(1) per event (flat across list sizes). Results are printed as a table; the run exits non-zero when a
 * budget is missed, so the numbers in README.md stay honest.
 */
import {
  type ChatEngine,
  type Conversation,
  type ConversationListener,
  createChatStore,
  type Message,
  selectConversationPage,
  selectTotalUnread,
} from '../src/index';

const N = Number(process.env.TIDINGS_BENCH_CONVERSATIONS ?? 100_000);
const EVENTS = Number(process.env.TIDINGS_BENCH_EVENTS ?? 10_000);
const PAGE = 100;

/** A small deterministic PRNG, so both stores see the same events every run. */
function mulberry32(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function message(conversationID: string, i: number): Message {
  return {
    msgID: `m${i}`,
    conversationID,
    conversationType: 'c2c',
    userID: conversationID.slice(4),
    groupID: '',
    sender: conversationID.slice(4),
    nick: '',
    faceUrl: '',
    isSelf: false,
    timestamp: 1_700_000_000_000 + i,
    seq: i,
    random: i,
    status: 'sent',
    elemList: [{ type: 'text', text: `message ${i}` }],
    priority: 'normal',
    isRead: false,
    isPeerRead: false,
    isExcludedFromUnreadCount: false,
    isExcludedFromLastMessage: false,
    isOnlineOnly: false,
    targetUserIDList: [],
    atUserList: [],
    cloudCustomData: '',
    localCustomData: '',
    revoker: '',
    revokeReason: '',
  };
}

function conversations(n: number): Conversation[] {
  const list: Conversation[] = [];
  for (let i = 0; i < n; i++) {
    const id = `c2c_user${i}`;
    list.push({
      conversationID: id,
      type: 'c2c',
      userID: `user${i}`,
      groupID: '',
      showName: `User ${i}`,
      faceUrl: '',
      orderKey: i + 1,
      isPinned: i % 1000 === 0,
      unreadCount: i % 3,
      recvOpt: 'receive',
      lastMessage: message(id, i),
      draftText: null,
      draftTimestamp: null,
      markList: [],
      conversationGroupList: [],
      groupAtInfoList: [],
      readSeq: 0,
      customData: '',
    });
  }
  return list;
}

/** An engine that serves a fixed list in one page and lets the bench fire conversation events. */
function benchEngine(list: Conversation[]) {
  const listeners = new Set<ConversationListener>();
  const total = list.reduce((sum, c) => sum + c.unreadCount, 0);
  const engine = {
    userID: 'me',
    getConversationList: async () => ({ conversationList: list, nextSeq: list.length, isFinished: true }),
    getTotalUnreadMessageCount: async () => total,
    getConversationGroupList: async () => [],
    addConversationListener: (listener: ConversationListener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    addAdvancedMsgListener: () => () => undefined,
  };
  return {
    engine: new Proxy(engine, {
      get: (target, key) => {
        if (key in target) return target[key as keyof typeof target];
        throw new Error(`benchEngine does not implement ${String(key)}`);
      },
    }) as unknown as ChatEngine,
    emit: (changed: Conversation, newTotal: number) => {
      for (const listener of listeners) {
        listener.onConversationChanged?.([changed]);
        listener.onTotalUnreadMessageCountChanged?.(newTotal);
      }
    },
  };
}

/** The same order as the store's, compared field by field so the baseline allocates nothing per compare. */
function compareConversations(a: Conversation, b: Conversation): number {
  if (a.isPinned !== b.isPinned) return a.isPinned ? -1 : 1;
  if (a.orderKey !== b.orderKey) return b.orderKey - a.orderKey;
  return a.conversationID < b.conversationID ? -1 : a.conversationID > b.conversationID ? 1 : 0;
}

/** The seeds' sample code: find the conversation in the list, replace it, re-sort everything. */
class BaselineStore {
  list: Conversation[];
  constructor(list: Conversation[]) {
    this.list = [...list].sort(compareConversations);
  }
  apply(changed: Conversation) {
    const index = this.list.findIndex((c) => c.conversationID === changed.conversationID);
    if (index === -1) this.list.push(changed);
    else this.list[index] = changed;
    this.list.sort(compareConversations);
  }
  totalUnread() {
    let total = 0;
    for (const c of this.list) if (c.recvOpt === 'receive') total += c.unreadCount;
    return total;
  }
  page(start: number) {
    return this.list.slice(start, start + PAGE);
  }
}

function makeEvents(list: Conversation[], count: number): Conversation[] {
  const random = mulberry32(42);
  const current = new Map(list.map((c) => [c.conversationID, c]));
  let orderKey = list.length + 1;
  const events: Conversation[] = [];
  for (let i = 0; i < count; i++) {
    const target = list[Math.floor(random() * list.length)] as Conversation;
    const held = current.get(target.conversationID) as Conversation;
    const next = {
      ...held,
      orderKey: ++orderKey,
      unreadCount: held.unreadCount + 1,
      lastMessage: message(held.conversationID, list.length + i),
    };
    current.set(next.conversationID, next);
    events.push(next);
  }
  return events;
}

function gc() {
  (globalThis as { gc?: () => void }).gc?.();
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] as number;
}

async function measureStore(list: Conversation[], events: Conversation[]) {
  const { engine, emit } = benchEngine(list);
  const store = createChatStore(engine);
  await store.getState().start();
  // A subscriber, as a mounted list would have.
  let notified = 0;
  store.subscribe(() => {
    notified++;
  });
  let total = store.getState().totalUnread;
  gc();
  const unreadReads: number[] = [];
  const start = performance.now();
  for (const event of events) {
    emit(event, ++total);
    const t = performance.now();
    selectTotalUnread(store.getState());
    unreadReads.push(performance.now() - t);
  }
  const eventsMs = performance.now() - start;
  const pageReads: number[] = [];
  const random = mulberry32(7);
  for (let i = 0; i < 1000; i++) {
    const offset = Math.floor(random() * (list.length - PAGE));
    const t = performance.now();
    selectConversationPage(store.getState(), offset, PAGE);
    pageReads.push(performance.now() - t);
  }
  if (notified < events.length) throw new Error('the store did not notify its subscriber for every event');
  const order = store.getState().views['']?.order;
  return { eventsMs, pageMedianMs: median(pageReads), unreadMedianMs: median(unreadReads), order, store };
}

function measureBaseline(list: Conversation[], events: Conversation[]) {
  const baseline = new BaselineStore(list);
  gc();
  const unreadReads: number[] = [];
  const start = performance.now();
  for (const event of events) {
    baseline.apply(event);
    const t = performance.now();
    baseline.totalUnread();
    unreadReads.push(performance.now() - t);
  }
  const eventsMs = performance.now() - start;
  const pageReads: number[] = [];
  const random = mulberry32(7);
  for (let i = 0; i < 1000; i++) {
    const offset = Math.floor(random() * (list.length - PAGE));
    const t = performance.now();
    baseline.page(offset);
    pageReads.push(performance.now() - t);
  }
  return { eventsMs, pageMedianMs: median(pageReads), unreadMedianMs: median(unreadReads), baseline };
}

function fmt(ms: number): string {
  return ms >= 100 ? `${ms.toFixed(0)} ms` : ms >= 1 ? `${ms.toFixed(2)} ms` : `${(ms * 1000).toFixed(1)} µs`;
}

async function main() {
  const list = conversations(N);
  const events = makeEvents(list, EVENTS);
  console.log(
    `Store bench: ${N.toLocaleString('en')} conversations, ${EVENTS.toLocaleString('en')} message events\n`,
  );

  const ours = await measureStore(list, events);
  const base = measureBaseline(list, events);

  // Both stores must end in the same order, or the comparison means nothing.
  const ourIDs = ours.order?.toArray() ?? [];
  const baseIDs = base.baseline.list.map((c) => c.conversationID);
  if (ourIDs.length !== baseIDs.length || ourIDs.some((id, i) => id !== baseIDs[i])) {
    throw new Error('the store and the baseline disagree on the final order');
  }

  // Total unread must not grow with N: compare the read at 1,000 conversations with the one at N.
  const small = await measureStore(conversations(1000), makeEvents(conversations(1000), 2000));

  const eventRatio = base.eventsMs / ours.eventsMs;
  const rows = [
    {
      measure: `apply ${EVENTS.toLocaleString('en')} events`,
      tidings: fmt(ours.eventsMs),
      baseline: fmt(base.eventsMs),
      ratio: `${eventRatio.toFixed(0)}× faster`,
      budget: '≥ 50× faster',
      met: eventRatio >= 50,
    },
    {
      measure: 'per event',
      tidings: fmt(ours.eventsMs / EVENTS),
      baseline: fmt(base.eventsMs / EVENTS),
      ratio: '',
      budget: '',
      met: true,
    },
    {
      measure: `read a page of ${PAGE} (median)`,
      tidings: fmt(ours.pageMedianMs),
      baseline: fmt(base.pageMedianMs),
      ratio: '',
      budget: '≤ 1 ms',
      met: ours.pageMedianMs <= 1,
    },
    {
      measure: 'read total unread after an event (median)',
      tidings: fmt(ours.unreadMedianMs),
      baseline: fmt(base.unreadMedianMs),
      ratio: `${(base.unreadMedianMs / Math.max(ours.unreadMedianMs, 1e-6)).toFixed(0)}×`,
      budget: 'O(1)',
      met: true,
    },
    {
      measure: 'total unread read at 1,000 vs N conversations',
      tidings: `${fmt(small.unreadMedianMs)} vs ${fmt(ours.unreadMedianMs)}`,
      baseline: '',
      ratio: '',
      budget: 'flat in N',
      // Both are a property read; allow timer noise of a few microseconds.
      met: ours.unreadMedianMs <= small.unreadMedianMs + 0.005,
    },
  ];
  console.log('| measure | Tidings | baseline (re-sort) | ratio | budget | met |');
  console.log('| --- | --- | --- | --- | --- | --- |');
  for (const row of rows) {
    console.log(
      `| ${row.measure} | ${row.tidings} | ${row.baseline} | ${row.ratio} | ${row.budget} | ${row.met ? 'yes' : 'NO'} |`,
    );
  }
  ours.store.getState().destroy();
  small.store.getState().destroy();
  if (rows.some((row) => !row.met)) {
    console.error('\nA budget was missed.');
    process.exitCode = 1;
  }
}

await main();
