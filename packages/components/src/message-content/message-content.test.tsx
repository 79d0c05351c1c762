import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { Message } from '@tidings/core';
import { en } from '@tidings/core/locales/en';
import { zhCN } from '@tidings/core/locales/zh-cn';
import { createTestMessage } from '@tidings/core/testing';
import type { ReactNode } from 'react';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { expectNoAxeViolations } from '../../test/axe';
import { ChatProvider } from '../chat-provider/index';
import { createMessageListFixture, type MessageListFixture } from '../message-list/message-list-fixtures';
import { EVERY_TYPE, EVERY_TYPE_MEDIA } from '../message-list/message-list-story-data';
import { type CustomElemProps, MessageContent, type MessageContentOptions } from './index';
import { emojiOnlyCount, splitLinks } from './message-content-links';
import { createMessageReply, getMessageReply } from './message-content-reply';

describe('splitLinks', () => {
  it('links http and https URLs and nothing else', () => {
    expect(splitLinks('see https://example.com/a and http://x.org')).toEqual([
      { type: 'text', text: 'see ' },
      { type: 'link', text: 'https://example.com/a', href: 'https://example.com/a' },
      { type: 'text', text: ' and ' },
      { type: 'link', text: 'http://x.org', href: 'http://x.org/' },
    ]);
    expect(splitLinks('javascript:alert(1) data:text/html,hi ftp://x.org')).toEqual([
      { type: 'text', text: 'javascript:alert(1) data:text/html,hi ftp://x.org' },
    ]);
  });

  it('leaves sentence punctuation and unbalanced brackets out of the link', () => {
    expect(splitLinks('(https://example.com/pr/42).')[1]).toMatchObject({
      text: 'https://example.com/pr/42',
    });
    expect(splitLinks('https://en.wikipedia.org/wiki/Foo_(bar)!')[0]).toMatchObject({
      text: 'https://en.wikipedia.org/wiki/Foo_(bar)',
    });
    expect(splitLinks('看这个https://example.com/a，谢谢')[1]).toMatchObject({
      text: 'https://example.com/a',
    });
  });
});

describe('emojiOnlyCount', () => {
  it('counts a message of one to three emoji, including joined and flag emoji', () => {
    expect(emojiOnlyCount('👍')).toBe(1);
    expect(emojiOnlyCount('👍🏽 🎉')).toBe(2);
    expect(emojiOnlyCount('👨‍👩‍👧🇨🇳❤️')).toBe(3);
    expect(emojiOnlyCount('👍👍👍👍')).toBe(0);
    expect(emojiOnlyCount('ok 👍')).toBe(0);
    expect(emojiOnlyCount('123')).toBe(0);
  });
});

describe('replies', () => {
  it('round-trip through cloudCustomData in the TUIKit shape', () => {
    const quoted = createTestMessage({
      msgID: 'q1',
      nick: 'Bob',
      elemList: [{ type: 'text', text: 'Lunch?' }],
    });
    const data = createMessageReply(quoted, { strings: zhCN, cloudCustomData: '{"app":1}' });
    expect(JSON.parse(data)).toMatchObject({
      app: 1,
      messageReply: { messageID: 'q1', messageAbstract: 'Lunch?', messageSender: 'Bob' },
    });
    expect(getMessageReply(createTestMessage({ cloudCustomData: data }))).toEqual({
      msgID: 'q1',
      senderName: 'Bob',
      abstract: 'Lunch?',
    });
  });

  it('ignore cloudCustomData that is not a reply', () => {
    expect(getMessageReply(createTestMessage({ cloudCustomData: '{"messageReply":1}' }))).toBeNull();
    expect(getMessageReply(createTestMessage({ cloudCustomData: 'messageReply' }))).toBeNull();
  });
});

describe('MessageContent', () => {
  let fixture: MessageListFixture;
  let messages: Message[];

  beforeAll(async () => {
    fixture = await createMessageListFixture({ messages: EVERY_TYPE, media: EVERY_TYPE_MEDIA });
    const window = fixture.store.getState().windows[fixture.conversationID];
    messages = (window?.messageIDs ?? []).map((id) => fixture.store.getState().messages.get(id) as Message);
    return () => fixture.close();
  });
  afterEach(() => vi.restoreAllMocks());

  const byType = (type: string) => messages.find((message) => message.elemList[0]?.type === type) as Message;
  const wrap = (children: ReactNode) => <ChatProvider store={fixture.store}>{children}</ChatProvider>;
  const show = (message: Message, options?: MessageContentOptions) =>
    render(wrap(<MessageContent message={message} {...(options && { options })} />));

  it('shows text as typed, never as HTML, with safe links that open in a new tab', () => {
    show(
      createTestMessage({
        elemList: [{ type: 'text', text: '<b>bold</b> https://example.com/x javascript:alert(1)' }],
      }),
    );
    expect(screen.getByText(/<b>bold<\/b>/)).toBeInTheDocument();
    expect(document.querySelector('b')).toBeNull();
    const link = screen.getByRole('link', { name: 'https://example.com/x' });
    expect(link).toHaveAttribute('href', 'https://example.com/x');
    expect(link).toHaveAttribute('target', '_blank');
    expect(link.getAttribute('rel')).toContain('noopener');
    expect(screen.getAllByRole('link')).toHaveLength(1);
  });

  it('shows a picture in a box sized from its width and height before it loads, and opens the full view', async () => {
    show(byType('image'));
    const button = screen.getByRole('button', { name: 'Image, lake.jpg' });
    const box = button.closest('.tidings-message-image') as HTMLElement;
    expect(box.style.getPropertyValue('--tidings-media-width')).toBe('240px');
    expect(box.style.getPropertyValue('--tidings-media-height')).toBe('180px');
    await userEvent.click(button);
    expect(screen.getByRole('dialog', { name: 'Image, lake.jpg' })).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Close' }));
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('lets the app open pictures itself', async () => {
    const onOpenImage = vi.fn();
    show(byType('image'), { onOpenImage });
    await userEvent.click(screen.getByRole('button', { name: 'Image, lake.jpg' }));
    expect(onOpenImage).toHaveBeenCalledWith(
      expect.objectContaining({ elem: expect.objectContaining({ fileName: 'lake.jpg' }) }),
    );
  });

  it('names a voice message by its duration and offers to play it', () => {
    show(byType('sound'));
    const voice = screen.getByRole('group', { name: 'Voice message, 0:17' });
    expect(within(voice).getByRole('button', { name: 'Play' })).toBeInTheDocument();
    expect(voice).toHaveTextContent('0:17');
  });

  it('shows a video’s snapshot box with its duration and a play button', () => {
    show(byType('video'));
    expect(screen.getByRole('button', { name: 'Play: Video, 1:14' })).toBeInTheDocument();
  });

  it('shows a file with its name and size, and a download button', () => {
    show(byType('file'));
    const file = screen.getByRole('group', { name: 'Q3-planning-notes.pdf, 1.4 MB' });
    expect(within(file).getByRole('button', { name: 'Download Q3-planning-notes.pdf' })).toBeEnabled();
  });

  it('shows a location with its coordinates, linked to a map only through an http(s) link', () => {
    const location = byType('location');
    const { unmount } = show(location, {
      mapLinkBuilder: (elem) => `https://maps.example.com/?q=${elem.latitude},${elem.longitude}`,
    });
    expect(screen.getByText('37.7749° N, 122.4194° W')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: /Blue Bottle Coffee/ })).toHaveAttribute(
      'href',
      'https://maps.example.com/?q=37.7749,-122.4194',
    );
    unmount();
    show(location, { mapLinkBuilder: () => 'javascript:alert(1)' });
    expect(screen.queryByRole('link')).toBeNull();
  });

  it('shows a face from the face set, named in the UI language', () => {
    render(
      <ChatProvider store={fixture.store} strings={zhCN}>
        <MessageContent message={byType('face')} />
      </ChatProvider>,
    );
    expect(screen.getByRole('img', { name: '赞' })).toHaveTextContent('👍');
  });

  it('opens a merged message to the list of its messages', async () => {
    show(byType('merger'));
    await userEvent.click(screen.getByRole('button', { name: /^Release chat .*\[Chat history\]$/ }));
    const dialog = screen.getByRole('dialog', { name: 'Chat history: Release chat' });
    expect(within(dialog).getByText('I will update the changelog')).toBeInTheDocument();
    expect(within(dialog).getAllByRole('listitem')).toHaveLength(3);
  });

  it('renders custom elements with the renderer registered for their businessID, else their description', () => {
    const custom = byType('custom');
    const OrderCard = ({ businessID, data }: CustomElemProps) => (
      <p>
        {businessID} {(data as { orderID: string }).orderID}
      </p>
    );
    const { unmount } = show(custom, { renderers: { custom: { order: OrderCard } } });
    expect(screen.getByText('order A-1024')).toBeInTheDocument();
    unmount();
    show(custom, { renderers: { custom: { other: OrderCard } } });
    expect(screen.getByText('Order A-1024')).toBeInTheDocument();
  });

  it('shows the quote of a reply and jumps to the quoted message when it is activated', async () => {
    const jump = vi.spyOn(fixture.store.getState(), 'jumpToMessage').mockResolvedValue();
    const reply = messages.find((message) => message.cloudCustomData.includes('messageReply')) as Message;
    show(reply);
    await userEvent.click(
      screen.getByRole('button', {
        name: 'Quoted message from Bob Martin: Here is everything from the trip 🏔️',
      }),
    );
    expect(jump).toHaveBeenCalledWith(fixture.conversationID, 'story-first');
  });

  it('says so under the quote when the quoted message cannot be found, and moves nowhere', async () => {
    const gone = createTestMessage({
      msgID: 'deleted-long-ago',
      conversationID: fixture.conversationID,
      nick: 'Bob Martin',
      elemList: [{ type: 'text', text: 'An old plan' }],
    });
    const reply = createTestMessage({
      conversationID: fixture.conversationID,
      elemList: [{ type: 'text', text: 'About that' }],
      cloudCustomData: createMessageReply(gone, { strings: en }),
    });
    const before = fixture.store.getState().windows[fixture.conversationID];
    show(reply);
    expect(screen.queryByRole('status')).toBeNull();
    await userEvent.click(
      screen.getByRole('button', { name: 'Quoted message from Bob Martin: An old plan' }),
    );
    expect(await screen.findByRole('status')).toHaveTextContent(
      'The original message is no longer available',
    );
    expect(fixture.store.getState().windows[fixture.conversationID]).toBe(before);
  });

  it('shows the upload progress of a picture being sent and cancels it', async () => {
    const cancel = vi.spyOn(fixture.store.getState(), 'cancelSendingMessage').mockResolvedValue();
    const sending = { ...byType('image'), msgID: 'uploading', status: 'sending' as const };
    fixture.store.setState((state) => ({ sendProgress: { ...state.sendProgress, uploading: 40 } }));
    show(sending);
    expect(screen.getByRole('progressbar', { name: 'Uploading, 40%' })).toHaveAttribute(
      'aria-valuenow',
      '40',
    );
    await userEvent.click(screen.getByRole('button', { name: 'Cancel upload' }));
    expect(cancel).toHaveBeenCalledWith('uploading');
  });

  it('shows every element of a multi-element message, in order', () => {
    show(
      createTestMessage({
        elemList: [
          { type: 'text', text: 'First' },
          { type: 'face', index: 16, data: 'default' },
          { type: 'text', text: 'Last' },
        ],
      }),
    );
    const parts = [...(document.querySelector('.tidings-message-content')?.children ?? [])].map(
      (part) => part.textContent,
    );
    expect(parts).toEqual(['First', '👍', 'Last']);
  });

  it('has no axe violations, with every element type shown', async () => {
    const { container } = render(
      wrap(messages.map((message) => <MessageContent key={message.msgID} message={message} />)),
    );
    await waitFor(() => expect(container.querySelector('.tidings-message-merger')).not.toBeNull());
    await expectNoAxeViolations(container);
  });
});
