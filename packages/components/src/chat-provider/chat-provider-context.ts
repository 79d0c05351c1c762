import type { ChatStore, TidingsStrings, UrlPolicy } from '@tidings/core';
import { createContext, useContext } from 'react';

/** What `<ChatProvider>` gives every component below it: the store and the display settings. */
export interface ChatContextValue {
  /** The chat store the components read and act on. */
  store: ChatStore;
  /**
   * The string table the app gave, if any. Without one each part uses its English table (the inbox's
   * `enInbox`, the chat view's `en`), so an app that shows only the inbox ships only the inbox's strings.
   */
  strings?: TidingsStrings | undefined;
  /** BCP 47 tag for dates, times and numbers. */
  locale: string;
  /** The clock relative times are computed against. */
  now: () => number;
  /** The app's narrowing of the kit's URL policy, if any (see `ChatProviderProps.urlPolicy`). */
  urlPolicy?: UrlPolicy | undefined;
  /** Told when a message, a conversation row or a list failed to render (see `ChatProviderProps.onError`). */
  onError?: ((error: unknown, info: ChatRenderErrorInfo) => void) | undefined;
}

/** Which part of the UI failed to render, for {@link ChatContextValue.onError}. */
export interface ChatRenderErrorInfo {
  /** One message row, one conversation row, or a whole list. */
  part: 'message' | 'conversation' | 'messageList' | 'conversationList';
  /** The row's `msgID` or `conversationID`; the conversation's ID for a message list. */
  id?: string | undefined;
  /** React's component stack of the failure. */
  componentStack?: string | undefined;
}

/** One context for the whole kit: a store change never re-renders through it, only through selectors. */
export const ChatContext = createContext<ChatContextValue | null>(null);
ChatContext.displayName = 'TidingsChatContext';

/** The provider's value; throws a clear error outside `<ChatProvider>`, naming the caller. */
export function useChatContext(caller: string): ChatContextValue {
  const value = useContext(ChatContext);
  if (!value) throw new Error(`\`${caller}\` must be used within \`<ChatProvider>\``);
  return value;
}
