export * from './select-conversations';
export * from './select-messages';
export * from './select-sync';
export * from './select-unread';
