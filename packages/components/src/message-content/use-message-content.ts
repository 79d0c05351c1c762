import { type Message, selectSendProgress } from '@tidings/core';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useChatStore, useChatStoreApi, useProviderUrlPolicy } from '../chat-provider/index';
import { useLatest } from '../internal/index';
import {
  acquireMediaSource,
  type MediaDownloader,
  type MediaElem,
  type MediaPart,
  mediaDownloaderOf,
  mediaSourceOf,
} from './message-content-media';

/**
 * Where a media element's bytes stand. `blocked`: the element's URL is refused by the URL policy (an
 * unsafe scheme, or a host the app does not allow), so nothing is loaded; show a placeholder.
 */
export type MediaSourceStatus = 'idle' | 'loading' | 'ready' | 'error' | 'blocked';

/** What {@link useMediaSource} returns. */
export interface UseMediaSourceReturn {
  /** A URL to show the bytes from, once known. */
  src: string | null;
  status: MediaSourceStatus;
}

/**
 * The URL a media element shows from: the backend's URL when the URL policy (the kit's, narrowed by the
 * provider's `urlPolicy`) allows it, or an object URL of the engine's blob (shared and revoked when no one
 * shows it any more). A refused URL is `blocked` at once, whether enabled or not, and never loaded.
 * Nothing is fetched while `enabled` is false.
 *
 * @example
 * const { src, status } = useMediaSource(elem);
 * return status === 'ready' ? <img src={src} alt="" /> : <Placeholder />;
 */
export function useMediaSource(
  elem: MediaElem | null,
  part: MediaPart = 'file',
  enabled = true,
): UseMediaSourceReturn {
  const downloader = useMediaDownloader();
  const urlPolicy = useProviderUrlPolicy();
  const isBlocked = elem !== null && mediaSourceOf(elem, part, undefined, urlPolicy).kind === 'blocked';
  const [state, setState] = useState<{ key: string; src: string | null; failed: boolean } | null>(null);
  const key = elem
    ? `${part}:${part === 'snapshot' && elem.type === 'video' ? elem.snapshotUuid : elem.uuid}`
    : '';

  // A new element object for the same bytes (a re-render, a status change) needs no new fetch.
  const elemRef = useLatest(elem);

  useEffect(() => {
    const current = elemRef.current;
    if (!current || !enabled || !key || isBlocked) return;
    let live = true;
    const { url, release } = acquireMediaSource(downloader, current, part, { urlPolicy });
    url.then(
      (src) => live && setState({ key, src, failed: false }),
      () => live && setState({ key, src: null, failed: true }),
    );
    return () => {
      live = false;
      release();
    };
  }, [downloader, key, enabled, part, isBlocked, urlPolicy]);

  if (isBlocked) return { src: null, status: 'blocked' };
  if (!elem || !enabled) return { src: null, status: 'idle' };
  if (state?.key !== key) return { src: null, status: 'loading' };
  return state.failed ? { src: null, status: 'error' } : { src: state.src, status: 'ready' };
}

/**
 * Where the provider's media bytes come from: the store's `downloadElem`, the same object for every
 * component under one provider so they share object URLs.
 *
 * @example
 * const downloader = useMediaDownloader();
 * await saveMediaElem(downloader, elem, mediaFileName(elem));
 */
export function useMediaDownloader(): MediaDownloader {
  return mediaDownloaderOf(useChatStoreApi());
}

/**
 * Upload progress (0–100) of a message being sent, or undefined once it is not uploading. Subscribes to
 * that message's progress only.
 */
export function useSendProgress(message: Message): number | undefined {
  const { msgID, status } = message;
  const selector = useCallback(
    (state: Parameters<typeof selectSendProgress>[0]) =>
      status === 'sending' ? selectSendProgress(state, msgID) : undefined,
    [msgID, status],
  );
  return useChatStore(selector);
}

/** What {@link useAudioPlayback} returns. */
export interface UseAudioPlaybackReturn {
  isPlaying: boolean;
  /** Whether the URL policy refuses the element's URL: it cannot be played. */
  isBlocked: boolean;
  /** Whether the bytes are being fetched after the first play. */
  isLoading: boolean;
  /** Seconds played. */
  currentTime: number;
  /** Plays, or pauses what is playing. */
  toggle: () => void;
}

// One voice message plays at a time, as in every chat app.
let playing: HTMLAudioElement | null = null;

/**
 * Plays a voice message: fetches its bytes on the first play, pauses any other voice message that is
 * playing, and lets go of the audio when the component unmounts.
 *
 * @example
 * const { isPlaying, toggle, currentTime } = useAudioPlayback(elem);
 */
export function useAudioPlayback(elem: MediaElem): UseAudioPlaybackReturn {
  const [wanted, setWanted] = useState(false);
  const { src, status } = useMediaSource(elem, 'file', wanted);
  const isBlocked = status === 'blocked';
  const audioRef = useRef<HTMLAudioElement | null>(null);
  const [isPlaying, setPlaying] = useState(false);
  const [currentTime, setCurrentTime] = useState(0);

  useEffect(() => {
    if (!src) return;
    const audio = new Audio(src);
    audioRef.current = audio;
    const onPlay = () => {
      if (playing && playing !== audio) playing.pause();
      playing = audio;
      setPlaying(true);
    };
    const onPause = () => setPlaying(false);
    const onEnded = () => {
      setPlaying(false);
      setCurrentTime(0);
    };
    const onTime = () => setCurrentTime(audio.currentTime);
    audio.addEventListener('play', onPlay);
    audio.addEventListener('pause', onPause);
    audio.addEventListener('ended', onEnded);
    audio.addEventListener('timeupdate', onTime);
    audio.play().catch(() => setPlaying(false));
    return () => {
      audio.pause();
      audio.removeEventListener('play', onPlay);
      audio.removeEventListener('pause', onPause);
      audio.removeEventListener('ended', onEnded);
      audio.removeEventListener('timeupdate', onTime);
      if (playing === audio) playing = null;
      audioRef.current = null;
    };
  }, [src]);

  const toggle = useCallback(() => {
    if (isBlocked) return;
    const audio = audioRef.current;
    if (!audio) {
      setWanted(true);
      return;
    }
    if (audio.paused) audio.play().catch(() => setPlaying(false));
    else audio.pause();
  }, [isBlocked]);

  return { isPlaying, isBlocked, isLoading: wanted && status === 'loading', currentTime, toggle };
}
