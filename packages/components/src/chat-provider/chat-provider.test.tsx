import { act, render, renderHook, screen } from '@testing-library/react';
import { type ChatState, selectTotalUnread } from '@tidings/core';
import { en, enInbox } from '@tidings/core/locales/en';
import { zhCN } from '@tidings/core/locales/zh-cn';
import { createTestConversation } from '@tidings/core/testing';
import type { ReactNode } from 'react';
import { renderToString } from 'react-dom/server';
import { describe, expect, it, vi } from 'vitest';
import { createTestChatStore } from '../../test/chat-store';
import { ChatProvider } from './chat-provider';
import { useChatConfig, useChatStrings, useInboxConfig, useInboxStrings } from './use-chat-config';
import { useChatEngine, useChatStore, useChatStoreApi } from './use-chat-store';

function withProvider(store = createTestChatStore(), props: { locale?: string; now?: () => number } = {}) {
  return ({ children }: { children: ReactNode }) => (
    <ChatProvider store={store} {...props}>
      {children}
    </ChatProvider>
  );
}

describe('ChatProvider', () => {
  it('starts the store once it mounts', () => {
    const store = createTestChatStore();
    const start = vi.spyOn(store.getState(), 'start');
    render(<ChatProvider store={store}>hi</ChatProvider>);
    expect(start).toHaveBeenCalledTimes(1);
  });

  it('leaves starting to the app when asked', () => {
    const store = createTestChatStore();
    const start = vi.spyOn(store.getState(), 'start');
    render(
      <ChatProvider store={store} autoStart={false}>
        hi
      </ChatProvider>,
    );
    expect(start).not.toHaveBeenCalled();
  });

  it('does not surface a failed start as an unhandled rejection', async () => {
    const store = createTestChatStore();
    vi.spyOn(store.getState(), 'start').mockRejectedValue(new Error('offline'));
    render(<ChatProvider store={store}>hi</ChatProvider>);
    await act(async () => {});
    expect(screen.getByText('hi')).toBeInTheDocument();
  });

  it('gives English strings and the English locale by default', () => {
    const { result } = renderHook(() => useChatConfig(), { wrapper: withProvider() });
    expect(result.current.strings).toBe(en);
    expect(result.current.locale).toBe('en');
  });

  it('takes the locale from the strings unless one is given', () => {
    const store = createTestChatStore();
    const chinese = renderHook(() => useChatConfig(), {
      wrapper: ({ children }) => (
        <ChatProvider store={store} strings={zhCN}>
          {children}
        </ChatProvider>
      ),
    });
    expect(chinese.result.current.locale).toBe('zh-CN');
    expect(chinese.result.current.strings.previewImage).toBe('[图片]');
    const taiwan = renderHook(() => useChatConfig(), { wrapper: withProvider(store, { locale: 'zh-TW' }) });
    expect(taiwan.result.current.locale).toBe('zh-TW');
  });

  it('passes a fixed clock down', () => {
    const now = () => 42;
    const { result } = renderHook(() => useChatConfig().now(), { wrapper: withProvider(undefined, { now }) });
    expect(result.current).toBe(42);
  });
});

describe('useChatStore', () => {
  it('must be used within <ChatProvider>', () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    expect(() => renderHook(() => useChatStore(selectTotalUnread))).toThrow(
      '`useChatStore` must be used within `<ChatProvider>`',
    );
    expect(() => renderHook(() => useChatStoreApi())).toThrow('`useChatStoreApi` must be used within');
    expect(() => renderHook(() => useChatEngine())).toThrow('`useChatEngine` must be used within');
  });

  it('returns the selection and follows the store', () => {
    const store = createTestChatStore({ state: { totalUnread: 3 } });
    const { result } = renderHook(() => useChatStore(selectTotalUnread), { wrapper: withProvider(store) });
    expect(result.current).toBe(3);
    act(() => store.setState({ totalUnread: 8 }));
    expect(result.current).toBe(8);
  });

  it('does not re-render when something else in the store changes', () => {
    const store = createTestChatStore({ state: { totalUnread: 3 } });
    let renders = 0;
    renderHook(
      () => {
        renders++;
        return useChatStore(selectTotalUnread);
      },
      { wrapper: withProvider(store) },
    );
    const before = renders;
    act(() => store.setState({ activeConversationID: 'c2c_bob' }));
    act(() => store.setState({ syncStatus: 'syncing' }));
    expect(renders).toBe(before);
  });

  it('keeps an equal selection, by the equality function, without re-rendering', () => {
    const store = createTestChatStore({
      conversations: [createTestConversation({ conversationID: 'c2c_bob', unreadCount: 2 })],
    });
    const ids = (state: ChatState) => [...state.conversations.keys()];
    const sameIDs = (a: string[], b: string[]) => a.length === b.length && a.every((id, i) => id === b[i]);
    let renders = 0;
    const { result } = renderHook(
      () => {
        renders++;
        return useChatStore(ids, sameIDs);
      },
      { wrapper: withProvider(store) },
    );
    const first = result.current;
    const before = renders;
    act(() => store.setState({ totalUnread: 9 }));
    expect(result.current).toBe(first);
    expect(renders).toBe(before);
  });

  it('renders on the server from the store’s initial state', () => {
    const store = createTestChatStore({ state: { totalUnread: 4 } });
    function Total() {
      return <output>{useChatStore(selectTotalUnread)}</output>;
    }
    const html = renderToString(
      <ChatProvider store={store} autoStart={false}>
        <Total />
      </ChatProvider>,
    );
    expect(html).toContain('<output>4</output>');
  });

  it('gives the store and its engine', () => {
    const store = createTestChatStore({ userID: 'alice' });
    const { result } = renderHook(() => ({ api: useChatStoreApi(), engine: useChatEngine() }), {
      wrapper: withProvider(store),
    });
    expect(result.current.api).toBe(store);
    expect(result.current.engine.userID).toBe('alice');
  });
});

describe('useChatStrings', () => {
  it('falls back to English outside a provider, for standalone parts', () => {
    const { result } = renderHook(() => useChatStrings());
    expect(result.current).toBe(en);
  });
});

describe('useInboxStrings', () => {
  it('gives inbox parts only the inbox’s English strings when the app gives none', () => {
    const { result } = renderHook(() => ({ strings: useInboxStrings(), config: useInboxConfig() }), {
      wrapper: withProvider(),
    });
    expect(result.current.strings).toBe(enInbox);
    expect(result.current.config.strings).toBe(enInbox);
    expect(result.current.config.locale).toBe('en');
    expect(renderHook(() => useInboxStrings()).result.current).toBe(enInbox);
  });

  it('gives inbox parts the app’s whole table when it gives one', () => {
    const store = createTestChatStore();
    const { result } = renderHook(() => ({ inbox: useInboxStrings(), chat: useChatStrings() }), {
      wrapper: ({ children }) => (
        <ChatProvider store={store} strings={zhCN}>
          {children}
        </ChatProvider>
      ),
    });
    expect(result.current.inbox).toBe(zhCN);
    expect(result.current.chat).toBe(zhCN);
  });
});
