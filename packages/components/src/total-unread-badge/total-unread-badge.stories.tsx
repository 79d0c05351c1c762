import type { Meta, StoryObj } from '@storybook/react-vite';
import { type ComponentType, type ReactNode, useEffect, useMemo } from 'react';
import { expect, userEvent, within } from 'storybook/test';
import { createTestChatStore } from '../../test/chat-store';
import { ChatProvider, useChatConfig } from '../chat-provider/index';
import { TotalUnreadBadge, type TotalUnreadBadgeProps } from './index';

/** The badge's props, plus the store total the story sets. */
type StoryArgs = TotalUnreadBadgeProps & { totalUnread: number };

/** A store whose total unread is the story's `totalUnread` arg, under the toolbar's strings and clock. */
function WithTotalUnread({ totalUnread, children }: { totalUnread: number; children: ReactNode }) {
  const { strings, locale, now } = useChatConfig();
  const store = useMemo(() => createTestChatStore(), []);
  useEffect(() => store.setState({ totalUnread }), [store, totalUnread]);
  return (
    <ChatProvider store={store} strings={strings} locale={locale} now={now}>
      {children}
    </ChatProvider>
  );
}

/** A tab bar like an app's, with the badge on the Chats tab. */
function TabBar({ totalUnread }: { totalUnread: number }) {
  const tab = {
    display: 'inline-flex',
    alignItems: 'center',
    gap: 8,
    padding: '8px 14px',
    border: 0,
    borderRadius: 999,
    background: 'transparent',
    color: 'inherit',
    font: 'inherit',
    fontWeight: 500,
  } as const;
  return (
    <WithTotalUnread totalUnread={totalUnread}>
      <nav
        aria-label="Main"
        style={{
          display: 'inline-flex',
          gap: 4,
          padding: 4,
          borderRadius: 999,
          background: 'var(--tidings-color-surface-muted)',
        }}
      >
        <button
          type="button"
          style={{ ...tab, background: 'var(--tidings-color-surface)' }}
          aria-current="page"
        >
          Chats <TotalUnreadBadge />
        </button>
        <button type="button" style={tab}>
          Contacts
        </button>
      </nav>
    </WithTotalUnread>
  );
}

const meta = {
  title: 'Components/TotalUnreadBadge',
  component: TotalUnreadBadge as ComponentType<StoryArgs>,
  args: { totalUnread: 8 },
  argTypes: { totalUnread: { control: { type: 'number', min: 0 } } },
  render: ({ totalUnread }) => <TabBar totalUnread={totalUnread} />,
} satisfies Meta<StoryArgs>;

export default meta;
type Story = StoryObj<typeof meta>;

/** The store's total unread on an app's tab. */
export const Default: Story = {
  play: async ({ canvasElement }) => {
    await expect(
      within(canvasElement).getByRole('button', { name: 'Chats 8 unread messages' }),
    ).toBeInTheDocument();
  },
};

export const Capped: Story = {
  args: { totalUnread: 342 },
};

/** Nothing unread: no badge. */
export const Zero: Story = {
  args: { totalUnread: 0 },
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByRole('button', { name: 'Chats' })).toBeInTheDocument();
  },
};

/** The badge follows the store: each click on "Receive a message" adds one. */
export const Live: Story = {
  render: function Live() {
    const { strings } = useChatConfig();
    const store = useMemo(() => createTestChatStore({ state: { totalUnread: 1 } }), []);
    return (
      <ChatProvider store={store} strings={strings}>
        <div style={{ display: 'flex', alignItems: 'center', gap: 12 }}>
          <span style={{ display: 'inline-flex', alignItems: 'center', gap: 8 }}>
            Chats <TotalUnreadBadge />
          </span>
          <button
            type="button"
            onClick={() => store.setState((state) => ({ totalUnread: state.totalUnread + 1 }))}
          >
            Receive a message
          </button>
        </div>
      </ChatProvider>
    );
  },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByRole('img', { name: '1 unread message' })).toBeInTheDocument();
    await userEvent.click(canvas.getByRole('button', { name: 'Receive a message' }));
    await userEvent.click(canvas.getByRole('button', { name: 'Receive a message' }));
    await expect(canvas.getByRole('img', { name: '3 unread messages' })).toHaveTextContent('3');
  },
};

export const Chinese: Story = {
  globals: { locale: 'zh-CN' },
};

export const Dark: Story = {
  globals: { theme: 'dark' },
};

export const RightToLeft: Story = {
  globals: { direction: 'rtl' },
};
