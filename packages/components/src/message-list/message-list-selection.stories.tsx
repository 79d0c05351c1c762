import type { Meta, StoryObj } from '@storybook/react-vite';
import { type ReactNode, useEffect } from 'react';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import { ChatProvider, useChatConfig } from '../chat-provider/index';
import { MessageList } from './index';
import {
  createMessageListFixture,
  type FixtureMessage,
  type MessageListFixture,
} from './message-list-fixtures';

type Loaded = { fixture: MessageListFixture };

const HISTORY: FixtureMessage[] = [
  { msgID: 's1', from: 'bob', text: 'Here are the mockups for Friday', minutesAgo: 40 },
  { msgID: 's2', from: 'bob', text: 'The header is new, the rest is as we said', minutesAgo: 39 },
  { msgID: 's3', from: 'alice', text: 'Love the header', minutesAgo: 30 },
  { msgID: 's4', from: 'alice', text: 'Can we keep the old footer?', minutesAgo: 29 },
  { msgID: 's5', from: 'bob', text: 'Sure, I’ll put it back', minutesAgo: 12 },
  { msgID: 's6', from: 'bob', text: 'Done — see the link in the doc', minutesAgo: 5 },
];

function Frame({ fixture, children }: { fixture: MessageListFixture; children: ReactNode }) {
  const { strings, now } = useChatConfig();
  useEffect(() => () => void fixture.close(), [fixture]);
  return (
    <ChatProvider store={fixture.store} strings={strings} now={now}>
      <div
        style={{
          height: 560,
          maxInlineSize: 520,
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

const meta = {
  title: 'Components/MessageListSelection',
  component: MessageList,
  loaders: [
    async (): Promise<Loaded> => {
      const fixture = await createMessageListFixture({ messages: HISTORY });
      const carol = await fixture.hub.connect('carol');
      await carol.sendMessage(await carol.createTextMessage('Hi!'), { receiver: 'alice' });
      return { fixture };
    },
  ],
  render: (args, { loaded }) => (
    <Frame fixture={(loaded as Loaded).fixture}>
      <MessageList {...args} conversationID={(loaded as Loaded).fixture.conversationID} markRead={false} />
    </Frame>
  ),
} satisfies Meta<typeof MessageList>;

export default meta;
type Story = StoryObj<typeof meta>;

/** Enters selection mode from a message's actions, then selects a range with Shift-click. */
async function select(canvasElement: HTMLElement) {
  const canvas = within(canvasElement);
  const log = await canvas.findByRole('log');
  const newest = await waitFor(() => {
    const found = log.querySelector<HTMLElement>('article[data-msgid="s6"]');
    if (!found) throw new Error('not yet');
    return found;
  });
  newest.focus();
  await userEvent.keyboard('{Enter}');
  await userEvent.click(await within(document.body).findByRole('menuitem', { name: /^(Select|多选)$/ }));
  // One session, so Shift stays held for the click.
  const user = userEvent.setup();
  await user.keyboard('{Shift>}');
  await user.click(log.querySelector('article[data-msgid="s3"]') as HTMLElement);
  await user.keyboard('{/Shift}');
  return { canvas, log };
}

/** Four messages selected with Shift-click: the bar counts them and offers forward and delete. */
export const Selecting: Story = {
  play: async ({ canvasElement }) => {
    const { canvas } = await select(canvasElement);
    const bar = canvas.getByRole('group', { name: 'Selected messages' });
    await expect(within(bar).getByRole('status')).toHaveTextContent('4 selected');
    await expect(canvas.getByRole('checkbox', { name: /Love the header$/ })).toHaveAttribute(
      'aria-checked',
      'true',
    );
    await expect(canvas.getByRole('checkbox', { name: /Here are the mockups for Friday$/ })).toHaveAttribute(
      'aria-checked',
      'false',
    );
  },
};

/** The selection forwarded as one chat history: the picker opens with the summary. */
export const ForwardingMerged: Story = {
  play: async ({ canvasElement }) => {
    const { canvas } = await select(canvasElement);
    await userEvent.click(canvas.getByRole('button', { name: 'Forward as chat history' }));
    const dialog = await canvas.findByRole('dialog', { name: 'Forward to' });
    await expect(dialog).toHaveAccessibleDescription('4 messages, as chat history');
  },
};

/** Deleting the selection asks once. */
export const ConfirmingDelete: Story = {
  play: async ({ canvasElement }) => {
    const { canvas } = await select(canvasElement);
    await userEvent.click(canvas.getByRole('button', { name: 'Delete' }));
    await expect(
      await canvas.findByRole('alertdialog', { name: 'Delete 4 messages from this device?' }),
    ).toHaveAttribute('open');
  },
};

/** The dark theme. */
export const Dark: Story = { ...Selecting, globals: { theme: 'dark' } };

/** Right to left: checkboxes at the right. */
export const RightToLeft: Story = { ...Selecting, globals: { direction: 'rtl' } };

/** Simplified Chinese. */
export const Chinese: Story = {
  globals: { locale: 'zh-CN' },
  play: async ({ canvasElement }) => {
    const { canvas } = await select(canvasElement);
    await expect(
      within(canvas.getByRole('group', { name: '已选消息' })).getByRole('status'),
    ).toHaveTextContent('已选择 4 条');
  },
};
