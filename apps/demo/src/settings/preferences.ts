import type { TidingsStrings } from '@tidings/core';
import { en } from '@tidings/core/locales/en';
import { zhCN } from '@tidings/core/locales/zh-cn';
import { type DemoStrings, demoEn, demoZhCN } from '../demo-strings/demo-strings';
import { createSettingsStore, oneOf, useSettings } from './settings-store';

/** The themes of the kit's tokens. */
export const THEMES = ['light', 'dark', 'system'] as const;
/** The languages the kit ships strings for. */
export const LOCALES = ['en', 'zh-CN'] as const;
/** Text directions. */
export const DIRECTIONS = ['ltr', 'rtl'] as const;

/** How the app looks and reads; shared by the site's tabs, like any app's settings. */
export interface Preferences {
  theme: (typeof THEMES)[number];
  locale: (typeof LOCALES)[number];
  direction: (typeof DIRECTIONS)[number];
}

function defaultLocale(): Preferences['locale'] {
  const language = globalThis.navigator?.language ?? 'en';
  return language.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en';
}

/** The preferences store (`localStorage`, key `tidings-demo:preferences`). */
export const preferencesStore = createSettingsStore<Preferences>(
  'tidings-demo:preferences',
  { theme: 'system', locale: defaultLocale(), direction: 'ltr' },
  (stored) => ({
    theme: oneOf(stored.theme, THEMES),
    locale: oneOf(stored.locale, LOCALES),
    direction: oneOf(stored.direction, DIRECTIONS),
  }),
);

/** The current preferences, live. */
export function usePreferences(): Preferences {
  return useSettings(preferencesStore);
}

/** Every table of words for a locale: the kit's and the app's. */
export interface LocaleStrings {
  kit: TidingsStrings;
  demo: DemoStrings;
}

const STRINGS: Record<Preferences['locale'], LocaleStrings> = {
  en: { kit: en, demo: demoEn },
  'zh-CN': { kit: zhCN, demo: demoZhCN },
};

/** The string tables of the chosen language. */
export function useLocaleStrings(): LocaleStrings {
  return STRINGS[usePreferences().locale];
}

/** The app's own strings in the chosen language. */
export function useDemoStrings(): DemoStrings {
  return useLocaleStrings().demo;
}

/**
 * Puts the preferences on the document: the kit's `data-tidings-theme`, `lang` and `dir`, and the
 * browser UI colour. index.html does the same before the first paint, so a dark theme never flashes white.
 */
export function applyPreferences(preferences: Preferences): void {
  const root = document.documentElement;
  root.dataset.tidingsTheme = preferences.theme;
  root.lang = preferences.locale;
  root.dir = preferences.direction;
}
