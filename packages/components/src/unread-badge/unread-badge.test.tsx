import { render, screen } from '@testing-library/react';
import { zhCN } from '@tidings/core/locales/zh-cn';
import { describe, expect, it } from 'vitest';
import { expectNoAxeViolations } from '../../test/axe';
import { createTestChatStore } from '../../test/chat-store';
import { ChatProvider } from '../chat-provider/chat-provider';
import { UnreadBadge } from './unread-badge';

describe('UnreadBadge', () => {
  it('shows the count and says it', () => {
    render(<UnreadBadge count={3} />);
    const badge = screen.getByRole('img', { name: '3 unread messages' });
    expect(badge).toHaveTextContent('3');
    expect(badge).not.toHaveAttribute('data-dot');
    expect(badge).not.toHaveAttribute('data-muted');
  });

  it('says one message in the singular', () => {
    render(<UnreadBadge count={1} />);
    expect(screen.getByRole('img', { name: '1 unread message' })).toHaveTextContent('1');
  });

  it('caps the number at 99+ but says the full count', () => {
    render(<UnreadBadge count={120} />);
    expect(screen.getByRole('img', { name: '120 unread messages' })).toHaveTextContent('99+');
  });

  it('takes another cap', () => {
    render(<UnreadBadge count={1200} max={999} />);
    expect(screen.getByRole('img')).toHaveTextContent('999+');
  });

  it('renders nothing when nothing is unread', () => {
    const { container } = render(<UnreadBadge count={0} />);
    expect(container).toBeEmptyDOMElement();
  });

  it('shows a grey dot for a muted conversation, still saying the count', () => {
    render(<UnreadBadge count={5} muted />);
    const badge = screen.getByRole('img', { name: '5 unread messages' });
    expect(badge).toHaveAttribute('data-dot');
    expect(badge).toHaveAttribute('data-muted');
    expect(badge).toHaveTextContent('');
  });

  it('shows a grey number for a muted conversation when asked', () => {
    render(<UnreadBadge count={5} muted dot={false} />);
    const badge = screen.getByRole('img', { name: '5 unread messages' });
    expect(badge).toHaveTextContent('5');
    expect(badge).toHaveAttribute('data-muted');
    expect(badge).not.toHaveAttribute('data-dot');
  });

  it('shows a dot for a conversation marked unread with nothing counted', () => {
    render(<UnreadBadge count={0} markedUnread />);
    const badge = screen.getByRole('img', { name: 'Marked as unread' });
    expect(badge).toHaveAttribute('data-dot');
    expect(badge).not.toHaveAttribute('data-muted');
  });

  it('prefers the count when a conversation marked unread has one', () => {
    render(<UnreadBadge count={2} markedUnread />);
    expect(screen.getByRole('img', { name: '2 unread messages' })).toHaveTextContent('2');
  });

  it('speaks the provider’s language', () => {
    render(
      <ChatProvider store={createTestChatStore()} strings={zhCN}>
        <UnreadBadge count={3} />
        <UnreadBadge count={0} markedUnread />
      </ChatProvider>,
    );
    expect(screen.getByRole('img', { name: '3 条未读消息' })).toBeInTheDocument();
    expect(screen.getByRole('img', { name: '标为未读' })).toBeInTheDocument();
  });

  it('has no accessibility violations', async () => {
    const { container } = render(
      <div>
        <UnreadBadge count={3} />
        <UnreadBadge count={300} />
        <UnreadBadge count={3} muted />
        <UnreadBadge count={0} markedUnread />
      </div>,
    );
    await expectNoAxeViolations(container);
  });
});
