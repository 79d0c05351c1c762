// The quote format lives in core, beside the store's `sendText` that writes it; the message content
// reads it from there too, and apps keep importing it from here.
export {
  type CreateMessageReplyOptions,
  createMessageReply,
  getMessageReply,
  type MessageReply,
} from '@tidings/core';
