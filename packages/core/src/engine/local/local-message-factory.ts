import type { Message, MessageElem, UserProfile } from '../../model/types';
import type { AppendableElem, ImageMessageOptions } from '../chat-engine';
import { ChatError, ChatErrorCode } from '../chat-error';
import { blankMessage, fileNameOf, imageSizeOf } from '../engine-message';
import {
  assertBlob,
  assertElem,
  assertFiniteNumber,
  assertInteger,
  assertMessage,
  assertOptionalString,
  assertOptions,
  assertString,
  invalidParameter,
  isAppendable,
} from '../engine-validation';
import { createMessageID, createUuid, randomUint32 } from './local-message-utils';

/** What message creation needs from its engine. */
export interface MessageFactoryContext {
  profile: UserProfile;
  now(): number;
  random(): number;
  /** Keeps the bytes of a created media element until it is uploaded. */
  holdBlob(uuid: string, blob: Blob): void;
}

/** A new message from the signed-in user: status `sending`, seq 0, no conversation yet. */
export function newMessage(ctx: MessageFactoryContext, elemList: MessageElem[]): Message {
  const now = ctx.now();
  return blankMessage({
    msgID: createMessageID(ctx.profile.userID, now, ctx.random),
    sender: ctx.profile.userID,
    nick: ctx.profile.nick,
    faceUrl: ctx.profile.faceUrl,
    timestamp: now,
    random: randomUint32(ctx.random),
    elemList,
  });
}

/** A text message (non-empty text). */
export function createTextMessage(ctx: MessageFactoryContext, text: unknown): Message {
  return newMessage(ctx, [
    { type: 'text', text: assertString('createTextMessage', 'text', text, { nonEmpty: true }) },
  ]);
}

/** A group text message mentioning users (`AT_ALL` for everyone). */
export function createTextAtMessage(ctx: MessageFactoryContext, text: unknown, atUserList: unknown): Message {
  const method = 'createTextAtMessage';
  assertString(method, 'text', text, { nonEmpty: true });
  if (!Array.isArray(atUserList) || atUserList.some((id) => typeof id !== 'string' || id.length === 0)) {
    throw invalidParameter(method, 'atUserList', 'an array of userIDs (or AT_ALL)', atUserList);
  }
  return {
    ...newMessage(ctx, [{ type: 'text', text: text as string }]),
    atUserList: [...new Set(atUserList as string[])],
  };
}

/** A custom message: app data, with an optional description (its preview) and extension. */
export function createCustomMessage(
  ctx: MessageFactoryContext,
  data: unknown,
  description: unknown,
  extension: unknown,
): Message {
  const method = 'createCustomMessage';
  return newMessage(ctx, [
    {
      type: 'custom',
      data: assertString(method, 'data', data),
      description: assertOptionalString(method, 'description', description, ''),
      extension: assertOptionalString(method, 'extension', extension, ''),
    },
  ]);
}

/** An image message; its size comes from `options` or is read with `createImageBitmap` (0×0 where absent). */
export async function createImageMessage(
  ctx: MessageFactoryContext,
  file: unknown,
  options: unknown,
): Promise<Message> {
  const method = 'createImageMessage';
  const blob = assertBlob(method, 'file', file);
  const opts = assertOptions(method, options) as ImageMessageOptions;
  if (opts.width !== undefined)
    assertInteger(method, 'options.width', opts.width, 0, Number.MAX_SAFE_INTEGER);
  if (opts.height !== undefined)
    assertInteger(method, 'options.height', opts.height, 0, Number.MAX_SAFE_INTEGER);
  const size =
    opts.width !== undefined && opts.height !== undefined
      ? { width: opts.width, height: opts.height }
      : await imageSizeOf(blob);
  const uuid = createUuid(ctx.random);
  ctx.holdBlob(uuid, blob);
  return newMessage(ctx, [
    {
      type: 'image',
      uuid,
      url: '',
      fileSize: blob.size,
      mimeType: blob.type,
      fileName: fileNameOf(blob, 'image'),
      width: opts.width ?? size.width,
      height: opts.height ?? size.height,
      thumbUrl: '',
    },
  ]);
}

/** A voice message of `durationSec` seconds. */
export function createSoundMessage(ctx: MessageFactoryContext, file: unknown, durationSec: unknown): Message {
  const method = 'createSoundMessage';
  const blob = assertBlob(method, 'file', file);
  const duration = assertFiniteNumber(method, 'durationSec', durationSec, 0, Number.MAX_SAFE_INTEGER);
  const uuid = createUuid(ctx.random);
  ctx.holdBlob(uuid, blob);
  return newMessage(ctx, [
    { type: 'sound', uuid, url: '', fileSize: blob.size, mimeType: blob.type, duration },
  ]);
}

/** A video message with its snapshot (poster) image. */
export async function createVideoMessage(
  ctx: MessageFactoryContext,
  file: unknown,
  type: unknown,
  durationSec: unknown,
  snapshot: unknown,
): Promise<Message> {
  const method = 'createVideoMessage';
  const blob = assertBlob(method, 'file', file);
  const videoType = assertString(method, 'type', type);
  const duration = assertFiniteNumber(method, 'durationSec', durationSec, 0, Number.MAX_SAFE_INTEGER);
  const poster = assertBlob(method, 'snapshot', snapshot);
  const size = await imageSizeOf(poster);
  const uuid = createUuid(ctx.random);
  const snapshotUuid = createUuid(ctx.random);
  ctx.holdBlob(uuid, blob);
  ctx.holdBlob(snapshotUuid, poster);
  return newMessage(ctx, [
    {
      type: 'video',
      uuid,
      url: '',
      fileSize: blob.size,
      mimeType: blob.type,
      videoType,
      duration,
      snapshotUuid,
      snapshotUrl: '',
      snapshotWidth: size.width,
      snapshotHeight: size.height,
    },
  ]);
}

/** A file message; the name defaults to the File's name. */
export function createFileMessage(ctx: MessageFactoryContext, file: unknown, fileName: unknown): Message {
  const method = 'createFileMessage';
  const blob = assertBlob(method, 'file', file);
  const name = assertOptionalString(method, 'fileName', fileName, fileNameOf(blob, 'file'));
  const uuid = createUuid(ctx.random);
  ctx.holdBlob(uuid, blob);
  return newMessage(ctx, [
    {
      type: 'file',
      uuid,
      url: '',
      fileSize: blob.size,
      mimeType: blob.type,
      fileName: name || fileNameOf(blob, 'file'),
    },
  ]);
}

/** A location message (longitude −180…180, latitude −90…90). */
export function createLocationMessage(
  ctx: MessageFactoryContext,
  description: unknown,
  longitude: unknown,
  latitude: unknown,
): Message {
  const method = 'createLocationMessage';
  return newMessage(ctx, [
    {
      type: 'location',
      description: assertString(method, 'description', description),
      longitude: assertFiniteNumber(method, 'longitude', longitude, -180, 180),
      latitude: assertFiniteNumber(method, 'latitude', latitude, -90, 90),
    },
  ]);
}

/** A sticker / face message from an app-defined set. */
export function createFaceMessage(ctx: MessageFactoryContext, index: unknown, data: unknown): Message {
  const method = 'createFaceMessage';
  return newMessage(ctx, [
    {
      type: 'face',
      index: assertInteger(method, 'index', index, 0, Number.MAX_SAFE_INTEGER),
      data: assertString(method, 'data', data),
    },
  ]);
}

/** A merged ("chat history") message holding other messages. */
export function createMergerMessage(
  ctx: MessageFactoryContext,
  messageList: unknown,
  title: unknown,
  abstractList: unknown,
  compatibleText: unknown,
): Message {
  const method = 'createMergerMessage';
  if (!Array.isArray(messageList) || messageList.length === 0) {
    throw invalidParameter(method, 'messageList', 'a non-empty array of messages', messageList);
  }
  messageList.forEach((message, index) => {
    assertMessage(method, message, `messageList[${index}]`);
  });
  if (!Array.isArray(abstractList) || abstractList.some((line) => typeof line !== 'string')) {
    throw invalidParameter(method, 'abstractList', 'an array of strings', abstractList);
  }
  return newMessage(ctx, [
    {
      type: 'merger',
      title: assertString(method, 'title', title),
      abstractList: [...(abstractList as string[])],
      compatibleText: assertString(method, 'compatibleText', compatibleText),
      messageList: (messageList as Message[]).map((message) => ({ ...message, localCustomData: '' })),
    },
  ]);
}

/** A new message with the elements of `message` (group tips cannot be forwarded). */
export function createForwardMessage(ctx: MessageFactoryContext, message: unknown): Message {
  const method = 'createForwardMessage';
  const source = assertMessage(method, message);
  if (source.elemList.some((elem) => elem.type === 'groupTip')) {
    throw invalidParameter(method, 'message', 'a message that is not a group tip');
  }
  return { ...newMessage(ctx, source.elemList), cloudCustomData: source.cloudCustomData ?? '' };
}

/** A copy of `message` with `elem` appended (the seed's rule: only text, custom, face, location follow). */
export function appendElem(message: unknown, elem: unknown): Message {
  const method = 'appendElem';
  const target = assertMessage(method, message);
  const added = assertElem(method, elem);
  if (target.status !== 'sending' || target.seq !== 0) {
    throw new ChatError(
      ChatErrorCode.InvalidState,
      'appendElem: elements can only be added before a message is sent.',
      {
        msgID: target.msgID,
      },
    );
  }
  if (!isAppendable(added)) {
    throw new ChatError(
      ChatErrorCode.ElemNotAppendable,
      `appendElem: a ${added.type} element cannot be appended; after the first element only text, custom, face and location elements may follow.`,
      { elemType: added.type },
    );
  }
  return { ...target, elemList: [...target.elemList, { ...(added as AppendableElem) }] };
}
