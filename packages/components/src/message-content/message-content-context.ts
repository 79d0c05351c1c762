import type {
  CustomElem,
  FaceElem,
  FileElem,
  ImageElem,
  LocationElem,
  MergerElem,
  Message,
  MessageElem,
  SoundElem,
  TextElem,
  VideoElem,
} from '@tidings/core';
import { type ComponentType, createContext, useContext } from 'react';
import type { Face } from '../face-picker/index';

/** Props every element renderer gets. */
export interface MessageElemProps<E extends MessageElem = MessageElem> {
  /** The element to show. */
  elem: E;
  /** The message it belongs to (status, sender, the other elements). */
  message: Message;
  /** Its position in `message.elemList`. */
  index: number;
}

/** Props of a renderer of custom elements: the element, and its `data` parsed. */
export interface CustomElemProps extends MessageElemProps<CustomElem> {
  /** `data.businessID` when `data` is a JSON object that has one (the TUIKit convention), else null. */
  businessID: string | null;
  /** `data` parsed as JSON, or the raw string when it is not JSON. */
  data: unknown;
}

/**
 * Renderers that replace the built-in one of an element type, and renderers of custom elements by their
 * discriminator (`businessID` in the element's JSON `data`).
 *
 * @example
 * const renderers: MessageRenderers = { custom: { order: OrderCard, poll: PollCard } };
 * <MessageList renderers={renderers} />
 */
export interface MessageRenderers {
  text?: ComponentType<MessageElemProps<TextElem>>;
  image?: ComponentType<MessageElemProps<ImageElem>>;
  sound?: ComponentType<MessageElemProps<SoundElem>>;
  video?: ComponentType<MessageElemProps<VideoElem>>;
  file?: ComponentType<MessageElemProps<FileElem>>;
  location?: ComponentType<MessageElemProps<LocationElem>>;
  face?: ComponentType<MessageElemProps<FaceElem>>;
  merger?: ComponentType<MessageElemProps<MergerElem>>;
  /** Custom elements by `businessID`; others show their description. */
  custom?: Readonly<Record<string, ComponentType<CustomElemProps>>>;
  /** Custom elements with no renderer of their own. @default the description in a card */
  customFallback?: ComponentType<CustomElemProps>;
}

/** How message content is shown and what its parts do; shared by every message of a list. */
export interface MessageContentOptions {
  /** Renderers per element type, and custom elements by `businessID`. */
  renderers?: MessageRenderers | undefined;
  /**
   * Builds a map link for a location (only http(s) links are shown), e.g.
   * `(elem) => \`https://www.openstreetmap.org/?mlat=${elem.latitude}&mlon=${elem.longitude}\``.
   * No link when left out.
   */
  mapLinkBuilder?: ((elem: LocationElem) => string | null | undefined) | undefined;
  /**
   * The faces (stickers) face elements are looked up in, by `data` and `index`.
   * @default DEFAULT_FACES (the face picker's built-in set)
   */
  faces?: readonly Face[] | undefined;
  /** A picture was activated. @default opens the built-in full view */
  onOpenImage?: ((details: { message: Message; elem: ImageElem }) => void) | undefined;
  /** A merged message (chat history) was activated. @default opens the built-in list of its messages */
  onOpenMerger?: ((details: { message: Message; elem: MergerElem }) => void) | undefined;
  /**
   * The quote of a reply was activated.
   * @default jumps to the quoted message (`jumpToMessage`), which the message list scrolls to and highlights
   */
  onOpenQuote?: ((details: { message: Message; quotedMsgID: string }) => void) | undefined;
}

const NO_OPTIONS: MessageContentOptions = {};

/** The options of the nearest message content; the built-in renderers read them. */
export const MessageContentContext = createContext<MessageContentOptions>(NO_OPTIONS);
MessageContentContext.displayName = 'TidingsMessageContentContext';

/** The {@link MessageContentOptions} the enclosing `<MessageContent>` (or `<MessageList>`) was given. */
export function useMessageContentOptions(): MessageContentOptions {
  return useContext(MessageContentContext);
}
