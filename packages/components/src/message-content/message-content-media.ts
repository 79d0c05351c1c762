import {
  ChatError,
  type ChatStore,
  type FileElem,
  type ImageElem,
  type SoundElem,
  safeUrl,
  type UrlPolicy,
  type UrlPurpose,
  type VideoElem,
} from '@tidings/core';

/** Largest box a picture or a video snapshot takes in a bubble, CSS pixels. */
export const MEDIA_MAX_INLINE = 240;
/** Tallest a picture or a video snapshot gets in a bubble, CSS pixels. */
export const MEDIA_MAX_BLOCK = 280;
/** Smallest side of a picture box, so a tiny or very thin picture is still a target. */
export const MEDIA_MIN = 72;

/**
 * The box a picture of `width` × `height` takes in a bubble: fitted into {@link MEDIA_MAX_INLINE} ×
 * {@link MEDIA_MAX_BLOCK}, at least {@link MEDIA_MIN} on each side, 4:3 when the size is unknown. A
 * message list reserves exactly this before the bytes arrive, so nothing moves when they do.
 *
 * @example
 * fitMediaBox(1920, 1080); // { width: 240, height: 135 }
 */
export function fitMediaBox(width: number, height: number): { width: number; height: number } {
  if (!(width > 0 && height > 0)) {
    return { width: MEDIA_MAX_INLINE, height: Math.round((MEDIA_MAX_INLINE * 3) / 4) };
  }
  const scale = Math.min(1, MEDIA_MAX_INLINE / width, MEDIA_MAX_BLOCK / height);
  return {
    width: Math.max(MEDIA_MIN, Math.round(width * scale)),
    height: Math.max(MEDIA_MIN, Math.round(height * scale)),
  };
}

/** An element whose bytes can be downloaded. */
export type MediaElem = ImageElem | SoundElem | VideoElem | FileElem;

/** Which bytes of an element: the file itself, or a video's snapshot. */
export type MediaPart = 'file' | 'snapshot';

/**
 * Where an element's bytes come from when it has no URL the app may load: the store's `downloadElem`
 * (see {@link mediaDownloaderOf}); a `ChatEngine` is one too.
 */
export interface MediaDownloader {
  downloadElem(elem: MediaElem, part: MediaPart): Promise<Blob>;
}

const downloaders = new WeakMap<ChatStore, MediaDownloader>();

/**
 * The downloader of a store's media: one object per store, so every component showing the same bytes of
 * that store shares one object URL (the cache below is keyed by downloader).
 *
 * @example
 * saveMediaElem(mediaDownloaderOf(useChatStoreApi()), elem, mediaFileName(elem), { urlPolicy });
 */
export function mediaDownloaderOf(store: ChatStore): MediaDownloader {
  let downloader = downloaders.get(store);
  if (!downloader) {
    downloader = { downloadElem: (elem, part) => store.getState().downloadElem(elem, part) };
    downloaders.set(store, downloader);
  }
  return downloader;
}

interface SourceEntry {
  refs: number;
  url: Promise<string>;
  release: ReturnType<typeof setTimeout> | null;
}

/** Object URLs live this long after their last user lets go, so scrolling back does not fetch again. */
const RELEASE_DELAY_MS = 20_000;

const sources = new WeakMap<MediaDownloader, Map<string, SourceEntry>>();

/** What an element's bytes are for, as the URL policy sees it. */
function purposeOf(elem: MediaElem, part: MediaPart): UrlPurpose {
  if (part === 'snapshot' || elem.type === 'image') return 'image';
  return elem.type === 'video' ? 'video' : elem.type === 'sound' ? 'audio' : 'download';
}

/**
 * Where an element's bytes come from under the URL policy: the backend's URL when the element has one and
 * the policy allows it (`direct`), the engine's `downloadElem` when it has none (`engine`), or nowhere
 * (`blocked`): a URL the policy refuses is never used, and never swapped for another source.
 *
 * @param purpose What the bytes are for. @default by the element: image, video, audio or download
 * @param urlPolicy The app's narrowing of the policy (the provider's `urlPolicy`).
 * @example
 * mediaSourceOf(elem, 'file', 'download', urlPolicy); // { kind: 'blocked' } for url "javascript:…"
 */
export function mediaSourceOf(
  elem: MediaElem,
  part: MediaPart = 'file',
  purpose: UrlPurpose = purposeOf(elem, part),
  urlPolicy?: UrlPolicy | null,
): { kind: 'direct'; url: string } | { kind: 'engine' } | { kind: 'blocked' } {
  const direct = part === 'snapshot' && elem.type === 'video' ? elem.snapshotUrl : elem.url;
  // An empty URL means the engine holds the bytes (the local engine); anything else is the peer's word.
  if (direct === '' || direct === undefined || direct === null) return { kind: 'engine' };
  const url = safeUrl(direct, { purpose, policy: urlPolicy });
  return url ? { kind: 'direct', url } : { kind: 'blocked' };
}

function blockedError(caller: string, elem: MediaElem): ChatError {
  return new ChatError(
    'INVALID_PARAMETER',
    `\`${caller}\`: the element's url is refused by the URL policy (only https, http, same-origin blob and relative URLs are used)`,
    { uuid: elem.uuid },
  );
}

/** Options of {@link acquireMediaSource} and {@link saveMediaElem}. */
export interface MediaSourceOptions {
  /** The app's narrowing of the URL policy (the provider's `urlPolicy`). */
  urlPolicy?: UrlPolicy | null | undefined;
}

/**
 * The URL an element's bytes can be shown from: the backend's URL when the element has one and the URL
 * policy allows it, else an object URL of the blob the downloader (the store's `downloadElem`) returns, shared by everyone
 * showing the same bytes and revoked once the last of them has let go (after {@link RELEASE_DELAY_MS}).
 * A URL the policy refuses rejects with a `ChatError` (`INVALID_PARAMETER`). Call the returned `release`
 * exactly once.
 */
export function acquireMediaSource(
  downloader: MediaDownloader,
  elem: MediaElem,
  part: MediaPart = 'file',
  options: MediaSourceOptions & { purpose?: UrlPurpose } = {},
): { url: Promise<string>; release: () => void } {
  const source = mediaSourceOf(elem, part, options.purpose, options.urlPolicy);
  if (source.kind === 'blocked') {
    return { url: Promise.reject(blockedError('acquireMediaSource', elem)), release: () => {} };
  }
  if (source.kind === 'direct') return { url: Promise.resolve(source.url), release: () => {} };
  const uuid = part === 'snapshot' && elem.type === 'video' ? elem.snapshotUuid : elem.uuid;
  let entries = sources.get(downloader);
  if (!entries) {
    entries = new Map();
    sources.set(downloader, entries);
  }
  const map = entries;
  let entry = map.get(uuid);
  if (!entry) {
    // The kit makes this object URL itself from the engine's bytes; it is not the peer's, so it is not
    // put to the app's URL policy.
    const url = downloader.downloadElem(elem, part).then((blob) => URL.createObjectURL(blob));
    entry = { refs: 0, url, release: null };
    map.set(uuid, entry);
    // A failed download is forgotten at once, so the next viewer tries again.
    url.catch(() => map.delete(uuid));
  }
  const held = entry;
  held.refs++;
  if (held.release) clearTimeout(held.release);
  held.release = null;
  let released = false;
  return {
    url: held.url,
    release: () => {
      if (released) return;
      released = true;
      if (--held.refs > 0) return;
      held.release = setTimeout(() => {
        if (held.refs > 0 || map.get(uuid) !== held) return;
        map.delete(uuid);
        held.url.then((url) => URL.revokeObjectURL(url)).catch(() => {});
      }, RELEASE_DELAY_MS);
    },
  };
}

/**
 * Saves an element's bytes as a file: through the backend's URL when there is one and the URL policy
 * allows it for a download, else from the blob the downloader (the store's `downloadElem`) returns. A URL the policy refuses
 * (`javascript:`, `data:`, a host the app does not allow…) rejects with a `ChatError`
 * (`INVALID_PARAMETER`) before any link exists: nothing is opened or saved.
 *
 * @example
 * await saveMediaElem(mediaDownloaderOf(store), elem, mediaFileName(elem), { urlPolicy });
 */
export async function saveMediaElem(
  downloader: MediaDownloader,
  elem: MediaElem,
  fileName: string,
  options: MediaSourceOptions = {},
): Promise<void> {
  if (mediaSourceOf(elem, 'file', 'download', options.urlPolicy).kind === 'blocked') {
    throw blockedError('saveMediaElem', elem);
  }
  const { url, release } = acquireMediaSource(downloader, elem, 'file', {
    ...options,
    purpose: 'download',
  });
  try {
    const link = document.createElement('a');
    link.href = await url;
    link.download = fileName;
    link.rel = 'noopener';
    link.style.display = 'none';
    document.body.append(link);
    link.click();
    link.remove();
  } finally {
    release();
  }
}

/** A name to save an element under. */
export function mediaFileName(elem: MediaElem): string {
  if (elem.type === 'file' || elem.type === 'image') return elem.fileName || elem.uuid;
  const extension = elem.type === 'video' ? elem.videoType || 'mp4' : elem.mimeType.split('/')[1] || 'audio';
  return `${elem.uuid}.${extension}`;
}
