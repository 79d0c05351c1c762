import { fireEvent, render, screen } from '@testing-library/react';
import { avatarColorOf } from '@tidings/core';
import { describe, expect, it } from 'vitest';
import { expectNoAxeViolations } from '../../test/axe';
import { Avatar } from './avatar';

describe('Avatar', () => {
  it('shows initials on a colour from the ID when there is no image', () => {
    render(<Avatar name="Alice Smith" colorKey="c2c_alice" />);
    const avatar = screen.getByRole('img', { name: 'Alice Smith' });
    expect(avatar).toHaveTextContent('AS');
    expect(avatar).toHaveAttribute('data-state', 'fallback');
    expect(avatar.style.getPropertyValue('--tidings-avatar-color')).toBe(avatarColorOf('c2c_alice'));
    expect(avatar.querySelector('img')).toBeNull();
  });

  it('colours by the name when no colour key is given', () => {
    render(<Avatar name="Bob" />);
    expect(screen.getByRole('img', { name: 'Bob' }).style.getPropertyValue('--tidings-avatar-color')).toBe(
      avatarColorOf('Bob'),
    );
  });

  it('keeps the initials until the image has loaded, then shows the image', () => {
    const { container } = render(<Avatar name="Alice" src="https://example.com/alice.png" />);
    const avatar = screen.getByRole('img', { name: 'Alice' });
    const image = container.querySelector('img') as HTMLImageElement;
    expect(avatar).toHaveAttribute('data-state', 'loading');
    expect(image).toHaveAttribute('alt', '');
    expect(avatar).toHaveTextContent('A');
    fireEvent.load(image);
    expect(avatar).toHaveAttribute('data-state', 'loaded');
    expect(avatar).not.toHaveTextContent('A');
  });

  it('falls back to the initials when the image fails to load', () => {
    const { container } = render(<Avatar name="Alice" src="https://example.com/missing.png" />);
    fireEvent.error(container.querySelector('img') as HTMLImageElement);
    const avatar = screen.getByRole('img', { name: 'Alice' });
    expect(avatar).toHaveAttribute('data-state', 'fallback');
    expect(avatar).toHaveTextContent('A');
    expect(container.querySelector('img')).toBeNull();
  });

  it('starts over when the image changes', () => {
    const { container, rerender } = render(<Avatar name="Alice" src="https://example.com/a.png" />);
    fireEvent.error(container.querySelector('img') as HTMLImageElement);
    rerender(<Avatar name="Alice" src="https://example.com/b.png" />);
    expect(screen.getByRole('img', { name: 'Alice' })).toHaveAttribute('data-state', 'loading');
    expect(container.querySelector('img')).toHaveAttribute('src', 'https://example.com/b.png');
  });

  it('is hidden from assistive technology when decorative', () => {
    const { container } = render(<Avatar name="Alice" src="https://example.com/a.png" decorative />);
    expect(screen.queryByRole('img')).toBeNull();
    expect(container.firstElementChild).toHaveAttribute('aria-hidden', 'true');
    expect(container.querySelector('img')).toHaveAttribute('alt', '');
  });

  it('takes a size in pixels', () => {
    render(<Avatar name="Alice" size={32} />);
    expect(screen.getByRole('img').style.getPropertyValue('--tidings-avatar-size')).toBe('32px');
  });

  it('passes through class names and attributes', () => {
    render(<Avatar name="Alice" className="mine" data-testid="avatar" title="Alice (online)" />);
    const avatar = screen.getByTestId('avatar');
    expect(avatar).toHaveClass('tidings-avatar', 'mine');
    expect(avatar).toHaveAttribute('title', 'Alice (online)');
  });

  it('has no accessibility violations', async () => {
    const { container } = render(
      <div>
        <Avatar name="Alice Smith" />
        <Avatar name="Bob" src="https://example.com/b.png" />
        <p>
          <Avatar name="Carol" decorative /> Carol
        </p>
      </div>,
    );
    await expectNoAxeViolations(container);
  });
});
