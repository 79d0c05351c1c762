import type { Meta, StoryObj } from '@storybook/react-vite';
import { useState } from 'react';
import { expect, userEvent, within } from 'storybook/test';
import { ConfirmDialog, Dialog } from './index';

const meta = {
  title: 'Components/Dialog',
  component: ConfirmDialog,
  args: {
    open: true,
    onOpenChange: () => {},
    onConfirm: () => {},
    title: 'Delete the chat with Bob Martin?',
    description: 'The chat and its messages are removed from this device. This can’t be undone.',
    confirmLabel: 'Delete',
    destructive: true,
  },
  render: function Render(args) {
    const [open, setOpen] = useState(false);
    return (
      <>
        <button type="button" className="tidings-dialog-button" onClick={() => setOpen(true)}>
          Delete chat
        </button>
        <ConfirmDialog {...args} open={open} onOpenChange={setOpen} />
      </>
    );
  },
} satisfies Meta<typeof ConfirmDialog>;

export default meta;
type Story = StoryObj<typeof meta>;

/** A destructive confirmation: Cancel has focus first; Escape cancels. */
export const Confirm: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.click(canvas.getByRole('button', { name: 'Delete chat' }));
    await expect(
      canvas.getByRole('alertdialog', { name: 'Delete the chat with Bob Martin?' }),
    ).toHaveAttribute('open');
    await expect(canvas.getByRole('button', { name: 'Cancel' })).toHaveFocus();
  },
};

/** A plain confirmation, with the accent-coloured button. */
export const NotDestructive: Story = {
  args: {
    title: 'Mark everything as read?',
    description: 'Unread counts and mentions are cleared in every chat.',
    confirmLabel: 'Mark all as read',
    destructive: false,
  },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.click(canvas.getByRole('button', { name: 'Delete chat' }));
    await expect(canvas.getByRole('button', { name: 'Mark all as read' })).toHaveAttribute(
      'data-variant',
      'primary',
    );
  },
};

/** A dialog with a field (`Dialog`), as the "New folder" flow uses it. */
export const WithField: Story = {
  render: function Render() {
    const [open, setOpen] = useState(true);
    return (
      <Dialog open={open} onOpenChange={setOpen} title="New folder">
        <form method="dialog">
          <label className="tidings-dialog-field">
            Folder name
            <input className="tidings-dialog-input" defaultValue="Work" />
          </label>
          <div className="tidings-dialog-actions">
            <button type="button" className="tidings-dialog-button" onClick={() => setOpen(false)}>
              Cancel
            </button>
            <button type="submit" className="tidings-dialog-button" data-variant="primary">
              Create
            </button>
          </div>
        </form>
      </Dialog>
    );
  },
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByRole('dialog', { name: 'New folder' })).toHaveAttribute('open');
  },
};

export const Dark: Story = { globals: { theme: 'dark' }, play: Confirm.play };

export const RightToLeft: Story = { globals: { direction: 'rtl' }, play: Confirm.play };
