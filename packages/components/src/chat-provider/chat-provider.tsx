import type { ChatStore, TidingsStrings } from '@tidings/core';
import { type ReactNode, useEffect, useMemo } from 'react';
import { ChatContext, type ChatContextValue } from './chat-provider-context';

/** Props of {@link ChatProvider}. */
export interface ChatProviderProps {
  /** The chat store, from `createChatStore(engine)`. One store per provider; the app owns its lifetime. */
  store: ChatStore;
  /**
   * The UI's strings: `en`, `zhCN`, or a table of your own (`{ ...en, previewDraft: '[Unsent]' }`).
   * @default English (`en`; each part takes its half of it, so an inbox alone ships only `enInbox`)
   */
  strings?: TidingsStrings;
  /**
   * BCP 47 tag for dates, times and numbers.
   * @default strings.locale, else 'en'
   */
  locale?: string;
  /**
   * The clock for relative times ("Yesterday"); pass a fixed one for tests and screenshots.
   * @default Date.now
   */
  now?: () => number;
  /**
   * Calls `store.start()` on mount so the store listens to the engine and pulls the first page. It is
   * idempotent; a failed start shows as `syncStatus: 'failed'` in the store.
   * @default true
   */
  autoStart?: boolean;
  /** The part of the app that uses the chat. */
  children?: ReactNode;
}

/**
 * Makes a chat store and the display settings available to the Tidings components and hooks below it.
 * It renders no element of its own.
 *
 * @example
 * const store = createChatStore(hub.connect('alice'));
 * <ChatProvider store={store} strings={zhCN}>
 *   <ConversationList />
 * </ChatProvider>
 */
export function ChatProvider({
  store,
  strings,
  locale,
  now = Date.now,
  autoStart = true,
  children,
}: ChatProviderProps) {
  const resolvedLocale = locale ?? strings?.locale ?? 'en';
  const value = useMemo<ChatContextValue>(
    () => ({ store, strings, locale: resolvedLocale, now }),
    [store, strings, resolvedLocale, now],
  );

  useEffect(() => {
    if (!autoStart) return;
    // The store records a failed start as syncStatus 'failed' (and the UI offers a retry), so the
    // rejection needs no handler of its own here.
    store
      .getState()
      .start()
      .catch(() => {});
  }, [store, autoStart]);

  return <ChatContext.Provider value={value}>{children}</ChatContext.Provider>;
}
