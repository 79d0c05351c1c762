/**
 * @tidings/components: React components and hooks for Tidings. Wrap the UI in `<ChatProvider store={…}>`
 * and import the stylesheet once: `import '@tidings/components/styles.css'`.
 *
 * A folder per component, each with its own index (its subpath entry, `@tidings/components/<folder>`), its
 * hook (`use-<feature>.ts`), markup (`<feature>.tsx`) and CSS; `styles/` holds the tokens and the stylesheet.
 * Components import `@tidings/core` through its public entries and one another through their index.
 */
export * from './avatar/index';
export * from './chat-provider/index';
export * from './composer/index';
export * from './conversation-actions/index';
export * from './conversation-filter-tabs/index';
export * from './conversation-list/index';
export * from './dialog/index';
export * from './face-picker/index';
export * from './forward-dialog/index';
export * from './icons/index';
export * from './menu/index';
export * from './message-actions/index';
export * from './message-content/index';
export * from './message-list/index';
export * from './message-search/index';
export * from './total-unread-badge/index';
export * from './unread-badge/index';
