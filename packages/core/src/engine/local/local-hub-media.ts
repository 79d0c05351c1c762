import { ChatError, ChatErrorCode } from '../../model/chat-error';
import type { HandlerContext, HubState } from './local-hub-state';
import type { HubMethods } from './local-protocol';

/**
 * How long a partial upload may sit untouched before the hub drops it, ms: the uploader went offline,
 * crashed or closed its tab and will never finish or abort it. A resend starts the upload again.
 */
export const UPLOAD_IDLE_MS = 5 * 60_000;

/**
 * Media on the hub: chunked uploads (checked against the size limits, owned by the uploader), the media
 * records messages point to, and downloads.
 */

/** Drops partial uploads nobody touched for {@link UPLOAD_IDLE_MS}, so their chunks can be collected. */
export function dropIdleUploads(hub: HubState): void {
  const cutoff = hub.now() - UPLOAD_IDLE_MS;
  for (const [uuid, upload] of hub.uploads) if (upload.touched < cutoff) hub.uploads.delete(uuid);
}

export function uploadBegin(
  hub: HubState,
  ctx: HandlerContext,
  args: HubMethods['uploadBegin']['args'],
): null {
  dropIdleUploads(hub);
  const limit = args.kind === 'image' ? hub.limits.maxImageBytes : hub.limits.maxFileBytes;
  if (args.size > limit) {
    throw new ChatError(
      ChatErrorCode.MessageTooLarge,
      `The ${args.kind} is ${args.size} bytes; the limit is ${limit}.`,
      {
        size: args.size,
        limit,
      },
    );
  }
  hub.uploads.set(args.uuid, {
    owner: ctx.userID,
    size: args.size,
    type: args.type,
    chunks: [],
    received: 0,
    touched: hub.now(),
  });
  return null;
}

export function uploadChunk(
  hub: HubState,
  ctx: HandlerContext,
  args: HubMethods['uploadChunk']['args'],
): { received: number } {
  const upload = hub.uploads.get(args.uuid);
  if (!upload || upload.owner !== ctx.userID) {
    throw new ChatError(ChatErrorCode.InvalidState, `No upload ${args.uuid} is in progress.`, {
      uuid: args.uuid,
    });
  }
  if (args.offset !== upload.received || upload.received + args.data.byteLength > upload.size) {
    throw new ChatError(ChatErrorCode.InvalidState, `Upload ${args.uuid} got a chunk out of order.`, {
      uuid: args.uuid,
    });
  }
  upload.chunks.push(args.data);
  upload.received += args.data.byteLength;
  upload.touched = hub.now();
  return { received: upload.received };
}

export function uploadFinish(
  hub: HubState,
  ctx: HandlerContext,
  args: HubMethods['uploadFinish']['args'],
): null {
  const upload = hub.uploads.get(args.uuid);
  if (!upload || upload.owner !== ctx.userID || upload.received !== upload.size) {
    throw new ChatError(ChatErrorCode.InvalidState, `Upload ${args.uuid} is incomplete.`, {
      uuid: args.uuid,
    });
  }
  const data = new Uint8Array(upload.size);
  let offset = 0;
  for (const chunk of upload.chunks) {
    data.set(new Uint8Array(chunk), offset);
    offset += chunk.byteLength;
  }
  hub.uploads.delete(args.uuid);
  storeMedia(hub, args.uuid, data.buffer, upload.type, ctx.userID);
  return null;
}

export function uploadAbort(
  hub: HubState,
  _ctx: HandlerContext,
  args: HubMethods['uploadAbort']['args'],
): null {
  hub.uploads.delete(args.uuid);
  return null;
}

/** Keeps media bytes on the hub (and in storage when persistent); `owner` is '' for seeded media. */
export function storeMedia(
  hub: HubState,
  uuid: string,
  data: ArrayBuffer,
  type: string,
  owner: string,
): void {
  hub.blobs.set(uuid, { data, type });
  hub.media.set(uuid, { uuid, size: data.byteLength, type, owner });
  if (hub.store.persistent) hub.store.putBlob({ uuid, data, type });
}

export async function download(
  hub: HubState,
  args: HubMethods['download']['args'],
): Promise<HubMethods['download']['result']> {
  const meta = hub.media.get(args.uuid);
  const held = hub.blobs.get(args.uuid) ?? (meta ? await hub.store.readBlob(args.uuid) : undefined);
  if (!meta || !held) {
    throw new ChatError(ChatErrorCode.MessageNotFound, `downloadElem: no media ${args.uuid} on the hub.`, {
      uuid: args.uuid,
    });
  }
  return { data: held.data, type: held.type };
}
