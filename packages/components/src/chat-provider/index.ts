export { ChatProvider, type ChatProviderProps } from './chat-provider';
export { ChatRenderBoundary, type ChatRenderBoundaryProps } from './chat-provider-boundary';
export type { ChatContextValue, ChatRenderErrorInfo } from './chat-provider-context';
export {
  type ChatConfig,
  useChatConfig,
  useChatStrings,
  useInboxConfig,
  useInboxStrings,
} from './use-chat-config';
export { useChatStore, useChatStoreApi } from './use-chat-store';
export { useDayChange } from './use-day-change';
export { useProviderUrlPolicy, useSafeUrl, useUrlPolicy } from './use-safe-url';
