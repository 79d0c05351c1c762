/**
 * Menu: an accessible menu (items, checkboxes, radios, submenus) opened from a button or at the pointer.
 * Main files: `menu.tsx` (parts), `use-menu.ts` (state, focus and positioning). May import `@tidings/core`,
 * React and sibling folders through their index.
 */
export {
  Menu,
  MenuContent,
  type MenuContentProps,
  MenuItem,
  MenuItemCheckbox,
  type MenuItemCheckboxProps,
  type MenuItemProps,
  MenuItemRadio,
  type MenuItemRadioProps,
  type MenuProps,
  MenuRadioGroup,
  type MenuRadioGroupProps,
  MenuSeparator,
  MenuSub,
  MenuSubContent,
  type MenuSubProps,
  MenuSubTrigger,
  type MenuSubTriggerProps,
  MenuTrigger,
  type MenuTriggerProps,
} from './menu';
export {
  type MenuAnchor,
  type MenuFocusTarget,
  type MenuState,
  type UseMenuContentReturn,
  type UseMenuOptions,
  useMenu,
  useMenuContent,
  useSubMenu,
} from './use-menu';
