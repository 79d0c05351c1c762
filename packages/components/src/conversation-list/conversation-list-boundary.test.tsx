import { act, render, screen, within } from '@testing-library/react';
import { type ChatStore, createChatStore } from '@tidings/core';
import { createLocalHub, type LocalHub } from '@tidings/core/local';
import { zhCN } from '@tidings/core/locales/zh-cn';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ChatProvider } from '../chat-provider/chat-provider';
import type { ChatRenderErrorInfo } from '../chat-provider/index';
import { ConversationList } from './conversation-list';
import { FIXTURE_NOW } from './conversation-list-fixtures';
import { ConversationListItemContent, type ConversationListItemRenderProps } from './conversation-list-item';

const hubs: LocalHub[] = [];
beforeEach(() => {
  // React reports every caught render error on the console; these tests cause them on purpose.
  vi.spyOn(console, 'error').mockImplementation(() => {});
});
afterEach(async () => {
  vi.restoreAllMocks();
  for (const hub of hubs.splice(0)) await hub.close();
});

/** Alice's inbox: Bob, Dave and Erin each wrote her once. */
async function createInbox(): Promise<ChatStore> {
  const hub = await createLocalHub({ now: () => FIXTURE_NOW, rateLimits: false });
  hubs.push(hub);
  await hub.seed({
    users: [
      { userID: 'alice', nick: 'Alice Chen', faceUrl: '' },
      { userID: 'bob', nick: 'Bob Martin', faceUrl: '' },
      { userID: 'dave', nick: 'Dave Okafor', faceUrl: '' },
      { userID: 'erin', nick: 'Erin Walsh', faceUrl: '' },
    ],
    messages: ['bob', 'dave', 'erin'].map((sender, i) => ({
      sender,
      receiver: 'alice',
      elemList: [{ type: 'text' as const, text: `Hi from ${sender}` }],
      timestamp: FIXTURE_NOW - (i + 1) * 60_000,
    })),
  });
  const store = createChatStore(await hub.connect('alice'));
  await store.getState().start();
  return store;
}

describe('ConversationList when a row fails to render', () => {
  it('shows "This conversation can’t be shown" for that row only, and tells onError', async () => {
    const store = await createInbox();
    const onError = vi.fn<(error: unknown, info: ChatRenderErrorInfo) => void>();
    const renderItem = (props: ConversationListItemRenderProps) => {
      if (props.item.conversation.conversationID === 'c2c_dave') throw new Error('the app’s row broke');
      return <ConversationListItemContent {...props} />;
    };
    render(
      <ChatProvider store={store} now={() => FIXTURE_NOW} onError={onError}>
        <ConversationList renderItem={renderItem} />
      </ChatProvider>,
    );
    const grid = screen.getByRole('grid');
    expect(await within(grid).findByText('This conversation can’t be shown')).toBeInTheDocument();
    expect(within(grid).getByText('Bob Martin')).toBeInTheDocument();
    expect(within(grid).getByText('Erin Walsh')).toBeInTheDocument();
    expect(within(grid).getAllByRole('row')).toHaveLength(3);
    expect(onError).toHaveBeenCalledWith(
      expect.objectContaining({ message: 'the app’s row broke' }),
      expect.objectContaining({ part: 'conversation', id: 'c2c_dave' }),
    );
  });

  it('survives a conversation whose name is not text (a malformed profile from a peer), in Chinese too', async () => {
    const store = await createInbox();
    render(
      <ChatProvider store={store} now={() => FIXTURE_NOW} strings={zhCN}>
        <ConversationList />
      </ChatProvider>,
    );
    await screen.findByText('Erin Walsh');
    act(() =>
      store.setState((state) => {
        const erin = state.conversations.get('c2c_erin');
        if (!erin) throw new Error('no Erin');
        return {
          conversations: state.conversations.set('c2c_erin', { ...erin, showName: { evil: 1 } as never }),
        };
      }),
    );
    expect(await screen.findByText('此会话无法显示')).toBeInTheDocument();
    expect(screen.getByText('Bob Martin')).toBeInTheDocument();
    expect(screen.getByText('Dave Okafor')).toBeInTheDocument();
  });

  it('shows the list’s fallback, not a blank app, when the list itself fails', async () => {
    const store = await createInbox();
    const onError = vi.fn();
    render(
      <ChatProvider store={store} now={() => FIXTURE_NOW} onError={onError}>
        <p>The rest of the app</p>
        <ConversationList />
      </ChatProvider>,
    );
    await screen.findByText('Erin Walsh');
    // A store bug the list cannot survive on its own: views whose order is not an order.
    act(() =>
      store.setState((state) => ({
        views: Object.fromEntries(
          Object.entries(state.views).map(([key, view]) => [key, { ...view, order: {} as never }]),
        ),
      })),
    );
    expect(await screen.findByText('This list can’t be shown right now')).toBeInTheDocument();
    expect(screen.getByText('The rest of the app')).toBeInTheDocument();
    expect(onError).toHaveBeenCalledWith(
      expect.anything(),
      expect.objectContaining({ part: 'conversationList' }),
    );
  });
});
