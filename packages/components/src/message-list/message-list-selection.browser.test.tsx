import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ChatProvider } from '../chat-provider/index';
import { MessageList } from './message-list';
import {
  createMessageListFixture,
  FIXTURE_NOW,
  type FixtureMessage,
  type MessageListFixture,
  type MessageListFixtureOptions,
} from './message-list-fixtures';

let fixture: MessageListFixture | null = null;
afterEach(async () => {
  vi.restoreAllMocks();
  await fixture?.close();
  fixture = null;
});

/** `count` numbered messages with msgIDs m0…, alternating Bob and Alice, oldest first. */
function numbered(count: number): FixtureMessage[] {
  return Array.from({ length: count }, (_, i) => ({
    msgID: `m${i}`,
    from: i % 2 === 0 ? 'bob' : 'alice',
    text: `Message ${i}`,
    minutesAgo: (count - i) * 2,
  }));
}

async function renderList(options: MessageListFixtureOptions) {
  const current = await createMessageListFixture(options);
  fixture = current;
  render(
    <ChatProvider store={current.store} now={() => FIXTURE_NOW}>
      <div style={{ width: 420, height: 480, display: 'flex', flexDirection: 'column' }}>
        <MessageList conversationID={current.conversationID} markRead={false} />
      </div>
    </ChatProvider>,
  );
  const log = await screen.findByRole('log');
  await waitFor(() => expect(log.querySelector('article')).not.toBeNull());
  return { ...current, log };
}

const article = (log: HTMLElement, msgID: string) =>
  log.querySelector<HTMLElement>(`article[data-msgid="${msgID}"]`);

/** Opens a message's actions from the keyboard and picks one. */
async function runAction(log: HTMLElement, msgID: string, name: string) {
  const target = await waitFor(() => {
    const found = article(log, msgID);
    if (!found) throw new Error(`${msgID} not mounted`);
    return found;
  });
  target.focus();
  await userEvent.keyboard('{Enter}');
  await userEvent.click(await screen.findByRole('menuitem', { name }));
}

describe('MessageList selection mode', () => {
  it('keeps the selection across scrolling to older pages, and counts what is selected', async () => {
    const { log, store, conversationID } = await renderList({
      messages: numbered(60),
      store: { messagePageSize: 20 },
    });
    await runAction(log, 'm59', 'Select');
    const bar = await screen.findByRole('group', { name: 'Selected messages' });
    await expect.poll(() => within(bar).getByRole('status').textContent).toBe('1 selected');

    // Shift+Up extends the selection from the focused message.
    (article(log, 'm59') as HTMLElement).focus();
    await userEvent.keyboard('{Shift>}{ArrowUp}{ArrowUp}{/Shift}');
    await expect.poll(() => within(bar).getByRole('status').textContent).toBe('3 selected');

    // Scroll up until every page is loaded: the newest rows unmount, the selection stays.
    for (let i = 0; i < 100 && !article(log, 'm0'); i++) {
      log.scrollTop = 0;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(store.getState().windows[conversationID]?.messageIDs).toHaveLength(60);
    expect(article(log, 'm59')).toBeNull();
    await userEvent.click(article(log, 'm0') as HTMLElement);
    await expect.poll(() => within(bar).getByRole('status').textContent).toBe('4 selected');
    expect(screen.getByRole('checkbox', { name: /Message 0$/ })).toHaveAttribute('aria-checked', 'true');

    // Back at the bottom, the first selection is still checked and named as selected.
    log.scrollTop = log.scrollHeight;
    await waitFor(() => expect(article(log, 'm59')).not.toBeNull());
    expect(screen.getByRole('checkbox', { name: /Message 59$/ })).toHaveAttribute('aria-checked', 'true');
    expect(article(log, 'm59')).toHaveAccessibleName(/, selected$/);
    expect(article(log, 'm56')).not.toHaveAttribute('data-selected');
  });

  it('selects a range with Shift-click, toggles with Space and leaves with Escape', async () => {
    const { log } = await renderList({ messages: numbered(8) });
    await runAction(log, 'm7', 'Select');
    const bar = await screen.findByRole('group', { name: 'Selected messages' });
    await userEvent.keyboard('{Escape}'); // closes nothing: the menu is gone; Escape leaves selection mode
    await waitFor(() => expect(screen.queryByRole('group', { name: 'Selected messages' })).toBeNull());

    await runAction(log, 'm7', 'Select');
    const again = await screen.findByRole('group', { name: 'Selected messages' });
    const user = userEvent.setup();
    await user.keyboard('{Shift>}');
    await user.click(article(log, 'm3') as HTMLElement);
    await user.keyboard('{/Shift}');
    await expect.poll(() => within(again).getByRole('status').textContent).toBe('5 selected');

    (article(log, 'm5') as HTMLElement).focus();
    await user.keyboard(' ');
    await expect.poll(() => within(again).getByRole('status').textContent).toBe('4 selected');
    expect(screen.getByRole('checkbox', { name: /Message 5$/ })).toHaveAttribute('aria-checked', 'false');
    expect(bar.isConnected).toBe(false);
  });

  it('offers no checkbox for recalled messages and group tips', async () => {
    const { log, store, conversationID, bob } = await renderList({
      type: 'group',
      messages: [
        ...numbered(3),
        {
          msgID: 'tip',
          from: 'alice',
          elems: [
            {
              type: 'groupTip',
              tipType: 'join',
              opUserID: 'carol',
              userIDList: ['carol'],
              groupInfo: {},
              memberCount: 4,
            },
          ],
        },
      ],
    });
    const sent = await bob.sendMessage(await bob.createTextMessage('oops'), { groupID: 'design' });
    await bob.revokeMessage(sent.msgID);
    await waitFor(() => expect(store.getState().messages.get(sent.msgID)?.status).toBe('revoked'));
    await runAction(log, 'm2', 'Select');
    await screen.findByRole('group', { name: 'Selected messages' });
    const boxes = screen.getAllByRole('checkbox');
    expect(boxes).toHaveLength(3);
    const rowOf = (msgID: string) =>
      log.querySelector(`[data-msgid="${msgID}"]`)?.closest('.tidings-message-list-row');
    expect(rowOf(sent.msgID)).not.toHaveAttribute('data-selecting');
    expect(rowOf('tip')).not.toHaveAttribute('data-selecting');
    expect(rowOf('m1')).toHaveAttribute('data-selecting');
    expect(conversationID).toBe('group_design');
  });

  it('deletes 45 selected messages in calls of at most 30 after one confirmation', async () => {
    const { log, alice, store, conversationID } = await renderList({
      messages: numbered(50),
      store: { messagePageSize: 100 },
    });
    const deleteSpy = vi.spyOn(alice, 'deleteMessages');
    await runAction(log, 'm49', 'Select');
    const bar = await screen.findByRole('group', { name: 'Selected messages' });
    for (let i = 0; i < 40 && !article(log, 'm5'); i++) {
      log.scrollTop = Math.max(0, log.scrollTop - 400);
      await new Promise((resolve) => setTimeout(resolve, 30));
    }
    const user = userEvent.setup();
    await user.keyboard('{Shift>}');
    await user.click(article(log, 'm5') as HTMLElement);
    await user.keyboard('{/Shift}');
    await expect.poll(() => within(bar).getByRole('status').textContent).toBe('45 selected');
    await user.click(within(bar).getByRole('button', { name: 'Delete' }));
    const confirm = await screen.findByRole('alertdialog', { name: 'Delete 45 messages from this device?' });
    await user.click(within(confirm).getByRole('button', { name: 'Delete' }));

    await waitFor(() => expect(store.getState().windows[conversationID]?.messageIDs).toHaveLength(5));
    expect(deleteSpy.mock.calls.map(([ids]) => ids.length)).toEqual([30, 15]);
    expect(screen.queryByRole('group', { name: 'Selected messages' })).toBeNull();
    await waitFor(() =>
      expect(store.getState().conversations.get(conversationID)?.lastMessage?.msgID).toBe('m4'),
    );
  });
});
