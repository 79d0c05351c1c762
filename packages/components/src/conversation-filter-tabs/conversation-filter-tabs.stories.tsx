import type { Meta, StoryObj } from '@storybook/react-vite';
import type { ChatStore } from '@tidings/core';
import { useState } from 'react';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import { ChatProvider, useChatConfig } from '../chat-provider/index';
import { MarkAllReadMenu } from '../conversation-actions/index';
import { createShowcaseFixture } from '../conversation-list/conversation-list-fixtures';
import { ConversationList } from '../conversation-list/index';
import { TotalUnreadBadge } from '../total-unread-badge/index';
import { type ConversationFilterTab, ConversationFilterTabs } from './index';

interface Loaded {
  store: ChatStore;
}

/** An inbox as an app would build it: a header with the total, the tabs with "mark all as read", the list. */
function Inbox({ store }: { store: ChatStore }) {
  const { strings, now } = useChatConfig();
  const [tab, setTab] = useState<ConversationFilterTab | null>(null);
  return (
    <ChatProvider store={store} strings={strings} now={now}>
      <div
        style={{
          display: 'flex',
          flexDirection: 'column',
          blockSize: 680,
          maxInlineSize: 380,
          border: '1px solid var(--tidings-color-border)',
          borderRadius: 12,
          overflow: 'hidden',
          background: 'var(--tidings-color-surface)',
        }}
      >
        <h2
          style={{
            display: 'flex',
            alignItems: 'center',
            gap: 8,
            margin: 0,
            padding: '14px 16px 6px',
            fontSize: 20,
            fontWeight: 700,
          }}
        >
          {strings.locale === 'zh-CN' ? '消息' : 'Chats'} <TotalUnreadBadge />
        </h2>
        <ConversationFilterTabs
          value={tab?.id ?? 'all'}
          onValueChange={(_, next) => setTab(next)}
          end={<MarkAllReadMenu />}
        />
        <ConversationList filter={tab?.filter} style={{ flex: 1, minBlockSize: 0 }} />
      </div>
    </ChatProvider>
  );
}

const meta = {
  title: 'Components/ConversationFilterTabs',
  component: ConversationFilterTabs,
  args: { value: 'all', onValueChange: () => {} },
  loaders: [async (): Promise<Loaded> => ({ store: (await createShowcaseFixture()).store })],
  render: (_, { loaded }) => <Inbox store={(loaded as Loaded).store} />,
} satisfies Meta<typeof ConversationFilterTabs>;

export default meta;
type Story = StoryObj<typeof meta>;

/** All, Direct, Groups, Starred and one tab per folder, each with its unread total. */
export const Default: Story = {
  play: async ({ canvasElement }) => {
    const tablist = await within(canvasElement).findByRole('tablist', { name: 'Conversation filters' });
    await expect(within(tablist).getByRole('tab', { name: /^All/ })).toHaveAttribute('aria-selected', 'true');
    await expect(await within(tablist).findByRole('tab', { name: /^Work/ })).toBeInTheDocument();
  },
};

/** Choosing Groups (click, or ←/→) filters the list below. */
export const GroupsSelected: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.click(await canvas.findByRole('tab', { name: /^Groups/ }));
    const grid = canvas.getByRole('grid');
    await waitFor(() => expect(grid).toHaveAttribute('aria-rowcount', '4'));
  },
};

/** "Mark all as read" asks which: everything, one-to-one chats, or groups. */
export const MarkAllRead: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.click(await canvas.findByRole('button', { name: 'Mark all as read' }));
    // Each scope says how many unread messages it marks read.
    await expect(
      await canvas.findByRole('menuitem', { name: /^Groups, \d+ unread messages?$/ }),
    ).toBeInTheDocument();
  },
};

export const Dark: Story = { globals: { theme: 'dark' } };

export const RightToLeft: Story = { globals: { direction: 'rtl' } };

export const Chinese: Story = {
  globals: { locale: 'zh-CN' },
  play: async ({ canvasElement }) => {
    await expect(await within(canvasElement).findByRole('tablist', { name: '会话筛选' })).toBeInTheDocument();
  },
};
