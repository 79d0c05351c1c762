import type { Meta, StoryObj } from '@storybook/react-vite';
import type { ChatStore } from '@tidings/core';
import { useCallback, useEffect } from 'react';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import { ChatProvider, useChatConfig } from '../chat-provider/index';
import {
  createEmptyFixture,
  createInboxFixture,
  createLoadedStore,
  createLoadingFixture,
  createPageFailedFixture,
  createShowcaseFixture,
  createSyncFailedFixture,
  type ListFixture,
  startTraffic,
} from './conversation-list-fixtures';
import {
  ConversationList,
  ConversationListItemAvatar,
  ConversationListItemName,
  type ConversationListItemRenderProps,
  ConversationListItemStatus,
  ConversationListItemTime,
  type ConversationListProps,
} from './index';

interface Loaded {
  store: ChatStore;
  fixture?: ListFixture;
}

/** The list as an app's sidebar would hold it, over its own store, in the toolbar's language. */
function Sidebar({ store, ...props }: { store: ChatStore } & ConversationListProps) {
  const { strings, now } = useChatConfig();
  return (
    <ChatProvider store={store} strings={strings} now={now}>
      <ConversationList
        style={{
          blockSize: 640,
          maxInlineSize: 380,
          border: '1px solid var(--tidings-color-border)',
          borderRadius: 12,
          overflow: 'hidden',
        }}
        {...props}
      />
    </ChatProvider>
  );
}

const meta = {
  title: 'Components/ConversationList',
  component: ConversationList,
  loaders: [async (): Promise<Loaded> => ({ store: (await createShowcaseFixture()).store })],
  render: (args, { loaded }) => <Sidebar store={(loaded as Loaded).store} {...args} />,
} satisfies Meta<typeof ConversationList>;

export default meta;
type Story = StoryObj<typeof meta>;

const grid = (canvasElement: HTMLElement) =>
  within(canvasElement).findByRole('grid', { name: /Conversations|会话列表/ });

/** Scrolls the list down until a row with this name is mounted. */
async function findRow(list: HTMLElement, name: RegExp): Promise<HTMLElement> {
  list.scrollTop = 0;
  for (let step = 0; step < 20; step++) {
    const row = within(list).queryByRole('row', { name });
    if (row) return row;
    list.scrollTop += list.clientHeight / 2;
    await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
  }
  return within(list).getByRole('row', { name });
}

/**
 * Every kind of row: pinned (tinted, first), a draft, an @me mention, images, files, voice, video,
 * location, stickers, chat history, a custom message, a group tip, a recalled message, a failed send,
 * muted and marked-unread conversations, and long names.
 */
export const Default: Story = {
  play: async ({ canvasElement }) => {
    const list = await grid(canvasElement);
    const rows = within(list).getAllByRole('row');
    await expect(rows[0]).toHaveAttribute('data-pinned');
    await expect(list).toHaveAttribute('aria-rowcount', '15');
  },
};

/** Drafts win over the last message and show as `[Draft]` in the danger colour. */
export const WithDrafts: Story = {
  play: async ({ canvasElement }) => {
    const list = await grid(canvasElement);
    const row = within(list).getByRole('row', {
      name: /^Erin Walsh, 1 unread message, Draft: See you at the trailhead/,
    });
    await expect(row).toHaveAttribute('data-has-draft');
  },
};

/** Pinned conversations come first, on a tinted background, with a pin marker. */
export const Pinned: Story = {
  play: async ({ canvasElement }) => {
    const list = await grid(canvasElement);
    const [first, second, third] = within(list).getAllByRole('row');
    await expect(first).toHaveAttribute('data-pinned');
    await expect(second).toHaveAttribute('data-pinned');
    await expect(third).not.toHaveAttribute('data-pinned');
  },
};

/**
 * Muted conversations show a grey count and the muted bell after the name, or only the bell when
 * nothing is unread.
 */
export const Muted: Story = {
  play: async ({ canvasElement }) => {
    const list = await grid(canvasElement);
    const hikers = await findRow(list, /^Weekend Hikers/);
    await expect(hikers).toHaveAttribute('data-muted');
    const badge = within(hikers).getByRole('img', { name: '1 unread message' });
    await expect(badge).toHaveAttribute('data-muted');
    await expect(badge).not.toHaveAttribute('data-dot');
    await expect(badge).toHaveTextContent('1');
  },
};

/** A conversation marked unread shows a dot until it is read. */
export const MarkedUnread: Story = {
  play: async ({ canvasElement }) => {
    const list = await grid(canvasElement);
    const ivan = await findRow(list, /^Ivan Petrov, Marked as unread/);
    await expect(ivan).toHaveAttribute('data-marked-unread');
  },
};

/** Long names and previews end in an ellipsis; the time and badge keep their place. */
export const LongNames: Story = {
  play: async ({ canvasElement }) => {
    const list = await grid(canvasElement);
    await expect(await findRow(list, /^Maximiliane Alexandra/)).toBeInTheDocument();
  },
};

/** Every element type's preview: `[Image]`, `[File] report.pdf`, `[Voice]`, `[Video]`, and the rest. */
export const ElementPreviews: Story = {
  play: async ({ canvasElement }) => {
    const list = await grid(canvasElement);
    await expect(await findRow(list, /^Carol 王, 1 unread message, \[Image\]/)).toBeInTheDocument();
    await expect(await findRow(list, /^Dave Okafor, .*\[File\] report\.pdf/)).toBeInTheDocument();
    await expect(await findRow(list, /^Bob Martin, .*Bob Martin recalled a message/)).toBeInTheDocument();
    await expect(await findRow(list, /^Book Club, .*created the group/)).toBeInTheDocument();
    await expect(await findRow(list, /^Frank Müller, \[Video\]/)).toBeInTheDocument();
    await expect(await findRow(list, /^Judy Alvarez/)).toHaveAttribute('data-failed');
  },
};

/** The first page is on its way: skeleton rows, and the grid says it is busy. */
export const Loading: Story = {
  loaders: [async (): Promise<Loaded> => ({ store: await createLoadingFixture() })],
  play: async ({ canvasElement }) => {
    const list = await grid(canvasElement);
    await expect(list).toHaveAttribute('aria-busy', 'true');
    await expect(within(list).getByText('Loading…')).toBeInTheDocument();
  },
};

/** Nothing to show yet. */
export const Empty: Story = {
  loaders: [async (): Promise<Loaded> => ({ store: (await createEmptyFixture()).store })],
  play: async ({ canvasElement }) => {
    await expect(await within(canvasElement).findByText('No conversations yet')).toBeInTheDocument();
  },
};

/** The first page failed; Retry pulls it again. */
export const PageFailed: Story = {
  loaders: [async (): Promise<Loaded> => ({ store: await createPageFailedFixture() })],
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.click(await canvas.findByRole('button', { name: 'Retry' }));
    await waitFor(() => expect(canvas.getAllByRole('row').length).toBeGreaterThan(1));
  },
};

/** Syncing with the server keeps failing: a banner says so and offers Retry; the list still works. */
export const SyncFailed: Story = {
  loaders: [async (): Promise<Loaded> => ({ store: (await createSyncFailedFixture()).store })],
  play: async ({ canvasElement }) => {
    const alert = await within(canvasElement).findByRole('alert');
    await expect(alert).toHaveTextContent('Couldn’t sync');
    await expect(within(alert).getByRole('button', { name: 'Retry' })).toBeInTheDocument();
  },
};

/** 100,000 conversations, all loaded: only the rows in view are in the DOM. */
export const HundredThousandConversations: Story = {
  loaders: [async (): Promise<Loaded> => ({ store: (await createLoadedStore(100_000)).store })],
  play: async ({ canvasElement }) => {
    const list = await grid(canvasElement);
    await expect(list).toHaveAttribute('aria-rowcount', '100000');
    await expect(within(list).getAllByRole('row').length).toBeLessThan(30);
    list.scrollTop = 72 * 50_000;
    await waitFor(() => expect(list.querySelector('[aria-rowindex="50001"]')).toBeInTheDocument());
  },
};

/** A message arrives every 100 ms: each moves its row to the top; scroll down and rows stay put. */
export const LiveTraffic: Story = {
  loaders: [
    async (): Promise<Loaded> => {
      const fixture = await createInboxFixture();
      return { store: fixture.store, fixture };
    },
  ],
  render: function Render(args, { loaded }) {
    const { fixture, store } = loaded as Loaded;
    useEffect(() => (fixture ? startTraffic(fixture, 100) : undefined), [fixture]);
    return <Sidebar store={store} {...args} />;
  },
};

/** Keyboard: ↓ moves the focus, Enter opens the conversation (`aria-selected`), End goes to the last. */
export const KeyboardNavigation: Story = {
  play: async ({ canvasElement }) => {
    const list = await grid(canvasElement);
    const focusedIndex = () => document.activeElement?.getAttribute('aria-rowindex');
    const first = list.querySelector<HTMLElement>('[role="row"][aria-rowindex="1"]') as HTMLElement;
    await userEvent.click(first);
    await userEvent.keyboard('{ArrowDown}{ArrowDown}');
    await expect(focusedIndex()).toBe('3');
    await userEvent.keyboard('{Enter}');
    await expect(document.activeElement).toHaveAttribute('aria-selected', 'true');
    await userEvent.keyboard('{End}');
    await waitFor(() => expect(focusedIndex()).toBe(list.getAttribute('aria-rowcount')));
  },
};

/** Shift+F10 opens a row's actions; Pin moves it to the top and focus returns to it. */
export const ActionsMenu: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const list = await grid(canvasElement);
    const bob = within(list).getByRole('row', { name: /^Bob Martin/ });
    bob.focus();
    await userEvent.keyboard('{Shift>}{F10}{/Shift}');
    const menu = await canvas.findByRole('menu', { name: 'Actions for Bob Martin' });
    await userEvent.click(within(menu).getByRole('menuitem', { name: 'Pin' }));
    await waitFor(() => expect(bob).toHaveAttribute('data-pinned'));
    await expect(bob).toHaveFocus();
  },
};

/** Delete asks first. */
export const DeleteConfirmation: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const list = await grid(canvasElement);
    const heidi = await findRow(list, /^Heidi Larsen/);
    await userEvent.click(within(heidi).getByRole('button', { name: 'Actions for Heidi Larsen' }));
    await userEvent.click(await canvas.findByRole('menuitem', { name: 'Delete' }));
    await expect(
      await canvas.findByRole('alertdialog', { name: 'Delete the chat with Heidi Larsen?' }),
    ).toHaveAttribute('open');
  },
};

function CompactRow({ item }: ConversationListItemRenderProps) {
  return (
    <>
      <ConversationListItemAvatar item={item} />
      <ConversationListItemName item={item} />
      <ConversationListItemTime item={item} />
      <span style={{ color: 'var(--tidings-color-text-muted)', fontSize: 13 }}>
        {item.conversation.type === 'group' ? 'Group' : 'Direct message'}
      </span>
      <ConversationListItemStatus item={item} />
    </>
  );
}

/** A custom row from the exported parts (`renderItem`), without forking the list. */
export const CustomRows: Story = {
  render: function Render(_, { loaded }) {
    const renderItem = useCallback((props: ConversationListItemRenderProps) => <CompactRow {...props} />, []);
    return <Sidebar store={(loaded as Loaded).store} renderItem={renderItem} />;
  },
  play: async ({ canvasElement }) => {
    const list = await grid(canvasElement);
    await expect(within(list).getAllByText('Direct message').length).toBeGreaterThan(0);
  },
};

/** One-to-one conversations only (`filter={{ type: 'c2c' }}`). */
export const Filtered: Story = {
  args: { filter: { type: 'c2c' } },
  play: async ({ canvasElement }) => {
    const list = await grid(canvasElement);
    await waitFor(() =>
      expect(within(list).queryByRole('row', { name: /^Design Team/ })).not.toBeInTheDocument(),
    );
  },
};

export const Dark: Story = { globals: { theme: 'dark' } };

export const RightToLeft: Story = { globals: { direction: 'rtl' } };

export const Chinese: Story = {
  globals: { locale: 'zh-CN' },
  play: async ({ canvasElement }) => {
    const list = await grid(canvasElement);
    await expect(
      within(list).getByRole('row', { name: /^Erin Walsh, 1 条未读消息, 草稿: See you/ }),
    ).toBeInTheDocument();
  },
};
