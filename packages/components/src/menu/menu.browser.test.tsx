import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { page } from 'vitest/browser';
import { Menu, MenuContent, MenuItem, MenuTrigger } from './index';

const frame = () => new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));

afterEach(async () => {
  await page.viewport(414, 896);
});

describe('Menu in a real browser', () => {
  it('follows its button when the window is resized, without an error', async () => {
    const errors: string[] = [];
    const onError = (event: ErrorEvent) => errors.push(event.message);
    window.addEventListener('error', onError);
    try {
      const user = userEvent.setup();
      await page.viewport(800, 600);
      // The button sits at the inline end of the window, so a narrower window moves it.
      render(
        <div style={{ display: 'flex', justifyContent: 'flex-end', padding: 16 }}>
          <Menu>
            <MenuTrigger aria-label="Actions for Bob">…</MenuTrigger>
            <MenuContent>
              <MenuItem>Pin</MenuItem>
              <MenuItem>Mute</MenuItem>
            </MenuContent>
          </Menu>
        </div>,
      );
      const button = screen.getByRole('button', { name: 'Actions for Bob' });
      await user.click(button);
      const menu = await screen.findByRole('menu');
      const before = menu.getBoundingClientRect().right;
      expect(Math.abs(before - button.getBoundingClientRect().right)).toBeLessThan(10);

      await page.viewport(500, 600);
      for (let i = 0; i < 4; i++) await frame();

      expect(errors).toEqual([]);
      expect(screen.getByRole('menu')).toBeVisible();
      const after = menu.getBoundingClientRect();
      expect(after.right).toBeLessThan(before - 200);
      expect(Math.abs(after.right - button.getBoundingClientRect().right)).toBeLessThan(10);
    } finally {
      window.removeEventListener('error', onError);
    }
  });
});
