import { preferencesStore, useDemoStrings, usePreferences } from '../settings/preferences';
import { Segmented } from './segmented';

/** Props of {@link PreferencePickers}. */
export interface PreferencePickersProps {
  /** Only language and theme, with hidden labels (for the sign-in screen). @default false */
  compact?: boolean;
}

/** Theme, language and direction: the kit's light/dark/system tokens, `en`/`zhCN` strings and `dir`. */
export function PreferencePickers({ compact = false }: PreferencePickersProps) {
  const t = useDemoStrings();
  const preferences = usePreferences();
  return (
    <>
      <Segmented
        label={t.language}
        labelHidden={compact}
        options={[
          { value: 'en', label: 'English', lang: 'en' },
          { value: 'zh-CN', label: '简体中文', lang: 'zh-CN' },
        ]}
        value={preferences.locale}
        onChange={(locale) => preferencesStore.set({ locale })}
      />
      <Segmented
        label={t.theme}
        labelHidden={compact}
        options={[
          { value: 'light', label: t.themeLight },
          { value: 'dark', label: t.themeDark },
          { value: 'system', label: t.themeSystem },
        ]}
        value={preferences.theme}
        onChange={(theme) => preferencesStore.set({ theme })}
      />
      {!compact && (
        <Segmented
          label={t.direction}
          options={[
            { value: 'ltr', label: t.directionLtr },
            { value: 'rtl', label: t.directionRtl },
          ]}
          value={preferences.direction}
          onChange={(direction) => preferencesStore.set({ direction })}
        />
      )}
    </>
  );
}
