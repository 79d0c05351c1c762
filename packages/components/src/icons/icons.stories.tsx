import type { Meta, StoryObj } from '@storybook/react-vite';
import * as icons from './index';

const all = Object.entries(icons) as [string, icons.IconComponent][];

/** Every icon with its name, in the current text colour. */
function IconGrid({ size }: { size: number }) {
  return (
    <ul
      style={{
        display: 'grid',
        gridTemplateColumns: 'repeat(auto-fill, minmax(120px, 1fr))',
        gap: 8,
        margin: 0,
        padding: 0,
        listStyle: 'none',
      }}
    >
      {all.map(([name, Icon]) => (
        <li
          key={name}
          style={{
            display: 'grid',
            justifyItems: 'center',
            gap: 8,
            padding: '16px 8px',
            borderRadius: 10,
            background: 'var(--tidings-color-surface-muted)',
            fontSize: 12,
          }}
        >
          <Icon size={size} />
          <span>{name.replace(/Icon$/, '')}</span>
        </li>
      ))}
    </ul>
  );
}

const meta = {
  title: 'Components/Icons',
  component: IconGrid,
  args: { size: 24 },
  argTypes: { size: { control: { type: 'range', min: 12, max: 48, step: 2 } } },
} satisfies Meta<typeof IconGrid>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Default: Story = {};

/** At the 16 px used inside rows and bubbles. */
export const Small: Story = { args: { size: 16 } };

export const Dark: Story = { globals: { theme: 'dark' } };

/** Back, send, reply and undo point the other way right to left. */
export const RightToLeft: Story = { globals: { direction: 'rtl' } };
