import { ChatError, ChatErrorCode } from '../../model/chat-error';
import { APPENDABLE_ELEM_TYPES, type Message } from '../../model/types';
import type { AppendableElem, ImageMessageOptions } from '../chat-engine';
import { fileNameOf } from '../engine-message';
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
import { assertElem, assertIDList, assertMessage } from '../engine-validation';
import type { TencentEngineSession } from './tencent-engine-session';
import { invalidState, notSupported } from './tencent-errors';

/**
 * @internal The `create*Message` calls of a Tencent engine. The SDK creates messages only for a known
 * receiver, so these make Tidings messages (held by the sender, with their files) and `sendMessage` makes
 * the SDK message.
 */
export class TencentEngineCreate {
  readonly #session: TencentEngineSession;

  constructor(session: TencentEngineSession) {
    this.#session = session;
  }

  async createTextMessage(text: string): Promise<Message> {
    const method = 'createTextMessage';
    this.#session.guard(method);
    return this.#session.sender.draft([textElem(method, text)]);
  }

  async createTextAtMessage(text: string, atUserList: string[]): Promise<Message> {
    const method = 'createTextAtMessage';
    this.#session.guard(method);
    const elem = textElem(method, text);
    const ids = assertIDList(method, 'atUserList', atUserList, Number.MAX_SAFE_INTEGER);
    return { ...this.#session.sender.draft([elem]), atUserList: [...new Set(ids)] };
  }

  async createCustomMessage(data: string, description?: string, extension?: string): Promise<Message> {
    const method = 'createCustomMessage';
    this.#session.guard(method);
    return this.#session.sender.draft([customElem(method, data, description, extension)]);
  }

  async createImageMessage(file: Blob, options?: ImageMessageOptions): Promise<Message> {
    const method = 'createImageMessage';
    this.#session.guard(method);
    const { blob, width, height } = await imageArgs(method, file, options);
    const fileName = fileNameOf(blob, 'image');
    return this.#session.sender.draft(
      [
        {
          type: 'image',
          uuid: '',
          url: '',
          fileSize: blob.size,
          mimeType: blob.type,
          fileName,
          width,
          height,
          thumbUrl: '',
        },
      ],
      { file: blob, fileName },
    );
  }

  /** Rejects with `NOT_SUPPORTED` (after checking its arguments): the web SDK cannot send a browser recording. */
  async createSoundMessage(file: Blob, durationSec: number): Promise<Message> {
    const method = 'createSoundMessage';
    this.#session.guard(method);
    soundArgs(method, file, durationSec);
    throw notSupported(
      method,
      'createAudioMessage takes only mini-program and React Native recordings, not a browser Blob',
    );
  }

  /**
   * A video message. The web SDK uploads the video only and makes no poster from `snapshot`; the snapshot's
   * size is kept on the created message (for the optimistic bubble), not sent.
   */
  async createVideoMessage(file: Blob, type: string, durationSec: number, snapshot: Blob): Promise<Message> {
    const method = 'createVideoMessage';
    this.#session.guard(method);
    const { blob, videoType, duration, snapshotWidth, snapshotHeight } = await videoArgs(
      method,
      file,
      type,
      durationSec,
      snapshot,
    );
    return this.#session.sender.draft(
      [
        {
          type: 'video',
          uuid: '',
          url: '',
          fileSize: blob.size,
          mimeType: blob.type,
          videoType,
          duration,
          snapshotUuid: '',
          snapshotUrl: '',
          snapshotWidth,
          snapshotHeight,
        },
      ],
      { file: blob, fileName: fileNameOf(blob, `video.${videoType || 'mp4'}`), durationSec: duration },
    );
  }

  async createFileMessage(file: Blob, fileName?: string): Promise<Message> {
    const method = 'createFileMessage';
    this.#session.guard(method);
    const { blob, fileName: name } = fileArgs(method, file, fileName);
    return this.#session.sender.draft(
      [{ type: 'file', uuid: '', url: '', fileSize: blob.size, mimeType: blob.type, fileName: name }],
      { file: blob, fileName: name },
    );
  }

  async createLocationMessage(description: string, longitude: number, latitude: number): Promise<Message> {
    const method = 'createLocationMessage';
    this.#session.guard(method);
    return this.#session.sender.draft([locationElem(method, description, longitude, latitude)]);
  }

  async createFaceMessage(index: number, data: string): Promise<Message> {
    const method = 'createFaceMessage';
    this.#session.guard(method);
    return this.#session.sender.draft([faceElem(method, index, data)]);
  }

  async createMergerMessage(
    messageList: Message[],
    title: string,
    abstractList: string[],
    compatibleText: string,
  ): Promise<Message> {
    const method = 'createMergerMessage';
    this.#session.guard(method);
    const merger = mergerArgs(method, messageList, title, abstractList, compatibleText);
    return this.#session.sender.draft([
      {
        type: 'merger',
        title: merger.title,
        abstractList: merger.abstractList,
        compatibleText: merger.compatibleText,
        messageList: merger.messages.map((message) => ({ ...message, elemList: [...message.elemList] })),
      },
    ]);
  }

  async createForwardMessage(message: Message): Promise<Message> {
    const method = 'createForwardMessage';
    this.#session.guard(method);
    const source = forwardSource(method, message);
    const sdk = this.#session.sender.require(method, source.msgID);
    return {
      ...this.#session.sender.draft([...source.elemList], { forwardOf: sdk.ID }),
      cloudCustomData: source.cloudCustomData,
    };
  }

  /**
   * Checks the element (`ELEM_NOT_APPENDABLE` for one that may not follow), then rejects with
   * `NOT_SUPPORTED`: the web SDK creates single-element messages only.
   */
  async appendElem(message: Message, elem: AppendableElem): Promise<Message> {
    const method = 'appendElem';
    this.#session.guard(method);
    const target = assertMessage(method, message);
    const added = assertElem(method, elem);
    if (target.status !== 'sending' || target.seq !== 0) {
      throw invalidState(method, 'elements can only be added before a message is sent.', {
        msgID: target.msgID,
      });
    }
    if (!APPENDABLE_ELEM_TYPES.includes(added.type)) {
      throw new ChatError(
        ChatErrorCode.ElemNotAppendable,
        `${method}: a ${added.type} element cannot be appended; after the first element only text, custom, face and location elements may follow.`,
        { method, elemType: added.type },
      );
    }
    throw notSupported(method, 'its create*Message calls make single-element messages');
  }
}
