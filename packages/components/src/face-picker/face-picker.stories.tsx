import type { Meta, StoryObj } from '@storybook/react-vite';
import { useState } from 'react';
import { expect, fn, userEvent, within } from 'storybook/test';
import { FacePicker } from './index';

const meta = {
  title: 'Components/FacePicker',
  component: FacePicker,
  args: { onSelect: fn() },
  decorators: [
    (Story) => (
      <div
        style={{
          display: 'inline-block',
          padding: 8,
          borderRadius: 14,
          background: 'var(--tidings-color-surface-raised)',
          boxShadow: 'var(--tidings-shadow-lg)',
        }}
      >
        <Story />
      </div>
    ),
  ],
} satisfies Meta<typeof FacePicker>;

export default meta;
type Story = StoryObj<typeof meta>;

/** The built-in faces: five rows of eight, each named for screen readers and in a tooltip. */
export const Default: Story = {};

/** Arrow keys move through the grid; Enter picks the focused face. */
export const KeyboardNavigation: Story = {
  args: { autoFocus: true },
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByRole('button', { name: 'Grinning face' })).toHaveFocus();
    await userEvent.keyboard('{ArrowDown}{ArrowDown}{ArrowRight}');
    await expect(canvas.getByRole('button', { name: 'Thumbs down' })).toHaveFocus();
    await userEvent.keyboard('{Enter}');
    await expect(args.onSelect).toHaveBeenCalledWith(expect.objectContaining({ index: 17, emoji: '👎' }));
  },
};

/** What a pick does is up to the app: here it builds a line of text. */
export const Picking: Story = {
  render: (args) => {
    const [picked, setPicked] = useState('');
    return (
      <div style={{ display: 'grid', gap: 8 }}>
        <FacePicker
          {...args}
          onSelect={(face) => {
            args.onSelect(face);
            setPicked((text) => text + face.emoji);
          }}
        />
        <output aria-label="Picked" style={{ minBlockSize: 24, fontSize: 20 }}>
          {picked}
        </output>
      </div>
    );
  },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.click(canvas.getByRole('button', { name: 'Party popper' }));
    await userEvent.click(canvas.getByRole('button', { name: 'Thumbs up' }));
    await expect(canvas.getByRole('status', { name: 'Picked' })).toHaveTextContent('🎉👍');
  },
};

/** Names in Simplified Chinese. */
export const Chinese: Story = {
  globals: { locale: 'zh-CN' },
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByRole('grid', { name: '表情' })).toBeInTheDocument();
    await expect(within(canvasElement).getByRole('button', { name: '赞' })).toBeInTheDocument();
  },
};

export const Dark: Story = {
  globals: { theme: 'dark' },
};

/** Right to left: rows read from the right, and the arrow keys follow. */
export const RightToLeft: Story = {
  args: { autoFocus: true },
  globals: { direction: 'rtl' },
  play: async ({ canvasElement }) => {
    await userEvent.keyboard('{ArrowLeft}');
    await expect(within(canvasElement).getByRole('button', { name: 'Tears of joy' })).toHaveFocus();
  },
};
