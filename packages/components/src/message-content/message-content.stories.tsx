import type { Meta, StoryObj } from '@storybook/react-vite';
import { type Message, selectWindowMessages } from '@tidings/core';
import { createTestMessage } from '@tidings/core/testing';
import { type CSSProperties, type ReactNode, useEffect } from 'react';
import { expect, userEvent, within } from 'storybook/test';
import { ChatProvider, useChatConfig } from '../chat-provider/index';
import { createMessageListFixture, type MessageListFixture } from '../message-list/message-list-fixtures';
import { EVERY_TYPE, EVERY_TYPE_MEDIA } from '../message-list/message-list-story-data';
import { type CustomElemProps, MessageContent } from './index';

type Loaded = { fixture: MessageListFixture; messages: Message[] };

const loaders = [
  async (): Promise<Loaded> => {
    const fixture = await createMessageListFixture({ messages: EVERY_TYPE, media: EVERY_TYPE_MEDIA });
    return { fixture, messages: [...selectWindowMessages(fixture.store.getState(), fixture.conversationID)] };
  },
];

const bubble = (own: boolean): CSSProperties => ({
  padding: '8px 12px',
  borderRadius: 16,
  background: own ? 'var(--tidings-color-bubble-own)' : 'var(--tidings-color-bubble-other)',
  color: own ? 'var(--tidings-color-bubble-own-text)' : 'var(--tidings-color-bubble-other-text)',
  maxInlineSize: 320,
  justifySelf: own ? 'end' : 'start',
});

/** Shows messages as bubbles would hold them, with the toolbar's strings on the story's own store. */
function Frame({
  loaded,
  pick,
  children,
}: {
  loaded: Loaded;
  pick?: (message: Message) => boolean;
  children?: ReactNode;
}) {
  const { strings, now } = useChatConfig();
  useEffect(() => () => void loaded.fixture.close(), [loaded.fixture]);
  const messages = pick ? loaded.messages.filter(pick) : loaded.messages;
  return (
    <ChatProvider store={loaded.fixture.store} strings={strings} now={now}>
      <div style={{ display: 'grid', gap: 12, maxInlineSize: 440, marginInline: 'auto' }}>
        {messages.map((message) => (
          <div key={message.msgID} data-own={message.isSelf ? '' : undefined} style={bubble(message.isSelf)}>
            <MessageContent
              message={message}
              options={{
                renderers: { custom: { order: OrderCard } },
                mapLinkBuilder: (elem) =>
                  `https://www.openstreetmap.org/?mlat=${elem.latitude}&mlon=${elem.longitude}`,
              }}
            />
          </div>
        ))}
        {children}
      </div>
    </ChatProvider>
  );
}

function OrderCard({ data }: CustomElemProps) {
  const order = data as { orderID: string; total: string; items: number };
  return (
    <span style={{ display: 'grid' }}>
      <strong>Order {order.orderID}</strong>
      <span>
        {order.items} items · {order.total}
      </span>
    </span>
  );
}

const ofType = (type: string) => (message: Message) => message.elemList[0]?.type === type;

const meta = {
  title: 'Components/MessageContent',
  component: MessageContent,
  loaders,
  // The stories render the loader's seeded messages; this one is for the docs' props table.
  args: {
    message: createTestMessage({ elemList: [{ type: 'text', text: 'See you at 6 https://example.com' }] }),
  },
  render: (_args, { loaded }) => <Frame loaded={loaded as Loaded} />,
} satisfies Meta<typeof MessageContent>;

export default meta;
type Story = StoryObj<typeof meta>;

/** Every element type, each with its renderer. */
export const EveryType: Story = {};

/** Text with safe links and emoji; a message of a few emoji is shown large. */
export const Text: Story = {
  render: (_args, { loaded }) => <Frame loaded={loaded as Loaded} pick={ofType('text')} />,
  play: async ({ canvasElement }) => {
    await expect(
      within(canvasElement).getByRole('link', { name: 'https://example.com/album' }),
    ).toHaveAttribute('target', '_blank');
  },
};

/** Pictures in boxes sized from their known size; a click opens the full view. */
export const Images: Story = {
  render: (_args, { loaded }) => <Frame loaded={loaded as Loaded} pick={ofType('image')} />,
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.click(canvas.getByRole('button', { name: 'Image, lake.jpg' }));
    const dialog = within(document.body).getByRole('dialog', { name: 'Image, lake.jpg' });
    await userEvent.click(within(dialog).getByRole('button', { name: 'Close' }));
  },
};

/** Voice, video, file and location. */
export const MediaAndPlaces: Story = {
  render: (_args, { loaded }) => (
    <Frame
      loaded={loaded as Loaded}
      pick={(message) => ['sound', 'video', 'file', 'location'].includes(message.elemList[0]?.type ?? '')}
    />
  ),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByRole('group', { name: 'Voice message, 0:17' })).toBeVisible();
    await expect(canvas.getByRole('group', { name: 'Q3-planning-notes.pdf, 1.4 MB' })).toBeVisible();
  },
};

/** A picture and a file while they upload: a progress ring and a cancel button. */
export const Uploading: Story = {
  render: (_args, { loaded }) => {
    const data = loaded as Loaded;
    const uploading = data.messages
      .filter((message) => ['image', 'file'].includes(message.elemList[0]?.type ?? ''))
      .slice(0, 2)
      .map((message) => ({ ...message, msgID: `up-${message.msgID}`, status: 'sending' as const }));
    data.fixture.store.setState((state) => ({
      sendProgress: {
        ...state.sendProgress,
        ...Object.fromEntries(uploading.map((message) => [message.msgID, 40])),
      },
    }));
    return <Frame loaded={{ ...data, messages: uploading }} />;
  },
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getAllByRole('progressbar', { name: 'Uploading, 40%' })).toHaveLength(
      2,
    );
  },
};

/** A face, a merged chat history (opens to its messages) and a custom element with a registered renderer. */
export const FacesHistoryAndCustom: Story = {
  render: (_args, { loaded }) => (
    <Frame
      loaded={loaded as Loaded}
      pick={(message) => ['face', 'merger', 'custom'].includes(message.elemList[0]?.type ?? '')}
    />
  ),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.click(canvas.getByRole('button', { name: /^Release chat/ }));
    const dialog = within(document.body).getByRole('dialog', { name: 'Chat history: Release chat' });
    await expect(within(dialog).getAllByRole('listitem')).toHaveLength(3);
    await userEvent.keyboard('{Escape}');
  },
};

/**
 * What a hostile peer sends: a picture, video, voice message and file whose URLs are `javascript:` or
 * `data:image/svg+xml`, and a `javascript:` "link" in text. The URL policy blocks each: placeholders, disabled
 * buttons, plain text — never an `img`, `video` or `Audio` with such a source, never a download.
 */
export const BlockedUrls: Story = {
  render: (_args, { loaded }) => {
    const data = loaded as Loaded;
    const script = 'javascript:alert(document.domain)';
    const svg = 'data:image/svg+xml,<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>';
    const hostile = data.messages
      .filter((message) => ['image', 'video', 'sound', 'file'].includes(message.elemList[0]?.type ?? ''))
      .map((message) => ({
        ...message,
        msgID: `hostile-${message.msgID}`,
        elemList: message.elemList.map((elem) =>
          elem.type === 'image'
            ? { ...elem, url: svg, thumbUrl: script }
            : elem.type === 'video'
              ? { ...elem, url: script, snapshotUrl: svg }
              : elem.type === 'sound' || elem.type === 'file'
                ? { ...elem, url: script }
                : elem,
        ),
      }));
    const text = createTestMessage({
      msgID: 'hostile-text',
      conversationID: data.fixture.conversationID,
      elemList: [{ type: 'text', text: `Click ${script} for a prize` }],
    });
    return <Frame loaded={{ ...data, messages: [...hostile, text] }} />;
  },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvasElement.querySelector('img, video, a')).toBeNull();
    await expect(canvas.getAllByText('Blocked: unsafe address').length).toBeGreaterThanOrEqual(3);
    await expect(canvas.getByRole('button', { name: /^Download / })).toBeDisabled();
  },
};
