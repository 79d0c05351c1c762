import type { FaceElem } from '@tidings/core';
import { useChatConfig } from '../chat-provider/index';
import { DEFAULT_FACES, faceName, findFace } from '../face-picker/index';
import { type MessageElemProps, useMessageContentOptions } from './message-content-context';

/**
 * A face (sticker), looked up by `data` and `index` in the list's faces (the face picker's set by
 * default) and shown large; an unknown face shows the `[Sticker]` marker.
 *
 * DOM: `span.tidings-message-face[role=img]` named by the face's name in the UI language.
 *
 * Data attributes: `data-unknown` when the face is not in the set.
 */
export function MessageFace({ elem }: MessageElemProps<FaceElem>) {
  const { strings, locale } = useChatConfig();
  const { faces = DEFAULT_FACES } = useMessageContentOptions();
  const face = findFace(elem.index, elem.data, faces);
  return face ? (
    <span className="tidings-message-face" role="img" aria-label={faceName(face, locale)}>
      {face.emoji}
    </span>
  ) : (
    <span className="tidings-message-face" role="img" aria-label={strings.sticker} data-unknown="">
      {strings.previewSticker}
    </span>
  );
}
