import { clsx } from 'clsx';
import {
  type ComponentPropsWithoutRef,
  createContext,
  type ForwardedRef,
  forwardRef,
  type MouseEvent,
  type ReactNode,
  type Ref,
  useCallback,
  useContext,
} from 'react';
import { type MenuState, type UseMenuOptions, useMenu, useMenuContent } from './use-menu';

const MenuContext = createContext<MenuState | null>(null);
const RadioContext = createContext<{ value: string; onValueChange?: ((value: string) => void) | undefined }>({
  value: '',
});

function useMenuContext(caller: string): MenuState {
  const menu = useContext(MenuContext);
  if (!menu) throw new Error(`\`${caller}\` must be used within \`<Menu>\``);
  return menu;
}

/**
 * One stable ref callback setting two refs: an inline one would be detached and attached again on every
 * render, leaving the menu's refs empty while a submenu's focus moves in the same commit.
 */
function useRefs<T>(first: Ref<T> | undefined, second: Ref<T> | undefined): (element: T | null) => void {
  return useCallback(
    (element: T | null) => {
      for (const ref of [first, second]) {
        if (typeof ref === 'function') ref(element);
        else if (ref) (ref as { current: T | null }).current = element;
      }
    },
    [first, second],
  );
}

/** Props of {@link Menu}. */
export interface MenuProps extends UseMenuOptions {
  /** A {@link MenuTrigger} (optional for context menus) and a {@link MenuContent}. */
  children?: ReactNode | undefined;
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
  return <MenuContext.Provider value={useMenu(options)}>{children}</MenuContext.Provider>;
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
export const MenuTrigger = /* @__PURE__ */ forwardRef(function MenuTrigger(
  { className, onClick, onKeyDown, ...rest }: MenuTriggerProps,
  ref: ForwardedRef<HTMLButtonElement>,
) {
  const menu = useMenuContext('MenuTrigger');
  return (
    <button
      ref={useRefs(ref, menu.triggerRef as Ref<HTMLButtonElement>)}
      type="button"
      id={menu.triggerID}
      className={clsx('tidings-menu-trigger', className)}
      aria-haspopup="menu"
      aria-expanded={menu.isOpen}
      aria-controls={menu.isOpen ? menu.contentID : undefined}
      onClick={(event) => {
        onClick?.(event);
        // A keyboard click (detail 0) or a pointer one: both land on the first item, as APG advises.
        if (!event.defaultPrevented) menu.isOpen ? menu.close(false) : menu.open();
      }}
      onKeyDown={(event) => {
        onKeyDown?.(event);
        if (event.defaultPrevented || (event.key !== 'ArrowDown' && event.key !== 'ArrowUp')) return;
        event.preventDefault();
        menu.open(event.key === 'ArrowUp' ? 'last' : 'first');
      }}
      {...rest}
    />
  );
});

/** Props of {@link MenuContent} and {@link MenuSubContent}. */
export interface MenuContentProps extends Omit<ComponentPropsWithoutRef<'div'>, 'role'> {
  /** The menu's accessible name; required when there is no {@link MenuTrigger} to name it. */
  'aria-label'?: string | undefined;
}

function MenuPopup({
  menu,
  className,
  children,
  forwardedRef,
  ...rest
}: MenuContentProps & { menu: MenuState; forwardedRef: ForwardedRef<HTMLDivElement> }) {
  const { ref, ...props } = useMenuContent(menu, rest['aria-label']);
  return (
    <div
      {...rest}
      {...props}
      ref={useRefs(ref, forwardedRef)}
      className={clsx('tidings-menu', className)}
      data-submenu={menu.parent ? '' : undefined}
    >
      <MenuContext.Provider value={menu}>{children}</MenuContext.Provider>
    </div>
  );
}

/**
 * The `role="menu"` popup of a {@link Menu}; it renders only while the menu is open.
 *
 * DOM: `div.tidings-menu[role="menu"][popover]`; an open submenu's `div.tidings-menu` sits inside it,
 * after its item.
 *
 * Data attributes: `data-submenu` on a submenu's `div.tidings-menu`.
 *
 * CSS variables: `--tidings-menu-min-width`, `--tidings-menu-max-height`.
 */
export const MenuContent = /* @__PURE__ */ forwardRef(function MenuContent(
  props: MenuContentProps,
  ref: ForwardedRef<HTMLDivElement>,
) {
  const menu = useMenuContext('MenuContent');
  return menu.isOpen ? <MenuPopup {...props} menu={menu} forwardedRef={ref} /> : null;
});

/** Props of {@link MenuItem}. */
export interface MenuItemProps extends Omit<ComponentPropsWithoutRef<'div'>, 'onSelect' | 'role'> {
  /**
   * Called when the item is chosen (click, Enter, Space). Call `event.preventDefault()` to keep the menu open.
   */
  onSelect?: ((event: MouseEvent<HTMLDivElement>) => void) | undefined;
  /**
   * Greys the item out; it stays focusable, as WAI-ARIA advises, but does nothing.
   * @default false
   */
  disabled?: boolean | undefined;
  /**
   * `danger` draws a destructive action (delete) in the danger colour.
   * @default 'default'
   */
  variant?: 'default' | 'danger' | undefined;
  /** An icon before the label. */
  icon?: ReactNode | undefined;
}

/** An item of any role; checkbox, radio and submenu items draw an indicator at the end (CSS). */
const Item = forwardRef(function Item(
  {
    onSelect,
    disabled,
    variant,
    icon,
    className,
    children,
    onClick,
    onPointerMove,
    ...rest
  }: MenuItemProps & { role: string },
  ref: ForwardedRef<HTMLDivElement>,
) {
  const menu = useMenuContext('MenuItem');
  return (
    <div
      ref={ref}
      tabIndex={-1}
      aria-disabled={disabled || undefined}
      className={clsx('tidings-menu-item', className)}
      data-variant={variant === 'danger' ? variant : undefined}
      data-disabled={disabled ? '' : undefined}
      onClick={(event) => {
        onClick?.(event);
        if (disabled || event.defaultPrevented) return;
        onSelect?.(event);
        // A submenu's item opens its submenu instead of closing the menu.
        if (!event.defaultPrevented && !rest['aria-haspopup']) menu.closeAll();
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
      {rest.role !== 'menuitem' || rest['aria-haspopup'] ? (
        <span className="tidings-menu-item-indicator" aria-hidden="true" />
      ) : null}
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
export const MenuItem = /* @__PURE__ */ forwardRef(function MenuItem(
  props: MenuItemProps,
  ref: ForwardedRef<HTMLDivElement>,
) {
  return <Item {...props} ref={ref} role="menuitem" />;
});

/** Props of {@link MenuItemCheckbox}. */
export interface MenuItemCheckboxProps extends MenuItemProps {
  /** Whether the option is on. */
  checked: boolean;
  /** Called with the new value when the item is chosen. */
  onCheckedChange?: ((checked: boolean) => void) | undefined;
}

/**
 * A `role="menuitemcheckbox"`: an option that is on or off (`aria-checked`), with a check mark at the end.
 *
 * DOM and data attributes: those of {@link MenuItem}, plus `span.tidings-menu-item-indicator` (the check
 * mark, drawn while `aria-checked="true"`).
 */
export const MenuItemCheckbox = /* @__PURE__ */ forwardRef(function MenuItemCheckbox(
  { checked, onCheckedChange, onSelect, ...rest }: MenuItemCheckboxProps,
  ref: ForwardedRef<HTMLDivElement>,
) {
  return (
    <Item
      {...rest}
      ref={ref}
      role="menuitemcheckbox"
      aria-checked={checked}
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
  onValueChange?: ((value: string) => void) | undefined;
  /** The group's accessible name. */
  'aria-label'?: string | undefined;
}

/** A `role="group"` (`div.tidings-menu-group`) of {@link MenuItemRadio} items, of which one is chosen. */
export const MenuRadioGroup = /* @__PURE__ */ forwardRef(function MenuRadioGroup(
  { value, onValueChange, className, ...rest }: MenuRadioGroupProps,
  ref: ForwardedRef<HTMLDivElement>,
) {
  return (
    <RadioContext.Provider value={{ value, onValueChange }}>
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
export const MenuItemRadio = /* @__PURE__ */ forwardRef(function MenuItemRadio(
  { value, onSelect, ...rest }: MenuItemRadioProps,
  ref: ForwardedRef<HTMLDivElement>,
) {
  const group = useContext(RadioContext);
  return (
    <Item
      {...rest}
      ref={ref}
      role="menuitemradio"
      aria-checked={group.value === value}
      onSelect={(event) => {
        onSelect?.(event);
        if (!event.defaultPrevented) group.onValueChange?.(value);
      }}
    />
  );
});

/** A line between groups of items (`role="separator"`, `div.tidings-menu-separator`). */
export const MenuSeparator = /* @__PURE__ */ forwardRef(function MenuSeparator(
  { className, ...rest }: ComponentPropsWithoutRef<'div'>,
  ref: ForwardedRef<HTMLDivElement>,
) {
  return <div ref={ref} role="separator" className={clsx('tidings-menu-separator', className)} {...rest} />;
});

/** Props of {@link MenuSub}. */
export interface MenuSubProps {
  /** A {@link MenuSubTrigger} and a {@link MenuSubContent}. */
  children?: ReactNode | undefined;
}

/**
 * A submenu: an item that opens a menu beside it. One submenu of a menu is open at a time; it closes with
 * its parent, and when focus or the pointer moves to another item of its parent.
 */
export function MenuSub({ children }: MenuSubProps) {
  return (
    <MenuContext.Provider value={useMenu({}, useMenuContext('MenuSub'))}>{children}</MenuContext.Provider>
  );
}

/** Props of {@link MenuSubTrigger}. */
export interface MenuSubTriggerProps extends Omit<MenuItemProps, 'onSelect'> {}

/**
 * The item that opens a {@link MenuSub}: pointing at it, a click, Enter, Space or the inline-end arrow key
 * (→, or ← in right-to-left) open the submenu; a chevron at the end points where it opens.
 *
 * DOM: `div.tidings-menu-item[role="menuitem"][aria-haspopup="menu"]` with `aria-expanded`, and
 * `span.tidings-menu-item-indicator` (the chevron).
 */
export const MenuSubTrigger = /* @__PURE__ */ forwardRef(function MenuSubTrigger(
  { onPointerEnter, ...rest }: MenuSubTriggerProps,
  ref: ForwardedRef<HTMLDivElement>,
) {
  const sub = useMenuContext('MenuSubTrigger');
  const setRef = useRefs(ref, sub.triggerRef as Ref<HTMLDivElement>);
  if (!sub.parent) throw new Error('`MenuSubTrigger` must be used within `<MenuSub>`');
  return (
    <Item
      {...rest}
      ref={setRef}
      role="menuitem"
      id={sub.triggerID}
      aria-haspopup="menu"
      aria-expanded={sub.isOpen}
      aria-controls={sub.isOpen ? sub.contentID : undefined}
      onSelect={() => sub.open()}
      onPointerEnter={(event) => {
        onPointerEnter?.(event);
        if (event.pointerType !== 'touch' && !rest.disabled && !sub.isOpen) sub.open('none');
      }}
    />
  );
});

/**
 * The `role="menu"` of a {@link MenuSub}, rendered while open: inside its parent menu's element (which
 * keeps its own keys and items to itself), in the top layer beside its item.
 */
export const MenuSubContent = /* @__PURE__ */ forwardRef(function MenuSubContent(
  props: MenuContentProps,
  ref: ForwardedRef<HTMLDivElement>,
) {
  const sub = useMenuContext('MenuSubContent');
  return sub.isOpen ? <MenuPopup {...props} menu={sub} forwardedRef={ref} /> : null;
});
