// Helpers the feature folders share and the package does not export: the latest-value hooks and roving focus.
export { useEventCallback, useLatest } from './use-latest';
export {
  type RovingFocus,
  type RovingTargetOptions,
  rovingTarget,
  TAB_STOP,
  useRovingFocus,
} from './use-roving-focus';
