import { ChatError, ChatErrorCode } from '../chat-error';
import type { LocalEngineSession } from './local-engine-session';
import type { MessageMedia } from './local-message-utils';

/**
 * @internal The bytes of media messages on this device: held from `create*Message` until sent (or read back
 * from the local store for a failed send after a reload), and uploaded to the hub in chunks.
 */
export class LocalEngineMedia {
  readonly #session: LocalEngineSession;
  readonly #held = new Map<string, Blob>();

  constructor(session: LocalEngineSession) {
    this.#session = session;
  }

  /** Keeps a created element's bytes until it is uploaded. */
  hold(uuid: string, blob: Blob): void {
    this.#held.set(uuid, blob);
  }

  /** Whether the bytes of `uuid` are held in memory. */
  has(uuid: string): boolean {
    return this.#held.has(uuid);
  }

  /** The held size of `uuid` (a created element's Blob), when held. */
  heldSize(uuid: string): number | undefined {
    return this.#held.get(uuid)?.size;
  }

  /** Lets go of the bytes once the hub has them. */
  release(uuid: string): void {
    this.#held.delete(uuid);
  }

  /** Keeps the held bytes of a failed send in the local store, so it can be resent after a reload. */
  persist(uuid: string): void {
    const blob = this.#held.get(uuid);
    if (!blob) return;
    const { store } = this.#session;
    void blob.arrayBuffer().then((data) => {
      store.putBlob({ uuid, data, type: blob.type });
      this.#session.persistSoon();
    });
  }

  /** The bytes of `uuid` from memory or the local store, or null when this device has none. */
  async blobFor(uuid: string): Promise<Blob | null> {
    const held = this.#held.get(uuid);
    if (held) return held;
    const stored = await this.#session.store.readBlob(uuid);
    if (!stored) return null;
    const blob = new Blob([stored.data], { type: stored.type });
    this.#held.set(uuid, blob);
    return blob;
  }

  /**
   * Uploads the media of message `msgID` in chunks, reporting progress 0–100 to `onProgress` and the
   * message listeners. Checks `control.cancelled` between chunks: a cancelled upload is aborted on the hub
   * and rejects with `SEND_CANCELLED`.
   */
  async upload(
    msgID: string,
    media: readonly MessageMedia[],
    onProgress: ((progress: number) => void) | null,
    control: { readonly cancelled: boolean },
  ): Promise<void> {
    const session = this.#session;
    const blobs: { uuid: string; kind: MessageMedia['kind']; blob: Blob }[] = [];
    for (const item of media) {
      const blob = await this.blobFor(item.uuid);
      if (blob) blobs.push({ uuid: item.uuid, kind: item.kind, blob });
    }
    const total = blobs.reduce((sum, item) => sum + item.blob.size, 0);
    let sent = 0;
    let reported = -1;
    const report = (progress: number) => {
      if (progress === reported) return;
      reported = progress;
      if (onProgress) {
        try {
          onProgress(progress);
        } catch (error) {
          console.error('Tidings local engine: onProgress threw', error);
        }
      }
      session.emitSafely(session.messageListeners, (listener) => listener.onSendProgress?.(msgID, progress));
    };
    const checkCancelled = async (uuid: string) => {
      if (!control.cancelled) return;
      await session.request('uploadAbort', { uuid }).catch(() => undefined);
      throw new ChatError(ChatErrorCode.SendCancelled, `sendMessage: sending ${msgID} was cancelled.`, {
        msgID,
      });
    };
    report(0);
    const chunkBytes = Math.max(1, session.limits.uploadChunkBytes);
    for (const { uuid, kind, blob } of blobs) {
      await checkCancelled(uuid);
      await session.request('uploadBegin', { uuid, size: blob.size, type: blob.type, kind });
      for (let offset = 0; offset < blob.size; offset += chunkBytes) {
        await checkCancelled(uuid);
        const data = await blob.slice(offset, Math.min(offset + chunkBytes, blob.size)).arrayBuffer();
        await checkCancelled(uuid);
        await session.request('uploadChunk', { uuid, offset, data });
        sent += data.byteLength;
        // 100 is reported once everything is stored on the hub.
        report(Math.min(99, Math.floor((sent / Math.max(total, 1)) * 100)));
      }
      await checkCancelled(uuid);
      await session.request('uploadFinish', { uuid });
    }
    report(100);
  }
}
