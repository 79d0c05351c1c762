/**
 * Forward dialog: picks the conversations to forward messages to, one by one or merged. Main files:
 * `forward-dialog.tsx`, `use-forward-dialog.ts`. May import `@tidings/core`, React, `@tanstack/react-virtual`
 * and sibling folders through their index.
 */
export { ForwardDialog, type ForwardDialogProps } from './forward-dialog';
export {
  FORWARD_ROW_HEIGHT,
  type ForwardMode,
  type ForwardResult,
  mergeOf,
  type UseForwardDialogOptions,
  type UseForwardDialogReturn,
  useForwardDialog,
} from './use-forward-dialog';
