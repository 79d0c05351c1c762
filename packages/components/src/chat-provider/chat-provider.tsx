import type { ChatStore, TidingsStrings, UrlPolicy } from '@tidings/core';
import { type ReactNode, useEffect, useMemo } from 'react';
import { ChatContext, type ChatContextValue, type ChatRenderErrorInfo } from './chat-provider-context';

/** Props of {@link ChatProvider}. */
export interface ChatProviderProps {
  /** The chat store, from `createChatStore(engine)`. One store per provider; the app owns its lifetime. */
  store: ChatStore;
  /**
   * The UI's strings: `en` (`@tidings/core/locales/en`), `zhCN` (`@tidings/core/locales/zh-cn`), or a
   * table of your own (`{ ...en, previewDraft: '[Unsent]' }`).
   * @default English (`en`; each part takes its half of it, so an inbox alone ships only `enInbox`)
   */
  strings?: TidingsStrings | undefined;
  /**
   * BCP 47 tag for dates, times and numbers.
   * @default strings.locale, else 'en'
   */
  locale?: string | undefined;
  /**
   * The clock for relative times ("Yesterday"); pass a fixed one for tests and screenshots.
   * @default Date.now
   */
  now?: (() => number) | undefined;
  /**
   * Calls `store.start()` on mount so the store listens to the engine and pulls the first page. It is
   * idempotent; a failed start shows as `syncStatus: 'failed'` in the store.
   * @default true
   */
  autoStart?: boolean | undefined;
  /**
   * Narrows the kit's URL policy; it can never widen it. Every URL the components put into an `href`,
   * `src`, `new Audio()` or a download (message media, file downloads, links in text, map links, avatars)
   * first has to pass the kit's policy — `https:`, `http:`, same-origin `blob:` and same-origin relative
   * URLs only (see `safeUrl` in `@tidings/core`) — and then this function, which gets the resolved URL and
   * what it is for. Return `false` to refuse: a refused link shows as text, refused media as a "blocked"
   * placeholder. Object URLs the kit makes itself from the engine's bytes are not passed to it. Keep it
   * stable (define it outside the component or `useCallback`): a new function re-checks every URL.
   * @default none: the kit's policy alone
   * @example
   * <ChatProvider store={store} urlPolicy={(url, purpose) => purpose === 'link' || url.hostname.endsWith('.mycdn.com')}>
   */
  urlPolicy?: UrlPolicy | undefined;
  /**
   * Told when a message, a conversation row or a whole list failed to render. The failed part shows a
   * fallback ("This message can’t be shown") and the rest keeps working; report the error from here.
   * @default none (React logs the error to the console)
   */
  onError?: ((error: unknown, info: ChatRenderErrorInfo) => void) | undefined;
  /** The part of the app that uses the chat. */
  children?: ReactNode | undefined;
}

/**
 * Makes a chat store and the display settings available to the Tidings components and hooks below it.
 * It renders no element of its own.
 *
 * @example
 * import { ChatProvider, ConversationList } from '@tidings/components';
 * import { createChatStore } from '@tidings/core';
 * import { zhCN } from '@tidings/core/locales/zh-cn';
 * import { createLocalHub } from '@tidings/core/local';
 *
 * const hub = await createLocalHub({ users: ['alice', 'bob'] });
 * // `connect` signs in asynchronously; the store wants the signed-in engine, not the promise.
 * const store = createChatStore(await hub.connect('alice'));
 *
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
  urlPolicy,
  onError,
  children,
}: ChatProviderProps) {
  const resolvedLocale = locale ?? strings?.locale ?? 'en';
  const value = useMemo<ChatContextValue>(
    () => ({ store, strings, locale: resolvedLocale, now, urlPolicy, onError }),
    [store, strings, resolvedLocale, now, urlPolicy, onError],
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
