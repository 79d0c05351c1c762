/** The engines' default limit of a text message: 12 KB of UTF-8. */
export const DEFAULT_MAX_TEXT_BYTES = 12 * 1024;
/** The engines' default limit of a file, voice or video: 100 MiB. */
export const DEFAULT_MAX_FILE_BYTES = 100 * 1024 * 1024;
/** The engines' default limit of an image: 28 MiB. */
export const DEFAULT_MAX_IMAGE_BYTES = 28 * 1024 * 1024;

/** How an attachment is sent: an image message, a video message, or a file message. */
export type ComposerAttachmentKind = 'image' | 'video' | 'file';

/**
 * UTF-8 length of a string without encoding it (the engine limits text by bytes, and this runs on every
 * keystroke). A lone surrogate counts as the 3-byte replacement character, as TextEncoder would write it.
 */
export function utf8ByteLength(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        bytes += 4;
        i++;
      } else bytes += 3;
    } else bytes += 3;
  }
  return bytes;
}

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
