import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, waitFor, within } from 'storybook/test';
import { Avatar } from './index';

/**
 * A portrait-like image that needs no network: a person on a soft gradient, as a same-origin blob URL
 * (the kit's URL policy refuses `data:` URLs, whatever they hold).
 */
const PHOTO = URL.createObjectURL(
  new Blob(
    [
      `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 96 96">
    <defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="1">
      <stop offset="0" stop-color="#fbd38d"/><stop offset="1" stop-color="#f6866a"/>
    </linearGradient></defs>
    <rect width="96" height="96" fill="url(#g)"/>
    <circle cx="48" cy="38" r="17" fill="#7a3e2e"/>
    <path d="M14 96c4-20 18-30 34-30s30 10 34 30z" fill="#2f4858"/>
  </svg>`,
    ],
    { type: 'image/svg+xml' },
  ),
);

const meta = {
  title: 'Components/Avatar',
  component: Avatar,
  args: { name: 'Alice Smith', colorKey: 'c2c_alice' },
  argTypes: { size: { control: { type: 'range', min: 16, max: 128, step: 4 } } },
} satisfies Meta<typeof Avatar>;

export default meta;
type Story = StoryObj<typeof meta>;

/** No image: the initials on a colour derived from the ID. */
export const Default: Story = {
  play: async ({ canvasElement }) => {
    const avatar = within(canvasElement).getByRole('img', { name: 'Alice Smith' });
    await expect(avatar).toHaveTextContent('AS');
    await expect(avatar).toHaveAttribute('data-state', 'fallback');
  },
};

/** An image replaces the initials once it has loaded. */
export const WithImage: Story = {
  args: { src: PHOTO },
  play: async ({ canvasElement }) => {
    const avatar = within(canvasElement).getByRole('img', { name: 'Alice Smith' });
    await waitFor(() => expect(avatar).toHaveAttribute('data-state', 'loaded'));
  },
};

/** An image that fails to load falls back to the initials. */
export const BrokenImage: Story = {
  args: { src: '/no-such-avatar.png', name: 'Bob Lee', colorKey: 'c2c_bob' },
  play: async ({ canvasElement }) => {
    const avatar = within(canvasElement).getByRole('img', { name: 'Bob Lee' });
    await waitFor(() => expect(avatar).toHaveAttribute('data-state', 'fallback'));
    await expect(avatar).toHaveTextContent('BL');
  },
};

/** Many people: each ID keeps its colour; Chinese names show one character, emoji-only names their emoji. */
export const Gallery: Story = {
  render: () => (
    <div style={{ display: 'flex', flexWrap: 'wrap', gap: 16 }}>
      {[
        ['Alice Smith', 'c2c_alice'],
        ['Bob Lee', 'c2c_bob'],
        ['carol', 'c2c_carol'],
        ['Dave O’Brien', 'c2c_dave'],
        ['张三', 'c2c_zhangsan'],
        ['李小龙', 'c2c_lixiaolong'],
        ['Design Team', 'group_design'],
        ['🦊', 'c2c_fox'],
        ['42 Club', 'group_42'],
        ['Émile Zola', 'c2c_emile'],
        ['Frontend', 'group_frontend'],
        ['さくら', 'c2c_sakura'],
      ].map(([name, id]) => (
        <Avatar key={id} name={name as string} colorKey={id} />
      ))}
      <Avatar name="Alice Smith" src={PHOTO} />
    </div>
  ),
};

/** 48 px by default; any size scales the initials with it. */
export const Sizes: Story = {
  render: (args) => (
    <div style={{ display: 'flex', alignItems: 'center', gap: 16 }}>
      {[24, 32, 40, 48, 64, 96].map((size) => (
        <Avatar key={size} {...args} size={size} />
      ))}
    </div>
  ),
};

/** Next to a visible name the avatar is decorative: hidden from assistive technology. */
export const Decorative: Story = {
  args: { decorative: true },
  render: (args) => (
    <div style={{ display: 'flex', alignItems: 'center', gap: 12 }}>
      <Avatar {...args} />
      <strong>{args.name}</strong>
    </div>
  ),
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).queryByRole('img')).toBeNull();
  },
};

/** A Chinese name shows its first character. */
export const Chinese: Story = {
  args: { name: '张三', colorKey: 'c2c_zhangsan' },
  globals: { locale: 'zh-CN' },
};

export const Dark: Story = {
  render: Gallery.render,
  globals: { theme: 'dark' },
};

export const RightToLeft: Story = {
  render: Decorative.render,
  args: { decorative: true },
  globals: { direction: 'rtl' },
};
