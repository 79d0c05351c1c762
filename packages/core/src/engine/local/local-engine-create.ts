import type { Message } from '../../model/types';
import type { AppendableElem, ImageMessageOptions } from '../chat-engine';
import type { LocalEngineMedia } from './local-engine-media';
import type { LocalEngineSession } from './local-engine-session';
import * as factory from './local-message-factory';

/**
 * @internal The `create*Message` calls of a local engine: guarded calls of the message factory, with the
 * signed-in user's profile, the server clock, and the engine's media store for the created files.
 */
export class LocalEngineCreate {
  readonly #session: LocalEngineSession;
  readonly #media: LocalEngineMedia;

  constructor(session: LocalEngineSession, media: LocalEngineMedia) {
    this.#session = session;
    this.#media = media;
  }

  #factory(): factory.MessageFactoryContext {
    return {
      profile: this.#session.profile,
      now: () => this.#session.now(),
      random: this.#session.random,
      holdBlob: (uuid, blob) => this.#media.hold(uuid, blob),
    };
  }

  #create(method: string, create: (context: factory.MessageFactoryContext) => Message | Promise<Message>) {
    return this.#session.call(method, () => create(this.#factory()));
  }

  createTextMessage(text: string): Promise<Message> {
    return this.#create('createTextMessage', (ctx) => factory.createTextMessage(ctx, text));
  }

  createTextAtMessage(text: string, atUserList: string[]): Promise<Message> {
    return this.#create('createTextAtMessage', (ctx) => factory.createTextAtMessage(ctx, text, atUserList));
  }

  createCustomMessage(data: string, description?: string, extension?: string): Promise<Message> {
    return this.#create('createCustomMessage', (ctx) =>
      factory.createCustomMessage(ctx, data, description, extension),
    );
  }

  createImageMessage(file: Blob, options?: ImageMessageOptions): Promise<Message> {
    return this.#create('createImageMessage', (ctx) => factory.createImageMessage(ctx, file, options));
  }

  createSoundMessage(file: Blob, durationSec: number): Promise<Message> {
    return this.#create('createSoundMessage', (ctx) => factory.createSoundMessage(ctx, file, durationSec));
  }

  createVideoMessage(file: Blob, type: string, durationSec: number, snapshot: Blob): Promise<Message> {
    return this.#create('createVideoMessage', (ctx) =>
      factory.createVideoMessage(ctx, file, type, durationSec, snapshot),
    );
  }

  createFileMessage(file: Blob, fileName?: string): Promise<Message> {
    return this.#create('createFileMessage', (ctx) => factory.createFileMessage(ctx, file, fileName));
  }

  createLocationMessage(description: string, longitude: number, latitude: number): Promise<Message> {
    return this.#create('createLocationMessage', (ctx) =>
      factory.createLocationMessage(ctx, description, longitude, latitude),
    );
  }

  createFaceMessage(index: number, data: string): Promise<Message> {
    return this.#create('createFaceMessage', (ctx) => factory.createFaceMessage(ctx, index, data));
  }

  createMergerMessage(
    messageList: Message[],
    title: string,
    abstractList: string[],
    compatibleText: string,
  ): Promise<Message> {
    return this.#create('createMergerMessage', (ctx) =>
      factory.createMergerMessage(ctx, messageList, title, abstractList, compatibleText),
    );
  }

  createForwardMessage(message: Message): Promise<Message> {
    return this.#create('createForwardMessage', (ctx) => factory.createForwardMessage(ctx, message));
  }

  appendElem(message: Message, elem: AppendableElem): Promise<Message> {
    return this.#session.call('appendElem', () => factory.appendElem(message, elem));
  }
}
