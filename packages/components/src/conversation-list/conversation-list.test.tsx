import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { type ChatStore, createChatStore, type MessageElem } from '@tidings/core';
import { createLocalHub, type LocalHub, type SeedMessage } from '@tidings/core/local';
import { zhCN } from '@tidings/core/locales/zh-cn';
import { seedConversations } from '@tidings/core/testing';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { expectNoAxeViolations } from '../../test/axe';
import { ChatProvider } from '../chat-provider/chat-provider';
import { ConversationList, type ConversationListProps } from './conversation-list';
import {
  createEmptyFixture,
  createLoadingFixture,
  createPageFailedFixture,
  FIXTURE_NOW,
  settle,
} from './conversation-list-fixtures';
import { ConversationListItemName, type ConversationListItemRenderProps } from './conversation-list-item';
import { useConversationList } from './use-conversation-list';
import { useConversation } from './use-conversation-list-item';

const NOW = FIXTURE_NOW;
const now = () => NOW;
const hubs: LocalHub[] = [];

afterEach(async () => {
  for (const hub of hubs.splice(0)) await hub.close();
});

const text = (value: string): MessageElem[] => [{ type: 'text', text: value }];

/**
 * Alice's inbox, newest first: Bob (3 unread, 10:42 today), Design Team (a group, Carol wrote last),
 * Erin (150 unread, 07:59), Dave (read, yesterday), Frank (read, last week).
 */
async function createInbox(options: { pageSize?: number } = {}) {
  const hub = await createLocalHub({ now: () => NOW, rateLimits: false });
  hubs.push(hub);
  const at = (hours: number, minutes = 0) => new Date(2024, 2, 14, hours, minutes).getTime();
  const messages: SeedMessage[] = [
    ...Array.from({ length: 150 }, (_, i) => ({
      sender: 'erin',
      receiver: 'alice',
      elemList: text(`Ping ${i + 1}`),
      timestamp: at(8) - (150 - i) * 1000,
    })),
    {
      sender: 'frank',
      receiver: 'alice',
      elemList: text('See you'),
      timestamp: at(9) - 6 * 86_400_000,
      read: true,
    },
    {
      sender: 'dave',
      receiver: 'alice',
      elemList: text('Thanks!'),
      timestamp: at(9) - 86_400_000,
      read: true,
    },
    { sender: 'carol', groupID: 'design', elemList: text('New icons are in'), timestamp: at(10), read: true },
    { sender: 'bob', receiver: 'alice', elemList: text('Lunch?'), timestamp: at(10, 40) },
    { sender: 'bob', receiver: 'alice', elemList: text('At noon'), timestamp: at(10, 41) },
    {
      sender: 'bob',
      receiver: 'alice',
      elemList: [
        {
          type: 'file',
          uuid: 'f1',
          url: '',
          fileSize: 100,
          mimeType: 'application/pdf',
          fileName: 'report.pdf',
        },
      ],
      timestamp: at(10, 42),
    },
  ];
  await hub.seed({
    users: [
      { userID: 'alice', nick: 'Alice Chen', faceUrl: '' },
      { userID: 'bob', nick: 'Bob Martin', faceUrl: '' },
      { userID: 'carol', nick: 'Carol 王', faceUrl: '' },
      { userID: 'dave', nick: 'Dave Okafor', faceUrl: '' },
      { userID: 'erin', nick: 'Erin Walsh', faceUrl: '' },
      { userID: 'frank', nick: 'Frank Müller', faceUrl: '' },
    ],
    groups: [
      { groupID: 'design', name: 'Design Team', ownerID: 'carol', memberUserIDList: ['alice', 'carol'] },
    ],
    messages,
    media: [{ uuid: 'f1', data: new ArrayBuffer(4), type: 'application/pdf' }],
  });
  const store = createChatStore(await hub.connect('alice'), {
    ...(options.pageSize && { conversationPageSize: options.pageSize }),
  });
  await store.getState().start();
  return { hub, store };
}

function renderList(
  store: ChatStore,
  props: ConversationListProps = {},
  strings = undefined as typeof zhCN | undefined,
) {
  const result = render(
    <ChatProvider store={store} now={now} {...(strings && { strings })}>
      <ConversationList {...props} />
    </ChatProvider>,
  );
  return { ...result, grid: screen.getByRole('grid') };
}

async function send(
  hub: LocalHub,
  from: string,
  value: string,
  to: { receiver?: string; groupID?: string } = { receiver: 'alice' },
) {
  const engine = await hub.connect(from);
  await engine.sendMessage(await engine.createTextMessage(value), to);
}

describe('ConversationList', () => {
  it('is a grid of rows that read like a person would say them', async () => {
    const { store } = await createInbox();
    const { grid } = renderList(store);
    expect(grid).toHaveAccessibleName('Conversations');
    await waitFor(() => expect(grid).toHaveAttribute('aria-rowcount', '5'));
    const rows = within(grid).getAllByRole('row');
    expect(rows.map((row) => row.getAttribute('aria-rowindex'))).toEqual(['1', '2', '3', '4', '5']);
    expect(rows[0]).toHaveAccessibleName('Bob Martin, 3 unread messages, [File] report.pdf, 10:42');
    expect(rows[1]).toHaveAccessibleName('Design Team, Carol 王: New icons are in, 10:00');
    expect(rows[2]).toHaveAccessibleName('Erin Walsh, 150 unread messages, Ping 150, 07:59');
    expect(rows[3]).toHaveAccessibleName('Dave Okafor, Thanks!, Yesterday');
    expect(rows[4]).toHaveAccessibleName(/^Frank Müller, See you, (Fri|Sat|Sun|Mon|Tue|Wed|Thu)$/);
    for (const row of rows) expect(within(row).getByRole('gridcell')).toBeInTheDocument();
  });

  it('badges unread counts, capped at 99+, and says the full count', async () => {
    const { store } = await createInbox();
    const { grid } = renderList(store);
    const bob = await within(grid).findByRole('row', { name: /^Bob Martin/ });
    expect(within(bob).getByRole('img', { name: '3 unread messages' })).toHaveTextContent('3');
    expect(bob).toHaveAttribute('data-unread');
    const erin = within(grid).getByRole('row', { name: /^Erin Walsh/ });
    expect(within(erin).getByRole('img', { name: '150 unread messages' })).toHaveTextContent('99+');
    const dave = within(grid).getByRole('row', { name: /^Dave Okafor/ });
    expect(within(dave).queryByRole('img')).not.toBeInTheDocument();
    expect(dave).not.toHaveAttribute('data-unread');
  });

  it('shows a draft instead of the last message, and moves the conversation up', async () => {
    const { store } = await createInbox();
    const { grid } = renderList(store);
    await within(grid).findByRole('row', { name: /^Dave Okafor/ });
    await act(() => store.getState().saveDraft('c2c_dave', 'see you\nat six'));
    const dave = within(grid).getByRole('row', { name: /^Dave Okafor/ });
    expect(dave).toHaveAccessibleName('Dave Okafor, Draft: see you, 15:30');
    expect(dave).toHaveAttribute('data-has-draft');
    expect(dave).toHaveAttribute('aria-rowindex', '1');
    expect(within(dave).getByText('[Draft]')).toHaveAttribute('data-marker', 'draft');
    await act(() => store.getState().saveDraft('c2c_dave', null));
    expect(dave).not.toHaveAttribute('data-has-draft');
    expect(dave).toHaveAccessibleName(/^Dave Okafor, Thanks!/);
  });

  it('moves focus with the arrow keys, Home and End, and opens with Enter', async () => {
    const user = userEvent.setup();
    const { store } = await createInbox();
    const onActiveConversationChange = vi.fn();
    const { grid } = renderList(store, { onActiveConversationChange });
    const rows = await within(grid).findAllByRole('row', { name: /,/ });
    expect(rows.filter((row) => row.tabIndex === 0)).toEqual([rows[0]]);

    await user.tab();
    expect(rows[0]).toHaveFocus();
    await user.keyboard('{ArrowDown}{ArrowDown}');
    expect(rows[2]).toHaveFocus();
    expect(rows[2]).toHaveAttribute('tabindex', '0');
    expect(rows[0]).toHaveAttribute('tabindex', '-1');
    await user.keyboard('{ArrowUp}');
    expect(rows[1]).toHaveFocus();
    await user.keyboard('{End}');
    expect(rows[4]).toHaveFocus();
    await user.keyboard('{ArrowDown}');
    expect(rows[4]).toHaveFocus();
    await user.keyboard('{Home}');
    expect(rows[0]).toHaveFocus();
    await user.keyboard('{PageDown}');
    expect(rows[4]).toHaveFocus();

    await user.keyboard('{Enter}');
    expect(onActiveConversationChange).toHaveBeenCalledWith('c2c_frank');
    expect(store.getState().activeConversationID).toBe('c2c_frank');
    expect(rows[4]).toHaveAttribute('aria-selected', 'true');
    expect(rows[0]).toHaveAttribute('aria-selected', 'false');
  });

  it('opens a conversation on click', async () => {
    const user = userEvent.setup();
    const { store } = await createInbox();
    const { grid } = renderList(store);
    await user.click(await within(grid).findByRole('row', { name: /^Design Team/ }));
    expect(store.getState().activeConversationID).toBe('group_design');
  });

  it('reaches the actions button with the arrow key and goes back', async () => {
    const user = userEvent.setup();
    const { store } = await createInbox();
    const { grid } = renderList(store);
    const bob = await within(grid).findByRole('row', { name: /^Bob Martin/ });
    bob.focus();
    await user.keyboard('{ArrowRight}');
    expect(within(bob).getByRole('button', { name: 'Actions for Bob Martin' })).toHaveFocus();
    await user.keyboard('{ArrowLeft}');
    expect(bob).toHaveFocus();
  });

  it('pins from the actions menu opened with Shift+F10, and focus returns to the row', async () => {
    const user = userEvent.setup();
    const { store } = await createInbox();
    const { grid } = renderList(store);
    const erin = await within(grid).findByRole('row', { name: /^Erin Walsh/ });
    erin.focus();
    await user.keyboard('{Shift>}{F10}{/Shift}');
    const menu = screen.getByRole('menu', { name: 'Actions for Erin Walsh' });
    expect(within(grid).getByRole('button', { name: 'Actions for Erin Walsh' })).toHaveAttribute(
      'aria-expanded',
      'true',
    );
    await user.click(within(menu).getByRole('menuitem', { name: 'Pin' }));
    await waitFor(() => expect(erin).toHaveAttribute('data-pinned'));
    expect(erin).toHaveAttribute('aria-rowindex', '1');
    expect(erin).toHaveAccessibleDescription('Pinned');
    expect(store.getState().conversations.get('c2c_erin')?.isPinned).toBe(true);
    expect(erin).toHaveFocus();
    expect(screen.queryByRole('menu')).not.toBeInTheDocument();
  });

  it('mutes, marks unread, stars and marks read from the menu opened with the ContextMenu key', async () => {
    const user = userEvent.setup();
    const { store } = await createInbox();
    const { grid } = renderList(store);
    const dave = await within(grid).findByRole('row', { name: /^Dave Okafor/ });
    const choose = async (item: string) => {
      dave.focus();
      await user.keyboard('{ContextMenu}');
      await user.click(screen.getByRole('menuitem', { name: item }));
    };
    await choose('Mute');
    await waitFor(() => expect(dave).toHaveAttribute('data-muted'));
    expect(store.getState().conversations.get('c2c_dave')?.recvOpt).toBe('receiveNotNotify');
    await choose('Mark as unread');
    await waitFor(() => expect(dave).toHaveAttribute('data-marked-unread'));
    // Muted and marked unread: a dot that says so.
    expect(within(dave).getByRole('img', { name: 'Marked as unread' })).toHaveAttribute('data-dot');
    await choose('Star');
    await waitFor(() => expect(dave).toHaveAttribute('data-starred'));
    await choose('Mark as read');
    await waitFor(() => expect(dave).not.toHaveAttribute('data-marked-unread'));
    await choose('Unmute');
    await waitFor(() => expect(dave).not.toHaveAttribute('data-muted'));
  });

  it('sets how messages are received from the Notifications submenu', async () => {
    const user = userEvent.setup();
    const { store } = await createInbox();
    const { grid } = renderList(store);
    const bob = await within(grid).findByRole('row', { name: /^Bob Martin/ });
    await user.click(within(bob).getByRole('button', { name: 'Actions for Bob Martin' }));
    await user.click(screen.getByRole('menuitem', { name: 'Notifications' }));
    expect(screen.getByRole('menuitemradio', { name: 'Notify me' })).toHaveAttribute('aria-checked', 'true');
    await user.click(screen.getByRole('menuitemradio', { name: 'Block messages' }));
    await waitFor(() => expect(store.getState().conversations.get('c2c_bob')?.recvOpt).toBe('notReceive'));
    expect(bob).toHaveAttribute('data-muted');
    // Muted with unread messages: a grey count (not a lone dot) and the mute icon by the name.
    const badge = within(bob).getByRole('img', { name: '3 unread messages' });
    expect(badge).not.toHaveAttribute('data-dot');
    expect(badge).toHaveAttribute('data-muted');
    expect(badge).toHaveTextContent('3');
    expect(
      bob.querySelector('.tidings-conversation-list-item-name .tidings-conversation-list-item-muted'),
    ).not.toBeNull();
  });

  it('hides a conversation and gives focus to the row that takes its place', async () => {
    const user = userEvent.setup();
    const { store } = await createInbox();
    const { grid } = renderList(store);
    const design = await within(grid).findByRole('row', { name: /^Design Team/ });
    design.focus();
    await user.keyboard('{Shift>}{F10}{/Shift}');
    await user.click(screen.getByRole('menuitem', { name: 'Hide' }));
    await waitFor(() =>
      expect(within(grid).queryByRole('row', { name: /^Design Team/ })).not.toBeInTheDocument(),
    );
    expect(grid).toHaveAttribute('aria-rowcount', '4');
    expect(within(grid).getByRole('row', { name: /^Erin Walsh/ })).toHaveFocus();
  });

  it('deletes only after a confirmation', async () => {
    const user = userEvent.setup();
    const { store } = await createInbox();
    const { grid } = renderList(store);
    const frank = await within(grid).findByRole('row', { name: /^Frank Müller/ });
    await user.click(within(frank).getByRole('button', { name: 'Actions for Frank Müller' }));
    await user.click(screen.getByRole('menuitem', { name: 'Delete' }));
    const dialog = screen.getByRole('alertdialog', { name: 'Delete the chat with Frank Müller?' });
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(store.getState().conversations.has('c2c_frank')).toBe(true);

    await user.click(within(frank).getByRole('button', { name: 'Actions for Frank Müller' }));
    await user.click(screen.getByRole('menuitem', { name: 'Delete' }));
    await user.click(screen.getByRole('button', { name: 'Delete' }));
    await waitFor(() =>
      expect(within(grid).queryByRole('row', { name: /^Frank Müller/ })).not.toBeInTheDocument(),
    );
    expect(store.getState().conversations.has('c2c_frank')).toBe(false);
  });

  it('gives focus back to the row after a dialog: the same row on Cancel, the next one after a delete', async () => {
    const user = userEvent.setup();
    const { store } = await createInbox();
    const { grid } = renderList(store);
    const dave = await within(grid).findByRole('row', { name: /^Dave Okafor/ });
    dave.focus();
    await user.keyboard('{Shift>}{F10}{/Shift}');
    await user.click(screen.getByRole('menuitem', { name: 'Delete' }));
    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(dave).toHaveFocus();

    await user.keyboard('{Shift>}{F10}{/Shift}');
    await user.click(screen.getByRole('menuitem', { name: 'Delete' }));
    await user.click(screen.getByRole('button', { name: 'Delete' }));
    await waitFor(() => expect(store.getState().conversations.has('c2c_dave')).toBe(false));
    await waitFor(() => expect(within(grid).getByRole('row', { name: /^Frank Müller/ })).toHaveFocus());
  });

  it('puts a conversation in a new folder', async () => {
    const user = userEvent.setup();
    const { store } = await createInbox();
    const { grid } = renderList(store);
    const bob = await within(grid).findByRole('row', { name: /^Bob Martin/ });
    await user.click(within(bob).getByRole('button', { name: 'Actions for Bob Martin' }));
    await user.click(screen.getByRole('menuitem', { name: 'Move to folder' }));
    expect(screen.getByRole('menuitem', { name: 'No folders yet' })).toHaveAttribute('aria-disabled', 'true');
    await user.click(screen.getByRole('menuitem', { name: 'New folder…' }));
    await user.type(screen.getByRole('textbox', { name: 'Folder name' }), 'Work');
    await user.click(screen.getByRole('button', { name: 'Create' }));
    await waitFor(() =>
      expect(store.getState().conversationGroups).toEqual([
        { name: 'Work', conversationIDList: ['c2c_bob'] },
      ]),
    );
    await user.click(within(bob).getByRole('button', { name: 'Actions for Bob Martin' }));
    await user.click(screen.getByRole('menuitem', { name: 'Move to folder' }));
    expect(screen.getByRole('menuitemcheckbox', { name: 'Work' })).toHaveAttribute('aria-checked', 'true');
  });

  it('moves a conversation with a new message to the top, re-rendering only its row', async () => {
    const { hub, store } = await createInbox();
    const renders = new Map<string, number>();
    const renderItem = (props: ConversationListItemRenderProps) => {
      const id = props.item.conversation.conversationID;
      renders.set(id, (renders.get(id) ?? 0) + 1);
      return <ConversationListItemName item={props.item} />;
    };
    const { grid } = renderList(store, { renderItem });
    await waitFor(() => expect(grid).toHaveAttribute('aria-rowcount', '5'));
    await settle(store);
    renders.clear();

    await act(() => send(hub, 'dave', 'Are you there?'));
    await act(() => settle(store));
    const rows = within(grid).getAllByRole('row');
    const dave = within(grid).getByRole('row', { name: /^Dave Okafor/ });
    expect(dave).toHaveAttribute('aria-rowindex', '1');
    expect(dave).toHaveAccessibleName('Dave Okafor, 1 unread message, Are you there?, 15:30');
    // Rows above it moved down one place without re-rendering.
    expect(within(grid).getByRole('row', { name: /^Bob Martin/ })).toHaveAttribute('aria-rowindex', '2');
    expect(rows).toHaveLength(5);
    expect(Object.fromEntries(renders)).toEqual({ c2c_dave: 1 });
  });

  it('pulls the next page as the user nears the end', async () => {
    const hub = await createLocalHub({ users: ['alice'], rateLimits: false });
    hubs.push(hub);
    await seedConversations(hub, 'alice', 90);
    const store = createChatStore(await hub.connect('alice'), { conversationPageSize: 20 });
    await store.getState().start();
    const { grid } = renderList(store);
    // Ten rows fit (jsdom has no layout: the list assumes 720 px); the rows ahead pull a second page.
    await waitFor(() => expect(grid).toHaveAttribute('aria-rowcount', '40'));
    expect(within(grid).getByRole('row', { name: 'Loading…' })).toBeInTheDocument();
    grid.scrollTop = 72 * 30;
    fireEvent.scroll(grid);
    await waitFor(() => expect(grid).toHaveAttribute('aria-rowcount', '60'));
    grid.scrollTop = 72 * 55;
    fireEvent.scroll(grid);
    await waitFor(() => expect(grid).toHaveAttribute('aria-rowcount', '90'));
    await waitFor(() => expect(grid).not.toHaveAttribute('aria-busy'));
    expect(within(grid).queryByRole('row', { name: 'Loading…' })).not.toBeInTheDocument();
  });

  it('lists only what its filter lets through', async () => {
    const { store } = await createInbox();
    const { grid } = renderList(store, { filter: { type: 'group' }, 'aria-label': 'Groups' });
    expect(grid).toHaveAccessibleName('Groups');
    await waitFor(() => expect(grid).toHaveAttribute('aria-rowcount', '1'));
    expect(within(grid).getByRole('row', { name: /^Design Team/ })).toBeInTheDocument();
  });

  it('says it is loading while the first page is on its way', async () => {
    const store = await createLoadingFixture();
    const { grid, container } = renderList(store);
    expect(grid).toHaveAttribute('aria-busy', 'true');
    expect(container.firstChild).toHaveAttribute('data-state', 'loading');
    expect(within(grid).getByRole('row', { name: 'Loading…' })).toBeInTheDocument();
  });

  it('says when there is nothing to show', async () => {
    const { store, hub } = await createEmptyFixture();
    hubs.push(hub);
    const { container } = renderList(store);
    expect(await screen.findByText('No conversations yet')).toBeInTheDocument();
    // And what to do about it, under a drawing.
    expect(screen.getByText('Chats you start or receive show up here')).toBeInTheDocument();
    expect(container.querySelector('.tidings-conversation-list-empty-art')).toHaveAttribute(
      'aria-hidden',
      'true',
    );
    expect(container.firstChild).toHaveAttribute('data-state', 'empty');
  });

  it('offers Retry when a page fails, and Retry loads it', async () => {
    const user = userEvent.setup();
    const store = await createPageFailedFixture();
    const { grid, container } = renderList(store);
    await waitFor(() => expect(container.firstChild).toHaveAttribute('data-state', 'error'));
    expect(within(grid).getByText('Couldn’t load')).toBeInTheDocument();
    await user.click(within(grid).getByRole('button', { name: 'Retry' }));
    await waitFor(() => expect(container.firstChild).toHaveAttribute('data-state', 'ready'));
  });

  it('shows a banner with Retry when syncing fails', async () => {
    const user = userEvent.setup();
    const { store } = await createInbox();
    const retry = vi.spyOn(store.getState(), 'retry');
    const { container } = renderList(store);
    act(() => store.setState({ syncStatus: 'failed' }));
    const alert = screen.getByRole('alert');
    expect(alert).toHaveTextContent('Couldn’t sync');
    expect(container.firstChild).toHaveAttribute('data-sync', 'failed');
    store.setState({ retry });
    await user.click(within(alert).getByRole('button', { name: 'Retry' }));
    expect(retry).toHaveBeenCalled();
  });

  it('speaks Simplified Chinese', async () => {
    const { store } = await createInbox();
    const { grid } = renderList(store, {}, zhCN);
    expect(grid).toHaveAccessibleName('会话列表');
    const bob = await within(grid).findByRole('row', {
      name: /^Bob Martin, 3 条未读消息, \[文件\] report\.pdf, 10:42$/,
    });
    expect(within(bob).getByRole('button', { name: 'Bob Martin 的更多操作' })).toBeInTheDocument();
  });

  it('has no accessibility violations, with its menu open too', async () => {
    const user = userEvent.setup();
    const { store } = await createInbox();
    const { container, grid } = renderList(store);
    const bob = await within(grid).findByRole('row', { name: /^Bob Martin/ });
    await expectNoAxeViolations(container);
    await user.click(within(bob).getByRole('button', { name: 'Actions for Bob Martin' }));
    await expectNoAxeViolations(container);
  });

  it('lets an app render its own list with the headless hooks', async () => {
    const user = userEvent.setup();
    const { store } = await createInbox();
    function MyRow({ id }: { id: string }) {
      const item = useConversation(id);
      return item ? (
        <li>
          {item.name} — {item.preview.text} {item.unreadCount > 0 && `(${item.unreadCount})`}
        </li>
      ) : null;
    }
    function MyList() {
      const list = useConversationList({ filter: { type: 'c2c' } });
      return (
        <div {...list.gridProps} aria-label="Chats">
          <ul>
            {list.rows.map(({ conversationID }) => (
              <MyRow key={conversationID} id={conversationID} />
            ))}
          </ul>
          <p>{list.status}</p>
          <button type="button" onClick={() => list.open(list.order.at(0) as string)}>
            Open first
          </button>
        </div>
      );
    }
    render(
      <ChatProvider store={store} now={now}>
        <MyList />
      </ChatProvider>,
    );
    await waitFor(() => expect(screen.getAllByRole('listitem')).toHaveLength(4));
    expect(screen.getAllByRole('listitem')[0]).toHaveTextContent('Bob Martin — [File] report.pdf (3)');
    expect(screen.getByText('ready')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Open first' }));
    expect(store.getState().activeConversationID).toBe('c2c_bob');
  });

  it('throws a clear error outside a ChatProvider', () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    expect(() => render(<ConversationList />)).toThrow(
      '`ConversationList` must be used within `<ChatProvider>`',
    );
  });
});
