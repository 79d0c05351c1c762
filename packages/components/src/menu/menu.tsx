import { clsx } from 'clsx';
import {
  type ComponentPropsWithoutRef,
  createContext,
  type ForwardedRef,
  forwardRef,
  type KeyboardEvent,
  type MouseEvent,
  type ReactNode,
  type Ref,
  useContext,
  useEffect,
  useState,
} from 'react';
import { createPortal } from 'react-dom';
import {
  isInlineEndKey,
  type MenuState,
  type UseMenuOptions,
  useMenu,
  useMenuContent,
  useSubMenu,
} from './use-menu';

const MenuContext = createContext<MenuState | null>(null);
/** Where submenus render: a layer beside the root menu, so no menu nests inside another in the DOM. */
const MenuLayerContext = createContext<HTMLElement | null>(null);
const RadioContext = createContext<{ value: string; onValueChange?: (value: string) => void } | null>(null);

function useMenuContext(caller: string): MenuState {
  const menu = useContext(MenuContext);
  if (!menu) throw new Error(`\`${caller}\` must be used within \`<Menu>\``);
  return menu;
}

/** Sets several refs to one element. */
function setRefs<T>(element: T, ...refs: (Ref<T> | undefined)[]): void {
  for (const ref of refs) {
    if (typeof ref === 'function') ref(element);
    else if (ref) (ref as { current: T }).current = element;
  }
}

/** Props of {@link Menu}. */
export interface MenuProps extends UseMenuOptions {
  /** A {@link MenuTrigger} (optional for context menus) and a {@link MenuContent}. */
  children?: ReactNode;
}

/**
 * A small accessible menu (WAI-ARIA menu button and context menu): `role="menu"` with `menuitem`,
 * `menuitemcheckbox` and `menuitemradio` items, submenus, typeahead, arrow keys, Home/End, Escape, focus
 * return, and placement next to its anchor that flips at the viewport's edges and follows `dir="rtl"`.
 * Menus open in the top layer (Popover API), so a scrolling list or a transformed row never clips them.
 * It renders no element of its own.
 *
 * @example
 * <Menu>
 *   <MenuTrigger aria-label="More actions"><MoreIcon /></MenuTrigger>
 *   <MenuContent>
 *     <MenuItem onSelect={pin}>Pin</MenuItem>
 *     <MenuItem variant="danger" onSelect={remove}>Delete</MenuItem>
 *   </MenuContent>
 * </Menu>
 *
 * @example
 * // A context menu: controlled, opened at the pointer.
 * <Menu open={!!point} anchor={point} onOpenChange={(open) => !open && setPoint(null)}>
 *   <MenuContent aria-label="Message actions">…</MenuContent>
 * </Menu>
 */
export function Menu({ children, ...options }: MenuProps) {
  const menu = useMenu(options);
  return <MenuContext.Provider value={menu}>{children}</MenuContext.Provider>;
}

/** Props of {@link MenuTrigger}. */
export interface MenuTriggerProps extends ComponentPropsWithoutRef<'button'> {}

/**
 * The button that opens its {@link Menu}: click, Enter or Space open it at the first item, ArrowDown at the
 * first, ArrowUp at the last; focus comes back to it when the menu closes.
 *
 * DOM: `button.tidings-menu-trigger` with `aria-haspopup="menu"`, `aria-expanded` and, while open,
 * `aria-controls`.
 */
export const MenuTrigger = forwardRef(function MenuTrigger(
  { className, onClick, onKeyDown, type = 'button', ...rest }: MenuTriggerProps,
  ref: ForwardedRef<HTMLButtonElement>,
) {
  const menu = useMenuContext('MenuTrigger');
  return (
    <button
      ref={(element) => setRefs(element, ref, menu.triggerRef)}
      type={type}
      id={menu.triggerID}
      className={clsx('tidings-menu-trigger', className)}
      aria-haspopup="menu"
      aria-expanded={menu.isOpen}
      aria-controls={menu.isOpen ? menu.contentID : undefined}
      onClick={(event) => {
        onClick?.(event);
        if (event.defaultPrevented) return;
        if (menu.isOpen) menu.close(false);
        // A keyboard click (detail 0) or a pointer one: both land on the first item, as APG advises.
        else menu.open('first');
      }}
      onKeyDown={(event) => {
        onKeyDown?.(event);
        if (event.defaultPrevented) return;
        if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
          event.preventDefault();
          menu.open(event.key === 'ArrowDown' ? 'first' : 'last');
        }
      }}
      {...rest}
    />
  );
});

/** Props of {@link MenuContent} and {@link MenuSubContent}. */
export interface MenuContentProps extends Omit<ComponentPropsWithoutRef<'div'>, 'role'> {
  /** The menu's accessible name; required when there is no {@link MenuTrigger} to name it. */
  'aria-label'?: string;
}

function MenuPopup({
  menu,
  className,
  children,
  forwardedRef,
  onKeyDown,
  ...rest
}: MenuContentProps & { menu: MenuState; forwardedRef: ForwardedRef<HTMLDivElement> }) {
  const { ref, onKeyDown: onMenuKeyDown, ...contentProps } = useMenuContent(menu, rest['aria-label']);
  return (
    <div
      {...contentProps}
      {...rest}
      ref={(element) => setRefs(element, ref, forwardedRef)}
      className={clsx('tidings-menu', className)}
      data-submenu={menu.parent ? '' : undefined}
      onKeyDown={(event) => {
        onKeyDown?.(event);
        if (!event.defaultPrevented) onMenuKeyDown(event);
      }}
    >
      <MenuContext.Provider value={menu}>{children}</MenuContext.Provider>
    </div>
  );
}

/**
 * The `role="menu"` popup of a {@link Menu}; it renders only while the menu is open.
 *
 * DOM: `div.tidings-menu-tree` (`display: contents`) > `div.tidings-menu[role="menu"][popover]` and
 * `div.tidings-menu-layer`, where submenus render.
 *
 * Data attributes: `data-submenu` on a submenu's `div.tidings-menu`.
 *
 * CSS variables: `--tidings-menu-min-width`, `--tidings-menu-max-height`.
 */
export const MenuContent = forwardRef(function MenuContent(
  props: MenuContentProps,
  ref: ForwardedRef<HTMLDivElement>,
) {
  const menu = useMenuContext('MenuContent');
  const [layer, setLayer] = useState<HTMLElement | null>(null);
  if (!menu.isOpen) return null;
  return (
    <div
      ref={(element) => {
        menu.treeRef.current = element;
      }}
      className="tidings-menu-tree"
    >
      <MenuLayerContext.Provider value={layer}>
        <MenuPopup {...props} menu={menu} forwardedRef={ref} />
      </MenuLayerContext.Provider>
      <div ref={setLayer} className="tidings-menu-layer" />
    </div>
  );
});

/** Props of {@link MenuItem}. */
export interface MenuItemProps extends Omit<ComponentPropsWithoutRef<'div'>, 'onSelect' | 'role'> {
  /**
   * Called when the item is chosen (click, Enter, Space). Call `event.preventDefault()` to keep the menu open.
   */
  onSelect?: (event: MouseEvent<HTMLDivElement>) => void;
  /**
   * Greys the item out; it stays focusable, as WAI-ARIA advises, but does nothing.
   * @default false
   */
  disabled?: boolean;
  /**
   * `danger` draws a destructive action (delete) in the danger colour.
   * @default 'default'
   */
  variant?: 'default' | 'danger';
  /** An icon before the label. */
  icon?: ReactNode;
}

interface ItemBaseProps extends MenuItemProps {
  role: 'menuitem' | 'menuitemcheckbox' | 'menuitemradio';
  end?: ReactNode;
  closeOnSelect?: boolean;
}

const ItemBase = forwardRef(function ItemBase(
  {
    role,
    onSelect,
    disabled = false,
    variant = 'default',
    icon,
    end,
    closeOnSelect = true,
    className,
    children,
    onClick,
    onPointerMove,
    ...rest
  }: ItemBaseProps,
  ref: ForwardedRef<HTMLDivElement>,
) {
  const menu = useMenuContext('MenuItem');
  return (
    <div
      ref={ref}
      role={role}
      tabIndex={-1}
      aria-disabled={disabled || undefined}
      className={clsx('tidings-menu-item', className)}
      data-variant={variant === 'danger' ? 'danger' : undefined}
      data-disabled={disabled ? '' : undefined}
      onClick={(event) => {
        onClick?.(event);
        if (disabled || event.defaultPrevented) return;
        onSelect?.(event);
        if (!event.defaultPrevented && closeOnSelect) menu.closeAll(true);
      }}
      onPointerMove={(event) => {
        onPointerMove?.(event);
        if (event.pointerType !== 'touch' && document.activeElement !== event.currentTarget)
          event.currentTarget.focus({ preventScroll: true });
      }}
      {...rest}
    >
      {icon && (
        <span className="tidings-menu-item-icon" aria-hidden="true">
          {icon}
        </span>
      )}
      <span className="tidings-menu-item-label">{children}</span>
      {end}
    </div>
  );
});

/**
 * A `role="menuitem"`: an action.
 *
 * DOM: `div.tidings-menu-item` > `span.tidings-menu-item-icon`?, `span.tidings-menu-item-label`.
 *
 * Data attributes: `data-variant="danger"`, `data-disabled`.
 */
export const MenuItem = forwardRef(function MenuItem(
  props: MenuItemProps,
  ref: ForwardedRef<HTMLDivElement>,
) {
  return <ItemBase {...props} ref={ref} role="menuitem" />;
});

/** A 16 px glyph of one path (the menu does not pull in the whole icon set). */
function Glyph({ d, directional }: { d: string; directional?: boolean }) {
  return (
    <svg
      className="tidings-icon"
      data-directional={directional ? '' : undefined}
      viewBox="0 0 24 24"
      width={16}
      height={16}
      fill="none"
      stroke="currentColor"
      strokeWidth={1.75}
      strokeLinecap="round"
      strokeLinejoin="round"
      focusable="false"
    >
      <path d={d} />
    </svg>
  );
}

const indicator = (checked: boolean) => (
  <span className="tidings-menu-item-indicator" aria-hidden="true">
    {checked && <Glyph d="m5 12.5 4.5 4.5L19 7.5" />}
  </span>
);

/** Props of {@link MenuItemCheckbox}. */
export interface MenuItemCheckboxProps extends MenuItemProps {
  /** Whether the option is on. */
  checked: boolean;
  /** Called with the new value when the item is chosen. */
  onCheckedChange?: (checked: boolean) => void;
}

/**
 * A `role="menuitemcheckbox"`: an option that is on or off (`aria-checked`), with a check mark at the end.
 *
 * DOM and data attributes: those of {@link MenuItem}, plus `span.tidings-menu-item-indicator`.
 */
export const MenuItemCheckbox = forwardRef(function MenuItemCheckbox(
  { checked, onCheckedChange, onSelect, ...rest }: MenuItemCheckboxProps,
  ref: ForwardedRef<HTMLDivElement>,
) {
  return (
    <ItemBase
      {...rest}
      ref={ref}
      role="menuitemcheckbox"
      aria-checked={checked}
      end={indicator(checked)}
      onSelect={(event) => {
        onSelect?.(event);
        if (!event.defaultPrevented) onCheckedChange?.(!checked);
      }}
    />
  );
});

/** Props of {@link MenuRadioGroup}. */
export interface MenuRadioGroupProps extends Omit<ComponentPropsWithoutRef<'div'>, 'role'> {
  /** The chosen value. */
  value: string;
  /** Called with the value of the chosen item. */
  onValueChange?: (value: string) => void;
  /** The group's accessible name. */
  'aria-label'?: string;
}

/** A `role="group"` of {@link MenuItemRadio} items, of which one is chosen. */
export const MenuRadioGroup = forwardRef(function MenuRadioGroup(
  { value, onValueChange, className, ...rest }: MenuRadioGroupProps,
  ref: ForwardedRef<HTMLDivElement>,
) {
  return (
    <RadioContext.Provider value={{ value, ...(onValueChange && { onValueChange }) }}>
      <div ref={ref} role="group" className={clsx('tidings-menu-group', className)} {...rest} />
    </RadioContext.Provider>
  );
});

/** Props of {@link MenuItemRadio}. */
export interface MenuItemRadioProps extends MenuItemProps {
  /** The value this item stands for in its {@link MenuRadioGroup}. */
  value: string;
}

/**
 * A `role="menuitemradio"` in a {@link MenuRadioGroup}: `aria-checked` when its value is the group's.
 *
 * DOM and data attributes: those of {@link MenuItemCheckbox}.
 */
export const MenuItemRadio = forwardRef(function MenuItemRadio(
  { value, onSelect, ...rest }: MenuItemRadioProps,
  ref: ForwardedRef<HTMLDivElement>,
) {
  const group = useContext(RadioContext);
  if (!group) throw new Error('`MenuItemRadio` must be used within `<MenuRadioGroup>`');
  const checked = group.value === value;
  return (
    <ItemBase
      {...rest}
      ref={ref}
      role="menuitemradio"
      aria-checked={checked}
      end={indicator(checked)}
      onSelect={(event) => {
        onSelect?.(event);
        if (!event.defaultPrevented) group.onValueChange?.(value);
      }}
    />
  );
});

/** A line between groups of items (`role="separator"`, `div.tidings-menu-separator`). */
export const MenuSeparator = forwardRef(function MenuSeparator(
  { className, ...rest }: ComponentPropsWithoutRef<'div'>,
  ref: ForwardedRef<HTMLDivElement>,
) {
  return <div ref={ref} role="separator" className={clsx('tidings-menu-separator', className)} {...rest} />;
});

/** Props of {@link MenuSub}. */
export interface MenuSubProps {
  /** A {@link MenuSubTrigger} and a {@link MenuSubContent}. */
  children?: ReactNode;
}

/** A submenu: an item that opens a menu beside it. Closes with its parent. */
export function MenuSub({ children }: MenuSubProps) {
  const parent = useMenuContext('MenuSub');
  const sub = useSubMenu(parent);
  // Pointing at another item of the parent menu closes this submenu.
  const { isOpen, close, triggerRef } = sub;
  useEffect(() => {
    const parentMenu = parent.contentRef.current;
    if (!isOpen || !parentMenu) return;
    const onPointerMove = (event: PointerEvent) => {
      const item = event.target instanceof Element ? event.target.closest('[role^="menuitem"]') : null;
      if (item && item !== triggerRef.current && item.closest('[role="menu"]') === parentMenu) close(false);
    };
    parentMenu.addEventListener('pointermove', onPointerMove);
    return () => parentMenu.removeEventListener('pointermove', onPointerMove);
  }, [isOpen, close, triggerRef, parent.contentRef]);
  return <MenuContext.Provider value={sub}>{children}</MenuContext.Provider>;
}

/** Props of {@link MenuSubTrigger}. */
export interface MenuSubTriggerProps extends Omit<MenuItemProps, 'onSelect'> {}

/**
 * The item that opens a {@link MenuSub}: pointing at it, a click, Enter, Space or the inline-end arrow key
 * (→, or ← in right-to-left) open the submenu; a chevron at the end points where it opens.
 *
 * DOM: `div.tidings-menu-item[role="menuitem"][aria-haspopup="menu"]` with `aria-expanded`.
 */
export const MenuSubTrigger = forwardRef(function MenuSubTrigger(
  { onKeyDown, onPointerEnter, ...rest }: MenuSubTriggerProps,
  ref: ForwardedRef<HTMLDivElement>,
) {
  const sub = useMenuContext('MenuSubTrigger');
  const parent = sub.parent;
  if (!parent) throw new Error('`MenuSubTrigger` must be used within `<MenuSub>`');
  const openFromKey = (event: KeyboardEvent<HTMLDivElement>) => {
    onKeyDown?.(event);
    if (event.defaultPrevented || rest.disabled) return;
    if (event.key === 'Enter' || event.key === ' ' || isInlineEndKey(event.key, event.currentTarget)) {
      event.preventDefault();
      event.stopPropagation();
      sub.open('first');
    }
  };
  return (
    <ItemBase
      {...rest}
      ref={(element) => setRefs(element, ref, sub.triggerRef)}
      role="menuitem"
      id={sub.triggerID}
      aria-haspopup="menu"
      aria-expanded={sub.isOpen}
      aria-controls={sub.isOpen ? sub.contentID : undefined}
      closeOnSelect={false}
      onSelect={() => sub.open('first')}
      onKeyDown={openFromKey}
      onPointerEnter={(event) => {
        onPointerEnter?.(event);
        if (event.pointerType !== 'touch' && !rest.disabled && !sub.isOpen) sub.open('none');
      }}
      end={
        <span className="tidings-menu-item-indicator" aria-hidden="true">
          <Glyph d="m9.5 6 6 6-6 6" directional />
        </span>
      }
    />
  );
});

/** The `role="menu"` of a {@link MenuSub}, rendered beside its item while open. */
export const MenuSubContent = forwardRef(function MenuSubContent(
  props: MenuContentProps,
  ref: ForwardedRef<HTMLDivElement>,
) {
  const sub = useMenuContext('MenuSubContent');
  const layer = useContext(MenuLayerContext);
  if (!sub.isOpen || !layer) return null;
  return createPortal(<MenuPopup {...props} menu={sub} forwardedRef={ref} />, layer);
});
