import type { Message, MessageElem } from '../../model/types';
import { blankMessage, fileNameOf } from '../engine-message';
import { invalidParameter } from '../engine-validation';
import type { TencentChatLike, TencentMessage } from './tencent-chat-like';
import { messageNotFound, notSupported } from './tencent-errors';
import { toSdkAtUserList } from './tencent-mappers';

/**
 * Messages before they are sent. The web SDK's `create*Message` calls need the receiver, which Tidings
 * only gives at `sendMessage`; so `create*Message` makes a Tidings message (status `sending`, no
 * conversation yet) and `sendMessage` makes the SDK message from it. The blobs of media messages are held
 * here until then.
 */

/** What a created message needs at send time that its elements do not carry. */
export interface HeldDraft {
  /** The bytes of an image, video or file message. */
  file?: Blob;
  fileName?: string;
  /** A video's length, handed to the SDK on the file (it reads `file.duration`). */
  durationSec?: number;
  /** The SDK ID of the message a forwarded message copies. */
  forwardOf?: string;
}

let draftCounter = 0;

/** A msgID for a created message, distinct from the SDK's `<tinyID>-<time>-<random>` IDs. */
export function createDraftID(now: number): string {
  draftCounter = (draftCounter + 1) % 1_000_000;
  return `tidings-${now.toString(36)}-${draftCounter.toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
}

/** A new message from the signed-in user: status `sending`, seq 0, no conversation yet. */
export function newDraftMessage(userID: string, now: number, elemList: MessageElem[]): Message {
  return blankMessage({
    msgID: createDraftID(now),
    sender: userID,
    timestamp: now,
    random: Math.floor(Math.random() * 2 ** 32),
    elemList,
  });
}

/**
 * The `File` the SDK uploads: on the web it accepts only `File` objects (not plain Blobs), named as the
 * message says. A video's length goes on the file because the SDK reads `file.duration`.
 */
function fileFor(held: HeldDraft): Blob {
  const blob = held.file as Blob;
  if (typeof File === 'undefined') return blob;
  const name = held.fileName || fileNameOf(blob, 'file');
  const reusable = blob instanceof File && blob.name === name && held.durationSec === undefined;
  const file = reusable ? blob : new File([blob], name, { type: blob.type });
  if (held.durationSec !== undefined) Object.defineProperty(file, 'duration', { value: held.durationSec });
  return file;
}

/** The SDK calls that create a message. */
export type TencentCreateMethod =
  | 'createTextMessage'
  | 'createTextAtMessage'
  | 'createCustomMessage'
  | 'createImageMessage'
  | 'createVideoMessage'
  | 'createFileMessage'
  | 'createLocationMessage'
  | 'createFaceMessage'
  | 'createMergerMessage'
  | 'createForwardMessage';

/** Which SDK call makes this message, with what payload. */
export interface CreatePlan {
  create: TencentCreateMethod;
  payload: unknown;
}

/**
 * How to make the SDK message for a created Tidings message. `findSdk` finds the SDK message of a msgID
 * (for merged and forwarded messages, which the SDK builds from its own message objects).
 */
export function planCreate(
  method: string,
  message: Message,
  held: HeldDraft | undefined,
  isGroup: boolean,
  findSdk: (msgID: string) => TencentMessage | null,
): CreatePlan {
  if (held?.forwardOf !== undefined) {
    const source = findSdk(held.forwardOf);
    if (!source) throw messageNotFound(method, held.forwardOf);
    return { create: 'createForwardMessage', payload: source };
  }
  if (message.elemList.length > 1) {
    throw notSupported(
      method,
      'its create*Message calls make single-element messages, so a message with appended elements cannot be sent',
    );
  }
  const elem = message.elemList[0] as MessageElem;
  switch (elem.type) {
    case 'text':
      if (message.atUserList.length === 0)
        return { create: 'createTextMessage', payload: { text: elem.text } };
      if (!isGroup)
        throw invalidParameter(method, 'message.atUserList', 'empty for a C2C message (@ is for groups)');
      return {
        create: 'createTextAtMessage',
        payload: { text: elem.text, atUserList: toSdkAtUserList(message.atUserList) },
      };
    case 'custom':
      return {
        create: 'createCustomMessage',
        payload: { data: elem.data, description: elem.description, extension: elem.extension },
      };
    case 'image':
    case 'video':
    case 'file': {
      if (!held?.file) {
        throw invalidParameter(
          method,
          'message',
          `a ${elem.type} message created by this engine (its file is not held here)`,
        );
      }
      const create =
        elem.type === 'image'
          ? 'createImageMessage'
          : elem.type === 'video'
            ? 'createVideoMessage'
            : 'createFileMessage';
      return { create, payload: { file: fileFor(held) } };
    }
    case 'sound':
      throw notSupported(
        method,
        'createAudioMessage takes only mini-program and React Native recordings, not a browser Blob',
      );
    case 'location':
      return {
        create: 'createLocationMessage',
        payload: { description: elem.description, longitude: elem.longitude, latitude: elem.latitude },
      };
    case 'face':
      return { create: 'createFaceMessage', payload: { index: elem.index, data: elem.data } };
    case 'merger': {
      const messageList = elem.messageList.map((inner) => {
        const source = findSdk(inner.msgID);
        if (!source) throw messageNotFound(method, inner.msgID);
        return source;
      });
      return {
        create: 'createMergerMessage',
        payload: {
          messageList,
          title: elem.title,
          abstractList: [...elem.abstractList],
          compatibleText: elem.compatibleText,
        },
      };
    }
    case 'groupTip':
      throw invalidParameter(
        method,
        'message',
        'a message an app can send (group tips come from the server)',
      );
  }
}

/** Whether a value the SDK returned from a create call is a message (it returns undefined or a rejected promise on bad input). */
export function isSdkMessage(value: unknown): value is TencentMessage {
  return typeof value === 'object' && value !== null && typeof (value as { ID?: unknown }).ID === 'string';
}

/** Runs a create call of the SDK. */
export function createSdkMessage(
  chat: TencentChatLike,
  plan: CreatePlan,
  options: Record<string, unknown>,
): unknown {
  return chat[plan.create]({
    ...(options as { to: string; conversationType: string }),
    payload: plan.payload,
  });
}
