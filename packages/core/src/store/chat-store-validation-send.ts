import { ChatError, ChatErrorCode } from '../model/chat-error';
import type { Message, MessageElem } from '../model/types';
import type { SendFilesOptions, SendTextReply } from './chat-store-types';
import { assertMessage } from './chat-store-validation';

// Checks of the arguments of the store's sending and downloading actions that the engine's own checks do
// not cover (the reply, the per-file callbacks) or that must fail before anything is created.

const MEDIA_ELEM_TYPES = new Set<unknown>([
  'image',
  'sound',
  'video',
  'file',
] satisfies MessageElem['type'][]);
const MEDIA_PARTS = new Set<unknown>(['file', 'snapshot']);

function invalid(action: string, message: string, details: Record<string, unknown> = {}): ChatError {
  return new ChatError(ChatErrorCode.InvalidParameter, `\`${action}\`: ${message}`, details);
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A face to send: a non-negative integer index into the app's face set and its data (may be ''). */
export function assertFace(action: string, index: unknown, data: unknown): { index: number; data: string } {
  if (typeof index !== 'number' || !Number.isSafeInteger(index) || index < 0) {
    throw invalid(action, `index must be a non-negative integer, got ${String(index)}`, { index });
  }
  if (typeof data !== 'string') {
    throw invalid(action, `data must be a string, got ${typeof data}`);
  }
  return { index, data };
}

/** The reply option of `sendText`: the quoted message and the string table its preview is written with. */
export function assertReply(action: string, reply: unknown): SendTextReply | undefined {
  if (reply === undefined) return undefined;
  if (!isPlainObject(reply)) throw invalid(action, 'reply must be { message, strings, senderName? }');
  const { message, strings, senderName } = reply;
  const quoted: Message = assertMessage(action, message);
  if (!isPlainObject(strings)) throw invalid(action, 'reply.strings must be a string table');
  if (senderName !== undefined && typeof senderName !== 'string') {
    throw invalid(action, 'reply.senderName must be a string');
  }
  return {
    message: quoted,
    strings: strings as unknown as SendTextReply['strings'],
    ...(senderName !== undefined && { senderName }),
  };
}

/** The options of `sendFiles`: only the two callbacks, each a function when given. */
export function assertSendFilesOptions(action: string, options: unknown): SendFilesOptions {
  if (options === undefined) return {};
  if (!isPlainObject(options)) throw invalid(action, 'options must be an object');
  const copy: SendFilesOptions = {};
  for (const [key, value] of Object.entries(options)) {
    if (value === undefined) continue;
    if (key !== 'onCreated' && key !== 'onProgress') throw invalid(action, `unknown option "${key}"`);
    if (typeof value !== 'function') throw invalid(action, `options.${key} must be a function`);
    copy[key] = value as never;
  }
  return copy;
}

/** An image, sound, video or file element to download, and which of its parts. */
export function assertDownload(
  action: string,
  elem: unknown,
  part: unknown,
): { elem: MessageElem; part: 'file' | 'snapshot' } {
  if (!isPlainObject(elem) || !MEDIA_ELEM_TYPES.has(elem.type) || typeof elem.uuid !== 'string') {
    throw invalid(action, 'elem must be an image, sound, video or file element');
  }
  const which = part ?? 'file';
  if (!MEDIA_PARTS.has(which))
    throw invalid(action, `part must be "file" or "snapshot", got ${String(which)}`);
  if (which === 'snapshot' && elem.type !== 'video') {
    throw invalid(action, 'only a video element has a snapshot');
  }
  return { elem: elem as unknown as MessageElem, part: which as 'file' | 'snapshot' };
}
