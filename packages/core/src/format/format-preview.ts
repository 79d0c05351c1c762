import type { Conversation, GroupTipElem, Message, MessageElem } from '../model/types';
import type { TidingsInboxStrings } from './format-strings';

/** Previews longer than this are cut; the list shows one line anyway. */
const MAX_PREVIEW_LENGTH = 200;

const LINE_BREAK = /\r\n|[\r\n\u2028\u2029]/u;

/** Group tips name this many people in full; a longer list names one fewer and counts the rest. */
const MAX_NAMES_LISTED = 3;

/** `text` cut at {@link MAX_PREVIEW_LENGTH} code points with an ellipsis (never splitting an emoji). */
function capped(text: string): string {
  if (text.length <= MAX_PREVIEW_LENGTH) return text;
  // Only the start is counted: past twice the limit in UTF-16 units there are surely too many code points.
  const points = Array.from(text.slice(0, MAX_PREVIEW_LENGTH * 2 + 1));
  if (text.length <= MAX_PREVIEW_LENGTH * 2 && points.length <= MAX_PREVIEW_LENGTH) return text;
  return `${points.slice(0, MAX_PREVIEW_LENGTH).join('')}…`;
}

/** The first line of a text with its whitespace collapsed, cut at {@link MAX_PREVIEW_LENGTH}. */
function firstLine(text: string): string {
  // Only the start can be shown: a 12 KB text is not split and collapsed whole for a one-line row.
  const head = text.length > MAX_PREVIEW_LENGTH * 8 ? text.slice(0, MAX_PREVIEW_LENGTH * 8) : text;
  return capped((head.trim().split(LINE_BREAK)[0] ?? '').replace(/\s+/gu, ' ').trim());
}

function withDetail(marker: string, detail: string): string {
  const text = firstLine(detail);
  return text ? `${marker} ${text}` : marker;
}

/** Options of {@link formatMessagePreview}. */
export interface MessagePreviewOptions {
  /** The string table (markers, sentences). */
  strings: TidingsInboxStrings;
  /**
   * Whether the message is in a group conversation: its preview is prefixed with the sender
   * (`Bob: hi`, `You: hi`).
   * @default message.conversationType === 'group'
   */
  isGroup?: boolean | undefined;
  /**
   * The sender's display name.
   * @default nameOf(message.sender) when `nameOf` is given, else the message's nick, else the sender's ID
   */
  senderName?: string | undefined;
  /** The signed-in user, so their own messages and tips read "You". @default derived from `message.isSelf` */
  selfUserID?: string | undefined;
  /**
   * Resolves a user ID to a display name (for group tips, revokers and senders); return the ID when
   * unknown.
   * @default the user ID itself
   */
  nameOf?: ((userID: string) => string) | undefined;
}

/**
 * The preview of one element: the text's first line, or a marker (`[Image]`, `[File] report.pdf`,
 * `[Location] Office`, a custom element's description…). Group tips need names; use
 * {@link formatMessagePreview} for whole messages.
 */
export function formatElemPreview(elem: MessageElem, strings: TidingsInboxStrings): string {
  switch (elem.type) {
    case 'text':
      return firstLine(elem.text);
    case 'image':
      return strings.previewImage;
    case 'sound':
      return strings.previewVoice;
    case 'video':
      return strings.previewVideo;
    case 'file':
      return withDetail(strings.previewFile, elem.fileName);
    case 'location':
      return withDetail(strings.previewLocation, elem.description);
    case 'face':
      return strings.previewSticker;
    case 'merger':
      return strings.previewChatHistory;
    case 'custom':
      return firstLine(elem.description) || strings.previewCustom;
    case 'groupTip':
      return '';
  }
}

interface Names {
  /** A user as the subject of a sentence ("You joined"). */
  subject(userID: string): string;
  /** A user as the object of a sentence ("Alice removed you"). */
  object(userID: string): string;
}

function formatGroupTip(tip: GroupTipElem, strings: TidingsInboxStrings, names: Names): string {
  // A tip may name thousands of members (a join of 10,000): name a few, count the others.
  const list = (ids: readonly string[], form: 'subject' | 'object') => {
    if (ids.length <= MAX_NAMES_LISTED) return strings.listOfNames(ids.map((id) => names[form](id)));
    const shown = ids.slice(0, MAX_NAMES_LISTED - 1).map((id) => capped(names[form](id)));
    const others = ids.length - shown.length;
    return strings.listOfNames([...shown, strings.othersCount?.(others) ?? `+${others}`]);
  };
  const operator = names.subject(tip.opUserID);
  const targets = tip.userIDList.length > 0 ? tip.userIDList : [tip.opUserID];
  switch (tip.tipType) {
    case 'join':
      return strings.groupTipJoined(list(targets, 'subject'));
    case 'quit':
      return strings.groupTipQuit(operator);
    case 'kicked':
      return strings.groupTipKicked(operator, list(targets, 'object'));
    case 'setAdmin':
      return strings.groupTipSetAdmin(operator, list(targets, 'object'));
    case 'cancelAdmin':
      return strings.groupTipCancelAdmin(operator, list(targets, 'object'));
    case 'groupInfoChange': {
      const name = tip.groupInfo.name;
      return name !== undefined
        ? strings.groupTipRenamed(operator, name)
        : strings.groupTipInfoChanged(operator);
    }
    case 'memberInfoChange':
      return strings.groupTipMemberInfoChanged(list(targets, 'object'));
    case 'create':
      return strings.groupTipCreated(operator);
    case 'dismiss':
      return strings.groupTipDismissed;
  }
}

/**
 * The one-line preview of a message, as a conversation list or a notification shows it:
 * - text: its first line, whitespace collapsed; other elements as markers (`[Image]`, `[Voice]`, `[Video]`,
 *   `[File] name`, `[Location] description`, `[Sticker]`, `[Chat history]`, a custom element's description
 *   or `[Custom message]`); several elements joined with spaces;
 * - group messages prefixed with the sender (`Bob: hi`, `You: hi`);
 * - a recalled message as a notice (`You recalled a message`, `Bob recalled a message`);
 * - a group tip as a sentence (`Carol joined the group`).
 *
 * `''` for `null`.
 *
 * @example
 * formatMessagePreview(conversation.lastMessage, { strings: en, selfUserID: 'alice' }); // 'Bob: [Image]'
 */
export function formatMessagePreview(message: Message | null, options: MessagePreviewOptions): string {
  if (!message) return '';
  const { strings, nameOf } = options;
  const isSelfID = (userID: string) =>
    options.selfUserID !== undefined
      ? userID === options.selfUserID
      : userID === message.sender && message.isSelf;
  const isSelf = options.selfUserID !== undefined ? message.sender === options.selfUserID : message.isSelf;
  const tip = message.elemList.find((elem): elem is GroupTipElem => elem.type === 'groupTip');
  // A tip's own nicknames (sent by the server) beat IDs, but not the app's names for its users.
  const nickOf = (id: string) =>
    tip?.nicknames && Object.hasOwn(tip.nicknames, id) ? tip.nicknames[id] : undefined;
  const senderName =
    options.senderName ??
    (nameOf?.(message.sender) || nickOf(message.sender) || message.nick || message.sender);
  const nameOfOther = (id: string) => nameOf?.(id) || nickOf(id) || id;
  const names: Names = {
    subject: (id) => (isSelfID(id) ? strings.you : id === message.sender ? senderName : nameOfOther(id)),
    object: (id) => (isSelfID(id) ? strings.youObject : id === message.sender ? senderName : nameOfOther(id)),
  };

  if (message.status === 'revoked') {
    const revoker = message.revoker || message.sender;
    return capped(
      isSelfID(revoker) || (!message.revoker && isSelf)
        ? strings.recalledBySelf
        : strings.recalledBy(names.subject(revoker)),
    );
  }

  if (tip) return capped(formatGroupTip(tip, strings, names));

  // Elements are previewed only until the row is full: a message of 1,000 elements costs what a short one does.
  const parts: string[] = [];
  let length = 0;
  for (const elem of message.elemList) {
    if (length > MAX_PREVIEW_LENGTH) break;
    const part = formatElemPreview(elem, strings);
    if (!part) continue;
    parts.push(part);
    length += part.length + 1;
  }
  const text = parts.join(' ');
  const isGroup = options.isGroup ?? message.conversationType === 'group';
  if (!isGroup || !text) return capped(text);
  return capped(strings.previewWithSender(isSelf ? strings.you : capped(senderName), text));
}

/** The parts of a conversation's preview, for rendering the marker in its own colour. */
export interface ConversationPreview {
  /** What the preview shows: the draft, the last message, or nothing (history cleared, no messages). */
  kind: 'draft' | 'message' | 'empty';
  /**
   * A marker before the text: `draft` (`[Draft]`, shown in the danger colour), `mentionMe` / `mentionAll`
   * (`[@me]` / `[@all]`, in the accent colour) for unread mentions; `null` when there is none.
   */
  markerType: 'draft' | 'mentionMe' | 'mentionAll' | null;
  /** The marker's text from the string table; `''` when there is none. */
  marker: string;
  /** The text after the marker. */
  text: string;
}

/** Options of {@link getConversationPreview} and {@link formatConversationPreview}. */
export interface ConversationPreviewOptions {
  /** The string table (markers, sentences). */
  strings: TidingsInboxStrings;
  /** The signed-in user, so their own messages and tips read "You". @default derived from `message.isSelf` */
  selfUserID?: string | undefined;
  /**
   * Resolves a user ID to a display name (group senders, tips, revokers).
   * @default the message's nick for its sender, else the user ID
   */
  nameOf?: ((userID: string) => string) | undefined;
}

/**
 * The preview of a conversation in parts: a draft wins (`[Draft]` + its first line) over the last message;
 * an unread `@` mention in a group adds `[@me]` / `[@all]` before the last message. The last message is
 * prefixed with its sender in groups, and with "You" wherever it is your own.
 *
 * @example
 * const { markerType, marker, text } = getConversationPreview(conversation, { strings: en });
 */
export function getConversationPreview(
  conversation: Conversation,
  options: ConversationPreviewOptions,
): ConversationPreview {
  const { strings } = options;
  const draft = conversation.draftText ? firstLine(conversation.draftText) : '';
  if (draft) return { kind: 'draft', markerType: 'draft', marker: strings.previewDraft, text: draft };

  const last = conversation.lastMessage;
  const isOwn =
    last !== null && (options.selfUserID !== undefined ? last.sender === options.selfUserID : last.isSelf);
  const text = formatMessagePreview(last, {
    strings,
    // Your own last message says so in a one-to-one chat too ("You: see you"), as in a group.
    isGroup: conversation.type === 'group' || isOwn,
    ...(options.selfUserID !== undefined && { selfUserID: options.selfUserID }),
    ...(options.nameOf && { nameOf: options.nameOf }),
  });
  const mention = conversation.unreadCount > 0 ? mentionOf(conversation) : null;
  return {
    kind: conversation.lastMessage ? 'message' : 'empty',
    markerType: mention,
    marker:
      mention === 'mentionMe'
        ? strings.previewMentionMe
        : mention === 'mentionAll'
          ? strings.previewMentionAll
          : '',
    text,
  };
}

function mentionOf(conversation: Conversation): 'mentionMe' | 'mentionAll' | null {
  let all = false;
  for (const info of conversation.groupAtInfoList) {
    if (info.atType === 'me' || info.atType === 'allAndMe') return 'mentionMe';
    if (info.atType === 'all') all = true;
  }
  return all ? 'mentionAll' : null;
}

/**
 * The preview of a conversation as one string: `[Draft] text`, `[@me] Bob: look`, `Bob: hi`, or `''`.
 * See {@link getConversationPreview} to style the marker.
 */
export function formatConversationPreview(
  conversation: Conversation,
  options: ConversationPreviewOptions,
): string {
  const { marker, text } = getConversationPreview(conversation, options);
  return capped(marker && text ? `${marker} ${text}` : marker || text);
}
