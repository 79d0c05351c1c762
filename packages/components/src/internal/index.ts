// Helpers the feature folders share and the package does not export: the latest-value hooks, roving focus
// and the per-ID store subscription.

export { useChatStoreByID } from './use-chat-store-by-id';
export { useEventCallback, useLatest } from './use-latest';
export {
  type RovingFocus,
  type RovingTargetOptions,
  rovingTarget,
  TAB_STOP,
  useRovingFocus,
} from './use-roving-focus';
