import type { CustomElem, FaceElem, LocationElem, Message, TextElem } from '../model/types';
import { fileNameOf, imageSizeOf } from './engine-message';
import {
  assertBlob,
  assertFiniteNumber,
  assertInteger,
  assertMessage,
  assertOptionalString,
  assertOptions,
  assertString,
  invalidParameter,
} from './engine-validation';

/**
 * The arguments of the `create*Message` calls, checked the same way by every engine (each throws
 * `INVALID_PARAMETER` naming the call and the argument). Engines add what is theirs: IDs, held files.
 */

/** A text element (non-empty text). */
export function textElem(method: string, text: unknown): TextElem {
  return { type: 'text', text: assertString(method, 'text', text, { nonEmpty: true }) };
}

/** A custom element: app data, with an optional description (its preview) and extension. */
export function customElem(
  method: string,
  data: unknown,
  description: unknown,
  extension: unknown,
): CustomElem {
  return {
    type: 'custom',
    data: assertString(method, 'data', data),
    description: assertOptionalString(method, 'description', description, ''),
    extension: assertOptionalString(method, 'extension', extension, ''),
  };
}

/** A location element (longitude −180…180, latitude −90…90). */
export function locationElem(
  method: string,
  description: unknown,
  longitude: unknown,
  latitude: unknown,
): LocationElem {
  return {
    type: 'location',
    description: assertString(method, 'description', description),
    longitude: assertFiniteNumber(method, 'longitude', longitude, -180, 180),
    latitude: assertFiniteNumber(method, 'latitude', latitude, -90, 90),
  };
}

/** A face (sticker) element from an app-defined set. */
export function faceElem(method: string, index: unknown, data: unknown): FaceElem {
  return {
    type: 'face',
    index: assertInteger(method, 'index', index, 0, Number.MAX_SAFE_INTEGER),
    data: assertString(method, 'data', data),
  };
}

/** An image file and its size: from `options` when both are given, else decoded (0×0 where it cannot be). */
export async function imageArgs(
  method: string,
  file: unknown,
  options: unknown,
): Promise<{ blob: Blob; width: number; height: number }> {
  const blob = assertBlob(method, 'file', file);
  const opts = assertOptions(method, options);
  const width = opts.width === undefined ? undefined : assertSize(method, 'options.width', opts.width);
  const height = opts.height === undefined ? undefined : assertSize(method, 'options.height', opts.height);
  const size = width !== undefined && height !== undefined ? { width, height } : await imageSizeOf(blob);
  return { blob, width: width ?? size.width, height: height ?? size.height };
}

function assertSize(method: string, name: string, value: unknown): number {
  return assertInteger(method, name, value, 0, Number.MAX_SAFE_INTEGER);
}

/** A sound file and its length in seconds. */
export function soundArgs(
  method: string,
  file: unknown,
  durationSec: unknown,
): { blob: Blob; duration: number } {
  const blob = assertBlob(method, 'file', file);
  const duration = assertFiniteNumber(method, 'durationSec', durationSec, 0, Number.MAX_SAFE_INTEGER);
  return { blob, duration };
}

/** A video file, its type and length, and its snapshot (poster) with the snapshot's decoded size. */
export async function videoArgs(
  method: string,
  file: unknown,
  type: unknown,
  durationSec: unknown,
  snapshot: unknown,
): Promise<{
  blob: Blob;
  videoType: string;
  duration: number;
  poster: Blob;
  snapshotWidth: number;
  snapshotHeight: number;
}> {
  const blob = assertBlob(method, 'file', file);
  const videoType = assertString(method, 'type', type);
  const duration = assertFiniteNumber(method, 'durationSec', durationSec, 0, Number.MAX_SAFE_INTEGER);
  const poster = assertBlob(method, 'snapshot', snapshot);
  const size = await imageSizeOf(poster);
  return { blob, videoType, duration, poster, snapshotWidth: size.width, snapshotHeight: size.height };
}

/** A file and its name (the File's own name, or 'file', when none is given). */
export function fileArgs(method: string, file: unknown, fileName: unknown): { blob: Blob; fileName: string } {
  const blob = assertBlob(method, 'file', file);
  const name = assertOptionalString(method, 'fileName', fileName, '') || fileNameOf(blob, 'file');
  return { blob, fileName: name };
}

/** The messages, title, abstract lines and compatible text of a merged message. */
export function mergerArgs(
  method: string,
  messageList: unknown,
  title: unknown,
  abstractList: unknown,
  compatibleText: unknown,
): { messages: Message[]; title: string; abstractList: string[]; compatibleText: string } {
  if (!Array.isArray(messageList) || messageList.length === 0) {
    throw invalidParameter(method, 'messageList', 'a non-empty array of messages', messageList);
  }
  const messages = messageList.map((message, index) =>
    assertMessage(method, message, `messageList[${index}]`),
  );
  if (!Array.isArray(abstractList) || abstractList.some((line) => typeof line !== 'string')) {
    throw invalidParameter(method, 'abstractList', 'an array of strings', abstractList);
  }
  return {
    messages,
    title: assertString(method, 'title', title),
    abstractList: [...(abstractList as string[])],
    compatibleText: assertString(method, 'compatibleText', compatibleText),
  };
}

/** A message whose elements may be forwarded (group tips cannot be). */
export function forwardSource(method: string, message: unknown): Message {
  const source = assertMessage(method, message);
  if (source.elemList.some((elem) => elem.type === 'groupTip')) {
    throw invalidParameter(method, 'message', 'a message that is not a group tip');
  }
  return source;
}
