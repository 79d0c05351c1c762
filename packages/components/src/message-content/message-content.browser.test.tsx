import { render, screen, within } from '@testing-library/react';
import type { Message } from '@tidings/core';
import { createTestMessage } from '@tidings/core/testing';
import { StrictMode } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
// Real input (through the browser's driver): only a trusted Escape makes a native <dialog> cancel.
import { userEvent } from 'vitest/browser';
import { ChatProvider } from '../chat-provider/index';
import { MessageList } from '../message-list/message-list';
import { createMessageListFixture, type MessageListFixture } from '../message-list/message-list-fixtures';
import { EVERY_TYPE, EVERY_TYPE_MEDIA } from '../message-list/message-list-story-data';
import { MessageContent } from './index';

let fixture: MessageListFixture | null = null;
afterEach(async () => {
  await fixture?.close();
  fixture = null;
});

/** Where on screen (its left edge) a piece of an element's text is drawn. */
function leftOf(element: Element, text: string): number {
  const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const at = node.textContent?.indexOf(text) ?? -1;
    if (at < 0) continue;
    const range = document.createRange();
    range.setStart(node, at);
    range.setEnd(node, at + text.length);
    return range.getBoundingClientRect().left;
  }
  throw new Error(`"${text}" is not in ${element.textContent}`);
}

async function showRtl(type: string) {
  const current = await createMessageListFixture({ messages: EVERY_TYPE, media: EVERY_TYPE_MEDIA });
  fixture = current;
  const state = current.store.getState();
  const message = (state.windows[current.conversationID]?.messageIDs ?? [])
    .map((id) => state.messages.get(id) as Message)
    .find((each) => each.elemList[0]?.type === type) as Message;
  render(
    <ChatProvider store={current.store}>
      <div dir="rtl" style={{ width: 360 }}>
        <MessageContent message={message} />
      </div>
    </ChatProvider>,
  );
}

describe('MessageContent in a real browser, right to left', () => {
  it('draws coordinates in their own order: latitude first, each number before its letter', async () => {
    await showRtl('location');
    const coordinates = document.querySelector('.tidings-message-location-coordinates') as HTMLElement;
    expect(coordinates).toHaveTextContent('37.7749° N, 122.4194° W');
    expect(leftOf(coordinates, '37.7749')).toBeLessThan(leftOf(coordinates, 'N,'));
    expect(leftOf(coordinates, 'N,')).toBeLessThan(leftOf(coordinates, '122.4194'));
    expect(leftOf(coordinates, '122.4194')).toBeLessThan(leftOf(coordinates, 'W'));
  });

  it('draws a file size as a number before its unit', async () => {
    await showRtl('file');
    const size = document.querySelector('.tidings-message-file-size') as HTMLElement;
    expect(size).toHaveTextContent('1.4 MB');
    expect(leftOf(size, '1.4')).toBeLessThan(leftOf(size, 'MB'));
  });
});

describe('MessageContent in a real browser, file names', () => {
  it('keeps the extension of a long file name in view, cutting its middle', async () => {
    const current = await createMessageListFixture({ messages: EVERY_TYPE, media: EVERY_TYPE_MEDIA });
    fixture = current;
    const name = 'Quarterly planning notes for the offsite in March.pdf';
    const message = createTestMessage({
      elemList: [
        { type: 'file', uuid: 'long', url: '', fileSize: 26, mimeType: 'application/pdf', fileName: name },
      ],
    });
    render(
      <ChatProvider store={current.store}>
        <div style={{ width: 260 }}>
          <MessageContent message={message} />
        </div>
      </ChatProvider>,
    );
    const shown = document.querySelector('.tidings-message-file-name') as HTMLElement;
    expect(shown).toHaveAttribute('title', name);
    const box = shown.getBoundingClientRect();
    const end = leftOf(shown, '.pdf');
    // The extension is drawn inside the name's box, and the name is cut (it is wider than its box).
    expect(end).toBeGreaterThanOrEqual(box.left);
    expect(end).toBeLessThan(box.right - 10);
    expect(shown.textContent).toBe(name);
    const head = shown.firstElementChild as HTMLElement | null;
    expect(head && head.scrollWidth > head.clientWidth).toBe(true);
  });
});

describe('MessageContent in a real browser, the chat history viewer', () => {
  // Apps render in <StrictMode> in development, where React runs every effect twice on mount.
  it('opens a chat history and keeps it open in StrictMode, and Escape closes it', async () => {
    const current = await createMessageListFixture({ messages: EVERY_TYPE, media: EVERY_TYPE_MEDIA });
    fixture = current;
    const state = current.store.getState();
    const merger = (state.windows[current.conversationID]?.messageIDs ?? [])
      .map((id) => state.messages.get(id) as Message)
      .find((each) => each.elemList[0]?.type === 'merger') as Message;
    render(
      <StrictMode>
        <ChatProvider store={current.store}>
          <MessageContent message={merger} />
        </ChatProvider>
      </StrictMode>,
    );
    const card = screen.getByRole('button', { name: /^Release chat .*\[Chat history\]$/ });
    await userEvent.click(card);
    // The browser dispatches a dialog's `close` event in a later task: let any pending one arrive.
    await new Promise((resolve) => setTimeout(resolve, 100));
    const dialog = screen.getByRole('dialog', { name: 'Chat history: Release chat' });
    expect(within(dialog).getByText('I will update the changelog')).toBeVisible();
    await userEvent.keyboard('{Escape}');
    await expect.poll(() => screen.queryByRole('dialog', { name: 'Chat history: Release chat' })).toBeNull();
    expect(card).toHaveFocus();
  });
});

describe('MessageList in a real browser, right to left', () => {
  it('puts a group sender’s name on the same side as their bubble', async () => {
    const current = await createMessageListFixture({
      type: 'group',
      messages: [
        { from: 'bob', minutesAgo: 3, elems: [{ type: 'text', text: 'Parking fills up by 8:30' }] },
        { from: 'alice', minutesAgo: 2, elems: [{ type: 'text', text: 'On my way' }] },
      ],
    });
    fixture = current;
    render(
      <ChatProvider store={current.store}>
        <div dir="rtl" style={{ width: 480, height: 400, display: 'flex', flexDirection: 'column' }}>
          <MessageList conversationID={current.conversationID} />
        </div>
      </ChatProvider>,
    );
    const text = await screen.findByText('Parking fills up by 8:30');
    const bubble = text.closest('.tidings-message-bubble') as HTMLElement;
    const name = bubble.closest('article')?.querySelector('.tidings-message-sender') as HTMLElement;
    const nameBox = leftOf(name, name.textContent?.trim().slice(-1) ?? '');
    // The name's last letter ends near the bubble's right edge (the start side in rtl), not across the row.
    expect(Math.abs(bubble.getBoundingClientRect().right - nameBox)).toBeLessThan(60);
  });
});
