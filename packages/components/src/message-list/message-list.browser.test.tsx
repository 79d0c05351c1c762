import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ChatProvider } from '../chat-provider/index';
import { fitMediaBox } from '../message-content/message-content-media';
import { MessageList, type MessageListProps } from './message-list';
import {
  createMessageListFixture,
  FIXTURE_NOW,
  type FixtureMessage,
  type MessageListFixture,
  type MessageListFixtureOptions,
  pictureBytes,
} from './message-list-fixtures';

let fixture: MessageListFixture | null = null;
afterEach(async () => {
  vi.restoreAllMocks();
  await fixture?.close();
  fixture = null;
});

const HEIGHT = 480;

async function renderList(options: MessageListFixtureOptions = {}, props: Partial<MessageListProps> = {}) {
  const current = await createMessageListFixture(options);
  fixture = current;
  render(
    <ChatProvider store={current.store} now={() => FIXTURE_NOW}>
      <div style={{ width: 420, height: HEIGHT, display: 'flex', flexDirection: 'column' }}>
        <MessageList conversationID={current.conversationID} markReadDelayMs={150} {...props} />
      </div>
    </ChatProvider>,
  );
  const log = await screen.findByRole('log');
  await settled(log);
  return { ...current, log };
}

const frame = () => new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));

/** Resolves once the list's scroll position and layout have been still for a few frames. */
async function settled(log: HTMLElement, frames = 4) {
  let still = 0;
  let last = '';
  for (let i = 0; i < 400 && still < frames; i++) {
    await frame();
    const state = `${log.scrollTop}|${log.scrollHeight}|${log.querySelectorAll('[data-index]').length}`;
    still = state === last ? still + 1 : 0;
    last = state;
  }
}

function distanceFromBottom(log: HTMLElement): number {
  return log.scrollHeight - log.clientHeight - log.scrollTop;
}

function article(log: HTMLElement, msgID: string): HTMLElement | null {
  return log.querySelector<HTMLElement>(`[data-msgid="${msgID}"]`);
}

/** The message nearest the middle of the view: what the reader is looking at. */
function messageInView(log: HTMLElement): HTMLElement {
  const box = log.getBoundingClientRect();
  const middle = box.top + box.height / 2;
  const messages = [...log.querySelectorAll<HTMLElement>('article[data-msgid]')];
  const found = messages
    .filter((element) => {
      const rect = element.getBoundingClientRect();
      return rect.top >= box.top && rect.bottom <= box.bottom;
    })
    .sort(
      (a, b) =>
        Math.abs(a.getBoundingClientRect().top - middle) - Math.abs(b.getBoundingClientRect().top - middle),
    )[0];
  if (!found) throw new Error('no message is fully in view');
  return found;
}

/**
 * Watches an element's position on screen every frame until stopped; returns the largest move. The
 * element is looked up by msgID each frame, so a re-mounted row is followed too.
 */
function watchPosition(log: HTMLElement, msgID: string) {
  const start = article(log, msgID)?.getBoundingClientRect().top ?? Number.NaN;
  let largest = 0;
  let running = true;
  const tick = () => {
    if (!running) return;
    const top = article(log, msgID)?.getBoundingClientRect().top;
    largest = Math.max(largest, top === undefined ? Number.POSITIVE_INFINITY : Math.abs(top - start));
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
  return {
    stop: () => {
      running = false;
      const top = article(log, msgID)?.getBoundingClientRect().top ?? Number.NaN;
      return Math.max(largest, Math.abs(top - start));
    },
  };
}

/** Pulls a conversation's whole history into Alice's local store, as reading or searching it would. */
async function cacheHistory(current: MessageListFixture) {
  let lastMsg:
    | Awaited<ReturnType<typeof current.alice.getHistoryMessageList>>['messageList'][number]
    | undefined;
  for (;;) {
    const page = await current.alice.getHistoryMessageList({
      conversationID: current.conversationID,
      count: 100,
      ...(lastMsg && { lastMsg }),
    });
    lastMsg = page.messageList[0];
    if (page.isFinished || !lastMsg) return;
  }
}

function unreadOf(current: MessageListFixture): number {
  return current.store.getState().conversations.get(current.conversationID)?.unreadCount ?? -1;
}

function windowOf(current: MessageListFixture) {
  const window = current.store.getState().windows[current.conversationID];
  if (!window) throw new Error('the conversation has no window');
  return window;
}

/** Scrolls as a reader would: with the wheel over the list. */
async function scrollBy(log: HTMLElement, pixels: number) {
  log.dispatchEvent(new WheelEvent('wheel', { deltaY: pixels, bubbles: true }));
  log.scrollTop += pixels;
  await settled(log);
}

describe('MessageList in a real browser: the scroll contract', () => {
  it('opens a conversation at its newest message', async () => {
    const { log } = await renderList({ generated: 120 });
    expect(distanceFromBottom(log)).toBeLessThanOrEqual(1);
    const newest = windowOf(fixture as MessageListFixture).messageIDs.at(-1) as string;
    const box = (article(log, newest) as HTMLElement).getBoundingClientRect();
    expect(box.bottom).toBeLessThanOrEqual(log.getBoundingClientRect().bottom);
  });

  it('opens at the first unread message, under the unread separator, when more is unread than fits', async () => {
    const current = await createMessageListFixture({ generated: 90, generatedUnread: 60, messages: [] });
    fixture = current;
    render(
      <ChatProvider store={current.store}>
        <div style={{ width: 420, height: HEIGHT, display: 'flex' }}>
          <MessageList conversationID={current.conversationID} markReadDelayMs={50} />
        </div>
      </ChatProvider>,
    );
    const log = await screen.findByRole('log');
    await settled(log);
    const separator = await screen.findByText('Unread messages');
    const offset = separator.getBoundingClientRect().top - log.getBoundingClientRect().top;
    expect(offset).toBeGreaterThanOrEqual(0);
    expect(offset).toBeLessThan(24);
    expect(distanceFromBottom(log)).toBeGreaterThan(HEIGHT);
    // The newest messages are not on screen, so nothing counts as read.
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(unreadOf(current)).toBeGreaterThan(0);
    expect(screen.getByRole('button', { name: /new messages$/ })).toBeVisible();
  });

  it('opens at the newest message, with the separator in view, when the unread ones fit', async () => {
    const { log } = await renderList({ generated: 60, generatedUnread: 2, messages: [] });
    expect(distanceFromBottom(log)).toBeLessThanOrEqual(1);
    const separator = screen.getByText('Unread messages').getBoundingClientRect();
    expect(separator.top).toBeGreaterThanOrEqual(log.getBoundingClientRect().top);
  });

  it('keeps what the reader sees still, to the pixel, while older pages load above it', async () => {
    const current = await createMessageListFixture({ generated: 400, store: { messagePageSize: 30 } });
    fixture = current;
    render(
      <ChatProvider store={current.store}>
        <div style={{ width: 420, height: HEIGHT, display: 'flex' }}>
          <MessageList conversationID={current.conversationID} />
        </div>
      </ChatProvider>,
    );
    const log = await screen.findByRole('log');
    await settled(log);
    // Pages take a while to arrive, so each one lands while the reader looks at the top.
    current.alice.setNetworkConditions({ latencyMs: 80 });
    for (let page = 0; page < 4; page++) {
      const before = windowOf(current).messageIDs.length;
      await scrollBy(log, -log.scrollTop);
      const anchor = messageInView(log).dataset.msgid as string;
      const watch = watchPosition(log, anchor);
      await waitFor(() => expect(windowOf(current).messageIDs.length).toBeGreaterThan(before), {
        timeout: 5000,
      });
      await settled(log);
      expect(watch.stop()).toBe(0);
    }
  });

  it('keeps the view still when a page continues the run of the oldest loaded message (its header goes)', async () => {
    // One long run of Bob's in a group: every page boundary cuts it, so each older page ends the run the
    // previous oldest message started, and that message loses its avatar, name and spacing.
    const history: FixtureMessage[] = Array.from({ length: 150 }, (_, i) => ({
      from: 'bob',
      text: `Part ${i + 1} of a long story`,
      minutesAgo: 150 - i,
    }));
    const current = await createMessageListFixture({
      type: 'group',
      messages: history,
      store: { messagePageSize: 30 },
    });
    fixture = current;
    render(
      <ChatProvider store={current.store}>
        <div style={{ width: 420, height: HEIGHT, display: 'flex' }}>
          <MessageList conversationID={current.conversationID} />
        </div>
      </ChatProvider>,
    );
    const log = await screen.findByRole('log');
    await settled(log);
    // Slow enough that the view settles at the top before each page lands.
    current.alice.setNetworkConditions({ latencyMs: 250 });
    for (let page = 0; page < 3; page++) {
      const before = windowOf(current).messageIDs.length;
      const oldest = windowOf(current).messageIDs[0] as string;
      await scrollBy(log, -log.scrollTop);
      expect(article(log, oldest)).toHaveAttribute('data-run-start');
      const watch = watchPosition(log, messageInView(log).dataset.msgid as string);
      await waitFor(() => expect(windowOf(current).messageIDs.length).toBeGreaterThan(before), {
        timeout: 5000,
      });
      await settled(log);
      expect(article(log, oldest)).not.toHaveAttribute('data-run-start');
      expect(watch.stop()).toBe(0);
    }
  });

  it('stays at the bottom while new messages arrive there', async () => {
    const current = await renderList({ generated: 60 });
    for (const text of [
      'One',
      'Two',
      'Three — a longer message that wraps onto a second line in the bubble',
      'Four',
    ]) {
      await current.receive(text);
      await screen.findByText(text);
      await settled(current.log);
      expect(distanceFromBottom(current.log)).toBeLessThanOrEqual(1);
    }
  });

  it('stays at the bottom when its view shrinks or grows (a composer growing, a keyboard, a resize)', async () => {
    const current = await createMessageListFixture({ generated: 60 });
    fixture = current;
    // Stands for the composer under the list: an attachment chip or a fifth line makes it taller.
    const composer = document.createElement('div');
    render(
      <ChatProvider store={current.store} now={() => FIXTURE_NOW}>
        <div style={{ width: 420, height: HEIGHT, display: 'flex', flexDirection: 'column' }}>
          <MessageList conversationID={current.conversationID} markReadDelayMs={150} />
          <div
            ref={(element) => {
              if (element && !element.contains(composer)) element.append(composer);
            }}
            style={{ flex: 'none' }}
          />
        </div>
      </ChatProvider>,
    );
    const log = await screen.findByRole('log');
    await settled(log);
    expect(distanceFromBottom(log)).toBeLessThanOrEqual(1);
    const newest = [...log.querySelectorAll<HTMLElement>('article[data-msgid]')].at(-1);
    if (!newest) throw new Error('no message');
    for (const height of [72, 160, 40, 0]) {
      composer.style.height = `${height}px`;
      await settled(log);
      expect(log.clientHeight).toBe(HEIGHT - height);
      expect(distanceFromBottom(log)).toBeLessThanOrEqual(1);
      expect(newest.getBoundingClientRect().bottom).toBeLessThanOrEqual(log.getBoundingClientRect().bottom);
    }
  });

  it('leaves the view still when scrolled up, and raises a pill that counts the new messages', async () => {
    const current = await renderList({ generated: 80 });
    await scrollBy(current.log, -600);
    const anchor = messageInView(current.log).dataset.msgid as string;
    const watch = watchPosition(current.log, anchor);
    await current.receive('Are you there?');
    await current.receive('Hello?');
    await current.receive('Ping');
    const pill = await screen.findByRole('button', { name: '3 new messages' });
    await settled(current.log);
    expect(watch.stop()).toBe(0);
    const ping = screen.queryByText('Ping')?.getBoundingClientRect().top ?? Number.POSITIVE_INFINITY;
    expect(ping).toBeGreaterThan(current.log.getBoundingClientRect().bottom);

    await userEvent.click(pill);
    await waitFor(() => expect(screen.getByText('Ping')).toBeVisible());
    await settled(current.log);
    expect(distanceFromBottom(current.log)).toBeLessThanOrEqual(1);
    await waitFor(() => expect(unreadOf(current)).toBe(0));
    expect(screen.queryByRole('button', { name: /new messages/ })).toBeNull();
  });

  it('follows a message that takes the place of the typing indicator while the reader is at the bottom', async () => {
    const current = await renderList({ generated: 60 });
    await current.type();
    await screen.findByText('Bob Martin is typing…');
    await settled(current.log);
    expect(distanceFromBottom(current.log)).toBeLessThanOrEqual(1);

    await current.receive('Typed, then sent — long enough to wrap onto a second line of the bubble');
    const arrived = await screen.findByText(/^Typed, then sent/);
    await settled(current.log);
    expect(screen.queryByText('Bob Martin is typing…')).toBeNull();
    expect(distanceFromBottom(current.log)).toBeLessThanOrEqual(1);
    expect(arrived.getBoundingClientRect().bottom).toBeLessThanOrEqual(
      current.log.getBoundingClientRect().bottom,
    );
  });

  it.each([
    ['a little', 120],
    ['far', 600],
  ])(
    'raises the pill for a message that takes the place of the typing indicator while scrolled up %s',
    async (_, pixels) => {
      const current = await renderList({ generated: 80 });
      await scrollBy(current.log, -pixels);
      const watch = watchPosition(current.log, messageInView(current.log).dataset.msgid as string);
      await current.type();
      await waitFor(() =>
        expect(current.store.getState().typing.get(current.conversationID)).toHaveLength(1),
      );
      await settled(current.log);
      await current.receive('Typed while you were reading');
      await screen.findByRole('button', { name: '1 new message' });
      await settled(current.log);
      expect(watch.stop()).toBe(0);
      expect(distanceFromBottom(current.log)).toBeGreaterThan(pixels - 1);
    },
  );

  describe('going back to a conversation', () => {
    async function renderSwitchable() {
      const current = await createMessageListFixture({ generated: 120 });
      fixture = current;
      const view = (conversationID: string | null) => (
        <ChatProvider store={current.store} now={() => FIXTURE_NOW}>
          <div style={{ width: 420, height: HEIGHT, display: 'flex', flexDirection: 'column' }}>
            <MessageList conversationID={conversationID} markReadDelayMs={150} />
          </div>
        </ChatProvider>
      );
      const { rerender } = render(view(current.conversationID));
      const log = await screen.findByRole('log');
      await settled(log);
      return {
        ...current,
        log,
        leave: () => rerender(view(null)),
        comeBack: async () => {
          rerender(view(current.conversationID));
          const log = await screen.findByRole('log');
          await settled(log);
          return log;
        },
      };
    }

    it('shows the messages the reader left it at, to the pixel, when they left it scrolled up', async () => {
      const current = await renderSwitchable();
      await scrollBy(current.log, -900);
      const reading = messageInView(current.log);
      const msgID = reading.dataset.msgid as string;
      const top = reading.getBoundingClientRect().top;

      current.leave();
      expect(screen.queryByRole('log')).toBeNull();
      const log = await current.comeBack();
      const again = article(log, msgID);
      expect(again).not.toBeNull();
      expect(Math.abs((again?.getBoundingClientRect().top ?? 0) - top)).toBeLessThanOrEqual(1);
      expect(distanceFromBottom(log)).toBeGreaterThan(800);
    });

    it('opens at the newest message when the reader left it at the bottom', async () => {
      const current = await renderSwitchable();
      await scrollBy(current.log, -900);
      await scrollBy(current.log, 2000);
      current.leave();
      const log = await current.comeBack();
      expect(distanceFromBottom(log)).toBeLessThanOrEqual(1);
    });

    it('opens at the newest message, not the old place, when a message arrived while the reader was away', async () => {
      const current = await renderSwitchable();
      await scrollBy(current.log, -900);
      current.leave();
      await current.receive('Arrived while you were elsewhere');
      await waitFor(() => expect(unreadOf(current)).toBe(1));
      const log = await current.comeBack();
      const arrived = await screen.findByText('Arrived while you were elsewhere');
      expect(distanceFromBottom(log)).toBeLessThanOrEqual(1);
      expect(arrived.getBoundingClientRect().bottom).toBeLessThanOrEqual(log.getBoundingClientRect().bottom);
    });
  });

  it('goes to the bottom when the user sends, however far up they are', async () => {
    const current = await renderList({ generated: 120 });
    await scrollBy(current.log, -2000);
    expect(distanceFromBottom(current.log)).toBeGreaterThan(HEIGHT);
    await current.store.getState().sendText(current.conversationID, 'On my way!');
    await screen.findByText('On my way!');
    await settled(current.log);
    expect(distanceFromBottom(current.log)).toBeLessThanOrEqual(1);
  });

  it('goes to the newest messages when the user sends from a conversation jumped into the past', async () => {
    const current = await renderList({
      generated: 200,
      messages: [{ from: 'bob', text: 'Far back', msgID: 'far-back', minutesAgo: 60 * 24 * 60 }],
      store: { messagePageSize: 30 },
    });
    await cacheHistory(current);
    await current.store.getState().jumpToMessage(current.conversationID, 'far-back');
    await waitFor(() => expect(article(current.log, 'far-back')).not.toBeNull());
    expect(windowOf(current).hasNewer).toBe(true);
    await current.store.getState().sendText(current.conversationID, 'Back to now');
    await screen.findByText('Back to now');
    await settled(current.log);
    expect(distanceFromBottom(current.log)).toBeLessThanOrEqual(1);
  });

  it('reserves the space of pictures from their known size, so nothing moves when they load', async () => {
    const history: FixtureMessage[] = [
      { from: 'bob', text: 'Before the pictures', minutesAgo: 20 },
      ...[0, 1, 2].map((i) => ({
        from: 'bob',
        minutesAgo: 19 - i,
        elems: [
          {
            type: 'image' as const,
            uuid: `slow-${i}`,
            url: '',
            fileSize: 1000,
            mimeType: 'image/svg+xml',
            fileName: `p${i}.svg`,
            width: 800,
            height: 600 + i * 200,
            thumbUrl: '',
          },
        ],
      })),
      { from: 'bob', text: 'After the pictures', minutesAgo: 1, msgID: 'after' },
    ];
    const current = await createMessageListFixture({
      messages: history,
      media: [0, 1, 2].map((i) => ({
        uuid: `slow-${i}`,
        data: pictureBytes(800, 600 + i * 200),
        type: 'image/svg+xml',
      })),
    });
    fixture = current;
    // The bytes arrive long after the rows are laid out.
    current.alice.setNetworkConditions({ latencyMs: 300 });
    render(
      <ChatProvider store={current.store}>
        <div style={{ width: 420, height: HEIGHT, display: 'flex' }}>
          <MessageList conversationID={current.conversationID} />
        </div>
      </ChatProvider>,
    );
    const log = await screen.findByRole('log');
    await settled(log);
    const images = [...log.querySelectorAll<HTMLElement>('.tidings-message-image')];
    expect(images.length).toBeGreaterThan(0);
    for (const image of images) expect(image).toHaveAttribute('data-state', 'loading');
    const watch = watchPosition(log, 'after');
    await waitFor(
      () => {
        for (const image of log.querySelectorAll('.tidings-message-image'))
          expect(image).toHaveAttribute('data-state', 'loaded');
      },
      { timeout: 5000 },
    );
    await settled(log);
    expect(watch.stop()).toBe(0);
    const box = fitMediaBox(800, 600);
    const first = log.querySelector('.tidings-message-image') as HTMLElement;
    expect(first.getBoundingClientRect().height).toBe(box.height);
  });

  it('jumps to a message far back: loads around it, centres it and highlights it', async () => {
    const current = await renderList(
      {
        generated: 300,
        messages: [
          { from: 'bob', text: 'The message to find', msgID: 'target', minutesAgo: 60 * 24 * 90 },
          { from: 'bob', text: 'Latest', minutesAgo: 1 },
        ],
        store: { messagePageSize: 30 },
      },
      { highlightMs: 600 },
    );
    expect(article(current.log, 'target')).toBeNull();
    await cacheHistory(current);
    await current.store.getState().jumpToMessage(current.conversationID, 'target');
    await waitFor(() => expect(article(current.log, 'target')).toHaveAttribute('data-highlighted'));
    await settled(current.log);
    const box = current.log.getBoundingClientRect();
    const target = (article(current.log, 'target') as HTMLElement).getBoundingClientRect();
    expect(target.top).toBeGreaterThanOrEqual(box.top);
    expect(target.bottom).toBeLessThanOrEqual(box.bottom);
    expect(screen.getByRole('button', { name: 'Jump to latest' })).toBeVisible();
    await waitFor(() => expect(article(current.log, 'target')).not.toHaveAttribute('data-highlighted'));
  });
});

describe('MessageList in a real browser: what a screen reader hears', () => {
  it('announces each message with what it shows: who, what they said, when', async () => {
    const current = await renderList({
      messages: [
        { from: 'bob', minutesAgo: 3, elems: [{ type: 'text', text: 'Parking fills up by 8:30' }] },
        {
          from: 'alice',
          minutesAgo: 2,
          elems: [{ type: 'location', description: 'Trailhead parking', latitude: 37.9, longitude: -122.5 }],
        },
      ],
    });
    const bob = screen.getByRole('article', { name: /^Bob/ });
    expect(bob).toHaveAccessibleName(expect.stringContaining('Parking fills up by 8:30'));
    const own = within(current.log).getByRole('article', { name: /^You/ });
    expect(own).toHaveAccessibleName(expect.stringMatching(/^You, \[Location\] Trailhead parking, .*\d/));
  });
});

describe('MessageList in a real browser: reading', () => {
  it('marks the conversation read only while its newest message is on screen in a focused window', async () => {
    const hasFocus = vi.spyOn(document, 'hasFocus').mockReturnValue(false);
    window.dispatchEvent(new FocusEvent('blur'));
    const current = await renderList({ generated: 40 });
    await current.receive('While you were away');
    await screen.findByText('While you were away');
    await settled(current.log);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(unreadOf(current)).toBe(1);

    hasFocus.mockReturnValue(true);
    window.dispatchEvent(new FocusEvent('focus'));
    await waitFor(() => expect(unreadOf(current)).toBe(0));
  });

  it('does not mark read while the reader is scrolled up, and does once they reach the bottom', async () => {
    vi.spyOn(document, 'hasFocus').mockReturnValue(true);
    const current = await renderList({ generated: 80 });
    await scrollBy(current.log, -800);
    await current.receive('New while reading history');
    await screen.findByRole('button', { name: '1 new message' });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(unreadOf(current)).toBe(1);

    await scrollBy(current.log, current.log.scrollHeight);
    await waitFor(() => expect(unreadOf(current)).toBe(0));
  });

  it('does not count messages a programmatic scroll passes by as read', async () => {
    vi.spyOn(document, 'hasFocus').mockReturnValue(true);
    const current = await renderList({
      generated: 200,
      messages: [
        { from: 'bob', text: 'Old one', msgID: 'old', minutesAgo: 60 * 24 * 30 },
        { from: 'bob', text: 'Newest', minutesAgo: 1 },
      ],
      store: { messagePageSize: 30 },
    });
    await cacheHistory(current);
    await scrollBy(current.log, -1200);
    await current.receive('Unread one');
    await screen.findByRole('button', { name: '1 new message' });
    // A jump scrolls by itself, away from the bottom: the new message was never seen.
    await current.store.getState().jumpToMessage(current.conversationID, 'old');
    await waitFor(() => expect(article(current.log, 'old')).not.toBeNull());
    await settled(current.log);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(unreadOf(current)).toBe(1);
  });
});
