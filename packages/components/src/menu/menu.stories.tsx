import type { Meta, StoryObj } from '@storybook/react-vite';
import { useState } from 'react';
import { expect, userEvent, within } from 'storybook/test';
import { BellOffIcon, MoreIcon, PinIcon, StarIcon, TrashIcon } from '../icons/index';
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

function ActionsMenu() {
  const [starred, setStarred] = useState(true);
  const [notify, setNotify] = useState('receive');
  return (
    <Menu>
      <MenuTrigger aria-label="Actions for Bob Martin">
        <MoreIcon />
      </MenuTrigger>
      <MenuContent>
        <MenuItem icon={<PinIcon />}>Pin</MenuItem>
        <MenuItem icon={<BellOffIcon />}>Mute</MenuItem>
        <MenuItemCheckbox icon={<StarIcon />} checked={starred} onCheckedChange={setStarred}>
          Star
        </MenuItemCheckbox>
        <MenuSub>
          <MenuSubTrigger>Notifications</MenuSubTrigger>
          <MenuSubContent>
            <MenuRadioGroup value={notify} onValueChange={setNotify} aria-label="Notifications">
              <MenuItemRadio value="receive">Notify me</MenuItemRadio>
              <MenuItemRadio value="receiveNotNotify">Don’t notify me</MenuItemRadio>
              <MenuItemRadio value="notReceive">Block messages</MenuItemRadio>
            </MenuRadioGroup>
          </MenuSubContent>
        </MenuSub>
        <MenuItem disabled>Hide</MenuItem>
        <MenuSeparator />
        <MenuItem icon={<TrashIcon />} variant="danger">
          Delete
        </MenuItem>
      </MenuContent>
    </Menu>
  );
}

const meta = {
  title: 'Components/Menu',
  component: Menu,
  render: () => (
    <div style={{ display: 'flex', justifyContent: 'center', paddingBlockEnd: 320 }}>
      <ActionsMenu />
    </div>
  ),
} satisfies Meta<typeof Menu>;

export default meta;
type Story = StoryObj<typeof meta>;

/** A menu button, closed. */
export const Default: Story = {
  play: async ({ canvasElement }) => {
    const button = within(canvasElement).getByRole('button', { name: 'Actions for Bob Martin' });
    await expect(button).toHaveAttribute('aria-expanded', 'false');
  },
};

/** Open from its button: focus is on the first item; a checkbox item shows its check mark. */
export const Open: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.click(canvas.getByRole('button', { name: 'Actions for Bob Martin' }));
    await expect(canvas.getByRole('menuitem', { name: 'Pin' })).toHaveFocus();
    await expect(canvas.getByRole('menuitemcheckbox', { name: 'Star' })).toHaveAttribute(
      'aria-checked',
      'true',
    );
  },
};

/** A submenu opens beside its item with the arrow key, on the inline-end side. */
export const WithSubmenu: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.click(canvas.getByRole('button', { name: 'Actions for Bob Martin' }));
    await userEvent.keyboard('{ArrowDown}{ArrowDown}{ArrowDown}{ArrowRight}');
    await expect(canvas.getByRole('menuitemradio', { name: 'Notify me' })).toHaveFocus();
  },
};

/** A context menu: right-click the area to open it at the pointer. */
export const ContextMenu: Story = {
  render: function Render() {
    const [point, setPoint] = useState<{ x: number; y: number } | null>(null);
    return (
      <>
        <div
          role="application"
          aria-label="Right-click area"
          onContextMenu={(event) => {
            event.preventDefault();
            setPoint({ x: event.clientX, y: event.clientY });
          }}
          style={{
            display: 'grid',
            placeItems: 'center',
            blockSize: 240,
            border: '1px dashed var(--tidings-color-border-strong)',
            borderRadius: 12,
            color: 'var(--tidings-color-text-muted)',
          }}
        >
          Right-click here
        </div>
        <Menu open={point !== null} anchor={point} onOpenChange={(open) => !open && setPoint(null)}>
          <MenuContent aria-label="Message actions">
            <MenuItem>Copy</MenuItem>
            <MenuItem>Reply</MenuItem>
            <MenuSeparator />
            <MenuItem variant="danger">Delete</MenuItem>
          </MenuContent>
        </Menu>
      </>
    );
  },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.pointer({ keys: '[MouseRight]', target: canvas.getByRole('application') });
    await expect(canvas.getByRole('menu', { name: 'Message actions' })).toBeInTheDocument();
  },
};

export const Dark: Story = {
  globals: { theme: 'dark' },
  play: Open.play,
};

/** Right to left: the menu aligns to the button's right edge and the submenu opens to the left (←). */
export const RightToLeft: Story = {
  globals: { direction: 'rtl' },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.click(canvas.getByRole('button', { name: 'Actions for Bob Martin' }));
    await userEvent.keyboard('{ArrowDown}{ArrowDown}{ArrowDown}{ArrowLeft}');
    await expect(canvas.getByRole('menuitemradio', { name: 'Notify me' })).toHaveFocus();
  },
};
