/**
 * Chat provider: `<ChatProvider>` puts one store, its strings, locale, clock and URL policy in context for
 * every other component. Main files: `chat-provider.tsx`, `chat-provider-context.ts` (the context and
 * `useChatContext`, shared with siblings but not public), `use-chat-store.ts`, `use-chat-config.ts`,
 * `chat-provider-boundary.tsx`. May import `@tidings/core` and React only: every other folder imports this
 * one.
 */
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
