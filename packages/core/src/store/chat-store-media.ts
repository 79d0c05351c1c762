import type { ChatEngine } from '../engine/chat-engine';
import { attachmentKindOf } from '../model/message-attachment';
import type { Message } from '../model/types';

/** What a video message needs besides the file: its length and a poster frame. */
export interface VideoInfo {
  durationSec: number;
  snapshot: Blob;
}

const VIDEO_TIMEOUT_MS = 8000;

/**
 * Reads a video's length and draws an early frame as its snapshot, in the browser. Resolves null when the
 * browser cannot decode the video (or there is no DOM), so the caller sends it as a plain file instead.
 */
export function readVideoInfo(file: Blob): Promise<VideoInfo | null> {
  if (typeof document === 'undefined' || typeof URL.createObjectURL !== 'function') {
    return Promise.resolve(null);
  }
  return new Promise((resolve) => {
    const url = URL.createObjectURL(file);
    const video = document.createElement('video');
    let settled = false;
    const finish = (info: VideoInfo | null) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      video.removeAttribute('src');
      video.load();
      URL.revokeObjectURL(url);
      resolve(info);
    };
    const timer = setTimeout(() => finish(null), VIDEO_TIMEOUT_MS);
    video.muted = true;
    video.preload = 'auto';
    video.playsInline = true;
    video.onerror = () => finish(null);
    video.onloadedmetadata = () => {
      // The very first frame is often black; a tenth of a second in is usually the picture.
      video.currentTime = Math.min(0.1, (video.duration || 0) / 2);
    };
    video.onseeked = () => {
      const canvas = document.createElement('canvas');
      canvas.width = video.videoWidth;
      canvas.height = video.videoHeight;
      const context = canvas.getContext('2d');
      if (!context || canvas.width === 0 || canvas.height === 0) return finish(null);
      context.drawImage(video, 0, 0);
      canvas.toBlob(
        (snapshot) =>
          finish(
            snapshot
              ? { durationSec: Number.isFinite(video.duration) ? Math.round(video.duration) : 0, snapshot }
              : null,
          ),
        'image/jpeg',
        0.82,
      );
    };
    video.src = url;
  });
}

/** The container format of a video for `createVideoMessage`, from its MIME type or name: `mp4`, `webm`… */
function videoTypeOf(file: File): string {
  const fromType = file.type.split('/')[1]?.replace('quicktime', 'mov');
  if (fromType) return fromType;
  return file.name.split('.').pop()?.toLowerCase() ?? 'mp4';
}

/**
 * Creates the message a file is sent as, by its kind ({@link attachmentKindOf}): an image message, a video
 * message (with its length and a snapshot, when the browser can decode it), or a file message.
 */
export async function createAttachmentMessage(engine: ChatEngine, file: File): Promise<Message> {
  const kind = attachmentKindOf(file);
  if (kind === 'image') return engine.createImageMessage(file);
  if (kind === 'video') {
    const info = await readVideoInfo(file);
    if (info) return engine.createVideoMessage(file, videoTypeOf(file), info.durationSec, info.snapshot);
  }
  return engine.createFileMessage(file, file.name || 'file');
}
