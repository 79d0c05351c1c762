// What an app that shows only the inbox ships: the list, the provider, and the store (size-limit entry).

export { createChatStore } from '@tidings/core';
export { ChatProvider } from '../../src/chat-provider/index';
export { ConversationList } from '../../src/conversation-list/index';
