import { ChatError, ChatErrorCode } from '../../model/chat-error';
import type { Message, MessageElem, UserProfile } from '../../model/types';
import type { AppendableElem, ImageMessageOptions } from '../chat-engine';
import { blankMessage, fileNameOf } from '../engine-message';
import {
  customElem,
  faceElem,
  fileArgs,
  forwardSource,
  imageArgs,
  locationElem,
  mergerArgs,
  soundArgs,
  textElem,
  videoArgs,
} from '../engine-message-args';
import {
  assertElem,
  assertMessage,
  assertString,
  invalidParameter,
  isAppendable,
} from '../engine-validation';
import type { LocalEngineMedia } from './local-engine-media';
import type { LocalEngineSession } from './local-engine-session';
import { createMessageID, createUuid, randomUint32 } from './local-message-utils';

/**
 * @internal The `create*Message` calls of a local engine: new messages from the signed-in user (status
 * `sending`, seq 0, no conversation yet), their media held by the engine until sent.
 */
export class LocalEngineCreate {
  readonly #session: LocalEngineSession;
  readonly #media: LocalEngineMedia;

  constructor(session: LocalEngineSession, media: LocalEngineMedia) {
    this.#session = session;
    this.#media = media;
  }

  createTextMessage(text: string): Promise<Message> {
    return this.#session.call('createTextMessage', () => this.#new([textElem('createTextMessage', text)]));
  }

  /** A group text message mentioning users (`AT_ALL` for everyone). */
  createTextAtMessage(text: string, atUserList: string[]): Promise<Message> {
    const method = 'createTextAtMessage';
    return this.#session.call(method, () => {
      assertString(method, 'text', text, { nonEmpty: true });
      if (!Array.isArray(atUserList) || atUserList.some((id) => typeof id !== 'string' || id.length === 0)) {
        throw invalidParameter(method, 'atUserList', 'an array of userIDs (or AT_ALL)', atUserList);
      }
      return { ...this.#new([{ type: 'text', text }]), atUserList: [...new Set(atUserList)] };
    });
  }

  createCustomMessage(data: string, description?: string, extension?: string): Promise<Message> {
    const method = 'createCustomMessage';
    return this.#session.call(method, () => this.#new([customElem(method, data, description, extension)]));
  }

  /** An image message; its size comes from `options` or is read with `createImageBitmap` (0×0 where absent). */
  createImageMessage(file: Blob, options?: ImageMessageOptions): Promise<Message> {
    const method = 'createImageMessage';
    return this.#session.call(method, async () => {
      // The sender is who was signed in when the call began, before the file was read.
      const profile = this.#session.profile;
      const { blob, width, height } = await imageArgs(method, file, options);
      const uuid = this.#hold(blob);
      return this.#new(
        [
          {
            type: 'image',
            uuid,
            url: '',
            fileSize: blob.size,
            mimeType: blob.type,
            fileName: fileNameOf(blob, 'image'),
            width,
            height,
            thumbUrl: '',
          },
        ],
        profile,
      );
    });
  }

  createSoundMessage(file: Blob, durationSec: number): Promise<Message> {
    const method = 'createSoundMessage';
    return this.#session.call(method, () => {
      const { blob, duration } = soundArgs(method, file, durationSec);
      const uuid = this.#hold(blob);
      return this.#new([
        { type: 'sound', uuid, url: '', fileSize: blob.size, mimeType: blob.type, duration },
      ]);
    });
  }

  /** A video message with its snapshot (poster) image. */
  createVideoMessage(file: Blob, type: string, durationSec: number, snapshot: Blob): Promise<Message> {
    const method = 'createVideoMessage';
    return this.#session.call(method, async () => {
      const profile = this.#session.profile;
      const video = await videoArgs(method, file, type, durationSec, snapshot);
      const uuid = createUuid(this.#session.random);
      const snapshotUuid = createUuid(this.#session.random);
      this.#media.hold(uuid, video.blob);
      this.#media.hold(snapshotUuid, video.poster);
      return this.#new(
        [
          {
            type: 'video',
            uuid,
            url: '',
            fileSize: video.blob.size,
            mimeType: video.blob.type,
            videoType: video.videoType,
            duration: video.duration,
            snapshotUuid,
            snapshotUrl: '',
            snapshotWidth: video.snapshotWidth,
            snapshotHeight: video.snapshotHeight,
          },
        ],
        profile,
      );
    });
  }

  /** A file message; the name defaults to the File's name. */
  createFileMessage(file: Blob, fileName?: string): Promise<Message> {
    const method = 'createFileMessage';
    return this.#session.call(method, () => {
      const { blob, fileName: name } = fileArgs(method, file, fileName);
      const uuid = this.#hold(blob);
      return this.#new([
        { type: 'file', uuid, url: '', fileSize: blob.size, mimeType: blob.type, fileName: name },
      ]);
    });
  }

  createLocationMessage(description: string, longitude: number, latitude: number): Promise<Message> {
    const method = 'createLocationMessage';
    return this.#session.call(method, () =>
      this.#new([locationElem(method, description, longitude, latitude)]),
    );
  }

  createFaceMessage(index: number, data: string): Promise<Message> {
    const method = 'createFaceMessage';
    return this.#session.call(method, () => this.#new([faceElem(method, index, data)]));
  }

  /** A merged ("chat history") message holding copies of other messages, without their local data. */
  createMergerMessage(
    messageList: Message[],
    title: string,
    abstractList: string[],
    compatibleText: string,
  ): Promise<Message> {
    const method = 'createMergerMessage';
    return this.#session.call(method, () => {
      const merger = mergerArgs(method, messageList, title, abstractList, compatibleText);
      return this.#new([
        {
          type: 'merger',
          title: merger.title,
          abstractList: merger.abstractList,
          compatibleText: merger.compatibleText,
          messageList: merger.messages.map((message) => ({ ...message, localCustomData: '' })),
        },
      ]);
    });
  }

  /** A new message with the elements of `message` (group tips cannot be forwarded). */
  createForwardMessage(message: Message): Promise<Message> {
    const method = 'createForwardMessage';
    return this.#session.call(method, () => {
      const source = forwardSource(method, message);
      return { ...this.#new(source.elemList), cloudCustomData: source.cloudCustomData ?? '' };
    });
  }

  /** A copy of `message` with `elem` appended (the seed's rule: only text, custom, face, location follow). */
  appendElem(message: Message, elem: AppendableElem): Promise<Message> {
    const method = 'appendElem';
    return this.#session.call(method, () => {
      const target = assertMessage(method, message);
      const added = assertElem(method, elem);
      if (target.status !== 'sending' || target.seq !== 0) {
        throw new ChatError(
          ChatErrorCode.InvalidState,
          'appendElem: elements can only be added before a message is sent.',
          { msgID: target.msgID },
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
    });
  }

  /** A new message from the signed-in user (as `profile` says) with these elements. */
  #new(elemList: MessageElem[], profile: UserProfile = this.#session.profile): Message {
    const { random } = this.#session;
    const now = this.#session.now();
    // The bytes just held for this message's media go onto its elements (collectable with the message).
    this.#media.adopt(elemList);
    return blankMessage({
      msgID: createMessageID(profile.userID, now, random),
      sender: profile.userID,
      nick: profile.nick,
      faceUrl: profile.faceUrl,
      timestamp: now,
      random: randomUint32(random),
      elemList,
    });
  }

  /** Holds a created file's bytes under a new media uuid. */
  #hold(blob: Blob): string {
    const uuid = createUuid(this.#session.random);
    this.#media.hold(uuid, blob);
    return uuid;
  }
}
