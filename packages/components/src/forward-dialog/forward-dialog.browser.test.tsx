import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { MergerElem } from '@tidings/core';
import { createTestConversation } from '@tidings/core/testing';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createTestChatStore } from '../../test/chat-store';
import { ChatProvider } from '../chat-provider/index';
import { MessageList } from '../message-list/index';
import {
  createMessageListFixture,
  FIXTURE_NOW,
  type MessageListFixture,
} from '../message-list/message-list-fixtures';
import { ForwardDialog } from './forward-dialog';

let fixture: MessageListFixture | null = null;
afterEach(async () => {
  vi.restoreAllMocks();
  await fixture?.close();
  fixture = null;
});

/** Alice's chat with Bob, with Carol and Dave in her list too (targets to forward to). */
async function renderChat() {
  const current = await createMessageListFixture({
    messages: [
      { msgID: 'a', from: 'bob', text: 'First from Bob', minutesAgo: 10 },
      { msgID: 'b', from: 'alice', text: 'Reply from Alice', minutesAgo: 9 },
      { msgID: 'c', from: 'bob', text: 'Last from Bob', minutesAgo: 8 },
    ],
  });
  fixture = current;
  const carol = await current.hub.connect('carol');
  const dave = await current.hub.connect('dave');
  await carol.sendMessage(await carol.createTextMessage('Hi from Carol'), { receiver: 'alice' });
  await dave.sendMessage(await dave.createTextMessage('Hi from Dave'), { receiver: 'alice' });
  await waitFor(() => expect(current.store.getState().conversations.has('c2c_dave')).toBe(true));
  render(
    <ChatProvider store={current.store} now={() => FIXTURE_NOW}>
      <div style={{ width: 420, height: 480, display: 'flex', flexDirection: 'column' }}>
        <MessageList conversationID={current.conversationID} markRead={false} />
      </div>
    </ChatProvider>,
  );
  const log = await screen.findByRole('log');
  await waitFor(() => expect(log.querySelector('article[data-msgid="c"]')).not.toBeNull());
  return { ...current, log, carol };
}

async function openActions(log: HTMLElement, msgID: string, name: string) {
  (log.querySelector(`article[data-msgid="${msgID}"]`) as HTMLElement).focus();
  await userEvent.keyboard('{Enter}');
  await userEvent.click(await screen.findByRole('menuitem', { name }));
}

describe('ForwardDialog', () => {
  it('forwards a message to a chat picked entirely by keyboard, and the chat shows it', async () => {
    const { log, store, carol } = await renderChat();
    await openActions(log, 'c', 'Forward');
    const dialog = await screen.findByRole('dialog', { name: 'Forward to' });
    const search = within(dialog).getByRole('searchbox', { name: 'Search chats' });
    await waitFor(() => expect(search).toHaveFocus());

    await userEvent.keyboard('car');
    await userEvent.keyboard('{ArrowDown}');
    const listbox = within(dialog).getByRole('listbox', { name: 'Chats' });
    expect(listbox).toHaveFocus();
    const carolOption = within(listbox).getByRole('option', { name: 'Carol 王' });
    expect(listbox).toHaveAttribute('aria-activedescendant', carolOption.id);
    await userEvent.keyboard(' ');
    expect(carolOption).toHaveAttribute('aria-selected', 'true');
    await userEvent.tab();
    await userEvent.tab();
    const send = within(dialog).getByRole('button', { name: 'Send to 1 chat' });
    expect(send).toHaveFocus();
    await userEvent.keyboard('{Enter}');

    await waitFor(() => expect(screen.queryByRole('dialog', { name: 'Forward to' })).toBeNull());
    await waitFor(() =>
      expect(store.getState().conversations.get('c2c_carol')?.lastMessage?.elemList[0]).toEqual({
        type: 'text',
        text: 'Last from Bob',
      }),
    );
    const history = await carol.getHistoryMessageList({ conversationID: 'c2c_alice', count: 5 });
    expect(history.messageList.at(-1)?.elemList[0]).toEqual({ type: 'text', text: 'Last from Bob' });
  });

  it('forwards a selection merged into one chat history, to two chats at once', async () => {
    const { log, store } = await renderChat();
    await openActions(log, 'c', 'Select');
    const bar = await screen.findByRole('group', { name: 'Selected messages' });
    const user = userEvent.setup();
    await user.keyboard('{Shift>}');
    await user.click(log.querySelector('article[data-msgid="a"]') as HTMLElement);
    await user.keyboard('{/Shift}');
    await user.click(within(bar).getByRole('button', { name: 'Forward as chat history' }));
    const dialog = await screen.findByRole('dialog', { name: 'Forward to' });
    expect(dialog).toHaveAccessibleDescription('3 messages, as chat history');
    await user.click(within(dialog).getByRole('option', { name: 'Carol 王' }));
    await user.click(within(dialog).getByRole('option', { name: 'Dave Okafor' }));
    await user.click(within(dialog).getByRole('button', { name: 'Send to 2 chats' }));

    for (const id of ['c2c_carol', 'c2c_dave']) {
      await waitFor(() =>
        expect(store.getState().conversations.get(id)?.lastMessage?.elemList[0]?.type).toBe('merger'),
      );
      const merger = store.getState().conversations.get(id)?.lastMessage?.elemList[0] as MergerElem;
      expect(merger.title).toBe('Chat history of Bob Martin and Alice Chen');
      expect(merger.abstractList).toEqual([
        'Bob Martin: First from Bob',
        'Alice Chen: Reply from Alice',
        'Bob Martin: Last from Bob',
      ]);
      expect(merger.messageList).toHaveLength(3);
    }
    // Forwarding ends selection mode.
    expect(screen.queryByRole('group', { name: 'Selected messages' })).toBeNull();
  });

  it('lists 100,000 chats with only the visible rows mounted, and reaches the last by keyboard', async () => {
    const conversations = Array.from({ length: 100_000 }, (_, i) =>
      createTestConversation({
        conversationID: `c2c_user${i}`,
        showName: `Person ${i}`,
        orderKey: 100_000 - i,
      }),
    );
    const store = createTestChatStore({ conversations });
    render(
      <ChatProvider store={store}>
        <ForwardDialog open onOpenChange={() => {}} msgIDs={['x']} />
      </ChatProvider>,
    );
    const listbox = await screen.findByRole('listbox', { name: 'Chats' });
    const options = within(listbox).getAllByRole('option');
    expect(options.length).toBeLessThan(30);
    expect(options[0]).toHaveAttribute('aria-setsize', '100000');
    listbox.focus();
    await userEvent.keyboard('{End}');
    await waitFor(() => {
      const active = document.getElementById(listbox.getAttribute('aria-activedescendant') ?? '');
      expect(active).toHaveAttribute('aria-posinset', '100000');
      expect(active).toHaveAccessibleName('Person 99999');
    });
    await userEvent.keyboard(' ');
    expect(screen.getByRole('button', { name: 'Send to 1 chat' })).toBeEnabled();

    const started = performance.now();
    await userEvent.type(screen.getByRole('searchbox', { name: 'Search chats' }), '99998');
    expect(performance.now() - started).toBeLessThan(3000);
    await waitFor(() => expect(within(listbox).getAllByRole('option')).toHaveLength(1));
    expect(within(listbox).getByRole('option')).toHaveAccessibleName('Person 99998');
  });
});
