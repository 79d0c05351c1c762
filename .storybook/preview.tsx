import '@tidings/components/styles.css';
import './preview.css';
import type { Decorator, Preview } from '@storybook/react-vite';
import { ChatProvider } from '@tidings/components';
import { en } from '@tidings/core/locales/en';
import { zhCN } from '@tidings/core/locales/zh-cn';
import { useMemo } from 'react';
import { createTestChatStore, STORY_NOW } from '../packages/components/test/chat-store';

const STRINGS = { en, 'zh-CN': zhCN } as const;
const storyNow = () => STORY_NOW;

/**
 * Applies the toolbar globals to a wrapper element: `data-tidings-theme`, `dir` and `lang`, and a
 * `<ChatProvider>` with the locale's strings and a fixed clock, so stories render the same every time.
 * Stories that need data wrap their own `<ChatProvider>` with a store inside it.
 */
const withTidings: Decorator = (Story, context) => {
  const { theme, direction, locale } = context.globals as {
    theme: 'light' | 'dark';
    direction: 'ltr' | 'rtl';
    locale: keyof typeof STRINGS;
  };
  const strings = STRINGS[locale] ?? en;
  const store = useMemo(() => createTestChatStore(), []);
  return (
    <div
      className="tidings-storybook-canvas"
      data-tidings-theme={theme}
      data-view-mode={context.viewMode}
      dir={direction}
      lang={strings.locale}
    >
      <ChatProvider store={store} strings={strings} now={storyNow}>
        <Story />
      </ChatProvider>
    </div>
  );
};

const preview: Preview = {
  decorators: [withTidings],
  tags: ['autodocs'],
  globalTypes: {
    theme: {
      description: 'Tidings theme',
      toolbar: {
        title: 'Theme',
        icon: 'contrast',
        items: [
          { value: 'light', title: 'Light', icon: 'sun' },
          { value: 'dark', title: 'Dark', icon: 'moon' },
        ],
        dynamicTitle: true,
      },
    },
    direction: {
      description: 'Text direction',
      toolbar: {
        title: 'Direction',
        icon: 'transfer',
        items: [
          { value: 'ltr', title: 'Left to right' },
          { value: 'rtl', title: 'Right to left' },
        ],
        dynamicTitle: true,
      },
    },
    locale: {
      description: 'UI language',
      toolbar: {
        title: 'Locale',
        icon: 'globe',
        items: [
          { value: 'en', title: 'English' },
          { value: 'zh-CN', title: '简体中文' },
        ],
        dynamicTitle: true,
      },
    },
  },
  initialGlobals: { theme: 'light', direction: 'ltr', locale: 'en' },
  parameters: {
    layout: 'fullscreen',
    controls: { expanded: true },
    // Every story runs axe in the Vitest addon and fails on any violation.
    a11y: { test: 'error' },
    // Docs pages: the props table from TSDoc, and each story's JSX as a usage snippet (also in a code
    // panel beside the canvas).
    docs: { codePanel: true, source: { type: 'dynamic' } },
  },
};

export default preview;
