import { formatMessagePreview, type Message, type MessageElem } from '@tidings/core';
import { clsx } from 'clsx';
import { type ComponentType, useMemo } from 'react';
import { useChatStrings } from '../chat-provider/index';
import {
  MessageContentContext,
  type MessageContentOptions,
  type MessageElemProps,
  type MessageRenderers,
  useMessageContentOptions,
} from './message-content-context';
import { MessageCustom } from './message-content-custom';
import { MessageFace } from './message-content-face';
import { MessageFile } from './message-content-file';
import { MessageImage } from './message-content-image';
import { emojiOnlyCount } from './message-content-links';
import { MessageLocation } from './message-content-location';
import { MessageMerger } from './message-content-merger';
import { MessageQuote } from './message-content-quote';
import { getMessageReply } from './message-content-reply';
import { MessageSound } from './message-content-sound';
import { MessageText } from './message-content-text';
import { MessageVideo } from './message-content-video';

/** Props of {@link MessageContent}. */
export interface MessageContentProps {
  /** The message whose elements to show. */
  message: Message;
  /**
   * Renderers and behaviour of the parts. Inside a `<MessageList>` leave it out: the list passes its own.
   * @default the enclosing list's options
   */
  options?: MessageContentOptions | undefined;
  /** Extra class on the root. */
  className?: string | undefined;
}

// biome-ignore lint/suspicious/noExplicitAny: each built-in takes the props of its own element type
const BUILT_IN: Record<Exclude<MessageElem['type'], 'custom' | 'groupTip'>, ComponentType<any>> = {
  text: MessageText,
  image: MessageImage,
  sound: MessageSound,
  video: MessageVideo,
  file: MessageFile,
  location: MessageLocation,
  face: MessageFace,
  merger: MessageMerger,
};

function GroupTip({ message }: MessageElemProps) {
  const strings = useChatStrings();
  return <p className="tidings-message-tip">{formatMessagePreview(message, { strings })}</p>;
}

function rendererOf(
  type: MessageElem['type'],
  renderers: MessageRenderers | undefined,
): ComponentType<MessageElemProps> {
  if (type === 'custom') return MessageCustom as ComponentType<MessageElemProps>;
  if (type === 'groupTip') return GroupTip;
  return (renderers?.[type] as ComponentType<MessageElemProps> | undefined) ?? BUILT_IN[type];
}

/**
 * The content of a message: the quote of a reply, then every element in order, each with the renderer of
 * its type (text with safe links, picture, voice, video, file, location, face, merged chat history,
 * custom elements by their `businessID`). Apps replace any of them through `renderers`.
 *
 * DOM: `div.tidings-message-content` > (`button.tidings-message-quote`) + one root per element
 * (`.tidings-message-text`, `.tidings-message-image`…).
 *
 * Data attributes: `data-type` = the element type of a single-element message, `mixed` for several;
 * `data-bare` when it is only a picture, video or face (shown without a bubble's padding).
 *
 * @example
 * <MessageContent message={message} options={{ renderers: { custom: { order: OrderCard } } }} />
 */
export function MessageContent({ message, options, className }: MessageContentProps) {
  const inherited = useMessageContentOptions();
  const resolved = options ?? inherited;
  const reply = useMemo(() => getMessageReply(message), [message]);
  const { elemList } = message;
  const content = (
    <div
      className={clsx('tidings-message-content', className)}
      data-type={elemList.length === 1 ? elemList[0]?.type : 'mixed'}
      data-bare={isBareContent(message) ? '' : undefined}
    >
      {reply && <MessageQuote message={message} reply={reply} />}
      {elemList.map((elem, index) => {
        const Renderer = rendererOf(elem.type, resolved.renderers);
        // Elements of a message never reorder; their position is their identity.
        return <Renderer key={index} elem={elem} message={message} index={index} />;
      })}
    </div>
  );
  return options ? (
    <MessageContentContext.Provider value={options}>{content}</MessageContentContext.Provider>
  ) : (
    content
  );
}

/**
 * Whether a message is only a picture, a video, a face or one to three emoji: shown as it is, without a
 * bubble around it.
 */
export function isBareContent(message: Message): boolean {
  if (message.elemList.length !== 1 || getMessageReply(message)) return false;
  const [elem] = message.elemList;
  return (
    elem?.type === 'image' ||
    elem?.type === 'video' ||
    elem?.type === 'face' ||
    (elem?.type === 'text' && emojiOnlyCount(elem.text) > 0)
  );
}
