export { ChatProvider, type ChatProviderProps } from './chat-provider';
export type { ChatContextValue } from './chat-provider-context';
export {
  type ChatConfig,
  useChatConfig,
  useChatStrings,
  useInboxConfig,
  useInboxStrings,
} from './use-chat-config';
export { useChatEngine, useChatStore, useChatStoreApi } from './use-chat-store';
export { useDayChange } from './use-day-change';
