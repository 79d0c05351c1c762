import type { Message } from '../model/types';
import { formatMessagePreview, type MessagePreviewOptions } from './format-preview';

/** What a reply says about the message it quotes. */
export interface MessageReply {
  /** The quoted message, to jump to. */
  msgID: string;
  /** Who sent the quoted message, as shown when the reply was written. */
  senderName: string;
  /** A one-line preview of the quoted message. */
  abstract: string;
}

// The shape Tencent's TUIKit writes into cloudCustomData, so quotes work between Tidings and TUIKit apps.
interface TuikitReply {
  messageID?: unknown;
  messageAbstract?: unknown;
  messageSender?: unknown;
}

/**
 * The quote a message carries in its `cloudCustomData` (`{ "messageReply": { messageID, messageAbstract,
 * messageSender } }`, as Tencent's TUIKit writes it), or null when it quotes nothing.
 *
 * @example
 * const reply = getMessageReply(message); // { msgID: 'm1', senderName: 'Bob', abstract: 'hi' } | null
 */
export function getMessageReply(message: Message): MessageReply | null {
  if (!message.cloudCustomData.includes('messageReply')) return null;
  try {
    const data: unknown = JSON.parse(message.cloudCustomData);
    const reply = (data as { messageReply?: TuikitReply } | null)?.messageReply;
    if (!reply || typeof reply.messageID !== 'string' || !reply.messageID) return null;
    return {
      msgID: reply.messageID,
      senderName: typeof reply.messageSender === 'string' ? reply.messageSender : '',
      abstract: typeof reply.messageAbstract === 'string' ? reply.messageAbstract : '',
    };
  } catch {
    return null;
  }
}

/** Options of {@link createMessageReply}. */
export interface CreateMessageReplyOptions {
  /** The string table, for the quoted message's preview (`[Image]`…). */
  strings: MessagePreviewOptions['strings'];
  /** The quoted sender's display name. @default the message's nick, else its sender ID */
  senderName?: string | undefined;
  /** `cloudCustomData` of the reply to merge into, as a JSON object string. @default '' */
  cloudCustomData?: string | undefined;
}

/**
 * The `cloudCustomData` of a reply to `message`: set on the reply before sending (the store's `sendText`
 * does it with its `reply` option), every Tidings (and TUIKit) message list shows the quote and jumps to
 * the quoted message when it is activated.
 *
 * @example
 * await store.getState().sendText(conversationID, text, { reply: { message: quoted, strings } });
 */
export function createMessageReply(message: Message, options: CreateMessageReplyOptions): string {
  const base = parseObject(options.cloudCustomData ?? '');
  const abstract = formatMessagePreview(message, { strings: options.strings, isGroup: false });
  return JSON.stringify({
    ...base,
    messageReply: {
      messageID: message.msgID,
      messageAbstract: abstract,
      messageSender: options.senderName ?? (message.nick || message.sender),
      messageType: message.elemList[0]?.type ?? 'text',
      messageTime: message.timestamp,
      messageSequence: message.seq,
      version: 1,
    },
  });
}

function parseObject(json: string): Record<string, unknown> {
  if (!json) return {};
  try {
    const value: unknown = JSON.parse(json);
    return typeof value === 'object' && value !== null && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : {};
  } catch {
    return {};
  }
}
