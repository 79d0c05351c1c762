import { act, render, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { expectNoAxeViolations } from '../../test/axe';
import { createTestChatStore } from '../../test/chat-store';
import { ChatProvider } from '../chat-provider/chat-provider';
import { TotalUnreadBadge } from './total-unread-badge';

describe('TotalUnreadBadge', () => {
  it('shows the total unread of the store and follows it', () => {
    const store = createTestChatStore({ state: { totalUnread: 7 } });
    render(
      <ChatProvider store={store}>
        <button type="button">
          Chats <TotalUnreadBadge />
        </button>
      </ChatProvider>,
    );
    expect(screen.getByRole('button', { name: 'Chats 7 unread messages' })).toBeInTheDocument();
    act(() => store.setState({ totalUnread: 150 }));
    expect(screen.getByRole('img', { name: '150 unread messages' })).toHaveTextContent('99+');
  });

  it('renders nothing when everything is read', () => {
    const store = createTestChatStore({ state: { totalUnread: 2 } });
    render(
      <ChatProvider store={store}>
        <TotalUnreadBadge />
      </ChatProvider>,
    );
    act(() => store.setState({ totalUnread: 0 }));
    expect(screen.queryByRole('img')).toBeNull();
  });

  it('must be used within <ChatProvider>', () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    expect(() => render(<TotalUnreadBadge />)).toThrow(
      '`TotalUnreadBadge` must be used within `<ChatProvider>`',
    );
  });

  it('has no accessibility violations', async () => {
    const { container } = render(
      <ChatProvider store={createTestChatStore({ state: { totalUnread: 12 } })}>
        <TotalUnreadBadge />
      </ChatProvider>,
    );
    await expectNoAxeViolations(container);
  });
});
