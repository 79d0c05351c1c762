/**
 * Message content: renders a message's elements (text with links, images, video, sound, files, faces,
 * locations, merged and quoted messages, custom). Main files: `message-content.tsx` (dispatch by element),
 * one `message-content-<element>.tsx` per element, `message-content-media.ts` (media sizing and sources,
 * shared with message-list but not public). May import `@tidings/core`, React and sibling folders through
 * their index.
 */
export { isBareContent, MessageContent, type MessageContentProps } from './message-content';
export {
  type CustomElemProps,
  MessageContentContext,
  type MessageContentOptions,
  type MessageElemProps,
  type MessageRenderers,
  useMessageContentOptions,
} from './message-content-context';
export { MessageCustom, MessageCustomFallback, parseCustomData } from './message-content-custom';
export { MessageFace } from './message-content-face';
export { FileName, MessageFile } from './message-content-file';
export { MessageImage } from './message-content-image';
export {
  emojiOnlyCount,
  safeHref,
  splitLinks,
  type TextSegment,
  textDirection,
} from './message-content-links';
export { formatCoordinates, MessageLocation } from './message-content-location';
export {
  acquireMediaSource,
  type MediaDownloader,
  type MediaElem,
  type MediaPart,
  type MediaSourceOptions,
  mediaDownloaderOf,
  mediaFileName,
  mediaSourceOf,
  saveMediaElem,
} from './message-content-media';
export { MessageMerger } from './message-content-merger';
export { MessageQuote, type MessageQuoteProps } from './message-content-quote';
export {
  type CreateMessageReplyOptions,
  createMessageReply,
  getMessageReply,
  type MessageReply,
} from './message-content-reply';
export { MessageSound } from './message-content-sound';
export { MessageText } from './message-content-text';
export { MessageUploadProgress, type MessageUploadProgressProps } from './message-content-upload';
export { MessageVideo } from './message-content-video';
export { MessageContentViewer, type MessageContentViewerProps } from './message-content-viewer';
export {
  type MediaSourceStatus,
  type UseAudioPlaybackReturn,
  type UseMediaSourceReturn,
  useAudioPlayback,
  useMediaSource,
  useSendProgress,
} from './use-message-content';
