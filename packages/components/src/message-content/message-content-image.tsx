import type { ImageElem } from '@tidings/core';
import { type CSSProperties, useState } from 'react';
import { useChatStrings } from '../chat-provider/index';
import { ImageIcon } from '../icons/index';
import { type MessageElemProps, useMessageContentOptions } from './message-content-context';
import { fitMediaBox } from './message-content-media';
import { MessageUploadProgress } from './message-content-upload';
import { MessageContentViewer } from './message-content-viewer';
import { useMediaSource, useSendProgress } from './use-message-content';

/**
 * A picture. Its box is sized from the element's width and height before any byte arrives (a skeleton
 * with an image glyph, or the backend's thumbnail blurred), so nothing around it moves when it loads.
 * While it uploads, a progress ring with a cancel button covers it. Activating it opens the full view
 * (or `onOpenImage`).
 *
 * DOM: `div.tidings-message-image` > `button.tidings-message-image-button` > `img`.
 *
 * A picture whose URL the URL policy refuses shows a placeholder instead (`div[role=img]` named
 * "Image: Blocked: unsafe address"), never an `img`.
 *
 * Data attributes: `data-state="loading" | "loaded" | "error" | "blocked"`.
 *
 * CSS variables: `--tidings-media-width`, `--tidings-media-height` (the reserved box).
 */
export function MessageImage({ elem, message }: MessageElemProps<ImageElem>) {
  const strings = useChatStrings();
  const { onOpenImage } = useMessageContentOptions();
  const box = fitMediaBox(elem.width, elem.height);
  const { src, status } = useMediaSource(elem.thumbUrl ? { ...elem, url: elem.thumbUrl } : elem);
  const progress = useSendProgress(message);
  const [loadedSrc, setLoadedSrc] = useState<string | null>(null);
  const [isViewing, setViewing] = useState(false);
  const state =
    status === 'blocked' || status === 'error' ? status : src && loadedSrc === src ? 'loaded' : 'loading';
  const name = elem.fileName ? `${strings.image}, ${elem.fileName}` : strings.image;
  const boxStyle = {
    '--tidings-media-width': `${box.width}px`,
    '--tidings-media-height': `${box.height}px`,
  } as CSSProperties;

  if (status === 'blocked') {
    return (
      <div className="tidings-message-image" data-state="blocked" style={boxStyle}>
        <div className="tidings-message-blocked" role="img" aria-label={`${name}: ${strings.mediaBlocked}`}>
          <ImageIcon className="tidings-message-image-glyph" size={28} />
          <span className="tidings-message-blocked-text" aria-hidden="true">
            {strings.mediaBlocked}
          </span>
        </div>
      </div>
    );
  }

  return (
    <div className="tidings-message-image" data-state={state} style={boxStyle}>
      <button
        type="button"
        className="tidings-message-image-button"
        aria-label={name}
        onClick={() => (onOpenImage ? onOpenImage({ message, elem }) : setViewing(true))}
      >
        {state !== 'loaded' && <ImageIcon className="tidings-message-image-glyph" size={28} />}
        {src && (
          <img
            className="tidings-message-image-img"
            src={src}
            alt=""
            width={box.width}
            height={box.height}
            decoding="async"
            draggable={false}
            onLoad={() => setLoadedSrc(src)}
            ref={(image) => {
              if (image?.complete && image.naturalWidth > 0 && loadedSrc !== src) setLoadedSrc(src);
            }}
          />
        )}
      </button>
      {message.status === 'sending' && <MessageUploadProgress message={message} progress={progress} />}
      {isViewing && (
        <MessageContentViewer label={name} onClose={() => setViewing(false)}>
          <MessageImageFull elem={elem} label={name} />
        </MessageContentViewer>
      )}
    </div>
  );
}

function MessageImageFull({ elem, label }: { elem: ImageElem; label: string }) {
  const { src } = useMediaSource(elem);
  return src ? (
    <img
      className="tidings-message-viewer-media"
      src={src}
      alt={label}
      width={elem.width || undefined}
      height={elem.height || undefined}
    />
  ) : (
    <ImageIcon className="tidings-message-viewer-glyph" size={48} />
  );
}
