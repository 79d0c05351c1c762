import { act, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import {
  type ChatStore,
  selectConversation,
  selectConversationOrder,
  selectWindowMessages,
} from '@tidings/core';
import { Profiler, type ReactNode, useCallback } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { ChatProvider } from '../chat-provider/chat-provider';
import { useChatStore } from '../chat-provider/use-chat-store';
import { ConversationList } from '../conversation-list/index';
import { MessageList } from '../message-list/index';
import { Composer } from './composer';
import { type ComposerFixture, createComposerFixture } from './composer-fixtures';

let fixture: ComposerFixture | null = null;

afterEach(async () => {
  await fixture?.close();
  fixture = null;
});

/** Subscribes exactly as the conversation list does: to the order, and each row to its conversation. */
function ConversationListProbe() {
  const order = useChatStore(useCallback((state) => selectConversationOrder(state), []));
  return (
    <ul>
      {order?.slice(0, order.size).map((id) => (
        <ConversationRowProbe key={id} conversationID={id} />
      ))}
    </ul>
  );
}

function ConversationRowProbe({ conversationID }: { conversationID: string }) {
  const conversation = useChatStore(
    useCallback((state) => selectConversation(state, conversationID), [conversationID]),
  );
  return <li>{conversation?.draftText ?? conversation?.showName}</li>;
}

/** Subscribes exactly as the message list does: to the open conversation's window of messages. */
function MessageListProbe({ conversationID }: { conversationID: string }) {
  const messages = useChatStore(
    useCallback((state) => selectWindowMessages(state, conversationID), [conversationID]),
  );
  return <ol>{messages.length}</ol>;
}

/** Resolves once the store has not changed for `ms` (pages loaded, the open chat marked read…). */
async function storeQuiet(store: ChatStore, ms = 400): Promise<void> {
  await new Promise<void>((resolve) => {
    let timer = setTimeout(done, ms);
    const unsubscribe = store.subscribe(() => {
      clearTimeout(timer);
      timer = setTimeout(done, ms);
    });
    function done() {
      unsubscribe();
      resolve();
    }
  });
}

function Counted({ id, counts, children }: { id: string; counts: Map<string, number>; children: ReactNode }) {
  return (
    <Profiler id={id} onRender={() => counts.set(id, (counts.get(id) ?? 0) + 1)}>
      {children}
    </Profiler>
  );
}

describe('Composer performance', () => {
  it('re-renders neither list while 200 characters are typed; the paused draft re-renders only its row', async () => {
    fixture = await createComposerFixture();
    const { store } = fixture;
    const counts = new Map<string, number>();
    render(
      <ChatProvider store={store} autoStart={false}>
        <Counted id="conversations" counts={counts}>
          <ConversationListProbe />
        </Counted>
        <Counted id="messages" counts={counts}>
          <MessageListProbe conversationID="c2c_bob" />
        </Counted>
        <Counted id="composer" counts={counts}>
          <Composer draftDelayMs={60_000} typingStatus="off" />
        </Counted>
      </ChatProvider>,
    );
    const mounted = new Map(counts);
    const user = userEvent.setup({ delay: null });
    const text = 'The quick brown fox jumps over the lazy dog. '.repeat(5).slice(0, 200);
    await user.type(screen.getByRole('textbox', { name: 'Message' }), text);

    expect(screen.getByRole('textbox', { name: 'Message' })).toHaveValue(text);
    expect(counts.get('conversations')).toBe(mounted.get('conversations'));
    expect(counts.get('messages')).toBe(mounted.get('messages'));
    // The composer itself renders once per keystroke, and nothing else does.
    expect((counts.get('composer') ?? 0) - (mounted.get('composer') ?? 0)).toBeLessThanOrEqual(200);

    // Typing pauses (here: the field loses focus): the draft is saved once. The list shows it (its row
    // re-renders, and the conversation moves up); the message list still does not re-render.
    await user.tab();
    await waitFor(() => expect(selectConversation(store.getState(), 'c2c_bob')?.draftText).toBe(text));
    expect(counts.get('messages')).toBe(mounted.get('messages'));
    expect((counts.get('conversations') ?? 0) - (mounted.get('conversations') ?? 0)).toBeGreaterThan(0);
    expect((counts.get('conversations') ?? 0) - (mounted.get('conversations') ?? 0)).toBeLessThanOrEqual(2);
  }, 30_000);

  it('re-renders neither the ConversationList nor the MessageList while 200 characters are typed', async () => {
    fixture = await createComposerFixture();
    const { store } = fixture;
    // Nothing unread, so the message list has nothing to mark read while the user types.
    await store.getState().markAllRead();
    const counts = new Map<string, number>();
    render(
      <ChatProvider store={store} autoStart={false}>
        <div style={{ display: 'flex', height: 600 }}>
          <Counted id="conversations" counts={counts}>
            <ConversationList />
          </Counted>
          <div>
            <Counted id="messages" counts={counts}>
              <MessageList />
            </Counted>
            <Counted id="composer" counts={counts}>
              <Composer draftDelayMs={60_000} typingStatus="off" />
            </Counted>
          </div>
        </div>
      </ChatProvider>,
    );
    const field = screen.getByRole('textbox', { name: 'Message' });
    await waitFor(() => expect(screen.getByRole('grid')).toBeInTheDocument());
    const user = userEvent.setup({ delay: null });
    // Putting the caret in the field is not typing: the message list may note that the page has the
    // user's attention. Counting starts once the lists have settled after that.
    await user.click(field);
    // jsdom only reports document focus once an element has it; a browser window has it already.
    act(() => {
      window.dispatchEvent(new FocusEvent('focus'));
    });
    await act(() => storeQuiet(store));
    const settled = new Map(counts);
    await user.keyboard('x'.repeat(200));
    expect(field).toHaveValue('x'.repeat(200));
    expect(counts.get('conversations'), 'ConversationList commits').toBe(settled.get('conversations'));
    expect(counts.get('messages'), 'MessageList commits').toBe(settled.get('messages'));
    expect((counts.get('composer') ?? 0) - (settled.get('composer') ?? 0)).toBeGreaterThanOrEqual(200);
  }, 30_000);
});
