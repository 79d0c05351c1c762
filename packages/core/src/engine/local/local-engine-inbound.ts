import { ChatError, ChatErrorCode } from '../../model/chat-error';
import { normaliseMessage } from '../../model/message-schema';
import type { Message } from '../../model/types';
import type { HubConversation, HubMethod, HubMethods, HubPush } from './local-protocol';

/**
 * @internal What a local engine hears from its hub, made safe before it enters the engine. The hub checks
 * what it stores, but the hub is only as trusted as the channel: any tab of the origin can post on the
 * BroadcastChannel, as a client or pretending to be the hub, and a database written by an older version
 * may hold anything. So every message that arrives (pushes, sync, history, send results, conversations'
 * last messages) goes through the one message schema: fields of their types, elements normalised, and a
 * message without an identity (no msgID) dropped.
 */

/** A received message made well-formed, or null when it has no msgID to be known by. */
export function inboundMessage(value: unknown): Message | null {
  const message = normaliseMessage(value);
  return message.msgID === '' ? null : message;
}

function inboundMessages(value: unknown): Message[] {
  if (!Array.isArray(value)) return [];
  const out: Message[] = [];
  for (const item of value) {
    const message = inboundMessage(item);
    if (message) out.push(message);
  }
  return out;
}

/** A conversation with its last message made well-formed (an unusable one becomes none). */
function inboundConversation(conversation: HubConversation): HubConversation {
  if (typeof conversation !== 'object' || conversation === null) return conversation;
  const last = conversation.lastMessage;
  if (last === null || last === undefined) return conversation;
  return { ...conversation, lastMessage: inboundMessage(last) };
}

function inboundConversations(list: unknown): HubConversation[] {
  return Array.isArray(list) ? list.map(inboundConversation) : [];
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

/** A hub response with every message in it made well-formed (see the file's comment). */
export function inboundResult<M extends HubMethod>(
  method: M,
  result: HubMethods[M]['result'],
): HubMethods[M]['result'] {
  if (!isObject(result) || Array.isArray(result)) {
    return (method === 'findByLocator' ? inboundMessage(result) : result) as HubMethods[M]['result'];
  }
  const out: Record<string, unknown> = { ...result };
  if ('conversations' in out) out.conversations = inboundConversations(out.conversations);
  if (isObject(out.conversation)) out.conversation = inboundConversation(out.conversation as never);
  switch (method) {
    case 'getConversation':
      return inboundConversation(result as never) as HubMethods[M]['result'];
    case 'findByLocator':
      return inboundMessage(result) as HubMethods[M]['result'];
    case 'sync':
      out.recent = inboundMessages(out.recent);
      break;
    case 'history':
      out.messages = inboundMessages(out.messages);
      break;
    case 'send':
    case 'revoke': {
      const message = inboundMessage(out.message);
      if (!message) {
        throw new ChatError(ChatErrorCode.NetworkError, `${method}: the hub answered without a message.`, {
          method,
        });
      }
      out.message = message;
      break;
    }
    case 'sendToUsers':
      out.results = Array.isArray(out.results)
        ? out.results.map((item: Record<string, unknown>) => ({
            ...item,
            message: item?.message == null ? null : inboundMessage(item.message),
          }))
        : [];
      break;
    default:
      break;
  }
  return out as HubMethods[M]['result'];
}

/** A push with every message in it made well-formed; null when it carries nothing usable. */
export function inboundPush(push: unknown): HubPush | null {
  if (!isObject(push)) return null;
  const typed = push as HubPush;
  switch (typed.type) {
    case 'conversations':
      return { ...typed, conversations: inboundConversations(typed.conversations) };
    case 'groups':
      return isObject(typed.groups)
        ? { ...typed, conversations: inboundConversations(typed.conversations) }
        : null;
    case 'message':
    case 'revoked': {
      const message = inboundMessage(typed.message);
      if (!message) return null;
      const conversation = isObject(typed.conversation) ? inboundConversation(typed.conversation) : null;
      return { ...typed, message, conversation };
    }
    case 'onlineMessage': {
      const message = inboundMessage(typed.message);
      return message && { ...typed, message };
    }
    case 'receipt':
      return isObject(typed.receipt) && isObject(typed.conversation)
        ? { ...typed, conversation: inboundConversation(typed.conversation) }
        : null;
    default:
      return null;
  }
}
