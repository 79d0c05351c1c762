/** The engines' default limit of a text message: 12 KB of UTF-8. */
export const DEFAULT_MAX_TEXT_BYTES = 12 * 1024;
/** The engines' default limit of a file, voice or video: 100 MiB. */
export const DEFAULT_MAX_FILE_BYTES = 100 * 1024 * 1024;
/** The engines' default limit of an image: 28 MiB. */
export const DEFAULT_MAX_IMAGE_BYTES = 28 * 1024 * 1024;

/** How an attachment is sent: an image message, a video message, or a file message. */
export type ComposerAttachmentKind = 'image' | 'video' | 'file';

/**
 * UTF-8 length of a string without encoding it, as the engines measure a message against its limit (the
 * composer asks on every keystroke). One function in core, so the counter and the engine never disagree.
 */
export { utf8ByteLength } from '@tidings/core';

/**
 * How a file is sent: images the browser can show as images (GIF, PNG, JPEG, WebP, AVIF, BMP, SVG), videos as
 * videos, everything else (including HEIC and TIFF, which browsers cannot draw) as files.
 */
export function attachmentKindOf(file: Blob): ComposerAttachmentKind {
  const type = file.type.toLowerCase();
  if (/^image\/(gif|png|jpe?g|webp|avif|bmp|svg\+xml)$/.test(type)) return 'image';
  if (/^video\/(mp4|webm|ogg|quicktime)$/.test(type)) return 'video';
  return 'file';
}

/** Size limits of attachments, bytes. */
export interface ComposerFileLimits {
  maxFileBytes: number;
  maxImageBytes: number;
}

/** The size limit that applies to a file of this kind. */
export function fileLimitOf(kind: ComposerAttachmentKind, limits: ComposerFileLimits): number {
  return kind === 'image' ? limits.maxImageBytes : limits.maxFileBytes;
}
