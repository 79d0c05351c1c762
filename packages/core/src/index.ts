/**
 * @tidings/core: the Tidings chat model. A framework-free zustand store (`createChatStore`) over a
 * `ChatEngine`, selectors and formatters. Backends are their own entries so an app bundles only the one it
 * uses: `@tidings/core/local` (the embedded engine and its IndexedDB persistence) and `@tidings/core/tencent`.
 * Engines check messages against `@tidings/core/schema`; the string tables are `@tidings/core/locales/en`
 * and `@tidings/core/locales/zh-cn`.
 *
 * Folders, bottom layer first (each imports only the ones before it; biome.jsonc enforces it): `model/`
 * (types, state shape, pure transitions), `engine/` (the `ChatEngine` interface and its backends), `format/`
 * and `selectors/` (pure reads of the model), `store/` (`createChatStore`), `testing/` (fixtures, its own
 * entry). Never imports React.
 */
export * from './engine/chat-engine';
export { utf8ByteLength } from './engine/engine-message';
export * from './format/index';
export * from './model/chat-error';
export * from './model/conversation-filter';
export * from './model/conversation-order';
export {
  type ConversationView,
  conversationsEqual,
  createView,
  messagesEqual,
} from './model/conversation-view';
export { type AttachmentKind, attachmentKindOf } from './model/message-attachment';
export { compareMessages, emptyWindow, type MessageWindow } from './model/message-window';
export * from './model/record-map';
export * from './model/types';
export * from './model/url-policy';
export * from './selectors/index';
export * from './store/chat-store-types';
export * from './store/index';
