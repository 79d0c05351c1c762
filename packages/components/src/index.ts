/**
 * @tidings/components: React components and hooks for Tidings. Wrap the UI in `<ChatProvider store={…}>`
 * and import the stylesheet once: `import '@tidings/components/styles.css'`.
 */
export * from './avatar/index';
export * from './chat-provider/index';
export * from './icons/index';
export * from './total-unread-badge/index';
export * from './unread-badge/index';
