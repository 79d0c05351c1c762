import { ChatError, ChatErrorCode } from '../../model/chat-error';
import type { Message, MessageElem } from '../../model/types';
import type { LocalEngineSession } from './local-engine-session';
import { type MessageMedia, mediaOf } from './local-message-utils';

/**
 * @internal The bytes of media messages on this device, and their chunked upload.
 *
 * Bytes live exactly as long as something can still use them:
 * - a created, unsent message's bytes hang off its element (a WeakMap), so a message the app drops is
 *   collectable with its file: nothing here keeps a 16 MB Blob alive for a message nobody can send;
 * - from `sendMessage` on they are pinned (the engine holds the message as `sending`, then `failed` to
 *   resend) and let go when the hub has them, when the message is deleted, or when the hub refused it for
 *   good;
 * - a failed send's bytes read back from the local store after a reload are pinned the same way.
 */
export class LocalEngineMedia {
  readonly #session: LocalEngineSession;
  /** Bytes of messages the engine holds (sending, failed), by media uuid. */
  readonly #pinned = new Map<string, Blob>();
  /** Bytes of created elements not sent yet, on the element itself. */
  readonly #created = new WeakMap<object, Map<string, Blob>>();
  /** Which element carries a created uuid's bytes; an entry goes when its element is collected. */
  readonly #owners = new Map<string, WeakRef<object>>();
  /** Bytes of the message being created, until {@link adopt} puts them on its element. */
  readonly #fresh = new Map<string, Blob>();
  readonly #registry: FinalizationRegistry<string> | null =
    typeof FinalizationRegistry === 'function'
      ? new FinalizationRegistry((uuid) => {
          if (this.#owners.get(uuid)?.deref() === undefined) this.#owners.delete(uuid);
        })
      : null;

  constructor(session: LocalEngineSession) {
    this.#session = session;
    // A message that goes from this device's store (deleted, cleared, refused for good) takes its bytes.
    session.store.onDelete = (message) => this.forget(message);
  }

  /** Keeps a created element's bytes until {@link adopt} hands them to the element. */
  hold(uuid: string, blob: Blob): void {
    this.#fresh.set(uuid, blob);
  }

  /** Hangs the bytes held for the media of a just-created message on its elements. */
  adopt(elemList: readonly MessageElem[]): void {
    if (this.#fresh.size === 0) return;
    for (const elem of elemList) {
      for (const { uuid } of mediaOf([elem])) {
        const blob = this.#fresh.get(uuid);
        if (!blob) continue;
        this.#fresh.delete(uuid);
        const bytes = this.#created.get(elem) ?? new Map<string, Blob>();
        bytes.set(uuid, blob);
        this.#created.set(elem, bytes);
        this.#owners.set(uuid, new WeakRef(elem));
        this.#registry?.register(elem, uuid);
      }
    }
  }

  #lookup(uuid: string): Blob | undefined {
    const pinned = this.#pinned.get(uuid);
    if (pinned) return pinned;
    const owner = this.#owners.get(uuid)?.deref();
    return owner ? this.#created.get(owner)?.get(uuid) : this.#fresh.get(uuid);
  }

  /** Whether the bytes of `uuid` are held in memory. */
  has(uuid: string): boolean {
    return this.#lookup(uuid) !== undefined;
  }

  /** The held size of `uuid` (a created element's Blob), when held. */
  heldSize(uuid: string): number | undefined {
    return this.#lookup(uuid)?.size;
  }

  /** Keeps the bytes of a message being sent until the hub has them (or the message is gone). */
  pin(uuid: string): void {
    const blob = this.#lookup(uuid);
    if (blob) this.#pinned.set(uuid, blob);
  }

  /** Lets go of the bytes once the hub has them. */
  release(uuid: string): void {
    this.#pinned.delete(uuid);
    const owner = this.#owners.get(uuid)?.deref();
    if (owner) this.#created.get(owner)?.delete(uuid);
    this.#owners.delete(uuid);
  }

  /** Lets go of the bytes of a message that left this device unsent, here and in the local store. */
  forget(message: Message): void {
    if (message.status !== 'sending' && message.status !== 'failed') return;
    for (const { uuid } of mediaOf(message.elemList)) {
      if (!this.#pinned.has(uuid)) continue;
      this.release(uuid);
      if (this.#session.store.persistent) this.#session.store.deleteBlob(uuid);
    }
  }

  /** How many media uuids this engine pins in memory (for tests and diagnostics). */
  get pinnedCount(): number {
    return this.#pinned.size;
  }

  /** Keeps the held bytes of a failed send in the local store, so it can be resent after a reload. */
  persist(uuid: string): void {
    const blob = this.#lookup(uuid);
    if (!blob) return;
    const { store } = this.#session;
    void blob.arrayBuffer().then((data) => {
      store.putBlob({ uuid, data, type: blob.type });
      this.#session.persistSoon();
    });
  }

  /** The bytes of `uuid` from memory or the local store, or null when this device has none. */
  async blobFor(uuid: string): Promise<Blob | null> {
    const held = this.#lookup(uuid);
    if (held) return held;
    const stored = await this.#session.store.readBlob(uuid);
    if (!stored) return null;
    const blob = new Blob([stored.data], { type: stored.type });
    // Read back for a resend or a download of a failed message: kept until it is sent or deleted.
    this.#pinned.set(uuid, blob);
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
