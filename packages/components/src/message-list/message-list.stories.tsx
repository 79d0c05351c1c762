import type { Meta, StoryObj } from '@storybook/react-vite';
import { type ReactNode, useEffect } from 'react';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import { ChatProvider, useChatConfig } from '../chat-provider/index';
import type { CustomElemProps } from '../message-content/index';
import { MessageList } from './index';
import {
  createMessageListFixture,
  type MessageListFixture,
  type MessageListFixtureOptions,
} from './message-list-fixtures';
import { EVERY_TYPE, EVERY_TYPE_MEDIA, GROUP_HISTORY } from './message-list-story-data';

type Loaded = { fixture: MessageListFixture };

/** Loads a seeded conversation for a story; `prepare` can act on it (send, recall, go offline) first. */
function load(
  options: MessageListFixtureOptions = {},
  prepare?: (fixture: MessageListFixture) => Promise<void>,
) {
  return [
    async (): Promise<Loaded> => {
      const fixture = await createMessageListFixture(options);
      await prepare?.(fixture);
      return { fixture };
    },
  ];
}

/** A chat panel as an app would place the list: a fixed-size column with a header. */
function Frame({
  fixture,
  children,
  height = 640,
}: {
  fixture: MessageListFixture;
  children: ReactNode;
  height?: number;
}) {
  // The toolbar's strings and clock, applied to this story's own store.
  const { strings, now } = useChatConfig();
  useEffect(() => () => void fixture.close(), [fixture]);
  return (
    <ChatProvider store={fixture.store} strings={strings} now={now}>
      <div
        style={{
          height,
          maxInlineSize: 480,
          marginInline: 'auto',
          border: '1px solid var(--tidings-color-border)',
          borderRadius: 16,
          overflow: 'hidden',
        }}
      >
        {children}
      </div>
    </ChatProvider>
  );
}

function OrderCard({ data }: CustomElemProps) {
  const order = data as { orderID: string; total: string; items: number };
  return (
    <div style={{ display: 'grid', gap: 2, minInlineSize: 180 }}>
      <strong>Order {order.orderID}</strong>
      <span style={{ fontSize: 13, opacity: 0.8 }}>
        {order.items} items · {order.total}
      </span>
    </div>
  );
}

const renderers = { custom: { order: OrderCard } };
const mapLink = (elem: { latitude: number; longitude: number }) =>
  `https://www.openstreetmap.org/?mlat=${elem.latitude}&mlon=${elem.longitude}#map=16/${elem.latitude}/${elem.longitude}`;

const meta = {
  title: 'Components/MessageList',
  component: MessageList,
  render: (args, { loaded }) => (
    <Frame fixture={(loaded as Loaded).fixture}>
      <MessageList {...args} conversationID={(loaded as Loaded).fixture.conversationID} />
    </Frame>
  ),
  loaders: load(),
} satisfies Meta<typeof MessageList>;

export default meta;
type Story = StoryObj<typeof meta>;

async function log(canvasElement: HTMLElement) {
  const canvas = within(canvasElement);
  const list = await canvas.findByRole('log');
  await waitFor(() => expect(list.closest('.tidings-message-list')).toHaveAttribute('data-state', 'ready'));
  return list;
}

/** A conversation with Bob: runs of each sender, a link, own messages read by Bob. */
export const Default: Story = {
  loaders: load({}, async ({ bob }) => bob.markC2CMessageAsRead('alice')),
  play: async ({ canvasElement }) => {
    const list = await log(canvasElement);
    await expect(await within(list).findByText('Thanks so much!')).toBeVisible();
  },
};

/** Every element type: text with a link and emoji, pictures, video, voice, file, location, face, merged chat history, a custom element with a registered renderer, a reply. */
export const EveryMessageType: Story = {
  args: { renderers, mapLinkBuilder: mapLink },
  loaders: load({ messages: EVERY_TYPE, media: EVERY_TYPE_MEDIA }),
  play: async ({ canvasElement }) => {
    const list = await log(canvasElement);
    await expect(
      await within(list).findByRole('button', { name: /^Release chat .*\[Chat history\]$/ }),
    ).toBeVisible();
    await expect(within(list).getByText('Order A-1024')).toBeVisible();
  },
};

/** A group: senders' names and avatars once per run, a join tip, recalled messages (own with re-edit). */
export const Group: Story = {
  args: { onReEdit: () => {} },
  loaders: load({ type: 'group', messages: GROUP_HISTORY }, async ({ store, bob, conversationID }) => {
    const own = await store.getState().sendText(conversationID, 'Oops, wrong chat');
    await store.getState().revokeMessage(own.msgID);
    const theirs = await bob.sendMessage(await bob.createTextMessage('Ignore that'), { groupID: 'design' });
    await bob.revokeMessage(theirs.msgID);
  }),
  play: async ({ canvasElement }) => {
    const list = await log(canvasElement);
    await expect(await within(list).findByText('You recalled a message')).toBeVisible();
    await expect(within(list).getByRole('button', { name: 'Re-edit' })).toBeVisible();
  },
};

/** Own messages while sending, after a failed send (with resend), sent, and read by the peer. */
export const DeliveryStates: Story = {
  loaders: load({}, async ({ store, alice, bob, conversationID }) => {
    await bob.markC2CMessageAsRead('alice');
    await store.getState().sendText(conversationID, 'Sent, not read yet');
    alice.setNetworkConditions({ online: false });
    await store
      .getState()
      .sendText(conversationID, 'This one failed')
      .catch(() => {});
    alice.setNetworkConditions({ online: true, latencyMs: 600_000 });
    void store
      .getState()
      .sendText(conversationID, 'Still sending…')
      .catch(() => {});
  }),
  play: async ({ canvasElement }) => {
    const list = await log(canvasElement);
    await expect(await within(list).findByRole('button', { name: 'Resend' })).toBeVisible();
    await waitFor(() => expect(list.querySelector('[data-state="sending"]')).not.toBeNull());
  },
};

/** Opened with more unread than fit: the unread separator is at the top of the view. */
export const ManyUnread: Story = {
  loaders: load({ generated: 60, generatedUnread: 40, messages: [] }),
  play: async ({ canvasElement }) => {
    const list = await log(canvasElement);
    const separator = await within(list).findByText('Unread messages');
    await waitFor(() => {
      const top = separator.getBoundingClientRect().top - list.getBoundingClientRect().top;
      expect(top).toBeLessThan(80);
    });
  },
};

/** Bob is typing. */
export const Typing: Story = {
  loaders: load({}, async ({ store, conversationID }) => {
    const { typing } = store.getState();
    store.setState({
      typing: typing.set(conversationID, [{ userID: 'bob', expiresAt: Number.MAX_SAFE_INTEGER }]),
    });
  }),
  play: async ({ canvasElement }) => {
    await expect(await within(await log(canvasElement)).findByText('Bob Martin is typing…')).toBeVisible();
  },
};

/** A conversation without messages. */
export const Empty: Story = {
  loaders: load({ messages: [] }),
  play: async ({ canvasElement }) => {
    await expect(await within(canvasElement).findByText('No messages yet')).toBeVisible();
  },
};

/** The first page is on its way. */
export const Loading: Story = {
  loaders: load({ open: false }, async ({ alice }) => alice.setNetworkConditions({ latencyMs: 600_000 })),
  play: async ({ canvasElement }) => {
    const list = await within(canvasElement).findByRole('log');
    await expect(list).toHaveAttribute('aria-busy', 'true');
    await expect(within(list).getByText('Loading…')).toBeVisible();
  },
};

/** The first page could not be loaded: the list offers to retry. */
export const LoadFailed: Story = {
  loaders: load({ open: false }, async ({ alice }) => alice.setNetworkConditions({ failureRate: 1 })),
  play: async ({ canvasElement }) => {
    const list = await within(canvasElement).findByRole('log');
    await expect(await within(list).findByRole('button', { name: 'Retry' })).toBeVisible();
  },
};

/** No conversation open. */
export const NoConversation: Story = {
  loaders: load({ open: false }),
  render: (_args, { loaded }) => (
    <Frame fixture={(loaded as Loaded).fixture}>
      <MessageList />
    </Frame>
  ),
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByText('Select a conversation to start chatting')).toBeVisible();
  },
};

/** Ten thousand messages, virtualized: only what is on screen is mounted. */
export const TenThousandMessages: Story = {
  loaders: load({ generated: 10_000, messages: [], store: { messagePageSize: 100 } }),
  play: async ({ canvasElement }) => {
    const list = await log(canvasElement);
    await expect(list.querySelectorAll('.tidings-message-list-row').length).toBeLessThan(60);
  },
};

/** Scrolled up, new messages leave the view still and raise the pill; the pill goes to them. */
export const NewMessagesPill: Story = {
  loaders: load({ generated: 40, messages: [] }),
  play: async ({ canvasElement, loaded }) => {
    const { receive } = (loaded as Loaded).fixture;
    const list = await log(canvasElement);
    await waitFor(() => expect(list.closest('.tidings-message-list')).toHaveAttribute('data-at-end'));
    list.scrollTop = 0;
    await waitFor(() => expect(list.closest('.tidings-message-list')).not.toHaveAttribute('data-at-end'));
    await receive('Are you there?');
    await receive('Ping');
    const pill = await within(canvasElement).findByRole('button', { name: '2 new messages' });
    await userEvent.click(pill);
    await expect(await within(list).findByText('Ping')).toBeVisible();
  },
};

/** Activating a quote jumps to the quoted message and highlights it. */
export const JumpToQuotedMessage: Story = {
  args: { renderers },
  loaders: load({ messages: EVERY_TYPE, media: EVERY_TYPE_MEDIA }),
  play: async ({ canvasElement }) => {
    const list = await log(canvasElement);
    await userEvent.click(
      await within(list).findByRole('button', { name: /^Quoted message from Bob Martin/ }),
    );
    await waitFor(() =>
      expect(list.querySelector('[data-highlighted]')).toHaveAttribute('data-msgid', 'story-first'),
    );
  },
};

/** Up and Down move between messages; one message is in the tab order. */
export const KeyboardNavigation: Story = {
  play: async ({ canvasElement }) => {
    const list = await log(canvasElement);
    const fromBob = await within(list).findAllByRole('article', { name: /^Bob Martin, / });
    const newest = fromBob.at(-1) as HTMLElement;
    await expect(newest).toHaveAttribute('tabindex', '0');
    newest.focus();
    await userEvent.keyboard('{ArrowUp}');
    await waitFor(() => expect(document.activeElement).toHaveAccessibleName(/^You, /));
  },
};

/** Every message type in the dark theme. */
export const Dark: Story = { ...EveryMessageType, globals: { theme: 'dark' } };

/** A group in a right-to-left page: own messages at the left, others at the right; each text keeps its own direction. */
export const RightToLeft: Story = { ...Group, globals: { direction: 'rtl' } };

/** Simplified Chinese strings: dates, separators, markers and accessible names. */
export const Chinese: Story = {
  ...ManyUnread,
  globals: { locale: 'zh-CN' },
  play: async ({ canvasElement }) => {
    const list = await within(canvasElement).findByRole('log', { name: '与 Bob Martin 的聊天' });
    await expect(await within(list).findByText('以下为新消息')).toBeVisible();
  },
};
