import { render, screen, waitFor } from '@testing-library/react';
import { avatarColorOf } from '@tidings/core';
import { describe, expect, it } from 'vitest';
import { Avatar } from './avatar';

// A same-origin blob URL: the URL policy refuses data: URLs, whatever they hold.
const PIXEL = URL.createObjectURL(
  new Blob(
    [
      '<svg xmlns="http://www.w3.org/2000/svg" width="4" height="4"><rect width="4" height="4" fill="#0a0"/></svg>',
    ],
    {
      type: 'image/svg+xml',
    },
  ),
);

function rgb(hex: string): string {
  const [r, g, b] = [1, 3, 5].map((i) => Number.parseInt(hex.slice(i, i + 2), 16));
  return `rgb(${r}, ${g}, ${b})`;
}

describe('Avatar in a real browser', () => {
  it('paints a 48 px circle with white initials on the ID’s colour', () => {
    render(<Avatar name="Alice Smith" colorKey="c2c_alice" />);
    const avatar = screen.getByRole('img', { name: 'Alice Smith' });
    const style = getComputedStyle(avatar);
    const box = avatar.getBoundingClientRect();
    expect(box.width).toBe(48);
    expect(box.height).toBe(48);
    expect(style.borderRadius).toBe('50%');
    expect(style.backgroundColor).toBe(rgb(avatarColorOf('c2c_alice')));
    expect(style.color).toBe('rgb(255, 255, 255)');
  });

  it('shows the image once it has loaded', async () => {
    const { container } = render(<Avatar name="Alice" src={PIXEL} size={32} />);
    const avatar = screen.getByRole('img', { name: 'Alice' });
    await waitFor(() => expect(avatar).toHaveAttribute('data-state', 'loaded'));
    const image = container.querySelector('img') as HTMLImageElement;
    expect(image.naturalWidth).toBe(4);
    expect(image.getBoundingClientRect().width).toBe(32);
    expect(avatar).not.toHaveTextContent('A');
  });

  it('falls back to the initials when the image fails to load', async () => {
    const { container } = render(<Avatar name="Bob Lee" src="/no-such-avatar.png" />);
    const avatar = screen.getByRole('img', { name: 'Bob Lee' });
    await waitFor(() => expect(avatar).toHaveAttribute('data-state', 'fallback'));
    expect(avatar).toHaveTextContent('BL');
    expect(container.querySelector('img')).toBeNull();
  });

  it('recognises an image that was already in the cache', async () => {
    const first = render(<Avatar name="Carol" src={PIXEL} />);
    await waitFor(() =>
      expect(screen.getByRole('img', { name: 'Carol' })).toHaveAttribute('data-state', 'loaded'),
    );
    first.unmount();
    render(<Avatar name="Carol" src={PIXEL} />);
    await waitFor(() =>
      expect(screen.getByRole('img', { name: 'Carol' })).toHaveAttribute('data-state', 'loaded'),
    );
  });
});
