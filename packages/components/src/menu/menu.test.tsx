import { fireEvent, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { expectNoAxeViolations } from '../../test/axe';
import {
  Menu,
  MenuContent,
  MenuItem,
  MenuItemCheckbox,
  MenuItemRadio,
  MenuRadioGroup,
  MenuSeparator,
  MenuSub,
  MenuSubContent,
  MenuSubTrigger,
  MenuTrigger,
} from './index';

function ActionsMenu({ onSelect = () => {} }: { onSelect?: (name: string) => void }) {
  const [starred, setStarred] = useState(false);
  const [notify, setNotify] = useState('receive');
  return (
    <Menu>
      <MenuTrigger aria-label="Actions for Bob">…</MenuTrigger>
      <MenuContent>
        <MenuItem onSelect={() => onSelect('pin')}>Pin</MenuItem>
        <MenuItem onSelect={() => onSelect('mute')}>Mute</MenuItem>
        <MenuItemCheckbox checked={starred} onCheckedChange={setStarred}>
          Star
        </MenuItemCheckbox>
        <MenuSub>
          <MenuSubTrigger>Notifications</MenuSubTrigger>
          <MenuSubContent>
            <MenuRadioGroup value={notify} onValueChange={setNotify} aria-label="Notifications">
              <MenuItemRadio value="receive">Notify me</MenuItemRadio>
              <MenuItemRadio value="receiveNotNotify">Don’t notify me</MenuItemRadio>
            </MenuRadioGroup>
          </MenuSubContent>
        </MenuSub>
        <MenuItem disabled onSelect={() => onSelect('hide')}>
          Hide
        </MenuItem>
        <MenuSeparator />
        <MenuItem variant="danger" onSelect={() => onSelect('delete')}>
          Delete
        </MenuItem>
      </MenuContent>
    </Menu>
  );
}

describe('Menu', () => {
  it('opens from its button at the first item, and Escape closes it back to the button', async () => {
    const user = userEvent.setup();
    render(<ActionsMenu />);
    const button = screen.getByRole('button', { name: 'Actions for Bob' });
    expect(button).toHaveAttribute('aria-haspopup', 'menu');
    expect(button).toHaveAttribute('aria-expanded', 'false');

    await user.click(button);
    const menu = screen.getByRole('menu', { name: 'Actions for Bob' });
    expect(button).toHaveAttribute('aria-expanded', 'true');
    expect(button).toHaveAttribute('aria-controls', menu.id);
    expect(screen.getByRole('menuitem', { name: 'Pin' })).toHaveFocus();

    await user.keyboard('{Escape}');
    expect(screen.queryByRole('menu')).not.toBeInTheDocument();
    expect(button).toHaveFocus();
    expect(button).toHaveAttribute('aria-expanded', 'false');
  });

  it('opens at the last item with ArrowUp on the button', async () => {
    const user = userEvent.setup();
    render(<ActionsMenu />);
    screen.getByRole('button', { name: 'Actions for Bob' }).focus();
    await user.keyboard('{ArrowUp}');
    expect(screen.getByRole('menuitem', { name: 'Delete' })).toHaveFocus();
  });

  it('moves with the arrow keys, wrapping, and jumps with Home and End', async () => {
    const user = userEvent.setup();
    render(<ActionsMenu />);
    await user.click(screen.getByRole('button', { name: 'Actions for Bob' }));
    await user.keyboard('{ArrowDown}');
    expect(screen.getByRole('menuitem', { name: 'Mute' })).toHaveFocus();
    await user.keyboard('{ArrowUp}{ArrowUp}');
    expect(screen.getByRole('menuitem', { name: 'Delete' })).toHaveFocus();
    await user.keyboard('{ArrowDown}');
    expect(screen.getByRole('menuitem', { name: 'Pin' })).toHaveFocus();
    await user.keyboard('{End}');
    expect(screen.getByRole('menuitem', { name: 'Delete' })).toHaveFocus();
    await user.keyboard('{Home}');
    expect(screen.getByRole('menuitem', { name: 'Pin' })).toHaveFocus();
  });

  it('focuses the item whose label starts with what the user types', async () => {
    const user = userEvent.setup();
    render(<ActionsMenu />);
    await user.click(screen.getByRole('button', { name: 'Actions for Bob' }));
    await user.keyboard('d');
    expect(screen.getByRole('menuitem', { name: 'Delete' })).toHaveFocus();
    await user.keyboard('{Home}no');
    expect(screen.getByRole('menuitem', { name: 'Notifications' })).toHaveFocus();
  });

  it('runs the chosen item with Enter, closes and gives focus back', async () => {
    const user = userEvent.setup();
    const onSelect = vi.fn();
    render(<ActionsMenu onSelect={onSelect} />);
    const button = screen.getByRole('button', { name: 'Actions for Bob' });
    await user.click(button);
    await user.keyboard('{ArrowDown}{Enter}');
    expect(onSelect).toHaveBeenCalledWith('mute');
    expect(screen.queryByRole('menu')).not.toBeInTheDocument();
    expect(button).toHaveFocus();
  });

  it('runs a clicked item', async () => {
    const user = userEvent.setup();
    const onSelect = vi.fn();
    render(<ActionsMenu onSelect={onSelect} />);
    await user.click(screen.getByRole('button', { name: 'Actions for Bob' }));
    await user.click(screen.getByRole('menuitem', { name: 'Delete' }));
    expect(onSelect).toHaveBeenCalledWith('delete');
  });

  it('leaves a disabled item focusable but inert', async () => {
    const user = userEvent.setup();
    const onSelect = vi.fn();
    render(<ActionsMenu onSelect={onSelect} />);
    await user.click(screen.getByRole('button', { name: 'Actions for Bob' }));
    const hide = screen.getByRole('menuitem', { name: 'Hide' });
    expect(hide).toHaveAttribute('aria-disabled', 'true');
    await user.click(hide);
    expect(onSelect).not.toHaveBeenCalled();
    expect(screen.getByRole('menu')).toBeInTheDocument();
  });

  it('toggles a checkbox item and says so', async () => {
    const user = userEvent.setup();
    render(<ActionsMenu />);
    await user.click(screen.getByRole('button', { name: 'Actions for Bob' }));
    expect(screen.getByRole('menuitemcheckbox', { name: 'Star' })).toHaveAttribute('aria-checked', 'false');
    await user.click(screen.getByRole('menuitemcheckbox', { name: 'Star' }));
    await user.click(screen.getByRole('button', { name: 'Actions for Bob' }));
    expect(screen.getByRole('menuitemcheckbox', { name: 'Star' })).toHaveAttribute('aria-checked', 'true');
  });

  it('opens a submenu with the inline-end arrow and closes it with the other, back on its item', async () => {
    const user = userEvent.setup();
    render(<ActionsMenu />);
    await user.click(screen.getByRole('button', { name: 'Actions for Bob' }));
    await user.keyboard('{ArrowDown}{ArrowDown}{ArrowDown}');
    const trigger = screen.getByRole('menuitem', { name: 'Notifications' });
    expect(trigger).toHaveFocus();
    expect(trigger).toHaveAttribute('aria-haspopup', 'menu');

    await user.keyboard('{ArrowRight}');
    expect(trigger).toHaveAttribute('aria-expanded', 'true');
    const submenu = screen.getByRole('menu', { name: 'Notifications' });
    expect(screen.getByRole('menuitemradio', { name: 'Notify me' })).toHaveFocus();
    expect(screen.getByRole('menuitemradio', { name: 'Notify me' })).toHaveAttribute('aria-checked', 'true');
    expect(trigger).toHaveAttribute('aria-controls', submenu.id);

    await user.keyboard('{ArrowDown}{Enter}');
    expect(screen.queryByRole('menu')).not.toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Actions for Bob' }));
    await user.click(screen.getByRole('menuitem', { name: 'Notifications' }));
    expect(screen.getByRole('menuitemradio', { name: 'Don’t notify me' })).toHaveAttribute(
      'aria-checked',
      'true',
    );
    await user.keyboard('{ArrowLeft}');
    expect(screen.queryByRole('menu', { name: 'Notifications' })).not.toBeInTheDocument();
    expect(screen.getByRole('menuitem', { name: 'Notifications' })).toHaveFocus();
  });

  it('mirrors the submenu keys right to left', async () => {
    const user = userEvent.setup();
    render(
      <div dir="rtl">
        <ActionsMenu />
      </div>,
    );
    await user.click(screen.getByRole('button', { name: 'Actions for Bob' }));
    screen.getByRole('menuitem', { name: 'Notifications' }).focus();
    await user.keyboard('{ArrowRight}');
    expect(screen.queryByRole('menu', { name: 'Notifications' })).not.toBeInTheDocument();
    await user.keyboard('{ArrowLeft}');
    expect(screen.getByRole('menu', { name: 'Notifications' })).toBeInTheDocument();
    await user.keyboard('{ArrowRight}');
    expect(screen.queryByRole('menu', { name: 'Notifications' })).not.toBeInTheDocument();
  });

  it('closes on Tab and on a click outside', async () => {
    const user = userEvent.setup();
    render(
      <>
        <ActionsMenu />
        <p>Elsewhere</p>
      </>,
    );
    const button = screen.getByRole('button', { name: 'Actions for Bob' });
    await user.click(button);
    await user.keyboard('{Tab}');
    expect(screen.queryByRole('menu')).not.toBeInTheDocument();
    expect(button).toHaveFocus();

    await user.click(button);
    await user.click(screen.getByText('Elsewhere'));
    expect(screen.queryByRole('menu')).not.toBeInTheDocument();
  });

  it('opens as a context menu at a point and returns focus where it was', async () => {
    const user = userEvent.setup();
    function ContextMenuDemo() {
      const [point, setPoint] = useState<{ x: number; y: number } | null>(null);
      return (
        <>
          <button
            type="button"
            onContextMenu={(event) => {
              event.preventDefault();
              setPoint({ x: 40, y: 60 });
            }}
          >
            Row
          </button>
          <Menu open={point !== null} anchor={point} onOpenChange={(open) => !open && setPoint(null)}>
            <MenuContent aria-label="Row actions">
              <MenuItem>Copy</MenuItem>
            </MenuContent>
          </Menu>
        </>
      );
    }
    render(<ContextMenuDemo />);
    const row = screen.getByRole('button', { name: 'Row' });
    row.focus();
    fireEvent.contextMenu(row);
    expect(screen.getByRole('menu', { name: 'Row actions' })).toBeInTheDocument();
    expect(screen.getByRole('menuitem', { name: 'Copy' })).toHaveFocus();
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('menu')).not.toBeInTheDocument();
    expect(row).toHaveFocus();
  });

  it('has no accessibility violations, open or closed', async () => {
    const user = userEvent.setup();
    const { container } = render(<ActionsMenu />);
    await expectNoAxeViolations(container);
    await user.click(screen.getByRole('button', { name: 'Actions for Bob' }));
    await user.click(screen.getByRole('menuitem', { name: 'Notifications' }));
    await expectNoAxeViolations(container);
  });
});
