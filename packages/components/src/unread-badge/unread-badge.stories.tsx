import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, within } from 'storybook/test';
import { Avatar } from '../avatar/index';
import { UnreadBadge } from './index';

const meta = {
  title: 'Components/UnreadBadge',
  component: UnreadBadge,
  args: { count: 3 },
} satisfies Meta<typeof UnreadBadge>;

export default meta;
type Story = StoryObj<typeof meta>;

/** A pill in the danger colour with a white number. */
export const Default: Story = {
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByRole('img', { name: '3 unread messages' })).toHaveTextContent(
      '3',
    );
  },
};

/** Above 99 the badge reads 99+, while its accessible name keeps the full count. */
export const Capped: Story = {
  args: { count: 1280 },
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByRole('img', { name: '1,280 unread messages' })).toHaveTextContent(
      '99+',
    );
  },
};

/** A muted conversation shows a grey dot. */
export const Muted: Story = {
  args: { count: 12, muted: true },
  play: async ({ canvasElement }) => {
    const badge = within(canvasElement).getByRole('img', { name: '12 unread messages' });
    await expect(badge).toHaveAttribute('data-dot');
    await expect(badge).toHaveAttribute('data-muted');
  },
};

/** A muted conversation can show its count as a grey pill instead. */
export const MutedCount: Story = {
  args: { count: 12, muted: true, dot: false },
};

/** A conversation marked unread, with nothing counted, shows a dot. */
export const Dot: Story = {
  args: { count: 0, markedUnread: true },
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByRole('img', { name: 'Marked as unread' })).toHaveAttribute(
      'data-dot',
    );
  },
};

/** Every state, as a conversation row would place them: at the end of the second line. */
export const AllStates: Story = {
  render: () => (
    <div style={{ display: 'grid', gap: 8, maxInlineSize: 360 }}>
      {(
        [
          ['Alice Smith', 'c2c_alice', { count: 1 }],
          ['Design Team', 'group_design', { count: 27 }],
          ['Bob Lee', 'c2c_bob', { count: 128 }],
          ['Frontend', 'group_frontend', { count: 6, muted: true }],
          ['Carol', 'c2c_carol', { count: 6, muted: true, dot: false }],
          ['张三', 'c2c_zhangsan', { count: 0, markedUnread: true }],
        ] as const
      ).map(([name, id, props]) => (
        <div
          key={id}
          style={{
            display: 'flex',
            alignItems: 'center',
            gap: 12,
            padding: '12px 16px',
            borderRadius: 12,
            background: 'var(--tidings-color-surface)',
            border: '1px solid var(--tidings-color-border)',
          }}
        >
          <Avatar name={name} colorKey={id} decorative />
          <span style={{ flex: 1, fontWeight: 600 }}>{name}</span>
          <UnreadBadge {...props} />
        </div>
      ))}
    </div>
  ),
};

export const Chinese: Story = {
  args: { count: 5 },
  globals: { locale: 'zh-CN' },
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByRole('img', { name: '5 条未读消息' })).toBeInTheDocument();
  },
};

export const Dark: Story = {
  render: AllStates.render,
  globals: { theme: 'dark' },
};

export const RightToLeft: Story = {
  render: AllStates.render,
  globals: { direction: 'rtl' },
};
