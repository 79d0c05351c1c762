import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { zhCN } from '@tidings/core/locales/zh-cn';
import { useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { expectNoAxeViolations } from '../../test/axe';
import { createTestChatStore } from '../../test/chat-store';
import { ChatProvider } from '../chat-provider/chat-provider';
import { ConfirmDialog, Dialog } from './index';

function DeleteFlow({ onConfirm }: { onConfirm: () => void }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" onClick={() => setOpen(true)}>
        Delete chat
      </button>
      <ConfirmDialog
        open={open}
        onOpenChange={setOpen}
        title="Delete the chat with Bob?"
        description="This can’t be undone."
        confirmLabel="Delete"
        destructive
        onConfirm={onConfirm}
      />
    </>
  );
}

describe('ConfirmDialog', () => {
  it('asks as an alert dialog named by its title, with Cancel focused first', async () => {
    const user = userEvent.setup();
    render(<DeleteFlow onConfirm={() => {}} />);
    expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Delete chat' }));
    const dialog = screen.getByRole('alertdialog', { name: 'Delete the chat with Bob?' });
    expect(dialog).toHaveAccessibleDescription('This can’t be undone.');
    expect(screen.getByRole('button', { name: 'Cancel' })).toHaveFocus();
    expect(screen.getByRole('button', { name: 'Delete' })).toHaveAttribute('data-variant', 'danger');
  });

  it('confirms, then closes', async () => {
    const user = userEvent.setup();
    const onConfirm = vi.fn();
    render(<DeleteFlow onConfirm={onConfirm} />);
    await user.click(screen.getByRole('button', { name: 'Delete chat' }));
    await user.click(screen.getByRole('button', { name: 'Delete' }));
    expect(onConfirm).toHaveBeenCalledTimes(1);
    expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument();
  });

  it('cancels with Escape or Cancel without confirming', async () => {
    const user = userEvent.setup();
    const onConfirm = vi.fn();
    render(<DeleteFlow onConfirm={onConfirm} />);
    await user.click(screen.getByRole('button', { name: 'Delete chat' }));
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Delete chat' }));
    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument();
    expect(onConfirm).not.toHaveBeenCalled();
  });

  it('says Cancel in the provider’s language', () => {
    render(
      <ChatProvider store={createTestChatStore()} strings={zhCN} autoStart={false}>
        <ConfirmDialog open onOpenChange={() => {}} title="删除？" confirmLabel="删除" onConfirm={() => {}} />
      </ChatProvider>,
    );
    expect(screen.getByRole('button', { name: '取消' })).toBeInTheDocument();
  });

  it('has no accessibility violations', async () => {
    const { container } = render(
      <ConfirmDialog
        open
        onOpenChange={() => {}}
        title="Delete the chat with Bob?"
        description="This can’t be undone."
        confirmLabel="Delete"
        onConfirm={() => {}}
      />,
    );
    await expectNoAxeViolations(container);
  });
});

describe('Dialog', () => {
  it('is a dialog named by its title that renders nothing while closed', () => {
    const { rerender } = render(
      <Dialog open={false} onOpenChange={() => {}} title="New folder">
        <p>Body</p>
      </Dialog>,
    );
    expect(screen.queryByText('Body')).not.toBeInTheDocument();
    rerender(
      <Dialog open onOpenChange={() => {}} title="New folder">
        <p>Body</p>
      </Dialog>,
    );
    expect(screen.getByRole('dialog', { name: 'New folder' })).toContainElement(screen.getByText('Body'));
  });
});
