/**
 * The chat-view benchmark page. `?mode=ours` mounts `<MessageList>` on a real chat store; `?mode=baseline`
 * mounts a bare `useVirtualizer` list (end-anchored, measured rows of plain text) over the same messages.
 * `run.ts` drives the scenarios through `window.bench` and compares the two in one browser run.
 */
import '../../src/styles/index.css';
import { useVirtualizer } from '@tanstack/react-virtual';
import { type ChatStore, createChatStore, formatMessagePreview, type Message } from '@tidings/core';
import type { LocalEngine } from '@tidings/core/local';
import { en } from '@tidings/core/locales/en';
import { createSeededHub } from '@tidings/core/testing';
import { useLayoutEffect, useRef, useState } from 'react';
import { flushSync } from 'react-dom';
import { createRoot, type Root } from 'react-dom/client';
import { ChatProvider, MessageList } from '../../src/index';

const mode = new URLSearchParams(location.search).get('mode') === 'baseline' ? 'baseline' : 'ours';
const CONVERSATION = 'c2c_bob';

/**
 * Resolves after the next frame has been rendered (rAF, then a task after the frame's paint), leaving a
 * performance mark there when named (run.ts reads marks from the trace to sum the CPU time between them).
 */
function nextPaint(mark?: string): Promise<number> {
  return new Promise((resolve) =>
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => {
        if (mark) performance.mark(mark);
        resolve(performance.now());
      };
      channel.port2.postMessage(0);
    }),
  );
}

async function frames(count: number) {
  for (let i = 0; i < count; i++) await nextPaint();
}

/** Resolves once the scroll position and the mounted rows have been still for a few frames. */
async function settle(viewport: HTMLElement) {
  let still = 0;
  let last = '';
  for (let i = 0; i < 600 && still < 4; i++) {
    await nextPaint();
    const state = `${viewport.scrollTop}|${viewport.scrollHeight}|${viewport.querySelectorAll('[data-index]').length}`;
    still = state === last ? still + 1 : 0;
    last = state;
  }
}

/** Records how long each frame's work takes: from its rAF to the first task after its paint. */
function recordFrames() {
  const durations: number[] = [];
  let running = true;
  const loop = () => {
    if (!running) return;
    requestAnimationFrame(() => {
      const index = durations.length;
      performance.mark(`window-${index}-start`);
      const start = performance.now();
      const channel = new MessageChannel();
      channel.port1.onmessage = () => {
        performance.mark(`window-${index}-end`);
        durations.push(performance.now() - start);
        loop();
      };
      channel.port2.postMessage(0);
    });
  };
  loop();
  return () => {
    running = false;
    return durations;
  };
}

function gc() {
  (globalThis as { gc?: () => void }).gc?.();
}

// ── The bare list ─────────────────────────────────────────────────────────────────────────────────

let setBareMessages: (update: (list: readonly Message[]) => readonly Message[]) => void = () => {};

function BareList({ initial }: { initial: readonly Message[] }) {
  const [messages, setMessages] = useState(initial);
  setBareMessages = (update) => flushSync(() => setMessages(update));
  const ref = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: messages.length,
    getScrollElement: () => ref.current,
    estimateSize: () => 60,
    getItemKey: (index) => (messages[index] as Message).msgID,
    anchorTo: 'end',
    followOnAppend: true,
    scrollEndThreshold: 48,
    overscan: 6,
  });
  useLayoutEffect(() => {
    virtualizer.scrollToEnd();
  }, [virtualizer]);
  return (
    <div ref={ref} className="bare-viewport" role="log">
      <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
        {virtualizer.getVirtualItems().map((item) => {
          const message = messages[item.index] as Message;
          return (
            <div
              key={item.key}
              ref={virtualizer.measureElement}
              data-index={item.index}
              data-msgid={message.msgID}
              className="bare-row"
              style={{
                transform: `translateY(${item.start}px)`,
                textAlign: message.isSelf ? 'end' : 'start',
              }}
            >
              <span className="bare-bubble">{formatMessagePreview(message, { strings: en })}</span>
            </div>
          );
        })}
      </div>
    </div>
  );
}

// ── Setup ─────────────────────────────────────────────────────────────────────────────────────────

interface World {
  alice: LocalEngine;
  bob: LocalEngine;
  close: () => Promise<void>;
}

async function createWorld(messages: number): Promise<World> {
  const { hub } = await createSeededHub({ users: 2, groups: 0, messagesPerConversation: messages, seed: 11 });
  const [alice, bob] = await Promise.all([hub.connect('alice'), hub.connect('bob')]);
  return { alice, bob, close: () => hub.close() };
}

async function storeWith(world: World, pageSize: number, pages: number): Promise<ChatStore> {
  const store = createChatStore(world.alice, { messagePageSize: pageSize });
  await store.getState().start();
  await store.getState().openConversation(CONVERSATION);
  for (let i = 1; i < pages; i++) await store.getState().loadOlderMessages(CONVERSATION);
  return store;
}

async function historyOf(world: World, count: number): Promise<Message[]> {
  const out: Message[] = [];
  while (out.length < count) {
    const page = await world.alice.getHistoryMessageList({
      conversationID: CONVERSATION,
      count: Math.min(100, count - out.length),
      ...(out[0] && { lastMsg: out[0] }),
    });
    out.unshift(...page.messageList);
    if (page.isFinished) break;
  }
  return out;
}

const container = document.getElementById('root') as HTMLElement;
let root: Root | null = null;

function mount(store: ChatStore | null, initial: readonly Message[]) {
  root?.unmount();
  root = createRoot(container);
  const current = root;
  flushSync(() =>
    current.render(
      store ? (
        <ChatProvider store={store}>
          <MessageList conversationID={CONVERSATION} markRead={false} />
        </ChatProvider>
      ) : (
        <BareList initial={initial} />
      ),
    ),
  );
}

function viewport(): HTMLElement {
  return container.querySelector('[role="log"]') as HTMLElement;
}

function messageNear(view: HTMLElement, y: number): HTMLElement {
  const top = view.getBoundingClientRect().top + y;
  const rows = [...view.querySelectorAll<HTMLElement>('[data-msgid]')].filter((row) => {
    const box = row.getBoundingClientRect();
    return box.top >= view.getBoundingClientRect().top && box.bottom <= view.getBoundingClientRect().bottom;
  });
  rows.sort(
    (a, b) => Math.abs(a.getBoundingClientRect().top - top) - Math.abs(b.getBoundingClientRect().top - top),
  );
  const row = rows[0];
  if (!row) throw new Error('no message in view');
  return row;
}

/** Resolves once the store state passes `check`. */
function until(store: ChatStore, check: () => boolean): Promise<void> {
  return new Promise((resolve) => {
    if (check()) return resolve();
    const unsubscribe = store.subscribe(() => {
      if (!check()) return;
      unsubscribe();
      resolve();
    });
  });
}

function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
}

// ── Scenarios ─────────────────────────────────────────────────────────────────────────────────────

interface OpenSide {
  firstPaint: number[];
  settled: number[];
  /** What the first frame held: rows and DOM elements. */
  painted: { rows: number; nodes: number };
}

/**
 * Open a conversation of `messages` messages (all of them in the window) to its first painted frame, the
 * bare list and ours taking turns in this one page, so both meet the same machine moments apart. Marks
 * windows `2·run` (bare) and `2·run + 1` (ours).
 */
async function open(options: { messages: number; runs: number }) {
  const world = await createWorld(options.messages);
  const store = await storeWith(world, 100, Math.ceil(options.messages / 100));
  const list = await historyOf(world, options.messages);
  const sides: Record<'baseline' | 'ours', OpenSide> = {
    baseline: { firstPaint: [], settled: [], painted: { rows: 0, nodes: 0 } },
    ours: { firstPaint: [], settled: [], painted: { rows: 0, nodes: 0 } },
  };
  // One mount of each first that is not measured: compiling and JIT warm-up are not what a user waits
  // for twice.
  for (const side of [null, store]) {
    mount(side, list);
    await settle(viewport());
  }
  let atEnd = true;
  for (let run = 0; run < options.runs; run++) {
    for (const [index, side] of (['baseline', 'ours'] as const).entries()) {
      root?.unmount();
      root = null;
      gc();
      await frames(3);
      const window = 2 * run + index;
      performance.mark(`window-${window}-start`);
      const start = performance.now();
      mount(side === 'ours' ? store : null, list);
      sides[side].firstPaint.push((await nextPaint(`window-${window}-end`)) - start);
      sides[side].painted = {
        rows: container.querySelectorAll('[data-index]').length,
        nodes: container.getElementsByTagName('*').length,
      };
      const view = viewport();
      await settle(view);
      sides[side].settled.push(performance.now() - start);
      if (side === 'ours') atEnd &&= view.scrollHeight - view.clientHeight - view.scrollTop <= 1;
    }
  }
  root?.unmount();
  root = null;
  store.getState().destroy();
  await world.close();
  return { ...sides, atEnd, loaded: store.getState().windows[CONVERSATION]?.messageIDs.length ?? 0 };
}

/** Prepend `pages` pages of `pageSize` while the reader is at the top, anchored on a message. */
async function prepend(options: { messages: number; pages: number; pageSize: number }) {
  const world = await createWorld(options.messages);
  const store = mode === 'ours' ? await storeWith(world, options.pageSize, 1) : null;
  let held = store ? [] : await historyOf(world, options.pageSize);
  mount(store, held);
  const view = viewport();
  await settle(view);
  const shifts: number[] = [];
  const stop = recordFrames();
  // Pages take a few frames to arrive, so the message in view is picked before each one lands.
  world.alice.setNetworkConditions({ latencyMs: 40 });
  for (let page = 0; page < options.pages; page++) {
    const windowOf = () => store?.getState().windows[CONVERSATION];
    const before = store ? (windowOf()?.messageIDs.length ?? 0) : held.length;
    view.dispatchEvent(new WheelEvent('wheel', { deltaY: -view.scrollTop, bubbles: true }));
    view.scrollTop = 0;
    await nextPaint();
    if (store) {
      // The list asks for the older page by itself once the reader nears the top.
      await until(
        store,
        () => windowOf()?.status === 'loadingOlder' || (windowOf()?.messageIDs.length ?? 0) > before,
      );
    }
    const anchor = messageNear(view, 120);
    const msgID = anchor.dataset.msgid as string;
    const top = anchor.getBoundingClientRect().top;
    if (store) {
      await until(store, () => (windowOf()?.messageIDs.length ?? 0) > before);
    } else {
      const older = await world.alice.getHistoryMessageList({
        conversationID: CONVERSATION,
        count: options.pageSize,
        lastMsg: held[0] as Message,
      });
      held = [...older.messageList, ...held];
      setBareMessages(() => held);
    }
    await settle(view);
    const after = view.querySelector<HTMLElement>(`[data-msgid="${CSS.escape(msgID)}"]`);
    shifts.push(after ? Math.abs(after.getBoundingClientRect().top - top) : Number.POSITIVE_INFINITY);
  }
  const durations = stop();
  const loaded = store ? store.getState().windows[CONVERSATION]?.messageIDs.length : held.length;
  root?.unmount();
  root = null;
  store?.getState().destroy();
  await world.close();
  return {
    maxShift: Math.max(...shifts),
    longestFrame: Math.max(...durations),
    p95Frame: percentile(durations, 95),
    loaded,
  };
}

/** `count` messages arrive, one per frame, while the reader is at the bottom. */
async function incoming(options: { messages: number; count: number }) {
  const world = await createWorld(options.messages);
  const store = mode === 'ours' ? await storeWith(world, 100, 10) : null;
  const initial = store ? [] : await historyOf(world, 1000);
  if (!store) {
    world.alice.addAdvancedMsgListener({
      onRecvNewMessage: (message) => setBareMessages((list) => [...list, message]),
    });
  }
  mount(store, initial);
  const view = viewport();
  await settle(view);
  const durations: number[] = [];
  for (let i = 0; i < options.count; i++) {
    durations.push(
      await new Promise<number>((resolve) =>
        requestAnimationFrame(() => {
          performance.mark(`window-${i}-start`);
          const start = performance.now();
          void world.bob
            .createTextMessage(
              `Incoming ${i + 1}: ${i % 3 === 0 ? 'a longer line that wraps in the bubble once or twice' : 'hi'}`,
            )
            .then((message) => world.bob.sendMessage(message, { receiver: 'alice' }));
          const channel = new MessageChannel();
          channel.port1.onmessage = () => {
            performance.mark(`window-${i}-end`);
            resolve(performance.now() - start);
          };
          channel.port2.postMessage(0);
        }),
      ),
    );
  }
  await settle(view);
  const distance = view.scrollHeight - view.clientHeight - view.scrollTop;
  const last =
    view.querySelector(`[data-msgid]:last-of-type`) !== null &&
    view.textContent?.includes(`Incoming ${options.count}:`);
  root?.unmount();
  root = null;
  store?.getState().destroy();
  await world.close();
  return {
    p95Frame: percentile(durations, 95),
    longestFrame: Math.max(...durations),
    distanceFromEnd: distance,
    sawLast: last,
  };
}

(window as unknown as { bench: unknown }).bench = { mode, open, prepend, incoming };
document.title = `bench ready: ${mode}`;
