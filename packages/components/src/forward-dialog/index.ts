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
