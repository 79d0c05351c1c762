import { formatDuration, type VideoElem } from '@tidings/core';
import { type CSSProperties, useState } from 'react';
import { useChatStrings } from '../chat-provider/index';
import { PlayIcon } from '../icons/index';
import type { MessageElemProps } from './message-content-context';
import { fitMediaBox } from './message-content-media';
import { MessageUploadProgress } from './message-content-upload';
import { useMediaSource, useSendProgress } from './use-message-content';

/**
 * A video: its snapshot in a box sized from the snapshot's width and height (reserved before any byte
 * arrives), a play button and the duration. Playing swaps the snapshot for the video in the same box, so
 * nothing moves. While it uploads, a progress ring with a cancel button covers it.
 *
 * DOM: `div.tidings-message-video` > `button.tidings-message-video-play` (with `img`) or `video`.
 *
 * A video whose URL the URL policy refuses shows a placeholder instead (`div[role=img]` named
 * "Video, 0:12: Blocked: unsafe address"), never a `video`; a refused snapshot URL shows no snapshot.
 *
 * Data attributes: `data-state="loading" | "loaded" | "error" | "blocked"` (the snapshot, or `blocked`
 * when the video itself is), `data-playing` once playing.
 *
 * CSS variables: `--tidings-media-width`, `--tidings-media-height`.
 */
export function MessageVideo({ elem, message }: MessageElemProps<VideoElem>) {
  const strings = useChatStrings();
  const box = fitMediaBox(elem.snapshotWidth, elem.snapshotHeight);
  const [isPlaying, setPlaying] = useState(false);
  const snapshot = useMediaSource(elem.snapshotUuid || elem.snapshotUrl ? elem : null, 'snapshot');
  const video = useMediaSource(elem, 'file', isPlaying);
  const progress = useSendProgress(message);
  const [loadedSrc, setLoadedSrc] = useState<string | null>(null);
  const duration = formatDuration(elem.duration);
  const isBlocked = video.status === 'blocked';
  const state =
    snapshot.status === 'blocked'
      ? 'blocked'
      : snapshot.status === 'error'
        ? 'error'
        : snapshot.src && loadedSrc === snapshot.src
          ? 'loaded'
          : 'loading';
  const boxStyle = {
    '--tidings-media-width': `${box.width}px`,
    '--tidings-media-height': `${box.height}px`,
  } as CSSProperties;

  if (isBlocked) {
    return (
      <div className="tidings-message-video" data-state="blocked" style={boxStyle}>
        <div
          className="tidings-message-blocked"
          role="img"
          aria-label={`${strings.video(duration)}: ${strings.mediaBlocked}`}
        >
          <PlayIcon size={28} />
          <span className="tidings-message-blocked-text" aria-hidden="true">
            {strings.mediaBlocked}
          </span>
        </div>
      </div>
    );
  }

  return (
    <div
      className="tidings-message-video"
      data-state={state}
      data-playing={isPlaying ? '' : undefined}
      style={boxStyle}
    >
      {isPlaying && video.src ? (
        <video
          className="tidings-message-video-player"
          src={video.src}
          width={box.width}
          height={box.height}
          controls
          autoPlay
          aria-label={strings.video(duration)}
        />
      ) : (
        <button
          type="button"
          className="tidings-message-video-play"
          aria-label={`${strings.play}: ${strings.video(duration)}`}
          aria-busy={isPlaying || undefined}
          disabled={message.status === 'sending'}
          onClick={() => setPlaying(true)}
        >
          {snapshot.src && (
            <img
              className="tidings-message-video-snapshot"
              src={snapshot.src}
              alt=""
              width={box.width}
              height={box.height}
              decoding="async"
              draggable={false}
              onLoad={() => setLoadedSrc(snapshot.src)}
            />
          )}
          <span className="tidings-message-video-icon" aria-hidden="true">
            <PlayIcon size={22} />
          </span>
          <span className="tidings-message-video-duration" aria-hidden="true">
            {duration}
          </span>
        </button>
      )}
      {message.status === 'sending' && <MessageUploadProgress message={message} progress={progress} />}
    </div>
  );
}
