/**
 * Store: `createChatStore(engine)`, the zustand vanilla store that wires engine events to model
 * transitions and exposes the actions. Main files: `create-chat-store.ts`, `chat-store-types.ts` (actions,
 * options), `chat-store-bulk.ts`, `chat-store-typing.ts`, `chat-store-validation.ts`. May import `model/`,
 * `engine/` (the `ChatEngine` interface, `ChatError`), `selectors/` and `format/`; never `testing/`.
 */
export {
  DELETE_CHUNK_SIZE,
  FORWARD_MAX_MESSAGES,
  FORWARD_MAX_TARGETS,
  inTimeOrder,
  isForwardable,
} from './chat-store-bulk';
export { isTypingMessage, TYPING_BUSINESS_ID } from './chat-store-typing';
export { createChatStore } from './create-chat-store';
