import type { Message, MessageElem } from '../model/types';
import { ChatError, ChatErrorCode } from './chat-error';

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

const encoder = /* @__PURE__ */ new TextEncoder();

/** UTF-8 length of a string. */
function utf8Length(value: string): number {
  return encoder.encode(value).length;
}

/** Bytes of text and custom payload in a message (what the 12 KB limit applies to). */
function payloadBytes(elemList: readonly MessageElem[]): number {
  let total = 0;
  for (const elem of elemList) {
    if (elem.type === 'text') total += utf8Length(elem.text);
    else if (elem.type === 'custom') {
      total += utf8Length(elem.data) + utf8Length(elem.description) + utf8Length(elem.extension);
    }
  }
  return total;
}

/**
 * `MESSAGE_TOO_LARGE` when the text and custom payload of `elemList` is over `maxBytes`; `details` go
 * first in the error's details.
 */
export function assertPayloadFits(
  method: string,
  elemList: readonly MessageElem[],
  maxBytes: number,
  details: Record<string, unknown> = {},
): void {
  const bytes = payloadBytes(elemList);
  if (bytes > maxBytes) {
    throw new ChatError(
      ChatErrorCode.MessageTooLarge,
      `${method}: the text and custom payload is ${bytes} bytes; the limit is ${maxBytes}.`,
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
