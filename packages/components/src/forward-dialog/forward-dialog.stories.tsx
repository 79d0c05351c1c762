import type { Meta, StoryObj } from '@storybook/react-vite';
import { createTestConversation } from '@tidings/core/testing';
import { type ReactNode, useEffect, useMemo, useState } from 'react';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import { createTestChatStore } from '../../test/chat-store';
import { ChatProvider, useChatConfig } from '../chat-provider/index';
import { createMessageListFixture, type MessageListFixture } from '../message-list/message-list-fixtures';
import { ForwardDialog } from './index';

type Loaded = { fixture: MessageListFixture };

/** Alice's chat with Bob, and Carol and Dave in her list: somewhere to forward to. */
async function loadChat(): Promise<Loaded> {
  const fixture = await createMessageListFixture({
    messages: [
      { msgID: 'a', from: 'bob', text: 'Here are the mockups for Friday', minutesAgo: 10 },
      { msgID: 'b', from: 'alice', text: 'Looks great, approved ✅', minutesAgo: 9 },
    ],
  });
  for (const userID of ['carol', 'dave']) {
    const engine = await fixture.hub.connect(userID);
    await engine.sendMessage(await engine.createTextMessage(`Hi from ${userID}`), { receiver: 'alice' });
  }
  await waitFor(() => expect(fixture.store.getState().conversations.has('c2c_dave')).toBe(true));
  return { fixture };
}

function Frame({ fixture, children }: { fixture: MessageListFixture; children: ReactNode }) {
  const { strings, now } = useChatConfig();
  useEffect(() => () => void fixture.close(), [fixture]);
  return (
    <ChatProvider store={fixture.store} strings={strings} now={now}>
      {children}
    </ChatProvider>
  );
}

/** Opens the dialog from a button, as a message's "Forward" does. */
function Opener({ msgIDs, mode }: { msgIDs: string[]; mode?: 'oneByOne' | 'merged' }) {
  const [open, setOpen] = useState(true);
  const [done, setDone] = useState('');
  return (
    <>
      <button type="button" className="tidings-dialog-button" onClick={() => setOpen(true)}>
        Forward…
      </button>
      <p role="status">{done}</p>
      <ForwardDialog
        open={open}
        onOpenChange={setOpen}
        msgIDs={msgIDs}
        mode={mode}
        onForwarded={(result) => setDone(`Forwarded to ${result.conversationIDs.join(', ')}`)}
      />
    </>
  );
}

const meta = {
  title: 'Components/ForwardDialog',
  component: ForwardDialog,
  args: { open: true, onOpenChange: () => {}, msgIDs: ['a'] },
  loaders: [loadChat],
  render: (args, { loaded }) => (
    <Frame fixture={(loaded as Loaded).fixture}>
      <Opener msgIDs={[...args.msgIDs]} mode={args.mode} />
    </Frame>
  ),
} satisfies Meta<typeof ForwardDialog>;

export default meta;
type Story = StoryObj<typeof meta>;

/** Search, pick by keyboard (Down into the list, Space picks, Tab to Send), send. */
export const Default: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const dialog = await canvas.findByRole('dialog', { name: 'Forward to' });
    const search = within(dialog).getByRole('searchbox', { name: 'Search chats' });
    await waitFor(() => expect(search).toHaveFocus());
    await userEvent.keyboard('dav{ArrowDown} ');
    await expect(await within(dialog).findByRole('option', { name: 'Dave Okafor' })).toHaveAttribute(
      'aria-selected',
      'true',
    );
    await userEvent.tab();
    await userEvent.tab();
    await expect(within(dialog).getByRole('button', { name: 'Send to 1 chat' })).toHaveFocus();
    await userEvent.keyboard('{Enter}');
    await expect(await canvas.findByText('Forwarded to c2c_dave')).toBeVisible();
  },
};

/** Two messages merged into a chat history; several chats picked. */
export const MergedToSeveralChats: Story = {
  args: { msgIDs: ['a', 'b'], mode: 'merged' },
  play: async ({ canvasElement }) => {
    const dialog = await within(canvasElement).findByRole('dialog', { name: 'Forward to' });
    await expect(dialog).toHaveAccessibleDescription('2 messages, as chat history');
    // The options mount once the virtualized list has measured itself: wait for them, do not assume.
    await userEvent.click(await within(dialog).findByRole('option', { name: 'Carol 王' }));
    await userEvent.click(within(dialog).getByRole('option', { name: 'Dave Okafor' }));
    await expect(within(dialog).getByRole('button', { name: 'Send to 2 chats' })).toBeEnabled();
  },
};

/** Nothing matches the search. */
export const NoMatches: Story = {
  play: async ({ canvasElement }) => {
    const dialog = await within(canvasElement).findByRole('dialog', { name: 'Forward to' });
    await userEvent.type(within(dialog).getByRole('searchbox'), 'zzz');
    // The dialog fades in from opacity 0: wait for the end of that, as a person would.
    await waitFor(() => expect(within(dialog).getByText('No chats found')).toBeVisible());
  },
};

/** 100,000 chats: only the rows on screen are mounted; End reaches the last. */
export const HundredThousandConversations: Story = {
  loaders: [],
  render: function Render() {
    const store = useMemo(
      () =>
        createTestChatStore({
          conversations: Array.from({ length: 100_000 }, (_, i) =>
            createTestConversation({
              conversationID: `c2c_user${i}`,
              showName: `Person ${i}`,
              orderKey: 100_000 - i,
            }),
          ),
        }),
      [],
    );
    const { strings } = useChatConfig();
    return (
      <ChatProvider store={store} strings={strings}>
        <ForwardDialog open onOpenChange={() => {}} msgIDs={['x']} />
      </ChatProvider>
    );
  },
  play: async ({ canvasElement }) => {
    const listbox = await within(canvasElement).findByRole('listbox');
    await expect(within(listbox).getAllByRole('option').length).toBeLessThan(30);
    listbox.focus();
    await userEvent.keyboard('{End}');
    await waitFor(() =>
      expect(document.getElementById(listbox.getAttribute('aria-activedescendant') ?? '')).toHaveAttribute(
        'aria-posinset',
        '100000',
      ),
    );
  },
};

/** The dark theme, with two chats picked. */
export const Dark: Story = { ...MergedToSeveralChats, globals: { theme: 'dark' } };

/** Simplified Chinese. */
export const Chinese: Story = {
  globals: { locale: 'zh-CN' },
  play: async ({ canvasElement }) => {
    const dialog = await within(canvasElement).findByRole('dialog', { name: '转发给' });
    await expect(within(dialog).getByRole('searchbox', { name: '搜索会话' })).toBeInTheDocument();
  },
};
