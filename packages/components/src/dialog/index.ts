/**
 * Dialog: a modal dialog and a confirmation dialog on the native `<dialog>`. Main files: `dialog.tsx`,
 * `use-dialog.ts`. May import `@tidings/core`, React and sibling folders through their index.
 */
export { ConfirmDialog, type ConfirmDialogProps, Dialog, type DialogProps } from './dialog';
export { type UseDialogOptions, type UseDialogReturn, useDialog } from './use-dialog';
