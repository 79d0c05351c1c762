export { ConfirmDialog, type ConfirmDialogProps, Dialog, type DialogProps } from './dialog';
export { type UseDialogOptions, type UseDialogReturn, useDialog } from './use-dialog';
