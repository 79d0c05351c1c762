/** How a file is sent: as an image message, a video message or a plain file message. */
export type AttachmentKind = 'image' | 'video' | 'file';

/**
 * How a file is sent, by its MIME type: images the browser can show as images (GIF, PNG, JPEG, WebP, AVIF,
 * BMP, SVG), videos as videos, everything else (including HEIC and TIFF, which browsers cannot draw) as files.
 * One function, so the composer's size limits and the store's `sendFiles` never disagree on a file's kind.
 *
 * @example
 * attachmentKindOf(new File([bytes], 'cat.png', { type: 'image/png' })); // 'image'
 */
export function attachmentKindOf(file: Blob): AttachmentKind {
  const type = file.type.toLowerCase();
  if (/^image\/(gif|png|jpe?g|webp|avif|bmp|svg\+xml)$/.test(type)) return 'image';
  if (/^video\/(mp4|webm|ogg|quicktime)$/.test(type)) return 'video';
  return 'file';
}
