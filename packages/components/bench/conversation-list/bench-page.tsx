/**
 * The benchmark page: one already-loaded store, and two lists over it — `<ConversationList>` ("ours") and
 * a bare `useVirtualizer` list of plain rows ("baseline") — mounted one at a time in the same 400 × 720
 * box. `bench-run.mjs` drives it through `window.tidingsBench` and traces it: every measured span is
 * marked `bench-<n>-start` / `bench-<n>-end` (`performance.mark`), and the runner sums the main thread's
 * CPU time between the marks.
 */
import '../../src/styles/index.css';
import { useVirtualizer } from '@tanstack/react-virtual';
import type {
  AdvancedMsgListener,
  ChatStore,
  Conversation,
  ConversationListener,
  Message,
} from '@tidings/core';
import { useRef, useSyncExternalStore } from 'react';
import { flushSync } from 'react-dom';
import { createRoot, type Root } from 'react-dom/client';
import { ChatProvider } from '../../src/chat-provider/chat-provider';
import { ConversationList } from '../../src/conversation-list/conversation-list';
import { createLoadedStore, FIXTURE_NOW } from '../../src/conversation-list/conversation-list-fixtures';

const HEIGHT = 720;
const timeFormat = new Intl.DateTimeFormat('en', { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });

function previewOf(conversation: Conversation): string {
  const elem = conversation.lastMessage?.elemList[0];
  return elem?.type === 'text' ? elem.text : '';
}

/** The baseline: TanStack Virtual's own example with the same content in plain elements. */
function BaselineList({ store }: { store: ChatStore }) {
  const state = useSyncExternalStore(store.subscribe, store.getState);
  const order = state.views['']?.order;
  const scroller = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: order?.size ?? 0,
    getScrollElement: () => scroller.current,
    estimateSize: () => 72,
  });
  return (
    <div ref={scroller} style={{ blockSize: HEIGHT, overflow: 'auto' }}>
      <div style={{ blockSize: virtualizer.getTotalSize(), position: 'relative' }}>
        {virtualizer.getVirtualItems().map((item) => {
          const conversation = state.conversations.get(order?.at(item.index) ?? '') as Conversation;
          return (
            <div
              key={item.key}
              style={{
                position: 'absolute',
                insetInline: 0,
                blockSize: 72,
                transform: `translateY(${item.start}px)`,
              }}
            >
              <span>{conversation.showName.charAt(0)}</span>
              <span>{conversation.showName}</span>
              <span>{timeFormat.format(conversation.lastMessage?.timestamp ?? 0)}</span>
              <span>{previewOf(conversation)}</span>
              {conversation.unreadCount > 0 && <span>{conversation.unreadCount}</span>}
            </div>
          );
        })}
      </div>
    </div>
  );
}

const now = () => FIXTURE_NOW;

function OurList({ store }: { store: ChatStore }) {
  return (
    <ChatProvider store={store} now={now} autoStart={false}>
      <ConversationList style={{ blockSize: HEIGHT }} />
    </ChatProvider>
  );
}

type Kind = 'ours' | 'baseline';

/**
 * One measured span. The page marks `bench-<window>-start` and `bench-<window>-end` with
 * `performance.mark`; bench-run.mjs finds the marks in its Chromium trace and sums the main thread's CPU
 * time between them. `wall` is the same span by `performance.now()`, ms.
 */
interface Measured {
  window: number;
  wall: number;
}

/** A measured window that is still open. */
interface Span {
  window: number;
  start: number;
}

let nextWindow = 0;

/** Opens a measured window: marks its start and returns its number and start time. */
function open(): Span {
  const id = nextWindow++;
  performance.mark(`bench-${id}-start`);
  return { window: id, start: performance.now() };
}

/** Closes a measured window opened by {@link open}. */
function close(span: Span): Measured {
  const wall = performance.now() - span.start;
  performance.mark(`bench-${span.window}-end`);
  return { window: span.window, wall };
}

/**
 * Resolves after the next frame has been painted (a task queued from requestAnimationFrame runs after
 * it), closing `span` there when given.
 */
function afterPaint(span?: Span): Promise<Measured | null> {
  return new Promise((resolve) => {
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => resolve(span ? close(span) : null);
      channel.port2.postMessage(0);
    });
  });
}

const container = document.getElementById('root') as HTMLElement;
let store: ChatStore | null = null;
let listener: ConversationListener | null = null;
let messageListener: AdvancedMsgListener | null = null;
let totalUnread = 0;
let root: Root | null = null;
let nextOrderKey = 0;
let sent = 0;

function message(conversation: Conversation): Message {
  sent++;
  const last = conversation.lastMessage as Message;
  return {
    ...last,
    msgID: `bench-${sent}`,
    isSelf: false,
    sender: conversation.userID,
    nick: conversation.showName,
    timestamp: FIXTURE_NOW + sent,
    elemList: [{ type: 'text', text: `New message ${sent}` }],
  };
}

/**
 * Delivers a new message to the conversation at `index` with the full sequence a real engine fires:
 * onRecvNewMessage, then onConversationChanged, then onTotalUnreadMessageCountChanged.
 */
function deliver(index: number): void {
  const state = (store as ChatStore).getState();
  const id = state.views['']?.order.at(index) as string;
  const conversation = state.conversations.get(id) as Conversation;
  const received = message(conversation);
  messageListener?.onRecvNewMessage?.(received);
  listener?.onConversationChanged?.([
    {
      ...conversation,
      orderKey: ++nextOrderKey,
      unreadCount: conversation.unreadCount + 1,
      lastMessage: received,
    },
  ]);
  listener?.onTotalUnreadMessageCountChanged?.(++totalUnread);
}

const gc = () => (window as unknown as { gc?: () => void }).gc?.();

/**
 * Lets a few frames pass, so a measurement starts from an idle page. No `gc()` here: a forced full GC
 * before every mount made every other mount at 100,000 conversations ≈ 50 % dearer (whichever list it was),
 * splitting each list's mounts into two clusters and its median between them.
 */
async function quiet(): Promise<void> {
  for (let i = 0; i < 3; i++) await afterPaint();
}

function render(kind: Kind): void {
  root = createRoot(container);
  // Rendered synchronously, so the measured frame is the one that shows the list.
  flushSync(() =>
    (root as Root).render(
      kind === 'ours' ? <OurList store={store as ChatStore} /> : <BaselineList store={store as ChatStore} />,
    ),
  );
}

const api = {
  async setup(count: number): Promise<void> {
    const fixture = await createLoadedStore(count);
    store = fixture.store;
    listener = fixture.listener?.() ?? null;
    messageListener = fixture.messageListener?.() ?? null;
    totalUnread = fixture.store.getState().totalUnread;
    nextOrderKey = count + 1;
  },
  /** Mounts a list without measuring it (a warm-up, or before a scenario). */
  async mount(kind: Kind): Promise<void> {
    await quiet();
    render(kind);
    await afterPaint();
  },
  /** Mounts a list; measures from render to the first painted frame. */
  async measureMount(kind: Kind): Promise<Measured> {
    await quiet();
    const span = open();
    render(kind);
    return (await afterPaint(span)) as Measured;
  },
  async unmount(): Promise<void> {
    root?.unmount();
    root = null;
    await afterPaint();
  },
  domNodes(): number {
    return container.getElementsByTagName('*').length;
  },
  async heap(): Promise<number> {
    for (let i = 0; i < 3; i++) {
      gc();
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    return (performance as unknown as { memory: { usedJSHeapSize: number } }).memory.usedJSHeapSize;
  },
  /**
   * Scrolls `frames` frames by `px` each. Frame `i` is the span from one requestAnimationFrame callback to
   * the next: everything the main thread did for that frame (the scroll event, rendering, layout, paint).
   */
  async scroll(frames: number, px: number): Promise<{ frames: Measured[]; scrollTop: number }> {
    const scroller = container.querySelector('[role="grid"]') ?? container.firstElementChild;
    const element = scroller as HTMLElement;
    element.scrollTop = 0;
    await quiet();
    return new Promise((resolve) => {
      const out: Measured[] = [];
      let span: Span | null = null;
      const step = () => {
        if (span) out.push(close(span));
        if (out.length >= frames) return resolve({ frames: out, scrollTop: element.scrollTop });
        span = open();
        element.scrollTop += px;
        requestAnimationFrame(step);
      };
      requestAnimationFrame(step);
    });
  },
  /** One new message per frame, `count` times; measures each from dispatch to the next paint. */
  async messages(count: number): Promise<Measured[]> {
    const size = (store as ChatStore).getState().views['']?.order.size ?? 1;
    const out: Measured[] = [];
    await quiet();
    for (let i = 0; i < count; i++) {
      const span = open();
      deliver(1 + ((i * 7919) % (size - 1)));
      out.push((await afterPaint(span)) as Measured);
    }
    return out;
  },
  /** `count` messages in one task; measures from the first dispatch until they are painted. */
  async burst(count: number): Promise<Measured> {
    const size = (store as ChatStore).getState().views['']?.order.size ?? 1;
    await quiet();
    const span = open();
    for (let i = 0; i < count; i++) deliver(1 + ((i * 104_729) % (size - 1)));
    return (await afterPaint(span)) as Measured;
  },
};

(window as unknown as { tidingsBench: typeof api }).tidingsBench = api;
document.body.dataset.ready = '';
