import type { TidingsInboxStrings, TidingsStrings } from '@tidings/core';
import { en, enInbox } from '@tidings/core/locales/en';
import { useContext, useMemo } from 'react';
import { ChatContext } from './chat-provider-context';

/** Display settings of the nearest `<ChatProvider>`. */
export interface ChatConfig<Strings = TidingsStrings> {
  /** The UI's string table. */
  strings: Strings;
  /** BCP 47 tag for dates, times and numbers. */
  locale: string;
  /** The clock relative times are computed against. */
  now: () => number;
}

/** The provider's settings, with `english` as the strings when the app gave none. */
function useConfig<Strings>(english: Strings): ChatConfig<TidingsStrings | Strings> {
  const context = useContext(ChatContext);
  return useMemo(
    () => ({
      strings: context?.strings ?? english,
      locale: context?.locale ?? 'en',
      now: context?.now ?? Date.now,
    }),
    [context, english],
  );
}

/**
 * The strings, locale and clock of the nearest `<ChatProvider>`. Presentational parts (badges, avatars)
 * also work without a provider: they then get English and the system clock.
 *
 * @example
 * const { strings, locale, now } = useChatConfig();
 * formatConversationTime(timestamp, now(), locale);
 */
export function useChatConfig(): ChatConfig {
  return useConfig(en);
}

/**
 * {@link useChatConfig} for inbox parts (lists, filters, badges, conversation actions): without strings
 * from the app they get `enInbox`, so an app that shows only the inbox does not ship the chat view's
 * strings.
 *
 * @example
 * const { strings, locale, now } = useInboxConfig();
 * describeConversation(conversation, { strings, locale, now: now() });
 */
export function useInboxConfig(): ChatConfig<TidingsInboxStrings> {
  return useConfig(enInbox);
}

/**
 * The UI's string table from the nearest `<ChatProvider>` (English without one).
 *
 * @example
 * const strings = useChatStrings();
 * <span aria-label={strings.unreadMessages(3)} />
 */
export function useChatStrings(): TidingsStrings {
  return useContext(ChatContext)?.strings ?? en;
}

/**
 * The inbox's strings from the nearest `<ChatProvider>` (`enInbox` without any): {@link useChatStrings}
 * for inbox parts, which then ship without the chat view's strings.
 *
 * @example
 * const strings = useInboxStrings();
 * <span aria-label={strings.unreadMessages(3)} />
 */
export function useInboxStrings(): TidingsInboxStrings {
  return useContext(ChatContext)?.strings ?? enInbox;
}
