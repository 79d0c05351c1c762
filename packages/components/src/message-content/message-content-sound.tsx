import { formatDuration, type SoundElem } from '@tidings/core';
import type { CSSProperties } from 'react';
import { useChatStrings } from '../chat-provider/index';
import { PauseIcon, PlayIcon } from '../icons/index';
import type { MessageElemProps } from './message-content-context';
import { useAudioPlayback } from './use-message-content';

const BARS = 24;

/** Bar heights 0.25–1 derived from the element's ID, so each voice message has its own steady "waveform". */
function bars(seed: string): number[] {
  let hash = 2166136261;
  for (let i = 0; i < seed.length; i++) hash = Math.imul(hash ^ seed.charCodeAt(i), 16777619);
  return Array.from({ length: BARS }, (_, i) => {
    hash = Math.imul(hash ^ (hash >>> 13), 1274126177) + i;
    return 0.25 + ((hash >>> 0) % 1000) / 1333;
  });
}

/**
 * A voice message: a play/pause button, a waveform that fills as it plays, and the duration (the time
 * left while playing). The bytes are fetched on the first play; one voice message plays at a time.
 *
 * DOM: `div.tidings-message-sound[role=group]` > `button.tidings-message-sound-toggle` +
 * `span.tidings-message-sound-wave` + `span.tidings-message-sound-duration`.
 *
 * Data attributes: `data-playing` while playing; `data-blocked` when the URL policy refuses its URL (the
 * play button is disabled and says so).
 *
 * CSS variables: `--tidings-sound-progress` (0–1).
 */
export function MessageSound({ elem }: MessageElemProps<SoundElem>) {
  const strings = useChatStrings();
  const { isPlaying, isBlocked, isLoading, currentTime, toggle } = useAudioPlayback(elem);
  const duration = formatDuration(elem.duration);
  const progress = elem.duration > 0 ? Math.min(1, currentTime / elem.duration) : 0;
  return (
    <div
      className="tidings-message-sound"
      role="group"
      aria-label={strings.voiceMessage(duration)}
      data-playing={isPlaying ? '' : undefined}
      data-blocked={isBlocked ? '' : undefined}
      aria-busy={isLoading || undefined}
      style={{ '--tidings-sound-progress': progress } as CSSProperties}
    >
      <button
        type="button"
        className="tidings-message-sound-toggle"
        aria-label={isPlaying ? strings.pause : strings.play}
        disabled={isBlocked}
        onClick={toggle}
      >
        {isPlaying ? <PauseIcon size={18} /> : <PlayIcon size={18} />}
      </button>
      <span className="tidings-message-sound-wave" aria-hidden="true">
        {bars(elem.uuid).map((height, i) => (
          <span
            key={i}
            className="tidings-message-sound-bar"
            data-played={i / BARS < progress ? '' : undefined}
            style={{ '--tidings-sound-bar': height } as CSSProperties}
          />
        ))}
      </span>
      {isBlocked && <span className="tidings-message-blocked-text">{strings.mediaBlocked}</span>}
      <span className="tidings-message-sound-duration">
        {isPlaying || currentTime > 0 ? formatDuration(Math.max(0, elem.duration - currentTime)) : duration}
      </span>
    </div>
  );
}
