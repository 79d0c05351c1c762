import { en, type TidingsStrings } from '@tidings/core';
import { useContext } from 'react';
import { ChatContext } from './chat-provider-context';

/** Display settings of the nearest `<ChatProvider>`. */
export interface ChatConfig {
  /** The UI's string table. */
  strings: TidingsStrings;
  /** BCP 47 tag for dates, times and numbers. */
  locale: string;
  /** The clock relative times are computed against. */
  now: () => number;
}

const DEFAULT_CONFIG: ChatConfig = { strings: en, locale: en.locale, now: Date.now };

/**
 * The strings, locale and clock of the nearest `<ChatProvider>`. Presentational parts (badges, avatars)
 * also work without a provider: they then get English and the system clock.
 */
export function useChatConfig(): ChatConfig {
  return useContext(ChatContext) ?? DEFAULT_CONFIG;
}

/**
 * The UI's string table from the nearest `<ChatProvider>` (English without one).
 *
 * @example
 * const strings = useChatStrings();
 * <span aria-label={strings.unreadMessages(3)} />
 */
export function useChatStrings(): TidingsStrings {
  return useChatConfig().strings;
}
