import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { type ChatStore, formatUnreadCount } from '@tidings/core';
import { en } from '@tidings/core/locales/en';
import { zhCN } from '@tidings/core/locales/zh-cn';
import { useState } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { expectNoAxeViolations } from '../../test/axe';
import { ChatProvider } from '../chat-provider/chat-provider';
import { MarkAllReadMenu } from '../conversation-actions/conversation-actions';
import { ConversationList } from '../conversation-list/conversation-list';
import {
  createInboxFixture,
  FIXTURE_NOW,
  type ListFixture,
  settle,
} from '../conversation-list/conversation-list-fixtures';
import {
  type ConversationFilterTab,
  ConversationFilterTabs,
  useTotalUnread,
  useUnreadByFilter,
} from './index';

const now = () => FIXTURE_NOW;
let fixture: ListFixture | null = null;

afterEach(async () => {
  fixture?.store.getState().destroy();
  await fixture?.hub.close();
  fixture = null;
});

function unreadOf(store: ChatStore, type?: 'c2c' | 'group'): number {
  let total = 0;
  for (const conversation of store.getState().conversations.values()) {
    if (conversation.recvOpt !== 'receive') continue;
    if (type && conversation.type !== type) continue;
    total += conversation.unreadCount;
  }
  return total;
}

function Inbox({ onValueChange }: { onValueChange?: (id: string) => void }) {
  const [tab, setTab] = useState<ConversationFilterTab | null>(null);
  return (
    <>
      <ConversationFilterTabs
        value={tab?.id ?? 'all'}
        onValueChange={(id, next) => {
          setTab(next);
          onValueChange?.(id);
        }}
        end={<MarkAllReadMenu />}
      />
      <ConversationList filter={tab?.filter} />
    </>
  );
}

function renderInbox(store: ChatStore, onValueChange?: (id: string) => void) {
  return render(
    <ChatProvider store={store} now={now}>
      <Inbox {...(onValueChange && { onValueChange })} />
    </ChatProvider>,
  );
}

describe('ConversationFilterTabs', () => {
  it('offers all, direct, groups and starred, with All selected', async () => {
    fixture = await createInboxFixture();
    renderInbox(fixture.store);
    const tablist = screen.getByRole('tablist', { name: 'Conversation filters' });
    const tabs = within(tablist).getAllByRole('tab');
    expect(tabs.map((tab) => tab.dataset.tabId)).toEqual(['all', 'c2c', 'group', 'starred']);
    expect(tabs[0]).toHaveAttribute('aria-selected', 'true');
    expect(tabs.filter((tab) => tab.tabIndex === 0)).toEqual([tabs[0]]);
  });

  it('shows each tab’s live unread total', async () => {
    fixture = await createInboxFixture();
    const { store, hub, groups } = fixture;
    renderInbox(store);
    const groupsTab = screen.getByRole('tab', { name: /^Groups/ });
    const allTab = screen.getByRole('tab', { name: /^All/ });
    await waitFor(() =>
      expect(within(allTab).getByRole('img')).toHaveTextContent(formatUnreadCount(unreadOf(store))),
    );
    const before = unreadOf(store, 'group');
    const group = groups?.[0] as { groupID: string; memberUserIDList: string[] };
    const member = await hub.connect(group.memberUserIDList.find((id) => id !== 'alice') as string);
    await act(async () => {
      await member.sendMessage(await member.createTextMessage('Standup in 5'), { groupID: group.groupID });
      await settle(store);
    });
    expect(within(groupsTab).getByRole('img')).toHaveAccessibleName(en.unreadMessages(before + 1));
    expect(within(allTab).getByRole('img')).toHaveAccessibleName(en.unreadMessages(unreadOf(store)));
  });

  it('filters the list by the tab chosen with a click or the arrow keys', async () => {
    const user = userEvent.setup();
    const onValueChange = vi.fn();
    fixture = await createInboxFixture();
    renderInbox(fixture.store, onValueChange);
    const grid = screen.getByRole('grid');
    await waitFor(() => expect(grid).toHaveAttribute('aria-rowcount', '21'));

    await user.click(screen.getByRole('tab', { name: /^Groups/ }));
    expect(onValueChange).toHaveBeenLastCalledWith('group');
    await waitFor(() => expect(grid).toHaveAttribute('aria-rowcount', '6'));
    expect(screen.getByRole('tab', { name: /^Groups/ })).toHaveAttribute('aria-selected', 'true');

    await user.keyboard('{ArrowRight}');
    expect(screen.getByRole('tab', { name: /^Starred/ })).toHaveFocus();
    expect(onValueChange).toHaveBeenLastCalledWith('starred');
    await user.keyboard('{ArrowRight}');
    expect(screen.getByRole('tab', { name: /^All/ })).toHaveFocus();
    await user.keyboard('{End}');
    expect(onValueChange).toHaveBeenLastCalledWith('starred');
    await user.keyboard('{Home}{ArrowRight}');
    expect(onValueChange).toHaveBeenLastCalledWith('c2c');
    await waitFor(() => expect(grid).toHaveAttribute('aria-rowcount', '15'));
  });

  it('mirrors the arrow keys right to left', async () => {
    const user = userEvent.setup();
    const onValueChange = vi.fn();
    fixture = await createInboxFixture();
    render(
      <div dir="rtl">
        <ChatProvider store={fixture.store} now={now}>
          <ConversationFilterTabs value="all" onValueChange={onValueChange} />
        </ChatProvider>
      </div>,
    );
    screen.getByRole('tab', { name: /^All/ }).focus();
    await user.keyboard('{ArrowLeft}');
    expect(onValueChange).toHaveBeenLastCalledWith(
      'c2c',
      expect.objectContaining({ filter: { type: 'c2c' } }),
    );
  });

  it('adds a tab for each folder, with the folder’s filter', async () => {
    fixture = await createInboxFixture();
    const { store } = fixture;
    const onValueChange = vi.fn();
    render(
      <ChatProvider store={store} now={now}>
        <ConversationFilterTabs value="all" onValueChange={onValueChange} />
      </ChatProvider>,
    );
    await act(() => store.getState().createConversationGroup('Work Stuff', ['c2c_bob']));
    const tab = await screen.findByRole('tab', { name: /^Work Stuff/ });
    await userEvent.click(tab);
    expect(onValueChange).toHaveBeenCalledWith(
      'folder:Work Stuff',
      expect.objectContaining({ filter: { conversationGroup: 'Work Stuff' } }),
    );
  });

  it('marks every one-to-one conversation read from "Mark all as read"', async () => {
    const user = userEvent.setup();
    fixture = await createInboxFixture();
    const { store } = fixture;
    renderInbox(store);
    expect(unreadOf(store, 'c2c')).toBeGreaterThan(0);
    const groups = unreadOf(store, 'group');
    await user.click(screen.getByRole('button', { name: 'Mark all as read' }));
    // The menu says what will happen, and to how many messages.
    const menu = screen.getByRole('menu', { name: 'Mark all as read' });
    expect(menu).toHaveTextContent('Mark all as read');
    const direct = within(menu).getByRole('menuitem', { name: /^Direct/ });
    await waitFor(() =>
      expect(direct).toHaveAccessibleName(`Direct, ${unreadOf(store, 'c2c')} unread messages`),
    );
    await user.click(direct);
    await waitFor(() => expect(unreadOf(store, 'c2c')).toBe(0));
    expect(unreadOf(store, 'group')).toBe(groups);
    await waitFor(() =>
      expect(within(screen.getByRole('tab', { name: /^Direct/ })).queryByRole('img')).toBeNull(),
    );
  });

  it('speaks Simplified Chinese', async () => {
    fixture = await createInboxFixture();
    render(
      <ChatProvider store={fixture.store} strings={zhCN} now={now}>
        <ConversationFilterTabs value="all" onValueChange={() => {}} />
      </ChatProvider>,
    );
    const tablist = screen.getByRole('tablist', { name: '会话筛选' });
    expect(
      within(tablist)
        .getAllByRole('tab')
        .map((tab) => tab.firstChild?.textContent),
    ).toEqual(['全部', '单聊', '群聊', '星标']);
  });

  it('has no accessibility violations', async () => {
    fixture = await createInboxFixture();
    const { container } = renderInbox(fixture.store);
    await screen.findAllByRole('row', { name: /,/ });
    await expectNoAxeViolations(container);
  });
});

describe('useTotalUnread and useUnreadByFilter', () => {
  it('follow the store live and share one subscription per filter', async () => {
    fixture = await createInboxFixture();
    const { store, hub } = fixture;
    const subscribe = vi.spyOn(store.getState(), 'subscribeUnread');
    store.setState({ subscribeUnread: subscribe });
    function Totals() {
      const total = useTotalUnread();
      const groups = useUnreadByFilter({ type: 'group' });
      const groupsAgain = useUnreadByFilter({ type: 'group' });
      return (
        <p>
          {total}/{groups ?? '…'}/{groupsAgain ?? '…'}
        </p>
      );
    }
    const { unmount } = render(
      <ChatProvider store={store} now={now}>
        <Totals />
      </ChatProvider>,
    );
    const expected = () => `${unreadOf(store)}/${unreadOf(store, 'group')}/${unreadOf(store, 'group')}`;
    await waitFor(() => expect(screen.getByText(expected())).toBeInTheDocument());
    const bob = await hub.connect('bob');
    await act(async () => {
      await bob.sendMessage(await bob.createTextMessage('hi'), { receiver: 'alice' });
      await settle(store);
    });
    expect(screen.getByText(expected())).toBeInTheDocument();
    unmount();
    expect(subscribe).toHaveBeenCalledTimes(2);
    expect(store.getState().unreadByFilter).toEqual({});
  });
});
