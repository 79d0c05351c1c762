export {
  DELETE_CHUNK_SIZE,
  FORWARD_MAX_MESSAGES,
  FORWARD_MAX_TARGETS,
  inTimeOrder,
  isForwardable,
} from './chat-store-bulk';
export { isTypingMessage, TYPING_BUSINESS_ID } from './chat-store-typing';
export { createChatStore } from './create-chat-store';
