import type { Meta, StoryObj } from '@storybook/react-vite';
import type { ChatStore } from '@tidings/core';
import type { ReactNode } from 'react';
import { expect, fn, userEvent, waitFor, within } from 'storybook/test';
import { ChatProvider, useChatConfig } from '../chat-provider/index';
import { MessageSearch } from './index';
import { createSearchFixture, type SearchFixture } from './message-search-fixtures';

/** The story's own chat, in the toolbar's language and clock, in a side panel's size. */
function WithChat({ store, children }: { store: ChatStore; children: ReactNode }) {
  const { strings, locale, now } = useChatConfig();
  return (
    <ChatProvider store={store} strings={strings} locale={locale} now={now} autoStart={false}>
      <div
        style={{
          inlineSize: 400,
          blockSize: 560,
          overflow: 'hidden',
          border: '1px solid var(--tidings-color-border)',
          borderRadius: 14,
        }}
      >
        {children}
      </div>
    </ChatProvider>
  );
}

type Loaded = { fixture: SearchFixture };

const meta = {
  title: 'Components/MessageSearch',
  component: MessageSearch,
  args: { onResultSelect: fn(), debounceMs: 100 },
  loaders: [async (): Promise<Loaded> => ({ fixture: await createSearchFixture() })],
  render: (args, { loaded }) => (
    <WithChat store={(loaded as Loaded).fixture.store}>
      <MessageSearch {...args} />
    </WithChat>
  ),
} satisfies Meta<typeof MessageSearch>;

export default meta;
type Story = StoryObj<typeof meta>;

const field = (canvasElement: HTMLElement) =>
  within(canvasElement).getByRole('combobox', { name: 'Search messages' });

/** Before a search: the field, the filters and a prompt. */
export const Default: Story = {
  args: { autoFocus: true },
  play: async ({ canvasElement }) => {
    await expect(field(canvasElement)).toHaveFocus();
    await expect(within(canvasElement).getByRole('status')).toHaveTextContent(
      'Search by words, type or sender',
    );
  },
};

/** Results grouped by conversation, with counts and the matches marked. */
export const WithResults: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.type(field(canvasElement), 'blue');
    await waitFor(() => expect(canvas.getByRole('status')).toHaveTextContent('7 results'));
    await expect(canvas.getAllByRole('group')).toHaveLength(3);
  },
};

/** Arrow keys move through the results; Enter opens one and jumps to it in the conversation. */
export const KeyboardNavigation: Story = {
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    await userEvent.type(field(canvasElement), 'blue bottle');
    await waitFor(() => expect(within(canvas.getByRole('listbox')).getAllByRole('option')).toHaveLength(4));
    await userEvent.keyboard('{ArrowDown}{ArrowDown}');
    await expect(within(canvas.getByRole('listbox')).getAllByRole('option')[1]).toHaveAttribute(
      'aria-selected',
      'true',
    );
    await userEvent.keyboard('{Enter}');
    await expect(args.onResultSelect).toHaveBeenCalledWith(
      expect.objectContaining({ conversationID: 'c2c_bob' }),
    );
  },
};

/** The type filter alone: every file. */
export const FilteredByType: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.click(canvas.getByRole('radio', { name: 'Images' }));
    await waitFor(() => expect(canvas.getByRole('status')).toHaveTextContent('1 result'));
  },
};

/** The sender filter with words. */
export const FilteredBySender: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.type(field(canvasElement), 'blue');
    await waitFor(() => expect(canvas.getByRole('status')).toHaveTextContent('7 results'));
    await userEvent.selectOptions(canvas.getByRole('combobox', { name: 'From' }), 'Carol 王');
    await waitFor(() => expect(canvas.getByRole('status')).toHaveTextContent('2 results'));
  },
};

/** Nothing matched. */
export const NoResults: Story = {
  play: async ({ canvasElement }) => {
    await userEvent.type(field(canvasElement), 'kangaroo');
    await waitFor(() =>
      expect(within(canvasElement).getByRole('status')).toHaveTextContent('No messages found'),
    );
  },
};

/** More results than a page: "Show more" loads the next. */
export const Paged: Story = {
  args: { pageSize: 3 },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.type(field(canvasElement), 'blue');
    await waitFor(() => expect(within(canvas.getByRole('listbox')).getAllByRole('option')).toHaveLength(3));
    await expect(canvas.getByRole('button', { name: 'Show more results' })).toBeInTheDocument();
  },
};

/** Searching one conversation: no conversation headers, and only its people as senders. */
export const InOneConversation: Story = {
  args: { conversationID: 'group_design' },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.type(field(canvasElement), 'blue');
    await waitFor(() => expect(canvas.getByRole('status')).toHaveTextContent('3 results'));
    await expect(canvas.queryAllByRole('group')).toHaveLength(0);
  },
};

export const Chinese: Story = {
  globals: { locale: 'zh-CN' },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.type(canvas.getByRole('combobox', { name: '搜索聊天记录' }), '蓝');
    await waitFor(() => expect(canvas.getByRole('status')).toHaveTextContent('1 条相关记录'));
  },
};

export const Dark: Story = {
  globals: { theme: 'dark' },
  play: KeyboardNavigation.play,
};

export const RightToLeft: Story = {
  globals: { direction: 'rtl' },
  play: KeyboardNavigation.play,
};
