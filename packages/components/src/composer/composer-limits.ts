import type { AttachmentKind } from '@tidings/core';

/** The engines' default limit of a text message: 12 KB of UTF-8. */
export const DEFAULT_MAX_TEXT_BYTES = 12 * 1024;
/** The engines' default limit of a file, voice or video: 100 MiB. */
export const DEFAULT_MAX_FILE_BYTES = 100 * 1024 * 1024;
/** The engines' default limit of an image: 28 MiB. */
export const DEFAULT_MAX_IMAGE_BYTES = 28 * 1024 * 1024;

/** How an attachment is sent: an image message, a video message, or a file message. */
export type ComposerAttachmentKind = AttachmentKind;

/**
 * UTF-8 length of a string without encoding it, as the engines measure a message against its limit (the
 * composer asks on every keystroke). One function in core, so the counter and the engine never disagree.
 */
/**
 * How a file is sent: images the browser can show as images, videos as videos, everything else as files.
 * Core's rule, the one the store's `sendFiles` applies.
 */
export { attachmentKindOf, utf8ByteLength } from '@tidings/core';

/** Size limits of attachments, bytes. */
export interface ComposerFileLimits {
  maxFileBytes: number;
  maxImageBytes: number;
}

/** The size limit that applies to a file of this kind. */
export function fileLimitOf(kind: ComposerAttachmentKind, limits: ComposerFileLimits): number {
  return kind === 'image' ? limits.maxImageBytes : limits.maxFileBytes;
}
