/**
 * Selectors: pure reads of the chat state (`selectX(state, …)`), memoized where they build arrays, so
 * subscribers re-render only on a real change. Main files: `select-conversations.ts`, `select-messages.ts`,
 * `select-session.ts` (who is signed in, the open conversation, users), `select-sync.ts`, `select-unread.ts`. May import `model/` only (the state's shape is `model/chat-state.ts`).
 */
export * from './select-conversations';
export * from './select-messages';
export * from './select-session';
export * from './select-sync';
export * from './select-unread';
