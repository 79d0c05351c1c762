/**
 * Formatters: pure functions from the model to text (previews, times, unread counts, file sizes,
 * avatars) and the types of the string tables; the tables themselves are entries of their own
 * (`format-strings-en.ts` → `@tidings/core/locales/en`, `format-strings-zh-cn.ts` → `…/locales/zh-cn`).
 * Main files: `format-preview.ts`, `format-time.ts`, `format-strings*.ts`. May import `model/` only.
 */
export { AVATAR_COLORS, avatarColorOf, initialsOf } from './format-avatar';
export { formatDuration, formatFileSize } from './format-media';
export {
  type ConversationPreview,
  type ConversationPreviewOptions,
  formatConversationPreview,
  formatElemPreview,
  formatMessagePreview,
  getConversationPreview,
  type MessagePreviewOptions,
} from './format-preview';
export {
  type CreateMessageReplyOptions,
  createMessageReply,
  getMessageReply,
  type MessageReply,
} from './format-reply';
export type { TidingsChatStrings, TidingsInboxStrings, TidingsStrings } from './format-strings';
export type { TidingsForwardStrings } from './format-strings-forward';
export {
  formatConversationTime,
  formatDateSeparator,
  formatFullDateTime,
  formatMessageTime,
  isSameDay,
} from './format-time';
export { formatUnreadCount } from './format-unread';
