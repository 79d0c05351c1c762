/**
 * Composer: the message field with send, attachments, faces, mentions and drafts. Main files: `composer.tsx`
 * (markup), `use-composer.ts` (the hook), `use-composer-draft.ts`, `use-composer-attachments.ts`,
 * `composer-mention.ts`, `composer-limits.ts`. May import `@tidings/core`, React and sibling folders through
 * their index.
 */
export { Composer, type ComposerProps } from './composer';
export {
  attachmentKindOf,
  type ComposerAttachmentKind,
  DEFAULT_MAX_FILE_BYTES,
  DEFAULT_MAX_IMAGE_BYTES,
  DEFAULT_MAX_TEXT_BYTES,
} from './composer-limits';
export {
  type ComposerMention,
  type ComposerMentionOption,
  type UseComposerMentionOptions,
  type UseComposerMentionReturn,
  useComposerMention,
} from './composer-mention';
export { ComposerMentionPicker, type ComposerMentionPickerProps } from './composer-mention-picker';
export {
  type ComposerNotice,
  type ComposerSendDetails,
  type ComposerSendErrorDetails,
  type UseComposerOptions,
  type UseComposerReturn,
  useComposer,
} from './use-composer';
export {
  type ComposerAttachment,
  type ComposerAttachmentStatus,
  type UseComposerAttachmentsOptions,
  type UseComposerAttachmentsReturn,
  useComposerAttachments,
} from './use-composer-attachments';
export {
  type UseComposerDraftOptions,
  type UseComposerDraftReturn,
  useComposerDraft,
} from './use-composer-draft';
