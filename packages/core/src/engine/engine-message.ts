import { ChatError, ChatErrorCode } from '../model/chat-error';
import type { Message, MessageElem } from '../model/types';

/**
 * Message helpers every engine uses: a blank message to build on, the payload limit, and what a created
 * media message reads from its Blob.
 */

/**
 * A message with every field at its empty value and `fields` set over them (a created message's defaults:
 * status `sending`, seq 0, read, no conversation). Each call makes new lists.
 */
export function blankMessage(fields: Partial<Message>): Message {
  return {
    msgID: '',
    conversationID: '',
    conversationType: 'c2c',
    userID: '',
    groupID: '',
    sender: '',
    nick: '',
    faceUrl: '',
    isSelf: true,
    timestamp: 0,
    seq: 0,
    random: 0,
    status: 'sending',
    elemList: [],
    priority: 'normal',
    isRead: true,
    isPeerRead: false,
    isExcludedFromUnreadCount: false,
    isExcludedFromLastMessage: false,
    isOnlineOnly: false,
    targetUserIDList: [],
    atUserList: [],
    cloudCustomData: '',
    localCustomData: '',
    revoker: '',
    revokeReason: '',
    ...fields,
  };
}

/**
 * UTF-8 length of a string, without encoding it (a 5 MB string is measured, not copied). A lone surrogate
 * counts as the 3-byte replacement character, as TextEncoder would write it.
 */
export function utf8ByteLength(value: string): number {
  let bytes = 0;
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff && i + 1 < value.length) {
      const next = value.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        bytes += 4;
        i++;
      } else bytes += 3;
    } else bytes += 3;
  }
  return bytes;
}

/**
 * The default limit of a message body, UTF-8 bytes. Source: Tencent Cloud IM "Use Limits"
 * (https://www.tencentcloud.com/document/product/1047/34381): "A one-to-one or group message must be no
 * longer than 12KB." SPEC.md counts text, custom and cloudCustomData in it.
 */
export const MESSAGE_BODY_LIMIT_BYTES = 12 * 1024;

/**
 * Bytes of a message's body (what the 12 KB limit applies to): texts, custom data with its description
 * and extension, a merged message's title, abstract and compatible text, a location's description, a
 * face's data, and cloudCustomData. Media bytes have their own limits; a merged message's inner messages
 * travel apart (Tencent uploads them), so they do not count.
 */
export function messageBodyBytes(message: {
  elemList: readonly MessageElem[];
  cloudCustomData?: unknown;
}): number {
  let total = typeof message.cloudCustomData === 'string' ? utf8ByteLength(message.cloudCustomData) : 0;
  for (const elem of message.elemList) {
    if (elem.type === 'text') total += utf8ByteLength(elem.text);
    else if (elem.type === 'custom') {
      total += utf8ByteLength(elem.data) + utf8ByteLength(elem.description) + utf8ByteLength(elem.extension);
    } else if (elem.type === 'merger') {
      total += utf8ByteLength(elem.title) + utf8ByteLength(elem.compatibleText);
      for (const line of elem.abstractList) total += utf8ByteLength(line);
    } else if (elem.type === 'location') total += utf8ByteLength(elem.description);
    else if (elem.type === 'face') total += utf8ByteLength(elem.data);
  }
  return total;
}

/**
 * `MESSAGE_TOO_LARGE` when the body of `message` (see {@link messageBodyBytes}) is over `maxBytes`;
 * `details` go first in the error's details.
 */
export function assertPayloadFits(
  method: string,
  message: { elemList: readonly MessageElem[]; cloudCustomData?: unknown },
  maxBytes: number,
  details: Record<string, unknown> = {},
): void {
  const bytes = messageBodyBytes(message);
  if (bytes > maxBytes) {
    throw new ChatError(
      ChatErrorCode.MessageTooLarge,
      `${method}: the message body (text, custom data, cloudCustomData) is ${bytes} bytes; the limit is ${maxBytes}.`,
      { ...details, bytes, limit: maxBytes },
    );
  }
}

/** The name of a Blob that is a File, or the fallback. */
export function fileNameOf(blob: Blob, fallback: string): string {
  const name = (blob as Partial<File>).name;
  return typeof name === 'string' && name !== '' ? name : fallback;
}

/** Reads an image's size where the platform can decode it; 0×0 where it cannot (Node). */
export async function imageSizeOf(blob: Blob): Promise<{ width: number; height: number }> {
  const decode = (globalThis as { createImageBitmap?: (blob: Blob) => Promise<ImageBitmap> })
    .createImageBitmap;
  if (typeof decode !== 'function') return { width: 0, height: 0 };
  try {
    const bitmap = await decode(blob);
    const size = { width: bitmap.width, height: bitmap.height };
    bitmap.close?.();
    return size;
  } catch {
    return { width: 0, height: 0 };
  }
}
