import type { TextElem } from '@tidings/core';
import { useMemo } from 'react';
import { useProviderUrlPolicy } from '../chat-provider/index';
import type { MessageElemProps } from './message-content-context';
import { emojiOnlyCount, splitLinks } from './message-content-links';

/**
 * A text element: the text as typed (line breaks kept, never interpreted as HTML), http(s) URLs and `www.`
 * hosts that the URL policy allows as links that open in a new tab, and a message of one to three emoji
 * shown large.
 *
 * DOM: `p.tidings-message-text` > text and `a.tidings-message-link`.
 *
 * Data attributes: `data-emoji-only="1" | "2" | "3"` when the text is only that many emoji.
 */
export function MessageText({ elem }: MessageElemProps<TextElem>) {
  const urlPolicy = useProviderUrlPolicy();
  const segments = useMemo(() => splitLinks(elem.text, urlPolicy), [elem.text, urlPolicy]);
  const emoji = useMemo(() => emojiOnlyCount(elem.text), [elem.text]);
  return (
    <p className="tidings-message-text" dir="auto" data-emoji-only={emoji || undefined}>
      {segments.map((segment, i) =>
        segment.type === 'link' ? (
          <a
            // Segments never reorder; the index is their identity.
            key={i}
            className="tidings-message-link"
            href={segment.href}
            target="_blank"
            rel="noopener noreferrer nofollow ugc"
          >
            {segment.text}
          </a>
        ) : (
          segment.text
        ),
      )}
    </p>
  );
}
