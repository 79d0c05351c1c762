export { isTypingMessage, TYPING_BUSINESS_ID } from './chat-store-typing';
export { createChatStore } from './create-chat-store';
