import { act, render, screen, waitFor, within } from '@testing-library/react';
import type { Message, MessageElem } from '@tidings/core';
import { zhCN } from '@tidings/core/locales/zh-cn';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ChatProvider, type ChatRenderErrorInfo } from '../chat-provider/index';
import type { CustomElemProps } from '../message-content/index';
import { MessageList } from './message-list';
import { createMessageListFixture, FIXTURE_NOW, type MessageListFixture } from './message-list-fixtures';

let fixture: MessageListFixture | null = null;

// jsdom lays nothing out: give the viewport a size and every row a height, so the virtualizer renders.
beforeEach(() => {
  vi.spyOn(HTMLElement.prototype, 'clientHeight', 'get').mockReturnValue(600);
  vi.spyOn(HTMLElement.prototype, 'clientWidth', 'get').mockReturnValue(400);
  vi.spyOn(HTMLElement.prototype, 'offsetHeight', 'get').mockReturnValue(56);
  // React reports every caught render error on the console; these tests cause them on purpose.
  vi.spyOn(console, 'error').mockImplementation(() => {});
});

afterEach(async () => {
  vi.restoreAllMocks();
  await fixture?.close();
  fixture = null;
});

const boom: MessageElem = {
  type: 'custom',
  data: '{"businessID":"boom"}',
  description: 'boom',
  extension: '',
};

function Boom(_props: CustomElemProps): never {
  throw new Error('the app’s renderer broke');
}

function messageWithText(current: MessageListFixture, text: string): Message {
  const state = current.store.getState();
  const ids = state.windows[current.conversationID]?.messageIDs ?? [];
  const found = ids
    .map((id) => state.messages.get(id) as Message)
    .find((message) => message.elemList.some((elem) => elem.type === 'text' && elem.text === text));
  if (!found) throw new Error(`no message "${text}"`);
  return found;
}

describe('MessageList when a message fails to render', () => {
  it('shows "This message can’t be shown" in its place, keeps the others, and tells onError', async () => {
    fixture = await createMessageListFixture({
      messages: [
        { from: 'bob', text: 'Before the broken one' },
        { from: 'bob', elems: [boom], msgID: 'broken' },
        { from: 'alice', text: 'After the broken one' },
      ],
    });
    const onError = vi.fn<(error: unknown, info: ChatRenderErrorInfo) => void>();
    render(
      <ChatProvider store={fixture.store} now={() => FIXTURE_NOW} onError={onError}>
        <MessageList conversationID={fixture.conversationID} renderers={{ custom: { boom: Boom } }} />
      </ChatProvider>,
    );
    const log = await screen.findByRole('log');
    expect(await within(log).findByText('This message can’t be shown')).toBeInTheDocument();
    expect(within(log).getByText('Before the broken one')).toBeInTheDocument();
    expect(within(log).getByText('After the broken one')).toBeInTheDocument();
    expect(onError).toHaveBeenCalledWith(
      expect.objectContaining({ message: 'the app’s renderer broke' }),
      expect.objectContaining({ part: 'message', id: 'broken' }),
    );
  });

  it('survives a peer’s merged message whose abstract holds objects, and a message with timestamp NaN', async () => {
    fixture = await createMessageListFixture({
      messages: [
        { from: 'bob', text: 'Forwarding this' },
        { from: 'bob', text: 'And this' },
        { from: 'alice', text: 'Still here' },
      ],
    });
    const current = fixture;
    render(
      <ChatProvider store={current.store} now={() => FIXTURE_NOW} strings={zhCN}>
        <MessageList conversationID={current.conversationID} />
      </ChatProvider>,
    );
    await screen.findByText('Still here');
    const forwarded = messageWithText(current, 'Forwarding this');
    const dated = messageWithText(current, 'And this');
    // What an engine without validation would hand over: straight into the store.
    act(() =>
      current.store.setState((state) => ({
        messages: state.messages
          .set(forwarded.msgID, {
            ...forwarded,
            elemList: [
              {
                type: 'merger',
                title: 'Chat history',
                abstractList: [{ evil: 1 }] as unknown as string[],
                compatibleText: '',
                messageList: [],
              },
            ],
          })
          .set(dated.msgID, { ...dated, timestamp: Number.NaN }),
      })),
    );
    await waitFor(() => expect(screen.getAllByText('此消息无法显示')).toHaveLength(2));
    expect(screen.getByText('Still here')).toBeInTheDocument();
  });

  it('renders a fixed message again once the store holds a good copy of it', async () => {
    fixture = await createMessageListFixture({ messages: [{ from: 'bob', text: 'Fine' }] });
    const current = fixture;
    render(
      <ChatProvider store={current.store} now={() => FIXTURE_NOW}>
        <MessageList conversationID={current.conversationID} />
      </ChatProvider>,
    );
    await screen.findByText('Fine');
    const message = messageWithText(current, 'Fine');
    act(() =>
      current.store.setState((state) => ({
        messages: state.messages.set(message.msgID, { ...message, timestamp: Number.NaN }),
      })),
    );
    await screen.findByText('This message can’t be shown');
    act(() =>
      current.store.setState((state) => ({
        messages: state.messages.set(message.msgID, {
          ...message,
          elemList: [{ type: 'text', text: 'Fixed' }],
        }),
      })),
    );
    expect(await screen.findByText('Fixed')).toBeInTheDocument();
    expect(screen.queryByText('This message can’t be shown')).toBeNull();
  });

  it('shows the list’s fallback, not a blank app, when the list itself fails, and tells onError', async () => {
    fixture = await createMessageListFixture({ messages: [{ from: 'bob', text: 'Hello' }] });
    const current = fixture;
    const onError = vi.fn();
    render(
      <ChatProvider store={current.store} now={() => FIXTURE_NOW} onError={onError}>
        <p>The rest of the app</p>
        <MessageList conversationID={current.conversationID} />
      </ChatProvider>,
    );
    await screen.findByText('Hello');
    const window = current.store.getState().windows[current.conversationID];
    // A store bug the list cannot survive on its own: a window whose messageIDs is not a list.
    act(() =>
      current.store.setState((state) => ({
        windows: {
          ...state.windows,
          [current.conversationID]: { ...window, messageIDs: {} } as never,
        },
      })),
    );
    expect(await screen.findByText('This list can’t be shown right now')).toBeInTheDocument();
    expect(screen.getByText('The rest of the app')).toBeInTheDocument();
    expect(onError).toHaveBeenCalledWith(
      expect.anything(),
      expect.objectContaining({ part: 'messageList', id: current.conversationID }),
    );
  });
});
