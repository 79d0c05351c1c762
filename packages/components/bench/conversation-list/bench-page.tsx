/**
 * The benchmark page: one already-loaded store, and two lists over it — `<ConversationList>` ("ours") and
 * a bare `useVirtualizer` list of plain rows ("baseline") — mounted one at a time in the same 400 × 720
 * box. `bench-run.mjs` drives it through `window.tidingsBench`.
 */
import '../../src/styles/index.css';
import { useVirtualizer } from '@tanstack/react-virtual';
import type { ChatStore, Conversation, ConversationListener, Message } from '@tidings/core';
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

/** Resolves after the next frame has been painted (a task queued from requestAnimationFrame runs after it). */
function afterPaint(): Promise<number> {
  return new Promise((resolve) => {
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => resolve(performance.now());
      channel.port2.postMessage(0);
    });
  });
}

const container = document.getElementById('root') as HTMLElement;
let store: ChatStore | null = null;
let listener: ConversationListener | null = null;
let root: Root | null = null;
let nextOrderKey = 0;
let sent = 0;
let lastBurstDispatch = 0;

function message(conversation: Conversation): Message {
  sent++;
  const last = conversation.lastMessage as Message;
  return {
    ...last,
    msgID: `bench-${sent}`,
    isSelf: false,
    sender: conversation.userID,
    timestamp: FIXTURE_NOW + sent,
    elemList: [{ type: 'text', text: `New message ${sent}` }],
  };
}

/** Delivers a new message to the conversation at `index`, as the engine would (onConversationChanged). */
function deliver(index: number): void {
  const state = (store as ChatStore).getState();
  const id = state.views['']?.order.at(index) as string;
  const conversation = state.conversations.get(id) as Conversation;
  listener?.onConversationChanged?.([
    {
      ...conversation,
      orderKey: ++nextOrderKey,
      unreadCount: conversation.unreadCount + 1,
      lastMessage: message(conversation),
    },
  ]);
}

const gc = () => (window as unknown as { gc?: () => void }).gc?.();

const api = {
  async setup(count: number): Promise<void> {
    const fixture = await createLoadedStore(count);
    store = fixture.store;
    listener = fixture.listener?.() ?? null;
    nextOrderKey = count + 1;
  },
  /** Mounts a list and returns the time from render to the first painted frame, ms. */
  async mount(kind: Kind): Promise<number> {
    root = createRoot(container);
    const start = performance.now();
    // Rendered synchronously, so the measured frame is the one that shows the list.
    flushSync(() =>
      (root as Root).render(
        kind === 'ours' ? (
          <OurList store={store as ChatStore} />
        ) : (
          <BaselineList store={store as ChatStore} />
        ),
      ),
    );
    return (await afterPaint()) - start;
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
  /** Scrolls `frames` frames by `px` each; returns each frame's duration (rAF to rAF), ms. */
  scroll(frames: number, px: number): Promise<number[]> {
    const scroller = container.querySelector('[role="grid"]') ?? container.firstElementChild;
    const element = scroller as HTMLElement;
    element.scrollTop = 0;
    return new Promise((resolve) => {
      const times: number[] = [];
      let last = 0;
      const step = (time: number) => {
        if (last) times.push(time - last);
        last = time;
        if (times.length >= frames) return resolve(times);
        element.scrollTop += px;
        requestAnimationFrame(step);
      };
      requestAnimationFrame(step);
    });
  },
  /** One new message per frame, `count` times; returns each one's dispatch-to-paint time, ms. */
  async messages(count: number): Promise<number[]> {
    const size = (store as ChatStore).getState().views['']?.order.size ?? 1;
    const times: number[] = [];
    await afterPaint();
    for (let i = 0; i < count; i++) {
      const start = performance.now();
      deliver(1 + ((i * 7919) % (size - 1)));
      times.push((await afterPaint()) - start);
    }
    return times;
  },
  /** `count` messages in one task; returns the time until they are painted, ms. */
  async burst(count: number): Promise<number> {
    const size = (store as ChatStore).getState().views['']?.order.size ?? 1;
    await afterPaint();
    const start = performance.now();
    for (let i = 0; i < count; i++) deliver(1 + ((i * 104_729) % (size - 1)));
    lastBurstDispatch = performance.now() - start;
    return (await afterPaint()) - start;
  },
  /** How long the last burst's dispatching took (the store and the subscriptions), ms. */
  lastBurstDispatch(): number {
    return lastBurstDispatch;
  },
};

(window as unknown as { tidingsBench: typeof api }).tidingsBench = api;
document.body.dataset.ready = '';
